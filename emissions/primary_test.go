package emissions_test

import (
	"math"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/factors"
)

// A row computed with a supplier's own (primary) factor, such as an imported PACT product
// footprint, is primary data whatever its DataType cell says: a blank cell silently, a cell
// saying secondary or spend-based with one warning per factor. The factor is made up for the
// test: 2.5 kgCO2e/kg, so 400 kg → 1 t.
func TestPrimaryFactorRowsArePrimary(t *testing.T) {
	builtin, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := builtin.WithCustom([]factors.Factor{{ID: "pact.urn-test-resin", Name: "resin", Value: 2.5, Unit: "kg",
		Scope: 3, Category: 1, Kind: factors.KindEmission, Source: "test", Primary: true}})
	if err != nil {
		t.Fatal(err)
	}
	h := append(append([]any{}, header...), "DataType")
	for _, tt := range []struct {
		name, dataType string
		warned         bool
	}{
		{"blank", "", false},
		{"stated primary", "primary", false},
		{"stated secondary", "secondary", true},
		{"stated spend-based", "spend-based", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			row := []any{2024, "Main", "P", "pact.urn-test-resin", 400, "kg", nil, nil, nil, nil, tt.dataType}
			in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": xlsx(t, sheet{"S", [][]any{h, row, row}})})
			if len(inv.Lines) != 1 {
				t.Fatalf("%d lines, want 1; problems:\n%s", len(inv.Lines), problemText(in))
			}
			l := inv.Lines[0]
			if l.DataType != emissions.DataPrimary || math.Abs(l.TCO2e-2) > 1e-9 {
				t.Errorf("line: data type %q, %v t; want primary, 2 t", l.DataType, l.TCO2e)
			}
			f := disclose.ESRSFigures(inv.Lines, disclose.ESRSFlags{})[2024]
			if math.Abs(f.Scope3ByDataType[emissions.DataPrimary]-2) > 1e-9 {
				t.Errorf("Scope 3 by data type %v, want 2 t primary", f.Scope3ByDataType)
			}
			text := problemText(in)
			if got := strings.Count(text, "supplier's own (primary) factor"); got != map[bool]int{true: 1, false: 0}[tt.warned] {
				t.Errorf("warned %d times, want warned=%v:\n%s", got, tt.warned, text)
			}
		})
	}
}
