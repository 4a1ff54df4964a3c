package main

import (
	"fmt"

	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

func newCalcCmd(g *globalFlags, env Env) *cobra.Command {
	var asJSON, lines, restate bool
	cmd := &cobra.Command{
		Use:   "calc",
		Short: "Compute the inventory and print it as a table, as JSON with --json, or line by line with --lines",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g.progress = !asJSON
			res, err := compute(g, env, computeOptions{rowLines: lines, restate: restate})
			if err != nil {
				return err
			}
			doc := res.document()
			switch {
			case lines:
				if err := reports.WriteLinesCSV(env.Stdout, res.inventory.RowLines()); err != nil {
					return err
				}
				writeProblemSummary(env, res)
			case asJSON:
				if err := doc.WriteJSON(env.Stdout); err != nil {
					return err
				}
			default:
				if err := reports.WriteInventoryTable(env.Stdout, doc); err != nil {
					return err
				}
				writeProblemSummary(env, res)
			}
			return res.failure(g.strict)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the JSON document of SPEC §6")
	cmd.Flags().BoolVar(&lines, "lines", false, "print every computed line with its provenance (input row, factor vintage, source) as CSV")
	cmd.Flags().BoolVar(&restate, "restate", false, restateHelp)
	cmd.MarkFlagsMutuallyExclusive("json", "lines")
	return cmd
}

func (r *result) document() reports.CalcDocument {
	doc := reports.NewCalcDocument(r.cfg.Factors.GWP, r.year, r.cfg.Trajectory.Scope2Method, r.years, r.trajectory, r.inventory.Rows, r.input.Problems.List())
	doc.AddAnalysis(r.analysis())
	doc.SetAnalysis(r.uncertainty, r.changes)
	doc.SetClaims(r.trajectory, r.claim())
	doc.AddRegulatory(r.regulatory(), r.years)
	doc.AddEnergyTables(r.energyTables())
	return doc
}

// writeProblemSummary prints the first problems to stderr and points at `validate`.
func writeProblemSummary(env Env, r *result) {
	ps := r.input.Problems.List()
	if len(ps) == 0 {
		return
	}
	const shown = 10
	fmt.Fprintf(env.Stderr, "%d problem(s):\n", len(ps))
	if len(ps) > shown {
		reports.WriteProblems(env.Stderr, ps[:shown])
		fmt.Fprintf(env.Stderr, "… and %d more: `footprint validate` lists them all.\n", len(ps)-shown)
		return
	}
	reports.WriteProblems(env.Stderr, ps)
}

// restateHelp describes --restate for calc and report.
const restateHelp = "restate past years with the latest dataset version of each year's own factor vintage, and show each year's total as reported and restated"
