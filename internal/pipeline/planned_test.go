package pipeline

import (
	"strings"
	"testing"
)

// plannedBrief states what a PM's PRD holds beyond requirements: a
// persona's goal (line 5), a phase-2 feature (line 10), a flow (line 14),
// a dependency (line 18), a risk with its mitigation (line 19) and a
// metric with its timeframe (line 23).
const plannedBrief = `# Tiny

## Users

- **Analyst**: exports data; wants the export done in one click.

## Features

- Export check-in history as CSV.
- Phase 2: schedule a weekly export.

## Flow

The analyst opens the history, picks a date range and downloads the CSV.

## Dependencies and risks

- Relies on the billing service for account names.
- Risk: large exports may time out; stream the file to avoid it.

## Metrics

- Exports per week: 50 within 3 months.
`

// plannedPRDAnswer is a model's PRD of plannedBrief with every field a
// PM's PRD adds.
const plannedPRDAnswer = `{"title":"Tiny","summary":"","problem":"","goals":[],` +
	`"personas":[{"name":"Analyst","description":"Exports data.","goals":["Export in one click"],"source":{"start":5,"end":5}}],` +
	`"journeys":[{"name":"Export the history","steps":["Open the history.","Pick a date range.","Download the CSV."],"source":{"start":14,"end":14}}],` +
	`"functional":[` +
	`{"id":"","text":"The system must let an analyst export check-in history as CSV.","priority":"Must","phase":"","source":{"start":9,"end":9},"also":[]},` +
	`{"id":"","text":"The system must let an analyst schedule a weekly export.","priority":"","phase":"2","source":{"start":10,"end":10},"also":[]}],` +
	`"non_functional":[],"in_scope":[],"out_of_scope":[],"out_of_scope_sources":[],` +
	`"dependencies":["The billing service, for account names"],` +
	`"metrics":[{"name":"Exports per week","baseline":"","target":"50","timeframe":"within 3 months","source":{"start":23,"end":23}}],` +
	`"assumptions":[],` +
	`"risks":[{"text":"Large exports may time out.","mitigation":"Stream the file.","source":{"start":19,"end":19}}],` +
	`"open_questions":[]}`

// plannedStoriesAnswer is a model's stories of that PRD, with priorities,
// a size and the kind of each criterion.
const plannedStoriesAnswer = `{"title":"Tiny","stories":[` +
	`{"id":"","title":"Export the history","role":"analyst","want":"to export check-in history as CSV","so_that":"","priority":"Must","size":"M","traces":["FR-001"],"criteria":[` +
	`{"id":"","kind":"main","given":"an analyst has check-ins","when":"they export the history","then":"they get a CSV file of it","text":""},` +
	`{"id":"","kind":"error","given":"a very large history","when":"the export times out","then":"they are told to try a shorter date range","text":""}]},` +
	`{"id":"","title":"Schedule a weekly export","role":"analyst","want":"to schedule a weekly export","so_that":"","priority":"","size":"S","traces":["FR-002"],"criteria":[` +
	`{"id":"","kind":"main","given":"an analyst picks a weekday","when":"they save the schedule","then":"the export runs every week on that day","text":""},` +
	`{"id":"","kind":"edge","given":"no check-ins that week","when":"the export runs","then":"they get a CSV with a header row only","text":""}]}]}`

// A model's answer with the fields a PM's PRD and stories add lands in
// the documents: phases, goals, journeys, dependencies, risks,
// timeframes, story priorities and sizes, criterion kinds.
func TestPlannedFieldsAreWritten(t *testing.T) {
	client := &fakeClient{contents: []string{plannedPRDAnswer}}
	p := newProject(t, plannedBrief, Model(client, 1, 0, ""))
	prd := string(mustRun(t, p, "prd"))
	for _, want := range []string{
		"- **Analyst**: Exports data. (brief.md:5)\n  - Goal: Export in one click\n",
		"## User journeys\n\n- Export the history (brief.md:14)\n  1. Open the history.\n  2. Pick a date range.\n  3. Download the CSV.\n",
		"- **FR-001** The system must let an analyst export check-in history as CSV. (priority: Must) (brief.md:9)\n",
		"- **FR-002** The system must let an analyst schedule a weekly export. (phase: 2) (brief.md:10)\n",
		"## Dependencies\n\n- The billing service, for account names\n",
		"| Metric | Baseline | Target | Timeframe | Source |\n| --- | --- | --- | --- | --- |\n| Exports per week | – | 50 | within 3 months | brief.md:23 |\n",
		"## Risks\n\n- Large exports may time out. (brief.md:19)\n  - Mitigation: Stream the file.\n",
	} {
		if !strings.Contains(prd, want) {
			t.Errorf("the PRD lacks %q:\n%s", want, prd)
		}
	}

	client.contents = []string{plannedStoriesAnswer}
	stories := string(mustRun(t, p, "stories"))
	for _, want := range []string{
		"As an analyst, I want to export check-in history as CSV.\n\nPriority: Must · Size: M\n\nTraces: FR-001\n",
		"As an analyst, I want to schedule a weekly export.\n\nSize: S\n\nTraces: FR-002\n",
		"- **AC-001.1** (main) Given an analyst has check-ins, when they export the history, then they get a CSV file of it.\n",
		"- **AC-001.2** (error) Given a very large history, when the export times out, then they are told to try a shorter date range.\n",
		"- **AC-002.2** (edge) Given no check-ins that week, ",
	} {
		if !strings.Contains(stories, want) {
			t.Errorf("the stories lack %q:\n%s", want, stories)
		}
	}
}

// A person's edits to a journey, a dependency and a risk survive a new
// PRD as other items' do, and the ledger records the new lists' items.
func TestPlannedItemsKeepEdits(t *testing.T) {
	client := &fakeClient{contents: []string{plannedPRDAnswer}}
	p := newProject(t, plannedBrief, Model(client, 1, 0, ""))
	first := string(mustRun(t, p, "prd"))
	edited := strings.NewReplacer(
		"  - Mitigation: Stream the file.", "  - Mitigation: Stream the file and cap exports at a year.",
		"  2. Pick a date range.", "  2. Pick a date range (a month by default).",
		"- The billing service, for account names", "- The billing service, for account names\n- The data warehouse",
	).Replace(first)
	write(t, p, p.prdPath(), edited)
	write(t, p, "brief.md", plannedBrief+"- Median export time: under 5 seconds.\n")
	only(t, p, "prd")
	md := read(t, p, p.prdPath())
	for _, want := range []string{"Stream the file and cap exports at a year.", "Pick a date range (a month by default).", "- The data warehouse\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("a person's edit %q is gone:\n%s", want, md)
		}
	}
	l, err := readLock(p.Abs(lockFile))
	if err != nil {
		t.Fatal(err)
	}
	owners := map[string]string{}
	for _, it := range l.Artifacts["prd"].Items {
		owners[it.Key] = it.Owner
	}
	for _, key := range []string{"journey:Export the history", "risk:Large exports may time out.", "dependency:The billing service, for account names", "dependency:The data warehouse"} {
		if _, ok := owners[key]; !ok {
			t.Errorf("the ledger has no item %q: %v", key, owners)
		}
	}
	for _, key := range []string{"journey:Export the history", "risk:Large exports may time out.", "dependency:The data warehouse"} {
		if owners[key] != person {
			t.Errorf("%s is owned by %q, want the person's", key, owners[key])
		}
	}
}
