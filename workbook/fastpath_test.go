package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// fastVsChecked reads a workbook the fast way (one pass, pipe.go) and the checked way (package
// scanned, then read) and fails unless both give the same activities, instruments, counts
// and problems. It reports whether the fast path read it (rather than handing it back).
func fastVsChecked(t *testing.T, name string, data []byte, opts Options) bool {
	t.Helper()
	fast, stats := &emissions.Input{}, &readStats{}
	opts.stats = stats
	Read(fast, name, bytes.NewReader(data), opts)
	if stats.quick > 0 {
		quickWorkbooks++
	}
	opts.checkedOnly, opts.stats = true, nil
	checked := &emissions.Input{}
	Read(checked, name, bytes.NewReader(data), opts)
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"activities", fast.Activities, checked.Activities},
		{"instruments", fast.Instruments, checked.Instruments},
		{"refrigerant rows", fast.Refrigerants, checked.Refrigerants},
		{"activity sheets", fast.Sheets, checked.Sheets},
		{"rows read", fast.RowsRead, checked.RowsRead},
		{"rejected", fast.Rejected, checked.Rejected},
		{"instrument rows", fast.InstrumentRows, checked.InstrumentRows},
		{"problems", fast.Problems.List(), checked.Problems.List()},
		{"problems by place", fast.Problems.ByPlace(), checked.Problems.ByPlace()},
		{"fatal", fast.Problems.Fatal(), checked.Problems.Fatal()},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %s differ between the fast and the checked path:\nfast    %+v\nchecked %+v", name, c.what, head5(c.got), head5(c.want))
		}
	}
	return stats.fast == 1
}

func head5(v any) any {
	if s := reflect.ValueOf(v); s.Kind() == reflect.Slice && s.Len() > 5 {
		return s.Slice(0, 5).Interface()
	}
	return v
}

// quickWorkbooks counts the workbooks the quick reader read in fastVsChecked.
var quickWorkbooks int

// The fast path gives exactly what the checked path gives, on the broken-input corpus, the
// property tests' workbooks and the differential generator's, and reads the valid ones.
func TestFastPathIsTheCheckedPath(t *testing.T) {
	opts := Options{DefaultSite: "Main", Aliases: Aliases{ColYear: {"Année"}, ColQuantity: {"Quantité"}, ColActivity: {"Activité"}, ColUnit: {"Unité"}, ColComment: {"Commentaire libre"}}}
	files, _ := filepath.Glob("testdata/broken/*.xlsx")
	read := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if fastVsChecked(t, filepath.Base(f), data, opts) {
			read++
		}
	}
	t.Logf("broken corpus: the fast path read %d of %d workbooks", read, len(files))
	total, read := 0, 0
	for seed := range uint64(propertySeeds) {
		for name, data := range generate(t, seed, 1).files {
			total++
			if fastVsChecked(t, name, data, opts) {
				read++
			}
		}
	}
	t.Logf("property workbooks: the fast path read %d of %d", read, total)
	if read < total/2 {
		t.Errorf("the fast path read only %d of %d property workbooks", read, total)
	}
	read = 0
	for seed := range uint64(100) {
		if fastVsChecked(t, "raw.xlsx", generateRaw(t, seed), opts) {
			read++
		}
	}
	t.Logf("generated raw workbooks: the fast path read %d of 100", read)
	t.Logf("the quick reader read %d workbooks in all", quickWorkbooks)
	if quickWorkbooks == 0 {
		t.Error("the quick reader read no workbook")
	}
}

// FuzzFastPath: whatever the bytes, the fast path gives what the checked path gives.
func FuzzFastPath(f *testing.F) {
	for seed := range uint64(4) {
		f.Add(generateRaw(f, seed))
	}
	f.Add(workbook(f, sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.steel", 1, "t"}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		fastVsChecked(t, "fuzz.xlsx", data, Options{DefaultSite: "Main"})
	})
}

// FuzzQuickSheetXML fuzzes the sheet XML itself, with a header the loader reads, so that the
// quick reader meets it: whatever it reads gives what the checked path gives.
func FuzzQuickSheetXML(f *testing.F) {
	f.Add(`<row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>test.steel</t></is></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2" t="str"><v>t</v></c></row>`)
	f.Add(`<row r="2" spans="1:6" hidden="1"><c r="A2" s="1"><v>2024</v></c><c r="D2" t="inlineStr"><is><t xml:space="preserve"> test.steel </t></is></c><c r="E2"><f>A1</f></c><c r="F2" t="inlineStr"><is><t>t&amp;</t></is></c></row><row r="4"><c r="A4"/></row>`)
	f.Add(`<row r="3"><c r="A3"><v>2024</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>`)
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c><c r="B1" t="inlineStr"><is><t>Site</t></is></c><c r="C1" t="inlineStr"><is><t>Pole</t></is></c><c r="D1" t="inlineStr"><is><t>Activity</t></is></c><c r="E1" t="inlineStr"><is><t>Quantity</t></is></c><c r="F1" t="inlineStr"><is><t>Unit</t></is></c></row>`
	sst := []string{"Main", "P", "t"}
	f.Fuzz(func(t *testing.T, data string) {
		b := rawWorkbook(t, false, sst, []rawSheet{{name: "Energy", data: header + data}})
		fastVsChecked(t, "fuzz.xlsx", b, Options{DefaultSite: "Main"})
	})
}

// A worksheet that declares another encoding than UTF-8 is left to the readers that transcode
// it: the quick reader gives up, and the result is the checked path's.
func TestQuickReaderLeavesOtherEncodings(t *testing.T) {
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c><c r="D1" t="inlineStr"><is><t>Activity</t></is></c><c r="E1" t="inlineStr"><is><t>Quantity</t></is></c><c r="F1" t="inlineStr"><is><t>Unit</t></is></c></row>`
	row := `<row r="2"><c r="A2"><v>2024</v></c><c r="D2" t="inlineStr"><is><t>test.steel</t></is></c><c r="E2"><v>1</v></c><c r="F2" t="inlineStr"><is><t>t</t></is></c></row>`
	for _, decl := range []string{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, `<?xml version="1.0" encoding="ISO-8859-1"?>`} {
		b := rawWorkbookDecl(t, decl, header+row)
		before := quickWorkbooks
		fastVsChecked(t, "enc.xlsx", b, Options{DefaultSite: "Main"})
		read := quickWorkbooks > before
		if want := strings.Contains(decl, "UTF-8"); read != want {
			t.Errorf("%s: the quick reader read it: %v, want %v", decl, read, want)
		}
	}
}

// rawWorkbookDecl is rawWorkbook's workbook of one sheet, Energy, whose part starts with decl.
func rawWorkbookDecl(t *testing.T, decl, data string) []byte {
	t.Helper()
	b := rawWorkbook(t, false, nil, []rawSheet{{name: "Energy", data: data}})
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			content = bytes.Replace(content, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`), []byte(decl), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
