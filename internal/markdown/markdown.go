// Package markdown reads markdown documents into a small outline of sections
// and blocks (paragraphs, lists, tables, code, HTML). It is the only package
// that imports goldmark, so the rest of prodgen works with plain Go values.
//
// Text is kept as the author wrote it (inline markdown included, soft line
// breaks joined with a space), so a document that is read and written again
// keeps its emphasis, code spans and links. Plain strips inline markdown when
// a caller needs the words alone.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Kind says what a Block is.
type Kind int

// The kinds of block a section can hold.
const (
	Paragraph Kind = iota + 1
	List
	Table
	Code
	HTML
	Quote
)

// Doc is a parsed markdown document.
type Doc struct {
	// FrontMatter holds the scalar values of a leading YAML front matter
	// block, keyed by their lower-cased names. Nil when there is none.
	FrontMatter map[string]string
	// Preamble holds the blocks before the first heading.
	Preamble []Block
	// Sections are the top-level sections, each with its subsections.
	Sections []*Section
}

// Section is a heading with the blocks that follow it up to the next heading
// of the same or a higher level.
type Section struct {
	Level    int
	Title    string // the heading's text as written
	Line     int    // 1-based line of the heading
	Blocks   []Block
	Children []*Section
}

// Block is one block of content.
type Block struct {
	Kind Kind
	Line int // 1-based line where the block starts

	// Text is a paragraph's or quote's text, or an HTML block's source.
	Text string
	// Items and Ordered describe a list.
	Items   []Item
	Ordered bool
	// Rows holds a table, its header row first; cells are as written.
	Rows [][]string
	// Overflow holds the lines of a table's rows that have more cells
	// than its header row: markdown leaves the extra cells out of the
	// table, so they are not in Rows. Only rows whose extra cells hold
	// text are listed.
	Overflow []int
	// Lang and Code describe a fenced or indented code block.
	Lang string
	Code string
}

// Item is one list item: its own text and any list nested in it.
type Item struct {
	Text     string
	Line     int
	Children []Item
	// Other holds the item's blocks that are neither its text nor a
	// nested list: code, quotes, tables, HTML.
	Other []Block
}

var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// Parse reads a markdown document. It fails only on malformed front matter;
// any other input is valid markdown.
func Parse(src []byte) (*Doc, error) {
	doc := &Doc{}
	body, front, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	doc.FrontMatter = front

	root := md.Parser().Parse(text.NewReader(body))
	lines := newLineIndex(body)
	var stack []*Section
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			s := &Section{Level: h.Level, Title: joinLines(h.Lines(), body), Line: lines.at(nodeStart(n))}
			for len(stack) > 0 && stack[len(stack)-1].Level >= h.Level {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 {
				doc.Sections = append(doc.Sections, s)
			} else {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, s)
			}
			stack = append(stack, s)
			continue
		}
		blocks := readBlock(n, body, lines)
		if len(stack) == 0 {
			doc.Preamble = append(doc.Preamble, blocks...)
		} else {
			cur := stack[len(stack)-1]
			cur.Blocks = append(cur.Blocks, blocks...)
		}
	}
	return doc, nil
}

func readBlock(n ast.Node, src []byte, lines lineIndex) []Block {
	line := lines.at(nodeStart(n))
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return []Block{{Kind: Paragraph, Line: line, Text: joinLines(n.Lines(), src)}}
	case *ast.List:
		return []Block{{Kind: List, Line: line, Ordered: n.IsOrdered(), Items: readItems(n, src, lines)}}
	case *east.Table:
		rows, overflow := readTable(n, src, lines)
		return []Block{{Kind: Table, Line: line, Rows: rows, Overflow: overflow}}
	case *ast.FencedCodeBlock:
		return []Block{{Kind: Code, Line: line, Lang: string(n.Language(src)), Code: rawLines(n.Lines(), src)}}
	case *ast.CodeBlock:
		return []Block{{Kind: Code, Line: line, Code: rawLines(n.Lines(), src)}}
	case *ast.HTMLBlock:
		s := rawLines(n.Lines(), src)
		if n.HasClosure() {
			s += string(n.ClosureLine.Value(src))
		}
		return []Block{{Kind: HTML, Line: line, Text: strings.TrimRight(s, "\n")}}
	case *ast.Blockquote:
		var out []Block
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			for _, b := range readBlock(c, src, lines) {
				if b.Kind == Paragraph {
					b.Kind = Quote
				}
				out = append(out, b)
			}
		}
		return out
	}
	return nil
}

func readItems(list *ast.List, src []byte, lines lineIndex) []Item {
	var items []Item
	for li := list.FirstChild(); li != nil; li = li.NextSibling() {
		it := Item{Line: lines.at(nodeStart(li))}
		var parts []string
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				it.Children = append(it.Children, readItems(c, src, lines)...)
			case *ast.Paragraph, *ast.TextBlock:
				parts = append(parts, joinLines(c.Lines(), src))
			default:
				it.Other = append(it.Other, readBlock(c, src, lines)...)
			}
		}
		it.Text = strings.Join(parts, " ")
		items = append(items, it)
	}
	return items
}

// readTable returns a table's rows, and the lines of the rows whose
// extra cells (beyond the header's) goldmark leaves out.
func readTable(t *east.Table, src []byte, lines lineIndex) ([][]string, []int) {
	var rows [][]string
	var overflow []int
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var row []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row = append(row, UnescapeCell(joinLines(c.Lines(), src)))
		}
		rows = append(rows, row)
		if len(rows) > 1 {
			if n := lines.at(nodeStart(r)); n > 0 && overflows(lines.text(src, n), len(rows[0])) {
				overflow = append(overflow, n)
			}
		}
	}
	return rows, overflow
}

// overflows reports whether a table row as written has text in cells
// after the first n. The markers of a quote or list around the table are
// left out first: no row starts with ">" otherwise.
func overflows(row string, n int) bool {
	row = strings.TrimLeft(row, " \t>")
	row = strings.TrimPrefix(row, "|")
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++ // an escaped character, a pipe included
		case '|':
			cells = append(cells, row[start:i])
			start = i + 1
		}
	}
	cells = append(cells, row[start:])
	for _, c := range cells[min(n, len(cells)):] {
		if strings.TrimSpace(c) != "" {
			return true
		}
	}
	return false
}

// joinLines returns the text of a block's lines, trimmed, joined by spaces.
func joinLines(segs *text.Segments, src []byte) string {
	var parts []string
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		if p := strings.TrimSpace(string(seg.Value(src))); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

func rawLines(segs *text.Segments, src []byte) string {
	var b bytes.Buffer
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// nodeStart finds a byte offset for a block node: its own position where
// goldmark records one, else its first line or first descendant's.
func nodeStart(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if p := n.Pos(); p >= 0 {
			return p
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return -1
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// text returns line n (1-based) of src, without its line ending.
func (l lineIndex) text(src []byte, n int) string {
	if n < 1 || n > len(l) {
		return ""
	}
	end := len(src)
	if n < len(l) {
		end = l[n] - 1
	}
	return strings.TrimRight(string(src[l[n-1]:end]), "\r")
}

func (l lineIndex) at(off int) int {
	if off < 0 {
		return 0
	}
	lo, hi := 0, len(l)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}
