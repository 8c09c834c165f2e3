package brief

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSize is the largest brief Parse accepts, in bytes. A brief is a page or
// two; anything this big is the wrong file.
const MaxSize = 1 << 20

// Errors Parse returns for input that is not a usable brief. The CLI maps
// each of them to exit code 2 and prints it after the file's name.
var (
	ErrEmpty       = errors.New("brief is empty")
	ErrBinary      = errors.New("brief is a binary file, not text")
	ErrNotUTF8     = errors.New("brief is not valid UTF-8 text")
	ErrTooLarge    = errors.New("brief is larger than 1 MiB")
	ErrFrontMatter = errors.New("brief has malformed front matter")
)

// checkInput rejects input that cannot be a markdown brief. Size comes
// first so a huge file is not scanned.
func checkInput(src []byte) error {
	switch {
	case len(src) > MaxSize:
		return ErrTooLarge
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}), bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		// UTF-16 text is full of NUL bytes; naming the encoding helps more
		// than calling it binary.
		return ErrNotUTF8
	case bytes.IndexByte(src, 0) >= 0:
		return ErrBinary
	case !utf8.Valid(src):
		return ErrNotUTF8
	case len(bytes.TrimFunc(src, isBlank)) == 0:
		return ErrEmpty
	}
	return nil
}

// isBlank reports whitespace and the byte order mark, which an editor may
// leave in an otherwise empty file.
func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }

// frontMatterError wraps the markdown reader's YAML error so that
// errors.Is(err, ErrFrontMatter) holds and the message stays on one line.
type frontMatterError struct{ err error }

func (e *frontMatterError) Error() string {
	msg := strings.TrimPrefix(e.err.Error(), "front matter: ")
	return ErrFrontMatter.Error() + ": " + strings.Join(strings.Fields(msg), " ")
}

func (e *frontMatterError) Unwrap() error { return e.err }

func (e *frontMatterError) Is(target error) bool { return target == ErrFrontMatter }
