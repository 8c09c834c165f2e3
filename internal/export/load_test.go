package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// reader reads testdata/<name>/<file>, as the project's reader would.
func reader(name string) func(string) ([]byte, error) {
	return func(file string) ([]byte, error) {
		return os.ReadFile(filepath.Join("testdata", name, file))
	}
}

func TestLoad(t *testing.T) {
	stories, prd, err := Load(reader("invoice-api"), "stories.md", "prd.md")
	if err != nil || stories == nil || prd == nil {
		t.Fatalf("Load = %v, %v, %v", stories, prd, err)
	}
	wantStories, wantPRD := load(t, "invoice-api")
	if len(stories.Stories) != len(wantStories.Stories) || len(prd.Functional) != len(wantPRD.Functional) {
		t.Errorf("Load read %d stories and %d FRs, want %d and %d", len(stories.Stories), len(prd.Functional), len(wantStories.Stories), len(wantPRD.Functional))
	}

	// Without a PRD every story is Medium: no error, a nil PRD.
	stories, prd, err = Load(reader("invoice-api"), "stories.md", "none.md")
	if err != nil || stories == nil || prd != nil {
		t.Errorf("no PRD: Load = %v, %v, %v; want the stories and a nil PRD", stories, prd, err)
	}
	// Without stories, read's error, for the caller to word.
	if _, _, err := Load(reader("invoice-api"), "none.md", "prd.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("no stories: Load error %v, want fs.ErrNotExist", err)
	}
	// A PRD that does not parse is an error naming it.
	notPRD := func(file string) ([]byte, error) {
		if file == "prd.md" {
			return []byte("no heading at all"), nil
		}
		return reader("invoice-api")(file)
	}
	_, _, err = Load(notPRD, "stories.md", "prd.md")
	if _, ok := errors.AsType[*disk.InputError](err); !ok || !strings.HasPrefix(err.Error(), "prd.md: ") {
		t.Errorf("unparsable PRD: Load error %v, want an InputError naming prd.md", err)
	}
}

func TestUnknownTraces(t *testing.T) {
	stories := &artifact.Stories{Stories: []artifact.Story{
		{ID: "US-001", Traces: []string{"FR-001", "FR-009"}}, {ID: "US-002", Traces: []string{"FR-008", "FR-009"}},
	}}
	prd := &artifact.PRD{Functional: []artifact.Requirement{{ID: "FR-001"}}}
	if got, want := UnknownTraces(stories, prd), []string{"FR-009", "FR-008"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestFormatNames(t *testing.T) {
	if got := FormatNames(); got != "csv, json or github" {
		t.Errorf("FormatNames() = %q", got)
	}
}
