package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// storyJSON is one story of a stories answer, with one criterion.
func storyJSON(role string, traces ...string) string {
	return fmt.Sprintf(`{"id":"","title":"Record a part","role":%q,"want":"to record a part","so_that":"",`+
		`"traces":["%s"],"criteria":[{"id":"","given":"a part","when":"I record it","then":"it is in the ledger","text":""}]}`,
		role, strings.Join(traces, `","`))
}

// storiesJSON is a stories answer holding stories.
func storiesJSON(stories ...string) string {
	return `{"title":"Depot","stories":[` + strings.Join(stories, ",") + `]}`
}

// lastMessage is the last message of the i-th request client got.
func lastMessage(client *fakeClient, i int) string {
	m := client.got[i].Messages
	return m[len(m)-1].Content
}

// A story's role must be one of the PRD's personas: the schema offers
// them as an enum, the prompt names them, and an answer with another role
// goes back for repair, naming the personas; the repaired answer is
// written.
func TestStoryRoleIsAPersona(t *testing.T) {
	base := bigProject(t, 1)
	client := &fakeClient{contents: []string{
		storiesJSON(storyJSON("warehouse manager", "FR-001")),
		storiesJSON(storyJSON("clerks", "FR-001")), // matched as "Clerk", written as answered
	}}
	p := with(base, func(o *Options) { o.Engine = Model(client, 1, 1, "") })
	md := string(mustRun(t, p, "stories"))
	if len(client.got) != 2 {
		t.Fatalf("%d requests, want the answer and one repair", len(client.got))
	}
	if schema := string(client.got[0].Schema.JSON); !strings.Contains(schema, `"role":{"type":"string","description":"who wants it, one of the PRD's personas: \"patient\" in \"As a patient\"","enum":["clerk"]}`) {
		t.Errorf("the schema does not restrict the role to the PRD's personas:\n%s", schema)
	}
	if prompt := client.got[0].Messages[0].Content + client.got[0].Messages[len(client.got[0].Messages)-1].Content; !strings.Contains(prompt, `"role" is one of: clerk.`) {
		t.Errorf("the prompt does not name the roles:\n%s", prompt)
	}
	if repair, want := lastMessage(client, 1), `US-001: role "warehouse manager" is none of the PRD's personas: use one of "clerk"`; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
	if !strings.Contains(md, "As a clerks, I want to record a part.") {
		t.Errorf("the repaired story is not written as answered:\n%s", md)
	}
}

// A role that stays no persona fails the stage, nothing written.
func TestStoryRoleNotRepaired(t *testing.T) {
	client := &fakeClient{contents: []string{storiesJSON(storyJSON("the system", "FR-001"))}}
	p := with(bigProject(t, 1), func(o *Options) { o.Engine = Model(client, 1, 1, "") })
	_, err := run(t, p, "stories")
	if err == nil || !strings.Contains(err.Error(), `US-001: role "the system" is none of the PRD's personas: use one of "clerk"`) {
		t.Fatalf("got %v, want the role refused", err)
	}
}

// A PRD without personas takes the generic "user" and nothing else.
func TestStoryRoleWithoutPersonas(t *testing.T) {
	base := newProject(t, "# Tiny\n\n## Features\n\n- Export check-in history as CSV.\n", Offline(nil))
	mustRun(t, base, "prd")
	client := &fakeClient{contents: []string{
		storiesJSON(storyJSON("admin", "FR-001")),
		storiesJSON(storyJSON("user", "FR-001")),
	}}
	p := with(base, func(o *Options) { o.Engine = Model(client, 1, 1, "") })
	mustRun(t, p, "stories")
	if schema := string(client.got[0].Schema.JSON); !strings.Contains(schema, `"enum":["user"]`) {
		t.Errorf("the schema does not offer the generic user alone:\n%s", schema)
	}
	if repair, want := lastMessage(client, 1), `US-001: role "admin": the PRD names no personas, so the role must be "user"`; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
}

// Stories are asked for per group of requirements, but a story may trace
// a requirement of another group it truly serves: every request's schema
// lists all the PRD's requirements, and such a trace is no problem. What
// a group must do is cover its own requirements: an answer that leaves
// one without a story goes back for repair.
func TestStoriesTraceAcrossGroups(t *testing.T) {
	base := bigProject(t, 6) // two groups: FR-001..FR-005 and FR-006
	first := storiesJSON(
		storyJSON("clerk", "FR-001"), storyJSON("clerk", "FR-002"), storyJSON("clerk", "FR-003"),
		storyJSON("clerk", "FR-004"), storyJSON("clerk", "FR-005"))
	client := &fakeClient{contents: []string{
		first,
		storiesJSON(storyJSON("clerk", "FR-001")),           // FR-006 uncovered
		storiesJSON(storyJSON("clerk", "FR-006", "FR-001")), // repaired, tracing FR-001 of the first group too
	}}
	p := with(base, func(o *Options) { o.Engine = Model(client, 1, 1, "") })
	md := string(mustRun(t, p, "stories"))
	if len(client.got) != 3 {
		t.Fatalf("%d requests, want two groups and one repair", len(client.got))
	}
	for i, req := range client.got[:2] {
		if schema := string(req.Schema.JSON); !strings.Contains(schema, `"enum":["FR-001","FR-002","FR-003","FR-004","FR-005","FR-006"]`) {
			t.Errorf("request %d: the trace enum does not list every FR of the PRD:\n%s", i+1, schema)
		}
	}
	if prompt := client.got[1].Messages[len(client.got[1].Messages)-1].Content + client.got[1].Messages[0].Content; !strings.Contains(prompt, "Every one of FR-006 must be traced by at least one story.") {
		t.Errorf("the second request does not say which FRs it must cover:\n%s", prompt)
	}
	repair := lastMessage(client, 2)
	if want := "FR-006 has no story: write at least one story that traces it"; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
	if strings.Contains(repair, "is not in the PRD's functional requirements") {
		t.Errorf("the repair request refuses a trace to a requirement the PRD has:\n%s", repair)
	}
	if !strings.Contains(md, "FR-006, FR-001") && !strings.Contains(md, "FR-001, FR-006") {
		t.Errorf("the story of the second group lost its trace to FR-001:\n%s", md)
	}
}

// A trace to a requirement the PRD does not have is still refused.
func TestStoriesUnknownTraceIsRepaired(t *testing.T) {
	client := &fakeClient{contents: []string{
		storiesJSON(storyJSON("clerk", "FR-001", "FR-009")),
		storiesJSON(storyJSON("clerk", "FR-001")),
	}}
	p := with(bigProject(t, 1), func(o *Options) { o.Engine = Model(client, 1, 1, "") })
	mustRun(t, p, "stories")
	if repair, want := lastMessage(client, 1), "US-001: trace FR-009 is not in the PRD's functional requirements"; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
}

// A criterion with an empty Given/When/Then part would render "Given ,
// when …": it goes back for repair.
func TestEmptyCriterionPartIsRepaired(t *testing.T) {
	empty := strings.Replace(storiesJSON(storyJSON("clerk", "FR-001")), `"when":"I record it"`, `"when":""`, 1)
	client := &fakeClient{contents: []string{empty, storiesJSON(storyJSON("clerk", "FR-001"))}}
	p := with(bigProject(t, 1), func(o *Options) { o.Engine = Model(client, 1, 1, "") })
	md := string(mustRun(t, p, "stories"))
	if len(client.got) != 2 {
		t.Fatalf("%d requests, want the answer and one repair", len(client.got))
	}
	if repair, want := lastMessage(client, 1), "AC-001.1: empty when: fill given, when and then"; !strings.Contains(repair, want) {
		t.Errorf("the repair request does not say %q:\n%s", want, repair)
	}
	if !strings.Contains(md, "Given a part, when I record it, then it is in the ledger.") {
		t.Errorf("the repaired criterion is not written:\n%s", md)
	}
}
