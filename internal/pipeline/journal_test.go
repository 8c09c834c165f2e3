package pipeline

import (
	"fmt"
	"os"
	"testing"
)

// stop is the panic a test hook raises to stop a run where it stands, as
// a kill would: no cleanup but the deferred closing of files.
type stop struct{}

// A run stopped at any write leaves the old state, the new one, or a
// journal that the next run applies: the next run never takes prodgen's own
// output for a person's edit, and completes.
func TestStoppedRunsRecover(t *testing.T) {
	done := false
	for n := 1; !done && n < 100; n++ {
		t.Run(fmt.Sprintf("stopped at write point %d", n), func(t *testing.T) {
			p := newProject(t, matrixBrief, Offline(nil))
			generate(t, p)
			plan, err := p.Plan(Selection{Stage: ScaffoldStage("go")})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Execute(t.Context(), plan); err != nil {
				t.Fatal(err)
			}
			write(t, p, "brief.md", matrixBrief+"- Pause a habit for a week.\n")
			calls, point := 0, ""
			crashing := with(p, func(o *Options) {
				o.crashAt = func(at string) {
					if calls++; calls == n {
						point = at
						panic(stop{})
					}
				}
			})
			if !stopsRun(t, crashing) {
				done = true
				t.Skipf("a run has fewer than %d write points", n)
			}
			plan, err = p.Plan(Selection{})
			if err != nil {
				t.Fatalf("after a stop at %q: %v", point, err)
			}
			for _, st := range plan.Statuses {
				if st.State == edited || st.State == unlocked {
					t.Errorf("after a stop at %q, %s is %s (%s): prodgen's own output taken for a person's", point, st.Path, st.State, st.Reason)
				}
			}
			generate(t, p)
			plan, err = p.Plan(Selection{})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range plan.Statuses {
				if !st.Fresh() {
					t.Errorf("after a stop at %q and a new run, %s is %s (%s)", point, st.Path, st.State, st.Reason)
				}
			}
			l, err := readLock(p.Abs(lockFile))
			if err != nil {
				t.Fatal(err)
			}
			for name, e := range l.Artifacts {
				for _, it := range e.Items {
					if it.Owner == person {
						t.Errorf("after a stop at %q, %s's %s is recorded as a person's", point, name, it.Key)
					}
				}
			}
			if _, err := os.Stat(p.Abs(journalFile)); !os.IsNotExist(err) {
				t.Errorf("the journal is left behind: %v", err)
			}
		})
	}
}

// stopsRun runs generate on p and reports whether its hook stopped it.
func stopsRun(t *testing.T, p *Project) (stopped bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stop); !ok {
				panic(r)
			}
			stopped = true
		}
	}()
	generate(t, p)
	return false
}
