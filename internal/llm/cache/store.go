package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/llm"
)

// entry is the content of one cache file.
type entry struct {
	Version int       `json:"version"`
	Model   string    `json:"model"`
	Content string    `json:"content"`
	Usage   llm.Usage `json:"usage"`
}

// path is where the entry named key lives: a folder per first two hex
// digits keeps folders small.
func (c *Client) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// load reads the entry named key. A missing, unreadable or corrupt entry
// is a miss, not reported: a good answer that follows replaces it, and a
// failure to do so is reported then.
func (c *Client) load(key string) (entry, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return entry{}, false
	}
	var e entry
	if err := json.Unmarshal(data, &e); err != nil || e.Version != formatVersion {
		return entry{}, false
	}
	return e, true
}

// store writes resp as the entry named key, reporting any failure.
func (c *Client) store(key string, resp *llm.Response) {
	// JSON strings cannot carry invalid UTF-8, and a hit must give back
	// the very bytes the model sent.
	if !utf8.ValidString(resp.Content) || !utf8.ValidString(resp.Model) {
		c.warn(errors.New("cache answer: not valid UTF-8, left uncached"))
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	e := entry{Version: formatVersion, Model: resp.Model, Content: resp.Content, Usage: resp.Usage}
	if err := enc.Encode(e); err != nil {
		c.warn(fmt.Errorf("encode cache entry: %w", err))
		return
	}
	if err := writeAtomic(c.path(key), buf.Bytes()); err != nil {
		c.warn(fmt.Errorf("write cache entry: %w", err))
	}
}

// remove deletes the entry named key; a missing entry is already gone.
func (c *Client) remove(key string) {
	if err := os.Remove(c.path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		c.warn(fmt.Errorf("remove cache entry: %w", err))
	}
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename, so a reader sees the old entry, no entry or the
// whole new one, never part of one.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	// CreateTemp makes the file 0600.
	f, err := os.CreateTemp(dir, filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if err := writeClose(f, data); err != nil {
		// The temporary file is ours and unfinished; a failure to remove
		// it leaves only a *.tmp file, which is never read.
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp) // as above
		return err
	}
	return nil
}

// writeClose writes data to f, flushes it to disk and closes f.
func writeClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
