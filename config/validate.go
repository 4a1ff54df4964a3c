package config

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/footprint/footprint/lang"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook"
)

// validate checks what decoding cannot: values in range, known names, custom factors whole.
// data is the file, to say on which line a key is. The messages are in the configured
// language (English when the language is itself the mistake).
func (c *Config) validate(name string, data []byte) []error {
	var errs []error
	l := c.Lang()
	bad := func(key, format string, args ...any) {
		errs = append(errs, errors.New(l.T("%s: %s: %s", name, key, tr(l, format, args...))))
	}
	c.validateBounds(data, l, bad)
	if y := c.ReportingYear; y != 0 && (y < emissions.MinYear || y > emissions.MaxYear) {
		bad("reporting_year", lang.Key("%d is outside %d–%d (0 means the latest year with data)"), y, emissions.MinYear, emissions.MaxYear)
	}
	if _, err := lang.Parse(c.Language); err != nil {
		bad("language", "%v", err)
	}
	if g := strings.ToUpper(c.Factors.GWP); g != "AR5" && g != "AR6" {
		bad("factors.gwp", lang.Key("%q: want AR5 or AR6"), c.Factors.GWP)
	}
	if m := c.Trajectory.Scope2Method; m != emissions.MethodLocation && m != emissions.MethodMarket {
		bad("trajectory.scope2_method", lang.Key("%q: want location or market"), m)
	}
	c.validateTrajectory(bad)
	c.validateIntensity(bad)
	c.validateUncertainty(bad)
	c.validateOrganisation(bad)
	c.validateCountry(bad)
	c.validateESRS(bad)
	c.validateMilestones(bad)
	c.validateEnergy(bad)
	if strings.TrimSpace(c.Output.Dir) == "" {
		bad("output.dir", lang.Key("is empty: give the folder report writes into (default out)"))
	}
	known := map[string]bool{}
	for _, col := range canonicalColumns() {
		known[strings.ToLower(string(col))] = true
	}
	for i, a := range c.Columns {
		if !known[strings.ToLower(a.Column)] {
			bad(fmt.Sprintf("columns[%d].column", i), lang.Key("%q is not a canonical column (Year, Site, Pole, Activity, Quantity, Unit, Scope, Category, Method, Comment, Quality, Entity, DataType, Instrument, Factor, Equipment, Gas, Charge, Recharged, Recovered, Status)"), a.Column)
		}
	}
	for i, rm := range c.Scope2.ResidualMix {
		key := fmt.Sprintf("scope2.residual_mix[%d]", i)
		switch {
		case rm.Year < emissions.MinYear || rm.Year > emissions.MaxYear:
			bad(key+".year", lang.Key("%d is outside %d–%d"), rm.Year, emissions.MinYear, emissions.MaxYear)
		case rm.Value == nil:
			bad(key+".value", lang.Key("missing: give the residual mix in kgCO2e/kWh"))
		case *rm.Value < 0 || math.IsNaN(*rm.Value) || math.IsInf(*rm.Value, 0):
			bad(key+".value", lang.Key("%v: want kgCO2e/kWh ≥ 0"), *rm.Value)
		case strings.TrimSpace(rm.Source) == "":
			bad(key+".source", lang.Key("missing: say where the residual mix comes from (e.g. AIB European Residual Mix 2024)"))
		case rm.Carrier != "" && !factors.IsPurchasedCarrier(rm.Carrier):
			bad(key+".carrier", lang.Key("%q: want electricity (the default), heat, steam or cooling"), rm.Carrier)
		}
	}
	c.validateResidualMixRepeats(bad)
	checkFactorEntries(c.Factors.Custom, func(i int, key string) string {
		at := fmt.Sprintf("factors.custom[%d]", i)
		if key != "" {
			at += "." + key
		}
		return at
	}, l, bad)
	return errs
}

// Factor turns a custom entry into a library factor, checked.
func (cf CustomFactor) Factor() (factors.Factor, error) { return cf.factor(lang.English) }

// factor is Factor with its errors in l.
func (cf CustomFactor) factor(l lang.Lang) (factors.Factor, error) {
	if strings.TrimSpace(cf.ID) == "" {
		return factors.Factor{}, errors.New(l.T("id is missing: give the id that rows name in their Activity column"))
	}
	if cf.Value == nil {
		return factors.Factor{}, errors.New(tr(l, lang.Key("factor %q: value is missing (kgCO2e per unit)"), cf.ID))
	}
	kind := factors.Kind(cf.Kind)
	if kind == "" {
		kind = factors.KindEmission
	}
	name := cf.Name
	if name == "" {
		name = cf.ID
	}
	gwp, err := customGWP(cf, l)
	if err != nil {
		return factors.Factor{}, fmt.Errorf("%s%w", tr(l, lang.Key("factor %q: gwp "), cf.ID), err)
	}
	upGWP := strings.ToUpper(strings.TrimSpace(cf.UpstreamGWP))
	if upGWP != "" && !factors.ValidGWPBasis(upGWP) {
		return factors.Factor{}, errors.New(tr(l, lang.Key("factor %q: upstream_gwp %q: want AR4, AR5 or AR6, or leave it out when the upstream rests on gwp's set"), cf.ID, cf.UpstreamGWP))
	}
	f := factors.Factor{
		ID: cf.ID, Name: name, GWP: gwp, Value: *cf.Value, Unit: cf.Unit, Scope: cf.Scope, Category: cf.Category,
		Upstream: cf.Upstream, Kind: kind, BiogenicCO2: cf.BiogenicCO2, UncertaintyPct: cf.UncertaintyPct,
		Year: cf.Year, PCSPerPCI: cf.PCSPerPCI, Region: cf.Region, Carrier: cf.Carrier,
		EnergyMWh: cf.EnergyMWh, EnergyClass: cf.EnergyClass, BegesPoste: cf.BegesPoste,
		Source: cf.Source, Dataset: "config factors.custom", SourceID: cf.ID,
		Version: strings.TrimSpace(cf.Version), Published: cf.Published, DataYear: cf.DataYear,
		License: cf.License, NameFR: cf.NameFR, Tags: cf.Tags, UpstreamGWP: upGWP, SpendBased: cf.SpendBased, Primary: cf.Primary,
	}
	if cf.SourceRow != "" {
		f.SourceID = cf.SourceRow
	}
	if d := strings.TrimSpace(cf.Dataset); d != "" {
		f.Dataset = d
	}
	if g := cf.Gases; g != nil {
		f.Gases = &factors.Gases{CO2: g.CO2, CH4: g.CH4, CH4Fossil: g.CH4Fossil, CH4Biogenic: g.CH4Biogenic, N2O: g.N2O,
			HFC: g.HFC, PFC: g.PFC, SF6: g.SF6, NF3: g.NF3, Other: g.Other}
	}
	// Lines carry the source, not the version: name it there so two versions stay apart.
	if f.Version != "" && !strings.Contains(f.Source, f.Version) {
		f.Source += " (version " + f.Version + ")"
	}
	if cf.Published != 0 && (cf.Published < emissions.MinYear || cf.Published > emissions.MaxYear) {
		return factors.Factor{}, errors.New(tr(l, lang.Key("factor %q: published %d is outside %d–%d"), cf.ID, cf.Published, emissions.MinYear, emissions.MaxYear))
	}
	if strings.TrimSpace(f.Source) == "" {
		return factors.Factor{}, errors.New(tr(l, lang.Key("factor %q: source is missing; every factor says where its value comes from"), cf.ID))
	}
	if err := f.Validate(); err != nil {
		return factors.Factor{}, err
	}
	f.Carrier = f.EnergyCarrier() // a Scope 2 factor per kWh states electricity, as it is used
	return f, nil
}

// checkFactorEntries checks factor entries, of factors.custom or of a factor file, whole: each
// one a usable factor, its GWP basis, its energy fields, and one spelling per id. key(i, k)
// names key k of entry i in messages (k "" names the entry).
func checkFactorEntries(cfs []CustomFactor, key func(i int, k string) string, l lang.Lang, bad func(key, format string, args ...any)) {
	type entry struct {
		id string
		at int
	}
	seen := map[string]entry{}
	for i, cf := range cfs {
		if cf.BegesPoste != "" && !factors.IsBegesPoste(cf.BegesPoste) {
			bad(key(i, "beges_poste"), lang.Key("%q is not one of the 22 BEGES v5 postes (1.1 … 6.1)"), cf.BegesPoste)
		}
		switch cf.EnergyClass {
		case "", factors.EnergyCoal, factors.EnergyOil, factors.EnergyGas, factors.EnergyFossil, factors.EnergyNuclear,
			factors.EnergyRenewable, factors.EnergySelfRenew, factors.EnergyElectric, factors.EnergyHeat:
		default:
			bad(key(i, "energy_class"), lang.Key("%q: want coal, oil, gas, fossil, nuclear, renewable, self-renewable, electricity or heat"), cf.EnergyClass)
		}
		if (cf.EnergyMWh > 0) != (cf.EnergyClass != "") || cf.EnergyMWh < 0 {
			bad(key(i, "energy_mwh"), lang.Key("give energy_mwh (MWh on net calorific value per unit, > 0) and energy_class together"))
		}
		if _, err := customGWP(cf, l); err != nil {
			bad(key(i, "gwp"), "%v", err)
			continue
		}
		f, err := cf.factor(l)
		if err != nil {
			bad(key(i, ""), "%v", err)
			continue
		}
		k := factors.Key(f.ID)
		if prev, ok := seen[k]; ok && prev.id != f.ID {
			bad(key(i, "id"), lang.Key("%s; ids are matched ignoring case and accent encoding: keep one spelling (the other is %s)"), factors.SameKey(prev.id, f.ID), key(prev.at, ""))
			continue
		}
		seen[k] = entry{f.ID, i}
	}
}

// customGWP is the entry's GWP basis, in capitals; "" when not given. Its error is in l.
func customGWP(cf CustomFactor, l lang.Lang) (string, error) {
	g := strings.ToUpper(strings.TrimSpace(cf.GWP))
	if g != "" && !factors.ValidGWPBasis(g) {
		return "", errors.New(tr(l, lang.Key("%q (factor %q): want AR4, AR5 or AR6, or leave it out when the source states no GWP set"), cf.GWP, cf.ID))
	}
	return g, nil
}

// CustomFactors returns the custom factors, checked by Load.
func (c *Config) CustomFactors() []factors.Factor {
	out := make([]factors.Factor, 0, len(c.Factors.Custom))
	for _, cf := range c.Factors.Custom {
		if f, err := cf.Factor(); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// Aliases returns the column aliases in the form the loader takes.
func (c *Config) Aliases() workbook.Aliases {
	out := workbook.Aliases{}
	for _, a := range c.Columns {
		for _, col := range canonicalColumns() {
			if strings.EqualFold(a.Column, string(col)) {
				out[col] = append(out[col], a.Aliases...)
			}
		}
	}
	return out
}

// ResidualMix returns the residual mix entries in the form the calculation takes.
func (c *Config) ResidualMix() []emissions.ResidualMix {
	out := make([]emissions.ResidualMix, 0, len(c.Scope2.ResidualMix))
	for _, rm := range c.Scope2.ResidualMix {
		carrier := rm.Carrier
		if carrier == "" {
			carrier = factors.CarrierElectricity
		}
		out = append(out, emissions.ResidualMix{Year: rm.Year, Site: rm.Site, Carrier: carrier, Value: *rm.Value, Source: rm.Source})
	}
	return out
}

// canonicalColumns are the columns aliases may name: activity, instrument and refrigerant sheets'.
func canonicalColumns() []workbook.Column {
	return append(append([]workbook.Column{}, workbook.ActivityColumns...), workbook.ColInstrument, workbook.ColFactor,
		workbook.ColEquipment, workbook.ColGas, workbook.ColCharge, workbook.ColRecharged, workbook.ColRecovered, workbook.ColStatus)
}

// validateResidualMixRepeats refuses two residual-mix entries for one year, site and carrier:
// which one applies would be a guess.
func (c *Config) validateResidualMixRepeats(bad func(key, format string, args ...any)) {
	type at struct {
		year          int
		site, carrier string
	}
	seen := map[at]int{}
	for i, rm := range c.Scope2.ResidualMix {
		carrier := rm.Carrier
		if carrier == "" {
			carrier = factors.CarrierElectricity
		}
		k := at{rm.Year, strings.ToLower(strings.TrimSpace(rm.Site)), carrier}
		if j, ok := seen[k]; ok {
			bad(fmt.Sprintf("scope2.residual_mix[%d]", i), lang.Key("a second entry for %d, site %q and carrier %s (the first is scope2.residual_mix[%d]): keep one"), rm.Year, rm.Site, carrier, j)
			continue
		}
		seen[k] = i
	}
}
