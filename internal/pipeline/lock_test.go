package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm/offline"
)

func TestLoadLock(t *testing.T) {
	tests := []struct {
		name    string
		content string // "" for no file
		want    string // error substring; "" for success
	}{
		{name: "no lock is an empty lock"},
		{name: "not JSON", content: "hello", want: "not a valid lock file"},
		{name: "unknown field", content: `{"version":1,"artifacts":{},"extra":1}`, want: `unknown field "extra"`},
		{name: "future version", content: `{"version":9,"artifacts":{}}`, want: "lock format version 9"},
		{name: "valid", content: `{"version":1,"artifacts":{"prd":{"outputs":[],"inputs":[],"settings":{},"provider":"offline","model":"offline","prodgen":"v1","usage":{"prompt_tokens":0,"completion_tokens":0},"requests":1,"generated":"x"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), LockFile)
			if tt.content != "" {
				if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			l, err := LoadLock(path)
			if tt.want == "" {
				if err != nil || l.Artifacts == nil {
					t.Fatalf("LoadLock: %v, %+v", err, l)
				}
				return
			}
			var le *LockError
			if !errors.As(err, &le) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a LockError mentioning %q", err, tt.want)
			}
		})
	}
}

// The lock's JSON is stable: saving what was loaded gives the same bytes.
func TestLockRoundTrip(t *testing.T) {
	p := newProject(t, offline.New())
	p.Lock, _ = LoadLock(p.Abs(LockFile))
	res, err := p.PRD(t.Context(), "brief.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Record(res, map[string]string{"provider": "auto"}, "v1", "2026-11-25T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	first, err := os.ReadFile(p.Abs(LockFile))
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadLock(p.Abs(LockFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Save(p.Abs(LockFile)); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(p.Abs(LockFile))
	if string(first) != string(second) {
		t.Errorf("lock changed on a load and save:\n%s\n---\n%s", first, second)
	}
	// Recording the same document again keeps its generation time.
	if err := p.Record(res, map[string]string{"provider": "auto"}, "v1", "2030-01-01T00:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if got := p.Lock.Artifacts["prd"].Generated; got != "2026-11-25T00:00:00Z" {
		t.Errorf("generated = %s, want the first generation's time", got)
	}
}

func TestStatus(t *testing.T) {
	settings := map[string]string{"provider": "auto"}
	p := newProject(t, offline.New())
	p.Brief = "brief.md"
	p.Lock, _ = LoadLock(p.Abs(LockFile))
	prd := Stages[0]
	tests := []struct {
		name   string
		change func(t *testing.T)
		want   State
		reason string
	}{
		{name: "never generated", want: Missing, reason: "not generated yet"},
		{name: "generated", change: func(t *testing.T) {
			res, err := p.Run(t.Context(), "prd")
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Record(res, settings, "v1", "now"); err != nil {
				t.Fatal(err)
			}
		}, want: Fresh},
		{name: "brief changed", change: func(t *testing.T) { appendTo(t, p.Abs("brief.md"), "- Import habits.\n") }, want: Stale, reason: "brief.md changed"},
		{name: "edited by hand", change: func(t *testing.T) { appendTo(t, p.Abs(p.PRDPath()), "\nMore.\n") }, want: Edited},
		{name: "deleted", change: func(t *testing.T) { os.Remove(p.Abs(p.PRDPath())) }, want: Missing, reason: "deleted"},
	}
	for _, tt := range tests {
		if tt.change != nil {
			tt.change(t)
		}
		st, err := p.Status(prd, settings, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if st.State != tt.want || !strings.Contains(st.Reason, tt.reason) {
			t.Errorf("%s: got %s (%s), want %s (%s)", tt.name, st.State, st.Reason, tt.want, tt.reason)
		}
	}
}

func TestChangedSettings(t *testing.T) {
	tests := []struct {
		recorded, current map[string]string
		want              string
	}{
		{map[string]string{"model": "a"}, map[string]string{"model": "a"}, ""},
		{map[string]string{"model": "a"}, map[string]string{"model": "b"}, `settings changed: model "a" → "b"`},
		{map[string]string{"temperature": "0"}, map[string]string{}, `settings changed: temperature "0" → unset`},
	}
	for _, tt := range tests {
		if got := changedSettings(tt.recorded, tt.current); got != tt.want {
			t.Errorf("changedSettings(%v, %v) = %q, want %q", tt.recorded, tt.current, got, tt.want)
		}
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
