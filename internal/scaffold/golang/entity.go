package golang

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// entity is a stored resource and the code the templates emit for it.
type entity struct {
	scaffold.Entity
	// Fields are the plan's fields; Inputs those a client sets, the others
	// being the timestamps actions record.
	Fields []*field
	Inputs []*field
	// Enums are its enum fields, each with a Go type of its own.
	Enums []*field
	// Refs are its input fields that name another entity's item.
	Refs []*field
	// Stored says the server keeps a store for it: an endpoint serves it,
	// or a reference or a nested route names its items.
	Stored bool
	// HasInput says the code needs the input body type: a create or update
	// endpoint decodes it, or a test seeds the store with it. Decoded says
	// an endpoint decodes it, so it needs validate.
	HasInput bool
	Decoded  bool
	// Export says csvHeader and csvRow are needed.
	Export bool
	// Seed says tests store items of it.
	Seed bool
	// Sample and Update are JSON bodies with every input field set, to
	// create an item and then to change every field.
	Sample string
	Update string

	// The Go names of the entity's code, unique in the package: the
	// server's store field, the input type, the server's method that
	// checks references, the tests' seed function and their sample bodies.
	Store       string
	Input       string
	CheckRefs   string
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
	// GoType is the stored field's type, InType the input's (the one a
	// pointer to it holds).
	GoType string
	// Note is the comment beside it, "" for none.
	Note string
	// Target is the entity a reference names, else nil.
	Target *entity
	// Values are an enum's constants; Message says which values it takes.
	Values  []enumValue
	Message string
	// Time says the field holds a time.Time (a pointer for one an action
	// sets).
	Time bool
	// CSV is the Go expression that formats the field of item v for CSV.
	CSV string
	// SampleJSON and UpdateJSON are JSON values for the samples.
	SampleJSON string
	UpdateJSON string
}

// enumValue is one constant of an enum type.
type enumValue struct {
	Const string
	Value string
}

// goTypes maps the plan's field types to Go types; an enum has a type of
// its own, and the types a JSON string holds are strings checked by
// validate.
var goTypes = map[string]string{
	scaffold.TypeString:    "string",
	scaffold.TypeInteger:   "int64",
	scaffold.TypeNumber:    "float64",
	scaffold.TypeBoolean:   "bool",
	scaffold.TypeDate:      "string",
	scaffold.TypeTimestamp: "time.Time",
	scaffold.TypeURL:       "string",
	scaffold.TypeEmail:     "string",
	scaffold.TypeUUID:      "string",
	scaffold.TypeEnum:      "",
	scaffold.TypeReference: "string",
}

// checks are the functions validate calls for a type a JSON string holds,
// and what they say of a value they refuse.
var checks = map[string]struct{ fn, want string }{
	scaffold.TypeDate:  {"isDate", "must be a date such as 2024-05-01"},
	scaffold.TypeURL:   {"isURL", "must be an absolute http or https URL"},
	scaffold.TypeEmail: {"isEmail", "must be an email address"},
	scaffold.TypeUUID:  {"isUUID", "must be a UUID such as 123e4567-e89b-42d3-a456-426614174000"},
}

func newEntity(api *scaffold.API, i int, pkg namer) *entity {
	e := api.Entities[i]
	v := &entity{
		Entity:      e,
		Store:       pkg.take(e.Camel + "Store"),
		Input:       pkg.take(e.Pascal + "Input"),
		CheckRefs:   pkg.take("check" + e.Pascal + "Refs"),
		SeedFunc:    pkg.take("seed" + e.Pascal),
		SampleConst: pkg.take(e.Camel + "Sample"),
		UpdateConst: pkg.take(e.Camel + "Update"),
		fieldNames:  namer{"ID": true, "CreatedAt": true, "UpdatedAt": true},
	}
	for k, f := range e.Fields {
		fv := newField(f, v.fieldNames.take(f.Pascal))
		fv.Note = oneLine(api.FieldNote(i, k))
		if f.Type == scaffold.TypeEnum {
			fv.GoType = pkg.take(e.Pascal + f.Pascal)
			var names []string
			for _, ev := range f.Enum {
				fv.Values = append(fv.Values, enumValue{Const: pkg.take(fv.GoType + ev.Pascal), Value: ev.Value})
				names = append(names, ev.Value)
			}
			fv.Message = "must be one of " + strings.Join(names, ", ")
			v.Enums = append(v.Enums, fv)
		}
		v.Fields = append(v.Fields, fv)
		if !f.Managed {
			v.Inputs = append(v.Inputs, fv)
		}
	}
	return v
}

func newField(f scaffold.Field, goName string) *field {
	v := &field{Field: f, GoName: goName, GoType: goTypes[f.Type], Time: f.Type == scaffold.TypeTimestamp}
	if f.Managed && v.Time {
		v.GoType = "*time.Time" // nil until an action sets it
	}
	sel := "v." + goName
	switch f.Type {
	case scaffold.TypeInteger:
		v.CSV = "strconv.FormatInt(" + sel + ", 10)"
	case scaffold.TypeNumber:
		v.CSV = "strconv.FormatFloat(" + sel + ", 'g', -1, 64)"
	case scaffold.TypeBoolean:
		v.CSV = "strconv.FormatBool(" + sel + ")"
	case scaffold.TypeTimestamp:
		v.CSV = "formatTime(" + sel + ")"
		if f.Managed {
			v.CSV = "formatTimePtr(" + sel + ")"
		}
	case scaffold.TypeEnum:
		v.CSV = "string(" + sel + ")"
	default:
		v.CSV = sel
	}
	v.SampleJSON, v.UpdateJSON = jsonValue(f.Example(0)), jsonValue(f.Example(1))
	return v
}

// jsonValue writes a sample value as JSON.
func jsonValue(v any) string {
	// Marshaling a string, number or boolean cannot fail.
	b, _ := json.Marshal(v)
	return string(b)
}

// List is an enum's values, comma-separated.
func (f *field) List() string {
	var vs []string
	for _, v := range f.Values {
		vs = append(vs, v.Value)
	}
	return strings.Join(vs, ", ")
}

// Check is the function validate calls on the field's value, "" for none.
func (f *field) Check() string { return checks[f.Type].fn }

// Want says what Check wants of the field's value.
func (f *field) Want() string { return checks[f.Type].want }

// Text says the field holds a JSON string, which a required one must not
// leave empty.
func (f *field) Text() bool { return goTypes[f.Type] == "string" || f.Type == scaffold.TypeEnum }

// needsStrconv says csvRow formats a number or a boolean.
func (e *entity) needsStrconv() bool {
	for _, f := range e.Fields {
		if strings.HasPrefix(f.CSV, "strconv.") {
			return true
		}
	}
	return false
}

// field returns the entity's field at index k of the plan.
func (e *entity) field(k int) *field { return e.Fields[k] }

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
	"apiError", "newError", "fieldError", "notFound", "requiredField", "invalidField", "invalidValue",
	"unknownReference", "fromPath", "decode", "decodeError", "isDate", "isURL", "isEmail", "isUUID",
	"emailRE", "uuidRE", "writeJSON", "writeError", "maxBodyBytes", "formatTime", "formatTimePtr",
	"route", "handle", "routes", "fillParams",
	"do", "decodeJSON", "assertFields", "assertError", "assertFieldError", "wantStatus", "itemID",
	"assertListed", "withField", "withoutField",
}

// packageNamer returns a namer holding the fixed names and the API's own:
// entity types and endpoint and story tests, which keep their names.
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
	for _, s := range api.Stories {
		n["Test"+s.TestName] = true
	}
	return n
}
