package artifact

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// outline is what every document has: the provenance header, the title
// and the sections under it.
type outline struct {
	header   Header
	title    string
	sections []*markdown.Section
}

// readOutline parses a document of the given kind. Sections are those
// under the first "# " heading, with any other section outside it, so a
// section a person moved above the title is still read. What is outside
// every section (front matter, text before or right under the title, a
// second title) is not read, and r hears of it.
func readOutline(r *reader, src []byte, kind string) (*outline, error) {
	doc, err := markdown.Parse(src)
	if err != nil {
		return nil, err
	}
	r.lines = strings.Split(string(src), "\n")
	if doc.FrontMatter != nil {
		r.drop(1, "front matter is not read")
	}
	o := &outline{}
	headed := false
	for _, b := range doc.Preamble {
		if b.Kind == markdown.HTML && !headed {
			if o.header, headed = parseHeader(b.Text); headed {
				continue
			}
		}
		r.block(b, "before the title")
	}
	titled := false
	for _, s := range doc.Sections {
		switch {
		case s.Level == 1 && !titled:
			titled = true
			o.title = trimKind(htmlText(s.Title), kind)
			o.sections = append(o.sections, s.Children...)
			r.rest(s, true)
		case s.Level == 1:
			r.drop(s.Line, "second title %q is not read (the sections under it are)", s.Title)
			o.sections = append(o.sections, s.Children...)
			r.rest(s, true)
		default:
			o.sections = append(o.sections, s)
		}
	}
	if !titled && !r.lenient {
		return nil, fmt.Errorf("no title: want a first-level heading %q", "# "+kind+": …")
	}
	return o, nil
}

// trimKind removes the kind from a title: "Product requirements: Acme"
// gives "Acme". A title without it is kept whole.
func trimKind(title, kind string) string {
	if !hasPrefixFold(title, kind) {
		return title
	}
	rest := title[len(kind):]
	if rest == "" {
		return ""
	}
	if rest[0] == ':' {
		return strings.TrimSpace(rest[1:])
	}
	return title
}

// key is a heading's text as sections are matched: lower case, single
// spaces, no trailing colon.
func key(title string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(title, ": ")), " "))
}

// prose joins the section's paragraphs into one line of text; r hears
// of anything else in the section.
func prose(r *reader, s *markdown.Section) string {
	r.rest(s, false, markdown.Paragraph, markdown.Quote)
	ps := s.Paragraphs()
	for i, p := range ps {
		ps[i] = htmlText(p)
	}
	return strings.Join(ps, " ")
}

// appendProse adds text to a field that may already hold some, when a
// person wrote the same section twice.
func appendProse(field *string, text string) {
	if text == "" {
		return
	}
	if *field != "" {
		*field += " "
	}
	*field += text
}

// readIDItems reads the items of the section's lists: an ID of kind k
// where one leads the item, the rest of its text, and its line. Empty
// items are skipped; r hears of nested items and anything else in the
// section.
func readIDItems(r *reader, s *markdown.Section, k Kind, add func(id, text string, line int) error) error {
	r.rest(s, false, markdown.List)
	for _, it := range s.Items() {
		if it.Text == "" {
			continue
		}
		id, text, err := readLead(k, htmlText(it.Text))
		if err == nil {
			err = add(id, text, it.Line)
		}
		if err != nil {
			if err := r.fail(it.Line, err); err != nil {
				return err
			}
		}
	}
	return nil
}

// texts returns the text of the section's list items, skipping empty ones;
// r hears of nested items and anything else in the section.
func texts(r *reader, s *markdown.Section) []string {
	var out []string
	for _, t := range lineTexts(r, s) {
		out = append(out, t.text)
	}
	return out
}

// lineText is a list item's text and its line.
type lineText struct {
	text string
	line int
}

// lineTexts is texts with each item's line.
func lineTexts(r *reader, s *markdown.Section) []lineText {
	r.rest(s, false, markdown.List)
	var out []lineText
	for _, it := range s.Items() {
		if it.Text != "" {
			out = append(out, lineText{htmlText(it.Text), it.Line})
		}
	}
	return out
}

// nestedText is a list item's text and line, with the items nested
// under it.
type nestedText struct {
	lineText
	children []lineText
}

// nestedTexts is lineTexts for a section whose items may hold one level
// of nested items: a persona's goals, a journey's steps, a risk's
// mitigation. An item with nested items is read even when it has no text
// of its own, or with only the placeholder "–"; r hears of deeper items
// and anything else in the section.
func nestedTexts(r *reader, s *markdown.Section) []nestedText {
	where := under(s.Title)
	for _, b := range s.Blocks {
		if b.Kind != markdown.List {
			r.block(b, where)
		}
	}
	for _, c := range s.Children {
		r.drop(c.Line, "section %q %s is not read", c.Title, where)
	}
	var out []nestedText
	for _, it := range s.Items() {
		for _, b := range it.Other {
			r.block(b, where)
		}
		n := nestedText{lineText: lineText{htmlText(it.Text), it.Line}}
		for _, c := range it.Children {
			for _, b := range c.Other {
				r.block(b, where)
			}
			r.nested(c.Children, where)
			if c.Text != "" {
				n.children = append(n.children, lineText{htmlText(c.Text), c.Line})
			}
		}
		if len(n.children) > 0 && isEmptyMark(strings.TrimSpace(n.text)) {
			n.text = "" // the placeholder nestLines writes
		}
		if n.text != "" || len(n.children) > 0 {
			out = append(out, n)
		}
	}
	return out
}

// readTable returns the data rows of the section's first table, with the
// cells put in the order of the wanted columns, and the table's line. A
// column is found by its header (any of the names given for it), else by
// its position. r hears of columns and cells that are not read; the
// caller tells it what else the section holds (see reader.rest).
func readTable(r *reader, s *markdown.Section, want ...[]string) ([][]string, int) {
	for _, b := range s.Blocks {
		if b.Kind != markdown.Table || len(b.Rows) == 0 {
			continue
		}
		cols := columns(b.Rows[0], want)
		r.table(b, cols, under(s.Title))
		var rows [][]string
		for _, r := range b.Rows[1:] {
			out := make([]string, len(want))
			for i, c := range cols {
				if c >= 0 && c < len(r) {
					out[i] = r[c]
				}
			}
			rows = append(rows, out)
		}
		return rows, b.Line
	}
	return nil, 0
}

// hasColumn reports whether the section's first table, the one readTable
// reads, has a column headed name (as key gives it).
func hasColumn(s *markdown.Section, name string) bool {
	for _, b := range s.Blocks {
		if b.Kind == markdown.Table && len(b.Rows) > 0 {
			return slices.ContainsFunc(b.Rows[0], func(h string) bool { return key(h) == name })
		}
	}
	return false
}

// rowLine is the line of data row i (0-based) of a table starting at line
// start: the header and delimiter rows come first.
func rowLine(start, i int) int { return start + 2 + i }

// columns finds each wanted column in a table's header row by its names;
// a column not found by name takes its position, when no other column
// claimed that position.
func columns(head []string, want [][]string) []int {
	cols := make([]int, len(want))
	claimed := make(map[int]bool)
	for i, names := range want {
		cols[i] = -1
		for j, h := range head {
			if slices.Contains(names, key(h)) {
				cols[i] = j
				claimed[j] = true
			}
		}
	}
	for i := range cols {
		if cols[i] < 0 && i < len(head) && !claimed[i] {
			cols[i] = i
		}
	}
	return cols
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && asciiEqualFold(s[:len(prefix)], prefix)
}

// indexFold returns the index of the first sub in s, ignoring ASCII case,
// or -1.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if asciiEqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// lastIndexFold returns the index of the last sub in s, ignoring ASCII
// case, or -1.
func lastIndexFold(s, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if asciiEqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
