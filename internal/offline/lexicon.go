package offline

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// verbsTxt is the verb lexicon; its header explains the format.
//
//go:embed lexicon/verbs.txt
var verbsTxt string

// verb holds the forms of one lexicon verb.
type verb struct {
	base, third, past, pp, ing string
	noun                       bool // also a common noun ("audit", "export")
}

// lexicon is the verb lexicon, built from verbsTxt on first use rather
// than in package init, which every prodgen command pays for. Its maps are
// only read after that, so they are safe for concurrent use.
var lexicon = sync.OnceValue(func() verbLexicon {
	v, err := parseLexicon(verbsTxt)
	if err != nil {
		panic(err) // the lexicon is embedded; TestLexicon keeps it valid
	}
	forms := map[string]*verb{}
	// Iterate in file order so that a form two verbs share ("left", "read")
	// always belongs to the first.
	for _, line := range strings.Split(verbsTxt, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		vb := v[strings.TrimSuffix(f[0], "~")]
		for _, form := range []string{vb.base, vb.third, vb.past, vb.pp, vb.ing} {
			if _, ok := forms[form]; !ok {
				forms[form] = vb
			}
		}
	}
	return verbLexicon{byBase: v, byForm: forms}
})

// verbLexicon indexes the lexicon's verbs.
type verbLexicon struct {
	byBase map[string]*verb // by base form
	byForm map[string]*verb // by every form, base included
}

// baseVerb returns the lexicon verb whose base form is w, or nil.
func baseVerb(w string) *verb { return lexicon().byBase[w] }

// verbForm returns the lexicon verb that has w as one of its forms, or nil.
func verbForm(w string) *verb { return lexicon().byForm[w] }

// verbPrefixes may join a lexicon verb with a hyphen and keep it a verb:
// "bulk-approve", "re-send", "auto-assign".
var verbPrefixes = set("bulk", "re", "auto", "pre", "co", "batch", "mass", "self", "double", "one-click")

// lookupVerb finds a verb by its base form, also as the last part of a
// hyphenated compound ("bulk-approve"), which keeps its prefix in every
// form ("bulk-approved").
func lookupVerb(w string) *verb {
	if v := baseVerb(w); v != nil {
		return v
	}
	i := strings.LastIndex(w, "-")
	if i <= 0 || !verbPrefixes[w[:i]] {
		return nil
	}
	v := baseVerb(w[i+1:])
	if v == nil {
		return nil
	}
	p := w[:i+1]
	return &verb{base: p + v.base, third: p + v.third, past: p + v.past, pp: p + v.pp, ing: p + v.ing, noun: v.noun}
}

// root returns the lexicon verb of a base form, so "bulk-approve" has the
// class of "approve".
func root(base string) string {
	if i := strings.LastIndex(base, "-"); i > 0 && baseVerb(base) == nil {
		return base[i+1:]
	}
	return base
}

// parseLexicon reads the verb lexicon.
func parseLexicon(src string) (map[string]*verb, error) {
	out := map[string]*verb{}
	for i, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) != 1 && len(f) != 3 {
			return nil, fmt.Errorf("verbs.txt:%d: want \"base\" or \"base past participle\", got %q", i+1, line)
		}
		base, noun := strings.CutSuffix(f[0], "~")
		if _, dup := out[base]; dup {
			return nil, fmt.Errorf("verbs.txt:%d: %q listed twice", i+1, base)
		}
		vb := &verb{base: base, noun: noun, third: thirdPerson(base), ing: gerund(base)}
		vb.past, vb.pp = regularPast(base), regularPast(base)
		if len(f) == 3 {
			vb.past, vb.pp = f[1], f[2]
		}
		out[base] = vb
	}
	return out, nil
}

// thirdPerson returns the he/she/it form of a base verb.
func thirdPerson(base string) string {
	switch base {
	case "be":
		return "is"
	case "have":
		return "has"
	}
	switch {
	case hasAnySuffix(base, "s", "x", "z", "ch", "sh", "o"):
		return base + "es"
	case consonantY(base):
		return base[:len(base)-1] + "ies"
	}
	return base + "s"
}

// regularPast returns the -ed form of a regular verb.
func regularPast(base string) string {
	switch {
	case strings.HasSuffix(base, "e"):
		return base + "d"
	case consonantY(base):
		return base[:len(base)-1] + "ied"
	case doublesFinal(base):
		return base + base[len(base)-1:] + "ed"
	}
	return base + "ed"
}

// gerund returns the -ing form of a verb.
func gerund(base string) string {
	switch {
	case strings.HasSuffix(base, "ie"):
		return base[:len(base)-2] + "ying"
	case strings.HasSuffix(base, "e") && !hasAnySuffix(base, "ee", "ye", "oe") && base != "be":
		return base[:len(base)-1] + "ing"
	case doublesFinal(base):
		return base + base[len(base)-1:] + "ing"
	}
	return base + "ing"
}

// stressedFinal lists verbs of two syllables that double their final
// consonant ("submitted"); single-syllable ones are found by rule.
var stressedFinal = set("admit", "commit", "omit", "permit", "submit", "refer", "prefer", "occur", "control", "patrol", "transfer", "forget", "regret", "embed")

// doublesFinal reports whether a verb doubles its last consonant before
// -ed and -ing: one vowel group ending consonant-vowel-consonant, as in
// "flag", "scan", "stop", but not "wait", "fix" or "open".
func doublesFinal(w string) bool {
	if stressedFinal[w] {
		return true
	}
	n := len(w)
	if n < 3 || strings.ContainsAny(w[n-1:], "wxy") {
		return false
	}
	if !isVowel(w[n-2]) || isVowel(w[n-1]) || isVowel(w[n-3]) {
		return false
	}
	groups := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			groups++
		}
	}
	return groups == 1
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// consonantY reports whether w ends in a consonant and "y" ("carry").
func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'y' && !isVowel(w[n-2])
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// set builds a lookup table from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Closed word classes. They are small on purpose: each entry is there
// because a rule below needs it, and the tests name the sentences that
// depend on it.
var (
	determiners = set("a", "an", "the", "this", "that", "these", "those", "each", "every", "any", "some", "all", "no",
		"my", "your", "his", "her", "its", "our", "their", "one", "both", "either", "neither", "few", "several",
		"many", "more", "most", "other", "another", "such")
	possessives  = set("my", "your", "his", "her", "its", "our", "their")
	prepositions = set("about", "above", "across", "after", "against", "along", "among", "around", "as", "at",
		"before", "behind", "below", "between", "beyond", "by", "despite", "during", "except", "for", "from",
		"in", "inside", "into", "like", "near", "of", "off", "on", "onto", "over", "per", "since", "through",
		"to", "toward", "towards", "under", "until", "upon", "via", "with", "within", "without")
	conjunctions = set("and", "or", "but", "nor", "so", "yet", "when", "whenever", "if", "once", "while", "where",
		"who", "which", "that", "because", "unless", "than", "then")
	conditionWords = set("when", "whenever", "if", "once")
	pronouns       = set("i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them")
	modals         = set("can", "may", "might", "should", "must", "will", "shall", "would", "could")
	// particles make phrasal verbs ("check in"); only these pairs count.
	phrasal = set("check in", "check out", "sign in", "sign up", "sign out", "log in", "log out", "opt in",
		"opt out", "set up", "back up", "follow up", "clock in", "clock out", "pick up", "hand over",
		"work out", "sign off", "fill in", "fill out", "look up", "top up")
	adverbs = set("outside", "offline", "online", "inside", "together", "later", "again", "away", "home",
		"anywhere", "everywhere", "only", "also", "first", "back", "ever", "never", "always", "here", "there",
		"now", "soon", "instead", "too", "yet", "still", "just")
	// adjectives are dropped from entity names ("the live queue" → Queue).
	adjectives = set("live", "new", "existing", "current", "full", "partial", "simple", "first", "last", "next",
		"previous", "personal", "shared", "native", "official", "short", "long", "small", "large", "main",
		"single", "same", "own", "public", "private", "open", "few", "several", "many", "other", "all",
		"each", "every", "any", "some", "whole", "entire", "exact", "median", "average", "total", "valid",
		"default", "final", "draft", "active", "free", "paid", "due", "late", "early", "recent", "related")
	// systemSubjects are subjects that mean the product itself.
	systemSubjects = set("everything", "it", "the app", "the system", "the api", "the service", "the product",
		"the platform", "the tool", "the website", "the site", "the application")
	// massNouns take no article and no plural ("front-desk staff").
	massNouns = set("staff", "personnel", "support", "data", "information", "software", "feedback", "analytics",
		"history", "access", "storage", "billing", "security", "equipment", "media", "content", "traffic", "control")
	// collectiveNouns name a group; "the" reads better than "a" ("the support team").
	collectiveNouns = set("team", "desk", "department", "office", "group", "committee", "board")
	// stopwords carry no topic; they are ignored when texts are compared.
	stopwords = set("a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
		"from", "as", "is", "are", "be", "was", "were", "been", "it", "its", "this", "that", "these", "those",
		"they", "them", "their", "we", "our", "you", "your", "i", "my", "me", "he", "she", "his", "her",
		"not", "no", "can", "may", "must", "should", "will", "would", "could", "shall", "do", "does", "did",
		"have", "has", "had", "each", "every", "any", "all", "some", "only", "more", "than", "less", "under",
		"over", "when", "if", "who", "which", "what", "so", "into", "per", "via", "within", "without",
		"system", "let", "user", "users", "provide", "support", "want", "get", "see", "use", "make", "one")
)

// Verb classes decide HTTP methods, acceptance criteria and tasks.
var (
	// systemVerbs are done by the product when a feature starts with them:
	// "Send a weekly summary", "Support multiple languages".
	systemVerbs = set("support", "provide", "show", "display", "send", "notify", "remind", "generate",
		"calculate", "sync", "store", "enforce", "validate", "detect", "prevent", "encrypt", "retain", "alert")
	viewVerbs    = set("see", "view", "browse", "list", "show", "read", "watch", "review", "find", "search", "open", "look", "monitor", "track", "preview", "explore")
	receiveVerbs = set("get", "receive", "hear")
	selectVerbs  = set("pick", "choose", "select")
	exportVerbs  = set("export", "download", "print")
	updateVerbs  = set("update", "edit", "reorder", "mark", "change", "rename", "move", "configure", "adjust", "reassign", "rank", "sort", "pause", "resume", "modify", "amend", "prioritise", "prioritize", "reschedule", "toggle")
	deleteVerbs  = set("delete", "remove", "cancel", "discard", "revoke", "unsubscribe")
	// actionVerbs change an item's state: POST /things/{id}/void.
	actionVerbs = set("void", "finalize", "finalise", "approve", "reject", "archive", "publish", "close", "reopen",
		"restore", "lock", "unlock", "complete", "confirm", "refund", "issue", "sign", "share", "duplicate",
		"submit", "resolve", "escalate", "activate", "deactivate", "suspend", "verify", "accept", "decline", "reset",
		"start", "end", "finish", "stop")
)

// Noun classes used when picking entities and writing criteria.
var (
	// uiNouns name a screen or view, not a stored thing.
	uiNouns = set("board", "dashboard", "page", "screen", "view", "map", "panel", "bar", "feed", "overview",
		"summary", "calendar", "timeline", "menu", "button", "widget", "tab", "form", "list", "inbox")
	// messageNouns are sent rather than stored or opened.
	messageNouns = set("reminder", "email", "digest", "notification", "alert", "message", "sms", "text",
		"webhook", "invitation", "invite", "newsletter", "push")
	// nonEntities are nouns the stories mention that are not stored things:
	// channels, devices, places, time and gestures.
	nonEntities = set("sms", "email", "text", "message", "link", "tablet", "phone", "device", "app", "web",
		"entrance", "line", "minute", "hour", "day", "week", "month", "year", "second", "quarter", "time",
		"tap", "click", "gesture", "glove", "rain", "signal", "coverage", "system", "way", "end", "shift",
		"result", "change", "detail", "thing", "record", "data", "information", "rendering")
	// compoundHeads follow a noun-like verb in a noun phrase: "Audit log",
	// "Report builder", "Email notifications".
	compoundHeads = set("log", "logs", "trail", "board", "dashboard", "page", "screen", "view", "panel", "bar",
		"history", "builder", "editor", "template", "templates", "alert", "alerts", "notification",
		"notifications", "report", "reports", "widget", "feed", "summary", "overview", "form", "mode",
		"tool", "tools", "integration", "engine", "settings", "inbox", "calendar", "timeline", "menu",
		"button", "link", "links", "api", "job", "jobs", "center", "centre", "rules", "queue", "list", "control", "controls",
		"date", "dates", "time", "times")
	// readOnlyNouns are read, never created, through the API.
	readOnlyNouns = set("log", "history", "report", "digest", "board", "dashboard", "feed", "summary", "overview", "trail")
)
