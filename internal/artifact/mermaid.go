package artifact

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// A tech spec shows three Mermaid diagrams, in fenced "mermaid" blocks
// that GitHub renders: an ER diagram of the data model, a flowchart of the
// components, and a graph of the task waves. Each is drawn from the
// document every time it is written and never read back: an edit to a
// diagram is lost, and each says so in a comment.
//
// What is written is a small part of Mermaid's grammar, kept safe for
// whatever names a document holds: identifiers are ASCII letters, digits
// and underscores, start with a letter and are no keyword; text is always
// quoted and holds no quote, backtick, angle bracket or line break; and no
// line reads as a "direction" statement, which Mermaid's lexers match
// anywhere on a line.

// mermaidBlock fences a diagram's lines; empty when there are none.
func mermaidBlock(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return "```mermaid\n" + strings.Join(lines, "\n") + "\n```"
}

// mermaidKeywords are words Mermaid's ER and flowchart lexers take as
// keywords, in lower case: an identifier that is one gets an underscore.
var mermaidKeywords = []string{
	"erdiagram", "flowchart", "graph", "subgraph", "end", "direction", "class", "classdef", "style", "linkstyle",
	"click", "call", "href", "default", "title", "acctitle", "accdescr", "one", "many", "only", "zero", "or",
	"more", "to", "optionally", "u", "o", "x", "pk", "fk", "uk", "tb", "bt", "rl", "lr", "td",
}

// latinFolds spell common accented letters in ASCII, so that an
// identifier made from a name stays readable ("Übersicht" → "Ubersicht").
var latinFolds = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
}

// mermaidID makes an identifier from a name: letters, digits and
// underscores, other runs of characters made one underscore, led by a
// letter (else by fallback's first letter) and never a keyword.
func mermaidID(name, fallback string) string {
	var b strings.Builder
	under := false
	for _, r := range name {
		s := ""
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			s = string(r)
		case latinFolds[unicode.ToLower(r)] != "":
			s = latinFolds[unicode.ToLower(r)]
			if unicode.IsUpper(r) {
				s = strings.ToUpper(s[:1]) + s[1:]
			}
		}
		if s == "" {
			under = b.Len() > 0
			continue
		}
		if under {
			b.WriteByte('_')
			under = false
		}
		b.WriteString(s)
	}
	id := b.String()
	if id == "" || !unicode.IsLetter(rune(id[0])) {
		id = fallback + "_" + id
		id = strings.TrimSuffix(id, "_")
	}
	if slices.Contains(mermaidKeywords, strings.ToLower(id)) {
		id += "_"
	}
	return id
}

// uniqueIDs gives each name its identifier, the second of two the same
// with a number: "Queue", "Queue_2".
func uniqueIDs(names []string, fallback string) []string {
	out := make([]string, len(names))
	used := make(map[string]bool)
	for i, n := range names {
		id := mermaidID(n, fallback)
		base := id
		for k := 2; used[strings.ToLower(id)]; k++ {
			id = fmt.Sprintf("%s_%d", base, k)
		}
		used[strings.ToLower(id)] = true
		out[i] = id
	}
	return out
}

// markdownEscape matches a backslash escaping punctuation in markdown.
var markdownEscape = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
})

// directionLine matches what Mermaid's lexers read as a direction
// statement wherever it is on a line.
var directionLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(direction)(\s+)(tb|bt|rl|lr|td)`)
})

// mermaidText makes text safe inside a quoted Mermaid label or comment:
// one line, markdown's bold and code marks dropped (a backtick would also
// end the fence), quotes made single, angle brackets (HTML to Mermaid)
// and semicolons (which end an entity code such as "#quot;") replaced, no
// direction statement, and at most max characters.
func mermaidText(s string, max int) string {
	s = strings.Join(strings.Fields(flat(s)), " ")
	s = markdownEscape().ReplaceAllString(s, "$1")
	s = strings.NewReplacer("`", "", "**", "", `"`, "'", "<", "‹", ">", "›", ";", ",").Replace(s)
	s = directionLine().ReplaceAllString(s, "${1}-${3}")
	if r := []rune(s); len(r) > max {
		s = strings.TrimRight(string(r[:max-1]), " ") + "…"
	}
	return s
}

// relationNotation is each kind of relationship in crow's foot notation,
// read from the entity that holds it to its target, and the words on the
// line when the relationship has no note.
var relationNotation = map[string][2]string{
	"belongs-to":   {"}o--||", "belongs to"},
	"has-one":      {"||--o|", "has one"},
	"has-many":     {"||--o{", "has many"},
	"many-to-many": {"}o--o{", "many to many"},
}

// erDiagram draws the data model: each entity with its fields, and its
// relationships to other entities of the model. A relationship that its
// target also states from its side is drawn once. It is drawn only when
// the model has a relationship: without one the fields tables say all.
func erDiagram(es []Entity) []string {
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = oneLine(e.Name)
	}
	ids := uniqueIDs(names, "Entity")
	byName := make(map[string]int)
	for i, n := range names {
		if _, ok := byName[strings.ToLower(n)]; !ok && n != "" {
			byName[strings.ToLower(n)] = i
		}
	}
	type edge struct{ from, to int }
	drawn := make(map[edge]bool)
	var rels []string
	for i, e := range es {
		for _, r := range e.Relationships {
			j, ok := byName[strings.ToLower(oneLine(r.Target))]
			n, known := relationNotation[r.Kind]
			if !ok || !known || drawn[edge{i, j}] {
				continue
			}
			if drawn[edge{j, i}] || (r.Kind == "belongs-to" && j != i && (states(es[j], names[i], "has-many") || states(es[j], names[i], "has-one"))) {
				// Drawn, or to be drawn, from the other side.
				continue
			}
			drawn[edge{i, j}] = true
			label := n[1]
			if note := mermaidText(r.Note, 40); note != "" {
				label = note
			}
			rels = append(rels, fmt.Sprintf(`    %s %s %s : "%s"`, ids[i], n[0], ids[j], label))
		}
	}
	if len(es) == 0 {
		return nil
	}
	// Entities with no relationship are drawn too: the diagram shows the
	// data model's fields even before its links are known.
	lines := []string{"erDiagram", "    %% Drawn from the data model below: edit the entities, not this diagram."}
	lines = append(lines, rels...)
	for i, e := range es {
		lines = append(lines, entityBlock(ids[i], e, es, byName)...)
	}
	return lines
}

// states reports whether entity e states a relationship of kind to the
// entity named target.
func states(e Entity, target, kind string) bool {
	return slices.ContainsFunc(e.Relationships, func(r Relationship) bool {
		return r.Kind == kind && strings.EqualFold(oneLine(r.Target), target)
	})
}

// entityBlock draws one entity with its fields: "type name PK "comment"".
// A field named id is the primary key; one named after an entity it
// belongs to ("patient_id") a foreign key.
func entityBlock(id string, e Entity, es []Entity, byName map[string]int) []string {
	if len(e.Fields) == 0 {
		return []string{"    " + id}
	}
	fks := make(map[string]bool)
	for _, r := range e.Relationships {
		if j, ok := byName[strings.ToLower(oneLine(r.Target))]; ok && r.Kind == "belongs-to" {
			base := strings.ToLower(mermaidID(es[j].Name, "entity"))
			fks[base+"_id"], fks[strings.ReplaceAll(base, "_", "")+"id"] = true, true
		}
	}
	out := []string{"    " + id + " {"}
	for _, f := range e.Fields {
		name := mermaidID(oneLine(f.Name), "field")
		typ := mermaidID(oneLine(f.Type), "type")
		switch {
		case isEmptyMark(oneLine(f.Type)) && slices.ContainsFunc(f.Enum, filledValue):
			typ = "enum" // as the fields table writes it
		case oneLine(f.Type) == "":
			typ = "unknown"
		}
		line := "        " + typ + " " + name
		switch lower := strings.ToLower(name); {
		case lower == "id":
			line += " PK"
		case fks[lower]:
			line += " FK"
		}
		var notes []string
		if f.Required {
			notes = append(notes, "required")
		}
		var vals []string
		for _, v := range f.Enum {
			if v = oneLine(v); v != "" {
				vals = append(vals, v)
			}
		}
		if len(vals) > 0 {
			notes = append(notes, "one of "+strings.Join(vals, ", "))
		}
		if c := mermaidText(strings.Join(notes, "; "), 60); c != "" {
			line += ` "` + c + `"`
		}
		out = append(out, line)
	}
	return append(out, "    }")
}

func filledValue(v string) bool { return oneLine(v) != "" }

// The kinds of component, as the architecture flowchart connects them.
var (
	clientKinds  = []string{"web app", "mobile app", "desktop app", "desktop plugin", "CLI"}
	serviceKinds = []string{"API service"}
	jobKinds     = []string{"job"}
	storeKinds   = []string{"data store", "file storage"}
	outsideKinds = []string{"external service"}
)

// componentFlowchart draws the components and what calls what. The
// document does not say what calls what, so the arrows follow the kinds:
// the apps call the API services, or, with none, the data stores and
// external services themselves (a tool with no backend); the services and
// jobs use the data stores and the external services. The diagram's
// comment says so. It is drawn only when a component has a kind.
func componentFlowchart(cs []Component) []string {
	if !slices.ContainsFunc(cs, func(c Component) bool { return kindOf(c) != "" }) {
		return nil
	}
	lines := []string{"flowchart LR",
		"    %% Drawn from the components' kinds: the apps call the API services (or, with none, the data stores and",
		"    %% external services); the services and jobs use the data stores and external services. Edit the components."}
	of := func(kinds []string) []int {
		var out []int
		for i, c := range cs {
			if slices.Contains(kinds, kindOf(c)) {
				out = append(out, i)
			}
		}
		return out
	}
	for i, c := range cs {
		label := mermaidText(oneLine(c.Name), 40)
		if label == "" {
			label = fmt.Sprintf("Component %d", i+1)
		}
		if tech := mermaidText(c.Technology, 40); tech != "" {
			label += ": " + tech
		}
		open, shut := `["`, `"]`
		switch kind := kindOf(c); {
		case slices.Contains(storeKinds, kind):
			open, shut = `[("`, `")]`
		case slices.Contains(outsideKinds, kind):
			open, shut = `{{"`, `"}}`
		case slices.Contains(clientKinds, kind):
			open, shut = `(["`, `"])`
		}
		lines = append(lines, fmt.Sprintf("    c%d%s%s%s", i+1, open, label, shut))
	}
	clients, services, jobs := of(clientKinds), of(serviceKinds), of(jobKinds)
	backing := append(of(storeKinds), of(outsideKinds)...)
	slices.Sort(backing)
	arrows := func(from, to []int) {
		for _, f := range from {
			for _, t := range to {
				lines = append(lines, fmt.Sprintf("    c%d --> c%d", f+1, t+1))
			}
		}
	}
	if len(services) > 0 {
		arrows(clients, services)
	} else {
		arrows(clients, backing)
	}
	arrows(services, backing)
	arrows(jobs, backing)
	return lines
}

// kindOf is a component's kind as ComponentKinds spells it, or "".
func kindOf(c Component) string {
	k := oneLine(c.Kind)
	for _, known := range ComponentKinds {
		if strings.EqualFold(k, known) {
			return known
		}
	}
	return ""
}

// waveGraph draws the task waves: a box per wave holding its tasks, and
// an arrow from each task to each task that depends on it.
func waveGraph(tasks []Task) []string {
	waves, unscheduled := Waves(tasks)
	if len(waves) == 0 && len(unscheduled) == 0 {
		return nil
	}
	text := make(map[string]string)
	for _, t := range tasks {
		if _, ok := text[t.ID]; !ok && t.ID != "" {
			text[t.ID] = oneLine(t.Text)
		}
	}
	node := func(id string) string { return mermaidID(id, "task") }
	lines := []string{"flowchart LR", "    %% Drawn from the tasks' dependencies: edit the tasks, not this diagram."}
	box := func(key, title string, ids []string) {
		lines = append(lines, fmt.Sprintf(`    subgraph %s["%s"]`, key, title))
		for _, id := range ids {
			label := mermaidText(id+" "+text[id], 48)
			lines = append(lines, fmt.Sprintf(`        %s["%s"]`, node(id), label))
		}
		lines = append(lines, "    end")
	}
	for i, w := range waves {
		box(fmt.Sprintf("w%d", i+1), fmt.Sprintf("Wave %d", i+1), w)
	}
	if len(unscheduled) > 0 {
		box("stuck", "In no wave: a dependency cycle", unscheduled)
	}
	g, _ := newTaskGraph(tasks)
	for _, id := range g.ids {
		for _, d := range g.deps[id] {
			lines = append(lines, fmt.Sprintf("    %s --> %s", node(d), node(id)))
		}
	}
	return lines
}
