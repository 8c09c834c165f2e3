package artifact

// Fixtures shared by the golden, round-trip and validation tests. Their text
// is tricky on purpose: inline markdown, pipes, non-ASCII, several
// sentences, separators inside fields, empty optional fields.

func richPRD() *PRD {
	return &PRD{
		Header:  Header{Sources: []string{"brief.md"}, Command: "prodgen prd brief.md"},
		Title:   "Clinic Queue",
		Summary: "Patients join a clinic's walk-in queue from their phone and wait wherever they like. Staff see who is next at a glance — no paper tickets, no crowded waiting room.",
		Problem: "Walk-in patients wait up to two hours in a small room. Many leave before they are seen; receptionists spend their day answering \"how long now?\".",
		Goals: []Goal{
			{ID: "G-1", Text: "Cut the time patients spend in the waiting room."},
			{ID: "G-2", Text: "Free receptionists from queue questions."},
		},
		Personas: []Persona{
			{Name: "Patient", Description: "Waits for a walk-in appointment; often on a basic Android phone."},
			{Name: "Receptionist", Description: "Calls patients in, one at a time: *fast*, under pressure."},
			{Name: "Clinic manager"},
		},
		Functional: []Requirement{
			{ID: "FR-001", Text: "A patient can join the queue by scanning a **QR code** at the entrance.", Priority: "P0"},
			{ID: "FR-002", Text: "Staff call the next patient with one tap; the app calls `POST /queue/next`.", Priority: "Must"},
			{ID: "FR-003", Text: "A patient sees their position in their own language (English, Español, Français)."},
			{ID: "FR-1000", Text: "The clinic can close the queue (for the day) at any time."},
		},
		NonFunctional: []Requirement{
			{ID: "NFR-001", Text: "The queue page loads in under 2 s on a 3G connection.", Priority: "P1"},
			{ID: "NFR-002", Text: "Personal data stays in the EU (GDPR); nothing is kept after 24 h."},
		},
		InScope:    []string{"Walk-in queue for one clinic", "Web app for patients and staff"},
		OutOfScope: []string{"Booked appointments", "Payments and insurance"},
		Metrics: []Metric{
			{Name: "Median wait in the room", Baseline: "45 min", Target: "< 10 min"},
			{Name: "Walk-outs | patients who leave unseen", Baseline: "12%", Target: "5%"},
			{Name: "Staff satisfaction", Target: "4/5"},
		},
		Assumptions: []string{
			"Most patients have a smartphone with a camera.",
			"Risk: some clinics have poor mobile coverage indoors.",
		},
		OpenQuestions: []Question{
			{ID: "Q-1", Text: "Do we need SMS for patients without a smartphone?"},
			{ID: "Q-2", Text: "Who may see the names in the queue: staff only, or the waiting room screen too?"},
		},
	}
}

func richStories() *Stories {
	return &Stories{
		Header: Header{Sources: []string{"docs/prd.md"}, Command: "prodgen stories docs/prd.md"},
		Title:  "Clinic Queue",
		Stories: []Story{
			{
				ID: "US-001", Title: "Join the queue",
				Role: "patient", Want: "to join the queue from my phone", SoThat: "I can wait outside",
				Traces: []string{"FR-001", "FR-003"},
				Criteria: []Criterion{
					{ID: "AC-001.1", Given: "I scanned the **QR code**", When: "I enter my first name", Then: "I see my position in the queue"},
					{ID: "AC-001.2", Given: "the queue is closed, when the clinic is full", When: "I scan the code", Then: "I see `Queue closed` and today's opening hours"},
					{ID: "AC-001.3", Text: "The page works without JavaScript. It fits a 320 px screen."},
				},
			},
			{
				ID: "US-002", Title: "Call the next patient",
				Role: "receptionist", Want: "to call the next patient with one tap",
				Traces: []string{"FR-002"},
				Criteria: []Criterion{
					{ID: "AC-002.1", Given: "three patients wait", When: "I tap **Next**", Then: "the first one is called, and the others move up"},
				},
			},
			{
				ID: "US-003", Title: "Übersicht für die Leitung",
				Role: "admin", Want: "to close the queue for the day", SoThat: "nobody joins after closing time",
				Traces: []string{"FR-1000"},
				Criteria: []Criterion{
					{ID: "AC-003.1", Text: "Closing shows a confirmation: \"Close | cancel\"."},
					{ID: "AC-003.2", Given: "the queue is closed", When: "a patient scans", Then: "they see the opening hours, in their language"},
				},
			},
		},
	}
}

func richTech() *TechSpec {
	return &TechSpec{
		Header:   Header{Sources: []string{"docs/prd.md", "docs/stories.md"}, Command: "prodgen tech"},
		Title:    "Clinic Queue",
		Overview: "A small web app backed by one service and Postgres. Patients use it without an account; staff sign in.",
		Components: []Component{
			{Name: "Web app", Responsibility: "Serves the patient and staff pages; works without JavaScript."},
			{Name: "Queue service", Responsibility: "Keeps the queue in **Postgres** and orders it: first come, first served."},
			{Name: "Notifier"},
		},
		Entities: []Entity{
			{
				Name:        "Patient",
				Description: "Someone in the queue today. Deleted after 24 h.",
				Fields: []Field{
					{Name: "id", Type: "uuid", Notes: "primary key"},
					{Name: "name", Type: "text", Notes: "as the patient typed it, e.g. José"},
					{Name: "language", Type: "text", Notes: "`en` | `es` | `fr`"},
				},
			},
			{
				Name: "QueueEntry",
				Fields: []Field{
					{Name: "position", Type: "int"},
					{Name: "called_at", Notes: "empty until called"},
				},
			},
		},
		Endpoints: []Endpoint{
			{Method: "POST", Path: "/queue/entries", Summary: "Join the queue", Stories: []string{"US-001"}},
			{Method: "GET", Path: "/queue/entries/{id}", Summary: "Position | status of one entry", Stories: []string{"US-001"}},
			{Method: "POST", Path: "/queue/next", Summary: "Call the next patient", Stories: []string{"US-002", "US-003"}},
		},
		Quality: []Requirement{
			{ID: "NFR-001", Text: "The queue page loads in under 2 s on a 3G connection.", Priority: "P1"},
		},
		Tasks: []Task{
			{ID: "T-001", Text: "Set up the `queue` service (Go, Postgres) and its schema.", Stories: []string{"US-001"}},
			{ID: "T-002", Text: "Build the staff page with the **Next** button.", Stories: []string{"US-002", "US-003"}},
		},
		OpenQuestions: []Question{
			{ID: "Q-1", Text: "Which SMS provider, if any?"},
		},
	}
}

// minimalPRD and its siblings have a title and nothing else: every section
// is left out.
func minimalPRD() *PRD         { return &PRD{Title: "Empty"} }
func minimalStories() *Stories { return &Stories{Title: "Empty"} }
func minimalTech() *TechSpec   { return &TechSpec{Title: "Empty"} }

// plannedPRD is citedPRD with every field a PM's PRD adds: a phase on a
// requirement, a persona's goals, user journeys, dependencies, risks and
// a metric's timeframe.
func plannedPRD() *PRD {
	p := citedPRD()
	p.Personas[0].Goals = []string{"See a slipping habit within a day", "Spend no time chasing check-ins"}
	p.Personas[2].Goals = []string{"A weekly overview, not details"}
	p.Journeys = []Journey{
		{Name: "Check in from Slack", Steps: []string{"A team member gets the daily reminder in Slack.", "They reply “done” in the thread.", "The habit shows as kept on the team board."}, Source: Source{26, 26}},
		{Name: "Set up a team", Steps: []string{"The lead creates a team.", "They invite members by email link."}},
	}
	p.Functional[2].Phase = "2"
	p.NonFunctional[0].Phase = "v2"
	p.Dependencies = []string{"Slack API access for the workspace", "An email provider for invitations"}
	p.Metrics[0].Timeframe = "within 8 weeks"
	p.Assumptions = []string{"Teams already use Slack."}
	p.Risks = []Risk{
		{Text: "Teams drop the tool like the habits.", Mitigation: "Check-ins from Slack, where teams already are.", Source: Source{5, 7}},
		{Text: "Email invitations land in spam."},
	}
	return p
}

// sizedStories is richStories with priorities, sizes and the kind of
// each criterion.
func sizedStories() *Stories {
	s := richStories()
	s.Stories[0].Priority, s.Stories[0].Size = "P0", "M"
	s.Stories[1].Priority = "Must · high"
	s.Stories[2].Size = "S"
	s.Stories[0].Criteria[0].Kind = "main"
	s.Stories[0].Criteria[1].Kind = "edge"
	s.Stories[0].Criteria[2].Kind = "alternative"
	s.Stories[2].Criteria[1].Kind = "error"
	return s
}

// modelledTech is richTech with everything the model of a tech spec
// holds since it has relationships, a stack and a task graph: a platform,
// components with kinds, technologies and the requirements they serve,
// required fields and stated values, relationships and owners, endpoints
// that are pages and forms with route names, entities and actions, and
// tasks with dependencies, sizes, parallel and setup marks and what they
// touch.
func modelledTech() *TechSpec {
	t := richTech()
	t.Platform = "web app, works on a basic Android phone"
	t.Components = []Component{
		{Name: "Web app", Kind: "web app", Technology: "Laravel, Blade", Responsibility: "Serves the patient and staff pages; works without JavaScript.", Serves: []string{"FR-001", "FR-002"}},
		{Name: "Queue service", Kind: "API service", Technology: "Go", Responsibility: "Keeps the queue | orders it: first come, first served.", Serves: []string{"FR-002"}},
		{Name: "Postgres", Kind: "data store", Technology: "PostgreSQL 16"},
		{Name: "SMS \"gateway\"", Kind: "external service"},
		{Name: "Notifier"},
	}
	t.Entities = []Entity{
		{
			Name:        "Patient",
			Description: "Someone in the queue today. Deleted after 24 h.",
			Fields: []Field{
				{Name: "id", Type: "uuid", Required: true, Notes: "primary key"},
				{Name: "name", Type: "text", Required: true, Notes: "as the patient typed it, e.g. José"},
				{Name: "language", Type: "text", Enum: []string{"en", "es", "fr"}},
			},
			Relationships: []Relationship{{Target: "Queue entry", Kind: "has-many", Note: "one per visit"}},
			Owner:         "Patient",
			Traces:        []string{"FR-001", "FR-003"},
		},
		{
			Name: "Queue entry",
			Fields: []Field{
				{Name: "patient_id", Type: "uuid", Required: true},
				{Name: "position", Type: "int", Required: true},
				{Name: "status", Type: "enum", Required: true, Enum: []string{"waiting", "called", "seen, or left", "`x`"}},
				{Name: "called_at", Notes: "empty until called"},
			},
			Relationships: []Relationship{{Target: "Patient", Kind: "belongs-to"}, {Target: "Übersicht", Kind: "many-to-many", Note: "shown on"}},
		},
		{Name: "Übersicht", Description: "The waiting room screen."},
	}
	t.Endpoints = []Endpoint{
		{Kind: "page", Method: "GET", Path: "/queue", Name: "queue.show", Entity: "Queue entry", Action: "list", Summary: "The queue, as a page", Stories: []string{"US-001"}},
		{Kind: "form", Method: "POST", Path: "/queue/entries", Name: "queue.join", Entity: "Queue entry", Action: "create", Summary: "Join the queue", Stories: []string{"US-001"}},
		{Kind: "api", Method: "POST", Path: "/queue/next", Entity: "Queue entry", Action: "call", Summary: "Call the next patient", Stories: []string{"US-002", "US-003"}},
	}
	t.Tasks = []Task{
		{ID: "T-001", Text: "Set up the `queue` service (Go, Postgres), CI and the schema.", Setup: true, Size: "M", Components: []string{"Queue service", "Postgres"}},
		{ID: "T-002", Text: "Build the join form.", Stories: []string{"US-001"}, DependsOn: []string{"T-001"}, Parallel: true, Size: "S",
			Components: []string{"Web app"}, Entities: []string{"Queue entry", "Patient"}, Endpoints: []string{"GET /queue", "POST /queue/entries"}},
		{ID: "T-003", Text: "Build the staff page with the **Next** button.", Stories: []string{"US-002", "US-003"}, DependsOn: []string{"T-001"}, Parallel: true,
			Endpoints: []string{"POST /queue/next"}},
		{ID: "T-004", Text: "Send an SMS when a patient is called.", Stories: []string{"US-002"}, DependsOn: []string{"T-002", "T-003"}, Size: "L"},
	}
	return t
}
