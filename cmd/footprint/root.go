package main

import (
	"errors"
	"fmt"
	"io"

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

// Exit codes (SPEC §2).
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

// globalFlags are the flags every command takes.
type globalFlags struct {
	config string
	inputs []string
	year   int
	strict bool
	// progress says the command may draw a progress bar on a terminal (not with --json).
	progress bool
}

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	var g globalFlags
	root := &cobra.Command{
		Use:           "footprint",
		Short:         "Greenhouse-gas inventory and 2030 trajectory from activity workbooks",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetArgs(args)
	pf := root.PersistentFlags()
	pf.StringVar(&g.config, "config", "", "configuration file (default ./config.yaml, else the built-in demo)")
	pf.StringArrayVar(&g.inputs, "input", nil, "activity workbook (repeatable; replaces the config's inputs)")
	pf.IntVar(&g.year, "year", 0, "reporting year (default: the config's, else the latest year with data)")
	pf.BoolVar(&g.strict, "strict", false, "treat any rejected row as an error")
	root.AddCommand(newCalcCmd(&g, env), newValidateCmd(&g, env), newFactorsCmd(&g, env), newReportCmd(&g, env), newTemplateCmd(&g, env), newAnnotateCmd(&g, env))

	err := root.Execute()
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
	fmt.Fprintln(env.Stderr, "footprint:", err)
	fmt.Fprintln(env.Stderr, "Run 'footprint --help' for usage.")
	return exitUsage
}
