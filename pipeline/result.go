package pipeline

import (
	"errors"
	"path/filepath"
	"sync"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// Result is everything a run computed: the one value every renderer takes.
type Result struct {
	*Session
	Input     *emissions.Input
	Inventory *emissions.Inventory
	// Years are the totals of every year with data, ascending.
	Years []emissions.YearTotals
	// Year is the reporting year.
	Year int
	// ThisYear is the calendar year of the run (Options.Now).
	ThisYear int
	// Trajectory is the projection toward the target year; nil when there is nothing to
	// project (no lines) or, with ListConfig, when the configuration cannot be applied.
	Trajectory *plan.Trajectory
	// IntensityPaths are the intensity targets' paths.
	IntensityPaths []analysis.IntensityPath
	// Avoided are the avoided emissions per year and activity, apart from the inventory.
	Avoided []analysis.AvoidedActivity
	// Intensities are tCO2e per unit of each denominator: year → denominator name → value.
	Intensities map[int]map[string]float64
	// Uncertainty and Changes say how sure the inventory is and what changed between years.
	Uncertainty *analysis.Uncertainty
	Changes     []plan.Change
	// Restatement is each year's total as reported and restated; nil without Options.Restate.
	Restatement []plan.Restatement
	// Claims and Reductions: the neutrality claim of each trajectory year and where each
	// year's reductions come from.
	Claims     *claim.ClaimCheck
	Reductions []plan.Reduction
	// Energy and Beges are the ESRS E1-5 energy table and the BEGES postes, per year.
	Energy []emissions.EnergyYear
	Beges  []disclose.BegesYear
	// Entities and ESRSFigures are each year's emissions per entity and its E1-6 figures.
	Entities    map[int][]emissions.EntityTotals
	ESRSFigures map[int]*disclose.ESRSYear
}

// Close removes the temporary files of the row lines and of the rejected rows' messages.
func (r *Result) Close() {
	r.Inventory.Close()
	if r.Input != nil {
		r.Input.Problems.Close()
	}
}

// Scope2Method is the Scope 2 figure the trajectory and breakdowns follow.
func (r *Result) Scope2Method() string { return r.Config.Trajectory.Scope2Method }

// BaseYear is the trajectory's base year; without a trajectory, the configured one or else
// the first year with data.
func (r *Result) BaseYear() int {
	switch {
	case r.Trajectory != nil && r.Trajectory.BaseYear != 0:
		return r.Trajectory.BaseYear
	case r.Config.Trajectory.BaseYear != 0:
		return r.Config.Trajectory.BaseYear
	case len(r.Years) > 0:
		return r.Years[0].Year
	}
	return 0
}

// OutputDir is the config's output.dir, relative to the config file like its inputs (to the
// working directory for the built-in demo).
func (s *Session) OutputDir() string {
	d := s.Config.Output.Dir
	if d == "" {
		d = "out"
	}
	if filepath.IsAbs(d) || s.Config.Dir == "" {
		return d
	}
	return filepath.Join(s.Config.Dir, d)
}

// Failure returns the error that ends a run after its output: fatal input problems always,
// rejected rows only with strict.
func (r *Result) Failure(strict bool) error {
	ps := &r.Input.Problems
	switch {
	case ps.Fatal() > 0:
		return errors.New(r.Config.Lang().T("%d input problem(s) stop the run; see the list above", lang.Plain(ps.Fatal())))
	case strict && r.Inventory.Rows.Rejected+r.Input.InstrumentRows.Rejected > 0:
		return errors.New(r.Config.Lang().T("--strict: %d row(s) rejected", lang.Plain(r.Inventory.Rows.Rejected+r.Input.InstrumentRows.Rejected)))
	}
	return nil
}

// intensityPaths computes the intensity targets' paths over the trajectory's years; a target
// whose denominator lacks the base year is a warning in the input's problems.
func (r *Result) intensityPaths() []analysis.IntensityPath {
	ts := r.Config.IntensityTargets()
	if len(ts) == 0 || r.Trajectory == nil {
		return nil
	}
	return analysis.IntensityPaths(ts, r.Config.Denominators(), r.Years, r.Trajectory.Scope2Method,
		r.Trajectory.BaseYear, r.Trajectory.TargetYear, &r.Input.Problems)
}

// analyse computes avoided emissions, intensities, how sure the inventory is and what changed
// between years.
func (r *Result) analyse(uncertainty func() *analysis.Uncertainty) {
	r.Avoided = analysis.AvoidedByActivity(r.Inventory.Lines)
	r.Intensities = analysis.Intensities(r.Years, r.Scope2Method(), r.Config.Denominators())
	if len(r.Inventory.Lines) > 0 {
		r.Changes = plan.Changes(r.Inventory.Lines, r.Scope2Method(), r.Config.Plan().BasePolicy, r.BaseYear(), r.Year)
	}
	r.Uncertainty = uncertainty()
}

// startUncertainty starts the Monte Carlo of the inventory's lines on a goroutine of its own;
// the function it returns waits for it (nil without lines). The lines must not change
// meanwhile.
func (r *Result) startUncertainty(lib *factors.Library) func() *analysis.Uncertainty {
	if len(r.Inventory.Lines) == 0 {
		return func() *analysis.Uncertainty { return nil }
	}
	opts := r.Config.UncertaintyOptions()
	opts.Library = lib
	done := make(chan *analysis.Uncertainty, 1)
	go func() { done <- analysis.ComputeUncertainty(r.Inventory.Lines, opts) }()
	return sync.OnceValue(func() *analysis.Uncertainty { return <-done })
}

// checkClaim checks the neutrality claim of every trajectory year, splits the reductions and
// warns about targets that break the rules they follow.
func (r *Result) checkClaim(lib *factors.Library) error {
	if r.Trajectory == nil {
		return nil
	}
	p := r.Config.Plan()
	base, _ := yearTotals(r.Years, r.Trajectory.BaseYear)
	plan.CheckTargets(p, r.Trajectory, base, &r.Input.Problems)
	r.Reductions = plan.Reductions(r.Inventory.Lines, p.BasePolicy, r.Trajectory)
	opts := r.Config.UncertaintyOptions()
	opts.Library = lib
	var err error
	r.Claims, err = claim.CheckClaims(p, r.Inventory.Lines, r.Trajectory, lib, opts, r.Uncertainty)
	return err
}

func yearTotals(ys []emissions.YearTotals, y int) (emissions.YearTotals, bool) {
	for _, t := range ys {
		if t.Year == y {
			return t, true
		}
	}
	return emissions.YearTotals{Year: y}, false
}

// disclose computes the regulatory tables: ESRS E1-5 energy (warnings about missing supply
// mixes go to the input's problems), the BEGES postes, the entities' shares and the E1-6
// figures.
func (r *Result) disclose(lib *factors.Library) {
	cfg := r.Config
	r.Energy = emissions.Energy(r.Inventory, cfg.EnergyOptions(lib), &r.Input.Problems)
	r.Beges = disclose.Beges(r.Inventory.Lines, r.Inventory.Outside, lib, cfg.UncertaintyDefaultPct)
	r.Entities = emissions.EntityBreakdown(r.Inventory.Lines, cfg.OrganisationModel())
	r.ESRSFigures = disclose.ESRSFigures(r.Inventory.Lines, cfg.ESRSFlags())
}
