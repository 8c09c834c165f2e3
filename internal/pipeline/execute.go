package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/prodgen/prodgen/internal/scaffold"

	"github.com/prodgen/prodgen/internal/disk"
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
			switch {
			case st.State == fresh || st.State == conflicted:
				p.obs.Debugf("%s is up to date\n", st.Path)
				continue
			case refuses(st):
				return ran, &RefusedError{Status: st}
			}
			step.Reason, step.adopt = orDefault(st.Reason, step.Reason), st.State == edited
		}
		p.obs.Debugf("%s: %s\n", step.Stage.Output(p), step.Reason)
		if err := x.runStep(ctx, step); err != nil {
			return ran, err
		}
		x.states[step.Stage.Name()] = Status{Stage: step.Stage.Name(), Path: step.Stage.Output(p), State: fresh}
		ran++
	}
	return ran, nil
}

// runStep runs one step: records a person's edits, or makes the stage's
// output. It refuses to have the offline engine replace what a model
// wrote, unless the offline engine was chosen: a machine without the
// model's key would otherwise quietly swap the documents.
func (x *execution) runStep(ctx context.Context, step planStep) error {
	if step.adopt {
		if err := x.adopt(step.Stage); err != nil {
			return err
		}
		x.p.obs.Infof("recorded the hand edits of %s\n", step.Stage.Output(x.p))
		return nil
	}
	e := x.lock.Artifacts[step.Stage.Name()]
	tracked := x.sel.Output == "" || x.sel.Output == step.Stage.Output(x.p)
	if e != nil && tracked && e.Provider == modelProvider && x.p.opts.Engine.provider() == offlineModel && !x.p.opts.OfflineChosen {
		return &RefusedError{Status: Status{Stage: step.Stage.Name(), Path: step.Stage.Output(x.p)},
			Why: fmt.Sprintf("was written by %s, and no model is configured here, so the offline engine would replace it; "+
				"set OPENAI_API_KEY (or base_url) to have the model update it, or run with --provider offline to replace it on purpose", e.Model)}
	}
	return step.Stage.run(ctx, x, step)
}

// adopt takes a stage's output as it is on disk into the lock, item by
// item: a person's edits become theirs, and the stages after it see a new
// input. No engine is called.
func (x *execution) adopt(s stage) error {
	if s.folder() {
		return x.adoptFolder(s)
	}
	p := x.p
	path := s.Output(p)
	data, err := disk.Read(p.Abs(path), path, disk.MaxDocument)
	if err != nil {
		return err
	}
	e := x.lock.Artifacts[s.Name()]
	if e == nil {
		// Never generated: its inputs as they are now become the baseline.
		e = &entry{Settings: p.opts.Settings, Provider: "hand-written", Model: "none", Prodgen: p.opts.Version, Generated: p.generated()}
		if e.Inputs, err = p.currentInputs(s); err != nil {
			return err
		}
	} else {
		cp := *e
		e = &cp
	}
	ids, items, err := s.accept(p, data, e.Items)
	if err != nil {
		return &disk.InputError{Path: path, Err: err}
	}
	e.Outputs = []fileHash{{Path: path, SHA256: hashBytes(data)}}
	e.IDs, e.Items = mergeHighest(e.IDs, ids), items
	x.lock.Artifacts[s.Name()] = e
	return x.lock.save(p.opts.Root)
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

// record writes a stage's output (write) and its entry in the lock
// together, through the journal: the lock never describes an output that
// is not on disk, and an output on disk is never one the lock could take
// for a person's edit.
func (x *execution) record(stage string, e *entry, write func() error) error {
	old := x.lock.Artifacts[stage]
	if old != nil && sameGeneration(old, e) {
		// The same output from the same inputs: keep when it was first
		// made, so regenerating an unchanged project changes nothing.
		e.Generated = old.Generated
	}
	x.lock.Artifacts[stage] = e
	root := x.p.opts.Root
	if err := x.lock.writeJournal(root, stage, false); err != nil {
		x.lock.Artifacts[stage] = old
		return err
	}
	x.p.crash("journal")
	if err := write(); err != nil {
		x.lock.Artifacts[stage] = old
		os.Remove(filepath.Join(root, journalFile))
		return err
	}
	x.p.crash("output")
	return promote(root)
}

// adoptFolder takes a prototype's files as they are on disk into the lock:
// a file that differs from what prodgen wrote is a person's, one that is
// gone was deleted by a person.
func (x *execution) adoptFolder(s stage) error {
	p := x.p
	e := x.lock.Artifacts[s.Name()]
	if e == nil {
		return &disk.InputError{Path: s.Output(p), Err: errors.New("was not written by prodgen scaffold; run it first")}
	}
	cp := *e
	cp.Outputs, cp.Items = nil, nil
	for _, it := range e.Items {
		name := strings.TrimPrefix(it.Key, "file:")
		rel := slash(path.Join(s.Output(p), name))
		data, err := disk.Read(p.Abs(rel), rel, scaffold.DefaultMaxBytes)
		switch {
		case it.State == deleted:
		case errors.Is(err, fs.ErrNotExist):
			it.State, it.Owner = deleted, ""
		case err != nil:
			return err
		default:
			h := hashBytes(data)
			it.Owner = ""
			if h != it.SHA256 {
				it.Owner = person
			}
			cp.Outputs = append(cp.Outputs, fileHash{Path: rel, SHA256: h})
		}
		cp.Items = append(cp.Items, it)
	}
	x.lock.Artifacts[s.Name()] = &cp
	return x.lock.save(p.opts.Root)
}
