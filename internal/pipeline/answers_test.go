package pipeline

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// nfrBrief gives a PRD with one non-functional requirement, NFR-001.
const nfrBrief = "# Tiny\n\n## Features\n\n- Export check-in history as CSV.\n\n## Constraints\n\n- Pages load in under 2 seconds.\n"

// A tech spec may carry over only the PRD's non-functional requirements:
// the schema offers their IDs alone, and an answer naming another is
// invalid, so nothing of it is written.
func TestTechRejectsUnknownNFR(t *testing.T) {
	p := newProject(t, nfrBrief, Offline(nil))
	mustRun(t, p, "prd")
	mustRun(t, p, "stories")
	answer := `{"title":"Tiny","overview":"","components":[],"entities":[],` +
		`"endpoints":[{"method":"GET","path":"/export","summary":"Export","stories":["US-001"]}],` +
		`"quality":[{"id":"NFR-777","text":"Anything goes.","priority":""}],` +
		`"tasks":[{"id":"","text":"Build the export","stories":["US-001"]}],"open_questions":[]}`
	client := &fakeClient{contents: []string{answer}}
	p = with(p, func(o *Options) { o.Engine = Model(client, 1, 1) })
	_, err := run(t, p, "tech")
	if err == nil || !strings.Contains(err.Error(), "quality requirement NFR-777 is not in the PRD's non-functional requirements") {
		t.Fatalf("got %v, want an error naming NFR-777", err)
	}
	if len(client.got) != 2 {
		t.Errorf("%d requests, want the answer and one repair", len(client.got))
	}
	if schema := string(client.got[0].Schema.JSON); !strings.Contains(schema, `"enum":["NFR-001"]`) {
		t.Errorf("the schema does not restrict quality IDs to the PRD's NFRs:\n%s", schema)
	}
	if _, err := os.Stat(p.Abs(p.techPath())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("an invalid answer was written to %s", p.techPath())
	}
}
