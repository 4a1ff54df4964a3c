package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

func newReportCmd(g *globalFlags, env Env) *cobra.Command {
	var out string
	var restate bool
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Compute the inventory and trajectory and write <out>/report.html and <out>/footprint-<year>.xlsx",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g.progress = true
			res, err := compute(g, env, computeOptions{rowLines: true, restate: restate})
			if err != nil {
				return err
			}
			dir := out
			if !cmd.Flags().Changed("out") {
				dir = res.outputDir()
			}
			rep := res.report()
			path := filepath.Join(dir, "report.html")
			if err := reports.WriteHTMLFile(path, rep); err != nil {
				if errors.Is(err, reports.ErrNoEcharts) {
					return problemsf("%v", err)
				}
				return problemsf("report: %v", err)
			}
			xlsx, err := writeExport(env, dir, res, g.progress)
			if err != nil {
				return problemsf("%v", err)
			}
			writeReportSummary(env.Stdout, res, rep, path, xlsx)
			writeProblemSummary(env, res)
			return res.failure(g.strict)
		},
	}
	cmd.Flags().BoolVar(&restate, "restate", false, restateHelp)
	cmd.Flags().StringVar(&out, "out", "", "folder to write report.html and the Excel export into (default: the config's output.dir)")
	return cmd
}

// outputDir is the config's output.dir, relative to the config file like its inputs (to the
// working directory for the built-in demo).
func (r *result) outputDir() string {
	d := r.cfg.Output.Dir
	if d == "" {
		d = "out"
	}
	if filepath.IsAbs(d) || r.cfg.Dir == "" {
		return d
	}
	return filepath.Join(r.cfg.Dir, d)
}

// report gathers what the HTML report shows.
func (r *result) report() reports.Report {
	return reports.Report{
		Site: r.cfg.Site, ReportingYear: r.year, GWP: r.cfg.Factors.GWP, Scope2Method: r.cfg.Trajectory.Scope2Method,
		Years: r.years, Trajectory: r.trajectory, Targets: r.cfg.Plan().Targets,
		PoleActivities: reports.PoleActivities(r.inventory.Lines, r.year, r.cfg.Trajectory.Scope2Method),
		Rows:           r.inventory.Rows, Errors: r.input.Problems.Errors(), Warnings: r.input.Problems.Warnings(),
		Problems:    r.input.Problems.List(),
		Sources:     reports.FactorSources(r.inventory.Lines, r.lib),
		Analysis:    r.analysis(),
		Uncertainty: r.uncertainty, Changes: r.changes,
		Claim:        r.claim(),
		Regulatory:   r.regulatory(),
		EnergyTables: r.energyTables(),
	}
}

// writeReportSummary prints the reporting year's totals, where the page and the export went,
// and the rows.
func writeReportSummary(w io.Writer, r *result, rep reports.Report, page, export string) {
	found := false
	for _, y := range r.years {
		if y.Year == r.year {
			found = true
			fmt.Fprintf(w, "%d: %s tCO2e market-based, %s tCO2e location-based (Scope 1 %s, Scope 2 market %s, Scope 3 %s).\n",
				y.Year, reports.Tonnes(y.TotalMarket), reports.Tonnes(y.TotalLocation),
				reports.Tonnes(y.Scope1), reports.Tonnes(y.Scope2Market), reports.Tonnes(y.Scope3))
		}
	}
	switch {
	case len(r.years) == 0:
		fmt.Fprintln(w, "No emissions computed: no activity row was used.")
	case !found:
		fmt.Fprintf(w, "%d: no data.\n", r.year)
	}
	if tr := r.trajectory; tr != nil {
		for _, y := range tr.Years {
			if y.Year == tr.TargetYear && y.Gap != nil {
				fmt.Fprintf(w, "%d: plan %s, target %s, gap %s tCO2e.\n",
					y.Year, reports.Tonnes(*y.Plan), reports.Tonnes(*y.Target), reports.Tonnes(*y.Gap))
			}
		}
	}
	if cy, ok := r.claims.Year(r.year); ok {
		verdict := "can be claimed"
		if !cy.OK {
			verdict = fmt.Sprintf("cannot be claimed (%d reason(s), see the report)", len(cy.Reasons))
		}
		fmt.Fprintf(w, "%d: a contribution to carbon neutrality %s; residual %s tCO2e, retired credits and own removals %s tCO2e.\n",
			cy.Year, verdict, reports.Tonnes(cy.Residual), reports.Tonnes(cy.CreditsRetired+cy.RemovalsOwn))
	}
	fmt.Fprintf(w, "Wrote %s and %s\n", page, export)
	fmt.Fprintf(w, "Rows: %d read, %d used, %d rejected; %d error(s), %d warning(s).\n",
		rep.Rows.Read, rep.Rows.Used, rep.Rows.Rejected, rep.Errors, rep.Warnings)
}
