package reports

import (
	"fmt"
	"sort"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// linesColumns are the columns of the Lines sheets: every line with the input row it comes
// from, the factor vintage that produced it and the rule (part, scope, method).
func (x *exporter) linesColumns() []column {
	st := x.st
	return []column{
		{header: "File", width: 24}, {header: "Sheet", width: 14}, {header: "Row", width: 8, style: st.integer},
		{header: "Year", width: 7, style: st.integer}, {header: "Site", width: 14}, {header: "Pole", width: 14},
		{header: "Activity", width: 30}, {header: "Quantity", width: 14, style: st.number}, {header: "Unit", width: 10},
		{header: "Quantity in factor unit", width: 14, style: st.number}, {header: "Factor unit", width: 10},
		{header: "Factor id", width: 30}, {header: "Factor vintage (applies from; blank: all years)", width: 12, style: st.integer},
		{header: "Factor value (kgCO2e per factor unit)", width: 14, style: st.number}, {header: "Source", width: 50},
		{header: "Scope", width: 7, style: st.integer}, {header: "Category", width: 9, style: st.integer},
		{header: "Method", width: 10}, {header: "Part", width: 10},
		{header: "tCO2e", width: 12, style: st.lineTonnes}, {header: "Biogenic CO2 (t, outside the scopes)", width: 12, style: st.number},
		{header: "Comment", width: 30},
		{header: "Entity", width: 24}, {header: "Consolidation share", width: 10, style: st.percent},
		{header: "Gross tCO2e (before the share)", width: 12, style: st.lineTonnes}, {header: "Data type", width: 11},
	}
}

// writeLines writes every line, LinesPerSheet per sheet, with the StreamWriter.
func (x *exporter) writeLines() error {
	cols := x.linesColumns()
	vals := make([]any, len(cols))
	for i, sheet := range x.lineSheets {
		from := i * LinesPerSheet
		to := min(from+LinesPerSheet, len(x.e.Lines))
		t := table{sheet: sheet, noTitle: true, cols: cols, rows: to - from}
		err := x.stream(t, func(add func(...any) error) error {
			for _, l := range x.e.Lines[from:to] {
				if err := checkLineFinite(l); err != nil {
					return err
				}
				vals[0], vals[1], vals[2] = l.Place.File, l.Place.Sheet, l.Place.Row
				vals[3], vals[4], vals[5], vals[6] = l.Year, blankIfEmpty(l.Site), blankIfEmpty(l.Pole), l.Activity
				vals[7], vals[8], vals[9], vals[10] = l.Quantity, l.Unit, l.Converted, blankIfEmpty(l.FactorUnit)
				vals[11], vals[12], vals[13], vals[14] = blankIfEmpty(l.FactorID), nonZero(l.FactorYear), l.FactorValue, blankIfEmpty(l.Source)
				vals[15], vals[16], vals[17], vals[18] = l.Scope, nonZero(l.Category), blankIfEmpty(l.Method), string(l.Part)
				vals[19], vals[20], vals[21] = l.TCO2e, nil, blankIfEmpty(l.Comment)
				vals[22], vals[23], vals[24], vals[25] = blankIfEmpty(l.Entity), l.Share, l.Gross, blankIfEmpty(l.DataType)
				if l.BiogenicCO2 != 0 {
					vals[20] = l.BiogenicCO2
				}
				if err := add(vals...); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
	}
	return nil
}

// usedFactor is a factor the lines used: a library vintage, or a market-based value that is
// not in the library (contractual instruments, residual mix), with how many lines used it.
type usedFactor struct {
	factors.Factor
	inLibrary bool
	lines     int
}

// usedFactors finds, for every (factor id, vintage) of the lines, its full entry in the
// library; values that come from the Instruments sheet or the residual mix are listed as the
// lines give them.
func (x *exporter) usedFactors() []usedFactor {
	type key struct {
		id     string
		year   int
		value  float64
		unit   string
		source string
	}
	byKey := map[key]*usedFactor{}
	vintage := map[string][]factors.Factor{}
	for _, l := range x.e.Lines {
		if l.FactorID == "" {
			continue
		}
		// The source tells apart two dataset versions of one vintage (restatement).
		k := key{id: l.FactorID, year: l.FactorYear, source: l.Source}
		u := byKey[k]
		if u == nil {
			vs, ok := vintage[l.FactorID]
			if !ok && x.e.Library != nil {
				vs = x.e.Library.Vintages(l.FactorID)
				vintage[l.FactorID] = vs
			}
			for _, v := range vs {
				if v.Year == l.FactorYear && (u == nil || v.Source == l.Source) {
					u = &usedFactor{Factor: v, inLibrary: true}
				}
			}
			if u == nil { // not a library vintage: one row per value
				k = key{id: l.FactorID, year: l.FactorYear, value: l.FactorValue, unit: l.FactorUnit, source: l.Source}
				if u = byKey[k]; u == nil {
					u = &usedFactor{Factor: factors.Factor{ID: l.FactorID, Year: l.FactorYear, Value: l.FactorValue, Unit: l.FactorUnit,
						Scope: l.Scope, Category: l.Category, Source: l.Source, Name: marketName(l.FactorID)}}
				}
			}
			byKey[k] = u
		}
		u.lines++
	}
	out := make([]usedFactor, 0, len(byKey))
	for _, u := range byKey {
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
		return "Contractual instruments of the Instruments sheet (market-based Scope 2), weighted per year and site"
	case "residual-mix":
		return "Residual mix of config scope2.residual_mix (market-based Scope 2)"
	}
	return ""
}

func (x *exporter) writeFactors() error {
	used := x.usedFactors()
	st := x.st
	cols := []column{
		{header: "Factor id", width: 30}, {header: "Applies from (blank: all years)", width: 10, style: st.integer},
		{header: "Name", width: 40}, {header: "Value (kgCO2e per unit, own scope)", width: 14, style: st.number},
		{header: "Unit", width: 12}, {header: "Upstream (kgCO2e per unit, Scope 3 category 3)", width: 14, style: st.number},
		{header: "Scope", width: 7, style: st.integer}, {header: "Category", width: 9, style: st.integer},
		{header: "Kind", width: 10}, {header: "CO2 (kgCO2e per unit)", width: 11, style: st.number},
		{header: "CH4 (kgCO2e per unit)", width: 11, style: st.number}, {header: "N2O (kgCO2e per unit)", width: 11, style: st.number},
		{header: "Biogenic CO2 (kg per unit)", width: 11, style: st.number}, {header: "Uncertainty (± %, 95 %)", width: 11, style: st.number},
		{header: "Data year", width: 8, style: st.integer}, {header: "GWP set", width: 8}, {header: "PCS/PCI", width: 8, style: st.number},
		{header: "Region", width: 10}, {header: "Boundary", width: 20}, {header: "Source", width: 50},
		{header: "Dataset", width: 20}, {header: "Version", width: 10}, {header: "Source id", width: 14},
		{header: "Licence", width: 20}, {header: "Derivation", width: 40}, {header: "Notes", width: 40},
		{header: "Lines using it", width: 9, style: st.count},
	}
	t := table{sheet: sheetFactors, cols: cols, rows: len(used),
		title: "Emission factors used, with their sources",
		note:  "Every factor vintage the lines used, as the library (built-in, or config factors.custom) holds it; market-based values from the Instruments sheet or the residual mix are listed as the lines used them."}
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
				upstream, kind = f.Upstream, string(f.Kind)
			}
			var bio, pcs any
			if f.BiogenicCO2 != 0 {
				bio = f.BiogenicCO2
			}
			if f.PCSPerPCI != 0 {
				pcs = f.PCSPerPCI
			}
			err := add(f.ID, nonZero(f.Year), blankIfEmpty(f.Name), f.Value, blankIfEmpty(f.Unit), upstream,
				f.Scope, nonZero(f.Category), kind, co2, ch4, n2o, bio, unc,
				nonZero(f.ReferenceYear), blankIfEmpty(f.GWP), pcs, blankIfEmpty(f.Region), blankIfEmpty(f.Boundary), blankIfEmpty(f.Source),
				blankIfEmpty(f.Dataset), blankIfEmpty(f.Version), blankIfEmpty(f.SourceID), blankIfEmpty(f.License),
				blankIfEmpty(f.Derivation), blankIfEmpty(f.Notes), u.lines)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func (x *exporter) writeProblems() error {
	ps := append(append([]emissions.Problem(nil), x.e.Problems...), x.warnings.List()...)
	cols := []column{
		{header: "Severity", width: 9}, {header: "File", width: 24}, {header: "Sheet", width: 14},
		{header: "Cell", width: 8}, {header: "Cause", width: 18}, {header: "Message", width: 120},
	}
	t := table{sheet: sheetProblems, cols: cols, rows: len(ps),
		title: "Problems found in the inputs and the configuration",
		note: fmt.Sprintf("Rows read %d = used %d + rejected %d. An error rejects a row (or a file, a sheet); a warning is a choice the calculation made. Up to %d problems per cause are listed, the rest counted.",
			x.e.Rows.Read, x.e.Rows.Used, x.e.Rows.Rejected, emissions.MaxPerCause)}
	return x.stream(t, func(add func(...any) error) error {
		for _, p := range ps {
			if err := add(string(p.Severity), blankIfEmpty(p.File), blankIfEmpty(p.Sheet), blankIfEmpty(p.Cell), blankIfEmpty(p.Cause), p.Message); err != nil {
				return err
			}
		}
		return nil
	})
}
