package cli

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/progress"
	"github.com/prodgen/prodgen/internal/prompt"
	"github.com/prodgen/prodgen/internal/runlock"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// globalFlags are the flags every command accepts.
type globalFlags struct {
	chdir   string
	config  string
	quiet   bool
	verbose bool
	noCache bool
}

// factory hands commands what they share: streams, configuration and the
// project, built on first use so that --help and version need none of it.
type factory struct {
	deps  Deps
	flags globalFlags
	// secret is the configured API key, redacted from every message.
	secret string
	// status shows progress on stderr.
	status *status
	// release gives back the folder's run lock; nil until a command that
	// writes takes it (lock).
	release func()
}

func newRootCmd(deps Deps) (*cobra.Command, *factory) {
	f := &factory{deps: deps, status: newStatus(deps, false)}
	root := &cobra.Command{
		Use:   "prodgen",
		Short: "Turn a product brief into a PRD, user stories and technical requirements",
		Long: `prodgen turns a short product brief (markdown) into the documents a team
builds from: a product requirements document, user stories with acceptance
criteria, and technical requirements, as markdown files in your repository.

With no model configured it uses its built-in offline engine, which derives
every document from the brief alone and never invents facts.`,
		Example: `  prodgen prd brief.md      # docs/prd.md from the brief
  prodgen stories           # docs/stories.md from docs/prd.md
  prodgen tech              # docs/tech.md from the PRD and the stories
  prodgen generate          # all three, in order`,
		Args: usageArgs(cobra.NoArgs),
		// Runnable, so that cobra checks Args and "prodgen frobnicate" is a
		// usage error rather than a help page with exit code 0.
		RunE:          func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       deps.Build.Version,
	}
	root.SetOut(deps.IO.Out)
	root.SetErr(deps.IO.Err)
	root.SetIn(deps.IO.In)
	root.SetVersionTemplate(versionLine(deps.Build) + "\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })

	pf := root.PersistentFlags()
	pf.StringVarP(&f.flags.chdir, "chdir", "C", "", "run as if prodgen was started in `dir`")
	pf.StringVar(&f.flags.config, "config", "", "read configuration from `file` (default ./prodgen.yaml)")
	config.AddFlags(pf, "out_dir", "provider", "model", "base_url")
	pf.BoolVar(&f.flags.noCache, "no-cache", false, "neither read nor write the response cache")
	pf.BoolVarP(&f.flags.quiet, "quiet", "q", false, "print only errors")
	pf.BoolVarP(&f.flags.verbose, "verbose", "v", false, "print more about what happens")
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if f.flags.quiet && f.flags.verbose {
			return &usageError{errors.New("--quiet and --verbose cannot be used together")}
		}
		f.status.SetQuiet(f.flags.quiet)
		return nil
	}

	root.AddCommand(stageCmds(f)...)
	root.AddCommand(
		newGenerateCmd(f, runGenerate),
		newLintCmd(f, runLint),
		newCheckCmd(f, runCheck),
		newAcceptCmd(f, runAccept),
		newResolveCmd(f, runResolve),
		newIDsCmd(f, runIDs),
		newScaffoldCmd(f, runScaffold),
		newExportCmd(f, runExport),
		newRenderCmd(f, runRender),
		newDiffCmd(f, runDiff),
		newPromptsCmd(f),
		newInitCmd(f, runInit),
		newConfigCmd(f, runConfig),
		newVersionCmd(f),
		newExitCodesCmd(),
	)
	root.SetHelpCommand(newHelpCmd())
	registerCompletions(root)
	return root, f
}

// addJobsFlag gives a command that runs stages the --jobs flag; the
// configuration reads it as the jobs key.
func addJobsFlag(cmd *cobra.Command) {
	config.AddFlags(cmd.Flags(), "jobs")
}

// usageArgs marks argument-count errors as usage errors (exit code 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err}
		}
		return nil
	}
}

// dir is the folder prodgen works in: the working directory or -C's.
func (f *factory) dir() string {
	if f.flags.chdir == "" {
		return f.deps.Dir
	}
	if filepath.IsAbs(f.flags.chdir) {
		return f.flags.chdir
	}
	return filepath.Join(f.deps.Dir, f.flags.chdir)
}

// project loads the configuration and opens the project for a command.
// Only a command that generates asks for the engine (generates), so that
// check, accept, lint and a dry run need no model and no credentials; it
// also takes the folder's run lock, since it writes. The prompt set is
// always the configured one, so that a changed prompt shows as a changed
// input.
func (f *factory) project(cmd *cobra.Command, generates bool) (*config.Config, *pipeline.Project, error) {
	cfg, err := f.loadConfig(cmd)
	if err != nil {
		return nil, nil, err
	}
	var eng pipeline.Engine
	if generates {
		if eng, err = f.engine(cfg); err != nil {
			return nil, nil, err
		}
		if err := f.lock(); err != nil {
			return nil, nil, err
		}
	}
	return cfg, pipeline.Open(pipeline.Options{
		Root: f.dir(), OutDir: cfg.OutDir, Brief: cfg.Brief, ScaffoldDir: cfg.ScaffoldDir, ScaffoldLang: cfg.ScaffoldLang,
		Prompts:       prompt.New(f.path(cfg.PromptsDir)),
		Engine:        eng,
		ContextWindow: cfg.ContextWindow, MaxTokens: cfg.MaxTokens,
		Settings: cfg.LockSettings(),
		Version:  f.deps.Build.version(),
		Now:      f.deps.Now,
		Observer: progress.Observer{Status: f.status.Status, Model: cfg.Model, Verbose: f.flags.verbose},
		Limits:   scaffold.Limits{MaxFiles: cfg.ScaffoldMaxFiles, MaxBytes: int64(cfg.ScaffoldMaxBytes)},

		VerifyTimeout: cfg.VerifyTimeout,
	}), nil
}

// lock takes the project folder's run lock for a command that writes
// there, before it reads what it will change, so that two runs in one
// folder never interleave; a second run is refused with a
// runlock.BusyError. Main gives it back when the command ends. Read-only
// commands never take it, so check and lint run beside a generate.
func (f *factory) lock() error {
	if f.release != nil {
		return nil
	}
	release, err := runlock.Acquire(f.dir())
	if err != nil {
		return err
	}
	f.release = release
	return nil
}

// run plans sel and executes the plan, or with dryRun shows it on stdout,
// and returns how many stages ran.
func (f *factory) run(ctx context.Context, cfg *config.Config, proj *pipeline.Project, sel pipeline.Selection, dryRun bool) (int, error) {
	sel.Stdout = f.deps.IO.Out
	plan, err := proj.Plan(sel)
	if err != nil {
		return 0, err
	}
	if !dryRun {
		return proj.Execute(ctx, plan)
	}
	d := pipeline.DryRun{Quiet: f.flags.quiet, Schemas: f.flags.verbose, Model: modelName(cfg)}
	if p, ok := cfg.Price(cfg.Model); ok {
		d.Price = &[2]float64{p.Input, p.Output}
	}
	return 0, proj.WriteDryRun(f.deps.IO.Out, plan, d)
}

// loadConfig loads the configuration alone, for commands that need
// neither the lock nor a model (config, prompts) and for project. The API
// key it finds is redacted from every message from then on.
func (f *factory) loadConfig(cmd *cobra.Command) (*config.Config, error) {
	cfg, err := config.Load(config.Options{
		Languages: pipeline.Languages(),
		Dir:       f.dir(),
		File:      f.flags.config,
		Getenv:    f.deps.Getenv,
		Flags:     cmd.Flags(),
	})
	if errors.Is(err, config.ErrMalformedKey) {
		return nil, &credentialsError{err}
	}
	if err != nil {
		return nil, err
	}
	f.secret = cfg.APIKey
	if cfg.File != "" {
		f.debugf("configuration: %s\n", cfg.File)
	}
	return cfg, nil
}

// path resolves a configured path against the project folder.
func (f *factory) path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(f.dir(), p)
}

// infof prints progress to stderr unless --quiet.
func (f *factory) infof(format string, args ...any) {
	if !f.flags.quiet {
		f.status.printf(format, args...)
	}
}

// debugf prints detail to stderr with --verbose.
func (f *factory) debugf(format string, args ...any) {
	if f.flags.verbose {
		f.status.printf(format, args...)
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
