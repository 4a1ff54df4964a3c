package emissions

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Year cells may be dates, in either date system; a date-formatted year is read as its year.
func TestDateYears(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if date1904 {
			v := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &v}); err != nil {
				t.Fatal(err)
			}
		}
		f.SetSheetName("Sheet1", "Travel")
		f.SetSheetRow("Travel", "A1", &[]any{"Year", "Activity", "Quantity", "Unit"})
		f.SetSheetRow("Travel", "A2", &[]any{time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), "test.steel", 1, "t"})
		f.SetSheetRow("Travel", "A3", &[]any{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), "test.steel", 2, "t"})
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		in, inv := run(t, Options{}, map[string][]byte{"d.xlsx": buf.Bytes()})
		if inv.Rows.Used != 2 || len(in.Problems.List()) != 0 {
			t.Fatalf("1904=%v: rows %+v problems %v", date1904, inv.Rows, in.Problems.List())
		}
		if y := yearOf(t, inv, MethodMarket, 2023); !near(y.Scope3, 2) {
			t.Errorf("1904=%v: 2023 = %v", date1904, y.Scope3)
		}
		if y := yearOf(t, inv, MethodMarket, 2024); !near(y.Scope3, 4) {
			t.Errorf("1904=%v: 2024 = %v", date1904, y.Scope3)
		}
	}
}

// A number that is not a year, in a cell without a date format, is refused, not read as a date.
func TestSerialWithoutDateFormat(t *testing.T) {
	wb := workbook(t, sheet{"E", [][]any{header, {45291, "Main", "P", "test.steel", 1, "t"}}})
	in, inv := run(t, Options{}, map[string][]byte{"s.xlsx": wb})
	if inv.Rows.Rejected != 1 || in.Problems.List()[0].Cell != "A2" {
		t.Errorf("rows %+v problems %v", inv.Rows, in.Problems.List())
	}
}

func FuzzReadWorkbook(f *testing.F) {
	f.Add(workbook(f, sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.steel", 1, "t"}, {"x", nil, nil, "test.gas.pcs", "1,5", "kWh PCI"}}}))
	f.Add(workbook(f, sheet{"Instruments", [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}, {2024, "Main", "GO", 5, "MWh", 0}}}))
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte{})
	lib := testLibrary(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &Input{}
		in.ReadWorkbook("fuzz.xlsx", bytes.NewReader(data), LoadOptions{DefaultSite: "Main"})
		inv := Calculate(in, Options{Library: lib})
		if inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
			t.Fatalf("rows %+v", inv.Rows)
		}
	})
}
