package emissions

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

// Credit is a carbon credit or removal in the neutrality ledger: never netted into the
// inventory, never counted toward a target.
type Credit struct {
	Year  int
	TCO2e float64
	Kind  string // reduction | removal
	Name  string
}

// Plan is the trajectory configuration (SPEC §5).
type Plan struct {
	BaseYear       int // 0: the first year with data
	TargetYear     int // 0: 2030
	Scope2Method   string
	Targets        []Target
	Levers         []Lever
	GrowthPct      float64 // business-as-usual change of activity per year after the last actual
	NeutralityYear int     // 0: the target year
	Credits        []Credit
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
}
