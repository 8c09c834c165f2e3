package domain

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/plural"
)

// tokKind says what a token is.
type tokKind int

const (
	word  tokKind = iota + 1
	punct         // one punctuation character, or a possessive "'s"
	code          // a code span, as written between its backticks
)

// tok is one token of a text.
type tok struct {
	kind tokKind
	raw  string // as written
	low  string // lower case
}

func (t tok) is(s string) bool { return t.low == s }

// possessive is the token a possessive ending becomes.
const possessive = "'s"

// tokenize splits a line of a brief into words, punctuation and code
// spans. Inline markup goes first: emphasis marks, a link's target (its
// text is kept), HTML tags. A word is a run of letters and digits with
// inner hyphens, apostrophes and full stops ("fill-up", "don't",
// "Node.js"); a possessive ending is a token of its own.
func tokenize(s string) []tok {
	out := make([]tok, 0, len(s)/5+1)
	// Lower-case the text once when that keeps every byte where it is.
	lower := ""
	if isASCII(s) {
		lower = strings.ToLower(s)
	}
	low := func(from, to int) string {
		if lower != "" {
			return lower[from:to]
		}
		return strings.ToLower(s[from:to])
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '`':
			end := strings.IndexByte(s[i+1:], '`')
			if end < 0 {
				i += size
				continue
			}
			c := s[i+1 : i+1+end]
			out = append(out, tok{kind: code, raw: c, low: strings.ToLower(c)})
			i += end + 2
		case r == '<':
			// An HTML tag or an autolink: dropped, as markdown.Plain would.
			end := strings.IndexByte(s[i:], '>')
			if end < 0 || strings.ContainsAny(s[i+1:i+end], "<\n") || end == 1 {
				out = append(out, tok{kind: punct, raw: "<", low: "<"})
				i += size
				continue
			}
			i += end + 1
		case r == ']' && strings.HasPrefix(s[i:], "]("):
			// The end of a link's text: skip its target.
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				end = len(s) - i - 1
			}
			i += end + 1
		case r == '*' || r == '_' || r == '[' || r == '~' || r == '\\':
			i += size
		case isWordRune(r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n
					continue
				}
				// Inner joiners: a hyphen, an apostrophe or a full stop
				// between two word characters.
				if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.') && j+n < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n:]); isWordRune(r3) {
						j += n
						continue
					}
				}
				break
			}
			w := s[i:j]
			if base, ok := cutPossessive(w); ok {
				out = append(out, tok{kind: word, raw: base, low: low(i, i+len(base))},
					tok{kind: punct, raw: possessive, low: possessive})
			} else {
				out = append(out, tok{kind: word, raw: w, low: low(i, j)})
			}
			i = j
		case unicode.IsSpace(r):
			i += size
		default:
			p := string(r)
			// A plural possessive: "members' lockers".
			if (r == '\'' || r == '’') && len(out) > 0 && out[len(out)-1].kind == word && strings.HasSuffix(out[len(out)-1].low, "s") {
				p = possessive
			}
			out = append(out, tok{kind: punct, raw: p, low: p})
			i += size
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// cutPossessive splits "boat's" into "boat".
func cutPossessive(w string) (string, bool) {
	for _, e := range []string{"'s", "’s"} {
		if b, ok := strings.CutSuffix(w, e); ok && b != "" {
			// "it's", "let's", "what's" are no possessives.
			switch strings.ToLower(b) {
			case "it", "let", "what", "that", "there", "here", "who", "he", "she":
				return "", false
			}
			return b, true
		}
	}
	return "", false
}

// singulars caches singular, as a brief repeats its nouns, up to a
// bound, so that no input can make it grow without end.
var singulars = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

const maxSingulars = 1 << 14

// singular is a word's singular, as plural.Singular gives it, but for
// words in -ss, -us and the like it leaves alone.
func singular(w string) string {
	singulars.Lock()
	s, ok := singulars.m[w]
	singulars.Unlock()
	if ok {
		return s
	}
	s = singular1(w)
	singulars.Lock()
	if len(singulars.m) < maxSingulars {
		singulars.m[w] = s
	}
	singulars.Unlock()
	return s
}

func singular1(w string) string {
	if w == "" || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
		return w
	}
	switch strings.ToLower(w) {
	case "news", "series", "species", "canvas", "gas", "yes", "bus", "lens", "minutes", "dues", "always", "perhaps":
		if strings.ToLower(w) == "minutes" {
			return w[:len(w)-1]
		}
		return w
	}
	return plural.Singular(w)
}

// isPlural reports whether a lower-case noun reads as a plural.
func isPlural(w string) bool { return singular(w) != w }

// capitalise writes a name with a capital first letter.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// splitSentences splits text into sentences at a full stop, question or
// exclamation mark, or semicolon followed by a space, leaving
// abbreviations ("e.g. ", "etc. ") and decimals alone.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != ';' && c != '?' && c != '!' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' {
			continue
		}
		if c == '.' && brief.EndsWithAbbreviation(s[:i+1]) {
			continue
		}
		if t := strings.TrimSpace(s[start : i+1]); t != "" {
			out = append(out, t)
		}
		start = i + 1
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}
