package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every "fix:" check prints, run as printed, makes progress: the finding
// it was printed for goes away or moves on. Each scenario below makes one
// kind of finding; every command of its fix is run in a copy of the
// project.
func TestEveryHintWorks(t *testing.T) {
	const brief = "# Streaks\n\n## Target users\n\n- **Team lead**: sets the habits.\n\n## Features\n\n" +
		"- Create a team and invite members by email link.\n- Export check-in history as CSV.\n"
	generated := func(t *testing.T, dir string) {
		writeFile(t, dir, "brief.md", brief)
		mustMain(t, dir, "generate")
	}
	scenarios := []struct {
		name  string
		setup func(t *testing.T, dir string)
		path  string // the document whose finding's fix is run
	}{
		{"an empty folder", func(*testing.T, string) {}, "docs/prd.md"},
		{"not generated yet", func(t *testing.T, dir string) { writeFile(t, dir, "brief.md", brief) }, "docs/prd.md"},
		{"stale", func(t *testing.T, dir string) {
			generated(t, dir)
			writeFile(t, dir, "brief.md", brief+"- Pause a habit for a week.\n")
		}, "docs/prd.md"},
		{"downstream of a stale document", func(t *testing.T, dir string) {
			generated(t, dir)
			writeFile(t, dir, "brief.md", brief+"- Pause a habit for a week.\n")
		}, "docs/stories.md"},
		{"edited by hand", func(t *testing.T, dir string) {
			generated(t, dir)
			replaceIn(t, dir, "docs/prd.md", "email link", "email or SMS link")
		}, "docs/prd.md"},
		{"downstream of a hand edit", func(t *testing.T, dir string) {
			generated(t, dir)
			replaceIn(t, dir, "docs/prd.md", "email link", "email or SMS link")
		}, "docs/stories.md"},
		{"edited, with a lock from before the ledger", func(t *testing.T, dir string) {
			generated(t, dir)
			data, err := os.ReadFile(filepath.Join(dir, "prodgen.lock"))
			if err != nil {
				t.Fatal(err)
			}
			var lock map[string]any
			if err := json.Unmarshal(data, &lock); err != nil {
				t.Fatal(err)
			}
			lock["version"] = 1
			for _, e := range lock["artifacts"].(map[string]any) {
				delete(e.(map[string]any), "items")
			}
			data, _ = json.Marshal(lock)
			writeFile(t, dir, "prodgen.lock", string(data))
			replaceIn(t, dir, "docs/prd.md", "email link", "email or SMS link")
		}, "docs/prd.md"},
		{"deleted", func(t *testing.T, dir string) {
			generated(t, dir)
			os.Remove(filepath.Join(dir, "docs/tech.md"))
		}, "docs/tech.md"},
		{"not in the lock", func(t *testing.T, dir string) {
			generated(t, dir)
			os.Remove(filepath.Join(dir, "prodgen.lock"))
		}, "docs/prd.md"},
		{"a conflict", func(t *testing.T, dir string) {
			generated(t, dir)
			replaceIn(t, dir, "docs/prd.md", "invite members by email link", "invite up to 50 members")
			writeFile(t, dir, "brief.md", strings.Replace(brief, "email link", "email or SMS link", 1))
			mustMain(t, dir, "generate")
		}, "docs/prd.md"},
		{"a stopped run", func(t *testing.T, dir string) {
			generated(t, dir)
			replaceIn(t, dir, "docs/tech.md", "Technical requirements", "Technical requirements (being written)")
			writeFile(t, dir, "prodgen.lock.next", `{"version":2,"artifacts":{"tech":{"outputs":[{"path":"docs/tech.md","sha256":"00"}],`+
				`"inputs":[],"settings":{},"provider":"offline","model":"offline","prodgen":"x","usage":{"prompt_tokens":0,"completion_tokens":0},`+
				`"requests":1,"generated":"x"}},"writing":["tech"]}`)
		}, "docs/tech.md"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			base := t.TempDir()
			sc.setup(t, base)
			before := finding(t, base, sc.path)
			if before.State == "fresh" {
				t.Fatalf("%s has no finding to fix", sc.path)
			}
			commands := fixCommands(before.Fix)
			if len(commands) == 0 {
				t.Fatalf("%s: %s has no fix command: %q", sc.path, before.State, before.Fix)
			}
			for _, command := range commands {
				dir := copyDir(t, base)
				args := strings.Fields(strings.TrimPrefix(command, "prodgen "))
				if code, _, errOut := run(t, t.Context(), dir, args...); code != ExitOK {
					t.Errorf("%q, the fix for %s (%s: %s), exits %d: %s", command, sc.path, before.State, before.Reason, code, errOut)
					continue
				}
				after := finding(t, dir, sc.path)
				if after.State == before.State && after.Reason == before.Reason {
					t.Errorf("%q made no progress on %s: still %s (%s)", command, sc.path, after.State, after.Reason)
				}
			}
		})
	}
}

// docStatus is one document in check --json.
type docStatus struct {
	Path, State, Reason, Fix string
}

// finding is path's entry in check --json run in dir.
func finding(t *testing.T, dir, path string) docStatus {
	t.Helper()
	_, out, errOut := run(t, t.Context(), dir, "check", "--json")
	var report struct{ Documents []docStatus }
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("check --json: %v\n%s%s", err, out, errOut)
	}
	for _, d := range report.Documents {
		if d.Path == path {
			return d
		}
	}
	t.Fatalf("check does not list %s:\n%s", path, out)
	return docStatus{}
}

// fixCommands splits a fix, "prodgen a (why) or prodgen b (why)", into its
// commands; "--keep mine or --keep theirs" offers both.
func fixCommands(fix string) []string {
	fix = regexp.MustCompile(` \([^()]*(\([^()]*\)[^()]*)*\)`).ReplaceAllString(fix, "")
	var out []string
	for _, part := range strings.Split(fix, " or ") {
		part = strings.TrimSpace(part)
		switch {
		case strings.HasPrefix(part, "prodgen "):
			out = append(out, part)
		case strings.HasPrefix(part, "--") && len(out) > 0:
			prev := out[len(out)-1]
			out = append(out, prev[:strings.LastIndex(prev, " --")]+" "+part)
		}
	}
	return out
}

func mustMain(t *testing.T, dir string, args ...string) {
	t.Helper()
	if code, _, errOut := run(t, t.Context(), dir, args...); code != ExitOK {
		t.Fatalf("prodgen %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceIn(t *testing.T, dir, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s lacks %q: %v", name, old, err)
	}
	writeFile(t, dir, name, strings.Replace(string(data), old, new, 1))
}

func copyDir(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	if out, err := exec.Command("cp", "-a", from+"/.", to).CombinedOutput(); err != nil {
		t.Fatalf("copy: %v: %s", err, out)
	}
	return to
}
