package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newVersionCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print prodgen's version",
		Long: `Print prodgen's version, and the commit and build date when the build
recorded them, as one line on stdout.`,
		Example: `  prodgen version
  prodgen --version`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(f.deps.IO.Out, versionLine(f.deps.Build))
			return err
		},
	}
}

// version is the build's version, "(devel)" when it recorded none.
func (b BuildInfo) version() string {
	if b.Version == "" {
		return "(devel)"
	}
	return b.Version
}

// versionLine reads "prodgen v1.2.3 (commit abc1234, built 2026-11-25)",
// leaving out what the build did not record.
func versionLine(b BuildInfo) string {
	line := "prodgen " + b.version()
	switch {
	case b.Commit != "" && b.Date != "":
		line += fmt.Sprintf(" (commit %s, built %s)", b.Commit, b.Date)
	case b.Commit != "":
		line += fmt.Sprintf(" (commit %s)", b.Commit)
	}
	return line
}
