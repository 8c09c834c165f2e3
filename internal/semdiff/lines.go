package semdiff

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
)

// lineIndex finds where an item is in a document's markdown. The parsed
// documents do not keep lines, so the index looks each item up by what it
// starts with: its ID, its bold name, its heading, its table row or its
// text. An item it cannot find is on line 0.
type lineIndex struct {
	title    int
	ids      map[string][]int // an ID leading a list item or a heading, each time it occurs
	leads    map[string]int   // the bold name leading a list item ("**API service**: …")
	headings map[string]int   // a heading's text, and its lower-case form
	rows     map[string]int   // a table row by its first cell, and by its first two
	texts    map[string]int   // a list item's text as written
	// bare holds a list item's text without a trailing parenthesised
	// group, which a PRD's citation of the brief is: "(brief.md:12)".
	bare map[string]int
}

func newLineIndex(src []byte) *lineIndex {
	x := &lineIndex{
		ids: map[string][]int{}, leads: map[string]int{}, headings: map[string]int{},
		rows: map[string]int{}, texts: map[string]int{}, bare: map[string]int{},
	}
	doc, err := markdown.Parse(src)
	if err != nil {
		return x // the document parsed already; without an outline, lines are 0
	}
	for _, s := range doc.All() {
		if s.Level == 1 && x.title == 0 {
			x.title = s.Line
		}
		x.heading(s)
		for _, b := range s.Blocks {
			switch b.Kind {
			case markdown.List:
				x.items(b.Items)
			case markdown.Table:
				x.table(b)
			}
		}
	}
	return x
}

func (x *lineIndex) heading(s *markdown.Section) {
	title := strings.TrimSpace(s.Title)
	setFirst(x.headings, title, s.Line)
	setFirst(x.headings, strings.ToLower(title), s.Line)
	id, _, _ := strings.Cut(title, " ")
	if id = strings.TrimSuffix(id, ":"); artifact.LooksLikeID(id) {
		x.ids[id] = append(x.ids[id], s.Line)
	}
}

func (x *lineIndex) items(items []markdown.Item) {
	for _, it := range items {
		setFirst(x.texts, it.Text, it.Line)
		if i := strings.LastIndex(it.Text, " ("); i > 0 && strings.HasSuffix(it.Text, ")") {
			setFirst(x.bare, it.Text[:i], it.Line)
		}
		if inner, ok := strings.CutPrefix(it.Text, "**"); ok {
			if lead, _, ok := strings.Cut(inner, "**"); ok {
				lead = strings.TrimSuffix(lead, ":")
				if artifact.LooksLikeID(lead) {
					x.ids[lead] = append(x.ids[lead], it.Line)
				} else {
					setFirst(x.leads, lead, it.Line)
				}
			}
		}
		x.items(it.Children)
	}
}

// table indexes the data rows of a table, which follow its header and
// delimiter rows.
func (x *lineIndex) table(b markdown.Block) {
	for i, r := range b.Rows {
		if i == 0 || len(r) == 0 {
			continue
		}
		line := b.Line + 1 + i
		first := cellWords(r[0])
		setFirst(x.rows, first, line)
		if len(r) > 1 {
			setFirst(x.rows, first+" "+cellWords(r[1]), line)
		}
	}
}

// text is the line of a list item by its text, as written or with a
// citation after it.
func (x *lineIndex) text(t string) int {
	if line, ok := x.texts[t]; ok {
		return line
	}
	return x.bare[t]
}

// id is the line of the n-th occurrence (from 0) of an ID.
func (x *lineIndex) id(id string, n int) int {
	if lines := x.ids[id]; n < len(lines) {
		return lines[n]
	}
	return 0
}

// cellWords is a table cell's words without markup: "`GET`" gives "GET".
func cellWords(cell string) string {
	return strings.Join(strings.Fields(markdown.Plain(markdown.UnescapeCell(cell))), " ")
}

func setFirst(m map[string]int, k string, line int) {
	if _, ok := m[k]; !ok && k != "" {
		m[k] = line
	}
}
