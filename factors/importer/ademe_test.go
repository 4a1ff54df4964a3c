package importer

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/factors"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

const ademeDir = "../../../shared/factor-sources/ademe-base-carbone-v23.6"

var (
	ademeXLSX   = filepath.Join(ademeDir, "Base_Carbone_V23.6-v2.xlsx")
	ademeSubset = filepath.Join(ademeDir, "base_carbone_v23.6_valid_subset.csv")
)

func needADEME(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(ademeXLSX); err != nil {
		t.Skipf("factor sources not here: %v", err)
	}
}

// builtinADEME is every factor of the embedded library drawn from ADEME Base Carbone, as
// library.json holds it (one entry per GWP set for the GWPs).
func builtinADEME(t *testing.T) []factors.Factor {
	t.Helper()
	data, err := os.ReadFile("../library.json")
	if err != nil {
		t.Fatal(err)
	}
	var all []factors.Factor
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	var out []factors.Factor
	for _, f := range all {
		if f.Dataset == "ADEME Base Carbone" {
			out = append(out, f)
		}
	}
	if len(out) < 50 {
		t.Fatalf("only %d ADEME factors in library.json", len(out))
	}
	return out
}

func factorKey(f factors.Factor) string {
	set := ""
	if f.PerGWPSet {
		set = f.GWP
	}
	return fmt.Sprintf("%s/%d/%s", f.ID, f.Year, set)
}

// sameFactor compares an imported factor with the library's: numbers to a relative 1e-9, the
// rest of what a factor file carries exactly.
func sameFactor(got, want factors.Factor) string {
	near := func(a, b float64) bool { return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }
	for _, n := range []struct {
		name     string
		got, lib float64
	}{{"value", got.Value, want.Value}, {"upstream", got.Upstream, want.Upstream}, {"biogenic_co2", got.BiogenicCO2, want.BiogenicCO2},
		{"pcs_per_pci", got.PCSPerPCI, want.PCSPerPCI}, {"energy_mwh", got.EnergyMWh, want.EnergyMWh}} {
		if !near(n.got, n.lib) {
			return fmt.Sprintf("%s %v, library %v", n.name, n.got, n.lib)
		}
	}
	if (got.Gases == nil) != (want.Gases == nil) || got.Gases != nil && !(near(got.Gases.CO2, want.Gases.CO2) &&
		near(got.Gases.CH4Fossil, want.Gases.CH4Fossil) && near(got.Gases.CH4Biogenic, want.Gases.CH4Biogenic) && near(got.Gases.N2O, want.Gases.N2O)) {
		return fmt.Sprintf("gases %+v, library %+v", got.Gases, want.Gases)
	}
	g := fmt.Sprint(got.Unit, got.Scope, got.Category, got.Kind, got.DataYear, got.GWP, got.SourceID, got.Region, got.Carrier, got.EnergyClass, got.BegesPoste, got.NameFR, got.SpendBased, got.Version)
	w := fmt.Sprint(want.Unit, want.Scope, want.Category, want.Kind, want.DataYear, want.GWP, want.SourceID, want.Region, want.Carrier, want.EnergyClass, want.BegesPoste, want.NameFR, want.SpendBased, want.Version)
	if g != w {
		return fmt.Sprintf("fields\n got  %s\n want %s", g, w)
	}
	return ""
}

// semicolonCP1252 writes the shared comma-separated UTF-8 subset as ADEME publishes its CSV:
// ';'-separated, Windows-1252, CRLF, decimal commas in the numeric columns.
func semicolonCP1252(t *testing.T, dir string) string {
	t.Helper()
	in, err := os.Open(ademeSubset)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out := filepath.Join(dir, "Base_Carbone_V23.6.csv")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(in)
	w := csv.NewWriter(charmap.Windows1252.NewEncoder().Writer(f))
	w.Comma, w.UseCRLF = ';', true
	numeric := map[int]bool{}
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range rec {
			if n == 0 {
				switch v {
				case "Total poste non décomposé", "CO2f", "CH4f", "CH4b", "N2O", "CO2b", "Incertitude":
					numeric[i] = true
				}
			} else if numeric[i] {
				rec[i] = strings.Replace(v, ".", ",", 1)
			}
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Importing the built-in release V23.6 gives every built-in factor drawn from ADEME under its
// id with the library's values: from the official xlsx, and from the shared subset saved as
// ADEME publishes its CSV (';', Windows-1252). The subset has no spend-based ratios
// ("Ratios monétaires" are in the xlsx only): their library ids are reported as left out. The
// GWPs of gases are not imported: the library keeps them per GWP set.
func TestADEMEGivesTheBuiltInFactors(t *testing.T) {
	needADEME(t)
	lib := builtinADEME(t)
	csvFile := semicolonCP1252(t, t.TempDir())
	tests := []struct {
		name      string
		path      string
		noSpend   bool
		published int
	}{
		{"official xlsx", ademeXLSX, false, 2025},
		{"';' Windows-1252 CSV", csvFile, true, 2025},
		{"comma UTF-8 subset", ademeSubset, true, 2025},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ADEME(tt.path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Version != "V23.6" || res.Published != tt.published || res.Source != SourceADEME {
				t.Errorf("release %s %s published %d", res.Source, res.Version, res.Published)
			}
			got := map[string]factors.Factor{}
			for _, f := range res.Factors {
				if _, dup := got[factorKey(f)]; dup {
					t.Errorf("%s imported twice", factorKey(f))
				}
				got[factorKey(f)] = f
			}
			n := 0
			for _, w := range lib {
				g, ok := got[factorKey(w)]
				if w.PerGWPSet {
					if ok {
						t.Errorf("%s: a GWP, kept per GWP set, imported", factorKey(w))
					}
					continue
				}
				if tt.noSpend && w.SpendBased {
					if ok {
						t.Errorf("%s: spend-based, not in the subset, yet imported", factorKey(w))
					}
					continue
				}
				if !ok {
					t.Errorf("%s: built-in, not imported", factorKey(w))
					continue
				}
				n++
				if g.Published != res.Published {
					t.Errorf("%s: published %d", factorKey(w), g.Published)
				}
				if d := sameFactor(g, w); d != "" {
					t.Errorf("%s: %s", factorKey(w), d)
				}
			}
			if n < 50 {
				t.Errorf("only %d built-in factors compared", n)
			}
			left := 0
			for _, s := range res.Skipped {
				if s.Reason == "elements: library factors this release cannot build" {
					left = s.Count
				}
			}
			if tt.noSpend == (left == 0) {
				t.Errorf("library factors left out: %d; skipped %+v", left, res.Skipped)
			}
		})
	}
}

// Elements the library does not map come in as ademe.<element id>, scope and category from
// their ADEME category, fuels split as the library splits them. Hand-checked against
// base_carbone_v23.6_valid_subset.csv:
//   - 12895 "Agglomérés de houille", Combustibles > Fossiles > Solides > Charbons, kgCO2e/GJ
//     PCI: element 104 = poste Combustion 95.8 (CO2f 95) + poste Amont 8.46; uncertainty 20.
//   - 43644 "Articulé / 34 à 40 tonnes / GNC", Transport de marchandises > Routier, kgCO2e/t.km:
//     element 0.0986 (Amont 0.0258 + Combustion 0.069 + Fabrication 0.00378), taken whole.
func TestADEMEElementsOutsideTheLibrary(t *testing.T) {
	needADEME(t)
	res, err := ADEME(ademeSubset, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]factors.Factor{}
	for _, f := range res.Factors {
		byID[f.ID] = f
	}
	tests := []struct {
		id                     string
		value, upstream        float64
		unit                   string
		scope, cat             int
		carrier, class, nameFR string
		energy                 float64
	}{
		{"ademe.12895", 95.8, 8.46, "GJ PCI", 1, 0, "fuel", "fossil", "Agglomérés de houille", 1000 / 3.6 / 1000},
		{"ademe.43644", 0.0986, 0, "t.km", 3, 4, "", "", "Articulé / 34 à 40 tonnes / GNC", 0},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			f, ok := byID[tt.id]
			if !ok {
				t.Fatalf("%s not imported", tt.id)
			}
			if f.Value != tt.value || f.Upstream != tt.upstream || f.Unit != tt.unit || f.Scope != tt.scope || f.Category != tt.cat ||
				f.Carrier != tt.carrier || f.EnergyClass != tt.class || math.Abs(f.EnergyMWh-tt.energy) > 1e-12 || f.NameFR != tt.nameFR {
				t.Errorf("got %+v", f)
			}
			if f.GWP != "AR5" || f.SourceID != strings.TrimPrefix(tt.id, "ademe.") || f.Version != "V23.6" || f.Published != 2025 || f.Year != 0 || f.DataYear == 0 {
				t.Errorf("citation: gwp %q source row %q version %q published %d year %d data year %d", f.GWP, f.SourceID, f.Version, f.Published, f.Year, f.DataYear)
			}
		})
	}
	if f := byID["ademe.12895"]; f.Gases == nil || f.Gases.CO2 != 95 || f.UncertaintyPct == nil || *f.UncertaintyPct != 20 || f.Name != "Concentrated coal" {
		t.Errorf("ademe.12895: gases %+v, uncertainty %v, name %q", f.Gases, f.UncertaintyPct, f.Name)
	}
	// Nothing is dropped without a count: every valid element is a factor, a library factor's
	// source or a counted skip.
	reasons := map[string]int{}
	for _, s := range res.Skipped {
		reasons[s.Reason] = s.Count
		if s.Count == 0 || s.Example == "" {
			t.Errorf("skip %+v", s)
		}
	}
	for _, want := range []string{"elements: refrigerants (leaks are computed from the GWP sets)",
		"elements: negative value (avoided emissions, reported apart by the library's own factors)"} {
		if reasons[want] == 0 {
			t.Errorf("no skip %q in %v", want, reasons)
		}
	}
}

// Options override what the file states.
func TestADEMEOptions(t *testing.T) {
	needADEME(t)
	res, err := ADEME(ademeSubset, Options{Version: "V23.6 (subset)", Published: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if res.Version != "V23.6 (subset)" || res.Published != 2026 || res.FileName() != "ademe-V23.6-subset.yaml" {
		t.Errorf("version %q published %d file %s", res.Version, res.Published, res.FileName())
	}
	for _, f := range res.Factors[:3] {
		if f.Version != res.Version || f.Published != 2026 {
			t.Errorf("%s: version %q published %d", f.ID, f.Version, f.Published)
		}
	}
}

// Bad input is refused with the file and the line (CSV) or the sheet (xlsx), saying what to
// do.
func TestADEMEBadInput(t *testing.T) {
	needADEME(t)
	dir := t.TempDir()
	subset, err := os.ReadFile(ademeSubset)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(subset, []byte("\n"))
	header := lines[0]
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first20 := bytes.Join(lines[:20], nil)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range string(header) {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tabbed := bytes.ReplaceAll(first20, []byte(","), []byte("\t"))
	missing := bytes.Replace(first20, []byte("Unité français"), []byte("Unité"), 1)
	missing = bytes.Replace(missing, []byte("Type poste"), []byte("Poste"), 1)
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
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
		{"cut mid-field", write("cut.csv", first20[:len(first20)-40]), []string{"cut.csv:20:", "fields where the header has 67", "cut short"}},
		{"cut in a quoted field", write("quote.csv", append(bytes.Join(lines[:5], nil), `Elément,"12`...)), []string{"quote.csv:6:", "quoted field is not closed"}},
		{"tabs", write("tabs.csv", tabbed), []string{"tabs.csv: line 1:", "separated by tabs", "';'"}},
		{"unknown layout", write("layout.csv", missing), []string{"layout.csv: line 1:", `no column "Unité français", "Type poste"`}},
		{"not ADEME", write("other.csv", []byte("Date;Site;kWh\n2024-01-01;Lyon;12\n")), []string{"other.csv: line 1:", "does not split into the Base Carbone columns"}},
		{"UTF-16", write("utf16.csv", utf16), []string{"utf16.csv:", "UTF-16", "save it as CSV UTF-8"}},
		{"binary", write("garbage.csv", []byte("\x00\x01\x02\x03garbage\x00\n")), []string{"garbage.csv: line 1:", "binary", "CSV"}},
		{"mixed encodings", write("mixed.csv", append(bytes.Join(lines[:8], nil), bytes.ReplaceAll(lines[8], []byte("é"), []byte{0xE9})...)), []string{"mixed.csv:9:", "not UTF-8", "one encoding"}},
		{"old .xls", write("base.xls", xls), []string{"base.xls:", ".xls", "save it as .xlsx or CSV"}},
		{"not ADEME xlsx", notADEMEXLSX(t, dir), []string{"other.xlsx:", `sheet "Sheet1" row 1 has no column`, `"Unité français"`}},
		{"1 GB", big, []string{"huge.csv is 1.0 GiB", "up to 256 MiB"}},
		{"empty", write("empty.csv", nil), []string{"empty.csv:", "empty"}},
		{"no version", write("export.csv", first20), []string{"export.csv:", "--version"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ADEME(tt.path, Options{})
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

// notADEMEXLSX writes an xlsx with a sheet that has some of the Base Carbone columns.
func notADEMEXLSX(t *testing.T, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, h := range []string{"Type Ligne", "Identifiant de l'élément", "Nom base français"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue("Sheet1", cell, h)
	}
	p := filepath.Join(dir, "other.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}
