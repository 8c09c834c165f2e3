package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/git"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/semdiff"
)

type diffOptions struct {
	f   *factory
	cmd *cobra.Command

	Base   string // the git revision holding the old documents; "" with From
	From   string // the folder holding the old documents
	Format semdiff.Format
}

func newDiffCmd(f *factory, runF func(context.Context, *diffOptions) error) *cobra.Command {
	opts := &diffOptions{f: f}
	var format string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "diff [--base REV | --from DIR]",
		Short: "Compare the documents with a git revision or a folder, item by item",
		Long: `Compare the project's documents with an older version of them, item by
item rather than line by line: requirements, stories, criteria, tasks and
questions by ID, other entries (users, metrics, entities, endpoints) by
name. For each document it lists the items added, changed (with the words
that changed), removed and moved (to another place in their list, under
another story, or tracing other items); across documents, the traces
added, removed, and broken: a story tracing a requirement that is gone, a
task tracing a story that is not there. A document on one side only is
added or removed whole. No model is called and nothing is written.

The older version is one of:
  --base REV  the documents as git revision REV holds them (default HEAD,
              so a plain "prodgen diff" shows what is not committed yet).
              Needs git. Paths are shown from the repository's top level,
              as git shows them, so annotations land on the right files.
  --from DIR  the documents in folder DIR (its prd.md, stories.md and
              tech.md), such as a copy of docs/ from an earlier release.

Formats (--format):
  markdown  the default: a heading, a summary line and a section per
            changed document, for a pull-request comment; deleted words
            are ~~struck through~~ and new ones **bold**.
  json      the same as one JSON document with sorted lists (--json);
            docs/diff.md describes every field.
  github    GitHub Actions annotations: a notice per change at its line,
            a warning per broken trace.

The exit code is 0 whatever changed, and 2 for an unknown revision, a
folder without documents or a document that cannot be read.`,
		Example: `  prodgen diff                                     # what is not committed yet
  prodgen diff --base origin/main                  # what a pull request changes, for a comment
  prodgen diff --base origin/main --format github  # annotations in a GitHub Actions job
  prodgen diff --from ../v1/docs --json | jq .summary`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if opts.Format, err = formatFlag(format, asJSON, cmd.Flags().Changed("format"), semdiff.Formats); err != nil {
				return err
			}
			switch {
			case cmd.Flags().Changed("base") && cmd.Flags().Changed("from"):
				return &usageError{errors.New("--base and --from cannot be used together")}
			case cmd.Flags().Changed("from"):
				if opts.From == "" {
					return &usageError{errors.New("--from needs a folder")}
				}
				opts.Base = ""
			case opts.Base == "":
				return &usageError{errors.New("--base needs a revision")}
			}
			opts.cmd = cmd
			return runF(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Base, "base", "HEAD", "compare with the documents as git revision `rev` holds them")
	cmd.Flags().StringVar(&opts.From, "from", "", "compare with the documents in folder `dir`")
	cmd.Flags().StringVar(&format, "format", string(semdiff.FormatMarkdown), "write the diff as `format`: markdown, json or github")
	cmd.Flags().BoolVar(&asJSON, "json", false, "write the diff as JSON (same as --format json)")
	_ = cmd.MarkFlagDirname("from") // fails only for an undefined flag
	// RegisterFlagCompletionFunc fails only for an undefined flag.
	_ = cmd.RegisterFlagCompletionFunc("format", completeValues(semdiff.Formats))
	return cmd
}

func runDiff(ctx context.Context, opts *diffOptions) error {
	f := opts.f
	_, proj, err := f.project(opts.cmd, false)
	if err != nil {
		return err
	}
	var old, cur semdiff.Set
	if opts.From != "" {
		old, cur, err = folderVersions(f, proj, opts.From)
	} else {
		old, cur, err = revisionVersions(ctx, f, proj, opts.Base)
	}
	if err != nil {
		return err
	}
	d := semdiff.Compare(old, cur)
	if err := d.Write(f.deps.IO.Out, opts.Format); err != nil {
		return err
	}
	if opts.Format != semdiff.FormatMarkdown {
		f.infof("%s\n", d.SummaryLine())
	}
	return nil
}

// version is one version of a document as read: the name the diff shows,
// the name errors give (a revision's "origin/main:docs/prd.md") and its
// markdown.
type version struct {
	name, origin string
	src          []byte
}

// readVersion reads one version of the project's documents with read,
// which says fs.ErrNotExist for a document that version lacks; found
// counts those it has.
func readVersion(proj *pipeline.Project, label string, read func(pipeline.Document) (version, error)) (semdiff.Set, int, error) {
	set := semdiff.Set{Label: label}
	found := 0
	d := proj.Documents()
	for _, doc := range []struct {
		role semdiff.Role
		doc  pipeline.Document
	}{{semdiff.PRD, d.PRD}, {semdiff.Stories, d.Stories}, {semdiff.Tech, d.Tech}} {
		v, err := read(doc.doc)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return set, 0, err
		}
		parsed, err := semdiff.Parse(doc.role, v.name, v.src)
		if err != nil {
			return set, 0, &disk.InputError{Path: v.origin, Err: err}
		}
		set.Add(parsed)
		found++
	}
	return set, found, nil
}

// workingVersion reads the project's documents as they are on disk; name
// says how the diff shows each one's path.
func workingVersion(proj *pipeline.Project, label string, name func(string) (string, error)) (semdiff.Set, int, error) {
	return readVersion(proj, label, func(doc pipeline.Document) (version, error) {
		src, err := proj.ReadDocument(doc.Path)
		if err != nil {
			return version{}, err
		}
		shown, err := name(doc.Path)
		return version{name: shown, origin: doc.Path, src: src}, err
	})
}

// folderVersions reads the old documents from folder dir, each by its
// file name (prd.md...), and the new ones from the project.
func folderVersions(f *factory, proj *pipeline.Project, dir string) (semdiff.Set, semdiff.Set, error) {
	abs := f.path(dir)
	if info, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return semdiff.Set{}, semdiff.Set{}, &disk.InputError{Path: dir, Err: errors.New("no such folder")}
	} else if err != nil {
		return semdiff.Set{}, semdiff.Set{}, &disk.InputError{Path: dir, Err: disk.Unwrap(err)}
	} else if !info.IsDir() {
		return semdiff.Set{}, semdiff.Set{}, &disk.InputError{Path: dir, Err: errors.New("is not a folder")}
	}
	old, found, err := readVersion(proj, dir, func(doc pipeline.Document) (version, error) {
		base := path.Base(doc.Path)
		name := path.Join(filepath.ToSlash(dir), base)
		src, err := disk.Read(filepath.Join(abs, base), name, disk.MaxDocument)
		return version{name: name, origin: name, src: src}, err
	})
	if err != nil {
		return old, semdiff.Set{}, err
	}
	if found == 0 {
		return old, semdiff.Set{}, &disk.InputError{Path: dir, Err: fmt.Errorf("no documents in it (%s)%s", docNames(proj), subfolderHint(abs, dir, proj))}
	}
	docs := path.Dir(proj.Documents().PRD.Path)
	cur, _, err := workingVersion(proj, docs, func(p string) (string, error) { return p, nil })
	return old, cur, err
}

// revisionVersions reads the old documents from git revision rev and the
// new ones from the working tree, both named from the repository's top.
func revisionVersions(ctx context.Context, f *factory, proj *pipeline.Project, rev string) (semdiff.Set, semdiff.Set, error) {
	repo, err := git.Open(ctx, f.dir())
	if err != nil {
		var nr *git.NotRepositoryError
		switch {
		case errors.Is(err, git.ErrNoGit):
			err = fmt.Errorf("%w: prodgen diff --base needs it (or compare with a folder: --from DIR)", err)
		case errors.As(err, &nr):
			f.debugf("git: %s\n", nr.Msg)
			err = &disk.InputError{Path: orDefault(f.flags.chdir, "."), Err: errors.New("not in a git repository; compare with a folder instead: --from DIR")}
		}
		return semdiff.Set{}, semdiff.Set{}, err
	}
	commit, err := repo.Resolve(ctx, rev)
	if errors.As(err, new(*git.RevisionError)) {
		err = &usageError{fmt.Errorf("--base: %w (in a CI checkout, fetch it first)", err)}
	}
	if err != nil {
		return semdiff.Set{}, semdiff.Set{}, err
	}
	old, foundOld, err := readVersion(proj, rev, func(doc pipeline.Document) (version, error) {
		name, err := repo.Path(doc.Path)
		if err != nil {
			return version{}, &disk.InputError{Path: doc.Path, Err: err}
		}
		src, err := repo.ReadFile(ctx, commit, name, disk.MaxDocument)
		return version{name: name, origin: rev + ":" + name, src: src}, err
	})
	if err != nil {
		return old, semdiff.Set{}, err
	}
	cur, foundCur, err := workingVersion(proj, "working tree", repo.Path)
	if err == nil && foundOld+foundCur == 0 {
		err = &disk.InputError{Path: path.Dir(proj.Documents().PRD.Path),
			Err: fmt.Errorf("no documents (%s) in the working tree nor at %s; run \"prodgen generate\" first", docNames(proj), rev)}
	}
	return old, cur, err
}

// docNames lists the documents' file names: "prd.md, stories.md, tech.md".
func docNames(proj *pipeline.Project) string {
	d := proj.Documents()
	return path.Base(d.PRD.Path) + ", " + path.Base(d.Stories.Path) + ", " + path.Base(d.Tech.Path)
}

// subfolderHint suggests the documents folder inside dir, for someone who
// named a project rather than its documents.
func subfolderHint(abs, dir string, proj *pipeline.Project) string {
	sub := path.Base(path.Dir(proj.Documents().PRD.Path))
	if info, err := os.Stat(filepath.Join(abs, sub)); err == nil && info.IsDir() && sub != "." {
		return fmt.Sprintf("; did you mean --from %s?", path.Join(filepath.ToSlash(dir), sub))
	}
	return ""
}
