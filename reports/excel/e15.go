package excel

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// The ESRS E1-5 sheet: energy consumption and mix (ESRS E1 §35–43, AR 32–38), one column per
// year with energy data, rows as the table of AR 34 words them.

const sheetE15 = "ESRS E1-5"

func (x *exporter) writeE15() error {
	l := x.e.Lang
	reg := x.e.EnergyTables
	cols := []column{{header: l.T("ESRS E1-5 energy consumption and mix"), width: 70}, {header: l.T("Reference"), width: 22}}
	for _, e := range reg.Energy {
		h := fmt.Sprint(e.Year)
		if e.Year == x.e.ReportingYear {
			h = l.T("%v (reporting year)", lang.Year(e.Year))
		}
		cols = append(cols, column{header: h, width: 14, style: x.st.tonnes})
	}
	cols = append(cols, column{header: l.T("Notes"), width: 80})
	notes := x.e15Notes()
	t := table{sheet: sheetE15, rows: len(reports.E15Rows), cols: cols, title: l.T("ESRS E1-5 — Energy consumption and mix") + yearLabel(",", x.e.ReportingYear),
		note: l.T("MWh of final energy on net calorific value (PCS gas converted to PCI). Purchased electricity covered by renewable instruments (0 kgCO2e/kWh) is renewable (AR 32); the rest follows config energy.electricity_mix / heat_mix; without one, grid electricity follows the published generation mix (OWID/Ember) of its site's country and year, and heat counts as fossil. Shares add up to 100 %%, and are blank when some electricity is of unknown origin.")}
	return x.stream(t, func(add func(...any) error) error {
		for i, r := range reports.E15Rows {
			label := e15Label(l, r.Label)
			vals := []any{label, l.T(r.Ref)}
			for j := range reg.Energy {
				v := r.Get(&reg.Energy[j])
				switch {
				case v == nil:
				case r.Share:
					v = cell{StyleID: x.st.percent, Value: v}
				case r.Total:
					v = cell{StyleID: x.st.totalTonnes, Value: v}
				}
				vals = append(vals, v)
			}
			if r.Total {
				vals[0] = cell{StyleID: x.st.totalLabel, Value: label}
			}
			vals = append(vals, blankIfEmpty(notes[i]))
			if err := add(vals...); err != nil {
				return err
			}
		}
		return nil
	})
}

// e15Notes says, on the total row, which mixes split purchased energy and what could not be
// counted.
func (x *exporter) e15Notes() []string {
	notes := make([]string, len(reports.E15Rows))
	l := x.e.Lang
	var mixes, missing []string
	for _, e := range x.e.EnergyTables.Energy {
		for _, m := range e.MixSources {
			if !containsStr(mixes, m) {
				mixes = append(mixes, m)
			}
		}
		for _, id := range e.NotCounted {
			if s := fmt.Sprintf("%s (%d)", id, e.Year); !containsStr(missing, s) {
				missing = append(missing, s)
			}
		}
	}
	if len(mixes) > 0 {
		notes[4] = l.T("Mixes used: %s", strings.Join(mixes, "; "))
	} else {
		notes[4] = l.T("No supply mix: purchased heat not covered by renewable instruments is counted as fossil; grid electricity follows the published generation mix of its site's country, or is of unknown origin.")
	}
	if len(missing) > 0 {
		setNote(notes, "Total energy consumption (MWh)", l.T("Energy not counted (factor without an energy content): %s", strings.Join(missing, ", ")))
	}
	if es := x.e.EnergyTables.Energy; len(es) > 0 {
		setNote(notes, "Total energy consumption from activities", l.T("Activities in high climate impact sectors (NACE sections A to H and L; config energy.high_climate_impact): %s.", es[len(es)-1].HighImpactScope))
	}
	setNote(notes, "Net revenue", l.T("Net revenue as in the financial statements (IFRS 15 or local GAAP), from the same activities (config revenue, else the net revenue of ESRS E1-6)."))
	return notes
}

// e15Label is an E1-5 row's label in language l: the label is a catalogue key but for a
// share's " (%)", which T would read as a verb.
func e15Label(l lang.Lang, label string) string {
	if base, ok := strings.CutSuffix(label, " (%)"); ok {
		return l.T(base) + " (%)"
	}
	return l.T(label)
}

// setNote sets the note of the E1-5 row whose label starts with prefix.
func setNote(notes []string, prefix, note string) {
	for i, r := range reports.E15Rows {
		if strings.HasPrefix(r.Label, prefix) {
			notes[i] = note
			return
		}
	}
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
