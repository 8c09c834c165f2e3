package cli

import (
	"context"

	"github.com/spf13/cobra"
)

type prdOptions struct {
	f   *factory
	cmd *cobra.Command

	Brief  string // empty: the configured brief
	Force  bool
	DryRun bool
	Output string // empty: <out_dir>/prd.md; "-": stdout
}

func newPRDCmd(f *factory, runF func(context.Context, *prdOptions) error) *cobra.Command {
	opts := &prdOptions{f: f}
	cmd := &cobra.Command{
		Use:   "prd [BRIEF]",
		Short: "Write the product requirements document from a brief",
		Long: `Write the product requirements document (docs/prd.md) from a product brief:
goals, users, numbered functional (FR-001) and non-functional (NFR-001)
requirements, scope, success metrics and open questions.

BRIEF defaults to the brief named in prodgen.yaml, brief.md unless set.`,
		Example: `  prodgen prd
  prodgen prd product/brief.md
  prodgen prd brief.md -o -      # print the document instead of writing it`,
		Args:              usageArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: completeMarkdown,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Brief = args[0]
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the document to `file` (- for stdout)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the document even if it was edited by hand")
	addDryRunFlag(cmd, &opts.DryRun)
	return cmd
}

func runPRD(ctx context.Context, opts *prdOptions) error {
	if opts.DryRun {
		return opts.f.dryRunStage(opts.cmd, "prd", opts.Brief, opts.Output, opts.Force)
	}
	cfg, proj, err := opts.f.setup(opts.cmd)
	if err != nil {
		return err
	}
	proj.Guard = func(stage string) error { return opts.f.refuseEdited(proj, stage, opts.Output, opts.Force) }
	brief := opts.Brief
	if brief == "" {
		brief = cfg.Brief
	}
	res, err := proj.PRD(ctx, brief)
	if err != nil {
		return err
	}
	return opts.f.emit(cfg, proj, res, opts.Output)
}
