package markdown

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// splitFrontMatter separates a leading "---" YAML block from the body. The
// front matter's lines are blanked rather than removed so line numbers in
// the body stay true to the file. A block that does not look like YAML (see
// looksLikeYAML) is markdown between two thematic breaks and stays in the
// body.
func splitFrontMatter(src []byte) ([]byte, map[string]string, error) {
	s := string(src)
	s = strings.TrimPrefix(s, "\ufeff")
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return []byte(s), nil, nil
	}
	rest := s[strings.Index(s, "\n")+1:]
	end := -1
	for off := 0; off < len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if t := strings.TrimRight(line, "\r"); t == "---" || t == "..." {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		// An opening rule with no closing one is a thematic break, not
		// front matter.
		return []byte(s), nil, nil
	}
	raw := rest[:end]
	if !looksLikeYAML(raw) {
		return []byte(s), nil, nil
	}
	var values map[string]any
	if err := yaml.Unmarshal([]byte(raw), &values); err != nil {
		return nil, nil, fmt.Errorf("front matter: %w", err)
	}
	front := make(map[string]string, len(values))
	// Keys are taken in order so that of two differing only in case the
	// same one wins every time: the later in byte order, which is the one
	// written in lower case.
	for _, k := range slices.Sorted(maps.Keys(values)) {
		switch v := values[k].(type) {
		case nil, map[string]any, []any:
			// Only scalars describe a brief; nested values are ignored.
		default:
			front[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(fmt.Sprint(v))
		}
	}
	consumed := len(s) - len(rest) + end
	afterClose := strings.IndexByte(s[consumed:], '\n')
	if afterClose < 0 {
		afterClose = len(s) - consumed
	} else {
		afterClose++
	}
	head := s[:consumed+afterClose]
	blank := strings.Repeat("\n", strings.Count(head, "\n"))
	return []byte(blank + s[consumed+afterClose:]), front, nil
}

// looksLikeYAML reports whether the text between a document's first two
// "---" lines reads as YAML rather than markdown: its first line that is
// neither blank nor a comment is a mapping entry ("key:" or "key: value")
// or a sequence entry ("- item"), or there is no such line. Comments are
// skipped rather than taken as YAML: "# Title" is also an ATX heading, so
// the line after it decides.
func looksLikeYAML(raw string) bool {
	for line := range strings.Lines(raw) {
		line = strings.TrimRight(line, "\r\n")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		return line == "-" || strings.HasPrefix(line, "- ") || isMappingEntry(line)
	}
	return true
}

// isMappingEntry reports whether a line starts a YAML mapping entry: a key
// of letters, digits, '_', '-' and inner spaces, then a colon at the end of
// the line or before a space. The key may be empty (": x"), which is broken
// YAML rather than markdown, so that it is reported as an error.
func isMappingEntry(line string) bool {
	key, value, ok := strings.Cut(line, ":")
	if !ok || strings.HasPrefix(key, " ") {
		return false
	}
	if value != "" && value[0] != ' ' && value[0] != '\t' {
		return false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != ' ' {
			return false
		}
	}
	return true
}
