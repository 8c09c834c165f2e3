package scaffold

import "strings"

// The values generated tests send, the same in every language.

// Example is a valid JSON value of the field: with i 0 the one tests
// create items with, with i 1 another that an update changes it to (the
// same where the type has only one, as a one-value enum or a reference).
// A reference names the first item of its entity, "1", which tests store
// before they send it.
func (f Field) Example(i int) any {
	i = min(max(i, 0), 1)
	pick := func(a, b string) string { return [2]string{a, b}[i] }
	switch f.Type {
	case TypeInteger:
		return 7 + i
	case TypeNumber:
		return [2]float64{2.5, 3.75}[i]
	case TypeBoolean:
		return i == 0
	case TypeDate:
		return pick("2024-05-01", "2024-06-15")
	case TypeTimestamp:
		// A fraction and an offset, which validation must accept too, and
		// which Go's time.Time writes back as they are.
		return pick("2024-05-01T09:30:00Z", "2024-06-01T10:00:00.25+02:00")
	case TypeURL:
		return pick("https://example.com/a", "https://example.com/b")
	case TypeEmail:
		return pick("ada@example.com", "grace@example.com")
	case TypeUUID:
		return pick("123e4567-e89b-42d3-a456-426614174000", "123e4567-e89b-42d3-a456-426614174001")
	case TypeEnum:
		if len(f.Enum) == 0 {
			return ""
		}
		return f.Enum[min(i, len(f.Enum)-1)].Value
	case TypeReference:
		return "1"
	}
	return pick("sample ", "changed ") + f.Snake
}

// Wrong are JSON values validation must refuse as not of the field's
// type or format: an enum's value outside its list is not among them (see
// Invalid).
func (f Field) Wrong() []any {
	switch f.Type {
	case TypeInteger:
		return []any{"7", 2.5, true}
	case TypeNumber:
		return []any{"2.5", false}
	case TypeBoolean:
		return []any{"true", 1}
	case TypeDate:
		return []any{"2024-02-30", "01/05/2024", "2024-05-01T09:30:00Z", 20240501}
	case TypeTimestamp:
		// Free text, a day February does not have, a space for the T, and
		// a Unix time.
		return []any{"yesterday", "2024-02-30T09:30:00Z", "2024-05-01 09:30:00Z", 1714555800}
	case TypeURL:
		return []any{"not a url", "example.com/no-scheme", "ftp://example.com/a", 42}
	case TypeEmail:
		return []any{"not-an-email", "ada@", "@example.com", 42}
	case TypeUUID:
		return []any{"123", "123e4567-e89b-42d3-a456-42661417400g", 42}
	}
	return []any{42, true}
}

// FieldNote says in words what a field of entity e holds beyond its type,
// for a comment beside it: what a reference names, the format of a URL,
// email, UUID or date, the type the spec wrote when the plan's says less,
// and which actions set it. It is "" for a plain string, number, boolean
// or enum as the spec wrote it.
func (a *API) FieldNote(e, k int) string {
	f := a.Entities[e].Fields[k]
	var notes []string
	switch f.Type {
	case TypeReference:
		if f.Ref >= 0 && f.Ref < len(a.Entities) {
			notes = append(notes, "the ID of "+article(a.Entities[f.Ref].Name))
		}
	case TypeURL:
		notes = append(notes, "an absolute http or https URL")
	case TypeEmail:
		notes = append(notes, "an email address")
	case TypeUUID:
		notes = append(notes, "a UUID")
	case TypeDate:
		notes = append(notes, "a date, YYYY-MM-DD")
	}
	switch {
	case f.Unknown && f.Spec != "":
		notes = append(notes, f.Spec+" in the spec, which the prototype keeps as a string")
	case f.Spec != "":
		notes = append(notes, f.Spec+" in the spec")
	}
	var by []string
	for _, ep := range a.Endpoints {
		if ep.Entity == e && ep.Effect != nil && ep.Effect.Field == k {
			by = append(by, ep.Method+" "+ep.Path)
		}
	}
	if len(by) > 0 && f.Type == TypeTimestamp {
		notes = append(notes, "when "+joinOr(by)+" was last called")
	} else if len(by) > 0 {
		notes = append(notes, "set by "+joinOr(by)+" too")
	}
	return joinNotes(notes)
}

// article puts "a" or "an" before a name: "an Invoice", "a board".
func article(name string) string {
	if name != "" && isVowel(byte(name[0]|0x20)) {
		return "an " + name
	}
	return "a " + name
}

func joinOr(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func joinNotes(notes []string) string { return strings.Join(notes, "; ") }
