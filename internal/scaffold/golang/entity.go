package golang

import (
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// entity is a stored resource and the code the templates emit for it.
type entity struct {
	scaffold.Entity
	// Fields are the spec's fields, plus status when an action needs it;
	// Status is the field actions set, or nil.
	Fields []*field
	Status *field
	// Used says an endpoint serves the entity, so the server keeps a store.
	Used bool
	// HasInput says the code needs the input body type: a create or update
	// endpoint decodes it, or a test seeds the store with it. Decoded says
	// an endpoint decodes it, so it needs validate.
	HasInput bool
	Decoded  bool
	// Export says csvHeader and csvRow are needed.
	Export bool
	// Seed says tests need a stored item; Create is the endpoint that
	// makes one over HTTP, or nil when the test writes to the store.
	Seed   bool
	Create *endpoint
	// Sample and Update are JSON bodies with every input field set, to
	// create an item and then to change every field.
	Sample string
	Update string

	// The Go names of the entity's code, unique in the package: the
	// server's store field, the input type, the tests' seed function and
	// their sample bodies.
	Store       string
	Input       string
	SeedFunc    string
	SampleConst string
	UpdateConst string
	// fieldNames are the struct's field names.
	fieldNames namer
}

// field is one attribute of an entity.
type field struct {
	scaffold.Field
	// GoName is the struct field's name: Pascal, unless the struct has it.
	GoName string
	GoType string
	// Input is false for a status the generator added: only actions set it.
	Input bool
	// CSV is the Go expression that formats the field of item v for CSV.
	CSV string
	// SampleJSON and UpdateJSON are JSON values for the samples.
	SampleJSON string
	UpdateJSON string
}

// goTypes maps the plan's field types to Go types.
var goTypes = map[string]string{
	"string":    "string",
	"integer":   "int64",
	"number":    "float64",
	"boolean":   "bool",
	"timestamp": "time.Time",
}

func newEntity(e scaffold.Entity, pkg namer) *entity {
	v := &entity{
		Entity:      e,
		Store:       pkg.take(e.Camel + "Store"),
		Input:       pkg.take(e.Pascal + "Input"),
		SeedFunc:    pkg.take("seed" + e.Pascal),
		SampleConst: pkg.take(e.Camel + "Sample"),
		UpdateConst: pkg.take(e.Camel + "Update"),
		fieldNames:  namer{"ID": true, "CreatedAt": true, "UpdatedAt": true},
	}
	for _, f := range e.Fields {
		v.Fields = append(v.Fields, newField(f, v.fieldNames.take(f.Pascal), true))
	}
	return v
}

func newField(f scaffold.Field, goName string, input bool) *field {
	v := &field{Field: f, GoName: goName, GoType: goTypes[f.Type], Input: input}
	sel := "v." + goName
	switch f.Type {
	case "integer":
		v.CSV = "strconv.FormatInt(" + sel + ", 10)"
		v.SampleJSON, v.UpdateJSON = "42", "43"
	case "number":
		v.CSV = "strconv.FormatFloat(" + sel + ", 'g', -1, 64)"
		v.SampleJSON, v.UpdateJSON = "1.5", "2.5"
	case "boolean":
		v.CSV = "strconv.FormatBool(" + sel + ")"
		v.SampleJSON, v.UpdateJSON = "true", "false"
	case "timestamp":
		v.CSV = "formatTime(" + sel + ")"
		v.SampleJSON, v.UpdateJSON = `"2024-01-02T03:04:05Z"`, `"2024-02-03T04:05:06Z"`
	default:
		v.CSV = sel
		v.SampleJSON, v.UpdateJSON = `"`+f.Snake+` 1"`, `"`+f.Snake+` 2"`
	}
	return v
}

// addStatus gives an entity with actions a string status field, once. A
// status field the spec gave another type becomes a string, since actions
// write words to it.
func (e *entity) addStatus() {
	if e.Status != nil {
		return
	}
	for _, f := range e.Fields {
		if f.Snake == "status" {
			if f.Type != "string" {
				spec := f.Field
				spec.Type = "string"
				*f = *newField(spec, f.GoName, f.Input)
			}
			e.Status = f
			return
		}
	}
	e.Status = newField(scaffold.Field{Name: "status", Pascal: "Status", Camel: "status", Snake: "status", Type: "string"},
		e.fieldNames.take("Status"), false)
	e.Fields = append(e.Fields, e.Status)
}

func (e *entity) needsStrconv() bool {
	for _, f := range e.Fields {
		if strings.HasPrefix(f.CSV, "strconv.") {
			return true
		}
	}
	return false
}

// namer hands out Go names, numbering one that is taken: "noteStore",
// "noteStore2".
type namer map[string]bool

func (n namer) take(name string) string {
	unique := name
	for i := 2; n[unique]; i++ {
		unique = name + strconv.Itoa(i)
	}
	n[unique] = true
	return unique
}

// fixedNames are the package-level names of the generated code, with the
// server's fields and methods, which no derived name may take.
var fixedNames = []string{
	"main", "server", "newServer", "mux", "ServeHTTP", "statusProbe", "store", "newStore",
	"apiError", "newError", "notFound", "requiredField", "input", "decode", "decodeError",
	"writeJSON", "writeError", "maxBodyBytes", "formatTime",
	"do", "decodeJSON", "assertFields", "assertError",
}

// packageNamer returns a namer holding the fixed names and the API's own:
// entity types and endpoint tests, which keep their names.
func packageNamer(api *scaffold.API) namer {
	n := namer{}
	for _, name := range fixedNames {
		n[name] = true
	}
	for _, e := range api.Entities {
		n[e.Pascal] = true
	}
	for _, ep := range api.Endpoints {
		n["Test"+ep.TestName] = true
	}
	return n
}
