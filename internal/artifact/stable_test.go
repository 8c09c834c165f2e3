package artifact

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestStabilizeFunctional(t *testing.T) {
	abc := []Requirement{
		{ID: "FR-001", Text: "A patient can join the queue by scanning a **QR code**."},
		{ID: "FR-002", Text: "Staff call the next patient with one tap."},
		{ID: "FR-003", Text: "The clinic can close the queue for the day."},
	}
	tests := []struct {
		name        string
		prev        []Requirement // nil: no previous document
		highest     Highest
		next        []string // texts of the new requirements, in order
		want        []string // their IDs
		wantHighest int
	}{
		{
			name:        "first generation numbers by position",
			next:        []string{"a b c", "d e f"},
			want:        []string{"FR-001", "FR-002"},
			wantHighest: 2,
		},
		{
			name:        "first generation after a deleted document does not reuse numbers",
			highest:     Highest{"FR": 5},
			next:        []string{"a b c", "d e f"},
			want:        []string{"FR-006", "FR-007"},
			wantHighest: 7,
		},
		{
			name:        "unchanged",
			prev:        abc,
			next:        []string{abc[0].Text, abc[1].Text, abc[2].Text},
			want:        []string{"FR-001", "FR-002", "FR-003"},
			wantHighest: 3,
		},
		{
			name:        "markdown, punctuation and case do not matter",
			prev:        abc,
			next:        []string{"a patient can join the queue by scanning a QR code", abc[1].Text, "The clinic can *close* the queue, for the day"},
			want:        []string{"FR-001", "FR-002", "FR-003"},
			wantHighest: 3,
		},
		{
			name:        "reworded slightly keeps its ID",
			prev:        abc,
			next:        []string{abc[0].Text, "Staff call the next waiting patient with a single tap.", abc[2].Text},
			want:        []string{"FR-001", "FR-002", "FR-003"},
			wantHighest: 3,
		},
		{
			name:        "rewritten entirely gets a new number",
			prev:        abc,
			next:        []string{abc[0].Text, "Receptionists see every patient's waiting time.", abc[2].Text},
			want:        []string{"FR-001", "FR-004", "FR-003"},
			wantHighest: 4,
		},
		{
			name:        "one removed, one added",
			prev:        abc,
			next:        []string{abc[0].Text, abc[2].Text, "A patient gets a text message when they are next."},
			want:        []string{"FR-001", "FR-003", "FR-004"},
			wantHighest: 4,
		},
		{
			name:        "new item in the middle keeps the new order",
			prev:        abc,
			next:        []string{abc[0].Text, "A patient can leave the queue from their phone.", abc[1].Text, abc[2].Text},
			want:        []string{"FR-001", "FR-004", "FR-002", "FR-003"},
			wantHighest: 4,
		},
		{
			name:        "reordered",
			prev:        abc,
			next:        []string{abc[2].Text, abc[0].Text, abc[1].Text},
			want:        []string{"FR-003", "FR-001", "FR-002"},
			wantHighest: 3,
		},
		{
			name: "a number removed earlier is not reused",
			prev: []Requirement{
				{ID: "FR-001", Text: "one"}, {ID: "FR-002", Text: "two"}, {ID: "FR-003", Text: "three"}, {ID: "FR-005", Text: "five"},
			},
			highest:     Highest{"FR": 5},
			next:        []string{"one", "two", "three", "five", "six"},
			want:        []string{"FR-001", "FR-002", "FR-003", "FR-005", "FR-006"},
			wantHighest: 6,
		},
		{
			name:        "the highest number in prev counts when Highest was lost",
			prev:        []Requirement{{ID: "FR-001", Text: "one"}, {ID: "FR-009", Text: "nine"}},
			next:        []string{"one", "ten"},
			want:        []string{"FR-001", "FR-010"},
			wantHighest: 10,
		},
		{
			name:        "everything removed: Highest stays",
			prev:        abc,
			highest:     Highest{"FR": 7},
			want:        []string{},
			wantHighest: 7,
		},
		{
			name:        "equally similar new items: the earlier one takes the ID",
			prev:        []Requirement{{ID: "FR-001", Text: "patients join the queue by scanning a qr code"}},
			next:        []string{"patients join the queue by scanning a code", "patients join the queue by scanning a qr"},
			want:        []string{"FR-001", "FR-002"},
			wantHighest: 2,
		},
		{
			name:        "equally similar new items swapped: still the earlier one",
			prev:        []Requirement{{ID: "FR-001", Text: "patients join the queue by scanning a qr code"}},
			next:        []string{"patients join the queue by scanning a qr", "patients join the queue by scanning a code"},
			want:        []string{"FR-001", "FR-002"},
			wantHighest: 2,
		},
		{
			name:        "the more similar new item wins over an earlier one",
			prev:        []Requirement{{ID: "FR-001", Text: "patients join the queue by scanning a qr code"}},
			next:        []string{"patients join the queue by scanning a code at the door", "patients join the queue by scanning a qr"},
			want:        []string{"FR-002", "FR-001"},
			wantHighest: 2,
		},
		{
			name: "equally similar old items: the earlier one gives its ID",
			prev: []Requirement{
				{ID: "FR-001", Text: "patients join the queue by scanning a code"},
				{ID: "FR-002", Text: "patients join the queue by scanning a qr"},
			},
			next:        []string{"patients join the queue by scanning a qr code"},
			want:        []string{"FR-001"},
			wantHighest: 2,
		},
		{
			name:        "identical texts pair in order",
			prev:        []Requirement{{ID: "FR-001", Text: "same"}, {ID: "FR-002", Text: "other"}, {ID: "FR-003", Text: "same"}},
			next:        []string{"same", "same", "same"},
			want:        []string{"FR-001", "FR-003", "FR-004"},
			wantHighest: 4,
		},
		{
			name: "hand-edited prev: missing and repeated IDs give nothing",
			prev: []Requirement{
				{ID: "", Text: "no id"}, {ID: "FR-002", Text: "two"}, {ID: "FR-002", Text: "copy of two"}, {ID: "NFR-008", Text: "wrong kind"},
			},
			next:        []string{"no id", "copy of two", "two", "wrong kind"},
			want:        []string{"FR-003", "FR-004", "FR-002", "FR-005"},
			wantHighest: 5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var prev *PRD
			if tt.prev != nil {
				prev = &PRD{Title: "Old", Functional: slices.Clone(tt.prev)}
			}
			next := &PRD{Title: "New"}
			for _, text := range tt.next {
				next.Functional = append(next.Functional, Requirement{Text: text})
			}
			next.Number()
			before := maps.Clone(tt.highest)
			got := StabilizePRD(next, prev, tt.highest)

			ids := pluck(next.Functional, func(r Requirement) string { return r.ID })
			if !slices.Equal(ids, tt.want) {
				t.Errorf("IDs = %v, want %v", ids, tt.want)
			}
			for i, r := range next.Functional {
				if r.Text != tt.next[i] {
					t.Errorf("item %d text = %q, want %q (order changed)", i, r.Text, tt.next[i])
				}
			}
			if got["FR"] != tt.wantHighest {
				t.Errorf("Highest[FR] = %d, want %d", got["FR"], tt.wantHighest)
			}
			checkHighest(t, before, tt.highest, got)
			if err := next.Validate(); err != nil {
				t.Errorf("stabilized PRD does not validate: %v", err)
			}
		})
	}
}

// checkHighest checks that Stabilize left the Highest it was given as it
// was and returned one no lower for any prefix.
func checkHighest(t *testing.T, before, given, got Highest) {
	t.Helper()
	if !maps.Equal(before, given) {
		t.Errorf("the Highest passed in changed: %v, was %v", given, before)
	}
	if got == nil {
		t.Fatal("returned Highest is nil")
	}
	for prefix, n := range before {
		if got[prefix] < n {
			t.Errorf("Highest[%s] went down from %d to %d", prefix, n, got[prefix])
		}
	}
}

// TestStabilizePRDLists checks that every numbered list of the PRD is
// stabilized, each on its own, and the rest of the document is left alone.
func TestStabilizePRDLists(t *testing.T) {
	prev := richPRD()
	next := richPRD()
	next.Goals = []Goal{{Text: "A new goal."}, next.Goals[1], next.Goals[0]}
	next.NonFunctional = next.NonFunctional[1:]
	// The same text in another list does not carry an ID across.
	next.NonFunctional = append(next.NonFunctional, Requirement{Text: prev.Functional[0].Text})
	next.OpenQuestions = []Question{next.OpenQuestions[1], {Text: "Which languages at launch?"}}
	next.Number()
	want := richPRD()
	want.Goals = []Goal{{ID: "G-3", Text: "A new goal."}, want.Goals[1], want.Goals[0]}
	want.NonFunctional = []Requirement{want.NonFunctional[1], {ID: "NFR-003", Text: prev.Functional[0].Text}}
	want.OpenQuestions = []Question{want.OpenQuestions[1], {ID: "Q-3", Text: "Which languages at launch?"}}

	highest := Highest{"G": 2, "FR": 1000, "NFR": 2, "Q": 2, "T": 4}
	got := StabilizePRD(next, prev, highest)
	if !reflect.DeepEqual(next, want) {
		t.Errorf("StabilizePRD:\n got %+v\nwant %+v", next, want)
	}
	wantHighest := Highest{"G": 3, "FR": 1000, "NFR": 3, "Q": 3, "T": 4}
	if !maps.Equal(got, wantHighest) {
		t.Errorf("Highest = %v, want %v", got, wantHighest)
	}
	if err := next.Validate(); err != nil {
		t.Errorf("stabilized PRD does not validate: %v", err)
	}
}

func TestStabilizeStories(t *testing.T) {
	join := Story{Title: "Join the queue", Role: "patient", Want: "to join the queue from my phone", Traces: []string{"FR-001"},
		Criteria: []Criterion{{Text: "I see my position."}, {Text: "I see the wait."}}}
	call := Story{Title: "Call the next patient", Role: "receptionist", Want: "to call the next patient with one tap", Traces: []string{"FR-002"},
		Criteria: []Criterion{{Text: "The first one is called."}}}
	closing := Story{Title: "Close the queue", Role: "manager", Want: "to close the queue for the day", Traces: []string{"FR-003"},
		Criteria: []Criterion{{Text: "Nobody can join."}}}
	leave := Story{Title: "Leave the queue", Role: "patient", Want: "to leave the queue when I give up", Traces: []string{"FR-007"},
		Criteria: []Criterion{{Text: "I am gone from the list."}, {Text: "Others move up."}}}
	reworded := call
	reworded.Title, reworded.Want = "Call in the next patient", "to call the next patient in with one tap"
	moreCriteria := closing
	moreCriteria.Criteria = append(slices.Clone(closing.Criteria), Criterion{Given: "the queue is closed", When: "I open it", Then: "patients can join"})

	prev := &Stories{Title: "Clinic", Stories: []Story{withID(join, "US-001"), withID(call, "US-002"), withID(closing, "US-003")}}
	tests := []struct {
		name        string
		prev        *Stories
		highest     Highest
		next        []Story
		want        []string // "US-001 AC-001.1 AC-001.2" per story
		wantHighest int
	}{
		{
			name:        "first generation",
			next:        []Story{join, call},
			want:        []string{"US-001 AC-001.1 AC-001.2", "US-002 AC-002.1"},
			wantHighest: 2,
		},
		{
			name:        "unchanged",
			prev:        prev,
			next:        []Story{join, call, closing},
			want:        []string{"US-001 AC-001.1 AC-001.2", "US-002 AC-002.1", "US-003 AC-003.1"},
			wantHighest: 3,
		},
		{
			name:        "reworded, reordered, a criterion added: criteria follow their story",
			prev:        prev,
			next:        []Story{moreCriteria, reworded, join},
			want:        []string{"US-003 AC-003.1 AC-003.2", "US-002 AC-002.1", "US-001 AC-001.1 AC-001.2"},
			wantHighest: 3,
		},
		{
			name:        "one removed, one added in the middle",
			prev:        prev,
			highest:     Highest{"US": 3, "FR": 7},
			next:        []Story{join, leave, closing},
			want:        []string{"US-001 AC-001.1 AC-001.2", "US-004 AC-004.1 AC-004.2", "US-003 AC-003.1"},
			wantHighest: 4,
		},
		{
			name:        "a removed number is not reused",
			prev:        &Stories{Title: "Clinic", Stories: []Story{withID(join, "US-001"), withID(closing, "US-003")}},
			highest:     Highest{"US": 3},
			next:        []Story{join, call, closing},
			want:        []string{"US-001 AC-001.1 AC-001.2", "US-004 AC-004.1", "US-003 AC-003.1"},
			wantHighest: 4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := &Stories{Title: "Clinic"}
			for _, st := range tt.next {
				st.Criteria = slices.Clone(st.Criteria)
				next.Stories = append(next.Stories, st)
			}
			next.Number()
			before := maps.Clone(tt.highest)
			got := StabilizeStories(next, tt.prev, tt.highest)

			var ids []string
			for i, st := range next.Stories {
				ids = append(ids, storyIDs(st))
				if st.Title != tt.next[i].Title || !slices.Equal(st.Traces, tt.next[i].Traces) {
					t.Errorf("story %d is %q tracing %v, want %q tracing %v", i, st.Title, st.Traces, tt.next[i].Title, tt.next[i].Traces)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("IDs:\n got %q\nwant %q", ids, tt.want)
			}
			if got["US"] != tt.wantHighest {
				t.Errorf("Highest[US] = %d, want %d", got["US"], tt.wantHighest)
			}
			checkHighest(t, before, tt.highest, got)
			if err := next.Validate(nil); err != nil {
				t.Errorf("stabilized stories do not validate: %v", err)
			}
		})
	}
}

// withID returns st with the given ID and its criteria numbered under it.
func withID(st Story, id string) Story {
	st.ID = id
	n, _ := ParseID(KindStory, id)
	st.Criteria = slices.Clone(st.Criteria)
	for j := range st.Criteria {
		st.Criteria[j].ID = CriterionID(n, j+1)
	}
	return st
}

// storyIDs writes a story's ID and its criteria's: "US-001 AC-001.1".
func storyIDs(st Story) string {
	ids := []string{st.ID}
	for _, c := range st.Criteria {
		ids = append(ids, c.ID)
	}
	return strings.Join(ids, " ")
}

func TestStabilizeTech(t *testing.T) {
	prev := richTech()
	tests := []struct {
		name          string
		prev          *TechSpec
		highest       Highest
		tasks         []Task
		questions     []string
		wantTasks     []string
		wantQuestions []string
		wantHighest   Highest
	}{
		{
			name:          "first generation",
			tasks:         prev.Tasks,
			questions:     []string{"Which SMS provider, if any?"},
			wantTasks:     []string{"T-001", "T-002"},
			wantQuestions: []string{"Q-1"},
			wantHighest:   Highest{"T": 2, "Q": 1},
		},
		{
			name:          "unchanged",
			prev:          prev,
			highest:       Highest{"T": 2, "Q": 1},
			tasks:         prev.Tasks,
			questions:     []string{"Which SMS provider, if any?"},
			wantTasks:     []string{"T-001", "T-002"},
			wantQuestions: []string{"Q-1"},
			wantHighest:   Highest{"T": 2, "Q": 1},
		},
		{
			name:    "task added first, one reworded, question answered and another asked",
			prev:    prev,
			highest: Highest{"T": 2, "Q": 1},
			tasks: []Task{
				{Text: "Write the database migrations.", Stories: []string{"US-001"}},
				{Text: "Build the staff page with a **Next** button.", Stories: []string{"US-002"}},
				{Text: "Set up the `queue` service (Go, Postgres) and its schema.", Stories: []string{"US-001"}},
			},
			questions:     []string{"How long do we keep the logs?"},
			wantTasks:     []string{"T-003", "T-002", "T-001"},
			wantQuestions: []string{"Q-2"},
			wantHighest:   Highest{"T": 3, "Q": 2},
		},
		{
			name:          "removed numbers are not reused",
			prev:          prev,
			highest:       Highest{"T": 9, "Q": 4},
			tasks:         []Task{{Text: "Deploy to the EU region.", Stories: []string{"US-001"}}},
			questions:     []string{"Which SMS provider, if any?", "Who pays for SMS?"},
			wantTasks:     []string{"T-010"},
			wantQuestions: []string{"Q-1", "Q-5"},
			wantHighest:   Highest{"T": 10, "Q": 5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := richTech()
			next.Tasks = slices.Clone(tt.tasks)
			next.OpenQuestions = nil
			for _, q := range tt.questions {
				next.OpenQuestions = append(next.OpenQuestions, Question{Text: q})
			}
			next.Number()
			before := maps.Clone(tt.highest)
			got := StabilizeTech(next, tt.prev, tt.highest)

			tasks := pluck(next.Tasks, func(task Task) string { return task.ID })
			questions := pluck(next.OpenQuestions, func(q Question) string { return q.ID })
			if !slices.Equal(tasks, tt.wantTasks) || !slices.Equal(questions, tt.wantQuestions) {
				t.Errorf("tasks %v, questions %v; want %v, %v", tasks, questions, tt.wantTasks, tt.wantQuestions)
			}
			for i, task := range next.Tasks {
				if task.Text != tt.tasks[i].Text || !slices.Equal(task.Stories, tt.tasks[i].Stories) {
					t.Errorf("task %d = %+v, want text and stories of %+v", i, task, tt.tasks[i])
				}
			}
			if want := richTech(); !reflect.DeepEqual(next.Endpoints, want.Endpoints) || !reflect.DeepEqual(next.Quality, want.Quality) {
				t.Errorf("endpoints or quality changed: %+v, %+v", next.Endpoints, next.Quality)
			}
			if !maps.Equal(got, tt.wantHighest) {
				t.Errorf("Highest = %v, want %v", got, tt.wantHighest)
			}
			checkHighest(t, before, tt.highest, got)
			if err := next.Validate(nil, nil); err != nil {
				t.Errorf("stabilized tech spec does not validate: %v", err)
			}
		})
	}
}

func TestMatchText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"emphasis and case", "Join by scanning a **QR code**, _fast_.", "join by scanning a qr code fast"},
		{"code and paths", "Staff tap; the app calls `POST /queue/next`.", "staff tap the app calls post queue next"},
		{"apostrophes join words", "The patient's position, today’s queue", "the patients position todays queue"},
		{"non-ASCII letters and spaces", "  Übersicht —\n\tfür die  Leitung (Español) ", "übersicht für die leitung español"},
		{"digits", "Loads in under 2 s on 3G.", "loads in under 2 s on 3g"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matchText(tt.in); got != tt.want {
				t.Errorf("matchText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSimilarityExamples keeps the examples in minSimilarity's comment
// true.
func TestSimilarityExamples(t *testing.T) {
	tests := []struct {
		a, b  string
		want  float64
		match bool
	}{
		{"Staff call the next patient with one tap", "Staff call the next waiting patient with a single tap", 7.0 / 11, true},
		{"The system must let a patient join the queue", "The system must let staff close the queue", 0.5, false},
		{"same words, other order", "Other order: same words!", 1, true},
		{"", "", 0, false},
	}
	for _, tt := range tests {
		got := jaccard(wordSet(matchText(tt.a)), wordSet(matchText(tt.b)))
		if got != tt.want || (got >= minSimilarity) != tt.match {
			t.Errorf("similarity of %q and %q = %v (match %v), want %v (match %v)",
				tt.a, tt.b, got, got >= minSimilarity, tt.want, tt.match)
		}
	}
}

// TestStabilizeScenario follows a PRD through three regenerations, each
// read back from its rendered markdown as the pipeline reads docs/prd.md.
func TestStabilizeScenario(t *testing.T) {
	v1 := &PRD{
		Title: "Team Lunch",
		Goals: []Goal{
			{Text: "Teams decide where to eat in under five minutes."},
			{Text: "Nobody is left out of lunch plans."},
		},
		Functional: []Requirement{
			{Text: "A team member can propose a restaurant with a link and a note.", Priority: "P0"},
			{Text: "Team members vote for one proposal each before 11:30.", Priority: "P0"},
			{Text: "The app announces the winning restaurant in the team's Slack channel at 11:30."},
			{Text: "A team member can mark themselves as out of office for the day."},
			{Text: "The organiser can close voting early."},
		},
		NonFunctional: []Requirement{
			{Text: "Votes are counted within one second."},
			{Text: "The app works on mobile browsers."},
		},
		OpenQuestions: []Question{
			{Text: "Do we support more than one team per Slack workspace?"},
			{Text: "Should dietary needs filter restaurants?"},
		},
	}
	v1.Number()
	highest := StabilizePRD(v1, nil, nil)
	checkScenario(t, "v1", v1, highest,
		[]string{"FR-001", "FR-002", "FR-003", "FR-004", "FR-005"}, []string{"Q-1", "Q-2"},
		Highest{"G": 2, "FR": 5, "NFR": 2, "Q": 2})

	// The brief changes: dietary needs become a feature (new FR in the
	// middle, the question answered), out-of-office is dropped, the Slack
	// requirement is reworded.
	v2 := &PRD{
		Title:         "Team Lunch",
		Goals:         slices.Clone(v1.Goals),
		NonFunctional: slices.Clone(v1.NonFunctional),
		Functional: []Requirement{
			{Text: "A team member can propose a restaurant with a link and a note.", Priority: "P0"},
			{Text: "Team members vote for one proposal each before 11:30.", Priority: "P0"},
			{Text: "A team member can record dietary needs; proposals that do not fit them are flagged."},
			{Text: "The app posts the winning restaurant to the team's Slack channel at 11:30."},
			{Text: "The organiser can close voting early."},
		},
		OpenQuestions: []Question{
			{Text: "Do we support more than one team per Slack workspace?"},
			{Text: "Who may see how each person voted?"},
		},
	}
	v2.Number()
	highest = StabilizePRD(v2, onDisk(t, v1), highest)
	checkScenario(t, "v2", v2, highest,
		[]string{"FR-001", "FR-002", "FR-006", "FR-003", "FR-005"}, []string{"Q-1", "Q-3"},
		Highest{"G": 2, "FR": 6, "NFR": 2, "Q": 3})

	// Out-of-office comes back, reworded, and the organiser requirement
	// moves first. FR-004 is not in the document on disk any more, so the
	// returning requirement is new: FR-007, never FR-004 again.
	v3 := &PRD{
		Title:         "Team Lunch",
		Goals:         slices.Clone(v1.Goals),
		NonFunctional: slices.Clone(v1.NonFunctional),
		Functional: []Requirement{
			{Text: "The organiser can close voting early."},
			{Text: "A team member can propose a restaurant with a link and a note.", Priority: "P0"},
			{Text: "Team members vote for one proposal each before 11:30.", Priority: "P0"},
			{Text: "A team member can record dietary needs; proposals that do not fit them are flagged."},
			{Text: "The app posts the winning restaurant to the team's Slack channel at 11:30."},
			{Text: "A team member can mark themselves as away for the day."},
		},
		OpenQuestions: slices.Clone(v2.OpenQuestions),
	}
	v3.Number()
	highest = StabilizePRD(v3, onDisk(t, v2), highest)
	checkScenario(t, "v3", v3, highest,
		[]string{"FR-005", "FR-001", "FR-002", "FR-006", "FR-003", "FR-007"}, []string{"Q-1", "Q-3"},
		Highest{"G": 2, "FR": 7, "NFR": 2, "Q": 3})
}

// onDisk renders p and parses it back, as the next run finds it.
func onDisk(t *testing.T, p *PRD) *PRD {
	t.Helper()
	src, err := RenderPRD(p)
	if err != nil {
		t.Fatalf("RenderPRD: %v", err)
	}
	back, err := ParsePRD(src)
	if err != nil {
		t.Fatalf("ParsePRD: %v\n%s", err, src)
	}
	return back
}

func checkScenario(t *testing.T, version string, p *PRD, got Highest, frs, questions []string, want Highest) {
	t.Helper()
	if ids := pluck(p.Functional, func(r Requirement) string { return r.ID }); !slices.Equal(ids, frs) {
		t.Errorf("%s: FR IDs = %v, want %v", version, ids, frs)
	}
	if ids := pluck(p.OpenQuestions, func(q Question) string { return q.ID }); !slices.Equal(ids, questions) {
		t.Errorf("%s: question IDs = %v, want %v", version, ids, questions)
	}
	goals := pluck(p.Goals, func(g Goal) string { return g.ID })
	nfrs := pluck(p.NonFunctional, func(r Requirement) string { return r.ID })
	if !slices.Equal(goals, []string{"G-1", "G-2"}) || !slices.Equal(nfrs, []string{"NFR-001", "NFR-002"}) {
		t.Errorf("%s: goals %v and NFRs %v changed", version, goals, nfrs)
	}
	if !maps.Equal(got, want) {
		t.Errorf("%s: Highest = %v, want %v", version, got, want)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("%s does not validate: %v", version, err)
	}
}

// TestStabilizeTaskDependencies checks that a dependency follows its task
// to the ID the task keeps from the document on disk.
func TestStabilizeTaskDependencies(t *testing.T) {
	prev := &TechSpec{Tasks: []Task{
		{ID: "T-001", Text: "Set up the service"},
		{ID: "T-007", Text: "Build the staff page", DependsOn: []string{"T-001"}},
	}}
	next := &TechSpec{Tasks: []Task{
		{Text: "Write the schema"},
		{Text: "Set up the service"},
		{Text: "Build the staff page", DependsOn: []string{"T-002", "T-001"}},
	}}
	next.Number()
	h := StabilizeTech(next, prev, Highest{"T": 7})
	got := map[string][]string{}
	for _, task := range next.Tasks {
		got[task.Text] = task.DependsOn
	}
	want := map[string][]string{"Write the schema": nil, "Set up the service": nil, "Build the staff page": {"T-001", "T-008"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dependencies %v, want %v (tasks %+v)", got, want, next.Tasks)
	}
	if h["T"] != 8 {
		t.Errorf("highest T %d, want 8", h["T"])
	}
}
