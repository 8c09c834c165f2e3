package artifact

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/markdown"
)

// The helpers in this file turn text fields into single markdown lines and
// back. Render and Parse share them, so what one writes the other reads.

// flat puts s on one line: line breaks and tabs become spaces. Inner
// spacing is kept, so a line built from several fields splits back into
// the same fields.
func flat(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// oneLine puts s on one line and trims it.
func oneLine(s string) string { return strings.TrimSpace(flat(s)) }

// blockSafe makes sure s, placed at the start of a line (a paragraph or a
// list item's text), reads as plain paragraph text rather than starting a
// heading, list, quote, code block, HTML block or link definition. Where it
// would, the character that starts the block is escaped with a backslash.
// Like every line Render writes, it holds no raw HTML (see EscapeHTML).
func blockSafe(s string) string {
	s = EscapeHTML(s)
	if s == "" || isParagraph(s) && !breaksItem(s) {
		return s
	}
	if strings.IndexByte(asciiPunct, s[0]) >= 0 {
		return `\` + s
	}
	// An ordered list marker: escape the dot or parenthesis after the digits.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// breaksItem reports whether s, a paragraph alone, is no text after a
// list item's marker: "--" makes "- --" a thematic break.
func breaksItem(s string) bool {
	if strings.IndexByte("-*_", s[0]) < 0 {
		return false
	}
	doc, err := markdown.Parse([]byte("- " + s))
	if err != nil || len(doc.Sections) != 0 || len(doc.Preamble) != 1 {
		return true
	}
	b := doc.Preamble[0]
	return b.Kind != markdown.List || len(b.Items) != 1 || b.Items[0].Text != s
}

// asciiPunct holds the characters a backslash escapes in markdown.
const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// isParagraph reports whether s, read as markdown, is exactly one paragraph
// whose text is s.
func isParagraph(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsLetter(r) {
		return true // no block starts with a letter
	}
	doc, err := markdown.Parse([]byte(s))
	if err != nil || len(doc.Sections) != 0 || len(doc.Preamble) != 1 {
		return false
	}
	b := doc.Preamble[0]
	return b.Kind == markdown.Paragraph && b.Text == s
}

// headingSafe escapes a run of '#' at the end of heading text, which
// markdown would otherwise drop as a closing sequence ("Notes #"), and any
// raw HTML (see EscapeHTML).
func headingSafe(s string) string {
	s = EscapeHTML(s)
	run := len(s) - len(strings.TrimRight(s, "#"))
	if run == 0 {
		return s
	}
	at := len(s) - run
	if at == 0 || s[at-1] == ' ' {
		return s[:at] + `\` + s[at:]
	}
	return s
}

// terminate ends a sentence with a full stop unless it already ends with
// one, a question mark or an exclamation mark.
func terminate(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// unterminate removes the full stop terminate would add back, and keeps
// one that belongs to the text ("etc..", "so that ."), so that
// terminate(unterminate(s)) == s for every s terminate returns.
func unterminate(s string) string {
	body, ok := strings.CutSuffix(s, ".")
	if !ok {
		return s
	}
	if body != "" && strings.ContainsAny(body[len(body)-1:], ".?! ") {
		return s
	}
	return body
}

// placeholder is what an empty table cell shows.
const placeholder = "–"

// cell renders a text field as a table cell: one line, raw HTML and pipes
// escaped, and the placeholder when empty.
func cell(s string) string {
	s = oneLine(s)
	if isEmptyMark(s) {
		return placeholder
	}
	return escapeCell(EscapeHTML(s))
}

// escapeCell escapes the pipes in a cell's text. Readers differ on a pipe
// after a backslash: goldmark takes "\\|" as an escaped pipe, GitHub and
// markdownlint as an escaped backslash and the end of the cell. So a pipe
// after an odd run of backslashes gets one more backslash first, and every
// reader sees an escaped pipe.
func escapeCell(s string) string {
	if !strings.Contains(s, `\|`) {
		return markdown.EscapeCell(s)
	}
	var b strings.Builder
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && run%2 == 1 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
		run++
		if s[i] != '\\' {
			run = 0
		}
	}
	return markdown.EscapeCell(b.String())
}

// cellText reads a cell back: the placeholder (or a lone dash) is empty.
func cellText(s string) string {
	s = strings.TrimSpace(s)
	if isEmptyMark(s) {
		return ""
	}
	return htmlText(s)
}

func isEmptyMark(s string) bool {
	return s == "" || s == "-" || s == "–" || s == "—"
}

// codeCell renders a field as a code span in a table cell, with enough
// backticks to hold backticks in the text.
func codeCell(s string) string {
	s = oneLine(s)
	if isEmptyMark(s) {
		return placeholder
	}
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' {
		pad = " "
	}
	return escapeCell(ticks + pad + s + pad + ticks)
}

// codeText reads a cell written by codeCell: a cell that is exactly one code
// span gives the span's content; any other cell is kept as written.
func codeText(s string) string {
	s = cellText(s)
	n := len(s) - len(strings.TrimLeft(s, "`"))
	if n == 0 || len(s) <= 2*n || len(s)-len(strings.TrimRight(s, "`")) != n {
		return s
	}
	inner := s[n : len(s)-n]
	if inner[0] == '`' || inner[len(inner)-1] == '`' || hasRun(inner, '`', n) {
		return s
	}
	if len(inner) >= 2 && inner[0] == ' ' && inner[len(inner)-1] == ' ' && strings.TrimSpace(inner) != "" {
		inner = inner[1 : len(inner)-1]
	}
	return inner
}

// longestRun returns the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return longest
}

// hasRun reports whether s holds a run of exactly n c's.
func hasRun(s string, c byte, n int) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == c {
			run++
			continue
		}
		if run == n {
			return true
		}
		run = 0
	}
	return false
}

// refs reads a list of IDs of kind k written as "US-001, US-002", on
// line of the document; owner names the list in a problem ("the traces of
// US-001"). Words that join IDs ("and", "none") are skipped; r hears of
// any other word not written like an ID, which is not read. An ID-like
// word that is not a well-formed ID of kind k is an error, returned after
// the whole list is read, so that a lenient reader hears of every word.
func refs(r *reader, k Kind, s string, line int, owner string) ([]string, error) {
	var out []string
	var malformed error
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
		w = strings.TrimRight(w, ".")
		if !LooksLikeID(w) {
			if !joiner(w) {
				r.drop(line, "%q in %s is not a %s ID, so it is not read", w, owner, k)
			}
			continue
		}
		if _, err := ParseID(k, w); err != nil {
			malformed = cmp.Or(malformed, err)
			continue
		}
		out = append(out, w)
	}
	if malformed != nil {
		return nil, malformed
	}
	return out, nil
}

// joiner reports whether a word in a list of IDs only joins them or says
// there are none: "and", "or", "&", "none", "n/a", a dash.
func joiner(w string) bool {
	switch strings.ToLower(w) {
	case "", "and", "or", "&", "none", "n/a", "-", "–", "—":
		return true
	}
	return false
}
