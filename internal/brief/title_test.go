package brief

import (
	"fmt"
	"testing"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		name, src, title, summary string
	}{
		{"h1", "# QueueLess\n", "QueueLess", ""},
		{"project brief prefix", "# Project brief: QueueLess\n", "QueueLess", ""},
		{"prd prefix", "# PRD: Ledgerline\n", "Ledgerline", ""},
		{"product brief dash", "# Product brief — Field Notes\n", "Field Notes", ""},
		{"brief for", "# Brief for Streaks\n", "Streaks", ""},
		{"em dash tagline", "# Streaks — a habit tracker for small teams\n", "Streaks", "A habit tracker for small teams."},
		{"en dash tagline", "# Streaks – a habit tracker\n", "Streaks", "A habit tracker."},
		{"hyphen tagline", "# Streaks - a habit tracker\n", "Streaks", "A habit tracker."},
		{"colon tagline", "# Streaks: a habit tracker\n", "Streaks", "A habit tracker."},
		{"summary section wins", "# Streaks — a tracker\n\n## Summary\n\nTeams keep habits.\n", "Streaks", "Teams keep habits."},
		{"front matter title", "---\ntitle: Real Name\n---\n# Other\n", "Real Name", ""},
		{"front matter product", "---\nproduct: Ledgerline\n---\n", "Ledgerline", ""},
		{"front matter name", "---\nname: Ledgerline\n---\ntext\n", "Ledgerline", ""},
		{"markup removed", "# **Streaks**\n", "Streaks", ""},
		{"no h1: first heading", "## Streaks\n\n## Problem\n\nTeams forget.\n", "Streaks", ""},
		{"no h1, first heading is a part", "## Problem\n\nTeams forget.\n", "", ""},
		{"h1 is a part", "# Problem\n\nTeams forget.\n", "", ""},
		{"no heading", "A tool for teams\n", "", "A tool for teams."},
		{"document type only", "# Product Requirements Document (PRD)\n\n**Product name:** Hopstop\n**Version:** 0.3\n", "Hopstop", ""},
		{"document type suffix", "Fridgeful: one-pager\n\n**Problem:** Food is wasted.\n", "Fridgeful", ""},
		{"subject of the first sentence", "Kilnshare is a booking log for a pottery studio.\n\nToday members write on paper.\n", "Kilnshare", "Kilnshare is a booking log for a pottery studio."},
		{"overview heading, name in its text", "# Overview\nSwapboard lets nurses swap shifts.\n\n# Core Features\n- Swap\n", "Swapboard", "Swapboard lets nurses swap shifts."},
		{"called by name", "We want a web app, which we have been calling Fixwell, for tenants. Tenants report repairs.\n", "Fixwell", "We want a web app, which we have been calling Fixwell, for tenants."},
		{"bold name in the first paragraph", "# Brief\n\n**Sow & Swap** moves the seed table online.\n", "Sow & Swap", "**Sow & Swap** moves the seed table online."},
		{"a role is no name", "Volunteers are tired of paper.\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if b.Title != tt.title || b.Summary != tt.summary {
				t.Errorf("Title, Summary = %q, %q; want %q, %q", b.Title, b.Summary, tt.title, tt.summary)
			}
		})
	}
}

func TestMeta(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"middle dots", "# X\n\nStatus: draft · Owner: product · Last updated: 2026-10-02\n",
			"map[last updated:2026-10-02 owner:product status:draft]"},
		{"pipes and semicolons", "Status: draft | Owner: Ana; Stage: discovery\n\n# X\n",
			"map[owner:Ana stage:discovery status:draft]"},
		{"one per line", "# X\n\n**Status:** draft\nOwner: product\n", "map[owner:product status:draft]"},
		{"list", "# X\n\n- Status: draft\n- Owner: product\n", "map[owner:product status:draft]"},
		{"front matter wins", "---\nstatus: final\nowner: ops\n---\n# X\n\nStatus: draft\n", "map[owner:ops status:final]"},
		{"nested front matter ignored", "---\nowner: ops\ntags: [a, b]\n---\n# X\n", "map[owner:ops]"},
		{"mixed line is not meta", "# X\n\nStatus: draft · written in a hurry\n", "map[]"},
		{"part label is not meta", "# X\n\nProblem: nurses lose notes.\n", "map[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(b.Meta); got != tt.want {
				t.Errorf("Meta = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestStatusLineIsNotSummary(t *testing.T) {
	b, err := Parse([]byte("# X\n\nStatus: draft · Owner: product\n\n## Problem\n\nIt hurts.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Summary != "" {
		t.Errorf("Summary = %q, want empty", b.Summary)
	}
}
