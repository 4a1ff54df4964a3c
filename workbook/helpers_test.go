package workbook

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// sheet is a sheet of rows, written from A1.
type sheet struct {
	name string
	rows [][]any
}

var header = workbooktest.Header

// workbook builds an .xlsx in memory from sheets of rows.
func workbook(t testing.TB, sheets ...sheet) []byte {
	ws := make([]workbooktest.Sheet, len(sheets))
	for i, s := range sheets {
		ws[i] = workbooktest.Sheet{Name: s.name, Rows: s.rows}
	}
	return workbooktest.Build(t, ws...)
}

func testLibrary(t testing.TB) *factors.Library { return workbooktest.Library(t) }

// run reads workbooks, in the order of their names, and computes them with the test library.
func run(t testing.TB, opts emissions.Options, files map[string][]byte) (*emissions.Input, *emissions.Inventory) {
	t.Helper()
	in := &emissions.Input{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		Read(in, n, bytes.NewReader(files[n]), Options{DefaultSite: "Main", Aliases: Aliases{ColYear: {"Année"}, ColQuantity: {"Quantité"}, ColActivity: {"Activité"}, ColUnit: {"Unité"}}})
	}
	if opts.Library == nil {
		opts.Library = testLibrary(t)
	}
	inv := emissions.Calculate(in, opts)
	if inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
		t.Fatalf("rows read %d ≠ used %d + rejected %d", inv.Rows.Read, inv.Rows.Used, inv.Rows.Rejected)
	}
	return in, inv
}

func yearOf(t testing.TB, inv *emissions.Inventory, method string, year int) emissions.YearTotals {
	t.Helper()
	for _, y := range emissions.Aggregate(inv.Lines, method) {
		if y.Year == year {
			return y
		}
	}
	t.Fatalf("no totals for %d", year)
	return emissions.YearTotals{}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func problemText(in *emissions.Input) string {
	var b strings.Builder
	for _, p := range in.Problems.List() {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}
