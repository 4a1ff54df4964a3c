package emissions_test

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// builtinAndCustom is the built-in library (AR6) with custom factors.
func builtinAndCustom(t *testing.T, custom ...factors.Factor) *factors.Library {
	t.Helper()
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	if lib, err = lib.WithCustom(custom); err != nil {
		t.Fatal(err)
	}
	return lib
}

var instrumentHeader = []any{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}

// Instruments and the residual mix apply by carrier, never by the text of the factor's id. The
// figures are computed by hand from the published rows:
//   - fr.electricity.grid 2023: ADEME Base Carbone V23.6 element 43273, poste "Combustion à la
//     centrale" 0.0394 kgCO2e/kWh; 2024: element 43642, 0.035 kgCO2e/kWh;
//   - fr.district-heat: ADEME element 37089, 0.385 kgCO2e/kWh;
//   - residual mix France: AIB European Residual Mixes, data year 2023 40.74 gCO2/kWh and data
//     year 2025 17.11 gCO2/kWh (factor-sources/aib-european-residual-mix, rows FR 2023, FR 2025);
//   - grid.supplier-x is a supplier's factor given in config: 0.035 kgCO2e/kWh (here the
//     value of ADEME element 43642), Scope 2 per kWh, no carrier stated.
func TestInstrumentsApplyByCarrier(t *testing.T) {
	supplierX := factors.Factor{ID: "grid.supplier-x", Name: "Supplier X", Value: 0.035, Unit: "kWh", Scope: 2,
		Kind: factors.KindEmission, Source: "supplier X disclosure"}
	tests := []struct {
		name        string
		rows        [][]any
		instruments [][]any
		mix         []emissions.ResidualMix
		year        int
		location    float64 // Scope 2, t
		market      float64
		warn        []string // each warning expected, in the problems' text
		noWarn      string
	}{
		{
			// 200,000 kWh × 0.035 = 7 t location. Market: the GO covers half (100,000 kWh at 0),
			// the rest takes the 2025 residual mix: 100,000 × 0.01711 = 1.711 t.
			name:        "custom grid factor without electricity in its id",
			rows:        [][]any{{2025, "Main", "P", "grid.supplier-x", 200000, "kWh"}},
			instruments: [][]any{instrumentHeader, {2025, "Main", "GO hydro", 100, "MWh", 0}},
			mix:         []emissions.ResidualMix{{Year: 2025, Value: 0.01711, Source: "AIB 2025 FR"}},
			year:        2025, location: 7, market: 1.711,
			noWarn: "warning",
		},
		{
			// Electricity 100,000 kWh × 0.0394 = 3.94 t; heat 40,000 kWh × 0.385 = 15.4 t; location
			// 19.34 t. The heat GO (Carrier "Chaleur", 50 MWh) covers the 40,000 kWh of heat only
			// and is capped there; the wind GO (Carrier blank: electricity) covers 30,000 kWh of
			// electricity; the other 70,000 kWh take the 2023 residual mix: 70,000 × 0.04074 =
			// 2.8518 t. Market: 0 + 2.8518 + 0 = 2.8518 t.
			name: "a heat instrument never covers electricity",
			rows: [][]any{{2023, "Main", "P", "fr.electricity.grid", 100000, "kWh"}, {2023, "Main", "P", "fr.district-heat", 40000, "kWh"}},
			instruments: [][]any{append(append([]any{}, instrumentHeader...), "Vecteur"),
				{2023, "Main", "GO heat", 50, "MWh", 0, "Chaleur"}, {2023, "Main", "GO wind", 30, "MWh", 0}},
			mix:  []emissions.ResidualMix{{Year: 2023, Value: 0.04074, Source: "AIB 2023 FR"}},
			year: 2023, location: 19.34, market: 2.8518,
			warn:   []string{`"GO heat" covers 50000 kWh but only 40000 kWh of heat consumption in 2023`},
			noWarn: "no residual mix",
		},
		{
			// The same heat, no instrument: a heat residual mix (illustrative 0.1 kgCO2e/kWh)
			// applies to heat only, 40,000 × 0.1 = 4 t; electricity has none and keeps its
			// location-based 3.94 t, with the warning naming electricity.
			name: "a heat residual mix applies to heat only",
			rows: [][]any{{2023, "Main", "P", "fr.electricity.grid", 100000, "kWh"}, {2023, "Main", "P", "fr.district-heat", 40000, "kWh"}},
			mix:  []emissions.ResidualMix{{Year: 2023, Carrier: factors.CarrierHeat, Value: 0.1, Source: "heat network disclosure"}},
			year: 2023, location: 19.34, market: 7.94,
			warn:   []string{`no residual mix in config scope2.residual_mix for electricity at site "Main" in 2023`},
			noWarn: "its electricity entries",
		},
		{
			// A 2019 entry is not the residual mix of 2025: 100,000 kWh × 0.035 (the 2024 vintage,
			// ADEME 43642) = 3.5 t in both methods, with a warning naming 2025, 2019 and the carrier.
			name: "a 2019 residual mix is not applied to 2025",
			rows: [][]any{{2025, "Main", "P", "fr.electricity.grid", 100000, "kWh"}},
			mix:  []emissions.ResidualMix{{Year: 2019, Value: 0.05, Source: "illustrative 2019 mix"}},
			year: 2025, location: 3.5, market: 3.5,
			warn: []string{`for electricity at site "Main" in 2025`, "its electricity entries are for 2019 only, and an entry applies to its own year"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets := []sheet{{"Energy", append([][]any{header}, tt.rows...)}}
			if tt.instruments != nil {
				sheets = append(sheets, sheet{"Instruments", tt.instruments})
			}
			in, inv := run(t, emissions.Options{Library: builtinAndCustom(t, supplierX), ResidualMix: tt.mix}, map[string][]byte{"a.xlsx": xlsx(t, sheets...)})
			y := emissions.YearOf(t, inv, emissions.MethodMarket, tt.year)
			if !near(y.Scope2Location, tt.location) || !near(y.Scope2Market, tt.market) {
				t.Errorf("Scope 2 location %v market %v, want %v and %v", y.Scope2Location, y.Scope2Market, tt.location, tt.market)
			}
			got := problemText(in)
			for _, w := range tt.warn {
				if !strings.Contains(got, w) {
					t.Errorf("problems %q, want %q", got, w)
				}
			}
			if tt.noWarn != "" && strings.Contains(got, tt.noWarn) {
				t.Errorf("problems %q, want none with %q", got, tt.noWarn)
			}
		})
	}
}

// An instrument whose Carrier is not purchased energy is rejected at its cell.
func TestInstrumentCarrierRefused(t *testing.T) {
	wb := xlsx(t,
		sheet{"Energy", [][]any{header, {2024, "Main", "P", "test.electricity", 1000, "kWh"}}},
		sheet{"Instruments", [][]any{append(append([]any{}, instrumentHeader...), "Carrier"), {2024, "Main", "GO", 1, "MWh", 0, "diesel"}}},
	)
	in, _ := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	if got := problemText(in); !strings.Contains(got, `sheet Instruments, cell G2: instrument Carrier "diesel": want electricity (the default when blank), heat, steam or cooling`) {
		t.Errorf("problems %q", got)
	}
	if len(in.Instruments) != 0 {
		t.Errorf("instruments %+v, want the row rejected", in.Instruments)
	}
}

// An avoided factor needs no scope: its rows are avoided lines outside every scope and total.
// 12 vehicles × 5,000 kgCO2e = 60 t avoided.
func TestAvoidedFactorWithoutScope(t *testing.T) {
	avoided := factors.Factor{ID: "x", Name: "x", Kind: factors.KindAvoided, Value: 5000, Unit: "vehicle", Source: "supplier LCA"}
	if err := avoided.Validate(); err != nil {
		t.Fatal(err)
	}
	wb := xlsx(t, sheet{"Energy", [][]any{header, {2024, "Main", "P", "x", 12, "vehicle"}, {2024, "Main", "P", "test.steel", 1, "t"},
		{2024, "Main", "P", "x", 1, "vehicle", 3}}})
	lib, err := workbooktest.Library(t).WithCustom([]factors.Factor{avoided})
	if err != nil {
		t.Fatal(err)
	}
	in, inv := run(t, emissions.Options{Library: lib}, map[string][]byte{"a.xlsx": wb})
	var tco2e float64
	for _, l := range inv.Lines {
		if l.Part == emissions.PartAvoided {
			tco2e += l.TCO2e
			if l.Scope != 0 || l.Category != 0 {
				t.Errorf("avoided line in scope %d category %d", l.Scope, l.Category)
			}
		}
	}
	y := emissions.YearOf(t, inv, emissions.MethodMarket, 2024)
	if !near(tco2e, 60) || y.ByActivity["x"] != 0 || inv.Rows.Used != 2 {
		t.Errorf("avoided %v t, by activity %v, rows %+v; want 60 t outside the totals, 2 rows used", tco2e, y.ByActivity, inv.Rows)
	}
	if got := problemText(in); !strings.Contains(got, "cell D4: factor x is avoided emissions, reported apart outside the scopes: leave Scope and Category blank") {
		t.Errorf("problems %q, want the row with a Scope refused", got)
	}
}
