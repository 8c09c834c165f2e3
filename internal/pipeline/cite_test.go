package pipeline

import (
	"os"
	"strings"
	"testing"
)

// citeBrief numbers its lines for the answers below: line 5 is the
// feature, line 9 the constraint, line 13 the non-goal.
const citeBrief = `# Tiny

## Features

- Export check-in history as CSV.

## Constraints

- Pages load in under 2 seconds.

## Non-goals

- No mobile app.
`

// citeAnswer is a PRD answer whose requirement cites the lines from
// start to end, its NFR line 9 and its out-of-scope item line 13.
func citeAnswer(start, end string) string {
	return `{"title":"Tiny","functional":[{"id":"","text":"The system must export check-in history as CSV.","priority":"","source":{"start":` + start + `,"end":` + end + `}}],` +
		`"non_functional":[{"id":"","text":"Pages must load in under 2 seconds.","priority":"","source":{"start":9,"end":9}}],` +
		`"out_of_scope":["A mobile app"],"out_of_scope_sources":[{"start":13,"end":13}]}`
}

// A citation to a line that does not say what the item says goes back to
// the model, named with its lines; the repaired answer's citations are
// written into the PRD.
func TestWrongCitationIsRepaired(t *testing.T) {
	client := &fakeClient{contents: []string{citeAnswer("9", "9"), citeAnswer("5", "5")}}
	p := newProject(t, citeBrief, Model(client, 1, 1, ""))
	md := string(mustRun(t, p, "prd"))
	if len(client.got) != 2 {
		t.Fatalf("%d requests, want the answer and one repair", len(client.got))
	}
	repair := client.got[1].Messages[len(client.got[1].Messages)-1].Content
	if want := "FR-001 cites brief line 9, which shares no content word with it"; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
	for _, want := range []string{
		"- **FR-001** The system must export check-in history as CSV. (brief.md:5)\n",
		"- **NFR-001** Pages must load in under 2 seconds. (brief.md:9)\n",
		"- A mobile app (brief.md:13)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the PRD lacks %q:\n%s", want, md)
		}
	}
	prompt := client.got[0].Messages[1].Content
	if !strings.Contains(prompt, " 5| - Export check-in history as CSV.\n") {
		t.Errorf("the prompt does not number the brief's lines:\n%s", prompt)
	}
	if schema := string(client.got[0].Schema.JSON); !strings.Contains(schema, `"minimum":0,"maximum":13`) {
		t.Errorf("the schema does not bound the lines by the brief's 13:\n%s", schema)
	}
}

// A citation the model does not repair fails the stage, naming the item
// and its lines, and nothing is written.
func TestWrongCitationFails(t *testing.T) {
	tests := []struct {
		name, start, end, want string
	}{
		{"beyond the brief", "5", "40", "FR-001 cites brief lines 5-40, beyond the brief's 13 lines"},
		{"unrelated lines", "1", "3", "FR-001 cites brief lines 1-3, which share no content word with it"},
		{"no range", "0", "3", "FR-001: source 0-3 starts before line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := &fakeClient{contents: []string{citeAnswer(tt.start, tt.end)}}
			p := newProject(t, citeBrief, Model(client, 1, 1, ""))
			_, err := run(t, p, "prd")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error saying %q", err, tt.want)
			}
			if _, err := os.Stat(p.Abs(p.prdPath())); !os.IsNotExist(err) {
				t.Errorf("an invalid answer was written to %s", p.prdPath())
			}
		})
	}
}

// Out-of-scope sources sit beside the items: a person's item added above
// a generated one does not take its source when the PRD is written again.
func TestOutOfScopeSourcesFollowTheirItems(t *testing.T) {
	client := &fakeClient{contents: []string{citeAnswer("5", "5")}}
	p := newProject(t, citeBrief, Model(client, 1, 1, ""))
	md := string(mustRun(t, p, "prd"))
	edited := strings.Replace(md, "- A mobile app (brief.md:13)\n", "- Offline mode\n- A mobile app (brief.md:13)\n", 1)
	if edited == md {
		t.Fatalf("no out-of-scope item to edit:\n%s", md)
	}
	if err := os.WriteFile(p.Abs(p.prdPath()), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.Abs("brief.md"), []byte(citeBrief+"\nMore.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	again := string(mustRun(t, p, "prd"))
	if !strings.Contains(again, "- Offline mode\n- A mobile app (brief.md:13)\n") {
		t.Errorf("the sources moved off their items:\n%s", again)
	}
}

// A model's functional requirement that cites no line of the brief (0
// and 0) goes back for repair, asking for its lines; the repaired answer's
// citation is written. One that stays uncited fails the stage.
func TestUncitedRequirementIsRepaired(t *testing.T) {
	client := &fakeClient{contents: []string{citeAnswer("0", "0"), citeAnswer("5", "5")}}
	p := newProject(t, citeBrief, Model(client, 1, 1, ""))
	md := string(mustRun(t, p, "prd"))
	if len(client.got) != 2 {
		t.Fatalf("%d requests, want the answer and one repair", len(client.got))
	}
	repair := client.got[1].Messages[len(client.got[1].Messages)-1].Content
	if want := "FR-001 cites no line of the brief: give the lines it comes from as its source (1 to 13)"; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
	if !strings.Contains(md, "- **FR-001** The system must export check-in history as CSV. (brief.md:5)\n") {
		t.Errorf("the repaired citation is not written:\n%s", md)
	}
	if schema := string(client.got[0].Schema.JSON); !strings.Contains(schema, "every functional requirement comes from the brief, so never 0") {
		t.Errorf("the schema does not ask every requirement for its lines:\n%s", schema)
	}

	client = &fakeClient{contents: []string{citeAnswer("0", "0")}}
	p = newProject(t, citeBrief, Model(client, 1, 1, ""))
	_, err := run(t, p, "prd")
	if err == nil || !strings.Contains(err.Error(), "FR-001 cites no line of the brief") {
		t.Fatalf("got %v, want the uncited requirement refused", err)
	}
	if len(client.got) != 2 {
		t.Errorf("%d requests, want the answer and one repair", len(client.got))
	}
}

// Only a functional requirement must cite: a goal or a non-functional
// requirement the brief does not state may say so with 0 and 0.
func TestOnlyRequirementsMustCite(t *testing.T) {
	answer := strings.Replace(citeAnswer("5", "5"), `"source":{"start":9,"end":9}`, `"source":{"start":0,"end":0}`, 1)
	client := &fakeClient{contents: []string{answer}}
	p := newProject(t, citeBrief, Model(client, 1, 1, ""))
	mustRun(t, p, "prd")
	if len(client.got) != 1 {
		t.Errorf("%d requests, want one: an uncited NFR needs no repair", len(client.got))
	}
}
