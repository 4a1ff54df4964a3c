package emissions_test

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook/workbooktest"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// The textbook case: 1,000,000 kWh at 0.20 kgCO2e/kWh, 600,000 kWh covered by zero-emission
// certificates, residual mix 0.45 → 200 t location-based, 180 t market-based.
func TestMarketBasedTextbook(t *testing.T) {
	wb := xlsx(t,
		sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.electricity", 1000000, "kWh"}}},
		sheet{"Instruments", [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Main", "GO wind", 600, "MWh", 0}}},
	)
	tests := []struct {
		name       string
		residual   []emissions.ResidualMix
		wantMarket float64
		wantWarn   string
	}{
		{"residual mix", []emissions.ResidualMix{{Year: 2024, Value: 0.45, Source: "AIB"}}, 180, ""},
		{"residual mix for the site wins", []emissions.ResidualMix{{Year: 2024, Value: 0.9, Source: "all"}, {Year: 2024, Site: "Main", Value: 0.45, Source: "site"}}, 180, ""},
		{"no residual mix: location factor", nil, 80, "no residual mix"},
		// An entry applies to its own year only: another year's mix falls back to the location-based
		// factor (400,000 kWh × 0.20 = 80 t), with a warning naming the years.
		{"only a later residual mix", []emissions.ResidualMix{{Year: 2025, Value: 0.45, Source: "AIB"}}, 80, "its electricity entries are for 2025 only"},
		{"only an earlier residual mix", []emissions.ResidualMix{{Year: 2019, Value: 0.45, Source: "AIB"}, {Year: 2023, Value: 0.45, Source: "AIB"}}, 80, "for electricity at site \"Main\" in 2024"},
		{"only a heat residual mix", []emissions.ResidualMix{{Year: 2024, Carrier: "heat", Value: 0.45, Source: "AIB"}}, 80, "no residual mix"},
	}
	for _, tt := range tests {
		in, inv := run(t, emissions.Options{ResidualMix: tt.residual}, map[string][]byte{"a.xlsx": wb})
		y := emissions.YearOf(t, inv, emissions.MethodMarket, 2024)
		if !near(y.Scope2Location, 200) || !near(y.Scope2Market, tt.wantMarket) {
			t.Errorf("%s: location %v market %v, want 200 and %v", tt.name, y.Scope2Location, y.Scope2Market, tt.wantMarket)
		}
		if !near(y.TotalMarket, tt.wantMarket) || !near(y.ByActivity["test.electricity"], tt.wantMarket) {
			t.Errorf("%s: market total %v, by activity %v", tt.name, y.TotalMarket, y.ByActivity)
		}
		if got := problemText(in); (tt.wantWarn == "") != !strings.Contains(got, "warning") || !strings.Contains(got, tt.wantWarn) {
			t.Errorf("%s: problems %q, want warning %q", tt.name, got, tt.wantWarn)
		}
	}
}

// The market-based lines of an electricity row keep the row's unit, each with its share of
// the row's quantity: an auditor finds 1,000 MWh on every line of the row, split 600 + 400,
// with the kWh in the factor's unit.
func TestMarketLinesKeepTheRowsUnit(t *testing.T) {
	wb := xlsx(t,
		sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.electricity", 1000, "MWh"}}},
		sheet{"Instruments", [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Main", "GO wind", 600, "MWh", 0}}},
	)
	_, inv := run(t, emissions.Options{RowLines: true, ResidualMix: []emissions.ResidualMix{{Year: 2024, Value: 0.45, Source: "AIB"}}}, map[string][]byte{"a.xlsx": wb})
	var got []string
	_ = inv.RowLines().Each(func(l *emissions.Line) error {
		got = append(got, fmt.Sprintf("%s %s %g %s %g", l.Method, l.FactorID, l.Quantity, l.Unit, l.Converted))
		return nil
	})
	want := []string{"location test.electricity 1000 MWh 1e+06", "market instruments 600 MWh 600000", "market residual-mix 400 MWh 400000"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestInstrumentsCapped(t *testing.T) {
	wb := xlsx(t,
		sheet{"Energy", [][]any{header,
			{2024, "Main", "P", "test.electricity", 300000, "kWh"},
			{2024, "Main", "Q", "test.electricity", 100000, "kWh"},
			{2024, "Other", "Q", "test.electricity", 100000, "kWh"}}},
		sheet{"Instruments", [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"},
			{2024, "Main", "GO", 300000, "kWh", 0},
			{2024, "Main", "PPA", 200000, "kWh", 0.01},
			{2023, "Main", "GO old", 1, "kWh", 0}}},
	)
	in, inv := run(t, emissions.Options{ResidualMix: []emissions.ResidualMix{{Year: 2024, Value: 0.5, Source: "rm"}}}, map[string][]byte{"a.xlsx": wb})
	y := emissions.YearOf(t, inv, emissions.MethodMarket, 2024)
	// Main: 400,000 kWh covered by 300,000 at 0 + 100,000 (capped from 200,000) at 0.01 → 1 t.
	// Other: 100,000 kWh uncovered at 0.5 → 50 t.
	if !near(y.Scope2Market, 51) || !near(y.BySite["Main"], 1) || !near(y.ByPole["P"], 0.75) {
		t.Errorf("market %v by site %v by pole %v, want 51, Main 1, P 0.75", y.Scope2Market, y.BySite, y.ByPole)
	}
	if p := problemText(in); !strings.Contains(p, `instrument "PPA" covers 200000 kWh`) || !strings.Contains(p, "Instruments, cell A3") ||
		!strings.Contains(p, `instrument "GO old"`) {
		t.Errorf("problems: %s", p)
	}
}

func TestVintageAndUpstream(t *testing.T) {
	wb := xlsx(t, sheet{"Energy", [][]any{header,
		{2019, "Main", "P", "test.grid.electricity", 1000, "kWh"},
		{2020, "Main", "P", "test.grid.electricity", 1000, "kWh"},
		{2021, "Main", "P", "test.grid.electricity", 1000, "MWh"},
		{2022, "Main", "P", "test.gas.pcs", 1000, "kWh"},
		{2022, "Main", "P", "test.gas.pcs", 1000, "kWh PCI"},
		{2022, "Main", "P", "test.diesel", 1, "m3"},
	}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	tests := []struct {
		year                 int
		scope1, scope2, cat3 float64
	}{
		{2019, 0, 0.1, 0.01}, // earliest vintage (2020), with a warning
		{2020, 0, 0.1, 0.01}, // vintage 2020
		{2021, 0, 300, 30},   // vintage 2021, MWh → kWh
		{2022, 0.181 + 0.181*1.1 + 2.5, 0, 0.0344 + 0.0344*1.1 + 0.6}, // PCI converted with the ratio
	}
	for _, tt := range tests {
		y := emissions.YearOf(t, inv, emissions.MethodMarket, tt.year)
		if !near(y.Scope1, tt.scope1) || !near(y.Scope2Location, tt.scope2) || !near(y.Scope3Categories[3], tt.cat3) || !near(y.Scope3, tt.cat3) {
			t.Errorf("%d: scope1 %v scope2 %v cat3 %v; want %v %v %v", tt.year, y.Scope1, y.Scope2Location, y.Scope3Categories[3], tt.scope1, tt.scope2, tt.cat3)
		}
		if !near(y.TotalLocation, y.Scope1+y.Scope2Location+y.Scope3) {
			t.Errorf("%d: total %v ≠ sum of scopes", tt.year, y.TotalLocation)
		}
	}
	if p := problemText(in); !strings.Contains(p, "warning: a.xlsx: sheet Energy, cell D2: factor test.grid.electricity rests on 2020 data, after the 2019 activity it computes (it has no vintage for 2019 or earlier; its earliest, 2020, is used)") {
		t.Errorf("want an anachronism warning that names the earliest vintage, got %s", p)
	}
	for _, l := range inv.Lines {
		if l.Year == 2021 && l.Part == emissions.PartDirect && l.Method == emissions.MethodLocation && (l.FactorYear != 2021 || l.FactorValue != 0.30 || l.Place.Row != 4 || l.Source != "test test.grid.electricity") {
			t.Errorf("2021 line provenance: %+v", l)
		}
	}
}

func TestReportedEmissions(t *testing.T) {
	wb := xlsx(t, sheet{"Past", [][]any{header,
		{2019, "Main", "P", "supplier figure", 12, "tCO2e", 3, 1},
		{2019, "Main", "P", "green power", 5000, "kgCO2e", 2, nil, "market"},
		{2019, "Main", "P", "grid power", 7, "tCO2e", 2},
	}})
	_, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	y := emissions.YearOf(t, inv, emissions.MethodLocation, 2019)
	if !near(y.Scope3Categories[1], 12) || !near(y.Scope2Market, 12) || !near(y.Scope2Location, 7) || !near(y.TotalLocation, 19) || !near(y.ByPole["P"], 19) {
		t.Errorf("got %+v", y)
	}
}

// Every rejection reason, with the cell it names.
func TestRejections(t *testing.T) {
	tests := []struct {
		row  []any
		cell string
		msg  string
	}{
		{[]any{nil, "Main", "P", "test.steel", 1, "t"}, "A2", "Year is blank"},
		{[]any{"last year", "Main", "P", "test.steel", 1, "t"}, "A2", `Year: text "last year" where a number was expected; enter the year of the activity as a number, such as 2024`},
		{[]any{1850, "Main", "P", "test.steel", 1, "t"}, "A2", "outside 1990–2100; enter the year of the activity as a number, such as 2024"},
		{[]any{2024, "Main", "P", nil, 1, "t"}, "D2", "Activity is blank"},
		{[]any{2024, "Main", "P", "test.stel", 1, "t"}, "D2", `unknown activity "test.stel": no factor has this id (did you mean "test.steel"?)`},
		{[]any{2024, "Main", "P", "test.steel", nil, "t"}, "E2", "Quantity: blank"},
		{[]any{2024, "Main", "P", "test.steel", "ten", "t"}, "E2", `Quantity: text "ten"`},
		{[]any{2024, "Main", "P", "test.steel", "1,5", "t"}, "E2", "comma is ambiguous"},
		{[]any{2024, "Main", "P", "test.steel", -1, "t"}, "E2", "negative"},
		{[]any{2024, "Main", "P", "test.steel", 1, nil}, "F2", "Unit is blank"},
		{[]any{2024, "Main", "P", "test.steel", 1, "kWh"}, "F2", `unit "kWh" (energy) does not convert to the factor's unit "t" (mass)`},
		{[]any{2024, "Main", "P", "test.fuel.pcs", 1, "kWh PCI"}, "F2", "no PCS/PCI ratio"},
		{[]any{2024, "Main", "P", "test.electricity", 1, "kWh PCS"}, "F2", "has none"},
		{[]any{2024, "Main", "P", "test.steel", 1, "kg PCS"}, "F2", "calorific basis goes with an energy unit"},
		{[]any{2024, "Main", "P", "test.steel", 1, "t", 7}, "G2", "want 1, 2 or 3"},
		{[]any{2024, "Main", "P", "test.steel", 1, "t", 1}, "D2", "Scope 1 given but factor test.steel is Scope 3"},
		{[]any{2024, "Main", "P", "test.diesel", 1, "L", nil, 4}, "D2", "categories belong to Scope 3"},
		{[]any{2024, "Main", "P", "test.steel", 1, "t", nil, 16}, "H2", "from 1 to 15"},
		{[]any{2024, "Main", "P", "test.steel", 1, "t", nil, nil, "both"}, "I2", "want location or market"},
		{[]any{2024, "Main", "P", "test.electricity", 1, "kWh", nil, nil, "market"}, "I2", "Method is for already-computed"},
		{[]any{2024, "Main", "P", "x", 1, "tCO2e"}, "F2", "needs its Scope"},
		{[]any{2024, "Main", "P", "test.steel", 1e308, "t"}, "E2", "more than the 1000000000000 t one row can plausibly hold"},
		{[]any{2024, "Main", "P", "test.electricity", 1e306, "GWh"}, "E2", "plausibly hold"},
		{[]any{2024, "Main", "P", "x", 2e12, "tCO2e", 1}, "E2", "plausibly hold"},
		{[]any{2024, "Main", "P", "x", 1, "tCO2e", 3}, "F2", "needs its Category"},
		{[]any{2024, "Main", "P", "x", 1, "tCO2e", 1, nil, "market"}, "I2", "Method is for Scope 2 rows"},
	}
	for _, tt := range tests {
		wb := xlsx(t, sheet{"Energy", [][]any{header, tt.row, {}, {2024, "Main", "P", "test.steel", 1, "t"}}})
		in, inv := run(t, emissions.Options{}, map[string][]byte{"in.xlsx": wb})
		if inv.Rows != (emissions.Rows{Read: 2, Used: 1, Rejected: 1}) {
			t.Errorf("%v: rows %+v, want 2 read, 1 used, 1 rejected", tt.row, inv.Rows)
		}
		ps := in.Problems.List()
		if len(ps) == 0 || ps[0].Severity != emissions.SeverityError || ps[0].File != "in.xlsx" || ps[0].Sheet != "Energy" || ps[0].Cell != tt.cell || !strings.Contains(ps[0].Message, tt.msg) {
			t.Errorf("%v: problems %v, want an error at Energy!%s containing %q", tt.row, ps, tt.cell, tt.msg)
		}
		if in.Problems.Fatal() != 0 {
			t.Errorf("%v: a row rejection must not be fatal", tt.row)
		}
	}
}

func TestSheetAndFileErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"missing column", xlsx(t, sheet{"Energy", [][]any{{"Year", "Activity", "Unit"}, {2024, "test.steel", "t"}}}),
			"x.xlsx: sheet Energy, cell A1: the header row (Year, Activity, Unit) lacks the required column(s) Quantity"},
		{"duplicate column", xlsx(t, sheet{"Energy", [][]any{{"Year", "Activity", "Quantity", "Unit", "quantity"}}}),
			"x.xlsx: sheet Energy, cell E1: column Quantity appears twice in the header row (C1 and E1)"},
		{"no activity sheet", xlsx(t, sheet{"Notes", [][]any{{"hello"}, {"world"}}}),
			"x.xlsx: no activity sheet"},
		{"csv renamed", []byte("Year,Activity,Quantity,Unit\n2024,test.steel,1,t\n"),
			"x.xlsx: cannot read the workbook: it is a text file (a CSV?), not an .xlsx workbook"},
		{"empty file", nil, "x.xlsx: cannot read the workbook: it is empty (0 bytes)"},
	}
	for _, tt := range tests {
		in, inv := run(t, emissions.Options{}, map[string][]byte{"x.xlsx": tt.data})
		if in.Problems.Fatal() == 0 || !strings.Contains(problemText(in), tt.want) {
			t.Errorf("%s: fatal %d, problems %q, want %q", tt.name, in.Problems.Fatal(), problemText(in), tt.want)
		}
		if inv.Rows.Read != 0 {
			t.Errorf("%s: rows %+v", tt.name, inv.Rows)
		}
	}
}

func TestHeaderAliasesBlankRowsAndOffsetHeader(t *testing.T) {
	wb := xlsx(t, sheet{"Matières", [][]any{
		{},
		{nil, "Année", "Pôle", "  activité ", "QUANTITÉ", "Unité", "Free column"},
		{nil, 2024, "RE-CYCLE", "test.steel", 2, "t", "ignored"},
		{nil, "  ", nil, ""},
		{nil, 2024, "", "test.steel", 500, "kg"},
	}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"fr.xlsx": wb})
	// the one problem: the column footprint does not read, never ignored in silence
	ps := in.Problems.List()
	if inv.Rows != (emissions.Rows{Read: 2, Used: 2}) || len(ps) != 1 || ps[0].Cause != "unknown-column" || ps[0].Cell != "G2" {
		t.Fatalf("rows %+v problems %v", inv.Rows, ps)
	}
	y := emissions.YearOf(t, inv, emissions.MethodMarket, 2024)
	if !near(y.Scope3Categories[1], 5) || !near(y.ByPole["RE-CYCLE"], 4) || !near(y.ByPole[emissions.Unassigned], 1) || !near(y.BySite["Main"], 5) {
		t.Errorf("got %+v", y)
	}
}

func TestProblemsBounded(t *testing.T) {
	rows := [][]any{header}
	for i := 0; i < emissions.MaxPerCause+50; i++ {
		rows = append(rows, []any{2024, "Main", "P", "nope", i + 1, "t"})
	}
	in, inv := run(t, emissions.Options{}, map[string][]byte{"big.xlsx": xlsx(t, sheet{"Energy", rows})})
	ps := in.Problems.List()
	if inv.Rows.Rejected != emissions.MaxPerCause+50 || len(ps) != emissions.MaxPerCause+1 || !strings.Contains(ps[emissions.MaxPerCause].Message, "50 more problems") {
		t.Errorf("rejected %d, listed %d, last %v", inv.Rows.Rejected, len(ps), ps[len(ps)-1])
	}
	if in.Problems.Errors() != emissions.MaxPerCause+50 || in.Problems.Warnings() != 0 {
		t.Errorf("Errors() = %d, Warnings() = %d", in.Problems.Errors(), in.Problems.Warnings())
	}
	var ps2 emissions.Problems
	for i := 0; i < emissions.MaxPerCause+7; i++ {
		ps2.Warnf("vintage-fallback", "f.xlsx", "Energy", "A2", "warning %d", i)
	}
	ps2.Errorf("unknown-activity", "f.xlsx", "Energy", "D2", "an error")
	if ps2.Warnings() != emissions.MaxPerCause+7 || ps2.Errors() != 1 || len(ps2.List()) != emissions.MaxPerCause+2 {
		t.Errorf("Warnings() = %d, Errors() = %d, listed %d", ps2.Warnings(), ps2.Errors(), len(ps2.List()))
	}
}

// The lines of gases outside the Kyoto basket, kept one per row, keep no reference to the
// reader's buffer their row's strings pointed into (a workbook's shared strings, a batch of
// rows), as the grouped lines keep none.
func TestOutsideLinesKeepNoReaderBuffer(t *testing.T) {
	c, err := emissions.NewCalculator(emissions.Options{Library: workbooktest.Library(t)})
	if err != nil {
		t.Fatal(err)
	}
	var problems emissions.Problems
	c.Begin(&problems)
	freed := make(chan struct{})
	func() {
		buf := new([1 << 20]byte)
		n := copy(buf[:], "refrigerant.r-22 kg Main P1 a leak Sheet1 w.xlsx")
		runtime.SetFinalizer(buf, func(*[1 << 20]byte) { close(freed) })
		text := unsafe.String(&buf[0], n)
		a := emissions.Activity{Place: emissions.Place{File: text[42:], Sheet: text[35:41], Row: 2}, Year: 2024, ID: text[:16], Unit: text[17:19],
			Site: text[20:24], Pole: text[25:27], Comment: text[28:34], Quantity: 1}
		if !c.Add(&a) {
			t.Fatalf("row rejected: %v", problems.List())
		}
	}()
	if err := c.Commit(); err != nil {
		t.Fatal(err)
	}
	inv, err := c.Finish(&emissions.Input{})
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Outside) != 1 || inv.Outside[0].Site != "Main" || inv.Outside[0].Comment != "a leak" || inv.Outside[0].Place.File != "w.xlsx" {
		t.Fatalf("outside lines %+v", inv.Outside)
	}
	for range 10 {
		runtime.GC()
		select {
		case <-freed:
			runtime.KeepAlive(inv)
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Error("the inventory's outside lines keep the buffer their row's strings pointed into")
}

// The lines of gases outside the Kyoto basket are in no total, but every list of lines shows
// them: AllLines gives them after the rows' lines, and counts them in its length.
func TestRowLinesListOutsideLines(t *testing.T) {
	c, err := emissions.NewCalculator(emissions.Options{Library: workbooktest.Library(t)})
	if err != nil {
		t.Fatal(err)
	}
	var problems emissions.Problems
	c.Begin(&problems)
	for i, id := range []string{"refrigerant.r-410a", "refrigerant.r-22"} {
		a := emissions.Activity{Place: emissions.Place{File: "w.xlsx", Sheet: "Refrigerants", Row: 2 + i}, Year: 2024, ID: id, Unit: "kg",
			Site: "Main", Pole: "P1", Quantity: 4}
		if !c.Add(&a) {
			t.Fatalf("row rejected: %v", problems.List())
		}
	}
	if err := c.Commit(); err != nil {
		t.Fatal(err)
	}
	inv, err := c.Finish(&emissions.Input{})
	if err != nil {
		t.Fatal(err)
	}
	src := inv.AllLines()
	var parts []emissions.Part
	if err := src.Each(func(l *emissions.Line) error { parts = append(parts, l.Part); return nil }); err != nil {
		t.Fatal(err)
	}
	if src.Len() != len(parts) || len(parts) == 0 || parts[len(parts)-1] != emissions.PartOutside {
		t.Errorf("Len %d, lines %v; want the R-22 line outside the scopes last", src.Len(), parts)
	}
}
