package brief

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

// samples are the example briefs, copied from the project's shared
// examples so the tests do not depend on anything outside the package.
var samples = []string{"clinic-queue", "field-notes", "habit-tracker", "invoice-api"}

func parseFile(t *testing.T, name string) *Brief {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return b
}

// counts is what a sample must yield, part by part.
type counts struct {
	users, goals, features, nonGoals, constraints, metrics, risks, questions int
}

func countsOf(b *Brief) counts {
	return counts{len(b.Users), len(b.Goals), len(b.Features), len(b.NonGoals),
		len(b.Constraints), len(b.Metrics), len(b.Risks), len(b.OpenQuestions)}
}

func TestSamples(t *testing.T) {
	tests := []struct {
		name    string
		title   string
		summary string
		counts  counts
		missing []string
		check   func(t *testing.T, b *Brief)
	}{
		{name: "clinic-queue", title: "QueueLess", counts: counts{3, 0, 5, 3, 4, 3, 1, 2},
			missing: []string{PartGoals}, check: checkClinic},
		{name: "field-notes", title: "Field Notes",
			summary: "We want a simple phone app that a technician can use with gloves on, in the rain, often with no signal.",
			counts:  counts{2, 0, 6, 2, 4, 2, 0, 0}, missing: []string{PartGoals}, check: checkFieldNotes},
		{name: "habit-tracker", title: "Streaks", summary: "A habit tracker for small teams.",
			counts: counts{3, 3, 7, 3, 3, 3, 0, 0}, check: checkHabits},
		{name: "invoice-api", title: "Ledgerline Invoicing API", counts: counts{3, 0, 7, 0, 4, 2, 0, 0},
			missing: []string{PartGoals}, check: checkInvoice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := parseFile(t, tt.name)
			if b.Title != tt.title {
				t.Errorf("Title = %q, want %q", b.Title, tt.title)
			}
			if b.Summary != tt.summary {
				t.Errorf("Summary = %q, want %q", b.Summary, tt.summary)
			}
			if got := countsOf(b); got != tt.counts {
				t.Errorf("counts = %+v, want %+v", got, tt.counts)
			}
			if !slices.Equal(b.Missing, tt.missing) {
				t.Errorf("Missing = %q, want %q", b.Missing, tt.missing)
			}
			for _, m := range b.Metrics {
				if m.Target == "" {
					t.Errorf("metric %q has no target", m.Name)
				}
			}
			tt.check(t, b)
		})
	}
}

func checkClinic(t *testing.T, b *Brief) {
	t.Helper()
	wantUsers := []Persona{{"Patients", "Who walk in without an appointment."}, {"Front-desk staff", ""}, {"Clinic manager", ""}}
	if !slices.Equal(b.Users, wantUsers) {
		t.Errorf("Users = %q, want %q", b.Users, wantUsers)
	}
	equal(t, "Features[4].Text", b.Features[4].Text, "The clinic manager sees daily reports: arrivals per hour, median wait, walk-outs")
	equal(t, "NonGoals[0]", b.NonGoals[0], "Appointment booking")
	equal(t, "Constraints[2]", b.Constraints[2], "SMS via a third-party gateway")
	equal(t, "Risks[0]", b.Risks[0], "We assume delivery within 30 seconds")
	equal(t, "Metrics[0]", b.Metrics[0], Metric{"Walk-outs before being seen", "12%", "under 5%"})
	equal(t, "OpenQuestions[1]", b.OpenQuestions[1], "Do clinics want patients to see their exact position, or only the estimated time?")
	equal(t, "Meta", fmt.Sprint(b.Meta), "map[last updated:2026-10-02 owner:product status:draft]")
	if !strings.HasPrefix(b.Problem, "Walk-in patients at small urgent-care clinics") {
		t.Errorf("Problem = %q", b.Problem)
	}
}

func checkFieldNotes(t *testing.T, b *Brief) {
	t.Helper()
	equal(t, "Users[0].Name", b.Users[0].Name, "Field technicians")
	equal(t, "Users[1].Name", b.Users[1].Name, "Supervisors")
	wantFeatures := []string{
		"Pick the asset from a map or by scanning the tag on it",
		"Record the inspection with a few taps and a voice note",
		"Attach photos",
		"Flag a follow-up with a priority",
		"Supervisors see the day's findings on a dashboard by the end of the shift",
		"Supervisors turn flagged follow-ups into scheduled work orders",
	}
	for i, f := range b.Features {
		equal(t, fmt.Sprintf("Features[%d]", i), f.Text, wantFeatures[i])
	}
	equal(t, "NonGoals", strings.Join(b.NonGoals, "|"), "Replace the work-order system|Build route planning")
	for i, want := range []string{"work offline", "Android phones", "read nightly but not write", "encrypted on the device"} {
		if !strings.Contains(b.Constraints[i], want) {
			t.Errorf("Constraints[%d] = %q, want it to mention %q", i, b.Constraints[i], want)
		}
	}
	equal(t, "Metrics[0]", b.Metrics[0], Metric{"Paperwork time", "an hour", "under fifteen minutes a shift"})
	equal(t, "Metrics[1]", b.Metrics[1], Metric{"Inspection photo lost", "", "none"})
	if !strings.HasPrefix(b.Problem, "Field technicians for a regional water utility") ||
		!strings.HasSuffix(b.Problem, "without knowing what was found today.") {
		t.Errorf("Problem = %q, want the first paragraph", b.Problem)
	}
}

func checkHabits(t *testing.T, b *Brief) {
	t.Helper()
	equal(t, "Users[0]", b.Users[0], Persona{"Team lead", "Of a remote software team of 4–15 people; sets the habits."})
	equal(t, "Users[1]", b.Users[1], Persona{"Team member", "Checks in, wants little friction."})
	equal(t, "Goals[1]", b.Goals[1], "A check-in takes under 10 seconds")
	equal(t, "Features[6].Text", b.Features[6].Text, "Export check-in history as CSV")
	equal(t, "NonGoals[2]", b.NonGoals[2], "No native mobile app; the web app must work on phones")
	// A budget of engineers is the plan, no constraint of the product.
	equal(t, "Plan", strings.Join(b.Plan, "|"), "Budget: two engineers for one quarter")
	equal(t, "Metrics[0]", b.Metrics[0], Metric{"Weekly active teams after 3 months", "", "200"})
	equal(t, "Metrics[1]", b.Metrics[1], Metric{"Median check-in time", "", "under 10 seconds"})
}

func checkInvoice(t *testing.T, b *Brief) {
	t.Helper()
	equal(t, "Users[0]", b.Users[0], Persona{"Developer at a customer", "Needs: Clear REST API, idempotent calls, good errors, sandbox."})
	var prios []string
	for _, f := range b.Features {
		prios = append(prios, f.Priority)
	}
	equal(t, "priorities", strings.Join(prios, ","), "P0,P0,P1,P0,P1,P1,P0")
	equal(t, "Features[0]", b.Features[0], Feature{Text: "Create, update, finalize and void invoices", Priority: "P0", Notes: "Drafts editable; finalized invoices immutable"})
	equal(t, "Features[4].Notes", b.Features[4].Notes, "")
	// "Not now" is later, not out of scope for good.
	equal(t, "Later[1]", b.Later[1].Text, "Tax calculation (customers pass tax rates in)")
	equal(t, "Constraints[1]", b.Constraints[1], "Every write endpoint accepts an idempotency key")
	equal(t, "Metrics[0]", b.Metrics[0], Metric{"Invoice-related support tickets", "", "down 50% within two quarters of launch"})
	equal(t, "Metrics[1]", b.Metrics[1], Metric{"Customers live on the API", "", "15 in the first quarter"})
	equal(t, "Meta[owner]", b.Meta["owner"], "platform team")
}

func equal[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, fmt.Sprint(got), fmt.Sprint(want))
	}
}

func TestGolden(t *testing.T) {
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(parseFile(t, name), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", name+".golden.json"), append(got, '\n'))
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, name := range samples {
		a, _ := json.Marshal(parseFile(t, name))
		b, _ := json.Marshal(parseFile(t, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two parses differ", name)
		}
	}
}

// TestLineEndings checks that a brief saved with Windows line endings or
// a byte order mark reads the same as the original.
func TestLineEndings(t *testing.T) {
	for _, name := range samples {
		src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(parseFile(t, name))
		for _, v := range []struct {
			variant string
			src     []byte
		}{
			{"crlf", bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))},
			{"bom", append([]byte("\ufeff"), src...)},
		} {
			variant := v.variant
			b, err := Parse(v.src)
			if err != nil {
				t.Fatalf("%s %s: %v", name, variant, err)
			}
			if got, _ := json.Marshal(b); !bytes.Equal(got, want) {
				t.Errorf("%s %s: differs from the original:\n%s", name, variant, golden.Diff(string(want), string(got)))
			}
		}
	}
}
