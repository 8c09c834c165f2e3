package offline

import "strings"

// leadIn reads the phrasings briefs wrap a capability in: "As a driver, I
// want to…", "Ability to…", "Allow managers to…", "Let users…",
// "Support for…".
func (p people) leadIn(ts []token) (clause, bool) {
	at := func(i int) string {
		if i < len(ts) {
			return ts[i].lw()
		}
		return ""
	}
	switch first := at(0); {
	case first == "as" && (at(1) == "a" || at(1) == "an"):
		return p.userStory(ts)
	case first == "ability" && at(1) == "to" && len(ts) > 2:
		return p.actorClause(-1, "", lowerFirst(join(ts[2:]), p.proper)), true
	case first == "the" && at(1) == "ability" && at(2) == "to" && len(ts) > 3:
		return p.actorClause(-1, "", lowerFirst(join(ts[3:]), p.proper)), true
	case first == "support" && at(1) == "for" && len(ts) > 2:
		return clause{kind: kindNoun, persona: p.nounPersona(join(ts[2:])), body: join(ts[2:]), support: true}, true
	case first == "allow" || first == "enable" || first == "permit" || first == "let":
		for j := 2; j < len(ts) && j <= 6; j++ {
			if at(j) == "to" && j+1 < len(ts) || first == "let" && lookupVerb(at(j)) != nil {
				vp := ts[j:]
				if at(j) == "to" {
					vp = ts[j+1:]
				}
				return p.namedActor(ts[1:j], join(vp)), true
			}
		}
	}
	return clause{}, false
}

// userStory reads "As a <role>, I want (to) <what>(, so that <why>)".
func (p people) userStory(ts []token) (clause, bool) {
	for i := 3; i+2 < len(ts); i++ {
		if ts[i].text != "," || ts[i+1].lw() != "i" || ts[i+2].lw() != "want" && ts[i+2].lw() != "need" {
			continue
		}
		want := thirdPersonText(join(ts[i+3:]))
		so := ""
		if w, s, ok := strings.Cut(want, " so that "); ok {
			want, so = bare(w), thirdPersonText(bare(s))
		}
		var c clause
		if rest, ok := strings.CutPrefix(want, "to "); ok {
			c = p.namedActor(ts[2:i], rest)
		} else {
			c = clause{kind: kindNoun, persona: p.namedPersona(join(ts[2:i])), body: want}
		}
		c.so = so
		return c, true
	}
	return clause{}, false
}

// namedActor builds an actor clause for the actor the words name: a
// persona when they name one ("managers"), else the words themselves.
func (p people) namedActor(words []token, vp string) clause {
	name := join(words)
	if i := p.namedPersona(name); i >= 0 {
		return p.actorClause(i, "", vp)
	}
	c := p.actorClause(-1, "", vp)
	c.persona, c.actor = -1, actorPhrase(name, "", p.proper)
	return c
}

// thirdPersonText switches a benefit from the user's words ("I can finish
// it later") to the requirement's ("they can finish it later"); stories
// switch it back.
func thirdPersonText(s string) string {
	ts := tokenize(s)
	swap := map[string]string{"i": "they", "me": "them", "my": "their", "mine": "theirs", "myself": "themselves", "i'm": "they're"}
	for i, t := range ts {
		to, ok := swap[t.lw()]
		if !ok {
			continue
		}
		ts[i].text = to
		if t.lw() == "i" && i+1 < len(ts) {
			switch ts[i+1].lw() {
			case "am":
				ts[i+1].text = "are"
			case "was":
				ts[i+1].text = "were"
			}
		}
	}
	return join(ts)
}
