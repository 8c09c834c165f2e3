package examples

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow the tests read.
type workflow struct {
	On   map[string]any    `yaml:"on"`
	Env  map[string]string `yaml:"env"`
	Jobs map[string]job    `yaml:"jobs"`
}

type job struct {
	If          string            `yaml:"if"`
	Permissions map[string]string `yaml:"permissions"`
	Env         map[string]string `yaml:"env"`
	Steps       []step            `yaml:"steps"`
}

type step struct {
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
}

// runs returns the job's run scripts and step variables, as one text.
func (j job) runs() string {
	var all []string
	for _, s := range j.Steps {
		all = append(all, s.Run)
		for k, v := range s.Env {
			all = append(all, k+"="+v)
		}
	}
	return strings.Join(all, "\n")
}

// step returns the first step whose run script holds cmd.
func (j job) step(cmd string) (step, bool) {
	for _, s := range j.Steps {
		if strings.Contains(s.Run, cmd) {
			return s, true
		}
	}
	return step{}, false
}

func readRecipe(t *testing.T) (string, workflow) {
	t.Helper()
	data, err := os.ReadFile("ci/github-actions.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("ci/github-actions.yml: %v", err)
	}
	return string(data), wf
}

// TestGitHubActionsRecipe checks the CI recipe the README points to: it
// parses, checks on pull requests, and regenerates with the key from
// secrets on a schedule or by hand.
func TestGitHubActionsRecipe(t *testing.T) {
	_, wf := readRecipe(t)
	for _, trigger := range []string{"pull_request", "schedule", "workflow_dispatch"} {
		if _, ok := wf.On[trigger]; !ok {
			t.Errorf("the workflow does not run on %s", trigger)
		}
	}
	checks := []struct{ job, want string }{
		{"check", "prodgen check"},
		{"check", "prodgen lint"},
		{"check", "prodgen diff --base"},
		{"regenerate", "prodgen generate"},
		{"regenerate", "OPENAI_API_KEY=${{ secrets.OPENAI_API_KEY }}"},
		{"regenerate", "gh pr create"},
	}
	for _, c := range checks {
		if !strings.Contains(wf.Jobs[c.job].runs(), c.want) {
			t.Errorf("job %s does not run %q", c.job, c.want)
		}
	}
	if !strings.Contains(wf.Jobs["check"].If, "pull_request") {
		t.Errorf("the check job runs on %q, want pull requests only", wf.Jobs["check"].If)
	}
}

// TestGitHubActionsRecipeWorksInARealRepository checks what a copy of the
// recipe needs to behave in someone's repository.
func TestGitHubActionsRecipeWorksInARealRepository(t *testing.T) {
	text, wf := readRecipe(t)

	t.Run("a pinned prodgen version", func(t *testing.T) {
		if strings.Contains(text, "@latest") {
			t.Error("the recipe installs @latest; pin a release with PRODGEN_VERSION")
		}
		if v := wf.Env["PRODGEN_VERSION"]; !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(v) {
			t.Errorf("PRODGEN_VERSION is %q, want a release such as v1.2.3 in the workflow's env", v)
		}
		for name, j := range wf.Jobs {
			s, ok := j.step("go install")
			if !ok || !strings.Contains(s.Run, "github.com/prodgen/prodgen/cmd/prodgen@${PRODGEN_VERSION}") {
				t.Errorf("job %s does not install prodgen@${PRODGEN_VERSION}: %q", name, s.Run)
			}
		}
	})

	t.Run("settings come from prodgen.yaml", func(t *testing.T) {
		// A flag or variable one job sets and the other does not would be
		// recorded in prodgen.lock and make check call everything stale.
		setting := regexp.MustCompile(`--(provider|model|base-url)\b|PRODGEN_(PROVIDER|MODEL|BASE_URL)\b`)
		for name, j := range wf.Jobs {
			if m := setting.FindString(j.runs()); m != "" {
				t.Errorf("job %s sets %s; settings belong in prodgen.yaml", name, m)
			}
			for k := range j.Env {
				if setting.MatchString(k) {
					t.Errorf("job %s sets %s; settings belong in prodgen.yaml", name, k)
				}
			}
		}
		for k := range wf.Env {
			if setting.MatchString(k) {
				t.Errorf("the workflow sets %s; settings belong in prodgen.yaml", k)
			}
		}
	})

	check := wf.Jobs["check"]
	t.Run("lint runs when check fails", func(t *testing.T) {
		s, ok := check.step("prodgen lint")
		if !ok {
			t.Fatal("the check job has no lint step")
		}
		if !strings.Contains(s.If, "always()") && !strings.Contains(s.If, "!cancelled()") {
			t.Errorf("the lint step runs if %q; want always() or !cancelled(), so it runs when check fails", s.If)
		}
	})

	t.Run("the semantic diff is a pull request comment", func(t *testing.T) {
		s, ok := check.step("prodgen diff")
		if !ok {
			t.Fatal("the check job has no prodgen diff step")
		}
		for _, want := range []string{`prodgen diff --base "origin/${BASE_REF}" > prodgen-diff.md`, "gh pr comment", "--edit-last", "--body-file prodgen-diff.md", "||"} {
			if !strings.Contains(s.Run, want) {
				t.Errorf("the diff step does not run %q:\n%s", want, s.Run)
			}
		}
		if s.Env["BASE_REF"] != "${{ github.base_ref }}" {
			t.Errorf("BASE_REF is %q, want the pull request's base branch", s.Env["BASE_REF"])
		}
		if !strings.Contains(s.If, "!cancelled()") && !strings.Contains(s.If, "always()") {
			t.Errorf("the diff step runs if %q; want it to run when check fails", s.If)
		}
		if check.Permissions["pull-requests"] != "write" {
			t.Errorf("the check job's pull-requests permission is %q, want write to comment", check.Permissions["pull-requests"])
		}
		if check.Permissions["contents"] != "read" {
			t.Errorf("the check job's contents permission is %q, want read (job permissions replace the workflow's)", check.Permissions["contents"])
		}
		// origin/<base> exists only with the whole history.
		if len(check.Steps) == 0 || !strings.HasPrefix(check.Steps[0].Uses, "actions/checkout@") || check.Steps[0].With["fetch-depth"] != "0" {
			t.Errorf("the check job does not start with actions/checkout and fetch-depth: 0")
		}
	})

	t.Run("the header names the GitHub settings a user must change", func(t *testing.T) {
		header, _, _ := strings.Cut(text, "\nname:")
		for _, want := range []string{
			"Settings → Actions → General",
			`"Allow GitHub Actions to create and approve pull requests"`,
			"does not trigger workflows",
			"PRODGEN_PR_TOKEN",
		} {
			if !strings.Contains(header, want) {
				t.Errorf("the header does not say %q", want)
			}
		}
		if !strings.Contains(wf.Jobs["regenerate"].runs(), "GH_TOKEN=${{ secrets.PRODGEN_PR_TOKEN || github.token }}") {
			t.Error("gh pr create does not use PRODGEN_PR_TOKEN when it is set")
		}
	})
}
