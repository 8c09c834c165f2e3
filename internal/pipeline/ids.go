package pipeline

import (
	"fmt"

	"github.com/prodgen/prodgen/internal/artifact"
)

// idsOf lists the IDs of items.
func idsOf[T any](items []T, id func(T) string) []string {
	ids := make([]string, 0, len(items))
	for _, it := range items {
		ids = append(ids, id(it))
	}
	return ids
}

func requirementIDs(reqs []artifact.Requirement) []string {
	return idsOf(reqs, func(r artifact.Requirement) string { return r.ID })
}

func storyIDs(stories []artifact.Story) []string {
	return idsOf(stories, func(s artifact.Story) string { return s.ID })
}

func questionIDs(qs []artifact.Question) []string {
	return idsOf(qs, func(q artifact.Question) string { return q.ID })
}

// groupsOf cuts items into consecutive groups of at most n, so that the
// requirements of one feature, numbered together, mostly stay together.
func groupsOf[T any](items []T, n int) [][]T {
	var groups [][]T
	for len(items) > n {
		groups = append(groups, items[:n:n])
		items = items[n:]
	}
	return append(groups, items)
}

// count says "1 story" or "3 stories".
func count(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	switch {
	case len(noun) >= 9 && noun[len(noun)-9:] == "criterion":
		noun = noun[:len(noun)-9] + "criteria"
	case noun[len(noun)-1] == 'y':
		noun = noun[:len(noun)-1] + "ies"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
