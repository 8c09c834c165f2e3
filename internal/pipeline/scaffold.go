package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"slices"
	"sort"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/prompt"
	"github.com/prodgen/prodgen/internal/scaffold"
	"github.com/prodgen/prodgen/internal/scaffold/golang"
	"github.com/prodgen/prodgen/internal/scaffold/pyts"
)

// language is a language a prototype can be scaffolded in: the one list
// of them.
type language struct {
	name string
	// generate writes the offline engine's prototype of an API.
	generate func(*scaffold.API) ([]scaffold.File, error)
	// steps build and test a prototype, each a program and its arguments:
	// the commands its README gives a user for a fresh copy, so --verify
	// checks what a user runs.
	steps [][]string
}

var languages = []language{
	{"go", golang.Generate, [][]string{{"go", "vet", "./..."}, {"go", "test", "./..."}}},
	{"python", pyts.Python, [][]string{{"python3", "-m", "unittest", "-v"}}},
	// npm test compiles with tsc before it runs the tests.
	{"typescript", pyts.TypeScript, [][]string{{"npm", "install"}, {"npm", "test"}}},
}

// Languages are the languages a prototype can be scaffolded in.
func Languages() []string {
	var names []string
	for _, l := range languages {
		names = append(names, l.name)
	}
	return names
}

// ScaffoldStage names the stage that writes a language's prototype.
func ScaffoldStage(lang string) string { return scaffoldName + "-" + lang }

const scaffoldName = "scaffold"

// scaffoldStage writes a runnable prototype in one language from the tech
// spec and the stories, through the safe writer.
type scaffoldStage struct{ lang language }

func (s scaffoldStage) Name() string    { return ScaffoldStage(s.lang.name) }
func (s scaffoldStage) Command() string { return "prodgen scaffold --lang " + s.lang.name }
func (s scaffoldStage) Output(p *Project) string {
	return slash(path.Join(p.opts.ScaffoldDir, s.lang.name))
}
func (scaffoldStage) folder() bool                { return true }
func (scaffoldStage) upstream() []string          { return []string{storiesName, techName} }
func (scaffoldStage) sources(p *Project) []string { return []string{p.techPath(), p.storiesPath()} }

// errNotDocument is accept's answer for a prototype: it is not one
// document to take as a whole.
var errNotDocument = errors.New("not a document")

func (scaffoldStage) accept(*Project, []byte, []item) (artifact.Highest, []item, error) {
	return nil, nil, errNotDocument
}

func (s scaffoldStage) why(p *Project, sel Selection, _ Status) string {
	dir := orDefault(sel.Output, s.Output(p))
	reason := "writes " + dir + "/, keeping files that exist and differ"
	if sel.Force {
		reason = "writes " + dir + "/, overwriting files that exist"
	}
	if sel.Verify {
		reason += ", then builds it and runs its tests"
	}
	return reason
}

func (s scaffoldStage) dryCalls(p *Project, _ string) ([]call, error) {
	w, err := s.work(p, nil)
	if err != nil {
		return nil, err
	}
	return w.calls(p)
}

// scaffoldWork is the tech spec and stories, read, and the prototype's
// files made from them.
type scaffoldWork struct {
	lang                language
	techPath            string
	techSrc, storiesSrc []byte
	tech                *artifact.TechSpec
	stories             *artifact.Stories
	repair              *scaffoldRepair
	files               []scaffold.File
}

// scaffoldRepair sends a prototype that failed its build or tests back to
// the model, with what failed.
type scaffoldRepair struct {
	previous []scaffold.File
	step     string // the command that failed
	output   string // the end of its output
}

func (s scaffoldStage) work(p *Project, repair *scaffoldRepair) (*scaffoldWork, error) {
	techSrc, tech, err := p.readTech(p.techPath())
	if err != nil {
		return nil, err
	}
	storiesSrc, stories, err := p.readStories(p.storiesPath())
	if err != nil {
		return nil, err
	}
	return &scaffoldWork{lang: s.lang, techPath: p.techPath(), techSrc: techSrc, storiesSrc: storiesSrc, tech: tech, stories: stories, repair: repair}, nil
}

func (w *scaffoldWork) read(p *Project) []fileHash {
	return []fileHash{{Path: p.techPath(), SHA256: hashBytes(w.techSrc)}, {Path: p.storiesPath(), SHA256: hashBytes(w.storiesSrc)}}
}

func (w *scaffoldWork) build() error {
	api, err := scaffold.Plan(w.tech, w.stories)
	if err != nil {
		return &disk.InputError{Path: w.techPath, Err: err}
	}
	w.files, err = w.lang.generate(api)
	return err
}

// calls asks a model for the prototype's file manifest, or, to repair it,
// for the manifest again with what failed. Its paths are not trusted: the
// safe writer checks each one before writing.
func (w *scaffoldWork) calls(p *Project) ([]call, error) {
	msgs, err := p.messages(scaffoldName, prompt.ScaffoldData{Lang: w.lang.name, Tech: string(w.techSrc),
		Stories: string(w.storiesSrc), StoryIDs: storyIDs(w.stories.Stories)})
	if err != nil {
		return nil, err
	}
	if r := w.repair; r != nil {
		var prev manifest
		for _, f := range r.previous {
			prev.Files = append(prev.Files, manifestFile{Path: f.Path, Content: string(f.Content)})
		}
		answer, err := json.Marshal(prev)
		if err != nil {
			return nil, err
		}
		msgs = append(msgs,
			llm.Message{Role: llm.RoleAssistant, Content: string(answer)},
			llm.Message{Role: llm.RoleUser, Content: fmt.Sprintf("Running `%s` in the project failed:\n\n%s\n\n"+
				"Fix the project. Answer with the whole corrected JSON manifest, every file included, and nothing else.", r.step, r.output)})
	}
	req := llm.Request{Stage: scaffoldName, Messages: msgs, Schema: &llm.Schema{Name: scaffoldName, JSON: manifestSchema}}
	return []call{{req: req, into: &manifestValue{}}}, nil
}

func (w *scaffoldWork) merge(_ *Project, calls []call) {
	w.files = nil
	for _, f := range calls[0].into.(*manifestValue).Files {
		w.files = append(w.files, scaffold.File{Path: f.Path, Content: []byte(f.Content)})
	}
}

// scaffoldError says a scaffold was written only in part, or failed its
// own build or tests.
type scaffoldError struct{ msg string }

func (e *scaffoldError) Error() string { return e.msg }

// run writes the prototype, reports what the safe writer did with each
// file, records it in the lock when it went to its usual place, and
// verifies it when asked: with a model, a failure goes back for repair up
// to the engine's repairs; the final state is reported as it is, never as
// a success it was not.
func (s scaffoldStage) check(p *Project, _ string) error {
	_, err := s.work(p, nil)
	return err
}

func (s scaffoldStage) run(ctx context.Context, x *execution, step planStep) error {
	p := x.p
	dir := orDefault(x.sel.Output, s.Output(p))
	w, rep, err := s.write(ctx, x, dir, x.sel.Force, nil)
	if err != nil {
		return err
	}
	for _, r := range rep.Rejected {
		p.obs.Warnf("rejected %q: %s\n", r.Path, r.Reason)
	}
	why := "it exists and differs"
	if slash(dir) == s.Output(p) {
		why = "edited by hand since prodgen wrote it"
	}
	for _, f := range rep.Skipped {
		p.obs.Infof("kept %s/%s: %s (--force overwrites it)\n", slash(dir), f, why)
	}
	p.obs.Wrote(slash(dir), fmt.Sprintf("%d files written, %d unchanged, %d kept, %d rejected",
		len(rep.Written), len(rep.Unchanged), len(rep.Skipped), len(rep.Rejected)), Usage{})
	if len(rep.Rejected) > 0 {
		return &scaffoldError{fmt.Sprintf("%d of %d files were rejected and not written", len(rep.Rejected), len(w.files))}
	}
	if !x.sel.Verify {
		return nil
	}
	for round := 0; ; round++ {
		p.obs.Infof("verifying %s: build and tests\n", slash(dir))
		v, err := scaffold.Verify(ctx, p.Abs(dir), s.lang.steps, p.opts.VerifyTimeout)
		if err != nil {
			return err
		}
		if v.OK {
			p.obs.Infof("verified %s: build and tests pass\n", slash(dir))
			return nil
		}
		p.obs.Warnf("%s\n", v.Output)
		repairs := p.opts.Engine.repairs()
		if round >= repairs {
			msg := fmt.Sprintf("%s failed in %s", v.Step, slash(dir))
			if round > 0 {
				msg += fmt.Sprintf(" after %d repair rounds", round)
			}
			return &scaffoldError{msg}
		}
		p.obs.Infof("%s failed; asking the model to repair it (round %d of %d)\n", v.Step, round+1, repairs)
		if w, rep, err = s.write(ctx, x, dir, true, &scaffoldRepair{previous: w.files, step: v.Step, output: v.Output}); err != nil {
			return err
		}
		if len(rep.Rejected) > 0 {
			return &scaffoldError{fmt.Sprintf("the repaired manifest has %d rejected files", len(rep.Rejected))}
		}
	}
}

// write makes the prototype's files, writes them to dir through the safe
// writer and, when dir is the stage's own folder, records them. In its own
// folder a prototype is merged file by file as a document is item by item:
// a file prodgen wrote and nobody touched takes the new content, one a
// person edited is kept (and listed), one a person deleted stays deleted;
// --force overwrites them all.
func (s scaffoldStage) write(ctx context.Context, x *execution, dir string, force bool, repair *scaffoldRepair) (*scaffoldWork, *scaffold.Report, error) {
	p := x.p
	w, err := s.work(p, repair)
	if err != nil {
		return nil, nil, err
	}
	usage, err := p.opts.Engine.write(ctx, p, w)
	if err != nil {
		return nil, nil, err
	}
	tracked := slash(dir) == s.Output(p)
	base := map[string]item{}
	if e := x.lock.Artifacts[s.Name()]; e != nil && tracked {
		for _, it := range e.Items {
			base[it.Key] = it
		}
	}
	onDisk := func(name string) ([]byte, bool) {
		data, err := disk.Read(p.Abs(path.Join(dir, name)), name, scaffold.DefaultMaxBytes)
		return data, err == nil
	}
	// A file a person deleted stays deleted.
	var files []scaffold.File
	gone := map[string]bool{}
	for _, f := range w.files {
		if b, known := base[fileKey(f.Path)]; !force && known && (b.State == deleted || (b.State == "" && !present(p.Abs(path.Join(dir, f.Path))))) {
			gone[f.Path] = true
			continue
		}
		files = append(files, f)
	}
	overwrite := func(name string) bool {
		if force || !tracked {
			return force
		}
		b, known := base[fileKey(name)]
		data, ok := onDisk(name)
		return known && b.SHA256 != "" && ok && hashBytes(data) == b.SHA256
	}
	if tracked {
		// The files go one by one: until the lock says what was written,
		// the journal says the prototype is being written.
		if err := x.lock.writeJournal(p.opts.Root, s.Name(), true); err != nil {
			return nil, nil, err
		}
		p.crash("journal")
	}
	rep, err := scaffold.WriteOver(p.Abs(dir), files, overwrite, p.opts.Limits)
	if err != nil {
		return nil, nil, fmt.Errorf("write %s: %w", slash(dir), err)
	}
	p.crash("output")
	if !tracked {
		return w, rep, nil
	}
	inputs, err := p.opts.Engine.inputs(p, scaffoldName)
	if err != nil {
		return nil, nil, err
	}
	e := x.entry(usage, s.outputs(w.files, rep, dir, onDisk), append(w.read(p), inputs...))
	e.Rejected = len(rep.Rejected)
	for _, f := range w.files {
		it := item{Key: fileKey(f.Path), SHA256: hashBytes(f.Content)}
		switch {
		case gone[f.Path]:
			it.State = deleted
		case slices.Contains(rep.Skipped, f.Path):
			it.Owner = person
		case !slices.Contains(rep.Written, f.Path) && !slices.Contains(rep.Unchanged, f.Path):
			continue // rejected
		}
		e.Items = append(e.Items, it)
	}
	if old := x.lock.Artifacts[s.Name()]; old != nil && sameGeneration(old, e) {
		e.Generated = old.Generated
	}
	x.lock.Artifacts[s.Name()] = e
	return w, rep, x.lock.save(p.opts.Root)
}

// fileKey is a prototype file's key in the ledger.
func fileKey(name string) string { return "file:" + name }

// outputs are the hashes of the prototype's files as they are on disk now:
// written and unchanged ones hold what prodgen generated; one kept as a
// person edited it is read back. A file that is not on disk is never
// recorded.
func (s scaffoldStage) outputs(files []scaffold.File, rep *scaffold.Report, dir string, onDisk func(string) ([]byte, bool)) []fileHash {
	var out []fileHash
	for _, f := range files {
		name := slash(path.Join(dir, f.Path))
		switch {
		case slices.Contains(rep.Written, f.Path) || slices.Contains(rep.Unchanged, f.Path):
			out = append(out, fileHash{Path: name, SHA256: hashBytes(f.Content)})
		case slices.Contains(rep.Skipped, f.Path):
			if data, ok := onDisk(f.Path); ok {
				out = append(out, fileHash{Path: name, SHA256: hashBytes(data)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// manifest is a model's answer for a scaffold stage.
type manifest struct {
	Files []manifestFile `json:"files"`
}

type manifestFile struct {
	Path    string `json:"path"`
	Content string `json:"content"`
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

// expected is the room a manifest's answer needs: a whole project.
func (v *manifestValue) expected() int { return 16000 }

// present reports whether anything is at path, without reading it.
func present(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
