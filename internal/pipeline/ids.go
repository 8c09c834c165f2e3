package pipeline

import (
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
