package scaffold

import (
	"slices"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

func TestParticiples(t *testing.T) {
	tests := []struct {
		action string
		want   []string
	}{
		{"void", []string{"voided"}},
		{"finalize", []string{"finalized"}},
		{"close", []string{"closed"}},
		{"verify", []string{"verified"}},
		{"deny", []string{"denied"}},
		{"play", []string{"played"}},
		{"pay", []string{"paid"}},
		{"send", []string{"sent"}},
		{"ship", []string{"shipped"}},
		{"stop", []string{"stopped"}},
		{"flag", []string{"flagged"}},
		{"fix", []string{"fixed"}},
		{"show", []string{"showed"}},
		{"open", []string{"opened"}},
		{"cancel", []string{"canceled", "cancelled"}},
		{"label", []string{"labeled", "labelled"}},
		{"submit", []string{"submitted"}},
		{"approve", []string{"approved"}},
		{"archive", []string{"archived"}},
		{"withdraw", []string{"withdrawn"}},
		{"check-in", []string{"checked-in"}},
		{"check_in", []string{"checked-in"}},
		{"Mark paid", []string{"marked-paid", "paid"}},
		{"mark-as-paid", []string{"marked-as-paid", "paid"}},
		{"call", []string{"called"}},
		{"Void", []string{"voided"}},
		{"2fa", []string{"2faed"}},
		{"v2", []string{"v2-done"}},
		{"", []string{"acted"}},
		{"日本", []string{"acted"}},
	}
	for _, tt := range tests {
		if got := participles(tt.action); !slices.Equal(got, tt.want) {
			t.Errorf("participles(%q) = %q, want %q", tt.action, got, tt.want)
		}
	}
}

// TestEffects checks what each action of a spec sets: an enum value that
// is its participle, in any case or spelling, a status-like field first;
// else a timestamp of the entity's named after it; else one the server
// keeps.
func TestEffects(t *testing.T) {
	enum := func(name string, values ...string) artifact.Field {
		return artifact.Field{Name: name, Type: "enum", Enum: values}
	}
	tech := &artifact.TechSpec{Title: "Effects", Entities: []artifact.Entity{
		{Name: "Booking", Fields: []artifact.Field{
			enum("colour", "red", "Cancelled"),
			enum("State", "Requested", "Cancelled", "Accepted"),
			{Name: "reminded at", Type: "datetime"},
			{Name: "voided_at", Type: "string"},
		}},
	}}
	for _, action := range []string{"cancel", "accept", "remind", "void", "mark-as-requested", "decline"} {
		tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: "POST", Path: "/bookings/{id}/" + action})
	}
	tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: "PATCH", Path: "/bookings/{id}", Action: "Accept"})
	api, err := Plan(tech, nil)
	if err != nil {
		t.Fatal(err)
	}
	fields := api.Entities[0].Fields
	var got []string
	for _, ep := range api.Endpoints {
		f := fields[ep.Effect.Field]
		got = append(got, ep.Op+" "+ep.Action+": "+f.Snake+" "+f.Type+" "+ep.Effect.Value+map[bool]string{true: " (managed)"}[f.Managed])
	}
	want := []string{
		"action cancel: state enum Cancelled",
		"action accept: state enum Accepted",
		"action remind: reminded_at timestamp ",
		"action void: voided_at2 timestamp  (managed)",
		"action mark-as-requested: state enum Requested",
		"action decline: declined_at timestamp  (managed)",
		"action accept: state enum Accepted",
	}
	if !slices.Equal(got, want) {
		t.Errorf("effects\n got %q\nwant %q", got, want)
	}
	checkAPI(t, api)
}
