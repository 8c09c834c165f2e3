package brief

import (
	"strings"
)

// parseMetric splits a metric's text into a name, a baseline and a target.
// The rules are tried in order; the first that applies wins:
//
//  1. "Name: value" (or "Name — value" when the value holds a number): the
//     value is the target, or "from A to B" gives baseline and target.
//  2. "Name should drop from A to B": baseline A, target B.
//  3. "No X should be lost": name "X lost", target "none".
//  4. A leading quantity ("15 customers live … in the first quarter"):
//     the target is the quantity plus any time frame.
//  5. A comparison followed by a quantity ("… down 50% within …",
//     "… under 2 s"): the target starts at the comparison.
//  6. A quantity anywhere: the target starts at it.
//  7. A bare direction word ("Reduce churn"): the word is the target.
//
// Whatever the rules, a metric whose text holds a digit or a target word
// never has an empty Target; a metric with neither keeps its text as Name.
func parseMetric(text string) Metric {
	t := trimItem(plain(text))
	if t == "" {
		return Metric{}
	}
	for _, rule := range []func(string) (Metric, bool){
		metricLabelled, metricFromTo, metricNone, metricLeadingQuantity,
		metricComparison, metricQuantity, metricDirection,
	} {
		if m, ok := rule(t); ok {
			return tidyMetric(m, t)
		}
	}
	if hasDigit(t) || hasTargetWord(t) {
		// Nothing separates the name from the target: keep both whole
		// rather than lose the target.
		return Metric{Name: capitalize(t), Target: t}
	}
	return Metric{Name: capitalize(t)}
}

// copulas open a target without adding to it: "time is under 1 day".
var copulas = lexSet("copulas")

// directionVerbs moved from a name to its target keep the target's
// meaning: "Increase sign-ups | by 20%" gives target "increase by 20%".
var directionVerbs = lexSet("direction verbs")

// tidyMetric applies the item rule to every field and guarantees a name.
func tidyMetric(m Metric, text string) Metric {
	name := strings.Fields(strings.Trim(m.Name, ":;,—–- "))
	target := strings.Fields(m.Target)
	if len(target) > 1 && copulas()[strings.ToLower(target[0])] {
		target = target[1:]
	}
	if len(name) > 1 && directionVerbs()[strings.ToLower(name[0])] && len(target) > 0 {
		target = append([]string{strings.ToLower(name[0])}, target...)
		name = name[1:]
	}
	m.Name = capitalize(trimItem(strings.Join(name, " ")))
	m.Baseline = trimItem(m.Baseline)
	m.Target = trimItem(strings.Join(target, " "))
	if m.Name == "" {
		m.Name = capitalize(text)
	}
	if m.Target == "" {
		m.Target = text
	}
	return m
}

var (
	labelSep   = lazyRegexp(`:\s+|\s+[—–]\s+|\s+-\s+`)
	fromTo     = lazyRegexp(`(?i)^from\s+(.+?)\s+to\s+(.+)$`)
	arrow      = lazyRegexp(`^(.+?)\s*(?:→|->|⇒|=>)\s*(.+)$`)
	baselineIn = lazyRegexp(`(?i)\s*\((?:today|currently|now|baseline|from|was)[:\s]+([^)]+)\)`)
	verbFromTo = lazyRegexp(`(?i)^(.*?)\s+(?:(?:should|will|must|would|to|can|could|needs? to)\s+)?(?:(?:drop|fall|go|come|rise|grow|increase|decrease|shrink|move|improve|reduce|cut|climb|jump|change|shift|get)(?:s|es|ed)?\s+)?(?:(?:down|up)\s+)?from\s+(.+?)\s+to\s+(.+)$`)
)

func metricLabelled(t string) (Metric, bool) {
	loc := labelSep().FindStringIndex(t)
	if loc == nil || loc[0] == 0 {
		return Metric{}, false
	}
	name, value := t[:loc[0]], strings.TrimSpace(t[loc[1]:])
	if value == "" || (t[loc[0]] != ':' && !isQuantity(value) && !hasTargetWord(value)) {
		return Metric{}, false
	}
	m := Metric{Name: name, Target: value}
	if b := baselineIn().FindStringSubmatch(value); b != nil {
		m.Baseline = b[1]
		m.Target = strings.Replace(value, b[0], "", 1)
	} else if f := fromTo().FindStringSubmatch(value); f != nil {
		m.Baseline, m.Target = f[1], f[2]
	} else if a := arrow().FindStringSubmatch(value); a != nil {
		m.Baseline, m.Target = a[1], a[2]
	}
	return m, true
}

func metricFromTo(t string) (Metric, bool) {
	m := verbFromTo().FindStringSubmatch(t)
	if m == nil || !(isQuantity(m[2]) || isQuantity(m[3])) {
		return Metric{}, false
	}
	name := stripLeadingVerb(m[1])
	if name == "" {
		return Metric{}, false
	}
	return Metric{Name: name, Baseline: m[2], Target: m[3]}, true
}

// fillerWords carry no meaning in a metric's name once its target has
// been taken out ("no photo should ever be lost again").
var fillerWords = lexSet("filler words")

// metricNone reads "No inspection photo should be lost again" and "Zero
// data loss" as a target of none.
func metricNone(t string) (Metric, bool) {
	w := strings.Fields(t)
	if len(w) < 2 {
		return Metric{}, false
	}
	first, second := strings.ToLower(w[0]), strings.ToLower(w[1])
	if first != "no" && first != "zero" {
		return Metric{}, false
	}
	if second == "more" || second == "less" || second == "fewer" || second == "later" || second == "longer" {
		return Metric{}, false
	}
	var name []string
	for _, x := range w[1:] {
		if !fillerWords()[strings.ToLower(x)] {
			name = append(name, x)
		}
	}
	target := "none"
	if first == "zero" {
		target = "zero"
	}
	return Metric{Name: strings.Join(name, " "), Target: target}, true
}

// comparisons start a target when a quantity follows within a few words.
var comparisons = lexPhrases("comparisons")

// quantityReach is how many words after a comparison may pass before its
// quantity.
const quantityReach = 3

func metricComparison(t string) (Metric, bool) {
	lower := lowerKeep(t)
	best := -1
	for _, c := range comparisons() {
		for off := 0; off < len(lower); {
			i := wordIndex(lower[off:], c)
			if i < 0 {
				break
			}
			i += off
			if i > 0 && (best < 0 || i < best) && quantitySoon(t[i+len(c):]) {
				best = i
			}
			off = i + len(c)
		}
	}
	if best < 0 {
		return Metric{}, false
	}
	m := nameAndTarget(t, best)
	if stripLeadingVerb(m.Name) == "" {
		return Metric{}, false
	}
	return m, true
}

func quantitySoon(s string) bool {
	w := strings.Fields(s)
	if len(w) > quantityReach {
		w = w[:quantityReach]
	}
	return isQuantity(strings.Join(w, " "))
}

// detailKeys name nested list items that give a metric's values:
//
//   - Weekly active teams
//   - Today: 0
//   - Target: 200
var detailKeys = map[string]string{"target": "target", "goal": "target", "baseline": "baseline",
	"today": "baseline", "current": "baseline", "currently": "baseline", "now": "baseline"}

// metricWithDetail parses a metric list item with its nested items.
func metricWithDetail(text string, kids []string) Metric {
	var base, target string
	var rest []string
	for _, k := range kids {
		key, value, ok := strings.Cut(plain(k), ":")
		switch detailKeys[strings.ToLower(strings.TrimSpace(key))] {
		case "target":
			target = trimItem(value)
		case "baseline":
			base = trimItem(value)
		default:
			ok = false
		}
		if !ok {
			rest = append(rest, k)
		}
	}
	if target == "" {
		m := parseMetric(joinKids(text, rest))
		if base != "" {
			m.Baseline = base
		}
		return m
	}
	return Metric{Name: capitalize(trimItem(plain(text))), Baseline: base, Target: target}
}

// addMetric adds a metric unless it has no name.
func (p *parser) addMetric(m Metric) {
	if m.Name == "" {
		return
	}
	p.b.Metrics = append(p.b.Metrics, m)
}
