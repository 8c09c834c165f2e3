package artifact

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// The parts of a tech spec's items that have a form of their own: a
// field's type with its values, an entity's owner, relationships and
// traces, and a task's line with what is nested under it. As in lines.go,
// each writer has its reader next to it.

// typeCell writes a field's type as a table cell, with its values when it
// has some: "enum: `applied`, `interview`", "text: `en`, `es`".
func typeCell(f Field) string {
	var vals []string
	for _, v := range f.Enum {
		if v = oneLine(v); v != "" {
			vals = append(vals, codeSpan(v))
		}
	}
	if len(vals) == 0 {
		return cell(f.Type)
	}
	typ := oneLine(f.Type)
	if isEmptyMark(typ) {
		typ = "enum"
	}
	return escapeCell(EscapeHTML(typ + ": " + strings.Join(vals, ", ")))
}

// readType reads what typeCell writes: the type, and the values after its
// last ": " when all that follows is code spans joined by commas.
func readType(c string) (string, []string) {
	s := cellText(c)
	for i := strings.LastIndex(s, ": "); i >= 0; i = strings.LastIndex(s[:i], ": ") {
		if vals, ok := codeSpans(s[i+2:]); ok && strings.TrimSpace(s[:i]) != "" {
			return strings.TrimSpace(s[:i]), vals
		}
	}
	return s, nil
}

// codeSpan writes s as one inline code span, with enough backticks to
// hold those in s.
func codeSpan(s string) string {
	ticks := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' || (s[0] == ' ' && s[len(s)-1] == ' ') {
		pad = " "
	}
	return ticks + pad + s + pad + ticks
}

// codeSpans reads code spans joined by ", ", as "`a`, `b`"; ok is false
// for anything else.
func codeSpans(s string) ([]string, bool) {
	var out []string
	for {
		n := len(s) - len(strings.TrimLeft(s, "`"))
		if n == 0 {
			return nil, false
		}
		end := closingRun(s, n)
		if end < 0 {
			return nil, false
		}
		inner := s[n:end]
		if len(inner) >= 2 && inner[0] == ' ' && inner[len(inner)-1] == ' ' && strings.TrimSpace(inner) != "" {
			inner = inner[1 : len(inner)-1]
		}
		if strings.TrimSpace(inner) == "" {
			return nil, false
		}
		out = append(out, inner)
		s = s[end+n:]
		if s == "" {
			return out, true
		}
		var ok bool
		if s, ok = strings.CutPrefix(s, ", "); !ok {
			return nil, false
		}
	}
}

// closingRun finds, in s after its opening run of n backticks, the start
// of the next run of exactly n; -1 when there is none.
func closingRun(s string, n int) int {
	for i := n; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j
	}
	return -1
}

// spanText is the content of a name written as one code span, else the
// name as written.
func spanText(s string) string {
	if vals, ok := codeSpans(s); ok && len(vals) == 1 {
		return vals[0]
	}
	return s
}

const (
	ownerTag        = "Owner:"
	entityTracesTag = "Traces:"
)

// relationPhrases say each kind of relationship in the entity's list;
// the last, for a kind that is none of RelationshipKinds, reads back as
// no kind.
var relationPhrases = []struct{ kind, phrase string }{
	{"belongs-to", "Belongs to"},
	{"has-one", "Has one"},
	{"has-many", "Has many"},
	{"many-to-many", "Many to many with"},
	{"", "Related to"},
}

// entityItems writes the list under an entity's fields: its owner, its
// relationships ("Has many **Interview**: one per round") and the
// requirements it traces to.
func entityItems(e Entity) ([]string, error) {
	var out []string
	if o := oneLine(e.Owner); o != "" {
		out = append(out, ownerTag+" "+EscapeHTML(o))
	}
	for _, rel := range e.Relationships {
		phrase := relationPhrases[len(relationPhrases)-1].phrase
		for _, p := range relationPhrases {
			if p.kind == strings.TrimSpace(rel.Kind) {
				phrase = p.phrase
				break
			}
		}
		target := oneLine(rel.Target)
		if isEmptyMark(target) {
			target = placeholder
		}
		out = append(out, phrase+" "+namedLine(target, rel.Note))
	}
	if len(e.Traces) > 0 {
		ids, err := idList(KindFunctional, e.Traces)
		if err != nil {
			return nil, err
		}
		out = append(out, entityTracesTag+" "+ids)
	}
	return out, nil
}

// readEntityItems reads what entityItems writes, from the lists under an
// entity's heading.
func readEntityItems(r *reader, e *Entity, s *markdown.Section) error {
	owned := false
	for _, it := range s.Items() {
		text := htmlText(it.Text)
		if text == "" {
			continue
		}
		if rest, ok := cutPrefixFold(text, ownerTag); ok && !owned {
			e.Owner, owned = strings.TrimSpace(rest), true
			continue
		}
		if rest, ok := cutPrefixFold(text, entityTracesTag); ok && e.Traces == nil {
			ids, err := refs(r, KindFunctional, rest, it.Line, "the traces of "+label("entity", 0, e.Name))
			if err != nil {
				if err := r.fail(it.Line, fmt.Errorf("trace: %w", err)); err != nil {
					return err
				}
			}
			e.Traces = ids
			if e.Traces == nil {
				e.Traces = []string{}
			}
			continue
		}
		if rel, ok := readRelationship(text); ok {
			e.Relationships = append(e.Relationships, rel)
			continue
		}
		r.drop(it.Line, "list item %s is not read: %s (an entity's list holds %q, %q and relationships such as %q)",
			under(s.Title), snippet(text), ownerTag+" …", entityTracesTag+" FR-001", "Has many **Interview**")
	}
	if len(e.Traces) == 0 {
		e.Traces = nil
	}
	return nil
}

// readRelationship reads one relationship of an entity's list.
func readRelationship(text string) (Relationship, bool) {
	for _, p := range relationPhrases {
		rest, ok := cutPrefixFold(text, p.phrase)
		if !ok || (rest != "" && rest[0] != ' ') {
			continue
		}
		name, note := readNamed(strings.TrimSpace(rest))
		if name == "" {
			name, note = strings.TrimSpace(rest), ""
		}
		if isEmptyMark(name) {
			name = ""
		}
		return Relationship{Target: name, Kind: p.kind, Note: note}, true
	}
	return Relationship{}, false
}

// ReadRelationship reads an item of an entity's list as a relationship:
// "Belongs to **Application**" gives the target and the kind; ok is false
// for an item that is none.
func ReadRelationship(text string) (Relationship, bool) { return readRelationship(text) }

// restDrawn is rest for a section that may hold diagrams prodgen draws:
// a mermaid code block is read (it is drawn again from the document), any
// other code block is not.
func (r *reader) restDrawn(s *markdown.Section, readsChildren bool, read ...markdown.Kind) {
	drawn := *s
	drawn.Blocks = slices.DeleteFunc(slices.Clone(s.Blocks), isDiagram)
	r.rest(&drawn, readsChildren, read...)
}

// isDiagram reports whether a block is a mermaid diagram.
func isDiagram(b markdown.Block) bool {
	return b.Kind == markdown.Code && strings.EqualFold(strings.TrimSpace(b.Lang), "mermaid")
}
