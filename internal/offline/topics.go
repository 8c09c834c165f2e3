package offline

import (
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/plural"
)

// firstPerson switches the third-person plural pronouns that refer to the
// story's role into the first person, so a want reads "I want to get an SMS
// with my position": they→I, them→me, their→my, theirs→mine,
// themselves→myself, and the verb after "they" agrees ("they are"→"I am").
// others names plural nouns that "they" could refer to instead; a pronoun
// after one of them, or after any people in the plural ("pupils"), is
// left alone.
func firstPerson(s string, others map[string]bool) string {
	ts := tokenize(s)
	swap := map[string]string{"they": "I", "them": "me", "their": "my", "theirs": "mine", "themselves": "myself"}
	verbAfter := map[string]string{"are": "am", "were": "was", "'re": "'m"}
	for i, t := range ts {
		if isPlural(t.lw()) && (others[singular(t.lw())] || isPerson(t.lw())) {
			// "a list of invited pupils with their consent": their is
			// the pupils'.
			break
		}
		to, ok := swap[t.lw()]
		if !ok {
			continue
		}
		ts[i].text = to
		if t.lw() == "they" && i+1 < len(ts) {
			if v, ok := verbAfter[ts[i+1].lw()]; ok {
				ts[i+1].text = v
			}
		}
	}
	return strings.ReplaceAll(join(ts), "they're", "I'm")
}

// contentWords returns the topic words of a text as lemmas (singular
// nouns, base verbs), without stop words or numbers, in order and once
// each. Hyphenated words count by their parts ("check-in" → check, in).
func contentWords(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tokenize(strings.ReplaceAll(s, "-", " ")) {
		w := strings.TrimSuffix(strings.TrimSuffix(t.lw(), "'s"), "’s")
		if !t.isWord() || stopwords[w] || len(w) < 2 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		w = lemma(w)
		if !seen[w] && !stopwords[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// lemma returns the dictionary form of a word: the base of a verb form
// ("checked" → "check") or the singular of a noun.
func lemma(w string) string {
	if v := verbForm(w); v != nil {
		return v.base
	}
	return strings.ToLower(singular(w))
}

// overlap counts the topic words a and b share. A shared name or acronym
// ("Slack", "SMS") counts twice: it names the same thing for sure, where a
// shared common word may not.
func overlap(a, b string, proper map[string]bool) int {
	return topicsOf(a, proper).overlap(wordSet(b))
}

// wordSet is the set of a text's content words, for comparing many texts
// with it without reading it again each time.
func wordSet(s string) map[string]bool {
	in := map[string]bool{}
	for _, w := range contentWords(s) {
		in[w] = true
	}
	return in
}

// topics is a text read once for overlap: its content words, and those of
// them that are names or acronyms.
type topics struct {
	words  []string
	strong map[string]bool
}

func topicsOf(a string, proper map[string]bool) topics {
	t := topics{words: contentWords(a)}
	for _, tok := range tokenize(a) {
		if plural.IsAcronym(tok.text) || proper[tok.lw()] {
			if t.strong == nil {
				t.strong = map[string]bool{}
			}
			t.strong[lemma(tok.lw())] = true
		}
	}
	return t
}

// overlap counts the words of t in the set in, a name or acronym twice.
func (t topics) overlap(in map[string]bool) int {
	n := 0
	for _, w := range t.words {
		if in[w] {
			n++
			if t.strong[w] {
				n++
			}
		}
	}
	return n
}
