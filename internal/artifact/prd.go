package artifact

import (
	"fmt"
	"slices"
	"strings"

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
	if err := p.checkRanges(); err != nil {
		return nil, fmt.Errorf("render %s: %w", kindPRD, err)
	}
	brief := briefName(p.Header)
	v := prdView{
		view:        newView(p.Header, kindPRD, p.Title),
		Summary:     blockSafe(oneLine(p.Summary)),
		Problem:     blockSafe(oneLine(p.Problem)),
		Users:       personaLines(p.Personas, brief),
		InScope:     plainItems(p.InScope),
		Assumptions: plainItems(p.Assumptions),
	}
	for i, s := range p.OutOfScope {
		if line := blockSafe(oneLine(cite(s, p.outOfScopeSource(i), brief))); line != "" {
			v.OutOfScope = append(v.OutOfScope, line)
		}
	}
	goal := func(g Goal) (string, string) { return g.ID, cite(g.Text, g.Source, brief) }
	req := func(r Requirement) (string, string) {
		return r.ID, cite(requirementText(r), r.Source, brief, r.Also...)
	}
	var err error
	if v.Goals, err = idItems(KindGoal, p.Goals, goal); err != nil {
		return nil, err
	}
	if v.Functional, err = idItems(KindFunctional, p.Functional, req); err != nil {
		return nil, err
	}
	if v.NonFunctional, err = idItems(KindNonFunctional, p.NonFunctional, req); err != nil {
		return nil, err
	}
	if v.Questions, err = idItems(KindQuestion, p.OpenQuestions, questionParts); err != nil {
		return nil, err
	}
	v.Metrics = metricsTable(p.Metrics, brief)
	return execute("prd.md.tmpl", v)
}

// metricsTable renders the success metrics, with a Source column when
// any of them cites the brief.
func metricsTable(metrics []Metric, brief string) *table {
	if len(metrics) == 0 {
		return nil
	}
	cited := slices.ContainsFunc(metrics, func(m Metric) bool { return !m.Source.IsZero() })
	t := &table{Head: []string{"Metric", "Baseline", "Target"}}
	if cited {
		t.Head = append(t.Head, "Source")
	}
	for _, m := range metrics {
		row := []string{cell(m.Name), cell(m.Baseline), cell(m.Target)}
		if cited {
			src := ""
			if !m.Source.IsZero() {
				src = m.Source.citation(brief)
			}
			row = append(row, cell(src))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
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
	r.brief = briefName(o.header)
	for _, s := range o.sections {
		if err := p.read(r, s); err != nil {
			return nil, err
		}
	}
	// Sources only for the items that have one, as RenderPRD reads them.
	for len(p.OutOfScopeSources) > 0 && p.OutOfScopeSources[len(p.OutOfScopeSources)-1].IsZero() {
		p.OutOfScopeSources = p.OutOfScopeSources[:len(p.OutOfScopeSources)-1]
	}
	if len(p.OutOfScopeSources) == 0 {
		p.OutOfScopeSources = nil
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
		return readIDItems(r, s, KindGoal, func(id, text string, line int) error {
			g := Goal{ID: id}
			g.Text, g.Source, _ = cutCitation(text, r.brief)
			r.cite(line, goalCited(len(p.Goals), g))
			p.Goals = append(p.Goals, g)
			return nil
		})
	case "users", "personas", "target users":
		for _, t := range lineTexts(r, s) {
			var u Persona
			u.Name, u.Description = readNamed(t.text)
			if u.Name == "" {
				// "**Clinic manager** (brief.md:14)": a name and its citation.
				if name, group, ok := strings.Cut(t.text, "** ("); ok && strings.HasPrefix(name, "**") {
					if n, _ := readNamed(name + "**"); n != "" {
						u.Name, u.Description = n, "("+group
					}
				}
			}
			u.Description, u.Source, _ = cutCitation(u.Description, r.brief)
			r.cite(t.line, personaCited(len(p.Personas), u))
			p.Personas = append(p.Personas, u)
		}
	case "functional requirements":
		return readIDItems(r, s, KindFunctional, func(id, text string, line int) error {
			p.Functional = append(p.Functional, readCitedRequirement(r, KindFunctional, len(p.Functional), id, text, line))
			return nil
		})
	case "non-functional requirements", "nonfunctional requirements", "non functional requirements":
		return readIDItems(r, s, KindNonFunctional, func(id, text string, line int) error {
			p.NonFunctional = append(p.NonFunctional, readCitedRequirement(r, KindNonFunctional, len(p.NonFunctional), id, text, line))
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
		for _, t := range lineTexts(r, s) {
			text, src, _ := cutCitation(t.text, r.brief)
			r.cite(t.line, scopeCited(len(p.OutOfScope), text, src))
			// One source per item, none or not; parsePRD trims the
			// ones at the end that are none.
			p.OutOfScope = append(p.OutOfScope, text)
			p.OutOfScopeSources = append(p.OutOfScopeSources, src)
		}
	case "success metrics", "metrics":
		p.readMetrics(r, s)
	case "assumptions and risks", "risks and assumptions", "assumptions", "risks":
		p.Assumptions = append(p.Assumptions, texts(r, s)...)
	case "open questions", "questions":
		return readIDItems(r, s, KindQuestion, func(id, text string, _ int) error {
			p.OpenQuestions = append(p.OpenQuestions, Question{ID: id, Text: text})
			return nil
		})
	default:
		r.drop(s.Line, "section %q is not read: a PRD has no section of that name", s.Title)
	}
	return nil
}

// personaLines writes the personas, each as "**Name**: description
// (brief.md:12)", or "**Name** (brief.md:12)" when it has no description.
func personaLines(ps []Persona, brief string) []string {
	var out []string
	for _, u := range ps {
		desc := cite(u.Description, u.Source, brief)
		if strings.TrimSpace(u.Description) == "" && !u.Source.IsZero() && oneLine(u.Name) != "" {
			if line := namedLine(u.Name, ""); line != "" {
				out = append(out, line+" "+desc)
				continue
			}
		}
		if line := namedLine(u.Name, desc); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// readCitedRequirement reads what RenderPRD writes of requirement i of
// kind k, on line: its text, priority and source.
func readCitedRequirement(r *reader, k Kind, i int, id, text string, line int) Requirement {
	text, src, also := cutCitation(text, r.brief)
	req := readRequirement(id, text)
	req.Source, req.Also = src, also
	r.cite(line, requirementCited(k, i, req))
	return req
}

// readMetrics reads the success metrics table. A Source column is read
// only by its name, and a cell in it that is not a citation of the brief
// is not read.
func (p *PRD) readMetrics(r *reader, s *markdown.Section) {
	want := [][]string{{"metric", "name"}, {"baseline", "today", "current"}, {"target", "goal"}}
	if hasColumn(s, "source") {
		want = append(want, []string{"source"})
	}
	rows, start := readTable(r, s, want...)
	r.rest(s, false, markdown.Table)
	for i, row := range rows {
		m := Metric{Name: cellText(row[0]), Baseline: cellText(row[1]), Target: cellText(row[2])}
		line := rowLine(start, i)
		if c := cellText(row[len(row)-1]); len(row) > 3 && c != "" {
			var ok bool
			if m.Source, ok = readCitation(c, r.brief); !ok {
				r.drop(line, "source %q of metric %q is not read: want the brief's lines, as in %q", c, m.Name, Source{Start: 12, End: 14}.citation(r.brief))
			}
		}
		r.cite(line, metricCited(len(p.Metrics), m))
		p.Metrics = append(p.Metrics, m)
	}
}
