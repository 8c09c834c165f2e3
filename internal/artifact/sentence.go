package artifact

// Sentence is the story's "As a role, I want want, so that benefit." as
// the stories document writes it, or its Text, the sentence a person wrote
// in another form. It is empty when the story has neither.
func (s Story) Sentence() string { return sentence(s) }

// Line is the criterion as the stories document writes it after its ID:
// "Given a, when b, then c." in that form, else its text on one line; led
// by its kind when it has one ("(error) Given …").
func (c Criterion) Line() string { return criterionText(c) }

// Tags is the line under a story's sentence that gives its priority and
// size, "Priority: Must · Size: M"; empty when it has neither.
func (s Story) Tags() string { return htmlText(storyTags(s)) }
