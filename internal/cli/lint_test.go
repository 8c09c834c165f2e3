package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const lintPRD = `# Product requirements: Streaks

## Goals

- **G-1** Teams keep 80% of agreed habits for 8 weeks.

## Users

- **Team lead**: Sets the habits.

## Functional requirements

- **FR-001** The system must let a team lead create a team.

## Non-functional requirements

- **NFR-001** Pages must load in under 1 second at the 95th percentile.

## Success metrics

| Metric | Baseline | Target |
| --- | --- | --- |
| Median check-in time | – | under 10 seconds |

## Open questions

- **Q-1** Which Slack plans must be supported?
`

const lintStories = `# User stories: Streaks

## US-001 Create a team

As a team lead, I want to create a team.

Traces: FR-001

Acceptance criteria:

- **AC-001.1** Given a team lead, when they create a team named Core, then the team Core exists.
`

const lintTech = "# Technical requirements: Streaks\n" + `
## Data model

### Team

A group of people.

## API

| Method | Path | Purpose | Stories |
| --- | --- | --- | --- |
| POST | /teams | Create a team | US-001 |

## Tasks

- **T-001** Build team creation (US-001)
`

// lintProjectDir writes a project's files, path to content, and returns
// its folder.
func lintProjectDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func cleanDocs() map[string]string {
	return map[string]string{"docs/prd.md": lintPRD, "docs/stories.md": lintStories, "docs/tech.md": lintTech}
}

// under moves every file into a folder.
func under(prefix string, files map[string]string) map[string]string {
	out := make(map[string]string, len(files))
	for name, content := range files {
		out[prefix+name] = content
	}
	return out
}

func with(files map[string]string, name, content string) map[string]string {
	files[name] = content
	return files
}

func TestLint(t *testing.T) {
	vagueStories := strings.Replace(lintStories, "create a team.", "quickly create a team.", 1)
	tests := []struct {
		name    string
		files   map[string]string
		args    []string
		code    int
		stdout  string // exactly, unless "*" (anything)
		stderr  []string
		noError string // not in stderr
	}{
		{name: "clean", files: cleanDocs(), args: []string{"lint"},
			stderr: []string{"0 errors, 0 warnings, 1 open question in 3 files\n"}, noError: "prodgen:"},
		{name: "no documents", files: map[string]string{"brief.md": "# Streaks\n"}, args: []string{"lint"}, code: ExitUsage,
			stderr: []string{`prodgen: docs: no documents to lint (prd.md, stories.md, tech.md); run "prodgen generate" first`}, noError: "--help"},
		{name: "a missing document is skipped", files: map[string]string{"docs/prd.md": lintPRD, "docs/stories.md": lintStories}, args: []string{"lint"},
			stderr: []string{`docs/tech.md does not exist; skipped (run "prodgen tech" to write it)`, "in 2 files"}},
		{name: "quiet", files: map[string]string{"docs/prd.md": lintPRD}, args: []string{"lint", "-q"}, noError: "."},
		{name: "an error fails", files: with(cleanDocs(), "docs/stories.md", strings.Replace(lintStories, "FR-001", "FR-009", 1)), args: []string{"lint"},
			code:   ExitFailure,
			stdout: "docs/prd.md:13: fr-uncovered: FR-001 is not traced by any story in docs/stories.md\ndocs/stories.md:7: trace-dangling: US-001 traces to FR-009, which is not in docs/prd.md\n",
			stderr: []string{"2 errors, 0 warnings, 1 open question in 3 files\nprodgen: lint found 2 errors\n"}},
		{name: "a warning passes", files: with(cleanDocs(), "docs/stories.md", vagueStories), args: []string{"lint"},
			stdout: "docs/stories.md:5: vague-word: vague word \"quickly\": say how quickly, e.g. \"in under 10 seconds\"\n",
			stderr: []string{"0 errors, 1 warning, "}, noError: "prodgen:"},
		{name: "a warning fails with --strict", files: with(cleanDocs(), "docs/stories.md", vagueStories), args: []string{"lint", "--strict"},
			code: ExitFailure, stdout: "*", stderr: []string{"prodgen: lint found 1 warning (--strict)\n"}},
		{name: "github", files: with(cleanDocs(), "docs/stories.md", vagueStories), args: []string{"lint", "--format", "github"},
			stdout: "::warning file=docs/stories.md,line=5,title=vague-word::vague word \"quickly\": say how quickly, e.g. \"in under 10 seconds\"\n"},
		{name: "a named file, traced into the project's PRD", files: with(cleanDocs(), "other.md", strings.Replace(lintStories, "FR-001", "FR-002", 1)),
			args: []string{"lint", "./other.md"}, code: ExitFailure,
			stdout: "other.md:7: trace-dangling: US-001 traces to FR-002, which is not in docs/prd.md\n", stderr: []string{"in 1 file\n"}},
		{name: "out_dir moves the documents", files: with(cleanDocs(), "prodgen.yaml", "out_dir: documents\n"), args: []string{"lint"}, code: ExitUsage,
			stderr: []string{"prodgen: documents: no documents to lint"}},
		{name: "-C names documents from the project", files: under("proj/", with(cleanDocs(), "docs/stories.md", vagueStories)), args: []string{"-C", "proj", "lint"},
			stdout: "docs/stories.md:5: vague-word: vague word \"quickly\": say how quickly, e.g. \"in under 10 seconds\"\n"},
		{name: "no key needed for the openai provider", files: with(cleanDocs(), "prodgen.yaml", "provider: openai\n"), args: []string{"lint"}},
		{name: "unknown kind", files: with(cleanDocs(), "notes.md", "# Notes\n"), args: []string{"lint", "notes.md"}, code: ExitUsage,
			stderr: []string{"prodgen: notes.md: not a prodgen document"}},
		{name: "missing file", files: cleanDocs(), args: []string{"lint", "nope.md"}, code: ExitUsage,
			stderr: []string{"prodgen: nope.md: no such file\n"}},
		{name: "a folder", files: cleanDocs(), args: []string{"lint", "docs"}, code: ExitUsage,
			stderr: []string{"prodgen: docs: is a directory"}},
		{name: "bad format", files: cleanDocs(), args: []string{"lint", "--format", "xml"}, code: ExitUsage,
			stderr: []string{`invalid --format "xml": want text, json, github or sarif`}},
		{name: "json and another format", files: cleanDocs(), args: []string{"lint", "--json", "--format", "text"}, code: ExitUsage,
			stderr: []string{"--json and --format text cannot be used together"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := lintProjectDir(t, tt.files)
			code, out, errOut := run(t, t.Context(), dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if tt.stdout != "*" && out != tt.stdout {
				t.Errorf("stdout\n%s\nwant\n%s", out, tt.stdout)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr %q does not contain %q", errOut, s)
				}
			}
			if tt.noError != "" && strings.Contains(errOut, tt.noError) {
				t.Errorf("stderr %q contains %q", errOut, tt.noError)
			}
		})
	}
}

// --json and --format json write the same document, and nothing else goes
// to stdout.
func TestLintJSON(t *testing.T) {
	dir := lintProjectDir(t, with(cleanDocs(), "docs/stories.md", strings.Replace(lintStories, "FR-001", "FR-009", 1)))
	var outs []string
	for _, args := range [][]string{{"lint", "--json"}, {"lint", "--format", "json"}, {"lint", "--json", "--format", "json"}} {
		code, out, _ := run(t, t.Context(), dir, args...)
		if code != ExitFailure {
			t.Errorf("%v: exit code %d, want %d", args, code, ExitFailure)
		}
		outs = append(outs, out)
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Errorf("--json and --format json differ:\n%s\n%s\n%s", outs[0], outs[1], outs[2])
	}
	var doc struct {
		Files []struct {
			File          string `json:"file"`
			Kind          string `json:"kind"`
			OpenQuestions int    `json:"open_questions"`
		} `json:"files"`
		Findings []struct {
			File, Rule, Severity, Message string
			Line                          int
		} `json:"findings"`
		Summary struct {
			Errors        int `json:"errors"`
			Warnings      int `json:"warnings"`
			OpenQuestions int `json:"open_questions"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(outs[0]), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, outs[0])
	}
	if len(doc.Files) != 3 || doc.Files[0].File != "docs/prd.md" || doc.Files[0].Kind != "prd" || doc.Files[0].OpenQuestions != 1 {
		t.Errorf("files %+v", doc.Files)
	}
	if len(doc.Findings) != 2 || doc.Findings[1].File != "docs/stories.md" || doc.Findings[1].Line != 7 ||
		doc.Findings[1].Rule != "trace-dangling" || doc.Findings[1].Severity != "error" {
		t.Errorf("findings %+v", doc.Findings)
	}
	if doc.Summary.Errors != 2 || doc.Summary.Warnings != 0 || doc.Summary.OpenQuestions != 1 {
		t.Errorf("summary %+v", doc.Summary)
	}
}

func TestLintHelpListsEveryRule(t *testing.T) {
	code, out, _ := run(t, t.Context(), t.TempDir(), "lint", "--help")
	if code != ExitOK {
		t.Fatalf("exit code %d", code)
	}
	for _, id := range []string{"required-section", "trace-dangling", "vague-word", "open-questions"} {
		if !strings.Contains(out, id) {
			t.Errorf("help does not list %s", id)
		}
	}
}

// --format sarif writes one SARIF 2.1.0 log, the findings as results on
// their files and lines, and the exit code is lint's as in any format.
func TestLintSARIF(t *testing.T) {
	dir := lintProjectDir(t, with(cleanDocs(), "docs/stories.md", strings.Replace(lintStories, "FR-001", "FR-009", 1)))
	code, out, _ := run(t, t.Context(), dir, "lint", "--format", "sarif")
	if code != ExitFailure {
		t.Errorf("exit code %d, want %d", code, ExitFailure)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "prodgen" || log.Runs[0].Tool.Driver.Version == "" {
		t.Fatalf("log %+v", log)
	}
	res := log.Runs[0].Results
	if len(res) != 2 || res[1].RuleID != "trace-dangling" || res[1].Level != "error" ||
		res[1].Locations[0].PhysicalLocation.ArtifactLocation.URI != "docs/stories.md" || res[1].Locations[0].PhysicalLocation.Region.StartLine != 7 {
		t.Errorf("results %+v", res)
	}
}
