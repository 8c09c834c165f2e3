package artifact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

// schemaCases are the schemas under test, each with the type its answers
// decode into, and the fields of its types it leaves out on purpose
// besides those every schema leaves out (see notAsked).
var schemaCases = []struct {
	name     string
	schema   json.RawMessage
	into     func() any
	notAsked map[reflect.Type][]string
}{
	{"schema-prd", PRDSchema(30), func() any { return new(PRD) }, nil},
	{"schema-stories", StoriesSchema([]string{"FR-001", "FR-002", "FR-003"}, []string{"patient", "front-desk staff"}), func() any { return new(Stories) }, nil},
	{"schema-stories-no-ids", StoriesSchema(nil, nil), func() any { return new(Stories) }, nil},
	{"schema-tech", TechSchema(TechIDs{Stories: []string{"US-001", "US-002"}, NFRs: []string{"NFR-001", "NFR-002"}, FRs: []string{"FR-001", "FR-002"}}), func() any { return new(TechSpec) }, techNotAsked},
	{"schema-tech-no-ids", TechSchema(TechIDs{Stories: []string{}, NFRs: []string{}}), func() any { return new(TechSpec) }, techNotAsked},
	{"schema-tech-tasks", TechSchema(TechIDs{Stories: []string{"US-009"}, NFRs: []string{"NFR-001"}, FRs: []string{"FR-001"},
		Components: []string{"Web app", "API"}, Entities: []string{"Patient"}, Endpoints: []string{"GET /patients"}, Tasks: []string{"T-001"}, FirstTask: 2}),
		func() any { return new(TechSpec) }, techNotAsked},
}

// techNotAsked: a quality requirement names the PRD's by its ID; where it
// comes from in the brief, and its phase, are the PRD's to say.
var techNotAsked = map[reflect.Type][]string{reflect.TypeFor[Requirement](): {"Phase", "Source", "Also"}}

func TestSchemaGolden(t *testing.T) {
	for _, tt := range schemaCases {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := json.Indent(&out, tt.schema, "", "  "); err != nil {
				t.Fatalf("schema is not valid JSON: %v", err)
			}
			out.WriteByte('\n')
			golden.Check(t, filepath.Join("testdata", tt.name+".golden.json"), out.Bytes())
		})
	}
}

func TestSchemaDeterministic(t *testing.T) {
	ids := []string{"FR-001", "FR-002"}
	if !bytes.Equal(StoriesSchema(ids, nil), StoriesSchema(ids, nil)) || !bytes.Equal(PRDSchema(30), PRDSchema(30)) {
		t.Error("two calls gave different bytes")
	}
}

// TestSchemaStrict checks the rules of OpenAI's strict mode on every node.
func TestSchemaStrict(t *testing.T) {
	for _, tt := range schemaCases {
		t.Run(tt.name, func(t *testing.T) {
			root := decodeSchema(t, tt.schema)
			if root["type"] != "object" {
				t.Errorf("root type %v, want object", root["type"])
			}
			checkStrict(t, "$", root)
		})
	}
}

// schemaKeys are the keywords the schemas may use.
var schemaKeys = []string{"type", "description", "enum", "minimum", "maximum", "items", "properties", "required", "additionalProperties"}

func checkStrict(t *testing.T, path string, n map[string]any) {
	t.Helper()
	for k := range n {
		if !slices.Contains(schemaKeys, k) {
			t.Errorf("%s: unexpected keyword %q", path, k)
		}
	}
	if enum, ok := n["enum"]; ok {
		if list, _ := enum.([]any); len(list) == 0 {
			t.Errorf("%s: empty enum", path)
		}
	}
	switch n["type"] {
	case "string", "boolean":
	case "integer":
		low, okLow := n["minimum"].(float64)
		high, okHigh := n["maximum"].(float64)
		if !okLow || !okHigh || low > high {
			t.Errorf("%s: integer from %v to %v, want both bounds", path, n["minimum"], n["maximum"])
		}
	case "array":
		items, ok := n["items"].(map[string]any)
		if !ok {
			t.Fatalf("%s: array without items", path)
		}
		checkStrict(t, path+"[]", items)
	case "object":
		if n["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties is %v, want false", path, n["additionalProperties"])
		}
		props, _ := n["properties"].(map[string]any)
		if len(props) == 0 {
			t.Fatalf("%s: object without properties", path)
		}
		var required []string
		for _, r := range n["required"].([]any) {
			required = append(required, r.(string))
		}
		var names []string
		for name := range props {
			names = append(names, name)
		}
		slices.Sort(names)
		slices.Sort(required)
		if !slices.Equal(required, names) {
			t.Errorf("%s: required %v, properties %v", path, required, names)
		}
		for _, name := range names {
			checkStrict(t, path+"."+name, props[name].(map[string]any))
		}
	default:
		t.Errorf("%s: type %v", path, n["type"])
	}
}

// TestSchemaCoversStruct fills every field of each type, marshals it, and
// walks the JSON beside the schema: each key must be a property at the
// same level, with the same type, and each property must be a key. A
// field added to a type but not to its schema, or the other way round,
// fails here.
func TestSchemaCoversStruct(t *testing.T) {
	for _, tt := range schemaCases {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.into()
			fill(reflect.ValueOf(v).Elem(), tt.notAsked)
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			matchSchema(t, "$", doc, decodeSchema(t, tt.schema))
		})
	}
}

// notAsked are the fields every schema leaves out on purpose, by type:
// what a person writes and a model is never asked for.
var notAsked = map[reflect.Type][]string{
	reflect.TypeFor[Story](): {"Text"}, // a story sentence in another form
}

// fill sets every string to "x" and every integer to 1, and gives every
// slice one filled element, leaving out unexported fields and those in
// notAsked or more.
func fill(v reflect.Value, more map[reflect.Type][]string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int:
		v.SetInt(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), more)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.IsExported() && !slices.Contains(notAsked[v.Type()], f.Name) && !slices.Contains(more[v.Type()], f.Name) {
				fill(v.Field(i), more)
			}
		}
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

func matchSchema(t *testing.T, path string, doc any, n map[string]any) {
	t.Helper()
	switch d := doc.(type) {
	case string:
		if n["type"] != "string" {
			t.Errorf("%s: a string in the struct, %v in the schema", path, n["type"])
		}
	case bool:
		if n["type"] != "boolean" {
			t.Errorf("%s: a bool in the struct, %v in the schema", path, n["type"])
		}
	case float64:
		if n["type"] != "integer" {
			t.Errorf("%s: a number in the struct, %v in the schema", path, n["type"])
		}
	case []any:
		items, _ := n["items"].(map[string]any)
		if n["type"] != "array" || items == nil {
			t.Errorf("%s: an array in the struct, %v in the schema", path, n["type"])
			return
		}
		for _, e := range d {
			matchSchema(t, path+"[]", e, items)
		}
	case map[string]any:
		props, _ := n["properties"].(map[string]any)
		if n["type"] != "object" {
			t.Errorf("%s: an object in the struct, %v in the schema", path, n["type"])
			return
		}
		for k, v := range d {
			p, ok := props[k].(map[string]any)
			if !ok {
				t.Errorf("%s: field %q is not in the schema", path, k)
				continue
			}
			matchSchema(t, path+"."+k, v, p)
		}
		for k := range props {
			if _, ok := d[k]; !ok {
				t.Errorf("%s: schema property %q is not a field of the type", path, k)
			}
		}
	default:
		t.Errorf("%s: unexpected JSON value %T", path, doc)
	}
}

// TestSchemaAnswerDecodes builds the fullest answer each schema allows,
// with keys in schema order, and decodes it strictly into the type, as the
// pipeline will. Marshalled back it must give the same bytes, so no field
// is lost and the schema lists properties in the order of the struct.
func TestSchemaAnswerDecodes(t *testing.T) {
	for _, tt := range schemaCases {
		t.Run(tt.name, func(t *testing.T) {
			var n orderedNode
			if err := json.Unmarshal(tt.schema, &n); err != nil {
				t.Fatal(err)
			}
			var answer bytes.Buffer
			n.sample(&answer)
			dec := json.NewDecoder(bytes.NewReader(answer.Bytes()))
			dec.DisallowUnknownFields()
			v := tt.into()
			if err := dec.Decode(v); err != nil {
				t.Fatalf("decode: %v\nanswer: %s", err, answer.Bytes())
			}
			back, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(back, answer.Bytes()) {
				t.Errorf("decoded answer marshals differently:\n got %s\nwant %s", back, answer.Bytes())
			}
		})
	}
}

// orderedNode is a schema node that keeps its properties in order.
type orderedNode struct {
	Type       string       `json:"type"`
	Enum       []string     `json:"enum"`
	Items      *orderedNode `json:"items"`
	Properties orderedProps `json:"properties"`
}

type orderedProps []struct {
	name string
	node orderedNode
}

func (ps *orderedProps) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var n orderedNode
		if err := dec.Decode(&n); err != nil {
			return err
		}
		*ps = append(*ps, struct {
			name string
			node orderedNode
		}{tok.(string), n})
	}
	return nil
}

// sample writes a value that conforms to the node: every property set,
// every array with one element, every enum at its first value.
func (n *orderedNode) sample(w *bytes.Buffer) {
	switch n.Type {
	case "array":
		w.WriteByte('[')
		n.Items.sample(w)
		w.WriteByte(']')
	case "object":
		w.WriteByte('{')
		for i, p := range n.Properties {
			if i > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, "%q:", p.name)
			p.node.sample(w)
		}
		w.WriteByte('}')
	case "integer":
		w.WriteByte('1')
	case "boolean":
		w.WriteString("true")
	default:
		s := "x"
		if len(n.Enum) > 0 {
			s = n.Enum[0]
		}
		fmt.Fprintf(w, "%q", s)
	}
}

func decodeSchema(t *testing.T, schema json.RawMessage) map[string]any {
	t.Helper()
	var n map[string]any
	if err := json.Unmarshal(schema, &n); err != nil {
		t.Fatalf("schema is not valid JSON: %v", err)
	}
	return n
}

func TestSchemaRefs(t *testing.T) {
	tests := []struct {
		name     string
		schema   json.RawMessage
		path     []string // properties from the root to the reference list
		wantEnum []any    // nil: no enum
	}{
		{"story traces", StoriesSchema([]string{"FR-002", "FR-001"}, nil), []string{"stories", "traces"}, []any{"FR-002", "FR-001"}},
		{"duplicates and blanks dropped", StoriesSchema([]string{"FR-001", "", "FR-001"}, nil), []string{"stories", "traces"}, []any{"FR-001"}},
		{"no FRs", StoriesSchema(nil, nil), []string{"stories", "traces"}, nil},
		{"only a blank", StoriesSchema([]string{""}, nil), []string{"stories", "traces"}, nil},
		{"task stories", TechSchema(TechIDs{Stories: []string{"US-001"}}), []string{"tasks", "stories"}, []any{"US-001"}},
		{"endpoint stories", TechSchema(TechIDs{Stories: []string{"US-001"}}), []string{"endpoints", "stories"}, []any{"US-001"}},
		{"no stories", TechSchema(TechIDs{}), []string{"endpoints", "stories"}, nil},
		{"component requirements", TechSchema(TechIDs{FRs: []string{"FR-002"}}), []string{"components", "serves"}, []any{"FR-002"}},
		{"entity traces", TechSchema(TechIDs{FRs: []string{"FR-002"}}), []string{"entities", "traces"}, []any{"FR-002"}},
		{"no FRs to serve", TechSchema(TechIDs{}), []string{"components", "serves"}, nil},
		{"task components from the design", TechSchema(TechIDs{Components: []string{"Web app", "API", "Web app"}}), []string{"tasks", "components"}, []any{"Web app", "API"}},
		{"task entities from the design", TechSchema(TechIDs{Entities: []string{"Patient"}}), []string{"tasks", "entities"}, []any{"Patient"}},
		{"task endpoints from the design", TechSchema(TechIDs{Endpoints: []string{"GET /patients"}}), []string{"tasks", "endpoints"}, []any{"GET /patients"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := decodeSchema(t, tt.schema)
			for i, p := range tt.path {
				n = n["properties"].(map[string]any)[p].(map[string]any)
				if i < len(tt.path)-1 {
					n = n["items"].(map[string]any)
				}
			}
			items := n["items"].(map[string]any)
			enum, _ := items["enum"].([]any)
			if !reflect.DeepEqual(enum, tt.wantEnum) {
				t.Errorf("enum %v, want %v", enum, tt.wantEnum)
			}
			if desc, _ := n["description"].(string); tt.wantEnum == nil && !strings.Contains(desc, "leave this empty") {
				t.Errorf("description %q does not say to leave the list empty", desc)
			}
		})
	}
}

// TestSchemaQualityIDs checks that a quality requirement of the tech spec
// may carry over only an NFR the PRD has: its ID is an enum of them, and
// with none the list is to be left empty.
func TestSchemaQualityIDs(t *testing.T) {
	tests := []struct {
		name     string
		nfrIDs   []string
		wantEnum []any
	}{
		{"the PRD's NFRs", []string{"NFR-001", "NFR-003", "NFR-001", ""}, []any{"NFR-001", "NFR-003"}},
		{"no NFRs", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quality := decodeSchema(t, TechSchema(TechIDs{Stories: []string{"US-001"}, NFRs: tt.nfrIDs}))["properties"].(map[string]any)["quality"].(map[string]any)
			id := quality["items"].(map[string]any)["properties"].(map[string]any)["id"].(map[string]any)
			enum, _ := id["enum"].([]any)
			if !reflect.DeepEqual(enum, tt.wantEnum) {
				t.Errorf("quality id enum %v, want %v", enum, tt.wantEnum)
			}
			if desc, _ := quality["description"].(string); tt.wantEnum == nil && !strings.Contains(desc, "leave this empty") {
				t.Errorf("description %q does not say to leave the list empty", desc)
			}
		})
	}
}
