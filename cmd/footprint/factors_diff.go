package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/jsondoc"
	"github.com/footprint/footprint/reports/text"
	"github.com/spf13/cobra"
)

// builtinLibrary is the word that names the built-in library in `factors diff`.
const builtinLibrary = "builtin"

// The errors of a diff given too few or too many arguments, translated as usage errors.
var (
	errDiffArgs     = lang.Key("give OLD and NEW: two factor files, or builtin")
	errDiffMoreArgs = lang.Key("diff takes OLD and NEW only; more workbooks follow --used-by")
)

type factorsDiffOptions struct {
	*rootOptions
	old, new string
	usedBy   []string
	json     bool
}

func newCmdFactorsDiff(root *rootOptions, runF func(*factorsDiffOptions) error) *cobra.Command {
	opts := &factorsDiffOptions{rootOptions: root}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: lang.Key("What changed between two factor libraries (factor files, or builtin): changed fields, added and archived factors"),
		Long: lang.Key("OLD and NEW are factor files or the word builtin. Factors are compared by id and year (the vintage).\n" +
			"With --used-by, each change of value or upstream gets the tCO2e it moves in those workbooks' inventory\n" +
			"(computed with the current config), and the changes are ranked by it. Exit 0 whatever the differences."),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return errors.New(errDiffArgs)
			}
			if len(args) > 2 && len(opts.usedBy) == 0 {
				return errors.New(errDiffMoreArgs)
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.old, opts.new = args[0], args[1]
			opts.usedBy = append(opts.usedBy, args[2:]...)
			return runF(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.usedBy, "used-by", nil, lang.Key("workbook(s) whose inventory weighs each change in tCO2e (repeatable, or list them after OLD NEW)"))
	cmd.Flags().BoolVar(&opts.json, "json", false, lang.Key(`print {"changed", "added", "archived"} as JSON (docs/json.md)`))
	return cmd
}

func runFactorsDiff(opts *factorsDiffOptions) error {
	po := opts.pipeline(inputOptions{inputs: opts.usedBy}, false)
	s, err := pipeline.Load(po)
	if err != nil {
		return problems(err)
	}
	l := s.Config.Lang()
	gwp := s.Config.Factors.GWP
	old, err := diffSide(l, opts.old, gwp)
	if err != nil {
		return problems(err)
	}
	new, err := diffSide(l, opts.new, gwp)
	if err != nil {
		return problems(err)
	}
	if y0, y1, ok := oneYearEach(old, new); ok && opts.old != builtinLibrary && opts.new != builtinLibrary {
		// Two releases of a yearly dataset (DESNZ 2024 and 2025): by vintage, every factor
		// would be added and archived; compare them id by id instead, and say so.
		fmt.Fprintln(opts.env.Stderr, l.T("%s holds the %d vintage only and %s the %d vintage only: compared id by id, as two releases (year \"all\")", opts.old, lang.Year(y0), opts.new, lang.Year(y1)))
		old, new = withoutYear(old), withoutYear(new)
	}
	d := factors.Compare(old, new)
	weighed := len(opts.usedBy) > 0
	if weighed {
		res, err := s.Run()
		if err != nil {
			return problems(err)
		}
		defer res.Close()
		rep := reports.New(res)
		text.WriteNotices(opts.env.Stderr, rep.Lang, rep.Notices)
		text.WriteProblemSummary(opts.env.Stderr, rep.Lang, rep.Problems)
		d.Weigh(res.FactorUse())
	}
	if opts.json {
		return jsondoc.WriteFactorDiff(opts.env.Stdout, d, weighed)
	}
	return text.WriteFactorDiff(opts.env.Stdout, l, d, weighed)
}

// diffSide reads one side of a diff: the built-in library on the configured GWP set, or a
// factor file, recomputed on that set too, so that a change of basis alone moves no value. A
// file it cannot open is said in l.
func diffSide(l lang.Lang, arg, gwp string) ([]factors.Factor, error) {
	if arg == builtinLibrary {
		lib, err := factors.Builtin(gwp)
		if err != nil {
			return nil, err
		}
		return lib.All(), nil
	}
	fh, err := os.Open(arg)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, errors.New(l.T("factor file %s: %v (give a factor file, or builtin)", arg, err))
	}
	defer fh.Close()
	fs, err := config.ReadFactorFile(arg, fh)
	if err != nil {
		return nil, err
	}
	return factors.OnGWPSet(fs, strings.ToUpper(strings.TrimSpace(gwp)))
}

// oneYearEach reports whether old and new each hold factors of a single year, and different
// ones: two releases of a dataset published once a year.
func oneYearEach(old, new []factors.Factor) (int, int, bool) {
	year := func(fs []factors.Factor) (int, bool) {
		if len(fs) == 0 {
			return 0, false
		}
		for _, f := range fs {
			if f.Year != fs[0].Year {
				return 0, false
			}
		}
		return fs[0].Year, true
	}
	y0, ok0 := year(old)
	y1, ok1 := year(new)
	return y0, y1, ok0 && ok1 && y0 != y1
}

// withoutYear is fs with no year: every factor applies to all years.
func withoutYear(fs []factors.Factor) []factors.Factor {
	out := make([]factors.Factor, len(fs))
	for i, f := range fs {
		f.Year = 0
		out[i] = f
	}
	return out
}
