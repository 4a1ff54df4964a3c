package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/internal/outlock"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/footprint/footprint/reports/html"
	"github.com/footprint/footprint/reports/pdf"
	"github.com/footprint/footprint/reports/text"
	"github.com/spf13/cobra"
)

type reportOptions struct {
	*rootOptions
	in      inputOptions
	out     string // the output folder; empty: the config's output.dir
	restate bool
	pdf     bool // also print report.html to report.pdf with Chromium
}

func newCmdReport(root *rootOptions, runF func(*reportOptions) error) *cobra.Command {
	opts := &reportOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "report",
		Short: lang.Key("Compute the inventory and trajectory and write <out>/report.html and <out>/footprint-<year>.xlsx"),
		Args:  cobra.NoArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(opts) },
	}
	addInputFlags(cmd, &opts.in, withYear|withStrict)
	cmd.Flags().BoolVar(&opts.restate, "restate", false, restateHelp)
	cmd.Flags().StringVar(&opts.out, "out", "", lang.Key("folder to write report.html and the Excel export into (default: the config's output.dir)"))
	cmd.Flags().BoolVar(&opts.pdf, "pdf", false, lang.Key("also write report.pdf, report.html printed on A4 by a Chromium on the PATH"))
	return cmd
}

func runReport(opts *reportOptions) error {
	// Without a browser --pdf fails before any work, and writes nothing.
	var browser string
	if opts.pdf {
		var err error
		if browser, err = pdf.Find(); err != nil {
			return problemsf("report --pdf: %s", pdf.NoChromium(opts.runLang(nil)))
		}
	}
	po := opts.pipeline(opts.in, true)
	po.RowLines, po.Restate = true, opts.restate
	s, err := pipeline.Load(po)
	if err != nil {
		return problems(err)
	}
	dir := opts.out
	if dir == "" {
		dir = s.OutputDir()
	}
	// Locked before anything is computed, so a second run on the folder fails at once.
	lock, err := lockOutput(opts.env, s.Config.Lang(), dir)
	if err != nil {
		return problems(err)
	}
	defer lock.Release()
	res, err := s.Run()
	if err != nil {
		return problems(err)
	}
	defer res.Close()
	rep := reports.New(res)
	if err := res.Failure(opts.in.strict); err != nil {
		// A run that stops writes nothing: the folder keeps the previous run's pair.
		text.WriteProblemSummary(opts.env.Stderr, rep.Lang, rep.Problems)
		fmt.Fprintln(opts.env.Stderr, rep.Lang.T("Nothing written: %s is left as it was.", dir))
		return problems(err)
	}
	page, xlsx, err := publish(opts.env, dir, rep)
	if err != nil {
		fmt.Fprintln(opts.env.Stderr, rep.Lang.T("Nothing written: %s is left as it was.", dir))
		return err
	}
	text.WriteReportSummary(opts.env.Stdout, rep, page, xlsx)
	text.WriteProblemSummary(opts.env.Stderr, rep.Lang, rep.Problems)
	if opts.pdf {
		return printPDF(opts.env, rep.Lang, browser, page)
	}
	return nil
}

// printPDF prints the page with browser to report.pdf beside it. It comes after report.html
// and the export are in place (the browser opens the page where it lies), so a failure
// leaves them written and report.pdf as it was.
func printPDF(env Env, l lang.Lang, browser, page string) error {
	out := filepath.Join(filepath.Dir(page), "report.pdf")
	doc, err := pdf.Print(browser, page)
	if err == nil {
		err = atomicfile.Write(out, func(w io.Writer) error {
			_, err := w.Write(doc)
			return err
		})
	}
	if err != nil {
		return problemsf("%s", l.T("report --pdf: %v (%s and the export are written; %s is left as it was)", err, page, out))
	}
	fmt.Fprintln(env.Stdout, l.T("Wrote %s", out))
	return nil
}

// lockOutput takes the lock of the output folder dir. A lock left by a run that is gone is
// taken over with a warning, after finishing what that run had begun to publish and removing
// its temporary files.
func lockOutput(env Env, l lang.Lang, dir string) (*outlock.Lock, error) {
	lock, err := outlock.Take(dir)
	var held *outlock.HeldError
	if errors.As(err, &held) {
		return nil, errors.New(held.In(l))
	}
	if err != nil {
		return nil, err
	}
	if pid := lang.Plain(lock.Previous); pid != 0 {
		fmt.Fprintln(env.Stderr, l.T("warning: %s was left by footprint process %d, which is no longer running: taken over", lock.Path, pid))
		done, err := atomicfile.Recover(dir, int(pid))
		for _, p := range done {
			fmt.Fprintln(env.Stderr, l.T("warning: %s: put in place, as process %d had finished writing it with the rest of its outputs", p, pid))
		}
		if err != nil {
			lock.Release()
			return nil, errors.New(l.T("tidying %s after process %d: %v", dir, pid, err))
		}
	}
	return lock, nil
}

// publish writes report.html and the annual export into dir as a pair: each to a temporary
// file in dir, then both renamed into place once both are complete, so that dir holds both
// from this run or both as they were (docs/user-guide.md#output-files-and-interrupted-runs).
// It prints the export's own warnings (cells truncated to Excel's limit) and returns the
// paths of the page and the export.
func publish(env Env, dir string, rep reports.Report) (page, export string, err error) {
	set, err := atomicfile.NewSet(dir)
	if err != nil {
		return "", "", problemsf("%v", err)
	}
	defer set.Abort()
	tmp, err := set.Stage("report.html")
	if err == nil {
		err = html.WriteFile(tmp, rep)
	}
	if err != nil {
		if errors.Is(err, html.ErrNoEcharts) {
			return "", "", problemsf("%v", err)
		}
		return "", "", problemsf("report: %v", err)
	}
	name := excel.FileName(rep.ReportingYear)
	var progress emissions.Progress
	if env.terminal() {
		progress = &barProgress{w: env.Stderr, lines: true}
	}
	tmp, err = set.Stage(name)
	var warnings []emissions.Problem
	if err == nil {
		warnings, err = excel.WriteFile(tmp, rep, progress)
	}
	if err != nil {
		return "", "", problemsf("export: %v", err)
	}
	if err := set.Commit(); err != nil {
		return "", "", problemsf("%v", err)
	}
	text.WriteProblems(env.Stderr, rep.Lang, warnings)
	return filepath.Join(dir, "report.html"), filepath.Join(dir, name), nil
}
