package brief

import (
	"strings"
)

// numberWords count as quantities in a metric: "under fifteen minutes".
var numberWords = lexSet("number words")

// unitWords make "an hour" or "a day" a quantity.
var unitWords = lexSet("unit words")

// isQuantity reports whether s holds a number: digits, a number word, or
// "a"/"an" with a unit of time.
func isQuantity(s string) bool {
	if hasDigit(s) {
		return true
	}
	w := strings.Fields(strings.ToLower(s))
	for i, x := range w {
		x = strings.Trim(x, ".,;:()")
		if numberWords()[x] {
			return true
		}
		if (x == "a" || x == "an") && i+1 < len(w) && unitWords()[strings.TrimSuffix(strings.Trim(w[i+1], ".,;:"), "s")] {
			return true
		}
	}
	return false
}

// targetWords state a target without a number ("Reduce churn", "fewer
// tickets"); a metric holding one always gets a Target.
var targetWords = lexPhrases("target words")

func hasTargetWord(s string) bool {
	_, ok := firstTargetWord(lowerKeep(s))
	return ok
}

// firstTargetWord returns the offset of the earliest target word in lower.
func firstTargetWord(lower string) (int, bool) {
	best := -1
	for _, w := range targetWords() {
		if i := wordIndex(lower, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best, best >= 0
}

var (
	leadingQuantity = lazyRegexp(`(?i)^((?:~|about |around |approx\.? |at least |over |under |more than |fewer than |less than |up to )?[$€£]?(?:\d[\d,.]*\s*(?:%|k\b|m\b|x\b|×|\+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|fifty|a hundred|hundred)\b))\s+(.+)$`)
	timeFrame       = lazyRegexp(`(?i)\s+((?:in|within|by|after|during|over|before|per|each|every|a)\s+(?:the\s+)?(?:first|next|last|end|\d+|one|two|three|four|five|six|twelve|q[1-4]|h[12]|launch|day|week|month|quarter|year|shift|hour|january|february|march|april|may|june|july|august|september|october|november|december)\b.*)$`)
)

// metricLeadingQuantity reads "15 customers live on the API in the first
// quarter" as name "Customers live on the API", target "15 in the first
// quarter".
func metricLeadingQuantity(t string) (Metric, bool) {
	m := leadingQuantity().FindStringSubmatch(t)
	if m == nil {
		return Metric{}, false
	}
	qty, rest := strings.TrimSpace(m[1]), m[2]
	// "80% of invoices paid on time": the name is what is counted.
	if r, ok := strings.CutPrefix(rest, "of "); ok {
		rest = r
	}
	if tf := timeFrame().FindStringSubmatchIndex(rest); tf != nil && tf[0] > 0 {
		return Metric{Name: rest[:tf[0]], Target: qty + " " + rest[tf[2]:tf[3]]}, true
	}
	return Metric{Name: rest, Target: qty}, true
}

// metricQuantity starts the target at the first number: "Reach 200 teams
// by March" becomes name "Teams", target "200 by March" through the
// leading-quantity rule once the verb is gone.
func metricQuantity(t string) (Metric, bool) {
	w := strings.Fields(t)
	for i, x := range w {
		if !isQuantity(x) || i == 0 {
			continue
		}
		before := strings.Join(w[:i], " ")
		after := strings.Join(w[i:], " ")
		if stripLeadingVerb(before) == "" {
			if m, ok := metricLeadingQuantity(after); ok {
				return m, true
			}
		}
		return nameAndTarget(before+" "+after, len(before)+1), true
	}
	return Metric{}, false
}

// metricDirection handles a target word with no number: "Fewer support
// tickets" gives name "Support tickets", target "fewer".
func metricDirection(t string) (Metric, bool) {
	lower := lowerKeep(t)
	i, ok := firstTargetWord(lower)
	if !ok {
		return Metric{}, false
	}
	if i > 0 {
		return nameAndTarget(t, i), true
	}
	end := strings.IndexByte(t, ' ')
	if end < 0 {
		return Metric{Name: t, Target: lower}, true
	}
	return Metric{Name: t[end+1:], Target: lower[:end]}, true
}

// metricVerbs open a metric phrased as an action ("Reduce paperwork time
// from…", "Reach 200 teams").
var metricVerbs = lexSet("metric verbs")

func stripLeadingVerb(s string) string {
	s = strings.TrimSpace(s)
	w := strings.Fields(s)
	if len(w) > 0 && metricVerbs()[strings.ToLower(w[0])] {
		return strings.Join(w[1:], " ")
	}
	return s
}

// trailingFiller are words left at the end of a name once its target is
// cut off ("Pages load in | under 1 s", "time should | drop").
var trailingFiller = lexSet("trailing filler")

// movingVerbs say which way a number should move; at the end of a name
// they belong to the target: "callbacks drop | by half" gives target
// "drop by half".
var movingVerbs = lexSet("moving verbs")

// nameAndTarget cuts text at i into a name and a target, moving a verb of
// direction from the name's end to the target and dropping filler.
func nameAndTarget(text string, i int) Metric {
	w := strings.Fields(text[:i])
	target := strings.TrimSpace(text[i:])
	for len(w) > 1 {
		last := strings.ToLower(strings.Trim(w[len(w)-1], ",;:"))
		switch {
		case movingVerbs()[last] && last != "go":
			target = last + " " + target
		case trailingFiller()[last], last == "down", last == "up":
			if last == "down" || last == "up" {
				target = last + " " + target
			}
		default:
			return Metric{Name: strings.Join(w, " "), Target: target}
		}
		w = w[:len(w)-1]
	}
	return Metric{Name: strings.Join(w, " "), Target: target}
}
