package scaffold

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// An entity's fields: each spec field named and typed, the references
// relationships and nested routes call for, and which are required.

// addFields names and types the spec's fields of each entity; see Plan.
// The spec says which fields are required only when it marks one of its
// data model's: otherwise each entity's first field that is neither a
// date, a timestamp nor a reference is.
func (p *planner) addFields(specs []artifact.Entity) {
	known := slices.ContainsFunc(specs, func(e artifact.Entity) bool {
		return slices.ContainsFunc(e.Fields, func(f artifact.Field) bool { return f.Required })
	})
	for i, e := range specs {
		for j, f := range e.Fields {
			id := newIdent(f.Name, fmt.Sprintf("field%d", j+1))
			if slices.Contains(builtinFields, id.Snake) {
				continue
			}
			fld := p.newField(i, f.Name, id)
			p.typeField(&fld, f)
			fld.Required = known && f.Required
			p.api.Entities[i].Fields = append(p.api.Entities[i].Fields, fld)
		}
		if known {
			continue
		}
		fields := p.api.Entities[i].Fields
		if k := slices.IndexFunc(fields, func(f Field) bool {
			return f.Type != TypeTimestamp && f.Type != TypeDate && f.Type != TypeReference && !strings.HasSuffix(f.Snake, "_id")
		}); k >= 0 {
			fields[k].Required = true
		}
	}
}

// newField names a field of entity e, unique among its fields; a name
// with no usable character is named after id.
func (p *planner) newField(e int, name string, id ident) Field {
	id.Kebab, id.Collection = "", "" // a field has no URL of its own
	id = p.fieldNames[e].unique(id)
	name = oneLine(name)
	if words(name) == nil {
		name = id.Snake
	}
	return Field{Name: name, Pascal: id.Pascal, Camel: id.Camel, Snake: id.Snake}
}

// typeField types a field from the spec's; see typeOf. A field typed as
// a string, a UUID, a bare reference or nothing whose notes say it
// references an entity ("References an Invoice.") is a reference to it.
func (p *planner) typeField(fld *Field, f artifact.Field) {
	written := oneLine(f.Type)
	fld.Type, fld.Ref, fld.Unknown = p.typeOf(written, fld.Snake)
	if (fld.Type == TypeString || fld.Type == TypeUUID) && len(f.Enum) == 0 && (saysReference(written) || written == "") {
		if i := p.refInNotes(f.Notes); i >= 0 {
			fld.Type, fld.Ref, fld.Unknown = TypeReference, i, false
		}
	}
	if vals := enumValues(f.Enum); len(vals) > 0 && (fld.Type == TypeString || fld.Type == TypeEnum) {
		fld.Type, fld.Enum, fld.Unknown = TypeEnum, vals, false
	}
	if fld.Type == TypeEnum && len(fld.Enum) == 0 {
		// An enum with no values stated holds any string.
		fld.Type, fld.Unknown = TypeString, true
	}
	if !strings.EqualFold(written, fld.Type) && !(fld.Type == TypeReference && saysReference(written)) {
		fld.Spec = written
	}
}

// saysReference says a reference's type as written adds nothing to its
// being one: a string, a UUID, or words that say reference.
func saysReference(written string) bool {
	w := words(written)
	typ, _ := scalarType(w)
	return typ == TypeString || typ == TypeUUID || slices.ContainsFunc(w, func(s string) bool { return refMarkers[s] })
}

// typeOf reads a spec's type, as written, into one of FieldTypes; for a
// reference, also the index of the entity it names; unknown says the type
// is none it knows, which is then a string. In order:
//
//   - a type that says reference, ref, fk or foreign ("uuid, references
//     Account", "reference to Application", "fk") is a reference to the
//     entity its other words name, else to the one the field's name does
//     ("account_id", "account"), else an unknown string (unless its notes
//     name one; see typeField);
//   - a type that is a string, UUID or integer, or none, of a field named
//     after an entity and "_id" ("invoice_id") is a reference to it, since
//     prototypes' IDs are strings;
//   - a type Plan knows by its words (see scalarTypes) is that type;
//   - a type that names an entity ("Application") is a reference to it;
//   - anything else is an unknown string.
func (p *planner) typeOf(written, snake string) (string, int, bool) {
	w := words(written)
	if slices.ContainsFunc(w, func(s string) bool { return refMarkers[s] }) {
		if i := p.find(strings.Join(slices.DeleteFunc(slices.Clone(w), func(s string) bool { return refFiller[s] }), "-")); i >= 0 {
			return TypeReference, i, false
		}
		if i := p.refByName(snake); i >= 0 {
			return TypeReference, i, false
		}
		if i := p.find(strings.ReplaceAll(snake, "_", "-")); i >= 0 {
			return TypeReference, i, false // a field named after its entity
		}
		return TypeString, 0, true
	}
	typ, ok := scalarType(w)
	if strings.Contains(written, "[]") || len(w) > 0 && collectionWords[w[0]] {
		typ, ok = "", false // a list of values: not one Plan types
	}
	if i := p.refByName(snake); i >= 0 && (typ == TypeString || typ == TypeUUID || typ == TypeInteger) {
		return TypeReference, i, false
	}
	if ok {
		return typ, 0, false
	}
	if i := p.find(strings.Join(w, "-")); i >= 0 {
		return TypeReference, i, false
	}
	return TypeString, 0, true
}

// refByName returns the entity a field named "<entity>_id" names, or -1.
func (p *planner) refByName(snake string) int {
	name, ok := strings.CutSuffix(snake, "_id")
	if !ok || name == "" {
		return -1
	}
	return p.find(strings.ReplaceAll(name, "_", "-"))
}

// refInNotes returns the entity a field's notes say it references
// ("References an Invoice.", "refers to the line item"), or -1.
func (p *planner) refInNotes(notes string) int {
	w := words(notes)
	for i, word := range w {
		if word != "references" && word != "reference" && word != "refers" {
			continue
		}
		rest := w[i+1:]
		for len(rest) > 0 && refFiller[rest[0]] {
			rest = rest[1:]
		}
		for n := min(len(rest), 3); n > 0; n-- {
			if e := p.find(strings.Join(rest[:n], "-")); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// refMarkers are the words that make a type a reference; refFiller are
// the words around the entity's name in one.
var (
	refMarkers = set("reference references ref refs fk foreign")
	refFiller  = set(`reference references ref refs fk foreign key to a an the of id uuid guid
		string text integer int bigint link`)
)

// collectionWords start a type that holds many values.
var collectionWords = set("array list set map json jsonb object")

// scalarTypes map the words that say a type to the plan's types: the
// first word decides ("decimal(10,2)", "int64", "varchar 255"), except
// for the phrases in typePhrases. A type with no words is a string.
var scalarTypes = func() map[string]string {
	m := map[string]string{}
	for typ, spellings := range map[string]string{
		TypeString:    "string str text varchar nvarchar char character citext longtext mediumtext tinytext clob",
		TypeInteger:   "integer int uint long short bigint smallint tinyint serial bigserial smallserial count",
		TypeNumber:    "number float double decimal numeric real money currency",
		TypeBoolean:   "boolean bool",
		TypeDate:      "date",
		TypeTimestamp: "timestamp timestamptz datetime instant",
		TypeURL:       "url uri href",
		TypeEmail:     "email",
		TypeUUID:      "uuid guid",
		TypeEnum:      "enum enumeration",
	} {
		for _, s := range strings.Fields(spellings) {
			m[s] = typ
		}
	}
	return m
}()

// typePhrases are types of more than one word whose first word alone
// says another type.
var typePhrases = []struct {
	words []string
	typ   string
}{
	{[]string{"date", "time"}, TypeTimestamp},
	{[]string{"e", "mail"}, TypeEmail},
}

// scalarType types a spec's type by its words; ok is false for one it
// does not know.
func scalarType(w []string) (string, bool) {
	if len(w) == 0 {
		return TypeString, true
	}
	for _, ph := range typePhrases {
		if len(w) >= len(ph.words) && slices.Equal(w[:len(ph.words)], ph.words) {
			return ph.typ, true
		}
	}
	first := strings.TrimRight(w[0], "0123456789") // "int64", "float32"
	typ, ok := scalarTypes[first]
	return typ, ok
}

// enumValues are the values of an enum as the spec states them, each on
// one line and in UTF-8 (as JSON carries them), without empty ones or
// repeats, each named in Pascal case.
func enumValues(in []string) []EnumValue {
	names := newNamer()
	var out []EnumValue
	for i, v := range in {
		v = oneLine(strings.ToValidUTF8(v, "\uFFFD"))
		if v == "" || slices.ContainsFunc(out, func(e EnumValue) bool { return e.Value == v }) {
			continue
		}
		out = append(out, EnumValue{Value: v, Pascal: names.unique(newIdent(v, fmt.Sprintf("value%d", i+1))).Pascal})
	}
	return out
}

// addRelationships gives each relationship of the spec's entities a
// reference, unless a field is one already: an entity that belongs to
// another refers to it (a required field), one that has one or many of
// another is referred to (optional). An owner that is an entity is one
// the entity belongs to, optionally. Many-to-many relationships and
// targets that are not entities are left out.
func (p *planner) addRelationships(specs []artifact.Entity) {
	// Belongs-to first, so that the reference it adds is required even
	// when the other entity also says it has many.
	for _, belongs := range []bool{true, false} {
		for i, e := range specs {
			for _, rel := range e.Relationships {
				t := p.find(strings.Join(words(rel.Target), "-"))
				switch kind := strings.TrimSpace(rel.Kind); {
				case t < 0:
				case belongs && kind == "belongs-to":
					p.reference(i, t, true)
				case !belongs && (kind == "has-one" || kind == "has-many"):
					p.reference(t, i, false)
				}
			}
			if t := p.find(strings.Join(words(e.Owner), "-")); t >= 0 && !belongs {
				p.reference(i, t, false)
			}
		}
	}
}

// reference returns the index of entity e's first reference to entity
// target, adding one named "<target>_id" when it has none.
func (p *planner) reference(e, target int, required bool) int {
	fields := p.api.Entities[e].Fields
	if k := slices.IndexFunc(fields, func(f Field) bool { return f.Type == TypeReference && f.Ref == target }); k >= 0 {
		return k
	}
	t := p.api.Entities[target]
	fld := p.newField(e, "", newIdent(t.Name+" id", "ref"))
	fld.Type, fld.Ref, fld.Required = TypeReference, target, required
	p.api.Entities[e].Fields = append(fields, fld)
	return len(fields)
}

// addParents gives each endpoint whose path nests its collection under an
// entity of the data model, or one an endpoint creates, that entity as
// its Parent, and its entity a reference to it if it has none.
func (p *planner) addParents() {
	creates := map[int]bool{}
	for _, ep := range p.api.Endpoints {
		creates[ep.Entity] = creates[ep.Entity] || ep.Op == OpCreate
	}
	for i := range p.api.Endpoints {
		r, ok := p.nested[i]
		if !ok {
			continue
		}
		parent := p.find(r.parent)
		if parent < 0 || parent >= p.specEntities && !creates[parent] {
			continue
		}
		ep := &p.api.Endpoints[i]
		ep.Parent = &Parent{Entity: parent, Param: r.parentID, Field: p.reference(ep.Entity, parent, false)}
	}
}
