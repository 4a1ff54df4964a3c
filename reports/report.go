package reports

import (
	"maps"
	"slices"
	"strings"

	"github.com/footprint/footprint/lang"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/claim"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/pipeline"
)

// Report is what every output shows of a run, gathered once from the pipeline's Result: the
// inventory of every year, the trajectory, every line with its provenance, the factors and
// sources behind them, the problems found, the analyses, the claim and the disclosures. It
// holds results only; each renderer formats it, and shows what it needs of it.
type Report struct {
	// Notices are what every output says first, before any figure (Notices).
	Notices []Notice
	// Lang is the language every renderer writes in (config language, --lang).
	Lang          lang.Lang
	Site          string // the config's site name, for titles
	ReportingYear int
	GWP           string
	Scope2Method  string // market (default) or location: which Scope 2 the trajectory and breakdowns follow
	Years         []emissions.YearTotals
	// Trajectory is nil when none is computed (no lines, or none configured): the outputs
	// then show the actuals and say so.
	Trajectory *plan.Trajectory
	// Targets are the plan's targets, in the order of TrajectoryYear.Targets (for their names).
	Targets []plan.Target
	// Events are the structural changes of the base-year policy (closures, acquisitions…).
	Events []plan.StructuralEvent
	// PoleActivities break the reporting year down by pole and activity (see PoleActivities);
	// without them the report's treemap shows poles only.
	PoleActivities []PoleActivity
	// Lines are every computed line, in order. The export reads them twice: once to check and
	// tally them (the Factors sheet, warnings), once to write the Lines sheets.
	Lines   emissions.LineSource
	Library *factors.Library // the library the lines were computed with, custom factors included
	Rows    emissions.Rows
	// Problems are the problems listed (up to emissions.MaxPerCause per cause, then a line
	// that counts the rest); Errors and Warnings count them all, listed or not.
	Problems         []emissions.Problem
	Errors, Warnings int
	// Sources are the factors and other sources the inventory's lines used.
	Sources []FactorSource
	// Analysis holds avoided emissions and intensities, shown apart from the inventory.
	Analysis Analysis
	// Uncertainty and Changes are the analyses of docs/methodology.md#analyses-beside-the-inventory;
	// nil leaves their sections and sheets out.
	Uncertainty *analysis.Uncertainty
	Changes     []plan.Change
	// Claim is the neutrality claim; an empty Claim leaves it out.
	Claim Claim
	// Regulatory holds the organisation, entities and E1-6 figures beyond the totals; nil
	// leaves those figures "not reported" and the organisation's section and sheet out.
	Regulatory *Regulatory
	// EnergyTables holds ESRS E1-5, BEGES and the refrigerant registers: each table is shown
	// when it has figures.
	EnergyTables EnergyTables
}

// Method is the Scope 2 method the trajectory and the breakdowns follow: location, else
// market.
func (r Report) Method() string {
	if r.Scope2Method == emissions.MethodLocation {
		return emissions.MethodLocation
	}
	return emissions.MethodMarket
}

// New gathers what the outputs show of a run. Every renderer takes the Report it returns:
// built once, it is the one place where a figure of the Result reaches the outputs.
func New(r *pipeline.Result) Report {
	ps := &r.Input.Problems
	return Report{
		Notices: Notices(r), Lang: r.Config.Lang(),
		Site: siteName(r), ReportingYear: r.Year, GWP: r.Config.Factors.GWP, Scope2Method: r.Scope2Method(),
		Years: r.Years, Trajectory: r.Trajectory, Targets: r.Config.Plan().Targets,
		Events:         r.Config.Plan().BasePolicy.Events,
		PoleActivities: PoleActivities(r.Inventory.Lines, r.Year, r.Scope2Method()),
		Lines:          r.Inventory.AllLines(), Library: r.Library,
		Rows: r.Inventory.Rows, Problems: ps.List(), Errors: ps.Errors(), Warnings: ps.Warnings(),
		Sources:      FactorSources(r.Inventory.Lines, r.Library),
		Analysis:     analysisOf(r),
		Uncertainty:  r.Uncertainty,
		Changes:      r.Changes,
		Claim:        claimOf(r),
		Regulatory:   regulatoryOf(r),
		EnergyTables: energyTablesOf(r),
	}
}

func analysisOf(r *pipeline.Result) Analysis {
	return Analysis{Avoided: r.Avoided, Denominators: r.Config.Denominators(), Intensities: r.Intensities,
		IntensityPaths: r.IntensityPaths, Restatement: r.Restatement}
}

func claimOf(r *pipeline.Result) Claim {
	p := r.Config.Plan()
	return Claim{Check: r.Claims, Reductions: r.Reductions, Credits: p.Credits, Removals: p.Removals}
}

// regulatoryOf gathers what ESRS E1-6 needs beyond the totals: the entities' shares, the
// flagged figures, the Scope 3 coverage, the net revenue and the targets' long-term
// milestones.
func regulatoryOf(r *pipeline.Result) *Regulatory {
	cfg := r.Config
	reg := &Regulatory{Organisation: cfg.OrganisationModel(), Milestones: cfg.Milestones(),
		Entities: r.Entities, Figures: r.ESRSFigures,
		ETSFlagged: len(cfg.ESRS.ETS.Sites)+len(cfg.ESRS.ETS.Activities) > 0, CloudFlagged: len(cfg.ESRS.CloudActivities) > 0}
	reg.Scope3Included, reg.Scope3Excluded = cfg.Scope3Reasons()
	reg.NetRevenue, reg.RevenueBasis = cfg.NetRevenueDenominator()
	return reg
}

func energyTablesOf(r *pipeline.Result) EnergyTables {
	return EnergyTables{Energy: r.Energy, Beges: r.Beges, Refrigerants: r.Input.Refrigerants, Outside: r.Inventory.Outside}
}

// Claim gathers what the neutrality claim adds to the outputs.
type Claim struct {
	Check      *claim.ClaimCheck
	Reductions []plan.Reduction
	Credits    []plan.Credit
	Removals   []plan.Removal
}

// siteName is the name the outputs' titles give the inventory: the configured site, or, under
// the built-in defaults (no config file), the sites the rows name, so that a user's own
// workbook is never titled "site".
func siteName(r *pipeline.Result) string {
	cfg, l := r.Config, r.Config.Lang()
	if cfg.Path != "" || cfg.Demo {
		return cfg.Site
	}
	seen := map[string]bool{}
	for _, y := range r.Years {
		for s := range y.BySite {
			seen[s] = true
		}
	}
	names := slices.Sorted(maps.Keys(seen))
	switch {
	case len(names) == 0:
		return cfg.Site
	case len(names) == 1:
		return names[0]
	case len(names) <= 3:
		return l.T("%s and %s", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
	}
	return l.T("%s sites", l.Int(len(names)))
}
