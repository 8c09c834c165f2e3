package lint

import (
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
)

// idItem is a list item of a list whose items carry IDs. id is empty when
// the item has no usable ID; a finding says why.
type idItem struct {
	id   string
	text string
	line int
}

// idItems reads the items of a list whose items lead with an ID of kind k
// ("**FR-001** text"), reporting a missing, malformed or duplicate ID.
// story is the number of the story whose criteria these are, or 0.
func (a *analysis) idItems(items []markdown.Item, k artifact.Kind, story int) []idItem {
	var out []idItem
	for _, it := range items {
		if strings.TrimSpace(it.Text) == "" {
			continue
		}
		lead, ok := splitLead(it.Text)
		switch {
		case !ok:
			a.l.add(a.doc, it.Line, "id-missing", "%s without an ID: start the item with one, e.g. **%s**", k, example(k, story))
			out = append(out, idItem{text: it.Text, line: it.Line})
		case !lead.bold && !strings.HasPrefix(lead.id, k.Prefix()+"-"):
			// Text that merely starts like an ID ("COVID-19 tests ...").
			a.l.add(a.doc, it.Line, "id-missing", "%s without an ID: start the item with one, e.g. **%s**", k, example(k, story))
			out = append(out, idItem{text: it.Text, line: it.Line})
		default:
			id := a.checkID(k, lead.id, story, it.Line)
			if id != "" && !lead.bold {
				a.l.add(a.doc, it.Line, "id-format", "%s is not in bold, so prodgen does not read it as the ID: write **%s**", id, id)
			}
			out = append(out, idItem{id: id, text: lead.rest, line: it.Line})
		}
	}
	return out
}

// checkID reports an ID that is malformed for kind k, numbered under
// another story, or used before in the document. It returns the ID when it
// is well-formed, else "".
func (a *analysis) checkID(k artifact.Kind, id string, story, line int) string {
	if k == artifact.KindCriterion {
		owner, _, err := artifact.ParseCriterionID(id)
		if err != nil {
			a.l.add(a.doc, line, "id-format", "%v", err)
			return ""
		}
		if story != 0 && owner != story {
			a.l.add(a.doc, line, "id-format", "%s is listed under %s: its criteria are numbered %s, %s…",
				id, artifact.StoryID(story), artifact.CriterionID(story, 1), artifact.CriterionID(story, 2))
		}
	} else if _, err := artifact.ParseID(k, id); err != nil {
		a.l.add(a.doc, line, "id-format", "%v", err)
		return ""
	}
	if first, seen := a.ids[id]; seen {
		a.l.add(a.doc, line, "id-duplicate", "%s is already used on line %d", id, first)
		return id
	}
	a.ids[id] = line
	return id
}

// example is an ID of kind k to show in a message.
func example(k artifact.Kind, story int) string {
	if k == artifact.KindCriterion {
		return artifact.CriterionID(max(story, 1), 1)
	}
	return k.Format(1)
}

// lead is the ID an item or heading starts with.
type lead struct {
	id   string
	rest string // the text after it
	bold bool   // written "**FR-001**", as prodgen reads IDs
}

// splitLead splits "**FR-001** text" (or "**FR-001**: text") into the ID
// and the rest. An ID written without bold ("FR-001 text") is found too,
// so that lint can say what is wrong with it; ok is false when the text
// does not start with something written like an ID.
func splitLead(s string) (lead, bool) {
	if inner, ok := strings.CutPrefix(s, "**"); ok {
		tok, rest, closed := strings.Cut(inner, "**")
		tok = strings.TrimSuffix(tok, ":")
		if !closed || !artifact.LooksLikeID(tok) {
			return lead{}, false
		}
		return lead{id: tok, rest: strings.TrimSpace(strings.TrimPrefix(rest, ":")), bold: true}, true
	}
	tok, rest, _ := strings.Cut(s, " ")
	tok = strings.TrimSuffix(tok, ":")
	if !artifact.LooksLikeID(tok) {
		return lead{}, false
	}
	return lead{id: tok, rest: strings.TrimSpace(rest)}, true
}

// refs reads the IDs of kind k in a list such as "FR-001, FR-002":
// words not written like IDs ("and") are skipped; a malformed one is
// reported on line and left out. owner names the item that holds the
// list. named says whether the list held anything written like an ID, so
// that an item whose only trace is malformed is not also told it has none.
func (a *analysis) refs(k artifact.Kind, s, owner string, line int) ([]ref, bool) {
	var out []ref
	named := false
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
		w = strings.TrimRight(w, ".")
		if !artifact.LooksLikeID(w) {
			continue
		}
		named = true
		if _, err := artifact.ParseID(k, w); err != nil {
			a.l.add(a.doc, line, "id-format", "%s traces to %s: %v", owner, w, err)
			continue
		}
		out = append(out, ref{w, line})
	}
	return out, named
}
