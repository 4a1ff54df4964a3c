package workbook

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/footprint/footprint/emissions"
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
		in, inv := run(t, emissions.Options{}, map[string][]byte{"d.xlsx": buf.Bytes()})
		if inv.Rows.Used != 2 || len(in.Problems.List()) != 0 {
			t.Fatalf("1904=%v: rows %+v problems %v", date1904, inv.Rows, in.Problems.List())
		}
		if y := yearOf(t, inv, emissions.MethodMarket, 2023); !near(y.Scope3, 2) {
			t.Errorf("1904=%v: 2023 = %v", date1904, y.Scope3)
		}
		if y := yearOf(t, inv, emissions.MethodMarket, 2024); !near(y.Scope3, 4) {
			t.Errorf("1904=%v: 2024 = %v", date1904, y.Scope3)
		}
	}
}

// A number that is not a year, in a cell without a date format, is refused, not read as a date.
func TestSerialWithoutDateFormat(t *testing.T) {
	wb := workbook(t, sheet{"E", [][]any{header, {45291, "Main", "P", "test.steel", 1, "t"}}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"s.xlsx": wb})
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
		in := &emissions.Input{}
		Read(in, "fuzz.xlsx", bytes.NewReader(data), Options{DefaultSite: "Main"})
		inv := emissions.Calculate(in, emissions.Options{Library: lib})
		if inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
			t.Fatalf("rows %+v", inv.Rows)
		}
	})
}

// The instruments and refrigerant rows the input keeps (for the market-based method and the
// reports) keep no reference to the reader's buffer their cells pointed into: a workbook's
// shared strings, a batch of rows.
func TestKeptRowsKeepNoReaderBuffer(t *testing.T) {
	for _, c := range []struct {
		name  string
		cols  []Column
		cells []string
		read  func(sr *sheetReader, cells []string)
		kept  func(in *emissions.Input) int
	}{
		{"instrument", []Column{ColYear, ColSite, ColInstrument, ColQuantity, ColUnit, ColFactor},
			[]string{"2024", "Main", "GO wind", "600", "MWh", "0"},
			func(sr *sheetReader, cells []string) { sr.instrument(cells, 2) }, func(in *emissions.Input) int { return len(in.Instruments) }},
		{"refrigerant", []Column{ColYear, ColGas, ColRecharged, ColSite, ColPole, ColEquipment, ColComment},
			[]string{"2024", "R-410A", "3", "Main", "P1", "chiller", "yearly check"},
			func(sr *sheetReader, cells []string) { sr.refrigerant(cells, 2) }, func(in *emissions.Input) int { return len(in.Refrigerants) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			calc, err := emissions.NewCalculator(emissions.Options{Library: testLibrary(t)})
			if err != nil {
				t.Fatal(err)
			}
			in := &emissions.Input{Sink: calc}
			wb := begin(in)
			sr := &sheetReader{in: in, wb: wb, problems: wb.problems, file: "w.xlsx", sheet: "S", pos: map[Column]int{}}
			for i, col := range c.cols {
				sr.pos[col] = i
			}
			sr.cols[atYear] = 1
			freed := make(chan struct{})
			func() {
				buf := new([1 << 20]byte)
				runtime.SetFinalizer(buf, func(*[1 << 20]byte) { close(freed) })
				cells := make([]string, len(c.cells))
				n := 0
				for i, s := range c.cells {
					copy(buf[n:], s)
					cells[i] = unsafe.String(&buf[n], len(s))
					n += len(s)
				}
				c.read(sr, cells)
			}()
			wb.commit()
			if c.kept(in) != 1 {
				t.Fatalf("row not kept: %v", in.Problems.List())
			}
			for range 10 {
				runtime.GC()
				select {
				case <-freed:
					runtime.KeepAlive(in)
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
			t.Errorf("the kept %s keeps the buffer its cells pointed into", c.name)
		})
	}
}

// A merged range over several columns read gets one warning, always the same: it names the
// leftmost of them, not whichever a map gives first.
func TestMergedWarningIsDeterministic(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c><c r="B1" t="inlineStr"><is><t>Site</t></is></c><c r="C1" t="inlineStr"><is><t>Pole</t></is></c><c r="D1" t="inlineStr"><is><t>Activity</t></is></c><c r="E1" t="inlineStr"><is><t>Quantity</t></is></c><c r="F1" t="inlineStr"><is><t>Unit</t></is></c><c r="G1" t="inlineStr"><is><t>Comment</t></is></c></row>` +
		`<row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="inlineStr"><is><t>Main</t></is></c><c r="D2" t="inlineStr"><is><t>test.steel</t></is></c><c r="E2"><v>1</v></c><c r="F2" t="inlineStr"><is><t>t</t></is></c></row>` +
		`<row r="3"><c r="A3"><v>2024</v></c><c r="D3" t="inlineStr"><is><t>test.steel</t></is></c><c r="E3"><v>2</v></c><c r="F3" t="inlineStr"><is><t>t</t></is></c></row>`
	b := rawWorkbook(t, false, nil, []rawSheet{{name: "Energy", data: rows, after: `<mergeCells count="1"><mergeCell ref="B2:G3"/></mergeCells>`}})
	var first string
	for range 30 {
		in := &emissions.Input{}
		Read(in, "w.xlsx", bytes.NewReader(b), Options{DefaultSite: "Main"})
		msg := ""
		for _, p := range in.Problems.List() {
			if p.Cause == "merged" {
				msg = p.Message
			}
		}
		if msg == "" {
			t.Fatalf("no merged warning: %v", in.Problems.List())
		}
		if first == "" {
			first = msg
		} else if msg != first {
			t.Fatalf("the merged warning changes from run to run:\n%s\n%s", first, msg)
		}
	}
	if !strings.Contains(first, "(Site among them)") {
		t.Errorf("the warning does not name the leftmost column read: %s", first)
	}
}

// A totals row in or under the table (a label in Year, Site, Pole or Activity, with or without
// an Activity) gets one problem that says what it is, instead of one per empty cell, and is not
// counted: its rows are counted already. A site whose name only starts with the letters of
// "total" is an activity row like any other.
func TestTotalRows(t *testing.T) {
	tests := []struct {
		name     string
		row      []any
		want     string // the one problem, "" for none
		rejected int
	}{
		{"Total in Year", []any{"Total", "", "", "", 1500, ""}, `A3: "Total" looks like a total row`, 1},
		{"French grand total", []any{"TOTAL GÉNÉRAL", "", "", "", 1500, ""}, `A3: "TOTAL GÉNÉRAL" looks like a total row`, 1},
		{"Sous-total in Pole", []any{"", "", "Sous-total atelier", "", 700, ""}, `C3: "Sous-total atelier" looks like a total row`, 1},
		{"a site named Totalenergies is not a total", []any{2024, "Totalenergies", "P", "test.steel", 1, "t"}, "", 0},
		{"Sous-total in Site with an Activity", []any{2024, "Sous-total 2024", "P", "test.steel", 2, "t"}, `B3: "Sous-total 2024" looks like a total row`, 1},
		{"a pole Total with an Activity", []any{2024, "Flins", "Total", "test.steel", 2, "t"}, `C3: "Total" looks like a total row`, 1},
		{"an already-computed Total", []any{2024, "Flins", "P", "Total scope 3", 150, "tCO2e"}, `D3: "Total scope 3" looks like a total row`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			f.SetSheetName("Sheet1", "Energy")
			f.SetSheetRow("Energy", "A1", &[]any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"})
			f.SetSheetRow("Energy", "A2", &[]any{2024, "Flins", "P", "test.steel", 2, "t"})
			f.SetSheetRow("Energy", "A3", &tt.row)
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			in, inv := run(t, emissions.Options{}, map[string][]byte{"t.xlsx": buf.Bytes()})
			ps := in.Problems.List()
			if inv.Rows.Rejected != tt.rejected || inv.Rows.Read != 2 {
				t.Errorf("rows %+v, want %d rejected of 2", inv.Rows, tt.rejected)
			}
			switch {
			case tt.want == "" && len(ps) != 0:
				t.Errorf("problems %v, want none", ps)
			case tt.want != "" && (len(ps) != 1 || !strings.HasPrefix(ps[0].Cell+": "+ps[0].Message, tt.want)):
				t.Errorf("problems %v, want one: %s…", ps, tt.want)
			}
		})
	}
}
