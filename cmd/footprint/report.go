package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/footprint/footprint/reports/html"
	"github.com/footprint/footprint/reports/text"
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
	if err := html.WriteFile(path, rep); err != nil {
		if errors.Is(err, html.ErrNoEcharts) {
			return problemsf("%v", err)
		}
		return problemsf("report: %v", err)
	}
	xlsx, err := writeExport(opts.env, dir, rep)
	if err != nil {
		return problemsf("%v", err)
	}
	text.WriteReportSummary(opts.env.Stdout, rep, path, xlsx)
	text.WriteProblemSummary(opts.env.Stderr, rep.Problems)
	return problems(res.Failure(opts.in.strict))
}

// writeExport writes the annual export <dir>/footprint-<year>.xlsx atomically, prints the
// export's own warnings (cells truncated to Excel's limit), and returns its path.
func writeExport(env Env, dir string, rep reports.Report) (string, error) {
	path := filepath.Join(dir, excel.FileName(rep.ReportingYear))
	var progress emissions.Progress
	if env.terminal() {
		progress = &barProgress{w: env.Stderr, lines: true}
	}
	warnings, err := excel.WriteFile(path, rep, progress)
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	text.WriteProblems(env.Stderr, warnings)
	return path, nil
}
