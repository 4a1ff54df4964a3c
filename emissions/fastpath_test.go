package emissions

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// fastVsChecked reads a workbook the fast way (one pass, pipe.go) and the checked way (package
// scanned, then read) and fails unless both give the same activities, instruments, counts
// and problems. It reports whether the fast path read it (rather than handing it back).
func fastVsChecked(t *testing.T, name string, data []byte, opts LoadOptions) bool {
	t.Helper()
	fast := &Input{}
	fast.ReadWorkbook(name, bytes.NewReader(data), opts)
	if fast.quickReads > 0 {
		quickWorkbooks++
	}
	opts.checkedOnly = true
	checked := &Input{}
	checked.ReadWorkbook(name, bytes.NewReader(data), opts)
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"activities", fast.Activities, checked.Activities},
		{"instruments", fast.Instruments, checked.Instruments},
		{"rows read", fast.RowsRead, checked.RowsRead},
		{"rejected", fast.Rejected, checked.Rejected},
		{"problems", fast.Problems.List(), checked.Problems.List()},
		{"problems by place", fast.Problems.ByPlace(), checked.Problems.ByPlace()},
		{"fatal", fast.Problems.Fatal(), checked.Problems.Fatal()},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %s differ between the fast and the checked path:\nfast    %+v\nchecked %+v", name, c.what, head5(c.got), head5(c.want))
		}
	}
	return fast.fastReads == 1
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
	opts := LoadOptions{DefaultSite: "Main", Aliases: Aliases{ColYear: {"Année"}, ColQuantity: {"Quantité"}, ColActivity: {"Activité"}, ColUnit: {"Unité"}, ColComment: {"Commentaire libre"}}}
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
		fastVsChecked(t, "fuzz.xlsx", data, LoadOptions{DefaultSite: "Main"})
	})
}
