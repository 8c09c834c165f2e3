package artifact

import "strings"

// Text in a document comes from a brief, a model or a person, and markdown
// passes raw HTML through to whoever renders the page: a brief's
// "`</code><script>…`", flattened by the offline engine, or a model's
// "<img onerror=…>" would be live HTML in docs/prd.md on GitHub or in an
// editor's preview. So every line Render writes escapes with a backslash
// each '<' that could open raw HTML (a tag, a comment, a processing
// instruction, a declaration) or an autolink: one outside code spans and
// followed by something other than a space. Code spans are kept as they
// are, since inside them '<' is already text and a backslash would show;
// a '<' before a space ("< 10 min") opens nothing and stays as written.
//
// Parse reads the escape back (htmlText), so the text round-trips: "<b>"
// renders as "\<b>" and parses back to "<b>".

// EscapeHTML escapes, with a backslash, each '<' of inline markdown s that
// could open raw HTML or an autolink, outside code spans, so that s shows
// as written rather than as HTML. Render applies it to every line it
// writes; anything else that writes text from the documents into markdown
// should too. A '<' already escaped is left alone, so escaping twice is
// escaping once.
func EscapeHTML(s string) string { return mapAngles(s, true) }

// htmlText reads back text escaped by EscapeHTML: the backslash before
// each '<' it escapes is dropped. A raw '<' a person wrote is kept.
func htmlText(s string) string { return mapAngles(s, false) }

// mapAngles walks s as inline markdown, left to right as a markdown
// reader does: a backslash escapes the punctuation after it, and a run of
// backticks opens a code span that ends at the next run of the same
// length, or is literal when there is none. Each '<' outside code spans
// that opens something gets a backslash (escape) or, already escaped,
// loses it (!escape).
func mapAngles(s string, escape bool) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunct, s[i+1]) >= 0:
			if !escape && opens(s, i+1) {
				b.WriteByte('<')
			} else {
				b.WriteString(s[i : i+2])
			}
			i += 2
		case c == '`':
			end := codeSpanEnd(s, i)
			b.WriteString(s[i:end])
			i = end
		case escape && opens(s, i):
			b.WriteString(`\<`)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// opens reports whether s[i] is a '<' that could open raw HTML or an
// autolink: every one of those has a character other than a space right
// after the '<'.
func opens(s string, i int) bool {
	return s[i] == '<' && i+1 < len(s) && strings.IndexByte(" \t\r\n", s[i+1]) < 0
}

// codeSpanEnd returns the end of the code span whose opening run of
// backticks starts at i, or the end of that run when no run of the same
// length closes it.
func codeSpanEnd(s string, i int) int {
	n := runAt(s, i)
	for j := i + n; j < len(s); {
		if s[j] != '`' {
			j++
			continue
		}
		m := runAt(s, j)
		if m == n {
			return j + m
		}
		j += m
	}
	return i + n
}

// runAt is the length of the run of backticks at s[i].
func runAt(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	return n
}
