package emissions

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// workbookRows are the activities of one workbook, in the order read; rollbackAfter > 0
// drops the workbook after that many rows and reads it again, as the reader does when it
// falls back to a slower way.
type workbookRows struct {
	rows          []Activity
	rollbackAfter int
}

// branchWorkbooks: electricity (market-based), a factor without the early years' vintage and
// stale ones (warnings once per key, in every workbook), rejected rows, and quantities whose
// sums depend on the order they are added in.
func branchWorkbooks() []workbookRows {
	acts := []struct{ id, unit string }{
		{"test.grid.electricity", "kWh"}, {"test.gas.pcs", "kWh PCS"}, {"test.steel", "t"},
		{"test.diesel", "L"}, {"test.electricity", "MWh"}, {"no.such.factor", "kg"}, {"test.steel", "bananas"},
	}
	var wbs []workbookRows
	for w := range 5 {
		file := fmt.Sprintf("wb%d.xlsx", w%3) // the same names more than once
		var wb workbookRows
		for i := range 300 + 200*w {
			a := acts[(i*3+w)%len(acts)]
			wb.rows = append(wb.rows, Activity{Place: Place{File: file, Sheet: "Energy", Row: i + 2},
				Year: 2018 + (i+w)%8, Site: []string{"Plant", "Depot"}[i%2], Pole: "P", ID: a.id, Unit: a.unit,
				Quantity:     0.1*float64(i+1) + 1e-7*float64(w) + float64(i%7)*1234.5678,
				ActivityCell: CellRef{Col: 3, Row: i + 2}, UnitCell: CellRef{Col: 5, Row: i + 2}})
		}
		if w == 2 {
			wb.rollbackAfter = 150
		}
		wbs = append(wbs, wb)
	}
	return wbs
}

// read reads one workbook into in with its sink, as the workbook reader does.
func (wb workbookRows) read(in *Input) {
	if wb.rollbackAfter > 0 {
		in.Sink.Begin(&Problems{KeepRejected: in.Problems.KeepRejected})
		for i := range wb.rollbackAfter {
			in.Sink.Add(&wb.rows[i])
		}
		if err := in.Sink.Rollback(); err != nil {
			in.Problems.Fatalf("file", "", "", "", "%v", err)
		}
	}
	local := &Problems{KeepRejected: in.Problems.KeepRejected}
	in.Sink.Begin(local)
	for i := range wb.rows {
		in.Sink.Add(&wb.rows[i])
	}
	in.RowsRead += len(wb.rows)
	if err := in.Sink.Commit(); err != nil {
		local.Fatalf("file", "", "", "", "%v", err)
	}
	in.Problems.Merge(local)
}

// inventoryView is everything a calculation gives, row lines included.
type inventoryView struct {
	Lines, Outside, RowLines []Line
	Rows                     Rows
	Problems                 problemsView
}

func finish(t *testing.T, c *Calculator, in *Input) inventoryView {
	t.Helper()
	inv, err := c.Finish(in)
	if err != nil {
		t.Fatal(err)
	}
	defer inv.Close()
	v := inventoryView{Lines: inv.Lines, Outside: inv.Outside, Rows: inv.Rows, Problems: viewOf(&in.Problems)}
	if err := inv.RowLines().Each(func(l *Line) error {
		v.RowLines = append(v.RowLines, *l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n := inv.RowLines().Len(); n != len(v.RowLines) {
		t.Errorf("Len %d, %d row lines", n, len(v.RowLines))
	}
	return v
}

// Workbooks computed by branches at once and joined in order give, bit for bit, what the
// calculator gives reading them one after the other.
func TestBranchesJoinAsOneAfterTheOther(t *testing.T) {
	wbs := branchWorkbooks()
	opts := Options{Library: testLibrary(t), RowLines: true, FreshnessYears: 3,
		ResidualMix: []ResidualMix{{Year: 2022, Value: 0.05, Source: "test mix", Site: "Plant"}}}
	instruments := []Instrument{{Year: 2023, Site: "Plant", Name: "GO", KWh: 1e5, Factor: 0}}

	seq, err := NewCalculator(opts)
	if err != nil {
		t.Fatal(err)
	}
	in := &Input{Sink: seq, Instruments: instruments}
	for _, wb := range wbs {
		wb.read(in)
	}
	want := finish(t, seq, in)
	if want.Rows.Rejected == 0 || want.Problems.Warnings == 0 || len(want.RowLines) == 0 {
		t.Fatalf("the workbooks should have rejected rows, warnings and row lines: %+v", want.Rows)
	}

	// Read in reverse, so the last workbook ends first.
	c, err := NewCalculator(opts)
	if err != nil {
		t.Fatal(err)
	}
	in = &Input{Sink: c, Instruments: instruments}
	ins := make([]*Input, len(wbs))
	var wg sync.WaitGroup
	for i := range wbs {
		b, err := c.Branch()
		if err != nil {
			t.Fatal(err)
		}
		ins[i] = &Input{Sink: b}
	}
	for i := len(wbs) - 1; i >= 0; i-- {
		wg.Go(func() { wbs[i].read(ins[i]) })
		if i%2 == 0 {
			wg.Wait()
		}
	}
	wg.Wait()
	for _, o := range ins {
		if err := in.Join(o); err != nil {
			t.Fatal(err)
		}
	}
	got := finish(t, c, in)
	if !reflect.DeepEqual(got.Problems, want.Problems) {
		t.Errorf("problems:\n%+v\nwant\n%+v", got.Problems, want.Problems)
	}
	for name, g := range map[string][2][]Line{"lines": {got.Lines, want.Lines}, "outside": {got.Outside, want.Outside}, "row lines": {got.RowLines, want.RowLines}} {
		if !reflect.DeepEqual(g[0], g[1]) {
			t.Errorf("%s differ (%d, want %d)", name, len(g[0]), len(g[1]))
			for i := range min(len(g[0]), len(g[1])) {
				if !reflect.DeepEqual(g[0][i], g[1][i]) {
					t.Errorf("first at %d:\n got %+v\nwant %+v", i, g[0][i], g[1][i])
					break
				}
			}
		}
	}
	if got.Rows != want.Rows {
		t.Errorf("rows %+v, want %+v", got.Rows, want.Rows)
	}
}

// The workbooks' sums depend on the order they are added in: summing each workbook's part
// first, as a branch joined by adding its totals would, gives other figures. Without this the
// test above could not tell.
func TestBranchWorkbooksSumsDependOnOrder(t *testing.T) {
	lib := testLibrary(t)
	sum := func(perWorkbook bool) float64 {
		total := 0.0
		for _, wb := range branchWorkbooks() {
			part := 0.0
			for _, a := range wb.rows {
				if a.ID != "test.gas.pcs" {
					continue
				}
				f, _, _ := lib.Lookup(a.ID, a.Year)
				t := a.Quantity * f.Value / 1000
				if perWorkbook {
					part += t
				} else {
					total += t
				}
			}
			total += part
		}
		return total
	}
	if a, b := sum(false), sum(true); a == b {
		t.Errorf("the same sum either way (%v): the workbooks do not test the order of the sums", a)
	}
}
