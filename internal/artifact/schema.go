package artifact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The schemas below ask a model for a PRD, Stories or TechSpec as JSON.
// They are written for OpenAI structured outputs in strict mode, which
// other OpenAI-compatible servers accept too:
//
//   - every object lists all its properties in "required" and sets
//     "additionalProperties": false, so an optional value is an empty
//     string or an empty array rather than a missing key or null;
//   - property names are the JSON tags of the types in artifact.go, so
//     encoding/json with DisallowUnknownFields decodes any conforming
//     answer into them;
//   - properties appear in the order of the struct fields, because a model
//     writes them in schema order and a title reads best before the rest;
//   - "id" fields are present (strict mode requires every property) but
//     the model is told to leave them empty: Number assigns them;
//   - a PRD's items ask for the brief lines they come from, as integers
//     no greater than the brief's line count (strict mode takes
//     "minimum" and "maximum"); CheckSources then checks that the lines
//     bear the item out;
//   - references (a story's traces, a task's or endpoint's stories, the
//     ID of a quality requirement carried over from the PRD, and the
//     components, entities and endpoints a task names when the design was
//     written before it) are enums of the IDs and names that exist, so
//     the model cannot invent one, and a story's
//     role is an enum of the PRD's personas, so its actor is a person
//     the PRD names. Strict
//     mode rejects an empty enum, so with no IDs to offer the items are
//     plain strings described as "leave empty"; Validate then reports any
//     reference the model made up, and the pipeline asks for a repair.

// schemaNode is one JSON Schema node. Its fields marshal in declaration
// order, so a schema's bytes are the same on every run.
type schemaNode struct {
	Type                 string      `json:"type"`
	Description          string      `json:"description,omitempty"`
	Enum                 []string    `json:"enum,omitempty"`
	Minimum              *int        `json:"minimum,omitempty"`
	Maximum              *int        `json:"maximum,omitempty"`
	Items                *schemaNode `json:"items,omitempty"`
	Properties           schemaProps `json:"properties,omitempty"`
	Required             []string    `json:"required,omitempty"`
	AdditionalProperties *bool       `json:"additionalProperties,omitempty"`
}

// schemaProp is one named property of an object.
type schemaProp struct {
	name   string
	schema *schemaNode
}

// schemaProps are an object's properties, marshalled in their order.
type schemaProps []schemaProp

// MarshalJSON writes the properties as one JSON object, in order.
func (ps schemaProps) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			buf.WriteByte(',')
		}
		name, err := json.Marshal(p.name)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(p.schema)
		if err != nil {
			return nil, err
		}
		buf.Write(name)
		buf.WriteByte(':')
		buf.Write(value)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func stringSchema(desc string) *schemaNode { return &schemaNode{Type: "string", Description: desc} }

func arraySchema(desc string, items *schemaNode) *schemaNode {
	return &schemaNode{Type: "array", Description: desc, Items: items}
}

// objectSchema is a strict object: no other properties, every one required.
func objectSchema(desc string, ps ...schemaProp) *schemaNode {
	closed := false
	n := &schemaNode{Type: "object", Description: desc, Properties: ps, AdditionalProperties: &closed}
	for _, p := range ps {
		n.Required = append(n.Required, p.name)
	}
	return n
}

// refsSchema is a list of references to IDs that exist: an enum of ids,
// without duplicates or empty strings. With none, see the note at the top.
func refsSchema(desc string, ids []string) *schemaNode {
	enum := enumOf(ids)
	if len(enum) == 0 {
		return arraySchema(desc+"; none exist yet, so leave this empty", stringSchema(""))
	}
	return arraySchema(desc, &schemaNode{Type: "string", Enum: enum})
}

// refSchema is one reference to an ID that exists, as refsSchema's items
// are. With none, it is a plain string and its list must stay empty.
func refSchema(desc string, ids []string) *schemaNode {
	if enum := enumOf(ids); len(enum) > 0 {
		return &schemaNode{Type: "string", Description: desc, Enum: enum}
	}
	return stringSchema(desc)
}

// enumOf is ids without duplicates or empty strings, in their order.
func enumOf(ids []string) []string {
	var enum []string
	seen := make(map[string]bool)
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			enum = append(enum, id)
		}
	}
	return enum
}

// idProp is the "id" of an item that prodgen numbers.
func idProp() schemaProp { return schemaProp{"id", stringSchema("leave empty; prodgen numbers items")} }

// requirementsSchema is a list of requirements, each with the given id
// property and the other properties given (a PRD's source).
func requirementsSchema(desc string, id schemaProp, more ...schemaProp) *schemaNode {
	return arraySchema(desc, objectSchema("", append([]schemaProp{
		id,
		schemaProp{"text", stringSchema("what must hold, in one or more plain sentences")},
		schemaProp{"priority", stringSchema(`priority as the input gives it ("P0", "Must"); empty when it gives none`)},
	}, more...)...))
}

// phaseProp is the release a PRD's requirement belongs to.
func phaseProp() schemaProp {
	return schemaProp{"phase", stringSchema(`the phase of the first release it belongs to, as the brief names it, when the brief's first release spans several phases ("2" when the MVP is phases 1 to 3); empty otherwise. A feature for after the first release is no requirement: it goes out of scope as "Later (phase 2): …"`)}
}

// sourceSchema asks for the lines of a brief of the given number of lines
// that an item comes from.
func sourceSchema(lines int) *schemaNode {
	line := func(desc string) *schemaNode {
		low := 0
		return &schemaNode{Type: "integer", Description: desc, Minimum: &low, Maximum: &lines}
	}
	return objectSchema("the brief's lines it comes from, by the numbers they are shown with; 0 and 0 when no line of the brief says it",
		schemaProp{"start", line("the first line")},
		schemaProp{"end", line("the last line; the same as start for one line")},
	)
}

// sourceProp is the source of a PRD's item, in a brief of lines lines.
func sourceProp(lines int) schemaProp { return schemaProp{"source", sourceSchema(lines)} }

// requiredSourceProp is the source of a functional requirement, which
// must cite the brief (PRD.CheckCited).
func requiredSourceProp(lines int) schemaProp {
	s := sourceSchema(lines)
	s.Description = "the brief's lines it comes from, by the numbers they are shown with; every functional requirement comes from the brief, so never 0"
	return schemaProp{"source", s}
}

// alsoProp is where else the brief states a requirement.
func alsoProp(lines int) schemaProp {
	return schemaProp{"also", arraySchema("other lines of the brief stating the same requirement, as when a feature list and a roadmap both name it; empty when no other lines do", sourceSchema(lines))}
}

func questionsSchema() *schemaNode {
	return arraySchema("open questions: decisions or facts the input leaves open", objectSchema("",
		idProp(),
		schemaProp{"text", stringSchema("the question")},
	))
}

// PRDSchema returns the JSON schema of a PRD written from a brief of
// briefLines lines, whose items cite the lines they come from.
func PRDSchema(briefLines int) json.RawMessage {
	briefLines = max(briefLines, 0)
	return marshalSchema(objectSchema("",
		schemaProp{"title", stringSchema("the product's name")},
		schemaProp{"summary", stringSchema("what the product is and does, in a few sentences; may be empty")},
		schemaProp{"problem", stringSchema("the problem it solves and for whom; may be empty")},
		schemaProp{"goals", arraySchema("product goals", objectSchema("",
			idProp(),
			schemaProp{"text", stringSchema("the goal")},
			sourceProp(briefLines),
		))},
		schemaProp{"personas", arraySchema("the kinds of user", objectSchema("",
			schemaProp{"name", stringSchema(`who they are ("Patient")`)},
			schemaProp{"description", stringSchema("what they need or do; may be empty")},
			schemaProp{"goals", arraySchema("what this persona wants to achieve, only as the brief says it; empty when it says nothing, never invented", stringSchema("one goal, in a short phrase"))},
			sourceProp(briefLines),
		))},
		schemaProp{"journeys", arraySchema("user journeys: only the flows the brief describes, step by step; empty when it describes none, never invented", objectSchema("",
			schemaProp{"name", stringSchema(`a short name for the flow ("Join the queue")`)},
			schemaProp{"steps", arraySchema("the steps in order, as the brief gives them, each one short sentence", stringSchema(""))},
			sourceProp(briefLines),
		))},
		schemaProp{"functional", requirementsSchema("functional requirements: each one testable behaviour of the system", idProp(), phaseProp(), requiredSourceProp(briefLines), alsoProp(briefLines))},
		schemaProp{"non_functional", requirementsSchema("non-functional requirements, keeping the input's numbers exactly", idProp(), phaseProp(), sourceProp(briefLines), alsoProp(briefLines))},
		schemaProp{"in_scope", arraySchema("what this release covers", stringSchema(""))},
		schemaProp{"out_of_scope", arraySchema("what this release leaves out", stringSchema(""))},
		schemaProp{"out_of_scope_sources", arraySchema("where each out_of_scope item comes from: one source per item, in the same order", sourceSchema(briefLines))},
		schemaProp{"dependencies", arraySchema("what the product relies on but does not build (another system, team, vendor, approval), only as the brief names it; empty when it names none, never invented", stringSchema(""))},
		schemaProp{"metrics", arraySchema("success metrics", objectSchema("",
			schemaProp{"name", stringSchema("what is measured")},
			schemaProp{"baseline", stringSchema("today's value as the input gives it; may be empty")},
			schemaProp{"target", stringSchema("the value to reach as the input gives it; may be empty")},
			schemaProp{"timeframe", stringSchema(`by when the target is to be reached as the input gives it ("within 6 months"); empty when it gives none, never invented`)},
			sourceProp(briefLines),
		))},
		schemaProp{"assumptions", arraySchema("assumptions: what the brief takes for granted; risks go in risks", stringSchema(""))},
		schemaProp{"risks", arraySchema("risks the brief names or its constraints make plain; empty when there are none, never invented", objectSchema("",
			schemaProp{"text", stringSchema("the risk: what could go wrong")},
			schemaProp{"mitigation", stringSchema("how the brief says the risk is reduced; empty when it says nothing, never invented")},
			sourceProp(briefLines),
		))},
		schemaProp{"open_questions", questionsSchema()},
	))
}

// StoriesSchema returns the JSON schema of the user stories, whose traces
// may name only frIDs, the PRD's functional requirements, and whose role
// only one of roles, the PRD's personas (see PersonaRoles).
func StoriesSchema(frIDs, roles []string) json.RawMessage {
	return marshalSchema(objectSchema("",
		schemaProp{"title", stringSchema("the product's name, as in the PRD")},
		schemaProp{"stories", arraySchema("user stories", objectSchema("",
			idProp(),
			schemaProp{"title", stringSchema("a short name for the story")},
			schemaProp{"role", refSchema(`who wants it, one of the PRD's personas: "patient" in "As a patient"`, roles)},
			schemaProp{"want", stringSchema(`what follows "I want": "to join the queue"`)},
			schemaProp{"so_that", stringSchema(`the benefit, without "so that", only as the PRD states or clearly implies it; empty when it gives none, never invented`)},
			schemaProp{"priority", stringSchema(`the priority of the requirement it delivers, as the PRD writes it ("Must", "P0"); the highest when it delivers several; empty when they have none`)},
			schemaProp{"size", &schemaNode{Type: "string", Description: "a hint of the story's size: S (a day or two), M (about a week), L (more; consider splitting); empty when there is no basis for one", Enum: append(slices.Clone(Sizes), "")}},
			schemaProp{"traces", refsSchema("IDs of the functional requirements the story delivers", frIDs)},
			schemaProp{"criteria", arraySchema("acceptance criteria", objectSchema(
				"for a criterion in Given/When/Then form fill given, when and then and leave text empty; otherwise put it in text and leave the others empty",
				idProp(),
				schemaProp{"kind", &schemaNode{Type: "string", Description: "the path it tests: main (the usual success), alternative (another way that also succeeds), error (invalid input, refusal, failure), edge (empty, limit, boundary)", Enum: CriterionKinds}},
				schemaProp{"given", stringSchema("the situation, without \"given\"")},
				schemaProp{"when", stringSchema("the action, without \"when\"")},
				schemaProp{"then", stringSchema("the outcome, without \"then\"")},
				schemaProp{"text", stringSchema("the criterion when it is not in Given/When/Then form")},
			))},
		))},
	))
}

// TechIDs are what a tech spec's answer may name, for TechSchema.
type TechIDs struct {
	Stories []string // the stories a task or an endpoint may serve
	NFRs    []string // the PRD's non-functional requirements
	FRs     []string // the PRD's functional requirements, which components serve and entities trace to
	// Components, Entities and Endpoints ("GET /teams") are those of a
	// design written before: a tasks request's tasks may name only them.
	// Empty for a request that writes the design itself.
	Components, Entities, Endpoints []string
	// Tasks are the IDs of the design's setup tasks, which a tasks
	// request's tasks may depend on besides their own.
	Tasks []string
	// FirstTask is the number of the answer's first task: 1, or the one
	// after the design's setup tasks.
	FirstTask int
}

// TechSchema returns the JSON schema of the tech spec, whose references
// may name only what ids holds.
func TechSchema(ids TechIDs) json.RawMessage {
	quality := "the PRD's non-functional requirements, carried over"
	if len(enumOf(ids.NFRs)) == 0 {
		quality += "; the PRD has none, so leave this empty"
	}
	return marshalSchema(objectSchema("",
		schemaProp{"title", stringSchema("the product's name, as in the PRD")},
		schemaProp{"overview", stringSchema("the architecture in a few sentences; may be empty")},
		schemaProp{"platform", stringSchema(`what the product runs as, as the PRD says it: "web app", "mobile app with offline sync", "desktop plugin", "CLI", "API only", "local single-user tool", "web app with no backend"; empty when it does not say`)},
		schemaProp{"components", arraySchema("the parts of the system: the apps people use, the services, the data stores, the external services it relies on", objectSchema("",
			schemaProp{"name", stringSchema("the component's name")},
			schemaProp{"kind", &schemaNode{Type: "string", Description: "what sort of part it is; the architecture diagram connects the parts by kind (apps call API services, services use data stores and external services); empty when none fits", Enum: append(slices.Clone(ComponentKinds), "")}},
			schemaProp{"technology", stringSchema(`what it is built with, as the PRD names it ("Next.js", "Supabase", "FastAPI"); empty when the PRD leaves it open (ask in open_questions instead of choosing)`)},
			schemaProp{"responsibility", stringSchema("its one responsibility")},
			schemaProp{"serves", refsSchema("IDs of the functional requirements it serves", ids.FRs)},
		))},
		schemaProp{"entities", arraySchema("the data model: the things the features act on, named in the singular", objectSchema("",
			schemaProp{"name", stringSchema(`the entity's name, singular ("Application")`)},
			schemaProp{"description", stringSchema("what it is; may be empty")},
			schemaProp{"fields", arraySchema("its attributes, as the PRD and stories give them", objectSchema("",
				schemaProp{"name", stringSchema("the field's name")},
				schemaProp{"type", stringSchema(`its type ("string", "timestamp", "enum"); may be empty`)},
				schemaProp{"required", &schemaNode{Type: "boolean", Description: "true when every stored item must have a value; false when the PRD marks it optional or does not say"}},
				schemaProp{"enum", arraySchema(`the values it may take, only as the PRD states them (status "Available", "Reserved"); empty otherwise`, stringSchema(""))},
				schemaProp{"notes", stringSchema("constraints or meaning; when the type is a guess, say so and ask in open_questions; may be empty")},
			))},
			schemaProp{"relationships", arraySchema("its links to other entities of this data model", objectSchema("",
				schemaProp{"target", stringSchema("the name of the other entity, exactly as in entities")},
				schemaProp{"kind", &schemaNode{Type: "string", Description: "belongs-to (many of this to one target: an interview belongs to an application), has-one, has-many (a list has many restaurants) or many-to-many", Enum: RelationshipKinds}},
				schemaProp{"note", stringSchema("what the link means, in a few words; may be empty")},
			))},
			schemaProp{"owner", stringSchema("who it belongs to: a persona of the PRD or another entity; empty when nobody in particular")},
			schemaProp{"traces", refsSchema("IDs of the functional requirements that call for it", ids.FRs)},
		))},
		schemaProp{"endpoints", arraySchema("the operations the stories need: for a JSON API its endpoints; for a server-rendered app its pages and form actions", objectSchema("",
			schemaProp{"kind", &schemaNode{Type: "string", Description: "api for a JSON API operation, page for a page the server renders, form for a form's action", Enum: EndpointKinds}},
			schemaProp{"method", stringSchema(`the HTTP method ("GET")`)},
			schemaProp{"path", stringSchema(`the path, a resource named after its entity ("/applications/{id}")`)},
			schemaProp{"name", stringSchema(`the route's name, when the PRD's framework names routes ("applications.index"); empty otherwise`)},
			schemaProp{"entity", stringSchema("the entity it acts on, exactly as in entities; empty when none")},
			schemaProp{"action", stringSchema(`what it does to the entity: list, get, create, update, delete, or a state change named by its verb ("archive", "reserve")`)},
			schemaProp{"summary", stringSchema("what the operation does")},
			schemaProp{"stories", refsSchema("IDs of the stories it serves", ids.Stories)},
		))},
		schemaProp{"quality", requirementsSchema(quality,
			schemaProp{"id", refSchema(`the PRD's ID of the requirement carried over ("NFR-001")`, ids.NFRs)})},
		schemaProp{"tasks", arraySchema("implementation tasks", taskSchema(ids))},
		schemaProp{"open_questions", questionsSchema()},
	))
}

// taskSchema is one task of a tech spec's answer: its own ID, so that
// others can depend on it, and the names of what it touches, from the
// design when one was written before.
func taskSchema(ids TechIDs) *schemaNode {
	first := max(ids.FirstTask, 1)
	idDesc := fmt.Sprintf("%s for the first task of this list, %s for the next, and so on: depends_on names tasks by these IDs (prodgen renumbers them)", KindTask.Format(first), KindTask.Format(first+1))
	deps := "IDs of the tasks that must be done before this one, from this list"
	if len(ids.Tasks) > 0 {
		deps += " or the design's setup tasks " + strings.Join(ids.Tasks, ", ")
	}
	names := func(desc string, known []string) *schemaNode {
		if len(enumOf(known)) == 0 {
			return arraySchema(desc+", exactly as the design names them", stringSchema(""))
		}
		return arraySchema(desc, &schemaNode{Type: "string", Enum: enumOf(known)})
	}
	return objectSchema("",
		schemaProp{"id", stringSchema(idDesc)},
		schemaProp{"text", stringSchema("the work to do")},
		schemaProp{"stories", refsSchema("IDs of the stories the task delivers; empty for a setup task", ids.Stories)},
		schemaProp{"setup", &schemaNode{Type: "boolean", Description: "true for work every story builds on and none delivers alone (project skeleton, CI, data store), which names no stories"}},
		schemaProp{"depends_on", arraySchema(deps+"; empty when it can start at once", stringSchema(""))},
		schemaProp{"parallel", &schemaNode{Type: "boolean", Description: "true when it can be done alongside the other tasks that can start when it can, touching none of what they touch"}},
		schemaProp{"size", &schemaNode{Type: "string", Description: "S (a day or two), M (about a week), L (more); empty when there is no basis for one", Enum: append(slices.Clone(Sizes), "")}},
		schemaProp{"components", names("the components it builds or changes", ids.Components)},
		schemaProp{"entities", names("the entities it builds or changes", ids.Entities)},
		schemaProp{"endpoints", names(`the endpoints it builds or changes, as "METHOD /path"`, ids.Endpoints)},
	)
}

func marshalSchema(n *schemaNode) json.RawMessage {
	b, err := json.Marshal(n)
	if err != nil {
		// Only strings, slices and pointers to them: marshalling cannot fail.
		panic(err)
	}
	return b
}
