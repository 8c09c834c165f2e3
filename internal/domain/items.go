package domain

import "strings"

// items reads a label's list: the fields of target, or, when the label
// names a field, its values.
func (fr *featureReader) items(target *candidate, fieldWord string, items [][]tok) {
	if fieldWord != "" {
		var vs []string
		for _, it := range items {
			vs = append(vs, values1(it)...)
		}
		f := Field{Name: fieldWord, Lines: fr.lineOf(fieldWord)}
		t, known := fr.r.lx.typeOf(fieldWord)
		f.Type, f.Guess = t, !known
		if len(vs) >= 2 {
			f.Values, f.Type, f.Guess = vs, Enum, false
		}
		if target != nil {
			target.field(f)
		} else {
			fr.orphan(f)
		}
		return
	}
	if target == nil {
		return
	}
	for _, it := range items {
		fr.item(target, it)
	}
}

// values1 is an item's values: "Want to read / Reading" gives two.
func values1(ts []tok) []string {
	var parts []string
	cur := []string{}
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, t := range ts {
		if t.kind == punct && (t.low == "/" || t.low == "|") || t.kind == word && t.is("or") {
			flush()
			continue
		}
		if t.kind == punct && t.low != "%" {
			continue
		}
		cur = append(cur, t.raw)
	}
	flush()
	return parts
}

// item reads one item of a label's list as a field of target.
func (fr *featureReader) item(target *candidate, ts []tok) {
	cs := fr.r.itemChunks(ts)
	if len(cs) == 0 {
		return
	}
	lx := fr.r.lx
	first := cs[0]
	switch {
	case first.kind == cPron && (first.low() == "when") || first.kind == cOther && first.low() == "when" ||
		first.kind == cNP && first.np.det == "" && len(first.np.words) == 1 && strings.EqualFold(first.np.words[0], "when"):
		// "when it started, was detected and was resolved".
		for _, c := range cs {
			if c.kind == cVerb {
				target.field(Field{Name: c.toks[0].low, Type: DateTime, Lines: fr.lineOf(c.toks[0].low)})
			}
		}
		return
	case first.kind == cVerb && (first.base == "link" || first.base == "belong" || first.base == "attach") && len(cs) > 2:
		// "linked to the postmortem".
		if last := lastNP(cs); last != nil {
			if p := fr.entity(last, wParent, false); p != nil {
				target.relate(p.name, false, fr.lineOf(last.head()))
			}
		}
		return
	case first.kind == cVerb && !strings.HasSuffix(first.low(), "ed"):
		// "pick a walker or "first available"": what the verb takes.
		for _, c := range cs[1:] {
			if c.kind == cNP && len(c.np.words) > 0 {
				name := strings.ToLower(singular(c.np.head()))
				f := Field{Name: name, Type: Reference, Ref: fr.persona(c.np), Lines: fr.lineOf(c.np.head()), Optional: true}
				if f.Ref == "" {
					f.Ref = name
				}
				target.field(f)
				return
			}
		}
		fr.valuesItem(target, ts)
		return
	}
	if how, ok := howField(ts); ok {
		target.field(Field{Name: how.name, Type: how.typ, Guess: true, Lines: fr.lineOf(how.word)})
		return
	}
	var np *nounPhrase
	var aside string
	for i, c := range cs {
		if c.kind == cNP && len(c.np.words) > 0 {
			np = c.np
			if p := parenAfter(cs, i); p != nil {
				aside = p.text
			}
			break
		}
		if c.kind == cVerb || c.kind == cPron {
			break
		}
	}
	if np == nil {
		fr.valuesItem(target, ts)
		return
	}
	if isValueItem(lx, ts) {
		fr.valuesItem(target, ts)
		return
	}
	owner := target
	if np.possessor != nil {
		if o := fr.owner(np); o != nil {
			owner = o
		}
	}
	f := fr.field(np, aside)
	if of := ofPhrase(cs); of != "" {
		// "number of rolls" is one field.
		f.Name = fieldName(fr.r.lx, np) + " of " + of
		if t, ok := fr.r.lx.typeOf(fieldName(fr.r.lx, np)); ok {
			f.Type, f.Guess = t, false
		}
	}
	if strings.Contains(strings.ToLower(aside), "optional") {
		f.Optional = true
	}
	owner.field(f)
}

// ofPhrase returns the noun of an item that is "X of Y": Y.
func ofPhrase(cs []chunk) string {
	if len(cs) == 3 && cs[0].kind == cNP && cs[1].kind == cPrep && cs[1].low() == "of" && cs[2].kind == cNP && cs[2].np.det == "" {
		return strings.ToLower(strings.Join(cs[2].np.words, " "))
	}
	return ""
}

// isValueItem reports whether an item is values rather than a field:
// "solo or group", "30 or 60 min", "power yes/no".
func isValueItem(lx *lexicon, ts []tok) bool {
	alts, depth := 0, 0
	for _, t := range ts {
		switch {
		case t.kind == punct && t.low == "(":
			depth++
		case t.kind == punct && t.low == ")":
			depth--
		case depth == 0 && (t.kind == word && t.is("or") || t.kind == punct && t.low == "/"):
			alts++
		}
	}
	if alts == 0 {
		return false
	}
	for _, t := range ts {
		if t.kind == word && lx.det[t.low] && t.low != "no" {
			return false
		}
	}
	return true
}

// valuesItem reads an item that gives values without a field's name:
// "30 or 60 min" is a duration, "solo or group" a kind, "power yes/no"
// a yes-or-no "power".
func (fr *featureReader) valuesItem(target *candidate, ts []tok) {
	vs := values1(ts)
	if len(vs) < 2 {
		return
	}
	lx := fr.r.lx
	// "power yes/no": a flag named by the word before.
	if strings.EqualFold(vs[len(vs)-1], "no") {
		first := strings.Fields(vs[0])
		if len(first) >= 2 && strings.EqualFold(first[len(first)-1], "yes") {
			name := strings.ToLower(strings.Join(first[:len(first)-1], " "))
			target.field(Field{Name: name, Type: Boolean, Lines: fr.lineOf(name)})
			return
		}
	}
	name, typ := "type", Enum
	last := strings.Fields(vs[len(vs)-1])
	if len(last) >= 2 {
		if u, ok := lx.units[strings.ToLower(last[len(last)-1])]; ok {
			name = u
			vs[len(vs)-1] = strings.Join(last[:len(last)-1], " ")
		}
	}
	if m := strings.Fields(vs[0]); len(m) == 1 {
		if u, ok := lx.units[strings.ToLower(strings.TrimLeft(m[0], "0123456789."))]; ok && isNumber(strings.TrimRight(m[0], "abcdefghijklmnopqrstuvwxyz")) {
			name = u
		}
	}
	target.field(Field{Name: name, Type: typ, Values: vs, Guess: true, Lines: fr.lineOf(vs[0])})
}

// how is a field a "how …" phrase names.
type how struct {
	name, word string
	typ        FieldType
}

// howField reads "how often it needs watering" (a watering frequency)
// and "how many seeds" (a count of seeds).
func howField(ts []tok) (how, bool) {
	var ws []string
	for _, t := range ts {
		if t.kind == word {
			ws = append(ws, t.low)
		}
	}
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] != "how" {
			continue
		}
		switch ws[i+1] {
		case "often":
			last := ws[len(ws)-1]
			return how{name: last + " frequency", word: last, typ: String}, true
		case "many", "much":
			if i+2 < len(ws) {
				return how{name: "number of " + ws[i+2], word: ws[i+2], typ: Number}, true
			}
		}
	}
	return how{}, false
}
