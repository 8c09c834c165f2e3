package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/markdown"
)

// plain is markdown.Plain with surrounding space removed.
func plain(s string) string { return strings.TrimSpace(markdown.Plain(s)) }

func notAlnum(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// abbreviations end in a full stop that belongs to the word.
var abbreviations = lexSet("abbreviations")

// trimItem applies the item rule: trim space and separators left over from
// splitting, then one trailing full stop unless it ends an abbreviation.
func trimItem(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ",; \t")
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") && !abbreviations()[strings.ToLower(lastWord(s))] {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	return s
}

// asSentence applies the prose rule.
func asSentence(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ",;: \t")
	if s == "" {
		return ""
	}
	s = capitalize(unwrapEmphasis(s))
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "*_")); !strings.ContainsRune(".!?…", r) {
		s += "."
	}
	return s
}

// unwrapEmphasis removes emphasis around a whole sentence, a tagline set in
// italics ("*Visitor berths, booked before you arrive.*"): the sentence
// is the summary, its style the brief's.
func unwrapEmphasis(s string) string {
	for _, m := range []string{"***", "**", "__", "*", "_"} {
		inner, ok := strings.CutPrefix(s, m)
		if !ok {
			continue
		}
		inner, ok = strings.CutSuffix(inner, m)
		if ok && inner != "" && !strings.Contains(inner, m) && strings.TrimSpace(inner) == inner {
			return inner
		}
	}
	return s
}

// capitalize upper-cases the first letter, looking past leading markup
// ("**team** lead") but leaving words such as "iOS" or "eBay" alone.
func capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsUpper(r) || mixedCase(s[i:]) {
				return s
			}
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if !strings.ContainsRune("*_`[(\"'“‘ ", r) {
			return s
		}
	}
	return s
}

// mixedCase reports whether the first word has a capital after its first
// letter.
func mixedCase(s string) bool {
	for i, r := range s {
		if unicode.IsSpace(r) {
			return false
		}
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// lowerFirst undoes sentence case on a phrase that now follows other words,
// unless it starts with a name or acronym.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// sentences splits prose at a full stop, question or exclamation mark that
// is followed by space and a capital, digit or opening mark. Abbreviations
// and decimals ("99.95%") do not end a sentence, nor does a question inside
// quotes followed by lower case ("answer "how long?" dozens of times").
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte(".?!", s[j]) >= 0 {
			j++
		}
		j = skipClosers(s, j)
		if j >= len(s) || (s[j] != ' ' && s[j] != '\t' && s[j] != '\n') {
			i = j - 1
			continue
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') {
			k++
		}
		if k < len(s) && startsSentence(s[k:]) && !(c == '.' && EndsWithAbbreviation(s[start:j])) {
			if t := strings.TrimSpace(s[start:j]); t != "" {
				out = append(out, t)
			}
			start = k
		}
		i = k - 1
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// EndsWithAbbreviation reports whether text ends in an abbreviation
// whose full stop ends no sentence: "… (e.g.", "… etc.", "… approx.".
func EndsWithAbbreviation(text string) bool {
	return abbreviations()[strings.ToLower(strings.TrimLeft(lastWord(text), `("'[“‘`))]
}

// skipClosers steps over closing quotes, brackets and emphasis after a
// sentence's last mark.
func skipClosers(s string, j int) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !strings.ContainsRune(`"')]*_’”`, r) {
			break
		}
		j += n
	}
	return j
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘(*_[`+"`", r)
}

// splitOn splits s at every sep and drops empty parts.
func splitOn(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// wordCount counts space-separated words.
func wordCount(s string) int { return len(strings.Fields(s)) }

// wordIndex is the byte offset of the first whole-word occurrence of w in
// lower, or -1.
func wordIndex(lower, w string) int {
	for off := 0; off <= len(lower); {
		i := strings.Index(lower[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(w)
		if boundaryBefore(lower, i) && boundaryAfter(lower, end) {
			return i
		}
		off = i + 1
	}
	return -1
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return notAlnum(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return notAlnum(r)
}

// lowerKeep lower-cases s rune by rune, leaving alone the few runes whose
// lower case has another UTF-8 length ("İ", the Kelvin sign), so that byte
// offsets found in the result are valid in s.
func lowerKeep(s string) string {
	return strings.Map(func(r rune) rune {
		if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
			return l
		}
		return r
	}, s)
}
