package excel_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/footprint/footprint/workbook/workbooktest"
	"github.com/xuri/excelize/v2"
)

// TestExportPageSetup: every sheet of the export prints on A4, fit to one page wide and as
// many down as its rows take, landscape when its columns are wider than a portrait page, with
// a print area over its columns and rows, its header row repeated on every page (every sheet
// but the Summary, whose charts start a page of their own), and its name and the page number
// in the page's header and footer.
func TestExportPageSetup(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    func(testing.TB) reports.Report
	}{
		{"demo", demoInventory},
		{"demo in French", func(t testing.TB) reports.Report {
			e := demoInventory(t)
			e.Lang = lang.French
			return e
		}},
		{"empty", func(testing.TB) reports.Report { return reports.Report{Site: "R&D <Plant>", GWP: "AR6"} }},
		// A header holds at most 255 characters, codes included, and each & is written twice.
		{"long site", func(testing.TB) reports.Report {
			return reports.Report{Site: strings.Repeat("R&D 😀 ", 100), GWP: "AR6"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.e(t)
			b, _ := writeExportBytes(t, e)
			f := openWorkbook(t, b)
			areas, titles := map[string]string{}, map[string]string{}
			for _, d := range f.GetDefinedName() {
				switch d.Name {
				case "_xlnm.Print_Area":
					areas[d.Scope] = d.RefersTo
				case "_xlnm.Print_Titles":
					titles[d.Scope] = d.RefersTo
				}
			}
			for _, sheet := range f.GetSheetList() {
				pl, err := f.GetPageLayout(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
					t.Errorf("%s: paper %d, fit to width %v, height %v; want A4 (9), 1 page wide, automatic height", sheet, *pl.Size, pl.FitToWidth, pl.FitToHeight)
				}
				props, err := f.GetSheetProps(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if props.FitToPage == nil || !*props.FitToPage {
					t.Errorf("%s: fit to page is off: its fit to width is ignored", sheet)
				}
				cols, rows := sheetSize(t, f, sheet)
				width := 0.0
				for c := 1; c <= cols; c++ {
					name, _ := excelize.ColumnNumberToName(c)
					w, err := f.GetColWidth(sheet, name)
					if err != nil {
						t.Fatal(err)
					}
					width += w
				}
				if want := map[bool]string{true: "landscape", false: "portrait"}[width > 95]; *pl.Orientation != want {
					t.Errorf("%s: %s, want %s for columns %.0f wide", sheet, *pl.Orientation, want, width)
				}
				last, _ := excelize.ColumnNumberToName(cols)
				quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
				if want := fmt.Sprintf("%s!$A$1:$%s$%d", quoted, last, rows); areas[sheet] != want {
					t.Errorf("%s: print area %q, want %q", sheet, areas[sheet], want)
				}
				if sheet == f.GetSheetList()[0] { // the Summary
					if titles[sheet] != "" {
						t.Errorf("Summary: print titles %q, want none", titles[sheet])
					}
				} else if h := headerRow(t, f, sheet); titles[sheet] != fmt.Sprintf("%s!$%d:$%d", quoted, h, h) {
					t.Errorf("%s: print titles %q, want its header row %d", sheet, titles[sheet], h)
				}
				hf, err := f.GetHeaderFooter(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if hf == nil || !strings.Contains(hf.OddHeader, "&A") || !strings.Contains(hf.OddFooter, "&P") {
					t.Fatalf("%s: header and footer %+v, want the sheet's name (&A) and the page number (&P)", sheet, hf)
				}
				if strings.HasPrefix(e.Site, "R&D") && !strings.Contains(hf.OddHeader, "R&&D ") {
					t.Errorf("%s: header %q, want the site with its & doubled (a lone & starts a code)", sheet, hf.OddHeader)
				}
				if n := len(utf16.Encode([]rune(hf.OddHeader))); n > 255 {
					t.Errorf("%s: header of %d characters, more than Excel's 255", sheet, n)
				}
			}
		})
	}
}

// sheetSize is the columns and rows a sheet's dimension spans.
func sheetSize(t *testing.T, f *excelize.File, sheet string) (cols, rows int) {
	t.Helper()
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		t.Fatal(err)
	}
	_, to, _ := strings.Cut(dim, ":")
	if to == "" {
		to = dim
	}
	cols, rows, err = excelize.CellNameToCoordinates(to)
	if err != nil {
		t.Fatalf("%s: dimension %q: %v", sheet, dim, err)
	}
	return cols, rows
}

// headerRow is the row of a table sheet's header: under the title and the note, or the first
// row of a Lines sheet (Lignes in French), which has no title.
func headerRow(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	if strings.HasPrefix(sheet, "Lines") || strings.HasPrefix(sheet, "Lignes") {
		return 1
	}
	return 3
}

// printRows are the rows of the site the print test exports: 55 of them, two sites, two years,
// a few poles, in the template's columns.
func printRows() [][]any {
	acts := []struct{ id, unit string }{
		{"fr.natural-gas.pcs", "kWh PCS"}, {"fr.electricity.grid", "kWh"}, {"fr.diesel.off-road", "L"},
		{"fr.diesel.road", "L"}, {"fr.freight.road.van", "t.km"}, {"fr.freight.rail.electric", "t.km"},
		{"fr.material.steel.recycled", "t"}, {"fr.waste.mixed-industrial", "t"}, {"fr.waste.weee", "t"},
	}
	rows := [][]any{workbooktest.Header}
	for i := range 55 {
		a := acts[i%len(acts)]
		rows = append(rows, []any{2024 + i%2, []string{"Plant", "Depot"}[(i/2)%2], []string{"Production", "Logistics", "Offices"}[i%3], a.id,
			float64(100 + (i*37)%900), a.unit, nil, nil, nil, fmt.Sprintf("row %d of the print test", i+1)})
	}
	return rows
}

// TestExportPrints: LibreOffice prints the export of a site with a few dozen activity rows
// (55 rows, two sites, two years) on at most 40 A4 pages, and every sheet fits the page's
// width: each page of a table repeats its header row, so a column spilled onto a page of its
// own would leave that page without the header's first or last column. It runs in English and
// in French (longer names and headers). It needs LibreOffice and pdftotext and pdfinfo
// (poppler-utils), which CI installs.
func TestExportPrints(t *testing.T) {
	soffice := xlsxtest.LibreOffice(t)
	poppler := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found: CI needs poppler-utils (installed by .ci/run)", name)
			}
			t.Skipf("%s not found; install poppler-utils to count the printed pages", name)
		}
		return p
	}
	pdfinfo, pdftotext := poppler("pdfinfo"), poppler("pdftotext")

	dir := t.TempDir()
	input := filepath.Join(dir, "site.xlsx")
	if err := os.WriteFile(input, workbooktest.Build(t, workbooktest.Sheet{Name: "Activities", Rows: printRows()}), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(pipeline.Options{Inputs: []string{input}, RowLines: true})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	if res.Inventory.Rows.Used != 55 {
		t.Fatalf("%d rows used of 55", res.Inventory.Rows.Used)
	}
	// Once in each language: French names and headers are longer, and must fit as well.
	for _, l := range []lang.Lang{lang.English, lang.French} {
		t.Run(l.Code(), func(t *testing.T) {
			e := reports.New(res)
			e.Lang = l
			e.Lines = emissions.LineSlice(rowLinesOf(t, res.Inventory))
			xlsx := filepath.Join(t.TempDir(), excel.FileName(e.ReportingYear))
			if _, err := excel.WriteFile(xlsx, e, nil); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			f := openWorkbook(t, b)

			pdf := toPDF(t, soffice, xlsx)
			info := run(t, pdfinfo, "-f", "1", "-l", "1000", pdf)
			m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
			if m == nil {
				t.Fatalf("pdfinfo: no page count:\n%s", info)
			}
			pages, _ := strconv.Atoi(m[1])
			if pages > 40 {
				t.Errorf("LibreOffice prints the export on %d pages, want at most 40", pages)
			}
			for _, size := range regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+(.*)$`).FindAllStringSubmatch(info, -1) {
				if !strings.Contains(size[1], "(A4)") {
					t.Errorf("a page is %s, want A4", size[1])
				}
			}

			// Each page's header names its sheet, on the page's first line.
			sheets := f.GetSheetList()
			text := run(t, pdftotext, "-layout", pdf, "-")
			bySheet := map[string][]string{}
			var order []string
			for i, page := range strings.Split(strings.TrimRight(text, "\f"), "\f") {
				first := ""
				for _, l := range strings.Split(page, "\n") {
					if first = strings.TrimSpace(l); first != "" {
						break
					}
				}
				sheet := ""
				for _, s := range sheets {
					if (first == s || strings.HasPrefix(first, s+" ")) && len(s) > len(sheet) {
						sheet = s
					}
				}
				if sheet == "" {
					t.Fatalf("page %d: its first line %q names no sheet", i+1, first)
				}
				if len(order) == 0 || order[len(order)-1] != sheet {
					order = append(order, sheet)
				}
				bySheet[sheet] = append(bySheet[sheet], page)
			}
			if strings.Join(order, "|") != strings.Join(sheets, "|") {
				t.Errorf("sheets printed in the order %q, want each once, in the workbook's order %q", order, sheets)
			}
			counts := []string{}
			for _, s := range sheets {
				counts = append(counts, fmt.Sprintf("%s %d", s, len(bySheet[s])))
			}
			t.Logf("%d pages: %s", pages, strings.Join(counts, ", "))

			for _, sheet := range sheets {
				h := headerRow(t, f, sheet)
				if sheet == sheets[0] { // the Summary
					h = xlsxtest.FindRow(xlsxtest.Rows(t, f, sheet), l.T("Key figures"))
				}
				row := xlsxtest.Rows(t, f, sheet)[h-1]
				firstHeader, lastHeader := firstWord(row[0]), firstWord(row[len(row)-1])
				for i, page := range bySheet[sheet] {
					if sheet == sheets[0] && i > 0 {
						break // the header row is not repeated on the Summary
					}
					words := strings.Fields(page)
					if !containsWord(words, firstHeader) || !containsWord(words, lastHeader) {
						t.Errorf("%s, its page %d of %d: no %q or no %q, the first and the last header: the columns do not fit the page's width\n%s",
							sheet, i+1, len(bySheet[sheet]), firstHeader, lastHeader, page)
					}
				}
			}
		})
	}
}

func firstWord(s string) string {
	if w := strings.Fields(s); len(w) > 0 {
		return w[0]
	}
	return ""
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// toPDF has LibreOffice print the workbook to PDF, with a profile of its own, and returns the
// PDF's path.
func toPDF(t *testing.T, soffice, xlsx string) string {
	t.Helper()
	dir := t.TempDir()
	out := run(t, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "pdf", "--outdir", dir, xlsx)
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("soffice wrote no PDF: %v\n%s", err, out)
	}
	return pdf
}

// run runs a command and returns its standard output; the test fails if it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var stderr strings.Builder
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}
