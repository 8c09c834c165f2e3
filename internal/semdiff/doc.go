// Package semdiff compares two versions of a project's documents (the PRD,
// the user stories and the technical requirements) item by item, as a
// reviewer reads them, rather than line by line.
//
// Items are matched by ID (G-1, FR-001, NFR-001, Q-1, US-001, AC-001.1,
// T-001); entries without one by name (a persona, a metric, a component, an
// entity, an endpoint) or, for plain list items, by their text; the title,
// summary, problem and overview are compared whole. Each item is added,
// changed (with a word diff of its text), removed or moved (to another
// place in its list, under another story, or tracing other items). Across
// documents, the traces from stories to requirements and from tasks and
// endpoints to stories are compared too: those added, those removed, and
// those the new version breaks.
//
// Compare works on parsed documents, so it needs neither git nor a disk:
// the caller reads the two versions however it likes. A Diff is written as
// markdown for a pull-request comment, as JSON, or as GitHub Actions
// annotations.
package semdiff
