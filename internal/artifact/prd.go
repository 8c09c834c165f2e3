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
	Journeys               []string
	Functional             []string
	NonFunctional          []string
	InScope, OutOfScope    []string
	Dependencies           []string
	Metrics                *table
	Assumptions, Questions []string
	Risks                  []string
	// AssumptionsHeading is "Assumptions and risks", or "Assumptions"
	// when the risks have a section of their own.
	AssumptionsHeading string
}

// RenderPRD writes the PRD as markdown. It fails on an ID that is not
// well-formed for its list, which the document could not be read back with.
func RenderPRD(p *PRD) ([]byte, error) {
	if err := p.checkRanges(); err != nil {
		return nil, fmt.Errorf("render %s: %w", kindPRD, err)
	}
	brief := briefName(p.Header)
	v := prdView{
		view:               newView(p.Header, kindPRD, p.Title),
		Summary:            blockSafe(oneLine(p.Summary)),
		Problem:            blockSafe(oneLine(p.Problem)),
		Users:              personaLines(p.Personas, brief),
		Journeys:           journeyLines(p.Journeys, brief),
		InScope:            plainItems(p.InScope),
		Dependencies:       plainItems(p.Dependencies),
		Assumptions:        plainItems(p.Assumptions),
		Risks:              riskLines(p.Risks, brief),
		AssumptionsHeading: "Assumptions and risks",
	}
	if len(v.Risks) > 0 {
		v.AssumptionsHeading = "Assumptions"
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

// metricsTable renders the success metrics, with a Timeframe column when
// any of them has one and a Source column when any of them cites the
// brief.
func metricsTable(metrics []Metric, brief string) *table {
	if len(metrics) == 0 {
		return nil
	}
	timed := slices.ContainsFunc(metrics, func(m Metric) bool { return !isEmptyMark(oneLine(m.Timeframe)) })
	cited := slices.ContainsFunc(metrics, func(m Metric) bool { return !m.Source.IsZero() })
	t := &table{Head: []string{"Metric", "Baseline", "Target"}}
	if timed {
		t.Head = append(t.Head, "Timeframe")
	}
	if cited {
		t.Head = append(t.Head, "Source")
	}
	for _, m := range metrics {
		row := []string{cell(m.Name), cell(m.Baseline), cell(m.Target)}
		if timed {
			row = append(row, cell(m.Timeframe))
		}
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
		for _, t := range nestedTexts(r, s) {
			var u Persona
			for _, c := range t.children {
				if g := cutTag(c.text, goalTag); g != "" {
					u.Goals = append(u.Goals, g)
				}
			}
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
	case "user journeys", "journeys":
		for _, t := range nestedTexts(r, s) {
			j := Journey{}
			j.Name, j.Source, _ = cutCitation(t.text, r.brief)
			for _, c := range t.children {
				j.Steps = append(j.Steps, c.text)
			}
			r.cite(t.line, journeyCited(len(p.Journeys), j))
			p.Journeys = append(p.Journeys, j)
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
	case "dependencies":
		p.Dependencies = append(p.Dependencies, texts(r, s)...)
	case "assumptions and risks", "risks and assumptions", "assumptions":
		p.Assumptions = append(p.Assumptions, texts(r, s)...)
	case "risks":
		for _, t := range nestedTexts(r, s) {
			k := Risk{}
			k.Text, k.Source, _ = cutCitation(t.text, r.brief)
			for _, c := range t.children {
				m, ok := cutPrefixFold(c.text, mitigationTag)
				if !ok {
					r.drop(c.line, "nested item under %q is not read: %s (the item under a risk is its mitigation: %q)", s.Title, snippet(c.text), mitigationTag+" …")
					continue
				}
				appendProse(&k.Mitigation, strings.TrimSpace(m))
			}
			r.cite(t.line, riskCited(len(p.Risks), k))
			p.Risks = append(p.Risks, k)
		}
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

const (
	goalTag       = "Goal:"
	mitigationTag = "Mitigation:"
)

// personaLines writes the personas, each as "**Name**: description
// (brief.md:12)", or "**Name** (brief.md:12)" when it has no description,
// with its goals nested under it, one "Goal: …" each.
func personaLines(ps []Persona, brief string) []string {
	var out []string
	for _, u := range ps {
		var goals []string
		for _, g := range u.Goals {
			if g = oneLine(g); g != "" {
				goals = append(goals, "- "+goalTag+" "+EscapeHTML(g))
			}
		}
		desc := cite(u.Description, u.Source, brief)
		line := namedLine(u.Name, desc)
		if strings.TrimSpace(u.Description) == "" && !u.Source.IsZero() && oneLine(u.Name) != "" {
			if named := namedLine(u.Name, ""); named != "" {
				// Escaped as one line, as the parser reads it back.
				line = EscapeHTML(htmlText(named) + " " + desc)
			}
		}
		if line = nestLines(line, goals); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// journeyLines writes the user journeys, each as its name and citation,
// "Join the queue (brief.md:12-14)", with its steps numbered under it.
func journeyLines(js []Journey, brief string) []string {
	var out []string
	for _, j := range js {
		var steps []string
		for _, st := range j.Steps {
			if st = blockSafe(oneLine(st)); st != "" {
				steps = append(steps, fmt.Sprintf("%d. %s", len(steps)+1, st))
			}
		}
		if line := nestLines(blockSafe(oneLine(cite(j.Name, j.Source, brief))), steps); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// riskLines writes the risks, each as its text and citation, with its
// mitigation under it as "Mitigation: …" when it has one.
func riskLines(rs []Risk, brief string) []string {
	var out []string
	for _, k := range rs {
		var more []string
		if m := oneLine(k.Mitigation); m != "" {
			more = append(more, "- "+mitigationTag+" "+EscapeHTML(m))
		}
		if line := nestLines(blockSafe(oneLine(cite(k.Text, k.Source, brief))), more); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// nestLines writes a list item's text with items nested under it, each
// on a line of its own, indented to the item's text. An item with no
// text of its own but nested items shows the placeholder "–" (markdown
// reads a numbered list under an empty item as a list of its own).
func nestLines(head string, nested []string) string {
	if head == "" && len(nested) > 0 {
		head = placeholder
	}
	for _, n := range nested {
		head += "\n  " + n
	}
	return head
}

// cutTag is a nested item's text without its tag ("Goal:"), in any
// case; text without the tag is the whole text.
func cutTag(text, tag string) string {
	if rest, ok := cutPrefixFold(text, tag); ok {
		return strings.TrimSpace(rest)
	}
	return strings.TrimSpace(text)
}

// cutPrefixFold is strings.CutPrefix, ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if hasPrefixFold(s, prefix) {
		return s[len(prefix):], true
	}
	return s, false
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

// readMetrics reads the success metrics table. The Timeframe and Source
// columns are read only by their names, and a cell in the Source column
// that is not a citation of the brief is not read.
func (p *PRD) readMetrics(r *reader, s *markdown.Section) {
	want := [][]string{{"metric", "name"}, {"baseline", "today", "current"}, {"target", "goal"}}
	timeframe, source := -1, -1
	if hasColumn(s, "timeframe") {
		timeframe = len(want)
		want = append(want, []string{"timeframe"})
	}
	if hasColumn(s, "source") {
		source = len(want)
		want = append(want, []string{"source"})
	}
	rows, start := readTable(r, s, want...)
	r.rest(s, false, markdown.Table)
	for i, row := range rows {
		m := Metric{Name: cellText(row[0]), Baseline: cellText(row[1]), Target: cellText(row[2])}
		if timeframe >= 0 {
			m.Timeframe = cellText(row[timeframe])
		}
		line := rowLine(start, i)
		if source >= 0 {
			if c := cellText(row[source]); c != "" {
				var ok bool
				if m.Source, ok = readCitation(c, r.brief); !ok {
					r.drop(line, "source %q of metric %q is not read: want the brief's lines, as in %q", c, m.Name, Source{Start: 12, End: 14}.citation(r.brief))
				}
			}
		}
		r.cite(line, metricCited(len(p.Metrics), m))
		p.Metrics = append(p.Metrics, m)
	}
}
