package brief

import (
	"math"
	"strings"
)

// The same feature is often stated twice: in a feature list and again in
// a roadmap, or in a user story and a requirement. merge makes each one
// feature. A later item whose words are all in one feature of the list,
// and in no other (the roadmap's "iCal feed" in phase 2, the list's "A
// calendar feed (iCal) of your own shifts"), restates that feature, and
// puts it later: its phase is a fact of the feature. Two features where
// one's words are all in the other are one. Words are compared on light
// stems (stem), content words only, two at least: a feature restated in
// other words ("Depot warden approval for weekend rounds" for "Rounds on
// Sundays also need the depot warden") is not found.

// merge applies the rules above to p.b. Candidates are found through an
// index of the features' words, by the rarest word of the set that must be
// within the other, so a brief of ten thousand features merges in about
// linear time.
func (p *parser) merge() {
	if len(p.b.Features) == 0 {
		return
	}
	feats := make([]stemSet, len(p.b.Features))
	df := map[string]int{}
	index := map[string][]int{} // stem → the features holding it
	for i, f := range p.b.Features {
		feats[i] = stemsOf(f.Text)
		for w := range feats[i] {
			df[w]++
			index[w] = append(index[w], i)
		}
	}
	rarest := func(s stemSet) string {
		best := ""
		for w := range s {
			if best == "" || df[w] < df[best] || df[w] == df[best] && w < best {
				best = w
			}
		}
		return best
	}
	moved := p.roadmapPhases(feats)
	for i := range p.roadmapRestated(feats, moved) {
		moved[i] = true
	}
	for li := range p.b.Later {
		l := stemsOf(p.b.Later[li].Text)
		if len(l) < 2 {
			continue
		}
		holder := -1
		for _, fi := range index[rarest(l)] {
			if l.within(feats[fi]) {
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
		later := p.restatedLater(li, holder)
		later.Ref = firstNonEmpty(later.Ref, p.b.Features[holder].Ref)
	}
	var keep []Feature
	var keepStems []stemSet
	kept := map[string][]int{}     // stem → the kept features holding it
	byRarest := map[string][]int{} // a kept feature's rarest stem → it
	for i, f := range p.b.Features {
		if moved[i] {
			continue
		}
		s := feats[i]
		if j := restated(s, keepStems, kept[rarest(s)], byRarest); j >= 0 {
			k := &keep[j]
			if len(s) > len(keepStems[j]) {
				p.hints.merged(f.Text, k.Text)
				k.Text, keepStems[j] = f.Text, s
				for w := range s {
					kept[w] = appendOnce(kept[w], j)
				}
			}
			p.hints.merged(k.Text, f.Text)
			k.Priority, k.Ref = firstNonEmpty(k.Priority, f.Priority), firstNonEmpty(k.Ref, f.Ref)
			k.Notes = joinNotes(k.Notes, f.Notes)
			continue
		}
		j := len(keep)
		keep = append(keep, f)
		keepStems = append(keepStems, s)
		for w := range s {
			kept[w] = append(kept[w], j)
		}
		if r := rarest(s); r != "" {
			byRarest[r] = append(byRarest[r], j)
		}
	}
	p.b.Features = keep
}

// roadmapPhases applies a roadmap that lists both the first release's
// items and later phases' ("Phase 1 (MVP): … Phase 2: Depot warden
// approval for weekend rounds"): a feature stated elsewhere in other
// words ("Rounds on Sundays also need the depot warden") takes
// the phase of the roadmap item that restates it best, weighting each word
// by its rarity in the brief. A later item takes the one feature holding
// most of its weight (sameFeature at least, twice any other feature's
// share) when that feature holds less than half as much of any
// first-release item's. It returns the features moved to later.
func (p *parser) roadmapPhases(feats []stemSet) map[int]bool {
	moved := map[int]bool{}
	if len(p.phasedMVP) == 0 || len(p.phasedLater) == 0 {
		return moved
	}
	w := p.weights()
	var mvp []stemSet
	for i := range p.b.Features {
		if p.phasedMVP[i] {
			mvp = append(mvp, feats[i])
		}
	}
	for li := range p.b.Later {
		if !p.phasedLater[li] {
			continue
		}
		l := stemsOf(p.b.Later[li].Text)
		best, bestScore, second := -1, 0.0, 0.0
		for fi, f := range feats {
			if p.phasedMVP[fi] || moved[fi] {
				continue
			}
			switch s := w.share(l, f); {
			case s > bestScore:
				best, bestScore, second = fi, s, bestScore
			case s > second:
				second = s
			}
		}
		if best < 0 || bestScore < sameFeature || bestScore < 2*second {
			continue
		}
		first := 0.0
		for _, m := range mvp {
			first = max(first, w.share(m, feats[best]))
		}
		if 2*first > bestScore {
			continue
		}
		moved[best] = true
		p.restatedLater(li, best)
	}
	return moved
}

// restatedLater makes later item li the feature fi restated: the feature
// becomes its notes, gives it its priority if it has none, and its lines
// are the later item's too. It returns the later item.
func (p *parser) restatedLater(li, fi int) *Feature {
	later, f := &p.b.Later[li], p.b.Features[fi]
	p.hints.merged(later.Text, f.Text)
	later.Notes = joinNotes(later.Notes, f.Text)
	later.Priority = firstNonEmpty(later.Priority, f.Priority)
	return later
}

// roadmapRestated finds the first-release roadmap items that restate
// features listed elsewhere in other words ("Swap and giveaway offers;
// accepting an offer" for the list's "offers it as a swap or as a
// giveaway" and "see open offers and accept one"): the features holding
// a third of an item's weight and two of its words each, when together
// they hold half of it or more. The item is no feature of its own; each of those features cites
// its line too. It returns the items, by index.
func (p *parser) roadmapRestated(feats []stemSet, moved map[int]bool) map[int]bool {
	out := map[int]bool{}
	if len(p.phasedMVP) == 0 || len(p.phasedMVP) == len(p.b.Features) {
		return out
	}
	w := p.weights()
	for i := range p.b.Features {
		if !p.phasedMVP[i] || moved[i] || len(feats[i]) < 2 {
			continue
		}
		var holders []int
		union := stemSet{}
		for j, f := range feats {
			if p.phasedMVP[j] || moved[j] || w.share(feats[i], f) < sameFeature || sharedStems(feats[i], f) < 2 {
				continue
			}
			holders = append(holders, j)
			for s := range f {
				union[s] = true
			}
		}
		if len(holders) == 0 || w.share(feats[i], union) < restatedShare || sharedStems(feats[i], union) < 2 {
			continue
		}
		out[i] = true
		for _, j := range holders {
			p.hints.merged(p.b.Features[j].Text, p.b.Features[i].Text)
			p.b.Features[j].Priority = firstNonEmpty(p.b.Features[j].Priority, p.b.Features[i].Priority)
		}
	}
	return out
}

// sharedStems counts the stems of a that b holds.
func sharedStems(a, b stemSet) int {
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return n
}

// restatedShare is the weighted share of a roadmap item's words the
// features it restates must hold together.
const restatedShare = 0.5

// sameFeature is the weighted share of a roadmap item's words a feature
// must hold to be the item restated: a third, when no other feature and
// no first-release item comes within half of it.
const sameFeature = 1.0 / 3

// weights are the brief's words weighted by rarity: the log of the inverse
// share of its items and sentences each is in.
type weights struct {
	df map[string]int
	n  int
}

func (p *parser) weights() weights {
	w := weights{df: map[string]int{}}
	add := func(texts ...string) {
		for _, t := range texts {
			w.n++
			for s := range stemsOf(t) {
				w.df[s]++
			}
		}
	}
	for _, f := range append(append([]Feature(nil), p.b.Features...), p.b.Later...) {
		add(f.Text)
	}
	for _, u := range p.b.Users {
		add(u.Name + " " + u.Description)
	}
	add(p.b.Goals...)
	add(p.b.NonGoals...)
	add(p.b.Constraints...)
	add(p.b.Risks...)
	add(p.b.Plan...)
	add(sentences(p.b.Summary)...)
	add(sentences(p.b.Problem)...)
	return w
}

func (w weights) of(s string) float64 {
	return math.Log(float64(w.n+1) / float64(w.df[s]+1))
}

// share is the weighted share of l's words that f holds.
func (w weights) share(l, f stemSet) float64 {
	var all, shared float64
	for s := range l {
		all += w.of(s)
		if f[s] {
			shared += w.of(s)
		}
	}
	if all == 0 {
		return 0
	}
	return shared / all
}

// restated returns the first kept feature that s restates or that
// restates s (one's stems all in the other, two at least), or -1. The
// candidates for s within a kept set are those holding s's rarest stem;
// for a kept set within s, those whose rarest stem s holds.
func restated(s stemSet, sets []stemSet, holding []int, byRarest map[string][]int) int {
	if len(s) < 2 {
		return -1
	}
	best := -1
	for _, j := range holding {
		if len(sets[j]) >= 2 && s.within(sets[j]) && (best < 0 || j < best) {
			best = j
		}
	}
	for w := range s {
		for _, j := range byRarest[w] {
			if len(sets[j]) >= 2 && sets[j].within(s) && (best < 0 || j < best) {
				best = j
			}
		}
	}
	return best
}

func appendOnce[T comparable](xs []T, x T) []T {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
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
		if (len(w) > 2 || hasDigit(w)) && !stopWords()[w] && !modalWords()[w] {
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
