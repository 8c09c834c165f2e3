// Package prompt renders the prompt a stage sends to a language model.
//
// The built-in templates are prompts/<stage>.md, embedded in the binary. A
// user's prompts folder is layered over them: a file <dir>/<stage>.md
// replaces the built-in of that name, and every other stage keeps its
// built-in. Templates are rendered with text/template, strictly: a missing
// map key or struct field is an error, not "<no value>". The brief and the
// documents are data handed to the template, never parsed as templates, so
// "{{" inside a brief comes through as written.
//
// For the prompts commands it also describes the prompts (Infos,
// WriteList), checks a configured folder (CheckDir) and copies the
// built-ins into one for a user to edit (Eject).
package prompt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/prompts"
)

// System is the system message sent before every stage's prompt.
const System = "You write product documents for software teams. " +
	"Answer with one JSON object that matches the given schema and nothing else."

// BuiltIn is the origin Source gives for an embedded template.
const BuiltIn = "built-in"

// ext ends every template's file name: the stage "prd" is prd.md.
const ext = ".md"

// PRDData is the data of the prd prompt. A template shows the brief as
// written ({{.Brief}}) or numbered ({{.NumberedBrief}}), for the PRD's
// items to cite its lines.
type PRDData struct {
	Brief     string // the brief's markdown, as written
	BriefPath string // the brief's path relative to the project root
}

// NumberedBrief is the brief with each line led by its number, right
// aligned: " 9| text", "10| text". The lines are numbered as the PRD's
// sources cite them (artifact.BriefLines).
func (d PRDData) NumberedBrief() string {
	lines := artifact.BriefLines([]byte(d.Brief))
	width := len(strconv.Itoa(len(lines)))
	var b strings.Builder
	for i, line := range lines {
		fmt.Fprintf(&b, "%*d|", width, i+1)
		if line != "" {
			b.WriteString(" " + line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// BriefLines is how many lines the brief has: the last a source may cite.
func (d PRDData) BriefLines() int { return len(artifact.BriefLines([]byte(d.Brief))) }

// StoriesData is the data of the stories prompt.
type StoriesData struct {
	PRD   string   // the PRD's markdown
	FRIDs []string // the functional requirement IDs the stories must cover
	// Part is set when the PRD's requirements are split over several
	// requests and this one covers only FRIDs; its stories may still
	// trace any of the PRD's requirements they deliver.
	Part bool
	// Roles are the roles a story may take: the PRD's personas ("patient",
	// "front-desk staff"), or "user" alone when it names none.
	Roles []string
}

// TechData is the data of the tech prompt.
type TechData struct {
	// Brief is the brief the PRD was made from, when it is at hand, for
	// its own data model, API and stack, which the design takes as given;
	// empty otherwise and in a tasks request (the design carries them).
	Brief    string
	PRD      string   // the PRD's markdown
	Stories  string   // the user stories' markdown
	StoryIDs []string // the story IDs the answer may name
	// Part is empty when one request writes the whole document. A large
	// document is split: "design" asks for everything but the tasks (and
	// the setup tasks every story builds on), written first; "tasks" for
	// the tasks of the stories in StoryIDs only, with the design.
	Part string
	// Design is the design a tasks request's tasks build on, as markdown,
	// and Components, Entities and Endpoints ("GET /teams") the names it
	// gives, which are all a task may name; SetupTasks are its setup
	// tasks' IDs, and FirstTask the ID of the answer's first task. All
	// empty but for a tasks request, whose FirstTask follows SetupTasks.
	Design                          string
	Components, Entities, Endpoints []string
	SetupTasks                      []string
	FirstTask                       string
}

// ScaffoldData is the data of the scaffold prompt.
type ScaffoldData struct {
	Lang     string   // "go", "python" or "typescript"
	Tech     string   // the technical requirements' markdown
	Stories  string   // the user stories' markdown
	StoryIDs []string // the story IDs the stories document has
}

// Set is the built-in templates with a user's folder layered over them.
// It reads files when it renders, so an edit to an override is picked up
// without restarting; it keeps no other state and is safe for concurrent
// use.
type Set struct {
	base fs.FS  // the built-in templates, <stage>.md at the root
	over fs.FS  // the user's folder; nil when there is none
	dir  string // the user's folder as the user named it, for messages
}

// New returns the built-in templates with overrideDir layered over them.
// An empty overrideDir gives the built-ins alone. The folder is read when a
// prompt is rendered; Render fails if it does not exist.
func New(overrideDir string) *Set {
	if overrideDir == "" {
		return newSet(prompts.FS, nil, "")
	}
	return newSet(prompts.FS, os.DirFS(overrideDir), overrideDir)
}

func newSet(base, over fs.FS, dir string) *Set {
	return &Set{base: base, over: over, dir: dir}
}

// List returns the stage names that have a built-in template, sorted:
// prd, stories, tech.
func (s *Set) List() []string {
	names, err := fs.Glob(s.base, "*"+ext)
	if err != nil {
		// Glob fails only on a malformed pattern, and this one is fixed.
		panic(err)
	}
	stages := make([]string, len(names))
	for i, n := range names {
		stages[i] = strings.TrimSuffix(n, ext)
	}
	slices.Sort(stages)
	return stages
}

// Source says where a stage's template comes from: the override file's
// path, or BuiltIn. An unknown stage has no source: "".
func (s *Set) Source(stage string) string {
	switch {
	case !slices.Contains(s.List(), stage):
		return ""
	case s.over == nil:
		return BuiltIn
	}
	if _, err := fs.Stat(s.over, stage+ext); errors.Is(err, fs.ErrNotExist) {
		return BuiltIn
	}
	return filepath.Join(s.dir, stage+ext)
}

// Unused returns the names of files in the override folder that replace
// no template ("prd.txt", "summary.md"), sorted, so that the caller can
// warn about a misnamed file. Folders and hidden files are left out. With
// no override folder it returns nil.
func (s *Set) Unused() ([]string, error) {
	if s.over == nil {
		return nil, nil
	}
	entries, err := fs.ReadDir(s.over, ".")
	if err != nil {
		return nil, fmt.Errorf("read prompts folder %s: %w", s.dir, disk.Unwrap(err))
	}
	stages := s.List()
	var unused []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		if stage, ok := strings.CutSuffix(name, ext); ok && slices.Contains(stages, stage) {
			continue
		}
		unused = append(unused, name)
	}
	return unused, nil
}

// Render renders a stage's template with data, usually the stage's
// PRDData, StoriesData or TechData. An error names the template and where
// it came from.
func (s *Set) Render(stage string, data any) (string, error) {
	if !slices.Contains(s.List(), stage) {
		return "", fmt.Errorf("unknown prompt %q (want one of %s)", stage, strings.Join(s.List(), ", "))
	}
	name := stage + ext
	text, origin, err := s.read(name)
	if err != nil {
		return "", err
	}
	tmpl, err := template.New(name).
		Option("missingkey=error").
		Funcs(template.FuncMap{"join": strings.Join}).
		Parse(text)
	if err != nil {
		return "", fmt.Errorf("prompt %s (from %s): %w", name, origin, err)
	}
	var out strings.Builder
	if err := tmpl.Execute(&out, data); err != nil {
		return "", fmt.Errorf("prompt %s (from %s): %w", name, origin, err)
	}
	return out.String(), nil
}

// Messages renders a stage's template and returns the conversation to send
// to a model: the System message, then the prompt as the user's message.
func (s *Set) Messages(stage string, data any) ([]llm.Message, error) {
	text, err := s.Render(stage, data)
	if err != nil {
		return nil, err
	}
	return []llm.Message{
		{Role: llm.RoleSystem, Content: System},
		{Role: llm.RoleUser, Content: text},
	}, nil
}

// read returns the text of the template file name, from the override
// folder if it has one, else built in, with its origin for messages.
func (s *Set) read(name string) (string, string, error) {
	if s.over != nil {
		b, err := fs.ReadFile(s.over, name)
		switch {
		case err == nil:
			return string(b), s.dir, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", "", fmt.Errorf("read prompt %s: %w", filepath.Join(s.dir, name), disk.Unwrap(err))
		}
		// No override of this stage; the folder itself must exist, or a
		// typo in its name would silently give the built-ins.
		if _, err := fs.Stat(s.over, "."); err != nil {
			return "", "", fmt.Errorf("prompts folder %s: %w", s.dir, disk.Unwrap(err))
		}
	}
	b, err := fs.ReadFile(s.base, name)
	if err != nil {
		return "", "", fmt.Errorf("read built-in prompt %s: %w", name, err)
	}
	return string(b), BuiltIn, nil
}

// Template returns a stage's template text as it will be rendered, and
// where it comes from, so that a change to a prompt can be detected.
func (s *Set) Template(stage string) (string, string, error) {
	if !slices.Contains(s.List(), stage) {
		return "", "", fmt.Errorf("unknown prompt %q (want one of %s)", stage, strings.Join(s.List(), ", "))
	}
	return s.read(stage + ext)
}
