package reports

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
)

// EnergyTables holds the figures of the French and European regulatory tables (docs/regulatory.md#regulatory-tables): the
// ESRS E1-5 energy table, the BEGES v5 postes, and the refrigerant mass balances with the
// leaks of gases outside the Kyoto basket. Empty, the export and the report leave their
// sheets and tables out.
type EnergyTables struct {
	Energy       []emissions.EnergyYear
	Beges        []disclose.BegesYear
	Refrigerants []emissions.RefrigerantRow
	// Outside are the lines of gases outside the Kyoto basket, reported apart.
	Outside []emissions.Line
}

// EnergyOf returns the E1-5 table of a year, or nil.
func (r EnergyTables) EnergyOf(year int) *emissions.EnergyYear {
	for i := range r.Energy {
		if r.Energy[i].Year == year {
			return &r.Energy[i]
		}
	}
	return nil
}

// BegesOf returns the BEGES of a year, or nil.
func (r EnergyTables) BegesOf(year int) *disclose.BegesYear {
	for i := range r.Beges {
		if r.Beges[i].Year == year {
			return &r.Beges[i]
		}
	}
	return nil
}

// e15Row is one row of the E1-5 table: its label as ESRS E1 AR 34 words it, its reference,
// and how to read it from a year's table; share rows hold a % (written as a fraction).
type e15Row struct {
	label, ref string
	get        func(e *emissions.EnergyYear) any
	share      bool
	total      bool
}

func mwh(v float64) any { return v }

// e15Rows are the rows of the E1-5 table (Commission Delegated Regulation (EU) 2023/2772, ESRS
// E1 §37–38 and the table of AR 34), then energy intensity per net revenue (§40–43, AR 38).
var e15Rows = []e15Row{
	{label: "(1) Fuel consumption from coal and coal products (MWh)", ref: "E1 §38 (a), AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.CoalMWh) }},
	{label: "(2) Fuel consumption from crude oil and petroleum products (MWh)", ref: "E1 §38 (b), AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.OilMWh) }},
	{label: "(3) Fuel consumption from natural gas (MWh)", ref: "E1 §38 (c), AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.GasMWh) }},
	{label: "(4) Fuel consumption from other fossil sources (MWh)", ref: "E1 §38 (d), AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.OtherFossilMWh) }},
	{label: "(5) Consumption of purchased or acquired electricity, heat, steam, and cooling from fossil sources (MWh)", ref: "E1 §38 (e), AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedFossilMWh) }},
	{label: "(6) Total fossil energy consumption (MWh) (calculated as the sum of lines 1 to 5)", ref: "E1 §37 (a), AR 34", total: true, get: func(e *emissions.EnergyYear) any { return mwh(e.TotalFossilMWh) }},
	{label: "Share of fossil sources in total energy consumption (%)", ref: "E1 §37 (a), AR 34", share: true, get: func(e *emissions.EnergyYear) any { return e.FossilSharePct / 100 }},
	{label: "(7) Consumption from nuclear sources (MWh)", ref: "E1 §37 (b), AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.NuclearMWh) }},
	{label: "Share of consumption from nuclear sources in total energy consumption (%)", ref: "E1 §37 (b), AR 34", share: true, get: func(e *emissions.EnergyYear) any { return e.NuclearSharePct / 100 }},
	{label: "(8) Fuel consumption for renewable sources, including biomass (also comprising industrial and municipal waste of biologic origin, biogas, renewable hydrogen, etc.) (MWh)", ref: "E1 §37 (c) i, AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.RenewableFuelsMWh) }},
	{label: "(9) Consumption of purchased or acquired electricity, heat, steam, and cooling from renewable sources (MWh)", ref: "E1 §37 (c) ii, AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedRenewableMWh) }},
	{label: "(10) The consumption of self-generated non-fuel renewable energy (MWh)", ref: "E1 §37 (c) iii, AR 34", get: func(e *emissions.EnergyYear) any { return mwh(e.SelfGeneratedMWh) }},
	{label: "(11) Total renewable energy consumption (MWh) (calculated as the sum of lines 8 to 10)", ref: "E1 §37 (c), AR 34", total: true, get: func(e *emissions.EnergyYear) any { return mwh(e.TotalRenewableMWh) }},
	{label: "Share of renewable sources in total energy consumption (%)", ref: "E1 §37 (c), AR 34", share: true, get: func(e *emissions.EnergyYear) any { return e.RenewableSharePct / 100 }},
	{label: "Total energy consumption (MWh) (calculated as the sum of lines 6, 7 and 11)", ref: "E1 §37, AR 34", total: true, get: func(e *emissions.EnergyYear) any { return mwh(e.TotalMWh) }},
	{label: "Total energy consumption from activities in high climate impact sectors (MWh)", ref: "E1 §40–41", get: func(e *emissions.EnergyYear) any { return mwh(e.HighImpactMWh) }},
	{label: "Net revenue from activities in high climate impact sectors (EUR)", ref: "E1 §41, §43", get: func(e *emissions.EnergyYear) any { return optional(e.RevenueEUR) }},
	{label: "Energy intensity from activities in high climate impact sectors (total energy consumption per net revenue from activities in high climate impact sectors) (MWh per million EUR)", ref: "E1 §40–41, AR 36", get: func(e *emissions.EnergyYear) any { return optional(e.IntensityMWhPerMEUR) }},
	{label: "of which purchased electricity (MWh)", ref: "detail of lines 5, 7 and 9", get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedElectricityMWh) }},
	{label: "of which purchased heat, steam and cooling (MWh)", ref: "detail of lines 5, 7 and 9", get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedHeatMWh) }},
	{label: "Purchased electricity covered by renewable contractual instruments (MWh)", ref: "E1 AR 32 (origin defined by contract)", get: func(e *emissions.EnergyYear) any { return mwh(e.RenewableByInstrumentsMWh) }},
}

// energySheets are the sheets of EnergyTables that have figures, in workbook order (after
// ESRS E1-6).
func (x *exporter) energySheets() []string {
	var out []string
	for _, s := range x.energySteps() {
		out = append(out, s.name)
	}
	return out
}

func (x *exporter) energySteps() []exportStep {
	reg := x.e.EnergyTables
	var out []exportStep
	if len(reg.Energy) > 0 {
		out = append(out, exportStep{sheetE15, x.writeE15})
	}
	if len(x.begesYears()) > 0 {
		out = append(out, exportStep{sheetBeges, x.writeBeges}, exportStep{sheetBegesPlan, x.writeBegesPlan})
	}
	if len(reg.Refrigerants) > 0 {
		out = append(out, exportStep{sheetRefrigerants, x.writeRefrigerants})
	}
	return out
}

// energyContents describes the regulatory sheets for the Summary's table of contents.
func (x *exporter) energyContents() [][2]string {
	what := map[string]string{
		sheetE15:          "Energy consumption and mix in MWh in the layout of ESRS E1 AR 34: fossil by source, nuclear, renewable, shares, energy intensity per net revenue",
		sheetBeges:        "French BEGES v5: the 22 postes by category with the gases apart, biogenic CO2 and uncertainty (reporting and base years; Scope 2 location-based)",
		sheetBegesPlan:    "BEGES transition plan: the trajectory's levers with their postes, expected reduction and cost",
		sheetRefrigerants: "Refrigerant registers: leaks by mass balance (recharged − recovered) per equipment, GWP and tCO2e, in Scope 1 or outside the scopes",
	}
	var out [][2]string
	for _, name := range x.energySheets() {
		out = append(out, [2]string{name, what[name]})
	}
	return out
}
