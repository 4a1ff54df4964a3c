package html

import (
	"fmt"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// The data-quality section lists every factor applied before its data year in a table of its
// own, even when other problems fill the general list beyond its bound.
func TestQualitySectionAnachronisms(t *testing.T) {
	var ps []emissions.Problem
	for i := range maxProblems + 5 {
		ps = append(ps, emissions.Problem{Severity: emissions.SeverityWarning, File: "a.xlsx", Sheet: "Energy", Cell: fmt.Sprintf("E%d", i+2), Cause: "hidden-rows", Message: "other"})
	}
	ps = append(ps, emissions.Problem{Severity: emissions.SeverityWarning, File: "a.xlsx", Sheet: "Energy", Cell: "D9", Cause: emissions.CauseAnachronism,
		Message: "factor us.electricity.grid.camx rests on 2023 data, after the 2019 activity it computes"})
	s := qualitySection(reports.Report{Problems: ps})
	if len(s.Blocks) != 2 || s.Blocks[0].Table == nil || s.Blocks[0].Table.Caption != "Factors applied before their data year" {
		t.Fatalf("blocks %+v, want the anachronisms' table first", s.Blocks)
	}
	rows := s.Blocks[0].Table.Rows
	if len(rows) != 1 || rows[0].Cells[2].Text != "D9" || rows[0].Cells[3].Text != ps[len(ps)-1].Message {
		t.Errorf("rows %+v, want the one anachronism at D9", rows)
	}
	if got := len(s.Blocks[1].Table.Rows); got != maxProblems {
		t.Errorf("general list: %d rows, want %d", got, maxProblems)
	}
}
