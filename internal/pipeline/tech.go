package pipeline

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/domain"
	"github.com/prodgen/prodgen/internal/offline"
	"github.com/prodgen/prodgen/internal/plural"
)

// techStage writes the technical requirements from the PRD and the
// stories.
type techStage struct{}

const techName = "tech"

func (techStage) Name() string                { return techName }
func (techStage) Command() string             { return "prodgen tech" }
func (techStage) Output(p *Project) string    { return p.techPath() }
func (techStage) folder() bool                { return false }
func (techStage) upstream() []string          { return []string{prdName, storiesName} }
func (techStage) sources(p *Project) []string { return []string{p.prdPath(), p.storiesPath()} }
func (s techStage) why(p *Project, sel Selection, st Status) string {
	return docWhy(p, s, sel, st)
}

func (s techStage) check(p *Project, _ string) error {
	_, err := s.work(p)
	return err
}

func (s techStage) run(ctx context.Context, x *execution, step planStep) error {
	w, err := s.work(x.p)
	return runDocument(ctx, x, step, w, err)
}

// dryCalls are the calls a model would be sent: for a large tech spec the
// design request, and the tasks requests with a placeholder where the
// design's answer will be.
func (s techStage) dryCalls(p *Project, _ string) ([]call, error) {
	w, err := s.work(p)
	if err != nil {
		return nil, err
	}
	calls, err := w.calls(p)
	if err != nil || len(w.stories.Stories) <= taskGroup {
		return calls, err
	}
	more, err := w.taskCalls(p, nil)
	return append(calls, more...), err
}

// techWork is the PRD and the stories, read, and the tech spec made from
// them.
type techWork struct {
	prdSrc, storiesSrc []byte
	// briefSrc and domain are the brief the PRD was made from and what
	// domain.Read takes from it; nil when it is not at hand.
	briefSrc []byte
	domain   *domain.Model
	prd      *artifact.PRD
	stories  *artifact.Stories
	tech     *artifact.TechSpec
}

// work reads the project's PRD and stories; the stories must trace to the
// PRD's requirements.
func (techStage) work(p *Project) (*techWork, error) {
	prdSrc, prd, err := p.readPRD(p.prdPath())
	if err != nil {
		return nil, err
	}
	storiesSrc, stories, err := p.readStories(p.storiesPath())
	if err != nil {
		return nil, err
	}
	if err := stories.Validate(prd); err != nil {
		return nil, &disk.InputError{Path: p.storiesPath(), Err: err}
	}
	w := &techWork{prdSrc: prdSrc, storiesSrc: storiesSrc, prd: prd, stories: stories}
	w.briefSrc, w.domain = p.briefDomain(prd)
	return w, nil
}

// briefDomain reads the domain of the brief the PRD was made from, when
// it is at hand: its data model, API and stack are the tech spec's to
// take as given (issue: the brief's own data or API section). The brief
// is read, not required: a PRD written by hand, or moved away from its
// brief, gives the engine its own words instead (offline.BuildTechFrom),
// and the brief is no input the lock records, so its edits reach the
// tech spec through the PRD they change.
func (p *Project) briefDomain(prd *artifact.PRD) ([]byte, *domain.Model) {
	if len(prd.Header.Sources) == 0 {
		return nil, nil
	}
	name := prd.Header.Sources[0]
	if _, err := os.Stat(p.Abs(name)); err != nil {
		return nil, nil
	}
	src, b, err := p.readBrief(p.Abs(name), name)
	if err != nil {
		return nil, nil // the PRD stage reports a broken brief; here it is only context
	}
	m := domain.Read(b, src)
	return src, &m
}

func (w *techWork) build() error {
	v := &techValue{TechSpec: *offline.BuildTechFrom(w.prd, w.stories, w.domain), prd: w.prd, stories: w.stories}
	w.tech = &v.TechSpec
	return checked(v, techName)
}

func (w *techWork) finish(p *Project, b base) (*document, error) {
	mine, err := current(p, p.techPath(), b, artifact.ParseTech)
	if err != nil {
		return nil, err
	}
	b = b.fromMine(mine != nil, func(m *merger) { mergeTech(m, nil, mine) })
	ids := stabilizeWith(w.tech, mine, b, knownTech, techIDs, artifact.StabilizeTech)
	m := newMerger(b.ledger, b.whole || mine == nil)
	tech := mergeTech(m, mine, w.tech)
	tech.Header = artifact.Header{Sources: []string{p.prdPath(), p.storiesPath()}, Command: techStage{}.Command()}
	md, err := render(p.techPath(), tech, artifact.RenderTech)
	if err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("%s, %s, %s",
		plural.Count(len(tech.Entities), "entity"), plural.Count(len(tech.Endpoints), "endpoint"), plural.Count(len(tech.Tasks), "task"))
	read := []fileHash{{Path: p.prdPath(), SHA256: hashBytes(w.prdSrc)}, {Path: p.storiesPath(), SHA256: hashBytes(w.storiesSrc)}}
	return &document{markdown: md, summary: summary, ids: ids, items: m.ledger(), read: read}, nil
}

// accept checks a hand-edited tech spec against the project's PRD and
// stories and takes it as it is into the ledger.
func (techStage) accept(p *Project, data []byte, ledger []item) (artifact.Highest, []item, error) {
	t, err := artifact.ParseTech(data)
	if err != nil {
		return nil, nil, err
	}
	_, prd, err := p.readPRD(p.prdPath())
	if err != nil {
		return nil, nil, err
	}
	_, s, err := p.readStories(p.storiesPath())
	if err != nil {
		return nil, nil, err
	}
	if err := t.Validate(prd, s); err != nil {
		return nil, nil, err
	}
	m := &merger{base: newMerger(ledger, false).base, adopt: true}
	mergeTech(m, t, nil)
	return techIDs(t), m.ledger(), nil
}

func techIDs(t *artifact.TechSpec) artifact.Highest {
	ids := highestOf(artifact.KindTask, idsOf(t.Tasks, func(t artifact.Task) string { return t.ID }), nil)
	return highestOf(artifact.KindQuestion, questionIDs(t.OpenQuestions), ids)
}

// knownTech is the tech spec as far as the ledger and mine tell its
// items' IDs.
func knownTech(ledger []item, mine *artifact.TechSpec) *artifact.TechSpec {
	var m artifact.TechSpec
	if mine != nil {
		m = *mine
	}
	return &artifact.TechSpec{
		Tasks: withMine(fromLedger(ledger, tasks.kind, func(id, text string) artifact.Task { return artifact.Task{ID: id, Text: text} }),
			m.Tasks, tasks.key, ledger),
		OpenQuestions: withMine(fromLedger(ledger, questions.kind, func(id, text string) artifact.Question { return artifact.Question{ID: id, Text: text} }),
			m.OpenQuestions, questions.key, ledger),
	}
}

// techValue is a tech spec as an answer decodes into it, checked against
// the PRD whose non-functional requirements it carries over and the
// stories its tasks may name.
//
// A request for part of the document is checked for its part: a design
// answer's setup tasks as a graph of their own (a story task it holds is
// left out, see setupOnly); a tasks answer's tasks, numbered after the
// design's setup tasks, against the design, whose components, entities,
// endpoints and setup tasks alone they may name.
type techValue struct {
	artifact.TechSpec
	prd     *artifact.PRD
	stories *artifact.Stories
	part    string             // wholePart, designPart or tasksPart
	design  *artifact.TechSpec // a tasks request's design
	first   int                // the number of the answer's first task
}

func (v *techValue) reset() { v.TechSpec = artifact.TechSpec{} }

func (v *techValue) number() {
	tasks := v.Tasks
	v.Tasks = nil
	v.TechSpec.Number()
	v.Tasks = tasks
	v.NumberFrom(max(v.first, 1))
}

func (v *techValue) validate() error {
	switch v.part {
	case designPart:
		var setup []artifact.Task
		for _, t := range v.Tasks {
			if t.Setup {
				setup = append(setup, t)
			}
		}
		design := v.TechSpec
		design.Tasks = setup
		return design.Validate(v.prd, v.stories)
	case tasksPart:
		return v.design.ValidateTasks(append(slices.Clone(v.design.Tasks), v.Tasks...), v.stories)
	}
	return v.TechSpec.Validate(v.prd, v.stories)
}

func (techStage) settle(p *Project, data []byte, s *settlement) ([]byte, error) {
	doc, err := artifact.ParseTech(data)
	if err != nil {
		return nil, err
	}
	if s.keepTheirs {
		p.warnUnparsed(p.techPath(), doc, true)
	}
	out := mergeTech(&merger{settle: s}, doc, nil)
	out.Header = doc.Header
	return render(p.techPath(), out, artifact.RenderTech)
}
