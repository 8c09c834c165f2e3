package domain

import (
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
)

// Read reads the domain model, the platform and the stack of a parsed
// brief. src is the brief as written (brief.Parse's input): its lines
// give the technologies and platform it names, its own data model and
// API sections, and the lines each finding cites. With a nil src only
// the parsed brief is read. Read never fails and never panics; what it
// cannot tell becomes a Question.
func Read(b *brief.Brief, src []byte) Model {
	if b == nil {
		b = &brief.Brief{}
	}
	s, rd, n := setUp(b, src)
	ev := newEvidence()

	var m Model
	m.Components = components(s)
	m.Platform = readPlatform(s, b, m.Components)

	g := readGiven(src, b, ev, n)
	m.Endpoints = g.endpoints

	fr := &featureReader{r: rd, n: n, ev: ev, src: s, b: b}
	fr.readFeatures()

	m.Entities = resolve(ev, fr.orphans, n)
	m.Questions = append(stackQuestions(b, m.Platform, m.Components), entityQuestions(m.Entities)...)
	return m
}

// setUp reads what the readers need to know of the brief: its lines,
// the words it uses as nouns, its personas and product.
func setUp(b *brief.Brief, src []byte) (*source, *reader, *namer) {
	lx := words()
	s := newSource(src, b)
	nouns := nounsOf(lx, b, s)
	n := newNamer(lx, b, nouns)
	rd := &reader{lx: lx, nouns: nouns, personaWords: map[string]bool{}}
	for k := range n.personas {
		if !strings.Contains(k, " ") {
			rd.personaWords[k] = true
		}
	}
	return s, rd, n
}

// nounsOf returns the words the brief uses after a determiner or a
// possessive, and their singulars: nouns, whatever else they may be.
func nounsOf(lx *lexicon, b *brief.Brief, s *source) map[string]bool {
	out := map[string]bool{}
	add := func(ws []pword) {
		for i := 1; i < len(ws); i++ {
			prev := ws[i-1].low
			// "the boat's name": a possessive's "s" is a word here.
			if !(lx.det[prev] && prev != "that" || prev == "s" && i > 1 && ws[i-1].off == ws[i-2].off+len(ws[i-2].raw)+1) {
				continue
			}
			// Skip describing words: "a quick stock update".
			j := i
			for j+1 < len(ws) && lx.adj[ws[j].low] {
				j++
			}
			out[ws[j].low] = true
			out[singular(ws[j].low)] = true
		}
	}
	if s != nil && len(s.lines) > 0 {
		for _, ws := range s.words {
			add(ws)
		}
		return out
	}
	for _, f := range b.Features {
		add(phraseWords(f.Text))
		add(phraseWords(f.Notes))
	}
	return out
}
