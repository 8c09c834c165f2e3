package pipeline

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/cache"
)

// A stage that failed on an answer from the response cache says so, and
// how to ask the model itself.
func TestInvalidAnswerError(t *testing.T) {
	problem := errors.New("FR-001: the requirement is empty")
	tests := []struct {
		name string
		err  *invalidAnswerError
		want string
	}{
		{"from the model", &invalidAnswerError{Stage: "prd", Attempts: 2, Err: problem},
			"prd stage: the answer was invalid after 2 attempts: FR-001: the requirement is empty"},
		{"from the cache", &invalidAnswerError{Stage: "prd", Attempts: 1, Cached: true, Err: problem},
			"prd stage: the answer was invalid after 1 attempt: FR-001: the requirement is empty; " +
				"the answer came from the response cache (run with --no-cache to ask the model again)"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The response cache keeps only an answer that validated, as the answer to
// the call's first request, and drops an invalid answer it gave, so a run
// again never replays an invalid answer and a repaired one costs nothing.
func TestCacheKeepsOnlyValidAnswers(t *testing.T) {
	bad := `{"title":"Tiny","functional":[{"id":"","text":""}]}`
	good := `{"title":"Tiny","functional":[{"id":"","text":"The system must export check-in history as CSV."}]}`
	req := llm.Request{Stage: "prd", Messages: []llm.Message{{Role: llm.RoleUser, Content: "write the PRD"}}}
	tests := []struct {
		name     string
		repairs  int
		old      string   // an entry an earlier prodgen cached unchecked
		contents []string // the model's answers
		wantReqs int      // requests the model gets
		wantErr  string   // "" for a valid answer
	}{
		{name: "invalid, then repaired", repairs: 1, contents: []string{bad, good}, wantReqs: 2},
		{name: "invalid, no repairs", repairs: 0, contents: []string{bad}, wantReqs: 1, wantErr: "invalid after 1 attempt: "},
		{name: "invalid from the cache, no repairs", repairs: 0, old: bad, contents: []string{good}, wantReqs: 0,
			wantErr: "; the answer came from the response cache (run with --no-cache to ask the model again)"},
		{name: "invalid from the cache, repaired", repairs: 1, old: bad, contents: []string{good}, wantReqs: 1},
		{name: "valid from the cache", repairs: 0, old: good, contents: []string{bad}, wantReqs: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			id := cache.Identity{Endpoint: "http://127.0.0.1:1/v1", Model: "fake"}
			generate := func(contents ...string) (*fakeClient, prdValue, error) {
				t.Helper()
				client := &fakeClient{contents: contents}
				c := cache.New(dir, client, id)
				c.Warn = func(err error) { t.Errorf("cache warning: %v", err) }
				var v prdValue
				_, err := Model(c, 1, tt.repairs, "").(*modelEngine).generate(t.Context(), req, &v)
				return client, v, err
			}
			if tt.old != "" {
				cache.New(dir, nil, id).Keep(req, &llm.Response{Content: tt.old, Model: "fake"})
			}

			client, _, err := generate(tt.contents...)
			if len(client.got) != tt.wantReqs {
				t.Errorf("%d requests, want %d", len(client.got), tt.wantReqs)
			}
			var inv *invalidAnswerError
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatal(err)
			case tt.wantErr != "" && (!errors.As(err, &inv) || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("got %v, want an invalidAnswerError saying %q", err, tt.wantErr)
			case err != nil && tt.old == "" && strings.Contains(err.Error(), "response cache"):
				t.Errorf("%v: the answer did not come from the cache", err)
			}
			if n := entries(t, dir); n > 1 || (n == 1) != (tt.wantErr == "") {
				t.Errorf("%d cache entries after the run, want one only for a valid answer", n)
			}

			// The next run asks the model only if nothing valid was kept,
			// and then keeps its valid answer.
			again, v, err := generate(good)
			if err != nil || v.Functional[0].Text != "The system must export check-in history as CSV." {
				t.Fatalf("next run: %+v, %v; want the valid answer", v.Functional, err)
			}
			want := 0
			if tt.wantErr != "" {
				want = 1
			}
			if len(again.got) != want {
				t.Errorf("next run sent %d requests, want %d", len(again.got), want)
			}
			if n := entries(t, dir); n != 1 {
				t.Errorf("%d cache entries after the next run, want 1", n)
			}
		})
	}
}

// entries counts the response cache's entries under dir.
func entries(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
