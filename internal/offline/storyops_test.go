package offline

import (
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/domain"
)

func TestReadStoryOp(t *testing.T) {
	tests := []struct {
		want   string
		verbs  []string
		object string
	}{
		{"to accept / decline requests", []string{"accept", "decline"}, "requests"},
		{"to start / end walk (GPS)", []string{"start", "end"}, "walk (GPS)"},
		{"to approve or refuse an application with conditions", []string{"approve", "refuse"}, "application with conditions"},
		{"to see a queue of submitted applications sorted by closure date", []string{"see"}, "queue of submitted applications sorted by closure date"},
		{"to review and sign off risk assessments", []string{"review", "sign off"}, "risk assessments"},
	}
	for _, tt := range tests {
		op, ok := readStoryOp(tt.want)
		if !ok || !slices.Equal(op.verbs, tt.verbs) || join(op.object) != tt.object {
			t.Errorf("readStoryOp(%q) = %v %q, %v; want %v %q", tt.want, op.verbs, join(op.object), ok, tt.verbs, tt.object)
		}
	}
	for _, want := range []string{"weekly payouts to bank account", "to sign in", "to reply inside Roadpass", "to see it", "to record which one is inside"} {
		if op, ok := readStoryOp(want); ok {
			t.Errorf("readStoryOp(%q) = %v %q: want no verb on an object", want, op.verbs, join(op.object))
		}
	}
}

func TestOwnWork(t *testing.T) {
	for want, own := range map[string]bool{
		"the system to remind singers by email two days before a rehearsal": true,
		"a weekly digest email to the lead and the manager":                 true,
		"to get a text if a match turns up":                                 true,
		"to wait outside and be texted when I am third in line":             true,
		"a text when the courier is five minutes away":                      true,
		"to be texted when I am third in line":                              true,
		"to book a walk":                                                    false,
		"the system to show the number":                                     false,
		"the system to suspend members who are late twice for a month":      true,
		"a profile for each dog: name, breed":                               false,
	} {
		if got := ownWork(want); got != own {
			t.Errorf("ownWork(%q) = %v, want %v", want, got, own)
		}
	}
}

// TestTechFromStories checks the design a brief in the sticky-note shape
// gets from its stories: routes for what each story asks on the entity
// it names, the Account the people sign in with and its actions, the
// client each persona uses, a service serving only what it is for, and
// the product's own work as a job.
func TestTechFromStories(t *testing.T) {
	src := []byte("# Courierly\n\nCourierly connects merchants with couriers for same-day deliveries.\n\n## Features\n\n```text\n" +
		"MERCHANT\n  [ ] book a delivery: pickup address, drop-off address, parcel size (small or large)\n" +
		"  [ ] a daily count of deliveries by status\n" +
		"  [ ] a text when the courier is five minutes away\n" +
		"  [ ] reply STOP to hear no more about that delivery\n" +
		"COURIER\n  [ ] apply: ID check, driving licence\n  [ ] accept / decline deliveries\n  [ ] weekly courier payouts to bank account\n" +
		"OPS\n  [ ] approve couriers, suspend accounts\n```\n\n" +
		"## Stack\n\nReact Native app for merchants and couriers; Node.js API on NestJS; PostgreSQL; Stripe Connect for merchant payments and courier payouts; Onfido for ID checks.\n" +
		"Ops works in a small internal web admin.\n")
	b, err := brief.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	p := BuildPRD(b)
	p.Number()
	md, err := artifact.RenderPRD(p)
	if err != nil {
		t.Fatal(err)
	}
	if p, err = artifact.ParsePRD(md); err != nil {
		t.Fatal(err)
	}
	st := BuildStories(p)
	st.Number()
	dm := domain.Read(b, src)
	tech := BuildTechFrom(p, st, &dm)
	tech.Number()
	if err := tech.Validate(p, st); err != nil {
		t.Fatalf("the tech spec is not valid: %v", err)
	}
	route := func(method, path string) *artifact.Endpoint {
		for i, ep := range tech.Endpoints {
			if ep.Method == method && ep.Path == path {
				return &tech.Endpoints[i]
			}
		}
		return nil
	}
	var routes []string
	for _, ep := range tech.Endpoints {
		routes = append(routes, ep.Method+" "+ep.Path+" "+strings.Join(ep.Stories, ","))
	}
	for _, want := range []string{"POST /deliveries/{id}/accept", "POST /deliveries/{id}/decline", "POST /accounts/{id}/approve",
		"POST /accounts/{id}/suspend", "GET /deliveries/report"} {
		method, path, _ := strings.Cut(want, " ")
		if ep := route(method, path); ep == nil || len(ep.Stories) == 0 {
			t.Errorf("no %s serving a story; routes:\n%s", want, strings.Join(routes, "\n"))
		}
	}
	if ep := route("POST", "/deliveries/{id}/reply"); ep != nil {
		t.Errorf("replying STOP does nothing to a delivery, but the spec has %s %s", ep.Method, ep.Path)
	}
	acc := slices.IndexFunc(tech.Entities, func(e artifact.Entity) bool { return e.Name == accountEntity })
	if acc < 0 || !slices.Equal(tech.Entities[acc].Fields[0].Enum, []string{"merchant", "courier", "ops team"}) {
		t.Errorf("want an Account whose role is one of the personas; entities: %+v", tech.Entities)
	}
	comp := func(name string) *artifact.Component {
		for i, c := range tech.Components {
			if c.Name == name {
				return &tech.Components[i]
			}
		}
		return nil
	}
	frOf := func(words string) string {
		for _, fr := range p.Functional {
			if strings.Contains(fr.Text, words) {
				return fr.ID
			}
		}
		t.Fatalf("no requirement says %q", words)
		return ""
	}
	if c := comp("Admin web app"); c == nil || !slices.Equal(c.Serves, []string{frOf("approve couriers")}) {
		t.Errorf("want an admin web app serving only the ops team's requirement; components: %+v", tech.Components)
	}
	if c := comp("Mobile app"); c == nil || slices.Contains(c.Serves, frOf("approve couriers")) {
		t.Errorf("want the mobile app not to serve the ops team's requirement; components: %+v", tech.Components)
	}
	if c := comp("Stripe Connect"); c == nil || !slices.Equal(c.Serves, []string{frOf("payouts")}) {
		t.Errorf("want Stripe Connect to serve the payouts alone, not every courier's requirement; components: %+v", tech.Components)
	}
	if c := comp("Onfido"); c == nil || c.Kind != "external service" {
		t.Errorf("want Onfido as an external service; components: %+v", tech.Components)
	}
	if c := comp("Scheduled jobs"); c == nil || !slices.Equal(c.Serves, []string{frOf("five minutes away")}) {
		t.Errorf("want a job sending the text; components: %+v", tech.Components)
	}
}
