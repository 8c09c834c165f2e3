package cli

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/export"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/plural"
)

// exportables are what export knows how to export.
var exportables = []string{"stories"}

type exportOptions struct {
	f   *factory
	cmd *cobra.Command

	What   string // one of exportables
	Format export.Format
	Output string // "" or "-": stdout
}

func newExportCmd(f *factory, runF func(context.Context, *exportOptions) error) *cobra.Command {
	opts := &exportOptions{f: f}
	var format string
	cmd := &cobra.Command{
		Use:   "export stories --format csv|json|github [-o FILE]",
		Short: "Export the user stories for Jira, GitHub issues or other tools",
		Long: `Export the user stories in docs/stories.md, one record per story in the
document's order, without calling a model. The output goes to stdout, or
with -o FILE to that file (written whole or not at all).

Formats:
  csv     for Jira's CSV importer: Summary (the title), Issue Type (Story),
          Description (the story sentence, the acceptance criteria, the
          traces), Priority, and one Labels column per label (the story ID,
          each traced FR ID and "prodgen"). Cells that a spreadsheet would
          read as a formula get a leading "'".
  json    one document, schema "prodgen.stories/v1", with every field of
          every story and criterion.
  github  a JSON array of {title, body, labels} for "gh issue create".

A story's priority is its own (its "Priority:" line) when it has one, else
the highest priority of the requirements it traces, read from docs/prd.md:
P0, Must or Critical give Highest; P1, Should or High give High; P2, Could
or Medium give Medium; P3, Won't or Low give Low; anything else, or no
priority at all, gives Medium. The PRD is used only for priorities: when it
does not exist, a warning says so and a story without a priority of its own
is Medium. One that exists but cannot be read is an error.

A part of either document that prodgen cannot read is named in a warning,
file:line, and the export goes on with what it read: a story sentence not in
"As a <role>, I want <want>" form is exported as written, as the story's
sentence; a trace that is not an ID is left out. "prodgen lint" lists the
same parts.

docs/export.md documents each format and the JSON schema, and shows the jq
and gh commands that create the GitHub issues.`,
		Example: `  prodgen export stories --format csv -o stories.csv
  prodgen export stories --format json | jq '.stories[] | {id, priority}'
  prodgen export stories --format github -o issues.json`,
		Args: usageArgs(exportArgs),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return exportables, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Format, err = exportFormat(format, cmd.Flags().Changed("format")); err != nil {
				return err
			}
			opts.What = args[0]
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "write the stories as `format`: "+export.FormatNames())
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout")
	// RegisterFlagCompletionFunc fails only for an undefined flag.
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues(export.Formats))
	return cmd
}

// exportArgs checks that the one argument names something to export.
func exportArgs(_ *cobra.Command, args []string) error {
	want := strings.Join(exportables, ", ")
	switch {
	case len(args) == 0:
		return fmt.Errorf("say what to export: %s", want)
	case len(args) > 1:
		return fmt.Errorf("export takes one argument, got %d: %s", len(args), strings.Join(args, " "))
	case !slices.Contains(exportables, args[0]):
		return fmt.Errorf("cannot export %q: want %s", args[0], want)
	}
	return nil
}

// exportFormat checks --format, which has no default.
func exportFormat(name string, named bool) (export.Format, error) {
	if !named {
		return "", &usageError{fmt.Errorf("--format is required: %s", export.FormatNames())}
	}
	if !slices.Contains(export.Formats, export.Format(name)) {
		return "", &usageError{fmt.Errorf("invalid --format %q: want %s", name, export.FormatNames())}
	}
	return export.Format(name), nil
}

func runExport(_ context.Context, opts *exportOptions) error {
	f := opts.f
	_, proj, err := f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	output := cmp.Or(opts.Output, "-")
	if doc := proj.Overwrites(output); output != "-" && doc != "" {
		return &usageError{fmt.Errorf("-o %s would overwrite %s, a project document; choose another file", output, doc)}
	}
	if output != "-" {
		if err := f.lock(); err != nil {
			return err
		}
	}
	d := proj.Documents()
	stories, prd, err := export.Load(proj.ReadDocument, d.Stories.Path, d.PRD.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return &pipeline.MissingInputError{Path: d.Stories.Path, Command: d.Stories.Command}
	}
	if err != nil {
		return err
	}
	f.warnUnparsed(d.Stories.Path, stories.Unparsed())
	if prd == nil {
		f.infof("warning: %s does not exist, so a story without a priority of its own is Medium (run %q to write it)\n", d.PRD.Path, d.PRD.Command)
	} else {
		f.warnUnparsed(d.PRD.Path, prd.Unparsed())
		if ids := export.UnknownTraces(stories, prd); len(ids) > 0 {
			f.infof("warning: stories trace %s, not in %s; no priority is taken from them (\"prodgen lint\" says where)\n", strings.Join(ids, ", "), d.PRD.Path)
		}
	}
	var buf bytes.Buffer
	if err := export.Build(stories, prd).Write(&buf, opts.Format); err != nil {
		return err
	}
	return f.writeView(proj, output, buf.Bytes(), plural.Count(len(stories.Stories), "story"))
}
