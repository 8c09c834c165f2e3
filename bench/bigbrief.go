package main

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// numbered matches a numbered list item: "12. Dispatchers import…".
var numbered = regexp.MustCompile(`^\d+\. (.+?)\.?$`)

// bigBrief grows a brief to at most size bytes, as close as whole
// features allow: the seed brief's sections with its features section
// repeated region after region ("### Region 7", each feature "… in
// region 7"), so every feature is distinct. The seed must have a
// "## Features" section with a numbered list.
func bigBrief(seed []byte, size int) ([]byte, error) {
	text := string(seed)
	start := strings.Index(text, "## Features")
	if start < 0 {
		return nil, fmt.Errorf("the seed brief has no ## Features section")
	}
	end := strings.Index(text[start+1:], "\n## ")
	if end < 0 {
		return nil, fmt.Errorf("the seed brief has nothing after its features")
	}
	head, body, foot := text[:start], text[start:start+1+end], text[start+1+end+1:]
	var features []string
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		if m := numbered.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
			features = append(features, m[1])
		}
	}
	if len(features) == 0 {
		return nil, fmt.Errorf("the seed brief's features section has no numbered list")
	}
	var out bytes.Buffer
	out.WriteString(head + "## Features\n\n")
	budget := size - out.Len() - len(foot) - 1
	if budget < 0 {
		return nil, fmt.Errorf("the seed brief is larger than %d bytes", size)
	}
	var regions bytes.Buffer
	for region := 1; ; region++ {
		section := fmt.Sprintf("### Region %d\n\n", region)
		if regions.Len()+len(section) > budget {
			break
		}
		var items strings.Builder
		for i, f := range features {
			line := fmt.Sprintf("%d. %s in region %d.\n", i+1, f, region)
			if regions.Len()+len(section)+items.Len()+len(line)+1 > budget {
				break
			}
			items.WriteString(line)
		}
		if items.Len() == 0 {
			break
		}
		regions.WriteString(section + items.String() + "\n")
	}
	out.Write(regions.Bytes())
	out.WriteString(foot)
	return out.Bytes(), nil
}
