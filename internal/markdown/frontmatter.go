package markdown

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// splitFrontMatter separates a leading "---" YAML block from the body. The
// front matter's lines are blanked rather than removed so line numbers in
// the body stay true to the file.
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
	var values map[string]any
	if err := yaml.Unmarshal([]byte(raw), &values); err != nil {
		return nil, nil, fmt.Errorf("front matter: %w", err)
	}
	front := make(map[string]string, len(values))
	for k, v := range values {
		switch v := v.(type) {
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
