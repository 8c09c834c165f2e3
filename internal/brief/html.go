package brief

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML in a brief (a README written in HTML, tags mixed into markdown, a
// TaskMaster file wrapped in <context> and <PRD>) is rewritten as the
// markdown it stands for before the brief is read, so every later rule
// sees one shape: headings, paragraphs, lists, tables, emphasis. Nothing
// of the markup itself can then reach a document.

// htmlHint finds what makes a brief worth rewriting: a tag the rewriter
// knows, a comment, an entity, or a line holding one tag alone.
var htmlHint = lazyRegexp(`(?i)<(?:/?(?:h[1-6]|p|ul|ol|li|b|strong|i|em|br|div|table|thead|tbody|tr|td|th|span|a|img|sub|sup|small|center|blockquote|pre|code|hr|dl|dt|dd|section|article|header|footer|main|details|summary|title|u|s|del|mark|font)\b|!--)|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);|(?m)^[ \t]*</?[a-z][\w-]*>[ \t]*$`)

// rewriteHTML returns src with its HTML rewritten as markdown, outside
// fenced code blocks; src itself when it holds none.
func rewriteHTML(src []byte) []byte {
	if bytes.IndexByte(src, '<') < 0 && bytes.IndexByte(src, '&') < 0 || !htmlHint().Match(src) {
		return src
	}
	var out bytes.Buffer
	var run []string
	flush := func(beforeFence bool) {
		if len(run) == 0 {
			return
		}
		md := htmlToMarkdown(strings.Join(run, ""))
		out.WriteString(md)
		if beforeFence && md != "" {
			out.WriteString("\n")
		}
		run = nil
	}
	fence := ""
	for _, line := range strings.SplitAfter(string(src), "\n") {
		if fence != "" {
			out.WriteString(line)
			if closesFence(line, fence) {
				fence = ""
			}
			continue
		}
		if f := opensFence(line); f != "" {
			flush(true)
			fence = f
			out.WriteString(line)
			continue
		}
		if containerTag(line) {
			// TaskMaster's <context> and <PRD>: a part of the file, no text.
			line = "\n"
		}
		run = append(run, line)
	}
	flush(false)
	return out.Bytes()
}

// loneTag is a line holding one tag and nothing else.
var loneTag = lazyRegexp(`^[ \t]*</?([A-Za-z][\w-]*)>[ \t]*\r?\n?$`)

// containerTag reports whether a line holds only a tag that is no HTML
// element: a wrapper marking a part of the file, as TaskMaster's
// <context> and <PRD>.
func containerTag(line string) bool {
	m := loneTag().FindStringSubmatch(line)
	return m != nil && atom.Lookup([]byte(strings.ToLower(m[1]))) == 0
}

// opensFence returns the fence a line opens ("```", "~~~~"), or "".
func opensFence(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, c := range []string{"`", "~"} {
		n := 0
		for n < len(t) && t[n:n+1] == c {
			n++
		}
		if n >= 3 && (c == "~" || !strings.Contains(t[n:], "`")) {
			return t[:n]
		}
	}
	return ""
}

// closesFence reports whether line closes a block opened by fence.
func closesFence(line, fence string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == ""
}

// htmlBlocks are the elements that stand apart from the text around them.
var htmlBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Main: true, atom.Center: true, atom.Details: true, atom.Summary: true,
	atom.Figure: true, atom.Figcaption: true, atom.Blockquote: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Nav: true, atom.Aside: true, atom.Hr: true, atom.Body: true, atom.Html: true,
}

// htmlSkipped are elements whose content is not the brief's text.
var htmlSkipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Head: true, atom.Noscript: true, atom.Template: true}

// htmlWriter turns a stream of HTML tokens into markdown.
type htmlWriter struct {
	out     bytes.Buffer
	blocks  int      // open block elements: inside one, white space is HTML's
	lists   []string // the marker of each open list, innermost last
	skip    int      // open elements whose content is skipped
	pre     bool
	table   [][]string // the rows of an open table
	tables  int        // open table elements, nested ones counted
	cell    *bytes.Buffer
	heading bool
}

// htmlToMarkdown rewrites one run of text, outside fenced code, whose
// tags are HTML and whose text is markdown. A code span is the author's
// text, tags and all: it is kept out of the HTML reading and put back as
// written.
func htmlToMarkdown(s string) string {
	s, spans := holdCode(s)
	return restoreCode(htmlRunToMarkdown(s), spans)
}

// codeSpan finds an inline code span on one line, between single or
// double backticks.
var codeSpan = lazyRegexp("``[^\\n]*?``|`[^`\\n]*`")

// Code spans are held as private-use characters with their number between,
// which the HTML tokenizer passes through as text.
const holdOpen, holdClose = "\ue000", "\ue001"

// holdCode replaces each code span in s by a placeholder.
func holdCode(s string) (string, []string) {
	var spans []string
	out := codeSpan().ReplaceAllStringFunc(s, func(m string) string {
		spans = append(spans, m)
		return holdOpen + strconv.Itoa(len(spans)-1) + holdClose
	})
	return out, spans
}

// restoreCode puts the code spans holdCode held back in place.
func restoreCode(s string, spans []string) string {
	for i, span := range spans {
		s = strings.Replace(s, holdOpen+strconv.Itoa(i)+holdClose, span, 1)
	}
	return s
}

// htmlRunToMarkdown is htmlToMarkdown with the code spans held.
func htmlRunToMarkdown(s string) string {
	w := &htmlWriter{}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := string(z.Raw())
		switch tt {
		case html.TextToken:
			w.text(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if !w.tag(a, tt != html.EndTagToken, tt == html.SelfClosingTagToken) {
				// Not HTML: the author's text ("<https://…>", "a <thing>").
				w.write(raw)
			}
		case html.CommentToken, html.DoctypeToken:
			// Neither is text.
		}
	}
	w.closeTable()
	return tidyBlankLines(w.out.String())
}

// write adds markdown to the open table cell or the output.
func (w *htmlWriter) write(s string) {
	if w.cell != nil {
		w.cell.WriteString(s)
		return
	}
	w.out.WriteString(s)
}

// text writes text: as it is outside HTML elements, where it is markdown;
// with its white space folded inside them, where it is HTML's.
func (w *htmlWriter) text(s string) {
	switch {
	case w.skip > 0:
		return
	case w.pre || w.blocks == 0 && len(w.lists) == 0 && w.cell == nil && !w.heading:
		w.write(s)
		return
	}
	folded := strings.Join(strings.Fields(s), " ")
	if folded == "" {
		if s != "" && !w.atLineStart() {
			w.write(" ")
		}
		return
	}
	if isSpace(s[0]) && !w.atLineStart() {
		folded = " " + folded
	}
	if isSpace(s[len(s)-1]) {
		folded += " "
	}
	w.write(folded)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// atLineStart reports whether the output (or cell) ends a line or a list
// marker, where leading space would be noise.
func (w *htmlWriter) atLineStart() bool {
	b := w.out.Bytes()
	if w.cell != nil {
		b = w.cell.Bytes()
	}
	if len(b) == 0 || b[len(b)-1] == '\n' {
		return true
	}
	// A line that starts with a marker is short where it matters; reading
	// only the tail keeps a long document linear.
	if len(b) > 128 {
		b = b[len(b)-128:]
	}
	s := string(b[bytes.LastIndexByte(b, '\n')+1:])
	t := strings.TrimLeft(s, " ")
	return t == "- " || strings.HasSuffix(t, ". ") && strings.Trim(t, "0123456789. ") == "" || strings.Trim(t, "# ") == ""
}

// tag writes the markdown for a known tag and reports whether it knew it.
func (w *htmlWriter) tag(a atom.Atom, start, selfClosing bool) bool {
	switch {
	case a == 0:
		return false
	case htmlSkipped[a]:
		if start && !selfClosing {
			w.skip++
		} else if !start && w.skip > 0 {
			w.skip--
		}
		return true
	case w.skip > 0:
		return true
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Title:
		level := 1
		if a != atom.Title {
			level = int(a.String()[1] - '0')
		}
		if start {
			w.block("\n\n" + strings.Repeat("#", level) + " ")
			w.heading = true
		} else {
			w.heading = false
			w.trimTrailingSpace()
			w.block("\n\n")
		}
	case atom.Br:
		w.trimTrailingSpace()
		if w.cell != nil {
			w.write(" ")
		} else {
			w.write("\n")
		}
	case atom.B, atom.Strong:
		w.inline("**", start)
	case atom.I, atom.Em:
		w.inline("*", start)
	case atom.Code:
		w.inline("`", start)
	case atom.S, atom.Del, atom.Strike:
		w.inline("~~", start)
	case atom.Ul, atom.Ol:
		w.list(a == atom.Ol, start)
	case atom.Li:
		if start {
			w.item()
		}
	case atom.Pre:
		w.pre = start
		if start {
			w.block("\n\n```\n")
		} else {
			w.block("\n```\n\n")
		}
	case atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption:
		w.tableTag(a, start)
	case atom.Img, atom.A, atom.Span, atom.Sub, atom.Sup, atom.Small, atom.Font, atom.U, atom.Mark,
		atom.Abbr, atom.Kbd, atom.Label, atom.Cite, atom.Q, atom.Time, atom.Picture, atom.Source:
		// Only their text, if any, belongs to the brief.
	default:
		if !htmlBlocks[a] {
			return false
		}
		if selfClosing || a == atom.Hr {
			w.block("\n\n")
			return true
		}
		if start {
			w.blocks++
		} else if w.blocks > 0 {
			w.blocks--
		}
		w.trimTrailingSpace()
		w.block("\n\n")
	}
	return true
}

// block writes a block break: outside a list it starts a new markdown
// block; inside an item it continues the item's line.
func (w *htmlWriter) block(s string) {
	if w.cell != nil {
		w.write(" ")
		return
	}
	if len(w.lists) > 0 && !strings.Contains(s, "#") && !strings.Contains(s, "```") {
		w.write(" ")
		return
	}
	w.write(s)
}

// inline writes an emphasis marker, keeping it against its words as
// markdown requires ("**Name**", not "** Name **").
func (w *htmlWriter) inline(marker string, start bool) {
	if !start {
		w.trimTrailingSpace()
	}
	w.write(marker)
}

// trimTrailingSpace removes spaces at the end of the output or cell.
func (w *htmlWriter) trimTrailingSpace() {
	buf := &w.out
	if w.cell != nil {
		buf = w.cell
	}
	b := buf.Bytes()
	n := len(b)
	for n > 0 && (b[n-1] == ' ' || b[n-1] == '\t') {
		n--
	}
	buf.Truncate(n)
}

// list opens or closes a list.
func (w *htmlWriter) list(ordered, start bool) {
	if start {
		marker := "- "
		if ordered {
			marker = "1. "
		}
		if len(w.lists) == 0 {
			w.write("\n\n")
		}
		w.lists = append(w.lists, marker)
		return
	}
	if len(w.lists) > 0 {
		w.lists = w.lists[:len(w.lists)-1]
	}
	if len(w.lists) == 0 {
		w.trimTrailingSpace()
		w.write("\n\n")
	}
}

// maxListDepth is how deep lists nest in the markdown written; deeper
// ones are written at that depth, as no brief means them deeper.
const maxListDepth = 6

// item starts a list item, indented under its parents' markers.
func (w *htmlWriter) item() {
	if len(w.lists) == 0 {
		w.lists = append(w.lists, "- ")
		w.write("\n\n")
	}
	indent := 0
	for _, m := range w.lists[:min(len(w.lists), maxListDepth)-1] {
		indent += len(m)
	}
	w.trimTrailingSpace()
	w.write("\n" + strings.Repeat(" ", indent) + w.lists[len(w.lists)-1])
}

// tableTag collects a table's cells and writes it as a markdown table when
// it closes.
func (w *htmlWriter) tableTag(a atom.Atom, start bool) {
	switch a {
	case atom.Table:
		// A table inside a table is read as part of its cell.
		if start {
			if w.tables++; w.tables == 1 {
				w.table = [][]string{}
			}
		} else if w.tables > 0 {
			if w.tables--; w.tables == 0 {
				w.closeTable()
			}
		}
	case atom.Tr:
		if start && w.table != nil {
			w.endCell()
			w.table = append(w.table, nil)
		}
	case atom.Td, atom.Th:
		if w.table == nil {
			return
		}
		w.endCell()
		if start {
			if len(w.table) == 0 {
				w.table = append(w.table, nil)
			}
			w.cell = &bytes.Buffer{}
		}
	}
}

// endCell adds the open cell, if any, to the table's last row.
func (w *htmlWriter) endCell() {
	if w.cell == nil {
		return
	}
	text := strings.ReplaceAll(strings.Join(strings.Fields(w.cell.String()), " "), "|", `\|`)
	w.cell = nil
	if len(w.table) == 0 {
		w.table = append(w.table, nil)
	}
	last := len(w.table) - 1
	w.table[last] = append(w.table[last], text)
}

// closeTable writes the collected table.
func (w *htmlWriter) closeTable() {
	if w.table == nil {
		return
	}
	w.endCell()
	rows := w.table
	w.table = nil
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	var b strings.Builder
	b.WriteString("\n\n")
	for i, r := range rows {
		for len(r) < cols {
			r = append(r, "")
		}
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	b.WriteString("\n")
	w.out.WriteString(b.String())
}

// tidyBlankLines folds runs of blank lines into one and removes the white
// space left on otherwise empty lines.
func tidyBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, strings.TrimRight(l, " \t"))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}
