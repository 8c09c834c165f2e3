package offline

import "strings"

// passiveAdverbs may stand between "is" and its participle: "is
// automatically sent".
var passiveAdverbs = set("automatically", "then", "also", "immediately", "only", "still", "always", "instantly", "securely", "straight", "first")

// subordinating words open a clause inside the subject, whose verb is
// then not the sentence's.
var subordinating = set("when", "whenever", "if", "while", "because", "before", "after", "until", "unless", "once", "where")

// particles follow a verb as part of it: "worked out", "backed up".
var particles = set("out", "up", "off", "back", "down", "away", "over")

// passive reads a feature in the passive voice, whose doer is the
// product: "Membership is confirmed when…" becomes "confirm membership
// when…"; "Firing fees are worked out from X and added to Y" becomes
// "work out firing fees from X and add them to Y"; "Members who are late
// twice are suspended" becomes "suspend members who are late twice". A
// participle before "to" ("Members are allowed to…") is no passive the
// product performs.
func (p people) passive(ts []token) (clause, bool) {
	relative := false
	for i := 1; i < len(ts) && i <= 8; i++ {
		lw := ts[i].lw()
		if !ts[i].isWord() && ts[i].text != "'" && ts[i].text != "’" {
			return clause{}, false
		}
		if lw == "who" || lw == "that" || lw == "which" {
			relative = true
			continue
		}
		if subordinating[lw] {
			return clause{}, false // "Fee charged when a booking is confirmed": the "is" is another clause's
		}
		if lw != "is" && lw != "are" && lw != "gets" && lw != "get" {
			if v := verbForm(lw); (v != nil && v.third == lw && v.base != lw || modals[lw]) && !relative {
				return clause{}, false // the sentence's verb is another
			}
			continue
		}
		j := i + 1
		for j < len(ts) && passiveAdverbs[ts[j].lw()] {
			j++
		}
		if j >= len(ts) || !isParticiple(ts[j].lw()) || infinitiveAt(ts, j+1) {
			if relative {
				continue // "Members who are late twice are…"
			}
			return clause{}, false
		}
		subj := ts[:i]
		head := subj[len(subj)-1].lw()
		if relative {
			head = ts[0].lw()
		}
		if pronouns[ts[0].lw()] || ts[0].lw() == "this" || ts[0].lw() == "there" {
			return clause{}, false
		}
		k := j + 1
		verb := verbForm(ts[j].lw()).base
		for k < len(ts) && particles[ts[k].lw()] {
			verb += " " + ts[k].text
			k++
		}
		it := "it"
		if isPlural(head) || strings.Contains(strings.ToLower(join(subj)), " and ") {
			it = "them"
		}
		body := verb + " " + lowerFirst(join(subj), p.proper)
		if rest := activeRest(ts[k:], it); rest != "" {
			body += " " + rest
		}
		return clause{kind: kindSystem, persona: -1, body: body}, true
	}
	return clause{}, false
}

// infinitiveAt reports whether ts has "to" and a verb at i: "allowed to
// book", not "shown to the manager".
func infinitiveAt(ts []token, i int) bool {
	return i+1 < len(ts) && ts[i].lw() == "to" && baseVerb(ts[i+1].lw()) != nil && !determiners[ts[i+1].lw()]
}

// activeRest turns the further participles of a passive sentence active:
// "… and added to Y" gives "… and add them to Y".
func activeRest(ts []token, it string) string {
	var out []token
	for i := 0; i < len(ts); i++ {
		out = append(out, ts[i])
		if ts[i].lw() == "and" && i+1 < len(ts) && isParticiple(ts[i+1].lw()) && (i+2 >= len(ts) || ts[i+2].lw() != "by") {
			out = append(out, token{text: verbForm(ts[i+1].lw()).base, space: true}, token{text: it, space: true})
			i++
		}
	}
	return join(out)
}
