package offline

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// TestSampleInvariants checks, for every sample brief, the promises the
// engine makes whatever the wording: coverage, traceability, the brief's
// numbers kept, and clean text.
func TestSampleInvariants(t *testing.T) {
	for _, s := range allSamples() {
		t.Run(s.name, func(t *testing.T) {
			d := buildAll(s.brief)
			checkFeatures(t, s.brief, d.PRD)
			checkConstraints(t, s.brief, d.PRD)
			checkScope(t, s.brief, d.PRD)
			checkStories(t, d.PRD, d.Stories)
			checkTech(t, d)
			checkText(t, d)
		})
	}
}

// TestBriefNumbersKept checks the numbers the sample constraints state
// reach the NFRs exactly as written.
func TestBriefNumbersKept(t *testing.T) {
	want := map[string][]string{
		"clinic-queue":  {"30 days", "1–3", "20–120"},
		"habit-tracker": {"1 second", "95th percentile"},
		"invoice-api":   {"99.95%", "300 ms", "10 years"},
		"field-notes":   {"About 60 technicians"},
	}
	for _, s := range allSamples() {
		p := BuildPRD(s.brief)
		var all []string
		for _, r := range p.NonFunctional {
			all = append(all, r.Text)
		}
		text := strings.Join(all, "\n")
		for _, n := range want[s.name] {
			if !strings.Contains(text, n) {
				t.Errorf("%s: no NFR keeps %q:\n%s", s.name, n, text)
			}
		}
	}
}

func checkFeatures(t *testing.T, b *brief.Brief, p *artifact.PRD) {
	t.Helper()
	if len(p.Functional) != len(b.Features) {
		t.Fatalf("%d features gave %d FRs", len(b.Features), len(p.Functional))
	}
	for i, f := range b.Features {
		fr := p.Functional[i]
		if !strings.HasPrefix(fr.Text, "The system must ") {
			t.Errorf("%s does not start with \"The system must\": %q", fr.ID, fr.Text)
		}
		// The feature's last words survive, so nothing was cut or invented
		// at the end.
		words := strings.Fields(strings.TrimSuffix(f.Text, "."))
		tail := strings.ToLower(strings.Join(words[max(0, len(words)-3):], " "))
		if !strings.Contains(strings.ToLower(fr.Text), tail) {
			t.Errorf("%s lost the end of its feature %q: %q", fr.ID, tail, fr.Text)
		}
		if fr.Priority != f.Priority {
			t.Errorf("%s priority %q, want %q", fr.ID, fr.Priority, f.Priority)
		}
	}
}

func checkConstraints(t *testing.T, b *brief.Brief, p *artifact.PRD) {
	t.Helper()
	if len(p.NonFunctional) != len(b.Constraints) {
		t.Fatalf("%d constraints gave %d NFRs", len(b.Constraints), len(p.NonFunctional))
	}
	for i, c := range b.Constraints {
		for _, w := range strings.Fields(c) {
			if w = strings.Trim(w, ".,;:()"); hasDigit(w) && !strings.Contains(p.NonFunctional[i].Text, w) {
				t.Errorf("%s lost %q of %q: %q", p.NonFunctional[i].ID, w, c, p.NonFunctional[i].Text)
			}
		}
	}
	if len(p.Metrics) != len(b.Metrics) {
		t.Fatalf("%d metrics gave %d", len(b.Metrics), len(p.Metrics))
	}
	for i, m := range b.Metrics {
		if got := p.Metrics[i]; got.Target != m.Target || got.Baseline != m.Baseline {
			t.Errorf("metric %q: got %+v, want baseline %q target %q", m.Name, got, m.Baseline, m.Target)
		}
	}
}

func checkScope(t *testing.T, b *brief.Brief, p *artifact.PRD) {
	t.Helper()
	if len(p.InScope) != len(p.Functional) {
		t.Errorf("%d in-scope lines for %d FRs", len(p.InScope), len(p.Functional))
	}
	for i, ng := range b.NonGoals {
		if i >= len(p.OutOfScope) || !strings.EqualFold(p.OutOfScope[i], ng) {
			t.Errorf("non-goal %q not kept in OutOfScope %q", ng, p.OutOfScope)
		}
	}
	for _, f := range b.Later {
		found := false
		for _, o := range p.OutOfScope {
			found = found || strings.HasPrefix(o, "Later") && strings.Contains(strings.ToLower(o), strings.ToLower(f.Text))
		}
		if !found {
			t.Errorf("later item %q not kept in OutOfScope %q", f.Text, p.OutOfScope)
		}
		for _, fr := range p.InScope {
			if strings.EqualFold(fr, f.Text) {
				t.Errorf("later item %q is in scope", f.Text)
			}
		}
	}
	if len(b.NonGoals) == 0 && len(b.Later) == 0 && !hasQuestion(p, "out of scope") {
		t.Error("no non-goals, no later items and no question about scope")
	}
	for _, q := range b.OpenQuestions {
		if !hasQuestion(p, q) {
			t.Errorf("brief question %q not carried over", q)
		}
	}
	for _, part := range b.Missing {
		if len(p.OpenQuestions) <= len(b.OpenQuestions) {
			t.Errorf("missing %s gave no question", part)
		}
	}
	for i, q := range p.OpenQuestions {
		if !artifact.ValidID(artifact.KindQuestion, q.ID) || q.ID != artifact.QuestionID(i+1) {
			t.Errorf("question %d has ID %q", i+1, q.ID)
		}
		if !strings.HasSuffix(q.Text, "?") {
			t.Errorf("question %s is not a question: %q", q.ID, q.Text)
		}
	}
}

func hasQuestion(p *artifact.PRD, text string) bool {
	for _, q := range p.OpenQuestions {
		if strings.Contains(strings.ToLower(q.Text), strings.ToLower(text)) {
			return true
		}
	}
	return false
}

func checkStories(t *testing.T, p *artifact.PRD, st *artifact.Stories) {
	t.Helper()
	frs := map[string]bool{}
	for _, fr := range p.Functional {
		frs[fr.ID] = true
	}
	covered := map[string]bool{}
	for i, s := range st.Stories {
		if s.ID != artifact.StoryID(i+1) {
			t.Errorf("story %d has ID %q", i+1, s.ID)
		}
		if s.Title == "" || s.Role == "" || s.Want == "" || len(strings.Fields(s.Title)) > 8 {
			t.Errorf("%s: title %q, role %q, want %q", s.ID, s.Title, s.Role, s.Want)
		}
		if len(s.Traces) == 0 {
			t.Errorf("%s traces to nothing", s.ID)
		}
		for _, tr := range s.Traces {
			if !frs[tr] {
				t.Errorf("%s traces to unknown %q", s.ID, tr)
			}
			covered[tr] = true
		}
		// Every criterion is in Given/When/Then form, as the README
		// promises and lint's criterion-form rule checks; a note from the
		// brief too.
		for j, c := range s.Criteria {
			if want := artifact.CriterionID(i+1, j+1); c.ID != want {
				t.Errorf("%s criterion %d has ID %q, want %q", s.ID, j+1, c.ID, want)
			}
			if c.Given == "" || c.When == "" || c.Then == "" || c.Text != "" {
				t.Errorf("%s: criterion %s is not in Given/When/Then form: %+v", s.ID, c.ID, c)
			}
		}
		// A refusal is a criterion only where the PRD has sign-in or
		// roles, and other failure and edge cases only where the
		// requirement gives one: one criterion at least.
		if len(s.Criteria) < 1 {
			t.Errorf("%s has no criteria", s.ID)
		}
	}
	for id := range frs {
		if !covered[id] {
			t.Errorf("%s has no story", id)
		}
	}
}

func checkTech(t *testing.T, d documents) {
	t.Helper()
	stories := map[string]bool{}
	for _, s := range d.Stories.Stories {
		stories[s.ID] = true
	}
	served := map[string]bool{}
	for i, task := range d.Tech.Tasks {
		if task.ID != artifact.TaskID(i+1) {
			t.Errorf("task %d has ID %q", i+1, task.ID)
		}
		if len(task.Stories) == 0 && !task.Setup {
			t.Errorf("%s traces to no story and is no setup task", task.ID)
		}
		for _, id := range task.Stories {
			if !stories[id] {
				t.Errorf("%s traces to unknown %q", task.ID, id)
			}
			served[id] = true
		}
	}
	seen := map[string]bool{}
	for _, ep := range d.Tech.Endpoints {
		key := ep.Method + " " + ep.Path
		if seen[key] {
			t.Errorf("endpoint %s listed twice", key)
		}
		seen[key] = true
		for _, id := range ep.Stories {
			if !stories[id] {
				t.Errorf("%s serves unknown %q", key, id)
			}
		}
	}
	for id := range stories {
		if !served[id] {
			t.Errorf("%s has no task", id)
		}
	}
	if err := d.Tech.Validate(d.PRD, d.Stories); err != nil {
		t.Errorf("the tech spec is not valid: %v", err)
	}
	// The setup task comes first and everything builds on it, so the
	// waves are real: the setup alone, then what depends on it.
	if waves, stuck := artifact.Waves(d.Tech.Tasks); len(d.Stories.Stories) > 0 {
		if len(stuck) > 0 || len(waves) < 2 || len(waves[0]) != 1 || !d.Tech.Tasks[0].Setup {
			t.Errorf("waves %v (in none: %v), want the setup task alone first", waves, stuck)
		}
	}
	if len(d.Tech.Quality) != len(d.PRD.NonFunctional) {
		t.Errorf("quality has %d NFRs, PRD %d", len(d.Tech.Quality), len(d.PRD.NonFunctional))
	}
	if len(d.Tech.Entities) > maxEntities {
		t.Errorf("%d entities, cap is %d", len(d.Tech.Entities), maxEntities)
	}
}

// checkText walks every string of the output for what a generator must
// never write.
func checkText(t *testing.T, d documents) {
	t.Helper()
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	walkStrings(v, func(s string) {
		for _, bad := range []string{"TODO", "TBD", "lorem", "<", "{{", "  ", " .", "..", " ,", ",,", " :"} {
			if strings.Contains(strings.ToLower(s), strings.ToLower(bad)) {
				t.Errorf("%q contains %q", s, bad)
			}
		}
		if s != strings.TrimSpace(s) {
			t.Errorf("%q has outer spaces", s)
		}
	})
}

func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, x := range v {
			walkStrings(x, f)
		}
	case map[string]any:
		for _, x := range v {
			walkStrings(x, f)
		}
	}
}
