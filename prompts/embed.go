// Package prompts embeds prodgen's built-in prompt templates, one per stage.
// They live at the top of the repository so that users can read and copy
// them; go:embed cannot reach a parent folder, hence this small package.
package prompts

import "embed"

// FS holds the templates: <stage>.md, rendered with text/template.
//
//go:embed *.md
var FS embed.FS
