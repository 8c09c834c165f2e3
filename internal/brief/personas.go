package brief

import (
	"strings"
)

var (
	// boldName is a name in bold at the start: "**Team lead** of a team…".
	boldName = lazyRegexp(`^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(.*)$`)
	// labelName is "Name: description" or "Name — description".
	labelName = lazyRegexp(`^([^:—–]+?)\s*(?::|\s[—–-])\s+(.+)$`)
	// parenName is "Name (description)".
	parenName = lazyRegexp(`^([^()]+?)\s*\(([^()]+)\)$`)
)

// rankLabels rank personas rather than name them: "Primary: nurses".
var rankLabels = lexSet("rank labels")

// personaSplits are the words at which a persona's name ends and its
// description begins, when nothing marks the name: "Patients who walk
// in…", "Riders with disabilities, who need…". A comma or a bracket wins
// over "with", which may belong to the name.
var personaSplits = []string{" who ", " that ", " whose ", ", ", " ("}

// placeWords start a phrase that places a long name rather than names it:
// "Customer service staff at the transit agency".
var placeWords = lexPhrases("place words")

// maxLabelWords is how long a "Name: …" prefix may be and still be a name.
const maxLabelWords = 5

// parsePersona splits a users item into a name and a description. A bold
// lead, a "Name:" or "Name —" label or a parenthesis marks the name; else
// the text is split before "who", "that", "with", "whose" or a comma.
// Leading articles are dropped from the name and both parts are
// capitalised.
func parsePersona(text string) Persona {
	text = strings.TrimSpace(text)
	if m := boldName().FindStringSubmatch(text); m != nil {
		return newPersona(m[1], m[2])
	}
	t := trimItem(text)
	if m := labelName().FindStringSubmatch(t); m != nil && wordCount(m[1]) <= maxLabelWords {
		if rankLabels()[strings.ToLower(m[1])] {
			return parsePersona(m[2])
		}
		return newPersona(m[1], m[2])
	}
	if m := parenName().FindStringSubmatch(t); m != nil {
		return newPersona(m[1], m[2])
	}
	best := -1
	for _, sep := range personaSplits {
		if i := strings.Index(t, sep); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		best = len(t)
	}
	name, desc := t[:best], strings.TrimPrefix(strings.TrimSpace(t[best:]), ",")
	if wordCount(name) > 3 {
		for _, pw := range placeWords() {
			if i := strings.Index(name, " "+pw+" "); i > 0 {
				name, desc = name[:i], strings.TrimSpace(name[i+1:]+" "+desc)
				break
			}
		}
	}
	desc = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(desc, "("), ")"))
	return newPersona(name, desc)
}

func newPersona(name, desc string) Persona {
	desc = strings.TrimLeft(strings.TrimSpace(desc), ":;,.—–- ")
	return Persona{Name: personaName(name), Description: asSentence(desc)}
}

// personaName cleans a name: markup, surrounding punctuation and a leading
// article go; the first letter is capitalised.
func personaName(s string) string {
	s = trimItem(plain(s))
	s = strings.Trim(s, ":;,—–- ")
	lower := lowerKeep(s)
	for _, art := range []string{"the ", "a ", "an ", "our ", "their "} {
		if strings.HasPrefix(lower, art) && len(s) > len(art) {
			s = s[len(art):]
			break
		}
	}
	// "our own technicians" are technicians: "own" says whose, not who.
	if rest, ok := strings.CutPrefix(strings.TrimSpace(s), "own "); ok && rest != "" {
		s = rest
	} else if rest, ok := strings.CutPrefix(strings.TrimSpace(s), "Own "); ok && rest != "" {
		s = rest
	}
	return capitalize(strings.TrimSpace(s))
}

// withDetail appends nested list items to a persona's description.
func withDetail(ps Persona, kids []string) Persona {
	if len(kids) == 0 {
		return ps
	}
	parts := make([]string, 0, len(kids)+1)
	if d := strings.TrimRight(ps.Description, "."); d != "" {
		parts = append(parts, d)
	}
	for _, k := range kids {
		parts = append(parts, trimItem(k))
	}
	ps.Description = asSentence(strings.Join(parts, "; "))
	return ps
}

// addPersona adds a persona unless it has no name.
func (p *parser) addPersona(ps Persona) {
	if ps.Name == "" {
		return
	}
	p.b.Users = append(p.b.Users, ps)
}

// nonNameStarts begin a sentence about users that is not itself a name
// ("It is for nurses on night shifts"); the people it mentions are found
// with the role words instead.
var nonNameStarts = lexPhrases("not name openings")

// addUsersParagraph reads a paragraph in a users section: a list of names
// separated by semicolons or commas, or prose mentioning roles.
func (p *parser) addUsersParagraph(text string) {
	for _, t := range paragraphItems(text, true) {
		lower := strings.ToLower(t)
		prose := false
		for _, s := range nonNameStarts() {
			prose = prose || strings.HasPrefix(lower, s+" ")
		}
		if !prose {
			p.addPersona(parsePersona(t))
			continue
		}
		for _, name := range roleNames(t) {
			p.addPersona(Persona{Name: name})
		}
	}
}

// resolveActors keeps a feature's Actor only when it names one of the
// brief's personas, and then as that persona's name: "School office"
// names "School office administrator", "dispatchers" names
// "Dispatcher"; "Back office" names no one.
func (p *parser) resolveActors() {
	named := map[string]string{} // a heading's words → the persona they name
	for _, fs := range [][]Feature{p.b.Features, p.b.Later} {
		for i := range fs {
			a := fs[i].Actor
			name, ok := named[a]
			if !ok {
				name = p.personaNamed(a)
				if name == "" && namesPeople(a) {
					// A heading naming a kind of person the users leave
					// out ("WALKER" over a walker's features) adds them.
					p.addRole(teamName(capitalize(strings.ToLower(a))))
					name = p.personaNamed(a)
				}
				named[a] = name
			}
			fs[i].Actor = name
		}
	}
}

// teamName names a team by what it does as a team: "Ops" is the "Ops
// team", a group of people rather than a plural of "op".
func teamName(name string) string {
	if teamWords()[strings.ToLower(name)] {
		return name + " team"
	}
	return name
}

// teamWords name a team by its work.
var teamWords = lexSet("team words")

// namesPeople reports whether a heading is a kind of person: a role word,
// or a short noun with an agent ending ("walker", "host") that is no
// known thing, with no other word than a describing one before it.
func namesPeople(heading string) bool {
	w := strings.Fields(lowerKeep(heading))
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	head := singular(normWord(w[len(w)-1]))
	if isRole(head) || isRole(normWord(w[len(w)-1])) {
		return true
	}
	if thingNouns()[head] || len(head) < 4 {
		return false
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant"} {
		if strings.HasSuffix(head, suf) {
			return true
		}
	}
	return false
}

// thingNouns are things with an agent-like ending: "order", "folder".
var thingNouns = lexSet("thing nouns")

// personaNamed returns the name of the persona that words name: the same
// kind of person ("Harbour commissioners" for "commissioners"), or a name
// holding all of its words ("School office administrator" for "School
// office"); "" when none does.
func (p *parser) personaNamed(words string) string {
	if words == "" {
		return ""
	}
	want := stemsOf(words)
	for _, u := range p.b.Users {
		if roleKey(u.Name) == roleKey(words) || len(want) > 0 && want.within(stemsOf(u.Name)) {
			return u.Name
		}
	}
	return ""
}
