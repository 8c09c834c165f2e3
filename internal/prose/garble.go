package prose

import (
	"embed"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Garble is one way a sentence reads garbled: what is wrong, where, and how
// to mend it.
type Garble struct {
	// Kind names the problem: "markup", "html", "doubled word",
	// "modal", "participle", "article", "double space" or "fragment".
	Kind string
	// At quotes the words it is about, as written.
	At string
	// Hint says in a few words how to mend it.
	Hint string
}

// Garbled reports what reads garbled in one item of a document (a
// requirement, a story's title or sentence, an acceptance criterion, a
// scope item), written as markdown. It finds what a reviewer stops at and
// a spell checker does not:
//
//   - markup left open: an odd number of "**", a dangling "*" or "_"
//     emphasis marker, an unclosed backtick or quotation mark;
//   - raw HTML tags ("<br>", "<b>"), which a reader of the markdown sees as
//     they are;
//   - a doubled word ("the the");
//   - a modal followed by what is not a verb: a capital ("must File type
//     validation"), an article, a verb in -s ("must sends"), or a verb
//     that wants a noun given a bare verb and a particle ("must support
//     tick items off");
//   - an article before a verb in -s and another article ("provide a
//     books an appointment window");
//   - a participle of "have" ("then the clear is had"), or a passive whose
//     subject is an -ing form that is not a noun ("the limiting is rated");
//   - an article before nothing, a verb or a preposition ("then the  is
//     canceled", "then the are grouped");
//   - two spaces in a row;
//   - a cut-off fragment: an item ending in an article, a conjunction, a
//     preposition no verb strands ("the boats they are rated for" is
//     prose), "the next", a possessive, or an "up" no verb takes ("offer
//     a shift for swap up").
//
// It has no dictionary: its word lists (data/*.txt) are short, and a
// finding is a warning a person may overrule. Code spans are not read.
func Garbled(text string) []Garble {
	var out []Garble
	add := func(kind, at, hint string) { out = append(out, Garble{kind, at, hint}) }
	text = strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))

	out = append(out, markup(text)...)
	if m := doubleSpace().FindStringIndex(text); m != nil {
		add("double space", around(text, m[0], m[1]), "write one space between words")
	}
	plain := plainWords(text)
	toks := tokenize(plain)
	// A question puts its modal first: "Should the map show closures?"
	question := strings.HasSuffix(strings.TrimRight(plain, " )"), "?")
	for i, t := range toks {
		if t.punct {
			continue
		}
		prev, next, next2 := tok(toks, i-1), tok(toks, i+1), tok(toks, i+2)
		switch {
		case next.word && t.low == next.low && !isDigits(t.low) && !allowedDouble[t.low]:
			add("doubled word", t.text+" "+next.text, "drop one "+quoteWord(t.low))
		case modals[t.low] && !(prev.word && articles[prev.low]) && next.word && !question:
			if why := notAVerb(toks, i+1); why != "" {
				add("modal", phrase(toks, i, 3), why)
			}
		case (t.low == "a" || t.low == "an") && next.word && thirdPerson(next.low) && next2.word && articles[next2.low]:
			add("article", phrase(toks, i, 3), `a noun must follow "`+t.low+`": is a word missing or one too many?`)
		case beForms[t.low] && next.word && (next.low == "had" || next.low == "has" || next.low == "have"):
			add("participle", phrase(toks, i-2, 4), `"`+t.low+" "+next.low+`" says nothing: say what happens to what`)
		case t.low == "the" && next.word && gerund(next.low) && next2.word && beForms[next2.low] && participle(tok(toks, i+3).low):
			add("participle", phrase(toks, i, 4), quoteWord(next.low)+" is not a thing that can be "+tok(toks, i+3).low+": say what is")
		case articles[t.low] && next.word && whWords[next.low] && next2.word:
			// "when they open the how full the shelves are"
			add("article", phrase(toks, i-1, 4), `"`+t.text+`" before "`+next.low+`" opens no noun: cut it, or name the thing`)
		case t.low == "to" && prev.word && (prev.low == "want" || prev.low == "wants" || prev.low == "need" || prev.low == "needs") && next.word && prepositions[next.low]:
			// "I want to on the same ward with the same grade see…"
			add("modal", phrase(toks, i-1, 3), `"to" is followed by no verb: a word is missing or in the wrong place`)
		case articles[t.low] && (!next.word && next.text != "" && next.text != "(" || next.word && (beForms[next.low] || haveForms[next.low] || prepositions[next.low] || conjunctions[next.low] || modals[next.low])):
			add("article", phrase(toks, i-1, 3), `"`+t.text+`" is followed by no noun: a word is missing`)
		}
	}
	if f := fragment(tokenize(tail().ReplaceAllString(plain, ""))); f != "" {
		add("fragment", f, "the item stops mid-phrase: finish it or cut the dangling words")
	}
	return out
}

// markup reports markup left open in text.
func markup(text string) []Garble {
	var out []Garble
	if strings.Count(text, "`")%2 == 1 {
		out = append(out, Garble{"markup", "`", "close the code span with a backtick, or remove the one left"})
	}
	s := codeSpan().ReplaceAllString(text, "code")
	if strings.Count(s, `"`)%2 == 1 || strings.Count(s, "“") != strings.Count(s, "”") {
		out = append(out, Garble{"markup", `"`, "a quotation opens and is not closed: close it, or remove the quotation mark left"})
	}
	if strings.Count(s, "**")%2 == 1 {
		out = append(out, Garble{"markup", "**", `bold text opens and closes with "**": close it or remove the one left`})
	}
	s = strings.ReplaceAll(s, "**", "")
	for _, m := range []string{"*", "_"} {
		if n := emphasisMarks(s, m); n%2 == 1 {
			out = append(out, Garble{"markup", m, `emphasis opens and closes with "` + m + `": close it or remove the one left`})
		}
	}
	for _, m := range htmlTag().FindAllStringIndex(s, -1) {
		if m[0] > 0 && s[m[0]-1] == '\\' {
			continue // "\<b>" is a literal "<b>"
		}
		out = append(out, Garble{"html", s[m[0]:m[1]], "markdown shows an HTML tag as it is: write the text without it"})
	}
	return out
}

// emphasisMarks counts the marks that open or close emphasis: those with
// a letter or digit on one side only. "2 * 3" and "snake_case" hold none.
func emphasisMarks(s, mark string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != mark[0] {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		if wordRune(before) != wordRune(after) {
			n++
		}
	}
	return n
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var (
	doubleSpace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\S {2,}\S`) })
	codeSpan    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`[^`]*`") })
	htmlTag     = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)</?(?:br|b|i|u|s|em|strong|p|div|span|sup|sub|a|img|ul|ol|li|table|tr|td|th|hr|font|del|ins|mark|small|big|code|pre|h[1-6])\b[^<>]*>`)
	})
	link = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`) })
	// tail is what an item may end with after its words: a citation of
	// the brief and a priority or phase label ("(priority: Must, phase:
	// 2)"), which are not part of the sentence.
	tail = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:\s*\((?:priority:\s*[\w' -]+(?:,\s*phase:\s*[\w' .-]+)?|phase:\s*[\w' .-]+|[\w./-]+:\d+(?:[-–]\d+)?(?:,\s*[\w./-]*:?\d+(?:[-–]\d+)?)*)\))+\s*[.;]?\s*$`)
	})
)

// plainWords is text with its markup taken out: code spans become the
// word "code", links their text, tags and emphasis marks nothing.
func plainWords(text string) string {
	s := codeSpan().ReplaceAllString(text, "code")
	s = link().ReplaceAllString(s, "$1")
	s = htmlTag().ReplaceAllString(s, " ")
	s = strings.NewReplacer("**", "", "\\", "").Replace(s)
	var b strings.Builder
	for i, r := range s {
		if r == '*' || r == '_' {
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+1:])
			if !(wordRune(before) && wordRune(after)) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// token is a word ("to-do", "member's", "24/7") or a mark of punctuation.
type token struct {
	text, low   string
	word, punct bool
}

func tokenize(s string) []token {
	var out []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case wordRune(r):
			j := i + 1
			for j < len(rs) && (wordRune(rs[j]) || strings.ContainsRune("-'’/.", rs[j]) && j+1 < len(rs) && wordRune(rs[j+1]) && (rs[j] != '.' || unicode.IsDigit(rs[j-1]))) {
				j++
			}
			w := string(rs[i:j])
			out = append(out, token{text: w, low: strings.ToLower(w), word: true})
			i = j
		default:
			out = append(out, token{text: string(r), low: string(r), punct: true})
			i++
		}
	}
	return out
}

// tok is toks[i], or the zero token past either end.
func tok(toks []token, i int) token {
	if i < 0 || i >= len(toks) {
		return token{}
	}
	return toks[i]
}

// phrase quotes up to n tokens from toks[i].
func phrase(toks []token, i, n int) string {
	var ws []string
	for j := max(i, 0); j < min(i+n, len(toks)); j++ {
		ws = append(ws, toks[j].text)
	}
	return strings.Join(ws, " ")
}

// around quotes text[start:end] with a word either side.
func around(text string, start, end int) string {
	s := strings.LastIndex(text[:start], " ")
	e := strings.Index(text[end:], " ")
	if e < 0 {
		e = len(text)
	} else {
		e += end
	}
	return text[s+1 : e]
}

func quoteWord(w string) string { return `"` + w + `"` }

// notAVerb says why the word at toks[i], after a modal, is not the verb
// the modal wants, or "" when it may be.
func notAVerb(toks []token, i int) string {
	for i < len(toks) && toks[i].word && adverbs[toks[i].low] {
		i++
	}
	t := tok(toks, i)
	if !t.word {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	switch {
	case unicode.IsUpper(first) && t.text != "I" && strings.ToUpper(t.text) != t.text:
		return quoteWord(t.text) + " is not a verb: a verb (or a word) is missing before it"
	case articles[t.low] || determiners[t.low]:
		return "a verb is missing before " + quoteWord(t.text)
	case thirdPerson(t.low):
		return "write the verb's base form after the modal: " + quoteWord(strings.TrimSuffix(t.low, "s"))
	case wantsNoun[t.low] && IsVerb(tok(toks, i+1).low):
		// "support tick items off": a bare verb where a noun goes.
		for j := i + 2; j < min(i+5, len(toks)); j++ {
			n := toks[j]
			if !n.word || n.low == "to" || strings.HasSuffix(n.low, "ing") {
				return ""
			}
			if particles[n.low] && !tok(toks, j+1).word {
				return quoteWord(t.low) + " wants a noun, not " + quoteWord(phrase(toks, i+1, j-i)) + ": write e.g. " + quoteWord(t.low+" "+gerundOf(tok(toks, i+1).low)+" "+phrase(toks, i+2, j-i-1))
			}
		}
	}
	return ""
}

// gerundOf is a rough -ing form of a verb, for hints only.
func gerundOf(v string) string {
	switch {
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee"):
		return v[:len(v)-1] + "ing"
	case len(v) == 4 && strings.ContainsRune("aeiou", rune(v[2])) && !strings.ContainsRune("aeiouwy", rune(v[3])) && !strings.ContainsRune("aeiou", rune(v[1])):
		return v + string(v[3]) + "ing" // "swap" → "swapping"
	}
	return v + "ing"
}

// thirdPerson reports whether a word reads as a verb (or a plural) in -s:
// "books", "sends"; not "process", "status", "this", "always".
func thirdPerson(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !hasAnySuffix(w, "ss", "us", "is", "'s", "’s") && !adverbs[w] && !sWords[w]
}

// gerund reports whether w is an -ing form that is not a noun.
func gerund(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !ingNouns()[w]
}

// participle reports whether w reads as a past participle.
func participle(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) || irregular[w] != ""
}

// fragment returns the dangling end of an item that stops mid-phrase, or
// "". toks are the item's words without a trailing citation or priority.
func fragment(toks []token) string {
	// Leave out the final stop.
	end := len(toks)
	for end > 0 && toks[end-1].punct && strings.Contains(".;:!?", toks[end-1].text) {
		end--
	}
	if end == 0 || !toks[end-1].word {
		return ""
	}
	last, prev := toks[end-1], tok(toks, end-2)
	quote := func(n int) string { return phrase(toks, end-n, n) }
	switch {
	case articles[last.low] && last.text != "A" || conjunctions[last.low] || modals[last.low] || possessives[last.low]:
		return quote(2)
	case (last.low == "next" || last.low == "following") && prev.low == "the":
		return quote(3)
	case last.low == "up":
		if !prev.word || !upVerbs()[Stem(prev.low)] {
			return quote(3)
		}
	case dangling[last.low]:
		// "the boats they are rated for", "what they are waiting for":
		// a verb strands its preposition.
		if prev.word && (participle(prev.low) || particles[prev.low] || prev.low == "in" || prev.low == "on" || strings.HasSuffix(prev.low, "ing") || beForms[prev.low] || IsVerb(prev.low)) {
			return ""
		}
		return quote(3)
	}
	return ""
}

// IsVerb reports whether a lower-case word is the base form of a verb a
// user story uses (data/verbs.txt).
func IsVerb(w string) bool { return verbs()[w] }

//go:embed data/*.txt
var data embed.FS

// wordList reads a data file: one word a line, "#" comments.
func wordList(name string, stem bool) map[string]bool {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		panic(err) // embedded: cannot fail
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if stem {
			line = Stem(line)
		}
		out[line] = true
	}
	return out
}

var (
	verbs    = sync.OnceValue(func() map[string]bool { return wordList("verbs.txt", false) })
	upVerbs  = sync.OnceValue(func() map[string]bool { return wordList("up.txt", true) })
	ingNouns = sync.OnceValue(func() map[string]bool { return wordList("ing-nouns.txt", false) })
)

var (
	articles     = setOf("a", "an", "the")
	modals       = setOf("must", "should", "shall", "can", "cannot", "could", "may", "might", "will", "would")
	beForms      = setOf("is", "are", "was", "were", "be", "been", "being")
	haveForms    = setOf("has", "have", "had")
	conjunctions = setOf("and", "or", "but", "nor")
	// whWords open a clause, not a noun: "the how" is no phrase.
	whWords      = setOf("how", "who", "whom", "whose", "which", "what", "where", "why")
	prepositions = setOf("of", "to", "for", "with", "from", "into", "onto", "at", "by", "about", "than", "via", "per", "as", "in", "on")
	// dangling are the prepositions an item does not end with: "in" and
	// "on" are left out, as they end phrasal verbs ("log in", "carry on").
	dangling    = setOf("of", "to", "for", "with", "from", "into", "onto", "at", "by", "about", "than", "via", "per", "as")
	possessives = setOf("their", "its", "your", "our", "my")
	determiners = setOf("their", "its", "your", "our", "my", "this", "these", "those", "every", "each")
	// adverbs may come between a modal and its verb.
	adverbs = setOf("not", "also", "only", "always", "never", "still", "automatically", "then", "now", "first",
		"immediately", "both", "either", "easily", "quickly", "clearly", "securely", "again", "just", "already", "sometimes", "perhaps", "thus")
	// sWords end in s but are neither plurals nor verbs.
	sWords = setOf("news", "series", "species", "analytics", "settings", "statistics", "lens", "canvas", "atlas", "always", "perhaps", "whereas", "unless", "besides")
	// wantsNoun are verbs after which a bare verb is garbled.
	wantsNoun = setOf("support", "provide", "offer", "enable", "include")
	// particles end a phrasal verb: "tick items off".
	particles = setOf("off", "up", "out", "away", "down")
	// allowedDouble words may be doubled: "that that", "had had".
	allowedDouble = setOf("that", "had")
)

func isDigits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// StripTail returns an item's text without what follows its sentence: a
// citation of the brief ("(brief.md:24)") and a priority or phase label
// ("(priority: Must)", "(priority: Must, phase: 2)", "(phase: 2)").
func StripTail(s string) string {
	return strings.TrimSpace(tail().ReplaceAllString(s, ""))
}
