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
// listing the stories it serves, in order of first use.
func endpoints(uses []use, kept []*entityInfo) []artifact.Endpoint {
	keep := map[*entityInfo]bool{}
	for _, e := range kept {
		keep[e] = true
	}
	var out []artifact.Endpoint
	at := map[string]int{}
	for _, u := range uses {
		method, path := route(u)
		if method == "" || !keep[u.entity] {
			continue
		}
		key := method + " " + path
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, artifact.Endpoint{Method: method, Path: path, Summary: u.summary})
		}
		if s := out[i].Stories; len(s) == 0 || s[len(s)-1] != u.story {
			out[i].Stories = append(out[i].Stories, u.story)
		}
	}
	return out
}

// route chooses the method and path of a use from its verb: reading is
// GET, changing is PATCH, removing is DELETE, a state change such as void
// is POST on the item, anything else creates (POST on the collection).
func route(u use) (string, string) {
	coll := "/" + kebabPlural(u.entity.name)
	item := coll + "/{id}"
	if u.method != "" {
		if u.one {
			return u.method, item
		}
		return u.method, coll
	}
	if u.full != u.verb && u.full != "" {
		return "POST", coll + "/" + u.full // "bulk-approve" acts on many items
	}
	switch v := u.verb; {
	case receiveVerbs[v]:
		return "", ""
	case viewVerbs[v] && u.one:
		return "GET", item
	case viewVerbs[v] || selectVerbs[v]:
		return "GET", coll
	case exportVerbs[v]:
		return "GET", coll + "/export"
	case updateVerbs[v]:
		return "PATCH", item
	case deleteVerbs[v]:
		return "DELETE", item
	case actionVerbs[v]:
		return "POST", item + "/" + v
	}
	return "POST", coll
}

// tasks lists the work: model each entity, build each component, then
// implement each story through its endpoints. Every task names the
// stories it serves.
func tasks(es []*entityInfo, comps []component, st *artifact.Stories, eps []artifact.Endpoint) []artifact.Task {
	var out []artifact.Task
	add := func(text string, stories []string) {
		out = append(out, artifact.Task{ID: artifact.TaskID(len(out) + 1), Text: text, Stories: stories})
	}
	for _, e := range es {
		add("Model the "+e.name+" entity and its storage", e.stories)
	}
	for _, c := range comps {
		add(c.task, c.stories)
	}
	for _, s := range st.Stories {
		var routes []string
		for _, ep := range eps {
			for _, id := range ep.Stories {
				if id == s.ID {
					routes = append(routes, ep.Method+" "+ep.Path)
				}
			}
		}
		// The renderer adds the story IDs in parentheses; the routes go
		// after a comma so the two do not stack.
		text := "Implement " + s.ID + ": " + s.Title
		if len(routes) > 0 {
			text += ", through " + plural.And(routes)
		}
		add(text, []string{s.ID})
	}
	return out
}
