package mapping

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// entry is one line of the table: a product factor (one vintage, one GWP set) and the source
// rows its numbers come from.
type entry struct {
	ID, Name string
	Scope    int
	Cat      int    // Scope 3 category; 0 for Scopes 1 and 2
	Unit     string // canonical unit (see canonicalUnits)
	Boundary string
	From     ref
	// Vintage marks an entry of an ADEME time series: its Year is the data year the element
	// names, and every element of the series must be in the table.
	Vintage   bool
	GWP       string // "AR5" or "AR6" for factors that exist per GWP set
	PCSPerPCI *ratio // for fuels published per kWh PCS and per kWh PCI
	Region    string // overrides the source's region
	Notes     string
	// Avoided marks an avoided-emission factor (kind avoided, docs/methodology.md#avoided-emissions): reported apart, never
	// in a scope or total.
	Avoided bool
	// Mobile marks a fuel burnt in vehicles or mobile machinery (BEGES poste 1.2) where the
	// source has no category that says so (beges.go).
	Mobile bool
	// OutsideScopes marks a gas outside the Kyoto basket (an HCFC): reported apart.
	OutsideScopes bool
}

// canonicalUnits are the unit strings the product uses (factors/mapping/IDS.md).
var canonicalUnits = []string{"kWh", "kWh PCS", "kWh PCI", "MWh", "GJ", "mmBtu PCS", "L", "m3", "US gal",
	"kg", "t", "short ton", "t.km", "short ton.mile", "km", "mile", "passenger.km", "passenger.mile",
	"room-night", "vehicle", "k€"}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)

// Generate reads the datasets under dir and returns the library as JSON: an array of Factor
// sorted by id, year and GWP set, 2-space indented, with a final newline.
func Generate(dir string) ([]byte, error) {
	fs, err := buildLibrary(dir)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(fs); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// buildLibrary reads the datasets under dir and resolves every entry of the table.
func buildLibrary(dir string) ([]factors.Factor, error) {
	s, err := loadSources(dir)
	if err != nil {
		return nil, err
	}
	all := entries()
	grid, err := gridVintages(s, table)
	if err != nil {
		return nil, err
	}
	out, err := buildEntries(s, append(slices.Clone(all), grid...), func(entry) bool { return true })
	if err != nil {
		return nil, err
	}
	past, err := desnzPastVintages(s, table)
	if err != nil {
		return nil, err
	}
	out = append(out, past...)
	if err := checkSeries(s, all); err != nil {
		return nil, err
	}
	return sorted(out)
}

// ADEME builds every factor of the library drawn from ADEME Base Carbone out of a, an export
// of release rel: each element and each split of its postes (combustion in value, upstream in
// upstream) that the library maps, under the library's ids. The built-in release read this way
// gives the built-in factors. a holds valid elements only (the datasets reader keeps them);
// elements the library does not map are left out.
func ADEME(a *datasets.ADEME, rel Release) ([]factors.Factor, error) {
	out, err := buildEntries(&sources{ademe: a, ademeRel: rel}, entries(), fromADEME)
	if err != nil {
		return nil, err
	}
	return sorted(out)
}

// DESNZ builds every factor of the library drawn from d, one set of the DESNZ flat file of
// release rel: the uk.* factors (per-gas rows, well-to-tank and T&D rows) under the library's
// ids, as the vintage of d's year. The library names rows by the IDs of the DESNZ 2025 set; d
// must carry them (the sets from 2023 on do). The built-in set read this way gives the
// built-in factors of its year.
func DESNZ(d *datasets.DESNZ, rel Release) ([]factors.Factor, error) {
	s := &sources{desnz: &desnzSet{DESNZ: d, release: rel}}
	var keep []entry
	for _, e := range entries() {
		// A factor whose rows DESNZ added after d's set is not in it.
		if fromDESNZ(e) && d.Year >= desnzFirstSet[e.ID] {
			keep = append(keep, e)
		}
	}
	out, err := buildEntries(s, keep, fromDESNZ)
	if err != nil {
		return nil, err
	}
	return sorted(out)
}

// buildEntries resolves the entries keep selects; those drawn from DESNZ are the vintage of
// the set s reads.
func buildEntries(s *sources, es []entry, keep func(entry) bool) ([]factors.Factor, error) {
	var out []factors.Factor
	for _, e := range es {
		if !keep(e) {
			continue
		}
		f, err := e.build(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.ID, err)
		}
		if fromDESNZ(e) {
			stampDESNZSet(s.desnz, &f)
		}
		out = append(out, f)
	}
	return out, nil
}

// sorted orders factors by id, year and GWP set, and validates them.
func sorted(out []factors.Factor) ([]factors.Factor, error) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.GWP < b.GWP // per-set entries: AR5 before AR6
	})
	if err := validate(out); err != nil {
		return nil, err
	}
	return out, nil
}

func loadSources(dir string) (*sources, error) {
	s := sources{ademeRel: ademeBuiltIn}
	var err error
	in := func(name string) string { return filepath.Join(dir, name) }
	if s.ademe, err = datasets.LoadADEME(in(ademeFile)); err != nil {
		return nil, err
	}
	// The spend-based ratios are in the xlsx export only.
	full, err := datasets.LoadADEMEXLSX(in(ademeXLSXFile))
	if err != nil {
		return nil, err
	}
	if err := s.ademe.Add(full, isSpendRatio); err != nil {
		return nil, err
	}
	if s.desnz, err = loadDESNZSet(dir, desnzFile, nil); err != nil {
		return nil, err
	}
	for _, file := range desnzPastFiles {
		past, err := loadDESNZSet(dir, file, s.desnz.DESNZ)
		if err != nil {
			return nil, err
		}
		s.desnzPast = append(s.desnzPast, past)
	}
	if s.epa, err = datasets.LoadEPA(in(epaFile)); err != nil {
		return nil, err
	}
	if s.ember, err = datasets.LoadEmber(in(emberFile)); err != nil {
		return nil, err
	}
	if s.owid, err = datasets.LoadOWID(in(owidIntensityFile), in(owidMixFile)); err != nil {
		return nil, err
	}
	if s.tech, err = datasets.LoadTechIntensities(in(owidSourceFile)); err != nil {
		return nil, err
	}
	if s.gwp, err = datasets.LoadGWP(in(gwpFile), in(gwpSupplFile)); err != nil {
		return nil, err
	}
	return &s, nil
}

func (e entry) build(s *sources) (factors.Factor, error) {
	f, err := e.From.resolve(s, e)
	if err != nil {
		return f, err
	}
	f.ID, f.Name, f.Unit, f.Scope, f.Category = e.ID, e.Name, e.Unit, e.Scope, e.Cat
	f.Kind = factors.KindEmission
	if e.Avoided {
		f.Kind = factors.KindAvoided
	}
	f.Boundary = e.Boundary
	if e.GWP != "" {
		// A gas's GWP (or a blend's) is one entry per set, and a property of the gas: it
		// applies to every year, so it has no data year.
		f.GWP, f.PerGWPSet, f.DataYear = e.GWP, true, 0
	}
	if e.Region != "" {
		f.Region = e.Region
	}
	if e.PCSPerPCI != nil {
		v, how, err := e.PCSPerPCI.value(s)
		if err != nil {
			return f, err
		}
		f.PCSPerPCI = v
		f.Derivation += "; " + how
	}
	if e.Notes != "" {
		f.Notes = strings.TrimSpace(e.Notes + " " + f.Notes)
	}
	f.OutsideScopes = e.OutsideScopes
	if spec, ok := energySpec(e.ID); ok {
		if err := spec.apply(s, &f); err != nil {
			return f, err
		}
	}
	if err := begesPoste(s, e, &f); err != nil {
		return f, err
	}
	if err := setGasFamily(e, &f); err != nil {
		return f, err
	}
	if err := nameAndTags(e, &f); err != nil {
		return f, err
	}
	round(&f)
	return f, nil
}

// checkSeries fails when ADEME has an element of a vintage series that the table lacks (a new
// year published, or one forgotten): e.g. every "Electricité / YYYY - mix moyen / consommation".
func checkSeries(s *sources, t []entry) error {
	inTable := map[string]string{} // element id → factor id
	for _, e := range t {
		if el := ademeElement(e.From); el != "" {
			inTable[el] = e.ID
		}
	}
	for old, newer := range republished {
		if id, ok := inTable[newer]; ok {
			inTable[old] = id
		}
	}
	for _, e := range t {
		el := ademeElement(e.From)
		if el == "" {
			if e.Vintage {
				return fmt.Errorf("%s: only ADEME entries can be vintages", e.ID)
			}
			continue
		}
		key := s.ademe.Elements[el].SeriesKey()
		if !e.Vintage {
			// A yearly ADEME factor with several years published must be a vintage series.
			year, _ := s.ademe.Elements[el].DataYear()
			for _, id := range s.ademe.Order {
				if id != el && year != 0 && s.ademe.Elements[id].SeriesKey() == key {
					return fmt.Errorf("%s: ADEME element %s has other years (e.g. element %s): mark the entries as vintages", e.ID, el, id)
				}
			}
			continue
		}
		for _, id := range s.ademe.Order {
			other := s.ademe.Elements[id]
			if other.SeriesKey() != key {
				continue
			}
			if got, ok := inTable[id]; !ok || got != e.ID {
				return fmt.Errorf("%s: ADEME element %s (%s) belongs to the series of element %s but is not in the table as a vintage of %s",
					e.ID, id, other.Name(), el, e.ID)
			}
		}
	}
	return nil
}

// fromADEME reports whether an entry is drawn from ADEME Base Carbone: read from its elements,
// or an avoided factor derived from them.
func fromADEME(e entry) bool {
	switch r := e.From.(type) {
	case adSplit, adTotal, adSpend, adPart:
		return true
	case avoided:
		return fromADEME(entry{From: r.instead})
	}
	return false
}

// ademeElement is the ADEME element an entry is read from whole or split, "" for other refs.
func ademeElement(r ref) string {
	switch r := r.(type) {
	case adSplit:
		return r.el
	case adTotal:
		return r.el
	case adSpend:
		return r.el
	}
	return ""
}

// isSpendRatio tells ADEME's spend-based ratios, which only the xlsx export holds.
func isSpendRatio(e *datasets.ADEMEElement) bool {
	return strings.HasSuffix(e.Category, "> Ratios monétaires")
}

// validate checks what every factor of the library must satisfy.
func validate(fs []factors.Factor) error {
	units := map[string]bool{}
	for _, u := range canonicalUnits {
		units[u] = true
	}
	seen := map[string]bool{}
	gwpSets := map[string]map[string]bool{} // id → GWP sets it has ("" for none)
	for _, f := range fs {
		where := fmt.Sprintf("factor %s (year %d, gwp %q)", f.ID, f.Year, f.GWP)
		switch {
		case !idPattern.MatchString(f.ID):
			return fmt.Errorf("%s: id does not match %s", where, idPattern)
		case f.Name == "":
			return fmt.Errorf("%s: no name", where)
		case !units[f.Unit]:
			return fmt.Errorf("%s: unit %q is not canonical", where, f.Unit)
		case f.Kind == factors.KindAvoided && (f.Scope != 0 || f.Category != 0):
			return fmt.Errorf("%s: an avoided factor is outside the scopes: no scope or category", where)
		case f.Kind != factors.KindAvoided && (f.Scope < 1 || f.Scope > 3):
			return fmt.Errorf("%s: scope %d", where, f.Scope)
		case f.Scope == 3 && (f.Category < 1 || f.Category > 15), f.Scope != 3 && f.Category != 0:
			return fmt.Errorf("%s: category %d for scope %d", where, f.Category, f.Scope)
		case f.Value < 0 || f.Upstream < 0 || f.BiogenicCO2 < 0:
			return fmt.Errorf("%s: negative value %v / upstream %v / biogenic %v", where, f.Value, f.Upstream, f.BiogenicCO2)
		case f.Scope == 3 && f.Upstream != 0:
			return fmt.Errorf("%s: a Scope 3 factor carries no upstream part", where)
		case f.Source == "" || f.SourceID == "" || f.License == "" || f.Dataset == "" || f.Version == "" || f.Region == "":
			return fmt.Errorf("%s: citation incomplete", where)
		case f.Kind != factors.KindEmission && f.Kind != factors.KindAvoided:
			return fmt.Errorf("%s: kind %q", where, f.Kind)
		case f.Kind == factors.KindAvoided && (f.Upstream != 0 || !strings.Contains(f.Derivation, "=")):
			return fmt.Errorf("%s: an avoided factor has no upstream part and says how it is derived", where)
		case f.GWP != "" && !factors.ValidGWPBasis(f.GWP), f.PerGWPSet && f.GWP != "AR5" && f.GWP != "AR6":
			return fmt.Errorf("%s: GWP set %q", where, f.GWP)
		case f.GWP == "" && !strings.Contains(f.Notes, "GWP"):
			return fmt.Errorf("%s: a factor that rests on no stated GWP basis says why in its notes", where)
		case f.DataYear == 0 && !f.PerGWPSet:
			return fmt.Errorf("%s: no data year", where)
		case (f.Dataset == emberDataset || f.Dataset == owidDataset) && !strings.Contains(f.Boundary, "lifecycle"):
			return fmt.Errorf("%s: an Ember factor's boundary must say it is lifecycle", where)
		case !factors.IsBegesPoste(f.BegesPoste):
			return fmt.Errorf("%s: no BEGES poste", where)
		case f.Kind == factors.KindEmission && (f.Scope == 2 || f.Scope == 1 && (f.Upstream > 0 || f.Unit == "US gal")) && (f.EnergyMWh <= 0 || f.EnergyClass == ""):
			return fmt.Errorf("%s: energy consumed needs its energy content and class for ESRS E1-5 (factors/mapping/energy.go)", where)
		case (f.EnergyMWh > 0 || f.Scope == 2) && f.Carrier == "":
			return fmt.Errorf("%s: energy needs its carrier: give its energy class a carrier in factors/mapping/energy.go", where)
		}
		if err := f.Validate(); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		set := ""
		if f.PerGWPSet {
			set = f.GWP
		}
		key := fmt.Sprintf("%s|%d|%s", f.ID, f.Year, set)
		if seen[key] {
			return fmt.Errorf("%s: appears twice", where)
		}
		seen[key] = true
		if gwpSets[f.ID] == nil {
			gwpSets[f.ID] = map[string]bool{}
		}
		gwpSets[f.ID][set] = true
	}
	for id, sets := range gwpSets {
		if len(sets) > 1 && sets[""] || !sets[""] && !(sets["AR5"] && sets["AR6"]) {
			return fmt.Errorf("factor %s: a factor that depends on the GWP set needs one entry per set (AR5 and AR6) and no other", id)
		}
	}
	return nil
}

// roundSig rounds to 12 significant digits: sums and unit conversions then print as the source
// numbers did (0.0131 + 0.0038 = 0.0169, not 0.016900000000000002).
func roundSig(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	return r
}

func round(f *factors.Factor) {
	f.Value, f.Upstream, f.BiogenicCO2, f.PCSPerPCI = roundSig(f.Value), roundSig(f.Upstream), roundSig(f.BiogenicCO2), roundSig(f.PCSPerPCI)
	if f.Gases != nil {
		g := f.Gases
		g.CO2, g.CH4, g.N2O = roundSig(g.CO2), roundSig(g.CH4), roundSig(g.N2O)
		g.HFC, g.PFC, g.SF6, g.NF3, g.Other = roundSig(g.HFC), roundSig(g.PFC), roundSig(g.SF6), roundSig(g.NF3), roundSig(g.Other)
	}
	if f.UncertaintyPct != nil {
		u := roundSig(*f.UncertaintyPct)
		f.UncertaintyPct = &u
	}
}
