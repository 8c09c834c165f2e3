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
	{name: "a CLI's tech spec needs no API", rule: "required-section",
		docs: []file{tech("## API", "## Notes", "## Data model\n", "## Architecture\n\nPlatform: CLI\n\n## Data model\n")}},
	{name: "a web app's tech spec needs its API", rule: "required-section",
		docs: []file{tech("## API", "## Notes", "## Data model\n", "## Architecture\n\nPlatform: web app\n\n## Data model\n")},
		want: []string{"docs/tech.md:1: required-section"}, msg: `no "API" section`},
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
	{name: "criteria led by their kind, under a priority and size line", rule: "criterion-form",
		docs: []file{stories("- **AC-002.1** Given", "- **AC-002.1** (error) Given", "Traces: FR-002", "Priority: Must · Size: M\n\nTraces: FR-002")}},
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
	// actor-not-persona
	{name: "a role that is no persona", rule: "actor-not-persona",
		docs: []file{prd(), stories("As a team lead, I want to check in to a habit.", "As a mobile-first design, I want to check in to a habit.")},
		want: []string{"docs/stories.md:13: actor-not-persona"}, msg: `US-002's role "mobile-first design" is none of the personas in docs/prd.md: use one of "team lead", or add the persona there`},
	{name: "a role named by its head noun or in the plural", rule: "actor-not-persona",
		docs: []file{prd(), stories("As a team lead, I want to check in to a habit.", "As a lead, I want to check in to a habit.", "As a team lead, I want to create a team.", "As a team leads, I want to create a team.")}},
	// unparsed
	{name: "a story sentence in another form", rule: "unparsed",
		docs: []file{stories("As a team lead, I want to check in to a habit.", "Team members check in.")},
		want: []string{"docs/stories.md:15: unparsed"}, msg: `the sentence of US-002 is not in the form "As a <role>, I want <want>[, so that <benefit>]."`},
	{name: "a sentence in any case, without commas, is read", rule: "unparsed",
		docs: []file{stories("As a team lead, I want to check in to a habit.", "as a team member i want to check in")}},

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
	{name: "the sections a PM adds: journeys, dependencies, risks, goals and timeframes", rule: "dropped",
		docs: []file{prd("## Success metrics", "## User journeys\n\n- Check in\n  1. Open Slack.\n  2. Reply done.\n\n## Dependencies\n\n- Slack API\n\n## Risks\n\n- Teams drop the tool.\n  - Mitigation: check in from Slack.\n\n## Success metrics",
			"| Metric | Baseline | Target |", "| Metric | Baseline | Target | Timeframe |", "| --- | --- | --- |", "| --- | --- | --- | --- |",
			"| under 10 seconds |", "| under 10 seconds | by launch |")}},
	{name: "read past a malformed ID", rule: "dropped",
		docs: []file{stories("## US-002 Check in", "## US-02 Check in", "## US-001 Create a team", "## US-001 Create a team\n\nNote.\n")},
		want: []string{"docs/stories.md:5: dropped"}, msg: `paragraph in US-001 is not read: "Note."`},

	// source-range
	{name: "citations the brief bears out", rule: "source-range",
		docs: []file{citing()}, context: []file{briefFile(citedBrief)}},
	{name: "a brief edited since the PRD", rule: "source-range",
		docs: []file{citing()}, context: []file{briefFile(strings.Replace(citedBrief, "\n\n", "\n\nIntro.\n\n", 1))},
		want: []string{"docs/prd.md:5: source-range", "docs/prd.md:18: source-range"},
		msg:  "G-1 cites brief.md:3, which shares no content word with it: cite the lines the item comes from (has the brief changed?)"},
	{name: "past the brief's end", rule: "source-range",
		docs: []file{citing()}, context: []file{briefFile(citedBrief[:strings.Index(citedBrief, "- Teams")])},
		want: []string{"docs/prd.md:5: source-range", "docs/prd.md:18: source-range"}, msg: "G-1 cites brief.md:3, beyond the brief's 2 lines"},
	{name: "a PRD citing another brief", rule: "source-range",
		docs:    []file{{"docs/prd.md", "<!-- Generated by prodgen from product.md. Edit freely: x -->\n\n" + strings.ReplaceAll(citing().src, "(brief.md:", "(product.md:")}},
		context: []file{briefFile("")}},
	{name: "no brief to check against", rule: "source-range", docs: []file{citing()}},

	// source-missing
	{name: "every item cites the brief", rule: "source-missing",
		docs: []file{sourced()}, context: []file{briefFile(sourcedBrief)}},
	{name: "an FR and a metric citing nothing", rule: "source-missing",
		docs: []file{sourced(" (brief.md:14)", "", "| brief.md:30 |", "|  |")}, context: []file{briefFile(sourcedBrief)},
		want: []string{"docs/prd.md:14: source-missing", "docs/prd.md:30: source-missing"},
		msg:  "FR-002 cites no line of brief.md: add where the brief says it, as (brief.md:12), or move it to Open questions"},
	{name: "a metric citing nothing", rule: "source-missing",
		docs: []file{sourced("| brief.md:30 |", "|  |")}, context: []file{briefFile(sourcedBrief)},
		want: []string{"docs/prd.md:30: source-missing"},
		msg:  `metric "Median check-in time" cites no line of brief.md: add where the brief says it, as brief.md:12 in its Source column`},
	{name: "a PRD that cites nothing gets one finding", rule: "source-missing",
		docs: []file{prd()}, context: []file{briefFile(sourcedBrief)},
		want: []string{"docs/prd.md:1: source-missing"},
		msg:  `no item of docs/prd.md cites a line of brief.md (6 items): regenerate it with "prodgen prd", or add to each item where the brief says it, as (brief.md:12)`},
	{name: "a PRD citing another brief", rule: "source-missing",
		docs:    []file{{"docs/prd.md", "<!-- Generated by prodgen from product.md. Edit freely: x -->\n\n" + strings.ReplaceAll(sourced(" (brief.md:14)", "").src, "brief.md:", "product.md:")}},
		context: []file{briefFile(sourcedBrief)}},
	{name: "no brief, no sources asked for", rule: "source-missing", docs: []file{prd()}},

	// brief-dropped
	{name: "every feature and constraint cited", rule: "brief-dropped",
		docs: []file{sourced()}, context: []file{briefFile(sourcedBrief)}},
	{name: "a feature no item cites", rule: "brief-dropped",
		docs: []file{sourced(" (brief.md:14)", "")}, context: []file{briefFile(sourcedBrief)},
		want: []string{"brief.md:14: brief-dropped"},
		msg:  `"Check in to a habit" is in no item of docs/prd.md: a requirement dropped? Add one that cites brief.md:14, or cite these lines from the item that covers them`},
	{name: "a constraint kept as a goal", rule: "brief-dropped",
		docs: []file{sourced(
			"- **NFR-001** Pages must load in under 1 second at the 95th percentile. (brief.md:18)", "",
			"8 weeks. (brief.md:5)", "8 weeks. (brief.md:5)\n- **G-2** Pages load in under 1 second. (brief.md:18)")},
		context: []file{briefFile(sourcedBrief)}},
	{name: "a requirement citing several places", rule: "brief-dropped",
		docs: []file{sourced(
			"create a team. (brief.md:13)", "create a team and check in to a habit. (brief.md:13, 14)",
			"- **FR-002** The system must let a team member check in to a habit. (brief.md:14)\n", "")},
		context: []file{briefFile(sourcedBrief)}},
	{name: "a brief edited so its features moved", rule: "brief-dropped",
		docs: []file{sourced()}, context: []file{briefFile(strings.Replace(sourcedBrief, "# Streaks\n", "# Streaks\n\nA habit tracker for small teams.\n", 1))},
		want: []string{"brief.md:15: brief-dropped", "brief.md:16: brief-dropped", "brief.md:20: brief-dropped"},
		msg:  `"Create a team" is in no item of docs/prd.md`},
	{name: "a PRD that cites nothing is source-missing's", rule: "brief-dropped",
		docs: []file{prd()}, context: []file{briefFile(sourcedBrief)}},
	{name: "a brief in HTML", rule: "brief-dropped",
		docs: []file{htmlSourced(" (brief.html:11)", "")}, context: []file{{"brief.html", htmlBrief}},
		want: []string{"brief.html:11: brief-dropped"}, msg: `"Check in to a habit" is in no item of docs/prd.md: a requirement dropped? Add one that cites brief.html:11`},
	{name: "a brief in HTML, every feature cited", rule: "brief-dropped",
		docs: []file{htmlSourced()}, context: []file{{"brief.html", htmlBrief}}},

	// not-a-requirement
	{name: "every requirement about the product", rule: "not-a-requirement",
		docs: []file{sourced()}, context: []file{briefFile(sourcedBrief)}},
	{name: "an FR and an NFR citing the plan", rule: "not-a-requirement",
		docs: []file{sourced(
			"habit. (brief.md:14)\n", "habit. (brief.md:14)\n- **FR-003** The system must launch in March. (brief.md:26)\n",
			"- **NFR-001**", "- **NFR-002** Two engineers must build it within one quarter. (brief.md:26)\n- **NFR-001**")},
		context: []file{briefFile(sourcedBrief)},
		want:    []string{"docs/prd.md:15: not-a-requirement", "docs/prd.md:19: not-a-requirement"},
		msg:     "FR-003 cites brief.md:26, which is about building the product (team, budget, timeline), not the product: move it out of the requirements"},
	{name: "a requirement citing a feature and the plan", rule: "not-a-requirement",
		docs: []file{sourced("create a team. (brief.md:13)", "create a team by March. (brief.md:13, 26)")}, context: []file{briefFile(sourcedBrief)}},
	{name: "a goal citing the plan is no requirement", rule: "not-a-requirement",
		docs: []file{sourced("8 weeks. (brief.md:5)", "8 weeks. (brief.md:5)\n- **G-2** Launch in March. (brief.md:26)")}, context: []file{briefFile(sourcedBrief)}},
	{name: "a brief in HTML: an FR citing the plan", rule: "not-a-requirement",
		docs:    []file{htmlSourced("habit. (brief.html:11)\n", "habit. (brief.html:11)\n- **FR-003** The system must launch in March. (brief.html:16)\n")},
		context: []file{{"brief.html", htmlBrief}},
		want:    []string{"docs/prd.md:17: not-a-requirement"}, msg: "FR-003 cites brief.html:16, which is about building the product"},

	// garbled-sentence
	{name: "garbled requirement, title, sentence and criterion", rule: "garbled-sentence",
		docs: []file{
			prd("let a team lead create a team.", "provide a books an appointment window.",
				"- **NFR-001** Pages must load", "- **NFR-001** Pages must load in under 1 second<br>at the 95th percentile, and **always.\n- **NFR-002** Pages must Load"),
			stories("## US-001 Create a team", "## US-001 Create a team for the",
				"I want to create a team.", "I want to create a the the team.",
				"then the check-in is recorded.", "then the  is recorded."),
		},
		want: []string{"docs/prd.md:13: garbled-sentence", "docs/prd.md:18: garbled-sentence", "docs/prd.md:18: garbled-sentence",
			"docs/prd.md:19: garbled-sentence",
			"docs/stories.md:3: garbled-sentence", "docs/stories.md:5: garbled-sentence",
			"docs/stories.md:21: garbled-sentence", "docs/stories.md:21: garbled-sentence"},
		msg: `FR-001 reads garbled (article: "a books an")`},
	{name: "garbled scope items, in and out", rule: "garbled-sentence",
		docs: []file{prd("## Success metrics", "## Scope\n\n### In scope\n\n- Cancel or offer a shift for swap up\n- Check in to a habit\n\n### Out of scope\n\n- See free berths for tonight and the next\n\n## Success metrics")},
		want: []string{"docs/prd.md:24: garbled-sentence", "docs/prd.md:29: garbled-sentence"},
		msg:  `in scope item reads garbled (fragment: "for swap up")`},
	{name: "well-formed prose is not garbled", rule: "garbled-sentence",
		docs: []file{prd("create a team.", "create a team named `core_team`, limited to the members they are rated for."), stories()}},

	// criterion-tautology
	{name: "a Then restating its When", rule: "criterion-tautology",
		docs: []file{stories("then the team Core exists.", "then the team is created, and they see the result.",
			"then the check-in is recorded.", "then it is available to them.")},
		want: []string{"docs/stories.md:11: criterion-tautology", "docs/stories.md:21: criterion-tautology"},
		msg:  `AC-001.1 restates its action (the Then has no word the When lacks)`},
	{name: "a When with a then of its own ends at \", then\"", rule: "criterion-tautology",
		docs: []file{stories("when they create a team named Core, then the team Core exists.", "when they import the members, which they then trim, then the members are imported.")},
		want: []string{"docs/stories.md:11: criterion-tautology"}},
	{name: "a Then with an outcome or a refusal", rule: "criterion-tautology",
		docs: []file{stories("then the check-in is recorded.", "then the team is not created.")}},

	// needs-clarification
	{name: "a criterion awaiting its outcome", rule: "needs-clarification",
		docs: []file{stories("then the team Core exists.", "then [NEEDS CLARIFICATION: the brief states no outcome a tester can check].")},
		want: []string{"docs/stories.md:11: needs-clarification"},
		msg:  `AC-001.1 awaits its outcome: the brief says what is done ("when they create a team named Core")`},
	{name: "a criterion with its outcome", rule: "needs-clarification",
		docs: []file{stories("then the team Core exists.", "then the check-in is recorded.")}},

	// criterion-unrelated-nfr
	{name: "a criterion naming an NFR about something else", rule: "criterion-unrelated-nfr",
		docs:    []file{stories("then the check-in is recorded.", "then the check-in is recorded.\n- **AC-002.2** Given a team member, when they check in, then the system meets NFR-002.")},
		context: []file{prd("- **NFR-001** Pages", "- **NFR-002** Members must be able to delete their data under GDPR.\n- **NFR-001** Pages")},
		want:    []string{"docs/stories.md:22: criterion-unrelated-nfr"},
		msg:     `AC-002.2 names NFR-002 ("Members must be able to delete their data under GDPR."), which shares no word with US-002`},
	{name: "a criterion naming an NFR its story is about", rule: "criterion-unrelated-nfr",
		docs:    []file{stories("then the check-in is recorded.", "then the check-in is recorded.\n- **AC-002.2** Given a team member, when they check in, then the system meets NFR-002.")},
		context: []file{prd("- **NFR-001** Pages", "- **NFR-002** A check-in must take under 10 seconds.\n- **NFR-001** Pages")}},
	{name: "an NFR the PRD does not have is not this rule's", rule: "criterion-unrelated-nfr",
		docs:    []file{stories("then the check-in is recorded.", "then the system meets NFR-009.")},
		context: []file{prd()}},

	// nfr-unmeasurable
	{name: "NFRs about speed and reliability with no number", rule: "nfr-unmeasurable",
		docs: []file{
			prd("- **NFR-001** Pages must load in under 1 second at the 95th percentile.", "- **NFR-001** Pages must load quickly.\n- **NFR-002** The service must be reliable and highly available.\n- **NFR-003** Members must be able to delete their data."),
			tech("\n## Tasks", "\n## Quality requirements\n\n- **NFR-001** The API must be responsive.\n\n## Tasks"),
		},
		want: []string{"docs/prd.md:18: nfr-unmeasurable", "docs/prd.md:19: nfr-unmeasurable", "docs/tech.md:20: nfr-unmeasurable"},
		msg:  `NFR-001 asks for "quickly" with no number: give a target and its unit`},
	{name: "NFRs with a number and a unit", rule: "nfr-unmeasurable",
		docs: []file{prd("- **NFR-001** Pages must load in under 1 second at the 95th percentile.", "- **NFR-001** Pages must load fast: within 200 ms at the 95th percentile.\n- **NFR-002** The service must be available 99.9% of each month.\n- **NFR-003** The system must scale to 10,000 concurrent users.")}},

	// story-too-big
	{name: "a want with two capabilities, a story with nine criteria", rule: "story-too-big",
		docs: []file{stories("I want to create a team.", "I want to create a team and invite members by email link.",
			"- **AC-002.1** Given a team member, when they check in, then the check-in is recorded.", strings.Repeat("- **AC-002.1** Given a team member, when they check in, then the check-in is recorded.\n", 9))},
		want: []string{"docs/stories.md:3: story-too-big", "docs/stories.md:13: story-too-big"},
		msg:  `US-001 wants 2 things (create a team; invite members by email link): split it into one story per capability`},
	{name: "one capability, verbs sharing an object, a list of objects", rule: "story-too-big",
		docs: []file{stories("I want to create a team.", "I want to search and filter teams by name, size and habit.",
			"I want to check in to a habit.", "I want to pick one of my habits and share it with the team.")}},

	// duplicate-requirement
	{name: "two FRs with the same words", rule: "duplicate-requirement",
		docs: []file{prd("- **FR-002** The system must let a team member check in to a habit.", "- **FR-002** The system must let a team member check in to a habit.\n- **FR-003** The system must provide habit check-ins for team members.")},
		want: []string{"docs/prd.md:15: duplicate-requirement"},
		msg:  `FR-003 says what FR-002 on line 14 says`},
	{name: "FRs that share the actor only", rule: "duplicate-requirement",
		docs: []file{prd("- **FR-002** The system must let a team member check in to a habit.", "- **FR-002** The system must let a team lead export the check-in history.")}},

	// task-cycle
	{name: "two tasks waiting for each other", rule: "task-cycle",
		docs: []file{tech("(US-001)\n", "(US-001)\n  - Depends on: T-002\n", "(US-002)\n", "(US-002)\n  - Depends on: T-001\n")},
		want: []string{"docs/tech.md:20: task-cycle"}, msg: "T-001 and T-002 depend on each other in a cycle: T-001 → T-002 → T-001"},
	{name: "a chain after a setup task", rule: "task-cycle",
		docs: []file{tech("(US-002)\n", "(US-002)\n  - Depends on: T-001, T-003\n- **T-003** Set up CI (setup)\n")}},

	// task-dangling-dependency
	{name: "a dependency on a task that is not there", rule: "task-dangling-dependency",
		docs: []file{tech("(US-002)\n", "(US-002)\n  - Depends on: T-001, T-007\n")},
		want: []string{"docs/tech.md:21: task-dangling-dependency"}, msg: "T-002 depends on T-007, which is not a task"},

	// story-without-task
	{name: "a story no task delivers", rule: "story-without-task",
		docs: []file{stories(), tech(" (US-002)", " (US-001)")},
		want: []string{"docs/tech.md:18: story-without-task"}, msg: "US-002 is delivered by no task: add a task that delivers it"},
	{name: "a setup task delivers none and needs none", rule: "story-without-task",
		docs: []file{stories(), tech("(US-002)\n", "(US-002)\n- **T-003** Set up CI (setup)\n")}},
	{name: "a setup task traces to nothing on purpose", rule: "trace-missing",
		docs: []file{tech("(US-002)\n", "(US-002)\n- **T-003** Set up CI (setup)\n")}},

	// story-without-endpoint
	{name: "a story no endpoint serves", rule: "story-without-endpoint",
		docs: []file{stories(), tech("| `POST` | `/check-ins` | Check in | US-002 |\n", "")},
		want: []string{"docs/tech.md:11: story-without-endpoint"}, msg: "US-002 is served by no endpoint and no job: add the route its work goes through, or say why it needs none"},
	{name: "a job serves what the product does alone", rule: "story-without-endpoint",
		docs: []file{stories(), tech("| `POST` | `/check-ins` | Check in | US-002 |\n", "",
			"## Data model", "## Architecture\n\n| Component | Kind | Serves |\n| --- | --- | --- |\n| Reminders | job | FR-002 |\n\n## Data model")}},
	{name: "a spec with no API asks for no endpoint", rule: "story-without-endpoint",
		docs: []file{stories(), tech("## API\n\n| Method | Path | Purpose | Stories |\n| --- | --- | --- | --- |\n| `POST` | `/teams` | Create a team | US-001 |\n| `POST` | `/check-ins` | Check in | US-002 |\n\n", "")}},

	// relationship-unknown-entity
	{name: "an entity related to one the data model lacks", rule: "relationship-unknown-entity",
		docs: []file{tech("| id | string | – |\n", "| id | string | – |\n\n- Has many **Check-in**\n- Belongs to **team**\n- Owner: Team lead\n")},
		want: []string{"docs/tech.md:11: relationship-unknown-entity"}, msg: `Team is related to "Check-in", which is not an entity of the data model`},

	// endpoint-unknown-entity
	{name: "an endpoint on an entity the data model lacks", rule: "endpoint-unknown-entity",
		docs: []file{tech("| Method | Path | Purpose | Stories |\n| --- | --- | --- | --- |\n| `POST` | `/teams` | Create a team | US-001 |\n| `POST` | `/check-ins` | Check in | US-002 |",
			"| Method | Path | Entity | Purpose | Stories |\n| --- | --- | --- | --- | --- |\n| `POST` | `/teams` | Team | Create a team | US-001 |\n| `POST` | `/check-ins` | Check-in | Check in | US-002 |")},
		want: []string{"docs/tech.md:16: endpoint-unknown-entity"}, msg: `POST /check-ins acts on "Check-in", which is not an entity of the data model`},

	// task-unknown-name
	{name: "a task naming what the spec lacks", rule: "task-unknown-name",
		docs: []file{tech("(US-001)\n", "(US-001)\n  - Entities: `Team`, `Habit`\n  - Endpoints: `POST /teams`, `GET /teams`\n  - Components: `API`\n")},
		want: []string{"docs/tech.md:21: task-unknown-name", "docs/tech.md:22: task-unknown-name", "docs/tech.md:23: task-unknown-name"},
		msg:  `T-001 names entity "Habit", which the spec does not have`},
	{name: "a task naming the spec's components from a table", rule: "task-unknown-name",
		docs: []file{tech("## Data model", "## Architecture\n\n| Component | Kind |\n| --- | --- |\n| API | API service |\n\n## Data model", "(US-001)\n", "(US-001)\n  - Components: `API`\n")}},

	// later-in-mvp
	{name: "an FR and an in-scope item marked for later", rule: "later-in-mvp",
		docs: []file{prd("check in to a habit.", "check in to a habit (phase 2).",
			"## Success metrics", "## Scope\n\n### In scope\n\n- Create a team\n- Slack check-ins, nice to have\n\n### Out of scope\n\n- Badges, post-v1\n\n## Success metrics")},
		want: []string{"docs/prd.md:14: later-in-mvp", "docs/prd.md:25: later-in-mvp"},
		msg:  `FR-002 says "phase 2", yet it is in the first release`},
	{name: "an FR the PRD puts in a later phase", rule: "later-in-mvp",
		docs: []file{prd("check in to a habit.", "check in to a habit. (priority: Should, phase: 2)\n- **FR-003** The system must let a team lead export check-ins. (phase: 3)")}},
	{name: "later words that mark no release", rule: "later-in-mvp",
		docs: []file{prd("check in to a habit.", "check in to a habit and see their future bookings, or finish the check-in 2 hours later.")}},

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

func briefFile(src string) file { return file{"brief.md", src} }

// sourcedBrief is the brief sourced's PRD comes from: its goal on line 5,
// persona on 9, features on 13 and 14, constraint on 18, non-goal on 22,
// plan on 26 and metric on 30.
const sourcedBrief = `# Streaks

## Goals

- Teams keep 80% of agreed habits for 8 weeks.

## Target users

- **Team lead**; sets the habits.

## Features

- Create a team.
- Check in to a habit.

## Constraints

- Pages load in under 1 second at the 95th percentile.

## Non-goals

- No badges.

## Team and timeline

- Two engineers build it in one quarter, for a launch in March.

## Success metrics

- Median check-in time under 10 seconds.
`

// sourced is the base PRD with every item citing sourcedBrief, and an
// out-of-scope item (line 24) citing its non-goal, edited by edits. It
// lints clean against sourcedBrief.
func sourced(edits ...string) file {
	f := prd("8 weeks.\n", "8 weeks. (brief.md:5)\n",
		"Sets the habits.\n", "Sets the habits. (brief.md:9)\n",
		"create a team.\n", "create a team. (brief.md:13)\n",
		"check in to a habit.\n", "check in to a habit. (brief.md:14)\n",
		"95th percentile.\n", "95th percentile. (brief.md:18)\n",
		"## Success metrics", "## Scope\n\n### Out of scope\n\n- Badges (brief.md:22)\n\n## Success metrics",
		"| Target |\n| --- | --- | --- |\n| Median check-in time | – | under 10 seconds |",
		"| Target | Source |\n| --- | --- | --- | --- |\n| Median check-in time | – | under 10 seconds | brief.md:30 |")
	f.src = edit(f.src, edits...)
	return f
}

// htmlBrief is a brief written in HTML, its features on lines 10 and 11,
// its constraint on 14 and its plan on 16.
const htmlBrief = `<!DOCTYPE html>
<html><body>
<h1>Streaks</h1>
<h2>Goals</h2>
<ul>
<li>Teams keep 80% of agreed habits for 8 weeks.</li>
</ul>
<h2>Features</h2>
<ul>
<li>Create a <b>team</b>.</li>
<li>Check in to a habit.</li>
</ul>
<h2>Constraints</h2>
<p>Pages load in under 1 second at the 95th percentile.</p>
<h2>Team and timeline</h2>
<p>Two engineers build it in one quarter, for a launch in March.</p>
</body></html>
`

// htmlSourced is the base PRD generated from htmlBrief, citing its lines,
// edited by edits.
func htmlSourced(edits ...string) file {
	f := prd("8 weeks.\n", "8 weeks. (brief.html:6)\n",
		"create a team.\n", "create a team. (brief.html:10)\n",
		"check in to a habit.\n", "check in to a habit. (brief.html:11)\n",
		"95th percentile.\n", "95th percentile. (brief.html:14)\n")
	f.src = "<!-- Generated by prodgen from brief.html. Edit freely: x -->\n\n" + edit(f.src, edits...)
	return f
}

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
