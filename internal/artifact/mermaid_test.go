package artifact

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The grammar below is the part of Mermaid's erDiagram and flowchart
// grammars that prodgen writes, checked line by line, with the lexers'
// traps: an identifier must be a plain word that no keyword takes (the
// lexers are case-insensitive and match keywords as whole words), text is
// quoted and holds no quote, and no line holds "direction" and a
// direction, which the lexers read as a statement wherever it stands.

var (
	mmID       = `[A-Za-z][A-Za-z0-9_]*`
	mmText     = `[^"\x60<>;]*`
	erRel      = regexp.MustCompile(`^    (` + mmID + `) (\|\||\|o|\}o|\}\|)--(\|\||o\||o\{|\|\{) (` + mmID + `) : "(` + mmText + `)"$`)
	erOpen     = regexp.MustCompile(`^    (` + mmID + `) \{$`)
	erBare     = regexp.MustCompile(`^    (` + mmID + `)$`)
	erAttr     = regexp.MustCompile(`^        (` + mmID + `) (` + mmID + `)( PK| FK)?( "` + mmText + `")?$`)
	mmComment  = regexp.MustCompile(`^    %% [^\n]*$`)
	fcNode     = regexp.MustCompile(`^ {4,8}(` + mmID + `)(\["|\(\["|\[\("|\{\{")(` + mmText + `)("\]|"\]\)|"\)\]|"\}\})$`)
	fcSubgraph = regexp.MustCompile(`^    subgraph (` + mmID + `)\["(` + mmText + `)"\]$`)
	fcEdge     = regexp.MustCompile(`^    (` + mmID + `) --> (` + mmID + `)$`)
	shapes     = map[string]string{`["`: `"]`, `(["`: `"])`, `[("`: `")]`, `{{"`: `"}}`}
)

// checkMermaid checks one diagram's lines against the grammar.
func checkMermaid(t *testing.T, lines []string) {
	t.Helper()
	if len(lines) == 0 {
		return
	}
	word := func(id string) {
		if slices.Contains(mermaidKeywords, strings.ToLower(id)) {
			t.Errorf("identifier %q is a keyword", id)
		}
	}
	declared := map[string]bool{}
	var used []string
	for _, l := range lines[1:] {
		if directionLine().MatchString(l) {
			t.Errorf("line %q reads as a direction statement", l)
		}
		if strings.Contains(l, "`") {
			t.Errorf("line %q holds a backtick, which may end the fence", l)
		}
	}
	switch lines[0] {
	case "erDiagram":
		inBlock := false
		for _, l := range lines[1:] {
			switch {
			case inBlock && l == "    }":
				inBlock = false
			case inBlock:
				m := erAttr.FindStringSubmatch(l)
				if m == nil {
					t.Errorf("not an attribute: %q", l)
					continue
				}
				word(m[1])
				word(m[2])
			case mmComment.MatchString(l):
			case erRel.MatchString(l):
				m := erRel.FindStringSubmatch(l)
				word(m[1])
				word(m[4])
				used = append(used, m[1], m[4])
			case erOpen.MatchString(l):
				m := erOpen.FindStringSubmatch(l)
				word(m[1])
				declared[m[1]], inBlock = true, true
			case erBare.MatchString(l):
				m := erBare.FindStringSubmatch(l)
				word(m[1])
				declared[m[1]] = true
			default:
				t.Errorf("not an ER statement: %q", l)
			}
		}
		if inBlock {
			t.Error("an entity block is not closed")
		}
	case "flowchart LR":
		depth := 0
		for _, l := range lines[1:] {
			switch {
			case mmComment.MatchString(l):
			case fcSubgraph.MatchString(l):
				word(fcSubgraph.FindStringSubmatch(l)[1])
				depth++
			case l == "    end":
				depth--
			case fcNode.MatchString(l):
				m := fcNode.FindStringSubmatch(l)
				word(m[1])
				if shapes[m[2]] != m[4] {
					t.Errorf("shape opened with %s closed with %s: %q", m[2], m[4], l)
				}
				if declared[m[1]] {
					t.Errorf("node %s declared twice", m[1])
				}
				declared[m[1]] = true
			case fcEdge.MatchString(l):
				m := fcEdge.FindStringSubmatch(l)
				used = append(used, m[1], m[2])
			default:
				t.Errorf("not a flowchart statement: %q", l)
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("subgraphs unbalanced at %q", l)
			}
		}
		if depth != 0 {
			t.Error("a subgraph is not closed")
		}
	default:
		t.Fatalf("unknown diagram %q", lines[0])
	}
	for _, id := range used {
		if !declared[id] {
			t.Errorf("%s is used but not declared", id)
		}
	}
}

// oddNames are names a person or a model may give entities, components
// and tasks: quotes, keywords, unicode, markup, separators, nothing.
var oddNames = []string{
	"Patient", "Queue entry", `The "best" list`, "end", "One", "to", "PK", "u", "Übersicht", "日本語", "123 go",
	"", " ", "a--b", "x}o--o{y", "`code`", "<b>HTML</b>", "direction TB", "C# app; v2", "Patient", "%% comment", "#quot;",
	"style", "a\nb", "Ümlaut_ß",
}

func TestMermaidGrammar(t *testing.T) {
	var es []Entity
	var cs []Component
	var tasks []Task
	for i, n := range oddNames {
		next := oddNames[(i+1)%len(oddNames)]
		es = append(es, Entity{Name: n,
			Fields:        []Field{{Name: n, Type: next, Required: i%2 == 0, Enum: []string{n, `"q"`}}, {Name: "id", Type: "uuid"}, {Name: "pk"}},
			Relationships: []Relationship{{Target: next, Kind: RelationshipKinds[i%len(RelationshipKinds)], Note: n}, {Target: "nobody", Kind: "has-many"}, {Target: next, Kind: "weird"}}})
		cs = append(cs, Component{Name: n, Kind: ComponentKinds[i%len(ComponentKinds)], Technology: next})
		var on []string
		if i > 0 {
			on = []string{TaskID(i)}
		}
		tasks = append(tasks, Task{ID: TaskID(i + 1), Text: n + " " + next, DependsOn: on})
	}
	tasks = append(tasks, Task{ID: "T-900", DependsOn: []string{"T-901"}}, Task{ID: "T-901", DependsOn: []string{"T-900"}})
	diagrams := map[string][]string{
		"er":         erDiagram(es),
		"components": componentFlowchart(cs),
		"waves":      waveGraph(tasks),
		"fixture er": erDiagram(modelledTech().Entities), "fixture components": componentFlowchart(modelledTech().Components),
		"fixture waves": waveGraph(modelledTech().Tasks),
	}
	for name, d := range diagrams {
		t.Run(name, func(t *testing.T) {
			if len(d) == 0 {
				t.Fatal("nothing drawn")
			}
			checkMermaid(t, d)
		})
	}
}

// TestMermaidDraws checks what the diagrams say, not only that they
// parse: the cardinality of each kind of relationship, one line for a
// relationship stated from both sides, the arrows the kinds give, and a
// box per wave.
func TestMermaidDraws(t *testing.T) {
	er := strings.Join(erDiagram([]Entity{
		{Name: "List", Relationships: []Relationship{{Target: "Restaurant", Kind: "has-many"}, {Target: "Tag", Kind: "many-to-many"}}},
		{Name: "Restaurant", Relationships: []Relationship{{Target: "List", Kind: "belongs-to"}}},
		{Name: "Tag", Relationships: []Relationship{{Target: "List", Kind: "many-to-many"}}},
		{Name: "Visit", Relationships: []Relationship{{Target: "Restaurant", Kind: "belongs-to"}, {Target: "Review", Kind: "has-one", Note: "after the visit"}}},
		{Name: "Review"},
	}), "\n")
	for _, want := range []string{
		`List ||--o{ Restaurant : "has many"`, `List }o--o{ Tag : "many to many"`,
		`Visit }o--|| Restaurant : "belongs to"`, `Visit ||--o| Review : "after the visit"`,
	} {
		if !strings.Contains(er, want) {
			t.Errorf("ER diagram has no %q:\n%s", want, er)
		}
	}
	if n := strings.Count(er, "--"); n != 4 {
		t.Errorf("%d relationship lines, want 4 (each drawn once):\n%s", n, er)
	}
	// Entities with no relationship between them are drawn alone; a
	// relationship to an entity the model lacks is not drawn; no entity,
	// no diagram.
	alone := strings.Join(erDiagram([]Entity{{Name: "A"}, {Name: "B", Relationships: []Relationship{{Target: "C", Kind: "has-many"}}}}), "\n")
	if !strings.Contains(alone, "    A\n") || !strings.HasSuffix(alone, "    B") || strings.Contains(alone, "--") {
		t.Errorf("two entities and no relationship between them:\n%s", alone)
	}
	if erDiagram(nil) != nil {
		t.Error("an empty data model got a diagram")
	}

	fc := func(kinds ...string) string {
		var cs []Component
		for i, k := range kinds {
			cs = append(cs, Component{Name: fmt.Sprintf("n%d", i+1), Kind: k})
		}
		return strings.Join(componentFlowchart(cs), "\n")
	}
	for _, tt := range []struct {
		kinds []string
		want  []string
		not   []string
	}{
		{[]string{"web app", "API service", "data store", "external service", "job"}, []string{"c1 --> c2", "c2 --> c3", "c2 --> c4", "c5 --> c3"}, []string{"c1 --> c3"}},
		{[]string{"desktop plugin", "file storage"}, []string{"c1 --> c2"}, nil},
		{[]string{"CLI", ""}, nil, []string{"-->"}},
	} {
		got := fc(tt.kinds...)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("kinds %q: no %q in\n%s", tt.kinds, w, got)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(got, w) {
				t.Errorf("kinds %q: %q in\n%s", tt.kinds, w, got)
			}
		}
	}
	if componentFlowchart([]Component{{Name: "API"}}) != nil {
		t.Error("components without kinds got a flowchart")
	}

	waves := strings.Join(waveGraph(modelledTech().Tasks), "\n")
	for _, want := range []string{`subgraph w3["Wave 3"]`, "T_002 --> T_004", "T_001 --> T_003"} {
		if !strings.Contains(waves, want) {
			t.Errorf("wave graph has no %q:\n%s", want, waves)
		}
	}
}

func TestMermaidID(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"Queue entry", "Queue_entry"}, {"Übersicht", "Ubersicht"}, {"end", "end_"}, {"PK", "PK_"},
		{"123 go", "E_123_go"}, {"", "E"}, {"日本語", "E"}, {"  a  b ", "a_b"}, {"T-001", "T_001"},
	} {
		if got := mermaidID(tt.name, "E"); got != tt.want {
			t.Errorf("mermaidID(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := uniqueIDs([]string{"Queue", "queue", "Queue"}, "E"); !slices.Equal(got, []string{"Queue", "queue_2", "Queue_3"}) {
		t.Errorf("uniqueIDs = %q", got)
	}
}
