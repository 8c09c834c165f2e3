package offline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/plural"
)

// token is a word or a punctuation mark of a sentence. Keeping the space
// before each token lets a sentence be changed word by word and written back
// exactly as it was, punctuation included.
type token struct {
	text  string
	space bool // white space precedes the token
}

// lw returns the token in lower case.
func (t token) lw() string { return strings.ToLower(t.text) }

// isWord reports whether the token holds a letter or digit.
func (t token) isWord() bool {
	return strings.IndexFunc(t.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

const (
	leadPunct  = "([\"“‘"
	trailPunct = ".,;:!?)]\"”’…"
	// allPunct is both sets, each mark once, for trimming a word.
	allPunct = "([\"“‘.,;:!?)]”’…"
)

// tokenize splits s into words and punctuation. Hyphens, apostrophes and
// inner dots stay inside words ("front-desk", "habit's", "99.95%").
func tokenize(s string) []token {
	var out []token
	for _, chunk := range strings.Fields(s) {
		space := len(out) > 0
		for chunk != "" {
			r, n := utf8.DecodeRuneInString(chunk)
			if !strings.ContainsRune(leadPunct, r) {
				break
			}
			out = append(out, token{string(r), space})
			chunk, space = chunk[n:], false
		}
		var tail []token
		for chunk != "" {
			r, n := utf8.DecodeLastRuneInString(chunk)
			if !strings.ContainsRune(trailPunct, r) {
				break
			}
			tail = append(tail, token{text: string(r)})
			chunk = chunk[:len(chunk)-n]
		}
		if chunk != "" {
			out = append(out, token{chunk, space})
			space = false
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, token{tail[i].text, space})
			space = false
		}
	}
	return out
}

// join writes tokens back as text.
func join(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.space {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// trimPunct drops punctuation (and dangling "and"/"or") at both ends.
func trimPunct(ts []token) []token {
	for len(ts) > 0 && (!ts[0].isWord() && ts[0].text != "(" && !quoteMark(ts[0].text)) {
		ts = ts[1:]
	}
	for len(ts) > 0 {
		last := ts[len(ts)-1]
		if last.isWord() && last.lw() != "and" && last.lw() != "or" || last.text == ")" || last.text == "%" && len(ts) > 1 || quoteMark(last.text) && quotesOpen(ts[:len(ts)-1]) {
			break
		}
		ts = ts[:len(ts)-1]
	}
	if len(ts) > 0 && quoteMark(ts[0].text) && !quotesOpen(ts) {
		return ts
	}
	if len(ts) > 0 && quoteMark(ts[0].text) && quotesOpen(ts) {
		ts = ts[1:] // an opening quote closed nowhere
	}
	return ts
}

// quoteMark reports whether a token is a quotation mark.
func quoteMark(s string) bool { return s == `"` || s == "“" || s == "”" }

// quotesOpen reports whether ts leave a quotation open: an odd number of
// straight quotes, or more opening than closing curly ones.
func quotesOpen(ts []token) bool {
	straight, curly := 0, 0
	for _, t := range ts {
		switch t.text {
		case `"`:
			straight++
		case "“":
			curly++
		case "”":
			curly--
		}
	}
	return straight%2 == 1 || curly > 0
}

// properNouns collects the words written with a capital inside a
// sentence, where only names and acronyms are capitalised ("Slack",
// "Android"). Keys are lower case.
func properNouns(texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, t := range texts {
		ts := tokenize(t)
		for i, tk := range ts {
			// A list item's marker starts a sentence too ("- School
			// offices spend…" in a problem made of a list).
			start := i == 0 || strings.ContainsAny(ts[i-1].text, ".:?!(\"“") || listMarks[ts[i-1].text]
			if !start && tk.isWord() && hasUpper(tk.text) {
				out[strings.ToLower(tk.text)] = true
			}
		}
	}
	return out
}

// listMarks are the markers of a list item.
var listMarks = set("-", "*", "+", "•", "–", "—")

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func hasUpper(s string) bool { return strings.IndexFunc(s, unicode.IsUpper) >= 0 }

// keepsCase reports whether a word must keep its capitals at the start of a
// phrase: acronyms ("QR", "SOC"), words with inner capitals ("QueueLess")
// and known proper nouns.
func keepsCase(w string, proper map[string]bool) bool {
	rs := []rune(w)
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs[1:] {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return proper[strings.ToLower(w)] || proper[strings.ToLower(strings.TrimSuffix(w, "'s"))]
}

// lowerFirst lower-cases the first word of s unless it keeps its case.
func lowerFirst(s string, proper map[string]bool) string {
	word, rest, _ := strings.Cut(s, " ")
	if word == "" || keepsCase(strings.Trim(word, allPunct), proper) {
		return s
	}
	r, n := utf8.DecodeRuneInString(word)
	out := string(unicode.ToLower(r)) + word[n:]
	if rest != "" {
		out += " " + rest
	}
	return out
}

// lowerVerb is lowerFirst for a phrase that opens with a verb, which is
// lowered even when a name uses the word: "Pay online" after "they",
// though the brief names Apple Pay.
func lowerVerb(s string, proper map[string]bool) string {
	word, _, _ := strings.Cut(s, " ")
	if lookupVerb(strings.ToLower(word)) != nil && !plural.IsAcronym(word) {
		return lowerFirst(s, nil)
	}
	return lowerFirst(s, proper)
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || mixedCaseWord(s) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// mixedCaseWord reports whether s opens with a word written in mixed case
// from a lower-case letter, a name to keep as it is: "iCal", "eBay",
// "iOS".
func mixedCaseWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range s {
		if unicode.IsSpace(c) || unicode.IsPunct(c) {
			return false
		}
		if unicode.IsUpper(c) {
			return true
		}
	}
	return false
}

// sentence makes s one sentence: trimmed, single-spaced, capitalised and
// ending in a full stop (unless it ends in "?" or "!").
func sentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ",;: ")
	if s == "" {
		return ""
	}
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return upperFirst(s)
}

// bare removes a final full stop and outer spaces, for text that goes
// inside another sentence.
func bare(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ".;:, ")
}
