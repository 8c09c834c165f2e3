package offline

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// BuildTech writes a technical spec from the PRD and its stories:
// components named by the requirements' own words, the entities the
// stories act on, REST endpoints for what they do, the PRD's NFRs, tasks
// traced to stories, and the technical questions the documents leave
// open. Header is left empty: the pipeline sets it.
func BuildTech(p *artifact.PRD, st *artifact.Stories) *artifact.TechSpec {
	if p == nil {
		p = &artifact.PRD{}
	}
	if st == nil {
		st = &artifact.Stories{}
	}
	m := readStories(st)
	entities := m.entities.ranked()
	comps := components(p, st)
	t := &artifact.TechSpec{
		Title:      p.Title,
		Overview:   overview(p, st),
		Components: componentList(comps, len(entities) > 0),
		Entities:   entityList(entities),
		Endpoints:  endpoints(m.uses, entities),
		Quality:    quality(p.NonFunctional),
	}
	t.Tasks = tasks(entities, comps, st, t.Endpoints)
	t.OpenQuestions = techQuestions(p, comps, len(entities) > 0)
	return t
}

// quality carries the PRD's non-functional requirements over, by their
// IDs: where the brief says them is the PRD's to cite.
func quality(nfrs []artifact.Requirement) []artifact.Requirement {
	out := make([]artifact.Requirement, len(nfrs))
	for i, r := range nfrs {
		r.Source, r.Also = artifact.Source{}, nil
		out[i] = r
	}
	return out
}

// overview says what the spec is for, in the PRD's words.
func overview(p *artifact.PRD, st *artifact.Stories) string {
	s := "This spec describes how to build " + p.Title + "."
	if first, _ := firstSentence(clean(p.Summary)); first != "" {
		ts := tokenize(first)
		if _, ok := finiteVerb(ts); ok || isImperative(ts) {
			return s + " " + sentence(first)
		}
		// A summary without a verb names the product: "Streaks, a habit
		// tracker for small teams".
		return strings.TrimSuffix(s, ".") + ", " + lowerFirst(bare(first), nil) + "."
	}
	return s + fmt.Sprintf(" It covers the %s and %s of its PRD.",
		plural.Count(len(p.Functional), "functional requirement"), plural.Count(len(st.Stories), "user story"))
}

// entityList writes the data model: id, the fields the stories name,
// timestamps.
func entityList(es []*entityInfo) []artifact.Entity {
	var out []artifact.Entity
	for _, e := range es {
		fields := []artifact.Field{{Name: "id", Type: "string", Notes: "Unique identifier."}}
		fields = append(fields, e.fields...)
		fields = append(fields,
			artifact.Field{Name: "created_at", Type: "timestamp", Notes: "When it was created."},
			artifact.Field{Name: "updated_at", Type: "timestamp", Notes: "When it last changed."})
		out = append(out, artifact.Entity{Name: e.name, Description: "Used by " + plural.And(e.stories) + ".", Fields: fields})
	}
	return out
}

// endpoints turns uses into REST endpoints, one per method and path, each
// naming the entity it acts on and how, and listing the stories it
// serves, in order of first use.
func endpoints(uses []use, kept []*entityInfo) []artifact.Endpoint {
	keep := map[*entityInfo]bool{}
	for _, e := range kept {
		keep[e] = true
	}
	var out []artifact.Endpoint
	at := map[string]int{}
	for _, u := range uses {
		method, path, action := route(u)
		if method == "" || !keep[u.entity] {
			continue
		}
		key := method + " " + path
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, artifact.Endpoint{Method: method, Path: path, Entity: u.entity.name, Action: action, Summary: u.summary})
		}
		if s := out[i].Stories; len(s) == 0 || s[len(s)-1] != u.story {
			out[i].Stories = append(out[i].Stories, u.story)
		}
	}
	return out
}

// route chooses the method and path of a use from its verb, and names
// what it does: reading is GET (get one, list many), changing is PATCH
// (update), removing is DELETE, a state change such as void is POST on
// the item (named by its verb), anything else creates (POST on the
// collection).
func route(u use) (string, string, string) {
	coll := "/" + kebabPlural(u.entity.name)
	item := coll + "/{id}"
	if u.method != "" {
		if u.one {
			return u.method, item, methodAction(u.method, true)
		}
		return u.method, coll, methodAction(u.method, false)
	}
	if u.full != u.verb && u.full != "" {
		return "POST", coll + "/" + u.full, u.full // "bulk-approve" acts on many items
	}
	switch v := u.verb; {
	case receiveVerbs[v]:
		return "", "", ""
	case viewVerbs[v] && u.one:
		return "GET", item, "get"
	case viewVerbs[v] || selectVerbs[v]:
		return "GET", coll, "list"
	case exportVerbs[v]:
		return "GET", coll + "/export", "export"
	case updateVerbs[v]:
		return "PATCH", item, "update"
	case deleteVerbs[v]:
		return "DELETE", item, "delete"
	case actionVerbs[v]:
		return "POST", item + "/" + v, v
	}
	return "POST", coll, "create"
}

// methodAction names what a method does on a collection or one item.
func methodAction(method string, one bool) string {
	switch {
	case method == "GET" && one:
		return "get"
	case method == "GET":
		return "list"
	case method == "POST":
		return "create"
	case method == "DELETE":
		return "delete"
	}
	return "update"
}

// Names of the two components every offline architecture has (see
// componentList), which the setup task builds.
const (
	apiComponent   = "API service"
	storeComponent = "Data store"
)

// tasks lists the work: set up the project, then model each entity and
// build each component on it, then implement each story through its
// endpoints once the entities and components it uses are there. Every
// task but the setup names the stories it serves; the dependencies are
// those the offline engine knows, so the waves are real: the setup first,
// the entities and components beside each other, the stories last.
func tasks(es []*entityInfo, comps []component, st *artifact.Stories, eps []artifact.Endpoint) []artifact.Task {
	if len(st.Stories) == 0 {
		return nil // nothing to build yet, so nothing to set up
	}
	out := []artifact.Task{{ID: artifact.TaskID(1), Text: "Set up the project skeleton, the data store and continuous integration",
		Setup: true, Components: []string{apiComponent, storeComponent}}}
	setup := out[0].ID
	add := func(t artifact.Task) string {
		t.ID = artifact.TaskID(len(out) + 1)
		out = append(out, t)
		return t.ID
	}
	modelled := map[string]string{}
	for _, e := range es {
		modelled[e.name] = add(artifact.Task{Text: "Model the " + e.name + " entity and its storage", Stories: e.stories,
			DependsOn: []string{setup}, Components: []string{storeComponent}, Entities: []string{e.name}})
	}
	var built []artifact.Task
	for _, c := range comps {
		t := artifact.Task{Text: c.task, Stories: c.stories, DependsOn: []string{setup}, Components: []string{c.name}}
		t.ID = add(t)
		built = append(built, t)
	}
	for _, s := range st.Stories {
		t := artifact.Task{Stories: []string{s.ID}}
		var routes []string
		for _, ep := range eps {
			if !contains(ep.Stories, s.ID) {
				continue
			}
			routes = append(routes, ep.Method+" "+ep.Path)
			t.Endpoints = append(t.Endpoints, artifact.EndpointKey(ep))
			if id, ok := modelled[ep.Entity]; ok && !contains(t.DependsOn, id) {
				t.DependsOn = append(t.DependsOn, id)
				t.Entities = append(t.Entities, ep.Entity)
			}
		}
		for _, c := range built {
			if contains(c.Stories, s.ID) {
				t.DependsOn = append(t.DependsOn, c.ID)
			}
		}
		if len(t.DependsOn) == 0 {
			t.DependsOn = []string{setup}
		}
		// The renderer adds the story IDs in parentheses; the routes go
		// after a comma so the two do not stack.
		t.Text = "Implement " + s.ID + ": " + s.Title
		if len(routes) > 0 {
			t.Text += ", through " + plural.And(routes)
		}
		add(t)
	}
	return out
}
