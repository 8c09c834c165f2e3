package domain

import (
	"strings"
)

// A feature is read as a flat sequence of chunks: noun phrases, verbs,
// prepositions, conjunctions and punctuation. English has no reliable
// part of speech without a dictionary, so a word that may be a noun or a
// verb ("book", "logs", "check") is read by its neighbours: after a
// modal or "to", or before a determiner, it is a verb; before a noun
// that heads compounds ("audit log", "plot register") it is a noun; a
// plural noun followed by a base form is a subject and its verb
// ("volunteers check tools"); at the start of a clause it is a verb
// unless the brief uses it after a determiner somewhere ("the
// practice's diary" makes "Practice manager dashboard" a noun phrase).

// chunkKind says what a chunk is.
type chunkKind int

const (
	cNP chunkKind = iota + 1
	cVerb
	cPrep
	cConj
	cPunct
	cPron
	cAux
	cCode
	cOther
)

// chunk is a run of tokens read as one unit.
type chunk struct {
	kind chunkKind
	toks []tok
	// For a verb: its base form, and whether it is a participle after a
	// form of "be" (a passive) or an -ing form.
	base    string
	passive bool
	ing     bool
	// particle is set for a preposition that completes its verb ("check
	// tools out").
	particle bool
	// For a noun phrase.
	np *nounPhrase
}

func (c chunk) low() string {
	if len(c.toks) == 0 {
		return ""
	}
	return c.toks[0].low
}

// nounPhrase is a noun phrase: its determiner, its describing words and
// the nouns that name the thing ("stock update").
type nounPhrase struct {
	det   string   // "a", "each", "their"… or ""
	adjs  []string // describing words, lower case, not in the name
	words []string // the name's words as written, head last
	// possessor is the noun phrase in "the boat's name".
	possessor *nounPhrase
	// paren is a parenthesis right after the phrase, its text.
	paren string
	// kinds are the alternatives that describe the noun: "bisque" and
	// "glaze" of "a bisque or glaze firing".
	kinds []string
	// named caches name, computed when the phrase had namedOf words.
	named   string
	namedOf int
}

func (n *nounPhrase) head() string { return strings.ToLower(n.headRaw()) }

// headRaw is the last noun as written: "GPS" stays singular.
func (n *nounPhrase) headRaw() string {
	if n == nil || len(n.words) == 0 {
		return ""
	}
	return n.words[len(n.words)-1]
}

// name is the phrase's name in lower case, singular: "stock update".
func (n *nounPhrase) name() string {
	if n == nil || len(n.words) == 0 {
		return ""
	}
	if n.named != "" && n.namedOf == len(n.words) {
		return n.named
	}
	ws := make([]string, len(n.words))
	for i, w := range n.words {
		ws[i] = strings.ToLower(w)
	}
	ws[len(ws)-1] = singular(ws[len(ws)-1])
	n.named, n.namedOf = strings.Join(ws, " "), len(n.words)
	return n.named
}

func (n *nounPhrase) plural() bool { return n != nil && isPlural(n.headRaw()) }

// reader reads features with what the brief tells about its words.
type reader struct {
	lx *lexicon
	// nouns are the words the brief uses after a determiner: nouns, even
	// when they are verbs too.
	nouns map[string]bool
	// nounFirst is set while reading a list's item.
	nounFirst bool
	// personaWords are the last nouns of the personas' names: nouns.
	personaWords map[string]bool
	bases        map[string]verbForm
}

// compoundHeads are nouns that end compounds: a verb-or-noun before one
// of them is a noun ("audit log", "plot register").
var compoundHeads = map[string]bool{
	"log": true, "logs": true, "register": true, "record": true, "records": true, "trail": true, "history": true,
	"list": true, "board": true, "chart": true, "charts": true, "view": true, "map": true, "page": true, "dashboard": true,
	"rules": true, "check": true, "checks": true, "mode": true, "picker": true, "alerts": true, "warnings": true,
	"reminders": true, "update": true, "updates": true, "entry": true, "entries": true, "report": true, "reports": true,
	"form": true, "sheet": true, "queue": true, "request": true, "requests": true, "window": true, "link": true,
	"number": true, "code": true, "label": true, "plan": true, "rota": true, "notes": true, "feed": true, "bar": true,
}

// chunks reads one clause's tokens.
func (r *reader) chunks(ts []tok) []chunk { return r.tidy(r.chunkWith(ts, false)) }

// tidy joins what chunking leaves apart: a container and its content ("a
// list of overdue pets" is about pets), and a word that shares the noun
// of the phrase it is joined to ("push or pull instructions" is push
// instructions and pull instructions).
func (r *reader) tidy(cs []chunk) []chunk {
	joins := false
	for i := 0; i+2 < len(cs) && !joins; i++ {
		joins = cs[i].kind == cNP && cs[i+2].kind == cNP && (cs[i+1].kind == cPrep && cs[i+1].low() == "of" || cs[i+1].kind == cConj || cs[i+1].kind == cPunct)
	}
	if !joins {
		return cs
	}
	out := make([]chunk, 0, len(cs))
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if c.kind == cNP && c.np.possessor == nil && len(c.np.words) == 1 && r.lx.containers[c.np.head()] &&
			i+2 < len(cs) && cs[i+1].kind == cPrep && cs[i+1].low() == "of" && cs[i+2].kind == cNP {
			inner := *cs[i+2].np
			if inner.det == "" {
				inner.det = c.np.det
			}
			toks := append(append(append([]tok(nil), c.toks...), cs[i+1].toks...), cs[i+2].toks...)
			out = append(out, chunk{kind: cNP, toks: toks, np: &inner})
			i += 2
			continue
		}
		if c.kind == cNP && c.np.possessor == nil && len(c.np.words) == 1 && countWords[c.np.head()] &&
			i+2 < len(cs) && cs[i+1].kind == cPrep && cs[i+1].low() == "of" && cs[i+2].kind == cNP && cs[i+2].np.det == "" {
			// "the number of people": one field.
			np := *c.np
			np.words = append(append([]string{c.np.words[0], "of"}, cs[i+2].np.adjs...), cs[i+2].np.words...)
			toks := append(append(append([]tok(nil), c.toks...), cs[i+1].toks...), cs[i+2].toks...)
			out = append(out, chunk{kind: cNP, toks: toks, np: &np})
			i += 2
			continue
		}
		if c.kind == cNP && c.np.det != "" && c.np.possessor == nil && len(c.np.words) == 1 && len(c.np.adjs) == 0 && !isPlural(c.np.headRaw()) &&
			i+2 < len(cs) && cs[i+1].kind == cConj && cs[i+1].low() == "or" && cs[i+2].kind == cNP && cs[i+2].np.det == "" &&
			cs[i+2].np.possessor == nil && len(cs[i+2].np.words) == 2 && len(cs[i+2].np.adjs) == 0 && !r.nouns[strings.ToLower(c.np.words[0])+" "+cs[i+2].np.head()] {
			// "a bisque or glaze firing": one firing of two kinds.
			np := *cs[i+2].np
			np.det = c.np.det
			np.kinds = []string{strings.ToLower(c.np.words[0]), strings.ToLower(np.words[0])}
			np.words = np.words[1:]
			toks := append(append(append([]tok(nil), c.toks...), cs[i+1].toks...), cs[i+2].toks...)
			out = append(out, chunk{kind: cNP, toks: toks, np: &np})
			i += 2
			continue
		}
		if c.kind == cNP && c.np.det == "" && c.np.possessor == nil && len(c.np.words) == 1 && len(c.np.adjs) == 0 && !isPlural(c.np.headRaw()) &&
			i+2 < len(cs) && (cs[i+1].low() == "or" || cs[i+1].low() == "+" || cs[i+1].low() == "/" ||
			cs[i+1].low() == "and" && (r.isVerbWord(c.np.head()) || r.lx.means[c.np.head()] != "")) &&
			(cs[i+1].kind == cConj || cs[i+1].kind == cPunct) &&
			cs[i+2].kind == cNP && cs[i+2].np.det == "" && len(cs[i+2].np.words) >= 2 {
			np := *c.np
			np.words = []string{c.np.words[0], cs[i+2].np.words[len(cs[i+2].np.words)-1]}
			out = append(out, chunk{kind: cNP, toks: c.toks, np: &np})
			continue
		}
		out = append(out, c)
	}
	return out
}

// itemChunks reads an item of a list ("name, breed, age"), where a bare
// word is a noun unless an object follows it.
func (r *reader) itemChunks(ts []tok) []chunk { return r.tidy(r.chunkWith(ts, true)) }

func (r *reader) chunkWith(ts []tok, nounFirst bool) []chunk {
	r.nounFirst = nounFirst
	defer func() { r.nounFirst = false }()
	out := make([]chunk, 0, len(ts))
	for i := 0; i < len(ts); {
		t := ts[i]
		switch {
		case t.kind == code:
			out = append(out, chunk{kind: cCode, toks: ts[i : i+1]})
			i++
		case t.kind == punct:
			out = append(out, chunk{kind: cPunct, toks: ts[i : i+1]})
			i++
		case r.lx.is(t.low, wcAux) || t.low == "to" && r.infinitive(ts, i+1):
			out = append(out, chunk{kind: cAux, toks: ts[i : i+1]})
			i++
		case r.lx.is(t.low, wcConj) && t.low != "either" || r.lx.is(t.low, wcSub):
			out = append(out, chunk{kind: cConj, toks: ts[i : i+1]})
			i++
		case r.lx.is(t.low, wcPrep):
			out = append(out, chunk{kind: cPrep, toks: ts[i : i+1], particle: r.particleAt(ts, i, out)})
			i++
		case r.lx.is(t.low, wcPron) && !(t.low == "one" && i+1 < len(ts) && (ts[i+1].low == "of" || ts[i+1].kind == word && !r.lx.prep[ts[i+1].low] && !r.lx.conj[ts[i+1].low])) ||
			(t.low == "that" || t.low == "which") && i+1 < len(ts) && r.relativeVerb(ts[i+1]):
			out = append(out, chunk{kind: cPron, toks: ts[i : i+1]})
			i++
		case r.verbAt(ts, i, out):
			c := chunk{kind: cVerb, toks: ts[i : i+1]}
			c.base, _ = r.verbBase(t.low)
			c.ing = strings.HasSuffix(t.low, "ing")
			if n := len(out); n > 0 && out[n-1].kind == cAux && beForm(out[n-1].low()) && !c.ing {
				c.passive = true
			}
			out = append(out, c)
			i++
		default:
			np, n := r.nounPhrase(ts, i, out)
			if n == 0 {
				out = append(out, chunk{kind: cOther, toks: ts[i : i+1]})
				i++
				continue
			}
			out = append(out, chunk{kind: cNP, toks: ts[i : i+n], np: np})
			i += n
		}
	}
	return out
}

func beForm(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't":
		return true
	}
	return false
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' && r != ',' && r != '%' {
			return false
		}
	}
	return w[0] >= '0' && w[0] <= '9'
}

// nounPhrase reads a noun phrase at i: determiners, describing words and
// nouns, a possessive making the phrase so far the possessor of the rest.
// It returns the phrase and how many tokens it took (0: none).
func (r *reader) nounPhrase(ts []tok, i int, before []chunk) (*nounPhrase, int) {
	if i >= len(ts) || ts[i].kind != word || r.lx.is(ts[i].low, wcPrep|wcConj|wcAux|wcSub) {
		return nil, 0
	}
	np := &nounPhrase{}
	pend := chunk{kind: cNP}
	j := i
	for j < len(ts) {
		t := ts[j]
		if t.kind == punct && t.low == possessive && len(np.words) > 0 {
			owner := *np
			np = &nounPhrase{possessor: &owner}
			j++
			continue
		}
		if t.kind == punct && t.low == "-" && len(np.words) > 0 && j+1 < len(ts) && ts[j+1].kind == word {
			// "Per-host" written with spaces around nothing: join.
			j++
			continue
		}
		if t.kind == code && len(np.words) == 0 && (np.det != "" || len(np.adjs) > 0) && j+1 < len(ts) && ts[j+1].kind == word {
			// "every `.sql` file": a code span describing the noun.
			j++
			continue
		}
		if t.kind != word {
			break
		}
		w := t.low
		switch {
		case r.lx.is(w, wcDet) && len(np.words) == 0 && len(np.adjs) == 0:
			if np.det == "" {
				np.det = w
			}
		case r.lx.is(w, wcNum) || isNumber(w):
			if len(np.words) > 0 {
				return np, j - i
			}
			np.adjs = append(np.adjs, w)
		case r.lx.is(w, wcAdj) && len(np.words) == 0 && !r.lx.is(w, wcKept) && !(j+1 < len(ts) && r.endsPhrase(ts, j+1)):
			np.adjs = append(np.adjs, w)
		case r.lx.is(w, wcAdj) && len(np.words) > 0 && !r.lx.is(w, wcKept):
			// "a berth closed for maintenance": the describing word after
			// the noun is no part of it.
			return r.done(np, j-i)
		case len(np.words) > 0 && strings.HasSuffix(w, "ed") && r.participle(w) && !r.nouns[w] && !r.lx.is(w, wcKept) &&
			(j+1 >= len(ts) || ts[j+1].kind != word || r.lx.is(ts[j+1].low, wcConj|wcSub|wcPrep)):
			// "marks the firing unloaded when …": a state after the noun.
			return r.done(np, j-i)
		case len(np.words) == 0 && r.participle(w) && j+1 < len(ts) && !r.endsPhrase(ts, j+1) && !r.lx.is(w, wcKept):
			// "a revoked key", "logged pieces".
			np.adjs = append(np.adjs, w)
		case j > i && (r.lx.is(w, wcPrep|wcConj|wcAux|wcPron|wcDet|wcSub)):
			return r.done(np, j-i)
		case j > i && len(np.words) > 0 && r.verbAfter(ts, j, before, pendingNP(&pend, np)):
			return r.done(np, j-i)
		case r.lx.is(w, wcPrep|wcConj|wcAux|wcSub):
			return r.done(np, j-i)
		default:
			np.words = append(np.words, t.raw)
		}
		j++
	}
	return r.done(np, j-i)
}

// pendingNP points pend at np: the phrase being read, as verbAfter's
// chunk before the word it weighs.
func pendingNP(pend *chunk, np *nounPhrase) *chunk {
	pend.np = np
	return pend
}

// participle reports whether w is a verb's past participle: "revoked",
// "chosen".
func (r *reader) participle(w string) bool {
	if b, ok := r.lx.irregular[w]; ok {
		return b != w
	}
	if !strings.HasSuffix(w, "ed") {
		return false
	}
	_, ok := r.verbBase(w)
	return ok
}

// endsPhrase reports whether the token at j ends a noun phrase, so that
// the describing word before it is its noun ("is open", "the first").
func (r *reader) endsPhrase(ts []tok, j int) bool {
	t := ts[j]
	return t.kind != word || r.lx.is(t.low, wcPrep|wcConj|wcAux)
}

func (r *reader) done(np *nounPhrase, n int) (*nounPhrase, int) {
	if len(np.words) == 0 && np.possessor == nil {
		if len(np.adjs) > 0 || np.det != "" {
			// "the first", "all": a phrase with no noun.
			return np, n
		}
		return nil, 0
	}
	return np, n
}
