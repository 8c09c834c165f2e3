package lint

import (
	"slices"
	"strings"
	"testing"
)

// ruleCases each lint some documents and check the findings of one rule:
// where they are, and the first one's message.
var ruleCases = []struct {
	name    string
	rule    string
	docs    []file
	context []file // the project's other documents
	want    []string
	msg     string // in the first finding's message
}{
	// required-section
	{name: "PRD without FRs", rule: "required-section",
		docs: []file{prd("## Functional requirements\n\n- **FR-001** The system must let a team lead create a team.\n- **FR-002** The system must let a team member check in to a habit.\n\n", "")},
		want: []string{"docs/prd.md:1: required-section"}, msg: `no "Functional requirements" section`},
	{name: "no stories", rule: "required-section",
		docs: []file{{"docs/stories.md", "# User stories: Streaks\n\nNothing yet.\n"}},
		want: []string{"docs/stories.md:1: required-section"}, msg: "no user stories"},
	{name: "tech without API and tasks", rule: "required-section",
		docs: []file{tech("## API", "## Notes", "## Tasks", "## Later")},
		want: []string{"docs/tech.md:1: required-section", "docs/tech.md:1: required-section"}, msg: `no "API" section`},
	{name: "sections under other headings count", rule: "required-section",
		docs: []file{tech("## API", "## Endpoints", "## Data model", "## Entities:")}},

	// recommended-section
	{name: "PRD without goals and users", rule: "recommended-section",
		docs: []file{prd("## Goals\n\n- **G-1** Teams keep 80% of agreed habits for 8 weeks.\n\n## Users", "## Personas")},
		want: []string{"docs/prd.md:1: recommended-section"}, msg: `no "Goals" section`},
	{name: "a section an open question asks for is known to be missing", rule: "recommended-section",
		docs: []file{prd(
			"## Goals\n\n- **G-1** Teams keep 80% of agreed habits for 8 weeks.\n\n", "",
			"## Success metrics\n\n| Metric | Baseline | Target |\n| --- | --- | --- |\n| Median check-in time | – | under 10 seconds |\n\n", "",
			"- **Q-1** Which Slack plans must be supported?", "- **Q-1** What goals should the first release of Streaks reach?\n- **Q-2** How will we measure whether Streaks succeeds?")}},
	{name: "a question about something else does not excuse a missing section", rule: "recommended-section",
		docs: []file{prd(
			"## Goals\n\n- **G-1** Teams keep 80% of agreed habits for 8 weeks.\n\n", "",
			"## Users\n\n- **Team lead**: Sets the habits.\n\n", "",
			"- **Q-1** Which Slack plans must be supported?", "- **Q-1** What goals should the first release of Streaks reach?\n- **Q-2** Which goalkeeper app do teams use today?")},
		want: []string{"docs/prd.md:1: recommended-section"}, msg: `no "Users" section: add one, or ask for it in the open questions`},
	{name: "no open questions is fine", rule: "recommended-section",
		docs: []file{prd("## Open questions\n\n- **Q-1** Which Slack plans must be supported?\n", "")}},

	// empty-section
	{name: "heading with nothing under it", rule: "empty-section",
		docs: []file{prd("- **Team lead**: Sets the habits.\n", "")},
		want: []string{"docs/prd.md:7: empty-section"}, msg: `section "Users" is empty`},
	{name: "empty entity and empty list", rule: "empty-section",
		docs: []file{tech("| Field | Type | Notes |\n| --- | --- | --- |\n| id | string | – |\n", "", "## Tasks\n", "## Tasks\n\n-\n")},
		want: []string{"docs/tech.md:5: empty-section"}},
	{name: "a section with subsections is not empty", rule: "empty-section",
		docs: []file{prd("## Success metrics", "## Scope\n\n### In scope\n\n- Teams\n\n## Success metrics")}},

	// id-format
	{name: "malformed FR", rule: "id-format",
		docs: []file{prd("**FR-001**", "**FR-01**")},
		want: []string{"docs/prd.md:13: id-format"}, msg: `malformed functional requirement ID "FR-01" (want the form FR-001)`},
	{name: "ID of another kind", rule: "id-format",
		docs: []file{prd("**FR-002**", "**NFR-002**")},
		want: []string{"docs/prd.md:14: id-format"}, msg: `"NFR-002"`},
	{name: "ID not in bold", rule: "id-format",
		docs: []file{prd("- **FR-002** ", "- FR-002: ")},
		want: []string{"docs/prd.md:14: id-format"}, msg: "FR-002 is not in bold"},
	{name: "story, criterion under another story, trace, task", rule: "id-format",
		docs: []file{
			stories("## US-001 ", "## US-1 ", "**AC-002.1**", "**AC-001.2**", "Traces: FR-002", "Traces: FR-02, US-001"),
			tech("(US-002)", "(US-2)"),
		},
		want: []string{
			"docs/stories.md:3: id-format", "docs/stories.md:17: id-format",
			"docs/stories.md:17: id-format", "docs/stories.md:21: id-format", "docs/tech.md:21: id-format",
		}, msg: `malformed story ID "US-1"`},
	{name: "criterion numbered under another story", rule: "id-format",
		docs: []file{stories("**AC-002.1**", "**AC-001.2**")},
		want: []string{"docs/stories.md:21: id-format"}, msg: "AC-001.2 is listed under US-002: its criteria are numbered AC-002.1, AC-002.2…"},

	// id-missing
	{name: "requirement without an ID", rule: "id-missing",
		docs: []file{prd("- **FR-002** The", "- The", "- **G-1** Teams", "- COVID-19 tests keep teams")},
		want: []string{"docs/prd.md:5: id-missing", "docs/prd.md:14: id-missing"}, msg: "goal without an ID: start the item with one, e.g. **G-1**"},
	{name: "story heading, criterion and task without an ID", rule: "id-missing",
		docs: []file{stories("## US-002 Check in", "## Check in", "- **AC-001.1** Given", "- Given"), tech("- **T-002** ", "- ")},
		want: []string{"docs/stories.md:11: id-missing", "docs/stories.md:13: id-missing", "docs/tech.md:21: id-missing"},
		msg:  "acceptance criterion without an ID: start the item with one, e.g. **AC-001.1**"},
	{name: "a section of notes is not a story", rule: "id-missing",
		docs: []file{{"docs/stories.md", storiesBase + "\n## Notes\n\nTo be reviewed on Monday.\n"}}},

	// id-duplicate
	{name: "FR used twice", rule: "id-duplicate",
		docs: []file{prd("**FR-002**", "**FR-001**")},
		want: []string{"docs/prd.md:14: id-duplicate"}, msg: "FR-001 is already used on line 13"},
	{name: "story and criterion used twice", rule: "id-duplicate",
		docs: []file{stories("## US-002", "## US-001", "**AC-002.1**", "**AC-001.1**")},
		want: []string{"docs/stories.md:13: id-duplicate", "docs/stories.md:21: id-duplicate"}},

	// fr-uncovered
	{name: "FR no story traces to", rule: "fr-uncovered",
		docs: []file{prd(), stories("Traces: FR-002", "Traces: FR-001")},
		want: []string{"docs/prd.md:14: fr-uncovered"}, msg: "FR-002 is not traced by any story in docs/stories.md"},
	{name: "the project's stories are read for the PRD alone", rule: "fr-uncovered",
		docs: []file{prd()}, context: []file{stories("Traces: FR-002", "Traces: FR-001")},
		want: []string{"docs/prd.md:14: fr-uncovered"}},
	{name: "no stories, no coverage check", rule: "fr-uncovered",
		docs: []file{prd()}},

	// trace-dangling
	{name: "story traces to a missing FR", rule: "trace-dangling",
		docs: []file{stories("Traces: FR-002", "Traces: FR-001, FR-009")}, context: []file{prd()},
		want: []string{"docs/stories.md:17: trace-dangling"}, msg: "US-002 traces to FR-009, which is not in docs/prd.md"},
	{name: "traces on the line after the sentence", rule: "trace-dangling",
		docs: []file{prd(), stories("check in to a habit.\n\nTraces: FR-002", "check in to a habit.\nTraces: FR-009")},
		want: []string{"docs/stories.md:16: trace-dangling"}},
	{name: "task and endpoint trace to a missing story", rule: "trace-dangling",
		docs: []file{tech("Check in | US-002", "Check in | US-002, US-007", "(US-002)", "(US-008)")}, context: []file{stories()},
		want: []string{"docs/tech.md:16: trace-dangling", "docs/tech.md:21: trace-dangling"}, msg: "POST /check-ins traces to US-007, which is not in docs/stories.md"},
	{name: "no PRD, no trace check", rule: "trace-dangling",
		docs: []file{stories("Traces: FR-002", "Traces: FR-009")}},

	// nfr-unknown
	{name: "quality requirement the PRD does not have", rule: "nfr-unknown",
		docs:    []file{tech("## Tasks", "## Quality requirements\n\n- **NFR-001** Pages must load in under 1 second.\n- **NFR-777** Anything goes.\n\n## Tasks")},
		context: []file{prd()},
		want:    []string{"docs/tech.md:21: nfr-unknown"}, msg: "NFR-777 is not a non-functional requirement in docs/prd.md"},
	{name: "the PRD's NFRs carried over", rule: "nfr-unknown",
		docs: []file{prd(), tech("## Tasks", "## Quality requirements\n\n- **NFR-001** Pages must load in under 1 second.\n\n## Tasks")}},
	{name: "no PRD, no NFR check", rule: "nfr-unknown",
		docs: []file{tech("## Tasks", "## Quality requirements\n\n- **NFR-777** Anything goes.\n\n## Tasks")}},

	// trace-missing
	{name: "story, task and endpoint without traces", rule: "trace-missing",
		docs: []file{stories("Traces: FR-002\n\n", ""), tech("Check in | US-002", "Check in | –", " (US-001)", "")},
		want: []string{"docs/stories.md:13: trace-missing", "docs/tech.md:16: trace-missing", "docs/tech.md:20: trace-missing"},
		msg:  "US-002 traces to no functional requirement"},
	{name: "a malformed trace is not also a missing one", rule: "trace-missing",
		docs: []file{stories("Traces: FR-002", "Traces: FR-2"), tech("(US-002)", "(US-2)")}},

	// story-no-criteria
	{name: "story without criteria", rule: "story-no-criteria",
		docs: []file{stories("Acceptance criteria:\n\n- **AC-002.1** Given a team member, when they check in, then the check-in is recorded.\n", "")},
		want: []string{"docs/stories.md:13: story-no-criteria"}, msg: "US-002 has no acceptance criteria"},
	{name: "story without a Given/When/Then criterion", rule: "story-no-criteria",
		docs: []file{stories("Given a team lead, when they create a team named Core, then the team Core exists.", "The team Core exists.")},
		want: []string{"docs/stories.md:3: story-no-criteria"}, msg: "US-001 has no acceptance criterion in Given/When/Then form"},

	// criterion-form
	{name: "criterion not in Given/When/Then form", rule: "criterion-form",
		docs: []file{stories("- **AC-002.1**", "- **AC-002.2** Drafts are editable.\n- **AC-002.1**")},
		want: []string{"docs/stories.md:21: criterion-form"}, msg: "AC-002.2 is not in Given/When/Then form"},
	{name: "any case, any punctuation, emphasis", rule: "criterion-form",
		docs: []file{stories("Given a team member, when they check in, then", "*given* a team member **When** they check in. THEN")}},

	// vague-word
	{name: "vague words in a requirement", rule: "vague-word",
		docs: []file{prd("create a team.", "create a team fast, easily, seamlessly etc.", "check in to a habit.", "check in to a habit if possible.")},
		want: []string{"docs/prd.md:13: vague-word", "docs/prd.md:13: vague-word", "docs/prd.md:13: vague-word", "docs/prd.md:14: vague-word"},
		msg:  `vague word "fast": say how fast, e.g. "within 200 ms at the 95th percentile"`},
	{name: "should in a requirement, not in a story", rule: "vague-word",
		docs: []file{prd("Pages must load", "Pages should load"), stories("I want to create a team.", "I want to create a team, which should be named.")},
		want: []string{"docs/prd.md:18: vague-word"}, msg: `vague word "should": write "must"`},
	{name: "MoSCoW priorities are labels, not hedges", rule: "vague-word",
		docs: []file{prd(
			"create a team.", "create a team. (priority: Should)",
			"check in to a habit.", "check in to a habit [Should have]",
			"- **NFR-001** Pages", "- **NFR-001** Should: pages",
			"## Non-functional requirements", "### Should have\n\n| Requirement | MoSCoW |\n| --- | --- |\n| Rename a team | Should |\n\n## Non-functional requirements")}},
	{name: "should in prose next to a MoSCoW label, and a vague label", rule: "vague-word",
		docs: []file{prd(
			"must let a team lead create a team.", "should let a team lead create a team. (priority: Should)",
			"check in to a habit.", "check in to a habit. (priority: TBD)",
			"Pages must load", "Pages should have loaded (MoSCoW: Must)")},
		want: []string{"docs/prd.md:13: vague-word", "docs/prd.md:14: vague-word", "docs/prd.md:18: vague-word"},
		msg:  `vague word "should"`},
	{name: "story title, sentence and criteria", rule: "vague-word",
		docs: []file{stories("## US-001 Create a team", "## US-001 Quick team setup", "I want to create a team.", "I want an intuitive team page.", "then the team Core exists", "then the team Core exists (TODO: limits)")},
		want: []string{"docs/stories.md:3: vague-word", "docs/stories.md:5: vague-word", "docs/stories.md:11: vague-word"}, msg: `vague word "Quick"`},
	{name: "not vague: a number nearby, code, parts of words, lower-case todo", rule: "vague-word",
		docs: []file{prd("create a team.", "create a team fast, in under 2 seconds.", "check in to a habit.", "check in to a habit with `--fast` from a todo list at breakfast; scalable to 10,000 teams.")}},
	{name: "open questions and summaries are not checked", rule: "vague-word",
		docs: []file{prd("# Product requirements: Streaks\n", "# Product requirements: Streaks\n\n## Summary\n\nA simple, fast tracker.\n", "Which Slack plans must be supported?", "Which Slack plans should we support? TBD.")}},
	// unparsed
	{name: "a story sentence in another form", rule: "unparsed",
		docs: []file{stories("As a team member, I want to check in to a habit.", "Team members check in.")},
		want: []string{"docs/stories.md:15: unparsed"}, msg: `the sentence of US-002 is not in the form "As a <role>, I want <want>[, so that <benefit>]."`},
	{name: "a sentence in any case, without commas, is read", rule: "unparsed",
		docs: []file{stories("As a team member, I want to check in to a habit.", "as a team member i want to check in")}},

	// dropped
	{name: "a trace that is not an ID, a note in a story, a section of notes", rule: "dropped",
		docs: []file{stories("Traces: FR-002", "Traces: FR-002, =1+2", "Acceptance criteria:\n\n- **AC-002.1**", "Ask Ana.\n\nAcceptance criteria:\n\n- **AC-002.1**",
			"## US-002", "## Notes\n\nCheck-ins were Ana's idea.\n\n## US-002")},
		want: []string{"docs/stories.md:13: dropped", "docs/stories.md:21: dropped", "docs/stories.md:23: dropped"},
		msg:  `section "Notes" is not read: it is not a story`},
	{name: "a nested item, a column, an unknown tech section", rule: "dropped",
		docs: []file{prd("- **G-1** Teams keep 80% of agreed habits for 8 weeks.", "- **G-1** Teams keep 80% of agreed habits for 8 weeks.\n  - measured weekly",
			"| Metric | Baseline | Target |", "| Metric | Baseline | Target | Owner |", "| --- | --- | --- |", "| --- | --- | --- | --- |",
			"| under 10 seconds |", "| under 10 seconds | Ana |"),
			tech("## Tasks", "## Deployment\n\nOn Fly.io.\n\n## Tasks")},
		want: []string{"docs/prd.md:6: dropped", "docs/prd.md:23: dropped", "docs/tech.md:18: dropped"},
		msg:  `nested item under "Goals" is not read: "measured weekly"`},
	{name: "read past a malformed ID", rule: "dropped",
		docs: []file{stories("## US-002 Check in", "## US-02 Check in", "## US-001 Create a team", "## US-001 Create a team\n\nNote.\n")},
		want: []string{"docs/stories.md:5: dropped"}, msg: `paragraph in US-001 is not read: "Note."`},

	// source-range
	{name: "citations the brief bears out", rule: "source-range",
		docs: []file{citing()}, context: []file{brief(citedBrief)}},
	{name: "a brief edited since the PRD", rule: "source-range",
		docs: []file{citing()}, context: []file{brief(strings.Replace(citedBrief, "\n\n", "\n\nIntro.\n\n", 1))},
		want: []string{"docs/prd.md:5: source-range", "docs/prd.md:18: source-range"},
		msg:  "G-1 cites brief.md:3, which shares no content word with it: cite the lines the item comes from (has the brief changed?)"},
	{name: "past the brief's end", rule: "source-range",
		docs: []file{citing()}, context: []file{brief(citedBrief[:strings.Index(citedBrief, "- Teams")])},
		want: []string{"docs/prd.md:5: source-range", "docs/prd.md:18: source-range"}, msg: "G-1 cites brief.md:3, beyond the brief's 2 lines"},
	{name: "a PRD citing another brief", rule: "source-range",
		docs:    []file{{"docs/prd.md", "<!-- Generated by prodgen from product.md. Edit freely: x -->\n\n" + strings.ReplaceAll(citing().src, "(brief.md:", "(product.md:")}},
		context: []file{brief("")}},
	{name: "no brief to check against", rule: "source-range", docs: []file{citing()}},

	{name: "TBD in any case, as appropriate", rule: "vague-word",
		docs: []file{tech("\n## Tasks", "\n## Quality requirements\n\n- **NFR-001** Backups tbd, retained as appropriate.\n\n## Tasks")},
		want: []string{"docs/tech.md:20: vague-word", "docs/tech.md:20: vague-word"}, msg: `vague word "tbd"`},
}

// citedBrief is the brief citing's PRD cites: its goal on line 3, its NFR
// on line 4.
const citedBrief = "# Streaks\n\n- Teams keep 80% of agreed habits for 8 weeks.\n- Pages load in under 1 second.\n"

// citing is the base PRD with its goal and NFR citing citedBrief.
func citing() file {
	return prd("8 weeks.\n", "8 weeks. (brief.md:3)\n", "95th percentile.\n", "95th percentile. (brief.md:4)\n")
}

func brief(src string) file { return file{"brief.md", src} }

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			docs, context := parseAll(t, c.docs), parseAll(t, c.context)
			var got []Finding
			for _, f := range Run(docs, context).Findings {
				if f.Rule == c.rule {
					got = append(got, f)
				}
			}
			var where []string
			for _, f := range got {
				where = append(where, short(f))
			}
			if !slices.Equal(where, c.want) {
				t.Errorf("findings\n%s\nwant\n%s", strings.Join(where, "\n"), strings.Join(c.want, "\n"))
				for _, f := range got {
					t.Logf("%s: %s", short(f), f.Message)
				}
			}
			if c.msg != "" && len(got) > 0 && !strings.Contains(got[0].Message, c.msg) {
				t.Errorf("message %q does not contain %q", got[0].Message, c.msg)
			}
			for _, f := range got {
				if f.Severity != severities[c.rule] {
					t.Errorf("%s has severity %s, want %s", short(f), f.Severity, severities[c.rule])
				}
			}
		})
	}
}

// A document with no title gets a finding rather than a failure, when its
// kind is known from where it is.
func TestNoTitle(t *testing.T) {
	d, err := ParseKind("docs/prd.md", PRD, []byte(strings.TrimPrefix(prdBase, "# Product requirements: Streaks\n")))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Run([]*Doc{d}, nil).Findings {
		got = append(got, short(f)+": "+f.Message)
	}
	want := []string{`docs/prd.md:1: required-section: no title: want a first-level heading "# Product requirements: …"`}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
}
