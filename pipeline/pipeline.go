// Package pipeline is footprint's one computation, shared by every command, renderer and test:
// configuration and factor library, workbooks, inventory, trajectory, analyses, claim and
// disclosures, in that order. Run returns a Result that every renderer takes as it is.
//
// It owns the order of the steps, the reading of several workbooks at once, the second read
// for a restatement and the failure policy (which problems stop a run). It formats nothing and writes no output.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	fp "github.com/footprint/footprint"
	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook"
)

// Options say what to compute and what to keep beyond the grouped inventory.
type Options struct {
	// ConfigPath is the configuration file; empty: ./config.yaml, else a built-in one: the
	// built-in defaults when the run names its own inputs (Inputs, Own), else the demo.
	ConfigPath string
	// Inputs replace the config's inputs when set.
	Inputs []string
	// Own says the run makes the user's own files (template): without a config file it takes
	// the built-in defaults, as a run with Inputs does, not the demo's settings.
	Own bool
	// Year is the reporting year; 0: the config's, else the latest year with data.
	Year int
	// Lang overrides the config's language when set (--lang): en or fr.
	Lang string
	// LookupEnv reads FOOTPRINT_* overrides; nil reads none.
	LookupEnv func(string) (string, bool)
	// Progress, if set, hears how far the reading of large workbooks is.
	Progress emissions.Progress
	// Edit, if set, changes the loaded configuration before anything is computed (tests).
	Edit func(*config.Config)

	// RowLines keeps the lines of every row (in a temporary file removed by Result.Close).
	RowLines bool
	// KeepRejected keeps every rejected row's messages, beyond emissions.MaxPerCause, in a
	// temporary file (emissions.Problems.KeepRejected) removed by Result.Close.
	KeepRejected bool
	// Restate computes with the latest version of each factor vintage and keeps each year's
	// total as reported beside the restated one.
	Restate bool
	// ListConfig lists a trajectory or claim the data cannot support among the problems and
	// goes on without it, instead of stopping (validate: the workbooks' problems come first).
	ListConfig bool
	// Now is the clock: the calendar year of the run, after which a reporting year is in the
	// future (tests set it); nil is time.Now.
	Now func() time.Time
	// Workers is how many input workbooks are read at once: 0 as many as GOMAXPROCS (at
	// most maxWorkers), 1 one after the other. The result is the same either way.
	Workers int
	// openFile, if set, opens the input files instead of os.Open (tests: to make the reads
	// end in another order).
	openFile opener
}

// Session is a configuration loaded with its factor library.
type Session struct {
	Config  *config.Config
	Library *factors.Library
	opts    Options
}

// Load reads the configuration and builds its factor library.
func Load(opts Options) (*Session, error) {
	builtin, err := fs.ReadFile(fp.Builtin, "config.yaml")
	if err != nil {
		return nil, fmt.Errorf("built-in config: %w", err)
	}
	overrides := map[string]any{}
	if opts.Year != 0 {
		overrides["reporting_year"] = opts.Year
	}
	if opts.Lang != "" {
		overrides["language"] = opts.Lang
	}
	lookup := opts.LookupEnv
	if lookup == nil {
		lookup = func(string) (string, bool) { return "", false }
	}
	cfg, err := config.Load(config.Options{Path: opts.ConfigPath, Builtin: builtin, OwnInputs: opts.Own || len(opts.Inputs) > 0,
		Overrides: overrides, Env: lookup})
	if err != nil {
		return nil, errors.New(indentErrors(err))
	}
	if opts.Edit != nil {
		opts.Edit(cfg)
	}
	// Files add vintages and versions; a custom entry then replaces its id's vintages, the
	// files' ones too.
	lib, err := factors.Builtin(cfg.Factors.GWP)
	if err == nil {
		lib, err = lib.WithFiles(cfg.FileFactors())
	}
	if err == nil {
		lib, err = lib.WithCustom(cfg.CustomFactors())
	}
	if err != nil {
		return nil, errors.New(cfg.Lang().T("%s: factors: %v", ConfigName(cfg), err))
	}
	s := &Session{Config: cfg, Library: lib, opts: opts}
	if err := s.sameInputs(); err != nil {
		return nil, err
	}
	return s, nil
}

// ConfigName is how messages name the configuration.
func ConfigName(cfg *config.Config) string { return cfg.Name() }

// indentErrors puts each joined error on its own line.
func indentErrors(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "\n  ")
}

// Run reads every input and computes the inventory and everything computed from it. Input
// problems are in the result, not in the error: the error is only for what stops the run
// before any row is read, or a configuration the data cannot support.
//
// With opts.Restate the result is the restated inventory, with each year's total as reported
// in Restatement. The inputs are read a second time only when some factor vintage has several
// dataset versions (custom factors with `published`): otherwise the two are the same.
func Run(opts Options) (*Result, error) {
	s, err := Load(opts)
	if err != nil {
		return nil, err
	}
	return s.Run()
}

// Run is Run with the session's configuration, for a command that needs the configuration
// before anything is computed (report: to lock its output folder).
func (s *Session) Run() (*Result, error) {
	opts := s.opts
	res, err := s.compute(s.Library)
	if err != nil || !opts.Restate {
		return res, err
	}
	restated := res
	if s.Library.HasVersions() {
		if restated, err = s.compute(s.Library.Restated()); err != nil {
			res.Close()
			return nil, err
		}
		res.Close()
	}
	restated.Restatement = plan.Restate(res.Years, restated.Years, s.Config.Trajectory.Scope2Method)
	return restated, nil
}

// compute computes the inventory of the inputs with the factors of lib.
func (s *Session) compute(lib *factors.Library) (*Result, error) {
	cfg, opts := s.Config, s.opts
	calc, err := emissions.NewCalculator(emissions.Options{Library: lib, ResidualMix: cfg.ResidualMix(), FreshnessYears: cfg.FreshnessYears, Lang: cfg.Lang(),
		RowLines: opts.RowLines, Organisation: cfg.OrganisationModel()})
	if err != nil {
		return nil, err
	}
	in := s.Read(calc)
	if in == nil {
		calc.Close()
		return nil, errors.New(cfg.Lang().T("%s: no inputs: list workbooks under `inputs` or pass --input", ConfigName(cfg)))
	}
	inv, err := calc.Finish(in)
	if err != nil {
		in.Problems.Fatalf("file", "", "", "", "%v", err)
	}
	res := &Result{Session: s, Input: in, Inventory: inv}
	// The Monte Carlo, the longest step after reading, only reads the lines: it runs on
	// another core while the totals, the trajectory and the changes are computed.
	uncertainty := res.startUncertainty(lib)
	res.Years = emissions.Aggregate(inv.Lines, cfg.Trajectory.Scope2Method)
	res.Year = cfg.ReportingYear
	res.ThisYear = time.Now().Year()
	if opts.Now != nil {
		res.ThisYear = opts.Now().Year()
	}
	if res.Year == 0 && len(res.Years) > 0 {
		res.Year = res.Years[len(res.Years)-1].Year
	}
	// unsupported stops on a configuration the data cannot support, or lists it (ListConfig).
	unsupported := func(err error) error {
		if opts.ListConfig {
			in.Problems.Fatalf("config", ConfigName(cfg), "", "", "%v%s", err, s.demoHint())
			return nil
		}
		inv.Close()
		return errors.New(cfg.Lang().T("%s: %s", ConfigName(cfg), err.Error()) + s.demoHint())
	}
	if len(inv.Lines) > 0 {
		if res.Trajectory, err = plan.Project(cfg.Plan(), inv.Lines, lib, &in.Problems); err != nil {
			res.Trajectory = nil
			if err := unsupported(err); err != nil {
				return nil, err
			}
		}
	}
	res.IntensityPaths = res.intensityPaths()
	res.analyse(uncertainty)
	if err := res.checkClaim(lib); err != nil {
		if err := unsupported(err); err != nil {
			return nil, err
		}
	}
	res.disclose(lib)
	return res, nil
}

// demoHint says what to do when the demo's config, made for the demo's data, meets the
// user's own --input files: a copy of the demo's config.yaml kept as a starting point.
func (s *Session) demoHint() string {
	if !s.Config.Demo || len(s.opts.Inputs) == 0 {
		return ""
	}
	return "\n  " + s.Config.Lang().T("%s is the demo's configuration (`demo: true`), made for the demo workbook, and its trajectory and targets apply to your --input files: run `footprint init` for a config.yaml of your own, or name one with --config.", ConfigName(s.Config))
}

// Read reads every input workbook, computing its rows with sink (nil keeps the activities in
// the input instead); nil when there are no inputs. A file that cannot be opened is a problem
// of the input, like one that cannot be read. With several workbooks and cores, and a sink
// that is a Calculator or nil, the workbooks are read at once (read.go), to the same result.
func (s *Session) Read(sink emissions.Sink) *emissions.Input {
	paths, open := s.inputs()
	if len(paths) == 0 {
		return nil
	}
	in := &emissions.Input{Sink: sink}
	in.Problems.KeepRejected = s.opts.KeepRejected
	lopts := workbook.Options{Aliases: s.Config.Aliases(), DefaultSite: s.Config.Site, Lang: s.Config.Lang(), Progress: s.opts.Progress}
	calc, branches := sink.(*emissions.Calculator)
	if workers := s.workers(len(paths)); workers > 1 && (branches || sink == nil) {
		readAtOnce(in, calc, paths, open, lopts, workers)
		return in
	}
	for _, p := range paths {
		readWorkbook(in, p, open, lopts)
	}
	return in
}

// readWorkbook reads the workbook at path p into in.
func readWorkbook(in *emissions.Input, p string, open opener, lopts workbook.Options) {
	r, err := open(p)
	if err != nil {
		in.Problems.Fatalf("file", p, "", "", "%s", lopts.Lang.T("cannot open: %v", err))
		return
	}
	workbook.Read(in, p, r, lopts)
	r.Close()
}

// opener opens an input workbook.
type opener func(string) (io.ReadCloser, error)

// inputs returns the workbook paths and how to open them: the Inputs option, else the
// config's inputs (relative to its folder), read from the binary for the built-in demo.
func (s *Session) inputs() ([]string, opener) {
	openFile := func(p string) (io.ReadCloser, error) {
		f, err := os.Open(p)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err
		}
		return f, err
	}
	if s.opts.openFile != nil {
		openFile = s.opts.openFile
	}
	if len(s.opts.Inputs) > 0 {
		return s.opts.Inputs, openFile
	}
	if s.Config.Path == "" && s.Config.Demo {
		return s.Config.Inputs, func(p string) (io.ReadCloser, error) { return fp.Builtin.Open(p) }
	}
	return s.Config.InputPaths(), openFile
}
