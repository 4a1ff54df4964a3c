package excel_test

import (
	"strconv"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/pipeline"
	"github.com/footprint/footprint/reports"
)

// gapYearsExport computes the site of reports/testdata/gap-years (data for 2019 and 2025
// only, a trajectory from 2019 to 2030, credits) and reads its export back.
func gapYearsExport(t *testing.T) func(sheet string) sheetCells {
	t.Helper()
	res, err := pipeline.Run(pipeline.Options{ConfigPath: "../testdata/gap-years/config.yaml", RowLines: true})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	e := reports.New(res)
	e.Lines = emissions.LineSlice(rowLinesOf(t, res.Inventory))
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	return func(sheet string) sheetCells { return readSheet(t, f, sheet) }
}

// column is the 1-based column of header in a sheet's third row (title, note, header).
func column(t *testing.T, s sheetCells, header string) int {
	t.Helper()
	for c := 1; c <= len(s.rows[2]); c++ {
		if s.at(c, 3) == header {
			return c
		}
	}
	t.Fatalf("no column %q in %q", header, s.rows[2])
	return 0
}

// The years 2020–2024 have no data: on the Claim sheet their claim reads "no data" with no
// residual, on the Trajectory sheet they have no actual and no gap; the Changes sheet goes
// from 2019 to 2025, the next year with data, and says so.
func TestExportGapYears(t *testing.T) {
	sheet := gapYearsExport(t)
	for _, tc := range []struct {
		sheet   string
		verdict string   // the column that says "no data"
		blank   []string // the columns a year without data leaves empty
	}{
		{"Claim", "Claim", []string{"Gross emissions, tCO2e (trajectory boundary)", "Reduction from base year, tCO2e",
			"Residual in claim boundary, tCO2e", "Residual, 95 % upper bound, tCO2e"}},
		{"Trajectory", "Status", []string{"Actual", "Business as usual", "Plan", "Net (plan − credits)", "Gap (plan − target)"}},
	} {
		t.Run(tc.sheet, func(t *testing.T) {
			s := sheet(tc.sheet)
			for y := 2019; y <= 2030; y++ {
				r := s.findRow(strconv.Itoa(y))
				if r == 0 {
					t.Fatalf("no row for %d", y)
				}
				verdict := s.at(column(t, s, tc.verdict), r)
				if y < 2020 || y > 2024 {
					if verdict == "no data" {
						t.Errorf("%d: %s %q, but the year has data or a projection", y, tc.verdict, verdict)
					}
					continue
				}
				if verdict != "no data" {
					t.Errorf("%d: %s %q, want no data", y, tc.verdict, verdict)
				}
				for _, h := range tc.blank {
					if v := s.at(column(t, s, h), r); v != "" {
						t.Errorf("%d: %s %q, want blank", y, h, v)
					}
				}
			}
		})
	}
	claim := sheet("Claim")
	want := "2022 has no activity data: its emissions are unknown, so no contribution can be claimed for it"
	if got := claim.at(column(t, claim, "Reasons"), claim.findRow("2022")); got != want {
		t.Errorf("Claim 2022 reasons %q, want %q", got, want)
	}
	ch := sheet("Changes")
	if r := ch.findRow("2019"); r == 0 || ch.at(2, r) != "2025" || ch.at(3, r) != "next year with data" {
		t.Errorf("Changes row %d: %q → %q, %q; want 2019 → 2025, next year with data", r, ch.at(1, r), ch.at(2, r), ch.at(3, r))
	}
}
