package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/prompt"
	"github.com/prodgen/prodgen/internal/scaffold"
	"github.com/prodgen/prodgen/internal/scaffold/golang"
	"github.com/prodgen/prodgen/internal/scaffold/pyts"
)

// Languages a prototype can be scaffolded in.
var Languages = []string{"go", "python", "typescript"}

// ScaffoldStage names the lock entry of a language's prototype.
func ScaffoldStage(lang string) string { return "scaffold-" + lang }

// ScaffoldResult is a prototype's files and what writing them did.
type ScaffoldResult struct {
	Lang   string
	Dir    string // the output folder, as the user names it
	Files  []scaffold.File
	Report *scaffold.Report
	Usage  Usage
	Inputs []FileHash
}

// ScaffoldRepair sends a prototype that failed its build or tests back to
// the model, with what failed.
type ScaffoldRepair struct {
	Previous []scaffold.File
	Step     string // the command that failed
	Output   string // the end of its output
}

// Scaffold builds a prototype in lang from the project's tech spec and
// stories and writes it to dir through the safe writer. With a model and a
// repair, the model is asked to fix the previous manifest.
func (p *Project) Scaffold(ctx context.Context, lang, dir string, force bool, limits scaffold.Limits, repair *ScaffoldRepair) (*ScaffoldResult, error) {
	if !slices.Contains(Languages, lang) {
		return nil, fmt.Errorf("unknown language %q (languages: %s)", lang, strings.Join(Languages, ", "))
	}
	techSrc, tech, err := p.readTech(p.TechPath())
	if err != nil {
		return nil, err
	}
	storiesSrc, stories, err := p.readStories(p.StoriesPath())
	if err != nil {
		return nil, err
	}
	res := &ScaffoldResult{Lang: lang, Dir: slash(dir), Inputs: []FileHash{
		{Path: p.TechPath(), SHA256: hashBytes(techSrc)},
		{Path: p.StoriesPath(), SHA256: hashBytes(storiesSrc)},
	}}
	if p.Prompts == nil {
		res.Files, err = offlineScaffold(lang, tech, stories)
		res.Usage = Usage{Provider: "offline", Model: "offline", Requests: 0}
	} else {
		res.Files, res.Usage, err = p.modelScaffold(ctx, lang, techSrc, storiesSrc, stories, repair)
	}
	if err != nil {
		return nil, err
	}
	if p.Guard != nil {
		if err := p.Guard(ScaffoldStage(lang)); err != nil {
			return nil, err
		}
	}
	report, err := scaffold.Write(p.Abs(dir), res.Files, force, limits)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", res.Dir, err)
	}
	res.Report = report
	return res, nil
}

func offlineScaffold(lang string, tech *artifact.TechSpec, stories *artifact.Stories) ([]scaffold.File, error) {
	api, err := scaffold.Plan(tech, stories)
	if err != nil {
		return nil, &disk.InputError{Path: "docs/tech.md", Err: err}
	}
	switch lang {
	case "go":
		return golang.Generate(api)
	case "python":
		return pyts.Python(api)
	}
	return pyts.TypeScript(api)
}

// manifest is a model's answer for the scaffold stage.
type manifest struct {
	Files []manifestFile `json:"files"`
}

type manifestFile struct {
	Path    string `json:"path"`
	Content string `json:"content"`
}

// modelScaffold asks the model for a file manifest. Its paths are not
// trusted: the safe writer checks each one again before writing.
func (p *Project) modelScaffold(ctx context.Context, lang string, techSrc, storiesSrc []byte, stories *artifact.Stories, repair *ScaffoldRepair) ([]scaffold.File, Usage, error) {
	req, err := p.manifestRequest(lang, techSrc, storiesSrc, stories)
	if err != nil {
		return nil, Usage{}, err
	}
	if repair != nil && len(req.Messages) > 0 {
		var prev manifest
		for _, f := range repair.Previous {
			prev.Files = append(prev.Files, manifestFile{Path: f.Path, Content: string(f.Content)})
		}
		answer, err := json.Marshal(prev)
		if err != nil {
			return nil, Usage{}, err
		}
		req.Messages = append(req.Messages,
			llm.Message{Role: llm.RoleAssistant, Content: string(answer)},
			llm.Message{Role: llm.RoleUser, Content: fmt.Sprintf("Running `%s` in the project failed:\n\n%s\n\n"+
				"Fix the project. Answer with the whole corrected JSON manifest, every file included, and nothing else.", repair.Step, repair.Output)})
	}
	var v manifestValue
	usage, err := p.send(ctx, llm.StageScaffold, []call{{req: req, into: &v}})
	if err != nil {
		return nil, usage, err
	}
	files := make([]scaffold.File, 0, len(v.Files))
	for _, f := range v.Files {
		files = append(files, scaffold.File{Path: f.Path, Content: []byte(f.Content)})
	}
	return files, usage, nil
}

// scaffoldRequest builds the request that asks a model for lang's
// prototype from the documents on disk.
func (p *Project) scaffoldRequest(lang string) (llm.Request, error) {
	if !slices.Contains(Languages, lang) {
		return llm.Request{}, fmt.Errorf("unknown language %q (languages: %s)", lang, strings.Join(Languages, ", "))
	}
	techSrc, _, err := p.readTech(p.TechPath())
	if err != nil {
		return llm.Request{}, err
	}
	storiesSrc, stories, err := p.readStories(p.StoriesPath())
	if err != nil {
		return llm.Request{}, err
	}
	return p.manifestRequest(lang, techSrc, storiesSrc, stories)
}

// manifestRequest asks for a prototype's file manifest.
func (p *Project) manifestRequest(lang string, techSrc, storiesSrc []byte, stories *artifact.Stories) (llm.Request, error) {
	req := llm.Request{Stage: llm.StageScaffold, Schema: &llm.Schema{Name: llm.StageScaffold, JSON: manifestSchema}}
	ids := make([]string, 0, len(stories.Stories))
	for _, s := range stories.Stories {
		ids = append(ids, s.ID)
	}
	err := p.messages(&req, prompt.ScaffoldData{Lang: lang, Tech: string(techSrc), Stories: string(storiesSrc), StoryIDs: ids})
	return req, err
}

var manifestSchema = json.RawMessage(`{"type":"object","additionalProperties":false,"required":["files"],` +
	`"properties":{"files":{"type":"array","items":{"type":"object","additionalProperties":false,` +
	`"required":["path","content"],"properties":{"path":{"type":"string","description":"relative path inside the project, forward slashes"},` +
	`"content":{"type":"string"}}}}}}`)

type manifestValue struct{ manifest }

func (v *manifestValue) reset()  { v.manifest = manifest{} }
func (v *manifestValue) number() {}

// validate rejects an empty manifest; unsafe paths are left to the writer,
// which reports each one rather than failing the whole answer.
func (v *manifestValue) validate() error {
	if len(v.Files) == 0 {
		return fmt.Errorf("the manifest lists no files")
	}
	return nil
}
