package pyts

import (
	"fmt"
	"slices"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// An entity and its fields as the templates render them.

type entity struct {
	Key        string // Snake: the store's and the route table's name for it
	Name       string
	Collection string
	// Class is its Python class and TypeScript interface, Pascal unless
	// the generated code has the name already.
	Class  string
	Fields []*field
	// Inputs are the fields clients set: all but those actions record.
	Inputs []*field
	// Columns is the CSV header of an export.
	Columns []string
	// Served are the routes that serve it, "POST /things".
	Served []string
}

type field struct {
	Key      string // Snake, the JSON key
	Name     string
	Type     string
	Required bool
	// Managed says only actions set it.
	Managed bool
	// Values are an enum's values; EnumType names their Python Literal
	// and TypeScript union.
	Values   []string
	EnumType string
	// Ref is the key of the entity a reference names, else "".
	Ref string
	// Note is what a comment beside it says, "" for nothing.
	Note string
	// Sample is a valid value, Changed another one, Wrong values of other
	// types or formats that validation must reject, Outside a value an
	// enum does not list.
	Sample  any
	Changed any
	Wrong   []any
	Outside string
}

func newEntity(api *scaffold.API, i int, classes *classNamer) (*entity, error) {
	se := &api.Entities[i]
	e := &entity{Key: se.Snake, Name: se.Name, Collection: se.Collection, Class: classes.take(se.Pascal)}
	if !identRE().MatchString(se.Snake) || !identRE().MatchString(se.Pascal) {
		return nil, fmt.Errorf("entity %q: snake name %q or Pascal name %q is not an identifier", se.Name, se.Snake, se.Pascal)
	}
	if e.Name == "" {
		e.Name = se.Snake
	}
	if !segmentRE().MatchString(se.Collection) {
		return nil, fmt.Errorf("entity %q: collection %q is not a path segment", se.Name, se.Collection)
	}
	seen := map[string]bool{}
	for k, sf := range se.Fields {
		switch {
		case !identRE().MatchString(sf.Snake):
			return nil, fmt.Errorf("entity %q: field %q: snake name %q is not an identifier", se.Name, sf.Name, sf.Snake)
		case slices.Contains(reservedKeys, sf.Snake):
			return nil, fmt.Errorf("entity %q: field %q is one the app keeps itself", se.Name, sf.Snake)
		case seen[sf.Snake]:
			return nil, fmt.Errorf("entity %q: field %q appears twice", se.Name, sf.Snake)
		}
		seen[sf.Snake] = true
		f := &field{Key: sf.Snake, Name: sf.Name, Type: sf.Type, Required: sf.Required, Managed: sf.Managed,
			Note: line(api.FieldNote(i, k))}
		if f.Name == "" {
			f.Name = sf.Snake
		}
		for _, v := range sf.Enum {
			f.Values = append(f.Values, v.Value)
		}
		f.Sample, f.Changed, f.Wrong = sf.Example(0), sf.Example(1), sf.Wrong()
		if f.Type == scaffold.TypeEnum {
			f.Outside = outside(f.Values)
		}
		e.Fields = append(e.Fields, f)
		if !f.Managed {
			e.Inputs = append(e.Inputs, f)
		}
	}
	return e, nil
}

// outside is a value none of an enum's values is.
func outside(values []string) string {
	v := "not-a-listed-value"
	for slices.Contains(values, v) {
		v += "-x"
	}
	return v
}

// Text says the field's values are JSON strings, which a required one
// must not leave blank.
func (f *field) Text() bool {
	return f.Type != scaffold.TypeInteger && f.Type != scaffold.TypeNumber && f.Type != scaffold.TypeBoolean
}
