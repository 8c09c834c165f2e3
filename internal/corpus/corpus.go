// Package corpus measures how well the offline engine reads real-world
// briefs. Its test data is a corpus of briefs in many shapes, each with an
// expectation written by hand: what a product manager would take from the
// brief (the product's name, its personas, the features of the first
// release) and what they would keep out of the requirements (later-phase
// items, staffing, budgets, timelines, launch tasks).
//
// Score compares a PRD with an expectation. Items are matched on key
// words, never on whole sentences, so an engine may phrase a requirement
// as it likes:
//
//   - A key is one word, or alternatives separated by "|" ("organise|organize").
//   - Words are compared case-insensitively on their stems (see prose.Stem), so
//     "book", "books", "booked" and "booking" are the same key.
//   - An item is found in a text when every one of its keys is there. A
//     feature is found when one functional requirement holds all its keys;
//     a later item leaks when one functional requirement or one in-scope
//     item holds all its keys; a non-requirement leaks when one functional
//     or non-functional requirement does; a persona is found when one
//     persona's name does.
//
// The keys of an item are the two to four words of the brief without
// which the item would not be stated: the object and what is done with
// it, not filler. TestExpectations checks that each expectation is
// coherent: every key appears in its brief, a feature's keys appear in the
// feature's own phrase, and no later item or non-requirement matches a
// feature's phrase, so a PRD listing exactly the features' phrases scores
// 100%.
//
// The figures, per brief and in total: features found, later items kept
// out, non-requirements kept out, the product's name right (the four have a
// target of 100%), and, for information, personas found and the brief's
// priorities kept. To see them and every gap, with the PRD of one brief:
//
//	go test ./internal/corpus -run '^TestCorpus$' -v [-show-prd roadpass.md]
//
// TestCorpus fails when a figure falls below testdata/baseline.json and
// says when one rises; -update-baseline rewrites the file. To add a brief,
// put it and its NAME.expect.json in testdata, check it with
// TestExpectations, and rewrite the baseline. TestCorpusTargets asserts
// the 100% targets, except the misses the baseline records (a brief added
// with gaps the engine has yet to close), which it lists.
//
// An expectation also lists the brief's outcomes: the clauses that state
// what a feature observably does, each with the keys an acceptance
// criterion stating it must hold. TestExpectations checks that an
// outcome's text is the brief's own words and holds its keys.
//
// The stories of each PRD, made as the pipeline's offline engine makes
// them, are measured too (see ScoreStories): stories whose actor is a
// persona, tautological criteria, the brief's outcomes some criterion
// states, and criteria repeated as boilerplate. TestStoryCorpus fails when
// a figure is worse than testdata/stories-baseline.json
// (-update-story-baseline rewrites it), and TestStoryCorpusTargets, run
// with PRODGEN_STORY_TARGETS=1, asserts their targets:
//
//	go test ./internal/corpus -run '^TestStoryCorpus$' -v [-show-stories roadpass.md]
package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Expectation is what a person takes from one brief. It is written by hand,
// as JSON, next to the brief.
type Expectation struct {
	// Brief is the brief's file name, in the same folder.
	Brief string `json:"brief"`
	// Shapes says what the brief exercises ("prose only", "setext
	// headings"...), for people reading the corpus.
	Shapes []string `json:"shapes"`
	// Product is the product's name; ProductAlso lists other names a
	// person would accept as the PRD's title ("Ledgerline" for
	// "Ledgerline Invoicing API").
	Product     string   `json:"product"`
	ProductAlso []string `json:"product_also,omitempty"`
	// Personas are the kinds of user the brief names.
	Personas []Item `json:"personas"`
	// Features are the capabilities of the first release (the MVP).
	Features []Item `json:"features"`
	// Later are items the brief puts after the first release (Phase 2,
	// post-v1, not MVP, Won't, future) or out of its scope: they must not
	// be MVP requirements or in scope.
	Later []Item `json:"later"`
	// NotRequirements are parts of the brief that are no requirement of
	// the product (staffing, budget, timeline, launch tasks): they must
	// not become functional or non-functional requirements.
	NotRequirements []Item `json:"not_requirements"`
	// Outcomes are the brief's statements of what a feature observably
	// does: a result ("the reserved tool disappears from the dropdown"), a
	// refusal ("cannot be advertised to parents until it is signed off"),
	// a limit or a number ("up to 12 hours before"). An acceptance
	// criterion stating one must hold its keys. The list is required, []
	// when the brief states none, so every brief has been read for them.
	Outcomes []Outcome `json:"outcomes"`
}

// Outcome is one observable outcome the brief states.
type Outcome struct {
	// Text is the brief's own words, as they stand in it (its words in
	// order; markup and punctuation aside).
	Text string `json:"text"`
	// Keys are the two to four words a criterion stating the outcome
	// must hold, compared as Item's are.
	Keys []string `json:"keys"`
	// Feature is the Text of the feature the outcome belongs to, when it
	// belongs to one of Features.
	Feature string `json:"feature,omitempty"`
}

// Item is one thing to find, or not to find, in a PRD.
type Item struct {
	// Text is a short phrase saying what the item is.
	Text string `json:"text"`
	// Keys are the words that must all appear for the item to match.
	Keys []string `json:"keys"`
	// Priority is the brief's own priority for a feature ("Must", "P0"),
	// when it gives one.
	Priority string `json:"priority,omitempty"`
	// Actor is, for a feature, the key of the persona who does it when
	// the brief says so by where it files the feature (under an "OWNER"
	// label, a persona's heading): every story of its requirements must
	// take that persona's role.
	Actor string `json:"actor,omitempty"`
}

// Decode reads an expectation, refusing unknown fields so a misspelt key
// cannot silently drop a check.
func Decode(data []byte) (*Expectation, error) {
	var e Expectation
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("decode expectation: %w", err)
	}
	if e.Brief == "" || e.Product == "" {
		return nil, fmt.Errorf("decode expectation: brief and product are required")
	}
	return &e, nil
}
