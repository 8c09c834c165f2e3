package domain

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
)

// featureReader reads a brief's features into evidence: the noun phrases
// they act on, with the fields, relations and operations the features
// state.
type featureReader struct {
	r   *reader
	n   *namer
	ev  *evidence
	src *source
	b   *brief.Brief

	// The feature being read.
	fi    int
	feat  brief.Feature
	lines []brief.Span
	// last is the entity named last, for "its" and "it"; its is the
	// clause's first object, which "its" means when there is one.
	last, its *candidate
	// terse is set while reading a note without a verb.
	terse bool
	// weak is set while reading what is not a feature (a persona's
	// description): its mentions weigh half and make nothing strong.
	weak bool
	// provided is the first thing the sentence being read provides by
	// naming it ("Audit log" of "Audit log of every change").
	provided *candidate
	// orphans are fields no entity was named for ("Progress: page or
	// %"), given to the main entity when all is read.
	orphans []Field
}

// readFeatures reads every feature of the first release.
func (fr *featureReader) readFeatures() {
	for i, f := range fr.b.Features {
		lines := fr.b.SourceOf(f.Text)
		if !slices.Equal(lines, fr.lines) || len(lines) == 0 {
			// A feature of another sentence: "its" starts afresh.
			fr.last = nil
		}
		fr.fi, fr.feat, fr.lines = i, f, lines
		var title *candidate
		for _, s := range splitSentences(f.Text) {
			ts := tokenize(s)
			fr.provided = nil
			fr.sentence(ts, nil)
			if f.Notes != "" && nominal(fr.r.chunks(ts)) {
				title = fr.last
				if fr.provided != nil {
					// "Audit log of every change": the log, not the change.
					title = fr.provided
				}
			}
		}
		// A feature's notes are read when they say something: a sentence
		// with a verb or a label, not a table cell's "Nightly". A title
		// that names a thing ("Audit trail") is what they are about.
		for _, s := range splitSentences(strings.ReplaceAll(f.Notes, ".; ", ". ")) {
			// A note without a verb ("Totals in the invoice currency")
			// gives fields and mentions, no things of its own.
			ts := tokenize(s)
			if title != nil && fr.whFields(title, ts) {
				continue
			}
			fr.terse = !fr.says(ts)
			fr.sentence(ts, title)
			fr.terse = false
		}
	}
	// What the personas do is evidence too, weaker than a feature's, and
	// gives no fields.
	fr.weak, fr.fi, fr.feat, fr.lines = true, -1, brief.Feature{}, nil
	fr.ev.noFields = true
	defer func() { fr.ev.noFields = false }()
	for _, u := range fr.b.Users {
		fr.last = nil
		fr.lines = fr.b.SourceOf(u.Name)
		for _, s := range splitSentences(u.Description) {
			fr.sentence(tokenize(s), nil)
		}
	}
}

// sentence reads one sentence of a feature; ctx is the entity the
// feature's title names, if any.
func (fr *featureReader) sentence(ts []tok, ctx *candidate) {
	for _, part := range fr.storyParts(ts) {
		if i := labelColon(part); i > 0 {
			fr.label(part[:i], part[i+1:])
			continue
		}
		fr.clause(part, ctx)
	}
}

// whFields reads a note that lists what a thing records by question
// words, "Who, when, what changed": its fields. It reports whether the
// note was such a list.
func (fr *featureReader) whFields(e *candidate, ts []tok) bool {
	var items [][]string
	cur := []string(nil)
	for _, t := range ts {
		switch {
		case t.kind == punct && (t.low == "," || t.low == "." || t.low == ";"), t.kind == word && t.low == "and":
			if len(cur) > 0 {
				items = append(items, cur)
			}
			cur = nil
		case t.kind == word:
			cur = append(cur, t.low)
		default:
			return false
		}
	}
	if len(cur) > 0 {
		items = append(items, cur)
	}
	if len(items) < 2 {
		return false
	}
	var fs []Field
	for _, it := range items {
		if len(it) > 3 {
			return false
		}
		f := Field{Name: strings.Join(it, " "), Lines: fr.lineOf(it[0])}
		switch it[0] {
		case "who":
			f.Type = Reference
		case "when":
			f.Type = DateTime
		case "what", "why", "how":
			f.Type = Text
		case "where":
			f.Type = String
		default:
			return false
		}
		fs = append(fs, f)
	}
	for _, f := range fs {
		e.field(f)
	}
	return true
}

// says reports whether a note's sentence states something: it has a
// verb, or a label before a colon.
func (fr *featureReader) says(ts []tok) bool {
	if labelColon(ts) > 0 {
		return true
	}
	for _, c := range fr.r.chunks(ts) {
		if c.kind == cVerb || c.kind == cAux && beForm(c.low()) {
			return true
		}
	}
	return false
}

// storyParts takes a user story apart: "As a returns associate, I want
// to scan the return label so that the original order … come up" is
// "scan the return label" and "the original order … come up". Other
// sentences are one part. An ID before a colon ("FR-2A:") goes.
func (fr *featureReader) storyParts(ts []tok) [][]tok {
	if len(ts) > 2 && ts[1].kind == punct && ts[1].low == ":" && strings.ContainsAny(ts[0].raw, "0123456789") {
		ts = ts[2:]
	}
	if len(ts) > 2 && ts[0].is("as") && (ts[1].is("a") || ts[1].is("an")) {
		for i := 2; i < len(ts); i++ {
			if ts[i].is(",") {
				ts = ts[i+1:]
				break
			}
		}
	}
	// "I want (the system) to": the want goes.
	for i := 0; i+1 < len(ts) && i < 8; i++ {
		if i > 0 && ts[i-1].kind == punct && ts[i-1].low == ":" {
			continue // "Shelves: Want to read / Reading": a value, no want
		}
		if ts[i].is("want") || ts[i].is("need") || ts[i].is("wants") || ts[i].is("needs") {
			for j := i + 1; j < len(ts) && j < i+5; j++ {
				if ts[j].is("to") {
					ts = ts[j+1:]
					break
				}
			}
			break
		}
	}
	for i := 0; i+1 < len(ts); i++ {
		if ts[i].is("so") && ts[i+1].is("that") {
			return [][]tok{ts[:i], ts[i+2:]}
		}
	}
	return [][]tok{ts}
}

// maxLabel is how many words a label may have.
const maxLabel = 12

// labelColon returns the index of the colon that ends a label ("Create a
// trip: title, dates"), or -1: a colon after one to seven words, outside
// brackets, with something after it.
func labelColon(ts []tok) int {
	words, depth := 0, 0
	for i, t := range ts {
		switch {
		case t.kind == punct && (t.low == "(" || t.low == "["):
			depth++
		case t.kind == punct && (t.low == ")" || t.low == "]"):
			depth--
		case t.kind == punct && t.low == ":" && depth == 0:
			if i > 0 && i+1 < len(ts) && isNumber(ts[i-1].low) && isNumber(ts[i+1].low) {
				// A time: "by 10:00".
				continue
			}
			if words >= 1 && words <= maxLabel && i+1 < len(ts) {
				return i
			}
			return -1
		case t.kind == word:
			words++
		}
		if words > maxLabel {
			return -1
		}
	}
	return -1
}

// lineOf returns the line of the feature that holds a word, or the
// feature's lines.
func (fr *featureReader) lineOf(w string) []brief.Span {
	w = strings.ToLower(w)
	if w == "" || fr.src == nil {
		return fr.lines
	}
	for _, sp := range fr.lines {
		for l := sp.Start; l <= sp.End && l <= len(fr.src.lines); l++ {
			if strings.Contains(fr.src.lower(l), w) {
				return []brief.Span{{Start: l, End: l}}
			}
		}
	}
	return fr.lines
}

// entity notes a noun phrase as a possible entity and returns it, or nil
// when the phrase cannot name one.
func (fr *featureReader) entity(np *nounPhrase, weight int, strong bool) *candidate {
	solid := weight > wMention
	if fr.weak || fr.terse {
		weight, strong = max(1, weight/2), false
	}
	if np != nil && np.plural() && np.det == "" {
		// "post notes", "upload scores": a bare plural is a noun.
		fr.n.noun(singular(np.head()))
	}
	name, written, ok := fr.n.entityName(np)
	if np != nil && len(np.words) > 1 && !fr.weak && fr.nounWord(np.words[len(np.words)-2]) {
		mod := &nounPhrase{words: np.words[:len(np.words)-1]}
		head := np.head()
		switch {
		case fr.isField(np):
			// "the berth number", "the closure date": a field of the
			// berth, the closure, should they be entities, and a mention.
			fr.ev.compound(mod.name(), fr.field(&nounPhrase{words: np.words[len(np.words)-1:]}, np.paren))
			fr.mention(mod)
		case fr.r.lx.generic[head] || fr.r.lx.generic[singular(head)]:
			// "a pitch map", "the formula label": about pitches, formulas.
			fr.mention(mod)
		}
	}
	if !ok && np != nil && len(np.words) == 1 {
		// "Create a list": a word that names nothing alone names the
		// brief's own entity of that name, or the one given entity its
		// name ends ("Share a read-only link" and the Share link).
		if g := fr.givenNamed(singular(np.head())); g != nil {
			name, written, ok = g.name, g.written, true
		}
	}
	if !ok {
		return nil
	}
	c := fr.ev.note(name, written, weight, strong, fr.fi, fr.lineOf(written[len(written)-1]))
	c.solid = c.solid || solid
	for _, a := range np.adjs {
		if p, isPeriod := periods[a]; isPeriod && !fr.weak {
			// "weekly payouts", "the member's monthly statement": each is
			// for a period.
			c.field(Field{Name: p, Type: Date, Guess: true, Lines: fr.lineOf(a)})
		}
	}
	if len(np.kinds) > 1 && !fr.weak {
		c.field(Field{Name: "type", Type: Enum, Values: np.kinds, Guess: true, Lines: fr.lineOf(np.kinds[0])})
	}
	c.plural = c.plural || np.plural()
	if per, ok := strings.CutPrefix(strings.ToLower(written[0]), "per-"); ok && len(written) > 1 && per != "" {
		// "Per-host overrides": an override is for a host.
		c.field(Field{Name: per, Type: String, Guess: true, Lines: fr.lineOf(written[0])})
	}
	fr.last = c
	return c
}

// orphan keeps a field no entity was named for, to give the main entity
// when all is read; what is not a feature (a persona's "Needs: clear
// REST API, idempotent calls") gives none.
func (fr *featureReader) orphan(f Field) {
	if !fr.weak && !fr.ev.noFields && f.Name != "" {
		fr.orphans = append(fr.orphans, f)
	}
}

// givenNamed returns the brief's own entity a word names: the one of
// that name, else the only one whose name ends in it.
func (fr *featureReader) givenNamed(w string) *candidate {
	if g := fr.ev.byName[w]; g != nil {
		if g.given {
			return g
		}
		return nil
	}
	var out *candidate
	for name, g := range fr.ev.byName {
		if g.given && strings.HasSuffix(name, " "+w) {
			if out != nil {
				return nil
			}
			out = g
		}
	}
	return out
}

// periods are describing words that give a thing a period.
var periods = map[string]string{
	"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annual": "year", "quarterly": "quarter",
	"nightly": "night",
}

// mention notes a weak mention of a modifier's thing.
func (fr *featureReader) mention(mod *nounPhrase) {
	if name, written, ok := fr.n.entityName(mod); ok {
		fr.ev.note(name, written, wMention, false, fr.fi, fr.lineOf(written[len(written)-1]))
	}
}

// isField reports whether a noun phrase reads as a field rather than a
// thing: its last word is a field word ("date", "status", "photo").
func (fr *featureReader) isField(np *nounPhrase) bool {
	if np == nil || len(np.words) == 0 {
		return false
	}
	_, ok := fr.r.lx.typeOf(strings.ToLower(strings.Join(np.words, " ")))
	return ok
}

// owner returns the entity a determiner or possessor points to: "its" and
// "their" the last entity named, "the boat's" the boat.
func (fr *featureReader) owner(np *nounPhrase) *candidate {
	if np.possessor != nil {
		if _, isPersona := fr.n.persona(np.possessor); isPersona {
			return nil
		}
		return fr.entity(np.possessor, wMention, false)
	}
	if np.det == "its" || np.det == "their" {
		if fr.its != nil {
			return fr.its
		}
		return fr.last
	}
	return nil
}

// persona names the persona a noun phrase is, if it is one.
func (fr *featureReader) persona(np *nounPhrase) string {
	p, _ := fr.n.persona(np)
	return p
}
