// Package textwrap breaks prose into lines of a given width, for help
// text and the comments of generated files.
package textwrap

import "strings"

// Lines splits text into lines of at most width bytes, breaking at spaces.
// A word longer than width gets a line of its own; empty text is one
// empty line.
func Lines(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
