package config

import (
	"slices"
	"sort"
	"strings"
)

// Allowed values of the enumerated keys.
var (
	Providers       = []string{"auto", "openai", "offline"}
	APITypes        = []string{"openai", "azure"}
	ResponseFormats = []string{"json_schema", "json_object"}
)

// kind is the type of a key's value, for parsing environment variables.
type kind int

const (
	kindString kind = iota
	kindInt
	kindFloat
	kindDuration
	kindPrices // a map of model prices, from the file only
)

// key describes one configuration key.
type key struct {
	name    string   // as written in prodgen.yaml
	flag    string   // the command-line flag that sets it, if any
	env     []string // extra environment variables, lower precedence than PRODGEN_<KEY>
	def     string   // default; empty for none
	kind    kind
	secret  bool
	summary string // one line; also the flag's usage
	// metavar names the flag's value in usage, "--jobs n"; required for a
	// key with a flag.
	metavar string
	role    role // what the key has to do with a document, if anything
}

// keys lists every key, in the order documentation shows them.
var keys = []key{
	{name: "provider", flag: "provider", metavar: "name", def: "auto", role: roleEngine, summary: "what writes the documents: auto (a model when one is configured, else offline), openai, offline"},
	{name: "brief", def: "brief.md", summary: "the product brief read by prodgen prd"},
	{name: "out_dir", flag: "out-dir", metavar: "dir", def: "docs", summary: "folder the documents are written to"},
	{name: "model", flag: "model", metavar: "name", def: "gpt-4o-mini", role: roleShapes, summary: "model name (Azure: the deployment name)"},
	{name: "base_url", flag: "base-url", metavar: "url", env: []string{"OPENAI_BASE_URL"}, role: roleEndpoint, summary: "OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 for Ollama"},
	{name: "api_key", env: []string{"OPENAI_API_KEY"}, secret: true, summary: "API key; prefer the environment to the file"},
	{name: "api_type", def: "openai", role: roleEndpoint, summary: "openai or azure"},
	{name: "api_version", role: roleEndpoint, summary: "Azure OpenAI API version, e.g. 2024-10-21"},
	{name: "organization", summary: "OpenAI organization ID"},
	{name: "temperature", kind: kindFloat, role: roleShapes, summary: "sampling temperature 0–2; unset uses the endpoint's default"},
	{name: "max_tokens", kind: kindInt, def: "0", role: roleShapes, summary: "most tokens a model may write per answer; 0 uses the endpoint's default"},
	{name: "timeout", kind: kindDuration, def: "10m", summary: "deadline for one stage, retries included"},
	{name: "idle_timeout", kind: kindDuration, def: "60s", summary: "longest silence allowed while an answer streams"},
	{name: "max_retries", kind: kindInt, def: "3", summary: "retries after a connection error, 408, 409, 429 or 5xx"},
	{name: "repair_attempts", kind: kindInt, def: "2", summary: "times an invalid answer is sent back to the model to repair"},
	{name: "jobs", flag: "jobs", metavar: "n", kind: kindInt, def: "4", summary: "model calls a stage may make at once, 1 to 64"},
	{name: "requests_per_minute", kind: kindInt, def: "0", summary: "most model requests per minute; 0 for no limit"},
	{name: "tokens_per_minute", kind: kindInt, def: "0", summary: "most tokens sent and received per minute (estimated); 0 for no limit"},
	{name: "context_window", kind: kindInt, def: "128000", summary: "tokens the model can read and write in one call; a request estimated above it is split or refused; at least 1024"},
	{name: "prices", kind: kindPrices, summary: "price of each model by name, {input, output} in US dollars per million tokens, for cost estimates; none are built in, as prices change"},
	{name: "response_format", def: "json_schema", role: roleShapes, summary: "json_schema (strict structured output) or json_object for endpoints without it"},
	{name: "prompts_dir", summary: "folder whose <stage>.md files replace the built-in prompts"},
	{name: "cache_dir", summary: "response cache folder; default $XDG_CACHE_HOME/prodgen or ~/.cache/prodgen"},
	{name: "scaffold_dir", def: "prototype", summary: "folder prototypes are written to, one subfolder per language"},
	{name: "scaffold_lang", summary: "language generate also scaffolds: go, python or typescript; empty for none"},
	{name: "scaffold_max_files", kind: kindInt, def: "500", summary: "most files a scaffold may write"},
	{name: "scaffold_max_bytes", kind: kindInt, def: "5242880", summary: "most bytes a scaffold may write"},
	{name: "verify_timeout", kind: kindDuration, def: "5m", summary: "time limit for scaffold --verify's build and tests"},
}

// EnvName is the environment variable that sets a key.
func EnvName(key string) string { return "PRODGEN_" + strings.ToUpper(key) }

// Keys returns the names of every configuration key, sorted.
func Keys() []string {
	names := make([]string, 0, len(keys))
	for _, k := range keys {
		names = append(names, k.name)
	}
	sort.Strings(names)
	return names
}

func known(name string) bool {
	_, ok := lookup(name)
	return ok
}

// lookup finds a key by name.
func lookup(name string) (key, bool) {
	i := slices.IndexFunc(keys, func(k key) bool { return k.name == name })
	if i < 0 {
		return key{}, false
	}
	return keys[i], true
}
