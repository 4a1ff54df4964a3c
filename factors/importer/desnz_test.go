package importer

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/footprint/footprint/factors"
)

const desnzSources = "../../../shared/factor-sources"

// desnzSource is a file of the DESNZ folders in the factor sources; the test is skipped when
// they are not next to the repository.
func desnzSource(t *testing.T, year int, file string) string {
	t.Helper()
	p := filepath.Join(desnzSources, fmt.Sprintf("desnz-ghg-conversion-factors-%d", year), file)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("factor sources not found: %v", err)
	}
	return p
}

func desnzCSV(year int) string {
	return fmt.Sprintf("ghg-conversion-factors-%d-flat-file_factors-by-category.csv", year)
}

var clock2026 = func() time.Time { return time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC) }

// Importing a set gives, under every built-in uk.* id drawn from DESNZ, the built-in vintage of
// the set's year: the 2025 set read by ID (xlsx or CSV), the sets before it matched by category
// path as the generator does (2019–2022 have no ID column).
func TestDESNZGivesTheBuiltInVintage(t *testing.T) {
	lib, err := factors.Builtin("AR5")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		year          int
		file          string
		version       string
		published     int
		builtinPublic int // the built-in vintage's published year (its SOURCE.md's "Updated")
	}{
		{2025, "flat-file.xlsx", "2025 v1", 2025, 2025},
		{2025, desnzCSV(2025), "2025", 2026, 2025},
		{2024, "ghg-conversion-factors-2024-FlatFormat_v1_1.xlsx", "2024 v1.1", 2024, 2024},
		{2023, desnzCSV(2023), "2023", 2026, 2023},
		{2022, desnzCSV(2022), "2022", 2026, 2022},
		{2020, "Conversion_Factors_2020_-_Flat_file__for_automatic_processing_only_.xlsx", "2020 v1", 2020, 2020},
		{2019, desnzCSV(2019), "2019", 2026, 2020},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, err := DESNZ(desnzSource(t, tt.year, tt.file), Options{Now: clock2026})
			if err != nil {
				t.Fatal(err)
			}
			if res.Version != tt.version || res.Published != tt.published || res.Source != SourceDESNZ {
				t.Errorf("release %s %q published %d, want %q published %d", res.Source, res.Version, res.Published, tt.version, tt.published)
			}
			got := map[string]factors.Factor{}
			for _, f := range res.Factors {
				if strings.HasPrefix(f.ID, "uk.") {
					got[f.ID] = f
				}
			}
			n := 0
			for _, w := range lib.All() {
				if !strings.HasPrefix(w.ID, "uk.") || w.Year != tt.year || w.Dataset != "UK DESNZ GHG Conversion Factors" {
					continue
				}
				n++
				g, ok := got[w.ID]
				if !ok {
					t.Errorf("%s: built-in vintage %d, not imported", w.ID, tt.year)
					continue
				}
				delete(got, w.ID)
				if strings.HasSuffix(tt.file, ".xlsx") && tt.year < 2023 {
					// A set without IDs is cited by line: the workbook's sheet rows are not
					// the CSV's lines.
					if !strings.HasPrefix(g.SourceID, "sheet row ") {
						t.Errorf("%s: cited %q, want its sheet row", w.ID, g.SourceID)
					}
					g.SourceID = w.SourceID
				}
				if d := factorDiff(g, w); d != "" {
					t.Errorf("%s: %s", w.ID, d)
				}
				if g.Published != tt.published || w.Published != tt.builtinPublic {
					t.Errorf("%s: published %d (built-in %d), want %d (%d)", w.ID, g.Published, w.Published, tt.published, tt.builtinPublic)
				}
			}
			for id := range got {
				t.Errorf("%s: imported, no built-in vintage of %d", id, tt.year)
			}
			if n < 30 {
				t.Errorf("only %d built-in uk.* vintages of %d", n, tt.year)
			}
		})
	}
}

// factorDiff compares what an import must rebuild of a built-in factor: numbers to a relative
// 1e-9, the rest exactly; "" when they agree.
func factorDiff(got, want factors.Factor) string {
	near := func(a, b float64) bool { return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }
	type nums struct{ v, up, bio, co2, ch4, n2o float64 }
	of := func(f factors.Factor) nums {
		n := nums{v: f.Value, up: f.Upstream, bio: f.BiogenicCO2}
		if f.Gases != nil {
			n.co2, n.ch4, n.n2o = f.Gases.CO2, f.Gases.CH4, f.Gases.N2O
		}
		return n
	}
	g, w := of(got), of(want)
	for i, p := range [][2]float64{{g.v, w.v}, {g.up, w.up}, {g.bio, w.bio}, {g.co2, w.co2}, {g.ch4, w.ch4}, {g.n2o, w.n2o}} {
		if !near(p[0], p[1]) {
			return fmt.Sprintf("%s %v, built-in %v", []string{"value", "upstream", "biogenic", "CO2", "CH4", "N2O"}[i], p[0], p[1])
		}
	}
	if (got.Gases == nil) != (want.Gases == nil) {
		return fmt.Sprintf("gases %v, built-in %v", got.Gases, want.Gases)
	}
	if got.Unit != want.Unit || got.Scope != want.Scope || got.Category != want.Category || got.GWP != want.GWP ||
		got.DataYear != want.DataYear || got.SourceID != want.SourceID || got.Name != want.Name {
		return fmt.Sprintf("differs:\n got  %s %s %d/%d %s %d %s\n want %s %s %d/%d %s %d %s", got.Name, got.Unit, got.Scope, got.Category, got.GWP, got.DataYear, got.SourceID,
			want.Name, want.Unit, want.Scope, want.Category, want.GWP, want.DataYear, want.SourceID)
	}
	return ""
}

// Rows the library does not map become desnz.<ID> (2023 on) or desnz.<category path>, with
// their split by gas, scope, category and GWP basis. Values read by hand from the files.
func TestDESNZOwnFactors(t *testing.T) {
	tests := []struct {
		year                 int
		file, id             string
		value, co2, ch4, n2o float64
		unit                 string
		scope, cat           int
		gwp, source          string
	}{
		// 2025 CSV, lines 2–5: Butane, tonnes: kg CO2e 3033.38067; CO2 3029.26, CH4 2.52, N2O 1.60067.
		{2025, desnzCSV(2025), "desnz.1_100_1000_15_1", 3033.38067, 3029.26, 2.52, 1.60067, "t", 1, 0, "AR5", "ID 1_100_1000_15_1"},
		// The same row in the xlsx, sheet "Factors by Category" row 7.
		{2025, "flat-file.xlsx", "desnz.1_100_1000_15_1", 3033.38067, 3029.26, 2.52, 1.60067, "t", 1, 0, "AR5", "ID 1_100_1000_15_1"},
		// 2019 CSV, lines 2–5: CNG, kWh (Gross CV): kg CO2e 0.18385; "kg CO2" 0.18351, "kg CH4"
		// 0.00024, "kg N2O" 0.0001, all three in kg CO2e (SOURCE.md quotes them).
		{2019, desnzCSV(2019), "desnz.fuels.gaseous-fuels.cng.energy-gross-cv.kwh-gross-cv", 0.18385, 0.18351, 0.00024, 0.0001, "kWh PCS", 1, 0, "AR5", "CSV line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.id, func(t *testing.T) {
			res, err := DESNZ(desnzSource(t, tt.year, tt.file), Options{Now: clock2026})
			if err != nil {
				t.Fatal(err)
			}
			var f *factors.Factor
			for i := range res.Factors {
				if res.Factors[i].ID == tt.id {
					f = &res.Factors[i]
				}
			}
			if f == nil {
				t.Fatalf("no factor %s among %d", tt.id, len(res.Factors))
			}
			if f.Value != tt.value || f.Gases == nil || f.Gases.CO2 != tt.co2 || f.Gases.CH4 != tt.ch4 || f.Gases.N2O != tt.n2o {
				t.Errorf("value %v gases %+v, want %v (%v, %v, %v)", f.Value, f.Gases, tt.value, tt.co2, tt.ch4, tt.n2o)
			}
			if f.Unit != tt.unit || f.Scope != tt.scope || f.Category != tt.cat || f.GWP != tt.gwp || f.SourceID != tt.source ||
				f.Year != tt.year || f.DataYear != tt.year || f.Version != res.Version || f.Published != res.Published {
				t.Errorf("got %s scope %d/%d %s source %q year %d/%d %s %d", f.Unit, f.Scope, f.Category, f.GWP, f.SourceID, f.Year, f.DataYear, f.Version, f.Published)
			}
		})
	}
}

// Scope 3 rows take their category from their Level 1, well-to-tank rows category 3; rows
// footprint cannot place are counted by reason, never dropped without a word.
func TestDESNZPlacesAndSkips(t *testing.T) {
	res, err := DESNZ(desnzSource(t, 2025, desnzCSV(2025)), Options{Now: clock2026})
	if err != nil {
		t.Fatal(err)
	}
	cats := map[string]int{}
	for _, f := range res.Factors {
		if f.Scope == 3 {
			cats[strings.SplitN(f.Name, " / ", 2)[0]] = f.Category
		}
	}
	for level1, want := range map[string]int{"WTT- fuels": 3, "Freighting goods": 4, "Business travel- air": 6,
		"Hotel stay": 6, "Material use": 1, "Waste disposal": 5, "WTT- delivery vehs & freight": 3} {
		if cats[level1] != want {
			t.Errorf("%s: category %d, want %d", level1, cats[level1], want)
		}
	}
	if _, ok := cats["Managed assets- vehicles"]; ok {
		t.Errorf("managed assets placed in a category: %v", cats)
	}
	skipped := map[string]int{}
	for _, s := range res.Skipped {
		if s.Count <= 0 || s.Example == "" {
			t.Errorf("skip %+v: no count or example", s)
		}
		skipped[s.Reason] = s.Count
	}
	for _, reason := range []string{
		`Scope 3 rows of "Managed assets- vehicles", whose category footprint does not guess`,
		`rows per "per FTE Working Hour", a unit footprint does not convert`,
		"refrigerant and other gas rows (GWP values: footprint takes them from IPCC, not imported)",
	} {
		if skipped[reason] == 0 {
			t.Errorf("no skip %q in %v", reason, skipped)
		}
	}
}

// --version and --published win over what the file states.
func TestDESNZOptions(t *testing.T) {
	res, err := DESNZ(desnzSource(t, 2025, "flat-file.xlsx"), Options{Version: "2025 v1 (reissue)", Published: 2027})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Factors {
		if f.Version != "2025 v1 (reissue)" || f.Published != 2027 {
			t.Fatalf("%s: version %q published %d", f.ID, f.Version, f.Published)
		}
	}
	if res.FileName() != "desnz-2025-v1-reissue.yaml" {
		t.Errorf("file name %s", res.FileName())
	}
}

// Bad input: each error names the file and the line (CSV) or the sheet and row (xlsx).
func TestDESNZBadInput(t *testing.T) {
	dir := t.TempDir()
	csv2025, err := os.ReadFile(desnzSource(t, 2025, desnzCSV(2025)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(csv2025), "\n")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "huge.csv")
	if f, err := os.Create(big); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
		if err := os.Truncate(big, 1<<30); err != nil { // sparse: no gigabyte written
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, path string
		want       []string
	}{
		{"old .xls", write("flat.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of the file"), []string{"flat.xls", "save it as .xlsx or CSV"}},
		{"cut short between rows", write("cut.csv", strings.Join(lines[:101], "")), []string{"cut.csv:101:", "no END row", "cut short"}},
		{"cut short within a row", write("cutrow.csv", strings.Join(lines[:50], "")+"1_101_1011_8_1,Scope 1,Fuels,Liquid"), []string{"cutrow.csv:51:", "4 columns, the header has 10"}},
		{"cut short within a quoted field", write("cutquote.csv", strings.Join(lines[:50], "")+`1_101_1011_8_1,Scope 1,"Fuels`), []string{"cutquote.csv:51:", "cut short"}},
		{"another file's header", write("other.csv", "ID,Scope,Level 1,Category,Unit,Value\n1,Scope 1,Fuels,x,kWh,0.2\n"),
			[]string{"other.csv:1:", "not the DESNZ flat file's", `no column "Level 2", "Level 3", "Level 4", "Column Text", "UOM", "GHG/Unit" or "GHG", "GHG Conversion Factor YYYY"`}},
		{"no year", write("noyear.csv", strings.Replace(strings.Join(lines[:20], ""), "GHG Conversion Factor 2025", "GHG Conversion Factor", 1)+",END\n"),
			[]string{"noyear.csv:1:", "cannot tell the set's year", `"GHG Conversion Factor"`}},
		{"1 GiB", big, []string{"huge.csv is 1.0 GiB", "up to 256 MiB"}},
		{"a folder", dir, []string{"is a folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DESNZ(tt.path, Options{Now: clock2026})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
