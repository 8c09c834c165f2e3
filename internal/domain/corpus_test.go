package domain

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/prose"
)

// The corpus measurement: the briefs of internal/corpus and of
// testdata/briefs, each with an expectation written by hand in
// testdata/expect/<brief>.json: the core entities a staff engineer would
// list (with other names the brief gives them), a few fields of each the
// brief states, the technologies it names and its platform. Run
//
//	go test ./internal/domain -run '^TestCorpus$' -v [-show-model tripslip.md]
//
// to see the table and every miss.
//
// Some expectations also list, per entity, the operations the brief's
// features ask for ("ops"): a kind (list, read, create, update, delete)
// or an action's verb as the brief writes it ("void", "mark", "check
// in"). They are scored on the operations Read gives the matching
// entities: an action is found when an operation's name starts with its
// words. Operations Read gives those entities beyond the list are
// reported as extra, for a reader to judge.

var showModel = flag.String("show-model", "", "log the model Read makes of this brief of the corpus (its file name)")

// briefDirs are where the measured briefs are.
var briefDirs = []string{filepath.Join("..", "corpus", "testdata"), filepath.Join("testdata", "briefs")}

// Targets of the measurement.
const (
	targetEntities = 90.0  // core entities found
	targetFields   = 80.0  // found core entities with a brief-derived field
	targetTech     = 100.0 // named technologies found
	targetPlatform = 100.0 // platform right
	targetOps      = 90.0  // expected operations found
)

// expectation is what a staff engineer takes from one brief.
type expectation struct {
	Brief        string      `json:"brief"`
	Platform     Kind        `json:"platform"`
	Stated       bool        `json:"stated"`
	Offline      bool        `json:"offline"`
	NoBackend    bool        `json:"no_backend"`
	Technologies []string    `json:"technologies"`
	Entities     []expEntity `json:"entities"`
}

// expEntity is a core entity: its name, other names a reader may give it
// from the brief's words, and keys of fields the brief states: "a|b c"
// is found in a field whose name and values hold "a", or "b" and "c".
type expEntity struct {
	Name   string   `json:"name"`
	Also   []string `json:"also"`
	Fields []string `json:"fields"`
	// Ops are the operations the features ask for, when the expectation
	// lists them.
	Ops []string `json:"ops"`
}

// corpusCase is a brief and its expectation.
type corpusCase struct {
	exp expectation
	src []byte
}

func loadCases(t *testing.T) []corpusCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "expect", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no expectations in testdata/expect: %v", err)
	}
	var out []corpusCase
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var e expectation
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if e.Brief+".json" != filepath.Base(f) {
			t.Fatalf("%s: names brief %q; the file is named after its brief", f, e.Brief)
		}
		src, err := readBrief(e.Brief)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, corpusCase{exp: e, src: src})
	}
	return out
}

func readBrief(name string) ([]byte, error) {
	for _, d := range briefDirs {
		if src, err := os.ReadFile(filepath.Join(d, name)); err == nil {
			return src, nil
		}
	}
	return nil, fmt.Errorf("brief %s is in none of %v", name, briefDirs)
}

// TestCorpusCoverage checks that every brief of the corpus and of
// testdata/briefs has an expectation.
func TestCorpusCoverage(t *testing.T) {
	have := map[string]bool{}
	for _, c := range loadCases(t) {
		have[c.exp.Brief] = true
	}
	for _, d := range briefDirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			n := e.Name()
			if strings.HasSuffix(n, ".json") || e.IsDir() {
				continue
			}
			if !have[n] {
				t.Errorf("%s has no expectation in testdata/expect/%s.json", filepath.Join(d, n), n)
			}
		}
	}
}

// score is one brief's figures.
type score struct {
	brief                       string
	entities, entitiesOf        int
	fields, fieldsOf            int
	tech, techOf                int
	ops, opsOf                  int
	platform                    bool
	junk                        []string
	extra                       []string
	missEntities, missFields    []string
	missTech                    []string
	missOps, extraOps           []string
	platformGot, platformWanted string
}

func TestCorpus(t *testing.T) {
	var scores []score
	for _, c := range loadCases(t) {
		b, err := brief.Parse(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.exp.Brief, err)
			continue
		}
		m := Read(b, c.src)
		if c.exp.Brief == *showModel {
			out, _ := json.MarshalIndent(m, "", "  ")
			t.Logf("the model of %s:\n%s", c.exp.Brief, out)
		}
		scores = append(scores, scoreModel(c.exp, b, c.src, m))
	}
	var total score
	var tbl strings.Builder
	fmt.Fprintf(&tbl, "%-24s %9s %9s %9s %9s %5s %6s %7s %6s\n", "brief", "entities", "fields", "tech", "platform", "junk", "extra", "ops", "+ops")
	for _, s := range scores {
		ops, extraOps := "-", "-"
		if s.opsOf > 0 {
			ops, extraOps = frac(s.ops, s.opsOf), fmt.Sprint(len(s.extraOps))
		}
		fmt.Fprintf(&tbl, "%-24s %9s %9s %9s %9s %5d %6d %7s %6s\n", s.brief, frac(s.entities, s.entitiesOf), frac(s.fields, s.fieldsOf),
			frac(s.tech, s.techOf), yesNo(s.platform), len(s.junk), len(s.extra), ops, extraOps)
		total.entities += s.entities
		total.entitiesOf += s.entitiesOf
		total.fields += s.fields
		total.fieldsOf += s.fieldsOf
		total.tech += s.tech
		total.techOf += s.techOf
		total.ops += s.ops
		total.opsOf += s.opsOf
		total.extraOps = append(total.extraOps, s.extraOps...)
		total.junk = append(total.junk, s.junk...)
		total.extra = append(total.extra, s.extra...)
		if s.platform {
			total.platform = true
		}
	}
	platforms := 0
	for _, s := range scores {
		if s.platform {
			platforms++
		}
	}
	fmt.Fprintf(&tbl, "%-24s %9s %9s %9s %9s %5d %6d %7s %6d\n", "total", frac(total.entities, total.entitiesOf),
		frac(total.fields, total.fieldsOf), frac(total.tech, total.techOf), frac(platforms, len(scores)), len(total.junk), len(total.extra),
		frac(total.ops, total.opsOf), len(total.extraOps))
	fmt.Fprintf(&tbl, "%-24s %9s %9s %9s %9s %5s %6s %7s\n", "", pct(total.entities, total.entitiesOf), pct(total.fields, total.fieldsOf),
		pct(total.tech, total.techOf), pct(platforms, len(scores)), "", "", pct(total.ops, total.opsOf))
	tbl.WriteString("\nmisses:\n")
	for _, s := range scores {
		var parts []string
		if len(s.missEntities) > 0 {
			parts = append(parts, "entities: "+strings.Join(s.missEntities, ", "))
		}
		if len(s.missFields) > 0 {
			parts = append(parts, "no field: "+strings.Join(s.missFields, ", "))
		}
		if len(s.missTech) > 0 {
			parts = append(parts, "tech: "+strings.Join(s.missTech, ", "))
		}
		if len(s.missOps) > 0 {
			parts = append(parts, "no operation: "+strings.Join(s.missOps, ", "))
		}
		if len(s.extraOps) > 0 {
			parts = append(parts, "extra operations: "+strings.Join(s.extraOps, ", "))
		}
		if !s.platform {
			parts = append(parts, "platform: got "+s.platformGot+", want "+s.platformWanted)
		}
		if len(s.junk) > 0 {
			parts = append(parts, "junk: "+strings.Join(s.junk, ", "))
		}
		if len(s.extra) > 0 {
			parts = append(parts, "extra: "+strings.Join(s.extra, ", "))
		}
		if len(parts) > 0 {
			fmt.Fprintf(&tbl, "  %s\n    %s\n", s.brief, strings.Join(parts, "\n    "))
		}
	}
	t.Log("domain model figures (found/expected):\n\n" + tbl.String())

	check := func(what string, got, of int, target float64) {
		if of > 0 && percent(got, of) < target {
			t.Errorf("%s: %s (%.1f%%), below the target of %.0f%%", what, frac(got, of), percent(got, of), target)
		}
	}
	check("core entities found", total.entities, total.entitiesOf, targetEntities)
	check("core entities with a brief-derived field", total.fields, total.fieldsOf, targetFields)
	check("named technologies found", total.tech, total.techOf, targetTech)
	check("platform right", platforms, len(scores), targetPlatform)
	check("expected operations found", total.ops, total.opsOf, targetOps)
	if len(total.junk) > 0 {
		t.Errorf("junk entities: %d, want 0: %s", len(total.junk), strings.Join(total.junk, ", "))
	}
}

func frac(a, b int) string { return fmt.Sprintf("%d/%d", a, b) }
func pct(a, b int) string  { return fmt.Sprintf("%.0f%%", percent(a, b)) }
func percent(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// scoreModel compares a model with an expectation.
func scoreModel(e expectation, b *brief.Brief, src []byte, m Model) score {
	s := score{brief: e.Brief}
	matched := map[int]bool{}
	for _, want := range e.Entities {
		s.entitiesOf++
		scoreOps(&s, m.Entities, want)
		i := slices.IndexFunc(m.Entities, func(x Entity) bool { return entityMatches(x.Name, want) })
		if i < 0 {
			s.missEntities = append(s.missEntities, want.Name)
			continue
		}
		s.entities++
		for j, x := range m.Entities {
			if entityMatches(x.Name, want) {
				matched[j] = true
			}
		}
		if len(want.Fields) == 0 {
			continue
		}
		s.fieldsOf++
		if hasField(m.Entities, want) {
			s.fields++
		} else {
			s.missFields = append(s.missFields, want.Name)
		}
	}
	for _, name := range e.Technologies {
		s.techOf++
		canon := name
		if tk, ok := technologies().lookup(name); ok {
			canon = tk.Name
		}
		if slices.ContainsFunc(m.Components, func(c Component) bool { return strings.EqualFold(c.Name, canon) }) {
			s.tech++
		} else {
			s.missTech = append(s.missTech, name)
		}
	}
	got := Platform{Kind: m.Platform.Kind, Stated: m.Platform.Stated, Offline: m.Platform.Offline, NoBackend: m.Platform.NoBackend}
	wantP := Platform{Kind: e.Platform, Stated: e.Stated, Offline: e.Offline, NoBackend: e.NoBackend}
	s.platform = got.Kind == wantP.Kind && got.Stated == wantP.Stated && got.Offline == wantP.Offline && got.NoBackend == wantP.NoBackend
	s.platformGot, s.platformWanted = platformString(got), platformString(wantP)
	j := newJudge(b, src)
	for i, x := range m.Entities {
		if matched[i] {
			continue
		}
		if why := j.junk(x.Name); why != "" {
			s.junk = append(s.junk, x.Name+" ("+why+")")
		} else {
			s.extra = append(s.extra, x.Name)
		}
	}
	return s
}

// scoreOps scores the operations Read gives the entities matching want
// against those want lists.
func scoreOps(s *score, es []Entity, want expEntity) {
	if len(want.Ops) == 0 {
		return
	}
	var got []Operation
	for _, x := range es {
		if entityMatches(x.Name, want) {
			got = append(got, x.Operations...)
		}
	}
	used := make([]bool, len(got))
	for _, w := range want.Ops {
		s.opsOf++
		found := false
		for i, o := range got {
			if opMatches(o, w) {
				used[i], found = true, true
			}
		}
		if found {
			s.ops++
		} else {
			s.missOps = append(s.missOps, want.Name+" "+w)
		}
	}
	seen := map[string]bool{}
	for i, o := range got {
		if name := opName(o); !used[i] && !seen[name] {
			seen[name] = true
			s.extraOps = append(s.extraOps, want.Name+" "+name)
		}
	}
}

// opMatches reports whether an operation is the expected one: its kind,
// or an action whose name starts with the expected verb's words.
func opMatches(o Operation, want string) bool {
	switch OperationKind(want) {
	case OpList, OpRead, OpCreate, OpUpdate, OpDelete:
		return o.Kind == OperationKind(want)
	}
	if o.Kind != OpAction {
		return false
	}
	got, ws := strings.Fields(strings.ToLower(o.Name)), strings.Fields(want)
	if len(got) < len(ws) {
		return false
	}
	for i, w := range ws {
		if prose.Stem(got[i]) != prose.Stem(w) {
			return false
		}
	}
	return true
}

// opName is an operation as the report writes it: its kind, or "!" and
// an action's name.
func opName(o Operation) string {
	if o.Kind == OpAction {
		return "!" + o.Name
	}
	return string(o.Kind)
}

func platformString(p Platform) string {
	out := string(p.Kind)
	if !p.Stated {
		out += " (unstated)"
	}
	if p.Offline {
		out += " offline"
	}
	if p.NoBackend {
		out += " no-backend"
	}
	return out
}

// normName is a name compared: lower case, hyphens as spaces, the last
// word singular.
func normName(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "-", " "))
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	for i, w := range ws {
		ws[i] = prose.Stem(w)
	}
	return strings.Join(ws, " ")
}

// entityMatches reports whether a model's entity is the expected one: it
// has one of its names, or a more or less specific name ("Interpreter
// booking" for "Booking", "Lot" for "Seed lot").
func entityMatches(got string, want expEntity) bool {
	g := normName(got)
	for _, n := range append([]string{want.Name}, want.Also...) {
		w := normName(n)
		if g == w || strings.HasSuffix(g, " "+w) || strings.HasSuffix(w, " "+g) {
			return true
		}
	}
	return false
}

// hasField reports whether an entity matching want has a field one of
// want's keys finds.
func hasField(es []Entity, want expEntity) bool {
	for _, x := range es {
		if !entityMatches(x.Name, want) {
			continue
		}
		for _, f := range x.Fields {
			have := map[string]bool{}
			for _, w := range prose.Words(f.Name + " " + strings.Join(f.Values, " ")) {
				have[prose.Stem(w)] = true
			}
			for _, key := range want.Fields {
				for _, alt := range strings.Split(key, "|") {
					all := true
					for _, w := range prose.Words(alt) {
						all = all && have[prose.Stem(w)]
					}
					if all && len(prose.Words(alt)) > 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

// judge tells junk entities: names that are not nouns of the brief.
type judge struct {
	stems    map[string]bool // stems of the brief's words
	nouns    map[string]bool // words after a determiner in the brief
	personas map[string]bool
	product  string
}

func newJudge(b *brief.Brief, src []byte) *judge {
	j := &judge{stems: map[string]bool{}, nouns: map[string]bool{}, personas: map[string]bool{}, product: strings.ToLower(b.Title)}
	ws := prose.Words(string(src))
	det := func(w string) bool {
		switch w {
		case "a", "an", "the", "each", "every", "their", "its", "your", "our", "my", "this", "these", "those", "any":
			return true
		}
		return false
	}
	for i, w := range ws {
		j.stems[prose.Stem(w)] = true
		// A noun follows a determiner, maybe after one describing word:
		// "a new draft".
		if i > 0 && det(ws[i-1]) || i > 1 && det(ws[i-2]) && (testAdjectives[ws[i-1]] || plainAdjectives[ws[i-1]]) {
			j.nouns[prose.Stem(w)] = true
		}
	}
	for _, u := range b.Users {
		uw := prose.Words(u.Name)
		if len(uw) > 0 {
			j.personas[prose.Stem(uw[len(uw)-1])] = true
			j.personas[normName(u.Name)] = true
		}
	}
	return j
}

// testAdjectives are describing words that name no thing.
var testAdjectives = map[string]bool{
	"deterministic": true, "available": true, "optional": true, "live": true, "new": true, "weekly": true, "daily": true,
	"monthly": true, "public": true, "private": true, "overdue": true, "free": true, "open": true,
}

// inBrief reports whether a word is the brief's, or a noun made of one
// of its words ("reservation" of "reserve", "application" of "apply").
func (j *judge) inBrief(w string) bool {
	st := prose.Stem(w)
	if j.stems[st] {
		return true
	}
	for s := range j.stems {
		if len(s) < 3 {
			continue
		}
		if strings.HasPrefix(st, s) && len(st)-len(s) <= 5 ||
			strings.HasSuffix(s, "y") && strings.HasPrefix(st, s[:len(s)-1]+"i") {
			return true
		}
	}
	return false
}

// plainAdjectives may stand between a determiner and its noun.
var plainAdjectives = map[string]bool{
	"previous": true, "first": true, "last": true, "next": true, "same": true, "other": true, "single": true,
	"short": true, "long": true, "old": true,
}

// junk says why a name is junk, or "".
func (j *judge) junk(name string) string {
	n := normName(name)
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 {
		return "empty"
	}
	for _, w := range ws {
		if prose.IsStopWord(w) {
			return "function word " + w
		}
		for _, part := range prose.Words(w) {
			if !j.inBrief(part) {
				return "not in the brief: " + part
			}
		}
	}
	head := ws[len(ws)-1]
	if hw := prose.Words(head); len(hw) > 0 && !strings.Contains(head, "-") {
		head = hw[len(hw)-1]
	}
	switch {
	case j.personas[n] || j.personas[prose.Stem(head)]:
		return "persona"
	case strings.EqualFold(name, j.product) || normName(j.product) == n:
		return "the product"
	case testAdjectives[head]:
		return "adjective"
	case strings.HasSuffix(head, "ed") && !j.nouns[prose.Stem(head)]:
		return "participle"
	case len(ws) == 1 && prose.IsVerb(head) && !j.nouns[prose.Stem(head)]:
		return "verb"
	case len(ws) > 1 && prose.IsVerb(ws[0]) && !j.nouns[prose.Stem(ws[0])] && !strings.Contains(ws[0], "-"):
		return "verb phrase"
	}
	return ""
}
