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
			"with its file, sheet and cell. Exits 1 if any row would be rejected or anything else is wrong.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			res, err := compute(g, env)
			if err != nil {
				return err
			}
			ps := res.input.Problems.List()
			reports.WriteProblems(env.Stdout, ps)
			rows := res.inventory.Rows
			fmt.Fprintf(env.Stdout, "%d row(s) read, %d used, %d rejected; %d instrument(s); %d error(s), %d warning(s).\n",
				rows.Read, rows.Used, rows.Rejected, len(res.input.Instruments), res.input.Problems.Errors(), res.input.Problems.Warnings())
			if res.input.Problems.Errors() > 0 {
				return problemsf("")
			}
			fmt.Fprintln(env.Stdout, "OK")
			return nil
		},
	}
}
