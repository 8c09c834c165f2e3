// Package offline is prodgen's built-in deterministic engine: BuildPRD,
// BuildStories and BuildTech write each stage's artifact from its parsed
// input alone, without a language model; the pipeline's offline engine
// calls them directly. It rephrases the brief's own words with a small
// English grammar and turns what the brief leaves open into open
// questions. It never invents facts: no numbers, technologies, dates or
// benefits that the input does not state. The same input always gives
// byte-identical output; nothing depends on time, randomness or map order.
//
// # Grammar
//
// lexicon/verbs.txt lists about four hundred product verbs in their base
// form, with irregular past forms; third person, past, participle and -ing
// forms are derived by rule (thirdPerson, regularPast, gerund). Verbs that
// are also common nouns ("audit", "export") are marked, so "Audit log of
// every change" reads as a noun phrase and "Export check-in history" as an
// instruction. Small closed word classes (determiners, prepositions,
// adjectives, mass nouns…) live in lexicon.go.
//
// # PRD
//
// Each feature is read as one of three shapes (feature.go, leadin.go):
//
//   - an actor doing something: an imperative ("Create a team…"), a
//     subject and verb ("Front desk sees…", "Patients may wait…"), a
//     pronoun subject, or a wrapper ("As a driver, I want to…", "Ability
//     to…", "Allow managers to…"). It becomes "The system must let <actor>
//     <verb phrase>", the verb phrase de-conjugated ("sees" → "see", ", can
//     reorder" → ", reorder", "and are texted" → "and be texted"). The
//     actor is the persona the subject names, else the persona whose
//     description uses the feature's verb, else the first persona, else
//     "users";
//   - the product doing something ("Everything has to work offline"):
//     "The system must <verb phrase>";
//   - a noun phrase: "The system must provide a <thing>" for one countable
//     thing, "…support <things>" for plurals, mass nouns and activities.
//
// A feature in the passive voice is the product's action ("Membership is
// confirmed when…" → "The system must confirm membership when…"), and a
// feature the brief files under a persona's heading (brief.Feature.Actor)
// is that persona's when its text names no one. The brief's later
// features (brief.Brief.Later) join the non-goals in the scope's out of
// scope list as "Later (phase 2): …", never among the requirements.
//
// Notes become a sentence when they are short clauses missing "is"/"are"
// ("Drafts editable" → "Drafts are editable"), else "Notes from the
// brief: …". Constraints become NFRs with "must" inserted only where the
// clause's shape makes it safe (nfr.go); facts, guesses and verbless
// clauses stay as written. Missing parts, a missing summary or title, and
// metrics without a target become open questions (questions.go).
//
// # Stories
//
// Stories are read back from the PRD's requirement sentences (parseFR), so
// edits to the PRD reach them. A requirement with three or more separate
// actions gives one story per action. Titles are the action up to its
// first detail; roles are singular and follow "As a"; wants switch the
// role's pronouns to the first person. A "so that" comes from a benefit the
// requirement states, or from a goal sharing at least soThatMin topic words
// with the story; otherwise it is left empty. Criteria (criteria.go,
// verbcrit.go, nouncrit.go) state the action and its stated result, one
// failure path (invalid input, a choice outside a list, or someone not
// allowed), a pair of criteria per condition or threshold ("by more than
// 10 minutes" / "by 10 minutes or less"), the notes, and a pointer to each
// NFR sharing at least nfrMin topic words with the story. Every criterion
// is in Given/When/Then form: a note is the outcome of the story's whole
// action, as a clause ("then drafts are editable") or, when it is not one,
// quoted ("then credit notes meet the brief's note: partial or full").
//
// # Tech spec
//
// Components come from a keyword table over the requirements
// (components.go), plus named integrations. Entities are the objects of
// the stories' verbs and the things noun-phrase stories name, with the
// fields the text lists ("with a cadence … and an owner"), at most
// maxEntities, most mentioned first (entities.go, model.go). Endpoints
// follow from verb classes: reading is GET, changing PATCH, removing
// DELETE, a state change POST on the item, anything else POST on the
// collection. Tasks model each entity, build each component and implement
// each story. Open questions name the technical choices the documents
// leave open, then carry the PRD's questions over as "From the PRD (Q-n)".
package offline
