// Package htmlpage builds one self-contained HTML page of a project's
// documents for people who never open the repository: the PRD, the user
// stories and the technical requirements rendered from their markdown, a
// table of contents, and a traceability matrix of requirements against
// the stories that trace them.
//
// The page loads nothing: its CSS is inline and it has no fonts or images.
// A page whose documents have Mermaid diagrams (fenced "mermaid" blocks)
// holds a copy of Mermaid and a script that draws them, and shows a
// diagram's source where it cannot be drawn; a page without has no script.
// A Content-Security-Policy forbids every load and any other script. The
// page holds no time of its own, so the same documents give the same
// bytes. Input.Read reads the documents through a reader it is given.
package htmlpage

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/plural"
)

// Doc is one of the project's documents as read from disk.
type Doc struct {
	// Path names the document as the user sees it: "docs/prd.md".
	Path string
	// Command writes the document ("prodgen tech"), for the note when it
	// does not exist.
	Command string
	// Markdown is the document's source; nil when it does not exist.
	Markdown []byte
}

// Input is what a page is built from: each document's source and its
// parsed form, which gives the IDs and traces.
type Input struct {
	// Version is the prodgen version the page names as its maker.
	Version string
	// PRDDoc, StoriesDoc and TechDoc are the documents, in the page's
	// order; the PRD is required.
	PRDDoc, StoriesDoc, TechDoc Doc
	// PRD is PRDDoc parsed.
	PRD *artifact.PRD
	// Stories is StoriesDoc parsed; nil when it does not exist.
	Stories *artifact.Stories
	// Tech is TechDoc parsed; nil when it does not exist.
	Tech *artifact.TechSpec
}

var (
	//go:embed page.html.tmpl
	pageTemplate string
	//go:embed page.css
	pageCSS string

	tmpl = template.Must(template.New("page").Parse(pageTemplate))
)

// page is what the template shows.
type page struct {
	Product  string
	Version  string
	CSS      template.CSS
	Sources  string // "docs/prd.md, docs/stories.md and docs/tech.md"
	Missing  []docView
	Unread   []unreadPart
	Docs     []docView
	Matrix   *matrix
	Coverage string // "5 of 5 requirements covered by stories"
	// CSP is the Content-Security-Policy <meta>'s content attribute.
	CSP template.HTMLAttr
	// Scripts draw the documents' diagrams; none without diagrams.
	Scripts []template.JS
}

// docView is one document on the page.
type docView struct {
	ID      string // the section's id: "prd"
	Label   string // "Product requirements"
	Path    string
	Command string
	// HTML is the document rendered by markdown.ToHTML, which omits raw
	// HTML and escapes text, so it is placed as it is.
	HTML     template.HTML
	Sections []navEntry // second-level headings, for the contents
	Exists   bool
}

// kinds gives each document its id prefix and label, in the page's order.
var kinds = []struct{ id, label string }{
	{"prd", "Product requirements"},
	{"stories", "User stories"},
	{"tech", "Technical requirements"},
}

// Page is a built page.
type Page struct {
	HTML []byte
	// Summary says what the page holds, for a message: "3 documents, 5
	// of 5 requirements covered by stories".
	Summary string
}

// Build builds the page.
func Build(in Input) (*Page, error) {
	if in.PRD == nil || in.PRDDoc.Markdown == nil {
		return nil, fmt.Errorf("build page: no PRD")
	}
	p := page{
		Product: markdown.Plain(in.PRD.Title),
		Version: in.Version,
		CSS:     template.CSS(pageCSS),
	}
	var rendered [3]*markdown.HTMLDoc
	var sources []string
	diagrams := 0
	// IDs in a document link to where an earlier document defines them:
	// a story's "Traces: FR-001" to the PRD's FR-001.
	links := make(map[string]string)
	for i, d := range []Doc{in.PRDDoc, in.StoriesDoc, in.TechDoc} {
		v := docView{ID: kinds[i].id, Label: kinds[i].label, Path: d.Path, Command: d.Command, Exists: d.Markdown != nil}
		if v.Exists {
			html, err := markdown.ToHTML(d.Markdown, markdown.HTMLOptions{IDPrefix: v.ID + "-", HeadingShift: 1, Links: links})
			if err != nil {
				return nil, fmt.Errorf("%s: %w", d.Path, err)
			}
			addLinks(links, html)
			rendered[i] = html
			diagrams += html.Diagrams
			v.HTML = template.HTML(html.HTML) // safe: see docView.HTML
			v.Sections = sections(html.Headings)
			sources = append(sources, d.Path)
		} else {
			p.Missing = append(p.Missing, v)
		}
		p.Docs = append(p.Docs, v)
	}
	p.Sources = plural.And(sources)
	p.Unread = unread(in)
	p.Matrix = newMatrix(in, anchors{prd: rendered[0], stories: rendered[1]})
	p.Coverage = p.Matrix.Summary
	var csp string
	p.Scripts, csp = pageScripts(diagrams)
	p.CSP = template.HTMLAttr(`content="` + csp + `"`) // safe: our text and base64 hashes, no '"'
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, p); err != nil {
		return nil, fmt.Errorf("build page: %w", err)
	}
	summary := plural.Count(len(sources), "document") + ", " + p.Coverage
	if len(p.Unread) > 0 {
		summary += ", " + plural.Count(len(p.Unread), "part") + " not read"
	}
	return &Page{HTML: buf.Bytes(), Summary: summary}, nil
}

// unreadPart is a part of a document prodgen could not read, which the
// page shows as written but the traceability matrix goes without.
type unreadPart struct {
	Where string // "docs/stories.md:7"
	What  string
}

// unread lists what the documents' readers could not read, in the page's
// order of the documents.
func unread(in Input) []unreadPart {
	var out []unreadPart
	add := func(path string, problems []artifact.Problem) {
		for _, p := range problems {
			out = append(out, unreadPart{Where: fmt.Sprintf("%s:%d", path, p.Line), What: p.What})
		}
	}
	add(in.PRDDoc.Path, in.PRD.Unparsed())
	add(in.StoriesDoc.Path, in.Stories.Unparsed()) // nil when missing: none
	add(in.TechDoc.Path, in.Tech.Unparsed())
	return out
}

// addLinks adds the IDs a rendered document defines to links: items
// that start with an ID and headings that do, each to its first place.
func addLinks(links map[string]string, doc *markdown.HTMLDoc) {
	add := func(id, anchor string) {
		if _, ok := links[id]; !ok && artifact.LooksLikeID(id) {
			links[id] = "#" + anchor
		}
	}
	for _, it := range doc.Items {
		add(it.Text, it.ID)
	}
	for _, h := range doc.Headings {
		lead, _, _ := strings.Cut(h.Text, " ")
		add(strings.TrimSuffix(lead, ":"), h.ID)
	}
}

// navEntry is a section in the contents. A heading that starts with an
// ID ("US-001 Join the queue") has it as Lead, so that a narrow screen can
// show the ID alone.
type navEntry struct {
	ID, Lead, Rest string
}

// sections returns the headings under a document's title, for the
// contents.
func sections(headings []markdown.Anchor) []navEntry {
	var out []navEntry
	for _, h := range headings {
		if h.Level != 2 {
			continue
		}
		e := navEntry{ID: h.ID, Rest: h.Text}
		if lead, rest, ok := strings.Cut(h.Text, " "); ok && artifact.LooksLikeID(strings.TrimSuffix(lead, ":")) {
			e.Lead, e.Rest = lead, rest
		}
		out = append(out, e)
	}
	return out
}
