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

// EscapeCell makes text safe to place in a table cell: line breaks become
// spaces and every pipe is escaped.
//
// Readers differ on a pipe after backslashes: goldmark takes any `\|` as
// an escaped pipe, while GitHub and markdownlint pair the backslashes first,
// so `\\|` is an escaped backslash and the end of the cell. A pipe after
// an odd run of backslashes therefore gets one more backslash before its
// own, and every pipe ends up after an odd run, which all of them read as
// an escaped pipe.
func EscapeCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	s = strings.ReplaceAll(s, "\n", " ")
	if !strings.Contains(s, "|") {
		return s
	}
	var b strings.Builder
	run := 0 // backslashes just before s[i]
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			if run%2 == 1 {
				b.WriteByte('\\')
			}
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
		if s[i] == '\\' {
			run++
		} else {
			run = 0
		}
	}
	return b.String()
}

// UnescapeCell reverses EscapeCell's pipe escaping: it drops the backslash
// before each pipe. EscapeCell(UnescapeCell(e)) == e for anything EscapeCell
// returns. The other way round, text with an escaped pipe (a pipe after an
// odd run of backslashes) comes back with one more backslash before it:
// EscapeCell writes both `\|` and `\\|` as `\\\|`, since `\|` stands for a
// lone pipe and `\\|` ends the cell for GitHub.
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

// Lines splits a document into the lines an editor numbers from 1: a
// final line break ends the last line rather than starting another, and a
// carriage return before a line break is not part of the line. Citations
// of a brief's lines count them so.
func Lines(src []byte) []string {
	if len(src) == 0 {
		return nil
	}
	lines := strings.Split(strings.TrimSuffix(string(src), "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
