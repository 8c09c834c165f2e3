package pipeline

import (
	"os"
	"strings"
	"testing"
)

// A prototype is merged file by file, as a document is item by item: a
// file prodgen wrote and nobody touched follows the documents, an edited
// one is kept and recorded as the person's, a deleted one stays deleted,
// and check is green after each generate.
func TestPrototypeFilesMerge(t *testing.T) {
	p := newProject(t, matrixBrief, Offline(nil))
	generate(t, p)
	plan, err := p.Plan(Selection{Stage: ScaffoldStage("go")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Execute(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
	api := read(t, p, "prototype/go/api.go")
	appendTo(t, p.Abs("prototype/go/main.go"), "\n// A note of mine.\n")
	if err := os.Remove(p.Abs("prototype/go/README.md")); err != nil {
		t.Fatal(err)
	}
	write(t, p, "brief.md", matrixBrief+"- Archive a team.\n")
	generate(t, p)
	if !strings.Contains(read(t, p, "prototype/go/main.go"), "A note of mine.") {
		t.Error("the hand-edited main.go was overwritten")
	}
	if _, err := os.Stat(p.Abs("prototype/go/README.md")); !os.IsNotExist(err) {
		t.Errorf("the README a person deleted came back: %v", err)
	}
	if read(t, p, "prototype/go/api.go") == api {
		t.Error("api.go, untouched, did not follow the new feature")
	}
	plan, err = p.Plan(Selection{})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range plan.Statuses {
		if !st.Fresh() {
			t.Errorf("%s is %s (%s) after generate", st.Path, st.State, st.Reason)
		}
	}
	l, err := readLock(p.Abs(lockFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range l.Artifacts[ScaffoldStage("go")].Outputs {
		if _, err := os.Stat(p.Abs(out.Path)); err != nil {
			t.Errorf("the lock records %s, which is not on disk", out.Path)
		}
	}
	// An edit since: accept takes the folder as it is.
	appendTo(t, p.Abs("prototype/go/store.go"), "\n// Another note.\n")
	if _, err := p.Accept("prototype/go"); err != nil {
		t.Fatal(err)
	}
	if plan, _ := p.Plan(Selection{}); !plan.Statuses[3].Fresh() {
		t.Errorf("accepted prototype is %+v", plan.Statuses[3])
	}
}
