// Package export turns a parsed stories document, with the PRD it traces
// to, into formats other tools import: CSV for Jira's importer, a
// versioned JSON document, and a JSON array of GitHub issues. The output
// is deterministic: the same documents give the same bytes, with the
// stories in the document's order. docs/export.md documents every format.
// Load reads and parses the two documents through a reader it is given.
package export

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/prodgen/prodgen/internal/artifact"
)

// Format is an output format.
type Format string

// The formats Write knows.
const (
	CSV    Format = "csv"    // Jira's CSV importer
	JSON   Format = "json"   // the Document, as Schema
	GitHub Format = "github" // a JSON array of Issue for gh issue create
)

// Formats lists the formats in the order help and errors name them.
var Formats = []Format{CSV, JSON, GitHub}

// Schema names the JSON format and its version; a change that breaks a
// reader gets a new version.
const Schema = "prodgen.stories/v1"

// Label is the label every exported story carries, so that imported
// issues can be found and replaced as a set.
const Label = "prodgen"

// Document is the stories ready to export; its JSON form is the json
// format. Every field is always present: lists are empty, never null.
type Document struct {
	Schema  string  `json:"schema"`  // always Schema
	Title   string  `json:"title"`   // the product, from the stories document's title
	Stories []Story `json:"stories"` // in the document's order
}

// Story is one exported story.
type Story struct {
	ID     string `json:"id"`      // "US-001"
	Title  string `json:"title"`   // the heading after the ID; may be empty
	Role   string `json:"role"`    // "developer" in "As a developer"
	Want   string `json:"want"`    // what follows "I want"
	SoThat string `json:"so_that"` // the benefit, without "so that"; may be empty
	// Sentence is "As a role, I want want, so that benefit." as the
	// document writes it, or a sentence a person wrote in another form,
	// as written (Role, Want and SoThat are then empty); empty when the
	// story has no sentence.
	Sentence string `json:"sentence"`
	// Priority is the Jira priority of the story's own priority when the
	// document gives one Priority maps, else of the highest-priority
	// requirement the story traces: Highest, High, Medium or Low.
	Priority string `json:"priority"`
	// Size is the story's size hint as the document gives it: S, M or L;
	// "" when it gives none.
	Size     string      `json:"size"`
	Traces   []string    `json:"traces"`   // FR IDs, as the document lists them
	Criteria []Criterion `json:"criteria"` // acceptance criteria, in order
	// Labels are the story ID, each traced FR ID once, and Label.
	Labels []string `json:"labels"`
}

// Criterion is an acceptance criterion.
type Criterion struct {
	ID string `json:"id"` // "AC-001.1"; empty when the document gives none
	// Kind is the path the criterion tests: main, alternative, error or
	// edge; "" when the document does not say.
	Kind string `json:"kind"`
	// Given, When and Then hold the parts of a criterion in that form and
	// are empty otherwise.
	Given string `json:"given"`
	When  string `json:"when"`
	Then  string `json:"then"`
	// Text is the whole criterion on one line, as the document writes it:
	// "Given a, when b, then c." or the free text, led by its kind when it
	// has one ("(error) Given …").
	Text string `json:"text"`
}

// Build makes the Document for stories. prd supplies the requirements'
// priorities; without it (nil) a story without a priority of its own is
// Medium.
func Build(stories *artifact.Stories, prd *artifact.PRD) *Document {
	prio := priorities(prd)
	d := &Document{Schema: Schema, Title: stories.Title, Stories: []Story{}}
	for _, st := range stories.Stories {
		s := Story{
			ID: st.ID, Title: st.Title, Role: st.Role, Want: st.Want, SoThat: st.SoThat,
			Sentence: st.Sentence(),
			Priority: storyPriority(st, prio),
			Size:     st.Size,
			Traces:   append([]string{}, st.Traces...),
			Criteria: []Criterion{},
			Labels:   labels(st),
		}
		for _, c := range st.Criteria {
			s.Criteria = append(s.Criteria, Criterion{ID: c.ID, Kind: c.Kind, Given: c.Given, When: c.When, Then: c.Then, Text: c.Line()})
		}
		d.Stories = append(d.Stories, s)
	}
	return d
}

// labels are the story's ID, each traced FR ID once, and Label.
func labels(st artifact.Story) []string {
	out := []string{}
	for _, l := range append(append([]string{st.ID}, st.Traces...), Label) {
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// Dangling is a trace to a requirement the PRD does not have: it counts
// for nothing in the story's priority.
type Dangling struct {
	Story string // "US-003"
	Trace string // "FR-009"
}

// DanglingTraces lists the traces of stories that name no requirement in
// prd, in document order.
func DanglingTraces(stories *artifact.Stories, prd *artifact.PRD) []Dangling {
	known := priorities(prd)
	var out []Dangling
	for _, st := range stories.Stories {
		for _, fr := range st.Traces {
			if _, ok := known[fr]; !ok {
				out = append(out, Dangling{Story: st.ID, Trace: fr})
			}
		}
	}
	return out
}

// Write writes d in format f.
func (d *Document) Write(w io.Writer, f Format) error {
	switch f {
	case CSV:
		return writeCSV(w, d)
	case JSON:
		return writeJSON(w, d)
	case GitHub:
		return writeJSON(w, Issues(d))
	}
	return fmt.Errorf("unknown export format %q", f)
}

// writeJSON writes v indented by two spaces with a final newline, and
// "<", ">" and "&" as themselves: the output is data, not HTML.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
