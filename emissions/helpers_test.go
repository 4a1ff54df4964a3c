package emissions

import (
	"bytes"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/xuri/excelize/v2"
)

type sheet struct {
	name string
	rows [][]any
}

// workbook builds an .xlsx in memory from sheets of rows.
func workbook(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var header = []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment"}

// testLibrary is a small library of made-up test factors (not product data).
func testLibrary(t testing.TB) *factors.Library {
	t.Helper()
	mk := func(id string, year int, value, upstream float64, unit string, scope, cat int) factors.Factor {
		return factors.Factor{ID: id, Name: id, Value: value, Upstream: upstream, Unit: unit, Scope: scope, Category: cat,
			Kind: factors.KindEmission, Year: year, Source: "test " + id}
	}
	gas := mk("test.gas.pcs", 0, 0.181, 0.0344, "kWh PCS", 1, 0)
	gas.PCSPerPCI = 1.1
	noratio := mk("test.fuel.pcs", 0, 0.2, 0, "kWh PCS", 1, 0)
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	lib, err = lib.WithCustom([]factors.Factor{
		mk("test.electricity", 0, 0.20, 0, "kWh", 2, 0),
		mk("test.grid.electricity", 2020, 0.10, 0.01, "kWh", 2, 0),
		mk("test.grid.electricity", 2021, 0.30, 0.03, "kWh", 2, 0),
		gas, noratio,
		mk("test.steel", 0, 2000, 0, "t", 3, 1),
		mk("test.diesel", 0, 2.5, 0.6, "L", 1, 0),
		mk("test.heat", 0, 0.1, 0, "kWh", 2, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// run reads workbooks and computes them with the test library.
func run(t testing.TB, opts Options, files map[string][]byte) (*Input, *Inventory) {
	t.Helper()
	in := &Input{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	for _, n := range sortStrings(names) {
		in.ReadWorkbook(n, bytes.NewReader(files[n]), LoadOptions{DefaultSite: "Main", Aliases: Aliases{ColYear: {"Année"}, ColQuantity: {"Quantité"}, ColActivity: {"Activité"}, ColUnit: {"Unité"}}})
	}
	if opts.Library == nil {
		opts.Library = testLibrary(t)
	}
	inv := Calculate(in, opts)
	if inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
		t.Fatalf("rows read %d ≠ used %d + rejected %d", inv.Rows.Read, inv.Rows.Used, inv.Rows.Rejected)
	}
	return in, inv
}

func sortStrings(s []string) []string {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

func yearOf(t testing.TB, inv *Inventory, method string, year int) YearTotals {
	t.Helper()
	for _, y := range Aggregate(inv.Lines, method) {
		if y.Year == year {
			return y
		}
	}
	t.Fatalf("no totals for %d", year)
	return YearTotals{}
}
