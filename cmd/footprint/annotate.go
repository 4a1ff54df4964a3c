package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

func newAnnotateCmd(g *globalFlags, env Env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "annotate --input FILE --out FILE",
		Short: "Write a copy of a workbook with each activity row's tCO2e, scope, factor and source, or its problem",
		Long: "Writes a copy of one input workbook (SPEC §9) with columns appended after the last used column of\n" +
			"each activity sheet: footprint tCO2e (location-based, direct + upstream), footprint tCO2e market,\n" +
			"footprint avoided tCO2e, footprint scope, footprint category, footprint factor id, footprint factor\n" +
			"value, footprint factor upstream, footprint factor unit, footprint source, footprint problem (the\n" +
			"errors that rejected the row). Everything else is left as it is; the copy is still a valid input\n" +
			"and gives the same totals. A workbook annotated before gets its annotation replaced.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if len(g.inputs) != 1 {
				return errors.New("annotate takes exactly one --input FILE")
			}
			if out == "" {
				return errors.New("annotate needs --out FILE")
			}
			in := g.inputs[0]
			if _, err := os.Stat(in); err != nil {
				return problemsf("%s: cannot open: %v", in, errors.Unwrap(err))
			}
			if same, _ := sameFile(in, out); same {
				return problemsf("--out %s is the input workbook: annotate writes a copy and never overwrites the original", out)
			}
			g.progress = true // while the workbook is read, on a terminal
			res, err := compute(g, env, computeOptions{rowLines: true, allProblems: true})
			if err != nil {
				return err
			}
			if res.input.Problems.Fatal() > 0 {
				reports.WriteProblems(env.Stderr, res.input.Problems.List())
				return res.failure(g.strict)
			}
			for _, h := range reports.AnnotateHeaders {
				if c, ok := emissions.HeaderColumn(h, res.cfg.Aliases()); ok {
					return problemsf("%s: config columns makes %q an alias of %s: annotate's header would be read as that column; remove the alias", configName(res.cfg), h, c)
				}
			}
			// every row's lines, in the order of the rows; those of gases outside the scopes
			// (R-22 leaks) kept apart
			a := reports.Annotation{Sheets: res.input.Sheets, Lines: res.inventory.RowLines(),
				Outside: res.inventory.Outside, Problems: res.input.Problems.List()}
			n, err := reports.WriteAnnotatedFile(in, out, a)
			if err != nil {
				return problemsf("annotate: %v", err)
			}
			if n.Fallback != "" {
				// correct, but slower and in memory: say why, so a big workbook's wait is explained
				fmt.Fprintf(env.Stderr, "note: %s was written through excelize, in memory: %s\n", out, n.Fallback)
			}
			used, rejected := n.Used, n.Rejected
			fmt.Fprintf(env.Stdout, "Wrote %s: %d activity sheet(s), %d row(s) annotated (%d used, %d rejected with their problem).\n",
				out, len(a.Sheets), used+rejected, used, rejected)
			return res.failure(g.strict)
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "annotated copy to write (never the input itself)")
	return cmd
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
