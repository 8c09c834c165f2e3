package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/offline"
	"github.com/prodgen/prodgen/internal/plural"
	"github.com/prodgen/prodgen/internal/prompt"
)

// storiesStage writes user stories with acceptance criteria from the PRD.
type storiesStage struct{}

const storiesName = "stories"

func (storiesStage) Name() string                { return storiesName }
func (storiesStage) Command() string             { return "prodgen stories" }
func (storiesStage) Output(p *Project) string    { return p.storiesPath() }
func (storiesStage) folder() bool                { return false }
func (storiesStage) upstream() []string          { return []string{prdName} }
func (storiesStage) sources(p *Project) []string { return []string{p.prdPath()} }
func (s storiesStage) why(p *Project, sel Selection, st Status) string {
	return docWhy(p, s, sel, st)
}

func (s storiesStage) check(p *Project, input string) error {
	_, err := s.work(p, input)
	return err
}

func (s storiesStage) run(ctx context.Context, x *execution, step planStep) error {
	w, err := s.work(x.p, x.sel.Input)
	return runDocument(ctx, x, step, w, err)
}

func (s storiesStage) dryCalls(p *Project, input string) ([]call, error) {
	w, err := s.work(p, input)
	if err != nil {
		return nil, err
	}
	return w.calls(p)
}

// storiesWork is the PRD, read, and the stories made from it.
type storiesWork struct {
	path    string // the PRD, as the user names it
	src     []byte
	prd     *artifact.PRD
	stories *artifact.Stories
}

// work reads the PRD at input (the project's when empty).
func (storiesStage) work(p *Project, input string) (*storiesWork, error) {
	path := orDefault(input, p.prdPath())
	src, prd, err := p.readPRD(path)
	if err != nil {
		return nil, err
	}
	return &storiesWork{path: path, src: src, prd: prd}, nil
}

func (w *storiesWork) build() error {
	v := &storiesValue{Stories: *offline.BuildStories(w.prd), prd: w.prd}
	w.stories = &v.Stories
	return checked(v, storiesName)
}

// StoryGroup is how many functional requirements one stories request
// covers when a model writes them. A requirement makes one to three
// stories of about 200 tokens each with their criteria, so a group's
// answer stays far below any model's output limit however large the PRD
// is, and a 30-requirement PRD makes six requests that run in parallel.
// It is a constant, not derived from jobs, so that the documents do not
// depend on how many requests ran at once.
const storyGroup = 5

// calls asks a model for the stories one group of requirements at a time,
// in smaller groups when the answers would not fit the context window:
// each group's answer is smaller, the PRD sent with it the same.
func (w *storiesWork) calls(p *Project) ([]call, error) {
	for size := storyGroup; ; size = (size + 1) / 2 {
		groups := [][]artifact.Requirement{w.prd.Functional}
		if len(w.prd.Functional) > size {
			groups = groupsOf(w.prd.Functional, size)
		}
		calls, err := w.groups(p, groups)
		if err != nil {
			return nil, err
		}
		if err := p.budget.allFit(calls); err == nil || size == 1 {
			return calls, nil
		}
	}
}

// groups builds one stories request per group of requirements. Each
// request must cover its group's requirements, but its stories may trace
// any of the PRD's requirements they deliver, and take as their role only
// one of the PRD's personas: the schema's enums list them all.
func (w *storiesWork) groups(p *Project, groups [][]artifact.Requirement) ([]call, error) {
	calls := make([]call, 0, len(groups))
	allIDs := requirementIDs(w.prd.Functional)
	roles := artifact.PersonaRoles(w.prd.Personas)
	for _, g := range groups {
		frIDs := requirementIDs(g)
		msgs, err := p.messages(storiesName, prompt.StoriesData{PRD: string(w.src), FRIDs: frIDs, Part: len(groups) > 1, Roles: roles})
		if err != nil {
			return nil, err
		}
		req := llm.Request{Stage: storiesName, Messages: msgs,
			Schema: &llm.Schema{Name: storiesName, JSON: artifact.StoriesSchema(allIDs, roles)}}
		calls = append(calls, call{req: req, into: &storiesValue{prd: w.prd, cover: frIDs}})
	}
	return calls, nil
}

// merge joins the stories of each call in the calls' order and numbers
// them again, US-001 onwards, as if one answer had held them all.
func (w *storiesWork) merge(_ *Project, calls []call) {
	first := &calls[0].into.(*storiesValue).Stories
	if len(calls) == 1 {
		w.stories = first
		return
	}
	merged := &artifact.Stories{Title: first.Title}
	for _, c := range calls {
		merged.Stories = append(merged.Stories, c.into.(*storiesValue).Stories.Stories...)
	}
	merged.Number()
	w.stories = merged
}

func (w *storiesWork) finish(p *Project, b base) (*document, error) {
	mine, err := current(p, p.storiesPath(), b, artifact.ParseStories)
	if err != nil {
		return nil, err
	}
	b = b.fromMine(mine != nil, func(m *merger) { mergeStories(m, nil, mine) })
	ids := stabilizeWith(w.stories, mine, b, knownStories, storiesIDs, artifact.StabilizeStories)
	m := newMerger(b.ledger, b.whole || mine == nil)
	stories := mergeStories(m, mine, w.stories)
	stories.Header = artifact.Header{Sources: []string{slash(w.path)}, Command: storiesStage{}.Command()}
	if w.path != p.prdPath() {
		stories.Header.Command += " " + slash(w.path)
	}
	md, err := render(p.storiesPath(), stories, artifact.RenderStories)
	if err != nil {
		return nil, err
	}
	criteria := 0
	for _, s := range stories.Stories {
		criteria += len(s.Criteria)
	}
	summary := fmt.Sprintf("%s, %s", plural.Count(len(stories.Stories), "story"), plural.Count(criteria, "acceptance criterion"))
	return &document{markdown: md, summary: summary, ids: ids, items: m.ledger(), read: []fileHash{{Path: slash(w.path), SHA256: hashBytes(w.src)}}}, nil
}

// accept checks hand-edited stories against the project's PRD and takes
// them as they are into the ledger.
func (storiesStage) accept(p *Project, data []byte, ledger []item) (artifact.Highest, []item, error) {
	s, err := artifact.ParseStories(data)
	if err != nil {
		return nil, nil, err
	}
	_, prd, err := p.readPRD(p.prdPath())
	if err != nil {
		return nil, nil, err
	}
	if err := s.Validate(prd); err != nil {
		return nil, nil, err
	}
	m := &merger{base: newMerger(ledger, false).base, adopt: true}
	mergeStories(m, s, nil)
	return storiesIDs(s), m.ledger(), nil
}

func storiesIDs(s *artifact.Stories) artifact.Highest {
	return highestOf(artifact.KindStory, storyIDs(s.Stories), nil)
}

// knownStories are the stories as far as the ledger and mine tell their
// IDs.
func knownStories(ledger []item, mine *artifact.Stories) *artifact.Stories {
	var m artifact.Stories
	if mine != nil {
		m = *mine
	}
	return &artifact.Stories{Stories: withMine(fromLedger(ledger, stories.kind,
		func(id, text string) artifact.Story { return artifact.Story{ID: id, Title: text} }), m.Stories, stories.key, ledger)}
}

// storiesValue is stories as an answer decodes into them, checked against
// the PRD whose requirements they may trace.
type storiesValue struct {
	artifact.Stories
	prd *artifact.PRD
	// cover are the requirements the answer must give a story each: its
	// request's group. Empty for the offline engine, which builds the
	// whole document.
	cover []string
}

func (v *storiesValue) reset()  { v.Stories = artifact.Stories{} }
func (v *storiesValue) number() { v.Stories.Number() }
func (v *storiesValue) validate() error {
	// Either engine's roles are the PRD's personas.
	return errors.Join(v.Stories.Validate(v.prd), v.covered(), v.Stories.CheckRoles(v.prd.Personas))
}

// covered reports each requirement of cover that no story traces.
func (v *storiesValue) covered() error {
	traced := make(map[string]bool)
	for _, st := range v.Stories.Stories {
		for _, id := range st.Traces {
			traced[id] = true
		}
	}
	var errs []error
	for _, id := range v.cover {
		if !traced[id] {
			errs = append(errs, fmt.Errorf("%s has no story: write at least one story that traces it", id))
		}
	}
	return errors.Join(errs...)
}

// expected is the answer a stories request needs room for: a story and
// its criteria run to about 300 tokens, two stories a requirement of its
// group.
func (v *storiesValue) expected() int {
	n := len(v.cover)
	if n == 0 {
		n = len(v.prd.Functional)
	}
	return 300 * 2 * max(n, 1)
}

func (storiesStage) settle(p *Project, data []byte, s *settlement) ([]byte, error) {
	doc, err := artifact.ParseStories(data)
	if err != nil {
		return nil, err
	}
	if s.keepTheirs {
		p.warnUnparsed(p.storiesPath(), doc, true)
	}
	out := mergeStories(&merger{settle: s}, doc, nil)
	out.Header = doc.Header
	return render(p.storiesPath(), out, artifact.RenderStories)
}
