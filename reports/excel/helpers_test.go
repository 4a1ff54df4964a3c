package excel_test

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/reports/excel"
	"github.com/xuri/excelize/v2"
)

// demoInventory computes the built-in demo the way `footprint report` does: through the
// pipeline, with the embedded config and workbook.
func demoInventory(t testing.TB) reports.Report { return demoInventoryWith(t, nil) }

// lastDemoInventory is the inventory demoInventoryWith computed last (the tests that use it
// do not run in parallel).
var lastDemoInventory *emissions.Inventory

// demoInventoryWith is demoInventory with the demo's config changed by edit first. The
// export's lines are held in memory, so the tests can read them again.
func demoInventoryWith(t testing.TB, edit func(*config.Config)) reports.Report {
	t.Helper()
	res, err := pipeline.Run(pipeline.Options{RowLines: true, Edit: edit})
	if err != nil {
		t.Fatal(err)
	}
	if res.Config.Path != "" {
		t.Fatalf("a config.yaml in the test folder (%s) would replace the built-in demo", res.Config.Path)
	}
	lastDemoInventory = res.Inventory
	e := reports.New(res)
	e.Lines = emissions.LineSlice(rowLinesOf(t, res.Inventory))
	return e
}

// writeExportBytes writes e and returns the workbook's bytes.
func writeExportBytes(t testing.TB, e reports.Report) ([]byte, []emissions.Problem) {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := excel.Write(&buf, e)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

func openWorkbook(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	return xlsxtest.Open(t, b)
}

// sheetCells is one sheet read back: raw values by A1 reference, and the rows in order.
type sheetCells struct {
	rows [][]string // raw values, row by row from row 1
}

func (s sheetCells) at(col, row int) string {
	if row < 1 || row > len(s.rows) || col < 1 || col > len(s.rows[row-1]) {
		return ""
	}
	return s.rows[row-1][col-1]
}

// findRow returns the 1-based row whose column A is label, or 0.
func (s sheetCells) findRow(label string) int { return xlsxtest.FindRow(s.rows, label) }

func readSheet(t testing.TB, f *excelize.File, sheet string) sheetCells {
	t.Helper()
	return sheetCells{rows: xlsxtest.Rows(t, f, sheet)}
}

// dumpCells lists every non-empty cell of every sheet, one per line: sheet!cell, its type
// (n number, s text, str formula with a text value, b boolean, e error), its raw value, its
// number format for numbers, its formula if any. It is what the golden files compare: cell by
// cell, not zip bytes.
func dumpCells(t testing.TB, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	formats := map[int]string{}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		for r, row := range readSheet(t, f, sheet).rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := f.GetCellFormula(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if v == "" && formula == "" {
					continue
				}
				typ, err := f.GetCellType(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				kind := map[excelize.CellType]string{excelize.CellTypeUnset: "n", excelize.CellTypeNumber: "n",
					excelize.CellTypeSharedString: "s", excelize.CellTypeInlineString: "s", excelize.CellTypeFormula: "str",
					excelize.CellTypeBool: "b", excelize.CellTypeError: "e", excelize.CellTypeDate: "d"}[typ]
				line := fmt.Sprintf("%s!%s\t%s\t%s", sheet, ref, kind, strconv.Quote(v))
				if kind == "n" {
					id, err := f.GetCellStyle(sheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					format, ok := formats[id]
					if !ok {
						st, err := f.GetStyle(id)
						if err != nil {
							t.Fatal(err)
						}
						format = strconv.Itoa(st.NumFmt)
						if st.CustomNumFmt != nil {
							format = *st.CustomNumFmt
						}
						formats[id] = format
					}
					line += "\t" + format
				}
				if formula != "" {
					line += "\t=" + formula
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

// rowLinesOf collects the lines of every row of an inventory.
func rowLinesOf(t testing.TB, inv *emissions.Inventory) []emissions.Line {
	t.Helper()
	var out []emissions.Line
	if err := inv.AllLines().Each(func(l *emissions.Line) error {
		out = append(out, *l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// linesOf returns the lines of an export made by the tests, which hold them in memory.
func linesOf(e reports.Report) emissions.LineSlice {
	return e.Lines.(emissions.LineSlice)
}
