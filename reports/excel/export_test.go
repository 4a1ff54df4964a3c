package excel_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/internal/golden"
	"github.com/footprint/footprint/internal/xlsxwrite"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/xuri/excelize/v2"
)

// closeRel compares an exported figure with the inventory's: excelize writes 15 significant
// digits (what Excel keeps), so the last bits of a float64 may differ.
func closeRel(got, want float64) bool {
	return math.Abs(got-want) <= 1e-13*math.Max(1, math.Abs(want))
}

func num(t testing.TB, s, where string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%s: %q is not a number", where, s)
	}
	return v
}

func yearsOf(e reports.Report) map[int]emissions.YearTotals {
	m := map[int]emissions.YearTotals{}
	for _, y := range e.Years {
		m[y.Year] = y
	}
	return m
}

func TestExportE16MatchesInventory(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	s := readSheet(t, f, "ESRS E1-6")
	years := yearsOf(e)
	n := e.ReportingYear
	cols := map[int]int{2: e.Trajectory.BaseYear, 3: n - 1, 4: n}
	if got := s.at(2, 3) + "|" + s.at(3, 3) + "|" + s.at(4, 3); got != "Base year 2019|N-1 2024|N 2025" {
		t.Errorf("year headers %q", got)
	}
	type figure struct {
		label string
		get   func(emissions.YearTotals) (float64, bool)
	}
	always := func(fn func(emissions.YearTotals) float64) func(emissions.YearTotals) (float64, bool) {
		return func(y emissions.YearTotals) (float64, bool) { return fn(y), true }
	}
	figures := []figure{
		{"Gross Scope 1 GHG emissions (tCO2eq)", always(func(y emissions.YearTotals) float64 { return y.Scope1 })},
		{"Gross location-based Scope 2 GHG emissions (tCO2eq)", always(func(y emissions.YearTotals) float64 { return y.Scope2Location })},
		{"Gross market-based Scope 2 GHG emissions (tCO2eq)", always(func(y emissions.YearTotals) float64 { return y.Scope2Market })},
		{"Total Gross indirect (Scope 3) GHG emissions (tCO2eq)", always(func(y emissions.YearTotals) float64 { return y.Scope3 })},
		{"Total GHG emissions (location-based) (tCO2eq)", always(func(y emissions.YearTotals) float64 { return y.TotalLocation })},
		{"Total GHG emissions (market-based) (tCO2eq)", always(func(y emissions.YearTotals) float64 { return y.TotalMarket })},
		{"Biogenic CO2 emissions from the combustion or biodegradation of biomass (tCO2)", always(func(y emissions.YearTotals) float64 { return y.BiogenicCO2 })},
	}
	for c := 1; c <= 15; c++ {
		label := strconv.Itoa(c) + " " + reports.Scope3CategoryNames[c]
		if c == 3 {
			label += " (not included in Scope 1 or Scope 2)"
		}
		figures = append(figures, figure{label, func(y emissions.YearTotals) (float64, bool) {
			v, ok := y.Scope3Categories[c]
			return v, ok
		}})
	}
	for _, fg := range figures {
		r := s.findRow(fg.label)
		if r == 0 {
			t.Errorf("no row %q", fg.label)
			continue
		}
		for col, y := range cols {
			want, ok := fg.get(years[y])
			got := s.at(col, r)
			switch {
			case !ok && got != "":
				t.Errorf("%q %d: %q, want blank (no data)", fg.label, y, got)
			case ok && !closeRel(num(t, got, fg.label), want):
				t.Errorf("%q %d: %s, want %v", fg.label, y, got, want)
			}
		}
	}
	// % N / N-1 is a number (a fraction), not text.
	r1 := s.findRow("Gross Scope 1 GHG emissions (tCO2eq)")
	if got, want := num(t, s.at(5, r1), "% change"), (years[n].Scope1-years[n-1].Scope1)/years[n-1].Scope1; !closeRel(got, want) {
		t.Errorf("%% change Scope 1: %v, want %v", got, want)
	}
	// The ETS share (E1-6 §48 (b)) is Scope 1 of the flagged activities over Scope 1, a share.
	if r := s.findRow("Percentage of Scope 1 GHG emissions from regulated emission trading schemes (%)"); r == 0 {
		t.Error("no ETS row")
	} else if got, want := num(t, s.at(4, r), "ETS share"), e.Regulatory.Figures[n].Scope1ETS/years[n].Scope1; !closeRel(got, want) || !(got > 0 && got <= 1) {
		t.Errorf("ETS share %v, want %v", got, want)
	}

	// Totals are formulas Scope 1 + Scope 2 + Scope 3 (AR 47) whose cached value is a number.
	rows := map[string]int{}
	for _, k := range []string{"Gross Scope 1 GHG emissions (tCO2eq)", "Gross location-based Scope 2 GHG emissions (tCO2eq)",
		"Gross market-based Scope 2 GHG emissions (tCO2eq)", "Total Gross indirect (Scope 3) GHG emissions (tCO2eq)",
		"Total GHG emissions (location-based) (tCO2eq)", "Total GHG emissions (market-based) (tCO2eq)", "Scopes 1 + 2 (Scope 2 market-based) (tCO2eq)"} {
		if rows[k] = s.findRow(k); rows[k] == 0 {
			t.Fatalf("no row %q", k)
		}
	}
	for _, tc := range []struct {
		total string
		s2    string
	}{{"Total GHG emissions (location-based) (tCO2eq)", "Gross location-based Scope 2 GHG emissions (tCO2eq)"},
		{"Total GHG emissions (market-based) (tCO2eq)", "Gross market-based Scope 2 GHG emissions (tCO2eq)"}} {
		for _, col := range []string{"B", "C", "D"} {
			ref := col + strconv.Itoa(rows[tc.total])
			formula, err := f.GetCellFormula("ESRS E1-6", ref)
			if err != nil {
				t.Fatal(err)
			}
			want := col + strconv.Itoa(rows["Gross Scope 1 GHG emissions (tCO2eq)"]) + "+" + col + strconv.Itoa(rows[tc.s2]) + "+" + col + strconv.Itoa(rows["Total Gross indirect (Scope 3) GHG emissions (tCO2eq)"])
			if formula != want {
				t.Errorf("%s formula %q, want %q", ref, formula, want)
			}
			if typ, _ := f.GetCellType("ESRS E1-6", ref); typ == excelize.CellTypeFormula {
				t.Errorf("%s caches its value as text (t=\"str\")", ref)
			}
		}
	}

	// Targets: Scope 3's on the Scope 3 row, the Scopes 1+2 target on its own row, their sum
	// on the market-based total (the trajectory follows market-based Scope 2).
	ty := map[int]plan.TrajectoryYear{}
	for _, y := range e.Trajectory.Years {
		ty[y.Year] = y
	}
	checkTarget := func(row string, col int, want float64) {
		t.Helper()
		if got := num(t, s.at(col, rows[row]), row); !closeRel(got, want) {
			t.Errorf("%s col %d: %v, want %v", row, col, got, want)
		}
	}
	if s.at(6, 3) != "Target 2025" || s.at(7, 3) != "Target 2030" || s.at(8, 3) != "Target 2050" || s.at(9, 3) != "Annual % target / Base year" {
		t.Errorf("target headers %q", s.rows[2])
	}
	checkTarget("Scopes 1 + 2 (Scope 2 market-based) (tCO2eq)", 6, *ty[2025].Targets[0])
	checkTarget("Scopes 1 + 2 (Scope 2 market-based) (tCO2eq)", 7, *ty[2030].Targets[0])
	checkTarget("Scopes 1 + 2 (Scope 2 market-based) (tCO2eq)", 9, 0.042) // SBTi 1.5 °C: 4.2 % of base a year
	// 2050: the milestones of config (90 % below the base year), each target and their sum.
	checkTarget("Scopes 1 + 2 (Scope 2 market-based) (tCO2eq)", 8, 0.1**ty[2019].Targets[0])
	checkTarget("Total Gross indirect (Scope 3) GHG emissions (tCO2eq)", 8, 0.1**ty[2019].Targets[1])
	checkTarget("Total GHG emissions (market-based) (tCO2eq)", 8, 0.1**ty[2019].Target)
	checkTarget("Total Gross indirect (Scope 3) GHG emissions (tCO2eq)", 7, *ty[2030].Targets[1])
	checkTarget("Total Gross indirect (Scope 3) GHG emissions (tCO2eq)", 9, 0.30/11)
	checkTarget("Total GHG emissions (market-based) (tCO2eq)", 6, *ty[2025].Target)
	checkTarget("Total GHG emissions (market-based) (tCO2eq)", 7, *ty[2030].Target)
	checkTarget("Scopes 1 + 2 (Scope 2 market-based) (tCO2eq)", 4, years[n].Scope1+years[n].Scope2Market)
	for _, row := range []string{"Gross Scope 1 GHG emissions (tCO2eq)", "Gross location-based Scope 2 GHG emissions (tCO2eq)", "Total GHG emissions (location-based) (tCO2eq)"} {
		if got := s.at(6, rows[row]) + s.at(7, rows[row]); got != "" {
			t.Errorf("%s has a target %q: no target covers it alone", row, got)
		}
	}
}

func TestExportLinesAndSums(t *testing.T) {
	e := demoInventory(t)
	defer func(n int) { excel.LinesPerSheet = n }(excel.LinesPerSheet)
	excel.LinesPerSheet = 500
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	sheets := f.GetSheetList()
	want := []string{"Summary", "ESRS E1-6", "Entities", "ESRS E1-5", "BEGES", "BEGES plan d'action", "Refrigerants", "Breakdown", "Trajectory", "Claim", "ESRS E1-7", "Uncertainty", "Changes", "Lines", "Lines 2", "Lines 3", "Factors", "Intensity", "Avoided", "Problems"}
	if strings.Join(sheets, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets %v, want %v", sheets, want)
	}
	type key struct{ year, scope int }
	sums := map[key]float64{}
	s2loc, biogenic := map[int]float64{}, map[int]float64{}
	count := 0
	rowsUsed := map[string]bool{} // file|sheet|row
	for _, sheet := range []string{"Lines", "Lines 2", "Lines 3"} {
		s := readSheet(t, f, sheet)
		if s.at(1, 1) != "File" || s.at(20, 1) != "tCO2e" {
			t.Fatalf("%s header %q", sheet, s.rows[0])
		}
		for r := 2; r <= len(s.rows); r++ {
			l := linesOf(e)[count]
			count++
			if s.at(1, r) != l.Place.File || s.at(2, r) != l.Place.Sheet || s.at(3, r) != strconv.Itoa(l.Place.Row) || s.at(12, r) != l.FactorID {
				t.Fatalf("%s row %d: %q, want line %+v", sheet, r, s.rows[r-1], l)
			}
			rowsUsed[s.at(1, r)+"|"+s.at(2, r)+"|"+s.at(3, r)] = true
			year, scope := int(num(t, s.at(4, r), "year")), int(num(t, s.at(16, r), "scope"))
			v := num(t, s.at(20, r), "tCO2e")
			if s.at(19, r) == "avoided" {
				continue
			}
			if bio := s.at(21, r); bio != "" {
				biogenic[year] += num(t, bio, "biogenic")
			}
			method := s.at(18, r)
			if scope == 2 && method != "market" {
				s2loc[year] += v
			}
			if scope == 2 && method == "location" {
				continue
			}
			sums[key{year, scope}] += v
		}
	}
	if count != e.Lines.Len() {
		t.Fatalf("%d lines in the Lines sheets, want %d", count, e.Lines.Len())
	}
	// Every row used gives its lines (direct, upstream, market-based), each naming that row,
	// a leak of a gas outside the Kyoto basket included: its line is outside the
	// scopes, in no total.
	if len(rowsUsed) != e.Rows.Used {
		t.Errorf("the lines come from %d input rows, %d were used", len(rowsUsed), e.Rows.Used)
	}
	for _, y := range e.Years {
		for scope, want := range map[int]float64{1: y.Scope1, 2: y.Scope2Market, 3: y.Scope3} {
			if got := sums[key{y.Year, scope}]; !near(got, want) {
				t.Errorf("%d Scope %d: lines sum to %v, inventory %v", y.Year, scope, got, want)
			}
		}
		if !near(s2loc[y.Year], y.Scope2Location) || !near(biogenic[y.Year], y.BiogenicCO2) {
			t.Errorf("%d: Scope 2 location %v (want %v), biogenic %v (want %v)", y.Year, s2loc[y.Year], y.Scope2Location, biogenic[y.Year], y.BiogenicCO2)
		}
	}

	// Factors: every (id, vintage) the lines used, and the counts add up to the lines with a factor.
	fs := readSheet(t, f, "Factors")
	used := 0
	for _, l := range linesOf(e) {
		if l.FactorID != "" {
			used++
		}
	}
	counted := 0
	ids := map[string]bool{}
	for r := 4; r <= len(fs.rows); r++ {
		counted += int(num(t, fs.at(27, r), "lines using it"))
		ids[fs.at(1, r)] = true
	}
	if counted != used {
		t.Errorf("factor rows count %d lines, want %d", counted, used)
	}
	for _, id := range []string{"fr.electricity.grid", "fr.natural-gas.pcs", "instruments"} {
		if !ids[id] {
			t.Errorf("factor %s missing from Factors", id)
		}
	}
	if r := fs.findRow("fr.natural-gas.pcs"); r == 0 || !strings.Contains(fs.at(20, r), "ADEME") || fs.at(5, r) != "kWh PCS" {
		t.Errorf("fr.natural-gas.pcs row %q", fs.rows[max(r-1, 0)])
	}

	// Problems: every problem, with its place.
	ps := readSheet(t, f, "Problems")
	if got := len(ps.rows) - 3; got != len(e.Problems) {
		t.Errorf("%d problems listed, want %d", got, len(e.Problems))
	}
	if p := e.Problems[0]; ps.at(1, 4) != string(p.Severity) || ps.at(2, 4) != p.File || ps.at(6, 4) != p.Message {
		t.Errorf("first problem %q, want %+v", ps.rows[3], p)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestExportDefaultKeepsOneLinesSheet(t *testing.T) {
	b, _ := writeExportBytes(t, demoInventory(t))
	f := openWorkbook(t, b)
	if idx, _ := f.GetSheetIndex("Lines 2"); idx != -1 {
		t.Error("a second Lines sheet for 1,129 lines")
	}
	if excel.LinesPerSheet != 1_048_575 {
		t.Errorf("LinesPerSheet %d, want Excel's 1,048,576 rows less the header", excel.LinesPerSheet)
	}
}

// TestExportTextStaysText: what users type is data. Strings that look like formulas stay text,
// and a cell longer than Excel's 32,767 characters is truncated with a warning naming it.
func TestExportTextStaysText(t *testing.T) {
	long := strings.Repeat("é", 20000) + strings.Repeat("😀", 10000) // 40,000 UTF-16 units
	lines := []emissions.Line{
		{Place: emissions.Place{File: "=HYPERLINK(\"http://x\")", Sheet: "+Energy", Row: 2}, Year: 2024, Site: "-Site", Pole: "@Pole",
			Activity: "=1+1", Quantity: 10, Unit: "kWh", Part: emissions.PartDirect, Scope: 1, Converted: 10, FactorID: "x", FactorValue: 2,
			FactorUnit: "kWh", Source: "=cmd|' /C calc'!A0", TCO2e: 0.02, Comment: long},
	}
	e := reports.Report{Site: "=Site", ReportingYear: 2024, GWP: "AR6", Years: emissions.Aggregate(lines, "market"), Lines: emissions.LineSlice(lines),
		Rows: emissions.Rows{Read: 1, Used: 1}}
	b, warnings := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	for ref, want := range map[string]string{"A2": lines[0].Place.File, "B2": "+Energy", "E2": "-Site", "F2": "@Pole", "G2": "=1+1", "O2": lines[0].Source} {
		if formula, _ := f.GetCellFormula("Lines", ref); formula != "" {
			t.Errorf("Lines!%s became a formula %q", ref, formula)
		}
		if got, _ := f.GetCellValue("Lines", ref); got != want {
			t.Errorf("Lines!%s = %q, want %q", ref, got, want)
		}
	}
	comment, _ := f.GetCellValue("Lines", "V2")
	if n := len(utf16.Encode([]rune(comment))); n > 32767 || n < 32766 || !strings.HasPrefix(long, comment) {
		t.Errorf("comment: %d UTF-16 units, prefix of the original %v", n, strings.HasPrefix(long, comment))
	}
	if len(warnings) != 1 || warnings[0].Sheet != "Lines" || warnings[0].Cell != "V2" || !strings.Contains(warnings[0].Message, "40000 characters") {
		t.Fatalf("warnings %+v", warnings)
	}
	fr := e
	fr.Lang = lang.French
	if _, ws := writeExportBytes(t, fr); len(ws) != 1 || ws[0].Message != "export\u202f: le texte a 40000 caractères, plus que les 32767 qu’une cellule peut contenir\u202f; l’export en garde les 32766 premiers" {
		t.Errorf("French warnings %+v", ws)
	}
	ps := readSheet(t, f, "Problems")
	if ps.findRow("warning") != 4 || ps.at(3, 4) != "Lines" || ps.at(4, 4) != "V2" {
		t.Errorf("Problems sheet %q", ps.rows)
	}
	if v, _ := f.GetCellValue("Summary", "A1"); !strings.HasSuffix(v, "=Site") {
		t.Errorf("Summary title %q", v)
	}
	// No trajectory: the export still has its sheets, without the trajectory chart.
	if tr := readSheet(t, f, "Trajectory"); len(tr.rows) != 3 {
		t.Errorf("Trajectory without a trajectory: %d rows", len(tr.rows))
	}
}

// TestExportDeterministic: the same inputs give the same bytes, whatever the run and the
// folder (excelize alone writes [Content_Types].xml in map order once a chart is added).
func TestExportDeterministic(t *testing.T) {
	e := demoInventory(t)
	first, _ := writeExportBytes(t, e)
	for i := 0; i < 4; i++ {
		again, _ := writeExportBytes(t, e)
		if !bytes.Equal(first, again) {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
	var files [][]byte
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "nested", "out")} {
		path := filepath.Join(dir, excel.FileName(e.ReportingYear))
		if _, err := excel.WriteFile(path, e, nil); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
		if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
	if !bytes.Equal(files[0], first) || !bytes.Equal(files[1], first) {
		t.Error("the file differs from the bytes written to a writer, or between folders")
	}

	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
			t.Errorf("%s has a modification time %v", zf.Name, zf.Modified)
		}
		if zf.Name != "[Content_Types].xml" && zf.Name != "docProps/core.xml" {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == "docProps/core.xml" {
			if bytes.Contains(b, []byte("dcterms:created")) || bytes.Contains(b, []byte("dcterms:modified")) || !bytes.Contains(b, []byte("GHG inventory 2025")) {
				t.Errorf("core.xml: %s", b)
			}
			continue
		}
		defaults := regexp.MustCompile(`<Default [^>]*>`).FindAllString(string(b), -1)
		if len(defaults) < 3 || !sort.StringsAreSorted(defaults) {
			t.Errorf("[Content_Types].xml defaults not sorted: %v", defaults)
		}
	}
	// [Content_Types].xml first, the parts sorted by name, the Lines sheets' parts last (they
	// are written straight into the package once the others are)
	var lines []string
	wb := openWorkbook(t, first)
	for _, sheet := range wb.GetSheetList() {
		if sheet == "Lines" || strings.HasPrefix(sheet, "Lines ") {
			lines = append(lines, fmt.Sprintf("xl/worksheets/sheet%d.xml", sheetID(wb, sheet)))
		}
	}
	k := len(names) - len(lines)
	if len(lines) == 0 || names[0] != "[Content_Types].xml" || !sort.StringsAreSorted(names[1:k]) || strings.Join(names[k:], ",") != strings.Join(lines, ",") {
		t.Errorf("parts not in order: %v (Lines parts %v)", names, lines)
	}
	if !contains(names, "xl/charts/chart1.xml") || !contains(names, "xl/charts/chart2.xml") {
		t.Errorf("the Summary's two charts are missing: %v", names)
	}
}

func contains(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}

// TestExportGolden compares the demo export cell by cell (value, type, number format,
// formula) with testdata/demo-export.golden; `go test ./reports -run Golden -update` rewrites it.
func TestExportGolden(t *testing.T) {
	b, _ := writeExportBytes(t, demoInventory(t))
	got := dumpCells(t, openWorkbook(t, b))
	golden.Check(t, filepath.Join("testdata", "demo-export.golden"), []byte(got))
}

// TestExportGoldenFrench is TestExportGolden for a report in French: the same demo, every
// sheet name, title, header and note in French, the figures the same numbers with the same
// number formats.
func TestExportGoldenFrench(t *testing.T) {
	e := demoInventory(t)
	e.Lang = lang.French
	b, _ := writeExportBytes(t, e)
	got := dumpCells(t, openWorkbook(t, b))
	golden.Check(t, filepath.Join("testdata", "demo-export.fr.golden"), []byte(got))
}

// TestExportRejectsNonFinite: a NaN or infinite figure would be written as text (Summary) or
// as a number no reader accepts (the streamed sheets); the export refuses it, names it, and
// leaves the previous file in place with no temporary file beside it.
func TestExportRejectsNonFinite(t *testing.T) {
	line := func(row int, tco2e float64) emissions.Line {
		return emissions.Line{Place: emissions.Place{File: "in.xlsx", Sheet: "Energy", Row: row}, Year: 2024, Activity: "fr.electricity.grid",
			Quantity: 1, Unit: "kWh", Converted: 1, FactorID: "fr.electricity.grid", FactorValue: 1, FactorUnit: "kWh",
			Part: emissions.PartDirect, Scope: 2, Method: emissions.MethodLocation, TCO2e: tco2e}
	}
	good := []emissions.Line{line(2, 1), line(3, 2)}
	years := emissions.Aggregate(good, "market")
	nanYears := emissions.Aggregate(good, "market")
	nanYears[0].Scope1 = math.NaN()
	for _, tt := range []struct {
		name  string
		years []emissions.YearTotals
		lines []emissions.Line
		where string
	}{
		{"a year's figure", nanYears, good, "year 2024 scope1"},
		{"a line", years, []emissions.Line{line(2, 1), line(3, math.Inf(1))}, "sheet Energy, row 3 (fr.electricity.grid): tCO2e"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := reports.Report{Site: "Plant", ReportingYear: 2024, GWP: "AR6", Years: tt.years, Lines: emissions.LineSlice(tt.lines), Rows: emissions.Rows{Read: 2, Used: 2}}
			dir := t.TempDir()
			path := filepath.Join(dir, "footprint-2024.xlsx")
			if err := os.WriteFile(path, []byte("previous export"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := excel.WriteFile(path, e, nil)
			var nf *reports.NonFiniteError
			if !errors.As(err, &nf) || !strings.Contains(nf.Where, tt.where) {
				t.Fatalf("err = %v, want a NonFiniteError at %q", err, tt.where)
			}
			if b, _ := os.ReadFile(path); string(b) != "previous export" {
				t.Errorf("the previous file was replaced: %q", b)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestExportTruncatesEveryText: user names reach headers (targets, levers) and titles, not
// only data cells; excelize would cut a header silently, so every text goes through the same
// truncation, with a warning naming its cell.
func TestExportTruncatesEveryText(t *testing.T) {
	e := demoInventory(t)
	long := strings.Repeat("x", 40000)
	e.Site = long
	targets := slices.Clone(e.Targets)
	targets[0].Name = long
	e.Targets = targets
	tr := *e.Trajectory
	tr.Levers = slices.Clone(tr.Levers)
	tr.Levers[0].Lever.Name = long
	e.Trajectory = &tr
	b, warnings := writeExportBytes(t, e)
	got := map[string]bool{}
	for _, w := range warnings {
		got[w.Sheet+"!"+w.Cell] = true
	}
	for _, cell := range []string{"Summary!A1", "ESRS E1-6!A1", "Trajectory!H3", "Trajectory!O3"} {
		if !got[cell] {
			t.Errorf("no warning for %s; warnings %v", cell, got)
		}
	}
	f := openWorkbook(t, b)
	for _, sheet := range f.GetSheetList() {
		for r, row := range readSheet(t, f, sheet).rows {
			for c, v := range row {
				if n := len(utf16.Encode([]rune(v))); n > 32767 {
					t.Errorf("%s row %d col %d: %d characters", sheet, r+1, c+1, n)
				}
			}
		}
	}
}

// TestExportDimensions: each sheet's <dimension> spans its cells. excelize leaves "A1", and
// readers that trust it (ExcelDataReader and the ETL tools built on it) then read one cell.
func TestExportDimensions(t *testing.T) {
	for name, e := range map[string]reports.Report{"demo": demoInventory(t), "empty": {Site: "Plant", GWP: "AR6"}} {
		b, _ := writeExportBytes(t, e)
		f := openWorkbook(t, b)
		for _, sheet := range f.GetSheetList() {
			rows := readSheet(t, f, sheet).rows
			cols := 0
			for _, r := range rows {
				cols = max(cols, len(r))
			}
			last, _ := excelize.CoordinatesToCellName(cols, len(rows))
			got, err := f.GetSheetDimension(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if want := "A1:" + last; got != want {
				t.Errorf("%s %s: dimension %q, want %q", name, sheet, got, want)
			}
		}
	}
}

// TestExportCharts: the Summary's two native charts name their series from the right header
// cells, take their categories and values from the whole year range, and show thousands
// separators on the value axis (in the trajectory's combo chart, excelize draws the axes from
// the line chart's options, so those need the format too). They draw in the HTML report's
// colours (reports.ScopeColor, reports.Color*), and, like it, with no net line: credits are
// a ledger of their own, never netted into the inventory.
func TestExportCharts(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		x, _ := io.ReadAll(rc)
		return string(x)
	}
	ser := regexp.MustCompile(`<ser>.*?<tx><strRef><f>([^<]*)</f>.*?<cat>.*?<f>([^<]*)</f>.*?<val>.*?<f>([^<]*)</f>`)
	valAx := regexp.MustCompile(`(?s)<valAx>.*?</valAx>`)
	color := regexp.MustCompile(`(?s)<ser>.*?<spPr>.*?<a:srgbClr val="([0-9a-fA-F]{6})"`)
	hex := func(c string) string { return strings.TrimPrefix(c, "#") }
	for _, tc := range []struct {
		part   string
		names  []string
		colors []string
	}{
		{"xl/charts/chart1.xml", []string{"Actual Scope 1", "Actual Scope 2 (market-based)", "Actual Scope 3", "Target (sum of targets)",
			"Business as usual", "Plan"},
			[]string{reports.ScopeColor(1), reports.ScopeColor(2), reports.ScopeColor(3), reports.ColorTarget, reports.ColorBAU, reports.ColorPlan}},
		{"xl/charts/chart2.xml", []string{"Scope 1", "Scope 2 market-based", "Scope 3"},
			[]string{reports.ScopeColor(1), reports.ScopeColor(2), reports.ScopeColor(3)}},
	} {
		x := part(tc.part)
		var colors, want []string
		for _, s := range regexp.MustCompile(`(?s)<ser>.*?</ser>`).FindAllString(x, -1) {
			if m := color.FindStringSubmatch(s); m != nil {
				colors = append(colors, strings.ToLower(m[1]))
			} else {
				colors = append(colors, "")
			}
		}
		for _, c := range tc.colors {
			want = append(want, hex(c))
		}
		if !slices.Equal(colors, want) {
			t.Errorf("%s colours %q, want %q (the HTML report's)", tc.part, colors, want)
		}
		var names []string
		for _, m := range ser.FindAllStringSubmatch(x, -1) {
			sheet, ref, _ := strings.Cut(m[1], "!")
			v, err := f.GetCellValue(sheet, strings.ReplaceAll(ref, "$", ""))
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, v)
			// Categories are the years; values, the same rows of the series' own column.
			catSheet, catRef, _ := strings.Cut(m[2], "!")
			from, to, _ := strings.Cut(strings.ReplaceAll(catRef, "$", ""), ":")
			_, r1, _ := excelize.CellNameToCoordinates(from)
			_, r2, _ := excelize.CellNameToCoordinates(to)
			first, _ := f.GetCellValue(catSheet, from)
			lastYear, _ := f.GetCellValue(catSheet, to)
			if want := strconv.Itoa(e.Years[0].Year); first != want {
				t.Errorf("%s %q: categories start at %s=%q, want %s", tc.part, v, from, first, want)
			}
			if tc.part == "xl/charts/chart1.xml" && lastYear != strconv.Itoa(e.Trajectory.TargetYear) {
				t.Errorf("%s %q: categories end at %q, want %d", tc.part, v, lastYear, e.Trajectory.TargetYear)
			}
			col := strings.Split(ref, "$")[1]
			if want := fmt.Sprintf("%s!$%s$%d:$%s$%d", catSheet, col, r1, col, r2); m[3] != want {
				t.Errorf("%s %q: values %s, want %s", tc.part, v, m[3], want)
			}
		}
		if !slices.Equal(names, tc.names) {
			t.Errorf("%s series %q, want %q", tc.part, names, tc.names)
		}
		if ax := valAx.FindString(x); !strings.Contains(ax, `formatCode="#,##0"`) {
			t.Errorf("%s: value axis without thousands separators: %.300s", tc.part, ax)
		}
	}
}

// TestExportHeadersFit: a header wraps in its column, and readers open a row at the height
// the file gives it: each header row must be tall enough for its longest header to show in
// full (at the least, as many lines as its characters need at the column's width).
func TestExportHeadersFit(t *testing.T) {
	for _, l := range []lang.Lang{lang.English, lang.French} { // French headers are longer
		e := demoInventory(t)
		e.Lang = l
		b, _ := writeExportBytes(t, e)
		f := openWorkbook(t, b)
		for _, sheet := range f.GetSheetList() {
			s := readSheet(t, f, sheet)
			// A merged cell wraps across the columns it spans.
			spans := map[string]float64{}
			merged, err := f.GetMergeCells(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range merged {
				c1, _, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				c2, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				for c := c1; c <= c2; c++ {
					col, _ := excelize.ColumnNumberToName(c)
					w, _ := f.GetColWidth(sheet, col)
					spans[m.GetStartAxis()] += w
				}
			}
			for r, row := range s.rows {
				for c, v := range row {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					id, _ := f.GetCellStyle(sheet, ref)
					st, err := f.GetStyle(id)
					if err != nil {
						t.Fatal(err)
					}
					if st.Alignment == nil || !st.Alignment.WrapText {
						continue
					}
					col, _ := excelize.ColumnNumberToName(c + 1)
					width, _ := f.GetColWidth(sheet, col)
					if w, ok := spans[ref]; ok {
						width = w
					}
					height, _ := f.GetRowHeight(sheet, r+1)
					// Spaces where lines break take no room: count the other characters.
					if lines := math.Floor(height / 15); lines*width < float64(len([]rune(strings.ReplaceAll(v, " ", "")))) {
						t.Errorf("%s!%s %q: %v line(s) of %v characters", sheet, ref, v, lines, width)
					}
				}
			}
		}
	}
}

// TestPackageWriterMatchesExcelize: xlsxwrite.PackageWriter replaces excelize's zip writer (README,
// "Excel export": bounded memory at a million lines, deterministic bytes), and lineRows writes
// the rows of the Lines sheets instead of excelize's StreamWriter. excelize stays the oracle:
// the same workbook saved by excelize itself, its Lines rows streamed by the StreamWriter, has
// the same parts with the same content, but for the two PackageWriter normalises on purpose
// ([Content_Types].xml's defaults sorted, core.xml without dates), which match once excelize's
// are normalised too.
func TestPackageWriterMatchesExcelize(t *testing.T) {
	e := demoInventory(t)
	defer func(n int) { excel.LinesPerSheet = n }(excel.LinesPerSheet)
	excel.LinesPerSheet = 500 // several streamed Lines sheets
	ours, _ := writeExportBytes(t, e)
	var theirs bytes.Buffer
	if err := excel.WriteExportByExcelize(&theirs, e); err != nil {
		t.Fatal(err)
	}
	got, want := zipParts(t, ours), zipParts(t, theirs.Bytes())
	if len(got) != len(want) || len(want) < 15 {
		t.Errorf("%d parts, excelize writes %d", len(got), len(want))
	}
	linesParts := map[string]bool{}
	f := openWorkbook(t, ours)
	for _, sheet := range f.GetSheetList() {
		if strings.HasPrefix(sheet, "Lines") {
			linesParts[fmt.Sprintf("xl/worksheets/sheet%d.xml", sheetID(f, sheet))] = true
		}
	}
	if len(linesParts) < 3 {
		t.Fatalf("%d Lines sheets", len(linesParts))
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("part %s missing", name)
			continue
		}
		if linesParts[name] { // lineRows leaves out references (TestLinesWriterMatchesStreamWriter)
			w = dropContiguousRefs(t, w)
		}
		if !bytes.Equal(g, xlsxwrite.NormalizePart(name, w)) {
			t.Errorf("part %s differs from excelize's (%d bytes, excelize %d)", name, len(g), len(w))
		}
	}
	// The normalisation itself keeps every content type, only in another order.
	entries := func(b []byte) []string {
		es := regexp.MustCompile(`<(?:Default|Override) [^>]*>`).FindAllString(string(b), -1)
		sort.Strings(es)
		return es
	}
	if g, w := entries(got["[Content_Types].xml"]), entries(want["[Content_Types].xml"]); !slices.Equal(g, w) || len(w) < 10 {
		t.Errorf("content types %q, excelize %q", g, w)
	}
}

// TestExportLeavesNoTemporaryFile: the package is assembled in a temporary file of the
// system's temporary folder, removed once the workbook is written.
func TestExportLeavesNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	writeExportBytes(t, demoInventory(t))
	if _, err := excel.Write(failingWriter{}, demoInventory(t)); err == nil {
		t.Error("writing to a failing writer succeeded")
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// sheetID is the id excelize gave a sheet (its part is xl/worksheets/sheet<id>.xml).
func sheetID(f *excelize.File, sheet string) int {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return id
		}
	}
	return 0
}
