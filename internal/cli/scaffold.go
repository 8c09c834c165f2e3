package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/scaffold"
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
			if !slices.Contains(pipeline.Languages, opts.Lang) {
				return &usageError{fmt.Errorf("--lang must be one of %s", strings.Join(pipeline.Languages, ", "))}
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
		return pipeline.Languages, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func runScaffold(ctx context.Context, opts *scaffoldOptions) error {
	if opts.DryRun {
		return opts.f.dryRunScaffold(opts)
	}
	cfg, proj, err := opts.f.setup(opts.cmd)
	if err != nil {
		return err
	}
	return opts.f.scaffold(ctx, cfg, proj, scaffoldRun{lang: opts.Lang, out: opts.Out, force: opts.Force, verify: opts.Verify})
}

// dryRunScaffold shows where the prototype would go and what a model would
// be asked for it.
func (f *factory) dryRunScaffold(opts *scaffoldOptions) error {
	cfg, proj, err := f.project(opts.cmd)
	if err != nil {
		return err
	}
	dir := orDefault(opts.Out, proj.ScaffoldDir(opts.Lang))
	reason := "writes " + dir + "/, keeping files that exist and differ"
	if opts.Force {
		reason = "writes " + dir + "/, overwriting files that exist"
	}
	if opts.Verify {
		reason += ", then builds it and runs its tests"
	}
	var d dryRun
	if err := d.plan(proj, pipeline.ScaffoldStage(opts.Lang), "", reason, nil); err != nil {
		return err
	}
	return d.print(f.deps.IO.Out, cfg, f.flags.quiet)
}

// scaffoldRun is one scaffold to write.
type scaffoldRun struct {
	lang, out     string
	force, verify bool
}

// scaffold writes a prototype, reports what the safe writer did with each
// file, records it in the lock when it went to its usual place, and
// verifies it when asked.
func (f *factory) scaffold(ctx context.Context, cfg *config.Config, proj *pipeline.Project, run scaffoldRun) error {
	dir := run.out
	if dir == "" {
		dir = proj.ScaffoldDir(run.lang)
	}
	res, err := proj.Scaffold(ctx, run.lang, dir, run.force, scaffoldLimits(cfg), nil)
	if err != nil {
		return err
	}
	f.status.end()
	rep := res.Report
	for _, r := range rep.Rejected {
		f.status.printf("rejected %q: %s\n", r.Path, r.Reason)
	}
	for _, p := range rep.Skipped {
		f.infof("kept %s/%s: it exists and differs (--force overwrites it)\n", res.Dir, p)
	}
	f.infof("wrote %s (%d files written, %d unchanged, %d kept, %d rejected)\n",
		res.Dir, len(rep.Written), len(rep.Unchanged), len(rep.Skipped), len(rep.Rejected))
	if run.out == "" || run.out == proj.ScaffoldDir(run.lang) {
		if err := f.recordScaffold(proj, res, cfg.LockSettings()); err != nil {
			return err
		}
	}
	if len(rep.Rejected) > 0 {
		return &scaffoldError{fmt.Sprintf("%d of %d files were rejected and not written", len(rep.Rejected), len(res.Files))}
	}
	if !run.verify {
		return nil
	}
	return f.verify(ctx, cfg, proj, run, dir, res)
}

// verify builds and tests the prototype. With a model, a failure goes back
// for repair up to repair_attempts times; the final state is reported as
// it is, never as a success it was not.
func (f *factory) verify(ctx context.Context, cfg *config.Config, proj *pipeline.Project, run scaffoldRun, dir string, res *pipeline.ScaffoldResult) error {
	for round := 0; ; round++ {
		f.infof("verifying %s: build and tests\n", res.Dir)
		v, err := scaffold.Verify(ctx, proj.Abs(dir), run.lang, cfg.VerifyTimeout)
		if err != nil {
			return err
		}
		if v.OK {
			f.infof("verified %s: build and tests pass\n", res.Dir)
			return nil
		}
		fmt.Fprintln(f.deps.IO.Err, v.Output)
		if proj.Prompts == nil || round >= cfg.RepairAttempts {
			msg := fmt.Sprintf("%s failed in %s", v.Step, res.Dir)
			if round > 0 {
				msg += fmt.Sprintf(" after %d repair rounds", round)
			}
			return &scaffoldError{msg}
		}
		f.infof("%s failed; asking the model to repair it (round %d of %d)\n", v.Step, round+1, cfg.RepairAttempts)
		repair := &pipeline.ScaffoldRepair{Previous: res.Files, Step: v.Step, Output: v.Output}
		if res, err = proj.Scaffold(ctx, run.lang, dir, true, scaffoldLimits(cfg), repair); err != nil {
			return err
		}
		if len(res.Report.Rejected) > 0 {
			return &scaffoldError{fmt.Sprintf("the repaired manifest has %d rejected files", len(res.Report.Rejected))}
		}
		if run.out == "" || run.out == proj.ScaffoldDir(run.lang) {
			if err := f.recordScaffold(proj, res, cfg.LockSettings()); err != nil {
				return err
			}
		}
	}
}

func (f *factory) recordScaffold(proj *pipeline.Project, res *pipeline.ScaffoldResult, settings map[string]string) error {
	return proj.RecordScaffold(res, settings, f.deps.Build.version(), f.generated())
}

func scaffoldLimits(cfg *config.Config) scaffold.Limits {
	return scaffold.Limits{MaxFiles: cfg.ScaffoldMaxFiles, MaxBytes: int64(cfg.ScaffoldMaxBytes)}
}

// scaffoldError says a scaffold was written only in part, or failed its
// own build or tests.
type scaffoldError struct{ msg string }

func (e *scaffoldError) Error() string { return e.msg }
