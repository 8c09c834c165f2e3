package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/pipeline"
)

type generateOptions struct {
	f   *factory
	cmd *cobra.Command

	Force  bool
	Only   []string
	DryRun bool
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

A document edited by hand is never overwritten: generate stops and says so.
Keep the edit with 'prodgen accept FILE' (later stages then regenerate from
it) or overwrite it with --force.`,
		Example: `  prodgen generate
  prodgen generate --only prd,stories
  prodgen generate --force
  prodgen -C examples/habit-tracker generate`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, s := range opts.Only {
				if !slices.Contains(stageNames(), s) {
					return &usageError{fmt.Errorf("--only: unknown stage %q (stages: %s)", s, strings.Join(stageNames(), ", "))}
				}
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "regenerate every document, overwriting hand edits")
	cmd.Flags().StringSliceVar(&opts.Only, "only", nil, "run only these `stages` (prd, stories, tech, scaffold-go...)")
	// RegisterFlagCompletionFunc fails only for an undefined flag, and
	// "only" is defined just above.
	_ = cmd.RegisterFlagCompletionFunc("only", completeStages)
	addJobsFlag(cmd)
	addDryRunFlag(cmd, &opts.DryRun)
	return cmd
}

func runGenerate(ctx context.Context, opts *generateOptions) error {
	var cfg *config.Config
	var proj *pipeline.Project
	var err error
	if opts.DryRun {
		cfg, proj, err = opts.f.project(opts.cmd)
	} else {
		cfg, proj, err = opts.f.setup(opts.cmd)
	}
	if err != nil {
		return err
	}
	settings := cfg.LockSettings()
	before := map[string]pipeline.Status{}
	ran := 0
	var dry dryRun
	var rewritten []string
	var langs []string
	if cfg.ScaffoldLang != "" {
		langs = []string{cfg.ScaffoldLang}
	}
	for _, stage := range proj.AllStages(langs) {
		if len(opts.Only) > 0 && !slices.Contains(opts.Only, stage.Name) {
			continue
		}
		st, err := proj.Status(stage, settings, before)
		if err != nil {
			return err
		}
		before[stage.Name] = st
		switch {
		case st.State == pipeline.Fresh && !opts.Force:
			opts.f.debugf("%s is up to date\n", st.Path)
			continue
		case (st.State == pipeline.Edited || st.State == pipeline.Unlocked) && !opts.Force:
			if opts.DryRun {
				dry.stop = &st
				return dry.print(opts.f.deps.IO.Out, cfg, opts.f.flags.quiet)
			}
			return &refusedError{status: st}
		}
		reason := orDefault(st.Reason, "regenerating (--force)")
		if opts.DryRun {
			// The stage is left out of before, so later stages see their
			// input as stale, as they would once this one had run.
			if err := dry.plan(proj, stage.Name, "", reason, rewritten); err != nil {
				return err
			}
			rewritten = append(rewritten, st.Path)
			continue
		}
		opts.f.debugf("%s: %s\n", st.Path, reason)
		if lang, ok := strings.CutPrefix(stage.Name, "scaffold-"); ok {
			if err := opts.f.scaffold(ctx, cfg, proj, scaffoldRun{lang: lang, force: opts.Force}); err != nil {
				return err
			}
		} else {
			res, err := proj.Run(ctx, stage.Name)
			if err != nil {
				return err
			}
			if err := opts.f.record(proj, res, settings); err != nil {
				return err
			}
		}
		before[stage.Name] = pipeline.Status{Stage: stage.Name, Path: st.Path, State: pipeline.Fresh}
		ran++
	}
	if opts.DryRun {
		return dry.print(opts.f.deps.IO.Out, cfg, opts.f.flags.quiet)
	}
	if ran == 0 {
		opts.f.infof("everything is up to date\n")
	}
	return nil
}

// refusedError is generate declining to overwrite a hand-edited document.
type refusedError struct{ status pipeline.Status }

func (e *refusedError) Error() string {
	return fmt.Sprintf("%s was %s; not overwriting it. Keep it with 'prodgen accept %s' (later stages then regenerate from it), or overwrite it by running again with --force",
		e.status.Path, e.status.Reason, e.status.Path)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// completeStages completes --only's comma-separated list: after
// "prd,stories," it offers the stages not named yet, each with the list
// so far in front, since the shell matches candidates against the whole
// word.
func completeStages(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done := toComplete[:strings.LastIndex(toComplete, ",")+1]
	named := strings.Split(done, ",")
	var names []string
	for _, s := range stageNames() {
		if !slices.Contains(named, s) {
			names = append(names, done+s)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// stageNames are the stages --only accepts.
func stageNames() []string {
	names := pipeline.StageNames()
	for _, l := range pipeline.Languages {
		names = append(names, "scaffold-"+l)
	}
	return names
}
