package semdiff

import (
	"cmp"
	"slices"
	"strings"
)

// tracing names a kind of trace: the items of one document that trace
// the items of another.
type tracing struct{ from, to Role }

// tracings are the traces between documents: stories trace requirements,
// tasks and endpoints trace stories.
var tracings = []tracing{{Stories, PRD}, {Tech, Stories}}

// link is one trace: an item (by ID or name) and the ID it traces.
type link struct{ from, to string }

// links lists a document's traces, each once, with the line of the item
// that holds it.
func links(d *Doc) map[link]int {
	out := map[link]int{}
	for _, it := range d.items {
		for _, to := range it.traces {
			l := link{it.label(), to}
			if _, ok := out[l]; !ok && l.from != "" {
				out[l] = it.line
			}
		}
	}
	return out
}

func ids(d *Doc) map[string]bool {
	out := map[string]bool{}
	for _, it := range d.items {
		if it.id != "" {
			out[it.id] = true
		}
	}
	return out
}

// labelLines gives the line of each item by its ID or name.
func labelLines(d *Doc) map[string]int {
	out := map[string]int{}
	for _, it := range d.items {
		if l := it.label(); l != "" {
			if _, ok := out[l]; !ok {
				out[l] = it.line
			}
		}
	}
	return out
}

// compareTraces lists the traces the new version breaks, and those added
// and removed in documents that are in both versions (a document added or
// removed whole is reported as such, not trace by trace).
func compareTraces(old, cur Set) []Trace {
	out := []Trace{}
	for _, tr := range tracings {
		oldFrom, newFrom := old.doc(tr.from), cur.doc(tr.from)
		oldTo, newTo := old.doc(tr.to), cur.doc(tr.to)
		var oldLinks map[link]int
		if oldFrom != nil {
			oldLinks = links(oldFrom)
		}
		if newFrom == nil {
			continue
		}
		newLinks := links(newFrom)
		if newTo != nil {
			out = append(out, broken(newFrom, newTo, newLinks, oldLinks, oldTo)...)
		}
		if oldFrom == nil {
			continue
		}
		target := targetPath(oldTo, newTo)
		for l, line := range newLinks {
			if _, ok := oldLinks[l]; !ok {
				out = append(out, Trace{Status: TraceAdded, From: l.from, To: l.to, File: newFrom.Path, Line: line, Target: target})
			}
		}
		lines := labelLines(newFrom)
		for l := range oldLinks {
			if _, ok := newLinks[l]; !ok {
				out = append(out, Trace{Status: TraceRemoved, From: l.from, To: l.to, File: newFrom.Path, Line: lines[l.from], Target: target})
			}
		}
	}
	slices.SortFunc(out, func(a, b Trace) int {
		return cmp.Or(
			cmp.Compare(traceOrder(a.Status), traceOrder(b.Status)),
			strings.Compare(a.File, b.File),
			compareLabels(a.From, b.From),
			compareLabels(a.To, b.To),
		)
	})
	return out
}

// broken lists the traces of the new version to IDs its target lacks,
// but for those that were broken the same way in the old version.
func broken(newFrom, newTo *Doc, newLinks, oldLinks map[link]int, oldTo *Doc) []Trace {
	have := ids(newTo)
	var had map[string]bool
	if oldTo != nil {
		had = ids(oldTo)
	}
	var out []Trace
	for l, line := range newLinks {
		if have[l.to] {
			continue
		}
		if _, before := oldLinks[l]; before && had != nil && !had[l.to] {
			continue
		}
		out = append(out, Trace{Status: TraceBroken, From: l.from, To: l.to, File: newFrom.Path, Line: line, Target: newTo.Path})
	}
	return out
}

func targetPath(old, cur *Doc) string {
	switch {
	case cur != nil:
		return cur.Path
	case old != nil:
		return old.Path
	}
	return ""
}

func traceOrder(s TraceStatus) int {
	return slices.Index([]TraceStatus{TraceBroken, TraceRemoved, TraceAdded}, s)
}
