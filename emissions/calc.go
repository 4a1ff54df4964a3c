package emissions

import (
	"fmt"
	"sort"
	"strings"

	"github.com/footprint/footprint/factors"
)

// ResidualMix is the market-based factor for electricity not covered by instruments, in
// kgCO2e/kWh, from a given year on, for one site or (Site "") for all.
type ResidualMix struct {
	Year   int
	Site   string
	Value  float64
	Source string
}

// MaxRowTCO2e bounds what one row may emit: 10^12 t, twenty times the world's yearly
// emissions. A row above it is a unit or typing mistake, and refusing it keeps every sum
// finite (a million such rows still add up to 10^18).
const MaxRowTCO2e = 1e12

// Options configure a calculation.
type Options struct {
	Library     *factors.Library
	ResidualMix []ResidualMix
}

// Inventory is the result of a calculation: every line, and the row counts.
type Inventory struct {
	Lines []Line
	Rows  Rows
}

// Rows counts activity rows: Read = Used + Rejected, always.
type Rows struct {
	Read     int `json:"read"`
	Used     int `json:"used"`
	Rejected int `json:"rejected"`
}

// Calculate turns the activities of in into inventory lines. Rows it cannot compute are
// rejected with a problem added to in.Problems.
func Calculate(in *Input, opts Options) *Inventory {
	c := calculation{in: in, opts: opts, inv: &Inventory{}, warned: map[string]bool{}}
	for i := range in.Activities {
		if c.activity(&in.Activities[i]) {
			c.inv.Rows.Used++
		} else {
			c.inv.Rows.Rejected++
		}
	}
	c.marketBased()
	c.inv.Rows.Read = in.RowsRead
	c.inv.Rows.Rejected += in.Rejected
	return c.inv
}

type calculation struct {
	in     *Input
	opts   Options
	inv    *Inventory
	warned map[string]bool
	// Electricity lines (location-based) by year and site, for the market-based method.
	grid map[siteYear][]gridUse
}

type siteYear struct {
	Year int
	Site string
}

type gridUse struct {
	line   Line // the location-based line
	kWh    float64
	factor factors.Factor
}

func (c *calculation) reject(a *Activity, cause, cell, format string, args ...any) bool {
	c.in.Problems.Errorf(cause, a.Place.File, a.Place.Sheet, cell, format, args...)
	return false
}

// warnOnce adds a warning the first time key is seen.
func (c *calculation) warnOnce(key string, p Problem) {
	if c.warned[key] {
		return
	}
	c.warned[key] = true
	p.Severity = SeverityWarning
	c.in.Problems.Add(p)
}

func (c *calculation) activity(a *Activity) bool {
	unit, err := factors.ParseUnit(a.Unit)
	if err != nil {
		return c.reject(a, "unit", a.UnitCell, "%v", err)
	}
	base := Line{Place: a.Place, Year: a.Year, Site: a.Site, Pole: a.Pole, Activity: a.ID,
		Quantity: a.Quantity, Unit: a.Unit, Comment: a.Comment, Quality: a.Quality}
	if unit.IsEmissions() {
		return c.reported(a, base, unit)
	}
	if a.Method != "" {
		return c.reject(a, "method", a.MethodCell, "Method is for already-computed Scope 2 rows (Unit tCO2e or kgCO2e), not for a row in %s that factor %s computes; leave Method blank", a.Unit, a.ID)
	}
	f, pick, ok := c.opts.Library.Lookup(a.ID, a.Year)
	if !ok {
		msg := fmt.Sprintf("unknown activity %q: no factor has this id", clip(a.ID))
		if s := c.opts.Library.Suggest(a.ID); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return c.reject(a, "unknown-activity", a.ActivityCell, "%s; `footprint factors list --search` lists the ids", msg)
	}
	if pick == factors.PickEarliest {
		c.warnOnce(fmt.Sprintf("vintage/%s/%d", f.ID, a.Year), Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell, Cause: "vintage",
			Message: fmt.Sprintf("factor %s has no vintage for %d or earlier; its earliest (%d) is used for the %d rows", f.ID, a.Year, f.Year, a.Year)})
	}
	fu, err := factors.ParseUnit(f.Unit)
	if err != nil {
		return c.reject(a, "factor-unit", a.ActivityCell, "factor %s has an unusable unit: %v; correct its unit in config factors.custom", f.ID, err)
	}
	qty, err := factors.Convert(a.Quantity, unit, fu, f.PCSPerPCI)
	if err != nil {
		return c.reject(a, "unit-mismatch", a.UnitCell, "%v (activity %s); enter the quantity in a unit of the factor's dimension", err, f.ID)
	}
	if worst := qty * max(f.Value+f.Upstream, f.BiogenicCO2) / 1000; !(worst <= MaxRowTCO2e) {
		return c.reject(a, "quantity-implausible", a.QuantityCell, "Quantity %v %s gives %.3g tCO2e, more than the %.0f t one row can plausibly hold; check the quantity and its unit", a.Quantity, a.Unit, worst, MaxRowTCO2e)
	}
	if a.Scope != 0 && a.Scope != f.Scope {
		return c.reject(a, "scope-mismatch", a.ActivityCell, "Scope %d given but factor %s is Scope %d; use a factor of the scope you mean", a.Scope, f.ID, f.Scope)
	}
	category := f.Category
	if a.Category != 0 {
		if f.Scope != 3 {
			return c.reject(a, "category", a.ActivityCell, "Category %d given but factor %s is Scope %d; categories belong to Scope 3", a.Category, f.ID, f.Scope)
		}
		category = a.Category
	}
	base.FactorID, base.FactorYear, base.FactorUnit, base.Source, base.Converted = f.ID, f.Year, f.Unit, f.Source, qty
	if f.Kind == factors.KindAvoided {
		l := base
		l.Part, l.Scope, l.Category, l.FactorValue, l.TCO2e = PartAvoided, f.Scope, category, f.Value, qty*f.Value/1000
		c.inv.Lines = append(c.inv.Lines, l)
		return true
	}
	direct := base
	direct.Part, direct.Scope, direct.Category, direct.FactorValue = PartDirect, f.Scope, category, f.Value
	direct.TCO2e = qty * f.Value / 1000
	direct.BiogenicCO2 = qty * f.BiogenicCO2 / 1000
	if f.Scope == 2 && isLifecycle(f) {
		c.warnOnce("lifecycle/"+f.ID, Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell, Cause: "lifecycle-scope2",
			Message: fmt.Sprintf("factor %s is a lifecycle grid intensity (%s): it overstates Scope 2, which should count generation only; prefer a national inventory factor with its upstream split", f.ID, f.Boundary)})
	}
	if isElectricity(f, fu) {
		direct.Method = MethodLocation
		if c.grid == nil {
			c.grid = map[siteYear][]gridUse{}
		}
		key := siteYear{a.Year, a.Site}
		c.grid[key] = append(c.grid[key], gridUse{line: direct, kWh: qty * fu.Scale, factor: f})
	}
	c.inv.Lines = append(c.inv.Lines, direct)
	if f.Upstream > 0 {
		up := base
		up.Part, up.Scope, up.Category, up.FactorValue = PartUpstream, 3, 3, f.Upstream
		up.TCO2e = qty * f.Upstream / 1000
		c.inv.Lines = append(c.inv.Lines, up)
	}
	return true
}

// reported takes an already-computed row as it is.
func (c *calculation) reported(a *Activity, l Line, unit factors.Unit) bool {
	if a.Scope == 0 {
		return c.reject(a, "reported-scope", a.UnitCell, "a row in %s is already-computed emissions and needs its Scope (1, 2 or 3) in the Scope column", a.Unit)
	}
	if a.Scope == 3 && a.Category == 0 {
		return c.reject(a, "reported-category", a.UnitCell, "a Scope 3 row in %s needs its Category (1 to 15) in the Category column", a.Unit)
	}
	if a.Method != "" && a.Scope != 2 {
		return c.reject(a, "method", a.MethodCell, "Method is for Scope 2 rows; this row is Scope %d: leave Method blank, or correct the Scope", a.Scope)
	}
	if t := a.Quantity * unit.Scale / 1000; !(t <= MaxRowTCO2e) {
		return c.reject(a, "quantity-implausible", a.QuantityCell, "Quantity %v %s is more than the %.0f t one row can plausibly hold; check the quantity and its unit", a.Quantity, a.Unit, MaxRowTCO2e)
	}
	l.Part, l.Scope, l.Category, l.Method = PartReported, a.Scope, a.Category, a.Method
	l.Converted = a.Quantity * unit.Scale // kgCO2e
	l.TCO2e = l.Converted / 1000
	l.FactorValue, l.FactorUnit, l.Source = 1, "kgCO2e", "reported in the workbook"
	c.inv.Lines = append(c.inv.Lines, l)
	return true
}

// isElectricity tells the factors whose consumption contractual instruments can cover: grid
// electricity, recognised as a Scope 2 factor per unit of energy whose id names electricity.
func isElectricity(f factors.Factor, u factors.Unit) bool {
	return f.Scope == 2 && u.Dim == factors.Energy && strings.Contains(strings.ToLower(f.ID), "electricity")
}

func isLifecycle(f factors.Factor) bool {
	return strings.Contains(strings.ToLower(f.Boundary), "lifecycle")
}

// marketBased adds the market-based Scope 2 lines for electricity, per year and site, by the
// GHG Protocol hierarchy: contractual instruments first (capped at the consumption), then the
// residual mix for what they leave uncovered, else the location-based factor with a warning.
// Each consumption row gets its share of both parts, in proportion to its kWh.
func (c *calculation) marketBased() {
	instruments := map[siteYear][]Instrument{}
	for _, ins := range c.in.Instruments {
		k := siteYear{ins.Year, ins.Site}
		instruments[k] = append(instruments[k], ins)
	}
	keys := make([]siteYear, 0, len(c.grid)+len(instruments))
	for k := range c.grid {
		keys = append(keys, k)
	}
	for k := range instruments {
		if _, ok := c.grid[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Year != keys[j].Year {
			return keys[i].Year < keys[j].Year
		}
		return keys[i].Site < keys[j].Site
	})
	// Site-years without a residual mix, reported once per site rather than once per year.
	missing := map[string]*missingMix{}
	fallback := map[siteYear]bool{}
	var sites []string
	defer func() {
		for _, site := range sites {
			m := missing[site]
			c.in.Problems.Add(Problem{Severity: SeverityWarning, File: m.file, Cause: "no-residual-mix",
				Message: fmt.Sprintf("no residual mix in config scope2.residual_mix for site %q in %s: market-based Scope 2 uses the location-based factor for the %.0f kWh not covered by instruments; add {year, value, source} entries (optionally with site)",
					site, yearList(m.years), m.kWh)})
		}
	}()
	for _, k := range keys {
		uses := c.grid[k]
		consumption := 0.0
		for _, u := range uses {
			consumption += u.kWh
		}
		covered, coveredKg, names := 0.0, 0.0, []string{}
		for _, ins := range instruments[k] {
			take := min(ins.KWh, consumption-covered)
			if take < ins.KWh {
				c.in.Problems.Warnf("instrument-capped", ins.Place.File, ins.Place.Sheet, cellName(0, ins.Place.Row),
					"instrument %q covers %.0f kWh but only %.0f kWh of electricity consumption in %d at site %q remain uncovered; it is capped at %.0f kWh",
					clip(ins.Name), ins.KWh, consumption-covered, k.Year, k.Site, take)
			}
			covered += take
			coveredKg += take * ins.Factor
			if take > 0 {
				names = append(names, ins.Name)
			}
		}
		if consumption == 0 {
			continue
		}
		rm, hasRM := c.residualMix(k)
		for _, u := range uses {
			share := u.kWh / consumption
			if covered > 0 {
				l := u.line
				l.Part, l.Method = PartDirect, MethodMarket
				l.Quantity, l.Unit, l.Converted = share*covered, "kWh", share*covered
				l.FactorValue, l.FactorUnit = coveredKg/covered, "kWh"
				l.FactorID, l.FactorYear = "instruments", k.Year
				l.Source = "contractual instruments: " + strings.Join(names, "; ")
				l.TCO2e, l.BiogenicCO2 = share*coveredKg/1000, 0
				c.inv.Lines = append(c.inv.Lines, l)
			}
			rest := u.kWh * (1 - covered/consumption)
			if rest <= 0 {
				continue
			}
			l := u.line
			l.Part, l.Method = PartDirect, MethodMarket
			l.Quantity, l.Unit, l.Converted, l.FactorUnit, l.BiogenicCO2 = rest, "kWh", rest, "kWh", 0
			if hasRM {
				l.FactorID, l.FactorYear, l.FactorValue, l.Source = "residual-mix", rm.Year, rm.Value, rm.Source
			} else {
				if !fallback[k] {
					fallback[k] = true
					m := missing[k.Site]
					if m == nil {
						m = &missingMix{file: u.line.Place.File}
						missing[k.Site] = m
						sites = append(sites, k.Site)
					}
					m.years = append(m.years, k.Year)
					m.kWh += consumption - covered
				}
				l.FactorValue = u.factor.Value / fuScale(u.factor)
			}
			l.TCO2e = rest * l.FactorValue / 1000
			c.inv.Lines = append(c.inv.Lines, l)
		}
	}
}

// missingMix gathers the years of one site that had no residual mix.
type missingMix struct {
	file  string
	years []int
	kWh   float64
}

// fuScale is the size of a factor's unit in kWh, so a per-MWh factor applies per kWh.
func fuScale(f factors.Factor) float64 {
	u, err := factors.ParseUnit(f.Unit)
	if err != nil || u.Scale == 0 {
		return 1
	}
	return u.Scale
}

// residualMix picks the residual mix for a year and site: an entry for the site before one
// for all sites; the latest year ≤ the activity year, else the earliest with a warning.
func (c *calculation) residualMix(k siteYear) (ResidualMix, bool) {
	for _, site := range []string{k.Site, ""} {
		var best, earliest *ResidualMix
		for i := range c.opts.ResidualMix {
			rm := &c.opts.ResidualMix[i]
			if !strings.EqualFold(rm.Site, site) {
				continue
			}
			if rm.Year <= k.Year && (best == nil || rm.Year > best.Year) {
				best = rm
			}
			if earliest == nil || rm.Year < earliest.Year {
				earliest = rm
			}
		}
		if best != nil {
			return *best, true
		}
		if earliest != nil {
			c.warnOnce(fmt.Sprintf("residual-early/%d/%s", k.Year, k.Site), Problem{Cause: "residual-mix-vintage",
				Message: fmt.Sprintf("scope2.residual_mix has no value for %d or earlier (site %q); the earliest (%d) is used for %d; add an entry for %d or earlier", k.Year, k.Site, earliest.Year, k.Year, k.Year)})
			return *earliest, true
		}
	}
	return ResidualMix{}, false
}

// toKWh converts an instrument quantity to kWh.
func toKWh(qty float64, unit string) (float64, error) {
	u, err := factors.ParseUnit(unit)
	if err != nil {
		return 0, err
	}
	kwh, _ := factors.ParseUnit("kWh")
	return factors.Convert(qty, u, kwh, 0)
}
