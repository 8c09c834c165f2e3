package brief

import "testing"

func TestClassifyHeading(t *testing.T) {
	tests := []struct {
		heading string
		want    part
	}{
		{"Summary", partSummary},
		{"TL;DR", partSummary},
		{"Elevator pitch", partSummary},
		{"1) Problem statement", partProblem},
		{"2. Why", partProblem},
		{"3 - Pain points", partProblem},
		{"Step 4: Target users", partUsers},
		{"A. Who is it for?", partUsers},
		{"## **Personas**", partUsers},
		{"(1) Stakeholders", partUsers},
		{"Goals & objectives", partGoals},
		{"IV. Outcomes", partGoals},
		{"What we will build (MVP)", partFeatures},
		{"3) What we will build (MVP)", partFeatures},
		{"Functional requirements:", partFeatures},
		{"Solution", partFeatures},
		{"Won’t do", partNonGoals},
		{"Out of scope", partNonGoals},
		{"Not now", partLater},
		{"Post-v1 ideas", partLater},
		{"Team and budget", partPlan},
		{"Launch checklist", partPlan},
		{"Tech stack", partTech},
		{"Built with", partTech},
		{"What does it need to do?", partFeatures},
		{"What’s not included?", partNonGoals},
		{"Key flows", partFlows},
		{"Non-functional requirements", partConstraints},
		{"NFRs", partConstraints},
		{"5) Constraints and assumptions", partConstraints},
		{"Must hold", partConstraints},
		{"How we will know", partMetrics},
		{"Success", partMetrics},
		{"KPIs", partMetrics},
		{"Risks and assumptions", partRisks},
		{"Dependencies", partRisks},
		{"7) Open questions", partQuestions},
		{"TBD", partQuestions},
		{"Goals — what success looks like", partGoals},
		{"Goals & non-goals", partGoalsAndNonGoals},
		{"Risks / assumptions", partRisks},
		{"🎯 Goals", partGoals},
		// Keyword fallback for phrasings not in the table.
		{"Our users", partUsers},
		{"Features out of scope", partNonGoals},
		{"User requirements", partFeatures},
		{"Key success indicators", partMetrics},
		{"Known risks", partRisks},
		{"Questions for legal", partQuestions},
		// A heading that says nothing of its content.
		{"Appendix", partContainer},
		{"User experience", partContainer},
		// Not a part.
		{"Streaks — a habit tracker for small teams", partNone},
		{"A long heading that mentions users somewhere in the middle of it", partNone},
		{"", partNone},
		{"1.", partNone},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			if got := classifyHeading(tt.heading); got != tt.want {
				t.Errorf("classifyHeading(%q) = %d, want %d (normalised %q)", tt.heading, got, tt.want, normalizeHeading(tt.heading))
			}
		})
	}
}

func TestCleanHeading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1) Check-in", "Check-in"},
		{"Step 2: **Reports**", "Reports"},
		{"B. Digest email", "Digest email"},
		{"Slack bot", "Slack bot"},
		{"2026", "2026"},
	}
	for _, tt := range tests {
		if got := cleanHeading(tt.in); got != tt.want {
			t.Errorf("cleanHeading(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
