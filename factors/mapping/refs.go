package mapping

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// Unit-conversion constants (definitions, not data).
const (
	kgPerLb     = 0.45359237
	kWhPerMMBtu = 1055.056 / 3.6 // 1 mmBtu = 1.055056 GJ, as in factors/units.go
	kgPerTonne  = 1000.0         // metric ton → kg
	gPerKg      = 1000.0
	kWhPerMWh   = 1000.0
)

// Tolerances: ADEME publishes 3 significant digits, so postes add up to the element total only
// within rounding; a wider gap means a poste was missed.
const (
	posteTolerance = 0.02
	blendTolerance = 0.005
)

// The published files the library is drawn from, under the sources folder.
const (
	ademeFile     = "ademe-base-carbone-v23.6/base_carbone_v23.6_valid_subset.csv"
	ademeXLSXFile = "ademe-base-carbone-v23.6/Base_Carbone_V23.6-v2.xlsx"
	desnzFile     = "desnz-ghg-conversion-factors-2025/ghg-conversion-factors-2025-flat-file_factors-by-category.csv"
	epaFile       = "epa-ghg-emission-factors-hub-2025/ghg-emission-factors-hub-2025.xlsx"
	emberFile     = "grid-intensity/ember-average-intensities.json"
	gwpFile       = "ipcc-gwp/globalwarmingpotentials.csv"
	gwpSupplFile  = "ipcc-gwp/metrics_supplement_cleaned.csv"
)

// Per-dataset citation fields.
const (
	ademeDataset, ademeLicense         = "ADEME Base Carbone", "Licence Ouverte / Etalab 2.0"
	desnzDataset, desnzLicense         = "UK DESNZ GHG Conversion Factors", "OGL v3.0"
	epaDataset, epaVersion, epaLicense = "US EPA GHG Emission Factors Hub", "2025", "US public domain"
	emberDataset, emberVersion         = "Ember Yearly Electricity Data", "co2.js b459b5e (2025-08-03)"
	emberLicense                       = "CC BY 4.0 per Climatiq's note on Ember's 2025 release; co2.js's README says CC BY-SA 4.0 (unverified)"
	ar6Dataset, ar5Dataset             = "IPCC AR6 WG1 Table 7.SM.7", "IPCC AR5 WG1 Table 8.A.1"
	gwpLicense, gwpSupplLicense        = "CC0 1.0", "MIT"
)

// The releases the built-in library is drawn from, as its factors state them. A DESNZ set's
// release is read from the SOURCE.md of its folder (loadDESNZSet).
var ademeBuiltIn = Release{Version: "V23.6"}

// Release names the release of a dataset that factors are built from: Version is what each
// factor states as its version ("V23.6" for ADEME Base Carbone, "2025 v1" for a DESNZ set) and
// Published the year the release was published (0 when unknown).
type Release struct {
	Version   string
	Published int
}

// sources are the loaded datasets.
type sources struct {
	ademe    *datasets.ADEME
	ademeRel Release
	desnz    *desnzSet
	// desnzPast are the past DESNZ sets, oldest first, read through the current one.
	desnzPast []*desnzSet
	epa       *datasets.EPA
	ember     *datasets.Ember
	owid      *datasets.OWID
	tech      map[string]datasets.TechIntensity // per-technology direct and lifecycle g/kWh
	gwp       *datasets.GWPTable
}

// ref says where an entry's numbers come from. resolve fills the Factor's numbers, year,
// region and citation; the entry adds what the product says about it (id, name, scope …).
type ref interface {
	resolve(s *sources, e entry) (factors.Factor, error)
}

// fmtNum writes a source number for derivations, as short as it was published.
func fmtNum(v float64) string { return strconv.FormatFloat(roundSig(v), 'g', -1, 64) }

// numRef is one published number used to check or derive another.
type numRef interface {
	read(s *sources) (v float64, cite string, err error)
}

// adNum is an ADEME element total.
type adNum struct{ el string }

func (r adNum) read(s *sources) (float64, string, error) {
	el, err := s.ademe.Element(r.el)
	if err != nil {
		return 0, "", err
	}
	v, err := s.ademe.Num(el.ADEMELine, "Total poste non décomposé", el.Total)
	cite := fmt.Sprintf("ADEME %s (%s", r.el, el.Name())
	if el.Unit != "" {
		cite += ", " + el.Unit
	}
	return v, cite + ")", err
}

// dzNum is a DESNZ row value.
type dzNum struct{ id string }

func (r dzNum) read(s *sources) (float64, string, error) {
	v, row, err := s.desnz.Num(r.id)
	return v, fmt.Sprintf("DESNZ %s (%s)", s.desnz.cite(row), row.Label()), err
}

// epaNum is an EPA cell, its row pinned by its label in column C.
type epaNum struct {
	row        int
	label, col string
}

func (r epaNum) read(s *sources) (float64, string, error) {
	v, err := s.epa.Labelled(r.row, "C", r.label, r.col)
	return v, fmt.Sprintf("EPA Hub cell %s%d (%s)", r.col, r.row, r.label), err
}

// ratio is pcs_per_pci: the factor per kWh PCI divided by the factor per kWh PCS of one fuel
// (= kWh PCS per kWh PCI).
type ratio struct{ pci, pcs numRef }

func (r ratio) value(s *sources) (float64, string, error) {
	pci, pciCite, err := r.pci.read(s)
	if err != nil {
		return 0, "", err
	}
	pcs, pcsCite, err := r.pcs.read(s)
	if err != nil {
		return 0, "", err
	}
	if !strings.Contains(pciCite, "PCI") && !strings.Contains(pciCite, "Net CV") ||
		!strings.Contains(pcsCite, "PCS") && !strings.Contains(pcsCite, "Gross CV") {
		return 0, "", fmt.Errorf("pcs_per_pci: %s must be per net and %s per gross calorific value", pciCite, pcsCite)
	}
	v := pci / pcs
	return v, fmt.Sprintf("pcs_per_pci = %s / %s = %s / %s", pciCite, pcsCite, fmtNum(pci), fmtNum(pcs)), nil
}
