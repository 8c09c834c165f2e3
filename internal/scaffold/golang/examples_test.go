package golang

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// examplePlan is the API the planner makes from one example's docs.
type examplePlan struct {
	name string
	api  *scaffold.API
}

// examplePlans plans every example under the repository's examples folder
// that has a tech spec with something to build.
func examplePlans(t *testing.T) []examplePlan {
	t.Helper()
	techs, err := filepath.Glob(filepath.Join("..", "..", "..", "examples", "*", "docs", "tech.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(techs) == 0 {
		t.Fatal("no examples/*/docs/tech.md")
	}
	var plans []examplePlan
	for _, path := range techs {
		docs := filepath.Dir(path)
		name := filepath.Base(filepath.Dir(docs))
		tech, err := artifact.ParseTech(readFile(t, path))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var stories *artifact.Stories
		if src, err := os.ReadFile(filepath.Join(docs, "stories.md")); err == nil {
			if stories, err = artifact.ParseStories(src); err != nil {
				t.Fatalf("%s: stories: %v", name, err)
			}
		}
		api, err := scaffold.Plan(tech, stories)
		if errors.Is(err, scaffold.ErrNoAPI) {
			continue
		}
		if err != nil {
			t.Fatalf("%s: plan: %v", name, err)
		}
		plans = append(plans, examplePlan{name, api})
	}
	return plans
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExamplesPass generates each example's prototype and runs go vet and
// go test on it, offline, as TestGeneratedProjectPasses does.
func TestExamplesPass(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go toolchain")
	}
	for _, ex := range examplePlans(t) {
		t.Run(ex.name, func(t *testing.T) {
			t.Parallel()
			files, err := Generate(ex.api)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeFiles(t, files)
			goRun(t, dir, "vet", "./...")
			goRun(t, dir, "test", "-count=1", "./...")
		})
	}
}
