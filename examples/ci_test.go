package examples

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestGitHubActionsRecipe checks the CI recipe the README points to: it
// parses, checks on pull requests, and regenerates with the key from
// secrets on a schedule or by hand.
func TestGitHubActionsRecipe(t *testing.T) {
	data, err := os.ReadFile("ci/github-actions.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On   map[string]any `yaml:"on"`
		Jobs map[string]struct {
			If    string `yaml:"if"`
			Steps []struct {
				Run string            `yaml:"run"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("ci/github-actions.yml: %v", err)
	}
	for _, trigger := range []string{"pull_request", "schedule", "workflow_dispatch"} {
		if _, ok := wf.On[trigger]; !ok {
			t.Errorf("the workflow does not run on %s", trigger)
		}
	}
	runs := func(job string) string {
		var all []string
		for _, s := range wf.Jobs[job].Steps {
			all = append(all, s.Run)
			for k, v := range s.Env {
				all = append(all, k+"="+v)
			}
		}
		return strings.Join(all, "\n")
	}
	checks := []struct{ job, want string }{
		{"check", "prodgen check"},
		{"check", "prodgen lint"},
		{"regenerate", "prodgen generate"},
		{"regenerate", "OPENAI_API_KEY=${{ secrets.OPENAI_API_KEY }}"},
		{"regenerate", "gh pr create"},
	}
	for _, c := range checks {
		if !strings.Contains(runs(c.job), c.want) {
			t.Errorf("job %s does not run %q", c.job, c.want)
		}
	}
	if !strings.Contains(wf.Jobs["check"].If, "pull_request") {
		t.Errorf("the check job runs on %q, want pull requests only", wf.Jobs["check"].If)
	}
}
