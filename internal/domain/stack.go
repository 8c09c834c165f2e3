package domain

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
)

// components returns the technologies the brief names, in the order it
// first names them, each with the lines that name it.
func components(s *source) []Component {
	cat := technologies()
	var out []Component
	at := map[int]int{} // technology → index in out
	for _, h := range s.find(cat.m) {
		t := cat.techs[h.value]
		span := brief.Span{Start: h.line, End: h.line}
		if i, ok := at[h.value]; ok {
			if !slices.Contains(out[i].Lines, span) {
				out[i].Lines = append(out[i].Lines, span)
			}
			continue
		}
		at[h.value] = len(out)
		c := Component{Name: t.Name, As: h.text(s), Kind: t.Kind, Role: t.Role, Lines: []brief.Span{span}}
		if r := ownRole(s.lines[h.line-1], h); r != "" {
			c.Role = r
		}
		out = append(out, c)
	}
	return out
}

// ownRole is the brief's clause on what a technology is for: "Stripe
// Connect for card payments, tips and walker payouts" gives "card
// payments, tips and walker payouts". It looks only to the end of the
// clause the technology is named in.
func ownRole(line string, h lineHit) string {
	last := h.words[len(h.words)-1]
	rest := line[last.off+len(last.raw):]
	if end := strings.IndexAny(rest, ";.()|"); end >= 0 {
		rest = rest[:end]
	}
	i := strings.Index(" "+rest+" ", " for ")
	if i < 0 || !onlyTechnologies(rest[:i]) {
		// "a KiCad plugin for part availability": the role is the
		// plugin's, not KiCad's.
		return ""
	}
	role := strings.TrimSpace(rest[i+len("for"):])
	role = strings.TrimRight(role, ",:- ")
	if n := len(strings.Fields(role)); n == 0 || n > 12 {
		return ""
	}
	return strings.TrimSuffix(role, "<")
}

// onlyTechnologies reports whether the words between a technology and
// its "for" join it to other technologies: "PostgreSQL with PostGIS",
// "Firebase Cloud Messaging and APNs".
func onlyTechnologies(between string) bool {
	ws := phraseWords(between)
	for i := 0; i < len(ws); i++ {
		switch ws[i].low {
		case "and", "with", "or":
			continue
		}
		hit := false
		for _, h := range technologies().m.find(ws[i:]) {
			if h.start == 0 {
				i += h.end - h.start - 1
				hit = true
			}
			break
		}
		if !hit {
			return false
		}
	}
	return true
}

// surfaceOrder ranks surfaces for the main one: a plugin or a CLI is the
// product whatever else it has; a mobile app with a web admin is a mobile
// product; an API is the product only when nothing else is.
var surfaceOrder = []Kind{Plugin, CLI, Mobile, Desktop, Web, API}

// readPlatform reads what the product runs as from the brief's words and
// the technologies it names.
func readPlatform(s *source, b *brief.Brief, comps []Component) Platform {
	var p Platform
	found := map[Kind]bool{}
	cues := platformCues()
	plugin := false
	var pluginEv []Evidence
	for _, h := range s.find(cues.m) {
		f := cues.findings[h.value]
		if ownedByOther(s.lines[h.line-1], h) {
			// "the monitoring system's REST API" is not this product's.
			continue
		}
		ev := Evidence{Says: f, Words: h.text(s), Lines: []brief.Span{{Start: h.line, End: h.line}}}
		switch f {
		case "offline":
			p.Offline = true
		case "no-backend":
			p.NoBackend = true
		case "single-user":
			p.SingleUser = true
		case string(Plugin):
			// A plugin is a plugin of something the brief names.
			plugin = true
			pluginEv = append(pluginEv, ev)
			continue
		default:
			found[Kind(f)] = true
		}
		p.Evidence = appendEvidence(p.Evidence, ev)
	}
	for _, c := range comps {
		t, _ := technologies().lookup(c.Name)
		if t.Surface == "" {
			continue
		}
		k := t.Surface
		if t.Kind == "plugin host" {
			if !plugin {
				continue
			}
			if k == Web {
				found[Web] = true
			} else {
				found[Plugin] = true
			}
			p.Evidence = append(p.Evidence, pluginEv...)
		} else {
			found[k] = true
		}
		p.Evidence = appendEvidence(p.Evidence, Evidence{Says: string(k), Words: c.As, Lines: c.Lines})
	}
	if titleSays(b.Title, "api") {
		found[API] = true
		p.Evidence = appendEvidence(p.Evidence, Evidence{Says: string(API), Words: b.Title})
	}
	if ev, ok := commandLine(s, b.Title); ok {
		found[CLI] = true
		p.Evidence = appendEvidence(p.Evidence, ev)
	}
	for _, k := range surfaceOrder {
		if found[k] {
			p.Surfaces = append(p.Surfaces, k)
		}
	}
	if len(p.Surfaces) == 0 {
		p.Kind = Web
		return p
	}
	p.Kind, p.Stated = p.Surfaces[0], true
	return p
}

// ownedByOther reports whether a cue is preceded by a possessive: the
// words name another system's surface.
func ownedByOther(line string, h lineHit) bool {
	before := strings.ToLower(strings.TrimRight(line[:h.words[0].off], " "))
	return strings.HasSuffix(before, "'s") || strings.HasSuffix(before, "’s") || strings.HasSuffix(before, " its") ||
		strings.HasSuffix(before, " their")
}

func appendEvidence(evs []Evidence, ev Evidence) []Evidence {
	for _, e := range evs {
		if e.Says == ev.Says && strings.EqualFold(e.Words, ev.Words) {
			return evs
		}
	}
	return append(evs, ev)
}

// titleSays reports whether a title holds a word: "Ledgerline Invoicing
// API" is an API.
func titleSays(title, w string) bool {
	for _, x := range phraseWords(title) {
		if x.low == w {
			return true
		}
	}
	return false
}

// commandLine finds the product run as a command: a code span or a line
// of a code block that starts with the product's name and a subcommand
// or flag ("dotstash add ~/.zshrc", "tapline scan ./models").
func commandLine(s *source, title string) (Evidence, bool) {
	name := strings.ToLower(strings.TrimSpace(title))
	if name == "" || strings.ContainsAny(name, " \t") {
		return Evidence{}, false
	}
	fenced := false
	for i, line := range s.lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
			continue
		}
		var cands []string
		if fenced {
			cands = []string{strings.TrimPrefix(t, "$ ")}
		} else if strings.Contains(line, "`") {
			for _, tk := range tokenize(line) {
				if tk.kind == code {
					cands = append(cands, tk.raw)
				}
			}
		}
		for _, c := range cands {
			f := strings.Fields(strings.ToLower(c))
			if len(f) >= 2 && f[0] == name && !s.excluded(i+1, 0) {
				return Evidence{Says: string(CLI), Words: c, Lines: []brief.Span{{Start: i + 1, End: i + 1}}}, true
			}
		}
	}
	return Evidence{}, false
}

// stackQuestions asks about what the design needs and the brief leaves
// open: the platform, a data store, where it runs, and the services its
// features need (card payments, email, texts, push, file storage).
func stackQuestions(b *brief.Brief, p Platform, comps []Component) []Question {
	var qs []Question
	name := b.Title
	if name == "" {
		name = "the product"
	}
	if !p.Stated {
		qs = append(qs, Question{About: "platform", Text: "Is " + name +
			" a web app, a mobile app or both? The brief does not say; the design assumes a web app that works on phones."})
	}
	has := func(kinds ...string) bool {
		return slices.ContainsFunc(comps, func(c Component) bool { return slices.Contains(kinds, c.Kind) })
	}
	if p.NoBackend {
		return qs
	}
	if !has("database", "backend service", "file storage", "browser storage") {
		qs = append(qs, Question{About: "stack", Text: "Which data store holds " + name + "'s data? The brief names none."})
	}
	local := p.Kind == CLI || p.Kind == Plugin || p.Kind == Desktop
	if !local && !has("hosting", "backend service") {
		qs = append(qs, Question{About: "stack", Text: "Where does " + name + " run? The brief names no hosting."})
	}
	needs := needCues()
	asked := map[int]bool{}
	for _, f := range b.Features {
		if len(asked) == len(needs.findings) {
			break
		}
		for _, h := range needs.m.find(phraseWords(f.Text)) {
			if asked[h.value] || has(needs.meets[h.value]...) {
				continue
			}
			asked[h.value] = true
			qs = append(qs, Question{About: "stack", Text: "Which service provides " + needs.findings[h.value] +
				"? The features need it and the brief names none.", Lines: b.SourceOf(f.Text)})
		}
	}
	return qs
}
