package scaffold

import (
	"slices"
	"strings"
)

// State transitions: what an action endpoint ("POST /bookings/{id}/cancel")
// does to its item.

// addEffects gives every action its Effect. An action sets an enum field
// of its entity to the value that is the action's past participle
// ("cancel" sets a status to "cancelled" or "canceled", "archive" to
// "archived", "mark-paid" to "paid"), the field named status, state,
// stage or phase first, and values compared by their words whatever their
// case ("In review" for "review"). With no such value, it records the
// time it was taken in a timestamp field named after the participle
// ("voided_at"): the entity's own if it has one, else one the server
// keeps (Managed), which clients cannot set.
func (p *planner) addEffects() {
	for i := range p.api.Endpoints {
		ep := &p.api.Endpoints[i]
		if ep.Op == OpAction {
			ep.Effect = p.effect(ep.Entity, ep.Action)
		}
	}
}

func (p *planner) effect(e int, action string) *Effect {
	forms := participles(action)
	fields := p.api.Entities[e].Fields
	best, value := -1, ""
	for k, f := range fields {
		if f.Type != TypeEnum || best >= 0 && (statusLike(fields[best].Snake) || !statusLike(f.Snake)) {
			continue
		}
		if i := slices.IndexFunc(f.Enum, func(v EnumValue) bool {
			return slices.Contains(forms, strings.Join(words(v.Value), "-"))
		}); i >= 0 {
			best, value = k, f.Enum[i].Value
		}
	}
	if best >= 0 {
		return &Effect{Field: best, Value: value}
	}
	at := newIdent(forms[0]+" at", "acted at")
	if k := slices.IndexFunc(fields, func(f Field) bool { return f.Snake == at.Snake && f.Type == TypeTimestamp }); k >= 0 {
		return &Effect{Field: k}
	}
	fld := p.newField(e, "", at)
	fld.Type, fld.Managed = TypeTimestamp, true
	p.api.Entities[e].Fields = append(fields, fld)
	return &Effect{Field: len(fields)}
}

// statusLike says a field's name is one a state is kept in.
func statusLike(snake string) bool {
	w := strings.Split(snake, "_")
	return slices.Contains([]string{"status", "state", "stage", "phase"}, w[len(w)-1])
}

// participles are the forms, in kebab case, of the state an action leaves
// an item in, the usual one first: the past participle of its first word
// with the rest as written ("void" is "voided", "check-in" "checked-in"),
// the British or American spelling of a doubled l ("canceled",
// "cancelled"), and for "mark", "set" or "make" the rest of the name
// ("mark-paid", "mark-as-paid": "paid"). An action with no word gives
// "acted".
func participles(action string) []string {
	w := words(action)
	if len(w) == 0 {
		return []string{"acted"}
	}
	rest := strings.Join(w[1:], "-")
	join := func(first string) string { return strings.TrimSuffix(first+"-"+rest, "-") }
	forms := []string{join(participle(w[0]))}
	if alt := doubledL(w[0]); alt != "" {
		forms = append(forms, join(alt))
	}
	if slices.Contains([]string{"mark", "set", "make"}, w[0]) && len(w) > 1 {
		if w[1] == "as" && len(w) > 2 {
			forms = append(forms, strings.Join(w[2:], "-"))
		} else {
			forms = append(forms, rest)
		}
	}
	return forms
}

// irregular holds the past participles that the rules in participle get
// wrong, for verbs an API is likely to name an action after.
var irregular = map[string]string{
	"begin": "begun", "bind": "bound", "build": "built", "buy": "bought",
	"choose": "chosen", "do": "done", "draw": "drawn", "drive": "driven",
	"feed": "fed", "find": "found", "forbid": "forbidden", "forget": "forgotten",
	"freeze": "frozen", "get": "gotten", "give": "given", "hide": "hidden",
	"hold": "held", "keep": "kept", "lay": "laid", "lead": "led", "leave": "left",
	"lend": "lent", "lose": "lost", "make": "made", "meet": "met",
	"pay": "paid", "put": "put", "quit": "quit", "read": "read",
	"rebuild": "rebuilt", "redo": "redone", "repay": "repaid", "resend": "resent",
	"reset": "reset", "rewrite": "rewritten", "ride": "ridden", "run": "run", "rerun": "rerun",
	"see": "seen", "sell": "sold", "send": "sent", "set": "set",
	"shut": "shut", "split": "split", "spend": "spent",
	"take": "taken", "tell": "told", "throw": "thrown", "undo": "undone",
	"unfreeze": "unfrozen", "unhide": "unhidden", "upset": "upset",
	"withdraw": "withdrawn", "write": "written",
}

// doubled lists verbs of more than one syllable, stressed on the last,
// whose final consonant doubles ("submit", "submitted"). One-syllable
// verbs are handled by rule.
var doubled = set(`admit commit compel control defer embed emit equip expel incur infer omit
	patrol permit prefer recur refer regret remit resubmit submit transfer transmit unpin
	unplug unwrap unzip`)

// participle is the past participle of a lower-case verb: a table of
// irregular verbs ("send", "sent"); a final "e" takes "d" ("close",
// "closed"); a consonant and "y" become "ied" ("verify", "verified"); a
// one-syllable verb ending consonant, vowel, consonant (not w, x or y)
// doubles the consonant ("ship", "shipped"), as do a few longer verbs
// ("submit", "submitted"); every other verb takes "ed" ("cancel",
// "canceled", as US English writes it).
func participle(w string) string {
	if p, ok := irregular[w]; ok {
		return p
	}
	n := len(w)
	last := w[n-1]
	switch {
	case isDigit(last):
		return w + "-done"
	case last == 'e':
		return w + "d"
	case last == 'y' && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	case doubled[w] || syllables(w) == 1 && endsCVC(w):
		return w + string(last) + "ed"
	}
	return w + "ed"
}

// doubledL is the other spelling of the participle of a verb of more than
// one syllable ending in a vowel and l: "cancelled" beside "canceled",
// "labelled" beside "labeled"; "" for any other verb.
func doubledL(w string) string {
	n := len(w)
	if n < 3 || w[n-1] != 'l' || !isVowel(w[n-2]) || isVowel(w[n-3]) || syllables(w) < 2 || doubled[w] || irregular[w] != "" {
		return ""
	}
	return w + "led"
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// syllables counts groups of vowels, a rough syllable count that is right
// for the short verbs participle doubles.
func syllables(w string) int {
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i])
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

func endsCVC(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	c1, v, c2 := w[n-3], w[n-2], w[n-1]
	return !isVowel(c1) && isVowel(v) && !isVowel(c2) && strings.IndexByte("wxy", c2) < 0 && isLower(c2)
}
