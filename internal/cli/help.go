package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/textwrap"
)

// newExitCodesCmd is the help topic "prodgen help exit-codes". A command
// with no Run and no subcommands is a topic to cobra: it is listed under
// "Additional help topics" and its help is its Long text.
func newExitCodesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "What each exit code means and what to do about it",
		Long:  exitCodesLong(),
	}
}

// exitCodesLong renders the exitCodes table, so that the topic and the
// codes prodgen returns cannot drift apart.
func exitCodesLong() string {
	var b strings.Builder
	b.WriteString(`prodgen's exit status says what kind of problem stopped it, so that a
script or a CI job can act on it without reading the message on stderr.
`)
	for _, c := range exitCodes {
		b.WriteString("\n")
		text := textwrap.Lines(c.meaning, 66)
		if c.todo != "" {
			text = append(text, textwrap.Lines(c.todo, 66)...)
		}
		for i, line := range text {
			if i == 0 {
				fmt.Fprintf(&b, "  %-4d %s\n", c.code, line)
			} else {
				fmt.Fprintf(&b, "       %s\n", line)
			}
		}
	}
	b.WriteString(`
In CI, 'prodgen check' needs no model and no key and exits 3 when a document
is missing, stale or edited by hand, so a job that runs it fails exactly when
someone forgot to run 'prodgen generate' and commit the result:

  prodgen check

A script that must tell the cases apart can: 3 means the documents need
attention, 2 a mistake in the project (a bad prodgen.yaml, a damaged
prodgen.lock), 1 anything else. 'prodgen lint --strict' exits 1 on any
finding.`)
	return b.String()
}

// newHelpCmd replaces cobra's help command, which answers a topic it does
// not know with the root's help and exit code 0; a typo in a script would
// go unnoticed.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND | TOPIC]",
		Short: "Help about any command or topic",
		Long: `Print the help of a command or of a topic. With no argument, print
prodgen's own help, which lists the commands and the topics.`,
		Example: `  prodgen help generate
  prodgen help prompts eject
  prodgen help exit-codes`,
		ValidArgsFunction: completeHelp,
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return &usageError{fmt.Errorf("unknown help topic %q", strings.Join(args, " "))}
			}
			// As cobra's help command does, so that the help lists them.
			target.InitDefaultHelpFlag()
			target.InitDefaultVersionFlag()
			return target.Help()
		},
	}
}

// completeHelp completes the commands and topics under the ones named so
// far.
func completeHelp(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	parent, rest, err := cmd.Root().Find(args)
	if err != nil || len(rest) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, c := range parent.Commands() {
		if (c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) && strings.HasPrefix(c.Name(), toComplete) {
			names = append(names, cobra.CompletionWithDesc(c.Name(), c.Short))
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}
