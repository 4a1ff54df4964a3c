package importer

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// pactV2Doc and pactV3Doc are footprints written for these tests (products, companies and
// values made up): a v2 footprint of 1 kg per declared unit, a v3 footprint of 12 litres.
const pactV2Doc = `{
  "id": "0d7c1a57-5a0b-4c6e-9d4e-2f1b7a3c9e01",
  "specVersion": "2.2.0",
  "version": 4,
  "created": "2023-02-10T08:00:00Z",
  "updated": "2024-03-15T08:00:00Z",
  "status": "Active",
  "companyName": "Acme Polymers",
  "companyIds": ["urn:example:company:acme"],
  "productDescription": "Test resin",
  "productIds": ["urn:gtin:4000000000017", "urn:example:acme:resin-7"],
  "productCategoryCpc": "3470",
  "productNameCompany": "Resin R7",
  "comment": "",
  "pcf": {
    "declaredUnit": "kilogram",
    "unitaryProductAmount": "25",
    "pCfExcludingBiogenic": "2.40",
    "pCfIncludingBiogenic": "2.10",
    "biogenicCarbonWithdrawal": "-0.50",
    "fossilGhgEmissions": "2.30",
    "characterizationFactors": "AR5",
    "referencePeriodStart": "2023-01-01T00:00:00Z",
    "referencePeriodEnd": "2024-01-01T00:00:00Z",
    "geographyCountry": "DE"
  }
}`

const pactV3Doc = `{
  "id": "6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a04",
  "specVersion": "3.0.1",
  "created": "2025-02-01T00:00:00Z",
  "status": "Active",
  "companyName": "Borealis Solvents",
  "companyIds": ["urn:example:company:borealis"],
  "productDescription": "Test solvent",
  "productIds": ["urn:example:borealis:SOLV/12L"],
  "productNameCompany": "Solvent S12",
  "pcf": {
    "declaredUnitOfMeasurement": "liter",
    "declaredUnitAmount": "12",
    "productMassPerDeclaredUnit": "9.6",
    "pcfExcludingBiogenicUptake": "6.00",
    "pcfIncludingBiogenicUptake": "4.80",
    "biogenicCO2Uptake": "-1.20",
    "fossilGhgEmissions": "5.90",
    "fossilCarbonContent": "3",
    "ipccCharacterizationFactors": ["AR6", "AR5"],
    "crossSectoralStandards": ["ISO14067"],
    "exemptedEmissionsPercent": "0",
    "referencePeriodStart": "2024-07-01T00:00:00Z",
    "referencePeriodEnd": "2025-03-01T00:00:00Z"
  }
}`

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Each footprint gives one primary factor per ONE declared unit, in every document shape.
// By hand: v2 2.40 kgCO2e per kg as stated (unitaryProductAmount counts declared units in the
// product); biogenic CO2 2.10 − 2.40 − (−0.50) = 0.20 kg; reference period 2023, published
// 2024 (updated). v3 6.00 kgCO2e per 12 L = 0.5 per L; biogenic 0 (v3 counts its biogenic
// emissions in the figure); the period Jul 2024–Feb 2025 holds more of 2024 (184 days vs 59);
// GWP AR5, the earliest of AR6 and AR5.
func TestPACTFactors(t *testing.T) {
	both := "[" + pactV2Doc + "," + pactV3Doc + "]"
	for _, tt := range []struct {
		name, doc string
		n         int
	}{
		{"bare v2", pactV2Doc, 1},
		{"get response v3", `{"data": ` + pactV3Doc + `}`, 1},
		{"list response", `{"data": ` + both + `}`, 2},
		{"event", `{"type": "org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1", "specversion": "1.0", "id": "e1", "source": "//x", "data": {"requestEventId": "r1", "pfs": ` + both + `}}`, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := PACT(writeTemp(t, "supplier.json", tt.doc), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Factors) != tt.n || res.Source != SourcePACT || res.Version != "supplier" {
				t.Fatalf("%d factors, source %s, version %q", len(res.Factors), res.Source, res.Version)
			}
			for _, f := range res.Factors {
				want := map[string]struct {
					value, bio    float64
					unit, gwp     string
					year, pub     int
					version, name string
				}{
					"pact.urn-gtin-4000000000017":        {2.40, 0.20, "kg", "AR5", 2023, 2024, "4", "Resin R7"},
					"pact.urn-example-borealis-solv-12l": {0.5, 0, "L", "AR5", 2024, 2025, "2025-02-01", "Solvent S12"},
				}[f.ID]
				if want.unit == "" {
					t.Fatalf("unexpected id %q", f.ID)
				}
				if math.Abs(f.Value-want.value) > 1e-12 || math.Abs(f.BiogenicCO2-want.bio) > 1e-12 || f.Unit != want.unit || f.GWP != want.gwp ||
					f.Year != want.year || f.DataYear != want.year || f.Published != want.pub || f.Version != want.version || f.Name != want.name {
					t.Errorf("%s: %+v", f.ID, f)
				}
				if !f.Primary || f.Scope != 3 || f.Category != 1 || f.SourceID == "" || !strings.Contains(f.Source, f.SourceID) || f.Validate() != nil {
					t.Errorf("%s: primary %v, scope %d/%d, source %q, %v", f.ID, f.Primary, f.Scope, f.Category, f.Source, f.Validate())
				}
			}
		})
	}
}

// --published and --version override what the footprints state; two versions of one product
// and year are kept when their published years differ, and refused naming both paths when not.
func TestPACTVersions(t *testing.T) {
	newer := strings.Replace(strings.Replace(pactV2Doc, `"2024-03-15T08:00:00Z"`, `"2025-01-20T08:00:00Z"`, 1), `"2.40"`, `"2.20"`, 1)
	res, err := PACT(writeTemp(t, "r.json", `{"data": [`+pactV2Doc+`,`+newer+`]}`), Options{})
	if err != nil || len(res.Factors) != 2 || res.Factors[1].Published != 2025 || res.Published != 2025 {
		t.Fatalf("%v %+v", err, res)
	}
	_, err = PACT(writeTemp(t, "r.json", `{"data": [`+pactV2Doc+`,`+newer+`]}`), Options{Published: 2025, Version: "q1"})
	if err == nil || !strings.Contains(err.Error(), "$.data[0] and $.data[1]") {
		t.Errorf("same published twice: %v", err)
	}
	res, err = PACT(writeTemp(t, "r.json", pactV2Doc), Options{Published: 2026, Version: "q1"})
	if err != nil || res.Factors[0].Published != 2026 || res.Version != "q1" || res.FileName() != "pact-q1.yaml" {
		t.Errorf("%v %+v", err, res)
	}
	deprecated := strings.Replace(newer, `"Active"`, `"Deprecated"`, 1)
	res, err = PACT(writeTemp(t, "r.json", `{"data": [`+pactV2Doc+`,`+deprecated+`]}`), Options{})
	if err != nil || len(res.Factors) != 1 || len(res.Skipped) != 1 || res.Skipped[0].Count != 1 || res.Skipped[0].Example != "$.data[1]" {
		t.Errorf("deprecated: %v %+v", err, res)
	}
}

// A malformed document is refused with the JSON path of the problem (and a syntax error with
// its line).
func TestPACTMalformed(t *testing.T) {
	list := func(second string) string { return `{"data": [` + pactV3Doc + `,` + second + `]}` }
	v2 := func(old, new string) string { return list(strings.Replace(pactV2Doc, old, new, 1)) }
	v3 := func(old, new string) string { return list(strings.Replace(pactV3Doc, old, new, 1)) }
	for _, tt := range []struct{ name, doc, want string }{
		{"unknown declared unit", v2(`"kilogram"`, `"furlong"`), `$.data[1].pcf.declaredUnit: "furlong" is not a declared unit PACT 2 defines`},
		{"v3 unit in v2", v2(`"kilogram"`, `"piece"`), `$.data[1].pcf.declaredUnit: "piece" is not a declared unit PACT 2 defines`},
		{"missing value", v2(`"pCfExcludingBiogenic": "2.40",`, ``), `$.data[1].pcf.pCfExcludingBiogenic: missing: PACT requires it`},
		{"missing product ids", v3(`"productIds": ["urn:example:borealis:SOLV/12L"],`, ``), `$.data[1].productIds: missing`},
		{"number not a decimal string", v2(`"2.40"`, `2.40`), `$.data[1].pcf.pCfExcludingBiogenic: the number 2.40 is not a decimal string`},
		{"not a decimal", v3(`"6.00"`, `"6,00"`), `$.data[1].pcf.pcfExcludingBiogenicUptake: "6,00" is not a decimal`},
		{"negative v2 value", v2(`"2.40"`, `"-2.40"`), `$.data[1].pcf.pCfExcludingBiogenic: "-2.40" is negative: PACT requires 0 or more`},
		{"zero declared amount", v3(`"declaredUnitAmount": "12"`, `"declaredUnitAmount": "0"`), `$.data[1].pcf.declaredUnitAmount: "0": PACT requires a decimal greater than 0`},
		{"positive withdrawal", v2(`"-0.50"`, `"0.50"`), `$.data[1].pcf.biogenicCarbonWithdrawal: "0.50" is positive`},
		{"net removals v3", v3(`"6.00"`, `"-1.00"`), `$.data[1].pcf.pcfExcludingBiogenicUptake: "-1.00" is negative (net removals)`},
		{"wrong type", v2(`"version": 4`, `"version": "4"`), `$.data[1].version: the string "4", want a whole number`},
		{"pcf not an object", v3(`"pcf": {`, `"pcf": [], "x": {`), `$.data[1].pcf: a list, want an object`},
		{"later version", v3(`"3.0.1"`, `"4.0.0"`), `$.data[1].specVersion: "4.0.0" is a later PACT version`},
		{"bad date", v2(`"2023-02-10T08:00:00Z"`, `"10/02/2023"`), `$.data[1].created: "10/02/2023" is not a date-time`},
		{"period backwards", v2(`"2024-01-01T00:00:00Z"`, `"2022-01-01T00:00:00Z"`), `$.data[1].pcf.referencePeriodEnd: "2022-01-01T00:00:00Z" is not after`},
		{"gwp", v3(`["AR6", "AR5"]`, `["SAR"]`), `$.data[1].pcf.ipccCharacterizationFactors: "SAR"`},
		{"not a footprint", `{"data": [{"foo": 1}]}`, `$.data[0]: not a ProductFootprint`},
		{"ids only event", `{"type": "x", "data": {"pfIds": ["a"]}}`, `$.data.pfIds: the event names footprints by id only`},
		{"syntax", "{\n  \"data\": [\n    {\"id\": 1,,}\n  ]\n}", `line 3: not valid JSON`},
		{"cut short", "{\n  \"data\": [\n", `line 3: the file ends inside the JSON document`},
		{"two documents", pactV2Doc + "\n" + pactV2Doc, `more after the end of the JSON document`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := PACT(writeTemp(t, "bad.json", tt.doc), Options{})
			if err == nil {
				t.Fatalf("no error; %d factors", len(res.Factors))
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.json: ") {
				t.Errorf("got  %v\nwant %s", err, tt.want)
			}
		})
	}
}

// A file far larger than any footprint document is refused by its size, unread (a sparse
// file: nothing is written to disk).
func TestPACTHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, 1<<30); err != nil {
		t.Skip("no sparse file here:", err)
	}
	_, err := PACT(p, Options{})
	if err == nil || !strings.Contains(err.Error(), "1.0 GiB") || !strings.Contains(err.Error(), "huge.json") {
		t.Errorf("got %v", err)
	}
}

// The referenced year holds the most of the period; the earliest on a tie.
func TestReferenceYear(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	for _, tt := range []struct {
		start, end string
		want       int
	}{
		{"2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z", 2021}, // end excluded
		{"2024-01-01T00:00:00Z", "2024-12-31T00:00:00Z", 2024},
		{"2024-01-01T00:00:00Z", "2026-01-01T00:00:00Z", 2024}, // 2024 is a day longer
		{"2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z", 2025}, // a tie: the earliest
		{"2024-10-01T00:00:00Z", "2025-09-30T00:00:00Z", 2025},
	} {
		if got := referenceYear(d(tt.start), d(tt.end)); got != tt.want {
			t.Errorf("%s–%s: %d, want %d", tt.start, tt.end, got, tt.want)
		}
	}
}

// The published examples of the PACT technical specification (not in the repository: their
// licence does not allow it) each import to the value, unit and biogenic CO2 their fields give.
func TestPACTPublishedExamples(t *testing.T) {
	dir := "../../../shared/factor-sources/pact-examples"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the PACT examples are not here (../shared/factor-sources/pact-examples): ", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "v*", "*.json"))
	if len(files) < 9 {
		t.Fatalf("%d example files, want 9", len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			res, err := PACT(file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := os.ReadFile(file)
			var doc any
			json.Unmarshal(raw, &doc)
			pfs, err := pactFootprints(doc)
			if err != nil || len(pfs) != len(res.Factors) {
				t.Fatalf("%d footprints, %d factors, %v", len(pfs), len(res.Factors), err)
			}
			for i, pf := range pfs {
				pcf := pf.m["pcf"].(map[string]any)
				num := func(k string) float64 {
					s, _ := pcf[k].(string)
					if s == "" {
						return 0
					}
					x, err := strconv.ParseFloat(s, 64)
					if err != nil {
						t.Fatalf("%s: %v", k, err)
					}
					return x
				}
				f := res.Factors[i]
				var value, bio float64
				var unit string
				if strings.HasPrefix(pf.m["specVersion"].(string), "2.") {
					value, unit = num("pCfExcludingBiogenic"), pcf["declaredUnit"].(string)
					bio = max(0, num("pCfIncludingBiogenic")-value-num("biogenicCarbonWithdrawal"))
				} else {
					value, unit = num("pcfExcludingBiogenicUptake")/num("declaredUnitAmount"), pcf["declaredUnitOfMeasurement"].(string)
				}
				if math.Abs(f.Value-value) > 1e-12 || f.Unit != pactUnits[unit] || math.Abs(f.BiogenicCO2-bio) > 1e-12 || !f.Primary {
					t.Errorf("%s: value %v %s biogenic %v, want %v %s biogenic %v", f.ID, f.Value, f.Unit, f.BiogenicCO2, value, pactUnits[unit], bio)
				}
			}
		})
	}
}
