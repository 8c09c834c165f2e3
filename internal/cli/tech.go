package cli

import (
	"context"

	"github.com/spf13/cobra"
)

type techOptions struct {
	f   *factory
	cmd *cobra.Command

	Force  bool
	DryRun bool
	Output string // empty: <out_dir>/tech.md; "-": stdout
}

func newTechCmd(f *factory, runF func(context.Context, *techOptions) error) *cobra.Command {
	opts := &techOptions{f: f}
	cmd := &cobra.Command{
		Use:   "tech",
		Short: "Write technical requirements from the PRD and the stories",
		Long: `Write technical requirements (docs/tech.md) from docs/prd.md and
docs/stories.md: architecture, data model, API endpoints, quality requirements
and implementation tasks (T-001), each task traced to the stories it delivers.`,
		Example: `  prodgen tech
  prodgen tech -o -`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
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

func runTech(ctx context.Context, opts *techOptions) error {
	if opts.DryRun {
		return opts.f.dryRunStage(opts.cmd, "tech", "", opts.Output, opts.Force)
	}
	cfg, proj, err := opts.f.setup(opts.cmd)
	if err != nil {
		return err
	}
	proj.Guard = func(stage string) error { return opts.f.refuseEdited(proj, stage, opts.Output, opts.Force) }
	res, err := proj.Tech(ctx)
	if err != nil {
		return err
	}
	return opts.f.emit(cfg, proj, res, opts.Output)
}
