package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"slices"

	"github.com/prodgen/prodgen/internal/llm"
)

// Key returns the hex SHA-256 that names the entry for req sent to the
// endpoint id describes. It covers, in this order: a domain string and the
// format version, id.Endpoint, id.Model, id.Params sorted by name, req.Stage,
// each message's role and content, and whether there is a schema and, if
// so, its name and JSON bytes. req.Progress is not covered.
//
// Every string is written as its length (8 bytes, big-endian) followed by
// its bytes, and every list as its length followed by its items, so no two
// different requests encode alike. JSON is not used because it replaces
// invalid UTF-8 with U+FFFD, which would give two different messages one
// key.
func Key(id Identity, req llm.Request) string {
	h := sha256.New()
	w := keyWriter{h: h}
	w.str("prodgen response cache")
	w.num(formatVersion)
	w.str(id.Endpoint)
	w.str(id.Model)
	names := make([]string, 0, len(id.Params))
	for name := range id.Params {
		names = append(names, name)
	}
	slices.Sort(names)
	w.num(len(names))
	for _, name := range names {
		w.str(name)
		w.str(id.Params[name])
	}
	w.str(req.Stage)
	w.num(len(req.Messages))
	for _, m := range req.Messages {
		w.str(string(m.Role))
		w.str(m.Content)
	}
	if req.Schema == nil {
		w.num(0)
	} else {
		w.num(1)
		w.str(req.Schema.Name)
		w.str(string(req.Schema.JSON))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// keyWriter frames values into a hash. Writes to a hash never fail.
type keyWriter struct {
	h   hash.Hash
	buf [8]byte
}

// num writes n as 8 bytes, big-endian.
func (w *keyWriter) num(n int) {
	binary.BigEndian.PutUint64(w.buf[:], uint64(n))
	w.h.Write(w.buf[:])
}

// str writes s prefixed by its length.
func (w *keyWriter) str(s string) {
	w.num(len(s))
	w.h.Write([]byte(s))
}
