package artifact

// Sentence is the story's "As a role, I want want, so that benefit." as
// the stories document writes it. It is empty when the story has none of
// the three.
func (s Story) Sentence() string { return sentence(s) }

// Line is the criterion as the stories document writes it after its ID:
// "Given a, when b, then c." in that form, else its text on one line.
func (c Criterion) Line() string { return criterionText(c) }
