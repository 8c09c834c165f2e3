package brief

import (
	"fmt"
	"testing"
)

func TestFeatureTable(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Feature
	}{
		{"priority and notes", "## Features\n\n| Capability | Priority | Notes |\n|---|---|---|\n| Export CSV. | P1 | Daily |\n| Import | P0 | |\n",
			[]Feature{{Text: "Export CSV", Priority: "P1", Notes: "Daily"}, {Text: "Import", Priority: "P0", Notes: ""}}},
		{"short headers", "## Features\n\n| Feature | Pri | Details | Owner |\n|---|---|---|---|\n| Export | Must | Daily | Ana |\n",
			[]Feature{{Text: "Export", Priority: "Must", Notes: "Daily; Owner: Ana"}}},
		{"moscow first", "## Features\n\n| MoSCoW | Feature | Comments |\n|---|---|---|\n| Should | Export | fast |\n",
			[]Feature{{Text: "Export", Priority: "Should", Notes: "fast"}}},
		{"escaped pipe", "## Features\n\n| Feature | Notes |\n|---|---|\n| A \\| B | x |\n",
			[]Feature{{Text: "A | B", Priority: "", Notes: "x"}}},
		{"empty row skipped", "## Features\n\n| Feature |\n|---|\n| |\n| Export |\n", []Feature{{Text: "Export", Priority: "", Notes: ""}}},
		{"priority in list text", "## Features\n\n- [P0] Export\n- P1: Import\n- Sync (Should)\n- Must: Share\n- Must work offline\n",
			[]Feature{{Text: "Export", Priority: "P0", Notes: ""}, {Text: "Import", Priority: "P1", Notes: ""}, {Text: "Sync", Priority: "Should", Notes: ""}, {Text: "Share", Priority: "Must", Notes: ""}, {Text: "Must work offline", Priority: "", Notes: ""}}},
		{"nested items become notes", "## Features\n\n- Export\n  - as CSV\n  - as PDF\n", []Feature{{Text: "Export", Priority: "", Notes: "as CSV; as PDF"}}},
		{"subsection per feature", "## Features\n\n### 1. Check-in\n\nFrom Slack or the web.\n\n### Reports\n\n- Weekly digest\n",
			[]Feature{{Text: "Check-in", Priority: "", Notes: "From Slack or the web."}, {Text: "Weekly digest", Priority: "", Notes: ""}}},
		{"lead-in paragraph ignored", "## Features\n\nThe MVP has:\n\n- Export\n", []Feature{{Text: "Export", Priority: "", Notes: ""}}},
		{"paragraph split", "## Features\n\nExport to CSV; import from Excel. Share a link.\n",
			[]Feature{{Text: "Export to CSV", Priority: "", Notes: ""}, {Text: "Import from Excel", Priority: "", Notes: ""}, {Text: "Share a link", Priority: "", Notes: ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%q", b.Features) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Features = %q, want %q", b.Features, tt.want)
			}
		})
	}
}

func TestPersonaTable(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Persona
	}{
		{"needs column", "## Who\n\n| Persona | Needs |\n|---|---|\n| Developer at a customer | Clear REST API, sandbox |\n",
			[]Persona{{"Developer at a customer", "Needs: Clear REST API, sandbox."}}},
		{"description column is bare", "## Users\n\n| User | Description | Pain |\n|---|---|---|\n| the dispatcher | assigns jobs | phones ringing |\n",
			[]Persona{{"Dispatcher", "Assigns jobs; Pain: phones ringing."}}},
		{"name only", "## Users\n\n| Name |\n|---|\n| Nurses |\n", []Persona{{"Nurses", ""}}},
		{"list with nested detail", "## Users\n\n- **Nurse**: on the ward\n  - works nights\n",
			[]Persona{{"Nurse", "On the ward; works nights."}}},
		{"subsection per persona", "## Personas\n\n### Dana, the dispatcher\n\nAssigns jobs all day.\n",
			[]Persona{{"Dana, the dispatcher", "Assigns jobs all day."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%q", b.Users) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Users = %q, want %q", b.Users, tt.want)
			}
		})
	}
}

func TestMetricTable(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Metric
	}{
		{"today and target", "## Metrics\n\n| Metric | Today | Target |\n|---|---|---|\n| Walk-outs | 12% | under 5% |\n",
			[]Metric{{"Walk-outs", "12%", "under 5%"}}},
		{"other names", "## KPIs\n\n| Goal | KPI | Baseline |\n|---|---|---|\n| 200 | Active teams | 20 |\n",
			[]Metric{{"Active teams", "20", "200"}}},
		{"no target column", "## Metrics\n\n| Name | Current |\n|---|---|\n| Active teams: 200 | 20 |\n",
			[]Metric{{"Active teams", "20", "200"}}},
		{"no name column", "## Metrics\n\n| What | Target |\n|---|---|\n| Churn | 2% |\n",
			[]Metric{{"Churn", "", "2%"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%q", b.Metrics) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Metrics = %q, want %q", b.Metrics, tt.want)
			}
		})
	}
}
