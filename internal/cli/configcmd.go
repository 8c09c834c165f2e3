package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/textwrap"
)

type configOptions struct {
	f   *factory
	cmd *cobra.Command

	JSON bool
}

func newConfigCmd(f *factory, runF func(context.Context, *configOptions) error) *cobra.Command {
	opts := &configOptions{f: f}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show the configuration in force and where each value came from",
		Long:  configLong(),
		Example: `  prodgen config
  prodgen config --model gpt-4o          # shows model gpt-4o from flag --model
  prodgen -C examples/habit-tracker config
  prodgen config --json | jq -r '.settings[] | select(.source != "default") | .key'`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the configuration as JSON")
	return cmd
}

// configJSON is what config --json prints; its shape is documented in
// the command's help.
type configJSON struct {
	File     string        `json:"file"`
	Settings []settingJSON `json:"settings"`
}

type settingJSON struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
	Origin string `json:"origin"`
	Secret bool   `json:"secret"`
}

func runConfig(_ context.Context, opts *configOptions) error {
	f := opts.f
	cfg, err := f.loadConfig(opts.cmd)
	if err != nil {
		return err
	}
	file := f.relPath(cfg.File)
	settings := cfg.Settings()
	if opts.JSON {
		out := configJSON{File: file, Settings: make([]settingJSON, 0, len(settings))}
		for _, s := range settings {
			out.Settings = append(out.Settings, settingJSON{Key: s.Key, Value: s.Value, Source: s.Source, Origin: s.Origin, Secret: s.Secret})
		}
		enc := json.NewEncoder(f.deps.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write configuration: %w", err)
		}
	} else if err := writeSettings(f, settings); err != nil {
		return err
	}
	if file == "" {
		f.infof("no configuration file (%s): defaults, environment and flags only\n", config.FileName)
	} else {
		f.infof("configuration file: %s\n", file)
	}
	return nil
}

// writeSettings prints the settings as an aligned table: key, value,
// source. An empty value shows as "" so that the columns stay readable.
func writeSettings(f *factory, settings []config.Setting) error {
	tw := tabwriter.NewWriter(f.deps.IO.Out, 0, 8, 2, ' ', 0)
	for _, s := range settings {
		v := s.Value
		if v == "" {
			v = `""`
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, v, s.Where())
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write configuration: %w", err)
	}
	return nil
}

// relPath shows a path inside the project relative to it, with slashes.
func (f *factory) relPath(p string) string {
	if p == "" {
		return ""
	}
	if rel, err := filepath.Rel(f.dir(), p); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return p
}

// configExample is the example prodgen.yaml in the help; a test loads it.
const configExample = `provider: openai
model: gpt-4o-mini
out_dir: docs
jobs: 8
requests_per_minute: 500
prices:
  gpt-4o-mini: {input: 0.15, output: 0.60}`

// configLong is the configuration reference, generated from the key
// table so that it cannot drift from what prodgen reads.
func configLong() string {
	var flags, aliases []string
	for _, k := range config.Reference() {
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
	for _, k := range config.Reference() {
		b.WriteString("\n")
		for _, line := range keyDoc(k) {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	b.WriteString("\nExample prodgen.yaml:\n\n")
	for line := range strings.SplitSeq(configExample, "\n") {
		fmt.Fprintf(&b, "  %s\n", line)
	}
	b.WriteString("\nFor a local model (Ollama) set base_url: http://localhost:11434/v1 and a\nmodel it serves; for OpenAI set OPENAI_API_KEY in the environment.")
	return b.String()
}

// keyDoc documents one key in a few lines: name and default, what it does,
// and how else to set it.
func keyDoc(k config.KeyInfo) []string {
	head := k.Name
	if k.Default != "" {
		head += " (default " + k.Default + ")"
	}
	lines := []string{head}
	for _, l := range textwrap.Lines(k.Summary, 70) {
		lines = append(lines, "    "+l)
	}
	if how := keySetBy(k); how != "" {
		lines = append(lines, "    "+how)
	}
	return lines
}

// keySetBy says which variables and flag set a key besides the file.
func keySetBy(k config.KeyInfo) string {
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
