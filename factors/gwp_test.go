package factors

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// embedded returns every entry of library.json, before the GWP set is chosen.
func embedded(t *testing.T) []Factor {
	t.Helper()
	var all []Factor
	if err := json.Unmarshal(builtinJSON, &all); err != nil {
		t.Fatal(err)
	}
	return all
}

// TestLibraryAudit checks what every built-in factor must state: its GWP basis, its data year
// and its source row. The exceptions are listed with their reason.
func TestLibraryAudit(t *testing.T) {
	noBasis := []struct {
		match  func(Factor) bool
		reason string
	}{
		{func(f Factor) bool {
			return f.Dataset == "Ember Yearly Electricity Data" || strings.HasPrefix(f.Dataset, "Our World in Data")
		}, "Ember (and OWID, which publishes Ember's figures) states CO2e over 100 years for all gases, not which IPCC set"},
		{func(f Factor) bool { return strings.HasPrefix(f.ID, "uk.travel.hotel.") },
			"DESNZ 2025 methodology Table 1 marks hotel stay both AR4 and AR5 (note 8: hotels reported CO2e on either)"},
	}
	noDataYear := []struct {
		match  func(Factor) bool
		reason string
	}{
		{func(f Factor) bool { return f.PerGWPSet },
			"a gas's GWP100 is a property of the gas in one set, applied to every year"},
	}
	excepted := func(f Factor, list []struct {
		match  func(Factor) bool
		reason string
	}) bool {
		for _, e := range list {
			if e.match(f) {
				return true
			}
		}
		return false
	}
	for _, f := range embedded(t) {
		t.Run(f.ID, func(t *testing.T) {
			switch {
			case f.GWP == "" && !excepted(f, noBasis):
				t.Errorf("year %d: no GWP basis", f.Year)
			case f.GWP != "" && !ValidGWPBasis(f.GWP):
				t.Errorf("year %d: GWP basis %q", f.Year, f.GWP)
			case f.GWP == "" && !strings.Contains(f.Notes, "GWP"):
				t.Errorf("year %d: no GWP basis and its notes do not say why", f.Year)
			}
			if f.DataYear == 0 && !excepted(f, noDataYear) {
				t.Errorf("year %d (gwp %s): no data year", f.Year, f.GWP)
			}
			if strings.TrimSpace(f.SourceID) == "" {
				t.Errorf("year %d (gwp %s): no source row id", f.Year, f.GWP)
			}
		})
	}
}

// TestBasisPerDataset pins each dataset's basis to what its publisher states.
func TestBasisPerDataset(t *testing.T) {
	tests := []struct {
		id, want string
	}{
		{"uk.natural-gas.gcv", "AR5"},                    // DESNZ 2025 methodology Table 1: Fuel, AR5
		{"uk.material.steel.primary", "AR4"},             // Table 1: Material use, AR4
		{"uk.waste.metal.landfill", "AR5"},               // Table 1: Waste disposal, AR5
		{"us.natural-gas", "AR5"},                        // EPA Hub 2025 rows 8–10: CH4 28, N2O 265, AR5
		{"us.waste.mixed-msw.landfill", "AR4"},           // EPA Hub Table 9 note (row 499): AR4
		{"fr.diesel.road", "AR5"},                        // ADEME V23.6: gas columns on its AR5 table
		{"ember.electricity.deu", ""},                    // Ember: GWP100, set unstated
		{"refrigerant.r-134a", "AR5"},                    // per set: the first entry is AR5
		{"uk.travel.hotel.france", ""},                   // DESNZ Table 1: hotel stay AR4 and AR5
		{"fr.freight.road.artic-34-40t", "AR5"},          // ADEME
		{"us.freight.road.truck", "AR5"},                 // EPA Table 8, masses × the Hub's AR5 GWPs
		{"uk.avoided.material.steel.closed-loop", "AR4"}, // from two DESNZ material-use rows
	}
	byID := map[string]Factor{}
	for _, f := range embedded(t) {
		if _, ok := byID[f.ID]; !ok {
			byID[f.ID] = f
		}
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			if f, ok := byID[tt.id]; !ok || f.GWP != tt.want {
				t.Errorf("gwp = %q (found %v), want %q", f.GWP, ok, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

// TestRecomputeByHand recomputes published gas splits on AR6 by hand and checks the library.
func TestRecomputeByHand(t *testing.T) {
	ar5, err := Builtin("AR5")
	if err != nil {
		t.Fatal(err)
	}
	ar6, err := Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	// Looked up for 2025, the year of the DESNZ 2025 set (past years take their own sets).
	// DESNZ 2025 flat file, Fuels / Natural gas / kWh (Gross CV): 1_100_1004_6_1 kg CO2e
	// 0.18296; 1_100_1004_6_2 CO2 0.18259; 1_100_1004_6_3 CH4 0.00028; 1_100_1004_6_4 N2O
	// 0.00009 (kg CO2e, AR5: CH4 28, N2O 265). WTT 11_100_1004_6_1 0.03021 has no split.
	// AR6: CH4 of unstated origin is fossil, 29.8 (ADEME 43577); N2O 273 (IPCC 7.SM.7).
	ukCH4 := 0.00028 / 28 * 29.8
	ukN2O := 0.00009 / 265 * 273
	// ADEME V23.6 element 25775 (Gazole routier B7), poste Combustion: CO2f 2.47, CH4f
	// 0.000921, CH4b 0, N2O 0.0207 (AR5 table: CH4f 30, element 22579; N2O 265, 22580).
	frCH4 := 0.000921 / 30 * 29.8
	frN2O := 0.0207 / 265 * 273
	// EPA Hub 2025 Table 1 row 38, Natural Gas: 53.06 kg CO2, 1 g CH4, 0.1 g N2O per mmBtu,
	// the Hub's CH4 28 and N2O 265 (rows 8–9).
	usCH4 := 1.0 / 1000 * 29.8
	usN2O := 0.1 / 1000 * 273
	tests := []struct {
		id               string
		value, upstream  float64
		ch4, n2o         float64
		gwp, upstreamGWP string
		wantAR5, upAR5   float64
	}{
		{"uk.natural-gas.gcv", 0.18259 + ukCH4 + ukN2O, 0.03021, ukCH4, ukN2O, "AR6", "AR5", 0.18296, 0.03021},
		{"fr.diesel.road", 2.49 - 0.000921 - 0.0207 + frCH4 + frN2O, 0.609, frCH4, frN2O, "AR6", "AR5", 2.49, 0.609},
		{"us.natural-gas", 53.06 + usCH4 + usN2O, 0, usCH4, usN2O, "AR6", "", 53.1145, 0},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			f, _, ok := ar6.Lookup(tt.id, 2025)
			if !ok {
				t.Fatal("not in the library")
			}
			if !near(f.Value, tt.value) || f.Upstream != tt.upstream || f.GWP != tt.gwp || f.UpstreamGWP != tt.upstreamGWP {
				t.Errorf("AR6: value %v upstream %v gwp %s/%s; want %v %v %s/%s", f.Value, f.Upstream, f.GWP, f.UpstreamGWP, tt.value, tt.upstream, tt.gwp, tt.upstreamGWP)
			}
			if f.Gases == nil || !near(f.Gases.CH4, tt.ch4) || !near(f.Gases.N2O, tt.n2o) {
				t.Errorf("AR6 gases %+v; want CH4 %v N2O %v", f.Gases, tt.ch4, tt.n2o)
			}
			if !strings.Contains(f.Derivation, "recomputed from AR5 to AR6") {
				t.Errorf("derivation does not say it was recomputed: %s", f.Derivation)
			}
			g, _, _ := ar5.Lookup(tt.id, 2025)
			if g.Value != tt.wantAR5 || g.Upstream != tt.upAR5 || g.GWP != "AR5" || g.UpstreamGWP != "" {
				t.Errorf("AR5 (its own basis) changed: %v %v %s/%s", g.Value, g.Upstream, g.GWP, g.UpstreamGWP)
			}
		})
	}
	// Without a split, the value keeps its own basis in either set.
	for _, id := range []string{"uk.material.steel.primary", "us.waste.mixed-msw.landfill", "ember.electricity.deu", "uk.travel.car"} {
		a, _, _ := ar5.Lookup(id, 2024)
		b, _, _ := ar6.Lookup(id, 2024)
		if a.Value != b.Value || a.GWP != b.GWP {
			t.Errorf("%s: no split, yet AR5 %v %s and AR6 %v %s differ", id, a.Value, a.GWP, b.Value, b.GWP)
		}
	}
}

// TestOnGWPFossilAndBiogenic recomputes ADEME element 43576 (Biométhane injecté dans les
// réseaux, kgCO2e/kWh PCI, V23.6): total 0.0417, CO2f 0.00988, CH4f 0.0007, CH4b 0.0252, N2O
// 0.00571, on ADEME's AR5 table (CH4f 30, CH4b 28, N2O 265) — each methane with its own GWP.
func TestOnGWPFossilAndBiogenic(t *testing.T) {
	values, err := gwpValues(embedded(t))
	if err != nil {
		t.Fatal(err)
	}
	f := Factor{ID: "x", Value: 0.0417, GWP: "AR5", Gases: &Gases{CO2: 0.00988, CH4: 0.0007 + 0.0252, CH4Fossil: 0.0007, CH4Biogenic: 0.0252, N2O: 0.00571}}
	got := f.OnGWP("AR6", values)
	fossil, bio, n2o := 0.0007/30*29.8, 0.0252/28*27, 0.00571/265*273
	want := 0.0417 + (fossil - 0.0007) + (bio - 0.0252) + (n2o - 0.00571)
	if !near(got.Value, want) || !near(got.Gases.CH4Fossil, fossil) || !near(got.Gases.CH4Biogenic, bio) || got.GWP != "AR6" {
		t.Errorf("OnGWP = %v %+v, want %v (fossil %v, biogenic %v)", got.Value, got.Gases, want, fossil, bio)
	}
	if f.Gases.CH4 != 0.0007+0.0252 {
		t.Error("OnGWP changed the factor it was called on")
	}
	tests := []struct {
		name string
		f    Factor
	}{
		{"no split", Factor{Value: 1, GWP: "AR5"}},
		{"no basis", Factor{Value: 1, Gases: &Gases{CO2: 1}}},
		{"already on the set", Factor{Value: 1, GWP: "AR6", Gases: &Gases{CH4: 1}}},
		{"per set", Factor{Value: 1, GWP: "AR5", PerGWPSet: true, Gases: &Gases{CH4: 1}}},
		{"AR4, values unknown", Factor{Value: 1, GWP: "AR4", Gases: &Gases{CH4: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.OnGWP("AR6", values); got.Value != 1 || got.GWP != tt.f.GWP {
				t.Errorf("changed: %+v", got)
			}
		})
	}
}
