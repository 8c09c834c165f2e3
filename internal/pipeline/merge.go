package pipeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// A three-way merge, item by item, of what prodgen generates now
// ("theirs") into the document on disk ("mine"), against the ledger of
// what prodgen last generated ("base", hashes in prodgen.lock):
//
//   - an item nobody touched (mine = base) takes the new text;
//   - an item a person edited keeps the person's text, owned by them;
//     when upstream changed it too, that is a conflict, kept as the
//     person wrote it and named by check until prodgen resolve settles it;
//   - an item a person added is kept; one a person deleted stays deleted
//     (a conflict when upstream changed it);
//   - a new item is added; an item whose source is gone is removed when
//     untouched and kept with a conflict when edited.
//
// The merged document follows the new document's order, with the items a
// person added after the item they followed on disk.

// merger merges the lists of one document and writes its new ledger.
type merger struct {
	base  map[string]item
	items []item
	// whole takes the new document as it is: there is none on disk, or
	// --force overwrites it.
	whole bool
	// adopt records the document on disk as it is, with no new one: a
	// person's edits are taken as theirs (accept, or an edit whose inputs
	// did not change).
	adopt bool
	// settle, when set, settles one conflict in the document on disk.
	settle *settlement
}

// newMerger merges against the ledger of the document's last generation.
func newMerger(ledger []item, whole bool) *merger {
	m := &merger{base: map[string]item{}, whole: whole}
	for _, it := range ledger {
		m.base[it.Key] = it
	}
	return m
}

// ledger is the new ledger: the items merged, and every item of the old
// one that is in neither document, retired, so that its number is never
// given to another item and a returning item gets its number back.
func (m *merger) ledger() []item {
	out := slices.Clone(m.items)
	seen := map[string]bool{}
	for _, it := range out {
		seen[it.Key] = true
	}
	for _, b := range m.base {
		if seen[b.Key] || (b.Text == "" && b.State == "") {
			// An item without an ID that is gone needs no record.
			continue
		}
		if b.State == "" {
			b.State = retired
		}
		b.Owner, b.Conflict = "", nil
		out = append(out, b)
	}
	slices.SortStableFunc(out, func(a, b item) int { return compareKeys(a.Key, b.Key) })
	return out
}

// list says how to merge one list of a document's items.
type list[T any] struct {
	// kind names the list in its keys: the ID prefix ("FR") or the list's
	// name ("entity" in "entity:Visit").
	kind string
	// key is the item's ID, or its list and name for one without.
	key func(T) string
	// match is what an item with an ID is matched on across
	// regenerations (nil for items without IDs).
	match func(T) string
	// content is the item without its IDs and its citation of the brief,
	// what its hash covers: an edit of the brief that moves its lines
	// changes no item.
	content func(T) T
	// cite, when the list's items cite the brief, gives a person's item
	// the citation prodgen's has now: where the brief says it is not the
	// person's to keep up.
	cite func(mine, theirs T) T
	// text is the item as a person reads it in a conflict.
	text func(T) string
}

// cited is a person's item mine with the citation of prodgen's item
// theirs, when the list's items cite the brief.
func (l list[T]) cited(mine, theirs T) T {
	if l.cite == nil {
		return mine
	}
	return l.cite(mine, theirs)
}

// hashOf is the hash of an item's content.
func hashOf[T any](l list[T], v T) string {
	data, err := json.Marshal(l.content(v))
	if err != nil {
		// Artifact values are plain structs of strings: they always encode.
		panic(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// mergeList merges one list: mine (nil when the document is new) and
// theirs, recording each item in the ledger.
func mergeList[T any](m *merger, l list[T], mine, theirs []T) []T {
	if m.settle != nil {
		return settleList(m.settle, l, mine)
	}
	mineBy := map[string]int{}
	for i, v := range mine {
		mineBy[l.key(v)] = i
	}
	theirsBy := map[string]int{}
	for i, v := range theirs {
		theirsBy[l.key(v)] = i
	}
	if m.adopt {
		return adoptList(m, l, mine)
	}
	if m.whole {
		for _, t := range theirs {
			rec := item{Key: l.key(t), SHA256: hashOf(l, t)}
			if l.match != nil {
				rec.Text = l.match(t)
			}
			m.items = append(m.items, rec)
		}
		return theirs
	}
	var out []T
	kept := map[string]bool{}
	for _, t := range theirs {
		key, th := l.key(t), hashOf(l, t)
		b, inBase := m.base[key]
		rec := item{Key: key, SHA256: th}
		if l.match != nil {
			rec.Text = l.match(t)
		}
		i, inMine := mineBy[key]
		switch {
		case !inMine && inBase && b.State != retired:
			// A person deleted it: it stays out, unless upstream changed it.
			rec.State, rec.SHA256 = deleted, b.SHA256
			if th != b.SHA256 {
				rec.Conflict = theirsConflict("deleted by hand and changed upstream", l, t)
			}
		case !inMine:
			out = append(out, t)
		case !inBase || b.SHA256 == "":
			// A person's item the generator now also writes: theirs.
			out = append(out, l.cited(mine[i], t))
			rec.Owner = person
			kept[key] = true
		default:
			mh := hashOf(l, mine[i])
			switch {
			case mh == b.SHA256 || mh == th:
				out = append(out, t)
			case th == b.SHA256:
				out = append(out, l.cited(mine[i], t))
				rec.Owner = person
			default:
				out = append(out, l.cited(mine[i], t))
				rec.Owner, rec.SHA256 = person, b.SHA256
				rec.Conflict = theirsConflict("edited by hand and changed upstream", l, t)
			}
			kept[key] = true
		}
		m.items = append(m.items, rec)
	}
	// What mine holds and theirs does not: a person's additions, and items
	// whose source is gone.
	for j, v := range mine {
		key := l.key(v)
		if _, ok := theirsBy[key]; ok || kept[key] {
			continue
		}
		b, inBase := m.base[key]
		rec := item{Key: key, Owner: person}
		if l.match != nil {
			rec.Text = l.match(v)
		}
		switch {
		case !inBase || b.SHA256 == "":
			// Added by a person.
		case hashOf(l, v) == b.SHA256:
			// Untouched, and its source is gone: retired.
			m.items = append(m.items, item{Key: key, SHA256: b.SHA256, Text: b.Text, State: retired})
			continue
		default:
			rec.SHA256 = b.SHA256
			rec.Conflict = &conflict{Reason: "edited by hand and removed upstream"}
		}
		m.items = append(m.items, rec)
		out = insertAfter(out, v, mine, j, l.key)
	}
	return out
}

// adoptList records the items of mine as they are: an item that differs
// from what prodgen generated is a person's, one that is new was added by
// a person, and one that is gone was deleted by a person.
func adoptList[T any](m *merger, l list[T], mine []T) []T {
	for _, v := range mine {
		key := l.key(v)
		b, inBase := m.base[key]
		rec := item{Key: key, Owner: person}
		if l.match != nil {
			rec.Text = l.match(v)
		}
		if inBase {
			rec.SHA256, rec.Conflict = b.SHA256, b.Conflict
			if b.SHA256 != "" && hashOf(l, v) == b.SHA256 {
				rec.Owner, rec.Conflict = "", nil
			}
			if b.Text != "" && rec.Owner == "" {
				rec.Text = b.Text
			}
		}
		m.items = append(m.items, rec)
	}
	seen := map[string]bool{}
	for _, v := range mine {
		seen[l.key(v)] = true
	}
	for _, b := range m.base {
		if seen[b.Key] || b.State != "" || keyKind(b.Key) != l.kind {
			continue
		}
		b.State, b.Owner, b.Conflict = deleted, "", nil
		m.items = append(m.items, b)
	}
	return mine
}

// keyKind is the part of a key that names its list: "FR" of "FR-001",
// "entity" of "entity:Visit".
func keyKind(key string) string {
	if i := strings.Index(key, ":"); i >= 0 {
		return key[:i]
	}
	if i := strings.Index(key, "-"); i >= 0 {
		return key[:i]
	}
	return key
}

// insertAfter puts v into out after the item that came before it in mine,
// or first when nothing before it is in out.
func insertAfter[T any](out []T, v T, mine []T, j int, key func(T) string) []T {
	for k := j - 1; k >= 0; k-- {
		before := key(mine[k])
		if i := slices.IndexFunc(out, func(o T) bool { return key(o) == before }); i >= 0 {
			return slices.Insert(out, i+1, v)
		}
	}
	return slices.Insert(out, 0, v)
}

// theirsConflict records what prodgen generates now for a conflict.
func theirsConflict[T any](reason string, l list[T], t T) *conflict {
	data, err := json.Marshal(t)
	if err != nil {
		panic(err)
	}
	return &conflict{Reason: reason, Theirs: data, Text: l.text(t)}
}

// mergeText merges one part of a document that is a single text (a
// summary, a title) as an item keyed by its name.
func mergeText(m *merger, key string, mine *string, theirs string) string {
	l := list[string]{kind: key, key: func(string) string { return key }, content: func(s string) string { return s }, text: func(s string) string { return s }}
	var mv []string
	if mine != nil {
		mv = []string{}
		if *mine != "" {
			mv = []string{*mine}
		}
	}
	var tv []string
	if theirs != "" {
		tv = []string{theirs}
	}
	out := mergeList(m, l, mv, tv)
	if len(out) == 0 {
		return ""
	}
	return out[0]
}

// compareKeys orders ledger keys: by list, then by number for IDs
// ("FR-2" before "FR-10"), then by name.
func compareKeys(a, b string) int {
	pa, na := splitKey(a)
	pb, nb := splitKey(b)
	if pa != pb {
		return cmp.Compare(pa, pb)
	}
	if na != nb {
		return cmp.Compare(na, nb)
	}
	return cmp.Compare(a, b)
}

// splitKey splits an ID-like key into its prefix and number ("FR", 2);
// other keys have number 0.
func splitKey(key string) (string, int) {
	i := strings.LastIndexAny(key, "-.")
	if i < 0 {
		return key, 0
	}
	n, err := strconv.Atoi(key[i+1:])
	if err != nil {
		return key, 0
	}
	return key[:i], n
}
