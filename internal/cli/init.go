package cli

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/starter"
)

type initOptions struct {
	f   *factory
	cmd *cobra.Command

	Brief    string // the brief to write, relative to the project
	CacheDir string // a response cache folder to configure; empty for none
	Force    bool   // overwrite prodgen.yaml and the brief
}

func newInitCmd(f *factory, runF func(context.Context, *initOptions) error) *cobra.Command {
	opts := &initOptions{f: f}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Start a project: a commented prodgen.yaml and a starter brief",
		Long: `Write, in the project folder (-C), a prodgen.yaml that lists every setting
with its default and what it does, and a starter brief.md under the headings
prodgen reads, with example content to replace.

Settings are written commented out at their default, so the file changes
nothing until you edit it. --provider, --model, --base-url and --out-dir,
--brief and --cache-dir are written as settings. The API key is never
written: set OPENAI_API_KEY in the environment.

init adds to .gitignore (created if need be) .prodgen-running, the file
prodgen holds while it runs so that two runs never write at once, and with
--cache-dir inside the project the cache folder; an entry already there is
not repeated.

init never overwrites a file: if prodgen.yaml or the brief exists it writes
nothing and exits with code 2, unless --force is given.`,
		Example: `  prodgen init
  prodgen init --model gpt-4o
  prodgen init --base-url http://localhost:11434/v1 --model llama3.1   # Ollama
  prodgen -C product init --cache-dir .prodgen-cache`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(opts.Brief) == "" {
				return &usageError{errors.New("--brief must name a file, e.g. brief.md")}
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Brief, "brief", "brief.md", "write the starter brief to `file`")
	cmd.Flags().StringVar(&opts.CacheDir, "cache-dir", "", "keep the response cache in `dir` (added to .gitignore when inside the project)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite prodgen.yaml and the brief if they exist")
	return cmd
}

func runInit(_ context.Context, opts *initOptions) error {
	f := opts.f
	cfgName := orDefault(f.flags.config, config.FileName)
	cfgData := []byte(config.Template(initSettings(opts)))
	// The file must load as written, so a bad --provider or --model is
	// refused here rather than by the next command.
	if _, err := config.Load(config.Options{Dir: f.dir(), File: cfgName, Data: cfgData}); err != nil {
		return err
	}
	if err := f.lock(); err != nil {
		return err
	}
	files := []starter.File{
		{Name: cfgName, Path: f.path(cfgName), Data: cfgData, What: "every setting; those at their default commented out"},
		{Name: opts.Brief, Path: f.path(opts.Brief), Data: starter.Brief, What: "a starter brief: replace the example with your product"},
	}
	if err := starter.Check(files, opts.Force); err != nil {
		if _, ok := errors.AsType[*starter.ExistsError](err); ok {
			return &existsError{err}
		}
		return err
	}
	ignore, err := starter.Gitignore(f.dir(), opts.CacheDir)
	if errors.Is(err, starter.ErrProjectFolder) {
		return &usageError{errors.New("--cache-dir must not be the project folder itself")}
	}
	if err != nil {
		return err
	}
	if ignore != nil {
		files = append(files, *ignore)
	}
	for _, file := range files {
		if err := disk.Write(file.Path, file.Data); err != nil {
			return err
		}
		f.infof("wrote %s (%s)\n", filepath.ToSlash(file.Name), file.What)
	}
	f.infof("next: edit %s, then run: %s\n", filepath.ToSlash(opts.Brief), commandLine(f.flags, "generate"))
	f.infof("      '%s' shows the settings in force; 'prodgen help config' explains each\n", commandLine(f.flags, "config"))
	return nil
}

// initSettings are the keys init writes uncommented: those given by a
// flag the user set, the brief when not brief.md, and the cache folder.
func initSettings(opts *initOptions) map[string]string {
	set := config.FlagValues(opts.cmd.Flags())
	if opts.Brief != "brief.md" {
		set["brief"] = filepath.ToSlash(opts.Brief)
	}
	if opts.CacheDir != "" {
		set["cache_dir"] = filepath.ToSlash(opts.CacheDir)
	}
	return set
}

// commandLine is a prodgen command as the user would type it next, with
// the -C and --config they gave this time.
func commandLine(g globalFlags, sub string) string {
	parts := []string{"prodgen"}
	if g.chdir != "" {
		parts = append(parts, "-C", shellWord(g.chdir))
	}
	if g.config != "" {
		parts = append(parts, "--config", shellWord(g.config))
	}
	return strings.Join(append(parts, sub), " ")
}

// shellWord quotes s for a POSIX shell when it needs quoting.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
