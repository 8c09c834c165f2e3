package artifact

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/plural"
)

// GenericRole is the role a story takes when the PRD names no persona:
// "As a user, …". With personas it is no role: a story's actor is one of
// them.
const GenericRole = "user"

// MatchPersona returns the name of the persona, of personas, that a
// story's role names, and whether one does. With no personas the only
// role is GenericRole ("user" or "users"), and its name is GenericRole.
//
// Roles and names are compared as words, in lower case, after a leading
// article ("a", "the"), anything in parentheses and a trailing "member"
// ("front-desk staff member" is the "Front-desk staff") are set aside,
// each word is made singular ("volunteers" is "volunteer") and "-ize"
// spelt "-ise" ("organizer" is "organiser"). Then, in this order of
// preference:
//
//   - the role is the persona's name ("Team leads" is "Team lead");
//   - cut before a preposition ("Volunteer at the depot" is "volunteer",
//     "member of the library" is "member"), the role and the name end in
//     the same word, their head noun, and the words of one are all in the
//     other: "volunteers" names "Regular volunteer", "organisers" names
//     "Group organiser", "senior clerk" names "Clerk".
//
// Among personas that match equally well the first in the list wins: a
// role "volunteer" with personas "Regular volunteer" and "Occasional
// volunteer" names the regular one.
func MatchPersona(role string, personas []Persona) (name string, ok bool) {
	whole, want := personaWords(role, false), personaWords(role, true)
	if len(want) == 0 {
		return "", false
	}
	personas = namedPersonas(personas)
	if len(personas) == 0 {
		if slices.Equal(whole, []string{GenericRole}) {
			return GenericRole, true
		}
		return "", false
	}
	for _, p := range personas {
		if slices.Equal(whole, personaWords(p.Name, false)) {
			return p.Name, true
		}
	}
	for _, p := range personas {
		have := personaWords(p.Name, true)
		if len(have) == 0 || have[len(have)-1] != want[len(want)-1] {
			continue
		}
		if subset(want, have) || subset(have, want) {
			return p.Name, true
		}
	}
	return "", false
}

// namedPersonas are the personas with a name to match.
func namedPersonas(personas []Persona) []Persona {
	return slices.DeleteFunc(slices.Clone(personas), func(p Persona) bool { return len(personaWords(p.Name, true)) == 0 })
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

var (
	parenthesised = regexp.MustCompile(`\([^)]*\)`)
	izeSpelling   = regexp.MustCompile(`iz(e|er|ing|ation)$`)
)

// articles lead a role without being part of it.
var articles = map[string]bool{"a": true, "an": true, "the": true}

// prepositions end a persona's name: what follows qualifies it ("Nurse on
// the ward").
var prepositions = map[string]bool{
	"at": true, "in": true, "on": true, "of": true, "for": true, "from": true,
	"with": true, "who": true, "that": true, "using": true,
}

// personaWords are the words a role or a persona's name is compared by
// (see MatchPersona); cut cuts them before a preposition.
func personaWords(s string, cut bool) []string {
	s = parenthesised.ReplaceAllString(s, " ")
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	var ws []string
	for i, w := range fields {
		w = strings.Trim(w, "-'")
		switch {
		case w == "":
			continue
		case i == 0 && articles[w]:
			continue
		case cut && len(ws) > 0 && prepositions[w]:
			return trimMember(ws)
		}
		w = plural.Singular(w)
		w = izeSpelling.ReplaceAllString(w, "is$1")
		ws = append(ws, w)
	}
	return trimMember(ws)
}

// trimMember drops a trailing "member" after another word: "staff member"
// is "staff", as the offline engine writes a mass noun after "As a".
func trimMember(ws []string) []string {
	if n := len(ws); n > 1 && ws[n-1] == "member" {
		return ws[:n-1]
	}
	return ws
}

// PersonaRole is the role a story takes for the persona named name, to
// follow "As a": the name with its head noun singular and a lower-case
// first letter ("Regular volunteers" → "regular volunteer", "Members of
// the library" → "member of the library"), the first letter kept when
// the first word is an acronym ("NHS managers" → "NHS manager").
// MatchPersona matches it to the persona.
func PersonaRole(name string) string {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return ""
	}
	head := len(ws) - 1
	for i := 1; i < len(ws); i++ {
		if prepositions[strings.ToLower(ws[i])] {
			head = i - 1
			break
		}
	}
	ws[head] = plural.Singular(ws[head])
	if !plural.IsAcronym(ws[0]) {
		r, n := utf8.DecodeRuneInString(ws[0])
		ws[0] = string(unicode.ToLower(r)) + ws[0][n:]
	}
	return strings.Join(ws, " ")
}

// PersonaRoles are the roles a story may take in a PRD with personas:
// each persona's PersonaRole, without duplicates; GenericRole alone when
// it has none.
func PersonaRoles(personas []Persona) []string {
	var roles []string
	for _, p := range personas {
		if r := PersonaRole(p.Name); r != "" && !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	if len(roles) == 0 {
		return []string{GenericRole}
	}
	return roles
}
