package brief

import "strings"

// maxRoleModifiers is how many words before a role word may describe it
// ("Field technicians", "front-desk staff").
const maxRoleModifiers = 2

// roleNames finds the people a sentence mentions: each role word with the
// describing words just before it, stopping at an article, a number, a
// verb or punctuation. "Field technicians for a utility… and supervisors
// plan" gives "Field technicians" and "Supervisors". A possessive
// ("the customer's branding") or a following noun ("user interface") is
// not a person.
func roleNames(s string) []string {
	w := strings.Fields(s)
	var out []string
	for i, x := range w {
		lw := normWord(x)
		if !isRole(lw) || strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") || strings.HasSuffix(strings.Trim(x, `.,;:!?)"`), "s'") {
			continue
		}
		endsClause := strings.ContainsAny(x[len(x)-1:], ",;:.")
		if !endsClause && i+1 < len(w) && roleExclusions()[normWord(w[i+1])] {
			continue
		}
		j := i
		for j > 0 && i-j < maxRoleModifiers {
			prev := w[j-1]
			lp := normWord(prev)
			if strings.ContainsAny(prev, ",;:.()") || lp == "" || stopWords()[lp] || isVerb(lp) ||
				modalWords()[lp] || hasDigit(lp) || numberWords()[lp] || isRole(lp) || pronounSubjects()[lp] {
				break
			}
			j--
		}
		name := strings.Trim(strings.Join(w[j:i+1], " "), `.,;:!?()[]"'*_“”‘’`)
		out = append(out, capitalize(name))
	}
	return out
}

// roleKey identifies a role whatever its modifiers and number: "Field
// technicians" and "a technician" are the same users.
func roleKey(name string) string {
	return singular(normWord(lastWord(name)))
}

// addRole adds a persona found in prose unless the brief already has
// users of that kind.
func (p *parser) addRole(name string) {
	key := roleKey(name)
	for _, u := range p.b.Users {
		if roleKey(u.Name) == key {
			return
		}
	}
	p.addPersona(Persona{Name: personaName(name)})
}
