package domain

import (
	"slices"
	"sort"
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/plural"
)

// resolve weighs the evidence: it merges the names of one thing, keeps
// the candidates strong enough to be entities, gives the orphan fields to
// the main entity and writes the entities out, given ones first, then by
// weight.
func resolve(ev *evidence, orphans []Field, n *namer) []Entity {
	cands := merge(ev, n)
	var kept []*candidate
	for _, c := range cands {
		if accepted(c, n) {
			kept = append(kept, c)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if a.given != b.given {
			return a.given
		}
		if a.given {
			return a.first < b.first
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.first < b.first
	})
	if len(kept) > 0 {
		main := kept[0]
		for _, c := range kept {
			if !c.given {
				main = c
				break
			}
		}
		for _, f := range orphans {
			main.field(f)
		}
	}
	taken := map[string]bool{}
	for _, c := range kept {
		taken[c.name] = true
	}
	for _, c := range kept {
		// "Audit log": what is stored is its entries, one a change.
		if ws := strings.Fields(c.name); !c.given && len(ws) > 1 && logHeads[ws[len(ws)-1]] && !taken[c.name+" entry"] {
			c.written = append(slices.Clip(c.written), "entry")
		}
	}
	names := map[string]string{} // lower name → display name
	for _, c := range kept {
		names[c.name] = displayName(c.written)
	}
	for _, c := range kept {
		for _, f := range c.maybes {
			if names[singularPhrase(f.Name)] == "" {
				c.field(f)
			}
		}
		for _, f := range ev.compounds[c.name] {
			c.field(f)
		}
		if head := lastWord(c.name); head != c.name && names[head] == "" {
			// "the color name" for the paint color.
			for _, f := range ev.compounds[head] {
				c.field(f)
			}
		}
	}
	out := make([]Entity, 0, len(kept))
	for _, c := range kept {
		out = append(out, entityOf(c, names, n))
	}
	inverse(out)
	return out
}

// logHeads end the names of records kept as entries: an audit log, a
// watering log, a ledger.
var logHeads = map[string]bool{"log": true, "journal": true, "ledger": true}

// accepted reports whether a candidate is an entity.
func accepted(c *candidate, n *namer) bool {
	if c.given {
		return true
	}
	if !n.nameable(c.name) && !(c.act && n.nameableAct(c.name)) {
		return false
	}
	if _, isTech := technologies().lookup(c.name); isTech {
		// "dbt", "Slack": a technology is a component, not an entity.
		return false
	}
	if ws := strings.Fields(c.name); len(ws) > 1 {
		// "expiry date", "push instructions": a compound named by a field
		// word is a field, unless it is a note, a document, a photo.
		if t, known := n.lx.typeOf(c.name); known && !contentHeads[ws[len(ws)-1]] && t != Reference && t != Money {
			return false
		}
	}
	if t, isType := n.lx.fieldType[c.name]; isType {
		// "photo", "note", "score": a field, unless features make many of
		// them or act on one ("post notes", "tracking a file" in three
		// features). A date, a time, an amount or a flag never is.
		switch t {
		case Date, DateTime, Boolean:
			return false
		}
		if !(c.strong && c.plural || c.act || len(c.features) >= 3 && t != Number && t != Money) {
			return false
		}
	}
	if c.weight+min(len(c.fields)+len(c.maybes), 2) < threshold {
		return false
	}
	if n.lx.sent[lastWord(c.name)] && len(c.fields)+len(c.maybes)+len(c.ops)+len(c.rels) == 0 && len(c.features) < 2 {
		// "Reminder to members who have not checked in": what the product
		// sends, with nothing the brief says it holds or does with it
		// elsewhere, is no thing stored.
		return false
	}
	// Fields count when something besides a mention names the thing: an
	// aside after "in sequence" does not make a sequence.
	// Mentions alone, however many, name a place or a setting ("on the
	// water", "along the road"), not a thing the product stores.
	return c.strong || len(c.features) >= 2 && c.solid || len(c.fields)+len(c.maybes) > 0 && c.weight >= 2
}

// merge joins the candidates that name one thing. A compound whose first
// word only describes ("Multi-currency invoices", "finalized invoice") is
// the bare noun's thing when the brief names that too. Of two names of one
// noun ("stock update" and "update", "seed lot" and "lot"), when the brief
// uses no third, the name kept is the given one, else the one with more
// weight, unless the long name's first word only describes the noun
// ("Multi-currency invoices" and "invoice" are invoices). A describing
// word kept in a name ("recurring booking") makes another thing when the
// brief gives it fields or operations of its own; otherwise it is a flag
// of the bare noun's thing.
func merge(ev *evidence, n *namer) []*candidate {
	all := make([]*candidate, 0, len(ev.byName))
	for _, c := range ev.byName {
		all = append(all, c)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].first < all[j].first })
	byHead := map[string][]*candidate{}
	var heads []string
	for _, c := range all {
		h := lastWord(c.name)
		if byHead[h] == nil {
			heads = append(heads, h)
		}
		byHead[h] = append(byHead[h], c)
	}
	gone := map[*candidate]bool{}
	for _, head := range heads {
		group := byHead[head]
		if bare := ev.byName[head]; bare != nil && len(group) >= 3 {
			mergeDescribed(bare, group, gone)
			mergeKinds(bare, group, gone)
			continue
		}
		if len(group) == 2 {
			mergePair(group[0], group[1], gone, func(w string) bool { return describing(w, ev, n) })
		}
		if bare := ev.byName[head]; bare != nil && !gone[bare] {
			mergeKinds(bare, group, gone)
		}
	}
	for _, c := range all {
		// "the parent's remaining volume" after "a parent sample": the
		// first word of one compound, only mentioned alone, is it.
		if gone[c] || c.given || c.strong || c.solid || strings.Contains(c.name, " ") {
			continue
		}
		var long *candidate
		for _, x := range all {
			if !gone[x] && x != c && strings.HasPrefix(x.name, c.name+" ") && len(strings.Fields(x.name)) == 2 {
				if long != nil {
					long = nil
					break
				}
				long = x
			}
		}
		if long != nil {
			absorb(long, c)
			gone[c] = true
		}
	}
	mergeEntries(all, gone)
	mergeNominals(all, gone)
	for _, c := range all {
		// "sees the live queue", "mark patients as called": a joined thing
		// nothing makes is its entries.
		if x := ev.byName[c.joins]; c.joins != "" && x != nil && !gone[x] && !gone[c] && !x.given && !x.strong {
			absorb(c, x)
			gone[x] = true
		}
	}
	var out []*candidate
	for _, c := range all {
		if !gone[c] {
			out = append(out, c)
		}
	}
	return out
}

// mergeKinds joins into bare the compounds of its noun that are kinds of
// it and nothing more: "record cash and cheque payments" beside
// "payments" are payments whose kind is cash or cheque, a guess a
// question asks about. The kinds are named together, so what the brief
// says of them (a reference, an operation) is the same for each; a
// compound with a field of its own or a place in the brief's own model
// stays a thing of its own.
func mergeKinds(bare *candidate, group []*candidate, gone map[*candidate]bool) {
	var kinds []*candidate
	for _, c := range group {
		ws := strings.Fields(c.name)
		if c == bare || gone[c] || len(ws) != 2 || c.given || keptModifier(c) || len(c.maybes) > 0 || words().verbs[ws[0]] || words().adj[ws[0]] ||
			slices.ContainsFunc(c.fields, func(f Field) bool { return f.Type != Reference }) {
			continue
		}
		kinds = append(kinds, c)
	}
	if len(kinds) < 2 {
		return // one compound beside its noun is mergePair's
	}
	for _, c := range kinds[1:] {
		// Kinds named together ("cash and cheque payments against a
		// pupil") have what was said of them in common.
		if !sameFieldNames(c.fields, kinds[0].fields) || len(c.ops) != len(kinds[0].ops) {
			return
		}
	}
	var values []string
	var lines []brief.Span
	for _, c := range kinds {
		values = append(values, strings.Fields(c.name)[0])
		lines = append(lines, c.lines...)
		absorb(bare, c)
		gone[c] = true
	}
	name := "kind"
	if m := words().means[values[0]]; m != "" {
		name = m // "cash and cheque payments": the payment method
	}
	bare.field(Field{Name: name, Type: Enum, Values: values, Guess: true, Lines: lines})
}

// sameFieldNames reports whether two lists of fields name the same
// fields.
func sameFieldNames(a, b []Field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

// entryWords name one record of a list: a timeline's entries, a
// register's rows.
var entryWords = map[string]bool{"entry": true, "item": true, "record": true, "row": true}

// mergeEntries joins a list into its entries when the list has nothing
// of its own but them: "timeline: entries with a UTC timestamp, author
// and text" is a Timeline entry, not a Timeline and its entries.
func mergeEntries(all []*candidate, gone map[*candidate]bool) {
	for _, c := range all {
		// "Incident timeline: entries with a timestamp, an author and
		// text", with no other name for the entries: the entity is an
		// entry.
		i := slices.IndexFunc(c.fields, func(f Field) bool { return entryWords[singular(f.Name)] })
		if gone[c] || c.given || i < 0 || len(c.fields) < 2 || len(c.ops) > 0 {
			continue
		}
		word := singular(c.fields[i].Name)
		entry := c.name + " " + word
		if slices.ContainsFunc(all, func(x *candidate) bool { return x.name == entry }) {
			continue // joined below
		}
		c.fields = slices.Delete(c.fields, i, i+1)
		c.name = entry
		c.written = append(slices.Clip(c.written), word)
	}
	for _, c := range all {
		if gone[c] || c.given || strings.Contains(c.name, " ") || len(c.ops) > 0 {
			continue
		}
		for _, x := range all {
			ws := strings.Fields(x.name)
			if gone[x] || x == c || len(ws) != 2 || ws[0] != c.name || !entryWords[ws[1]] {
				continue
			}
			// The list's fields are its entries' when it lists them as
			// such ("timeline: entries with a timestamp, author and
			// text"), or when it has none.
			listed := slices.ContainsFunc(c.fields, func(f Field) bool { return singular(f.Name) == ws[1] })
			if len(c.fields) > 0 && !listed {
				continue
			}
			c.fields = slices.DeleteFunc(c.fields, func(f Field) bool { return singular(f.Name) == ws[1] })
			absorb(x, c)
			gone[c] = true
			break
		}
	}
}

// mergeNominals joins a verb used as a noun and the noun made of it: "an
// invite" and "the invitation" are one thing, kept under the name with
// more weight.
func mergeNominals(all []*candidate, gone map[*candidate]bool) {
	for _, a := range all {
		for _, b := range all {
			if a == b || gone[a] || gone[b] || strings.Contains(a.name, " ") || strings.Contains(b.name, " ") || a.given && b.given {
				continue
			}
			stem := strings.TrimSuffix(a.name, "e")
			if len(stem) < 4 || b.name != stem+"ation" && b.name != stem+"ion" {
				continue
			}
			into, from := a, b
			if b.weight > a.weight || b.given {
				into, from = b, a
			}
			absorb(into, from)
			gone[from] = true
		}
	}
}

// mergeDescribed joins into bare the compounds of its noun whose first
// word only describes it.
func mergeDescribed(bare *candidate, group []*candidate, gone map[*candidate]bool) {
	for _, c := range group {
		ws := strings.Fields(c.name)
		if c == bare || len(ws) != 2 || c.given {
			continue
		}
		if strings.Contains(ws[0], "-") || words().adj[ws[0]] || strings.HasSuffix(ws[0], "ed") {
			absorb(bare, c)
			gone[c] = true
		}
	}
}

// mergePair joins two names of one noun, "M H" and "H". describes
// reports whether a word M only describes H.
func mergePair(a, b *candidate, gone map[*candidate]bool, describes func(string) bool) {
	short, long := a, b
	if len(strings.Fields(a.name)) > len(strings.Fields(b.name)) {
		short, long = b, a
	}
	if short.name != lastWord(long.name) || long.given && short.given {
		return
	}
	mod := strings.Fields(long.name)[0]
	if keptModifier(long) {
		if long.given || len(long.fields)+len(long.maybes)+len(long.ops)+len(long.rels) > 0 {
			return // "recurring bookings (e.g. Mon/Wed/Fri 12:00)": its own thing
		}
		// "a recurring booking" said once and nothing more: a booking
		// that recurs.
		short.field(Field{Name: mod, Type: Boolean, Guess: true, Lines: long.lines})
		absorb(short, long)
		gone[long] = true
		return
	}
	into, from := long, short
	switch {
	case short.given && !long.given:
		into, from = short, long
	case long.given && !short.given:
	case describes(mod):
		// "Multi-currency invoices" and "invoice": an invoice.
		into, from = short, long
	case short.weight > long.weight*2 && !long.strong:
		into, from = short, long
	}
	absorb(into, from)
	gone[from] = true
}

// describing reports whether the first word of a compound name only
// describes its noun: a describing word, a participle, or a hyphenated
// word the brief never uses as a noun ("multi-currency", but not
// "follow-up" in "a follow-up job" when the brief flags a follow-up).
func describing(w string, ev *evidence, n *namer) bool {
	switch {
	case n.lx.adj[w] || n.lx.kept[w]:
		return true
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		_, isVerb := n.lx.verbBase(w)
		return isVerb
	case strings.Contains(w, "-"):
		return !n.nouns[w] && ev.byName[w] == nil && ev.byName[singular(w)] == nil
	}
	return false
}

func keptModifier(c *candidate) bool {
	ws := strings.Fields(c.name)
	return len(ws) > 1 && words().kept[ws[0]]
}

// absorb adds from's evidence to into.
func absorb(into, from *candidate) {
	into.weight += from.weight
	into.strong = into.strong || from.strong
	into.solid = into.solid || from.solid
	into.given = into.given || from.given
	into.act = into.act || from.act
	into.plural = into.plural || from.plural
	into.first = min(into.first, from.first)
	for f := range from.features {
		into.features[f] = true
	}
	for _, l := range from.lines {
		if !slices.Contains(into.lines, l) {
			into.lines = append(into.lines, l)
		}
	}
	for _, f := range from.fields {
		into.field(f)
	}
	into.maybes = append(into.maybes, from.maybes...)
	for _, r := range from.rels {
		into.relate(r.Entity, r.Guess, r.Lines)
	}
	for _, o := range from.ops {
		into.operate(o)
	}
	if into.owner == "" {
		into.owner = from.owner
	}
	for p := range from.by {
		into.madeBy(p)
	}
}

// entityOf writes a candidate out, its references named as their
// entities are.
func entityOf(c *candidate, names map[string]string, n *namer) Entity {
	e := Entity{Name: displayName(c.written), Given: c.given, Owner: c.owner, Lines: sortSpans(c.lines)}
	for _, f := range c.fields {
		f.Lines = sortSpans(f.Lines)
		if f.Type == Reference || names[singularPhrase(f.Name)] != "" {
			ref := f.Ref
			if d := names[singularPhrase(f.Name)]; d != "" {
				ref = d
			} else if d := names[f.Ref]; d != "" {
				ref = d
			} else if p, ok := n.personas[strings.ToLower(f.Ref)]; ok {
				ref = p
			} else if p, ok := n.personas[singular(strings.ToLower(f.Ref))]; ok {
				ref = p
			}
			f.Type, f.Ref, f.Guess = Reference, ref, false
		}
		e.Fields = append(e.Fields, f)
	}
	for _, r := range c.rels {
		d := names[r.Entity]
		if d == "" || d == e.Name {
			continue
		}
		r.Entity = d
		e.Relations = append(e.Relations, r)
		// Belonging to another is a reference to it.
		if r.Kind == BelongsTo && !slices.ContainsFunc(e.Fields, func(f Field) bool { return f.Ref == d }) {
			e.Fields = append(e.Fields, Field{Name: strings.ToLower(d), Type: Reference, Ref: d, Guess: r.Guess, Lines: r.Lines})
		}
	}
	e.Operations = c.ops
	if !c.given {
		stateField(&e, n.lx)
	}
	return e
}

// stateField gives a thing the state its actions move it to, when the
// brief names none: "finalize and void invoices" makes a status
// (finalized, void), "archive an application" an archived flag. Both are
// guesses a question asks about.
func stateField(e *Entity, lx *lexicon) {
	var states []string
	var lines []brief.Span
	for _, o := range e.Operations {
		if s, ok := lx.states[strings.Fields(o.Name + " x")[0]]; ok && o.Kind == OpAction && !slices.Contains(states, s) {
			states = append(states, s)
			lines = append(lines, o.Lines...)
		}
	}
	if len(states) == 0 || slices.ContainsFunc(e.Fields, func(f Field) bool {
		return f.Name == "status" || f.Name == "state" || slices.Contains(states, f.Name)
	}) {
		return
	}
	f := Field{Name: "status", Type: Enum, Values: states, Guess: true, Lines: sortSpans(lines)}
	if len(states) == 1 {
		f = Field{Name: states[0], Type: Boolean, Guess: true, Lines: f.Lines}
	}
	e.Fields = append(e.Fields, f)
}

// inverse adds to each parent the "has many" side of its children's
// "belongs to".
func inverse(es []Entity) {
	at := map[string]int{}
	for i, e := range es {
		at[e.Name] = i
	}
	for _, e := range es {
		for _, r := range e.Relations {
			if r.Kind != BelongsTo {
				continue
			}
			p := &es[at[r.Entity]]
			if !slices.ContainsFunc(p.Relations, func(x Relation) bool { return x.Entity == e.Name }) {
				p.Relations = append(p.Relations, Relation{Kind: HasMany, Entity: e.Name, Guess: r.Guess, Lines: r.Lines})
			}
		}
	}
}

func sortSpans(s []brief.Span) []brief.Span {
	out := slices.Clone(s)
	slices.SortFunc(out, func(a, b brief.Span) int { return a.Start - b.Start })
	return slices.Compact(out)
}

// entityQuestions asks, per entity, what the brief leaves open: the
// types the design guessed, an enumeration with no values, a relation it
// implies without stating.
func entityQuestions(es []Entity) []Question {
	var qs []Question
	for _, e := range es {
		var guessed, noValues []string
		for _, f := range e.Fields {
			switch {
			case f.Type == Enum && len(f.Values) == 0:
				noValues = append(noValues, f.Name)
			case f.Guess:
				guessed = append(guessed, f.Name+" as "+article(string(f.Type)))
			}
		}
		if len(guessed) > 0 {
			qs = append(qs, Question{About: e.Name, Text: "The brief does not say what " + e.Name + " holds in " +
				plural.And(fieldNames(guessed)) + "; the design takes " + plural.And(guessed) + ". Is that right?", Lines: e.Lines})
		}
		for _, f := range noValues {
			qs = append(qs, Question{About: e.Name, Text: "Which values can " + e.Name + "'s " + f + " take? The brief names none.", Lines: e.Lines})
		}
		for _, r := range e.Relations {
			if r.Guess && r.Kind == BelongsTo {
				qs = append(qs, Question{About: e.Name, Text: "Does each " + strings.ToLower(e.Name) + " belong to one " +
					strings.ToLower(r.Entity) + ", or can it belong to several? The brief implies a link without saying.", Lines: r.Lines})
			}
		}
	}
	return qs
}

// article puts "a" or "an" before a type's name.
func article(t string) string {
	if t != "" && strings.ContainsRune("aeiou", rune(t[0])) {
		return "an " + t
	}
	return "a " + t
}

// fieldNames takes the names out of "name as a type" entries.
func fieldNames(guessed []string) []string {
	out := make([]string, len(guessed))
	for i, g := range guessed {
		out[i], _, _ = strings.Cut(g, " as ")
	}
	return out
}
