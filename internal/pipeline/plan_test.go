package pipeline

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// generate plans every stage before running any: a document downstream it
// may not overwrite (one the lock does not know) refuses the whole run, so
// no model is asked and nothing is written.
func TestPlanRefusesBeforeAnyCall(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	plan, err := p.Plan(Selection{Only: []string{"prd"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Execute(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	appendTo(t, p.Abs("brief.md"), "- Import habits from a spreadsheet.\n")
	if err := os.WriteFile(p.Abs(p.storiesPath()), []byte("# User stories: Tiny\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prdBefore, _ := os.ReadFile(p.Abs(p.prdPath()))
	m, f := modelWith(p, 1, nil)
	plan, err = m.Plan(Selection{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Stop == nil || plan.Stop.Path != p.storiesPath() || plan.Stop.State != unlocked {
		t.Fatalf("plan stops at %+v, want the stories the lock does not know", plan.Stop)
	}
	ran, err := m.Execute(t.Context(), plan)
	var refused *RefusedError
	if !errors.As(err, &refused) || ran != 0 {
		t.Fatalf("Execute = %d, %v; want a refusal and nothing run", ran, err)
	}
	if len(f.got) != 0 {
		t.Errorf("%d model requests before refusing, want none", len(f.got))
	}
	if prdAfter, _ := os.ReadFile(p.Abs(p.prdPath())); !bytes.Equal(prdBefore, prdAfter) {
		t.Errorf("the PRD upstream of the refusal was rewritten")
	}
	// --force runs every stage whatever its state.
	plan, err = p.Plan(Selection{Force: true})
	if err != nil || len(plan.steps) != 3 || plan.Stop != nil {
		t.Fatalf("forced plan %+v, %v; want all three stages", plan, err)
	}
}

// A stage planned because its input was stale is skipped when the stage
// before it, run again, wrote the same document: make's rule.
func TestExecuteSkipsWhatCameOutTheSame(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	plan, _ := p.Plan(Selection{})
	if _, err := p.Execute(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	// A blank line changes the brief's bytes, not the PRD made from it.
	appendTo(t, p.Abs("brief.md"), "\n")
	plan, err := p.Plan(Selection{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.steps) != 3 || !strings.Contains(plan.steps[1].Reason, "docs/prd.md is stale") {
		t.Fatalf("planned %+v, want all three, stories because the PRD is stale", plan.steps)
	}
	ran, err := p.Execute(t.Context(), plan)
	if err != nil || ran != 1 {
		t.Fatalf("Execute = %d, %v; want only the PRD to run", ran, err)
	}
	if plan, _ := p.Plan(Selection{}); len(plan.steps) != 0 {
		t.Errorf("after the run, %+v still planned", plan.steps)
	}
}

// A dry run shows the plan with the prompts a model would be sent, and
// sends nothing and writes nothing.
func TestDryRunSendsNothing(t *testing.T) {
	p, f := modelWith(newProject(t, briefText, nil), 1, nil)
	plan, err := p.Plan(Selection{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := p.WriteDryRun(&out, plan, DryRun{Model: "m"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"prd: would run: not generated yet", "=== prd: request 1 of 1", "Export check-in history as CSV",
		"stories: would run:", "its prompt is built from docs/prd.md, which an earlier stage writes first", "no price is configured for m"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run lacks %q:\n%s", want, out.String())
		}
	}
	if len(f.got) != 0 {
		t.Errorf("%d requests sent by a dry run", len(f.got))
	}
	if _, err := os.Stat(p.Abs("docs")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dry run created docs/")
	}
}

// A stage written elsewhere with -o is not the project's document: the
// lock does not record it, and the document in place is left alone.
func TestOutputElsewhereIsNotRecorded(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	plan, err := p.Plan(Selection{Stage: "prd", Output: "draft.md"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Execute(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p.Abs("draft.md")); err != nil {
		t.Errorf("draft.md: %v", err)
	}
	if _, err := os.Stat(p.Abs(lockFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock recorded a document written elsewhere: %v", err)
	}
	var out bytes.Buffer
	plan, _ = p.Plan(Selection{Stage: "prd", Output: "-", Stdout: &out})
	if _, err := p.Execute(t.Context(), plan); err != nil || !strings.Contains(out.String(), "\n# Product requirements: Tiny\n") {
		t.Errorf("-o - printed %q, %v", out.String(), err)
	}
}

// accept takes a hand-edited document as its stage's baseline; a file that
// is not one of the project's documents, a prototype's folder included, is
// refused by name.
func TestAccept(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	mustRun(t, p, "prd")
	appendTo(t, p.Abs(p.prdPath()), "\nMore notes.\n")
	if stage, err := p.Accept(p.prdPath()); err != nil || stage != "prd" {
		t.Fatalf("Accept = %q, %v", stage, err)
	}
	if plan, _ := p.Plan(Selection{Only: []string{"prd"}}); !plan.Statuses[0].Fresh() {
		t.Errorf("accepted PRD is %+v, want fresh", plan.Statuses[0])
	}
	for _, path := range []string{"brief.md", "prototype/go"} {
		if _, err := p.Accept(path); err == nil || !strings.Contains(err.Error(), "is not one of the project's documents (docs/prd.md, docs/stories.md, docs/tech.md)") {
			t.Errorf("Accept(%s) = %v", path, err)
		}
	}
}
