package pipeline

import (
	"context"
	"fmt"
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
		if strings.Contains(prompt, `Leave "tasks" empty`) {
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
		"warning: tech: the design answer also held 1 task, which the tasks requests write: left out",
		"warning: tech: the tasks answer for US-001 to US-008 also held 1 component, which the design request writes: left out",
		"warning: tech: the tasks answer for US-009 also held 1 component, which the design request writes: left out",
	} {
		if !slices.Contains(said, want) {
			t.Errorf("no warning %q in %q", want, said)
		}
	}
}
