package corpus

import (
	"strings"

	"github.com/prodgen/prodgen/internal/prose"
)

// stems is the set of stems of a text's words.
type stems map[string]bool

func stemsOf(s string) stems {
	out := stems{}
	for _, w := range prose.Words(s) {
		out[prose.Stem(w)] = true
	}
	return out
}

// has reports whether the text holds key: one of its "|"-separated
// alternatives, each of whose words must be there.
func (st stems) has(key string) bool {
	for _, alt := range strings.Split(key, "|") {
		ws := prose.Words(alt)
		found := len(ws) > 0
		for _, w := range ws {
			found = found && st[prose.Stem(w)]
		}
		if found {
			return true
		}
	}
	return false
}

// hasAll reports whether the text holds every key. An item without keys
// matches nothing.
func (st stems) hasAll(keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		if !st.has(k) {
			return false
		}
	}
	return true
}

// Matches reports whether text holds every key, by the rule of the package
// comment.
func Matches(text string, keys []string) bool {
	return stemsOf(text).hasAll(keys)
}
