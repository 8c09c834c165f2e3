package cli

import (
	"context"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
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
		Long:  config.Help(),
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

func runConfig(_ context.Context, opts *configOptions) error {
	f := opts.f
	cfg, err := f.loadConfig(opts.cmd)
	if err != nil {
		return err
	}
	file := relPath(f.dir(), cfg.File)
	if opts.JSON {
		err = config.WriteJSON(f.deps.IO.Out, file, cfg.Settings())
	} else {
		err = config.WriteTable(f.deps.IO.Out, cfg.Settings())
	}
	if err != nil {
		return err
	}
	if file == "" {
		f.infof("no configuration file (%s): defaults, environment and flags only\n", config.FileName)
	} else {
		f.infof("configuration file: %s\n", file)
	}
	return nil
}

// relPath shows a path inside the project folder dir relative to it,
// with slashes.
func relPath(dir, p string) string {
	if p == "" {
		return ""
	}
	if rel, err := filepath.Rel(dir, p); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return p
}
