package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode"

	"github.com/footprint/footprint/lang"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// Help, usage and usage errors speak the run's language. English is cobra's own output,
// untouched; French is written here, in the layout of cobra's default templates, with the
// commands' and flags' texts (catalogue keys, marked with lang.Key where they are declared)
// and cobra's own texts translated through the catalogue.

// runLang is the language of what a command says before its config is loaded, or without one
// (help, usage errors, init, factors import): --lang, else FOOTPRINT_LANGUAGE, else the
// language of the config file (--config, else ./config.yaml), as a run chooses it; else
// English. It never fails: a value that is not a language is passed over, and a config that
// cannot be read or decoded says nothing (the commands that load it report why). args are the
// command line, read for --lang and --config when cobra stopped parsing before them (an
// unknown flag first); nil once the flags are parsed.
func (r *rootOptions) runLang(args []string) lang.Lang {
	given, cfg := r.lang, r.config
	if given == "" {
		given = argValue(args, "lang")
	}
	if cfg == "" {
		cfg = argValue(args, "config")
	}
	if l, ok := r.givenLang(given); ok {
		return l
	}
	l, _ := lang.Parse(configLanguage(cfg))
	return l
}

// givenLang is the language given to this run, flag (the --lang value given) or environment
// (FOOTPRINT_LANGUAGE), without a config's: false when neither gives one footprint speaks.
func (r *rootOptions) givenLang(flag string) (lang.Lang, bool) {
	if l, err := lang.Parse(flag); flag != "" && err == nil {
		return l, true
	}
	if r.env.LookupEnv != nil {
		if s, ok := r.env.LookupEnv("FOOTPRINT_LANGUAGE"); ok && s != "" {
			if l, err := lang.Parse(s); err == nil {
				return l, true
			}
		}
	}
	return lang.English, false
}

// argValue is the value of the flag --name on the command line (--name v or --name=v; the
// last one wins, as with pflag), or "".
func argValue(args []string, name string) string {
	v := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return v
		case a == "--"+name && i+1 < len(args):
			v = args[i+1]
			i++
		case strings.HasPrefix(a, "--"+name+"="):
			v = strings.TrimPrefix(a, "--"+name+"=")
		}
	}
	return v
}

// configLanguage is the language key of the config file at path (./config.yaml when path is
// empty), or "" when there is no such file or it does not decode: help reads only this key,
// and leaves the config's checks to the commands that run.
func configLanguage(path string) string {
	if path == "" {
		path = "config.yaml"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var c struct {
		Language any `yaml:"language"`
	}
	if yaml.Unmarshal(data, &c) != nil {
		return ""
	}
	s, _ := c.Language.(string)
	return s
}

// localizeHelp makes root's help and usage, and its subcommands', speak the language
// language returns when they are printed (the flags are parsed by then). English is cobra's
// default output.
func localizeHelp(root *cobra.Command, language func() lang.Lang) {
	help, usage := root.HelpFunc(), root.UsageFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		l := language()
		if !l.IsFrench() {
			help(c, args)
			return
		}
		writeHelp(c.OutOrStdout(), c, l)
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		l := language()
		if !l.IsFrench() {
			return usage(c)
		}
		writeUsage(c.OutOrStderr(), c, l)
		return nil
	})
}

// localizeHelpTopic makes the help command say in French that it has no such topic (help
// nope); English, and help on a command, are cobra's.
func localizeHelpTopic(root *cobra.Command, language func() lang.Lang) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" {
			continue
		}
		run := c.Run
		c.Run = func(c *cobra.Command, args []string) {
			l := language()
			if cmd, _, err := c.Root().Find(args); l.IsFrench() && (cmd == nil || err != nil) {
				fmt.Fprintln(c.OutOrStderr(), l.T("Unknown help topic %s", fmt.Sprintf("%#q", args)))
				cobra.CheckErr(c.Root().Usage())
				return
			}
			run(c, args)
		}
	}
}

// writeHelp writes c's help in l, as cobra's default help template does in English.
func writeHelp(w io.Writer, c *cobra.Command, l lang.Lang) {
	text := c.Long
	if text == "" {
		text = c.Short
	}
	text = strings.TrimRightFunc(helpText(l, text), unicode.IsSpace)
	if text != "" {
		fmt.Fprintln(w, text)
		fmt.Fprintln(w)
	}
	if c.Runnable() || c.HasSubCommands() {
		writeUsage(w, c, l)
	}
}

// writeUsage writes c's usage in l, as cobra's default usage template does in English
// (footprint's commands have no groups).
func writeUsage(w io.Writer, c *cobra.Command, l lang.Lang) {
	fmt.Fprint(w, l.T("Usage:"))
	if c.Runnable() {
		fmt.Fprintf(w, "\n  %s", useLine(l, c.UseLine()))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n  %s %s", c.CommandPath(), l.T("[command]"))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(w, "\n\n%s\n  %s", l.T("Aliases:"), c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(w, "\n\n%s\n%s", l.T("Examples:"), c.Example)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", l.T("Available Commands:"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(w, "\n  %-*s %s", sub.NamePadding(), sub.Name(), helpText(l, sub.Short))
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, "\n\n%s\n", l.T("Flags:"))
		fmt.Fprint(w, flagUsages(l, c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(w, "\n\n%s\n", l.T("Global Flags:"))
		fmt.Fprint(w, flagUsages(l, c.InheritedFlags()))
	}
	if c.HasHelpSubCommands() {
		fmt.Fprintf(w, "\n\n%s", l.T("Additional help topics:"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(w, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), helpText(l, sub.Short))
			}
		}
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(w, "\n\n%s", l.T("Use %s for more information about a command.", c.CommandPath()+" "+l.T("[command]")+" --help"))
	}
	fmt.Fprintln(w)
}

// usePlaceholder finds the words of a usage line that stand for what the user gives.
var usePlaceholder = regexp.MustCompile(`\[flags\]|\[command\]|\b(?:FILE|OLD|NEW)\b`)

// useLine translates the placeholders of a usage line ("footprint annotate --input FILE
// --out FILE [flags]").
func useLine(l lang.Lang, s string) string {
	return usePlaceholder.ReplaceAllStringFunc(s, func(p string) string {
		switch p {
		case "[flags]":
			return l.T("[flags]")
		case "[command]":
			return l.T("[command]")
		case "FILE":
			return l.T("FILE")
		case "OLD":
			return l.T("OLD")
		}
		return l.T("NEW")
	})
}

// flagUsages is the flag table of fs with each flag's usage in l, as cobra prints it.
func flagUsages(l lang.Lang, fs *pflag.FlagSet) string {
	tr := pflag.NewFlagSet("", pflag.ContinueOnError)
	tr.SortFlags = fs.SortFlags
	fs.VisitAll(func(f *pflag.Flag) {
		c := *f
		c.Usage = helpText(l, f.Usage)
		tr.AddFlag(&c)
	})
	s := pflagDefault.ReplaceAllStringFunc(tr.FlagUsages(), func(m string) string {
		return " " + l.T("(default %s)", pflagDefault.FindStringSubmatch(m)[1])
	})
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// pflagDefault is the default value pflag writes after a flag's usage.
var pflagDefault = regexp.MustCompile(`(?m) \(default (.+)\)$`)

// cobraHelpText are cobra's own help texts that name a command or a shell, with the name as
// %s.
var cobraHelpText = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^help for (\S+)$`), lang.Key("help for %s")},
	{regexp.MustCompile(`^Generate the autocompletion script for (bash|zsh|fish|powershell)$`), lang.Key("Generate the autocompletion script for %s")},
}

// cobra's own help texts, as it writes them for footprint (the help and completion commands),
// to be found by the catalogue's test; cobraHelpText has those that name a command.
var _ = []string{
	lang.Key("Help about any command"),
	lang.Key("Help provides help for any command in the application.\n" +
		"Simply type footprint help [path to command] for full details."),
	lang.Key("Generate the autocompletion script for the specified shell"),
	lang.Key("Generate the autocompletion script for footprint for the specified shell.\n" +
		"See each sub-command's help for details on how to use the generated script.\n"),
	lang.Key("disable completion descriptions"),
	lang.Key("Generate the autocompletion script for the bash shell.\n\n" +
		"This script depends on the 'bash-completion' package.\n" +
		"If it is not installed already, you can install it via your OS's package manager.\n\n" +
		"To load completions in your current shell session:\n\n" +
		"\tsource <(footprint completion bash)\n\n" +
		"To load completions for every new session, execute once:\n\n" +
		"#### Linux:\n\n" +
		"\tfootprint completion bash > /etc/bash_completion.d/footprint\n\n" +
		"#### macOS:\n\n" +
		"\tfootprint completion bash > $(brew --prefix)/etc/bash_completion.d/footprint\n\n" +
		"You will need to start a new shell for this setup to take effect.\n"),
	lang.Key("Generate the autocompletion script for the zsh shell.\n\n" +
		"If shell completion is not already enabled in your environment you will need\n" +
		"to enable it.  You can execute the following once:\n\n" +
		"\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n" +
		"To load completions in your current shell session:\n\n" +
		"\tsource <(footprint completion zsh)\n\n" +
		"To load completions for every new session, execute once:\n\n" +
		"#### Linux:\n\n" +
		"\tfootprint completion zsh > \"${fpath[1]}/_footprint\"\n\n" +
		"#### macOS:\n\n" +
		"\tfootprint completion zsh > $(brew --prefix)/share/zsh/site-functions/_footprint\n\n" +
		"You will need to start a new shell for this setup to take effect.\n"),
	lang.Key("Generate the autocompletion script for the fish shell.\n\n" +
		"To load completions in your current shell session:\n\n" +
		"\tfootprint completion fish | source\n\n" +
		"To load completions for every new session, execute once:\n\n" +
		"\tfootprint completion fish > ~/.config/fish/completions/footprint.fish\n\n" +
		"You will need to start a new shell for this setup to take effect.\n"),
	lang.Key("Generate the autocompletion script for powershell.\n\n" +
		"To load completions in your current shell session:\n\n" +
		"\tfootprint completion powershell | Out-String | Invoke-Expression\n\n" +
		"To load completions for every new session, add the output of the above command\n" +
		"to your powershell profile.\n"),
}

// helpText translates s, a command's or a flag's help text, into l; a text the catalogue
// does not hold stays as it is.
func helpText(l lang.Lang, s string) string {
	t, _ := translateHelp(l, s)
	return t
}

// translateHelp is helpText, and whether s has a translation.
func translateHelp(l lang.Lang, s string) (string, bool) {
	if s == "" {
		return s, true
	}
	if l.Has(s) {
		return l.T(s), true
	}
	for _, p := range cobraHelpText {
		if m := p.re.FindStringSubmatch(s); m != nil {
			return l.T(p.key, m[1]), true
		}
	}
	return s, false
}

// usageErrors are the errors cobra and pflag return for a command line they refuse, and
// footprint's own, by their English text; the submatches are the names and values they
// quote, kept as written.
var usageErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^unknown command ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*")$`), lang.Key("unknown command %s for %s")},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), lang.Key("unknown flag: %s")},
	{regexp.MustCompile(`^unknown shorthand flag: ('(?:[^'\\]|\\.)*') in (-\S*)$`), lang.Key("unknown shorthand flag: %s in %s")},
	{regexp.MustCompile(`^flag needs an argument: ('(?:[^'\\]|\\.)*') in (-\S*)$`), lang.Key("flag needs an argument: %s in %s")},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), lang.Key("flag needs an argument: %s")},
	{regexp.MustCompile(`^invalid argument ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*") flag: strconv\.Parse(?:Int|Uint): parsing "(?:[^"\\]|\\.)*": invalid syntax$`), lang.Key("invalid argument %s for %s flag: want a whole number")},
	{regexp.MustCompile(`^invalid argument ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*") flag: strconv\.ParseBool: parsing "(?:[^"\\]|\\.)*": invalid syntax$`), lang.Key("invalid argument %s for %s flag: want true or false")},
	{regexp.MustCompile(`^invalid argument ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*") flag: (.*)$`), lang.Key("invalid argument %s for %s flag: %s")},
	{regexp.MustCompile(`^invalid argument ("(?:[^"\\]|\\.)*") for ("(?:[^"\\]|\\.)*")$`), lang.Key("invalid argument %s for %s")},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), lang.Key("bad flag syntax: %s")},
	{regexp.MustCompile(`^required flag\(s\) (.+) not set$`), lang.Key("required flag(s) %s not set")},
	{regexp.MustCompile(`^at least one of the flags in the group \[(.+)\] is required$`), lang.Key("at least one of the flags in the group [%s] is required")},
	{regexp.MustCompile(`^if any flags in the group \[(.+)\] are set none of the others can be; \[(.+)\] were all set$`), lang.Key("if any flags in the group [%s] are set none of the others can be; [%s] were all set")},
	{regexp.MustCompile(`^if any flags in the group \[(.+)\] are set they must all be set; missing \[(.+)\]$`), lang.Key("if any flags in the group [%s] are set they must all be set; missing [%s]")},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), lang.Key("accepts %s arg(s), received %s")},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), lang.Key("accepts at most %s arg(s), received %s")},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), lang.Key("requires at least %s arg(s), only received %s")},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), lang.Key("accepts between %s and %s arg(s), received %s")},
	{regexp.MustCompile(`^--lang: ("(?:[^"\\]|\\.)*") is not a language footprint speaks: want en or fr$`), lang.Key("--lang: %s is not a language footprint speaks: want en or fr")},
}

// argsError refuses a command line with cobra's English text, and says more in the other
// languages, which have no cobra text to keep: key, a catalogue key.
type argsError struct{ en, key string }

func (e *argsError) Error() string { return e.en }

// didYouMean is how cobra introduces the commands it suggests for an unknown one.
const didYouMean = "\n\nDid you mean this?\n"

// usageError translates msg, the text of an error that refused the command line, into l:
// the errors of usageErrors and factors diff's, with the names and values they quote; any
// other stays as it is.
func usageError(l lang.Lang, msg string) string {
	if !l.IsFrench() {
		return msg
	}
	head, suggestions, found := strings.Cut(msg, didYouMean)
	if found {
		return usageError(l, head) + "\n\n" + l.T("Did you mean this?") + "\n" + suggestions
	}
	if msg == errDiffArgs || msg == errDiffMoreArgs {
		return l.T(msg)
	}
	for _, e := range usageErrors {
		if m := e.re.FindStringSubmatch(msg); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return l.T(e.key, args...)
		}
	}
	return msg
}
