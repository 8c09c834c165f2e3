package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/brief"
)

// namer decides whether a noun phrase can name an entity, and how: never
// a persona, the product, a person in general, a screen, a time, a
// channel or another generic word, a describing word or a verb.
type namer struct {
	lx *lexicon
	// personas holds the singular last noun of each persona's name
	// ("owner" of "Pet owners"), and whole names, lower case.
	personas map[string]string
	product  map[string]bool // the product's name, its words, lower case
	nouns    map[string]bool // words the brief uses after a determiner
	// seen caches nameable by name. A reading that adds to nouns clears
	// it (see noun).
	seen map[string]bool
	// shortNames holds the first words of personas' names of three or
	// more words, hyphens as spaces: "front desk" of "front-desk staff".
	shortNames map[string]string
}

// noun records that the brief uses w as a noun.
func (n *namer) noun(w string) {
	if !n.nouns[w] {
		n.nouns[w] = true
		clear(n.seen)
	}
}

func newNamer(lx *lexicon, b *brief.Brief, nouns map[string]bool) *namer {
	n := &namer{lx: lx, personas: map[string]string{}, product: map[string]bool{}, nouns: nouns, seen: map[string]bool{}, shortNames: map[string]string{}}
	for _, u := range b.Users {
		name := strings.ToLower(u.Name)
		if ws := strings.Fields(strings.ReplaceAll(name, "-", " ")); len(ws) >= 3 {
			n.shortNames[strings.Join(ws[:len(ws)-1], " ")] = u.Name
		}
		n.personas[name] = u.Name
		n.personas[singularPhrase(name)] = u.Name
		if h := personaHead(lx, u.Name); h != "" {
			n.personas[h] = u.Name
		}
	}
	title := strings.ToLower(strings.TrimSpace(b.Title))
	if title != "" {
		n.product[title] = true
		for _, w := range phraseWords(title) {
			if !lx.generic[w.low] && len(w.low) > 2 && !lx.det[w.low] && !lx.prep[w.low] && !lx.conj[w.low] {
				n.product[w.low] = true
			}
		}
	}
	return n
}

// personaHead is the noun a persona's name ends its first phrase with:
// "Members of the library" → "member", "Pet owners" → "owner".
func personaHead(lx *lexicon, name string) string {
	head := ""
	for _, t := range tokenize(name) {
		if t.kind != word || lx.prep[t.low] || lx.conj[t.low] || strings.HasSuffix(t.low, "ing") && head != "" {
			break
		}
		if lx.det[t.low] || lx.adj[t.low] || lx.num[t.low] {
			continue
		}
		head = t.low
	}
	return singular(head)
}

func singularPhrase(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return s
	}
	ws[len(ws)-1] = singular(ws[len(ws)-1])
	return strings.Join(ws, " ")
}

// persona returns the persona a noun phrase names, if it names one.
func (n *namer) persona(np *nounPhrase) (string, bool) {
	if np == nil || len(np.words) == 0 {
		return "", false
	}
	if p, ok := n.personas[np.name()]; ok {
		return p, true
	}
	if p, ok := n.personas[singular(np.head())]; ok {
		return p, true
	}
	return "", n.lx.people[np.head()] || n.lx.people[singular(np.head())]
}

// people reports whether a subject is people: a persona, people in
// general, or a persona named short ("Front desk sees the live queue"
// for the front-desk staff).
func (n *namer) people(np *nounPhrase) bool {
	if _, ok := n.persona(np); ok {
		return true
	}
	if np == nil || len(np.words) == 0 {
		return false
	}
	_, ok := n.shortNames[strings.ReplaceAll(strings.ToLower(strings.Join(np.words, " ")), "-", " ")]
	return ok
}

// entityName returns the name an entity would have from a noun phrase:
// its nouns, the last two at most, with the describing words it keeps
// ("recurring"), singular; false when the phrase cannot name one.
func (n *namer) entityName(np *nounPhrase) (string, []string, bool) {
	if np == nil || len(np.words) == 0 {
		return "", nil, false
	}
	ws := np.words
	if len(ws) > 2 {
		ws = ws[len(ws)-2:]
	}
	var kept []string
	for _, a := range np.adjs {
		if n.lx.kept[a] {
			kept = append(kept, a)
		}
	}
	if len(ws) > 1 && firstRuneUpperWord(ws[0]) && technologies().words[strings.ToLower(ws[0])] {
		// "the lab's Zebra printers", "a Slack incident channel": the
		// technology is a component; the thing is the rest.
		ws = ws[1:]
	}
	written := append(append([]string(nil), kept...), ws...)
	written[len(written)-1] = singular(written[len(written)-1])
	name := strings.ToLower(strings.Join(written, " "))
	if len(written) == 2 && strings.ToLower(written[1]) == "history" && n.nameable(strings.ToLower(written[0])) {
		// "check-in history", "order history": the check-ins, the orders.
		return strings.ToLower(written[0]), written[:1], true
	}
	if !n.nameable(name) {
		// "check-in history": the thing the history is of.
		if len(written) == 2 && n.lx.containers[strings.ToLower(written[1])] && n.nameable(strings.ToLower(written[0])) {
			return strings.ToLower(written[0]), written[:1], true
		}
		// "GPS track", "the day's jobs": the head alone may still name it.
		if len(written) > 1 {
			head := strings.ToLower(written[len(written)-1])
			if n.nameable(head) && !n.lx.generic[strings.ToLower(written[0])] && !n.isPersonaWord(strings.ToLower(written[0])) {
				return head, written[len(written)-1:], true
			}
		}
		return "", nil, false
	}
	return name, written, true
}

func (n *namer) isPersonaWord(w string) bool {
	_, ok := n.personas[singular(w)]
	return ok
}

// nameable reports whether a lower-case singular name can name an entity.
func (n *namer) nameable(name string) bool {
	if ok, seen := n.seen[name]; seen {
		return ok
	}
	ok := n.nameable1(name)
	n.seen[name] = ok
	return ok
}

func (n *namer) nameable1(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return false
	}
	head := ws[len(ws)-1]
	if _, ok := n.personas[name]; ok {
		return false
	}
	if _, ok := n.personas[head]; ok && len(ws) == 1 {
		return false
	}
	if n.product[name] || n.product[head] && len(ws) == 1 {
		return false
	}
	for _, w := range ws {
		if !wordy(w) || n.lx.det[w] || n.lx.prep[w] || n.lx.conj[w] || n.lx.aux[w] || n.lx.pron[w] || n.lx.num[w] {
			return false
		}
	}
	for _, suf := range []string{"-first", "-only", "-based", "-free", "-friendly", "-compatible", "-level", "-wide"} {
		// "offline-first", "S3-compatible": describing words.
		if strings.HasSuffix(head, suf) {
			return false
		}
	}
	if n.lx.generic[head] || n.lx.generic[plural1(head)] || n.lx.people[head] || n.lx.adj[head] {
		return false
	}
	if len(ws) == 1 && (n.lx.containers[head] || n.lx.particle[head] || n.lx.alone[head]) {
		return false
	}
	if _, isUnit := n.lx.units[head]; isUnit || n.lx.units[plural1(head)] != "" {
		return false
	}
	// An -ing form names an activity ("aliquoting"), unless it is a noun
	// ("booking").
	if strings.HasSuffix(head, "ing") && len(head) > 5 && !n.lx.ingNouns[head] {
		return false
	}
	// A verb the brief never uses as a noun ("pick", "approve") names
	// nothing, nor does a participle ("grouped").
	if base, ok := n.lx.verbBase(head); ok && !n.nouns[head] && !n.nouns[plural1(head)] && !n.lx.ingNouns[head] {
		if base != head || len(ws) == 1 {
			return false
		}
	}
	return true
}

// nameableAct reports whether the act a verb names can name an entity:
// as nameable, but a noun although the brief uses only its verb.
func (n *namer) nameableAct(name string) bool {
	return name != "" && !n.lx.generic[name] && !n.lx.people[name] && !n.product[name]
}

// plural1 is a crude plural, to look a singular up among words the
// lexicon or the brief hold as plurals.
func plural1(w string) string {
	switch {
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// wordy reports whether w is a word with a letter in it.
func wordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// displayName writes an entity's name: its words as the brief writes
// them, the first capitalised, the others lower case unless the brief
// writes them in capitals ("BOM line", "API key").
func displayName(written []string) string {
	out := make([]string, len(written))
	for i, w := range written {
		switch {
		case isAcronym(w):
			out[i] = w
		case i == 0:
			out[i] = capitalise(strings.ToLower(w))
		default:
			out[i] = strings.ToLower(w)
		}
	}
	return strings.Join(out, " ")
}

func isAcronym(w string) bool {
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 2 && upper >= 2
}

// firstRuneUpperWord reports whether a word starts with a capital and is
// not written all in capitals (an acronym may be a thing: "BOM line").
func firstRuneUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !isAcronym(w)
}
