package artifact

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"
	"text/template"
)

// The kinds of document, as their titles name them.
const (
	kindPRD     = "Product requirements"
	kindStories = "User stories"
	kindTech    = "Technical requirements"
)

//go:embed templates/*.md.tmpl
var templateFS embed.FS

// templates holds every document template, parsed once, on first use
// rather than in package init, which every prodgen command pays for. A
// parsed template set is safe for concurrent execution.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("artifact").
		Option("missingkey=error").
		Funcs(template.FuncMap{"row": row, "rule": rule}).
		ParseFS(templateFS, "templates/*.md.tmpl"))
})

// table is a rendered table: header and rows of escaped cells.
type table struct {
	Head []string
	Rows [][]string
}

// row writes one table row.
func row(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

// rule writes the delimiter row under a header.
func rule(head []string) string {
	return strings.TrimSuffix(strings.Repeat("| --- ", len(head)), " ") + " |"
}

// view holds what every document shows above its sections.
type view struct {
	Header string
	Title  string
}

func newView(h Header, kind, title string) view {
	if title = headingSafe(oneLine(title)); title != "" {
		kind += ": " + title
	}
	return view{Header: h.String(), Title: kind}
}

// execute runs a template and tidies its output: no trailing spaces, one
// blank line between blocks, one newline at the end. Every value is a
// single line, so blank lines carry no meaning inside a block.
func execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := templates().ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	var out bytes.Buffer
	blank := false
	for line := range strings.Lines(buf.String()) {
		line = strings.TrimRight(line, " \t\r\n")
		if line == "" {
			blank = out.Len() > 0
			continue
		}
		if blank {
			out.WriteByte('\n')
			blank = false
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// itemErr names the list item a render error is about.
func itemErr(what string, i int, id string, err error) error {
	if id != "" {
		return fmt.Errorf("%s %s: %w", what, id, err)
	}
	return fmt.Errorf("%s %d: %w", what, i+1, err)
}

// idItems renders the items of an ID'd list, leaving out empty ones.
func idItems[T any](k Kind, items []T, parts func(T) (string, string)) ([]string, error) {
	var out []string
	for i, it := range items {
		id, text := parts(it)
		line, err := itemLine(k, id, text)
		if err != nil {
			return nil, itemErr(k.String(), i, id, err)
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out, nil
}

// plainItems renders a list of text items, leaving out empty ones.
func plainItems(items []string) []string {
	var out []string
	for _, s := range items {
		if line := blockSafe(oneLine(s)); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func questionParts(q Question) (string, string) { return q.ID, q.Text }
func requirementParts(r Requirement) (string, string) {
	return r.ID, requirementText(r)
}

// namedItems renders personas or components.
func namedItems[T any](items []T, parts func(T) (string, string)) []string {
	var out []string
	for _, it := range items {
		if line := namedLine(parts(it)); line != "" {
			out = append(out, line)
		}
	}
	return out
}
