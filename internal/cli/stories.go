package cli

import (
	"context"

	"github.com/spf13/cobra"
)

type storiesOptions struct {
	f   *factory
	cmd *cobra.Command

	PRD    string // empty: <out_dir>/prd.md
	Force  bool
	DryRun bool
	Output string // empty: <out_dir>/stories.md; "-": stdout
}

func newStoriesCmd(f *factory, runF func(context.Context, *storiesOptions) error) *cobra.Command {
	opts := &storiesOptions{f: f}
	cmd := &cobra.Command{
		Use:   "stories [PRD]",
		Short: "Write user stories with acceptance criteria from the PRD",
		Long: `Write user stories (docs/stories.md) from the product requirements document:
each story (US-001) traces to the functional requirements it delivers and has
acceptance criteria (AC-001.1) in Given/When/Then form.

PRD defaults to docs/prd.md; edits you made to it are used.`,
		Example: `  prodgen stories
  prodgen stories -o -`,
		Args:              usageArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeMarkdown,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.PRD = args[0]
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the document to `file` (- for stdout)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the document even if it was edited by hand")
	addJobsFlag(cmd)
	addDryRunFlag(cmd, &opts.DryRun)
	return cmd
}

func runStories(ctx context.Context, opts *storiesOptions) error {
	if opts.DryRun {
		return opts.f.dryRunStage(opts.cmd, "stories", opts.PRD, opts.Output, opts.Force)
	}
	cfg, proj, err := opts.f.setup(opts.cmd)
	if err != nil {
		return err
	}
	proj.Guard = func(stage string) error { return opts.f.refuseEdited(proj, stage, opts.Output, opts.Force) }
	res, err := proj.Stories(ctx, opts.PRD)
	if err != nil {
		return err
	}
	return opts.f.emit(cfg, proj, res, opts.Output)
}
