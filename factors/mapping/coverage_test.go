package mapping

import (
	"fmt"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// TestCoverage checks the travel, biomass and spend-based factors against the ADEME Base
// Carbone V23.6 rows they come from (element id, published value), read here by hand from the
// CSV subset (travel, biomass) and the xlsx (ratios monétaires).
func TestCoverage(t *testing.T) {
	lib := loadLibrary(t)
	tests := []struct {
		key                       string // id/year/gwp
		value, upstream, biogenic float64
		scope, category           int
		energyClass               string
		spendBased                bool
		nameFR                    string
	}{
		// 28000 Autobus moyen / Agglomération de plus de 250 000 habitants: 0.151 kgCO2e/passager.km
		{key: "fr.travel.bus.large-city/0/", value: 0.151, scope: 3, category: 6, nameFR: "Autobus moyen / Agglomération de plus de 250 000 habitants"},
		// 43740 Autocar / Gazole: 0.0376
		{key: "fr.travel.coach/0/", value: 0.0376, scope: 3, category: 6, nameFR: "Autocar / Gazole"},
		// 43778 Métro / 2022 / Ile de France: 0.00442 (the 2025 revision of 43253, 0.00444)
		{key: "fr.travel.metro.paris/2022/", value: 0.00442, scope: 3, category: 6, nameFR: "Métro / 2022 / Ile de France"},
		// 28331 Vélo / à assistance électrique: 0.011 kgCO2e/km
		{key: "fr.travel.e-bike/0/", value: 0.011, scope: 3, category: 6, nameFR: "Vélo / à assistance électrique"},
		// 28007 Voiture particulière / Coeur de gamme - Véhicule compact / Electrique: 0.103 kgCO2e/km
		{key: "fr.travel.car.electric/0/", value: 0.103, scope: 3, category: 6},
		// 43782 Moto > 250 cm3 / Mixte / 2023: 0.217 kgCO2e/km
		{key: "fr.travel.motorbike/0/", value: 0.217, scope: 3, category: 6},
		// 43255 TER / 2022 / Traction moyenne: 0.0277
		{key: "fr.travel.train.regional/2022/", value: 0.0277, scope: 3, category: 6},
		// 34942 Granulés / Blancs français: postes Combustion 0 (CO2b 0.4031), Amont 0.0113
		{key: "fr.wood.pellets/0/", value: 0, upstream: 0.0113, biogenic: 0.4031, scope: 1, energyClass: factors.EnergyRenewable, nameFR: "Granulés / Blancs français (issus de connexe de scierie)"},
		// 34943 Plaquettes forestières / Sèches (25% humidité), per kg: Amont 0.0503, CO2b of Combustion 1.35797546
		{key: "fr.wood.chips.kg/0/", value: 0, upstream: 0.0503, biogenic: 1.35797546, scope: 1, energyClass: factors.EnergyRenewable},
		// 43576 Biométhane / Injecté dans les réseaux / Mix moyen: Combustion 0.00169 (CO2b 0.302), Amont 0.04
		{key: "fr.biomethane/0/", value: 0.00169, upstream: 0.04, biogenic: 0.302, scope: 1, energyClass: factors.EnergyRenewable},
		// 43355 Machines et équipements - 2023: 273 kgCO2e/keuro (2023) HT
		{key: "fr.spend.machinery/2023/", value: 273, scope: 3, category: 2, spendBased: true, nameFR: "Machines et équipements - 2023"},
		// 43445 Programmation, conseil IT / Services d'information – 2023: 75
		{key: "fr.spend.it-services/2023/", value: 75, scope: 3, category: 1, spendBased: true},
		// 43566 Transports terrestres et transports par conduites - 2019: 381
		{key: "fr.spend.land-transport/2019/", value: 381, scope: 3, category: 4, spendBased: true},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			f, ok := lib[tt.key]
			if !ok {
				t.Fatalf("no factor %s", tt.key)
			}
			if !datasets.Near(f.Value, tt.value, 1e-9) || !datasets.Near(f.Upstream, tt.upstream, 1e-9) || !datasets.Near(f.BiogenicCO2, tt.biogenic, 1e-9) {
				t.Errorf("value %v upstream %v biogenic %v, want %v, %v, %v", f.Value, f.Upstream, f.BiogenicCO2, tt.value, tt.upstream, tt.biogenic)
			}
			if f.Scope != tt.scope || f.Category != tt.category || f.EnergyClass != tt.energyClass || f.SpendBased != tt.spendBased {
				t.Errorf("scope %d category %d energy %q spend-based %v", f.Scope, f.Category, f.EnergyClass, f.SpendBased)
			}
			if tt.nameFR != "" && f.NameFR != tt.nameFR {
				t.Errorf("French name %q, want %q", f.NameFR, tt.nameFR)
			}
		})
	}
	for _, f := range readLibrary(t) {
		where := fmt.Sprintf("%s/%d/%s", f.ID, f.Year, f.GWP)
		if f.NameFR == "" || f.Name == "" {
			t.Errorf("%s: French name %q, English name %q", where, f.NameFR, f.Name)
		}
		if f.SpendBased != (f.Unit == "k€") {
			t.Errorf("%s: spend-based %v with unit %q", where, f.SpendBased, f.Unit)
		}
		if f.SpendBased && f.Year != f.DataYear {
			t.Errorf("%s: a spend-based vintage applies from its price year %d", where, f.DataYear)
		}
	}
}

// TestADEMEReadersAgree reads the xlsx export and the CSV subset derived from it: every element
// of the subset has the same text in both.
func TestADEMEReadersAgree(t *testing.T) {
	needSources(t)
	csv, err := datasets.LoadADEME(srcDir + "/" + ademeFile)
	if err != nil {
		t.Fatal(err)
	}
	x, err := datasets.LoadADEMEXLSX(srcDir + "/" + ademeXLSXFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"43642", "37133", "34942", "43576", "43778", "28331"} {
		a, b := csv.Elements[id], x.Elements[id]
		if a == nil || b == nil {
			t.Fatalf("element %s: in CSV %v, in xlsx %v", id, a != nil, b != nil)
		}
		if a.Name() != b.Name() || a.Total != b.Total || a.CO2b != b.CO2b || a.Unit != b.Unit || len(a.Postes) != len(b.Postes) {
			t.Errorf("element %s: CSV %q %s %s, xlsx %q %s %s", id, a.Name(), a.Total, a.CO2b, b.Name(), b.Total, b.CO2b)
		}
	}
	n := 0
	for _, id := range x.Order {
		if isSpendRatio(x.Elements[id]) {
			n++
		}
	}
	if n == 0 {
		t.Error("the xlsx has no spend-based ratios")
	}
}
