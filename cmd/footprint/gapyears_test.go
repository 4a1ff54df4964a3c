package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/footprint/footprint/internal/golden"
)

// gapYears is a site with data for 2019 and 2025 only, a trajectory from 2019 to 2030 and
// neutrality credits (its config.yaml lists the rows).
const gapYears = "../../reports/testdata/gap-years"

// A year without data is no year of zero emissions: `calc --json` gives 2020–2024 a claim
// that fails with no-data alone and no residual, and no other figure of those years.
func TestCalcJSONGapYears(t *testing.T) {
	r := footprint(t, gapYears, "calc", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden.Check(t, filepath.Join("testdata", "gap-years-calc.json"), []byte(r.stdout))

	var doc struct {
		Trajectory []struct {
			Year      int
			Actual    *float64
			Gap       *float64
			Reduction *json.RawMessage
			Claim     struct {
				OK           bool
				ReasonCodes  []string `json:"reason_codes"`
				Residual     *float64
				ResidualHigh *float64 `json:"residual_high"`
			}
		}
		Changes []struct{ From, To int }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, ty := range doc.Trajectory {
		noData := ty.Year >= 2020 && ty.Year <= 2024
		if !noData {
			if slices.Contains(ty.Claim.ReasonCodes, "no-data") || ty.Claim.Residual == nil {
				t.Errorf("%d: claim reasons %v, residual %s; want a residual and no no-data", ty.Year, ty.Claim.ReasonCodes, fmtPtr(ty.Claim.Residual))
			}
			continue
		}
		if ty.Claim.OK || !slices.Equal(ty.Claim.ReasonCodes, []string{"no-data"}) || ty.Claim.Residual != nil || ty.Claim.ResidualHigh != nil {
			t.Errorf("%d: claim ok %v, reasons %v, residual %s (high %s); want ok false, [no-data], residual null",
				ty.Year, ty.Claim.OK, ty.Claim.ReasonCodes, fmtPtr(ty.Claim.Residual), fmtPtr(ty.Claim.ResidualHigh))
		}
		if ty.Actual != nil || ty.Gap != nil || ty.Reduction != nil {
			t.Errorf("%d: actual %s, gap %s, reduction present %v: want none in a year without data", ty.Year, fmtPtr(ty.Actual), fmtPtr(ty.Gap), ty.Reduction != nil)
		}
	}
	// One change, from one year with data to the next: nothing to or from the years between.
	if len(doc.Changes) != 1 || doc.Changes[0].From != 2019 || doc.Changes[0].To != 2025 {
		t.Errorf("changes %+v, want 2019 → 2025 only", doc.Changes)
	}
}

// `report` on a year without data says the residual is unknown, never that a contribution
// can be claimed on 0 t.
func TestReportSummaryGapYear(t *testing.T) {
	out := t.TempDir()
	r := footprint(t, gapYears, "report", "--year", "2022", "--out", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := "2022: a contribution to carbon neutrality cannot be claimed (1 reason(s), see the report); residual unknown (no data)"
	if !strings.Contains(r.stdout, want) {
		t.Errorf("summary:\n%s\nwant a line starting %q", r.stdout, want)
	}
}
