package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/pipeline"
)

type generateOptions struct {
	f   *factory
	cmd *cobra.Command

	Force      bool
	Only       []string
	DryRun     bool
	AllowEmpty bool
}

func newGenerateCmd(f *factory, runF func(context.Context, *generateOptions) error) *cobra.Command {
	opts := &generateOptions{f: f}
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Bring every document up to date, regenerating only what changed",
		Long: `Run the pipeline like make: brief → PRD → stories → technical requirements.
A stage runs only when its document is missing or one of its inputs changed
since prodgen.lock recorded it, and then every stage after it runs too. A
project that is up to date makes no model call.

Hand edits are never lost. A document edited by hand whose inputs did not
change is recorded as it is (no model call), and the stages after it run
from it. When its inputs changed too, the new document is merged in item by
item: your edits stay, untouched items take the new text, and an item both
edited and changed upstream is a conflict that check reports and 'prodgen
resolve' settles. --force replaces hand edits. A document the lock does not
know is never overwritten: keep it with 'prodgen accept FILE'.`,
		Example: `  prodgen generate
  prodgen generate --only prd,stories
  prodgen generate --force
  prodgen -C examples/habit-tracker generate`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, s := range opts.Only {
				if !slices.Contains(pipeline.StageNames(), s) {
					return &usageError{fmt.Errorf("--only: unknown stage %q (stages: %s)", s, strings.Join(pipeline.StageNames(), ", "))}
				}
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "regenerate every document, replacing hand edits")
	cmd.Flags().StringSliceVar(&opts.Only, "only", nil, "run only these `stages` (prd, stories, tech, scaffold-go...)")
	// RegisterFlagCompletionFunc fails only for an undefined flag, and
	// "only" is defined just above.
	_ = cmd.RegisterFlagCompletionFunc("only", completeStages)
	addJobsFlag(cmd)
	addDryRunFlag(cmd, &opts.DryRun)
	addAllowEmptyFlag(cmd, &opts.AllowEmpty)
	return cmd
}

func runGenerate(ctx context.Context, opts *generateOptions) error {
	cfg, proj, err := opts.f.project(opts.cmd, !opts.DryRun)
	if err != nil {
		return err
	}
	ran, err := opts.f.run(ctx, cfg, proj, pipeline.Selection{Only: opts.Only, Force: opts.Force, AllowEmpty: opts.AllowEmpty}, opts.DryRun)
	if err == nil && ran == 0 && !opts.DryRun {
		opts.f.infof("everything is up to date\n")
	}
	return err
}

// completeStages completes --only's comma-separated list: after
// "prd,stories," it offers the stages not named yet, each with the list
// so far in front, since the shell matches candidates against the whole
// word.
func completeStages(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done := toComplete[:strings.LastIndex(toComplete, ",")+1]
	named := strings.Split(done, ",")
	var names []string
	for _, s := range pipeline.StageNames() {
		if !slices.Contains(named, s) {
			names = append(names, done+s)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}
