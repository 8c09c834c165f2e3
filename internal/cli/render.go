package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/htmlpage"
	"github.com/prodgen/prodgen/internal/pipeline"
)

// renderPage is the page's file name in the output folder.
const renderPage = "prodgen.html"

type renderOptions struct {
	f   *factory
	cmd *cobra.Command

	HTML   bool
	Output string // "": <out_dir>/prodgen.html; "-": stdout
}

func newRenderCmd(f *factory, runF func(context.Context, *renderOptions) error) *cobra.Command {
	opts := &renderOptions{f: f}
	cmd := &cobra.Command{
		Use:   "render --html [--out FILE]",
		Short: "Render the documents as one HTML page for people who do not read markdown",
		Long: `Render the project's documents (docs/prd.md, docs/stories.md and docs/tech.md)
as one self-contained HTML page, without calling a model: the product's name,
a table of contents, each document, and a traceability matrix of functional
requirements against the user stories that trace them. Requirements no story
covers are marked "not covered" and counted; IDs link to their place in the
documents.

The page loads nothing from elsewhere (inline CSS, no fonts or images),
prints cleanly, and reads on a phone. Fenced mermaid blocks (as GitHub draws
them) become diagrams: a page that has them holds a copy of Mermaid and a
short script that draws them in the browser, offline, and shows a diagram's
source as code where it cannot be drawn; a page without them has no script.
Raw HTML in the markdown is left out, and the page's Content-Security-Policy
forbids every load and any other script, so a document cannot put a script
in the page. The page holds no time of its own: the same documents give the
same bytes.

The PRD is required; a missing stories or tech document is named on the page.
A part of a document prodgen cannot read (a trace that is not an ID, a section
it does not know) is shown as written, named on the page and in a warning,
file:line, and left out of the matrix.
The page goes to <out_dir>/prodgen.html (docs/prodgen.html by default), or to
--out FILE, or to stdout with --out -. It is a view of the documents, so it is
not recorded in prodgen.lock and "prodgen check" ignores it.

--html is required: HTML is the only format for now.`,
		Example: `  prodgen render --html                      # writes docs/prodgen.html
  prodgen render --html --out site/index.html
  prodgen render --html --out - > review.html`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !opts.HTML {
				return &usageError{errors.New("say which format to render: only --html is supported")}
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.HTML, "html", false, "render one self-contained HTML page (required)")
	cmd.Flags().StringVarP(&opts.Output, "out", "o", "", "write the page to `file` (- for stdout; default <out_dir>/"+renderPage+")")
	return cmd
}

func runRender(_ context.Context, opts *renderOptions) error {
	f := opts.f
	cfg, proj, err := f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	output := opts.Output
	if output == "" {
		output = path.Join(filepath.ToSlash(cfg.OutDir), renderPage)
	}
	if src := proj.Overwrites(output); output != "-" && src != "" {
		return &usageError{fmt.Errorf("--out %s would overwrite %s, a project file; choose another file", output, src)}
	}
	if output != "-" {
		if err := f.lock(); err != nil {
			return err
		}
	}
	in, err := readRenderInput(proj, f.deps.Build.version(), f.infof)
	if err != nil {
		return err
	}
	f.warnUnparsed(in.PRDDoc.Path, in.PRD.Unparsed())
	f.warnUnparsed(in.StoriesDoc.Path, in.Stories.Unparsed())
	f.warnUnparsed(in.TechDoc.Path, in.Tech.Unparsed())
	page, err := htmlpage.Build(*in)
	if err != nil {
		return err
	}
	return f.writeView(proj, output, page.HTML, page.Summary)
}

// writeView writes a view of the documents (an export, the HTML page): to
// stdout for "-", else to the file output, and says so.
func (f *factory) writeView(proj *pipeline.Project, output string, data []byte, summary string) error {
	if output == "-" {
		_, err := f.deps.IO.Out.Write(data)
		return err
	}
	if err := disk.Write(proj.Abs(output), data); err != nil {
		return err
	}
	f.infof("wrote %s (%s)\n", filepath.ToSlash(output), summary)
	return nil
}

// readRenderInput reads and parses the project's documents. The PRD is
// required; a missing stories or tech document is noted and left out.
func readRenderInput(proj *pipeline.Project, version string, infof func(string, ...any)) (*htmlpage.Input, error) {
	d := proj.Documents()
	in := &htmlpage.Input{
		Version:    version,
		PRDDoc:     htmlpage.Doc{Path: d.PRD.Path, Command: d.PRD.Command},
		StoriesDoc: htmlpage.Doc{Path: d.Stories.Path, Command: d.Stories.Command},
		TechDoc:    htmlpage.Doc{Path: d.Tech.Path, Command: d.Tech.Command},
	}
	err := in.Read(proj.ReadDocument)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &pipeline.MissingInputError{Path: in.PRDDoc.Path, Command: in.PRDDoc.Command}
	}
	if err != nil {
		return nil, err
	}
	for _, d := range []htmlpage.Doc{in.StoriesDoc, in.TechDoc} {
		if d.Markdown == nil {
			infof("%s does not exist; the page says so (run %q to write it)\n", d.Path, d.Command)
		}
	}
	return in, nil
}
