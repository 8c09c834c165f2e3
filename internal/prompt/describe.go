package prompt

// descriptions says in one line what each built-in prompt asks a model for.
// A test fails when a built-in template has no entry here, or an entry has
// no template.
var descriptions = map[string]string{
	"prd":      "a PRD from the brief: goals, requirements, metrics, open questions",
	"stories":  "user stories with Given/When/Then criteria, traced to the PRD's FRs",
	"tech":     "technical requirements: components, data model, HTTP API, tasks",
	"scaffold": "a prototype (service, tests, README) from the technical requirements",
}

// Describe says in one line what a stage's prompt asks the model for, or
// "" for a stage that has no built-in prompt.
func Describe(stage string) string {
	return descriptions[stage]
}

// BuiltInTemplate returns the embedded template of a stage, whatever a
// prompts folder holds: the file a user copies to start an override.
func BuiltInTemplate(stage string) (string, error) {
	text, _, err := New("").Template(stage)
	return text, err
}
