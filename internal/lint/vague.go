package lint

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/prodgen/prodgen/internal/markdown"
)

// textKind says what a piece of text is, which decides the words it may
// not use.
type textKind int

const (
	storyText       textKind = iota + 1 // a story's title or sentence, a criterion
	requirementText                     // a functional or non-functional requirement
)

// vagueWord is a word or phrase that leaves a requirement open to
// argument, with advice on what to write instead.
type vagueWord struct {
	word   string
	advice string
	// measured words are fine with a number nearby: "fast: under 200 ms".
	measured bool
	// requirementOnly words are only vague in a requirement.
	requirementOnly bool
	// upper words count only in capitals: "TODO" is a placeholder, "a
	// todo list" may be the product.
	upper bool
}

// vagueWords is the vague-word rule's table. Words match whole and in any
// case (unless upper), outside code spans.
var vagueWords = []vagueWord{
	{word: "fast", advice: `say how fast, e.g. "within 200 ms at the 95th percentile"`, measured: true},
	{word: "quick", advice: `say how quick, e.g. "in under 10 seconds"`, measured: true},
	{word: "quickly", advice: `say how quickly, e.g. "in under 10 seconds"`, measured: true},
	{word: "user-friendly", advice: `say what a user can do and how well, e.g. "a first-time user finishes sign-up without help"`},
	{word: "easy", advice: `say how you would measure it, e.g. "in 3 taps or fewer"`},
	{word: "easily", advice: `say how you would measure it, e.g. "in 3 taps or fewer"`},
	{word: "intuitive", advice: `say how you would test it, e.g. "9 of 10 first-time users finish without help"`},
	{word: "simple", advice: `say what it is limited to, e.g. "one screen with at most 5 fields"`},
	{word: "seamless", advice: `say what must not happen, e.g. "without signing in again"`},
	{word: "robust", advice: `say which failures it must survive, e.g. "keeps working through a 5-minute network outage"`},
	{word: "scalable", advice: `give the numbers, e.g. "serves 10,000 concurrent users"`, measured: true},
	{word: "etc.", advice: "list every case, or say where the full list is kept"},
	{word: "and so on", advice: "list every case, or say where the full list is kept"},
	{word: "TBD", advice: "decide it, or move it to the open questions"},
	{word: "TODO", advice: "decide it, or move it to the open questions", upper: true},
	{word: "as appropriate", advice: "say who decides and by what rule"},
	{word: "if possible", advice: "say whether it is required; if that is undecided, move it to the open questions"},
	{word: "should", advice: `write "must" if it is required; if that is undecided, move it to the open questions`, requirementOnly: true},
}

// moscowLabels match a MoSCoW priority written as a label on a requirement:
// "(priority: Should)", "(Should have)", "[Should]", "MoSCoW: Could", or
// "Should:" leading the item. There "Should" ranks the requirement against
// the others, which is a decision, not a hedge: it is blanked out before
// the vague words are looked for. "Should" in a sentence ("the page should
// load") is still prose. A label of another kind is left as it is, so
// "(priority: TBD)" is still vague.
var moscowLabels = sync.OnceValue(func() *regexp.Regexp {
	const word = `(?:must|should|could|won['’]t|will not)(?:[ -]have)?`
	return regexp.MustCompile(`(?i)` +
		`\b(?:priority|moscow)\s*[:=]\s*` + word + `\b` + // "priority: Should"
		`|[(\[]\s*` + word + `\s*[)\]]` + // "(Should)", "[Should have]"
		`|^\s*` + word + `\s*[:–—-]`) // "Should: …", "Should have – …"
})

// vaguePatterns returns the table's words as patterns, in the same order.
// A word is whole when no letter, digit, underscore or hyphen touches it.
// They are compiled on first use, not at start-up: the Unicode classes
// make them slow to compile, and most commands never lint.
var vaguePatterns = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(vagueWords))
	for i, w := range vagueWords {
		flags := "(?i)"
		if w.upper {
			flags = ""
		}
		out[i] = regexp.MustCompile(flags + `(?:^|[^\p{L}\p{N}_-])(` + regexp.QuoteMeta(w.word) + `)(?:[^\p{L}\p{N}_-]|$)`)
	}
	return out
})

// vague reports the vague words in text, each once, on line.
func (a *analysis) vague(line int, text string, kind textKind) {
	plain := moscowLabels().ReplaceAllStringFunc(markdown.Plain(stripCode(text)), blank)
	patterns := vaguePatterns()
	for i, w := range vagueWords {
		if w.requirementOnly && kind != requirementText {
			continue
		}
		if found, ok := findWord(patterns[i], plain, w.measured); ok {
			a.l.add(a.doc, line, "vague-word", "vague word %q: %s", found, w.advice)
		}
	}
}

// findWord returns the first match of re in s, as written; a measured
// word with a number nearby does not count.
func findWord(re *regexp.Regexp, s string, measured bool) (string, bool) {
	for pos := 0; pos < len(s); {
		m := re.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			return "", false
		}
		start, end := pos+m[2], pos+m[3]
		if !measured || !numberNear(s, start, end) {
			return s[start:end], true
		}
		pos = end
	}
	return "", false
}

// near is how many words either side of a measured word may give its
// number.
const near = 5

// numberNear reports whether a word within near words of s[start:end]
// holds a digit.
func numberNear(s string, start, end int) bool {
	before := strings.Fields(s[:start])
	after := strings.Fields(s[end:])
	for _, w := range slices.Concat(before[max(0, len(before)-near):], after[:min(near, len(after))]) {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return true
		}
	}
	return false
}

// stripCode blanks out code spans: a word in `code` is a name, not prose.
// A run of backticks opens a span that the next run of the same length
// closes; a run with no partner is a literal backtick.
func stripCode(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		if b[i] != '`' {
			i++
			continue
		}
		n := run(b, i)
		closing := -1
		for j := i + n; j < len(b); {
			if b[j] != '`' {
				j++
				continue
			}
			m := run(b, j)
			if m == n {
				closing = j
				break
			}
			j += m
		}
		if closing < 0 {
			i += n
			continue
		}
		for k := i; k < closing+n; k++ {
			b[k] = ' '
		}
		i = closing + n
	}
	return string(b)
}

// blank is s as spaces, so that what follows keeps its place.
func blank(s string) string { return strings.Repeat(" ", len(s)) }

// run returns the length of the run of backticks at b[i].
func run(b []byte, i int) int {
	j := i
	for j < len(b) && b[j] == '`' {
		j++
	}
	return j - i
}
