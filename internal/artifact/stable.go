package artifact

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// Stable IDs. A model, or the offline engine, writes a fresh document each
// time, numbered by position. The Stabilize functions renumber it against
// the document as it was on disk, so that:
//
//   - an item that is still there keeps its ID, wherever it now stands;
//   - a new item gets the next number above every number ever used for its
//     kind, so a removed number (FR-004, still named in a ticket) is never
//     given to another item;
//   - the items keep the order of the new document. IDs may then not be
//     ascending (FR-001, FR-006, FR-002); that is on purpose: the document
//     reads in the order the brief now gives, and sorting by ID would push
//     every new item to the end of its list.
//
// Items are matched within one list (FRs with FRs, goals with goals) by
// their text, normalized by matchText: first exactly, then by similarity,
// the Jaccard index of their word sets (shared words over all words). A
// pair is taken only if its similarity is at least minSimilarity;
// candidates are taken greedily, most similar first, each old and new item
// at most once, and ties go to the earlier new item, then to the earlier
// old one, so the result depends only on the two documents.
//
// References are not touched: a story's traces and a task's stories name
// IDs of the upstream document, which is stabilized before the next stage
// reads it, so they already use stable IDs. Criteria IDs are recomputed
// from their story's final ID.

// minSimilarity is the least Jaccard index of two texts' word sets for one
// to take the other's ID. It is set high on purpose. A miss costs little:
// the item gets a new number and the old one is retired. A false match
// costs much: an ID a ticket names would silently move to another
// requirement. At 0.6 a reworded requirement ("Staff call the next patient
// with one tap" → "Staff call the next waiting patient with a single tap",
// 0.64) keeps its ID, while two requirements that share only a boilerplate
// opening ("The system must let a patient join the queue" / "… let staff
// close the queue", 0.5) do not match.
const minSimilarity = 0.6

// Highest records, per ID prefix ("G", "FR", "NFR", "Q", "US", "T"), the
// highest number ever used, so that a removed number is never reused. Keep
// one Highest per document: the PRD and the tech spec both number open
// questions Q-1…, each in its own sequence.
type Highest map[string]int

// StabilizePRD renumbers the goals, functional and non-functional
// requirements and open questions of next, a freshly generated PRD,
// against prev, the PRD as it was on disk (nil when there is none). An item
// matching an item of prev takes its ID; any other gets a number above
// both highest and every number in prev. IDs next already has are ignored.
// It returns the updated Highest, a new map never lower than highest for
// any prefix; highest itself is not changed.
func StabilizePRD(next, prev *PRD, highest Highest) Highest {
	out := cloneHighest(highest)
	var old PRD
	if prev != nil {
		old = *prev
	}
	goalID := func(g *Goal) *string { return &g.ID }
	goalText := func(g Goal) string { return g.Text }
	stabilize(KindGoal, next.Goals, old.Goals, out, goalText, goalID)
	stabilize(KindFunctional, next.Functional, old.Functional, out, requirementMatchText, requirementID)
	stabilize(KindNonFunctional, next.NonFunctional, old.NonFunctional, out, requirementMatchText, requirementID)
	stabilize(KindQuestion, next.OpenQuestions, old.OpenQuestions, out, questionMatchText, questionID)
	return out
}

// StabilizeStories renumbers the stories of next against prev as
// StabilizePRD does, matching stories on their title and want, and gives
// each story's acceptance criteria the IDs that follow its final ID:
// AC-<story>.1…, in order. Traces are left as they are.
func StabilizeStories(next, prev *Stories, highest Highest) Highest {
	out := cloneHighest(highest)
	var old []Story
	if prev != nil {
		old = prev.Stories
	}
	storyText := func(st Story) string { return st.Title + " " + st.Want }
	storyID := func(st *Story) *string { return &st.ID }
	stabilize(KindStory, next.Stories, old, out, storyText, storyID)
	for i := range next.Stories {
		st := &next.Stories[i]
		// stabilize has just given the story a well-formed ID.
		n, _ := ParseID(KindStory, st.ID)
		for j := range st.Criteria {
			st.Criteria[j].ID = CriterionID(n, j+1)
		}
	}
	return out
}

// StabilizeTech renumbers the tasks and open questions of next against
// prev as StabilizePRD does, matching both on their text; a task's
// dependencies follow the tasks they name to their new IDs. The quality
// requirements keep the PRD's IDs, and the stories each task and endpoint
// names are left as they are.
func StabilizeTech(next, prev *TechSpec, highest Highest) Highest {
	out := cloneHighest(highest)
	var old TechSpec
	if prev != nil {
		old = *prev
	}
	taskText := func(t Task) string { return t.Text }
	taskID := func(t *Task) *string { return &t.ID }
	before := pluck(next.Tasks, func(t Task) string { return t.ID })
	stabilize(KindTask, next.Tasks, old.Tasks, out, taskText, taskID)
	after := pluck(next.Tasks, func(t Task) string { return t.ID })
	for i := range next.Tasks {
		next.Tasks[i].ID = before[i]
	}
	renamed := renumber(next.Tasks, func(i int) string { return after[i] })
	for i := range next.Tasks {
		next.Tasks[i].DependsOn = follow(next.Tasks[i].DependsOn, renamed)
	}
	stabilize(KindQuestion, next.OpenQuestions, old.OpenQuestions, out, questionMatchText, questionID)
	return out
}

func requirementMatchText(r Requirement) string { return r.Text }
func requirementID(r *Requirement) *string      { return &r.ID }
func questionMatchText(q Question) string       { return q.Text }
func questionID(q *Question) *string            { return &q.ID }

// cloneHighest copies h into a new, non-nil map.
func cloneHighest(h Highest) Highest {
	out := make(Highest, len(h)+2)
	maps.Copy(out, h)
	return out
}

// stabilize gives the items of next, one list of kind k, their stable IDs
// against the same list in the previous document, and raises highest's
// entry for k to the highest number used. text gives the text an item is
// matched on, id the address of its ID.
func stabilize[T any](k Kind, next, prev []T, highest Highest, text func(T) string, id func(*T) *string) {
	top := max(highest[k.Prefix()], 0)
	// An old item can hand its ID on only if the ID is well formed and the
	// first of its kind, so the new list's IDs stay valid and unique even
	// when the old document was edited by hand.
	var donorIDs, donorTexts []string
	seen := make(map[string]bool)
	for i := range prev {
		oldID := *id(&prev[i])
		n, err := ParseID(k, oldID)
		if err != nil || seen[oldID] {
			continue
		}
		seen[oldID] = true
		top = max(top, n)
		donorIDs = append(donorIDs, oldID)
		donorTexts = append(donorTexts, text(prev[i]))
	}

	nextTexts := make([]string, len(next))
	for i, item := range next {
		nextTexts[i] = text(item)
	}
	for i, j := range matchTexts(nextTexts, donorTexts) {
		if j >= 0 {
			*id(&next[i]) = donorIDs[j]
			continue
		}
		top++
		*id(&next[i]) = k.Format(top)
	}
	if top > 0 {
		highest[k.Prefix()] = top
	}
}

// matchTexts pairs new texts with old ones, one to one. It returns, for
// each new text, the index of the old text it matches, or -1. Texts equal
// after matchText pair first, in order; then the remaining pairs whose
// similarity is at least minSimilarity, most similar first, ties to the
// earlier new text, then the earlier old one.
func matchTexts(next, prev []string) []int {
	match := make([]int, len(next))
	taken := make([]bool, len(prev))
	nextNorm := make([]string, len(next))
	prevNorm := make([]string, len(prev))
	unclaimed := make(map[string][]int) // old texts by normalized text, in order
	for j, s := range prev {
		prevNorm[j] = matchText(s)
		unclaimed[prevNorm[j]] = append(unclaimed[prevNorm[j]], j)
	}
	for i, s := range next {
		nextNorm[i] = matchText(s)
		match[i] = -1
		if js := unclaimed[nextNorm[i]]; len(js) > 0 {
			match[i], taken[js[0]] = js[0], true
			unclaimed[nextNorm[i]] = js[1:]
		}
	}

	type candidate struct {
		sim  float64
		i, j int
	}
	var candidates []candidate
	// The previous texts' words are read only when some text changed, and
	// then once each; an unchanged document matches exactly above.
	var prevWords []map[string]bool
	for i := range next {
		if match[i] >= 0 {
			continue
		}
		if prevWords == nil {
			prevWords = make([]map[string]bool, len(prev))
			for j := range prev {
				prevWords[j] = wordSet(prevNorm[j])
			}
		}
		words := wordSet(nextNorm[i])
		for j := range prev {
			if taken[j] {
				continue
			}
			if sim := jaccard(words, prevWords[j]); sim >= minSimilarity {
				candidates = append(candidates, candidate{sim, i, j})
			}
		}
	}
	slices.SortFunc(candidates, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})
	for _, c := range candidates {
		if match[c.i] < 0 && !taken[c.j] {
			match[c.i], taken[c.j] = c.j, true
		}
	}
	return match
}

// matchText reduces s to the words that carry its meaning: lower case,
// markdown emphasis, code marks and punctuation gone, one space between
// words. An apostrophe inside a word is dropped ("today's" → "todays");
// any other character that is neither a letter nor a digit separates words.
func matchText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\'' || r == '’':
			return -1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		default:
			return ' '
		}
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// wordSet returns the set of words of a text normalized by matchText.
func wordSet(s string) map[string]bool {
	words := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		words[w] = true
	}
	return words
}

// jaccard returns the size of the intersection of a and b over the size
// of their union, 0 when both are empty. Equal fractions give equal
// float64 values, since division is correctly rounded, so ties compare
// equal.
func jaccard(a, b map[string]bool) float64 {
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	union := len(a) + len(b) - shared
	if union == 0 {
		return 0
	}
	return float64(shared) / float64(union)
}
