package cli

import (
	"context"

	"github.com/spf13/cobra"
)

type techOptions struct {
	f   *factory
	cmd *cobra.Command

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
	return cmd
}

func runTech(ctx context.Context, opts *techOptions) error {
	_, proj, err := opts.f.setup(opts.cmd)
	if err != nil {
		return err
	}
	res, err := proj.Tech(ctx)
	if err != nil {
		return err
	}
	return opts.f.emit(proj, res, opts.Output)
}
