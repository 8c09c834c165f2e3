package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Plain returns the words of a piece of inline markdown: emphasis, code
// span and link markup removed, link text kept, HTML dropped.
func Plain(s string) string {
	if !strings.ContainsAny(s, "*_`[]<>\\!&~") {
		return s
	}
	src := []byte(s)
	root := md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.URL(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		// The walk function never fails; keep the input rather than lose it.
		return s
	}
	return strings.TrimSpace(b.String())
}

// EscapeCell makes text safe to place in a table cell: pipes are escaped
// and line breaks become spaces.
func EscapeCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// UnescapeCell reverses EscapeCell's pipe escaping.
func UnescapeCell(s string) string {
	return strings.ReplaceAll(s, `\|`, "|")
}

// All returns every section of the document in document order, subsections
// after their parent.
func (d *Doc) All() []*Section {
	var out []*Section
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, s)
			walk(s.Children)
		}
	}
	walk(d.Sections)
	return out
}

// Paragraphs returns the text of the section's paragraphs, in order.
func (s *Section) Paragraphs() []string {
	var out []string
	for _, b := range s.Blocks {
		if b.Kind == Paragraph || b.Kind == Quote {
			out = append(out, b.Text)
		}
	}
	return out
}

// Items returns the items of every list directly in the section, in order.
func (s *Section) Items() []Item {
	var out []Item
	for _, b := range s.Blocks {
		if b.Kind == List {
			out = append(out, b.Items...)
		}
	}
	return out
}
