package domain

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// describers are describing words a field's name drops ("free notes" is
// notes); other describing words stay ("due date", "old value").
var describers = map[string]bool{
	"short": true, "quick": true, "simple": true, "free": true, "optional": true, "private": true, "public": true,
	"full": true, "little": true, "big": true, "small": true, "long": true, "live": true, "few": true, "many": true,
	"several": true, "various": true, "certain": true, "rough": true, "exact": true, "usual": true, "own": true,
	"chosen": true, "given": true, "clear": true, "new": true, "current": true,
}

// fieldName is a field's name from a noun phrase: its words in lower
// case, describing words kept but for mere describers, no determiner.
func fieldName(lx *lexicon, np *nounPhrase) string {
	var ws []string
	for _, a := range np.adjs {
		if !describers[a] && !lx.num[a] && !isNumber(a) {
			ws = append(ws, a)
		}
	}
	for _, w := range np.words {
		ws = append(ws, strings.ToLower(w))
	}
	return strings.Join(ws, " ")
}

// field makes a field of a noun phrase and the aside after it, typed by
// its name, its values and its unit.
func (fr *featureReader) field(np *nounPhrase, aside string) Field {
	lx := fr.r.lx
	name := fieldName(lx, np)
	if duration(lx, np) {
		// "30 days after the issue date": a length of time, no field.
		return Field{}
	}
	f := Field{Name: name, Lines: fr.lineOf(lastWord(name))}
	if slices1(np.adjs, "optional") {
		f.Optional = true
	}
	switch name {
	case "who":
		f.Name, f.Type = "who", Reference
		return f
	case "when":
		f.Name, f.Type = "when", DateTime
		return f
	}
	t, known := lx.typeOf(name)
	f.Type, f.Guess = t, !known
	fr.readAside(&f, aside)
	return f
}

func slices1(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// duration reports whether a phrase is an amount of time: "30 days",
// "two weeks".
func duration(lx *lexicon, np *nounPhrase) bool {
	if len(np.words) != 1 || !lx.generic[strings.ToLower(np.words[0])] {
		return false
	}
	for _, a := range np.adjs {
		if lx.num[a] || isNumber(a) {
			return true
		}
	}
	return false
}

// readAside reads what a bracket after a field says: "optional", its
// values ("received, scheduled, in progress, done", "35mm or 120",
// "SEV1 to SEV4"), a range ("1-5 stars").
func (fr *featureReader) readAside(f *Field, aside string) {
	a := strings.TrimSpace(aside)
	if a == "" {
		return
	}
	low := strings.ToLower(a)
	if low == "optional" || strings.HasPrefix(low, "optional") || low == "if any" {
		f.Optional = true
		return
	}
	if strings.HasPrefix(low, "e.g") || strings.HasPrefix(low, "for example") {
		return
	}
	if m := rangeRe().FindStringSubmatch(a); m != nil {
		if f.Type == String || f.Guess {
			f.Type, f.Guess = Number, false
		}
		if u, ok := fr.r.lx.units[strings.ToLower(m[3])]; ok && f.Name == "" {
			f.Name = u
		}
		return
	}
	if vs := values(a); len(vs) >= 2 {
		f.Values = vs
		if f.Type != Boolean {
			f.Type, f.Guess = Enum, false
		}
	}
}

var rangeRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d+)\s*(?:-|–|to)\s*(\d+)\s*([A-Za-z%]*)$`)
})

// seqRe is a run of numbered values: "SEV1 to SEV4".
var seqRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Za-z]+)(\d+)\s+to\s+([A-Za-z]+)(\d+)$`)
})

// values splits a list of values: "received, scheduled, in progress,
// done", "35mm or 120", "Want to read / Reading / Read", "SEV1 to SEV4".
// It returns nil when the text is no list of short values.
func values(s string) []string {
	s = strings.TrimSpace(strings.Trim(s, " ."))
	if m := seqRe().FindStringSubmatch(s); m != nil && strings.EqualFold(m[1], m[3]) {
		lo, err1 := strconv.Atoi(m[2])
		hi, err2 := strconv.Atoi(m[4])
		if err1 == nil && err2 == nil && hi > lo && hi-lo < 20 {
			var out []string
			for i := lo; i <= hi; i++ {
				out = append(out, m[1]+strconv.Itoa(i))
			}
			return out
		}
	}
	var parts []string
	top := splitTop(s, ",", "/", ";")
	for k, p := range top {
		p = strings.TrimSpace(p)
		low := strings.ToLower(p)
		for _, pre := range []string{"and ", "or "} {
			if strings.HasPrefix(low, pre) {
				p, low = strings.TrimSpace(p[len(pre):]), low[len(pre):]
			}
		}
		if i := strings.Index(low, " or "); i >= 0 {
			parts = append(parts, p[:i], p[i+4:])
			continue
		}
		// "A, B and C" ends in two values; "doors and windows" in the middle
		// of a list is one.
		if i := strings.Index(low, " and "); i >= 0 && (len(top) == 1 || k == len(top)-1 && k > 0 && len(strings.Fields(p)) == 3) {
			parts = append(parts, p[:i], p[i+5:])
			continue
		}
		parts = append(parts, p)
	}
	var out []string
	for _, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), "\"'“”*")
		if p == "" {
			continue
		}
		if len(strings.Fields(p)) > 4 {
			return nil
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// splitTop splits s at any of the separators outside brackets and quotes.
func splitTop(s string, seps ...string) []string {
	var out []string
	depth, start := 0, 0
	quoted := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '"':
			quoted = !quoted
		}
		if depth != 0 || quoted {
			continue
		}
		for _, sep := range seps {
			if strings.HasPrefix(s[i:], sep) {
				out = append(out, s[start:i])
				start = i + len(sep)
				i += len(sep) - 1
				break
			}
		}
	}
	return append(out, s[start:])
}

// fieldsFromParen reads the bracket after an entity's phrase: its fields
// ("service area (postcodes)"), the values of a kind ("Threshold alerts
// (too hot, too cold, too dry)") or examples ("e.g. Mon/Wed/Fri 12:00").
func (fr *featureReader) fieldsFromParen(e *candidate, np *nounPhrase) {
	if e == nil || np == nil || np.paren == "" {
		return
	}
	a := strings.TrimSpace(np.paren)
	low := strings.ToLower(a)
	lines := fr.lineOf(strings.Fields(a)[0])
	if strings.HasPrefix(low, "e.g") || strings.HasPrefix(low, "for example") {
		if weekdayRe().MatchString(a) {
			e.field(Field{Name: "days", Type: Enum, Guess: true, Lines: lines})
		}
		if timeRe().MatchString(a) {
			e.field(Field{Name: "time", Type: DateTime, Guess: true, Lines: lines})
		}
		return
	}
	if technologies().m != nil {
		if _, ok := technologies().lookup(a); ok {
			return
		}
	}
	if fs := fr.parenFields(np); len(fs) > 0 {
		for _, f := range fs {
			e.field(f)
		}
		return
	}
	if vs := values(a); len(vs) >= 2 {
		e.field(Field{Name: "type", Type: Enum, Values: vs, Guess: true, Lines: lines})
		return
	}
	ts := tokenize(a)
	if len(ts) == 1 && ts[0].kind == word && isPlural(ts[0].low) && !fr.r.lx.generic[ts[0].low] {
		e.field(Field{Name: ts[0].low, Type: String, Guess: true, Lines: lines})
	}
}

// parenFields reads a bracket after a phrase that lists fields: "line
// items (description, quantity, unit price, VAT rate)". Most of its items
// must be field words, or it lists values.
func (fr *featureReader) parenFields(np *nounPhrase) []Field {
	if np == nil || np.paren == "" {
		return nil
	}
	items := splitTop(np.paren, ",", ";")
	if len(items) < 2 {
		return nil
	}
	var out []Field
	known := 0
	for _, it := range items {
		it = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(it), "and "))
		ts := tokenize(it)
		cs := fr.r.itemChunks(ts)
		if len(cs) != 1 || cs[0].kind != cNP || len(cs[0].np.words) == 0 {
			return nil
		}
		if _, ok := fr.r.lx.typeOf(fieldName(fr.r.lx, cs[0].np)); ok {
			known++
		}
		out = append(out, fr.field(cs[0].np, ""))
	}
	if known*2 < len(items) {
		return nil
	}
	return out
}

var (
	weekdayRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?\b`)
	})
	timeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b\d{1,2}:\d{2}\b`) })
)
