package domain

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
)

// Reading a brief gathers evidence, then weighs it: a noun phrase is an
// entity when the evidence for it is strong enough (several kinds of
// mention, or one that only a stored thing gets: the object of a verb
// that makes a record, a label over a list of fields).

// Weights of the kinds of mention of a noun phrase.
const (
	wGiven    = 10 // the brief's own data model or API
	wLabel    = 3  // a label over its fields: "Create a trip: title, dates"
	wCreated  = 3  // the object of a verb that makes a record
	wAct      = 3  // the act a verb names: "book a desk" is a booking
	wObject   = 2  // the object of another verb
	wParent   = 3  // what another thing is "per", "for each", "against"
	wFields   = 2  // a phrase given fields ("the boat's name, length")
	wSubject  = 1  // the subject of a verb that is no persona
	wMention  = 1  // any other mention
	threshold = 3  // the weight that makes an entity
)

// candidate is what the brief says of one noun phrase.
type candidate struct {
	name     string   // lower case, singular: "stock update"
	written  []string // the name as first written, singular
	weight   int
	features map[int]bool // the features that mention it
	strong   bool         // a mention only a stored thing gets
	// solid is set when some mention is more than a mention: an object,
	// a parent, a label, a thing given fields.
	solid bool
	given bool
	ev    *evidence
	// plural is set when the brief writes the phrase in the plural.
	plural bool
	// act is set for the act a verb names ("booking" of "book"): a noun
	// even when the brief uses only the verb.
	act bool
	// joins names the thing joining which makes this one: "queue" for
	// the queue entry.
	joins string
	// by holds the personas whose acts make it.
	by      map[string]bool
	first   int // order of first mention
	lines   []brief.Span
	lineSet map[brief.Span]bool
	fields  []Field
	// maybes are fields that are entities of their own if the brief
	// bears that out: "quotes per book" is a field of the book unless
	// quotes are an entity.
	maybes []Field
	rels   []Relation
	ops    []Operation
	opAt   map[opKey]int // index in ops
	owner  string
}

// evidence collects candidates by name.
type evidence struct {
	byName map[string]*candidate
	order  int
	// noFields is set while reading what gives no fields (a persona's
	// description).
	noFields bool
	// compounds holds the fields compound phrases give the word before
	// their last ("berth number"), by that word.
	compounds map[string][]Field
}

func newEvidence() *evidence {
	return &evidence{byName: map[string]*candidate{}, compounds: map[string][]Field{}}
}

// compound records that the phrase "mod f.Name" names a field of mod.
func (ev *evidence) compound(mod string, f Field) {
	ev.compounds[mod] = append(ev.compounds[mod], f)
}

// note records a mention of the noun phrase named name (lower case,
// singular) with its words as written, in feature f (-1: none).
func (ev *evidence) note(name string, written []string, weight int, strong bool, f int, lines []brief.Span) *candidate {
	c := ev.byName[name]
	if c == nil {
		c = &candidate{name: name, written: written, features: map[int]bool{}, first: ev.order, ev: ev}
		ev.order++
		ev.byName[name] = c
	}
	c.weight += weight
	c.strong = c.strong || strong
	c.solid = c.solid || weight > wMention
	if f >= 0 {
		c.features[f] = true
	}
	c.addLines(lines)
	return c
}

// addLines adds the spans c was not cited with yet.
func (c *candidate) addLines(lines []brief.Span) {
	if c.lineSet == nil {
		c.lineSet = map[brief.Span]bool{}
	}
	for _, l := range lines {
		if !c.lineSet[l] && len(c.lines) < maxEntityLines {
			c.lineSet[l] = true
			c.lines = append(c.lines, l)
		}
	}
}

// A citation names the first lines that say something, not every line
// of a brief that repeats a word a thousand times.
const (
	maxEntityLines = 16
	maxFieldLines  = 4
)

// field adds a field to a candidate unless it has one of that name; a
// later mention adds the values, optionality or type the first lacked.
func (c *candidate) field(f Field) {
	if c == nil || f.Name == "" || f.Name == c.name || c.ev != nil && c.ev.noFields {
		return
	}
	for i := range c.fields {
		h := &c.fields[i]
		if h.Name != f.Name {
			continue
		}
		for _, v := range f.Values {
			if !slices.ContainsFunc(h.Values, func(x string) bool { return strings.EqualFold(x, v) }) {
				h.Values = append(h.Values, v)
			}
		}
		if len(h.Values) > 0 && h.Type != Enum && h.Type != Boolean {
			h.Type = Enum
		}
		if h.Guess && !f.Guess {
			h.Type, h.Guess, h.Ref = f.Type, false, f.Ref
		}
		h.Optional = h.Optional || f.Optional
		for _, l := range f.Lines {
			if len(h.Lines) < maxFieldLines && !slices.Contains(h.Lines, l) {
				h.Lines = append(h.Lines, l)
			}
		}
		return
	}
	c.fields = append(c.fields, f)
}

// maybe records a field that is one unless an entity has its name.
func (c *candidate) maybe(f Field) {
	if c != nil && f.Name != "" {
		c.maybes = append(c.maybes, f)
	}
}

// relate records that c belongs to parent.
func (c *candidate) relate(parent string, guess bool, lines []brief.Span) {
	if c == nil || parent == "" || parent == c.name {
		return
	}
	for i, r := range c.rels {
		if r.Entity == parent {
			c.rels[i].Guess = r.Guess && guess
			return
		}
	}
	c.rels = append(c.rels, Relation{Kind: BelongsTo, Entity: parent, Guess: guess, Lines: lines})
}

// operate records an operation on c, once per kind, name and feature.
func (c *candidate) operate(op Operation) {
	if c == nil {
		return
	}
	if c.opAt == nil {
		c.opAt = map[opKey]int{}
	}
	k := opKey{op.Kind, op.Name, op.Feature}
	if i, ok := c.opAt[k]; ok {
		for _, f := range op.Filters {
			if !slices.Contains(c.ops[i].Filters, f) {
				c.ops[i].Filters = append(c.ops[i].Filters, f)
			}
		}
		return
	}
	c.opAt[k] = len(c.ops)
	c.ops = append(c.ops, op)
}

// madeBy records that a persona's act makes c.
func (c *candidate) madeBy(persona string) {
	if persona == "" {
		return
	}
	if c.by == nil {
		c.by = map[string]bool{}
	}
	c.by[persona] = true
}

// unoperate takes back an operation a reading gave c before a later word
// told what the verb does ("turn follow-ups into work orders").
func (c *candidate) unoperate(kind OperationKind, name, feature string) {
	k := opKey{kind, name, feature}
	i, ok := c.opAt[k]
	if !ok {
		return
	}
	c.ops = slices.Delete(c.ops, i, i+1)
	delete(c.opAt, k)
	for k, j := range c.opAt {
		if j > i {
			c.opAt[k] = j - 1
		}
	}
}

// opKey is what makes an operation one.
type opKey struct {
	kind          OperationKind
	name, feature string
}
