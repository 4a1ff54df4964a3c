package emissions

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// ESRS E1-5, energy consumption and mix (Commission Delegated Regulation (EU) 2023/2772,
// ESRS E1 §35–43 and AR 32–38). Each direct line of a factor with an energy content adds
// its quantity × MWh per unit (net calorific value) to the row of its energy class. Purchased
// electricity and heat are split three ways: the kWh that contractual instruments at
// 0 kgCO2e/kWh cover (renewable guarantees of origin, renewable PPAs) are renewable — AR 32
// counts purchased energy as renewable only when its origin is defined in the contract; the
// rest follows the configured supply mix of its year (energy.electricity_mix,
// energy.heat_mix: fossil, nuclear and renewable %). Grid electricity without a configured mix
// follows the published generation mix of its site's country and year (factors.GridMix; the
// latest published year for later years); when the site's country is unknown its origin is
// left unknown and the year's shares blank, with a warning — never counted as fossil. Heat
// without a mix is counted as fossil, with a warning: a share that cannot be shown is not
// claimed renewable or nuclear.
//
// The market-based lines of Scope 2 repeat the location-based kWh and are not counted again;
// already-computed rows (tCO2e) carry no energy; avoided and outside-scope lines neither.

// Mix is the supply mix of purchased electricity or heat from a year on, for one site or
// (Site "") all sites, in % that add up to 100.
type Mix struct {
	Year                                int
	Site                                string
	FossilPct, NuclearPct, RenewablePct float64
	Source                              string
}

// EnergyOptions configure E1-5.
type EnergyOptions struct {
	Library                 *factors.Library
	ElectricityMix, HeatMix []Mix
	// Revenue is net revenue in EUR per year (config revenue), for energy intensity (§40–43).
	Revenue map[int]float64
	// HighImpact says which activities are in high climate impact sectors (ESRS E1 §40–41:
	// energy intensity counts their energy only); the zero value is every activity.
	HighImpact HighImpact
	// Country is the organisation's (ISO 3166-1 alpha-2) and SiteCountries each listed site's,
	// by lower-case name: they choose the default electricity mix (see siteCountry).
	Country       string
	SiteCountries map[string]string
	// Lang is the language of the warnings (the config's language).
	Lang lang.Lang
}

// HighImpact selects the activities in high climate impact sectors (NACE sections A to H and
// L) by pole and by site: an activity is in when its pole is listed (or no pole is) and its
// site is listed (or no site is). Names compare without case.
type HighImpact struct {
	Poles, Sites []string
}

// All reports whether every activity is selected.
func (h HighImpact) All() bool { return len(h.Poles) == 0 && len(h.Sites) == 0 }

func (h HighImpact) has(site, pole string) bool {
	in := func(names []string, s string) bool {
		return len(names) == 0 || slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, s) })
	}
	return in(h.Poles, pole) && in(h.Sites, site)
}

// String says which activities are selected, in words.
func (h HighImpact) String() string {
	var parts []string
	if len(h.Poles) > 0 {
		parts = append(parts, "poles "+strings.Join(h.Poles, ", "))
	}
	if len(h.Sites) > 0 {
		parts = append(parts, "sites "+strings.Join(h.Sites, ", "))
	}
	if len(parts) == 0 {
		return "every activity"
	}
	return strings.Join(parts, "; ")
}

// EnergyYear is the E1-5 table of one year, in MWh (shares in %).
type EnergyYear struct {
	Year int `json:"year"`
	// Fuel consumption from fossil sources (AR 34 rows 1–4).
	CoalMWh        float64 `json:"coal_mwh"`
	OilMWh         float64 `json:"oil_mwh"`
	GasMWh         float64 `json:"gas_mwh"`
	OtherFossilMWh float64 `json:"other_fossil_mwh"`
	// Purchased or acquired electricity, heat, steam and cooling from fossil sources (row 5).
	PurchasedFossilMWh float64 `json:"purchased_fossil_mwh"`
	TotalFossilMWh     float64 `json:"total_fossil_mwh"`
	// The shares are nil (blank) when some purchased electricity is of unknown origin.
	FossilSharePct  *float64 `json:"fossil_share_pct"`
	NuclearMWh      float64  `json:"nuclear_mwh"`
	NuclearSharePct *float64 `json:"nuclear_share_pct"`
	// Renewable: fuels (biomass, biogas …), purchased, self-generated non-fuel.
	RenewableFuelsMWh     float64  `json:"renewable_fuels_mwh"`
	PurchasedRenewableMWh float64  `json:"purchased_renewable_mwh"`
	SelfGeneratedMWh      float64  `json:"self_generated_renewable_mwh"`
	TotalRenewableMWh     float64  `json:"total_renewable_mwh"`
	RenewableSharePct     *float64 `json:"renewable_share_pct"`
	// UnknownOriginMWh is purchased electricity whose mix is unknown (no configured mix and no
	// country to take a published one from): in the total, in none of the classes.
	UnknownOriginMWh float64 `json:"purchased_unknown_origin_mwh"`
	TotalMWh         float64 `json:"total_mwh"`
	// Energy intensity (§40–43): the energy of the activities in high climate impact sectors
	// (HighImpact, said in words) per their net revenue, when config gives the year's.
	HighImpactMWh       float64  `json:"high_climate_impact_mwh"`
	HighImpactScope     string   `json:"high_climate_impact_scope"`
	RevenueEUR          *float64 `json:"revenue_eur,omitempty"`
	IntensityMWhPerMEUR *float64 `json:"intensity_mwh_per_meur,omitempty"`
	// How purchased energy was split: the electricity and heat bought, the part renewable
	// instruments covered, and the mixes' sources.
	PurchasedElectricityMWh   float64  `json:"purchased_electricity_mwh"`
	PurchasedHeatMWh          float64  `json:"purchased_heat_mwh"`
	RenewableByInstrumentsMWh float64  `json:"renewable_by_instruments_mwh"`
	MixSources                []string `json:"mix_sources"`
	// NotCounted lists the activities whose energy could not be counted (factor without an
	// energy content, already-computed rows in energy units are not among them: they hold tCO2e).
	NotCounted []string `json:"not_counted"`
}

// Energy computes the E1-5 table of every year with energy. Warnings (no mix for a year) go to
// problems.
func Energy(inv *Inventory, opts EnergyOptions, problems *Problems) []EnergyYear {
	type siteAcc struct {
		elec, heat float64
		regions    map[string]float64 // MWh of electricity by its grid factor's region
	}
	byYear := map[int]*EnergyYear{}
	sites := map[siteYear]*siteAcc{}
	notCounted := map[int]map[string]bool{}
	matched := map[string]bool{} // the HighImpact names some activity has, lower case
	get := func(y int) *EnergyYear {
		e := byYear[y]
		if e == nil {
			e = &EnergyYear{Year: y, MixSources: []string{}, NotCounted: []string{}}
			byYear[y] = e
			notCounted[y] = map[string]bool{}
		}
		return e
	}
	lookups := opts.Library.Lookups()
	for i := range inv.Lines {
		l := &inv.Lines[i]
		if l.Part != PartDirect || l.Method == MethodMarket || l.FactorID == "" {
			continue
		}
		f, _, ok := lookups.Lookup(l.FactorID, l.Year)
		if !ok || f.Kind != factors.KindEmission {
			continue
		}
		if f.EnergyMWh <= 0 {
			if f.Scope == 2 || f.Scope == 1 && f.Upstream > 0 || f.Scope == 1 && strings.Contains(f.Unit, "kWh") {
				get(l.Year)
				notCounted[l.Year][l.FactorID] = true
			}
			continue
		}
		mwh := l.Converted * f.EnergyMWh
		e := get(l.Year)
		if !opts.HighImpact.All() {
			matched["pole|"+strings.ToLower(l.Pole)] = true
			matched["site|"+strings.ToLower(l.Site)] = true
		}
		switch f.EnergyClass {
		case factors.EnergyCoal:
			e.CoalMWh += mwh
		case factors.EnergyOil:
			e.OilMWh += mwh
		case factors.EnergyGas:
			e.GasMWh += mwh
		case factors.EnergyFossil:
			e.OtherFossilMWh += mwh
		case factors.EnergyNuclear:
			e.NuclearMWh += mwh
		case factors.EnergyRenewable:
			e.RenewableFuelsMWh += mwh
		case factors.EnergySelfRenew:
			e.SelfGeneratedMWh += mwh
		case factors.EnergyElectric, factors.EnergyHeat:
			k := siteYear{l.Year, l.Site}
			a := sites[k]
			if a == nil {
				a = &siteAcc{}
				sites[k] = a
			}
			if f.EnergyClass == factors.EnergyElectric {
				a.elec += mwh
				if a.regions == nil {
					a.regions = map[string]float64{}
				}
				a.regions[f.Region] += mwh
				e.PurchasedElectricityMWh += mwh
			} else {
				a.heat += mwh
				e.PurchasedHeatMWh += mwh
			}
		default:
			notCounted[l.Year][l.FactorID] = true
			continue
		}
		if opts.HighImpact.has(l.Site, l.Pole) { // counted in the total: in the intensity too
			e.HighImpactMWh += mwh
		}
	}
	keys := make([]siteYear, 0, len(sites))
	for k := range sites {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Year != keys[j].Year {
			return keys[i].Year < keys[j].Year
		}
		return keys[i].Site < keys[j].Site
	})
	// Warnings once per mix and site, naming the years.
	type gap struct {
		key, site string
		years     []int
		mwh       float64
	}
	var gaps []*gap
	gapOf := map[string]*gap{}
	type unknown struct {
		site, country, how string
		years              []int
		mwh                float64
	}
	var unknowns []*unknown
	unknownOf := map[string]*unknown{}
	vintage := map[string][]int{}
	var vintageKeys []string
	for _, k := range keys {
		a, e := sites[k], byYear[k.Year]
		elec := a.elec
		if s := inv.split[supply{k.Year, k.Site, factors.CarrierElectricity}]; s != nil && s.zeroKWh > 0 {
			ren := min(s.zeroKWh/1000, elec)
			e.RenewableByInstrumentsMWh += ren
			e.PurchasedRenewableMWh += ren
			elec -= ren
		}
		for _, part := range []struct {
			mwh   float64
			mixes []Mix
			key   string
		}{{elec, opts.ElectricityMix, "energy.electricity_mix"}, {a.heat, opts.HeatMix, "energy.heat_mix"}} {
			if part.mwh <= 0 {
				continue
			}
			m, ok, earliest := pickMix(part.mixes, k)
			published := false
			if !ok && part.key == "energy.electricity_mix" {
				country, how := opts.siteCountry(k.Site, a.regions)
				pub, found := factors.GridMix(country, k.Year)
				if !found {
					id := fmt.Sprintf("%s|%s|%s", k.Site, country, how)
					g := unknownOf[id]
					if g == nil {
						g = &unknown{site: k.Site, country: country, how: how}
						unknownOf[id] = g
						unknowns = append(unknowns, g)
					}
					g.years = append(g.years, k.Year)
					g.mwh += part.mwh
					e.UnknownOriginMWh += part.mwh
					continue
				}
				m, ok, published = publishedMix(pub, k.Year, country), true, true
			}
			if !ok {
				id := part.key + "|" + k.Site
				g := gapOf[id]
				if g == nil {
					g = &gap{key: part.key, site: k.Site}
					gapOf[id] = g
					gaps = append(gaps, g)
				}
				g.years = append(g.years, k.Year)
				g.mwh += part.mwh
				e.PurchasedFossilMWh += part.mwh
				continue
			}
			if earliest {
				id := fmt.Sprintf("%s|%s|%d", part.key, k.Site, m.Year)
				if vintage[id] == nil {
					vintageKeys = append(vintageKeys, id)
				}
				vintage[id] = append(vintage[id], k.Year)
			}
			e.PurchasedFossilMWh += part.mwh * m.FossilPct / 100
			e.NuclearMWh += part.mwh * m.NuclearPct / 100
			e.PurchasedRenewableMWh += part.mwh * m.RenewablePct / 100
			src := fmt.Sprintf("%s %d: %s", part.key, m.Year, m.Source)
			if published {
				src = fmt.Sprintf("grid electricity %d, %s", k.Year, m.Source)
			}
			if !containsString(e.MixSources, src) {
				e.MixSources = append(e.MixSources, src)
			}
		}
	}
	l := opts.Lang
	mwh := func(v float64) string { return fmt.Sprintf("%.1f", v) }
	for _, g := range gaps {
		problems.Warnf("energy-mix", "", "", "", "%s", l.T("no %s for site %q in %s: the %s MWh bought and not covered by renewable instruments are counted as fossil in ESRS E1-5; add {year, fossil_pct, nuclear_pct, renewable_pct, source} (optionally with site)", g.key, g.site, YearList(g.years), mwh(g.mwh)))
	}
	for _, u := range unknowns {
		why := l.T("its country is unknown: give it in config sites [{name, country}] or country")
		if u.country != "" {
			why = l.T("no generation mix is published for %s (%s)", u.country, l.T(u.how))
		}
		problems.Warnf("energy-mix", "", "", "", "%s", l.T("site %q in %s: %s; its %s MWh of grid electricity are of unknown origin in ESRS E1-5, whose fossil, nuclear and renewable shares are left blank (or give energy.electricity_mix)", u.site, YearList(u.years), why, mwh(u.mwh)))
	}
	for _, id := range vintageKeys {
		parts := strings.SplitN(id, "|", 3)
		problems.Warnf("energy-mix-vintage", "", "", "", "%s", l.T("%s has no entry for %s or earlier (site %q); its earliest (%s) is used for those years", parts[0], YearList(vintage[id]), parts[1], parts[2]))
	}
	for _, k := range []struct {
		kind  string
		names []string
	}{{"pole", opts.HighImpact.Poles}, {"site", opts.HighImpact.Sites}} {
		var missing []string
		for _, n := range k.names {
			if len(byYear) > 0 && !matched[k.kind+"|"+strings.ToLower(n)] {
				missing = append(missing, strconv.Quote(n))
			}
		}
		switch {
		case len(missing) == 1:
			if k.kind == "pole" {
				problems.Warnf("energy-high-impact", "", "", "", "%s", l.T("energy.high_climate_impact names pole %s, which no energy row has: check its spelling against the workbooks' Pole column", missing[0]))
			} else {
				problems.Warnf("energy-high-impact", "", "", "", "%s", l.T("energy.high_climate_impact names site %s, which no energy row has: check its spelling against the workbooks' Site column", missing[0]))
			}
		case len(missing) > 1:
			if k.kind == "pole" {
				problems.Warnf("energy-high-impact", "", "", "", "%s", l.T("energy.high_climate_impact names poles %s, which no energy row has: check their spelling against the workbooks' Pole column", strings.Join(missing, ", ")))
			} else {
				problems.Warnf("energy-high-impact", "", "", "", "%s", l.T("energy.high_climate_impact names sites %s, which no energy row has: check their spelling against the workbooks' Site column", strings.Join(missing, ", ")))
			}
		}
	}
	out := make([]EnergyYear, 0, len(byYear))
	for y, e := range byYear {
		e.HighImpactScope = opts.HighImpact.String()
		e.TotalFossilMWh = e.CoalMWh + e.OilMWh + e.GasMWh + e.OtherFossilMWh + e.PurchasedFossilMWh
		e.TotalRenewableMWh = e.RenewableFuelsMWh + e.PurchasedRenewableMWh + e.SelfGeneratedMWh
		e.TotalMWh = e.TotalFossilMWh + e.NuclearMWh + e.TotalRenewableMWh + e.UnknownOriginMWh
		if e.UnknownOriginMWh == 0 { // blank when some electricity is of unknown origin
			share := func(v float64) *float64 {
				p := 0.0
				if e.TotalMWh > 0 {
					p = v / e.TotalMWh * 100
				}
				return &p
			}
			e.FossilSharePct, e.NuclearSharePct, e.RenewableSharePct = share(e.TotalFossilMWh), share(e.NuclearMWh), share(e.TotalRenewableMWh)
		}
		if rev, ok := opts.Revenue[y]; ok && rev > 0 {
			r := rev
			per := e.HighImpactMWh / (rev / 1e6)
			e.RevenueEUR, e.IntensityMWhPerMEUR = &r, &per
		}
		for id := range notCounted[y] {
			e.NotCounted = append(e.NotCounted, id)
		}
		sort.Strings(e.NotCounted)
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// siteCountry is the country whose published mix a site's grid electricity takes, and how it
// was found: the site's entry in config sites, else the region of its grid electricity
// factor (the one with the most MWh) when that is a country, else the organisation's country.
func (o EnergyOptions) siteCountry(site string, regions map[string]float64) (country, how string) {
	if c, ok := o.SiteCountries[strings.ToLower(strings.TrimSpace(site))]; ok {
		return c, lang.Key("config sites")
	}
	best, bestMWh := "", 0.0
	for r, mwh := range regions {
		if _, err := factors.ParseCountry(r); err == nil && (mwh > bestMWh || mwh == bestMWh && r < best) {
			best, bestMWh = r, mwh
		}
	}
	if best != "" {
		return strings.ToUpper(best), lang.Key("region of the site's grid electricity factor")
	}
	if o.Country != "" {
		return o.Country, lang.Key("config country")
	}
	return "", ""
}

// publishedMix is a published generation mix as the supply mix of year, its source naming the
// country and which year it is when not year's own.
func publishedMix(pub factors.GenerationMix, year int, country string) Mix {
	f, n, r := pub.Shares()
	src := fmt.Sprintf("%s, published generation mix: %s", country, pub.Source())
	if pub.Year != year {
		which := "latest"
		if pub.Year > year {
			which = "earliest"
		}
		src = fmt.Sprintf("%s, no generation mix published for %d, the %s (%d) is used: %s", country, year, which, pub.Year, pub.Source())
	}
	return Mix{Year: pub.Year, FossilPct: f, NuclearPct: n, RenewablePct: r, Source: src}
}

// pickMix is the mix for a year and site: an entry for the site before one for all sites; the
// latest year ≤ the year, else the earliest (earliest is then true: the caller warns).
func pickMix(mixes []Mix, k siteYear) (m Mix, ok, earliest bool) {
	for _, site := range []string{k.Site, ""} {
		var best, earliest *Mix
		for i := range mixes {
			m := &mixes[i]
			if !strings.EqualFold(m.Site, site) {
				continue
			}
			if m.Year <= k.Year && (best == nil || m.Year > best.Year) {
				best = m
			}
			if earliest == nil || m.Year < earliest.Year {
				earliest = m
			}
		}
		if best != nil {
			return *best, true, false
		}
		if earliest != nil {
			return *earliest, true, true
		}
	}
	return Mix{}, false, false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
