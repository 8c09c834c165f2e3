package cli

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/prompt"
)

// defaultPromptsDir is where eject writes when no prompts_dir is set.
const defaultPromptsDir = "prompts"

type promptsEjectOptions struct {
	f   *factory
	cmd *cobra.Command

	Dir   string // empty: the configured prompts_dir, else defaultPromptsDir
	Force bool
}

func newPromptsEjectCmd(f *factory, runF func(context.Context, *promptsEjectOptions) error) *cobra.Command {
	opts := &promptsEjectOptions{f: f}
	cmd := &cobra.Command{
		Use:   "eject [DIR]",
		Short: "Copy the built-in prompts into a folder to edit them",
		Long: `Copy every built-in prompt template into DIR as <name>.md, creating the
folder, so that you can edit them. DIR defaults to the configured prompts_dir,
or "prompts" when none is set. Point prompts_dir at DIR and prodgen renders
your copies instead of the built-ins; a prompt whose file you delete falls
back to its built-in.

An existing file is never overwritten without --force: when any target
exists, eject names them and writes nothing. An unchanged copy renders the
same prompt as the built-in, so ejecting alone makes no document stale.`,
		Example: `  prodgen prompts eject
  prodgen prompts eject team-prompts
  prodgen prompts eject --force    # reset the configured prompts_dir to the built-ins`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if args[0] == "" {
					return &usageError{errors.New("eject: DIR is empty")}
				}
				opts.Dir = args[0]
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite prompt files that exist in DIR")
	return cmd
}

func runPromptsEject(_ context.Context, opts *promptsEjectOptions) error {
	f := opts.f
	// The configuration only: eject writes the built-ins, so a prompts_dir
	// that does not exist yet is where it is going to write.
	cfg, err := f.loadConfig(opts.cmd)
	if err != nil {
		return err
	}
	if err := f.lock(); err != nil {
		return err
	}
	dir := opts.Dir
	if dir == "" {
		dir = cfg.PromptsDir
	}
	if dir == "" {
		dir = defaultPromptsDir
	}
	dir = filepath.Clean(dir)
	abs := f.path(dir)
	if err := prompt.Eject(abs, dir, opts.Force, func(name string) { f.infof("wrote %s\n", name) }); err != nil {
		return err
	}
	if cfg.PromptsDir == "" || filepath.Clean(f.path(cfg.PromptsDir)) != filepath.Clean(abs) {
		slash := filepath.ToSlash(dir)
		f.infof("to use them, set prompts_dir: %s in prodgen.yaml (or PRODGEN_PROMPTS_DIR=%s)\n", slash, slash)
	}
	return nil
}
