package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	fp "github.com/footprint/footprint"
	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/reports"
)

// session is a configuration loaded with its factor library.
type session struct {
	cfg *config.Config
	lib *factors.Library
}

func loadSession(g *globalFlags, env Env) (*session, error) {
	builtin, err := fs.ReadFile(fp.Builtin, "config.yaml")
	if err != nil {
		return nil, fmt.Errorf("built-in config: %w", err)
	}
	overrides := map[string]any{}
	if g.year != 0 {
		overrides["reporting_year"] = g.year
	}
	cfg, err := config.Load(config.Options{Path: g.config, Builtin: builtin, Overrides: overrides, Env: env.LookupEnv})
	if err != nil {
		return nil, problemsf("%s", indentErrors(err))
	}
	lib, err := factors.Builtin(cfg.Factors.GWP)
	if err == nil {
		lib, err = lib.WithCustom(cfg.CustomFactors())
	}
	if err != nil {
		return nil, problemsf("%s: factors: %v", configName(cfg), err)
	}
	return &session{cfg: cfg, lib: lib}, nil
}

func configName(cfg *config.Config) string {
	if cfg.Path == "" {
		return "built-in demo config"
	}
	return cfg.Path
}

// indentErrors puts each joined error on its own line.
func indentErrors(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "\n  ")
}

// result is an inventory computed from the inputs.
type result struct {
	*session
	input     *emissions.Input
	inventory *emissions.Inventory
	years     []emissions.YearTotals
	year      int // reporting year
	// trajectory is the projection toward the target year (SPEC §5).
	trajectory *emissions.Trajectory
	// paths are the intensity targets' paths (SPEC §9).
	paths []emissions.IntensityPath
	// uncertainty and changes are the analyses of SPEC §9 (analysis.go).
	uncertainty *emissions.Uncertainty
	changes     []emissions.Change
	// restatement is each year's total as reported and restated, with --restate.
	restatement []emissions.Restatement
	// claims and reductions: the neutrality claim and where reductions come from (claim.go).
	claims     *emissions.ClaimCheck
	reductions []emissions.Reduction
	// energy holds the E1-5, BEGES and refrigerant tables (regulatory.go), computed once.
	energy *reports.EnergyTables
}

// computeOptions say what a command needs kept beyond the grouped inventory.
type computeOptions struct {
	// rowLines keeps the lines of every row (in a temporary file the process removes when it
	// ends).
	rowLines bool
	// allProblems keeps every problem, not the first MaxPerCause of each cause (annotate).
	allProblems bool
	// restate computes with the latest version of each factor vintage and keeps the totals as
	// reported next to the restated ones (SPEC §9).
	restate bool
	// listConfig lists a trajectory or claim the data cannot support among the problems and
	// goes on without it, instead of stopping (validate: the workbooks' problems come first).
	listConfig bool
}

// compute reads every input and computes the inventory. Input problems are in the result, not
// in the error: the error is only for what stops the run before any row is read.
//
// With opts.restate the result is the restated inventory, with each year's total as reported
// in restatement. The inputs are read a second time only when some factor vintage has several
// dataset versions (custom factors with `published`): otherwise the two are the same.
func compute(g *globalFlags, env Env, opts computeOptions) (*result, error) {
	s, err := loadSession(g, env)
	if err != nil {
		return nil, err
	}
	res, err := s.compute(g, env, opts, s.lib)
	if err != nil || !opts.restate {
		return res, err
	}
	restated := res
	if s.lib.HasVersions() {
		if restated, err = s.compute(g, env, opts, s.lib.Restated()); err != nil {
			res.inventory.Close()
			return nil, err
		}
		res.inventory.Close()
	}
	restated.restatement = emissions.Restate(res.years, restated.years, s.cfg.Trajectory.Scope2Method)
	return restated, nil
}

// compute computes the inventory of the inputs with the factors of lib.
func (s *session) compute(g *globalFlags, env Env, opts computeOptions, lib *factors.Library) (*result, error) {
	calc, err := emissions.NewCalculator(emissions.Options{Library: lib, ResidualMix: s.cfg.ResidualMix(), FreshnessYears: s.cfg.FreshnessYears, RowLines: opts.rowLines,
		Organisation: s.cfg.OrganisationModel()})
	if err != nil {
		return nil, err
	}
	in := s.read(g, env, calc, opts.allProblems)
	if in == nil {
		calc.Close()
		return nil, problemsf("%s: no inputs: list workbooks under `inputs` or pass --input", configName(s.cfg))
	}
	inv, err := calc.Finish(in)
	if err != nil {
		in.Problems.Fatalf("file", "", "", "", "%v", err)
	}
	res := &result{session: s, input: in, inventory: inv,
		years: emissions.Aggregate(inv.Lines, s.cfg.Trajectory.Scope2Method)}
	res.year = s.cfg.ReportingYear
	if res.year == 0 && len(res.years) > 0 {
		res.year = res.years[len(res.years)-1].Year
	}
	// configFails stops on a configuration the data cannot support, or lists it (listConfig).
	configFails := func(err error) bool {
		if opts.listConfig {
			in.Problems.Fatalf("config", configName(s.cfg), "", "", "%v%s", err, s.demoHint(g))
			return false
		}
		inv.Close()
		return true
	}
	if len(inv.Lines) > 0 {
		if res.trajectory, err = emissions.Project(s.cfg.Plan(), inv.Lines, lib, &in.Problems); err != nil {
			res.trajectory = nil
			if configFails(err) {
				return nil, problemsf("%s: %v%s", configName(s.cfg), err, s.demoHint(g))
			}
		}
	}
	res.paths = res.intensityPaths()
	res.analyse()
	if err := res.checkClaim(); err != nil && configFails(err) {
		return nil, problemsf("%s: %v%s", configName(s.cfg), err, s.demoHint(g))
	}
	res.energyTables()
	return res, nil
}

// demoHint says what to do when the built-in demo config, made for the demo's data, meets the
// user's own --input files: the first thing a new user tries (`footprint template`, then
// `footprint validate --input FILE`) with no config.yaml yet.
func (s *session) demoHint(g *globalFlags) string {
	if s.cfg.Path != "" || len(g.inputs) == 0 {
		return ""
	}
	return "\n  No ./config.yaml was found, so the built-in demo config (the demo site's trajectory and targets) applies to your --input files: write a config.yaml for your site (`trajectory` may be left out), or name one with --config."
}

// read reads every input workbook, computing its rows with calc; nil when there are none. A file that cannot be opened is
// a problem of the input, like one that cannot be read.
func (s *session) read(g *globalFlags, env Env, calc *emissions.Calculator, allProblems bool) *emissions.Input {
	paths, open := s.inputs(g)
	if len(paths) == 0 {
		return nil
	}
	in := &emissions.Input{Calc: calc}
	in.Problems.Unbounded = allProblems
	opts := emissions.LoadOptions{Aliases: s.cfg.Aliases(), DefaultSite: s.cfg.Site}
	if g.progress && env.Terminal != nil && env.Terminal() {
		opts.Progress = &barProgress{w: env.Stderr}
	}
	for _, p := range paths {
		r, err := open(p)
		if err != nil {
			in.Problems.Fatalf("file", p, "", "", "cannot open: %v", err)
			continue
		}
		in.ReadWorkbook(p, r, opts)
		r.Close()
	}
	return in
}

// inputs returns the workbook paths and how to open them: files named by --input, else the
// config's inputs (relative to its folder), read from the binary for the built-in demo.
func (s *session) inputs(g *globalFlags) ([]string, func(string) (io.ReadCloser, error)) {
	openFile := func(p string) (io.ReadCloser, error) {
		f, err := os.Open(p)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return f, err
	}
	if len(g.inputs) > 0 {
		return g.inputs, openFile
	}
	if s.cfg.Path == "" {
		return s.cfg.Inputs, func(p string) (io.ReadCloser, error) { return fp.Builtin.Open(p) }
	}
	return s.cfg.InputPaths(), openFile
}

// failure returns the error that ends a run after its output: fatal input problems always,
// rejected rows only with --strict.
func (r *result) failure(strict bool) error {
	ps := &r.input.Problems
	switch {
	case ps.Fatal() > 0:
		return problemsf("%d input problem(s) stop the run; see the list above", ps.Fatal())
	case strict && r.inventory.Rows.Rejected > 0:
		return problemsf("--strict: %d row(s) rejected", r.inventory.Rows.Rejected)
	}
	return nil
}
