package emissions_test

import (
	"math"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/disclose"
	"github.com/footprint/footprint/factors"
)

// A row computed with a spend-based factor is spend-based data, whatever its DataType cell
// says: it never counts in the share of Scope 3 from primary data. Values: ADEME Base Carbone
// V23.6 element 43355 "Machines et équipements - 2023", 273 kgCO2e/keuro (2023) HT
// (fr.spend.machinery, 2023 vintage): 12.5 k€ → 3.4125 t; 2,000 EUR → 2 k€ → 0.546 t.
func TestSpendBasedRowsAreNotPrimary(t *testing.T) {
	builtin, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	// A custom factor per EUR is spend-based by its unit: 0.5 kgCO2e/EUR, 1 k€ → 0.5 t.
	lib, err := builtin.WithCustom([]factors.Factor{{ID: "supplier.services", Name: "services", Value: 0.5, Unit: "EUR",
		Scope: 3, Category: 2, Kind: factors.KindEmission, Source: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	h := append(append([]any{}, header...), "DataType")
	tests := []struct {
		name     string
		id       string
		dataType string
		qty      float64
		unit     string
		wantT    float64
		warned   bool
	}{
		{"stated primary", "fr.spend.machinery", "primary", 12.5, "k€", 3.4125, true},
		{"blank", "fr.spend.machinery", "", 2000, "EUR", 0.546, false},
		{"stated spend-based", "fr.spend.machinery", "spend-based", 12.5, "keuro", 3.4125, false},
		{"custom factor per EUR", "supplier.services", "primary", 1, "k€", 0.5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]any{h, {2023, "Main", "P", tt.id, tt.qty, tt.unit, nil, nil, nil, nil, tt.dataType}}
			in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": xlsx(t, sheet{"S", rows})})
			if len(inv.Lines) != 1 {
				t.Fatalf("%d lines, want 1; problems:\n%s", len(inv.Lines), problemText(in))
			}
			l := inv.Lines[0]
			if l.DataType != emissions.DataSpendBased || l.Scope != 3 || l.Category != 2 || math.Abs(l.TCO2e-tt.wantT) > 1e-9 {
				t.Errorf("line: data type %q, scope %d, category %d, %v t; want spend-based, 3, 2, %v t", l.DataType, l.Scope, l.Category, l.TCO2e, tt.wantT)
			}
			f := disclose.ESRSFigures(inv.Lines, disclose.ESRSFlags{})[2023]
			if f.Scope3ByDataType[emissions.DataPrimary] != 0 || math.Abs(f.Scope3ByDataType[emissions.DataSpendBased]-tt.wantT) > 1e-9 {
				t.Errorf("Scope 3 by data type %v", f.Scope3ByDataType)
			}
			if got := strings.Contains(problemText(in), "is spend-based"); got != tt.warned {
				t.Errorf("warned %v, want %v:\n%s", got, tt.warned, problemText(in))
			}
		})
	}
}
