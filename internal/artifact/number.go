package artifact

import (
	"slices"
	"strings"
)

// IDs are prodgen's, not the model's: a model is told to leave them empty,
// and Number gives every item its ID whatever the model wrote: its
// position in its list. The pipeline then makes the numbers stable across
// regenerations with StabilizePRD and friends (stable.go): an unchanged
// item keeps its number and a removed number is never reused. Criteria
// follow their story's number, whatever it is.
//
// Number also tidies the references a document holds, since models write
// them loosely: see normalizeRefs. It does not drop a reference to an item
// that does not exist; Validate reports it, so the pipeline can ask the
// model to repair its answer.

// Number gives the goals, requirements and open questions their IDs, in
// order: G-1…, FR-001…, NFR-001…, Q-1….
func (p *PRD) Number() {
	assignIDs(KindGoal, p.Goals, func(g *Goal, id string) { g.ID = id })
	assignIDs(KindFunctional, p.Functional, setRequirementID)
	assignIDs(KindNonFunctional, p.NonFunctional, setRequirementID)
	assignIDs(KindQuestion, p.OpenQuestions, setQuestionID)
}

// Number gives the stories their IDs in order, US-001…, and each story's
// acceptance criteria theirs, AC-001.1…, and normalizes every story's
// traces.
func (s *Stories) Number() {
	assignIDs(KindStory, s.Stories, func(st *Story, id string) { st.ID = id })
	for i := range s.Stories {
		st := &s.Stories[i]
		// assignIDs has just given the story a well-formed ID.
		n, _ := ParseID(KindStory, st.ID)
		for j := range st.Criteria {
			st.Criteria[j].ID = CriterionID(n, j+1)
		}
		st.Traces = normalizeRefs(st.Traces)
	}
}

// Number gives the tasks and open questions their IDs in order, T-001…
// and Q-1…, and normalizes the stories each task and endpoint names. A
// task's dependencies follow the tasks they name (see NumberFrom). The
// quality requirements keep the PRD's IDs they were carried over with,
// normalized like any reference, and lose any source: the document does
// not show one (the PRD's requirement cites the brief), so it would not
// read back.
func (t *TechSpec) Number() {
	t.NumberFrom(1)
	assignIDs(KindQuestion, t.OpenQuestions, setQuestionID)
	for i := range t.Endpoints {
		t.Endpoints[i].Stories = normalizeRefs(t.Endpoints[i].Stories)
	}
	for i := range t.Quality {
		t.Quality[i].ID = normalizeRef(t.Quality[i].ID)
		t.Quality[i].Source, t.Quality[i].Also = Source{}, nil
	}
}

// NumberFrom numbers the tasks in order from T-<first> on, and normalizes
// the stories and dependencies each names. A model is asked to give its
// tasks the IDs they will get, since dependencies name tasks by ID: a
// dependency on the ID a task of the list had (one no other task of the
// list had too) follows that task to its new ID; any other stays as it
// is, a task outside the list or one Validate reports.
func (t *TechSpec) NumberFrom(first int) {
	renamed := renumber(t.Tasks, func(i int) string { return KindTask.Format(first + i) })
	for i := range t.Tasks {
		t.Tasks[i].Stories = normalizeRefs(t.Tasks[i].Stories)
		t.Tasks[i].DependsOn = follow(t.Tasks[i].DependsOn, renamed)
	}
}

// renumber gives each task the ID id(i) and returns, for each ID a task
// had that no other task had, the ID it got.
func renumber(tasks []Task, id func(i int) string) map[string]string {
	renamed := make(map[string]string, len(tasks))
	twice := make(map[string]bool)
	for i := range tasks {
		if old := normalizeRef(tasks[i].ID); old != "" {
			_, twice[old] = renamed[old]
			renamed[old] = id(i)
		}
		tasks[i].ID = id(i)
	}
	for old, dup := range twice {
		if dup {
			delete(renamed, old)
		}
	}
	return renamed
}

// follow normalizes dependencies and moves each to the ID its task got.
func follow(deps []string, renamed map[string]string) []string {
	deps = normalizeRefs(deps)
	for j, d := range deps {
		if to, ok := renamed[d]; ok {
			deps[j] = to
		}
	}
	return normalizeRefs(deps)
}

// assignIDs numbers the items of one list of kind k by position,
// overwriting any ID they had.
func assignIDs[T any](k Kind, items []T, set func(*T, string)) {
	for i := range items {
		set(&items[i], k.Format(i+1))
	}
}

func setRequirementID(r *Requirement, id string) { r.ID = id }

func setQuestionID(q *Question, id string) { q.ID = id }

// normalizeRefs tidies a list of references as a model may write them
// (" fr-001", "FR-001"): spaces trimmed, letters upper-cased, blanks and
// repeats dropped, order kept. An empty result is nil.
func normalizeRefs(refs []string) []string {
	var out []string
	for _, r := range refs {
		if r = normalizeRef(r); r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// normalizeRef trims and upper-cases one reference.
func normalizeRef(r string) string {
	return strings.ToUpper(strings.TrimSpace(r))
}
