package brief

import (
	"fmt"
	"strings"
	"testing"
)

// features lists a brief's features as "text [priority] {phase}", and its
// later items after a "|".
func features(b *Brief) string {
	f := func(fs []Feature) string {
		var out []string
		for _, x := range fs {
			s := x.Text
			if x.Priority != "" {
				s += " [" + x.Priority + "]"
			}
			if x.Phase != "" {
				s += " {" + x.Phase + "}"
			}
			if x.Ref != "" {
				s += " <" + x.Ref + ">"
			}
			out = append(out, s)
		}
		return strings.Join(out, "; ")
	}
	return f(b.Features) + " | " + f(b.Later)
}

func TestPhasesAndPriorities(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"moscow headings", "# X\n\n## Must have\n\n- Book\n\n## Should have\n\n- Export\n\n## Won't have (for now)\n\n- Chat\n",
			"Book [Must]; Export [Should] | Chat [Won't]"},
		{"phase headings under a roadmap", "# X\n\n## Roadmap\n\nPhase 1 (MVP):\n\n1. Import rosters.\n\nPhase 2:\n\n1. iCal feed.\n\n## Ideas\n\n- Dark mode\n",
			"Import rosters | iCal feed {phase 2}; Dark mode"},
		{"the brief's own phases", "# X\n\nThe MVP is Phases 1 to 2.\n\n## Stages\n\nPhase 2:\n\n- Search\n\nPhase 3:\n\n- Export\n",
			"Search | Export {phase 3}"},
		{"priority legend", "# X\n\n## Requirements\n\nPriorities: P0 blocks launch, P3 is post-v1.\n\n| Priority | Requirement |\n|---|---|\n| P0 | Create keys |\n| P3 | Rotation policies |\n",
			"Create keys [P0] | Rotation policies [P3] {post-v1}"},
		{"won't rows and an id column", "# X\n\n## Requirements\n\n| # | Requirement | Priority |\n|---|---|---|\n| 1 | Log a fill-up | Must |\n| 2 | Leaderboard | Won't |\n",
			"Log a fill-up [Must] <1> | Leaderboard [Won't] <2>"},
		{"could is later", "# X\n\n## Requirements\n\n| # | Requirement | Priority |\n|---|---|---|\n| 1 | Log a fill-up | Should |\n| 2 | Reminders | Could |\n",
			"Log a fill-up [Should] <1> | Reminders [Could] {could have} <2>"},
		{"inline priority and phase", "# X\n\n## Requirements\n\n1. (Must) Book an interpreter.\n2. (Won't, post-v1) Sign language booking.\n",
			"Book an interpreter [Must] | Sign language booking [Won't] {post-v1}"},
		{"own IDs are references", "# X\n\n## Functional requirements\n\n- FR-1: An applicant creates an account.\n- FR-11 (R2): The notice is sent to the paper.\n",
			"An applicant creates an account <FR-1> | The notice is sent to the paper {R2} <FR-11>"},
		{"a later sentence in a features section", "# X\n\n## Scope\n\nOfficers approve closures. Utility closures are mentioned; they come in R2.\n",
			"Officers approve closures | Utility closures are mentioned; they come in R2 {R2}"},
		{"bold requirement titles with their release",
			"# X\n\n## Functional requirements\n\nEach requirement carries its release. Release 1 is the MVP; Release 2 follows it.\n\n**FR-1 Receiving** (Release 1)\nThe technician scans each tube.\n\n**FR-2 Labels** (Release 1)\nThe system prints a label.\n\n- FR-2A: Reprinting a label requires a reason.\n\n**FR-9 Shipping** (Release 2)\nA technician builds a shipment.\n",
			"Receiving <FR-1>; The system prints a label; Reprinting a label requires a reason <FR-2A> | Shipping {release 2} <FR-9>"},
		{"a titled requirement whose sentence is no feature of its own",
			"# X\n\n## Functional requirements\n\n**FR-7 Sample status** (Release 1)\nEach sample has one status: received, stored or destroyed.\n\n- FR-7A: Destruction needs an approval by a supervisor.\n",
			"Sample status <FR-7>; Destruction needs an approval by a supervisor <FR-7A> | "},
		{"not MVP heading", "# X\n\n## Features\n\n- Scan a label\n\n## Not MVP\n\n- Exchanges\n", "Scan a label | Exchanges"},
		{"fenced lists with labels", "# X\n\n## Scope\n\n```\nMUST\n- apply once\nNICE TO HAVE (not for opening day)\n- loyalty discount\n```\n",
			"apply once [Must] | loyalty discount [Nice to have] {nice to have}"},
		{"a group label is a heading of its items", "# X\n\n## Core features\n\n- Skill-mix check\n  - Before a swap is approved, the system checks the staffing.\n  - Why: safety.\n",
			"Before a swap is approved, the system checks the staffing | "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := features(b); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestByContent(t *testing.T) {
	tests := []struct {
		name, src, want string
		get             func(*Brief) any
	}{
		{"capabilities under a heading that names no part", "# X\n\n## Problem\n\nSlow.\n\n## Lab side\n\n- Scan the barcode when a parcel arrives.\n- Batch rolls of the same process.\n",
			"Scan the barcode when a parcel arrives; Batch rolls of the same process | ", func(b *Brief) any { return features(b) }},
		{"a question answered no", "# X\n\n## Problem\n\nSlow.\n\n## Will it take payments?\n\nNo. Fees are paid in cash, and volunteers mark the membership as paid.\n",
			"Volunteers mark the membership as paid | Take payments", func(b *Brief) any { return features(b) }},
		{"a semicolon keeps a consequence with its feature", "# X\n\n## Problem\n\nSlow.\n\n## What about damage?\n\nVolunteers record damage; the tool is hidden until it is repaired.\n",
			"Volunteers record damage; the tool is hidden until it is repaired | ", func(b *Brief) any { return features(b) }},
		{"plan sections and sentences are no requirement", "# X\n\n## Constraints\n\n- Runs offline, and we need it before the gates open in June.\n\n## Team\n\n- Two developers for a month\n",
			`["Runs offline"] ["We need it before the gates open in June" "Two developers for a month"]`,
			func(b *Brief) any { return fmt.Sprintf("%q %q", b.Constraints, b.Plan) }},
		{"a tech section is the stack, its money the plan", "# X\n\n## Built with\n\nA Laravel app on shared hosting; card payments through Stripe. The club has no budget for anything over £10 a month.\n\n## Constraints\n\n### Hosting\n\n- EU only\n",
			`["A Laravel app on shared hosting" "Card payments through Stripe"] ["The club has no budget for anything over £10 a month"] ["EU only"]`,
			func(b *Brief) any { return fmt.Sprintf("%q %q %q", b.Stack, b.Plan, b.Constraints) }},
		{"not yet section in sentences", "# X\n\n## Features\n\n- Book\n\n## Not yet\n\nThe app will not sell tickets this year.\nSeating plans may come in version 2.\n",
			"Book | The app will not sell tickets this year; Seating plans may come in version 2 {version 2}", func(b *Brief) any { return features(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := fmt.Sprint(tt.get(b))
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestActorFromHeading(t *testing.T) {
	src := "# X\n\n## Users\n\n- Trip leader\n- Parent or carer\n- School office administrator\n\n## Requirements\n\n### Parent or carer\n\n- Give consent for each child.\n\n### School office\n\n- Record cash payments.\n\n### Reports\n\n- Export payments as CSV.\n\n## Features\n\n**For the trip leader**\n\n- Create a trip.\n"
	b, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range b.Features {
		got = append(got, f.Text+" <"+f.Actor+">")
	}
	want := "Give consent for each child <Parent or carer>; Record cash payments <School office administrator>; Export payments as CSV <>; Create a trip <Trip leader>"
	if s := strings.Join(got, "; "); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}
