package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// The prompts commands with paths the script cannot spell: an absolute
// prompts_dir, and one that is a file.
func TestPromptsPaths(t *testing.T) {
	shared := filepath.Join(t.TempDir(), "shared prompts")
	tests := []struct {
		name       string
		config     string // prodgen.yaml; "" for none
		files      []string
		args       []string
		code       int
		stdout     []string
		stderr     []string
		notStderr  []string
		wantExists []string
	}{
		{
			name:       "eject into an absolute folder that is not configured",
			args:       []string{"prompts", "eject", shared},
			stderr:     []string{"wrote " + filepath.ToSlash(filepath.Join(shared, "prd.md")), "set prompts_dir: " + filepath.ToSlash(shared) + " in prodgen.yaml"},
			wantExists: []string{filepath.Join(shared, "tech.md")},
		},
		{
			name:      "eject into the configured absolute folder",
			config:    "prompts_dir: " + shared + "\n",
			args:      []string{"prompts", "eject", "--force"},
			stderr:    []string{"wrote " + filepath.ToSlash(filepath.Join(shared, "stories.md"))},
			notStderr: []string{"set prompts_dir"},
		},
		{
			name:   "list shows an absolute folder as configured",
			config: "prompts_dir: " + shared + "\n",
			args:   []string{"prompts", "list"},
			stdout: []string{"prd       " + filepath.Join(shared, "prd.md") + " "},
		},
		{
			name:   "the same folder named two ways needs no hint",
			config: "prompts_dir: ./p/../p/\n",
			args:   []string{"prompts", "eject", "p"},
			stderr: []string{"wrote p/scaffold.md"}, notStderr: []string{"set prompts_dir"},
		},
		{
			name:   "prompts_dir is a file",
			config: "prompts_dir: brief.md\n",
			files:  []string{"brief.md"},
			args:   []string{"prompts", "list"},
			code:   ExitUsage,
			stderr: []string{"prodgen: prompts_dir: brief.md is not a folder\n"},
		},
		{
			name:   "show without a name",
			args:   []string{"prompts", "show"},
			code:   ExitUsage,
			stderr: []string{"accepts 1 arg(s), received 0"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.config != "" {
				writePromptsTestFile(t, filepath.Join(dir, "prodgen.yaml"), tt.config)
			}
			for _, name := range tt.files {
				writePromptsTestFile(t, filepath.Join(dir, name), "# A file\n")
			}
			code, out, errOut := run(t, t.Context(), dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, w := range tt.notStderr {
				if strings.Contains(errOut, w) {
					t.Errorf("stderr has %q:\n%s", w, errOut)
				}
			}
			for _, p := range tt.wantExists {
				if _, err := os.Stat(p); err != nil {
					t.Errorf("%s: %v", p, err)
				}
			}
		})
	}
}

// Every prompts command documents itself.
func TestPromptsHelp(t *testing.T) {
	root, _ := newRootCmd(Deps{})
	cmd, _, err := root.Find([]string{"prompts"})
	if err != nil {
		t.Fatal(err)
	}
	cmds := append([]*cobra.Command{cmd}, cmd.Commands()...)
	if len(cmds) != 4 {
		t.Errorf("prompts has %d subcommands, want 3 (list, show, eject)", len(cmds)-1)
	}
	for _, c := range cmds {
		if c.Short == "" || c.Long == "" || c.Example == "" {
			t.Errorf("%q lacks Short, Long or Example", c.CommandPath())
		}
	}
}

func writePromptsTestFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
