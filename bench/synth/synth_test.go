package synth

import (
	"bytes"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

func write(t *testing.T, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The same options give the same bytes; another seed gives other rows.
func TestDeterministic(t *testing.T) {
	a, b := write(t, Options{Rows: 3000, Seed: 1}), write(t, Options{Rows: 3000, Seed: 1})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes with the same options differ")
	}
	if bytes.Equal(a, write(t, Options{Rows: 3000, Seed: 2})) {
		t.Fatal("seeds 1 and 2 give the same workbook")
	}
}

// Both string layouts read the same with excelize and through footprint's loader, and every
// row computes.
func TestReadable(t *testing.T) {
	const n = 3001
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	var want [][][]string
	for _, inline := range []bool{false, true} {
		data := write(t, Options{Rows: n, Seed: 1, InlineStrings: inline})
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var got [][][]string
		for i, s := range f.GetSheetList() {
			if s != Sheets[i] {
				t.Fatalf("inline %v: sheet %d is %q, want %q", inline, i, s, Sheets[i])
			}
			rows, err := f.GetRows(s)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != Rows(n, i)+1 {
				t.Fatalf("inline %v: sheet %s has %d rows, want %d", inline, s, len(rows), Rows(n, i)+1)
			}
			got = append(got, rows)
		}
		f.Close()
		if want == nil {
			want = got
		} else if len(got) != len(want) || !equalRows(got, want) {
			t.Fatal("inline and shared strings read differently")
		}
		in := &emissions.Input{}
		workbook.Read(in, "synth.xlsx", bytes.NewReader(data), workbook.Options{})
		if in.RowsRead != n || in.Problems.Errors() != 0 {
			t.Fatalf("inline %v: read %d rows with %d errors, want %d and none", inline, in.RowsRead, in.Problems.Errors(), n)
		}
		inv := emissions.Calculate(in, emissions.Options{Library: lib})
		if inv.Rows.Used != n {
			t.Fatalf("inline %v: %d rows used, want %d", inline, inv.Rows.Used, n)
		}
	}
}

func equalRows(a, b [][][]string) bool {
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if len(a[i][j]) != len(b[i][j]) {
				return false
			}
			for k := range a[i][j] {
				if a[i][j][k] != b[i][j][k] {
					return false
				}
			}
		}
	}
	return true
}
