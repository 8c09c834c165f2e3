package domain

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/prose"
)

//go:embed data/*.txt
var data embed.FS

// sections reads a data file of "[name]" sections of words: several a
// line, "#" starting a comment. It keeps each section's words in order.
func sections(name string) (map[string][]string, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	cur := ""
	for i, line := range strings.Split(string(b), "\n") {
		if c := strings.Index(line, "#"); c >= 0 && !strings.HasPrefix(strings.TrimSpace(line), "[") {
			line = line[:c]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("%s:%d: a section name wants a closing bracket: %q", name, i+1, line)
			}
			cur = line[1 : len(line)-1]
			out[cur] = []string{}
		case cur == "":
			return nil, fmt.Errorf("%s:%d: words before the first section", name, i+1)
		default:
			out[cur] = append(out[cur], strings.Fields(line)...)
		}
	}
	return out, nil
}

// wordClass is a set of the closed word classes a word is in, so that
// one lookup answers "a determiner, a preposition or a conjunction?".
type wordClass uint16

// The closed word classes.
const (
	wcDet wordClass = 1 << iota
	wcPrep
	wcConj
	wcSub
	wcPron
	wcAux
	wcAdv
	wcAdj
	wcKept
	wcNum
	wcParticle
)

// is reports whether w is in any of the classes c.
func (lx *lexicon) is(w string, c wordClass) bool { return lx.classes[w]&c != 0 }

// lexicon holds the word classes of data/words.txt and data/fields.txt.
type lexicon struct {
	det, prep, conj, sub, pron, aux, adv, adj, kept, num, particle map[string]bool
	verbs                                                          map[string]bool
	irregular                                                      map[string]string // form → base
	acts                                                           map[string]string // verb → the act's noun
	create, update, remove, list, inert, decide, sent, records     map[string]bool
	export, events                                                 map[string]bool
	containers, generic, people, ingNouns, alone                   map[string]bool
	fieldType                                                      map[string]FieldType // last word(s) → type
	classes                                                        map[string]wordClass
	units                                                          map[string]string // unit → field name
	means                                                          map[string]string // "sms" → "channel"
	phrasal                                                        map[string]OperationKind
	joined                                                         map[string]string // "queue" → "entry"
	states                                                         map[string]string // "void" → "void", "approve" → "approved"
}

// words is the lexicon, read on first use: the data is embedded, so a
// failure is a bug TestLexicon catches.
var words = sync.OnceValue(func() *lexicon {
	lx, err := readLexicon()
	if err != nil {
		panic(err)
	}
	return lx
})

func readLexicon() (*lexicon, error) {
	w, err := sections("words.txt")
	if err != nil {
		return nil, err
	}
	f, err := sections("fields.txt")
	if err != nil {
		return nil, err
	}
	need := func(m map[string][]string, file string, names ...string) error {
		for _, n := range names {
			if _, ok := m[n]; !ok {
				return fmt.Errorf("%s: no [%s] section", file, n)
			}
		}
		return nil
	}
	if err := need(w, "words.txt", "determiners", "prepositions", "conjunctions", "subordinators", "pronouns", "auxiliaries", "adverbs",
		"adjectives", "kept modifiers", "numbers", "particles", "verbs", "irregular", "acts", "create verbs",
		"update verbs", "delete verbs", "list verbs", "inert verbs", "decide verbs", "phrasal verbs", "joined", "sent", "read records", "export verbs", "state verbs", "booked events", "containers", "generic", "people", "ing nouns", "generic alone"); err != nil {
		return nil, err
	}
	set := func(name string) map[string]bool {
		out := map[string]bool{}
		for _, x := range w[name] {
			out[x] = true
		}
		return out
	}
	lx := &lexicon{
		det: set("determiners"), prep: set("prepositions"), conj: set("conjunctions"), sub: set("subordinators"), pron: set("pronouns"), adv: set("adverbs"),
		aux: set("auxiliaries"), adj: set("adjectives"), kept: set("kept modifiers"), num: set("numbers"),
		particle: set("particles"), verbs: set("verbs"), create: set("create verbs"), update: set("update verbs"),
		remove: set("delete verbs"), list: set("list verbs"), inert: set("inert verbs"), decide: set("decide verbs"),
		sent: set("sent"), records: set("read records"), export: set("export verbs"), events: set("booked events"), containers: set("containers"), generic: set("generic"),
		people: set("people"), ingNouns: set("ing nouns"), alone: set("generic alone"), fieldType: map[string]FieldType{},
	}
	lx.classes = map[string]wordClass{}
	for c, m := range map[wordClass]map[string]bool{wcDet: lx.det, wcPrep: lx.prep, wcConj: lx.conj, wcSub: lx.sub,
		wcPron: lx.pron, wcAux: lx.aux, wcAdv: lx.adv, wcAdj: lx.adj, wcKept: lx.kept, wcNum: lx.num, wcParticle: lx.particle} {
		for w := range m {
			lx.classes[w] |= c
		}
	}
	if lx.irregular, err = pairs(w["irregular"], "words.txt [irregular]"); err != nil {
		return nil, err
	}
	if lx.acts, err = pairs(w["acts"], "words.txt [acts]"); err != nil {
		return nil, err
	}
	phrasal, err := pairs(w["phrasal verbs"], "words.txt [phrasal verbs]")
	if err != nil {
		return nil, err
	}
	lx.phrasal = map[string]OperationKind{}
	for k, v := range phrasal {
		switch kind := OperationKind(v); kind {
		case OpCreate, OpUpdate, OpDelete, OpList:
			lx.phrasal[strings.ReplaceAll(k, "-", " ")] = kind
		default:
			return nil, fmt.Errorf("words.txt [phrasal verbs]: %s=%s: want create, update, delete or list", k, v)
		}
	}
	joined, err := pairs(w["joined"], "words.txt [joined]")
	if err != nil {
		return nil, err
	}
	lx.joined = map[string]string{}
	for k, v := range joined {
		lx.joined[strings.ReplaceAll(k, "-", " ")] = v
	}
	if lx.states, err = pairs(w["state verbs"], "words.txt [state verbs]"); err != nil {
		return nil, err
	}
	if lx.units, err = pairs(f["units"], "fields.txt [units]"); err != nil {
		return nil, err
	}
	if lx.means, err = pairs(f["means"], "fields.txt [means]"); err != nil {
		return nil, err
	}
	explicit := map[string]bool{}
	for _, t := range []FieldType{String, Date, DateTime, Number, Money, Boolean, Text, URL, File, Enum, Reference} {
		for _, x := range f[string(t)] {
			x = strings.ReplaceAll(x, "-", " ")
			if explicit[x] {
				return nil, fmt.Errorf("fields.txt: %q is listed twice (%s and %s)", x, lx.fieldType[x], t)
			}
			explicit[x] = true
			lx.fieldType[x] = t
		}
	}
	// The singular of a plural entry is a field word too: "instructions",
	// "instruction".
	for _, t := range []FieldType{String, Date, DateTime, Number, Money, Boolean, Text, URL, File, Enum, Reference} {
		for _, x := range f[string(t)] {
			x = strings.ReplaceAll(x, "-", " ")
			if sg := singularPhrase(x); sg != x && !explicit[sg] {
				if _, have := lx.fieldType[sg]; !have {
					lx.fieldType[sg] = t
				}
			}
		}
	}
	return lx, nil
}

// pairs reads "a=b" entries.
func pairs(entries []string, where string) (map[string]string, error) {
	out := map[string]string{}
	for _, e := range entries {
		a, b, ok := strings.Cut(e, "=")
		if !ok || a == "" || b == "" {
			return nil, fmt.Errorf("%s: want \"a=b\", got %q", where, e)
		}
		if _, dup := out[a]; dup {
			return nil, fmt.Errorf("%s: %q listed twice", where, a)
		}
		out[a] = b
	}
	return out, nil
}

// verbBase returns the base form of w when w is a form of a known verb
// ("logs", "logged", "logging", "paid" → "log", "log", "log", "pay").
func (lx *lexicon) verbBase(w string) (string, bool) {
	if lx.isVerb(w) {
		return w, true
	}
	if b, ok := lx.irregular[w]; ok {
		return b, true
	}
	for _, c := range baseCandidates(w) {
		if lx.isVerb(c) {
			return c, true
		}
	}
	return "", false
}

func (lx *lexicon) isVerb(w string) bool { return lx.verbs[w] || prose.IsVerb(w) }

// baseCandidates are the base forms a regular verb form may have.
func baseCandidates(w string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2])
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "ied"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ed"):
		stem := w[:len(w)-2]
		add(stem)
		add(stem + "e")
		if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1])
		}
	case strings.HasSuffix(w, "ing"):
		stem := w[:len(w)-3]
		add(stem)
		add(stem + "e")
		if n := len(stem); n >= 2 && stem[n-1] == stem[n-2] {
			add(stem[:n-1])
		}
	}
	return out
}

// typeOf is the type of a field by its name's last words, and whether
// the lexicon knows them.
func (lx *lexicon) typeOf(name string) (FieldType, bool) {
	ws := strings.Fields(name)
	if len(ws) > 2 && ws[1] == "of" {
		// "number of people", "amount of rent".
		switch ws[0] {
		case "number", "count", "quantity", "total":
			return Number, true
		case "amount":
			return Money, true
		}
	}
	for n := min(2, len(ws)); n >= 1; n-- {
		if t, ok := lx.fieldType[strings.Join(ws[len(ws)-n:], " ")]; ok {
			return t, true
		}
	}
	if len(ws) > 0 {
		if t, ok := lx.fieldType[singular(ws[len(ws)-1])]; ok {
			return t, true
		}
	}
	return String, false
}
