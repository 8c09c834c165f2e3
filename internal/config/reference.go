package config

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/textwrap"
)

// Example is the example prodgen.yaml that Help shows; a test loads it.
const Example = `provider: openai
model: gpt-4o-mini
out_dir: docs
jobs: 8
requests_per_minute: 500
prices:
  gpt-4o-mini: {input: 0.15, output: 0.60}`

// Help is the configuration reference, the help of "prodgen config" and
// "prodgen help config". It is generated from the key table so that it
// cannot drift from what Load reads.
func Help() string {
	var flags, aliases []string
	for _, k := range Reference() {
		if k.Flag != "" {
			flags = append(flags, "--"+k.Flag)
		}
		for _, e := range k.Env[min(1, len(k.Env)):] {
			aliases = append(aliases, e+" for "+k.Name)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `Print the configuration in force for this project: every key, its value,
and where the value came from: "default", "file prodgen.yaml",
"env PRODGEN_MODEL" or "flag --model". The API key is never printed, only
"set" or "unset". An empty value prints as "".

Each setting is taken from the first of these that sets it
(flags > env > prodgen.yaml > defaults):

  1. a command-line flag (%s)
  2. an environment variable: PRODGEN_<KEY>, e.g. PRODGEN_MODEL, then
     %s
  3. prodgen.yaml in the project folder (-C), or the file named by --config
  4. prodgen's default

A bad configuration (an unknown key, a value out of range) is exit code 2,
naming the file or variable and the key. 'prodgen init' writes a commented
prodgen.yaml with every key.

With --json, stdout is one JSON object; every value is a string, as it would
be written in prodgen.yaml, and every field is always present:

  {"file": "prodgen.yaml",          ("" when no file was read)
   "settings": [{"key": "model", "value": "gpt-4o", "source": "env",
                 "origin": "PRODGEN_MODEL", "secret": false}, ...]}

source is default, file, env or flag; origin names the file, variable or
flag ("" for a default). settings lists every key in the order below.

Keys:
`, strings.Join(flags, ", "), strings.Join(aliases, ", "))
	for _, k := range Reference() {
		b.WriteString("\n")
		for _, line := range keyDoc(k) {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	b.WriteString("\nExample prodgen.yaml:\n\n")
	for line := range strings.SplitSeq(Example, "\n") {
		fmt.Fprintf(&b, "  %s\n", line)
	}
	b.WriteString("\nFor a local model (Ollama) set base_url: http://localhost:11434/v1 and a\nmodel it serves; for OpenAI set OPENAI_API_KEY in the environment.")
	return b.String()
}

// keyDoc documents one key in a few lines: name and default, what it does,
// and how else to set it.
func keyDoc(k KeyInfo) []string {
	head := k.Name
	if k.Default != "" {
		head += " (default " + k.Default + ")"
	}
	lines := []string{head}
	for _, l := range textwrap.Lines(k.Summary, 70) {
		lines = append(lines, "    "+l)
	}
	if how := setBy(k); how != "" {
		lines = append(lines, "    "+how)
	}
	return lines
}

// setBy says which variables and flag set a key besides the file.
func setBy(k KeyInfo) string {
	var parts []string
	if len(k.Env) > 0 {
		parts = append(parts, "env "+strings.Join(k.Env, " or "))
	}
	if k.Flag != "" {
		parts = append(parts, "flag --"+k.Flag)
	}
	if len(parts) == 0 {
		return "file only"
	}
	return strings.Join(parts, "; ")
}
