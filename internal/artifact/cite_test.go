package artifact

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

// habitBrief is examples/habit-tracker/brief.md up to its features, which
// citedPRD cites.
const habitBrief = `# Streaks — a habit tracker for small teams

## Problem

Remote teams agree on small shared habits (a daily stand-up note, a weekly demo, code
review within a day) and then quietly drop them. Nobody notices until a retro, weeks
later. Existing habit apps are personal and gamified; they do not show a team where a
shared habit is slipping.

## Target users

- **Team lead** of a remote software team of 4–15 people; sets the habits.
- **Team member**; checks in, wants little friction.
- **Engineering manager** over several teams; wants a weekly overview, not details.

## Goals

- Teams keep 80% of agreed habits for at least 8 weeks.
- A check-in takes under 10 seconds.
- Leads see a slipping habit within a day, not at the next retro.

## Features

- Create a team and invite members by email link.
- Define a habit with a cadence (daily, weekdays, weekly) and an owner.
- Check in to a habit from the web app or from Slack.

## Non-goals

- No personal (non-team) habits in the first version.
- No points, badges or leaderboards.
`

// citedPRD is a PRD whose items cite habitBrief, some of them.
func citedPRD() *PRD {
	return &PRD{
		Header: Header{Sources: []string{"brief.md"}, Command: "prodgen prd brief.md"},
		Title:  "Streaks",
		Goals: []Goal{
			{ID: "G-1", Text: "Teams keep 80% of agreed habits for at least 8 weeks", Source: Source{18, 18}},
			{ID: "G-2", Text: "A check-in takes under 10 seconds"},
		},
		Personas: []Persona{
			{Name: "Team lead", Description: "Of a remote software team of 4–15 people; sets the habits.", Source: Source{12, 12}},
			{Name: "Team member", Description: "Checks in, wants little friction."},
			{Name: "Engineering manager", Source: Source{14, 14}},
		},
		Functional: []Requirement{
			{ID: "FR-001", Text: "The system must let a team lead create a team and invite members by email link.", Priority: "Must", Source: Source{24, 24}},
			{ID: "FR-002", Text: "The system must let a team lead define a habit with a cadence (daily, weekdays, weekly) and an owner.", Source: Source{25, 25}, Also: []Source{{5, 5}}},
			{ID: "FR-003", Text: "The system must let a team member check in to a habit from the web app or from Slack."},
		},
		NonFunctional: []Requirement{
			{ID: "NFR-001", Text: "A check-in must take under 10 seconds.", Priority: "P1", Source: Source{19, 19}},
		},
		InScope:           []string{"Create a team and invite members"},
		OutOfScope:        []string{"Personal (non-team) habits", "Points, badges or leaderboards", "Native mobile apps"},
		OutOfScopeSources: []Source{{30, 30}, {31, 31}},
		Metrics: []Metric{
			{Name: "Habit retention at 8 weeks", Target: "80%", Source: Source{18, 18}},
			{Name: "Weekly active teams after 3 months", Target: "200"},
		},
		OpenQuestions: []Question{{ID: "Q-1", Text: "Which Slack plans must be supported?"}},
	}
}

func TestCitedPRDBorneOut(t *testing.T) {
	p := citedPRD()
	checkErrors(t, p.Validate(), nil)
	checkErrors(t, p.CheckSources(BriefLines([]byte(habitBrief))), nil)
	// A journey and a risk cite the brief as the other items do.
	p = plannedPRD()
	checkErrors(t, p.CheckSources(BriefLines([]byte(habitBrief))), nil)
	p.Journeys[0].Source = Source{Start: 9, End: 9}
	p.Risks[0].Source = Source{Start: 40, End: 40}
	checkErrors(t, p.CheckSources(BriefLines([]byte(habitBrief))), []string{
		`journey "Check in from Slack" cites brief line 9, which shares no content word with it: cite the lines it comes from`,
		`risk "Teams drop the tool like the habits." cites brief line 40, beyond the brief's 31 lines: cite the lines it comes from`,
	})
}

func TestRenderCitations(t *testing.T) {
	doc := string(render(t, citedPRD()))
	for _, want := range []string{
		"- **G-1** Teams keep 80% of agreed habits for at least 8 weeks (brief.md:18)\n",
		"- **G-2** A check-in takes under 10 seconds\n",
		"- **Team lead**: Of a remote software team of 4–15 people; sets the habits. (brief.md:12)\n",
		"- **Engineering manager** (brief.md:14)\n",
		"- **FR-001** The system must let a team lead create a team and invite members by email link. (priority: Must) (brief.md:24)\n",
		"- **NFR-001** A check-in must take under 10 seconds. (priority: P1) (brief.md:19)\n",
		"- Personal (non-team) habits (brief.md:30)\n- Points, badges or leaderboards (brief.md:31)\n- Native mobile apps\n",
		"| Metric | Baseline | Target | Source |\n| --- | --- | --- | --- |\n| Habit retention at 8 weeks | – | 80% | brief.md:18 |\n| Weekly active teams after 3 months | – | 200 | – |\n",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %q:\n%s", want, doc)
		}
	}
	other := citedPRD()
	other.Header.Sources = []string{"product/brief v2.md"}
	if doc := string(render(t, other)); strings.Contains(doc, "(brief.md:18)") || !strings.Contains(doc, "(product/brief v2.md:18)") {
		t.Errorf("citations do not name the header's brief:\n%s", doc)
	}
	other.Header = Header{}
	if doc := string(render(t, other)); !strings.Contains(doc, "(brief.md:18)") {
		t.Errorf("a PRD with no header does not cite brief.md:\n%s", doc)
	}
}

// TestRoundTripCitations renders sources next to text that reads like a
// citation, names that hold separators, and items of a citation alone:
// each document is a fixed point.
func TestRoundTripCitations(t *testing.T) {
	src := Source{Start: 3, End: 5}
	tests := []struct {
		name  string
		value *PRD
	}{
		{"text like a citation", &PRD{Title: "x",
			Goals:      []Goal{{ID: "G-1", Text: "a (brief.md:3)"}, {ID: "G-2", Text: "b (brief.md:3)", Source: src}, {Text: "(brief.md:7)"}},
			Functional: []Requirement{{ID: "FR-001", Text: "x (priority: P0)", Source: src}, {ID: "FR-002", Text: "y (brief.md:2)", Priority: "P1"}},
			OutOfScope: []string{"z (other.md:3)", "w (brief.md:0)", "v (brief.md:4-2)"}, OutOfScopeSources: []Source{src},
		}},
		{"a citation alone", &PRD{Title: "x",
			Goals:      []Goal{{ID: "G-1", Source: src}, {Source: src}},
			Personas:   []Persona{{Source: src}, {Name: "a", Source: src}, {Description: "**a**: b", Source: src}},
			OutOfScope: []string{"", " "}, OutOfScopeSources: []Source{src, src},
			Metrics: []Metric{{Source: src}},
		}},
		{"markdown around citations", &PRD{Title: "x",
			OutOfScope:        []string{"[foo]:", "# h", "1. x", "`a", "<b>"},
			OutOfScopeSources: []Source{src, src, src, src, src},
			Personas:          []Persona{{Name: "`x", Description: "<y", Source: src}},
		}},
		{"odd brief names", &PRD{Title: "x", Header: Header{Sources: []string{"a and b (c): d|e <f>.md"}},
			Goals:   []Goal{{ID: "G-1", Text: "g", Source: src}},
			Metrics: []Metric{{Name: "m", Source: src}, {Name: "n"}},
		}},
		{"an empty brief name", &PRD{Title: "x", Header: Header{Sources: []string{" ", "b.md"}},
			Goals: []Goal{{ID: "G-1", Text: "g", Source: src}},
		}},
		{"a name with backticks", &PRD{Title: "x", Header: Header{Sources: []string{"`a"}},
			Personas: []Persona{{Name: "b`", Source: src}}, Metrics: []Metric{{Name: "m", Source: src}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := render(t, tt.value)
			again := render(t, parse(t, tt.value, doc))
			if string(again) != string(doc) {
				t.Errorf("render(parse(doc)) != doc:\n%s", golden.Diff(string(doc), string(again)))
			}
		})
	}
}

func TestParseCitations(t *testing.T) {
	doc := `<!-- Generated by prodgen from brief.md. Edit freely: the next stage reads this file. -->

# Product requirements: x

## Goals

- **G-1** a (brief.md:3)
- **G-2** b (brief.md:04-5)
- **G-3** c (other.md:3)
- **G-4** d (brief.md:5-4)

## Functional requirements

- **FR-001** The system must do x. (brief.md:3, 7-8)
- **FR-002** The system must do y. (brief.md:3, x)

## Scope

### Out of scope

- e
- f (brief.md:7)
- g

## Success metrics

| Metric | Target | Owner | Source |
| --- | --- | --- | --- |
| m | 1 | Ana | brief.md:8 |
| n | 2 | Ben | line 9 |
`
	p, err := ParsePRD([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	goals := []Goal{
		{ID: "G-1", Text: "a", Source: Source{3, 3}},
		{ID: "G-2", Text: "b", Source: Source{4, 5}},
		{ID: "G-3", Text: "c (other.md:3)"},
		{ID: "G-4", Text: "d (brief.md:5-4)"},
	}
	if !slices.Equal(p.Goals, goals) {
		t.Errorf("goals %+v, want %+v", p.Goals, goals)
	}
	if fr := p.Functional[0]; fr.Source != (Source{3, 3}) || !slices.Equal(fr.Also, []Source{{7, 8}}) {
		t.Errorf("FR-001 cites %v and also %v, want 3 and also 7-8", fr.Source, fr.Also)
	}
	if fr := p.Functional[1]; fr.Text != "The system must do y. (brief.md:3, x)" || !fr.Source.IsZero() {
		t.Errorf("FR-002 is %q citing %v, want the text whole and no source", fr.Text, fr.Source)
	}
	if want := []Source{{}, {7, 7}}; !slices.Equal(p.OutOfScopeSources, want) {
		t.Errorf("out-of-scope sources %v, want %v", p.OutOfScopeSources, want)
	}
	if want := []Metric{{Name: "m", Target: "1", Source: Source{8, 8}}, {Name: "n", Target: "2"}}; !slices.Equal(p.Metrics, want) {
		t.Errorf("metrics %+v, want %+v", p.Metrics, want)
	}
	var problems []string
	for _, u := range p.Unparsed() {
		problems = append(problems, u.String())
	}
	want := []string{
		`line 27: table column "Owner" under "Success metrics" is not read`,
		`line 30: source "line 9" of metric "n" is not read: want the brief's lines, as in "brief.md:12-14"`,
	}
	if !slices.Equal(problems, want) {
		t.Errorf("unparsed %q, want %q", problems, want)
	}
}

func TestRenderRefusesBadSources(t *testing.T) {
	tests := []struct {
		name string
		edit func(*PRD)
		want string
	}{
		{"start before line 1", func(p *PRD) { p.Goals[1].Source = Source{0, 3} }, "G-2: source 0-3 starts before line 1"},
		{"end before start", func(p *PRD) { p.Functional[2].Source = Source{5, 4} }, "FR-003: source 5-4 ends before it starts"},
		{"past any brief", func(p *PRD) { p.Metrics[1].Source = Source{1, 1e9} }, `metric "Weekly active teams after 3 months": source 1-1000000000 ends past line 999999999`},
		{"a persona", func(p *PRD) { p.Personas[1].Source = Source{-1, -1} }, `persona "Team member": source -1 starts before line 1`},
		{"more sources than items", func(p *PRD) { p.OutOfScopeSources = make([]Source, 4) }, "4 out-of-scope sources for 3 out-of-scope items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := citedPRD()
			tt.edit(p)
			if _, err := RenderPRD(p); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("render error %v, want %q", err, tt.want)
			}
			if err := p.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("validate error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestCheckSources(t *testing.T) {
	brief := BriefLines([]byte(habitBrief))
	tests := []struct {
		name string
		edit func(*PRD)
		want []string
	}{
		{"borne out", func(*PRD) {}, nil},
		{"beyond the brief", func(p *PRD) { p.Functional[0].Source = Source{31, 40} },
			[]string{"FR-001 cites brief lines 31-40, beyond the brief's 31 lines: cite the lines it comes from"}},
		{"the wrong line", func(p *PRD) { p.NonFunctional[0].Source = Source{24, 24} },
			[]string{"NFR-001 cites brief line 24, which shares no content word with it: cite the lines it comes from"}},
		{"a blank line", func(p *PRD) { p.Goals[0].Source = Source{17, 17} },
			[]string{"G-1 cites brief line 17, which shares no content word with it: cite the lines it comes from"}},
		{"stop words do not count", func(p *PRD) {
			p.NonFunctional[0] = Requirement{ID: "NFR-001", Text: "The system must be there for users.", Source: Source{7, 7}}
		}, nil},
		{"every kind of item", func(p *PRD) {
			p.Personas[0].Source = Source{3, 3}
			p.OutOfScopeSources = []Source{{3, 3}}
			p.Metrics[0].Source = Source{99, 99}
		}, []string{
			`persona "Team lead" cites brief line 3, which shares no content word with it: cite the lines it comes from`,
			`out-of-scope item "Personal (non-team) habits" cites brief line 3, which shares no content word with it: cite the lines it comes from`,
			`metric "Habit retention at 8 weeks" cites brief line 99, beyond the brief's 31 lines: cite the lines it comes from`,
		}},
		{"a bad range is Validate's", func(p *PRD) { p.Goals[0].Source = Source{0, 2} }, nil},
		{"each place a requirement cites", func(p *PRD) { p.Functional[1].Also = []Source{{5, 5}, {3, 3}} },
			[]string{"FR-002 cites brief line 3, which shares no content word with it: cite the lines it comes from"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := citedPRD()
			tt.edit(p)
			checkErrors(t, p.CheckSources(brief), tt.want)
		})
	}
}

func TestCheckCitations(t *testing.T) {
	doc := string(render(t, citedPRD()))
	brief := []byte(habitBrief)
	if got := CheckCitations([]byte(doc), "brief.md", BriefLines(brief)); len(got) != 0 {
		t.Errorf("problems with the brief the PRD was written from: %v", got)
	}
	if got := CheckCitations([]byte(doc), "./other.md", nil); len(got) != 0 {
		t.Errorf("problems with a brief the PRD does not cite: %v", got)
	}
	// Two lines inserted at the top move everything down: the citations
	// now point above what they cite.
	moved := BriefLines([]byte("# Streaks\n\nIntro.\n" + strings.SplitN(habitBrief, "\n", 2)[1]))
	var got []string
	for _, p := range CheckCitations([]byte(doc), "./brief.md", moved[:30]) {
		got = append(got, p.String())
	}
	want := []string{
		"line 7: G-1 cites brief.md:18, which shares no content word with it",
		`line 12: persona "Team lead" cites brief.md:12, which shares no content word with it`,
		`line 14: persona "Engineering manager" cites brief.md:14, which shares no content word with it`,
		"line 18: FR-001 cites brief.md:24, which shares no content word with it",
		"line 19: FR-002 cites brief.md:25, which shares no content word with it",
		"line 19: FR-002 cites brief.md:5, which shares no content word with it",
		"line 24: NFR-001 cites brief.md:19, which shares no content word with it",
		`line 35: out-of-scope item "Points, badges or leaderboards" cites brief.md:31, beyond the brief's 30 lines`,
		`line 42: metric "Habit retention at 8 weeks" cites brief.md:18, which shares no content word with it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), doc)
	}
}

func TestCitations(t *testing.T) {
	doc := render(t, citedPRD())
	var got []string
	for _, c := range Citations(doc, "./brief.md") {
		got = append(got, fmt.Sprintf("%d %s %d %v", c.Line, c.Item, c.Kind, c.Sources))
	}
	// Every item that may cite the brief, citing or not, on its line.
	want := []string{
		"7 G-1 1 [18]", "8 G-2 1 []",
		`12 persona "Team lead" 0 [12]`, `13 persona "Team member" 0 []`, `14 persona "Engineering manager" 0 [14]`,
		"18 FR-001 2 [24]", "19 FR-002 2 [25 5]", "20 FR-003 2 []",
		"24 NFR-001 3 [19]",
		`34 out-of-scope item "Personal (non-team) habits" 0 [30]`,
		`35 out-of-scope item "Points, badges or leaderboards" 0 [31]`,
		`36 out-of-scope item "Native mobile apps" 0 []`,
		`42 metric "Habit retention at 8 weeks" 0 [18]`, `43 metric "Weekly active teams after 3 months" 0 []`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("citations\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), doc)
	}
	if got := Citations(doc, "other.md"); got != nil {
		t.Errorf("citations of a brief the PRD does not cite: %v", got)
	}
	// A PRD read past what ParsePRD refuses: an item with a malformed ID
	// is not listed, one without an ID is, by its place.
	broken := strings.Replace(strings.Replace(string(doc), "**FR-001**", "**FR-1**", 1), "- **FR-003** ", "- ", 1)
	got = nil
	for _, c := range Citations([]byte(broken), "brief.md") {
		if c.Kind == KindFunctional {
			got = append(got, fmt.Sprintf("%d %s", c.Line, c.Item))
		}
	}
	if want := []string{"19 FR-002", "20 functional requirement 2"}; !slices.Equal(got, want) {
		t.Errorf("FRs of a PRD with a malformed ID and a missing one %q, want %q", got, want)
	}
}

func TestContentWords(t *testing.T) {
	tests := []struct {
		a, b  string
		share bool
	}{
		{"Invite members", "members are invited by email", true},
		{"The system must let users check in", "Daily check-ins", true},
		{"Team boards", "a board for the team", true},
		{"Categories", "each category", true},
		{"The system must let users do it", "Users can do it", false},
		{"80% retention", "keep 80 percent", true},
		{"Export CSV", "Define a habit", false},
		{"Pages load fast", "", false},
	}
	for _, tt := range tests {
		a, b := contentWords(tt.a), contentWords(tt.b)
		share := false
		for w := range a {
			share = share || b[w]
		}
		if share != tt.share {
			t.Errorf("%q and %q share a word: %v, want %v (%v, %v)", tt.a, tt.b, share, tt.share, a, b)
		}
	}
}

func TestBriefLines(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"", nil},
		{"\n", []string{""}},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\r\n\r\nb\n\n", []string{"a", "", "b", ""}},
	}
	for _, tt := range tests {
		if got := BriefLines([]byte(tt.src)); !slices.Equal(got, tt.want) {
			t.Errorf("BriefLines(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// A tech spec's quality requirement shows no source, so it keeps none.
func TestTechQualityHasNoSource(t *testing.T) {
	tech := &TechSpec{Quality: []Requirement{{ID: "NFR-001", Text: "x", Source: Source{1, 2}}}}
	tech.Number()
	if got := tech.Quality[0].Source; !got.IsZero() {
		t.Errorf("quality requirement keeps source %v", got)
	}
}

func TestCheckCited(t *testing.T) {
	p := &PRD{Title: "T", Functional: []Requirement{
		{ID: "FR-001", Text: "Export as CSV.", Source: Source{Start: 2, End: 2}},
		{ID: "FR-002", Text: "Import from CSV."},
		{Text: "Print."},
	}, NonFunctional: []Requirement{{ID: "NFR-001", Text: "Fast."}}}
	checkErrors(t, p.CheckCited([]string{"# T", "- Export as CSV."}), []string{
		"FR-002 cites no line of the brief: give the lines it comes from as its source (1 to 2); a requirement no line states is no requirement: leave it out, or ask it as an open question",
		"functional requirement 3 cites no line of the brief: give the lines it comes from as its source (1 to 2); a requirement no line states is no requirement: leave it out, or ask it as an open question",
	})
	checkErrors(t, p.CheckCited(nil), nil)
}
