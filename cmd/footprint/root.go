package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/footprint/footprint/lang"

	"github.com/footprint/footprint/pipeline"
	"github.com/spf13/cobra"
)

// Env is what a run of the command reads and writes, injected so tests run Main in-process.
type Env struct {
	Stdout, Stderr io.Writer
	LookupEnv      func(string) (string, bool)
	// Terminal reports whether Stderr is a terminal, where long reads show a progress bar;
	// nil: it is not.
	Terminal func() bool
}

// terminal reports whether Stderr is a terminal.
func (e Env) terminal() bool { return e.Terminal != nil && e.Terminal() }

// Exit codes: see docs/configuration.md.
const (
	exitOK       = 0
	exitProblems = 1 // problems in inputs or config
	exitUsage    = 2 // unknown command or flag
)

// exitError ends a run with a code; its message, if any, has been printed already or is
// printed by Main.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func problemsf(format string, args ...any) error {
	return &exitError{code: exitProblems, msg: fmt.Sprintf(format, args...)}
}

// problems makes any error that stops a computation exit 1.
func problems(err error) error {
	if err == nil {
		return nil
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return problemsf("%v", err)
}

// rootOptions are what every command shares: the streams and the configuration file.
type rootOptions struct {
	env    Env
	config string
	lang   string
}

// inputOptions are the flags of the commands that read the input workbooks.
type inputOptions struct {
	inputs []string
	year   int
	strict bool
}

// inputFlag says which of the input flags a command takes.
type inputFlag int

const (
	withYear inputFlag = 1 << iota
	withStrict
)

// addInputFlags adds --input, and the flags of which, to cmd.
func addInputFlags(cmd *cobra.Command, o *inputOptions, which inputFlag) {
	f := cmd.Flags()
	f.StringArrayVar(&o.inputs, "input", nil, lang.Key("activity workbook (repeatable; replaces the config's inputs)"))
	if which&withYear != 0 {
		f.IntVar(&o.year, "year", 0, lang.Key("reporting year (default: the config's, else the latest year with data)"))
	}
	if which&withStrict != 0 {
		f.BoolVar(&o.strict, "strict", false, lang.Key("treat any rejected row as an error"))
	}
}

// pipeline returns the pipeline options of a command that reads inputs; progress says it may
// draw a progress bar on a terminal while large workbooks are read.
func (r *rootOptions) pipeline(in inputOptions, progress bool) pipeline.Options {
	o := pipeline.Options{ConfigPath: r.config, Inputs: in.inputs, Year: in.year, Lang: r.lang, LookupEnv: r.env.LookupEnv}
	if progress && r.env.terminal() {
		o.Progress = &barProgress{w: r.env.Stderr}
	}
	return o
}

// newRootCmd builds the command tree Main runs, with opts for its flags; args are the
// command line, which help reads for its language when cobra has not parsed it.
func newRootCmd(opts *rootOptions, args []string) *cobra.Command {
	root := &cobra.Command{
		Use:           "footprint",
		Short:         lang.Key("Greenhouse-gas inventory and 2030 trajectory from activity workbooks"),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(opts.env.Stdout)
	root.SetErr(opts.env.Stderr)
	root.SetArgs(args)
	root.PersistentFlags().StringVar(&opts.config, "config", "", lang.Key("configuration file (default ./config.yaml; without one, the built-in defaults with --input, else the built-in demo)"))
	root.PersistentFlags().StringVar(&opts.lang, "lang", "", lang.Key("language of the report, export, template and messages: en or fr (default: config language, else en)"))
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if _, err := lang.Parse(opts.lang); err != nil {
			return fmt.Errorf("--lang: %v", err)
		}
		return nil
	}
	root.AddCommand(newCmdCalc(opts, runCalc), newCmdValidate(opts, runValidate), newCmdFactors(opts),
		newCmdReport(opts, runReport), newCmdTemplate(opts, runTemplate), newCmdAnnotate(opts, runAnnotate),
		newCmdInit(opts, runInit))
	// cobra adds --help when it runs, after finding the command: a --help it does not know yet
	// would take the next argument as its value (footprint --help --lang fr: "fr" an unknown
	// command).
	root.InitDefaultHelpFlag()
	localizeHelp(root, func() lang.Lang { return opts.runLang(args) })
	localizeHelpTopic(root, func() lang.Lang { return opts.runLang(args) })
	return root
}

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	opts := &rootOptions{env: env}
	err := newRootCmd(opts, args).Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(env.Stderr, "footprint:", ee.msg)
		}
		return ee.code
	}
	// A command line refused: said in the language help speaks, which a wrong --lang leaves
	// to the environment or the config.
	l := opts.runLang(args)
	msg := usageError(l, err.Error())
	var ae *argsError
	if errors.As(err, &ae) && l.IsFrench() {
		msg = l.T(ae.key)
	}
	fmt.Fprintln(env.Stderr, "footprint:", msg)
	fmt.Fprintln(env.Stderr, l.T("Run 'footprint --help' for usage."))
	return exitUsage
}
