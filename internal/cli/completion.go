package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/prodgen/prodgen/internal/config"
)

// registerCompletions adds the shell completions no command's constructor
// can: the values of the root's --provider flag, and, for every command
// that completes its arguments in no way of its own, file names only while
// the command takes another argument ("prodgen generate <TAB>" offers none).
func registerCompletions(root *cobra.Command) {
	// RegisterFlagCompletionFunc fails only for a flag that is undefined or
	// already registered; --provider is defined on the root and registered
	// only here.
	_ = root.RegisterFlagCompletionFunc("provider", completeValues(config.Providers))
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.ValidArgsFunction == nil && len(c.ValidArgs) == 0 {
			c.ValidArgsFunction = completeFiles
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// completeValues completes a flag with one of a fixed list of values.
func completeValues[T ~string](values []T) cobra.CompletionFunc {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = string(v)
	}
	return cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp)
}

// completeFiles leaves the shell to complete a file name while the command
// takes another argument, and completes nothing after that.
func completeFiles(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if !takesAnother(cmd, args, toComplete) {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveDefault
}

// completeMarkdown completes markdown file names while the command takes
// another argument, for commands that read documents.
func completeMarkdown(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if !takesAnother(cmd, args, toComplete) {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []string{"md"}, cobra.ShellCompDirectiveFilterFileExt
}

// takesAnother reports whether cmd's argument check accepts the argument
// being completed after args.
func takesAnother(cmd *cobra.Command, args []string, toComplete string) bool {
	return cmd.Args == nil || cmd.Args(cmd, append(slices.Clip(args), toComplete)) == nil
}
