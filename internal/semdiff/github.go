package semdiff

import (
	"strings"

	"github.com/prodgen/prodgen/internal/annotation"
	"github.com/prodgen/prodgen/internal/plural"
)

// github writes a GitHub Actions annotation for each change, at the item's
// line in the new version (a removed item annotates its file), and a
// warning for each broken trace. Nothing is written when nothing changed.
func (d *Diff) github(b *strings.Builder) {
	write := func(a annotation.Annotation) { b.WriteString(a.String() + "\n") }
	plain := func(s string) string { return s }
	for _, doc := range d.Documents {
		switch doc.Status {
		case DocAdded:
			write(annotation.Annotation{Level: annotation.Notice, File: doc.Path, Title: doc.Path + " added",
				Message: "A new document, with " + plural.Count(doc.IDs, "ID") + "."})
		case DocRemoved:
			write(annotation.Annotation{Level: annotation.Notice, File: doc.Path, Title: doc.Path + " removed",
				Message: "Removed, with its " + plural.Count(doc.IDs, "ID") + "."})
		}
		for _, c := range doc.Changes {
			write(annotation.Annotation{Level: annotation.Notice, File: doc.Path, Line: c.Line,
				Title: subject(c, plain) + " " + string(c.Type), Message: changeMessage(c)})
		}
	}
	for _, t := range d.Traces {
		level, title := annotation.Notice, "Trace "+string(t.Status)
		if t.Status == TraceBroken {
			level, title = annotation.Warning, "Broken trace"
		}
		write(annotation.Annotation{Level: level, File: t.File, Line: t.Line, Title: title, Message: traceLine(t, plain) + "."})
	}
}

func changeMessage(c Change) string {
	switch c.Type {
	case Added:
		return c.New
	case Changed:
		return c.New + "\nWas: " + c.Old
	case Removed:
		return "Was: " + c.Old
	}
	m := movement(c, func(s string) string { return s })
	return strings.ToUpper(m[:1]) + m[1:]
}
