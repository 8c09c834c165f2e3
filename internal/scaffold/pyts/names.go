package pyts

import (
	"strings"
	"unicode"
)

// snake turns a Pascal-case identifier into snake case, keeping acronyms
// together: "CreateQueueEntry" is "create_queue_entry", "ExportCSVReport"
// is "export_csv_report", "GetV2Item" is "get_v2_item".
func snake(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		if r == '_' {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			continue
		}
		if unicode.IsUpper(r) && i > 0 && b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
			prev := runes[i-1]
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSuffix(b.String(), "_")
}

// irregular holds the past participles that the suffix rules in pastTense
// get wrong, for verbs an API is likely to name an action after.
var irregular = map[string]string{
	"begin": "begun", "bind": "bound", "build": "built", "buy": "bought",
	"choose": "chosen", "do": "done", "draw": "drawn", "drive": "driven",
	"feed": "fed", "find": "found", "forbid": "forbidden", "forget": "forgotten",
	"freeze": "frozen", "give": "given", "hide": "hidden",
	"hold": "held", "keep": "kept", "lay": "laid", "leave": "left",
	"lend": "lent", "lose": "lost", "make": "made", "meet": "met",
	"pay": "paid", "put": "put", "quit": "quit", "read": "read",
	"rebuild": "rebuilt", "redo": "redone", "repay": "repaid", "resend": "resent",
	"reset": "reset", "rewrite": "rewritten", "ride": "ridden", "run": "run",
	"see": "seen", "sell": "sold", "send": "sent", "set": "set",
	"shut": "shut", "split": "split", "spend": "spent",
	"take": "taken", "tell": "told", "throw": "thrown", "undo": "undone",
	"unfreeze": "unfrozen", "unhide": "unhidden", "upset": "upset",
	"withdraw": "withdrawn", "write": "written",
}

// doubled lists verbs of more than one syllable, stressed on the last,
// whose final consonant doubles ("submit", "submitted"). One-syllable
// verbs are handled by rule. "cancel" follows US spelling and does not
// double: "canceled".
var doubled = map[string]bool{
	"admit": true, "commit": true, "compel": true, "control": true,
	"defer": true, "embed": true, "emit": true, "equip": true,
	"expel": true, "incur": true, "infer": true, "omit": true,
	"patrol": true, "permit": true, "prefer": true, "recur": true,
	"refer": true, "regret": true, "remit": true, "resubmit": true,
	"submit": true, "transfer": true, "transmit": true, "unpin": true,
	"unplug": true, "unwrap": true, "unzip": true,
}

// pastTense gives the status an action leaves its item in: the past
// participle of the action's first word, the rest kept as written
// ("void" is "voided", "check_in" is "checked_in"). The rule: a table of
// irregular verbs ("send", "sent"); a final "e" takes "d" ("close",
// "closed"); a consonant and "y" become "ied" ("verify", "verified"); a
// one-syllable verb ending consonant, vowel, consonant (not w, x or y)
// doubles the consonant ("ship", "shipped"), as do a few longer verbs
// ("submit", "submitted"); every other verb takes "ed".
func pastTense(action string) string {
	end := strings.IndexAny(action, "_- ")
	if end < 0 {
		end = len(action)
	}
	word, rest := action[:end], action[end:]
	lower := strings.ToLower(word)
	if word == "" || lower != word {
		// Not a plain lower-case word: add "ed" rather than guess.
		return word + "ed" + rest
	}
	return participle(word) + rest
}

func participle(w string) string {
	if p, ok := irregular[w]; ok {
		return p
	}
	n := len(w)
	last := w[n-1]
	switch {
	case last == 'e':
		return w + "d"
	case last == 'y' && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	case doubled[w] || (syllables(w) == 1 && endsCVC(w)):
		return w + string(last) + "ed"
	}
	return w + "ed"
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// syllables counts groups of vowels, a rough syllable count that is right
// for the short verbs pastTense doubles.
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
	return !isVowel(c1) && isVowel(v) && !isVowel(c2) && strings.IndexByte("wxy", c2) < 0 &&
		c2 >= 'a' && c2 <= 'z'
}
