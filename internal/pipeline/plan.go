package pipeline

import (
	"fmt"
	"io"
	"slices"

	"github.com/prodgen/prodgen/internal/disk"
)

// Selection is what a command asks of the pipeline.
type Selection struct {
	// Stage, when set, runs that one stage whatever its state, as prodgen
	// prd or prodgen scaffold do. Empty runs every stage that is not up to
	// date, in order, as generate does.
	Stage string
	// Only limits generate to these stages.
	Only []string
	// Force runs stages that are up to date and overwrites hand edits (for
	// a prototype: files that exist and differ).
	Force bool
	// Input replaces the stage's default input (the brief for prd, the
	// PRD for stories).
	Input string
	// Output, when set, writes the stage's output there instead of its
	// place in the project, and does not record it: "-" prints a document
	// on Stdout.
	Output string
	Stdout io.Writer
	// Verify builds a prototype and runs its tests.
	Verify bool
	// AllowEmpty writes a PRD even when no feature could be read from the
	// brief.
	AllowEmpty bool
}

// Plan is what a command would do: each stage's state and whether it
// runs, decided before anything is sent or written.
type Plan struct {
	// Statuses are the states of the stages considered, in running order.
	Statuses []Status
	// steps are the stages that run, in order.
	steps []planStep
	// Stop is the hand-edited output a run would overwrite: the plan
	// refuses, and Execute runs nothing.
	Stop *Status

	sel  Selection
	lock *lock
}

// planStep is a stage the plan runs, and why.
type planStep struct {
	Stage  stage
	Reason string
	// adopt records a person's edits to the stage's output, whose inputs
	// did not change, without making it again: no model is called.
	adopt bool
}

// refuses reports whether a run must stop at a document rather than
// overwrite it: it is on disk but not in the lock, or was edited with no
// ledger to merge the edit by.
func refuses(st Status) bool { return st.State == unlocked || st.legacy }

// Plan works out what sel would do: which stages are fresh, stale (and
// why), edited by hand or missing, and so which run, which are skipped and
// whether the run must refuse. It reads the lock and hashes files; it
// calls no model and writes nothing.
func (p *Project) Plan(sel Selection) (*Plan, error) {
	l, err := p.loadLock()
	if err != nil {
		return nil, err
	}
	plan := &Plan{sel: sel, lock: l}
	// The project's own outputs are real files in its own folders: a docs
	// or prototype folder, or a document, that is a symlink is refused,
	// whatever reads or writes it. (An output the user names with -o is
	// theirs to place.)
	check := p.active(l)
	if sel.Stage != "" {
		check = nil
		if s, ok := lookup(sel.Stage); ok && (sel.Output == "" || sel.Output == s.Output(p)) {
			check = []stage{s}
		}
	}
	for _, s := range check {
		if err := p.noLinks(s.Output(p)); err != nil {
			return nil, &disk.InputError{Path: s.Output(p), Err: err}
		}
	}
	if sel.Stage != "" {
		return plan, p.planOne(plan)
	}
	states := map[string]Status{}
	for _, s := range p.active(l) {
		if len(sel.Only) > 0 && !slices.Contains(sel.Only, s.Name()) {
			continue
		}
		st, err := p.status(l, s, p.opts.Settings, states)
		if err != nil {
			return nil, err
		}
		// A stage that runs stays as found in states, so the stages after
		// it see their input as stale, as they will once it has run.
		states[s.Name()] = st
		plan.Statuses = append(plan.Statuses, st)
		switch {
		case plan.Stop != nil || sel.Force:
		case st.State == fresh || st.State == conflicted:
			continue
		case refuses(st):
			plan.Stop = &plan.Statuses[len(plan.Statuses)-1]
			continue
		}
		if plan.Stop == nil {
			plan.steps = append(plan.steps, planStep{Stage: s, Reason: orDefault(st.Reason, "regenerating (--force)"),
				adopt: st.State == edited && !sel.Force})
		}
	}
	return plan, nil
}

// planOne plans a stage run on its own: it runs whatever its state, unless
// it would overwrite a hand-edited document.
func (p *Project) planOne(plan *Plan) error {
	sel := plan.sel
	s, ok := lookup(sel.Stage)
	if !ok {
		return fmt.Errorf("unknown stage %q", sel.Stage)
	}
	st, err := p.status(plan.lock, s, nil, nil)
	if err != nil {
		return err
	}
	if err := s.check(p, sel.Input); err != nil {
		return err
	}
	plan.Statuses = []Status{st}
	tracked := sel.Output == "" || sel.Output == s.Output(p)
	// A prototype's files are each kept by the safe writer when they
	// differ, so only a document refuses as a whole.
	if tracked && !sel.Force && !s.folder() && refuses(st) {
		plan.Stop = &plan.Statuses[0]
		return nil
	}
	plan.steps = []planStep{{Stage: s, Reason: s.why(p, sel, st)}}
	return nil
}

// RefusedError is a run declining to overwrite a document: one edited by
// hand that cannot be merged, or, with Why, one it would replace against
// the user's likely wish.
type RefusedError struct {
	Status Status
	Why    string
}

func (e *RefusedError) Error() string {
	if e.Why != "" {
		return fmt.Sprintf("%s %s", e.Status.Path, e.Why)
	}
	return fmt.Sprintf("%s was %s; not overwriting it. Keep it with 'prodgen accept %s' (later stages then regenerate from it), or overwrite it by running again with --force",
		e.Status.Path, e.Status.Reason, e.Status.Path)
}
