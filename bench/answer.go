package main

import (
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
	case strings.Contains(prompt, `Leave "tasks" empty`):
		return partDesign
	}
	return partWhole
}

// coverLine is where a stories prompt of a split stage names the
// requirements its request must cover (prompts/stories.md).
var coverLine = regexp.MustCompile(`Every one of ((?:FR-\d+(?:, )?)+) must be traced`)

// storiesPart is the comma-separated FR IDs a stories request must cover,
// as a model reads them from the instructions, or "" for all of them.
func storiesPart(prompt string) string {
	m := coverLine.FindStringSubmatch(prompt)
	if m == nil {
		return ""
	}
	return strings.ReplaceAll(m[1], ", ", ",")
}

// answer is the JSON answer to a request for stage with schema; part is
// the part of a split tech stage the request asks for.
func (a *answerer) answer(stage, part string, schema json.RawMessage) (string, error) {
	var doc any
	switch stage {
	case "prd":
		doc = a.prd
	case "stories":
		// The requirements to cover are the prompt's (storiesPart); the
		// schema's enum lists every FR a story may trace.
		ids := strings.Split(part, ",")
		if part == "" {
			all, err := enumAt(schema, "stories", "traces")
			if err != nil {
				return "", err
			}
			ids = all
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
		switch part {
		case partDesign:
			tech.Tasks = nil
		case partTasks:
			tech = &artifact.TechSpec{Title: tech.Title, Tasks: tech.Tasks}
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
