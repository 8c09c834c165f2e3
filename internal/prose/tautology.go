// Package prose judges the wording of prodgen's documents without a model:
// words and their light stems (Words, Stem, ContentStems), acceptance
// criteria that restate their action (Tautology), and garbled sentences
// (Garble). Both lint and the corpus measurements use it, so a sentence is
// judged the same way wherever it is judged.
package prose

import (
	"regexp"
	"strings"
)

// Tautology reports whether a criterion's Then only restates its When, and
// why: such a criterion cannot fail once the action is done, so it tests
// nothing ("when they create a trip, then the trip is created").
//
// A Then is a tautology when:
//
//   - it is a stock phrase that states no outcome: "X is available to
//     them", "the result is saved and shown to them", "it succeeds", "the
//     action is completed"; or
//   - it has no content word the When lacks. Content words are the words
//     left once stop words (articles, pronouns, auxiliaries, prepositions)
//     and light words ("available", "get", "see", "shown", "done",
//     "successfully"…) are set aside, so "then they get the X" and "then
//     the X is shown to them" after a When that names the X are
//     tautologies; they are compared on their light
//     stems (see Stem), irregular past forms first taken to their base
//     ("paid" is "pay", "sent" is "send").
//
// A Then that refuses or negates ("not", "no", "never", "cannot",
// "refuses", "rejected", "blocked") is never a tautology: "when they
// advertise a trip before sign-off, then the trip is not advertised"
// states what must not happen. A criterion not in Given/When/Then form is
// not judged: its when or then is empty.
func Tautology(when, then string) (bool, string) {
	if strings.TrimSpace(when) == "" || strings.TrimSpace(then) == "" {
		return false, ""
	}
	if m := quotedFrame.FindStringSubmatch(strings.TrimSpace(then)); m != nil {
		// "the requirement holds as the brief states it: “X”" is judged
		// by X: quoting the When's own words states nothing more.
		then = m[1]
	}
	if NeedsClarification(then) {
		return false, "" // it states that no outcome is known, not one
	}
	thenText := then
	then = strings.ToLower(strings.TrimSpace(then))
	for _, w := range Words(then) {
		if negations[w] {
			return false, ""
		}
	}
	for _, p := range stockThens {
		if p.re.MatchString(then) {
			return true, "stock phrase: " + p.name
		}
	}
	whenSet := ContentSet(when)
	var fresh []string
	for _, s := range ContentStems(thenText) {
		if !whenSet[s] {
			fresh = append(fresh, s)
		}
	}
	if len(fresh) == 0 {
		return true, "the Then has no word the When lacks"
	}
	return false, ""
}

// quotedFrame is a Then that quotes the requirement or one of its rules
// in the brief's words rather than state an outcome of its own.
var quotedFrame = regexp.MustCompile(`^(?:the requirement holds as the brief states it|the brief's rule holds):\s*[“"](.*)[”"]\.?$`)

// Clarification is how a criterion says that the brief states no outcome
// a tester can check, in spec-kit's marker: "then [NEEDS CLARIFICATION:
// the brief states no outcome a tester can check]". Lint reports each as
// needs-clarification until a person writes the outcome.
const Clarification = "[NEEDS CLARIFICATION: the brief states no outcome a tester can check]"

// NeedsClarification reports whether a text carries a NEEDS CLARIFICATION
// marker.
func NeedsClarification(text string) bool {
	return strings.Contains(strings.ToUpper(text), "[NEEDS CLARIFICATION")
}

// stockThens are Thens that state no outcome whatever comes before them.
var stockThens = []struct {
	name string
	re   *regexp.Regexp
}{
	{"X is available to them", regexp.MustCompile(`^[\w' -]*\b(is|are|becomes|become) available to (them|him|her|the user|users)\.?$`)},
	{"the result is saved and shown", regexp.MustCompile(`^the results? (is|are) (saved|recorded|stored)( and shown( to them)?)?\.?$`)},
	{"it succeeds", regexp.MustCompile(`^(it|this|the (action|operation|request|step|change|task)) (succeeds|works|is (done|completed|successful|complete))\.?$`)},
	{"the action is completed", regexp.MustCompile(`^the (action|operation|request) (is|was) (performed|completed|carried out|done)( successfully)?\.?$`)},
}

// negations mark a Then that states what must not happen.
var negations = setOf("not", "no", "never", "cannot", "nothing", "none", "refuses", "refused", "rejects", "rejected", "blocked", "blocks", "denied", "denies", "prevented", "prevents", "without", "fails", "error")

// lightWords add no outcome of their own to a Then.
var lightWords = setOf(
	"available", "get", "gets", "got", "see", "sees", "seen", "shown", "show", "shows", "visible",
	"done", "complete", "completed", "success", "successful", "successfully", "succeeds", "succeed",
	"able", "can", "now", "accordingly", "correctly", "properly", "expected", "appropriate",
	"work", "works", "happens", "happen", "result", "results", "system", "user", "users", "app",
)

// stopWords are the function words a content comparison leaves out.
var stopWords = setOf(
	"a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "them", "their", "theirs",
	"he", "she", "him", "her", "his", "hers", "you", "your", "we", "our", "i", "me", "my",
	"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
	"will", "would", "shall", "should", "may", "might", "must", "could",
	"and", "or", "but", "if", "then", "when", "given", "so", "as", "than",
	"of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "up", "out", "about", "over",
	"there", "here", "which", "who", "whom", "what", "each", "every", "all", "any", "some", "one",
)

// irregular takes common irregular past forms to their base, so "paid"
// compares with "pay".
var irregular = map[string]string{
	"paid": "pay", "sent": "send", "made": "make", "built": "build", "given": "give", "taken": "take",
	"chosen": "choose", "written": "write", "bought": "buy", "found": "find", "kept": "keep",
	"left": "leave", "held": "hold", "brought": "bring", "told": "tell", "sold": "sell", "won": "win",
	"drawn": "draw", "known": "know", "hidden": "hide", "begun": "begin", "met": "meet", "led": "lead",
}
