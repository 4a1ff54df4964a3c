package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
)

// What the figures leave out is said from the rows and problems the run counted: rejected rows
// with their share and places, sheets and files not read, capped instruments.
func TestLeftOut(t *testing.T) {
	rowErr := func(file, sheet, cell string) func(*emissions.Problems) {
		return func(ps *emissions.Problems) { ps.Errorf("quantity-text", file, sheet, cell, "Quantity: text") }
	}
	fatal := func(cause, file, sheet string) func(*emissions.Problems) {
		return func(ps *emissions.Problems) { ps.Fatalf(cause, file, sheet, "", "cannot read") }
	}
	warn := func(cause, file, sheet string) func(*emissions.Problems) {
		return func(ps *emissions.Problems) { ps.Warnf(cause, file, sheet, "A2", "…") }
	}
	tests := []struct {
		name        string
		rows        emissions.Rows
		years       rejectedYears
		instruments emissions.InstrumentRows
		problems    []func(*emissions.Problems)
		want        []string // code: message, one per notice
	}{
		{"nothing left out", emissions.Rows{Read: 10, Used: 10}, rejectedYears{}, emissions.InstrumentRows{}, []func(*emissions.Problems){warn("hidden-rows", "a.xlsx", "Energy")}, nil},
		{"rejected rows, their share and sheets", emissions.Rows{Read: 480, Used: 468, Rejected: 12}, rejectedYears{}, emissions.InstrumentRows{},
			[]func(*emissions.Problems){rowErr("a.xlsx", "Energy", "E3"), rowErr("a.xlsx", "Travel", "E4"), rowErr("b.xlsx", "Energy", "E5"), rowErr("a.xlsx", "Energy", "E6")},
			[]string{"rows-rejected: 12 of 480 activity rows (2.5 %) were rejected, in a.xlsx (Energy, Travel), b.xlsx (Energy). Each is listed with its cell and reason among the problems."}},
		{"rejected rows by year, the base and reporting years named", emissions.Rows{Read: 21, Used: 12, Rejected: 9},
			rejectedYears{map[int]int{2024: 6, 2023: 1, 2022: 1}, 2023, 2024, 9}, emissions.InstrumentRows{},
			[]func(*emissions.Problems){rowErr("a.xlsx", "Energy", "E3")},
			[]string{"rows-rejected: 9 of 21 activity rows (42.9 %) were rejected, in a.xlsx (Energy); of these, 1 of 2022, 1 of 2023 (the base year), 6 of 2024 (the reporting year), 1 without a readable year. Each is listed"}},
		{"a tiny share is never 0", emissions.Rows{Read: 100000, Used: 99999, Rejected: 1}, rejectedYears{}, emissions.InstrumentRows{}, []func(*emissions.Problems){rowErr("a.xlsx", "Energy", "E3")},
			[]string{"rows-rejected: 1 of 100,000 activity rows (< 0.1 %) were rejected, in a.xlsx (Energy)."}},
		{"sheets stopped, a file unread", emissions.Rows{Read: 5, Used: 5}, rejectedYears{}, emissions.InstrumentRows{},
			[]func(*emissions.Problems){fatal("header", "a.xlsx", "Energy"), fatal("damaged", "a.xlsx", "Travel"), fatal("encrypted", "c.xlsx", "")},
			[]string{"sheets-not-read: 2 sheets were not read, or not in full: a.xlsx (Energy, Travel). Their rows are not among the 5 activity rows read; the problems say why.",
				"files-not-read: 1 file could not be read: c.xlsx. Its rows are not among the 5 activity rows read; the problems say why."}},
		{"a configuration problem is not a file left out", emissions.Rows{Read: 1, Used: 1}, rejectedYears{}, emissions.InstrumentRows{}, []func(*emissions.Problems){fatal("config", "config.yaml", "")}, nil},
		{"capped instruments, counted beyond the list's bound", emissions.Rows{Read: 1, Used: 1}, rejectedYears{}, emissions.InstrumentRows{},
			func() []func(*emissions.Problems) {
				var out []func(*emissions.Problems)
				for range emissions.MaxPerCause + 2 {
					out = append(out, warn("instrument-capped", "a.xlsx", "Instruments"))
				}
				return out
			}(),
			[]string{"instruments-capped: 1,002 contractual instrument rows were capped at the consumption left to cover, in a.xlsx (Instruments): the part beyond it is not counted in the market-based Scope 2."}},
		{"rejected instruments only", emissions.Rows{Read: 10, Used: 10}, rejectedYears{}, emissions.InstrumentRows{Read: 3, Rejected: 1},
			[]func(*emissions.Problems){rowErr("a.xlsx", "Instruments", "D3")},
			[]string{"rows-rejected: 1 of 3 contractual instrument rows (33.3 %) were rejected, in a.xlsx (Instruments): the market-based Scope 2 is computed without that instrument. Each is listed"}},
		{"rejected activity and instrument rows", emissions.Rows{Read: 10, Used: 9, Rejected: 1}, rejectedYears{}, emissions.InstrumentRows{Read: 2, Rejected: 2},
			[]func(*emissions.Problems){rowErr("a.xlsx", "Energy", "E3"), rowErr("a.xlsx", "Instruments", "D2"), rowErr("a.xlsx", "Instruments", "D3")},
			[]string{"rows-rejected: 1 of 10 activity rows (10.0 %) and 2 of 2 contractual instrument rows (100.0 %) were rejected, in a.xlsx (Energy, Instruments): the market-based Scope 2 is computed without those instruments. Each is listed"}},
		{"a sheet with control characters is escaped", emissions.Rows{Read: 1, Used: 1}, rejectedYears{}, emissions.InstrumentRows{}, []func(*emissions.Problems){fatal("sheet", "a.xlsx", "E\x1b]0;x")},
			[]string{`sheets-not-read: 1 sheet was not read, or not in full: a.xlsx ("E\x1b]0;x").`}},
		{"many places are counted, not all named", emissions.Rows{Read: 20, Used: 13, Rejected: 7}, rejectedYears{}, emissions.InstrumentRows{},
			func() []func(*emissions.Problems) {
				var out []func(*emissions.Problems)
				for i := range 7 {
					out = append(out, rowErr(fmt.Sprintf("f%d.xlsx", i), "Energy", "E2"))
				}
				return out
			}(),
			[]string{"rows-rejected: 7 of 20 activity rows (35.0 %) were rejected, in f0.xlsx (Energy), f1.xlsx (Energy), f2.xlsx (Energy), f3.xlsx (Energy), f4.xlsx (Energy), and 2 more file(s)."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps emissions.Problems
			for _, add := range tt.problems {
				add(&ps)
			}
			got := leftOut(lang.English, tt.rows, tt.years, tt.instruments, ps.List())
			if len(got) != len(tt.want) {
				t.Fatalf("%d notices, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, n := range got {
				if s := n.Code + ": " + n.Message; !strings.HasPrefix(s, tt.want[i]) {
					t.Errorf("notice %d:\n got %s\nwant %s", i, s, tt.want[i])
				}
				if n.Title != leftOutTitle || (n.Tone != ToneBad && n.Code != "instruments-capped") {
					t.Errorf("notice %d: title %q, tone %q", i, n.Title, n.Tone)
				}
			}
		})
	}
}

// A base year computed in part with factors whose data is for later years is flagged with the
// factors and the share of its total they carry; one on its own years' data is not.
func TestBaseYearOnLaterData(t *testing.T) {
	tests := []struct {
		name  string
		total float64
		found []emissions.Anachronism
		want  string // "" when no notice
	}{
		{"none", 100, nil, ""},
		{"two factors", 200, []emissions.Anachronism{{FactorID: "us.electricity.grid.camx", DataYear: 2023, TCO2e: 30}, {FactorID: "fr.diesel.road", DataYear: 2022, TCO2e: 20}},
			"the base year 2019 rests in part on factors whose data is for a later year: 50.0 t of its 200.0 tCO2e (25.0 %) comes from us.electricity.grid.camx (2023 data, 30.0 t), fr.diesel.road (2022 data, 20.0 t)."},
		{"many are counted", 1000, func() []emissions.Anachronism {
			var out []emissions.Anachronism
			for i := range 7 {
				out = append(out, emissions.Anachronism{FactorID: fmt.Sprintf("f%d", i), DataYear: 2020, TCO2e: 1})
			}
			return out
		}(), "the base year 2019 rests in part on factors whose data is for a later year: 7.0 t of its 1,000.0 tCO2e (0.7 %) comes from f0 (2020 data, 1.0 t), f1 (2020 data, 1.0 t), f2 (2020 data, 1.0 t), f3 (2020 data, 1.0 t), f4 (2020 data, 1.0 t), and 2 more."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := baseYearOnLaterData(lang.English, 2019, tt.total, tt.found)
			if ok != (tt.want != "") {
				t.Fatalf("notice %v (%+v), want one: %v", ok, n, tt.want != "")
			}
			if ok && (!strings.HasPrefix(n.Message, tt.want) || n.Code != "base-year-later-factors" || n.Tone != ToneWarn || !strings.Contains(n.Help, "factors.custom")) {
				t.Errorf("got %s %s: %s\nwant %s", n.Code, n.Tone, n.Message, tt.want)
			}
		})
	}
}

// Sheets that look like copies are named, with the sheet each copies, up to maxPlaces.
func TestSheetCopies(t *testing.T) {
	var ps emissions.Problems
	if got := sheetCopies(lang.English, ps.List()); got != nil {
		t.Errorf("no copy: %+v", got)
	}
	ps.Warnf(copyCause, "a.xlsx", "Materials (2)", "", "…")
	got := sheetCopies(lang.English, ps.List())
	want := `in a.xlsx, sheet "Materials (2)" looks like a copy of "Materials": both are counted`
	if len(got) != 1 || got[0].Code != "sheet-copy" || got[0].Tone != ToneWarn || !strings.HasPrefix(got[0].Message, want) {
		t.Errorf("one copy: %+v, want a warn sheet-copy notice starting %q", got, want)
	}
	for i := range 6 {
		ps.Warnf(copyCause, "b.xlsx", fmt.Sprintf("S (%d)", i+2), "", "…")
	}
	got = sheetCopies(lang.English, ps.List())
	if len(got) != 1 || !strings.Contains(got[0].Message, `sheet "S (5)" looks like a copy of "S"; and 2 more:`) {
		t.Errorf("seven copies: %+v, want five named and 2 more", got)
	}
}

// A reporting year with far fewer activity rows than the year before it, or after the current
// year, is questioned before its figures are read.
func TestReportingYear(t *testing.T) {
	tests := []struct {
		name       string
		rows       map[int]int // activity rows read per year
		year       int         // the reporting year
		configured bool
		want       []string // code: message start
	}{
		{"a full year", map[int]int{2023: 6, 2024: 6}, 2024, false, nil},
		{"half as many is not thin", map[int]int{2024: 6, 2025: 3}, 2025, false, nil},
		{"a stray row", map[int]int{2024: 6, 2025: 1}, 2025, false,
			[]string{"reporting-year-thin: 2025 has 1 activity row, against 6 in 2024: its figures may be incomplete; set reporting_year in the config to report on 2024."}},
		{"the year before with data", map[int]int{2021: 1200, 2022: 0, 2024: 5}, 2024, false,
			[]string{"reporting-year-thin: 2024 has 5 activity rows, against 1,200 in 2021"}},
		{"configured, without data", map[int]int{2024: 6}, 2025, true,
			[]string{"reporting-year-thin: 2025 has no activity row, against 6 in 2024: its figures may be incomplete; it is the configured reporting year"}},
		{"the first year", map[int]int{2025: 1}, 2025, false, nil},
		{"after the current year", map[int]int{2023: 6, 2042: 6}, 2042, false,
			[]string{"reporting-year-future: the reporting year 2042 is after the current year 2026; it is the latest year with data: check the Year cells of its rows"}},
		{"thin and after", map[int]int{2024: 6, 2042: 1}, 2042, false,
			[]string{"reporting-year-thin: 2042 has 1 activity row, against 6 in 2024", "reporting-year-future: the reporting year 2042"}},
		{"the current year", map[int]int{2025: 6, 2026: 6}, 2026, false, nil},
		{"configured, before any data", map[int]int{2023: 6, 2024: 6}, 2019, true,
			[]string{"reporting-year-empty: 2019 has no activity row; the inputs have rows of 2023, 2024: give one of those years as reporting_year or --year."}},
		{"configured, before the only year", map[int]int{2024: 6}, 2019, true,
			[]string{"reporting-year-empty: 2019 has no activity row; the inputs have rows of 2024 only: give that year as reporting_year or --year."}},
		{"no rows at all", map[int]int{}, 2019, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &config.Config{}
			if tt.configured {
				cfg.ReportingYear = tt.year
			}
			r := &pipeline.Result{Session: &pipeline.Session{Config: cfg}, Input: &emissions.Input{YearsRead: tt.rows}, Year: tt.year, ThisYear: 2026}
			got := reportingYear(r)
			if len(got) != len(tt.want) {
				t.Fatalf("%d notices, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, n := range got {
				if s := n.Code + ": " + n.Message; !strings.HasPrefix(s, tt.want[i]) || n.Tone != ToneWarn {
					t.Errorf("notice %d (%s):\n got %s\nwant %s", i, n.Tone, s, tt.want[i])
				}
			}
		})
	}
}

// Rows and sheets hidden in Excel are counted; a notice says so, naming where.
func TestHiddenCounted(t *testing.T) {
	var ps emissions.Problems
	if got := hiddenCounted(lang.English, ps.List()); got != nil {
		t.Fatalf("no hidden rows: %v", got)
	}
	ps.Warnf("hidden-rows", "a.xlsx", "Energy", "A5", "2 hidden row(s)")
	ps.Warnf("hidden-sheet", "a.xlsx", "Old", "", "the sheet is hidden")
	got := hiddenCounted(lang.English, ps.List())
	if len(got) != 1 || got[0].Code != "hidden-counted" || got[0].Tone != ToneWarn ||
		!strings.Contains(got[0].Message, "in a.xlsx (Energy, Old)") {
		t.Errorf("notices %+v", got)
	}
}

// Cells merged over data rows are read on their first row only; a notice says so.
func TestMergedOverRows(t *testing.T) {
	var ps emissions.Problems
	ps.Warnf("merged", "a.xlsx", "Energy", "B2", "cells B2:B5 are merged over data rows")
	got := mergedOverRows(lang.English, ps.List())
	if len(got) != 1 || got[0].Code != "merged-cells" || !strings.Contains(got[0].Message, "in a.xlsx (Energy)") {
		t.Errorf("notices %+v", got)
	}
}

// Sites or poles whose names differ only by case are counted apart; a notice names them.
func TestNamesByCase(t *testing.T) {
	years := []emissions.YearTotals{
		{Year: 2023, BySite: map[string]float64{"Flins": 1}, ByPole: map[string]float64{"P": 1}},
		{Year: 2024, BySite: map[string]float64{"FLINS": 1, "Douai": 1}, ByPole: map[string]float64{"P": 1}},
	}
	got := namesByCase(lang.English, years)
	if len(got) != 1 || got[0].Code != "names-differ-by-case" || got[0].Message != `sites "FLINS" and "Flins" are counted apart; write each name one way in every row if they are one.` {
		t.Errorf("notices %+v", got)
	}
	if got := namesByCase(lang.English, years[1:]); got != nil {
		t.Errorf("no names differing by case: %+v", got)
	}
}
