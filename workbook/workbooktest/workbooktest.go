// Package workbooktest builds small workbooks and a test factor library for the tests of the
// workbook reader, the calculation and the renderers.
package workbooktest

import (
	"bytes"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/xuri/excelize/v2"
)

// Sheet is a sheet of rows, written from A1.
type Sheet struct {
	Name string
	Rows [][]any
}

// Build writes sheets into an .xlsx in memory, with excelize.
func Build(t testing.TB, sheets ...Sheet) []byte {
	t.Helper()
	b, err := Bytes(sheets...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Bytes is Build for code that has no testing.TB: the examples.
func Bytes(sheets ...Sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return nil, err
		}
		for r, row := range s.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.Name, cell, &row); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Header is the canonical header of an activity sheet.
var Header = []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment"}

// Library is the built-in library with a few made-up test factors (not product data): test.electricity,
// test.grid.electricity (2020 and 2021 vintages), test.gas.pcs, test.fuel.pcs, test.steel,
// test.diesel and test.heat.
func Library(t testing.TB) *factors.Library {
	t.Helper()
	mk := func(id string, year int, value, upstream float64, unit string, scope, cat int) factors.Factor {
		return factors.Factor{ID: id, Name: id, Value: value, Upstream: upstream, Unit: unit, Scope: scope, Category: cat,
			Kind: factors.KindEmission, Year: year, Source: "test " + id}
	}
	gas := mk("test.gas.pcs", 0, 0.181, 0.0344, "kWh PCS", 1, 0)
	gas.PCSPerPCI = 1.1
	noratio := mk("test.fuel.pcs", 0, 0.2, 0, "kWh PCS", 1, 0)
	heat := mk("test.heat", 0, 0.1, 0, "kWh", 2, 0)
	heat.Carrier = factors.CarrierHeat
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
		heat,
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}
