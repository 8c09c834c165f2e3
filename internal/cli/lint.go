package cli

import (
	"context"
	"errors"
	"path"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/lint"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/plural"
)

type lintOptions struct {
	f   *factory
	cmd *cobra.Command

	Files  []string // empty: the project's documents that exist
	Format lint.Format
	Strict bool // warnings fail the run too
}

func newLintCmd(f *factory, runF func(context.Context, *lintOptions) error) *cobra.Command {
	opts := &lintOptions{f: f}
	var format string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lint [FILE...]",
		Short: "Check the documents for missing sections, broken traces and vague words",
		Long:  lint.Help(),
		Example: `  prodgen lint
  prodgen lint docs/stories.md
  prodgen lint --strict --format github     # in a GitHub Actions workflow
  prodgen lint --format sarif > lint.sarif  # for code scanning
  prodgen lint --json | jq '.summary'`,
		Args:              usageArgs(cobra.ArbitraryArgs),
		ValidArgsFunction: completeMarkdown,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Format, err = formatFlag(format, asJSON, cmd.Flags().Changed("format"), lint.Formats); err != nil {
				return err
			}
			opts.Files = args
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&format, "format", string(lint.FormatText), "write findings as `format`: text, json, github or sarif")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write findings as JSON (same as --format json)")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "exit 1 on warnings too")
	// RegisterFlagCompletionFunc fails only for an undefined flag.
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues(lint.Formats))
	return cmd
}

// lintFailedError says lint found errors, or warnings with --strict: exit
// code 1. The findings are on stdout already, so the message only counts
// them.
type lintFailedError struct {
	summary lint.Summary
}

func (e *lintFailedError) Error() string {
	if e.summary.Errors > 0 {
		return "lint found " + plural.Count(e.summary.Errors, "error")
	}
	return "lint found " + plural.Count(e.summary.Warnings, "warning") + " (--strict)"
}

func runLint(_ context.Context, opts *lintOptions) error {
	f := opts.f
	// The project without an engine: lint never calls a model, so it must
	// not fail for want of an API key.
	cfg, proj, err := f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	d := proj.Documents()
	sources := []lint.Source{
		{Path: d.PRD.Path, Kind: lint.PRD, Command: d.PRD.Command},
		{Path: d.Stories.Path, Kind: lint.Stories, Command: d.Stories.Command},
		{Path: d.Tech.Path, Kind: lint.Tech, Command: d.Tech.Command},
	}
	var docs []*lint.Doc
	if len(opts.Files) == 0 {
		docs, err = projectDocs(proj, sources, f.infof)
	} else {
		docs, err = lint.LoadNamed(proj.ReadDocument, opts.Files)
	}
	if err != nil {
		return err
	}
	// The brief is context only: the PRD's citations are checked against it.
	known := append(slices.Clip(sources), lint.Source{Path: filepath.ToSlash(cfg.Brief), Kind: lint.Brief})
	rep := lint.Run(docs, lint.LoadContext(proj.ReadDocument, known, docs, func(path string, err error) {
		f.debugf("not checking traces into %s: %v\n", path, err)
	}))
	rep.Version = f.deps.Build.version()
	if err := rep.Write(f.deps.IO.Out, opts.Format); err != nil {
		return err
	}
	f.infof("%s\n", rep.SummaryLine())
	sum := rep.Summary()
	if sum.Errors > 0 || (opts.Strict && sum.Warnings > 0) {
		return &lintFailedError{summary: sum}
	}
	return nil
}

// projectDocs reads the project's documents, skipping with a note those
// that do not exist; it is an error when none does.
func projectDocs(proj *pipeline.Project, sources []lint.Source, infof func(string, ...any)) ([]*lint.Doc, error) {
	docs, missing, err := lint.LoadProject(proj.ReadDocument, sources)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, &disk.InputError{Path: path.Dir(proj.Documents().PRD.Path),
			Err: errors.New(`no documents to lint (prd.md, stories.md, tech.md); run "prodgen generate" first`)}
	}
	for _, s := range missing {
		infof("%s does not exist; skipped (run %q to write it)\n", s.Path, s.Command)
	}
	return docs, nil
}
