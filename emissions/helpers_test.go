package emissions

import (
	"math"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// testLibrary is the built-in library with a few made-up test factors.
func testLibrary(t testing.TB) *factors.Library { return workbooktest.Library(t) }

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

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// What the external tests (package emissions_test, which read workbooks) use of the helpers.
var (
	YearOf = yearOf
)
