package pipeline

import (
	"errors"

	"context"
	"fmt"

	"github.com/prodgen/prodgen/internal/disk"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/offline"
	"github.com/prodgen/prodgen/internal/plural"
	"github.com/prodgen/prodgen/internal/prompt"
)

// prdStage writes the product requirements document from the brief.
type prdStage struct{}

const prdName = "prd"

func (prdStage) Name() string                { return prdName }
func (prdStage) Command() string             { return "prodgen prd" }
func (prdStage) Output(p *Project) string    { return p.prdPath() }
func (prdStage) folder() bool                { return false }
func (prdStage) upstream() []string          { return nil }
func (prdStage) sources(p *Project) []string { return []string{slash(p.opts.Brief)} }
func (s prdStage) why(p *Project, sel Selection, st Status) string {
	return docWhy(p, s, sel, st)
}

func (s prdStage) check(p *Project, input string) error {
	_, err := s.work(p, input)
	return err
}

func (s prdStage) run(ctx context.Context, x *execution, step planStep) error {
	w, err := s.work(x.p, x.sel.Input)
	return runDocument(ctx, x, step, w, err)
}

func (s prdStage) dryCalls(p *Project, input string) ([]call, error) {
	w, err := s.work(p, input)
	if err != nil {
		return nil, err
	}
	return w.calls(p)
}

// prdWork is the brief, read, and the PRD made from it.
type prdWork struct {
	path  string // the brief, as the user names it
	src   []byte
	lines []string // src's lines, as the PRD's sources cite them
	brief *brief.Brief
	prd   *artifact.PRD
}

// work reads the brief at input (the configured one when empty).
func (prdStage) work(p *Project, input string) (*prdWork, error) {
	path := orDefault(input, p.opts.Brief)
	src, b, err := p.readBrief(p.Abs(path), path)
	if err != nil {
		return nil, err
	}
	return &prdWork{path: path, src: src, lines: artifact.BriefLines(src), brief: b}, nil
}

func (w *prdWork) build() error {
	v := &prdValue{PRD: *offline.BuildPRD(w.brief), brief: w.lines}
	w.prd = &v.PRD
	return checked(v, prdName)
}

func (w *prdWork) calls(p *Project) ([]call, error) {
	msgs, err := p.messages(prdName, prompt.PRDData{Brief: string(w.src), BriefPath: slash(w.path)})
	if err != nil {
		return nil, err
	}
	req := llm.Request{Stage: prdName, Messages: msgs, Schema: &llm.Schema{Name: prdName, JSON: artifact.PRDSchema(len(w.lines))}}
	return []call{{req: req, into: &prdValue{brief: w.lines, model: true}}}, nil
}

func (w *prdWork) merge(_ *Project, calls []call) { w.prd = &calls[0].into.(*prdValue).PRD }

func (w *prdWork) finish(p *Project, b base) (*document, error) {
	if err := w.nonEmpty(p, b.allowEmpty); err != nil {
		return nil, err
	}
	mine, err := current(p, p.prdPath(), b, artifact.ParsePRD)
	if err != nil {
		return nil, err
	}
	b = b.fromMine(mine != nil, func(m *merger) { mergePRD(m, nil, mine) })
	ids := stabilizeWith(w.prd, mine, b, knownPRD, prdIDs, artifact.StabilizePRD)
	m := newMerger(b.ledger, b.whole || mine == nil)
	prd := mergePRD(m, mine, w.prd)
	prd.Header = artifact.Header{Sources: []string{slash(w.path)}, Command: prdStage{}.Command() + " " + slash(w.path)}
	md, err := render(p.prdPath(), prd, artifact.RenderPRD)
	if err != nil {
		return nil, err
	}
	summary := fmt.Sprintf("%s, %s, %s",
		plural.Count(len(prd.Functional), "functional requirement"),
		plural.Count(len(prd.NonFunctional), "non-functional requirement"),
		plural.Count(len(prd.OpenQuestions), "open question"))
	return &document{markdown: md, summary: summary, ids: ids, items: m.ledger(), read: []fileHash{{Path: slash(w.path), SHA256: hashBytes(w.src)}}}, nil
}

// accept checks a hand-edited PRD and takes it as it is into the ledger.
func (prdStage) accept(_ *Project, data []byte, ledger []item) (artifact.Highest, []item, error) {
	prd, err := artifact.ParsePRD(data)
	if err != nil {
		return nil, nil, err
	}
	if err := prd.Validate(); err != nil {
		return nil, nil, err
	}
	m := &merger{base: newMerger(ledger, false).base, adopt: true}
	mergePRD(m, prd, nil)
	return prdIDs(prd), m.ledger(), nil
}

// prdIDs is the highest number of each kind of ID a PRD uses.
func prdIDs(prd *artifact.PRD) artifact.Highest {
	ids := highestOf(artifact.KindGoal, idsOf(prd.Goals, func(g artifact.Goal) string { return g.ID }), nil)
	ids = highestOf(artifact.KindFunctional, requirementIDs(prd.Functional), ids)
	ids = highestOf(artifact.KindNonFunctional, requirementIDs(prd.NonFunctional), ids)
	return highestOf(artifact.KindQuestion, questionIDs(prd.OpenQuestions), ids)
}

// knownPRD is the PRD as far as the ledger and mine tell its items' IDs.
func knownPRD(ledger []item, mine *artifact.PRD) *artifact.PRD {
	var m artifact.PRD
	if mine != nil {
		m = *mine
	}
	req := func(id, text string) artifact.Requirement { return artifact.Requirement{ID: id, Text: text} }
	return &artifact.PRD{
		Goals: withMine(fromLedger(ledger, goals.kind, func(id, text string) artifact.Goal { return artifact.Goal{ID: id, Text: text} }),
			m.Goals, goals.key, ledger),
		Functional:    withMine(fromLedger(ledger, functional.kind, req), m.Functional, functional.key, ledger),
		NonFunctional: withMine(fromLedger(ledger, nonFunc.kind, req), m.NonFunctional, nonFunc.key, ledger),
		OpenQuestions: withMine(fromLedger(ledger, questions.kind, func(id, text string) artifact.Question { return artifact.Question{ID: id, Text: text} }),
			m.OpenQuestions, questions.key, ledger),
	}
}

// prdValue is a PRD as an answer decodes into it, checked against the
// lines of the brief its items cite.
type prdValue struct {
	artifact.PRD
	brief []string
	// model is set for a model's answer, each of whose functional
	// requirements must cite the brief (the offline engine cites what it
	// finds, and a brief line it cannot place is no reason to fail).
	model bool
}

func (v *prdValue) reset()  { v.PRD = artifact.PRD{} }
func (v *prdValue) number() { v.PRD.Number() }
func (v *prdValue) validate() error {
	errs := []error{v.PRD.Validate(), v.PRD.CheckSources(v.brief)}
	if v.model {
		errs = append(errs, v.PRD.CheckCited(v.brief))
	}
	return errors.Join(errs...)
}

func (prdStage) settle(p *Project, data []byte, s *settlement) ([]byte, error) {
	prd, err := artifact.ParsePRD(data)
	if err != nil {
		return nil, err
	}
	if s.keepTheirs {
		p.warnUnparsed(p.prdPath(), prd, true)
	}
	out := mergePRD(&merger{settle: s}, prd, nil)
	out.Header = prd.Header
	return render(p.prdPath(), out, artifact.RenderPRD)
}

// nonEmpty refuses a PRD with no functional requirement: a brief prodgen
// could not read must not pass for one that asks for nothing. allowEmpty
// (--allow-empty) lets it through. A PRD with requirements but no users, or
// users but no requirements, is written with a warning.
func (w *prdWork) nonEmpty(p *Project, allowEmpty bool) error {
	switch {
	case len(w.prd.Functional) == 0 && !allowEmpty:
		return &disk.InputError{Path: slash(w.path), Err: errors.New(`no feature could be read from it. prodgen looks for what the product must do: ` +
			`a list under a heading such as "Features", "Requirements" or "What it does", a table with a feature column, ` +
			`or sentences such as "Users can …" or "The app will …". For example:

    ## Features

    - Tenants report a repair with a photo.
    - Coordinators assign each repair to a technician.

Write the features in one of these shapes, or run again with --allow-empty to write a PRD of open questions`)}
	case len(w.prd.Functional) == 0:
		p.obs.Warnf("warning: %s: no feature could be read from it; the PRD holds open questions only\n", slash(w.path))
	case len(w.prd.Personas) == 0:
		p.obs.Warnf("warning: %s: no users could be read from it; the stories will say \"user\" (name them under a heading such as \"Users\")\n", slash(w.path))
	}
	return nil
}
