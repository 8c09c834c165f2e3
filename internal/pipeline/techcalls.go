package pipeline

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/plural"
	"github.com/prodgen/prodgen/internal/prompt"
)

// What a model is sent for a tech spec, and how its answers are merged.

// taskGroup is how many stories one tasks request covers when a model
// writes a large tech spec: the design (architecture, data model, API and
// the setup tasks) is one request, sent first, and the tasks of each group
// of stories one request each, sent together once the design is back, so
// that they name only what the design has.
const taskGroup = 8

// The parts of a tech spec a request may write (prompt.TechData.Part).
const (
	wholePart  = ""
	designPart = "design"
	tasksPart  = "tasks"
)

// calls asks for the whole document in one request, or, for more than
// taskGroup stories, for the design first (next asks for the tasks).
func (w *techWork) calls(p *Project) ([]call, error) {
	ids := storyIDs(w.stories.Stories)
	data := prompt.TechData{PRD: string(w.prdSrc), Stories: string(w.storiesSrc), StoryIDs: ids, Brief: string(w.briefSrc)}
	if len(ids) > taskGroup {
		data.Part = designPart
	}
	c, err := techCall(p, data, w.prd, w.stories, nil)
	return []call{c}, err
}

// next asks, once the design of a large tech spec is back, for the tasks
// of each group of stories, each request carrying the design.
func (w *techWork) next(p *Project, done []call) ([]call, error) {
	if len(done) != 1 || done[0].into.(*techValue).part != designPart {
		return nil, nil
	}
	design := &done[0].into.(*techValue).TechSpec
	w.setupOnly(p, design)
	return w.taskCalls(p, design)
}

// setupOnly leaves the design with its setup tasks only, numbered T-001
// on: story tasks are the tasks requests' to write, so the design
// answer's are left out with a warning. (Validation has made sure no
// setup task depends on one of them.)
func (w *techWork) setupOnly(p *Project, design *artifact.TechSpec) {
	var setup []artifact.Task
	for _, t := range design.Tasks {
		if t.Setup {
			setup = append(setup, t)
		}
	}
	if n := len(design.Tasks) - len(setup); n > 0 {
		p.obs.Warnf("warning: %s: the design answer also held %s, which the tasks requests write: left out\n", techName, plural.Count(n, "story task"))
	}
	design.Tasks = setup
	design.NumberFrom(1)
}

// taskCalls asks for the tasks of each group of stories, built on design;
// with a nil design (a dry run, before any answer), on a placeholder.
func (w *techWork) taskCalls(p *Project, design *artifact.TechSpec) ([]call, error) {
	base := prompt.TechData{PRD: string(w.prdSrc), Stories: string(w.storiesSrc), Part: tasksPart, FirstTask: artifact.TaskID(1)}
	if design == nil {
		base.Design = "(the answer to the design request, sent first)"
	} else {
		text, err := designText(design)
		if err != nil {
			return nil, err
		}
		base.Design = text
		base.Components, base.Entities, base.Endpoints, base.SetupTasks = designNames(design)
		base.FirstTask = artifact.TaskID(len(design.Tasks) + 1)
	}
	var calls []call
	for _, g := range groupsOf(w.stories.Stories, taskGroup) {
		// The group's stories only: its tasks may name no others.
		sub := *w.stories
		sub.Stories = g
		data := base
		data.StoryIDs = storyIDs(g)
		c, err := techCall(p, data, w.prd, &sub, design)
		if err != nil {
			return nil, err
		}
		calls = append(calls, c)
	}
	return calls, nil
}

// designNames are the names a tasks request's tasks may use: the design's
// components, entities and endpoints, and its setup tasks' IDs.
func designNames(d *artifact.TechSpec) (components, entities, endpoints, setup []string) {
	for _, c := range d.Components {
		components = append(components, c.Name)
	}
	for _, e := range d.Entities {
		entities = append(entities, e.Name)
	}
	for _, e := range d.Endpoints {
		endpoints = append(endpoints, artifact.EndpointKey(e))
	}
	for _, t := range d.Tasks {
		setup = append(setup, t.ID)
	}
	return components, entities, endpoints, setup
}

// designText is the design as a tasks request shows it: its markdown,
// without the diagrams, which say nothing the rest does not.
func designText(d *artifact.TechSpec) (string, error) {
	md, err := artifact.RenderTech(d)
	if err != nil {
		return "", fmt.Errorf("render the design for the tasks requests: %w", err)
	}
	var b strings.Builder
	fenced := false
	for line := range strings.Lines(string(md)) {
		switch {
		case line == "```mermaid\n":
			fenced = true
		case fenced && line == "```\n":
			fenced = false
		case !fenced:
			b.WriteString(line)
		}
	}
	return strings.TrimSpace(b.String()), nil
}

// techCall builds one tech request from its prompt data; its answer may
// name only the stories given, the PRD's requirements and, for a tasks
// request, what design holds.
func techCall(p *Project, data prompt.TechData, prd *artifact.PRD, stories *artifact.Stories, design *artifact.TechSpec) (call, error) {
	msgs, err := p.messages(techName, data)
	ids := artifact.TechIDs{Stories: data.StoryIDs, NFRs: requirementIDs(prd.NonFunctional), FRs: requirementIDs(prd.Functional),
		Components: data.Components, Entities: data.Entities, Endpoints: data.Endpoints, Tasks: data.SetupTasks}
	v := &techValue{prd: prd, stories: stories, part: data.Part, design: design, first: 1}
	if design != nil {
		v.first = len(design.Tasks) + 1
	}
	ids.FirstTask = v.first
	schema := &llm.Schema{Name: techName, JSON: artifact.TechSchema(ids)}
	req := llm.Request{Stage: techName, Messages: msgs, Schema: schema}
	return call{req: req, into: v}, err
}

// merge takes the design from the first call and the tasks from the
// others, in the calls' order: the design's setup tasks first, then each
// group's, numbered on from them, each dependency following its task. A
// single call is the whole document.
//
// Nothing an answer holds beyond its part is dropped without a word: the
// open questions of a tasks answer are kept, after the design's, unless
// the design or an earlier answer asks the same; anything else outside a
// request's part (story tasks in the design answer, a design in a tasks
// answer) would repeat what another request writes, and is left out with
// a warning.
func (w *techWork) merge(p *Project, calls []call) {
	w.tech = &calls[0].into.(*techValue).TechSpec
	if len(calls) == 1 {
		return
	}
	asked := make(map[string]bool)
	for _, q := range w.tech.OpenQuestions {
		asked[questionKey(q.Text)] = true
	}
	setup := len(w.tech.Tasks)
	for _, c := range calls[1:] {
		part := &c.into.(*techValue).TechSpec
		// The answer's tasks are numbered on from the setup tasks; they
		// move to follow the tasks merged so far, their dependencies with
		// them.
		offset := len(w.tech.Tasks)
		shift := func(id string) string {
			if n, err := artifact.ParseID(artifact.KindTask, id); err == nil && n > setup {
				return artifact.TaskID(n - setup + offset)
			}
			return id
		}
		for _, t := range part.Tasks {
			t.ID = shift(t.ID)
			deps := make([]string, len(t.DependsOn))
			for j, d := range t.DependsOn {
				deps[j] = shift(d)
			}
			t.DependsOn = deps
			w.tech.Tasks = append(w.tech.Tasks, t)
		}
		for _, q := range part.OpenQuestions {
			if k := questionKey(q.Text); !asked[k] {
				asked[k] = true
				w.tech.OpenQuestions = append(w.tech.OpenQuestions, q)
			}
		}
		if extra := designParts(part); extra != "" {
			p.obs.Warnf("warning: %s: the tasks answer for %s also held %s, which the design request writes: left out\n",
				techName, rangeOf(c.into.(*techValue).stories), extra)
		}
	}
	w.tech.Number()
}

// questionKey is what two open questions asking the same have in common.
func questionKey(text string) string { return strings.ToLower(strings.Join(strings.Fields(text), " ")) }

// designParts names what a tasks answer holds of the design, "" when
// nothing: "an overview, 2 components and 1 endpoint".
func designParts(t *artifact.TechSpec) string {
	var parts []string
	if strings.TrimSpace(t.Overview) != "" {
		parts = append(parts, "an overview")
	}
	for _, n := range []struct {
		n    int
		noun string
	}{
		{len(t.Components), "component"}, {len(t.Entities), "entity"}, {len(t.Endpoints), "endpoint"},
		{len(t.Quality), "quality requirement"},
	} {
		if n.n > 0 {
			parts = append(parts, plural.Count(n.n, n.noun))
		}
	}
	return plural.And(parts)
}

// rangeOf names a group of stories by its first and last IDs: "US-009 to
// US-016".
func rangeOf(s *artifact.Stories) string {
	ids := storyIDs(s.Stories)
	switch len(ids) {
	case 0:
		return "no stories"
	case 1:
		return ids[0]
	}
	return ids[0] + " to " + ids[len(ids)-1]
}
