package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
			path := filepath.Join(t.TempDir(), lockFile)
			if tt.content != "" {
				if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			l, err := readLock(path)
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

// The lock's JSON is stable: saving what was loaded gives the same bytes,
// and recording the same document again keeps its generation time.
func TestLockRoundTrip(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	p = with(p, func(o *Options) { o.Now = func() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) } })
	mustRun(t, p, "prd")
	first, err := os.ReadFile(p.Abs(lockFile))
	if err != nil {
		t.Fatal(err)
	}
	l, err := readLock(p.Abs(lockFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.save(p.opts.Root); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(p.Abs(lockFile))
	if string(first) != string(second) {
		t.Errorf("lock changed on a load and save:\n%s\n---\n%s", first, second)
	}
	later := with(p, func(o *Options) { o.Now = func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) } })
	mustRun(t, later, "prd")
	if l, _ := readLock(p.Abs(lockFile)); l.Artifacts["prd"].Generated != "2026-11-25T00:00:00Z" {
		t.Errorf("generated = %s, want the first generation's time", l.Artifacts["prd"].Generated)
	}
}

func TestStatus(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	tests := []struct {
		name   string
		change func(t *testing.T)
		want   state
		reason string
	}{
		{name: "never generated", want: missing, reason: "not generated yet"},
		{name: "generated", change: func(t *testing.T) { mustRun(t, p, "prd") }, want: fresh},
		{name: "brief changed", change: func(t *testing.T) { appendTo(t, p.Abs("brief.md"), "- Import habits.\n") }, want: stale, reason: "brief.md changed"},
		{name: "brief changed and edited by hand", change: func(t *testing.T) { appendTo(t, p.Abs(p.prdPath()), "\nMore.\n") },
			want: stale, reason: "brief.md changed since it was generated; its hand edits are kept"},
		{name: "regenerated, edits kept", change: func(t *testing.T) { mustRun(t, p, "prd") }, want: fresh},
		{name: "edited by hand", change: func(t *testing.T) { appendTo(t, p.Abs(p.prdPath()), "\n- Another note.\n") }, want: edited, reason: "edited by hand"},
		{name: "deleted", change: func(t *testing.T) { os.Remove(p.Abs(p.prdPath())) }, want: missing, reason: "deleted"},
	}
	for _, tt := range tests {
		if tt.change != nil {
			tt.change(t)
		}
		plan, err := p.Plan(Selection{Only: []string{"prd"}})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		st := plan.Statuses[0]
		if st.State != tt.want || !strings.Contains(st.Reason, tt.reason) {
			t.Errorf("%s: got %s (%s), want %s (%s)", tt.name, st.State, st.Reason, tt.want, tt.reason)
		}
	}
}

// Only a model-written document depends on the settings that shape a
// model's answer; which engine wrote it is a fact about it, never a
// changed setting.
func TestChangedSettings(t *testing.T) {
	tests := []struct {
		provider          string
		recorded, current map[string]string
		want              string
	}{
		{"openai", map[string]string{"model": "a"}, map[string]string{"model": "a"}, ""},
		{"openai", map[string]string{"model": "a"}, map[string]string{"model": "b"}, `settings changed: model "a" → "b"`},
		{"openai", map[string]string{"temperature": "0"}, map[string]string{}, `settings changed: temperature "0" → unset`},
		{"openai", map[string]string{"provider": "openai", "model": "a"}, map[string]string{"provider": "auto", "model": "a"}, ""},
		{"offline", map[string]string{"provider": "auto", "model": "a"}, map[string]string{"provider": "openai", "model": "b"}, ""},
		{"hand-written", map[string]string{"temperature": "1"}, map[string]string{}, ""},
	}
	for _, tt := range tests {
		if got := changedSettings(&entry{Provider: tt.provider, Settings: tt.recorded}, tt.current); got != tt.want {
			t.Errorf("changedSettings(%s %v, %v) = %q, want %q", tt.provider, tt.recorded, tt.current, got, tt.want)
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
