package export

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// The Jira priorities a story gets, from most to least urgent.
const (
	Highest = "Highest"
	High    = "High"
	Medium  = "Medium"
	Low     = "Low"
)

// levels maps a requirement's priority, normalised by priorityKey, to a
// rank: 0 is Highest. P0-P3, MoSCoW and Critical/High/Medium/Low scales.
var levels = map[string]int{
	"p0": 0, "must": 0, "critical": 0,
	"p1": 1, "should": 1, "high": 1,
	"p2": 2, "could": 2, "medium": 2,
	"p3": 3, "wont": 3, "low": 3,
}

var names = [...]string{Highest, High, Medium, Low}

// unranked is the rank of a requirement whose priority is unknown.
const unranked = len(names)

// Priority maps a requirement's priority to a Jira priority: P0, Must and
// Critical give Highest; P1, Should and High give High; P2, Could and
// Medium give Medium; P3, Won't and Low give Low. Case, spaces,
// punctuation and a trailing "have" ("Must have", "won't-have") are
// ignored. ok is false for anything else, including "".
func Priority(p string) (string, bool) {
	r, ok := levels[priorityKey(p)]
	if !ok {
		return "", false
	}
	return names[r], true
}

// priorityKey lower-cases p and keeps only its letters and digits, without
// a trailing "have".
func priorityKey(p string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(p) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		}
	}
	k := b.String()
	if k != "have" {
		k = strings.TrimSuffix(k, "have")
	}
	return k
}

// priorities ranks the PRD's functional requirements by ID. A nil PRD
// gives an empty map.
func priorities(prd *artifact.PRD) map[string]int {
	out := make(map[string]int)
	if prd == nil {
		return out
	}
	for _, r := range prd.Functional {
		rank, ok := levels[priorityKey(r.Priority)]
		if !ok {
			rank = unranked
		}
		out[r.ID] = rank
	}
	return out
}

// storyPriority is the Jira priority of the story's own priority when
// Priority maps it, else of the highest-ranked requirement among its
// traces; Medium when none has a known priority.
func storyPriority(st artifact.Story, prio map[string]int) string {
	if p, ok := Priority(st.Priority); ok {
		return p
	}
	best := unranked
	for _, fr := range st.Traces {
		if r, ok := prio[fr]; ok && r < best {
			best = r
		}
	}
	if best == unranked {
		return Medium
	}
	return names[best]
}
