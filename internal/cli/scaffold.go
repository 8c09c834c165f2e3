package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/pipeline"
)

type scaffoldOptions struct {
	f   *factory
	cmd *cobra.Command

	Lang   string
	Out    string // empty: <scaffold_dir>/<lang>
	Force  bool
	Verify bool
	DryRun bool
}

func newScaffoldCmd(f *factory, runF func(context.Context, *scaffoldOptions) error) *cobra.Command {
	opts := &scaffoldOptions{f: f}
	cmd := &cobra.Command{
		Use:   "scaffold --lang go|python|typescript",
		Short: "Write a prototype project from the technical requirements and stories",
		Long: `Write a runnable prototype to prototype/<lang>/: an HTTP API service for the
entities and endpoints in docs/tech.md, with an in-memory store, input
validation, JSON errors, one test per endpoint (named after the stories it
checks), a README and a .gitignore.

Every file goes through a writer confined to the output folder: absolute
paths, "..", symlinks, .git and other protected places are rejected and
reported, and existing files are kept unless --force. --verify then builds
the prototype and runs its tests (it runs the generated code, so it is
opt-in).`,
		Example: `  prodgen scaffold --lang go
  prodgen scaffold --lang python --out ../demo --verify`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !slices.Contains(pipeline.Languages(), opts.Lang) {
				return &usageError{fmt.Errorf("--lang must be one of %s", strings.Join(pipeline.Languages(), ", "))}
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "language of the prototype: go, python or typescript")
	cmd.Flags().StringVar(&opts.Out, "out", "", "write the prototype to `dir` (default prototype/<lang>)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that already exist")
	cmd.Flags().BoolVar(&opts.Verify, "verify", false, "build the prototype and run its tests")
	addDryRunFlag(cmd, &opts.DryRun)
	// RegisterFlagCompletionFunc fails only for an undefined flag.
	_ = cmd.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return pipeline.Languages(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func runScaffold(ctx context.Context, opts *scaffoldOptions) error {
	cfg, proj, err := opts.f.project(opts.cmd, !opts.DryRun)
	if err != nil {
		return err
	}
	sel := pipeline.Selection{Stage: pipeline.ScaffoldStage(opts.Lang), Output: opts.Out, Force: opts.Force, Verify: opts.Verify}
	_, err = opts.f.run(ctx, cfg, proj, sel, opts.DryRun)
	return err
}
