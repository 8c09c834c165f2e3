package artifact

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is a kind of ID. Each kind has its own prefix and number format.
type Kind int

// The kinds of ID prodgen assigns.
const (
	KindGoal          Kind = iota + 1 // G-1
	KindFunctional                    // FR-001
	KindNonFunctional                 // NFR-001
	KindStory                         // US-001
	KindCriterion                     // AC-001.1, criterion 1 of US-001
	KindQuestion
	KindTask                          // T-001
)

// kindInfo describes how a kind's IDs are written.
type kindInfo struct {
	name   string
	prefix string
	pad    bool // numbers have three digits at least
}

var kinds = map[Kind]kindInfo{
	KindGoal:          {"goal", "G", false},
	KindFunctional:    {"functional requirement", "FR", true},
	KindNonFunctional: {"non-functional requirement", "NFR", true},
	KindStory:         {"story", "US", true},
	KindCriterion:     {"acceptance criterion", "AC", true},
	KindQuestion:      {"open question", "Q", false},
	KindTask:          {"task", "T", true},
}

// String names the kind in words, as used in error messages.
func (k Kind) String() string {
	if info, ok := kinds[k]; ok {
		return info.name
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Prefix returns the letters an ID of the kind starts with ("FR").
func (k Kind) Prefix() string { return kinds[k].prefix }

// Format returns the ID numbered n. For KindCriterion use CriterionID.
// Numbers start at 1.
func (k Kind) Format(n int) string {
	info := kinds[k]
	if info.pad {
		return fmt.Sprintf("%s-%03d", info.prefix, n)
	}
	return fmt.Sprintf("%s-%d", info.prefix, n)
}

// GoalID returns the ID of goal n: "G-1".
func GoalID(n int) string { return KindGoal.Format(n) }

// FRID returns the ID of functional requirement n: "FR-001".
func FRID(n int) string { return KindFunctional.Format(n) }

// NFRID returns the ID of non-functional requirement n: "NFR-001".
func NFRID(n int) string { return KindNonFunctional.Format(n) }

// StoryID returns the ID of story n: "US-001".
func StoryID(n int) string { return KindStory.Format(n) }

// CriterionID returns the ID of acceptance criterion n of story number
// story: CriterionID(1, 2) is "AC-001.2".
func CriterionID(story, n int) string {
	return fmt.Sprintf("AC-%03d.%d", story, n)
}

// QuestionID returns the ID of open question n: "Q-1".
func QuestionID(n int) string { return KindQuestion.Format(n) }

// TaskID returns the ID of task n: "T-001".
func TaskID(n int) string { return KindTask.Format(n) }

// ParseID checks that id is a well-formed ID of kind k, written exactly as
// Format writes it, and returns its number. For a criterion the number is
// the criterion's own (2 in "AC-001.2"); ParseCriterionID gives both.
func ParseID(k Kind, id string) (int, error) {
	if k == KindCriterion {
		_, n, err := ParseCriterionID(id)
		return n, err
	}
	if _, ok := kinds[k]; !ok {
		return 0, fmt.Errorf("unknown ID kind %d", int(k))
	}
	digits, ok := strings.CutPrefix(id, k.Prefix()+"-")
	n, nok := number(digits)
	if !ok || !nok || k.Format(n) != id {
		return 0, malformed(k, id)
	}
	return n, nil
}

// ParseCriterionID checks an acceptance criterion ID and returns the
// number of its story and its own number: "AC-001.2" gives 1, 2.
func ParseCriterionID(id string) (int, int, error) {
	rest, ok := strings.CutPrefix(id, "AC-")
	storyPart, critPart, dot := strings.Cut(rest, ".")
	story, sok := number(storyPart)
	n, nok := number(critPart)
	if !ok || !dot || !sok || !nok || CriterionID(story, n) != id {
		return 0, 0, malformed(KindCriterion, id)
	}
	return story, n, nil
}

// ValidID reports whether id is a well-formed ID of kind k.
func ValidID(k Kind, id string) bool {
	_, err := ParseID(k, id)
	return err == nil
}

// malformed is the error for an ID that is not written as its kind wants.
func malformed(k Kind, id string) error {
	example := k.Format(1)
	if k == KindCriterion {
		example = CriterionID(1, 1)
	}
	return fmt.Errorf("malformed %s ID %q (want the form %s)", k, id, example)
}

// number reads a positive decimal number of at most nine digits.
func number(s string) (int, bool) {
	if s == "" || len(s) > 9 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// LooksLikeID reports whether s is written like an ID of some kind (letters,
// a dash, then digits and dots), so that a malformed one ("FR-01") is
// reported rather than taken for ordinary text. Lint uses it too, so the
// two agree on what an ID is.
func LooksLikeID(s string) bool {
	letters, rest, ok := strings.Cut(s, "-")
	if !ok || letters == "" || rest == "" || rest[0] < '0' || rest[0] > '9' {
		return false
	}
	for _, c := range letters {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return strings.Trim(rest, "0123456789.") == ""
}
