package reports

import (
	"github.com/footprint/footprint/pipeline"
)

// NewReport gathers what the HTML report shows of a run.
func NewReport(r *pipeline.Result) Report {
	return Report{
		Site: r.Config.Site, ReportingYear: r.Year, GWP: r.Config.Factors.GWP, Scope2Method: r.Scope2Method(),
		Years: r.Years, Trajectory: r.Trajectory, Targets: r.Config.Plan().Targets,
		PoleActivities: PoleActivities(r.Inventory.Lines, r.Year, r.Scope2Method()),
		Rows:           r.Inventory.Rows, Errors: r.Input.Problems.Errors(), Warnings: r.Input.Problems.Warnings(),
		Problems:     r.Input.Problems.List(),
		Sources:      FactorSources(r.Inventory.Lines, r.Library),
		Analysis:     analysisOf(r),
		Uncertainty:  r.Uncertainty,
		Changes:      r.Changes,
		Claim:        claimOf(r),
		Regulatory:   regulatoryOf(r),
		EnergyTables: energyTablesOf(r),
	}
}

// NewExport gathers what the annual Excel export shows of a run.
func NewExport(r *pipeline.Result) Export {
	return Export{
		Site: r.Config.Site, ReportingYear: r.Year, GWP: r.Config.Factors.GWP, Scope2Method: r.Scope2Method(),
		Years: r.Years, Trajectory: r.Trajectory, Targets: r.Config.Plan().Targets,
		Lines: r.Inventory.RowLines(), Library: r.Library, Rows: r.Inventory.Rows, Problems: r.Input.Problems.List(), Analysis: analysisOf(r),
		Errors: r.Input.Problems.Errors(), Warnings: r.Input.Problems.Warnings(),
		Uncertainty: r.Uncertainty, Changes: r.Changes,
		Claim:        claimOf(r),
		Regulatory:   regulatoryOf(r),
		EnergyTables: energyTablesOf(r),
	}
}

// NewDocument gathers the JSON document of `calc --json` of a run.
func NewDocument(r *pipeline.Result) CalcDocument {
	doc := NewCalcDocument(r.Config.Factors.GWP, r.Year, r.Scope2Method(), r.Years, r.Trajectory, r.Inventory.Rows, r.Input.Problems.List())
	doc.AddAnalysis(analysisOf(r))
	doc.SetAnalysis(r.Uncertainty, r.Changes)
	doc.SetClaims(r.Trajectory, claimOf(r))
	doc.AddRegulatory(regulatoryOf(r), r.Years)
	doc.AddEnergyTables(energyTablesOf(r))
	return doc
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
