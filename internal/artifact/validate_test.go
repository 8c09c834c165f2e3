package artifact

import (
	"slices"
	"strings"
	"testing"
)

// checkErrors fails unless err holds exactly the wanted messages, in any
// order; no wanted messages means no error.
func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	var got []string
	if err != nil {
		got = strings.Split(err.Error(), "\n")
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing problem %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

func TestValidateFixtures(t *testing.T) {
	prd, stories, tech := richPRD(), richStories(), richTech()
	checkErrors(t, prd.Validate(), nil)
	checkErrors(t, plannedPRD().Validate(), nil)
	checkErrors(t, stories.Validate(prd), nil)
	checkErrors(t, tech.Validate(prd, stories), nil)
}

func TestValidatePRD(t *testing.T) {
	tests := []struct {
		name string
		edit func(*PRD)
		want []string
	}{
		{"duplicate FR", func(p *PRD) { p.Functional[1].ID = "FR-001" }, []string{"FR-001: duplicate ID"}},
		{"malformed FR", func(p *PRD) { p.Functional[0].ID = "FR-1" }, []string{`malformed functional requirement ID "FR-1" (want the form FR-001)`}},
		{"FR ID in the NFR list", func(p *PRD) { p.NonFunctional[0].ID = "FR-009" }, []string{`malformed non-functional requirement ID "FR-009" (want the form NFR-001)`}},
		{"missing ID", func(p *PRD) { p.Goals[1].ID = "" }, []string{"goal 2: missing ID"}},
		{"empty text", func(p *PRD) { p.NonFunctional[1].Text = " " }, []string{"NFR-002: empty text"}},
		{"malformed question", func(p *PRD) { p.OpenQuestions[0].ID = "Q1" }, []string{`malformed open question ID "Q1" (want the form Q-1)`}},
		{"no title", func(p *PRD) { p.Title = "" }, []string{"title is empty"}},
		{"journey without a name, risk without text", func(p *PRD) {
			p.Journeys = []Journey{{Name: "Join"}, {Steps: []string{"Scan."}}}
			p.Risks = []Risk{{Mitigation: "SMS."}}
		}, []string{"journey 2: no name", "risk 1: empty text"}},
		{"a journey's and a risk's source", func(p *PRD) {
			p.Journeys = []Journey{{Name: "Join", Source: Source{3, 2}}}
			p.Risks = []Risk{{Text: "Spam", Source: Source{0, 4}}}
		}, []string{`journey "Join": source 3-2 ends before it starts`, `risk "Spam": source 0-4 starts before line 1`}},
		{"all at once", func(p *PRD) {
			p.Functional[1].ID = "FR-001"
			p.Functional[2].Text = ""
			p.Goals[0].ID = "G-01"
		}, []string{"FR-001: duplicate ID", "FR-003: empty text", `malformed goal ID "G-01" (want the form G-1)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := richPRD()
			tt.edit(p)
			checkErrors(t, p.Validate(), tt.want)
		})
	}
}

func TestValidateStories(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Stories)
		want []string
	}{
		{"dangling trace", func(s *Stories) { s.Stories[1].Traces = append(s.Stories[1].Traces, "FR-009") },
			[]string{"US-002: trace FR-009 is not in the PRD's functional requirements"}},
		{"trace to an NFR", func(s *Stories) { s.Stories[0].Traces[0] = "NFR-001" },
			[]string{`US-001: trace: malformed functional requirement ID "NFR-001" (want the form FR-001)`}},
		{"duplicate story", func(s *Stories) { s.Stories[2].ID = "US-001" }, []string{
			"US-001: duplicate ID",
			// Its criteria now sit under the wrong story too.
			"AC-003.1: criterion of US-003 listed under US-001",
			"AC-003.2: criterion of US-003 listed under US-001",
		}},
		{"malformed story", func(s *Stories) { s.Stories[1].ID = "US-2" }, []string{`malformed story ID "US-2" (want the form US-001)`}},
		{"criterion of another story", func(s *Stories) { s.Stories[1].Criteria[0].ID = "AC-001.9" },
			[]string{"AC-001.9: criterion of US-001 listed under US-002"}},
		{"duplicate criterion", func(s *Stories) { s.Stories[0].Criteria[1].ID = "AC-001.1" }, []string{"AC-001.1: duplicate ID"}},
		{"malformed criterion", func(s *Stories) { s.Stories[0].Criteria[2].ID = "AC-1.3" },
			[]string{`US-001: malformed acceptance criterion ID "AC-1.3" (want the form AC-001.1)`}},
		{"criterion without ID", func(s *Stories) { s.Stories[0].Criteria[2].ID = "" }, []string{"US-001: criterion 3: missing ID"}},
		{"no criteria", func(s *Stories) { s.Stories[1].Criteria = nil }, []string{"US-002: no acceptance criteria"}},
		{"empty given", func(s *Stories) {
			s.Stories[0].Criteria[0] = Criterion{ID: "AC-001.1", When: "I join", Then: "I am in the queue"}
		},
			[]string{"AC-001.1: empty given: fill given, when and then, or write the criterion in text and leave them empty"}},
		{"empty when and then", func(s *Stories) { s.Stories[0].Criteria[0] = Criterion{ID: "AC-001.1", Given: "a queue", When: " "} },
			[]string{"AC-001.1: empty when and then: fill given, when and then, or write the criterion in text and leave them empty"}},
		{"empty criterion", func(s *Stories) { s.Stories[0].Criteria[0] = Criterion{ID: "AC-001.1"} },
			[]string{"AC-001.1: empty criterion: fill given, when and then"}},
		{"empty criterion without ID", func(s *Stories) { s.Stories[0].Criteria[2] = Criterion{} },
			[]string{"US-001: criterion 3: missing ID", "US-001: criterion 3: empty criterion: fill given, when and then"}},
		{"kinds and sizes", func(s *Stories) {
			s.Stories[0].Size, s.Stories[1].Size = "M", "XL"
			s.Stories[0].Criteria[0].Kind, s.Stories[0].Criteria[1].Kind = "edge", "Error"
			s.Stories[0].Criteria[2].Kind = "happy"
		}, []string{
			`US-002: size "XL": want one of "S", "M", "L", or none`,
			`AC-001.2: kind "Error": want one of "main", "alternative", "error", "edge", or none`,
			`AC-001.3: kind "happy": want one of "main", "alternative", "error", "edge", or none`,
		}},
		{"the fixture with kinds and sizes", func(s *Stories) { *s = *sizedStories() }, nil},
		{"a criterion in text needs no parts", func(s *Stories) {
			s.Stories[0].Criteria[0] = Criterion{ID: "AC-001.1", Text: "The queue holds 50 people."}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := richStories()
			tt.edit(s)
			checkErrors(t, s.Validate(richPRD()), tt.want)
		})
	}
}

func TestValidateStoriesWithoutPRD(t *testing.T) {
	s := richStories()
	s.Stories[0].Traces = []string{"FR-999", "FR-9"}
	checkErrors(t, s.Validate(nil), []string{`US-001: trace: malformed functional requirement ID "FR-9" (want the form FR-001)`})
}

func TestValidateTech(t *testing.T) {
	tests := []struct {
		name string
		edit func(*TechSpec)
		want []string
	}{
		{"dangling task story", func(s *TechSpec) { s.Tasks[0].Stories = []string{"US-004"} },
			[]string{"T-001: story US-004 is not in the stories"}},
		{"task without stories", func(s *TechSpec) { s.Tasks[1].Stories = nil },
			[]string{"T-002: traces to no story: name the stories it delivers, or mark it as setup (skeleton, CI, data store)"}},
		{"duplicate task", func(s *TechSpec) { s.Tasks[1].ID = "T-001" }, []string{"T-001: duplicate ID"}},
		{"malformed task", func(s *TechSpec) { s.Tasks[1].ID = "T-2" }, []string{`malformed task ID "T-2" (want the form T-001)`}},
		{"dangling endpoint story", func(s *TechSpec) { s.Endpoints[1].Stories = []string{"US-001", "US-007"} },
			[]string{"endpoint GET /queue/entries/{id}: story US-007 is not in the stories"}},
		{"endpoint without stories", func(s *TechSpec) { s.Endpoints[0] = Endpoint{} }, []string{"endpoint 1: traces to no story"}},
		{"malformed quality ID", func(s *TechSpec) { s.Quality[0].ID = "FR-001" },
			[]string{`malformed non-functional requirement ID "FR-001" (want the form NFR-001)`}},
		{"quality requirement the PRD does not have", func(s *TechSpec) { s.Quality = append(s.Quality, Requirement{ID: "NFR-777", Text: "x"}) },
			[]string{"quality requirement NFR-777 is not in the PRD's non-functional requirements"}},
		{"quality without an ID", func(s *TechSpec) { s.Quality[0].ID = "" }, []string{"non-functional requirement 1: missing ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := richTech()
			tt.edit(s)
			checkErrors(t, s.Validate(richPRD(), richStories()), tt.want)
		})
	}
}

// TestValidateModelledTech checks what the model of a tech spec holds
// since it has relationships, a stack and a task graph.
func TestValidateModelledTech(t *testing.T) {
	tests := []struct {
		name string
		edit func(*TechSpec)
		want []string
	}{
		{"the fixture", func(*TechSpec) {}, nil},
		{"a cycle", func(s *TechSpec) { s.Tasks[1].DependsOn = []string{"T-004"} },
			[]string{"T-002 and T-004 depend on each other in a cycle: T-002 → T-004 → T-002"}},
		{"a dangling dependency", func(s *TechSpec) { s.Tasks[3].DependsOn = []string{"T-002", "T-009"} },
			[]string{"T-004 depends on T-009, which is not a task"}},
		{"a malformed dependency", func(s *TechSpec) { s.Tasks[3].DependsOn = []string{"T-2"} },
			[]string{`T-004: dependency: malformed task ID "T-2" (want the form T-001)`, "T-004 depends on T-2, which is not a task"}},
		{"setup with stories, and a task with neither", func(s *TechSpec) { s.Tasks[0].Stories = []string{"US-001"}; s.Tasks[2].Stories = nil },
			[]string{"T-001: a setup task delivers no single story: drop its stories, or unmark it as setup",
				"T-003: traces to no story: name the stories it delivers, or mark it as setup (skeleton, CI, data store)"}},
		{"names a task does not find", func(s *TechSpec) {
			s.Tasks[1].Components = []string{"web APP", "Mobile app"}
			s.Tasks[1].Entities = []string{"Visit"}
			s.Tasks[1].Endpoints = []string{"DELETE /queue"}
			s.Tasks[1].Size = "XL"
		}, []string{
			`T-002: size "XL": want one of "S", "M", "L", or none`,
			`T-002: component "Mobile app" is not in the architecture`,
			`T-002: entity "Visit" is not in the data model`,
			`T-002: endpoint "DELETE /queue" is not in the API`,
		}},
		{"unknown relationship target and kind, endpoint entity", func(s *TechSpec) {
			s.Entities[0].Relationships = append(s.Entities[0].Relationships, Relationship{Target: "Clinic", Kind: "has-many"}, Relationship{Target: "Patient", Kind: "owns"})
			s.Endpoints[0].Entity = "Clinic"
		}, []string{
			`entity "Patient": relationship to "Clinic", which is not an entity of the data model`,
			`entity "Patient": relationship to "Patient": kind "owns": want one of "belongs-to", "has-one", "has-many", "many-to-many"`,
			`endpoint GET /queue: entity "Clinic" is not in the data model`,
		}},
		{"kinds and requirements", func(s *TechSpec) {
			s.Components[0].Kind, s.Components[1].Serves = "website", []string{"FR-404"}
			s.Endpoints[1].Kind = "rpc"
			s.Entities[0].Traces = []string{"FR-999"}
			s.Entities[1].Fields[2].Enum = []string{"a", " "}
		}, []string{
			`component "Web app": kind "website": want one of "web app", "mobile app", "desktop app", "desktop plugin", "CLI", "API service", "job", "data store", "file storage", "external service", or none`,
			`component "Queue service": requirement FR-404 is not in the PRD's functional requirements`,
			`entity "Patient": trace FR-999 is not in the PRD's functional requirements`,
			`entity "Queue entry": field "status": an empty value in its enum`,
			`endpoint POST /queue/entries: kind "rpc": want one of "api", "page", "form", or none`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := modelledTech()
			tt.edit(s)
			checkErrors(t, s.Validate(richPRD(), richStories()), tt.want)
		})
	}
}

// TestValidateTasksForADesign checks a tasks request's answer against the
// design written before it: it may depend on the design's setup tasks and
// name only the design's components, entities and endpoints.
func TestValidateTasksForADesign(t *testing.T) {
	design := modelledTech()
	setup := design.Tasks[:1]
	good := append(slices.Clone(setup), Task{ID: "T-002", Text: "x", Stories: []string{"US-003"}, DependsOn: []string{"T-001"}, Components: []string{"Notifier"}})
	checkErrors(t, design.ValidateTasks(good, richStories()), nil)
	bad := append(slices.Clone(setup), Task{ID: "T-002", Text: "x", Stories: []string{"US-003"}, DependsOn: []string{"T-007"}, Entities: []string{"Invoice"}})
	checkErrors(t, design.ValidateTasks(bad, richStories()), []string{`T-002: entity "Invoice" is not in the data model`, "T-002 depends on T-007, which is not a task"})
}

// TestValidateTechWithoutPRD checks that with no PRD a quality
// requirement's ID is checked for form only.
func TestValidateTechWithoutPRD(t *testing.T) {
	s := richTech()
	s.Quality = append(s.Quality, Requirement{ID: "NFR-777", Text: "x"}, Requirement{ID: "NFR-7", Text: "y"})
	checkErrors(t, s.Validate(nil, richStories()), []string{`malformed non-functional requirement ID "NFR-7" (want the form NFR-001)`})
}
