package cli

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/textwrap"
)

// initConfigHeader opens the prodgen.yaml that init writes.
const initConfigHeader = `# prodgen configuration, written by "prodgen init".
#
# Each setting is taken from the first of: a command-line flag, an
# environment variable (PRODGEN_<KEY>; OPENAI_API_KEY and OPENAI_BASE_URL
# too), this file, prodgen's default. A setting commented out below is at
# its default: remove the "# " to change it. Relative paths are taken from
# this folder.
#
#   prodgen config        shows the settings in force and where each came from
#   prodgen help config   explains every setting
`

// initPricesExample is the price table shown, commented out, in the file.
const initPricesExample = "#   gpt-4o-mini: {input: 0.15, output: 0.60}  # an example: check your provider's current prices"

// initConfig renders the prodgen.yaml init writes: every key from the
// reference with what it does, the keys in set with their values, and the
// rest commented out at their defaults, so the file loads as the defaults.
func initConfig(set map[string]string) string {
	var b strings.Builder
	b.WriteString(initConfigHeader)
	for _, k := range config.Reference() {
		b.WriteString("\n")
		for _, line := range textwrap.Lines(k.Summary, 74) {
			b.WriteString("# " + line + "\n")
		}
		if how := keySetBy(k); how != "file only" {
			b.WriteString("# Also: " + how + ".\n")
		}
		v, ok := set[k.Name]
		switch {
		case k.Secret:
			b.WriteString("# Never write the key here, where it is easily committed: set\n# OPENAI_API_KEY in the environment.\n")
			b.WriteString("# " + k.Name + ":\n")
		case ok:
			b.WriteString(k.Name + ": " + yamlScalar(v) + "\n")
		case k.Kind == "prices":
			b.WriteString("# " + k.Name + ":\n" + initPricesExample + "\n")
		case k.Default == "":
			b.WriteString("# " + k.Name + ":\n")
		default:
			b.WriteString("# " + k.Name + ": " + yamlScalar(k.Default) + "\n")
		}
	}
	return b.String()
}

// yamlScalar writes v as a YAML scalar that reads back as the same string:
// plain when that is safe, else double-quoted (Go's escapes are YAML's).
func yamlScalar(v string) string {
	lower := strings.ToLower(v)
	switch lower {
	case "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return strconv.Quote(v)
	}
	if strings.HasPrefix(lower, ".inf") || strings.HasPrefix(lower, ".nan") || strings.HasSuffix(v, ":") {
		return strconv.Quote(v)
	}
	for i, r := range v {
		plain := unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._/+-:", r)
		if !plain || (i == 0 && strings.ContainsRune("-:", r)) {
			return strconv.Quote(v)
		}
	}
	return v
}
