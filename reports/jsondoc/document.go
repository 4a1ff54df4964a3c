package jsondoc

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/reports"
)

// Document is the `calc --json` document (docs/json.md#calc---json, contract).
type Document struct {
	// Notices are what the figures' first screen says before them: the demo, no target, what
	// they leave out (docs/json.md#notices); an empty list when there is nothing to say.
	Notices       []reports.Notice `json:"notices"`
	Unit          string           `json:"unit"`
	GWP           string           `json:"gwp"`
	ReportingYear int              `json:"reporting_year"`
	Scope2Method  string           `json:"scope2_method"`
	Years         []Year           `json:"years"`
	Trajectory    []TrajectoryYear `json:"trajectory"`
	// IntensityTargets are the targets on intensities (docs/json.md), set by addAnalysis.
	IntensityTargets []IntensityTarget `json:"intensity_targets"`
	Changes          []Change          `json:"changes"` // docs/json.md, filled by setAnalysis
	// BaseYear, ClaimBoundary and Ledger are the neutrality claim's (claim.go).
	BaseYear      *BaseYear      `json:"base_year,omitempty"`
	ClaimBoundary *ClaimBoundary `json:"claim_boundary,omitempty"`
	Ledger        *Ledger        `json:"ledger,omitempty"`
	// Organisation is config's organisation, null without one (addRegulatory).
	Organisation *Organisation `json:"organisation"`
	// Restated is each year's total as reported and restated, with --restate only (docs/json.md).
	Restated []Restated          `json:"restated,omitempty"`
	Rows     emissions.Rows      `json:"rows"`
	Problems []emissions.Problem `json:"problems"`
}

// Restated is one entry of `restated`: the year's total (the Scope 2 method of
// scope2_method) as reported, restated with the latest version of each of its own factor
// vintages, and restated − as reported.
type Restated struct {
	Year       int     `json:"year"`
	AsReported float64 `json:"as_reported"`
	Restated   float64 `json:"restated"`
	Difference float64 `json:"difference"`
}

// Year is one entry of `years`.
type Year struct {
	Year             int                `json:"year"`
	Scope1           float64            `json:"scope1"`
	Scope2Location   float64            `json:"scope2_location"`
	Scope2Market     float64            `json:"scope2_market"`
	Scope3           float64            `json:"scope3"`
	Scope3Categories map[string]float64 `json:"scope3_categories"`
	TotalLocation    float64            `json:"total_location"`
	TotalMarket      float64            `json:"total_market"`
	BiogenicCO2      float64            `json:"biogenic_co2"`
	Avoided          float64            `json:"avoided"`
	// AvoidedByActivity and Intensity are set by addAnalysis (docs/json.md).
	AvoidedByActivity map[string]float64 `json:"avoided_by_activity"`
	Intensity         map[string]float64 `json:"intensity"`
	ByPole            map[string]float64 `json:"by_pole"`
	BySite            map[string]float64 `json:"by_site"`
	ByActivity        map[string]float64 `json:"by_activity"`
	// ByGWP is the total by the GWP basis of the factors behind it ("unspecified" for none).
	ByGWP map[string]float64 `json:"by_gwp"`
	// ByEntity, Entities and ESRS are set by addRegulatory (docs/json.md#yearsenergy, esrs.go).
	ByEntity map[string]float64 `json:"by_entity"`
	Entities []Entity           `json:"entities"`
	ESRS     *ESRSYear          `json:"esrs_e1_6,omitempty"`
	// Uncertainty and UncertaintyDetail are filled by setAnalysis (docs/json.md).
	Uncertainty       *analysis.Interval `json:"uncertainty,omitempty"`
	UncertaintyDetail *UncertaintyDetail `json:"uncertainty_detail,omitempty"`
	// Energy, Beges and OutsideScopes are set by addRegulatory (docs/json.md#yearsenergy, regulatory.go).
	Energy        *emissions.EnergyYear `json:"energy,omitempty"`
	Beges         *Beges                `json:"beges,omitempty"`
	OutsideScopes *float64              `json:"outside_scopes,omitempty"`
}

// TrajectoryYear is one entry of `trajectory`; null fields are years without that figure.
type TrajectoryYear struct {
	Year    int      `json:"year"`
	Actual  *float64 `json:"actual"`
	Target  *float64 `json:"target"`
	BAU     *float64 `json:"bau"`
	Plan    *float64 `json:"plan"`
	Credits float64  `json:"credits"`
	Net     *float64 `json:"net"`
	Gap     *float64 `json:"gap"`
	// ActualReported, Reduction and Claim are set by setClaims (claim.go).
	ActualReported *float64   `json:"actual_reported,omitempty"`
	Reduction      *Reduction `json:"reduction,omitempty"`
	Claim          *Claim     `json:"claim,omitempty"`
}

// New assembles the document of a report.
func New(r reports.Report) Document {
	doc := newDocument(r.GWP, r.ReportingYear, r.Scope2Method, r.Years, r.Trajectory, r.Rows, r.Problems)
	doc.addAnalysis(r.Analysis)
	doc.setAnalysis(r.Uncertainty, r.Changes)
	doc.setClaims(r.Trajectory, r.Claim)
	doc.addRegulatory(r.Regulatory, r.Years)
	doc.addEnergyTables(r.EnergyTables)
	doc.Notices = r.Notices
	if doc.Notices == nil {
		doc.Notices = []reports.Notice{}
	}
	return doc
}

// newDocument assembles the document's totals and trajectory.
func newDocument(gwp string, reportingYear int, method string, years []emissions.YearTotals, traj *plan.Trajectory, rows emissions.Rows, problems []emissions.Problem) Document {
	doc := Document{Unit: "tCO2e", GWP: gwp, ReportingYear: reportingYear, Scope2Method: method,
		Years: make([]Year, 0, len(years)), Trajectory: []TrajectoryYear{}, IntensityTargets: []IntensityTarget{}, Changes: []Change{}, Rows: rows, Problems: problems}
	if doc.Problems == nil {
		doc.Problems = []emissions.Problem{}
	}
	for _, y := range years {
		cats := make(map[string]float64, len(y.Scope3Categories))
		for c, v := range y.Scope3Categories {
			cats[strconv.Itoa(c)] = v
		}
		doc.Years = append(doc.Years, Year{
			Year: y.Year, Scope1: y.Scope1, Scope2Location: y.Scope2Location, Scope2Market: y.Scope2Market,
			Scope3: y.Scope3, Scope3Categories: cats, TotalLocation: y.TotalLocation, TotalMarket: y.TotalMarket,
			BiogenicCO2: y.BiogenicCO2, Avoided: y.Avoided, AvoidedByActivity: map[string]float64{}, Intensity: map[string]float64{}, ByPole: y.ByPole, BySite: y.BySite, ByActivity: y.ByActivity,
			ByGWP:    nonNil(y.ByGWP),
			ByEntity: map[string]float64{}, Entities: []Entity{},
		})
	}
	if traj != nil {
		for _, y := range traj.Years {
			doc.Trajectory = append(doc.Trajectory, TrajectoryYear{Year: y.Year, Actual: y.Actual, Target: y.Target,
				BAU: y.BAU, Plan: y.Plan, Credits: y.Credits, Net: y.Net, Gap: y.Gap})
		}
	}
	return doc
}

// WriteJSON writes the document indented; encoding/json sorts map keys, so the bytes are
// the same on every run.
func (d Document) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

func nonNil(m map[string]float64) map[string]float64 {
	if m == nil {
		return map[string]float64{}
	}
	return m
}
