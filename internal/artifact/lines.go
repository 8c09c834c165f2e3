package artifact

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Each writer in this file has a reader next to it. For every line a
// writer returns, the reader gives back values that the writer turns into
// the same line again, even where the text of a field contains the
// separators ("Given a, when b" in a Given): the reader splits at the first
// separator, and the writer joins with the same separators.

// itemLine writes a list item "**FR-001** text". An item without an ID is
// its text alone, which must not start with a bold ID.
func itemLine(k Kind, id, text string) (string, error) {
	text = oneLine(text)
	if id == "" {
		if lead, _, ok := splitLead(text); ok {
			return "", fmt.Errorf("%s without an ID starts with the ID-like %q", k, lead)
		}
		return blockSafe(text), nil
	}
	if _, err := ParseID(k, id); err != nil {
		return "", err
	}
	if text == "" {
		return "**" + id + "**", nil
	}
	return "**" + id + "** " + EscapeHTML(text), nil
}

// splitLead splits a list item's text "**FR-001** text" into the ID and
// the text. ok is false when the item does not start with a bold word
// written like an ID. A colon after the ID ("**FR-001**: text") is dropped.
func splitLead(s string) (string, string, bool) {
	inner, ok := strings.CutPrefix(s, "**")
	if !ok {
		return "", "", false
	}
	tok, rest, ok := strings.Cut(inner, "**")
	tok = strings.TrimSuffix(tok, ":")
	if !ok || !LooksLikeID(tok) {
		return "", "", false
	}
	rest = strings.TrimPrefix(rest, ":")
	return tok, strings.TrimSpace(rest), true
}

// readLead reads a list item's ID and text; an ID-like lead that is not a
// well-formed ID of kind k is an error.
func readLead(k Kind, s string) (string, string, error) {
	id, text, ok := splitLead(s)
	if !ok {
		return "", s, nil
	}
	if _, err := ParseID(k, id); err != nil {
		return "", "", err
	}
	return id, text, nil
}

// cutGroup splits a trailing parenthesised group off s: "text (a, b)"
// gives "text" and "a, b".
func cutGroup(s string) (string, string, bool) {
	if !strings.HasSuffix(s, ")") {
		return s, "", false
	}
	i := strings.LastIndex(s, "(")
	if i < 0 || (i > 0 && s[i-1] != ' ') {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), s[i+1 : len(s)-1], true
}

const (
	priorityTag = "priority:"
	phaseTag    = "phase:"
)

// requirementText writes a requirement's text with its priority and
// phase, each only when set: "Text (priority: P0)", "Text (priority:
// Must, phase: 2)", "Text (phase: 2)".
func requirementText(r Requirement) string {
	text := oneLine(r.Text)
	var tags []string
	if p := oneLine(r.Priority); p != "" {
		tags = append(tags, priorityTag+" "+p)
	}
	if ph := oneLine(r.Phase); ph != "" {
		tags = append(tags, phaseTag+" "+ph)
	}
	if len(tags) > 0 {
		text = strings.TrimSpace(text + " (" + strings.Join(tags, ", ") + ")")
	}
	return text
}

// readRequirement reads what requirementText writes. A priority may hold
// commas: the phase is what follows the last ", phase:".
func readRequirement(id, s string) Requirement {
	text, group, ok := cutGroup(s)
	if !ok {
		return Requirement{ID: id, Text: s}
	}
	var priority, phase string
	if p, tagged := strings.CutPrefix(group, priorityTag); tagged {
		priority = p
		if i := strings.LastIndex(p, ", "+phaseTag); i >= 0 && strings.TrimSpace(p[i+len(", "+phaseTag):]) != "" {
			// An empty phase after the comma is the priority's text.
			priority, phase = p[:i], p[i+len(", "+phaseTag):]
		}
		if strings.TrimSpace(priority) == "" {
			return Requirement{ID: id, Text: s}
		}
	} else if ph, tagged := strings.CutPrefix(group, phaseTag); tagged && strings.TrimSpace(ph) != "" {
		phase = ph
	} else {
		return Requirement{ID: id, Text: s}
	}
	return Requirement{ID: id, Text: text, Priority: strings.TrimSpace(priority), Phase: strings.TrimSpace(phase)}
}

// taskText writes a task's text with the stories it delivers, or its
// setup mark: "Text (US-001, US-002)", "Text (setup)".
func taskText(t Task) (string, error) {
	for _, s := range t.Stories {
		if _, err := ParseID(KindStory, s); err != nil {
			return "", err
		}
	}
	text := oneLine(t.Text)
	var group []string
	if len(t.Stories) > 0 {
		group = append(group, strings.Join(t.Stories, ", "))
	}
	if t.Setup {
		group = append(group, setupWord)
	}
	if len(group) > 0 {
		text = strings.TrimSpace(text + " (" + strings.Join(group, "; ") + ")")
	}
	if _, err := readTask("", text); err != nil {
		return "", fmt.Errorf("text ends in what reads as a story list: %w", err)
	}
	return text, nil
}

// readTask reads what taskText writes. A trailing group whose parts,
// split at semicolons, are each "setup" or a list of words all written
// like story IDs is the stories and the setup mark.
func readTask(id, s string) (Task, error) {
	text, group, ok := cutGroup(s)
	if !ok {
		return Task{ID: id, Text: s}, nil
	}
	task := Task{ID: id, Text: text}
	var stories []string
	for part := range strings.SplitSeq(group, ";") {
		part = strings.TrimSpace(part)
		if strings.EqualFold(part, setupWord) && !task.Setup {
			task.Setup = true
			continue
		}
		if stories != nil {
			return Task{ID: id, Text: s}, nil
		}
		for w := range strings.SplitSeq(part, ",") {
			w = strings.TrimSpace(w)
			if !LooksLikeID(w) || !strings.EqualFold(w[:2], "US") {
				return Task{ID: id, Text: s}, nil
			}
			stories = append(stories, w)
		}
	}
	for _, w := range stories {
		if _, err := ParseID(KindStory, w); err != nil {
			return Task{}, err
		}
	}
	task.Stories = stories
	return task, nil
}

// criterionText writes a criterion: "Given a, when b, then c." in that
// form, else its Text as written; led by its kind when it has one:
// "(error) Given a, when b, then c.".
func criterionText(c Criterion) string {
	var text string
	g, w, t := flat(c.Given), flat(c.When), flat(c.Then)
	if strings.TrimSpace(g+w+t) == "" {
		text = oneLine(c.Text)
	} else {
		text = terminate("Given " + g + ", when " + w + ", then " + t)
	}
	if k := strings.ToLower(oneLine(c.Kind)); k != "" {
		text = strings.TrimSpace("(" + k + ") " + text)
	}
	return text
}

// readCriterion reads what criterionText writes. Text that is not a whole
// Given/when/then sentence is kept as free text. A lead "(kind)" is read
// as the kind only when it is one of CriterionKinds, in any case.
func readCriterion(id, s string) Criterion {
	kind, s := cutKind(s)
	if strings.HasPrefix(s, "Given ") && terminate(s) == s {
		body := strings.TrimPrefix(unterminate(s), "Given ")
		g, rest, ok1 := strings.Cut(body, ", when ")
		w, t, ok2 := strings.Cut(rest, ", then ")
		if ok1 && ok2 {
			return Criterion{ID: id, Kind: kind, Given: g, When: w, Then: t}
		}
	}
	return Criterion{ID: id, Kind: kind, Text: s}
}

// CutCriterionKind cuts the kind a criterion's text leads with off it:
// "(error) Given …" gives "error" and "Given …". Text that leads with no
// kind (one of CriterionKinds, in any case) is returned whole.
func CutCriterionKind(text string) (kind, rest string) { return cutKind(text) }

// IsStoryTags reports whether a paragraph of a story is its priority and
// size line, "Priority: Must · Size: M", rather than its sentence.
func IsStoryTags(p string) bool { return isStoryTags(p) }

// cutKind cuts a criterion's lead "(error) " off s.
func cutKind(s string) (string, string) {
	inner, ok := strings.CutPrefix(s, "(")
	if !ok {
		return "", s
	}
	word, rest, ok := strings.Cut(inner, ")")
	if !ok || (rest != "" && !strings.HasPrefix(rest, " ")) {
		return "", s
	}
	kind := strings.ToLower(word)
	if !slices.Contains(CriterionKinds, kind) {
		return "", s
	}
	return kind, strings.TrimSpace(rest)
}

const (
	storyPriorityTag = "Priority:"
	storySizeTag     = "Size:"
	tagSep           = " · "
)

// storyTags writes the line under a story's sentence that gives its
// priority and size, each only when set: "Priority: Must · Size: M". It
// is empty when the story has neither. Like the sentence, it escapes a
// " Traces:" in it, which would read as the traces line.
func storyTags(st Story) string {
	var tags []string
	if p := oneLine(st.Priority); p != "" {
		tags = append(tags, storyPriorityTag+" "+p)
	}
	if sz := oneLine(st.Size); sz != "" {
		tags = append(tags, storySizeTag+" "+sz)
	}
	return EscapeHTML(escapeTraces(strings.Join(tags, tagSep)))
}

// readStoryTags reads what storyTags writes, in any case. A priority may
// hold the separator: the size is what follows the last " · Size:".
func readStoryTags(p string) (string, string, bool) {
	if hasPrefixFold(p, storyPriorityTag) {
		rest, size := p[len(storyPriorityTag):], ""
		if i := lastIndexFold(rest, tagSep+storySizeTag); i >= 0 && strings.TrimSpace(rest[i+len(tagSep+storySizeTag):]) != "" {
			// An empty size after the separator is the priority's text.
			rest, size = rest[:i], strings.TrimSpace(rest[i+len(tagSep+storySizeTag):])
		}
		prio := strings.TrimSpace(rest)
		return prio, size, prio != ""
	}
	if hasPrefixFold(p, storySizeTag) {
		size := strings.TrimSpace(p[len(storySizeTag):])
		return "", size, size != ""
	}
	return "", "", false
}

// isStoryTags reports whether a paragraph reads as a story's priority and
// size line.
func isStoryTags(p string) bool {
	_, _, ok := readStoryTags(p)
	return ok
}

// sentence writes a story's "As a role, I want want, so that benefit.",
// or its Text when it has none of the three. It is empty when the story
// has neither.
func sentence(s Story) string {
	r, w, so := flat(s.Role), flat(s.Want), flat(s.SoThat)
	if strings.TrimSpace(r+w+so) == "" {
		return freeSentence(s.Text)
	}
	line := "As " + article(r) + " " + r + ", I want " + w
	if strings.TrimSpace(so) != "" {
		line += ", so that " + so
	}
	return terminate(line)
}

// freeSentence writes a story sentence in another form as it was written,
// so that it reads back as the same text. Text a person wrote always does;
// other text that would read as something else does not: text in the "As
// a …" form is written as the sentence it reads as, and text that would
// read as the traces, the "Priority:" line or the "Acceptance criteria:"
// line gets a backslash in front, which markdown shows.
func freeSentence(text string) string {
	t := blockSafe(oneLine(text))
	if role, want, so, ok := readSentence(t); ok {
		return sentence(Story{Role: role, Want: want, SoThat: so})
	}
	if hasTraces(t) || isCriteriaLabel(t) || isStoryTags(t) {
		return `\` + t
	}
	return t
}

// looseSentence reads a story sentence a person rewrote: any case, commas
// left out, extra spaces. It is compiled on first use.
var looseSentence = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)^as an?\s+(.*?)(?:\s*,\s*|\s+)i\s+want\s+(.*?)(?:(?:\s*,\s*|\s+)so\s+that\s+(.*?))?\s*\.?$`)
})

// readSentence reads what sentence writes into role, want and benefit.
func readSentence(p string) (string, string, string, bool) {
	rest, ok := strings.CutPrefix(p, "As an ")
	if !ok {
		rest, ok = strings.CutPrefix(p, "As a ")
	}
	if ok {
		if role, after, found := strings.Cut(unterminate(rest), ", I want "); found {
			want, so, _ := strings.Cut(after, ", so that ")
			return role, want, so, true
		}
	}
	if m := looseSentence().FindStringSubmatch(p); m != nil {
		return m[1], m[2], m[3], true
	}
	return "", "", "", false
}

// article picks "a" or "an" for the role that follows it, by how the role
// is usually said: "an admin", "a user", "an SRE", "a UX designer".
func article(role string) string {
	w := strings.TrimLeft(role, " ")
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	if upper(at(0)) && upper(at(1)) {
		// An acronym is read letter by letter.
		if strings.IndexByte("AEFHILMNORSX", at(0)) >= 0 {
			return "an"
		}
		return "a"
	}
	lower := strings.ToLower(w)
	if hasAnyPrefix(lower, "hour", "honest", "honor", "heir") {
		return "an"
	}
	if hasAnyPrefix(lower, "one", "once", "eu", "uni", "use", "usu", "uti") {
		return "a"
	}
	if lower != "" && strings.IndexByte("aeiou", lower[0]) >= 0 {
		return "an"
	}
	return "a"
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}

// namedLine writes "**Name**: text", "**Name**", or the text alone when
// there is no name (a persona or an architecture component).
func namedLine(name, text string) string {
	name = oneLine(name)
	if name == "" {
		return blockSafe(oneLine(text))
	}
	line := "**" + name + "**"
	if !isParagraph(line) && strings.IndexByte(asciiPunct, name[0]) >= 0 {
		// A name of asterisks makes a thematic break of the line.
		line = "**\\" + name + "**"
	}
	if t := flat(text); strings.TrimSpace(t) != "" {
		line += ": " + strings.TrimRightFunc(t, unicode.IsSpace)
	}
	return EscapeHTML(line)
}

// readNamed reads what namedLine writes. An item that is not in that form
// is kept whole as the text, with no name.
func readNamed(s string) (string, string) {
	if inner, ok := strings.CutPrefix(s, "**"); ok {
		name, text, found := strings.Cut(inner, "**: ")
		if !found {
			name, found = strings.CutSuffix(inner, "**")
		}
		if found && name != "" && name == strings.TrimSpace(name) {
			return name, text
		}
	}
	return "", s
}

// lineErr places an error on a line of the document.
func lineErr(line int, err error) error {
	return fmt.Errorf("line %d: %w", line, err)
}
