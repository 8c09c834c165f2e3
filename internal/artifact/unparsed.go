package artifact

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/markdown"
)

// Problem is a part of a document that Parse could not read, on its line.
// Parse never drops a person's text without one: what it cannot read is
// either kept as written (Kept, a story sentence not in "As a …" form) or
// left out of the parsed document, which then renders without it.
// CheckCitations reports citations the brief does not bear out as
// problems too.
type Problem struct {
	Line int    // 1-based line in the document
	What string // what was not read, in a sentence without a final period
	Kept bool   // the text is kept as written, only its parts are not read
}

// String places the problem on its line: "line 7: …".
func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.What) }

// Unparsed lists what ParsePRD could not read in the document, in the
// order of its lines; empty for a document prodgen wrote, and for a nil
// PRD (no document).
func (p *PRD) Unparsed() []Problem {
	if p == nil {
		return nil
	}
	return p.unparsed
}

// Unparsed lists what ParseStories could not read, as PRD.Unparsed does.
func (s *Stories) Unparsed() []Problem {
	if s == nil {
		return nil
	}
	return s.unparsed
}

// Unparsed lists what ParseTech could not read, as PRD.Unparsed does.
func (t *TechSpec) Unparsed() []Problem {
	if t == nil {
		return nil
	}
	return t.unparsed
}

// UnparsedPRD lists what ParsePRD cannot read in src, and never fails:
// where ParsePRD would (no title, a malformed ID), it reads on, leaving
// out the item it cannot read without a problem, since that is an error
// of its own. prodgen lint reports these with its other findings.
func UnparsedPRD(src []byte) []Problem {
	r := &reader{lenient: true}
	p, _ := parsePRD(r, src) // lenient: never fails but on front matter, then nil
	return unparsedOf(p, r)
}

// UnparsedStories is UnparsedPRD for a stories document.
func UnparsedStories(src []byte) []Problem {
	r := &reader{lenient: true}
	s, _ := parseStories(r, src) // lenient, as in UnparsedPRD
	return unparsedOf(s, r)
}

// UnparsedTech is UnparsedPRD for a technical requirements document.
func UnparsedTech(src []byte) []Problem {
	r := &reader{lenient: true}
	t, _ := parseTech(r, src) // lenient, as in UnparsedPRD
	return unparsedOf(t, r)
}

func unparsedOf[T any](doc *T, r *reader) []Problem {
	if doc == nil {
		return nil
	}
	return r.done()
}

// reader collects the problems of one parse. A lenient reader goes past
// what would fail a parse, for a caller that reports those itself.
type reader struct {
	lines    []string // the document's lines, to place text inside a paragraph
	lenient  bool
	problems []Problem
	// brief is the name a PRD's citations give its brief (see briefName),
	// and cited its items that cite it, with their lines.
	brief string
	cited []citedAt
}

// done returns the problems in the order of their lines.
func (r *reader) done() []Problem {
	slices.SortStableFunc(r.problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return r.problems
}

// drop records text that is left out of the parsed document.
func (r *reader) drop(line int, format string, args ...any) {
	r.problems = append(r.problems, Problem{Line: line, What: fmt.Sprintf(format, args...)})
}

// keep records text that is kept as written but not read.
func (r *reader) keep(line int, format string, args ...any) {
	r.problems = append(r.problems, Problem{Line: line, What: fmt.Sprintf(format, args...), Kept: true})
}

// fail is an error that stops a parse, placed on its line; nil for a
// lenient reader, whose caller then skips what it could not read.
func (r *reader) fail(line int, err error) error {
	if r.lenient {
		return nil
	}
	return lineErr(line, err)
}

// rest reports what a section holds beyond what its reader reads: blocks
// of the kinds not in read (of tables, all but the first), and each
// subsection unless the reader reads them (readsChildren). Of a list,
// whose items the reader reads, it reports what the items hold beyond
// their text: nested items and other blocks.
func (r *reader) rest(s *markdown.Section, readsChildren bool, read ...markdown.Kind) {
	where := under(s.Title)
	tables := 0
	for _, b := range s.Blocks {
		if b.Kind == markdown.Table {
			tables++
		}
		switch {
		case !slices.Contains(read, b.Kind) || (b.Kind == markdown.Table && tables > 1):
			r.block(b, where)
		case b.Kind == markdown.List:
			r.itemsRest(b.Items, where)
		}
	}
	if !readsChildren {
		for _, c := range s.Children {
			r.drop(c.Line, "section %q %s is not read", c.Title, where)
		}
	}
}

// under names a section as the place of a problem: `under "Goals"`.
func under(title string) string { return fmt.Sprintf("under %q", title) }

// itemsRest reports what list items hold beyond their own text.
func (r *reader) itemsRest(items []markdown.Item, where string) {
	for _, it := range items {
		for _, b := range it.Other {
			r.block(b, where)
		}
		r.nested(it.Children, where)
	}
}

// nested reports nested list items, which no reader reads, and what they
// hold.
func (r *reader) nested(items []markdown.Item, where string) {
	for _, it := range items {
		if it.Text != "" {
			r.drop(it.Line, "nested item %s is not read: %s", where, snippet(it.Text))
		}
		for _, b := range it.Other {
			r.block(b, where)
		}
		r.nested(it.Children, where)
	}
}

// block reports a whole block that is not read; where says where it is:
// `under "Goals"`, "before the title", "in US-001".
func (r *reader) block(b markdown.Block, where string) {
	switch b.Kind {
	case markdown.Paragraph, markdown.Quote:
		r.drop(b.Line, "%s %s is not read: %s", blockName(b.Kind), where, snippet(b.Text))
	case markdown.List:
		for _, it := range b.Items {
			if it.Text != "" {
				r.drop(it.Line, "list item %s is not read: %s", where, snippet(it.Text))
			}
		}
		r.itemsRest(b.Items, where)
	default:
		r.drop(b.Line, "%s %s is not read", blockName(b.Kind), where)
	}
}

// table reports the parts of a table a reader does not read: rows with
// more cells than the header and columns not among the wanted ones.
func (r *reader) table(b markdown.Block, cols []int, where string) {
	for _, n := range b.Overflow {
		r.drop(n, "table row %s has more cells than the header: the extra cells are not read", where)
	}
	for j, h := range b.Rows[0] {
		if slices.Contains(cols, j) {
			continue
		}
		filled := strings.TrimSpace(h) != ""
		for _, row := range b.Rows[1:] {
			filled = filled || (j < len(row) && cellText(row[j]) != "")
		}
		if filled {
			r.drop(b.Line, "table column %q %s is not read", h, where)
		}
	}
}

// lineOf finds the line, from start on and within the paragraph there, of
// the nth (from 0) line holding needle in any case: a paragraph joins its
// lines, so a "Traces:" line may sit below the line it starts on. It
// returns start when it finds none.
func (r *reader) lineOf(start int, needle string, n int) int {
	for i := start - 1; i >= 0 && i < len(r.lines); i++ {
		line := r.lines[i]
		if strings.TrimSpace(line) == "" {
			break
		}
		if indexFold(line, needle) >= 0 {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return start
}

func blockName(k markdown.Kind) string {
	switch k {
	case markdown.Paragraph:
		return "paragraph"
	case markdown.List:
		return "list"
	case markdown.Table:
		return "table"
	case markdown.Code:
		return "code block"
	case markdown.HTML:
		return "HTML block"
	case markdown.Quote:
		return "quote"
	}
	return "block"
}

// snippetLen is how many characters of text a problem quotes.
const snippetLen = 40

// snippet quotes the start of text for a message.
func snippet(text string) string {
	if utf8.RuneCountInString(text) <= snippetLen {
		return fmt.Sprintf("%q", text)
	}
	runes := []rune(text)
	return fmt.Sprintf("%q", strings.TrimRight(string(runes[:snippetLen]), " ")+"…")
}
