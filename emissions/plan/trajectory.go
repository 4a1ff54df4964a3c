package plan

import "github.com/footprint/footprint/lang"

// Pathway is how a target's path runs from the base year to the target year.
type Pathway string

const (
	PathwayLinear Pathway = "linear"   // ReductionPct reached at the target year, straight line
	PathwaySBTi15 Pathway = "sbti-1.5" // 4.2 % of base-year emissions a year, linear, not compound
	PathwaySBTiWB Pathway = "sbti-wb2" // 2.5 % of base-year emissions a year
)

// Target is a reduction target over a set of scopes.
type Target struct {
	Name         string
	Scopes       []int
	Pathway      Pathway
	ReductionPct float64 // used by linear
	// StartYear is when a new target's period starts (0: not given), for the base-year age
	// check of ESRS E1 AR 25.
	StartYear int
}

// Lever is a planned reduction: ReductionPct of the emissions of the activities its globs
// match, ramping linearly from StartYear to full effect in FullYear.
type Lever struct {
	Name           string
	Activities     []string // globs over activity ids (path.Match syntax, case-insensitive)
	ReductionPct   float64
	StartYear      int
	FullYear       int
	CostEURPerTCO2 *float64 // optional, for the abatement cost curve
	Adds           []Addition
}

// Addition is what a lever's substitution consumes instead: PerUnitRemoved Unit of Activity
// for each unit (in its factor's unit) of the activity removed.
type Addition struct {
	Activity       string
	PerUnitRemoved float64
	Unit           string
}

// Plan is the trajectory configuration (docs/methodology.md#the-trajectory-toward-2030).
type Plan struct {
	BaseYear       int // 0: the first year with data
	TargetYear     int // 0: 2030
	Scope2Method   string
	Targets        []Target
	Levers         []Lever
	GrowthPct      float64 // business-as-usual change of activity per year after the last actual
	NeutralityYear int     // 0: the target year
	Credits        []Credit
	// Removals are the organisation's own removals, apart from credits (credits.go).
	Removals []Removal
	// BasePolicy says how structural changes restate the base year (basepolicy.go).
	BasePolicy BasePolicy
	// Claim is the boundary of the neutrality claim (claim.go).
	Claim ClaimBoundary
	// Lang is the language of the errors that stop the projection (English when zero).
	Lang lang.Lang
}

// TrajectoryYear is one year of the trajectory, in tCO2e over the trajectory's boundary. A nil
// figure is one the year does not have (no data, no target).
type TrajectoryYear struct {
	Year    int
	Actual  *float64
	Target  *float64   // sum of the targets
	Targets []*float64 // each target's path, in Plan.Targets order
	BAU     *float64
	Plan    *float64
	Credits float64
	Net     *float64
	Gap     *float64 // plan − target
	// ActualByScope splits Actual by scope (index 1–3; Scope 2 by the plan's method).
	ActualByScope [4]float64
	// ActualReported is Actual before any base-year recalculation (equal to Actual when
	// nothing is restated); nil where the year has no data.
	ActualReported *float64
	// TargetWithoutDiscontinued is the target path computed from a base year without the
	// activities an organic closure, divestment or outsourcing ended: what the target would
	// be if the drop were not counted as progress. Nil when no such event is organic.
	TargetWithoutDiscontinued *float64
}

// LeverResult is what a lever abates each year of the projection (net of what its additions
// emit), tCO2e.
type LeverResult struct {
	Lever     Lever
	Abatement map[int]float64
	Matched   []string // activity ids the lever's globs matched
}

// Trajectory is the projection from the base year to the target year.
type Trajectory struct {
	BaseYear, TargetYear, NeutralityYear int
	LastActualYear                       int
	Scope2Method                         string
	Boundary                             []int // scopes covered: the union of the targets' scopes
	Years                                []TrajectoryYear
	Levers                               []LeverResult
	// CreditsNeeded is the net emissions left in the neutrality year after the plan and the
	// credits already in the ledger: what more credits would have to cover (0 when none).
	CreditsNeeded float64
	// Base is the base year as reported and as recalculated for structural changes.
	Base BaseRecalculation
}
