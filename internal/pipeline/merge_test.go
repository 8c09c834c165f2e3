package pipeline

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

const matrixBrief = `# Streaks

## Target users

- **Team lead**: sets the habits.

## Features

- Create a team and invite members by email link.
- Export check-in history as CSV.
- Send a weekly summary to each member.
`

// The merge matrix for the PRD: what a person did to FR-001 (nothing,
// edited it, deleted it, or added FR-099 beside it) against what happened
// upstream to the feature it came from (nothing, reworded, removed, or a
// new feature beside it), with the offline engine and with a model.
func TestMergeMatrixPRD(t *testing.T) {
	const (
		fr001    = "The system must let a team lead create a team and invite members by email link."
		mineText = "The system must let a team lead create a team and invite up to 50 members."
		added    = "- **FR-099** The system must let a team lead archive a team."
	)
	hand := map[string]func(md string) string{
		"untouched": func(md string) string { return md },
		"edited":    func(md string) string { return strings.Replace(md, fr001, mineText, 1) },
		"deleted": func(md string) string {
			return regexp.MustCompile(`(?m)^- \*\*FR-001\*\*.*\n`).ReplaceAllString(md, "")
		},
		"added": func(md string) string {
			return regexp.MustCompile(`(?m)^(- \*\*FR-001\*\*.*\n)`).ReplaceAllString(md, "${1}"+added+"\n")
		},
	}
	upstream := map[string]func(brief string) string{
		"unchanged": func(b string) string { return b },
		"changed": func(b string) string {
			return strings.Replace(b, "invite members by email link.", "invite members by email or SMS link.", 1)
		},
		"removed": func(b string) string {
			return strings.Replace(b, "- Create a team and invite members by email link.\n", "", 1)
		},
		"new sibling": func(b string) string { return b + "- Pause a habit for a week.\n" },
	}
	type want struct {
		line     string // FR-001's text in the merged PRD; "" when it is not there
		state    state  // the PRD's state in check after the run
		conflict string // the conflict the ledger records for FR-001, if any
	}
	wants := map[[2]string]want{
		{"untouched", "unchanged"}:   {line: fr001, state: fresh},
		{"untouched", "changed"}:     {line: "The system must let a team lead create a team and invite members by email or SMS link.", state: fresh},
		{"untouched", "removed"}:     {state: fresh},
		{"untouched", "new sibling"}: {line: fr001, state: fresh},
		{"edited", "unchanged"}:      {line: mineText, state: fresh},
		{"edited", "changed"}:        {line: mineText, state: conflicted, conflict: "edited by hand and changed upstream"},
		{"edited", "removed"}:        {line: mineText, state: conflicted, conflict: "edited by hand and removed upstream"},
		{"edited", "new sibling"}:    {line: mineText, state: fresh},
		{"deleted", "unchanged"}:     {state: fresh},
		{"deleted", "changed"}:       {state: conflicted, conflict: "deleted by hand and changed upstream"},
		{"deleted", "removed"}:       {state: fresh},
		{"deleted", "new sibling"}:   {state: fresh},
		{"added", "unchanged"}:       {line: fr001, state: fresh},
		{"added", "changed"}:         {line: "The system must let a team lead create a team and invite members by email or SMS link.", state: fresh},
		{"added", "removed"}:         {state: fresh},
		{"added", "new sibling"}:     {line: fr001, state: fresh},
	}
	for _, engine := range []string{"offline", "model"} {
		for _, h := range []string{"untouched", "edited", "deleted", "added"} {
			for _, u := range []string{"unchanged", "changed", "removed", "new sibling"} {
				t.Run(fmt.Sprintf("%s/%s/%s", engine, h, u), func(t *testing.T) {
					p := newProject(t, matrixBrief, Offline(nil))
					if engine == "model" {
						p, _ = modelWith(p, 2, nil)
					}
					first := mustRun(t, p, "prd")
					if itemLine(string(first), "FR-001") != fr001 {
						t.Fatalf("the first PRD's FR-001 is %q", itemLine(string(first), "FR-001"))
					}
					write(t, p, p.prdPath(), hand[h](string(first)))
					write(t, p, "brief.md", upstream[u](matrixBrief))
					generate(t, p)
					md := read(t, p, p.prdPath())
					w := wants[[2]string{h, u}]
					if got := itemLine(md, "FR-001"); got != w.line {
						t.Errorf("FR-001 is %q, want %q\n%s", got, w.line, md)
					}
					if h == "added" && itemLine(md, "FR-099") != "The system must let a team lead archive a team." {
						t.Errorf("the item a person added is gone:\n%s", md)
					}
					if u == "new sibling" && !strings.Contains(md, "pause a habit for a week") {
						t.Errorf("the new feature is missing:\n%s", md)
					}
					if u == "new sibling" && strings.Count(md, "**FR-001**") > 1 {
						t.Errorf("FR-001 was given to the new feature:\n%s", md)
					}
					st := prdStatus(t, p)
					if st.State != w.state {
						t.Errorf("check says %s (%s), want %s", st.State, st.Reason, w.state)
					}
					if got := ledgerConflict(t, p, "prd", "FR-001"); got != w.conflict {
						t.Errorf("ledger conflict for FR-001 %q, want %q", got, w.conflict)
					}
					// A second generate changes nothing: the merge is stable.
					generate(t, p)
					if again := read(t, p, p.prdPath()); again != md {
						t.Errorf("a second generate changed the PRD:\n%s", again)
					}
				})
			}
		}
	}
}

// itemLine is the text of the list item with id in md, without its ID and
// priority; "" when there is none.
func itemLine(md, id string) string {
	m := regexp.MustCompile(`(?m)^- \*\*` + regexp.QuoteMeta(id) + `\*\* (.*?)(?: \(priority: [^)]*\))?(?: \(brief\.md:[-0-9, ]+\))?$`).FindStringSubmatch(md)
	if m == nil {
		return ""
	}
	return m[1]
}

func write(t *testing.T, p *Project, path, content string) {
	t.Helper()
	if err := os.WriteFile(p.Abs(path), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p *Project, path string) string {
	t.Helper()
	data, err := os.ReadFile(p.Abs(path))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// generate runs prodgen generate on p.
func generate(t *testing.T, p *Project) {
	t.Helper()
	plan, err := p.Plan(Selection{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Execute(t.Context(), plan); err != nil {
		t.Fatalf("generate: %v", err)
	}
}

func prdStatus(t *testing.T, p *Project) Status {
	t.Helper()
	plan, err := p.Plan(Selection{})
	if err != nil {
		t.Fatal(err)
	}
	return plan.Statuses[0]
}

// ledgerConflict is the reason of the conflict the ledger of stage records
// for key, or "".
func ledgerConflict(t *testing.T, p *Project, stage, key string) string {
	t.Helper()
	l, err := readLock(p.Abs(lockFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range l.Artifacts[stage].Items {
		if it.Key == key && it.Conflict != nil {
			return it.Conflict.Reason
		}
	}
	return ""
}

// The merge matrix for the stories: what a person did to US-001 against
// what happened upstream to the requirement it delivers, through the PRD.
func TestMergeMatrixStories(t *testing.T) {
	const (
		want001  = "As a team lead, I want to create a team."
		mineWant = "As a team lead, I want to create a team of up to 50 members."
		addedUS  = "## US-099 Archive a team\n\nAs a team lead, I want to archive a team.\n\nTraces: FR-001\n\nAcceptance criteria:\n\n" +
			"- **AC-099.1** Given a team lead, when they archive a team, then the team is archived.\n\n"
	)
	section := regexp.MustCompile(`(?s)## US-001 .*?\n(## )`)
	hand := map[string]func(md string) string{
		"untouched": func(md string) string { return md },
		"edited":    func(md string) string { return strings.Replace(md, want001, mineWant, 1) },
		"deleted":   func(md string) string { return section.ReplaceAllString(md, "$1") },
		"added": func(md string) string {
			loc := section.FindStringSubmatchIndex(md)
			return md[:loc[2]] + addedUS + md[loc[2]:]
		},
	}
	upstream := map[string]func(brief string) string{
		"unchanged": func(b string) string { return b },
		"changed": func(b string) string {
			return strings.Replace(b, "Create a team and invite", "Create a named team and invite", 1)
		},
		"removed": func(b string) string {
			return strings.Replace(b, "- Create a team and invite members by email link.\n", "", 1)
		},
		"new sibling": func(b string) string { return b + "- Pause a habit for a week.\n" },
	}
	changed := "As a team lead, I want to create a named team."
	wants := map[[2]string]struct {
		want     string // US-001's "As a…" line; "" when the story is not there
		state    state
		conflict string
	}{
		{"untouched", "unchanged"}:   {want001, fresh, ""},
		{"untouched", "changed"}:     {changed, fresh, ""},
		{"untouched", "removed"}:     {"", fresh, ""},
		{"untouched", "new sibling"}: {want001, fresh, ""},
		{"edited", "unchanged"}:      {mineWant, fresh, ""},
		{"edited", "changed"}:        {mineWant, conflicted, "edited by hand and changed upstream"},
		{"edited", "removed"}:        {mineWant, conflicted, "edited by hand and removed upstream"},
		{"edited", "new sibling"}:    {mineWant, fresh, ""},
		{"deleted", "unchanged"}:     {"", fresh, ""},
		{"deleted", "changed"}:       {"", conflicted, "deleted by hand and changed upstream"},
		{"deleted", "removed"}:       {"", fresh, ""},
		{"deleted", "new sibling"}:   {"", fresh, ""},
		{"added", "unchanged"}:       {want001, fresh, ""},
		{"added", "changed"}:         {changed, fresh, ""},
		{"added", "removed"}:         {"", fresh, ""},
		{"added", "new sibling"}:     {want001, fresh, ""},
	}
	for _, engine := range []string{"offline", "model"} {
		for _, h := range []string{"untouched", "edited", "deleted", "added"} {
			for _, u := range []string{"unchanged", "changed", "removed", "new sibling"} {
				t.Run(fmt.Sprintf("%s/%s/%s", engine, h, u), func(t *testing.T) {
					p := newProject(t, matrixBrief, Offline(nil))
					if engine == "model" {
						p, _ = modelWith(p, 2, nil)
					}
					mustRun(t, p, "prd")
					first := mustRun(t, p, "stories")
					write(t, p, p.storiesPath(), hand[h](string(first)))
					write(t, p, "brief.md", upstream[u](matrixBrief))
					only(t, p, "prd", "stories")
					md := read(t, p, p.storiesPath())
					w := wants[[2]string{h, u}]
					if got := storyWant(md, "US-001"); got != w.want {
						t.Errorf("US-001 wants %q, want %q\n%s", got, w.want, md)
					}
					if h == "added" && !strings.Contains(md, "## US-099 Archive a team") {
						t.Errorf("the story a person added is gone:\n%s", md)
					}
					if u == "new sibling" && (!strings.Contains(md, "pause a habit") || strings.Count(md, "## US-001 ") > 1) {
						t.Errorf("the new feature's story is missing or took US-001:\n%s", md)
					}
					plan, err := p.Plan(Selection{Only: []string{"prd", "stories"}})
					if err != nil {
						t.Fatal(err)
					}
					if st := plan.Statuses[1]; st.State != w.state {
						t.Errorf("check says %s (%s), want %s", st.State, st.Reason, w.state)
					}
					if got := ledgerConflict(t, p, "stories", "US-001"); got != w.conflict {
						t.Errorf("ledger conflict for US-001 %q, want %q", got, w.conflict)
					}
					only(t, p, "prd", "stories")
					if again := read(t, p, p.storiesPath()); again != md {
						t.Errorf("a second generate changed the stories:\n%s", again)
					}
				})
			}
		}
	}
}

// only runs generate --only stages.
func only(t *testing.T, p *Project, stages ...string) {
	t.Helper()
	plan, err := p.Plan(Selection{Only: stages})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Execute(t.Context(), plan); err != nil {
		t.Fatalf("generate --only %v: %v", stages, err)
	}
}

// storyWant is the "As a…" line of story id, or "".
func storyWant(md, id string) string {
	m := regexp.MustCompile(`(?s)## ` + id + ` [^\n]*\n\n([^\n]*)`).FindStringSubmatch(md)
	if m == nil {
		return ""
	}
	return m[1]
}

// The merge matrix for the tech spec: what a person did to the task that
// implements US-004 against what happened upstream to its story. The
// task's ID is the one the first generate gives it (after the setup and
// model tasks), and it must stay that ID through every change.
func TestMergeMatrixTech(t *testing.T) {
	const (
		task     = "Implement US-004: Send a weekly summary to each member (US-004)"
		mineTask = "Implement US-004: Send the weekly summary from a cron job (US-004)"
		added    = "- **T-099** Set up continuous integration (US-001)"
	)
	// The task's item, with the items nested under it (its dependencies
	// and what it touches).
	var id string
	item := func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)^- \*\*` + id + `\*\* .*\n(?:  .*\n)*`)
	}
	hand := map[string]func(md string) string{
		"untouched": func(md string) string { return md },
		"edited":    func(md string) string { return strings.Replace(md, task, mineTask, 1) },
		"deleted":   func(md string) string { return item().ReplaceAllString(md, "") },
		"added": func(md string) string {
			return item().ReplaceAllStringFunc(md, func(it string) string { return it + added + "\n" })
		},
	}
	upstream := map[string]func(brief string) string{
		"unchanged": func(b string) string { return b },
		"changed": func(b string) string {
			return strings.Replace(b, "Send a weekly summary to each member.", "Send a weekly digest to each member.", 1)
		},
		"removed":     func(b string) string { return strings.Replace(b, "- Send a weekly summary to each member.\n", "", 1) },
		"new sibling": func(b string) string { return b + "- Pause a habit for a week.\n" },
	}
	// A changed story changes its task: its title, and what the engine
	// makes of the new words (a digest is sent through an endpoint).
	const changedPrefix = "Implement US-004: Send a weekly digest to each member"
	changed := changedPrefix + " (US-004)"
	wants := map[[2]string]struct {
		line     string
		conflict string
	}{
		{"untouched", "unchanged"}: {task, ""}, {"untouched", "changed"}: {changed, ""}, {"untouched", "removed"}: {"", ""}, {"untouched", "new sibling"}: {task, ""},
		{"edited", "unchanged"}: {mineTask, ""}, {"edited", "changed"}: {mineTask, "edited by hand and changed upstream"},
		{"edited", "removed"}: {mineTask, "edited by hand and removed upstream"}, {"edited", "new sibling"}: {mineTask, ""},
		{"deleted", "unchanged"}: {"", ""}, {"deleted", "changed"}: {"", "deleted by hand and changed upstream"}, {"deleted", "removed"}: {"", ""}, {"deleted", "new sibling"}: {"", ""},
		{"added", "unchanged"}: {task, ""}, {"added", "changed"}: {changed, ""}, {"added", "removed"}: {"", ""}, {"added", "new sibling"}: {task, ""},
	}
	for _, engine := range []string{"offline", "model"} {
		for _, h := range []string{"untouched", "edited", "deleted", "added"} {
			for _, u := range []string{"unchanged", "changed", "removed", "new sibling"} {
				t.Run(fmt.Sprintf("%s/%s/%s", engine, h, u), func(t *testing.T) {
					p := newProject(t, matrixBrief, Offline(nil))
					if engine == "model" {
						p, _ = modelWith(p, 2, nil)
					}
					generate(t, p)
					first := read(t, p, p.techPath())
					m := regexp.MustCompile(`\*\*(T-\d+)\*\* (?:\[P\] )?Implement US-004:`).FindStringSubmatch(first)
					if m == nil {
						t.Fatalf("no task implements US-004:\n%s", first)
					}
					id = m[1]
					if bare(itemLine(first, id)) != task {
						t.Fatalf("the first tech spec's %s is %q:\n%s", id, itemLine(first, id), first)
					}
					write(t, p, p.techPath(), hand[h](first))
					write(t, p, "brief.md", upstream[u](matrixBrief))
					generate(t, p)
					md := read(t, p, p.techPath())
					w := wants[[2]string{h, u}]
					if got := bare(itemLine(md, id)); got != w.line && !(w.line == changed && strings.HasPrefix(got, changedPrefix)) {
						t.Errorf("%s is %q, want %q\n%s", id, got, w.line, md)
					}
					if h == "added" && !strings.Contains(md, added) {
						t.Errorf("the task a person added is gone:\n%s", md)
					}
					if got := ledgerConflict(t, p, "tech", id); got != w.conflict {
						t.Errorf("ledger conflict for %s %q, want %q", id, got, w.conflict)
					}
					generate(t, p)
					if again := read(t, p, p.techPath()); again != md {
						t.Errorf("a second generate changed the tech spec:\n%s", again)
					}
				})
			}
		}
	}
}

// resolve settles each kind of conflict either way, and the settlement
// holds: a later generate keeps it, and only a new upstream change raises
// a new conflict.
func TestResolve(t *testing.T) {
	const (
		fr001  = "The system must let a team lead create a team and invite members by email link."
		mine   = "The system must let a team lead create a team and invite up to 50 members."
		theirs = "The system must let a team lead create a team and invite members by email or SMS link."
	)
	changed := strings.Replace(matrixBrief, "invite members by email link.", "invite members by email or SMS link.", 1)
	removed := strings.Replace(matrixBrief, "- Create a team and invite members by email link.\n", "", 1)
	tests := []struct {
		name       string
		hand       func(md string) string
		brief      string
		keepTheirs bool
		want       string // FR-001's text after resolving
	}{
		{"edited and changed, keep theirs", func(md string) string { return strings.Replace(md, fr001, mine, 1) }, changed, true, theirs},
		{"edited and changed, keep mine", func(md string) string { return strings.Replace(md, fr001, mine, 1) }, changed, false, mine},
		{"edited and removed, keep theirs", func(md string) string { return strings.Replace(md, fr001, mine, 1) }, removed, true, ""},
		{"edited and removed, keep mine", func(md string) string { return strings.Replace(md, fr001, mine, 1) }, removed, false, mine},
		{"deleted and changed, keep theirs", func(md string) string {
			return regexp.MustCompile(`(?m)^- \*\*FR-001\*\*.*\n`).ReplaceAllString(md, "")
		}, changed, true, theirs},
		{"deleted and changed, keep mine", func(md string) string {
			return regexp.MustCompile(`(?m)^- \*\*FR-001\*\*.*\n`).ReplaceAllString(md, "")
		}, changed, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProject(t, matrixBrief, Offline(nil))
			generate(t, p)
			write(t, p, p.prdPath(), tt.hand(read(t, p, p.prdPath())))
			write(t, p, "brief.md", tt.brief)
			generate(t, p)
			if ledgerConflict(t, p, "prd", "FR-001") == "" {
				t.Fatal("no conflict to resolve")
			}
			if _, err := p.Resolve("FR-001", tt.keepTheirs); err != nil {
				t.Fatal(err)
			}
			if got := itemLine(read(t, p, p.prdPath()), "FR-001"); got != tt.want {
				t.Errorf("FR-001 is %q, want %q", got, tt.want)
			}
			generate(t, p)
			if got := itemLine(read(t, p, p.prdPath()), "FR-001"); got != tt.want {
				t.Errorf("after generate FR-001 is %q, want %q", got, tt.want)
			}
			plan, err := p.Plan(Selection{})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range plan.Statuses {
				if !st.Fresh() {
					t.Errorf("%s is %s (%s) after resolving and generating", st.Path, st.State, st.Reason)
				}
			}
			if _, err := p.Resolve("FR-001", true); err == nil || !strings.Contains(err.Error(), "has no conflict to resolve") {
				t.Errorf("resolving again: %v", err)
			}
		})
	}
	// Kept mine, then upstream changes again: a new conflict.
	p := newProject(t, matrixBrief, Offline(nil))
	generate(t, p)
	write(t, p, p.prdPath(), strings.Replace(read(t, p, p.prdPath()), fr001, mine, 1))
	write(t, p, "brief.md", changed)
	generate(t, p)
	if _, err := p.Resolve("FR-001", false); err != nil {
		t.Fatal(err)
	}
	write(t, p, "brief.md", strings.Replace(changed, "email or SMS link.", "email, SMS or QR code.", 1))
	generate(t, p)
	if ledgerConflict(t, p, "prd", "FR-001") == "" || itemLine(read(t, p, p.prdPath()), "FR-001") != mine {
		t.Errorf("a new upstream change after keeping mine is no conflict, or lost mine:\n%s", read(t, p, p.prdPath()))
	}
}

// IDs lists the ledger: a retired number stays listed and is never
// reused, and a person's item is theirs.
func TestIDs(t *testing.T) {
	p := newProject(t, matrixBrief, Offline(nil))
	generate(t, p)
	write(t, p, p.prdPath(), strings.Replace(read(t, p, p.prdPath()), "export check-in history as CSV.", "export check-in history as CSV and JSON.", 1))
	write(t, p, "brief.md", strings.Replace(matrixBrief, "- Send a weekly summary to each member.\n", "- Pause a habit for a week.\n", 1))
	generate(t, p)
	ids, err := p.IDs()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ID{}
	for _, id := range ids {
		if id.Document == "docs/prd.md" {
			got[id.ID] = id
		}
	}
	if got["FR-003"].State != "retired" || got["FR-002"].Owner != "person" || got["FR-001"].State != "active" {
		t.Errorf("ledger %+v", got)
	}
	if fr4, ok := got["FR-004"]; !ok || !strings.Contains(fr4.Text, "pause a habit") {
		t.Errorf("the new requirement is not FR-004: %+v", got)
	}
}

// A brief edit that only moves lines changes no item: a requirement a
// person edited stays theirs, with no conflict, and cites the lines its
// feature is on now.
func TestMovedBriefLinesKeepEdits(t *testing.T) {
	const mine = "The system must let a team lead create a team and invite up to 50 members."
	p := newProject(t, matrixBrief, Offline(nil))
	generate(t, p)
	first := read(t, p, p.prdPath())
	if !strings.Contains(first, "invite members by email link. (brief.md:9)") {
		t.Fatalf("FR-001 does not cite the brief's line 9:\n%s", first)
	}
	write(t, p, p.prdPath(), strings.Replace(first, "The system must let a team lead create a team and invite members by email link.", mine, 1))
	write(t, p, "brief.md", strings.Replace(matrixBrief, "## Features\n", "## Features\n\nWhat the first release does.\n", 1))
	generate(t, p)
	md := read(t, p, p.prdPath())
	if !strings.Contains(md, mine+" (brief.md:11)") {
		t.Errorf("FR-001 is not the person's text citing line 11:\n%s", md)
	}
	if c := ledgerConflict(t, p, "prd", "FR-001"); c != "" {
		t.Errorf("moving the brief's lines made a conflict: %s", c)
	}
	if !strings.Contains(md, "export check-in history as CSV. (brief.md:12)") {
		t.Errorf("an untouched requirement does not cite its new line:\n%s", md)
	}
}

// bare is a task's line without the parallel mark, which depends on the
// task's wave, not on its text.
func bare(line string) string { return strings.TrimPrefix(line, "[P] ") }
