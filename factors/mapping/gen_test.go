package mapping

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

const (
	srcDir      = "../../../shared/factor-sources"
	libraryFile = "../library.json"
	idsFile     = "IDS.md"
)

// needSources skips the test when the published datasets are not next to the repository.
func needSources(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(srcDir); err != nil {
		t.Skipf("factor sources not found at %s: %v", srcDir, err)
	}
}

// TestLibraryIsFresh fails when factors/library.json is not what the generator produces from
// the sources: run `go generate ./factors` and commit the result.
func TestLibraryIsFresh(t *testing.T) {
	needSources(t)
	got, err := Generate(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(libraryFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale (run go generate ./factors): %s", libraryFile, firstDiff(want, got))
	}
	again, err := Generate(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Fatalf("two runs differ: %s", firstDiff(got, again))
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: committed %q, generated %q", i+1, x, y)
		}
	}
	return "no line differs"
}

// TestSpotChecks compares factors of the committed library with values stated in the brief and
// with the independently checked curated-reference.csv.
func TestSpotChecks(t *testing.T) {
	needSources(t)
	lib := loadLibrary(t)
	curated := loadCurated(t)
	tests := []struct {
		id        string
		year      int
		gwp       string
		value     float64
		upstream  float64
		pcsPerPCI float64  // 0: not checked
		curValue  []string // curated ids whose sum is value
		curUp     []string // curated ids whose sum is upstream
		curTotal  []string // curated ids whose sum is value + upstream
		tol       float64  // relative tolerance against curated values (rounding in the sources)
	}{
		{id: "fr.electricity.grid", year: 2024, value: 0.035, upstream: 0.0169,
			curValue: []string{"FR-ELEC-2024-GEN"}, curUp: []string{"FR-ELEC-2024-UPSTREAM", "FR-ELEC-2024-TD"}, curTotal: []string{"FR-ELEC-2024-TOTAL"}, tol: 0.001},
		{id: "fr.electricity.grid", year: 2023, value: 0.0394, upstream: 0.0186, curTotal: []string{"FR-ELEC-2023-TOTAL"}, tol: 0.001},
		{id: "fr.electricity.grid", year: 2022, value: 0.0338, upstream: 0.01824, curTotal: []string{"FR-ELEC-2022-TOTAL"}, tol: 0.002},
		{id: "fr.electricity.grid", year: 2019, value: 0.0418, upstream: 0.0189},
		{id: "fr.natural-gas.pcs", year: 2022, value: 0.181, upstream: 0.0344, pcsPerPCI: 0.239 / 0.215,
			curValue: []string{"FR-NG-KWH-PCS-COMB"}, curUp: []string{"FR-NG-KWH-PCS-UPSTREAM"}, curTotal: []string{"FR-NG-KWH-PCS-TOTAL"}, tol: 0.005},
		{id: "fr.natural-gas.pci", year: 2022, value: 0.201, upstream: 0.0382, pcsPerPCI: 0.239 / 0.215, curTotal: []string{"FR-NG-KWH-PCI-TOTAL"}, tol: 0.005},
		{id: "fr.diesel.road", value: 2.49, upstream: 0.609, curValue: []string{"FR-DIESEL-B7-L-COMB"}, curTotal: []string{"FR-DIESEL-B7-L-TOTAL"}, tol: 0.005},
		{id: "fr.petrol", value: 2.2, upstream: 0.491, curValue: []string{"FR-PETROL-L-COMB"}, curTotal: []string{"FR-PETROL-L-TOTAL"}, tol: 0.005},
		{id: "fr.propane", value: 1.54, upstream: 0.251, curTotal: []string{"FR-PROPANE-L-TOTAL"}, tol: 0.005},
		{id: "fr.freight.road.artic-34-40t", value: 0.0875, curValue: []string{"FR-FRT-ARTIC-34-40T"}},
		{id: "fr.freight.air.long-haul", value: 0.556, curValue: []string{"FR-FRT-AIR-CARGO-LONG-NORF"}},
		{id: "fr.freight.air.long-haul.contrails", value: 1.01, curValue: []string{"FR-FRT-AIR-CARGO-LONG-RF"}},
		{id: "fr.travel.train.high-speed", year: 2022, value: 0.00293, curValue: []string{"FR-TRV-TGV-2022"}},
		{id: "fr.waste.ferrous", value: 938, curValue: []string{"FR-WST-FERROUS-EOL"}},
		{id: "fr.material.aluminium.primary", value: 7803, curValue: []string{"FR-MAT-ALU-PRIMARY"}},
		{id: "refrigerant.r-134a", gwp: "AR6", value: 1530, curValue: []string{"GWP-AR6-HFC134a"}},
		{id: "refrigerant.r-134a", gwp: "AR5", value: 1300, curValue: []string{"UK-REF-HFC134A"}},
		{id: "refrigerant.r-410a", gwp: "AR5", value: 1923.5, curValue: []string{"US-REF-R410A"}, tol: 0.001},
		{id: "refrigerant.r-410a", gwp: "AR6", value: 2255.5, curValue: []string{"GWP-AR6-R410A-ADEME"}, tol: 0.001},
		{id: "refrigerant.sf6", gwp: "AR6", value: 25200, curValue: []string{"GWP-AR6-SF6"}},
		{id: "ghg.ch4.fossil", gwp: "AR6", value: 29.8, curValue: []string{"GWP-AR6-CH4-FOSSIL"}},
		// EPA: metric tons CO2e per short ton → kg per short ton.
		{id: "us.waste.mixed-metals.recycling", value: 230, curValue: []string{"US-WST-MIXEDMETAL-RECYC"}},
		{id: "us.waste.mixed-msw.landfill", value: 580, curValue: []string{"US-WST-MSW-LANDFILL"}},
		// Upstream: T&D losses, value × GGL / (1 − GGL) with the grid gross loss of cell K366 (0.042).
		{id: "us.electricity.grid", value: 0.351642495326, upstream: 0.351642495326 * 0.042 / (1 - 0.042), curValue: []string{"US-ELEC-AVG-EGRID2023"}, tol: 1e-5},
		// CAMX, Table 6 row 342: grid gross loss K342 0.041.
		{id: "us.electricity.grid.camx", value: 0.198741496915, upstream: 0.198741496915 * 0.041 / (1 - 0.041)},
		{id: "us.freight.road.truck", value: 0.1874758, curValue: []string{"US-FRT-TRUCK-STM"}, tol: 1e-5},
		{id: "us.natural-gas", value: 53.1145, curValue: []string{"US-NG-MMBTU"}},
		{id: "uk.electricity.grid", year: 2025, value: 0.177, upstream: 0.0684, curValue: []string{"UK-ELEC-2025"}},
		{id: "uk.natural-gas.gcv", year: 2025, value: 0.18296, upstream: 0.03021, pcsPerPCI: 0.2027 / 0.18296,
			curValue: []string{"UK-NG-KWH-GCV"}, curUp: []string{"UK-NG-KWH-GCV-WTT"}},
		{id: "uk.diesel", year: 2025, value: 2.57082, upstream: 0.61101, curValue: []string{"UK-DIESEL-L"}, curUp: []string{"UK-DIESEL-L-WTT"}},
		{id: "uk.freight.road.hgv", year: 2025, value: 0.12522, curValue: []string{"UK-FRT-HGV-ALL-AVG", "UK-FRT-HGV-ALL-AVG-WTT"}},
		{id: "uk.material.li-ion-battery", year: 2025, value: 6308, curValue: []string{"UK-MAT-LI-ION-BATTERY"}},
		{id: "uk.travel.hotel.france", year: 2025, value: 6.7},
		// Past DESNZ sets (desnz-key-factors-2019-2024 gives the same rows): 2019 v1.03 CSV line
		// 1926 UK electricity generated 0.2556; upstream = T&D line 2375 (0.0217) + WTT
		// generation line 2793 (0.03565) + WTT T&D line 2794 (0.00303).
		{id: "uk.electricity.grid", year: 2019, value: 0.2556, upstream: 0.0217 + 0.03565 + 0.00303},
		// 2022 v3 CSV line 78 natural gas kWh (Gross CV) 0.18254, WTT line 3261 0.0311, Net CV line 74 0.20227.
		{id: "uk.natural-gas.gcv", year: 2022, value: 0.18254, upstream: 0.0311, pcsPerPCI: 0.20227 / 0.18254},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s/%d/%s", tt.id, tt.year, tt.gwp)
		t.Run(name, func(t *testing.T) {
			f, ok := lib[name]
			if !ok {
				t.Fatalf("no factor %s", name)
			}
			if !datasets.Near(f.Value, tt.value, 1e-9) || !datasets.Near(f.Upstream, tt.upstream, 1e-9) {
				t.Errorf("value %v upstream %v, want %v and %v", f.Value, f.Upstream, tt.value, tt.upstream)
			}
			if tt.pcsPerPCI != 0 && !datasets.Near(f.PCSPerPCI, tt.pcsPerPCI, 1e-9) {
				t.Errorf("pcs_per_pci %v, want %v", f.PCSPerPCI, tt.pcsPerPCI)
			}
			tol := tt.tol
			if tol == 0 {
				tol = 1e-9
			}
			for _, c := range []struct {
				ids  []string
				got  float64
				what string
			}{{tt.curValue, f.Value, "value"}, {tt.curUp, f.Upstream, "upstream"}, {tt.curTotal, f.Value + f.Upstream, "value + upstream"}} {
				if len(c.ids) == 0 {
					continue
				}
				want := 0.0
				for _, id := range c.ids {
					v, ok := curated[id]
					if !ok {
						t.Fatalf("curated-reference.csv has no id %s", id)
					}
					want += v
				}
				if !datasets.Near(c.got, want, tol) {
					t.Errorf("%s %v, curated %v = %v", c.what, c.got, c.ids, want)
				}
			}
		})
	}
}

// TestAvoidedFactors checks each avoided factor against the curated reference: the displaced
// factor less the one used in its place, computed here by hand from the curated values.
func TestAvoidedFactors(t *testing.T) {
	needSources(t)
	lib := loadLibrary(t)
	curated := loadCurated(t)
	tests := []struct {
		id            string
		value         float64 // by hand
		instead, used string  // curated ids; used "" when nothing is subtracted
	}{
		{"fr.avoided.material.steel.recycled", 2211 - 938, "FR-MAT-STEEL-PRIMARY", "FR-MAT-STEEL-RECYCLED"},
		{"fr.avoided.material.aluminium.recycled", 7803 - 562, "FR-MAT-ALU-PRIMARY", "FR-MAT-ALU-RECYCLED"},
		{"fr.avoided.material.plastic.recycled", 2383 - 202, "FR-MAT-PLASTIC-AVG-PRIMARY", "FR-MAT-PLASTIC-AVG-RECYCLED"},
		{"uk.avoided.material.steel.closed-loop", 1040, "UK-MAT-STEEL-PRIMARY", "UK-MAT-STEEL-CLOSEDLOOP"},
		{"uk.avoided.material.aluminium.closed-loop", 8120.82341, "UK-MAT-ALU-PRIMARY", "UK-MAT-ALU-CLOSEDLOOP"},
		{"uk.avoided.material.plastic.closed-loop", 1597.10826, "UK-MAT-PLASTIC-AVG-PRIMARY", "UK-MAT-PLASTIC-AVG-CLOSEDLOOP"},
		{"uk.avoided.battery.second-life", 6308, "UK-MAT-LI-ION-BATTERY", ""},
		{"fr.avoided.vehicle.reconditioned", 5500, "FR-MAT-VEHICLE-MANUF", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			year := 0
			if strings.HasPrefix(tt.id, "uk.") {
				year = 2025 // the DESNZ 2025 set, as curated-reference.csv
			}
			f, ok := lib[fmt.Sprintf("%s/%d/", tt.id, year)]
			if !ok {
				t.Fatalf("no factor %s", tt.id)
			}
			want := curated[tt.instead] - curated[tt.used]
			if !datasets.Near(f.Value, tt.value, 1e-9) || !datasets.Near(f.Value, want, 1e-9) {
				t.Errorf("value %v, want %v by hand and %v from curated %s − %s", f.Value, tt.value, want, tt.instead, tt.used)
			}
			if f.Kind != factors.KindAvoided || f.Upstream != 0 || f.Unit != "t" {
				t.Errorf("kind %q upstream %v unit %q", f.Kind, f.Upstream, f.Unit)
			}
			if !strings.Contains(f.Derivation, fmtNum(f.Value)) || tt.used != "" && !strings.Contains(f.Derivation, " − ") {
				t.Errorf("derivation %q does not show the subtraction", f.Derivation)
			}
		})
	}
}

// TestLibraryInvariants checks every factor of the committed library, and that every id of
// IDS.md is there.
func TestLibraryInvariants(t *testing.T) {
	fs := readLibrary(t)
	units := canonicalUnitsOf(t)
	idRe := regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)
	ids := map[string]bool{}
	for _, f := range fs {
		where := fmt.Sprintf("%s/%d/%s", f.ID, f.Year, f.GWP)
		ids[f.ID] = true
		if !idRe.MatchString(f.ID) || f.Name == "" {
			t.Errorf("%s: bad id or no name %q", where, f.Name)
		}
		if !units[f.Unit] {
			t.Errorf("%s: unit %q is not in the canonical list of IDS.md", where, f.Unit)
		}
		if f.Kind == factors.KindAvoided {
			if f.Scope != 0 || f.Category != 0 {
				t.Errorf("%s: avoided, outside the scopes, but scope %d category %d", where, f.Scope, f.Category)
			}
		} else if f.Scope < 1 || f.Scope > 3 {
			t.Errorf("%s: scope %d", where, f.Scope)
		} else if inScope3 := f.Category >= 1 && f.Category <= 15; inScope3 != (f.Scope == 3) || f.Scope != 3 && f.Category != 0 {
			t.Errorf("%s: category %d with scope %d", where, f.Category, f.Scope)
		}
		if f.Source == "" || f.SourceID == "" || f.License == "" || f.Dataset == "" || f.Version == "" {
			t.Errorf("%s: citation incomplete: %+v", where, f)
		}
		if f.Value < 0 || f.Upstream < 0 {
			t.Errorf("%s: negative value %v or upstream %v", where, f.Value, f.Upstream)
		}
		switch {
		case f.Kind == factors.KindAvoided && !strings.Contains(f.ID, ".avoided."):
			t.Errorf("%s: an avoided factor's id says so (.avoided.)", where)
		case f.Kind == factors.KindEmission && strings.Contains(f.ID, ".avoided."):
			t.Errorf("%s: id says avoided, kind is %q", where, f.Kind)
		case f.Kind != factors.KindEmission && f.Kind != factors.KindAvoided:
			t.Errorf("%s: kind %q", where, f.Kind)
		}
		if strings.HasPrefix(f.ID, "ember.electricity.") && !strings.Contains(f.Boundary, "lifecycle") {
			t.Errorf("%s: an Ember factor's boundary must say it rests on a lifecycle intensity", where)
		}
		if strings.HasPrefix(f.ID, "ember.electricity.") && !f.LifecycleInScope2 && (f.Upstream <= 0 || !strings.Contains(f.Derivation, "direct share")) {
			t.Errorf("%s: an Ember factor either splits its lifecycle intensity (upstream > 0, derivation says the direct share) or is flagged lifecycle_in_scope2", where)
		}
		if hay := strings.ToLower(f.Source + f.Dataset); strings.Contains(hay, "electricity maps") || strings.Contains(hay, "electricitymaps") {
			t.Errorf("%s: Electricity Maps data (ODbL) must not ship", where)
		}
	}
	if len(ids) < 80 {
		t.Errorf("%d distinct ids, want at least 80", len(ids))
	}
	for _, id := range idsOfIDSFile(t) {
		if !ids[id] {
			t.Errorf("IDS.md names %s; the library lacks it", id)
		}
	}
	// The library the product embeds must load for both GWP sets.
	for _, gwp := range []string{"AR5", "AR6"} {
		if _, err := factors.Builtin(gwp); err != nil {
			t.Errorf("factors.Builtin(%s): %v", gwp, err)
		}
	}
}

// TestSourceErrors checks that a missing row or an unparsable value stops the generator with an
// error naming it.
func TestSourceErrors(t *testing.T) {
	needSources(t)
	tests := []struct {
		name, file string
		edit       func(string) string
		wantErr    string
	}{
		{"DESNZ row missing", desnzFile, dropLines("7_400_4000_5_1,"), "no row with ID 7_400_4000_5_1"},
		{"DESNZ value empty", desnzFile, replaceOnce("1_101_1011_8_1,Scope 1,Fuels,Liquid fuels,Diesel (average biofuel blend),,,litres,kg CO2e,2.57082",
			"1_101_1011_8_1,Scope 1,Fuels,Liquid fuels,Diesel (average biofuel blend),,,litres,kg CO2e,"), "ID 1_101_1011_8_1 (Fuels / Liquid fuels"},
		{"DESNZ past row missing", desnzPastFiles[0], dropLines("Scope 2,UK electricity,Electricity generated,Electricity: UK,,,kWh,kWh,kg CO2e,"),
			"desnz-ghg-conversion-factors-2019/ghg-conversion-factors-2019-flat-file_factors-by-category.csv: no row for UK electricity / Electricity generated / Electricity: UK"},
		{"DESNZ past row ambiguous", desnzPastFiles[3], replaceOnce("Electricity: UK,2020,,kWh,kg CO2e,0.19338\r\n",
			"Electricity: UK,2020,,kWh,kg CO2e,0.19338\r\nScope 2,UK electricity,Electricity generated,Electricity: UK,,,kWh,kg CO2e,0.2\r\n"),
			"ghg-conversion-factors-2022-flat-file_factors-by-category.csv:2850,2851: 2 rows for UK electricity"},
		{"DESNZ version not in SOURCE.md", filepath.Join(filepath.Dir(desnzPastFiles[0]), "SOURCE.md"), replaceOnce("Version 1.03", "Vers. 1.03"), "no line \"Workbook `Front page`"},
		{"ADEME element missing", ademeFile, dropLines("Elément,43642,", "Poste,43642,"), "no element 43642"},
		{"ADEME poste unparsable", ademeFile, func(s string) string {
			return regexp.MustCompile(`(Poste,43642,[^\n]*?Combustion à la centrale,,,,)0\.035,`).ReplaceAllString(s, "${1}n/a,")
		}, `"n/a" is not a number`},
		{"Ember key missing", emberFile, replaceOnce(`"DEU": {`, `"XXX": {`), `no key "DEU"`},
		{"OWID technology missing", owidSourceFile, dropLines("| nuclear |"), `no technology "nuclear"`},
		{"OWID mix value unparsable", owidMixFile, replaceOnce("France,FRA,2023,0.6,", "France,FRA,2023,n/a,"), `"n/a" is not a number`},
		{"GWP species missing", gwpFile, dropLines("HFC134a,"), "no species HFC134a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sourceCopy(t, tt.file, tt.edit)
			_, err := Generate(dir)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestSeriesCheck checks that a year of an ADEME series missing from the table, or a yearly
// factor not marked as a vintage, stops the generator.
func TestSeriesCheck(t *testing.T) {
	needSources(t)
	s, err := loadSources(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkSeries(s, table); err != nil {
		t.Fatalf("the committed table: %v", err)
	}
	without := func(el string) []entry {
		var out []entry
		for _, e := range table {
			if r, ok := e.From.(adSplit); ok && r.el == el {
				continue
			}
			out = append(out, e)
		}
		return out
	}
	if err := checkSeries(s, without("28332")); err == nil || !strings.Contains(err.Error(), "28332") {
		t.Errorf("table without the 2019 electricity vintage (element 28332): error %v, want one naming 28332", err)
	}
	notVintage := append([]entry(nil), table...)
	for i, e := range notVintage {
		if r, ok := e.From.(adTotal); ok && r.el == "43256" {
			notVintage[i].Vintage = false
		}
	}
	if err := checkSeries(s, notVintage); err == nil || !strings.Contains(err.Error(), "mark the entries as vintages") {
		t.Errorf("TGV 2022 not marked as a vintage: error %v, want one asking to mark vintages", err)
	}
}

// sourceCopy makes a source folder in a temporary directory: the files the generator reads are
// links to the real ones, except file, which is rewritten by edit (the edit must change it).
func sourceCopy(t *testing.T, file string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	abs, err := filepath.Abs(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{ademeFile, ademeXLSXFile, desnzFile, epaFile, emberFile, owidIntensityFile, owidMixFile, owidSourceFile, gwpFile, gwpSupplFile, filepath.Join(filepath.Dir(desnzFile), "SOURCE.md")}
	for _, f := range desnzPastFiles {
		files = append(files, f, filepath.Join(filepath.Dir(f), "SOURCE.md"))
	}
	for _, f := range files {
		dst := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if f != file {
			if err := os.Symlink(filepath.Join(abs, f), dst); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := os.ReadFile(filepath.Join(abs, f))
		if err != nil {
			t.Fatal(err)
		}
		edited := edit(string(b))
		if edited == string(b) {
			t.Fatalf("the edit leaves %s unchanged", f)
		}
		if err := os.WriteFile(dst, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// dropLines removes the lines that start with one of prefixes.
func dropLines(prefixes ...string) func(string) string {
	return func(s string) string {
		var out []string
	lines:
		for _, l := range strings.SplitAfter(s, "\n") {
			for _, p := range prefixes {
				if strings.HasPrefix(l, p) {
					continue lines
				}
			}
			out = append(out, l)
		}
		return strings.Join(out, "")
	}
}

func replaceOnce(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func TestRoundSig(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{0.0131 + 0.0038, 0.0169},
		{0.58 * 1000, 580},
		{0.57999999999999996 * 1000, 580},
		{771.523 * 0.45359237 / 1000, 0.34995694608},
		{0, 0},
	} {
		if got := roundSig(tt.in); got != tt.want {
			t.Errorf("roundSig(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// ---- helpers ----

func readLibrary(t *testing.T) []factors.Factor {
	t.Helper()
	b, err := os.ReadFile(libraryFile)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var fs []factors.Factor
	if err := dec.Decode(&fs); err != nil {
		t.Fatalf("%s: %v", libraryFile, err)
	}
	return fs
}

// loadLibrary indexes the committed library by "id/year/gwp", gwp only for the factors that
// exist per GWP set.
func loadLibrary(t *testing.T) map[string]factors.Factor {
	m := map[string]factors.Factor{}
	for _, f := range readLibrary(t) {
		set := ""
		if f.PerGWPSet {
			set = f.GWP
		}
		m[fmt.Sprintf("%s/%d/%s", f.ID, f.Year, set)] = f
	}
	return m
}

// loadCurated reads curated-reference.csv: id → kgCO2e_per_unit.
func loadCurated(t *testing.T) map[string]float64 {
	t.Helper()
	f, err := os.Open(filepath.Join(srcDir, "curated-reference.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	idCol, valCol := -1, -1
	for i, h := range header {
		switch h {
		case "id":
			idCol = i
		case "kgCO2e_per_unit":
			valCol = i
		}
	}
	if idCol < 0 || valCol < 0 {
		t.Fatalf("curated-reference.csv: no id or kgCO2e_per_unit column in %v", header)
	}
	m := map[string]float64{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return m
		}
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.ParseFloat(rec[valCol], 64)
		if err != nil {
			t.Fatalf("curated-reference.csv %s: %v", rec[idCol], err)
		}
		m[rec[idCol]] = v
	}
}

// canonicalUnitsOf reads the canonical unit strings from IDS.md: the back-quoted words of the
// paragraph that introduces them.
func canonicalUnitsOf(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open(idsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	quoted := regexp.MustCompile("`([^`]+)`")
	units := map[string]bool{}
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "Canonical unit strings") {
			in = true
		}
		if in && strings.TrimSpace(line) == "" {
			break
		}
		if in {
			for _, m := range quoted.FindAllStringSubmatch(line, -1) {
				units[m[1]] = true
			}
		}
	}
	if len(units) < 10 {
		t.Fatalf("%s: found only %d canonical units: %v", idsFile, len(units), units)
	}
	for _, u := range canonicalUnits {
		if !units[u] {
			t.Errorf("the generator's canonical unit %q is not in %s", u, idsFile)
		}
	}
	return units
}

// idsOfIDSFile reads the ids of the table in IDS.md. A cell may list several: "a.b.c / .d" and
// "a.b.c, .d" stand for a.b.c and a.b.d; "…" is skipped.
func idsOfIDSFile(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(idsFile)
	if err != nil {
		t.Fatal(err)
	}
	idRe := regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)
	var ids []string
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cell := strings.TrimSpace(strings.Split(line, "|")[1])
		prev := ""
		for _, item := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == '/' }) {
			item = strings.TrimSpace(item)
			switch {
			case item == "…" || item == "...":
				continue
			case strings.HasPrefix(item, ".") && prev != "":
				item = prev[:strings.LastIndex(prev, ".")] + item
			}
			if !idRe.MatchString(item) || !strings.Contains(item, ".") {
				continue // the header row
			}
			ids = append(ids, item)
			prev = item
		}
	}
	if len(ids) < 50 {
		t.Fatalf("%s: found only %d ids", idsFile, len(ids))
	}
	return ids
}

// TestADEMEFossilAndBiogenicMethane reads ADEME V23.6 element 43576 (Biométhane injecté dans
// les réseaux, kgCO2e/kWh PCI): total 0.0417, CO2f 0.00988, CH4f 0.0007, CH4b 0.0252, N2O
// 0.00571, on ADEME's AR5 table (CH4f 30: 22579, CH4b 28: 22578, N2O 265: 22580). On AR6 each
// methane takes its own GWP: fossil 29.8 (43577), non-fossil 27.0 (43578), N2O 273.
func TestADEMEFossilAndBiogenicMethane(t *testing.T) {
	needSources(t)
	s, err := loadSources(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	e := entry{ID: "test.biomethane", Name: "biomethane", Scope: 1, Unit: "kWh PCI", From: adTotal{el: "43576"}}
	f, err := e.From.resolve(s, e)
	if err != nil {
		t.Fatal(err)
	}
	want := factors.Gases{CO2: 0.00988, CH4: 0.0007 + 0.0252, CH4Fossil: 0.0007, CH4Biogenic: 0.0252, N2O: 0.00571}
	if f.Gases == nil || *f.Gases != want || f.GWP != "AR5" || f.Value != 0.0417 {
		t.Fatalf("element 43576: value %v gwp %s gases %+v; want 0.0417 AR5 %+v", f.Value, f.GWP, f.Gases, want)
	}
	values, err := factors.BuiltinGWPValues()
	if err != nil {
		t.Fatal(err)
	}
	got := f.OnGWP("AR6", values)
	hand := 0.00988 + 0.0007/30*29.8 + 0.0252/28*27 + 0.00571/265*273 + (0.0417 - 0.00988 - 0.0007 - 0.0252 - 0.00571)
	if math.Abs(got.Value-hand) > 1e-12 || got.GWP != "AR6" {
		t.Errorf("on AR6: %v %s, want %v (by hand)", got.Value, got.GWP, hand)
	}
}
