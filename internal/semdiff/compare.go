package semdiff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// compareDoc diffs two versions of one document; ok is false when neither
// exists.
func compareDoc(old, cur *Doc) (Document, bool) {
	switch {
	case old == nil && cur == nil:
		return Document{}, false
	case old == nil:
		return Document{Role: cur.Role, Path: cur.Path, Status: DocAdded, IDs: countIDs(cur), Changes: []Change{}}, true
	case cur == nil:
		return Document{Role: old.Role, Path: old.Path, Status: DocRemoved, IDs: countIDs(old), Changes: []Change{}}, true
	}
	d := Document{Role: cur.Role, Path: cur.Path, Status: DocUnchanged, Changes: diffItems(old.items, cur.items)}
	if old.Path != cur.Path {
		d.OldPath = old.Path
	}
	if len(d.Changes) > 0 {
		d.Status = DocChanged
	}
	return d, true
}

func countIDs(d *Doc) int {
	n := 0
	for _, it := range d.items {
		if it.id != "" {
			n++
		}
	}
	return n
}

// diffItems lists the items added, changed, removed and moved, sorted.
func diffItems(old, cur []item) []Change {
	oldBy, newBy := byKey(old), byKey(cur)
	reworded := rewordedTexts(old, cur, oldBy, newBy)
	rewordedOld := map[string]bool{}
	for _, o := range reworded {
		rewordedOld[o.key] = true
	}
	out := []Change{}
	for _, n := range cur {
		o, ok := oldBy[n.key]
		if !ok {
			o, ok = reworded[n.key]
		}
		switch {
		case !ok:
			out = append(out, change(Added, n, n.line, 0, "", n.text))
		case o.text != n.text:
			out = append(out, change(Changed, n, n.line, o.line, o.text, n.text))
		}
	}
	for _, o := range old {
		if _, ok := newBy[o.key]; !ok && !rewordedOld[o.key] {
			out = append(out, change(Removed, o, 0, o.line, o.text, ""))
		}
	}
	out = append(out, moves(old, cur, oldBy)...)
	sortChanges(out, append(slices.Clone(cur), old...))
	return out
}

// rewordedTexts pairs the items known only by their text (a line of the
// scope, an item without an ID) that are in one version only, when one
// takes the other's place in the same list: that is an edit of the item,
// not one removed and another added. The map gives the old item by the
// new one's key.
func rewordedTexts(old, cur []item, oldBy, newBy map[string]item) map[string]item {
	byText := func(it item) bool { return it.id == "" && it.name == "" && !it.whole }
	oldPlace, newPlace := places(old), places(cur)
	type slot struct {
		list     string
		position int
	}
	gone := map[slot]item{}
	for _, o := range old {
		if _, ok := newBy[o.key]; !ok && byText(o) {
			gone[slot{list(o), oldPlace[o.key].Position}] = o
		}
	}
	out := map[string]item{}
	for _, n := range cur {
		if _, ok := oldBy[n.key]; ok || !byText(n) {
			continue
		}
		if o, ok := gone[slot{list(n), newPlace[n.key].Position}]; ok {
			out[n.key] = o
		}
	}
	return out
}

func change(t ChangeType, it item, line, oldLine int, old, cur string) Change {
	c := Change{Type: t, Section: it.section, ID: it.id, Line: line, OldLine: oldLine, Old: old, New: cur}
	if it.id == "" {
		c.Name = it.name
	}
	return c
}

func byKey(items []item) map[string]item {
	m := make(map[string]item, len(items))
	for _, it := range items {
		m[it.key] = it
	}
	return m
}

// moves lists the items in both versions that changed place: another
// story, another order among the items of their list that are in both
// versions, or other traces. Items that only shifted because others came
// or went have not moved.
func moves(old, cur []item, oldBy map[string]item) []Change {
	oldPlace, newPlace := places(old), places(cur)
	kept := keptInOrder(old, cur, oldBy)
	var out []Change
	for _, n := range cur {
		o, ok := oldBy[n.key]
		if !ok || n.whole {
			continue
		}
		from, to := oldPlace[n.key], newPlace[n.key]
		if from.Story == to.Story && kept[n.key] && slices.Equal(from.Traces, to.Traces) {
			continue
		}
		c := change(Moved, n, n.line, o.line, "", "")
		c.From, c.To = &from, &to
		out = append(out, c)
	}
	return out
}

// list names the list an item is in: its section and, for a criterion,
// its story.
func list(it item) string { return it.section + "\x00" + it.parent }

// places gives each item its position in its list, its story and its
// traces, sorted and without repeats.
func places(items []item) map[string]Place {
	pos := map[string]int{}
	out := make(map[string]Place, len(items))
	for _, it := range items {
		l := list(it)
		pos[l]++
		traces := slices.Clone(it.traces)
		slices.Sort(traces)
		out[it.key] = Place{Position: pos[l], Story: it.parent, Traces: slices.Compact(traces)}
	}
	return out
}

// keptInOrder returns the items of each list that are in both versions
// and in the same order there: the longest such run. A key is unique
// within a version, so this is the longest increasing run of old
// positions, found in O(n log n) however long the lists.
func keptInOrder(old, cur []item, oldBy map[string]item) map[string]bool {
	oldIndex := map[string]int{}
	for i, o := range old {
		oldIndex[o.key] = i
	}
	lists := map[string][]string{}
	var order []string
	for _, n := range cur {
		if o, ok := oldBy[n.key]; ok && list(o) == list(n) {
			l := list(n)
			if _, seen := lists[l]; !seen {
				order = append(order, l)
			}
			lists[l] = append(lists[l], n.key)
		}
	}
	kept := map[string]bool{}
	for _, l := range order {
		keys := lists[l]
		seq := make([]int, len(keys))
		for i, k := range keys {
			seq[i] = oldIndex[k]
		}
		for _, i := range longestIncreasing(seq) {
			kept[keys[i]] = true
		}
	}
	return kept
}

// longestIncreasing returns the indexes of a longest strictly increasing
// subsequence of seq.
func longestIncreasing(seq []int) []int {
	var tails []int // tails[k]: index in seq of the smallest end of a run of length k+1
	prev := make([]int, len(seq))
	for i, v := range seq {
		k, _ := slices.BinarySearchFunc(tails, v, func(t, v int) int { return cmp.Compare(seq[t], v) })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	out := make([]int, len(tails))
	if len(tails) == 0 {
		return out
	}
	for k, i := len(tails)-1, tails[len(tails)-1]; k >= 0; k, i = k-1, prev[i] {
		out[k] = i
	}
	return out
}

// sortChanges orders changes by section, then by ID (US-001 before its
// AC-001.1) or name, then by kind of change. all holds the items of both
// versions, for the sections' ranks.
func sortChanges(cs []Change, all []item) {
	rank := map[string]int{}
	for _, it := range all {
		if _, ok := rank[it.section]; !ok {
			rank[it.section] = it.rank
		}
	}
	slices.SortStableFunc(cs, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(rank[a.Section], rank[b.Section]),
			compareLabels(a.ID+a.Name, b.ID+b.Name),
			cmp.Compare(changeOrder(a.Type), changeOrder(b.Type)),
			strings.Compare(a.Old+a.New, b.Old+b.New),
		)
	})
}

func changeOrder(t ChangeType) int {
	return slices.Index([]ChangeType{Added, Changed, Removed, Moved}, t)
}

// compareLabels orders IDs by their numbers ("FR-002" before "FR-010",
// "US-001" before "AC-001.1"), IDs before names, and names as strings.
func compareLabels(a, b string) int {
	aID, bID := artifact.LooksLikeID(a), artifact.LooksLikeID(b)
	switch {
	case aID && bID:
		_, an, _ := strings.Cut(a, "-")
		_, bn, _ := strings.Cut(b, "-")
		return cmp.Or(compareNumbers(strings.Split(an, "."), strings.Split(bn, ".")), strings.Compare(a, b))
	case aID:
		return -1
	case bID:
		return 1
	}
	return strings.Compare(a, b)
}

// compareNumbers compares dotted decimal numbers part by part, as numbers
// of any length.
func compareNumbers(a, b []string) int {
	for i := range min(len(a), len(b)) {
		x, y := strings.TrimLeft(a[i], "0"), strings.TrimLeft(b[i], "0")
		if c := cmp.Or(cmp.Compare(len(x), len(y)), strings.Compare(x, y)); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}
