package emissions_test

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// The optional Quality column: read case-insensitively, carried to every line of its row
// (the upstream and market-based parts too), refused with its cell when it is not a level.
func TestQualityColumn(t *testing.T) {
	h := append(append([]any{}, header...), "Qualité")
	wb := xlsx(t, sheet{"Energy", [][]any{h,
		{2024, "Main", "P", "test.diesel", 100, "L", nil, nil, nil, nil, "Measured"},
		{2024, "Main", "P", "test.electricity", 1000, "kWh", nil, nil, nil, nil, " estimated "},
		{2024, "Main", "P", "test.steel", 1, "t"},
		{2024, "Main", "P", "test.steel", 1, "t", nil, nil, nil, nil, "guessed"},
	}})
	in := &emissions.Input{}
	workbook.Read(in, "q.xlsx", strings.NewReader(string(wb)), workbook.Options{DefaultSite: "Main", Aliases: workbook.Aliases{workbook.ColQuality: {"Qualité"}}})
	inv := emissions.Calculate(in, emissions.Options{Library: workbooktest.Library(t), ResidualMix: []emissions.ResidualMix{{Year: 2024, Value: 0.4, Source: "test"}}})
	if inv.Rows.Used != 3 || inv.Rows.Rejected != 1 {
		t.Fatalf("rows %+v, want 3 used and 1 rejected", inv.Rows)
	}
	want := map[string]string{"test.diesel": emissions.QualityMeasured, "test.electricity": emissions.QualityEstimated, "test.steel": ""}
	for _, l := range inv.Lines {
		if l.Quality != want[l.Activity] {
			t.Errorf("%s %s %s: quality %q, want %q", l.Activity, l.Part, l.Method, l.Quality, want[l.Activity])
		}
	}
	ps := in.Problems.List()
	if len(ps) != 1 || ps[0].Cell != "K5" || ps[0].Sheet != "Energy" || ps[0].File != "q.xlsx" || !strings.Contains(ps[0].Message, `"guessed"`) {
		t.Errorf("problems %+v, want one naming q.xlsx, Energy, K5 and the value", ps)
	}
}
