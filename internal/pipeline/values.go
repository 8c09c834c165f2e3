package pipeline

import "github.com/prodgen/prodgen/internal/artifact"

// The artifacts as generate decodes them, each checked against its inputs.

type prdValue struct{ artifact.PRD }

func (v *prdValue) reset()          { v.PRD = artifact.PRD{} }
func (v *prdValue) number()         { v.PRD.Number() }
func (v *prdValue) validate() error { return v.PRD.Validate() }

type storiesValue struct {
	artifact.Stories
	prd *artifact.PRD
}

func (v *storiesValue) reset()          { v.Stories = artifact.Stories{} }
func (v *storiesValue) number()         { v.Stories.Number() }
func (v *storiesValue) validate() error { return v.Stories.Validate(v.prd) }

type techValue struct {
	artifact.TechSpec
	stories *artifact.Stories
}

func (v *techValue) reset()          { v.TechSpec = artifact.TechSpec{} }
func (v *techValue) number()         { v.TechSpec.Number() }
func (v *techValue) validate() error { return v.TechSpec.Validate(v.stories) }
