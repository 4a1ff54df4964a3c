package main

import (
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/jsondoc"
	"github.com/footprint/footprint/reports/text"
	"github.com/spf13/cobra"
)

type calcOptions struct {
	*rootOptions
	in                   inputOptions
	json, lines, restate bool
}

func newCmdCalc(root *rootOptions, runF func(*calcOptions) error) *cobra.Command {
	opts := &calcOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "calc",
		Short: lang.Key("Compute the inventory and print it as a table, as JSON with --json, or line by line with --lines"),
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(opts) },
	}
	addInputFlags(cmd, &opts.in, withYear|withStrict)
	cmd.Flags().BoolVar(&opts.json, "json", false, lang.Key("print the JSON document (docs/json.md)"))
	cmd.Flags().BoolVar(&opts.lines, "lines", false, lang.Key("print every computed line with its provenance (input row, factor vintage, source) as CSV"))
	cmd.Flags().BoolVar(&opts.restate, "restate", false, restateHelp)
	cmd.MarkFlagsMutuallyExclusive("json", "lines")
	return cmd
}

func runCalc(opts *calcOptions) error {
	po := opts.pipeline(opts.in, !opts.json)
	po.RowLines, po.Restate = opts.lines, opts.restate
	res, err := pipeline.Run(po)
	if err != nil {
		return problems(err)
	}
	defer res.Close()
	out, rep := opts.env.Stdout, reports.New(res)
	if err := reports.CheckFinite(rep.Years, rep.PoleActivities, rep.Trajectory); err != nil {
		return problemsf("%v", err) // before any output: no table or JSON with +Inf in it
	}
	switch {
	case opts.lines:
		text.WriteNotices(opts.env.Stderr, rep.Lang, rep.Notices)
		if err := text.WriteLinesCSV(out, rep.Lines); err != nil {
			return err
		}
		text.WriteProblemSummary(opts.env.Stderr, rep.Lang, rep.Problems)
	case opts.json:
		if err := jsondoc.New(rep).WriteJSON(out); err != nil {
			return err
		}
	default:
		text.WriteNotices(opts.env.Stderr, rep.Lang, rep.Notices)
		if err := text.WriteInventoryTable(out, rep); err != nil {
			return err
		}
		text.WriteProblemSummary(opts.env.Stderr, rep.Lang, rep.Problems)
	}
	return problems(res.Failure(opts.in.strict))
}

// restateHelp describes --restate for calc and report.
var restateHelp = lang.Key("restate past years with the latest dataset version of each year's own factor vintage, and show each year's total as reported and restated")
