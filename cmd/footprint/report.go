package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	*rootOptions
	in      inputOptions
	out     string // the output folder; empty: the config's output.dir
	restate bool
}

func newCmdReport(root *rootOptions, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Compute the inventory and trajectory and write <out>/report.html and <out>/footprint-<year>.xlsx",
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(opts) },
	}
	addInputFlags(cmd, &opts.in, withYear|withStrict)
	cmd.Flags().BoolVar(&opts.restate, "restate", false, restateHelp)
	cmd.Flags().StringVar(&opts.out, "out", "", "folder to write report.html and the Excel export into (default: the config's output.dir)")
	return cmd
}

func runReport(opts *reportOptions) error {
	po := opts.pipeline(opts.in, true)
	po.RowLines, po.Restate = true, opts.restate
	res, err := pipeline.Run(po)
	if err != nil {
		return problems(err)
	}
	defer res.Close()
	dir := opts.out
	if dir == "" {
		dir = res.OutputDir()
	}
	rep := reports.New(res)
	path := filepath.Join(dir, "report.html")
	if err := reports.WriteHTMLFile(path, rep); err != nil {
		if errors.Is(err, reports.ErrNoEcharts) {
			return problemsf("%v", err)
		}
		return problemsf("report: %v", err)
	}
	xlsx, err := writeExport(opts.env, dir, rep)
	if err != nil {
		return problemsf("%v", err)
	}
	writeReportSummary(opts.env.Stdout, res, rep, path, xlsx)
	writeProblemSummary(opts.env, res)
	return problems(res.Failure(opts.in.strict))
}

// writeExport writes the annual export <dir>/footprint-<year>.xlsx atomically, prints the
// export's own warnings (cells truncated to Excel's limit), and returns its path.
func writeExport(env Env, dir string, rep reports.Report) (string, error) {
	path := filepath.Join(dir, reports.ExportFileName(rep.ReportingYear))
	var progress emissions.Progress
	if env.terminal() {
		progress = &barProgress{w: env.Stderr, lines: true}
	}
	warnings, err := reports.WriteExportFile(path, rep, progress)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	reports.WriteProblems(env.Stderr, warnings)
	return path, nil
}

// writeReportSummary prints the reporting year's totals, where the page and the export went,
// and the rows.
func writeReportSummary(w io.Writer, r *pipeline.Result, rep reports.Report, page, export string) {
	found := false
	for _, y := range r.Years {
		if y.Year == r.Year {
			found = true
			fmt.Fprintf(w, "%d: %s tCO2e market-based, %s tCO2e location-based (Scope 1 %s, Scope 2 market %s, Scope 3 %s).\n",
				y.Year, reports.Tonnes(y.TotalMarket), reports.Tonnes(y.TotalLocation),
				reports.Tonnes(y.Scope1), reports.Tonnes(y.Scope2Market), reports.Tonnes(y.Scope3))
		}
	}
	switch {
	case len(r.Years) == 0:
		fmt.Fprintln(w, "No emissions computed: no activity row was used.")
	case !found:
		fmt.Fprintf(w, "%d: no data.\n", r.Year)
	}
	if tr := r.Trajectory; tr != nil {
		for _, y := range tr.Years {
			if y.Year == tr.TargetYear && y.Gap != nil {
				fmt.Fprintf(w, "%d: plan %s, target %s, gap %s tCO2e.\n",
					y.Year, reports.Tonnes(*y.Plan), reports.Tonnes(*y.Target), reports.Tonnes(*y.Gap))
			}
		}
	}
	if cy, ok := r.Claims.Year(r.Year); ok {
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
