package excel

import (
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
)

// usedFactor is a factor the lines used: a library vintage, or a market-based value that is
// not in the library (contractual instruments, residual mix), with how many lines used it.
type usedFactor struct {
	factors.Factor
	inLibrary bool
	lines     int
}

// factorTally finds, for every (factor id, vintage) of the lines, its full entry in the
// library; values that come from the Instruments sheet or the residual mix are listed as the
// lines give them. It counts the lines that used each.
type factorTally struct {
	lib     *factors.Library
	byKey   map[factorKey]*usedFactor
	vintage map[string][]factors.Factor
}

type factorKey struct {
	id     string
	year   int
	value  float64
	unit   string
	source string
}

func newFactorTally(lib *factors.Library) *factorTally {
	return &factorTally{lib: lib, byKey: map[factorKey]*usedFactor{}, vintage: map[string][]factors.Factor{}}
}

func (t *factorTally) add(l *emissions.Line) { t.addN(l, 1) }

// addN counts n lines like l.
func (t *factorTally) addN(l *emissions.Line, n int) {
	if l.FactorID == "" {
		return
	}
	// The source tells apart two dataset versions of one vintage (restatement).
	k := factorKey{id: l.FactorID, year: l.FactorYear, source: l.Source}
	u := t.byKey[k]
	if u == nil {
		vs, ok := t.vintage[l.FactorID]
		if !ok && t.lib != nil {
			vs = t.lib.Vintages(l.FactorID)
			t.vintage[l.FactorID] = vs
		}
		for _, v := range vs {
			if v.Year == l.FactorYear && (u == nil || v.Source == l.Source) {
				u = &usedFactor{Factor: v, inLibrary: true}
			}
		}
		if u == nil { // not a library vintage: one row per value
			k = factorKey{id: l.FactorID, year: l.FactorYear, value: l.FactorValue, unit: l.FactorUnit, source: l.Source}
			if u = t.byKey[k]; u == nil {
				u = &usedFactor{Factor: factors.Factor{ID: l.FactorID, Year: l.FactorYear, Value: l.FactorValue, Unit: l.FactorUnit,
					Scope: l.Scope, Category: l.Category, Source: l.Source, Name: marketName(l.FactorID)}}
			}
		}
		t.byKey[k] = u
	}
	u.lines += n
}

// list returns the factors used, sorted by id, vintage, value and source.
func (t *factorTally) list() []usedFactor {
	out := make([]usedFactor, 0, len(t.byKey))
	for _, u := range t.byKey {
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if la, lb := strings.ToLower(a.ID), strings.ToLower(b.ID); la != lb {
			return la < lb
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Value != b.Value {
			return a.Value < b.Value
		}
		return a.Source < b.Source
	})
	return out
}

func marketName(id string) string {
	switch id {
	case "instruments":
		return lang.Key("Contractual instruments of the Instruments sheet (market-based Scope 2), weighted per year and site")
	case "residual-mix":
		return lang.Key("Residual mix of config scope2.residual_mix (market-based Scope 2)")
	}
	return ""
}

func (x *exporter) writeFactors() error {
	l := x.e.Lang
	used := x.usedFactors
	st := x.st
	cols := []column{
		{header: l.T("Factor id"), width: 30}, {header: l.T("Applies from (blank: all years)"), width: 10, style: st.integer},
		{header: l.T("Name"), width: 40}, {header: l.T("Value (kgCO2e per unit, own scope)"), width: 14, style: st.number},
		{header: l.T("Unit"), width: 12}, {header: l.T("Upstream (kgCO2e per unit, Scope 3 category 3)"), width: 14, style: st.number},
		{header: l.T("Scope"), width: 7, style: st.integer}, {header: l.T("Category"), width: 9, style: st.integer},
		{header: l.T("Kind"), width: 10}, {header: l.T("CO2 (kgCO2e per unit)"), width: 11, style: st.number},
		{header: l.T("CH4 (kgCO2e per unit)"), width: 11, style: st.number}, {header: l.T("N2O (kgCO2e per unit)"), width: 11, style: st.number},
		{header: l.T("Biogenic CO2 (kg per unit)"), width: 11, style: st.number}, {header: l.T("Uncertainty (± %%, 95 %%)"), width: 11, style: st.number},
		{header: l.T("Data year"), width: 8, style: st.integer}, {header: l.T("GWP set"), width: 8}, {header: l.T("PCS/PCI"), width: 8, style: st.number},
		{header: l.T("Region"), width: 10}, {header: l.T("Boundary"), width: 20}, {header: l.T("Source"), width: 50},
		{header: l.T("Dataset"), width: 20}, {header: l.T("Version"), width: 10}, {header: l.T("Source id"), width: 14},
		{header: l.T("Licence"), width: 20}, {header: l.T("Derivation"), width: 40}, {header: l.T("Notes"), width: 40},
		{header: l.T("Lines using it"), width: 9, style: st.count},
	}
	t := table{sheet: sheetFactors, cols: cols, rows: len(used),
		title: l.T("Emission factors used, with their sources"),
		note:  l.T("Every factor vintage the lines used, as the library (built-in, or config factors.custom) holds it; market-based values from the Instruments sheet or the residual mix are listed as the lines used them.")}
	return x.stream(t, func(add func(...any) error) error {
		for _, u := range used {
			f := u.Factor
			var co2, ch4, n2o, unc, upstream, kind any
			if f.Gases != nil {
				co2, ch4, n2o = f.Gases.CO2, f.Gases.CH4, f.Gases.N2O
			}
			if f.UncertaintyPct != nil {
				unc = *f.UncertaintyPct
			}
			if u.inLibrary {
				upstream, kind = f.Upstream, kindLabel(l, f.Kind)
			}
			var bio, pcs any
			if f.BiogenicCO2 != 0 {
				bio = f.BiogenicCO2
			}
			if f.PCSPerPCI != 0 {
				pcs = f.PCSPerPCI
			}
			name := f.Name
			switch {
			case !u.inLibrary && name != "":
				name = l.T(name) // marketName's
			case l.IsFrench() && f.NameFR != "":
				name = f.NameFR
			}
			err := add(f.ID, xlsxwrite.NonZero(f.Year), blankIfEmpty(name), f.Value, blankIfEmpty(f.Unit), upstream,
				f.Scope, xlsxwrite.NonZero(f.Category), kind, co2, ch4, n2o, bio, unc,
				xlsxwrite.NonZero(f.DataYear), blankIfEmpty(f.GWP), pcs, blankIfEmpty(f.Region), blankIfEmpty(f.Boundary), blankIfEmpty(f.Source),
				blankIfEmpty(f.Dataset), blankIfEmpty(f.Version), blankIfEmpty(f.SourceID), blankIfEmpty(f.License),
				blankIfEmpty(f.Derivation), blankIfEmpty(f.Notes), u.lines)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// kindLabel names a factor's kind in the report's language (emission, avoided in English, as
// config's kind writes them); another kind is written as it is.
func kindLabel(l lang.Lang, k factors.Kind) string {
	switch k {
	case factors.KindEmission:
		return l.T("emission")
	case factors.KindAvoided:
		return l.T("avoided")
	}
	return string(k)
}
