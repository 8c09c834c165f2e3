package pipeline

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/cache"
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
	p = with(p, func(o *Options) { o.Engine = Model(client, 1, 1, "") })
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

// An answer that holds the API key is invalid: it goes back for repair
// with the key cut out, is never cached, and fails the stage without
// naming the key; a short placeholder key is not looked for.
func TestAnswerWithKeyIsRefused(t *testing.T) {
	const key = "sk-live-0123456789abcdef"
	good := `{"title":"Tiny","functional":[{"id":"","text":"The system must export check-in history as CSV."}]}`
	echoed := `{"title":"Tiny","summary":"Your key is ` + key + `.","functional":[{"id":"","text":"The system must export check-in history as CSV."}]}`
	escaped := `{"title":"Tiny","functional":[{"id":"","text":"The system must export ` + strings.ReplaceAll(key, "-", `\u002d`) + `."}]}`
	named := `{"title":"Tiny","` + key + `":1}`
	req := llm.Request{Stage: "prd", Messages: []llm.Message{{Role: llm.RoleUser, Content: "write the PRD"}}}
	tests := []struct {
		name     string
		key      string
		contents []string
		wantErr  bool
	}{
		{name: "echoed in the text", key: key, contents: []string{echoed}, wantErr: true},
		{name: "spelt with JSON escapes", key: key, contents: []string{escaped}, wantErr: true},
		{name: "as a field name", key: key, contents: []string{named}, wantErr: true},
		{name: "repaired", key: key, contents: []string{echoed, good}},
		{name: "a placeholder key is no secret", key: "ollama", contents: []string{`{"title":"ollama","functional":[]}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			client := &fakeClient{contents: tt.contents}
			c := cache.New(dir, client, cache.Identity{Endpoint: "http://127.0.0.1:1/v1", Model: "fake"})
			var v prdValue
			_, err := Model(c, 1, 1, tt.key).(*modelEngine).generate(t.Context(), req, &v)
			if !tt.wantErr {
				if err != nil {
					t.Fatal(err)
				}
				if n := entries(t, dir); n != 1 {
					t.Errorf("%d cache entries, want the valid answer", n)
				}
				return
			}
			var inv *invalidAnswerError
			if !errors.As(err, &inv) || !strings.Contains(err.Error(), "the answer contains the API key") {
				t.Fatalf("got %v, want an invalid answer that contains the key", err)
			}
			if strings.Contains(err.Error(), key) {
				t.Errorf("the error shows the key: %v", err)
			}
			if len(client.got) != 2 {
				t.Fatalf("%d requests, want the answer and one repair", len(client.got))
			}
			for _, m := range client.got[1].Messages {
				if strings.Contains(m.Content, key) {
					t.Errorf("the repair request sends the key back in a %s message: %q", m.Role, m.Content)
				}
			}
			if n := entries(t, dir); n != 0 {
				t.Errorf("%d cache entries, want none", n)
			}
		})
	}
}
