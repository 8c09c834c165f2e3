package brief

import "strings"

// The same feature is often stated twice: in a feature list and again in
// a roadmap, or in a user story and a requirement. merge makes each one
// feature. A later item whose words are all in one feature of the list,
// and in no other (the roadmap's "iCal feed" in phase 2, the list's "A
// calendar feed (iCal) of your own shifts"), restates that feature, and
// puts it later: its phase is a fact of the feature. Two features where
// one's words are all in the other are one. Words are compared on light
// stems (stem), content words only, two at least: a feature restated in
// other words ("Duty matron approval for short-notice swaps" for "Swaps
// inside the next 24 hours also need the duty matron") is not found.

// merge applies the rules above to p.b.
func (p *parser) merge() {
	if len(p.b.Features) == 0 {
		return
	}
	feats := make([]stemSet, len(p.b.Features))
	for i, f := range p.b.Features {
		feats[i] = stemsOf(f.Text)
	}
	moved := map[int]bool{}
	for li := range p.b.Later {
		l := stemsOf(p.b.Later[li].Text)
		if len(l) < 2 {
			continue
		}
		holder := -1
		for fi, f := range feats {
			if l.within(f) {
				if holder >= 0 {
					holder = -2 // in two features: it names neither alone
					break
				}
				holder = fi
			}
		}
		if holder < 0 || moved[holder] {
			continue
		}
		moved[holder] = true
		later := &p.b.Later[li]
		later.Notes = joinNotes(later.Notes, p.b.Features[holder].Text)
		later.Priority = firstNonEmpty(later.Priority, p.b.Features[holder].Priority)
		later.Ref = firstNonEmpty(later.Ref, p.b.Features[holder].Ref)
	}
	var keep []Feature
	var keepStems []stemSet
	for i, f := range p.b.Features {
		if moved[i] {
			continue
		}
		if j := restates(keepStems, feats[i]); j >= 0 {
			k := &keep[j]
			if len(feats[i]) > len(keepStems[j]) {
				k.Text, keepStems[j] = f.Text, feats[i]
			}
			k.Priority, k.Ref = firstNonEmpty(k.Priority, f.Priority), firstNonEmpty(k.Ref, f.Ref)
			k.Notes = joinNotes(k.Notes, f.Notes)
			continue
		}
		keep = append(keep, f)
		keepStems = append(keepStems, feats[i])
	}
	p.b.Features = keep
}

// restates returns the index of the set one of whose stems are all in
// the other (two content words at least), or -1.
func restates(sets []stemSet, s stemSet) int {
	if len(s) < 2 {
		return -1
	}
	for i, o := range sets {
		if len(o) >= 2 && (s.within(o) || o.within(s)) {
			return i
		}
	}
	return -1
}

func joinNotes(a, b string) string {
	switch {
	case b == "" || strings.Contains(a, b):
		return a
	case a == "":
		return b
	}
	return a + "; " + b
}

// stemSet is the set of a text's content words, stemmed.
type stemSet map[string]bool

func stemsOf(s string) stemSet {
	out := stemSet{}
	for _, w := range strings.FieldsFunc(lowerKeep(plain(s)), notAlnum) {
		if len(w) > 2 && !stopWords()[w] && !modalWords()[w] {
			out[stem(w)] = true
		}
	}
	return out
}

func (s stemSet) within(o stemSet) bool {
	for w := range s {
		if !o[w] {
			return false
		}
	}
	return true
}

// stem reduces a lower-case word to a light stem, so its plural and its
// -ed and -ing forms compare equal ("swaps", "swapped" and "swapping"
// give "swap").
func stem(w string) string {
	switch {
	case len(w) > 4 && (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed", "al"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			if n := len(w); n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
				w = w[:n-1]
			}
			break
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}
