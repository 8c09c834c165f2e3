package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/pipeline"
)

type generateOptions struct {
	f   *factory
	cmd *cobra.Command
}

func newGenerateCmd(f *factory, runF func(context.Context, *generateOptions) error) *cobra.Command {
	opts := &generateOptions{f: f}
	return &cobra.Command{
		Use:   "generate",
		Short: "Write every document in order: PRD, stories, technical requirements",
		Long: `Run every stage in order: the PRD from the brief, the stories from the PRD,
and the technical requirements from both. Each document is written before the
next stage reads it; if a stage fails, the documents before it are kept and
the ones after it are left as they were.`,
		Example: `  prodgen generate
  prodgen -C examples/habit-tracker generate`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
}

func runGenerate(ctx context.Context, opts *generateOptions) error {
	cfg, proj, err := opts.f.setup(opts.cmd)
	if err != nil {
		return err
	}
	stages := []func() (*pipeline.Result, error){
		func() (*pipeline.Result, error) { return proj.PRD(ctx, cfg.Brief) },
		func() (*pipeline.Result, error) { return proj.Stories(ctx, "") },
		func() (*pipeline.Result, error) { return proj.Tech(ctx) },
	}
	for _, stage := range stages {
		res, err := stage()
		if err != nil {
			return err
		}
		if err := opts.f.emit(proj, res, ""); err != nil {
			return err
		}
	}
	return nil
}
