package scaffold

import (
	"errors"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidatePath(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		reason string // "" for a good path
	}{
		{"go main", "cmd/server/main.go", ""},
		{"readme", "README.md", ""},
		{"typescript", "src/app.ts", ""},
		{"dot file", ".gitignore", ""},
		{"github but not workflows", ".github/dependabot.yml", ""},
		{"workflows deeper down", "docs/.github/workflows/ci.yml", ""},
		{"accented name", "docs/résumé.md", ""},
		{"dots inside a name", "a..b/c", ""},
		{"longest segment", strings.Repeat("a", 255), ""},
		{"longest path", strings.Repeat("abcdefg/", 127) + "abcdefg", ""},

		{"empty", "", "empty path"},
		{"absolute", "/etc/passwd", "absolute path"},
		{"absolute root", "/", "absolute path"},
		{"drive letter", `C:\x`, "absolute path"},
		{"drive letter with slash", "c:/x", "absolute path"},
		{"drive relative", "C:x", "absolute path"},
		{"UNC", `\\server\share\x`, "absolute path"},
		{"rooted backslash", `\x`, "absolute path"},
		{"dot dot", "../x", "contains .."},
		{"dot dot inside", "a/../../b", "contains .."},
		{"dot dot at the end", "a/..", "contains .."},
		{"dot", "./a", "contains ."},
		{"dot inside", "a/./b", "contains ."},
		{"double slash", "a//b", "empty segment"},
		{"trailing slash", "a/", "empty segment"},
		{"backslash", `a\b`, "backslash"},
		{"backslash dot dot", `..\x`, "backslash"},
		{"git", ".git/config", "inside .git"},
		{"git deeper", "vendor/x/.git/hooks/pre-commit", "inside .git"},
		{"git upper case", ".GIT/config", "inside .git"},
		{"git as a file", "sub/.git", "inside .git"},
		{"git short name", "GIT~1/config", "inside .git"},
		{"hg", ".hg/hgrc", "inside .hg"},
		{"svn", "a/.svn/entries", "inside .svn"},
		{"workflows", ".github/workflows/ci.yml", "inside .github/workflows"},
		{"workflows in capitals", ".GitHub/Workflows/ci.yml", "inside .github/workflows"},
		{"workflows as a file", ".github/workflows", "inside .github/workflows"},
		{"NUL byte", "a\x00b", "control character"},
		{"newline", "a\nb", "control character"},
		{"escape", "a\x1b[31m", "control character"},
		{"DEL", "a\x7fb", "control character"},
		{"C1 control", "a\u0085b", "control character"},
		{"right-to-left override", "invoice\u202egpj.exe", "bidirectional control character"},
		{"invalid UTF-8", "a\xffb", "invalid UTF-8"},
		{"long segment", strings.Repeat("a", 256), "segment too long"},
		{"long path", strings.Repeat("abcdefg/", 128) + "a", "path too long"},
		{"CON", "CON", "Windows reserved name"},
		{"nul with extension", "src/nul.txt", "Windows reserved name"},
		{"com1 lower case", "com1.go", "Windows reserved name"},
		{"LPT9", "a/LPT9", "Windows reserved name"},
		{"reserved before a space", "aux .txt", "Windows reserved name"},
		{"trailing dot", "a./b", "trailing dot or space"},
		{"trailing space", "a/b ", "trailing dot or space"},
		{"git with a trailing dot", ".git./config", "trailing dot or space"},
		{"colon", "a/b:stream", "character not allowed on Windows"},
		{"star", "a*.go", "character not allowed on Windows"},
		{"question mark", "what?.md", "character not allowed on Windows"},
		{"pipe", "a|b", "character not allowed on Windows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidatePath(tt.path)
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("ValidatePath(%q) = %v, want nil", tt.path, err)
				}
				return
			}
			var pe *PathError
			if !errors.As(err, &pe) {
				t.Fatalf("ValidatePath(%q) = %v, want a *PathError (%s)", tt.path, err, tt.reason)
			}
			if pe.Reason != tt.reason || pe.Path != tt.path {
				t.Errorf("ValidatePath(%q) = %q for %q, want %q", tt.path, pe.Reason, pe.Path, tt.reason)
			}
		})
	}
}

func FuzzValidatePath(f *testing.F) {
	for _, s := range []string{"cmd/server/main.go", "README.md", "../x", "/etc/x", `C:\x`, ".git/config",
		"a/../../b", "a\x00b", "nul.txt", "a./b", ".github/workflows/x.yml", "a//b", "./a", "\xff", "é/ü"} {
		f.Add(s)
	}
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, p string) {
		if ValidatePath(p) != nil {
			return
		}
		if path.IsAbs(p) || filepath.IsAbs(p) || filepath.VolumeName(p) != "" {
			t.Fatalf("accepted absolute path %q", p)
		}
		if path.Clean(p) != p {
			t.Fatalf("accepted %q, which cleans to %q", p, path.Clean(p))
		}
		for _, seg := range strings.Split(p, "/") {
			if seg == ".." || seg == "." || seg == "" {
				t.Fatalf("accepted %q with segment %q", p, seg)
			}
		}
		joined := filepath.Join(root, filepath.FromSlash(p))
		rel, err := filepath.Rel(root, joined)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || !strings.HasPrefix(joined, root+string(filepath.Separator)) {
			t.Fatalf("accepted %q, which leaves the root: %s", p, joined)
		}
	})
}
