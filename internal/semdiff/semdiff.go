package semdiff

import (
	"fmt"

	"github.com/prodgen/prodgen/internal/artifact"
)

// Role is a document by what it holds.
type Role string

// The documents of a project, in the order the pipeline writes them.
const (
	PRD     Role = "prd"
	Stories Role = "stories"
	Tech    Role = "tech"
)

// Doc is one version of one document, flattened into the items the diff
// compares.
type Doc struct {
	Role  Role
	Path  string // as the reports name it: "docs/prd.md"
	items []item
}

// NewPRD is a version of the PRD at path; src is its markdown, for the
// lines of its items (nil: every line is 0).
func NewPRD(path string, p *artifact.PRD, src []byte) *Doc {
	return &Doc{Role: PRD, Path: path, items: prdItems(p, src)}
}

// NewStories is a version of the stories document at path.
func NewStories(path string, s *artifact.Stories, src []byte) *Doc {
	return &Doc{Role: Stories, Path: path, items: storiesItems(s, src)}
}

// NewTech is a version of the technical requirements at path.
func NewTech(path string, t *artifact.TechSpec, src []byte) *Doc {
	return &Doc{Role: Tech, Path: path, items: techItems(t, src)}
}

// Parse reads a version of the document of the given role from its
// markdown. It fails where the pipeline would: see artifact.ParsePRD.
func Parse(role Role, path string, src []byte) (*Doc, error) {
	switch role {
	case PRD:
		p, err := artifact.ParsePRD(src)
		if err != nil {
			return nil, err
		}
		return NewPRD(path, p, src), nil
	case Stories:
		s, err := artifact.ParseStories(src)
		if err != nil {
			return nil, err
		}
		return NewStories(path, s, src), nil
	case Tech:
		t, err := artifact.ParseTech(src)
		if err != nil {
			return nil, err
		}
		return NewTech(path, t, src), nil
	}
	return nil, fmt.Errorf("unknown document %q", role)
}

// Set is one version of a project's documents. A nil document does not
// exist in that version.
type Set struct {
	// Label says which version this is, for the reports: "HEAD",
	// "the working tree", a folder.
	Label              string
	PRD, Stories, Tech *Doc
}

// Add puts d in the set, in its role's place.
func (s *Set) Add(d *Doc) {
	switch d.Role {
	case PRD:
		s.PRD = d
	case Stories:
		s.Stories = d
	case Tech:
		s.Tech = d
	}
}

func (s Set) doc(r Role) *Doc {
	switch r {
	case PRD:
		return s.PRD
	case Stories:
		return s.Stories
	}
	return s.Tech
}

// Diff is what changed from one version of the documents to another.
// Every list is sorted and never null, so the JSON form is stable.
type Diff struct {
	From      string     `json:"from"` // the old version's label
	To        string     `json:"to"`   // the new version's label
	Documents []Document `json:"documents"`
	Traces    []Trace    `json:"traces"`
	Summary   Summary    `json:"summary"`
}

// Status says how a document changed as a whole.
type Status string

// The states of a document.
const (
	DocAdded     Status = "added"     // only in the new version
	DocRemoved   Status = "removed"   // only in the old version
	DocChanged   Status = "changed"   // in both, with changes
	DocUnchanged Status = "unchanged" // in both, the same item for item
)

// Document is what changed in one document. A document in neither version
// is left out.
type Document struct {
	Role Role   `json:"document"`
	Path string `json:"path"` // in the new version; in the old when removed
	// OldPath is the old version's path, when it is not Path.
	OldPath string `json:"old_path,omitempty"`
	Status  Status `json:"status"`
	// IDs counts the items with an ID in a document added or removed
	// whole, whose items are not listed one by one.
	IDs     int      `json:"ids,omitempty"`
	Changes []Change `json:"changes"`
}

// ChangeType says what happened to an item.
type ChangeType string

// The kinds of change, in the order the reports list them.
const (
	Added   ChangeType = "added"
	Changed ChangeType = "changed" // its text changed
	Removed ChangeType = "removed"
	Moved   ChangeType = "moved" // to another place, another story, or other traces
)

// Change is one item added, changed, removed or moved. A moved item whose
// text changed too has two changes.
type Change struct {
	Type    ChangeType `json:"change"`
	Section string     `json:"section"`        // "Functional requirements"
	ID      string     `json:"id,omitempty"`   // "FR-002"
	Name    string     `json:"name,omitempty"` // an entry without an ID: "Household member", "GET /items"
	Line    int        `json:"line,omitempty"` // in the new version; 0 when removed or not found
	// OldLine is the item's line in the old version; 0 when added.
	OldLine int    `json:"old_line,omitempty"`
	Old     string `json:"old,omitempty"`  // the text before: removed, changed
	New     string `json:"new,omitempty"`  // the text after: added, changed
	From    *Place `json:"from,omitempty"` // moved: where it was
	To      *Place `json:"to,omitempty"`   // moved: where it is
}

// Place is where an item is: its list, its story, what it traces.
type Place struct {
	Position int      `json:"position"`        // 1-based, in its list (for a criterion, its story's)
	Story    string   `json:"story,omitempty"` // the story a criterion is under
	Traces   []string `json:"traces,omitempty"`
}

// TraceStatus says what happened to a trace from one document to another.
type TraceStatus string

// The kinds of trace change, in the order the reports list them.
const (
	// TraceBroken is a trace in the new version to an item its document
	// no longer has (or never had, for a new trace). One that was broken
	// in the old version already is not listed: prodgen lint lists those.
	TraceBroken  TraceStatus = "broken"
	TraceAdded   TraceStatus = "added"
	TraceRemoved TraceStatus = "removed"
)

// Trace is one trace added, removed or broken: a story tracing a
// requirement, a task or an endpoint tracing a story.
type Trace struct {
	Status TraceStatus `json:"status"`
	From   string      `json:"from"`             // "US-004", "T-003", "GET /items"
	To     string      `json:"to"`               // "FR-004"
	File   string      `json:"file"`             // the document From is in
	Line   int         `json:"line,omitempty"`   // From's line in the new version; 0 when it is not there
	Target string      `json:"target,omitempty"` // the document To is (or should be) in
}

// Summary counts the changes.
type Summary struct {
	Documents     int `json:"documents"` // documents added, removed or changed
	Added         int `json:"added"`
	Changed       int `json:"changed"`
	Removed       int `json:"removed"`
	Moved         int `json:"moved"`
	BrokenTraces  int `json:"broken_traces"`
	AddedTraces   int `json:"added_traces"`
	RemovedTraces int `json:"removed_traces"`
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool { return d.Summary == Summary{} }

// Compare diffs the old version of the documents with the new one.
func Compare(old, cur Set) *Diff {
	d := &Diff{From: old.Label, To: cur.Label, Documents: []Document{}}
	for _, r := range []Role{PRD, Stories, Tech} {
		if doc, ok := compareDoc(old.doc(r), cur.doc(r)); ok {
			d.Documents = append(d.Documents, doc)
		}
	}
	d.Traces = compareTraces(old, cur)
	d.Summary = summarize(d)
	return d
}

func summarize(d *Diff) Summary {
	var s Summary
	for _, doc := range d.Documents {
		if doc.Status != DocUnchanged {
			s.Documents++
		}
		for _, c := range doc.Changes {
			switch c.Type {
			case Added:
				s.Added++
			case Changed:
				s.Changed++
			case Removed:
				s.Removed++
			case Moved:
				s.Moved++
			}
		}
	}
	for _, t := range d.Traces {
		switch t.Status {
		case TraceBroken:
			s.BrokenTraces++
		case TraceAdded:
			s.AddedTraces++
		case TraceRemoved:
			s.RemovedTraces++
		}
	}
	return s
}
