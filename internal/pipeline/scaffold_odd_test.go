package pipeline

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// The property test of the prototypes: tech specs made at random from odd
// names, types and values plan without a panic, and what they plan
// generates, in every language of the registry, a project that builds and
// passes its own tests. scaffold_build_test.go builds them.

// oddNames are names no spec should break a prototype with: reserved words
// of Go, Python and TypeScript, names the generated code uses or the
// built-ins it would shadow, spaces, accents and other scripts, digits
// first, punctuation, case variants of one another, and nothing at all.
var oddNames = []string{
	"type", "class", "default", "import", "func", "def", "lambda", "yield", "await", "async",
	"constructor", "prototype", "__proto__", "self", "this", "new", "delete", "interface",
	"package", "range", "select", "map", "chan", "string", "number", "boolean", "None", "True",
	"null", "undefined", "NaN", "enum", "export", "from", "global", "in", "is", "not", "pass",
	"with", "var", "let", "static", "super", "switch", "case", "error", "len", "print", "id",
	"Store", "Route", "Field", "Entity", "Item", "Value", "Date", "Error", "Server", "Handler",
	"Input", "Status", "ID", "Record", "JSON", "URL", "UUID", "Test run", "main", "server",
	"store", "decode", "write JSON", "Literal", "Entities", "Response", "Promise", "Map", "routes",
	"Queue entry", "Café crème", "Ünïcödé field", "日本 data", "naïve", "2FA code", "3", "it's",
	"a/b", "x.y", "line\nbreak", "tab\tname", "  spaced  out  ", "", "Note", "note", "NOTE", "notes",
	"very long name " + strings.Repeat("x", 80), "Status value", "status", "state", "created_at",
	"bad \xff utf-8", "bom\ufeff", "nul\x00",
}

// oddTypes are field types as specs write them, known and not.
var oddTypes = []string{"string", "text", "integer", "int64", "number", "decimal(10,2)", "money", "boolean",
	"date", "datetime", "timestamp", "url", "email", "uuid", "enum", "enum", "geography(Point)", "string[]",
	"json", "", "time", "reference", "fk"}

// oddValues are enum values: case variants, spaces, quotes, backslashes,
// reserved words, blanks and repeats, and states the actions leave.
var oddValues = []string{"draft", "Draft", "in progress", "in-progress", "done", "cancelled", "Canceled",
	"archived", "2fa", "日本", `quo"te`, `back\slash`, "", "  ", "default", "class", "null", "NaN",
	"__proto__", "a, b", "`tick`", "paid", "withdrawn", "x", "x", "voided", "Approved", "checked in",
	"sent", "closed", "imported", "\xfe", "a\nb"}

// oddActions are the names of state changes, in a path or the spec's
// Action column.
var oddActions = []string{"cancel", "archive", "void", "approve", "mark-paid", "check-in", "default",
	"import", "2fa", "send", "withdraw", "class", "close", "pay", "Mark as paid"}

// oddSpec makes the i-th spec of rng: a few entities with odd names and
// fields, relationships among them and to no entity, endpoints of every
// shape (nested ones, actions, parameters in several spellings), and
// stories whose criteria state main and error paths.
func oddSpec(rng *rand.Rand, i int) (*artifact.TechSpec, *artifact.Stories) {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	tech := &artifact.TechSpec{Title: pick(oddNames) + fmt.Sprintf(" %d", i)}
	for range 1 + rng.IntN(4) {
		tech.Entities = append(tech.Entities, artifact.Entity{Name: pick(oddNames)})
	}
	for e := range tech.Entities {
		ent := &tech.Entities[e]
		other := tech.Entities[rng.IntN(len(tech.Entities))].Name
		for range rng.IntN(7) {
			f := artifact.Field{Name: pick(oddNames), Type: pick(oddTypes), Required: rng.IntN(3) == 0}
			switch rng.IntN(8) {
			case 0:
				f.Type = "reference to " + other
			case 1:
				f.Name, f.Type = other+" id", "uuid"
			case 2:
				f.Type = other
			}
			if f.Type == "enum" || rng.IntN(6) == 0 {
				for range rng.IntN(5) {
					f.Enum = append(f.Enum, pick(oddValues))
				}
			}
			ent.Fields = append(ent.Fields, f)
		}
		if rng.IntN(2) == 0 {
			// A state that actions set, beside values they do not.
			ent.Fields = append(ent.Fields, artifact.Field{Name: pick([]string{"status", "State", "stage"}), Type: "enum",
				Enum: []string{pick(oddValues), pick([]string{"cancelled", "Archived", "voided", "paid", "checked in", "sent"}), pick(oddValues)}})
		}
		for range rng.IntN(3) {
			target := other
			if rng.IntN(5) == 0 {
				target = "Nobody"
			}
			kinds := append(artifact.RelationshipKinds[:len(artifact.RelationshipKinds):len(artifact.RelationshipKinds)], "bogus")
			ent.Relationships = append(ent.Relationships, artifact.Relationship{Target: target, Kind: pick(kinds)})
		}
		if rng.IntN(4) == 0 {
			ent.Owner = other
		}
	}
	stories := &artifact.Stories{Title: tech.Title}
	for s := range 1 + rng.IntN(4) {
		st := artifact.Story{ID: fmt.Sprintf("US-%03d", s+1), Title: pick(oddNames)}
		for c := range 1 + rng.IntN(3) {
			kind := pick([]string{"main", "error", "error", "edge", ""})
			then := "the system rejects it without the " + pick(oddNames)
			if rng.IntN(4) == 0 {
				then = "a person who is not allowed is refused"
			}
			st.Criteria = append(st.Criteria, artifact.Criterion{ID: fmt.Sprintf("AC-%03d.%d", s+1, c+1), Kind: kind,
				Given: "someone is there", When: "they act", Then: then})
		}
		stories.Stories = append(stories.Stories, st)
	}
	seen := map[string]bool{}
	add := func(method, path, action string) {
		if seen[method+" "+path] {
			return
		}
		seen[method+" "+path] = true
		var ids []string
		for _, st := range stories.Stories {
			if rng.IntN(3) == 0 {
				ids = append(ids, st.ID)
			}
		}
		tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: method, Path: path, Action: action,
			Summary: pick(oddNames), Stories: ids})
	}
	params := []string{"{id}", ":id", "<int:id>", "{odd-id}", "[id]"}
	for e, ent := range tech.Entities {
		coll := collectionOf(ent.Name, e)
		item := "/" + coll + "/" + pick(params)
		for _, shape := range rng.Perm(10)[:3+rng.IntN(7)] {
			switch shape {
			case 0:
				add("POST", "/"+coll, "")
			case 1:
				add("GET", "/"+coll, "")
			case 2:
				add("GET", item, "")
			case 3:
				add(pick([]string{"PATCH", "PUT"}), item, "")
			case 4:
				add("DELETE", item, "")
			case 5:
				add("POST", item+"/"+segmentOf(pick(oddActions), 0), "")
			case 6:
				add("PATCH", item, pick(oddActions))
			case 7:
				add("GET", "/"+coll+"/export", "")
			case 8, 9:
				parent := collectionOf(tech.Entities[rng.IntN(len(tech.Entities))].Name, 0)
				if parent == coll {
					continue
				}
				add(pick([]string{"POST", "GET"}), "/"+parent+"/{parentId}/"+coll, "")
				add(pick([]string{"GET", "DELETE", "PATCH"}), "/"+parent+"/{parentId}/"+coll+"/{childId}", "")
			}
		}
	}
	return tech, stories
}

// collectionOf is a collection's path segment for a name: segmentOf and
// an s.
func collectionOf(name string, i int) string { return segmentOf(name, i) + "s" }

// segmentOf is a path segment for a name: its ASCII letters and digits in
// lower-case kebab case, or "thing<i>" when it has none.
func segmentOf(name string, i int) string {
	w := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r > 'z' || (r < 'a' && (r < '0' || r > '9')) })
	if len(w) == 0 {
		return fmt.Sprintf("thing%d", i)
	}
	return strings.Join(w, "-")
}

// oddAPIs plans n odd specs. Plan must not panic, and may refuse only
// routes it cannot serve as written; at least three in four specs must
// plan.
func oddAPIs(t *testing.T, n int) []*scaffold.API {
	t.Helper()
	rng := rand.New(rand.NewPCG(16, 7))
	var apis []*scaffold.API
	for i := range n {
		tech, stories := oddSpec(rng, i)
		api, err := planNoPanic(tech, stories)
		var epErr *scaffold.EndpointError
		switch {
		case errors.As(err, &epErr):
			t.Logf("spec %d: refused: %v", i, err)
			continue
		case err != nil:
			t.Fatalf("spec %d: %v", i, err)
		}
		apis = append(apis, api)
	}
	if len(apis)*4 < n*3 {
		t.Fatalf("only %d of %d odd specs planned", len(apis), n)
	}
	if missing := uncovered(apis); len(missing) > 0 {
		t.Fatalf("the odd specs plan no %s: change the seed or the spec maker", strings.Join(missing, ", "))
	}
	return apis
}

// uncovered lists the parts of the domain no API of apis has, so that a
// change to the spec maker cannot leave the property test checking less.
func uncovered(apis []*scaffold.API) []string {
	has := map[string]bool{}
	for _, api := range apis {
		for _, e := range api.Entities {
			for _, f := range e.Fields {
				has[f.Type] = true
				has["required"] = has["required"] || f.Required
				has["unknown type"] = has["unknown type"] || f.Unknown
			}
		}
		for _, ep := range api.Endpoints {
			has["nested route"] = has["nested route"] || ep.Parent != nil
			has["action setting an enum"] = has["action setting an enum"] || ep.Effect != nil && ep.Effect.Value != ""
			has["action recording its time"] = has["action recording its time"] || ep.Effect != nil && ep.Effect.Value == ""
		}
		for _, s := range api.Stories {
			for _, in := range s.Invalid {
				has["invalid request ("+in.Kind+")"] = true
			}
		}
	}
	var missing []string
	for _, want := range append(scaffold.FieldTypes, "required", "unknown type", "nested route", "action setting an enum",
		"action recording its time", "invalid request (missing)", "invalid request (enum)", "invalid request (reference)") {
		if !has[want] {
			missing = append(missing, want)
		}
	}
	return missing
}

// planNoPanic plans a spec, turning a panic into an error; the named
// results are how a deferred recover hands it back.
func planNoPanic(tech *artifact.TechSpec, stories *artifact.Stories) (api *scaffold.API, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("plan panicked: %v", r)
		}
	}()
	return scaffold.Plan(tech, stories)
}
