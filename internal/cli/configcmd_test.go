package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/config"
)

// runEnv runs prodgen in dir with the environment env (pairs of name and
// value) and returns the exit code, stdout and stderr.
func runEnv(t *testing.T, dir string, env []string, args ...string) (int, string, string) {
	t.Helper()
	vars := map[string]string{}
	for i := 0; i+1 < len(env); i += 2 {
		vars[env[i]] = env[i+1]
	}
	var out, errOut bytes.Buffer
	deps := Deps{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, Dir: dir,
		Getenv: func(k string) string { return vars[k] }}
	code := Main(t.Context(), args, deps)
	return code, out.String(), errOut.String()
}

func TestConfigCommand(t *testing.T) {
	const secret = "sk-test-do-not-print"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prodgen.yaml"), []byte("model: gpt-4o\njobs: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"OPENAI_API_KEY", secret, "PRODGEN_JOBS", "3"}
	tests := []struct {
		name string
		args []string
		want []string // lines of the table, spaces squeezed
	}{
		{name: "sources", args: []string{"config"}, want: []string{
			"provider auto default", "model gpt-4o file prodgen.yaml", "jobs 3 env PRODGEN_JOBS",
			"api_key set env OPENAI_API_KEY", `base_url "" default`,
		}},
		{name: "flags", args: []string{"config", "--model", "o3", "--provider", "offline", "-v"}, want: []string{
			"model o3 flag --model", "provider offline flag --provider",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runEnv(t, dir, env, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var lines []string
			for l := range strings.SplitSeq(strings.TrimSpace(out), "\n") {
				lines = append(lines, strings.Join(strings.Fields(l), " "))
			}
			if len(lines) != len(config.Reference()) {
				t.Errorf("%d lines, want one per key (%d)", len(lines), len(config.Reference()))
			}
			for _, w := range tt.want {
				if !strings.Contains("\n"+strings.Join(lines, "\n")+"\n", "\n"+w+"\n") {
					t.Errorf("no line %q in\n%s", w, out)
				}
			}
			if strings.Contains(out+errOut, secret) {
				t.Errorf("the API key was printed:\n%s%s", out, errOut)
			}
			if !strings.Contains(errOut, "configuration file: prodgen.yaml") {
				t.Errorf("stderr %q does not name the file", errOut)
			}
		})
	}
}

func TestConfigJSON(t *testing.T) {
	const secret = "sk-test-do-not-print"
	code, out, errOut := runEnv(t, t.TempDir(), []string{"PRODGEN_API_KEY", secret}, "config", "--json", "-v", "--base-url", "http://localhost:11434/v1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out+errOut, secret) {
		t.Fatalf("the API key was printed:\n%s%s", out, errOut)
	}
	var got struct {
		File     *string `json:"file"`
		Settings []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if got.File == nil || *got.File != "" {
		t.Errorf("file = %v, want \"\" (no file)", got.File)
	}
	if len(got.Settings) != len(config.Reference()) {
		t.Fatalf("%d settings, want %d", len(got.Settings), len(config.Reference()))
	}
	want := map[string]map[string]any{
		"api_key":  {"key": "api_key", "value": "set", "source": "env", "origin": "PRODGEN_API_KEY", "secret": true},
		"base_url": {"key": "base_url", "value": "http://localhost:11434/v1", "source": "flag", "origin": "--base-url", "secret": false},
		"provider": {"key": "provider", "value": "auto", "source": "default", "origin": "", "secret": false},
	}
	for i, s := range got.Settings {
		if s["key"] != config.Reference()[i].Name {
			t.Errorf("setting %d is %v, want %s", i, s["key"], config.Reference()[i].Name)
		}
		if len(s) != 5 {
			t.Errorf("setting %v has %d fields, want 5", s, len(s))
		}
		if w, ok := want[s["key"].(string)]; ok {
			for k, v := range w {
				if s[k] != v {
					t.Errorf("%s.%s = %v, want %v", s["key"], k, s[k], v)
				}
			}
		}
	}
}

func TestConfigBadFile(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{name: "unknown key", file: "jbos: 2\n", want: `prodgen.yaml: unknown key "jbos" (did you mean "jobs"?)`},
		{name: "out of range", file: "jobs: 0\n", want: "prodgen.yaml: jobs: 0 is out of range (allowed: 1 to 64)"},
		{name: "bad price", file: "prices:\n  gpt-4o: {input: 1, outptu: 2}\n", want: `unknown field "outptu"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "prodgen.yaml"), []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runEnv(t, dir, nil, "config")
			if code != ExitUsage || out != "" || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errOut, tt.want)
			}
		})
	}
}
