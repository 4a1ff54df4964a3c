package main

import (
	"fmt"

	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

func newValidateCmd(g *globalFlags, env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate",
		Short: "Check the config and the inputs; list every problem with its place",
		Long: "Reads the configuration and every input workbook, computes every row, and lists each problem\n" +
			"with its cell, grouped by file and sheet with a count per group, then the totals (errors,\n" +
			"warnings, rows). Exits 1 if any row would be rejected or anything else is wrong.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g.progress = true
			res, err := compute(g, env, computeOptions{listConfig: true})
			if err != nil {
				return err
			}
			ps := &res.input.Problems
			reports.WriteProblemGroups(env.Stdout, reports.ProblemSummary{Problems: ps.List(), Places: ps.ByPlace(),
				Rows: res.inventory.Rows, Instruments: len(res.input.Instruments), Errors: ps.Errors(), Warnings: ps.Warnings()})
			if ps.Errors() > 0 {
				return problemsf("")
			}
			fmt.Fprintln(env.Stdout, "OK")
			return nil
		},
	}
}
