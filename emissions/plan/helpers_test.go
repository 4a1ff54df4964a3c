package plan

import (
	"math"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook/workbooktest"
)

func testLibrary(t testing.TB) *factors.Library { return workbooktest.Library(t) }

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
