package corpus

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/prose"

	"github.com/prodgen/prodgen/internal/artifact"
)

// The stories measurement reads the user stories the engine makes of a
// brief's PRD, as a product manager signing them would:
//
//   - actors: a story's role is one of the PRD's personas (see IsPersona),
//     or "user" when the PRD names none. Target: every story.
//   - filed: the stories of a feature the brief files under a persona
//     (Item.Actor) that take that persona's role. Target: every story.
//   - tautologies: criteria whose Then only restates their When (see
//     prose.Tautology). Target: none.
//   - outcomes: the brief's outcomes (Expectation.Outcomes) that some
//     criterion states: one criterion's Given, When and Then together hold
//     every key of the outcome. Target: 90% of them.
//   - garbled: sentences of the PRD (requirements, scope items) and of the
//     stories (titles, story sentences, criteria) that prose.Garbled flags:
//     markup left open, doubled words, a modal before a non-verb, an
//     article before nothing, cut-off fragments. Target: none.
//   - clarify: criteria marked [NEEDS CLARIFICATION] because the brief
//     states no outcome of the action (see prose.Clarification): what is
//     left for a person to say. For information: no target, but each is
//     listed.
//   - boilerplate: criteria that another story repeats word for word once
//     each story's own words are set aside (see boilerplateKey), such as
//     one authorization refusal or "the system meets NFR-004" under every
//     story. For information: no target.

// StoryFigures are the stories measures of one brief, or of the corpus.
type StoryFigures struct {
	Actors      Count `json:"actors"`      // stories whose role is a persona, of the stories
	Filed       Count `json:"filed"`       // stories whose role is the persona the brief files their feature under
	Tautologies Count `json:"tautologies"` // tautological criteria, of the criteria
	Outcomes    Count `json:"outcomes"`    // the brief's outcomes some criterion states, of the outcomes
	Boilerplate Count `json:"boilerplate"` // criteria another story repeats, of the criteria
	Clarify     Count `json:"clarify"`     // criteria awaiting an outcome, of the criteria
	Garbled     Count `json:"garbled"`     // sentences prose.Garbled flags, of the sentences
}

// Add sums two sets of figures.
func (f StoryFigures) Add(g StoryFigures) StoryFigures {
	return StoryFigures{
		Actors:      f.Actors.Add(g.Actors),
		Filed:       f.Filed.Add(g.Filed),
		Tautologies: f.Tautologies.Add(g.Tautologies),
		Outcomes:    f.Outcomes.Add(g.Outcomes),
		Boilerplate: f.Boilerplate.Add(g.Boilerplate),
		Clarify:     f.Clarify.Add(g.Clarify),
		Garbled:     f.Garbled.Add(g.Garbled),
	}
}

// storyFigure is one measure of StoryFigures, in table order, with its
// target: met says whether a count meets it, worse whether a count is a
// regression from a baseline's. Both are nil for a figure given for
// information.
type storyFigure struct {
	name    string
	goal    string // the target, as the table's header states it
	fixedOf bool   // what it counts of is fixed by the expectation
	get     func(*StoryFigures) *Count
	met     func(Count) bool
	worse   func(old, now Count) bool
	// corpusOnly: the target is the corpus's, not each brief's. A brief
	// states 3 to 13 outcomes, so one miss in four is 75%: per brief, the
	// baseline guards against regressions instead (TestStoryCorpus).
	corpusOnly bool
}

var storyFigureList = []storyFigure{
	{"actors", "100%", false, func(f *StoryFigures) *Count { return &f.Actors },
		func(c Count) bool { return c.Full() }, shareFell, false},
	{"filed", "100%", false, func(f *StoryFigures) *Count { return &f.Filed },
		func(c Count) bool { return c.Full() }, shareFell, false},
	{"tautologies", "0", false, func(f *StoryFigures) *Count { return &f.Tautologies },
		func(c Count) bool { return c.Got == 0 }, countRose, false},
	{"outcomes", ">=90%", true, func(f *StoryFigures) *Count { return &f.Outcomes },
		func(c Count) bool { return c.Percent() >= 90 }, gotFell, true},
	{"garbled", "0", false, func(f *StoryFigures) *Count { return &f.Garbled },
		func(c Count) bool { return c.Got == 0 }, countRose, false},
	{"clarify", "info", false, func(f *StoryFigures) *Count { return &f.Clarify }, nil, nil, false},
	{"boilerplate", "info", false, func(f *StoryFigures) *Count { return &f.Boilerplate }, nil, nil, false},
}

// shareFell: a larger share is better, and the number counted (stories)
// moves with the engine, so the share is compared.
func shareFell(old, now Count) bool { return now.Percent() < old.Percent() }

// countRose: fewer is better, whatever the number of criteria.
func countRose(old, now Count) bool { return now.Got > old.Got }

// gotFell: more is better, of a number fixed by the expectation.
func gotFell(old, now Count) bool { return now.Got < old.Got }

// StoryResult is how one brief's stories measure.
type StoryResult struct {
	Brief   string
	Stories int // stories made
	Figures StoryFigures
	// Gaps says, one line each, what keeps the stories from their targets,
	// and which criteria are boilerplate.
	Gaps []string
}

func (r *StoryResult) gap(format string, args ...any) {
	r.Gaps = append(r.Gaps, fmt.Sprintf(format, args...))
}

// ScoreStories measures the stories made of prd against e.
func ScoreStories(e *Expectation, prd *artifact.PRD, st *artifact.Stories) StoryResult {
	r := StoryResult{Brief: e.Brief, Stories: len(st.Stories)}
	f := &r.Figures
	for _, s := range st.Stories {
		f.Actors.Of++
		if IsPersona(s.Role, prd.Personas) {
			f.Actors.Got++
		} else {
			r.gap("actor: %s is %q, not a persona of the PRD (%s)", s.ID, s.Role, personaNames(prd.Personas))
		}
		for _, c := range s.Criteria {
			f.Tautologies.Of++
			f.Clarify.Of++
			if prose.NeedsClarification(c.Then) {
				f.Clarify.Got++
				r.gap("clarify (info): %s %s", c.ID, clip(criterionText(c), 140))
			}
			if ok, why := prose.Tautology(c.When, c.Then); ok {
				f.Tautologies.Got++
				r.gap("tautology: %s %s (%s)", c.ID, clip(criterionText(c), 140), why)
			}
		}
	}
	r.scoreFiled(e, prd, st)
	for _, o := range e.Outcomes {
		f.Outcomes.Of++
		if statesOutcome(st, o.Keys) {
			f.Outcomes.Got++
		} else {
			r.gap("outcome not in any criterion: %q %v", o.Text, o.Keys)
		}
	}
	r.scoreBoilerplate(st)
	r.scoreGarbled(prd, st)
	return r
}

// scoreFiled checks, for each feature the brief files under a persona,
// that every story of the requirements stating it takes that persona's
// role.
func (r *StoryResult) scoreFiled(e *Expectation, prd *artifact.PRD, st *artifact.Stories) {
	for _, ft := range e.Features {
		if ft.Actor == "" {
			continue
		}
		for _, i := range matching(requirementTexts(prd.Functional), ft.Keys) {
			id := prd.Functional[i].ID
			for _, s := range st.Stories {
				if !slices.Contains(s.Traces, id) {
					continue
				}
				r.Figures.Filed.Of++
				if Matches(s.Role, []string{ft.Actor}) {
					r.Figures.Filed.Got++
				} else {
					r.gap("filed: %s is %q, but the brief files %q under %s", s.ID, s.Role, ft.Text, ft.Actor)
				}
			}
		}
	}
}

// scoreGarbled counts the sentences prose.Garbled flags, of all the PRD's
// requirements and scope items and the stories' titles, sentences and
// criteria.
func (r *StoryResult) scoreGarbled(prd *artifact.PRD, st *artifact.Stories) {
	c := &r.Figures.Garbled
	check := func(where, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		c.Of++
		if gs := prose.Garbled(text); len(gs) > 0 {
			c.Got++
			r.gap("garbled: %s %q (%s)", where, clip(text, 140), gs[0].Kind)
		}
	}
	for _, q := range append(append([]artifact.Requirement(nil), prd.Functional...), prd.NonFunctional...) {
		check(q.ID, q.Text)
	}
	for _, s := range prd.InScope {
		check("in scope", s)
	}
	for _, s := range prd.OutOfScope {
		check("out of scope", s)
	}
	for _, s := range st.Stories {
		check(s.ID+" title", s.Title)
		check(s.ID, s.Sentence())
		for _, cr := range s.Criteria {
			check(cr.ID, criterionText(cr))
		}
	}
}

// statesOutcome reports whether one criterion holds every key.
func statesOutcome(st *artifact.Stories, keys []string) bool {
	for _, s := range st.Stories {
		for _, c := range s.Criteria {
			if Matches(criterionText(c), keys) {
				return true
			}
		}
	}
	return false
}

// criterionText is a criterion as one text: "Given …, when …, then …", or
// its free text.
func criterionText(c artifact.Criterion) string {
	if c.Given == "" && c.When == "" && c.Then == "" {
		return c.Text
	}
	return "Given " + c.Given + ", when " + c.When + ", then " + c.Then
}

func personaNames(ps []artifact.Persona) string {
	if len(ps) == 0 {
		return "none: the role should be user"
	}
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// IsPersona reports whether a story's role names one of the personas, or
// is "user" when there are none. Case and plural do not matter, an
// article before the role is ignored, and a role names a persona when it
// is the persona's name or shares its head noun, the last word:
// "volunteers" names "Regular volunteer", "trip leader" names "Trip
// leader", and so does a member of a group the persona names: "clinical
// staff member" names "Clinical staff". A persona's name may hold several: "Parent or carer", "Owner /
// walker", "Educational visits coordinator (EVC)" is also "EVC".
func IsPersona(role string, personas []artifact.Persona) bool {
	r := nameStems(role)
	if len(r) == 0 {
		return false
	}
	if len(personas) == 0 {
		return len(r) == 1 && r[0] == prose.Stem("user")
	}
	for _, p := range personas {
		for _, n := range personaAlternatives(p.Name) {
			ns := nameStems(n)
			if len(ns) == 0 {
				continue
			}
			name, rs := strings.Join(ns, " "), strings.Join(r, " ")
			if name == rs || ns[len(ns)-1] == r[len(r)-1] || name+" "+prose.Stem("member") == rs {
				return true
			}
		}
	}
	return false
}

// personaAlternatives splits a persona's name into the names it holds: at
// " or ", " and ", "/" and "&", and a parenthesised abbreviation on its
// own ("Educational visits coordinator (EVC)" gives the name without it
// and "EVC").
func personaAlternatives(name string) []string {
	var out []string
	if i := strings.Index(name, "("); i >= 0 {
		if j := strings.Index(name[i:], ")"); j > 0 {
			out = append(out, name[i+1:i+j])
			name = name[:i] + name[i+j+1:]
		}
	}
	name = strings.NewReplacer(" or ", "/", " and ", "/", "&", "/", " Or ", "/", " And ", "/").Replace(name)
	for _, part := range strings.Split(name, "/") {
		if strings.TrimSpace(part) != "" {
			out = append(out, part)
		}
	}
	return out
}

// nameStems are the stems of a name's words, leading articles left out,
// an irregular plural taken to its singular first ("people" is "person").
func nameStems(s string) []string {
	var out []string
	for _, w := range prose.Words(s) {
		if len(out) == 0 && (w == "a" || w == "an" || w == "the") {
			continue
		}
		if sg, ok := irregularPlural[w]; ok {
			w = sg
		}
		out = append(out, prose.Stem(w))
	}
	return out
}

// irregularPlural maps the irregular plurals a persona's name may have to
// their singular.
var irregularPlural = map[string]string{
	"people": "person", "men": "man", "women": "woman", "children": "child",
}

// scoreBoilerplate counts the criteria whose boilerplate key another
// story's criterion shares.
func (r *StoryResult) scoreBoilerplate(st *artifact.Stories) {
	type where struct {
		story int
		id    string
	}
	byKey := map[string][]where{}
	var keys []string
	for i, s := range st.Stories {
		own := storyWords(s)
		for _, c := range s.Criteria {
			r.Figures.Boilerplate.Of++
			k := boilerplateKey(c, own)
			if _, seen := byKey[k]; !seen {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], where{i, c.ID})
		}
	}
	for _, k := range keys {
		ws := byKey[k]
		stories := map[int]bool{}
		for _, w := range ws {
			stories[w.story] = true
		}
		if len(stories) < 2 {
			continue
		}
		var ids []string
		for _, w := range ws {
			ids = append(ids, w.id)
		}
		r.Figures.Boilerplate.Got += len(ws)
		r.gap("boilerplate (info): %d criteria read %q: %s", len(ws), clip(k, 110), clip(strings.Join(ids, ", "), 80))
	}
}

// storyWords are the stems of a story's own content words: its title,
// role, want and benefit. They are what makes a criterion this story's.
func storyWords(s artifact.Story) stems {
	out := stems{}
	for _, w := range prose.Words(strings.Join([]string{s.Title, s.Role, s.Want, s.SoThat, s.Text}, " ")) {
		if !prose.IsStopWord(w) {
			out[prose.Stem(w)] = true
		}
	}
	return out
}

// boilerplateKey is a criterion's text with the story's own content words
// replaced by "_" (a run of them by one), lower case: two criteria with
// the same key say the same thing of different stories.
func boilerplateKey(c artifact.Criterion, own stems) string {
	var out []string
	for _, w := range prose.Words(criterionText(c)) {
		if !prose.IsStopWord(w) && own[prose.Stem(w)] {
			w = "_"
			if len(out) > 0 && out[len(out)-1] == "_" {
				continue
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
