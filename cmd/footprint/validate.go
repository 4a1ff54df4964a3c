package main

import (
	"fmt"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/text"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	*rootOptions
	in inputOptions
}

func newCmdValidate(root *rootOptions, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: lang.Key("Check the config and the inputs; list every problem with its place"),
		Long: lang.Key("Reads the configuration and every input workbook, computes every row, and lists each problem\n" +
			"with its cell, grouped by file and sheet with a count per group, then the totals (errors,\n" +
			"warnings, rows). Exits 1 if any row would be rejected or anything else is wrong."),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return runF(opts) },
	}
	addInputFlags(cmd, &opts.in, withYear|withStrict)
	// validate fails on any rejected row already: --strict is accepted and changes nothing.
	_ = cmd.Flags().MarkHidden("strict")
	return cmd
}

func runValidate(opts *validateOptions) error {
	po := opts.pipeline(opts.in, true)
	po.ListConfig = true
	res, err := pipeline.Run(po)
	if err != nil {
		return problems(err)
	}
	defer res.Close()
	text.WriteNotices(opts.env.Stdout, res.Config.Lang(), reports.Notices(res))
	sum := text.NewProblemSummary(res)
	text.WriteProblemGroups(opts.env.Stdout, res.Config.Lang(), sum)
	if sum.Errors > 0 {
		return problemsf("")
	}
	fmt.Fprintln(opts.env.Stdout, res.Config.Lang().T("OK"))
	return nil
}
