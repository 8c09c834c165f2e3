package artifact

import (
	"github.com/prodgen/prodgen/internal/markdown"
)

// prdView is a PRD ready for its template.
type prdView struct {
	view
	Summary, Problem       string
	Goals, Users           []string
	Functional             []string
	NonFunctional          []string
	InScope, OutOfScope    []string
	Metrics                *table
	Assumptions, Questions []string
}

// RenderPRD writes the PRD as markdown. It fails on an ID that is not
// well-formed for its list, which the document could not be read back with.
func RenderPRD(p *PRD) ([]byte, error) {
	v := prdView{
		view:        newView(p.Header, kindPRD, p.Title),
		Summary:     blockSafe(oneLine(p.Summary)),
		Problem:     blockSafe(oneLine(p.Problem)),
		Users:       namedItems(p.Personas, func(u Persona) (string, string) { return u.Name, u.Description }),
		InScope:     plainItems(p.InScope),
		OutOfScope:  plainItems(p.OutOfScope),
		Assumptions: plainItems(p.Assumptions),
	}
	var err error
	if v.Goals, err = idItems(KindGoal, p.Goals, goalParts); err != nil {
		return nil, err
	}
	if v.Functional, err = idItems(KindFunctional, p.Functional, requirementParts); err != nil {
		return nil, err
	}
	if v.NonFunctional, err = idItems(KindNonFunctional, p.NonFunctional, requirementParts); err != nil {
		return nil, err
	}
	if v.Questions, err = idItems(KindQuestion, p.OpenQuestions, questionParts); err != nil {
		return nil, err
	}
	if len(p.Metrics) > 0 {
		v.Metrics = &table{Head: []string{"Metric", "Baseline", "Target"}}
		for _, m := range p.Metrics {
			v.Metrics.Rows = append(v.Metrics.Rows, []string{cell(m.Name), cell(m.Baseline), cell(m.Target)})
		}
	}
	return execute("prd.md.tmpl", v)
}

// ParsePRD reads a PRD written by RenderPRD and maybe edited since. What
// it cannot read is listed by the PRD's Unparsed.
func ParsePRD(src []byte) (*PRD, error) {
	return parsePRD(&reader{}, src)
}

func parsePRD(r *reader, src []byte) (*PRD, error) {
	o, err := readOutline(r, src, kindPRD)
	if err != nil {
		return nil, err
	}
	p := &PRD{Header: o.header, Title: o.title}
	for _, s := range o.sections {
		if err := p.read(r, s); err != nil {
			return nil, err
		}
	}
	p.unparsed = r.done()
	return p, nil
}

// read reads one section of a PRD into p; r hears of unknown sections.
func (p *PRD) read(r *reader, s *markdown.Section) error {
	switch key(s.Title) {
	case "summary", "overview":
		appendProse(&p.Summary, prose(r, s))
	case "problem", "problem statement":
		appendProse(&p.Problem, prose(r, s))
	case "goals":
		return readIDItems(r, s, KindGoal, func(id, text string) error {
			p.Goals = append(p.Goals, Goal{ID: id, Text: text})
			return nil
		})
	case "users", "personas", "target users":
		for _, t := range texts(r, s) {
			name, desc := readNamed(t)
			p.Personas = append(p.Personas, Persona{Name: name, Description: desc})
		}
	case "functional requirements":
		return readIDItems(r, s, KindFunctional, func(id, text string) error {
			p.Functional = append(p.Functional, readRequirement(id, text))
			return nil
		})
	case "non-functional requirements", "nonfunctional requirements", "non functional requirements":
		return readIDItems(r, s, KindNonFunctional, func(id, text string) error {
			p.NonFunctional = append(p.NonFunctional, readRequirement(id, text))
			return nil
		})
	case "scope":
		r.rest(s, true)
		for _, c := range s.Children {
			if err := p.read(r, c); err != nil {
				return err
			}
		}
	case "in scope":
		p.InScope = append(p.InScope, texts(r, s)...)
	case "out of scope", "non-goals":
		p.OutOfScope = append(p.OutOfScope, texts(r, s)...)
	case "success metrics", "metrics":
		rows, _ := readTable(r, s, []string{"metric", "name"}, []string{"baseline", "today", "current"}, []string{"target", "goal"})
		r.rest(s, false, markdown.Table)
		for _, row := range rows {
			p.Metrics = append(p.Metrics, Metric{Name: cellText(row[0]), Baseline: cellText(row[1]), Target: cellText(row[2])})
		}
	case "assumptions and risks", "risks and assumptions", "assumptions", "risks":
		p.Assumptions = append(p.Assumptions, texts(r, s)...)
	case "open questions", "questions":
		return readIDItems(r, s, KindQuestion, func(id, text string) error {
			p.OpenQuestions = append(p.OpenQuestions, Question{ID: id, Text: text})
			return nil
		})
	default:
		r.drop(s.Line, "section %q is not read: a PRD has no section of that name", s.Title)
	}
	return nil
}
