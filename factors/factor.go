// Package factors owns the emission-factor library: the factors themselves, their vintages,
// the units they apply to and how quantities convert between units, the GWP sets, and the
// library data embedded in the binary (generated from ../shared/factor-sources by ./gen).
//
// It does no workbook reading and no formatting: emissions asks it for the factor that applies
// to an activity id in a given year, and for the quantity converted to that factor's unit.
package factors

import (
	"fmt"
	"math"
	"strings"
)

// Kind tells whether a factor measures emissions or emissions avoided (reported apart).
type Kind string

const (
	KindEmission Kind = "emission"
	KindAvoided  Kind = "avoided"
)

// Gases is a factor's split by gas, each in kgCO2e per unit on the factor's GWP basis. The
// fluorinated families (HFC, PFC, SF6, NF3) and Other (gases outside the Kyoto basket, such as
// HFOs and HCFCs) are set for the GWP factors of those gases: the French BEGES reports each
// apart.
//
// CH4 is all the methane; CH4Fossil and CH4Biogenic are the parts of it whose origin the source
// states (ADEME's CH4f and CH4b). What is left, CH4 − CH4Fossil − CH4Biogenic, is methane of
// unstated origin (DESNZ, EPA), recomputed as fossil (OnGWP).
type Gases struct {
	CO2         float64 `json:"co2"`
	CH4         float64 `json:"ch4"`
	CH4Fossil   float64 `json:"ch4_fossil,omitempty"`
	CH4Biogenic float64 `json:"ch4_biogenic,omitempty"`
	N2O         float64 `json:"n2o"`
	HFC         float64 `json:"hfc,omitempty"`
	PFC         float64 `json:"pfc,omitempty"`
	SF6         float64 `json:"sf6,omitempty"`
	NF3         float64 `json:"nf3,omitempty"`
	Other       float64 `json:"other,omitempty"`
}

// Energy carriers: what a factor's unit of energy is. Contractual instruments and residual mixes
// apply to the consumption of their carrier.
const (
	CarrierElectricity = "electricity"
	CarrierHeat        = "heat"
	CarrierSteam       = "steam"
	CarrierCooling     = "cooling"
	CarrierFuel        = "fuel"
)

// Carriers are the energy carriers a factor may state, in the order messages list them.
var Carriers = []string{CarrierElectricity, CarrierHeat, CarrierSteam, CarrierCooling, CarrierFuel}

// IsPurchasedCarrier tells the carriers of purchased energy, those contractual instruments and
// residual mixes apply to: electricity, heat, steam and cooling (not fuel, which is burnt on
// site).
func IsPurchasedCarrier(c string) bool {
	return c == CarrierElectricity || c == CarrierHeat || c == CarrierSteam || c == CarrierCooling
}

// EnergyCarrier is the carrier of the energy a factor measures: the one it states, else
// electricity for a Scope 2 emission factor per unit of energy (a supplier's grid factor given
// in config names no carrier), else "". It never reads the factor's id.
func (f Factor) EnergyCarrier() string {
	if f.Carrier != "" || f.Kind == KindAvoided || f.Scope != 2 {
		return f.Carrier
	}
	if u, err := ParseUnit(f.Unit); err == nil && u.Dim == Energy {
		return CarrierElectricity
	}
	return ""
}

// Energy classes of ESRS E1-5 (§37–38, AR 32–34). A fuel's class says which row its energy
// goes to; purchased electricity and heat are split by the configured supply mix.
const (
	EnergyCoal      = "coal"           // coal and coal products
	EnergyOil       = "oil"            // crude oil and petroleum products (diesel, petrol, LPG, heating oil)
	EnergyGas       = "gas"            // natural gas
	EnergyFossil    = "fossil"         // other fossil sources (non-renewable waste, …)
	EnergyNuclear   = "nuclear"        // nuclear fuel consumed directly
	EnergyRenewable = "renewable"      // renewable fuels, including biomass and biogas
	EnergySelfRenew = "self-renewable" // self-generated non-fuel renewable energy (own PV, wind)
	EnergyElectric  = "electricity"    // purchased or acquired electricity: split by energy.electricity_mix
	EnergyHeat      = "heat"           // purchased heat, steam or cooling: split by energy.heat_mix
)

// Factor is one vintage of an emission factor: the kgCO2e emitted per unit of an activity.
//
// Value is the part that belongs to the factor's own scope (for a fuel, its combustion; for
// grid electricity, generation at the plant). Upstream is the part that goes to Scope 3
// category 3 (extraction, refining, transport of fuels; grid upstream and T&D losses): it is
// set only for fuels and energy that the organisation itself consumes.
type Factor struct {
	ID   string `json:"id"`
	Name string `json:"name"` // in English
	// NameFR is the factor's French name: ADEME's own for ADEME elements, written from the
	// row's meaning for the other datasets. Tags are more words a search finds it by (ADEME's
	// tags and English label, "domicile-travail" on commuting modes, …).
	NameFR   string   `json:"name_fr,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Value    float64  `json:"value"`    // kgCO2e per Unit, scope part
	Unit     string   `json:"unit"`     // activity unit the value is per, e.g. "kWh PCS", "L", "t", "t.km"
	Scope    int      `json:"scope"`    // 1, 2 or 3
	Category int      `json:"category"` // Scope 3 category 1–15; 0 for Scopes 1 and 2
	Upstream float64  `json:"upstream"` // kgCO2e per Unit to Scope 3 category 3
	// LifecycleInScope2 marks a grid factor whose Value is a lifecycle intensity that could not
	// be split (no published generation mix): Scope 2 holds the upstream part too, and every
	// run that uses it says so.
	LifecycleInScope2 bool `json:"lifecycle_in_scope2,omitempty"`
	Kind              Kind `json:"kind"`
	// SpendBased marks a factor per unit of money (a spend-based ratio, kgCO2e per EUR or k€):
	// rows computed with it are never primary data, whatever their DataType says.
	SpendBased bool `json:"spend_based,omitempty"`
	// Primary marks a supplier-specific factor (a supplier's product footprint): rows computed
	// with it are primary data, whatever their DataType says.
	Primary bool   `json:"primary,omitempty"`
	Gases   *Gases `json:"gases,omitempty"`
	// BiogenicCO2 is kg of biogenic CO2 per unit, reported apart and never in a scope.
	BiogenicCO2 float64 `json:"biogenic_co2,omitempty"`
	// UncertaintyPct is the half-width of the 95 % interval as published (ADEME); nil when the
	// source publishes none.
	UncertaintyPct *float64 `json:"uncertainty_pct"`
	// Year is the first activity year this vintage applies to; 0 for a factor published as a
	// single current value (it applies to every year). DataYear is the year the data is for, as
	// its source states it (the year a DESNZ set is published for, the year an ADEME element
	// names, an Ember row's year); 0 when unknown.
	Year     int `json:"year"`
	DataYear int `json:"data_year"`
	// GWP names the GWP set the value rests on (AR4, AR5, AR6); "" when its source states none.
	// A factor with a split by gas is recomputed on the configured set (OnGWP); UpstreamGWP is
	// then the basis its upstream part keeps, when that differs (an upstream is published
	// without a split). PerGWPSet marks a factor that exists once per set (a gas's GWP, a
	// refrigerant blend): the library keeps the configured set's entry.
	GWP         string `json:"gwp"`
	UpstreamGWP string `json:"upstream_gwp,omitempty"`
	PerGWPSet   bool   `json:"per_gwp_set,omitempty"`
	// Carrier is the energy a Scope 2 or fuel factor measures (one of the Carrier* constants);
	// "" for a factor that is not energy. Instruments and residual mixes apply by carrier
	// (EnergyCarrier), never by the text of the id.
	Carrier string `json:"carrier,omitempty"`
	// PCSPerPCI is the ratio gross/net calorific value (kWh PCS per kWh PCI) for a fuel whose
	// unit names a basis; 0 when the library gives none (a basis mismatch is then rejected).
	PCSPerPCI float64 `json:"pcs_per_pci,omitempty"`
	Region    string  `json:"region"`
	Boundary  string  `json:"boundary,omitempty"`
	// Source is a human citation: dataset, version, row id. Dataset, Version and SourceID are
	// the same split into fields for tables and filters.
	Source   string `json:"source"`
	Dataset  string `json:"dataset"`
	Version  string `json:"version"`
	SourceID string `json:"source_id"`
	// Published is the year this dataset version was published, when known (0: unknown).
	// Several versions of one vintage (one id, one Year) are told apart by it: a year's
	// inventory as reported used the versions published by the end of the following year;
	// restated, the latest.
	Published int `json:"published,omitempty"`
	// File is the factor file (config factors.files) the factor was read from; "" for a
	// built-in or custom factor.
	File    string `json:"file,omitempty"`
	License string `json:"license"`
	// Derivation says how the value was taken from the source (e.g. "poste Combustion of
	// element 37133", "sum of postes Amont and Transport et distribution").
	Derivation string `json:"derivation,omitempty"`
	Notes      string `json:"notes,omitempty"`

	// EnergyMWh is the final energy per Unit in MWh on net calorific value (PCI), for ESRS
	// E1-5; 0 for a factor that is not energy consumed. EnergyClass is one of the Energy*
	// constants when EnergyMWh is set.
	EnergyMWh   float64 `json:"energy_mwh,omitempty"`
	EnergyClass string  `json:"energy_class,omitempty"`
	// BegesPoste is the poste of the French BEGES v5 method (1.1 … 6.1) the factor's own part
	// goes to; its upstream part goes to 4.1 (v5: energy not counted in categories 1 and 2).
	BegesPoste string `json:"beges_poste,omitempty"`
	// OutsideScopes marks a gas outside the Kyoto basket (an HCFC such as R-22): its emissions
	// are reported apart with a note, never in a scope or a total.
	OutsideScopes bool `json:"outside_scopes,omitempty"`
}

// Validate checks what a factor must hold to be used: it names a unit, a scope from 1 to 3,
// a Scope 3 category from 1 to 15 exactly when the scope is 3, and no negative part. An
// avoided factor is outside the inventory: it takes no scope, no category and no carrier. A
// carrier of purchased energy (electricity, heat, steam, cooling) belongs to a Scope 2 factor
// per unit of energy, as instruments and residual mixes are counted in kWh.
func (f Factor) Validate() error {
	switch {
	case strings.TrimSpace(f.ID) == "":
		return fmt.Errorf("factor has no id")
	case f.Kind == KindAvoided && (f.Scope != 0 || f.Category != 0):
		return fmt.Errorf("factor %q: an avoided factor is reported apart, outside the scopes: it takes no scope or category (scope %d, category %d); remove them", f.ID, f.Scope, f.Category)
	case f.Kind == KindAvoided && f.Carrier != "":
		return fmt.Errorf("factor %q: an avoided factor is reported apart, outside the scopes: it takes no carrier (%q); remove it", f.ID, f.Carrier)
	case f.Kind != KindAvoided && (f.Scope < 1 || f.Scope > 3):
		return fmt.Errorf("factor %q: scope %d, want 1, 2 or 3", f.ID, f.Scope)
	case f.Scope == 3 && (f.Category < 1 || f.Category > 15):
		return fmt.Errorf("factor %q: Scope 3 needs a category from 1 to 15, got %d", f.ID, f.Category)
	case f.Scope != 3 && f.Category != 0:
		return fmt.Errorf("factor %q: a category belongs to Scope 3 only (scope %d, category %d)", f.ID, f.Scope, f.Category)
	case math.IsNaN(f.Value) || math.IsInf(f.Value, 0) || math.IsNaN(f.Upstream) || math.IsInf(f.Upstream, 0):
		return fmt.Errorf("factor %q: value is not a finite number", f.ID)
	case f.Value < 0 || f.Upstream < 0:
		return fmt.Errorf("factor %q: negative value %v (upstream %v); avoided emissions use kind \"avoided\", never a negative factor", f.ID, f.Value, f.Upstream)
	case f.Kind != KindEmission && f.Kind != KindAvoided:
		return fmt.Errorf("factor %q: kind %q, want %q or %q", f.ID, f.Kind, KindEmission, KindAvoided)
	}
	u, err := ParseUnit(f.Unit)
	if err != nil {
		return fmt.Errorf("factor %q: %w", f.ID, err)
	}
	if u.IsEmissions() {
		return fmt.Errorf("factor %q: unit %q is an emission unit, not an activity unit", f.ID, f.Unit)
	}
	return f.validateCarrier(u)
}

// validateCarrier checks a stated carrier: one of Carriers, and for purchased energy a Scope 2
// factor per unit of energy.
func (f Factor) validateCarrier(u Unit) error {
	switch {
	case f.Carrier == "" || f.Carrier == CarrierFuel:
		return nil
	case !IsPurchasedCarrier(f.Carrier):
		return fmt.Errorf("factor %q: carrier %q, want one of %s", f.ID, f.Carrier, strings.Join(Carriers, ", "))
	case f.Scope != 2:
		return fmt.Errorf("factor %q: carrier %s is purchased energy, which is Scope 2 (scope %d); a fuel burnt on site has carrier fuel", f.ID, f.Carrier, f.Scope)
	case u.Dim != Energy:
		return fmt.Errorf("factor %q: carrier %s needs a unit of energy (kWh, MWh, …), not %q: instruments and residual mixes are counted in kWh", f.ID, f.Carrier, f.Unit)
	}
	return nil
}
