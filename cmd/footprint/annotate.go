package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports/text"
	"github.com/footprint/footprint/workbook"
	"github.com/spf13/cobra"
)

type annotateOptions struct {
	*rootOptions
	in  inputOptions
	out string
}

func newCmdAnnotate(root *rootOptions, runF func(*annotateOptions) error) *cobra.Command {
	opts := &annotateOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "annotate --input FILE --out FILE",
		Short: lang.Key("Write a copy of a workbook with each activity row's tCO2e, scope, factor and source, or its problem"),
		Long: lang.Key("Writes a copy of one input workbook (docs/annotate.md) with columns appended after the last used\n" +
			"column of each activity sheet: footprint tCO2e (location-based, direct + upstream), footprint tCO2e\n" +
			"market, footprint avoided tCO2e, footprint scope, footprint category, footprint factor id, footprint\n" +
			"factor value, footprint factor upstream, footprint factor unit, footprint source, footprint problem\n" +
			"(the errors that rejected the row). Everything else is left as it is; the copy is still a valid input\n" +
			"and gives the same totals. A workbook annotated before gets its annotation replaced."),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runF(opts) },
	}
	addInputFlags(cmd, &opts.in, withStrict)
	cmd.Flags().StringVar(&opts.out, "out", "", lang.Key("annotated copy to write (never the input itself)"))
	return cmd
}

func runAnnotate(opts *annotateOptions) error {
	l := opts.runLang(nil)
	if len(opts.in.inputs) != 1 {
		return errors.New(l.T("annotate takes exactly one --input FILE"))
	}
	if opts.out == "" {
		return errors.New(l.T("annotate needs --out FILE"))
	}
	in, out, env := opts.in.inputs[0], opts.out, opts.env
	if _, err := os.Stat(in); err != nil {
		return problemsf("%s: %s", in, l.T("cannot open: %v", errors.Unwrap(err)))
	}
	if same, _ := sameFile(in, out); same {
		return problemsf("%s", l.T("--out %s is the input workbook: annotate writes a copy and never overwrites the original", out))
	}
	po := opts.pipeline(opts.in, true)
	po.RowLines, po.KeepRejected = true, true
	res, err := pipeline.Run(po)
	if err != nil {
		return problems(err)
	}
	defer res.Close()
	if err := res.Failure(opts.in.strict); err != nil {
		// A run that stops writes nothing: a copy from an earlier run stays as it was.
		text.WriteProblems(env.Stderr, res.Config.Lang(), res.Input.Problems.List())
		fmt.Fprintln(env.Stderr, res.Config.Lang().T("Nothing written: %s is left as it was.", out))
		return problems(err)
	}
	for _, h := range workbook.AnnotateHeaders {
		if c, ok := workbook.HeaderColumn(h, res.Config.Aliases()); ok {
			return problemsf("%s", res.Config.Lang().T("%s: config columns makes %q an alias of %s: annotate's header would be read as that column; remove the alias", pipeline.ConfigName(res.Config), h, c))
		}
	}
	// every row's lines, in the order of the rows; those of gases outside the scopes
	// (R-22 leaks) kept apart
	a := workbook.Annotation{Sheets: res.Input.Sheets, Lines: res.Inventory.RowLines(),
		Outside: res.Inventory.Outside, Rejected: res.Input.Problems.Rejected()}
	n, err := workbook.WriteAnnotatedFile(in, out, a)
	if err != nil {
		return problemsf("annotate: %v", err)
	}
	if n.Fallback != "" {
		// correct, but slower and in memory: say why, so a big workbook's wait is explained
		fmt.Fprintln(env.Stderr, res.Config.Lang().T("note: %s was written through excelize, in memory: %s", out, n.Fallback))
	}
	text.WriteAnnotated(env.Stdout, res.Config.Lang(), out, len(a.Sheets), n)
	return nil
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, nil
	}
	return os.SameFile(ia, ib), nil
}
