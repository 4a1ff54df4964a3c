package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pactSupplierDoc is a list response of two footprints written for this test (products,
// companies and values made up): a PACT 2 footprint of resin, 2.40 kgCO2e per kg, and a
// PACT 3 footprint of solvent, 6.00 kgCO2e per 12 L declared unit.
const pactSupplierDoc = `{"data": [
  {"id": "0d7c1a57-5a0b-4c6e-9d4e-2f1b7a3c9e01", "specVersion": "2.2.0", "version": 4,
   "created": "2023-02-10T08:00:00Z", "updated": "2024-03-15T08:00:00Z", "status": "Active",
   "companyName": "Acme Polymers", "companyIds": ["urn:example:company:acme"],
   "productDescription": "Test resin", "productIds": ["urn:gtin:4000000000017"], "productCategoryCpc": "3470",
   "productNameCompany": "Resin R7", "comment": "",
   "pcf": {"declaredUnit": "kilogram", "unitaryProductAmount": "1", "pCfExcludingBiogenic": "2.40",
     "pCfIncludingBiogenic": "2.60", "fossilGhgEmissions": "2.30", "characterizationFactors": "AR6",
     "referencePeriodStart": "2023-01-01T00:00:00Z", "referencePeriodEnd": "2024-01-01T00:00:00Z"}},
  {"id": "6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a04", "specVersion": "3.0.1",
   "created": "2025-02-01T00:00:00Z", "status": "Active",
   "companyName": "Borealis Solvents", "companyIds": ["urn:example:company:borealis"],
   "productDescription": "Test solvent", "productIds": ["urn:example:borealis:solv-12"],
   "productNameCompany": "Solvent S12",
   "pcf": {"declaredUnitOfMeasurement": "liter", "declaredUnitAmount": "12", "productMassPerDeclaredUnit": "9.6",
     "pcfExcludingBiogenicUptake": "6.00", "pcfIncludingBiogenicUptake": "4.80", "fossilGhgEmissions": "5.90",
     "fossilCarbonContent": "3", "ipccCharacterizationFactors": ["AR6"], "crossSectoralStandards": ["ISO14067"],
     "exemptedEmissionsPercent": "0",
     "referencePeriodStart": "2024-01-01T00:00:00Z", "referencePeriodEnd": "2025-01-01T00:00:00Z"}}
]}`

// A supplier's footprints imported with --pact, listed in factors.files and used by workbook
// rows, compute as the footprints state and count as primary data in the ESRS E1-6 share.
// By hand, for 2024: 1,000 kg of resin × 2.40 kgCO2e/kg = 2.4 t; 600 L of solvent × 6.00/12
// kgCO2e/L = 0.3 t; 300 kg of a config factor at 1.0 kgCO2e/kg = 0.3 t, secondary. Scope 3
// is 3.0 t, 2.7 t of it primary (0.9); biogenic CO2 1,000 kg × (2.60 − 2.40) = 0.2 t.
func TestPACTImportEndToEnd(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "supplier.json"), []byte(pactSupplierDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := "inputs: [purchases.xlsx]\nsite: Plant\nfactors:\n  custom:\n    - {id: generic.part, name: generic part, value: 1.0, unit: kg, scope: 3, category: 1, source: test}\n"
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o644)

	imp := footprint(t, dir, "factors", "import", "--pact", "supplier.json")
	if imp.code != 0 || !strings.Contains(imp.stdout, "wrote 2 factors of pact supplier") || !strings.Contains(imp.stdout, "- factors/pact-supplier.yaml") {
		t.Fatalf("import: exit %d\n%s%s", imp.code, imp.stdout, imp.stderr)
	}
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg+"  files: [factors/pact-supplier.yaml]\n"), 0o644)
	writeWorkbook(t, filepath.Join(dir, "purchases.xlsx"), map[string][][]any{"Purchases": {
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "DataType"},
		{2024, "Plant", "Buying", "pact.urn-gtin-4000000000017", 1000, "kg", ""},
		{2024, "Plant", "Buying", "pact.urn-example-borealis-solv-12", 600, "L", "primary"},
		{2024, "Plant", "Buying", "generic.part", 300, "kg", "secondary"},
	}})
	show := footprint(t, dir, "factors", "show", "pact.urn-example-borealis-solv-12")
	if show.code != 0 || !strings.Contains(show.stdout, "0.5 kgCO2e/L") || !strings.Contains(show.stdout, "primary") || !strings.Contains(show.stdout, "factors/pact-supplier.yaml") {
		t.Errorf("factors show: exit %d\n%s%s", show.code, show.stdout, show.stderr)
	}
	r := footprint(t, dir, "calc", "--json")
	if r.code != 0 {
		t.Fatalf("calc: exit %d\n%s", r.code, r.stderr)
	}
	var doc struct {
		Years []struct {
			Year        int                `json:"year"`
			Scope3      float64            `json:"scope3"`
			Categories  map[string]float64 `json:"scope3_categories"`
			BiogenicCO2 float64            `json:"biogenic_co2"`
			ESRS        *struct {
				Primary *float64 `json:"scope3_primary_share"`
			} `json:"esrs_e1_6"`
		} `json:"years"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Years) != 1 {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	y := doc.Years[0]
	if math.Abs(y.Scope3-3.0) > 1e-9 || math.Abs(y.Categories["1"]-3.0) > 1e-9 || math.Abs(y.BiogenicCO2-0.2) > 1e-9 {
		t.Errorf("scope 3 %v t (category 1 %v), biogenic %v t; want 3.0, 3.0 and 0.2\n%s", y.Scope3, y.Categories["1"], y.BiogenicCO2, r.stdout)
	}
	if y.ESRS == nil || y.ESRS.Primary == nil || math.Abs(*y.ESRS.Primary-0.9) > 1e-9 {
		t.Errorf("primary share: %s", r.stdout)
	}
}
