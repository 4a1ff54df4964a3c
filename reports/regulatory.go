package reports

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/lang"
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

// E15Row is one row of the E1-5 table: its label as ESRS E1 AR 34 words it (a catalogue key,
// a share's " (%)" apart: T would read it as a verb), its reference,
// and how to read it from a year's table (a number, or nil when not reported); share rows
// hold a % (as a fraction), total rows a sum of the rows above.
type E15Row struct {
	Label, Ref string
	Get        func(e *emissions.EnergyYear) any
	Share      bool
	Total      bool
}

func mwh(v float64) any { return v }

// fraction is a share in % as a fraction, or nil (blank) when the share is unknown.
func fraction(pct *float64) any {
	if pct == nil {
		return nil
	}
	return *pct / 100
}

// orNil is *v, or nil (not reported) when v is nil.
func orNil(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// E15Rows are the rows of the E1-5 table (Commission Delegated Regulation (EU) 2023/2772, ESRS
// E1 §37–38 and the table of AR 34), then energy intensity per net revenue (§40–43, AR 38).
var E15Rows = []E15Row{
	{Label: lang.Key("(1) Fuel consumption from coal and coal products (MWh)"), Ref: "E1 §38 (a), AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.CoalMWh) }},
	{Label: lang.Key("(2) Fuel consumption from crude oil and petroleum products (MWh)"), Ref: "E1 §38 (b), AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.OilMWh) }},
	{Label: lang.Key("(3) Fuel consumption from natural gas (MWh)"), Ref: "E1 §38 (c), AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.GasMWh) }},
	{Label: lang.Key("(4) Fuel consumption from other fossil sources (MWh)"), Ref: "E1 §38 (d), AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.OtherFossilMWh) }},
	{Label: lang.Key("(5) Consumption of purchased or acquired electricity, heat, steam, and cooling from fossil sources (MWh)"), Ref: "E1 §38 (e), AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedFossilMWh) }},
	{Label: lang.Key("(6) Total fossil energy consumption (MWh) (calculated as the sum of lines 1 to 5)"), Ref: "E1 §37 (a), AR 34", Total: true, Get: func(e *emissions.EnergyYear) any { return mwh(e.TotalFossilMWh) }},
	{Label: lang.Key("Share of fossil sources in total energy consumption") + " (%)", Ref: "E1 §37 (a), AR 34", Share: true, Get: func(e *emissions.EnergyYear) any { return fraction(e.FossilSharePct) }},
	{Label: lang.Key("(7) Consumption from nuclear sources (MWh)"), Ref: "E1 §37 (b), AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.NuclearMWh) }},
	{Label: lang.Key("Share of consumption from nuclear sources in total energy consumption") + " (%)", Ref: "E1 §37 (b), AR 34", Share: true, Get: func(e *emissions.EnergyYear) any { return fraction(e.NuclearSharePct) }},
	{Label: lang.Key("(8) Fuel consumption for renewable sources, including biomass (also comprising industrial and municipal waste of biologic origin, biogas, renewable hydrogen, etc.) (MWh)"), Ref: "E1 §37 (c) i, AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.RenewableFuelsMWh) }},
	{Label: lang.Key("(9) Consumption of purchased or acquired electricity, heat, steam, and cooling from renewable sources (MWh)"), Ref: "E1 §37 (c) ii, AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedRenewableMWh) }},
	{Label: lang.Key("(10) The consumption of self-generated non-fuel renewable energy (MWh)"), Ref: "E1 §37 (c) iii, AR 34", Get: func(e *emissions.EnergyYear) any { return mwh(e.SelfGeneratedMWh) }},
	{Label: lang.Key("(11) Total renewable energy consumption (MWh) (calculated as the sum of lines 8 to 10)"), Ref: "E1 §37 (c), AR 34", Total: true, Get: func(e *emissions.EnergyYear) any { return mwh(e.TotalRenewableMWh) }},
	{Label: lang.Key("Share of renewable sources in total energy consumption") + " (%)", Ref: "E1 §37 (c), AR 34", Share: true, Get: func(e *emissions.EnergyYear) any { return fraction(e.RenewableSharePct) }},
	{Label: lang.Key("Purchased electricity of unknown origin (no supply mix, country unknown) (MWh)"), Ref: lang.Key("not split: shares left blank"), Get: func(e *emissions.EnergyYear) any { return mwh(e.UnknownOriginMWh) }},
	{Label: lang.Key("Total energy consumption (MWh) (calculated as the sum of lines 6, 7 and 11)"), Ref: "E1 §37, AR 34", Total: true, Get: func(e *emissions.EnergyYear) any { return mwh(e.TotalMWh) }},
	{Label: lang.Key("Total energy consumption from activities in high climate impact sectors (MWh)"), Ref: "E1 §40–41", Get: func(e *emissions.EnergyYear) any { return mwh(e.HighImpactMWh) }},
	{Label: lang.Key("Net revenue from activities in high climate impact sectors (EUR)"), Ref: "E1 §41, §43", Get: func(e *emissions.EnergyYear) any { return orNil(e.RevenueEUR) }},
	{Label: lang.Key("Energy intensity from activities in high climate impact sectors (total energy consumption per net revenue from activities in high climate impact sectors) (MWh per million EUR)"), Ref: "E1 §40–41, AR 36", Get: func(e *emissions.EnergyYear) any { return orNil(e.IntensityMWhPerMEUR) }},
	{Label: lang.Key("of which purchased electricity (MWh)"), Ref: lang.Key("detail of lines 5, 7 and 9"), Get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedElectricityMWh) }},
	{Label: lang.Key("of which purchased heat, steam and cooling (MWh)"), Ref: lang.Key("detail of lines 5, 7 and 9"), Get: func(e *emissions.EnergyYear) any { return mwh(e.PurchasedHeatMWh) }},
	{Label: lang.Key("Purchased electricity covered by renewable contractual instruments (MWh)"), Ref: lang.Key("E1 AR 32 (origin defined by contract)"), Get: func(e *emissions.EnergyYear) any { return mwh(e.RenewableByInstrumentsMWh) }},
}
