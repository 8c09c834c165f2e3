package offline

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// BuildTech writes a technical spec from the PRD and its stories alone,
// reading the domain from the PRD's words (BuildTechFrom).
func BuildTech(p *artifact.PRD, st *artifact.Stories) *artifact.TechSpec {
	return BuildTechFrom(p, st, nil)
}

// quality carries the PRD's non-functional requirements over, by their
// IDs: where the brief says them is the PRD's to cite.
func quality(nfrs []artifact.Requirement) []artifact.Requirement {
	out := make([]artifact.Requirement, len(nfrs))
	for i, r := range nfrs {
		r.Source, r.Also = artifact.Source{}, nil
		out[i] = r
	}
	return out
}

// overview says what the spec is for, in the PRD's words.
func overview(p *artifact.PRD, st *artifact.Stories) string {
	s := "This spec describes how to build " + p.Title + "."
	if first, _ := firstSentence(clean(p.Summary)); first != "" {
		ts := tokenize(first)
		if _, ok := finiteVerb(ts); ok || isImperative(ts) {
			return s + " " + sentence(first)
		}
		// A summary without a verb names the product: "Streaks, a habit
		// tracker for small teams".
		return strings.TrimSuffix(s, ".") + ", " + lowerFirst(bare(first), nil) + "."
	}
	return s + fmt.Sprintf(" It covers the %s and %s of its PRD.",
		plural.Count(len(p.Functional), "functional requirement"), plural.Count(len(st.Stories), "user story"))
}

// methodAction names what a method does on a collection or one item.
func methodAction(method string, one bool) string {
	switch {
	case method == "GET" && one:
		return "get"
	case method == "GET":
		return "list"
	case method == "POST":
		return "create"
	case method == "DELETE":
		return "delete"
	}
	return "update"
}

// Names of the two components every offline architecture has (see
// componentList), which the setup task builds.
const (
	apiComponent   = "API service"
	storeComponent = "Data store"
)
