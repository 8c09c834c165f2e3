package llm

import (
	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// PRDInput is the Input of a StagePRD request.
type PRDInput struct {
	Brief *brief.Brief
	// BriefPath is the brief's path relative to the project root.
	BriefPath string
}

// StoriesInput is the Input of a StageStories request.
type StoriesInput struct {
	PRD *artifact.PRD
}

// TechInput is the Input of a StageTech request.
type TechInput struct {
	PRD     *artifact.PRD
	Stories *artifact.Stories
}
