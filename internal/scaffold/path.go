package scaffold

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the paths a manifest may name.
const (
	maxPathLen    = 1024
	maxSegmentLen = 255
)

// PathError says why a path in a manifest is not written. Reason is a
// short phrase for the user ("absolute path", "contains ..").
type PathError struct {
	Path   string
	Reason string
}

// Error names the path and the reason.
func (e *PathError) Error() string { return fmt.Sprintf("path %q: %s", e.Path, e.Reason) }

// denied are places in a project that a generated file must not reach,
// whatever the case of their letters: version control data, which could
// run commands on the user's next git command, and CI workflows, which
// would run on the next push. Segment matches any segment of the path;
// Prefix matches the path's first segments.
var denied = []struct {
	Segment string
	Prefix  string
	Reason  string
}{
	{Segment: ".git", Reason: "inside .git"},
	{Segment: "git~1", Reason: "inside .git"}, // the 8.3 short name Windows gives .git
	{Segment: ".hg", Reason: "inside .hg"},
	{Segment: ".svn", Reason: "inside .svn"},
	{Prefix: ".github/workflows/", Reason: "inside .github/workflows"},
}

// windowsReserved are device names Windows gives a meaning to in every
// folder, with or without an extension ("nul.txt").
var windowsReserved = set(`con prn aux nul conin$ conout$ clock$
	com0 com1 com2 com3 com4 com5 com6 com7 com8 com9 com¹ com² com³
	lpt0 lpt1 lpt2 lpt3 lpt4 lpt5 lpt6 lpt7 lpt8 lpt9 lpt¹ lpt² lpt³`)

// ValidatePath checks a path that a model or a generator asks to write,
// relative to the output folder with forward slashes. It accepts only
// clean relative paths that mean the same file on Linux, macOS and
// Windows and stay out of version control and CI configuration. The
// error is a *PathError whose Reason is one of: empty path, invalid
// UTF-8, control character, path too long, absolute path, backslash,
// character not allowed on Windows, empty segment, contains ., contains
// .., segment too long, trailing dot or space, Windows reserved name, or
// a denied place (inside .git, .hg, .svn, .github/workflows).
func ValidatePath(p string) error {
	if reason := pathReason(p); reason != "" {
		return &PathError{Path: p, Reason: reason}
	}
	return nil
}

func pathReason(p string) string {
	switch {
	case p == "":
		return "empty path"
	case !utf8.ValidString(p):
		return "invalid UTF-8"
	case strings.IndexFunc(p, unicode.IsControl) >= 0:
		return "control character"
	case strings.IndexFunc(p, isBidi) >= 0:
		return "bidirectional control character"
	case len(p) > maxPathLen:
		return "path too long"
	case p[0] == '/' || p[0] == '\\' || hasDrive(p):
		return "absolute path"
	case strings.Contains(p, `\`):
		return "backslash"
	case strings.ContainsAny(p, `<>:"|?*`):
		return "character not allowed on Windows"
	}
	lower := strings.ToLower(p)
	for _, seg := range strings.Split(p, "/") {
		if reason := segmentReason(seg); reason != "" {
			return reason
		}
		for _, d := range denied {
			if d.Segment != "" && strings.ToLower(seg) == d.Segment {
				return d.Reason
			}
		}
	}
	for _, d := range denied {
		if d.Prefix != "" && (strings.HasPrefix(lower, d.Prefix) || lower+"/" == d.Prefix) {
			return d.Reason
		}
	}
	return ""
}

func segmentReason(seg string) string {
	base, _, _ := strings.Cut(seg, ".")
	switch {
	case seg == "":
		return "empty segment"
	case seg == ".":
		return "contains ."
	case seg == "..":
		return "contains .."
	case len(seg) > maxSegmentLen:
		return "segment too long"
	case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
		return "trailing dot or space"
	case windowsReserved[strings.ToLower(strings.TrimRight(base, " "))]:
		return "Windows reserved name"
	}
	return ""
}

// hasDrive says p starts with a Windows drive letter ("C:", "c:x").
func hasDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && (isUpper(p[0]) || isLower(p[0]))
}

// isBidi reports the invisible characters that reorder text, which can
// make a path read as another in a terminal or a review.
func isBidi(r rune) bool {
	return r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
