package lint

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestWriteSARIF decodes the SARIF document into a generic tree and
// checks the properties code scanning reads, by the names SARIF 2.1.0
// gives them.
func TestWriteSARIF(t *testing.T) {
	rep := sampleReport()
	rep.Findings = append(rep.Findings, Finding{File: "docs/prd.md", Line: 0, Rule: "open-questions", Severity: Info, Message: "2 open questions"})
	rep.Version = "v1.2.3"
	var b bytes.Buffer
	if err := rep.Write(&b, FormatSARIF); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("decode: %v\n%s", err, b.String())
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs; want 2.1.0, a SARIF 2.1.0 schema, 1 run", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "prodgen" || d.Version != "v1.2.3" {
		t.Errorf("driver %q %q, want prodgen v1.2.3", d.Name, d.Version)
	}
	if len(d.Rules) != len(Rules) {
		t.Fatalf("%d rules, want %d", len(d.Rules), len(Rules))
	}
	for i, r := range d.Rules {
		if r.ID != Rules[i].ID || r.ShortDescription.Text != Rules[i].What || !strings.HasPrefix(r.Help.Text, Rules[i].What) {
			t.Errorf("rule %d = %+v, want %s described and helped", i, r, Rules[i].ID)
		}
		if want := map[Severity]string{Error: "error", Warning: "warning", Info: "note"}[Rules[i].Severity]; r.DefaultConfiguration.Level != want {
			t.Errorf("rule %s level %q, want %q", r.ID, r.DefaultConfiguration.Level, want)
		}
	}
	want := []struct {
		rule, level, uri string
		line             int
	}{
		{"vague-word", "warning", "docs/prd.md", 12},
		{"trace-dangling", "error", "docs/stories.md", 7},
		{"open-questions", "note", "docs/prd.md", 1}, // SARIF lines start at 1
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, r := range run.Results {
		w := want[i]
		if r.RuleID != w.rule || r.Level != w.level || d.Rules[r.RuleIndex].ID != w.rule || r.Message.Text != rep.Findings[i].Message {
			t.Errorf("result %d = %+v, want rule %s level %s", i, r, w.rule, w.level)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %d has %d locations, want 1", i, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != w.uri || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != w.line {
			t.Errorf("result %d at %+v, want %s:%d", i, loc, w.uri, w.line)
		}
	}
}

// An empty report is a valid SARIF log with no results, not null.
func TestWriteSARIFEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := (&Report{}).Write(&b, FormatSARIF); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("empty report: want an empty results list, got\n%s", b.String())
	}
}

// Every rule has help beyond its description, for code scanning.
func TestRuleHelp(t *testing.T) {
	for _, r := range Rules {
		if ruleHelp[r.ID] == "" {
			t.Errorf("rule %s has no help", r.ID)
		}
	}
	for id := range ruleHelp {
		if _, ok := severities[id]; !ok {
			t.Errorf("help for rule %s, which is not in Rules", id)
		}
	}
}
