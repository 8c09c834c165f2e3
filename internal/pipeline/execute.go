package pipeline

import (
	"context"
)

// execution is one run of a plan: the lock it records into and the
// states of the stages so far.
type execution struct {
	p      *Project
	sel    Selection
	lock   *lock
	states map[string]Status
}

// Execute runs plan's steps in order, writing each output and recording it
// in prodgen.lock as soon as it is made, and returns how many stages ran.
// A plan that refuses runs nothing. For generate, each stage's state is
// looked at again just before it runs, so a stage whose inputs came out of
// the stages before it unchanged is skipped, as make would.
func (p *Project) Execute(ctx context.Context, plan *Plan) (int, error) {
	if plan.Stop != nil {
		return 0, &RefusedError{Status: *plan.Stop}
	}
	x := &execution{p: p, sel: plan.sel, lock: plan.lock, states: map[string]Status{}}
	steps := map[string]planStep{}
	for _, s := range plan.steps {
		steps[s.Stage.Name()] = s
	}
	ran := 0
	for _, found := range plan.Statuses {
		step, ok := steps[found.Stage]
		if !ok {
			p.obs.Debugf("%s is up to date\n", found.Path)
			continue
		}
		if plan.sel.Stage == "" && !plan.sel.Force {
			st, err := p.status(x.lock, step.Stage, p.opts.Settings, x.states)
			if err != nil {
				return ran, err
			}
			x.states[step.Stage.Name()] = st
			if st.State == fresh {
				p.obs.Debugf("%s is up to date\n", st.Path)
				continue
			}
			if st.State == edited || st.State == unlocked {
				return ran, &RefusedError{Status: st}
			}
			step.Reason = orDefault(st.Reason, step.Reason)
		}
		p.obs.Debugf("%s: %s\n", step.Stage.Output(p), step.Reason)
		if err := step.Stage.run(ctx, x, step); err != nil {
			return ran, err
		}
		x.states[step.Stage.Name()] = Status{Stage: step.Stage.Name(), Path: step.Stage.Output(p), State: fresh}
		ran++
	}
	return ran, nil
}

// entry is the lock's record of an output made now.
func (x *execution) entry(u Usage, outputs, inputs []fileHash) *entry {
	return &entry{
		Outputs:   outputs,
		Inputs:    inputs,
		Settings:  x.p.opts.Settings,
		Provider:  u.Provider,
		Model:     u.Model,
		Prodgen:   x.p.opts.Version,
		Usage:     u.Tokens,
		Requests:  u.Requests,
		Generated: x.p.generated(),
	}
}

// record puts a stage's entry in the lock and saves it. The output is
// written first, so the lock never describes an output that is not on
// disk.
func (x *execution) record(stage string, e *entry) error {
	if old := x.lock.Artifacts[stage]; old != nil && sameGeneration(old, e) {
		// The same output from the same inputs: keep when it was first
		// made, so regenerating an unchanged project changes nothing.
		e.Generated = old.Generated
	}
	x.lock.Artifacts[stage] = e
	return x.lock.save(x.p.Abs(lockFile))
}
