package domain

import (
	"slices"
	"strings"
	"testing"
)

func componentNames(m Model) []string {
	var out []string
	for _, c := range m.Components {
		out = append(out, c.Name)
	}
	return out
}

func TestTechnologies(t *testing.T) {
	tests := []struct {
		name, stack string
		want, not   []string
	}{
		{"spellings of one name", "Next.js front end, nextjs middleware, NEXT.JS pages; Postgres and PostgreSQL", []string{"Next.js", "PostgreSQL"}, nil},
		{"a longer name first", "Stripe Connect for payouts; React Native app; GTFS-Realtime feed", []string{"Stripe Connect", "React Native", "GTFS-Realtime"}, []string{"Stripe", "React", "GTFS"}},
		{"a word that is also English", "A Go service; the app will go live in May", []string{"Go"}, nil},
		{"a common word needs its context", "The dog's age and size", nil, []string{"age"}},
		{"the same word in context", "Encrypts secrets with age before upload", []string{"age"}, nil},
		{"a version and a dotted name", ".NET 8 with SQL Server, hosted on Fly.io", []string{".NET", "SQL Server", "Fly.io"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := read(t, "# Demo\n\n## Features\n\n- Add a note\n\n## Tech stack\n\n- "+tt.stack+"\n")
			got := componentNames(m)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("no component %q in %v", w, got)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("component %q found in %v", n, got)
				}
			}
		})
	}
}

func TestTechnologiesOfLaterPhasesDoNotCount(t *testing.T) {
	m := read(t, `# Keyring

## Features

- Create a key for a project

## Stack

- Supabase for the data

## Later

- Secret scanning alerts when a key appears in a public GitHub repository

## Out of scope

- A Slack integration
`)
	got := componentNames(m)
	if !slices.Contains(got, "Supabase") {
		t.Errorf("no Supabase in %v", got)
	}
	for _, n := range []string{"GitHub", "Slack"} {
		if slices.Contains(got, n) {
			t.Errorf("%s, named only in a later phase or a non-goal, is a component: %v", n, got)
		}
	}
}

func TestComponentRole(t *testing.T) {
	m := read(t, "# Leadline\n\n## Features\n\n- Book a walk\n\n## Stack\n\n- Stripe Connect for card payments, tips and walker payouts\n- Onfido\n")
	for _, c := range m.Components {
		switch c.Name {
		case "Stripe Connect":
			if c.Role != "card payments, tips and walker payouts" {
				t.Errorf("Stripe Connect's role = %q, want the brief's words", c.Role)
			}
		case "Onfido":
			if c.Role == "" {
				t.Errorf("Onfido has no role")
			}
		}
	}
}

func TestPlatform(t *testing.T) {
	tests := []struct {
		name, src string
		kind      Kind
		stated    bool
		also      []Kind
		offline   bool
		noBackend bool
	}{
		{
			name: "nothing said",
			src:  features("Sipwell", "- Plant keepers", "Add a plant"),
			kind: Web,
		},
		{
			name:   "a mobile app with a web admin",
			src:    "# Leadline\n\n## Features\n\n- Book a walk\n\n## Stack\n\nReact Native app (iOS and Android); ops works in a small internal web admin.\n",
			kind:   Mobile,
			stated: true,
			also:   []Kind{Web},
		},
		{
			name:   "a command line tool, by its commands",
			src:    "# dotstash\n\n## Features\n\n- `dotstash add ~/.zshrc` starts tracking a file\n",
			kind:   CLI,
			stated: true,
		},
		{
			name:      "a plugin of a desktop application, with no server",
			src:       "# PartCheck\n\nAn action plugin for KiCad's PCB editor.\n\n## Requirements\n\n* Reads each footprint's value\n\n## Constraints\n\n- There is no server of ours.\n",
			kind:      Plugin,
			stated:    true,
			noBackend: true,
		},
		{
			name:   "an API by its name",
			src:    "# Ledgerline Invoicing API\n\n## What\n\n- Create invoices\n",
			kind:   API,
			stated: true,
		},
		{
			name:    "another system's API is not this product's",
			src:     "# Aliquot\n\n## Features\n\n- Store a sample\n\n## Integrations\n\n- Freezer temperatures come from the monitoring system's REST API.\n",
			kind:    Web,
			offline: false,
		},
		{
			name:    "a web app that works offline",
			src:     "# Tripslip\n\nA progressive web app for school trips.\n\n## Features\n\n- Take the register on the coach, offline\n",
			kind:    Web,
			stated:  true,
			offline: true,
		},
		{
			name:      "no backend",
			src:       "# Quoteforge\n\nEverything runs in the browser and there is no backend.\n\n## Features\n\n- Create an invoice\n",
			kind:      Web,
			stated:    true,
			noBackend: true,
		},
		{
			name: "a mobile app ruled out",
			src:  "# Roadpass\n\n## Features\n\n- Apply for a road closure\n\n## Non-goals\n\n- A mobile app.\n",
			kind: Web,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := read(t, tt.src).Platform
			if p.Kind != tt.kind || p.Stated != tt.stated || p.Offline != tt.offline || p.NoBackend != tt.noBackend {
				t.Errorf("platform = %s stated=%v offline=%v no-backend=%v, want %s %v %v %v", p.Kind, p.Stated, p.Offline,
					p.NoBackend, tt.kind, tt.stated, tt.offline, tt.noBackend)
			}
			for _, k := range tt.also {
				if !slices.Contains(p.Surfaces, k) {
					t.Errorf("surfaces = %v, want %s among them", p.Surfaces, k)
				}
			}
			if tt.stated && len(p.Evidence) == 0 {
				t.Errorf("a stated platform with no evidence")
			}
		})
	}
}

func TestStackQuestions(t *testing.T) {
	asks := func(m Model, about, word string) bool {
		return slices.ContainsFunc(m.Questions, func(q Question) bool {
			return q.About == about && strings.Contains(strings.ToLower(q.Text), word)
		})
	}
	open := read(t, features("Marketday", "- Stallholders", "Stallholders pay the stall fee by card", "Send a Friday email to stallholders"))
	for _, w := range []string{"web app", "data store", "run", "payments", "email"} {
		if !asks(open, "platform", w) && !asks(open, "stack", w) {
			t.Errorf("no question on %q: %+v", w, open.Questions)
		}
	}
	named := read(t, "# Tanklog\n\n## Features\n\n- Drivers pay by card\n\n## Tech stack\n\n- Flutter app, Supabase (Postgres and auth), Stripe\n")
	for _, w := range []string{"web app", "data store", "run", "payments"} {
		if asks(named, "platform", w) || asks(named, "stack", w) {
			t.Errorf("a question on %q, which the brief answers: %+v", w, named.Questions)
		}
	}
	local := read(t, "# Quoteforge\n\nEverything runs in the browser; there is no backend.\n\n## Features\n\n- Create an invoice\n")
	if asks(local, "stack", "data store") || asks(local, "stack", "run") {
		t.Errorf("questions on a server for a brief with no backend: %+v", local.Questions)
	}
}
