package offline

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// use is one thing a story does with an entity; uses become endpoints.
type use struct {
	story   string
	method  string // set for noun-phrase stories; verb stories derive it
	verb    string // the lexicon verb ("approve")
	full    string // as written ("bulk-approve")
	entity  *entityInfo
	one     bool // the story acts on one item ("the live queue")
	summary string
}

// dataModel reads the stories for the things they act on and what they
// do with them.
type dataModel struct {
	entities *entitySet
	uses     []use
	last     map[string]*entityInfo // per FR, the entity last acted on
}

// readStories finds the entities and uses of all stories.
func readStories(st *artifact.Stories) *dataModel {
	m := &dataModel{entities: &entitySet{byKey: map[string]*entityInfo{}}, last: map[string]*entityInfo{}}
	for _, s := range st.Stories {
		body, noun := wantBody(s.Want)
		if noun {
			m.readNoun(s, body)
		} else {
			m.readVerbs(s, body)
		}
	}
	return m
}

// wantBody strips a want down to its verb phrase ("to join…", "the
// system to work…") or reports that it is a noun phrase.
func wantBody(want string) (string, bool) {
	if b, ok := strings.CutPrefix(want, "to "); ok {
		return b, false
	}
	if b, ok := strings.CutPrefix(want, "the system to "); ok {
		return b, false
	}
	return want, true
}

// readVerbs reads a story whose want is an action.
func (m *dataModel) readVerbs(s artifact.Story, body string) {
	fr := ""
	if len(s.Traces) > 0 {
		fr = s.Traces[0]
	}
	for _, seg := range segments(tokenize(body)) {
		if seg.verb == "" {
			continue
		}
		e := m.segmentEntity(seg, s.ID)
		if e == nil && len(seg.obj) == 0 && updateVerbs[seg.root] {
			e = m.last[fr] // "reorder for triage" reorders what the requirement showed
		}
		if e == nil {
			continue
		}
		m.last[fr] = e
		summary := join(cutDetail(seg.words, false))
		if len(seg.words) == 1 {
			summary = seg.verb + " " + join(seg.obj)
		}
		summary = neutral(summary)
		one := len(seg.obj) > 0 && !isPlural(nounHead(seg.obj)) && (seg.obj[0].lw() == "the" || possessives[seg.obj[0].lw()])
		m.uses = append(m.uses, use{story: s.ID, verb: seg.root, full: seg.verb, entity: e, one: one, summary: upperFirst(summary)})
	}
}

// segmentEntity finds the entity a segment acts on and the fields it
// names: "join the queue…, entering only a first name and a phone number"
// gives Queue entry with first_name and phone_number.
func (m *dataModel) segmentEntity(seg segment, story string) *entityInfo {
	var e *entityInfo
	switch {
	case seg.root == "check" && seg.particle == "in":
		e = m.entities.mention("Check-in", story)
		if len(seg.rest) > 1 && seg.rest[0].lw() == "to" {
			m.reference(e, seg.rest[1:], story)
		}
	case len(seg.obj) > 0:
		name, ok := entityName(seg.obj)
		if !ok {
			return nil
		}
		if seg.root == "join" {
			name += " entry"
		}
		e = m.entities.mention(name, story)
	default:
		return nil
	}
	rest := seg.rest
	for i, t := range rest {
		lw := t.lw()
		switch {
		case i == 0 && lw == "into" && len(rest) > 1:
			if name, ok := entityName(rest[1:]); ok {
				return m.entities.mention(name, story) // "turn follow-ups into work orders" makes work orders
			}
		case i == 0 && lw == "as" && seg.root == "mark" && hasChoice(rest):
			e.addField(artifact.Field{Name: "status", Type: "string", Notes: join(rest[1:])})
		case lw == "with" || lw == "entering" || lw == "including" || lw == "containing":
			for _, f := range fieldList(rest[i+1:], true) {
				e.addField(f)
			}
		}
	}
	if seg.colon {
		for _, f := range fieldList(seg.rest, false) {
			e.addField(f)
		}
	}
	return e
}

// readNoun reads a story whose want is a thing.
func (m *dataModel) readNoun(s artifact.Story, body string) {
	np := nounParts(body)
	head := strings.ToLower(singular(nounHead(np.short)))
	name, ok := entityName(np.short)
	var e *entityInfo
	// A plural names things the system keeps ("credit notes"); a singular
	// usually names a capability ("dark mode", "integration with X"),
	// except a log, which keeps entries.
	if ok && (isPlural(nounHead(np.short)) || head == "log") {
		e = m.entities.mention(name, s.ID)
	}
	switch np.link {
	case "with":
		for _, f := range fieldList(np.detail, true) {
			e.addField(f)
		}
	case "against", "for", "on", "to":
		m.reference(e, np.detail, s.ID)
	}
	owners := m.possessives(np.detail, s.ID)
	switch {
	case e != nil && readOnlyNouns[head]:
		m.uses = append(m.uses, use{story: s.ID, method: "GET", entity: e, summary: "List " + strings.ToLower(plural.Noun(e.name))})
	case e != nil:
		m.uses = append(m.uses,
			use{story: s.ID, method: "POST", entity: e, summary: "Add " + article(e.name) + " " + lowerName(e.name)},
			use{story: s.ID, method: "GET", entity: e, one: true, summary: "Get " + article(e.name) + " " + lowerName(e.name)})
	case len(owners) > 0 && (uiNouns[head] || readOnlyNouns[head]):
		what := "for the " + strings.ToLower(join(np.short))
		m.uses = append(m.uses, use{story: s.ID, method: "GET", entity: owners[0], summary: "List " + lowerName(plural.Noun(owners[0].name)) + " " + what})
	}
}

// reference records that e refers to the entity a phrase names ("credit
// notes against a finalized invoice" → invoice_id).
func (m *dataModel) reference(e *entityInfo, ts []token, story string) {
	name, ok := entityName(ts)
	if !ok || e == nil || strings.EqualFold(name, e.name) {
		return
	}
	r := m.entities.mention(name, story)
	e.addField(artifact.Field{Name: snake(r.name) + "_id", Type: "string", Notes: "References " + article(r.name) + " " + r.name + "."})
}

// possessives reads "each habit's streak and this week's completion rate"
// as the field streak of Habit (week is not a stored thing) and returns
// the owners found.
func (m *dataModel) possessives(ts []token, story string) []*entityInfo {
	var owners []*entityInfo
	for i, t := range ts {
		owner, ok := strings.CutSuffix(t.text, "'s")
		if !ok {
			continue
		}
		name, ok := entityName([]token{{text: owner}})
		if !ok {
			continue
		}
		e := m.entities.mention(name, story)
		owners = append(owners, e)
		if fs := fieldList(ts[i+1:], true); len(fs) > 0 {
			e.addField(fs[0])
		}
	}
	return owners
}

// neutral names no one in an endpoint summary: the want's "my password"
// becomes "the password" ("my own drafts" keeps "own").
func neutral(s string) string {
	ts := tokenize(s)
	for i, t := range ts {
		if t.lw() == "my" {
			ts[i].text = "the"
			if i+1 < len(ts) && ts[i+1].lw() == "own" {
				ts[i].text = "their"
			}
		}
	}
	return join(ts)
}

// lowerName writes an entity name inside a sentence, acronyms kept.
func lowerName(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		if !plural.IsAcronym(w) {
			ws[i] = strings.ToLower(w)
		}
	}
	return strings.Join(ws, " ")
}
