package pipeline

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

// clientFunc is a model that answers each request with what answer says.
type clientFunc struct {
	mu     sync.Mutex
	answer func(req llm.Request) string
}

func (c *clientFunc) Complete(_ context.Context, req llm.Request) (*llm.Response, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return &llm.Response{Content: c.answer(req), Model: "fake"}, nil
}

// A large tech spec is a design request and tasks requests. What an answer
// holds beyond its part is not dropped without a word: a tasks answer's
// open questions are kept (once, whoever asks them first), and its design,
// or the design answer's tasks, are left out with a warning.
func TestTechPartsOutsideTheirRequest(t *testing.T) {
	base := bigProject(t, 9)
	mustRun(t, base, "stories")
	w := &warnings{}
	client := &clientFunc{answer: func(req llm.Request) string {
		prompt := req.Messages[len(req.Messages)-1].Content + req.Messages[0].Content
		if strings.Contains(prompt, `Write only the setup tasks`) {
			return `{"title":"Depot","overview":"One service.","components":[{"name":"API","responsibility":"Serves the ledger."}],` +
				`"entities":[],"endpoints":[{"method":"GET","path":"/parts","summary":"List parts","stories":["US-001"]}],"quality":[],` +
				`"tasks":[{"id":"","text":"Everything at once","stories":["US-001"]}],` +
				`"open_questions":[{"id":"","text":"Where is the ledger hosted?"}]}`
		}
		ids := schemaEnum(req.Schema.JSON, "tasks", "stories")
		return fmt.Sprintf(`{"title":"Depot","overview":"","components":[{"name":"Worker","responsibility":"Runs jobs."}],"entities":[],`+
			`"endpoints":[],"quality":[],"tasks":[{"id":"","text":"Build %s","stories":["%s"]}],`+
			`"open_questions":[{"id":"","text":"Who approves part numbers?"},{"id":"","text":"where is the ledger  hosted?"},{"id":"","text":"Which stories come first in %s?"}]}`,
			ids[0], ids[0], ids[0])
	}}
	p := with(base, func(o *Options) { o.Engine = Model(client, 1, 1, ""); o.Observer = w })
	md := string(mustRun(t, p, "tech"))
	for _, want := range []string{
		"**T-001** Build US-001 (US-001)",
		"**T-002** Build US-009 (US-009)",
		"**Q-1** Where is the ledger hosted?",
		"**Q-2** Who approves part numbers?",
		"**Q-3** Which stories come first in US-001?",
		"**Q-4** Which stories come first in US-009?",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the tech spec lacks %q:\n%s", want, md)
		}
	}
	for _, unwanted := range []string{"Everything at once", "Worker", "Q-5"} {
		if strings.Contains(md, unwanted) {
			t.Errorf("the tech spec holds %q:\n%s", unwanted, md)
		}
	}
	said := w.take()
	for _, want := range []string{
		"warning: tech: the design answer also held 1 story task, which the tasks requests write: left out",
		"warning: tech: the tasks answer for US-001 to US-008 also held 1 component, which the design request writes: left out",
		"warning: tech: the tasks answer for US-009 also held 1 component, which the design request writes: left out",
	} {
		if !slices.Contains(said, want) {
			t.Errorf("no warning %q in %q", want, said)
		}
	}
}

// techDesign is a design answer for the Depot project: two components, a
// part with stated values, one endpoint, and a setup task.
const techDesign = `{"title":"Depot","overview":"One service.","platform":"web app",` +
	`"components":[{"name":"Counter app","kind":"web app","technology":"","responsibility":"The clerk's screens.","serves":["FR-001"]},` +
	`{"name":"Ledger","kind":"data store","technology":"SQLite","responsibility":"Keeps the parts.","serves":[]}],` +
	`"entities":[{"name":"Part","description":"","fields":[{"name":"number","type":"text","required":true,"enum":[],"notes":""},` +
	`{"name":"state","type":"enum","required":true,"enum":["in stock","sold"],"notes":""}],"relationships":[],"owner":"Clerk","traces":["FR-001"]}],` +
	`"endpoints":[{"kind":"page","method":"GET","path":"/parts","name":"parts.index","entity":"Part","action":"list","summary":"The ledger","stories":["US-001"]}],` +
	`"quality":[],"tasks":[{"id":"T-001","text":"Set up the app and the ledger","stories":[],"setup":true,"depends_on":[],"parallel":false,"size":"S","components":["Counter app","Ledger"],"entities":[],"endpoints":[]}],` +
	`"open_questions":[]}`

// tasksAnswer is a tasks answer for the stories ids, numbered from first:
// a task per story, each after the setup task, the second also after the
// first; entity names what the tasks touch.
func tasksAnswer(ids []string, first int, entity string) string {
	var tasks []string
	for i, id := range ids {
		deps := `"T-001"`
		if i == 1 {
			deps += fmt.Sprintf(`,"T-%03d"`, first)
		}
		tasks = append(tasks, fmt.Sprintf(`{"id":"T-%03d","text":"Record %s","stories":["%s"],"setup":false,"depends_on":[%s],"parallel":%v,"size":"S",`+
			`"components":["Counter app"],"entities":["%s"],"endpoints":["GET /parts"]}`, first+i, id, id, deps, i == 0, entity))
	}
	return `{"title":"Depot","overview":"","platform":"","components":[],"entities":[],"endpoints":[],"quality":[],"tasks":[` +
		strings.Join(tasks, ",") + `],"open_questions":[]}`
}

// A large tech spec's design is asked for first; each tasks request then
// carries it, and its schema lets the tasks name only the design's
// components, entities and endpoints. A tasks answer naming an entity the
// design lacks goes back for repair. The merged spec numbers the tasks on
// from the design's setup task, each dependency following its task.
func TestTechDesignFirst(t *testing.T) {
	base := bigProject(t, 9)
	mustRun(t, base, "stories")
	var mu sync.Mutex
	var order []string
	repaired := false
	client := &clientFunc{answer: func(req llm.Request) string {
		mu.Lock()
		defer mu.Unlock()
		var all strings.Builder
		for _, m := range req.Messages {
			all.WriteString(m.Content + "\n")
		}
		prompt := all.String()
		if strings.Contains(prompt, "Write only the setup tasks") {
			order = append(order, "design")
			return techDesign
		}
		order = append(order, "tasks")
		ids := schemaEnum(req.Schema.JSON, "tasks", "stories")
		for _, want := range []string{"The design, written first", "| Counter app | web app |", "Number your tasks from T-002 on"} {
			if !strings.Contains(prompt, want) {
				t.Errorf("a tasks request does not say %q", want)
			}
		}
		for _, path := range [][]string{{"tasks", "components"}, {"tasks", "entities"}, {"tasks", "endpoints"}} {
			if got := schemaEnum(req.Schema.JSON, path...); len(got) == 0 {
				t.Errorf("the tasks schema's %s are not the design's: %v", path[1], got)
			}
		}
		if len(ids) == 1 && !repaired {
			repaired = true
			return tasksAnswer(ids, 2, "Invoice")
		}
		if len(req.Messages) > 2 && !strings.Contains(req.Messages[len(req.Messages)-1].Content, `T-002: entity "Invoice" is not in the data model`) {
			t.Errorf("the repair request does not name the unknown entity:\n%s", req.Messages[len(req.Messages)-1].Content)
		}
		return tasksAnswer(ids, 2, "Part")
	}}
	p := with(base, func(o *Options) { o.Engine = Model(client, 4, 1, "") })
	md := string(mustRun(t, p, "tech"))
	if !slices.Equal(order[:1], []string{"design"}) || len(order) != 4 {
		t.Errorf("requests went %v, want the design first, then two tasks requests and a repair", order)
	}
	for _, want := range []string{
		"**T-001** Set up the app and the ledger (setup)",
		"**T-002** [P] Record US-001 (US-001)",
		"**T-003** Record US-002 (US-002)\n  - Depends on: T-001, T-002",
		"**T-010** [P] Record US-009 (US-009)\n  - Depends on: T-001",
		"- **Wave 1**: T-001\n- **Wave 2**: T-002, T-004, T-005, T-006, T-007, T-008, T-009, T-010\n- **Wave 3**: T-003",
		"| state | enum: `in stock`, `sold` | yes | – |",
		"| page | `GET` | `/parts` | `parts.index` | Part | list | The ledger | US-001 |",
		"flowchart LR",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the tech spec lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Invoice") {
		t.Errorf("the invalid answer was written:\n%s", md)
	}
}

// A tech answer whose task graph has a cycle or a dependency on a task
// that is not there, or whose model names an entity it does not have,
// goes back for repair with the problem named; the repaired answer is
// written with its graph.
func TestTechModelRepairs(t *testing.T) {
	const good = `{"title":"Tiny","overview":"","platform":"CLI",` +
		`"components":[{"name":"Exporter","kind":"CLI","technology":"Go","responsibility":"Writes the CSV.","serves":["FR-001"]}],` +
		`"entities":[{"name":"Check-in","description":"","fields":[{"name":"day","type":"date","required":true,"enum":[],"notes":""}],` +
		`"relationships":[{"target":"Check-in","kind":"belongs-to","note":"the one before"}],"owner":"","traces":[]}],` +
		`"endpoints":[{"kind":"api","method":"GET","path":"/export","name":"","entity":"Check-in","action":"export","summary":"Export","stories":["US-001"]}],` +
		`"quality":[{"id":"NFR-001","text":"Pages load in under 2 seconds.","priority":""}],` +
		`"tasks":[{"id":"T-001","text":"Set up the CLI","stories":[],"setup":true,"depends_on":[],"parallel":false,"size":"S","components":["Exporter"],"entities":[],"endpoints":[]},` +
		`{"id":"T-002","text":"Build the export","stories":["US-001"],"setup":false,"depends_on":["T-001"],"parallel":false,"size":"M","components":["Exporter"],"entities":["Check-in"],"endpoints":["GET /export"]}],` +
		`"open_questions":[]}`
	tests := []struct {
		name, bad, problem string
	}{
		{"a cycle", strings.Replace(good, `"depends_on":[],"parallel":false,"size":"S"`, `"depends_on":["T-002"],"parallel":false,"size":"S"`, 1),
			"T-001 and T-002 depend on each other in a cycle: T-001 → T-002 → T-001"},
		{"a dangling dependency", strings.Replace(good, `"depends_on":["T-001"]`, `"depends_on":["T-001","T-007"]`, 1),
			"T-002 depends on T-007, which is not a task"},
		{"a relationship to an entity the model lacks", strings.Replace(good, `"target":"Check-in"`, `"target":"Habit"`, 1),
			`entity "Check-in": relationship to "Habit", which is not an entity of the data model`},
		{"an endpoint on an entity the model lacks", strings.Replace(good, `"entity":"Check-in","action"`, `"entity":"Habit","action"`, 1),
			`endpoint GET /export: entity "Habit" is not in the data model`},
		{"a task naming a component the design lacks", strings.Replace(good, `"components":["Exporter"],"entities":["Check-in"]`, `"components":["Web app"],"entities":["Check-in"]`, 1),
			`T-002: component "Web app" is not in the architecture`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProject(t, nfrBrief, Offline(nil))
			mustRun(t, p, "prd")
			mustRun(t, p, "stories")
			client := &fakeClient{contents: []string{tt.bad, good}}
			p = with(p, func(o *Options) { o.Engine = Model(client, 1, 1, "") })
			md := string(mustRun(t, p, "tech"))
			if len(client.got) != 2 {
				t.Fatalf("%d requests, want the answer and one repair", len(client.got))
			}
			schema := string(client.got[0].Schema.JSON)
			for _, field := range []string{`"platform"`, `"relationships"`, `"depends_on"`, `"setup"`, `"parallel"`, `"required"`, `"serves"`, `"technology"`} {
				if !strings.Contains(schema, field) {
					t.Errorf("the schema does not ask for %s", field)
				}
			}
			repair := client.got[1].Messages[len(client.got[1].Messages)-1].Content
			if !strings.Contains(repair, tt.problem) {
				t.Errorf("the repair request does not say %q:\n%s", tt.problem, repair)
			}
			for _, want := range []string{
				"Platform: CLI",
				"| Exporter | CLI | Go | Writes the CSV. | FR-001 |",
				"- Belongs to **Check-in**: the one before",
				"**T-001** Set up the CLI (setup)",
				"**T-002** Build the export (US-001)\n  - Depends on: T-001\n  - Size: M",
				"- **Wave 2**: T-002",
				"Check_in }o--|| Check_in",
			} {
				if !strings.Contains(md, want) {
					t.Errorf("the tech spec lacks %q:\n%s", want, md)
				}
			}
		})
	}
}

// The tech request carries the brief the PRD was made from, for its own
// data model, API and stack; a PRD whose brief is gone is asked without.
func TestTechRequestCarriesBrief(t *testing.T) {
	p := newProject(t, matrixBrief, Offline(nil))
	generate(t, p)
	m, f := modelWith(p, 1, nil)
	mustRun(t, m, "tech")
	var tech []string
	for _, req := range f.got {
		if req.Stage == "tech" {
			for _, msg := range req.Messages {
				tech = append(tech, msg.Content)
			}
		}
	}
	if !strings.Contains(strings.Join(tech, "\n"), "- Send a weekly summary to each member.") {
		t.Errorf("the tech request does not carry the brief:\n%s", strings.Join(tech, "\n"))
	}
	if err := os.Remove(p.Abs("brief.md")); err != nil {
		t.Fatal(err)
	}
	m, f = modelWith(p, 1, nil)
	mustRun(t, m, "tech")
	for _, req := range f.got {
		for _, msg := range req.Messages {
			if strings.Contains(msg.Content, "The brief the PRD was made from") {
				t.Error("a tech request carries a brief that is gone")
			}
		}
	}
}
