package workbook_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	fp "github.com/footprint/footprint"
	"github.com/footprint/footprint/bench/synth"
	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

// annotateConfig is the demo's configuration, the repository's config.yaml.
func annotateConfig(t testing.TB) *config.Config {
	t.Helper()
	builtin, err := fs.ReadFile(fp.Builtin, "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(config.Options{Builtin: builtin, Env: func(string) (string, bool) { return "", false }})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// annotationOf computes the annotation of one workbook as annotate does: every row's lines
// kept, every rejected row's messages kept.
func annotationOf(t testing.TB, cfg *config.Config, data []byte) (workbook.Annotation, *emissions.Inventory) {
	t.Helper()
	lib, err := factors.Builtin(cfg.Factors.GWP)
	if err == nil {
		lib, err = lib.WithCustom(cfg.CustomFactors())
	}
	if err != nil {
		t.Fatal(err)
	}
	// the rows computed as they are read, as the pipeline does: each row's problems come in
	// the order of the rows
	calc, err := emissions.NewCalculator(emissions.Options{Library: lib, ResidualMix: cfg.ResidualMix(), FreshnessYears: cfg.FreshnessYears,
		RowLines: true, Organisation: cfg.OrganisationModel()})
	if err != nil {
		t.Fatal(err)
	}
	in := &emissions.Input{Sink: calc}
	in.Problems.KeepRejected = true
	t.Cleanup(in.Problems.Close)
	workbook.Read(in, "in.xlsx", bytes.NewReader(data), workbook.Options{Aliases: cfg.Aliases(), DefaultSite: cfg.Site})
	inv, err := calc.Finish(in)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(inv.Close)
	if in.Problems.Fatal() > 0 {
		t.Fatalf("the workbook is refused: %v", in.Problems.List())
	}
	return workbook.Annotation{Sheets: in.Sheets, Lines: inv.RowLines(), Outside: inv.Outside, Rejected: in.Problems.Rejected()}, inv
}

// annotateBoth annotates data with the streamed writer and with excelize, and checks that
// they read back the same; it returns the streamed copy and why it fell back ("" if not).
func annotateBoth(t *testing.T, cfg *config.Config, data []byte) ([]byte, string) {
	t.Helper()
	a, _ := annotationOf(t, cfg, data)
	var streamed, oracle bytes.Buffer
	ns, err := workbook.WriteAnnotatedStream(bytes.NewReader(data), int64(len(data)), &streamed, a)
	if err != nil {
		t.Fatalf("streamed: %v", err)
	}
	if ns.Fallback != "" {
		return nil, ns.Fallback
	}
	no, err := workbook.WriteAnnotatedExcelize(bytes.NewReader(data), &oracle, a)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	if ns != no {
		t.Errorf("streamed: %+v rows, excelize: %+v", ns, no)
	}
	if no.Used+no.Rejected == 0 {
		t.Error("no row annotated: the test compares nothing")
	}
	sameWorkbook(t, streamed.Bytes(), oracle.Bytes())
	orderedCells(t, streamed.Bytes())
	return streamed.Bytes(), ""
}

// sameWorkbook compares two workbooks cell by cell through excelize: value, type (text
// whether shared or inline), number format; and the columns' widths.
func sameWorkbook(t *testing.T, got, want []byte) {
	t.Helper()
	g, w := xlsxtest.Open(t, got), xlsxtest.Open(t, want)
	defer g.Close()
	defer w.Close()
	if gl, wl := g.GetSheetList(), w.GetSheetList(); strings.Join(gl, "|") != strings.Join(wl, "|") {
		t.Fatalf("sheets %q, want %q", gl, wl)
	}
	for _, sheet := range w.GetSheetList() {
		gr, err1 := g.GetRows(sheet, excelize.Options{RawCellValue: true})
		wr, err2 := w.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", sheet, err1, err2)
		}
		if len(gr) != len(wr) {
			t.Errorf("%s: %d rows, want %d", sheet, len(gr), len(wr))
		}
		cols := 0
		for r := range max(len(gr), len(wr)) {
			cols = max(cols, len(at(gr, r)), len(at(wr, r)))
		}
		diffs := 0
		for r := range max(len(gr), len(wr)) {
			for c := range cols {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				gv, wv := cellText(at(gr, r), c), cellText(at(wr, r), c)
				gk, wk := cellKind(t, g, sheet, cell), cellKind(t, w, sheet, cell)
				if gv != wv || gk != wk {
					if diffs++; diffs <= 10 {
						t.Errorf("%s!%s: %q (%s), want %q (%s)", sheet, cell, gv, gk, wv, wk)
					}
				}
			}
		}
		for c := 1; c <= cols+1; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			gw, _ := g.GetColWidth(sheet, name)
			ww, _ := w.GetColWidth(sheet, name)
			if gw != ww {
				t.Errorf("%s column %s: width %v, want %v", sheet, name, gw, ww)
			}
		}
	}
}

func at(rows [][]string, r int) []string {
	if r < len(rows) {
		return rows[r]
	}
	return nil
}

func cellText(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// cellKind is a cell's type and number format.
func cellKind(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	kind := fmt.Sprint(typ)
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		kind = "text" // annotate writes inline what excelize shares: the same text
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		return fmt.Sprintf("%s style %d: %v", kind, id, err) // a style the workbook lacks
	}
	custom := ""
	if st.CustomNumFmt != nil {
		custom = *st.CustomNumFmt
	}
	return fmt.Sprintf("%s numFmt %d %q", kind, st.NumFmt, custom)
}

// editSheet rewrites one part of a workbook's package with edit.
func editPart(t testing.TB, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			b, found = []byte(edit(string(b))), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	return out.Bytes()
}

// edgeWorkbook has what the streamed writer must get right: rejected rows, text with XML's
// special characters, blank columns, a stray value right of the header, header and row styles,
// a formula, and a sheet that is not read.
func edgeWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Energy")
	rows := [][]any{
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", nil, "Comment"},
		{2024, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 1000, "kWh", nil, `gas <main> & "boiler" 'B'`},
		{2024, "Flins", "RE-TROFIT", `fr.<elec>&"x'`, 10, "MWh"}, // unknown activity, quoted in the problem
		{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", "1,5", "MWh"},
		{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", 200, "MWh", nil, "  spaces around  "},
		{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", 5, "kg"}, // unit mismatch
		{},
		{2025, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 0.1, "MWh", nil, "tab\there, line\nbreak"},
		{2025, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 2, "MWh", nil, "tax_x0020_code, my_xref"}, // _xHHHH_ escapes
		{2025, "Flins", "RE-TROFIT", "fr.gas_x0041_\x01", 2, "MWh"},                                  // in the problem too
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Energy", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	must(t, f.SetCellStr("Energy", "J3", "a note right of the table"))
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49})
	must(t, err)
	must(t, f.SetCellStyle("Energy", "A1", "H1", bold))
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	must(t, err)
	must(t, f.SetRowStyle("Energy", 5, 5, pct))
	must(t, f.SetColWidth("Energy", "A", "D", 20))

	_, err = f.NewSheet("Logistics")
	must(t, err)
	for i, r := range [][]any{
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
		{2024, "Flins", "RE-START", "fr.natural-gas.pcs", 50, "MWh"},
		{2024, "Flins", "RE-START", "fr.natural-gas.pcs", 60, "MWh"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetSheetRow("Logistics", cell, &r))
	}
	_, err = f.NewSheet("Notes")
	must(t, err)
	must(t, f.SetCellValue("Notes", "A1", 3))
	must(t, f.SetCellFormula("Notes", "A2", "A1*2"))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	return buf.Bytes()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// withTable adds a table over ref to the edge workbook's Energy sheet.
func withTable(t *testing.T, data []byte, ref string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	must(t, err)
	defer f.Close()
	header := !strings.HasPrefix(ref, "K") // the test's table with no header row
	must(t, f.AddTable("Energy", &excelize.Table{Range: ref, Name: "Activities", ShowHeaderRow: &header}))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	return buf.Bytes()
}

// withoutRefs takes the r attributes off the rows and cells of a sheet, adds an empty row
// written <row/> and a formula cell with its value, as other writers may.
func withoutRefs(xml string) string {
	xml = regexp.MustCompile(`(<(?:row|c)) r="[A-Z]*[0-9]+"`).ReplaceAllString(xml, "$1")
	xml = strings.Replace(xml, "</row>", `<c><f>1+1</f><v>2</v></c></row><row spans="1:2"/>`, 2)
	return xml
}

// TestAnnotateStreamMatchesExcelize: the streamed copy reads back, cell by cell, as the copy
// excelize writes — for the demo, synthetic workbooks, the edge cases above, an annotated copy
// annotated again, and sheets without cell references.
func TestAnnotateStreamMatchesExcelize(t *testing.T) {
	cfg := annotateConfig(t)
	demo, err := os.ReadFile("../demo/footprint-demo.xlsx")
	must(t, err)
	var shared, inline bytes.Buffer
	must(t, synth.Write(&shared, synth.Options{Rows: 3000, Seed: 7}))
	must(t, synth.Write(&inline, synth.Options{Rows: 600, Seed: 8, InlineStrings: true}))
	edge := edgeWorkbook(t)
	plain := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range [][]any{
			{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
			{2024, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 1000, "kWh"},
			{2024, "Flins", "RE-TROFIT", "fr.nope", 1000, "kWh"},
			{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", 3, "MWh"},
		} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			must(t, f.SetSheetRow("Sheet1", cell, &r))
		}
		var buf bytes.Buffer
		must(t, f.Write(&buf))
		return buf.Bytes()
	}()
	table := withTable(t, edge, "A1:H8")
	template := func() []byte {
		lib, err := factors.Builtin(cfg.Factors.GWP)
		must(t, err)
		var buf bytes.Buffer
		must(t, workbook.WriteTemplate(&buf, workbook.Template{Factors: lib.All(), Site: "Flins", Poles: []string{"RE-TROFIT"}}))
		f, err := excelize.OpenReader(&buf)
		must(t, err)
		defer f.Close()
		for i, r := range [][]any{
			{2024, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 1000, "kWh"},
			{2024, "Flins", "RE-TROFIT", "fr.electrcity.grid", 10, "MWh"},
			{2024, "Flins", "RE-TROFIT", "fr.electricity.grid", 200, "MWh"},
		} {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			must(t, f.SetSheetRow("Energy", cell, &r))
		}
		var out bytes.Buffer
		must(t, f.Write(&out))
		return out.Bytes()
	}()
	colStyled := func() []byte {
		f, err := excelize.OpenReader(bytes.NewReader(edge))
		must(t, err)
		defer f.Close()
		money, err := f.NewStyle(&excelize.Style{NumFmt: 4})
		must(t, err)
		must(t, f.SetColStyle("Energy", "I:P", money)) // and blank cells with that style in every row
		must(t, f.SetColWidth("Energy", "M", "N", 30))
		must(t, f.SetColVisible("Energy", "P", false))
		var buf bytes.Buffer
		must(t, f.Write(&buf))
		return buf.Bytes()
	}()
	// blank cells with a style right of where the annotation goes: annotated again, they
	// move left over the previous annotation's columns, among the new cells
	styledRight := func() []byte {
		f, err := excelize.OpenReader(bytes.NewReader(edge))
		must(t, err)
		defer f.Close()
		money, err := f.NewStyle(&excelize.Style{NumFmt: 4})
		must(t, err)
		must(t, f.SetCellStyle("Energy", "W1", "Y6", money))
		var buf bytes.Buffer
		must(t, f.Write(&buf))
		return buf.Bytes()
	}()
	cases := []struct {
		name string
		data []byte
		// againFallback is why annotating the copy again goes through excelize, if it does
		againFallback string
	}{
		{"demo", demo, ""},
		{"synth", shared.Bytes(), ""},
		{"synth inline strings", inline.Bytes(), ""},
		{"edge", edge, ""},
		{"table left of the annotation", table, ""},
		{"template: validations, defined names, other sheets", template, ""},
		{"column styles and widths over the annotation", colStyled, ""},
		{"styled blank cells right of the annotation", styledRight, ""},
		{"two <cols> elements", editPart(t, edge, "xl/worksheets/sheet1.xml", func(s string) string {
			return strings.Replace(s, "</cols>", `</cols><cols><col min="30" max="31" width="3" customWidth="1"/></cols>`, 1)
		}), ""},
		// excelize moves the references of formulas with the columns it removes
		{"no references", editPart(t, plain, "xl/worksheets/sheet1.xml", withoutRefs), "formulas"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			once, fallback := annotateBoth(t, cfg, tt.data)
			if fallback != "" {
				t.Fatalf("fell back to excelize: %s", fallback)
			}
			// Annotated again: the previous annotation is replaced.
			if _, fallback := annotateBoth(t, cfg, once); fallback != "" && (tt.againFallback == "" || !strings.Contains(fallback, tt.againFallback)) {
				t.Fatalf("again: fell back to excelize: %s", fallback)
			} else if fallback == "" && tt.againFallback != "" {
				t.Fatalf("again: streamed, though it holds %s", tt.againFallback)
			}
		})
	}
}

// TestAnnotateStreamFallsBack: what the streamed writer does not handle goes through excelize,
// and the copy is still right.
func TestAnnotateStreamFallsBack(t *testing.T) {
	cfg := annotateConfig(t)
	edge := edgeWorkbook(t)
	tableOver := withTable(t, edge, "K2:M4") // without a header row: over blank cells
	merged := func() []byte {
		f, err := excelize.OpenReader(bytes.NewReader(edge))
		must(t, err)
		defer f.Close()
		must(t, f.MergeCell("Energy", "J3", "L3"))
		var buf bytes.Buffer
		must(t, f.Write(&buf))
		return buf.Bytes()
	}()
	annotated, _ := annotateBoth(t, cfg, edge)
	referring := func(edit func(f *excelize.File) error) string {
		f, err := excelize.OpenReader(bytes.NewReader(annotated))
		must(t, err)
		defer f.Close()
		must(t, edit(f))
		var buf bytes.Buffer
		must(t, f.Write(&buf))
		return buf.String()
	}
	for _, tt := range []struct {
		name, data, reason string
	}{
		{"annotated again, a formula of another sheet refers to it", referring(func(f *excelize.File) error {
			return f.SetCellFormula("Notes", "B1", "SUM(Energy!E2:E8)")
		}), "a formula of sheet Notes may refer to sheet Energy"},
		{"annotated again, a defined name refers to it", referring(func(f *excelize.File) error {
			return f.SetDefinedName(&excelize.DefinedName{Name: "Quantities", RefersTo: "'Energy'!$E$2:$E$8"})
		}), "a defined name may refer to sheet Energy"},
		{"merged cells over the annotation", string(merged), "merged cells"},
		{"table over the annotation", string(tableOver), "a table (K3:M4)"},
		{"comment in the XML", string(editPart(t, edge, "xl/worksheets/sheet1.xml", func(s string) string {
			return strings.Replace(s, "<sheetData>", "<!-- a note --><sheetData>", 1)
		})), "XML the streamed writer does not read"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xlsx")
			must(t, os.WriteFile(in, []byte(tt.data), 0o644))
			a, _ := annotationOf(t, cfg, []byte(tt.data))
			n, err := workbook.WriteAnnotatedFile(in, out, a)
			must(t, err)
			if !strings.Contains(n.Fallback, tt.reason) {
				t.Fatalf("fallback %q, want one about %q", n.Fallback, tt.reason)
			}
			var oracle bytes.Buffer
			a, _ = annotationOf(t, cfg, []byte(tt.data))
			no, err := workbook.WriteAnnotatedExcelize(strings.NewReader(tt.data), &oracle, a)
			must(t, err)
			if n.Used != no.Used || n.Rejected != no.Rejected {
				t.Errorf("%+v rows, want %+v", n, no)
			}
			got, err := os.ReadFile(out)
			must(t, err)
			sameWorkbook(t, got, oracle.Bytes())
		})
	}
}

// TestAnnotateLibreOffice: a second reader opens the streamed copy. LibreOffice reads the
// appended columns of the demo's Energy sheet and of the edge cases (rejected rows, text with
// XML's special characters, spaces, tabs and line breaks) as excelize does.
func TestAnnotateLibreOffice(t *testing.T) {
	soffice := xlsxtest.LibreOffice(t)
	cfg := annotateConfig(t)
	demo, err := os.ReadFile("../demo/footprint-demo.xlsx")
	must(t, err)
	for _, tt := range []struct {
		name  string
		data  []byte
		sheet string
	}{{"demo", demo, "Energy"}, {"edge", edgeWorkbook(t), "Energy"}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "annotated.xlsx")
			must(t, os.WriteFile(in, tt.data, 0o644))
			a, _ := annotationOf(t, cfg, tt.data)
			n, err := workbook.WriteAnnotatedFile(in, out, a)
			must(t, err)
			if n.Fallback != "" {
				t.Fatalf("fell back to excelize: %s", n.Fallback)
			}
			f, err := excelize.OpenFile(out)
			must(t, err)
			defer f.Close()
			want, err := f.GetRows(tt.sheet, excelize.Options{RawCellValue: true})
			must(t, err)
			got := xlsxtest.ConvertSheet(t, soffice, out, xlsxtest.SheetNumber(t, f, tt.sheet))
			first := -1
			for i, h := range want[0] {
				if h == workbook.AnnotateHeaders[0] {
					first = i
				}
			}
			if first < 0 {
				t.Fatalf("no annotation in %q", want[0])
			}
			checked := 0
			for r := range want {
				for c := first; c < first+len(workbook.AnnotateHeaders); c++ {
					w, g := cellText(want[r], c), cellText(at(got, r), c)
					if w == g {
						checked++
						continue
					}
					if wv, err := strconv.ParseFloat(w, 64); err == nil && g != "" && math.Abs(xlsxtest.LONumber(t, g)-wv) <= 1e-9*math.Max(1, math.Abs(wv)) {
						checked++
						continue
					}
					t.Errorf("row %d, %s: LibreOffice reads %q, excelize %q", r+1, workbook.AnnotateHeaders[c-first], g, w)
				}
			}
			if checked < len(want)*len(workbook.AnnotateHeaders)/2 {
				t.Errorf("only %d cells compared", checked)
			}
		})
	}
}

// randomWorkbook is an activity sheet with values, empty styled cells, column styles and
// widths and row styles at random places right of its columns.
func randomWorkbook(t *testing.T, rng *rand.Rand) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Energy")
	header := []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"}
	if rng.IntN(2) == 0 {
		header = append(header, nil, "Comment")
	}
	must(t, f.SetSheetRow("Energy", "A1", &header))
	activities := []string{"fr.natural-gas.pcs", "fr.electricity.grid", "fr.nope", "fr.diesel.l"}
	units := []string{"kWh", "MWh", "kg", "l"}
	rows := 2 + rng.IntN(25)
	for r := 2; r <= rows; r++ {
		row := []any{2024, "Flins", "RE-TROFIT", activities[rng.IntN(len(activities))], rng.IntN(1000), units[rng.IntN(len(units))]}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		must(t, f.SetSheetRow("Energy", cell, &row))
	}
	style := func() int {
		id, err := f.NewStyle(&excelize.Style{NumFmt: []int{2, 4, 10, 14, 49}[rng.IntN(5)]})
		must(t, err)
		return id
	}
	cellAt := func() string {
		c, _ := excelize.CoordinatesToCellName(7+rng.IntN(14), 1+rng.IntN(rows+2))
		return c
	}
	for range rng.IntN(3) {
		must(t, f.SetCellStr("Energy", cellAt(), "a note"))
	}
	for range rng.IntN(6) {
		c := cellAt()
		must(t, f.SetCellStyle("Energy", c, c, style()))
	}
	if rng.IntN(2) == 0 {
		from, _ := excelize.ColumnNumberToName(1 + rng.IntN(20))
		to, _ := excelize.ColumnNumberToName(21 + rng.IntN(5))
		must(t, f.SetColWidth("Energy", from, to, float64(5+rng.IntN(30))))
	}
	if rng.IntN(3) == 0 {
		col, _ := excelize.ColumnNumberToName(7 + rng.IntN(14))
		must(t, f.SetColStyle("Energy", col, style()))
	}
	if rng.IntN(2) == 0 {
		r := 1 + rng.IntN(rows)
		must(t, f.SetRowStyle("Energy", r, r, style()))
	}
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	return buf.Bytes()
}

// TestAnnotateStreamRandom: random workbooks, annotated once and again, read back as excelize's
// copies; most are streamed.
func TestAnnotateStreamRandom(t *testing.T) {
	cfg := annotateConfig(t)
	streamed := 0
	const n = 40
	for seed := range uint64(n) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			data := randomWorkbook(t, rand.New(rand.NewPCG(seed, 1)))
			once, fallback := annotateBoth(t, cfg, data)
			if fallback != "" {
				t.Logf("fell back: %s", fallback)
				return
			}
			streamed++
			if _, fallback := annotateBoth(t, cfg, once); fallback != "" {
				t.Logf("again: fell back: %s", fallback)
			}
		})
	}
	if streamed < n*3/4 {
		t.Errorf("only %d of %d workbooks streamed", streamed, n)
	}
}

// rejectedSlice gives rejected rows' messages in the order of the slice.
type rejectedSlice []emissions.Rejected

func (rs rejectedSlice) Each(yield func(*emissions.Rejected) error) error {
	for i := range rs {
		if err := yield(&rs[i]); err != nil {
			return err
		}
	}
	return nil
}

// The streamed copy reads the rejected rows' messages in the order of the rows, as the
// calculation found them; messages in another order go through excelize, to the same cells.
func TestAnnotateRejectedOutOfOrder(t *testing.T) {
	cfg := annotateConfig(t)
	edge := edgeWorkbook(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	must(t, os.WriteFile(in, edge, 0o644))
	a, _ := annotationOf(t, cfg, edge)
	var msgs rejectedSlice
	must(t, a.Rejected.Each(func(r *emissions.Rejected) error {
		msgs = append(msgs, *r)
		return nil
	}))
	if len(msgs) < 2 {
		t.Fatalf("%d rejected rows: the test needs two", len(msgs))
	}
	reversed := slices.Clone(msgs)
	slices.Reverse(reversed)
	copies := map[string][]byte{}
	for _, tt := range []struct {
		name   string
		msgs   rejectedSlice
		reason string
	}{
		{"in the order of the rows", msgs, ""},
		{"reversed", reversed, "not in the order of its rows"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name+".xlsx")
			b := a
			b.Rejected = tt.msgs
			n, err := workbook.WriteAnnotatedFile(in, out, b)
			must(t, err)
			if tt.reason == "" && n.Fallback != "" || !strings.Contains(n.Fallback, tt.reason) {
				t.Fatalf("fallback %q, want %q", n.Fallback, tt.reason)
			}
			if n.Rejected == 0 {
				t.Errorf("%+v: no row rejected", n)
			}
			copies[tt.name], err = os.ReadFile(out)
			must(t, err)
		})
	}
	sameWorkbook(t, copies["reversed"], copies["in the order of the rows"])
}
