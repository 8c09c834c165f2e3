package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/offline"
)

// answerer writes the fake model's answers for one brief: for each
// request, a valid artifact for its stage, as a model that follows the
// request's schema would. The content comes from the offline engine, so
// answers have realistic sizes; which requirements or stories an answer
// covers comes from the enums of the request's schema, so a stage split
// into several requests gets an answer for each part; a tech request for
// the design or for tasks only gets just that part.
type answerer struct {
	prd     *artifact.PRD     // numbered FR-001… as prodgen numbers the answer
	stories *artifact.Stories // every story, numbered US-001…
}

// newAnswerer reads the brief the benchmark's project starts from.
func newAnswerer(src []byte) (*answerer, error) {
	b, err := brief.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("parse brief: %w", err)
	}
	prd := offline.BuildPRD(b)
	prd.Number()
	stories := offline.BuildStories(prd)
	stories.Number()
	return &answerer{prd: prd, stories: stories}, nil
}

// frIDs are the IDs of the PRD answer's functional requirements, sorted.
func (a *answerer) frIDs() []string {
	ids := make([]string, 0, len(a.prd.Functional))
	for _, fr := range a.prd.Functional {
		ids = append(ids, fr.ID)
	}
	return ids
}

// The parts of a tech stage that prodgen splits: one request for the
// design and one per group of stories for their tasks.
const (
	partWhole  = ""
	partDesign = "design"
	partTasks  = "tasks"
)

// techPart tells which part of the tech spec a prompt asks for, as a model
// reads it from the instructions (prompts/tech.md). Wording it does not
// recognise asks for the whole document, which is still a valid answer.
func techPart(prompt string) string {
	switch {
	case strings.Contains(prompt, "Leave every other part of the answer empty"):
		return partTasks
	case strings.Contains(prompt, "Write only the setup tasks"):
		return partDesign
	}
	return partWhole
}

// coverRe finds the requirements a stories request's prompt asks its
// stories to cover (prompts/stories.md).
var coverRe = regexp.MustCompile(`Every one of ([A-Z0-9, -]+) must be traced`)

// storiesGroup is the group of requirements a stories prompt names,
// joined by ", "; empty when it names none.
func storiesGroup(prompt string) string {
	if m := coverRe.FindStringSubmatch(prompt); m != nil {
		return m[1]
	}
	return ""
}

// answer is the JSON answer to a request for stage with schema; part is
// the part of a split tech stage the request asks for, or the group of
// requirements a stories request covers (storiesGroup).
func (a *answerer) answer(stage, part string, schema json.RawMessage) (string, error) {
	var doc any
	switch stage {
	case "prd":
		doc = a.prd
	case "stories":
		// The group the prompt names; without one, every requirement the
		// schema offers.
		ids, err := enumAt(schema, "stories", "traces")
		if err != nil {
			return "", err
		}
		if part != "" {
			ids = strings.Split(part, ", ")
		}
		group := *a.prd
		group.Functional = nil
		for _, fr := range a.prd.Functional {
			if slices.Contains(ids, fr.ID) {
				group.Functional = append(group.Functional, fr)
			}
		}
		doc = offline.BuildStories(&group)
	case "tech":
		ids, err := enumAt(schema, "tasks", "stories")
		if err != nil {
			return "", err
		}
		stories := &artifact.Stories{Title: a.stories.Title}
		for _, st := range a.stories.Stories {
			if slices.Contains(ids, st.ID) {
				stories.Stories = append(stories.Stories, st)
			}
		}
		tech := offline.BuildTech(a.prd, stories)
		for i := range tech.Endpoints {
			// The schema asks for every endpoint's kind; the offline
			// engine leaves a JSON API's empty.
			tech.Endpoints[i].Kind = cmp.Or(tech.Endpoints[i].Kind, "api")
		}
		switch part {
		case partDesign:
			tech.Tasks = slices.DeleteFunc(tech.Tasks, func(t artifact.Task) bool { return !t.Setup })
		case partTasks:
			// The design's setup task is T-001; these tasks, numbered on
			// from it, name only what the schema's enums (the design's)
			// allow, as a strict model must.
			tasks := slices.DeleteFunc(tech.Tasks, func(t artifact.Task) bool { return t.Setup })
			if err := onlyAllowed(schema, tasks); err != nil {
				return "", err
			}
			tech = &artifact.TechSpec{Title: tech.Title, Tasks: tasks}
		}
		doc = tech
	default:
		return "", fmt.Errorf("no answer for stage %q", stage)
	}
	out, err := conform(schema, generic(doc))
	if err != nil {
		return "", fmt.Errorf("%s answer: %w", stage, err)
	}
	return string(out), nil
}

// onlyAllowed drops from the tasks the components, entities and
// endpoints a tasks request's schema does not allow.
func onlyAllowed(schema json.RawMessage, tasks []artifact.Task) error {
	for _, f := range []struct {
		prop  string
		names func(*artifact.Task) *[]string
	}{
		{"components", func(t *artifact.Task) *[]string { return &t.Components }},
		{"entities", func(t *artifact.Task) *[]string { return &t.Entities }},
		{"endpoints", func(t *artifact.Task) *[]string { return &t.Endpoints }},
	} {
		allowed, err := enumAt(schema, "tasks", f.prop)
		if err != nil {
			return err
		}
		for i := range tasks {
			names := f.names(&tasks[i])
			*names = slices.DeleteFunc(*names, func(n string) bool { return !slices.Contains(allowed, n) })
		}
	}
	return nil
}

// generic turns an artifact into the maps and slices conform reads.
func generic(doc any) any {
	data, err := json.Marshal(doc)
	if err != nil {
		// Artifacts hold only strings and slices of them.
		panic(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		panic(err)
	}
	return v
}
