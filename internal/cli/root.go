package cli

import (
	"errors"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/progress"
	"github.com/prodgen/prodgen/internal/prompt"
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
	pf.String("out-dir", "docs", "write documents to `dir`")
	pf.String("provider", "auto", "what writes the documents: auto, openai or offline")
	pf.String("model", "", "model name (Azure: deployment name)")
	pf.String("base-url", "", "OpenAI-compatible endpoint `url`, e.g. http://localhost:11434/v1")
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

	root.AddCommand(
		newPRDCmd(f, runPRD),
		newStoriesCmd(f, runStories),
		newTechCmd(f, runTech),
		newGenerateCmd(f, runGenerate),
		newLintCmd(f, runLint),
		newCheckCmd(f, runCheck),
		newAcceptCmd(f, runAccept),
		newScaffoldCmd(f, runScaffold),
		newExportCmd(f, runExport),
		newRenderCmd(f, runRender),
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
	cmd.Flags().Int("jobs", 4, "run up to `n` model requests of a stage at once")
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

// setup loads the configuration and builds the project for a command.
func (f *factory) setup(cmd *cobra.Command) (*config.Config, *pipeline.Project, error) {
	cfg, proj, err := f.project(cmd)
	if err != nil {
		return nil, nil, err
	}
	eng, err := f.engine(cfg)
	if err != nil {
		return nil, nil, err
	}
	proj.Client, proj.Prompts = eng.client, eng.prompts
	if eng.model {
		proj.Observer = progress.Observer{Status: f.status.Status, Model: cfg.Model}
	}
	return cfg, proj, nil
}

// project loads the configuration and the lock, for commands that read
// the project without generating (check, accept, lint): they need no
// model and no credentials. Its prompt set is the configured one, so that
// a changed prompt shows as a changed input.
func (f *factory) project(cmd *cobra.Command) (*config.Config, *pipeline.Project, error) {
	cfg, err := f.loadConfig(cmd)
	if err != nil {
		return nil, nil, err
	}
	lock, err := pipeline.LoadLock(filepath.Join(f.dir(), pipeline.LockFile))
	if err != nil {
		return nil, nil, err
	}
	proj := &pipeline.Project{Root: f.dir(), OutDir: cfg.OutDir, Brief: cfg.Brief, Lock: lock, ScaffoldRoot: cfg.ScaffoldDir,
		Prompts: prompt.New(f.path(cfg.PromptsDir)), RepairAttempts: cfg.RepairAttempts, Jobs: cfg.Jobs,
		ContextWindow: cfg.ContextWindow, MaxTokens: cfg.MaxTokens}
	return cfg, proj, nil
}

// loadConfig loads the configuration alone, for commands that need
// neither the lock nor a model (config, prompts) and for project. The API
// key it finds is redacted from every message from then on.
func (f *factory) loadConfig(cmd *cobra.Command) (*config.Config, error) {
	cfg, err := config.Load(config.Options{
		Dir:    f.dir(),
		File:   f.flags.config,
		Getenv: f.deps.Getenv,
		Flags:  cmd.Flags(),
	})
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
	if f.flags.quiet {
		return
	}
	f.status.printf(format, args...)
}

// debugf prints detail to stderr with --verbose.
func (f *factory) debugf(format string, args ...any) {
	if f.flags.verbose {
		f.status.printf(format, args...)
	}
}

// emit writes a stage's document: to stdout with "-o -", to another file
// with "-o FILE" (not tracked in the lock), else to its place in the
// project, recorded in the lock.
func (f *factory) emit(cfg *config.Config, proj *pipeline.Project, res *pipeline.Result, output string) error {
	switch output {
	case "-":
		_, err := f.deps.IO.Out.Write(res.Markdown)
		return err
	case "", res.Path:
	default:
		if err := disk.Write(proj.Abs(output), res.Markdown); err != nil {
			return err
		}
		f.infof("wrote %s (%s)\n", filepath.ToSlash(output), res.Summary)
		return nil
	}
	return f.record(proj, res, lockSettings(cfg))
}

// refuseEdited returns a refusedError when the stage's document was edited
// by hand (or never recorded) since prodgen wrote it. Stages check before
// they run, so a refusal costs no model call.
func (f *factory) refuseEdited(proj *pipeline.Project, stage, output string, force bool) error {
	if force || (output != "" && output != proj.Output(stage)) {
		return nil
	}
	for _, s := range pipeline.Stages {
		if s.Name != stage {
			continue
		}
		st, err := proj.Status(s, nil, nil)
		if err != nil {
			return err
		}
		if st.State == pipeline.Edited || st.State == pipeline.Unlocked {
			return &refusedError{status: st}
		}
	}
	return nil
}

// record writes a document and its lock entry, and says so.
func (f *factory) record(proj *pipeline.Project, res *pipeline.Result, settings map[string]string) error {
	if err := proj.Record(res, settings, f.deps.Build.version(), f.generated()); err != nil {
		return err
	}
	took := f.status.end()
	u := res.Usage
	if u.Provider == "openai" {
		f.infof("wrote %s (%s; %s) %s\n", res.Path, res.Summary, usageLine(u.Model, u.Tokens, u.Requests, u.Cached), progress.Took(took))
		return nil
	}
	f.infof("wrote %s (%s)\n", res.Path, res.Summary)
	return nil
}

// generated is the time to record in the lock for a document made now.
func (f *factory) generated() string {
	var now time.Time
	if f.deps.Now != nil {
		now = f.deps.Now()
	}
	return now.UTC().Format(time.RFC3339)
}
