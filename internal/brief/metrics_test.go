package brief

import (
	"strings"
	"testing"
)

func TestParseMetric(t *testing.T) {
	tests := []struct {
		in   string
		want Metric
	}{
		{"Weekly active teams after 3 months: 200.", Metric{"Weekly active teams after 3 months", "", "200"}},
		{"Median check-in time: under 10 seconds.", Metric{"Median check-in time", "", "under 10 seconds"}},
		{"Habit retention at 8 weeks: 80%.", Metric{"Habit retention at 8 weeks", "", "80%"}},
		{"Invoice-related support tickets down 50% within two quarters of launch.",
			Metric{"Invoice-related support tickets", "", "down 50% within two quarters of launch"}},
		{"15 customers live on the API in the first quarter.", Metric{"Customers live on the API", "", "15 in the first quarter"}},
		{"paperwork time should drop from an hour to under fifteen minutes a shift",
			Metric{"Paperwork time", "an hour", "under fifteen minutes a shift"}},
		{"no inspection photo should be lost again", Metric{"Inspection photo lost", "", "none"}},
		{"Walk-outs: from 12% to under 5%", Metric{"Walk-outs", "12%", "under 5%"}},
		{"Walk-outs: 12% → 5%", Metric{"Walk-outs", "12%", "5%"}},
		{"Walk-outs: under 5% (today 12%)", Metric{"Walk-outs", "12%", "under 5%"}},
		{"Walk-outs — under 5%", Metric{"Walk-outs", "", "under 5%"}},
		{"Pages load in under 1 second", Metric{"Pages load", "", "under 1 second"}},
		{"NPS above 40 after 3 months", Metric{"NPS", "", "above 40 after 3 months"}},
		{"Reach 200 weekly active teams by March", Metric{"Weekly active teams", "", "200 by March"}},
		{"80% of invoices paid on time", Metric{"Invoices paid on time", "", "80%"}},
		{"Reduce churn", Metric{"Churn", "", "reduce"}},
		{"Fewer support tickets", Metric{"Support tickets", "", "fewer"}},
		{"Zero data loss", Metric{"Data loss", "", "zero"}},
		{"Customer happiness", Metric{"Customer happiness", "", ""}},
		{"**Activation** within 7 days: 60%", Metric{"Activation within 7 days", "", "60%"}},
		{"99.9", Metric{"99.9", "", "99.9"}},
		{"99.95% monthly availability", Metric{"Monthly availability", "", "99.95%"}},
		{"200 households are active after 3 months", Metric{"Households are active", "", "200 after 3 months"}},
		{"Time to first list is under 2 minutes", Metric{"Time to first list", "", "under 2 minutes"}},
		{"Weekly active teams ≥ 200", Metric{"Weekly active teams", "", "≥ 200"}},
		{"callbacks drop by half", Metric{"Callbacks", "", "drop by half"}},
		{"Increase weekly sessions by 20%", Metric{"Weekly sessions", "", "increase by 20%"}},
		{"Reduce paperwork time from an hour to 15 minutes", Metric{"Paperwork time", "an hour", "15 minutes"}},
		{"Habit retention of 80%", Metric{"Habit retention", "", "80%"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseMetric(tt.in); got != tt.want {
				t.Errorf("parseMetric(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMetricWithDetail(t *testing.T) {
	got := metricWithDetail("Weekly active teams", []string{"Today: 0", "Target: 200"})
	want := Metric{"Weekly active teams", "0", "200"}
	if got != want {
		t.Errorf("metricWithDetail = %+v, want %+v", got, want)
	}
}

// TestMetricTargetInvariant checks the promise parseMetric makes: text
// with a number or a target word never leaves Target empty.
func TestMetricTargetInvariant(t *testing.T) {
	for _, in := range []string{"3", "at least", "up", "2 3 4", "Teams 12", "no", "from 3 to 4",
		"x: ", ": 5", "— 5", "A - B - 7", "under", "Users should double", "1.", "no more than 3 incidents"} {
		m := parseMetric(in)
		if m.Target == "" && (hasDigit(m.Name) || hasTargetWord(m.Name)) {
			t.Errorf("parseMetric(%q) = %+v: target missing", in, m)
		}
		if strings.TrimSpace(in) != "" && m.Name == "" {
			t.Errorf("parseMetric(%q) = %+v: name missing", in, m)
		}
	}
}

// TestOffsetsSurviveCaseFolding feeds runes whose lower case is longer or
// shorter than themselves ("İ", the Kelvin sign) before the cues, where a
// naive strings.ToLower would shift every offset.
func TestOffsetsSurviveCaseFolding(t *testing.T) {
	for _, src := range []string{
		"## Metrics\n\n- İİİİ tickets down 50%\n- KKKK faster\n- İİ reduce\n",
		"İİİİ We won't build İİİ payroll.\n",
		"## Users\n\n- The İİ nurse\n",
	} {
		b, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !validStrings(b) {
			t.Errorf("Parse(%q) produced invalid UTF-8: %+v", src, b)
		}
	}
	got := parseMetric("İİİİ tickets down 50%")
	if want := (Metric{"İİİİ tickets", "", "down 50%"}); got != want {
		t.Errorf("parseMetric = %+v, want %+v", got, want)
	}
}
