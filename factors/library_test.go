package factors

import (
	"fmt"
	"strings"
	"testing"
)

func testFactor(id string, year int, value float64) Factor {
	return Factor{ID: id, Name: id, Value: value, Unit: "kWh", Scope: 2, Kind: KindEmission, Year: year, Source: "test"}
}

func TestLookupVintage(t *testing.T) {
	lib, err := newLibrary([]Factor{testFactor("grid", 2021, 0.21), testFactor("grid", 2020, 0.20), testFactor("flat", 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id       string
		year     int
		want     float64
		wantPick Pick
	}{
		{"grid", 2020, 0.20, PickLatest},
		{"grid", 2021, 0.21, PickLatest},
		{"grid", 2025, 0.21, PickLatest},
		{"grid", 2019, 0.20, PickEarliest},
		{"GRID", 2020, 0.20, PickLatest}, // ids match ignoring case
		{"flat", 1995, 1, PickLatest},    // a single published value applies to every year
	}
	for _, tt := range tests {
		f, pick, ok := lib.Lookup(tt.id, tt.year)
		if !ok || f.Value != tt.want || pick != tt.wantPick {
			t.Errorf("Lookup(%q, %d) = %v, %v, %v; want %v, %v", tt.id, tt.year, f.Value, pick, ok, tt.want, tt.wantPick)
		}
	}
	if _, _, ok := lib.Lookup("nope", 2020); ok {
		t.Error("Lookup of an unknown id succeeded")
	}
}

func TestWithCustom(t *testing.T) {
	lib, _ := newLibrary([]Factor{testFactor("fr.grid", 2020, 0.2), testFactor("fr.grid", 2021, 0.21), testFactor("other", 0, 1)})
	got, err := lib.WithCustom([]Factor{testFactor("fr.grid", 2022, 0.5), testFactor("Supplier.Steel.X", 0, 0.7)})
	if err != nil {
		t.Fatal(err)
	}
	if vs := got.Vintages("fr.grid"); len(vs) != 1 || vs[0].Value != 0.5 {
		t.Errorf("custom fr.grid should replace every built-in vintage, got %+v", vs)
	}
	if f, pick, _ := got.Lookup("fr.grid", 2020); f.Value != 0.5 || pick != PickEarliest {
		t.Errorf("replaced id: Lookup 2020 = %v %v", f.Value, pick)
	}
	if vs := got.Vintages("supplier.steel.x"); len(vs) != 1 || vs[0].ID != "Supplier.Steel.X" {
		t.Errorf("custom id must keep its spelling, got %+v", vs)
	}
	if _, err := lib.WithCustom([]Factor{testFactor("A.b", 0, 1), testFactor("a.B", 2020, 1)}); err == nil || !strings.Contains(err.Error(), "differ only in case") {
		t.Errorf("ids differing only in case: err = %v", err)
	}
	if _, err := lib.WithCustom([]Factor{testFactor("x", 2020, 1), testFactor("x", 2020, 2)}); err == nil {
		t.Error("two vintages of one year should be refused")
	}
}

func TestSuggest(t *testing.T) {
	lib, _ := newLibrary([]Factor{testFactor("fr.electricity.grid", 0, 1), testFactor("fr.natural-gas.pcs", 0, 1)})
	if s := lib.Suggest("fr.electricty.grid"); s != "fr.electricity.grid" {
		t.Errorf("Suggest = %q", s)
	}
	if s := lib.Suggest("completely different"); s != "" {
		t.Errorf("Suggest for a far id = %q, want none", s)
	}
}

func TestBuiltin(t *testing.T) {
	for _, gwp := range GWPSets {
		lib, err := Builtin(gwp)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, f := range lib.All() {
			if err := f.Validate(); err != nil {
				t.Errorf("%s: %v", gwp, err)
			}
			if f.PerGWPSet && f.GWP != gwp {
				t.Errorf("%s library holds the %s entry of %s", gwp, f.GWP, f.ID)
			}
			if f.Gases != nil && f.GWP != "" && f.GWP != "AR4" && f.GWP != gwp {
				t.Errorf("%s library holds %s, split by gas, on %s: not recomputed", gwp, f.ID, f.GWP)
			}
			ids[f.ID] = true
		}
		if len(ids) < 80 {
			t.Errorf("%s: %d distinct factor ids, want at least 80", gwp, len(ids))
		}
	}
	ar5, _ := Builtin("AR5")
	ar6, _ := Builtin("ar6")
	f5, _, ok5 := ar5.Lookup("refrigerant.r-134a", 2024)
	f6, _, ok6 := ar6.Lookup("refrigerant.r-134a", 2024)
	if !ok5 || !ok6 || f5.Value != 1300 || f6.Value != 1530 {
		t.Errorf("R-134a AR5/AR6 = %v/%v, want 1300/1530", f5.Value, f6.Value)
	}
	if _, err := Builtin("AR4"); err == nil {
		t.Error("Builtin(AR4) should fail")
	}
}

func TestValidate(t *testing.T) {
	ok := testFactor("x", 0, 1)
	tests := []struct {
		name   string
		change func(*Factor)
		want   string
	}{
		{"ok", func(*Factor) {}, ""},
		{"negative", func(f *Factor) { f.Value = -1 }, "negative"},
		{"scope 4", func(f *Factor) { f.Scope = 4 }, "scope 4"},
		{"scope 3 without category", func(f *Factor) { f.Scope = 3 }, "category"},
		{"category on scope 2", func(f *Factor) { f.Category = 1 }, "Scope 3 only"},
		{"emission unit", func(f *Factor) { f.Unit = "tCO2e" }, "emission unit"},
		{"no unit", func(f *Factor) { f.Unit = "" }, "no unit"},
		{"kind", func(f *Factor) { f.Kind = "offset" }, "kind"},
		{"avoided without scope", func(f *Factor) { f.Kind, f.Scope, f.Unit = KindAvoided, 0, "vehicle" }, ""},
		{"avoided with a scope", func(f *Factor) { f.Kind, f.Scope, f.Category = KindAvoided, 3, 1 }, "takes no scope or category"},
		{"avoided with a carrier", func(f *Factor) { f.Kind, f.Scope, f.Carrier = KindAvoided, 0, CarrierHeat }, "no carrier"},
		{"emission without scope", func(f *Factor) { f.Scope = 0 }, "scope 0"},
		{"carrier heat", func(f *Factor) { f.Carrier = CarrierHeat }, ""},
		{"carrier unknown", func(f *Factor) { f.Carrier = "gas" }, `carrier "gas", want one of electricity, heat, steam, cooling, fuel`},
		{"purchased carrier on scope 1", func(f *Factor) { f.Scope, f.Carrier = 1, CarrierSteam }, "purchased energy, which is Scope 2"},
		{"purchased carrier per tonne", func(f *Factor) { f.Unit, f.Carrier = "t", CarrierSteam }, "needs a unit of energy"},
		{"fuel per litre", func(f *Factor) { f.Scope, f.Unit, f.Carrier = 1, "L", CarrierFuel }, ""},
	}
	for _, tt := range tests {
		f := ok
		tt.change(&f)
		err := f.Validate()
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: Validate() = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestLookupVersions: a vintage revised in a later edition. 2022 and 2023 were reported with
// the 2022 vintage as first published (2023); the 2024 edition revised it; 2024's own vintage
// came in the 2025 edition. As reported, each year takes the version published by the end of
// the following year; restated, the latest version of its own vintage, never a newer vintage.
func TestLookupVersions(t *testing.T) {
	v := func(year, published int, value float64) Factor {
		f := testFactor("grid", year, value)
		f.Published = published
		return f
	}
	lib, err := newLibrary([]Factor{v(2024, 2025, 0.30), v(2022, 2024, 0.25), v(2022, 2023, 0.20)})
	if err != nil {
		t.Fatal(err)
	}
	if !lib.HasVersions() {
		t.Fatal("HasVersions is false")
	}
	for _, tt := range []struct {
		year               int
		reported, restated float64
	}{
		{2021, 0.20, 0.25}, // before every vintage: the earliest vintage, its versions as for 2022
		{2022, 0.20, 0.25},
		{2023, 0.25, 0.25}, // reported in 2024, when the revision was out
		{2024, 0.30, 0.30},
		{2030, 0.30, 0.30},
	} {
		got, _, _ := lib.Lookup("grid", tt.year)
		re, _, _ := lib.Restated().Lookup("grid", tt.year)
		if got.Value != tt.reported || re.Value != tt.restated {
			t.Errorf("%d: as reported %v, restated %v; want %v, %v", tt.year, got.Value, re.Value, tt.reported, tt.restated)
		}
	}
	if _, err := newLibrary([]Factor{v(2022, 2023, 0.2), v(2022, 2023, 0.3)}); err == nil {
		t.Error("two versions published the same year were accepted")
	}
	if _, err := newLibrary([]Factor{v(2022, 0, 0.2), v(2022, 2024, 0.3)}); err == nil {
		t.Error("a version without its publication year was accepted next to another")
	}
	if lib, _ := Builtin("AR6"); lib.HasVersions() {
		t.Error("the built-in library has several versions of a vintage: restatement's tests assume it has none")
	}
}

// A factor's carrier is the one it states, else electricity for a Scope 2 emission factor per
// unit of energy, whatever its id says; nothing else has one.
func TestEnergyCarrier(t *testing.T) {
	tests := []struct {
		name string
		f    Factor
		want string
	}{
		{"scope 2 per kWh, id without electricity", Factor{ID: "grid.supplier-x", Scope: 2, Unit: "kWh", Kind: KindEmission}, CarrierElectricity},
		{"scope 2 per MWh, stated heat", Factor{ID: "electricity.like.heat", Scope: 2, Unit: "MWh", Kind: KindEmission, Carrier: CarrierHeat}, CarrierHeat},
		{"scope 2 per tonne of steam", Factor{ID: "steam.t", Scope: 2, Unit: "t", Kind: KindEmission}, ""},
		{"scope 1 fuel without carrier", Factor{ID: "fr.electricity.diesel", Scope: 1, Unit: "kWh", Kind: KindEmission}, ""},
		{"scope 3 per kWh", Factor{ID: "fr.use.electricity", Scope: 3, Category: 11, Unit: "kWh", Kind: KindEmission}, ""},
		{"avoided", Factor{ID: "x", Unit: "kWh", Kind: KindAvoided}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.EnergyCarrier(); got != tt.want {
				t.Errorf("EnergyCarrier() = %q, want %q", got, tt.want)
			}
		})
	}
}

// The library audit: every built-in energy factor (energy content for ESRS E1-5, or Scope 2)
// states its carrier, and a valid one; avoided factors are outside the scopes.
func TestBuiltinEnergyFactorsHaveACarrier(t *testing.T) {
	for _, gwp := range []string{"AR5", "AR6"} {
		lib, err := Builtin(gwp)
		if err != nil {
			t.Fatal(err)
		}
		carriers := map[string]int{}
		for _, f := range lib.All() {
			where := fmt.Sprintf("%s %s (year %d)", gwp, f.ID, f.Year)
			if err := f.Validate(); err != nil {
				t.Errorf("%s: %v", where, err)
			}
			switch {
			case f.Kind == KindAvoided && (f.Scope != 0 || f.Category != 0 || f.Carrier != ""):
				t.Errorf("%s: avoided factor with scope %d, category %d, carrier %q", where, f.Scope, f.Category, f.Carrier)
			case (f.EnergyMWh > 0 || f.Scope == 2) && f.Carrier == "":
				t.Errorf("%s: energy factor without a carrier", where)
			case f.Scope == 2 && !IsPurchasedCarrier(f.Carrier):
				t.Errorf("%s: Scope 2 factor with carrier %q, want purchased energy", where, f.Carrier)
			case f.Scope == 1 && f.EnergyMWh > 0 && f.Carrier != CarrierFuel:
				t.Errorf("%s: Scope 1 energy with carrier %q, want fuel", where, f.Carrier)
			}
			carriers[f.Carrier]++
		}
		// the grids (ADEME, DESNZ, eGRID, Ember), the district heat of each country, the fuels
		if carriers[CarrierElectricity] == 0 || carriers[CarrierHeat] < 3 || carriers[CarrierFuel] == 0 {
			t.Errorf("%s: carriers %v", gwp, carriers)
		}
	}
}

// Lookups answers what Lookup answers, asked once or again.
func TestLookupsIsLookup(t *testing.T) {
	lib, err := newLibrary([]Factor{testFactor("grid", 2021, 0.21), testFactor("grid", 2020, 0.20)})
	if err != nil {
		t.Fatal(err)
	}
	memo := lib.Lookups()
	for _, tt := range []struct {
		id   string
		year int
	}{{"grid", 2020}, {"grid", 2025}, {"grid", 2019}, {"GRID", 2020}, {"nope", 2020}, {"grid", 2020}, {"nope", 2020}} {
		t.Run(fmt.Sprintf("%s/%d", tt.id, tt.year), func(t *testing.T) {
			f, pick, ok := lib.Lookup(tt.id, tt.year)
			mf, mpick, mok := memo.Lookup(tt.id, tt.year)
			if mf.Value != f.Value || mf.Year != f.Year || mpick != pick || mok != ok {
				t.Errorf("Lookups.Lookup = %v (%d), %v, %v; Lookup = %v (%d), %v, %v", mf.Value, mf.Year, mpick, mok, f.Value, f.Year, pick, ok)
			}
		})
	}
}

// TestWithFiles: a factor file adds vintages and versions to an id and never removes one; a
// year's inventory takes the version published by the end of the following year, a restated
// one the latest; only an identical id, year and published is refused, naming both places.
func TestWithFiles(t *testing.T) {
	v := func(year, published int, value float64, file string) Factor {
		f := testFactor("grid", year, value)
		f.Published, f.File = published, file
		return f
	}
	lib, err := newLibrary([]Factor{v(2020, 2021, 0.20, ""), v(2021, 2022, 0.21, ""), testFactor("flat", 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := lib.WithFiles([]Factor{v(2022, 2023, 0.22, "a.yaml"), v(2021, 2023, 0.25, "b.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Vintages("grid")); n != 4 {
		t.Fatalf("grid has %d vintages and versions, want the built-in 2 and the files' 2", n)
	}
	for _, tt := range []struct {
		year               int
		reported, restated float64
	}{
		{2020, 0.20, 0.20},
		{2021, 0.21, 0.25}, // the 2023 revision came after 2021's report
		{2022, 0.22, 0.22}, // a new vintage from a file
	} {
		rep, _, _ := got.Lookup("grid", tt.year)
		re, _, _ := got.Restated().Lookup("grid", tt.year)
		if rep.Value != tt.reported || re.Value != tt.restated {
			t.Errorf("%d: reported %v, restated %v; want %v, %v", tt.year, rep.Value, re.Value, tt.reported, tt.restated)
		}
	}
	for _, tt := range []struct {
		name  string
		files []Factor
		want  string // "" when accepted
	}{
		{"same version as built-in, other figures", []Factor{v(2021, 2022, 0.3, "a.yaml")}, `factor "grid", year 2021, published 2022 is given twice, with other figures: in the built-in library and in a.yaml`},
		{"the built-in version again", []Factor{v(2021, 2022, 0.21, "a.yaml")}, ""},
		{"same in two files", []Factor{v(2023, 2024, 0.3, "a.yaml"), v(2023, 2024, 0.4, "b.yaml")}, "in a.yaml and in b.yaml"},
		{"a version beside one of unknown publication", []Factor{{ID: "flat", Name: "flat", Value: 2, Unit: "kWh", Scope: 2, Kind: KindEmission, Source: "s", Published: 2025, File: "a.yaml"}}, ""},
		{"unknown publication twice", []Factor{{ID: "flat", Name: "flat", Value: 2, Unit: "kWh", Scope: 2, Kind: KindEmission, Source: "s", File: "a.yaml"}}, "in the built-in library and in a.yaml"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := lib.WithFiles(tt.files)
			if err == nil && tt.files[0].ID == "grid" {
				// The file's copy of a version stands for it: the run names the file.
				if f, _, _ := got.Lookup("grid", tt.files[0].Year); f.File != tt.files[0].File {
					t.Errorf("%d: the version comes from %q, want the file", tt.files[0].Year, f.File)
				}
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// A file's factor with a split by gas is recomputed on the library's GWP set, as built-in ones
// are: the same file read into an AR5 and an AR6 library gives each set's value.
func TestWithFilesGWP(t *testing.T) {
	// DESNZ 2020's UK grid rests on AR5 (its own basis): the AR5 library keeps it as published.
	ar6, _ := Builtin("AR6")
	ar5, _ := Builtin("AR5")
	f := ar5.Vintages("uk.electricity.grid")[0]
	if f.GWP != "AR5" || f.Gases == nil {
		t.Fatalf("uk.electricity.grid 2019 is not an AR5 factor with a split by gas: %+v", f)
	}
	f.ID, f.File = "file.grid", "a.yaml"
	for _, tt := range []struct {
		lib  *Library
		want float64
	}{{ar5, f.Value}, {ar6, ar6.Vintages("uk.electricity.grid")[0].Value}} {
		got, err := tt.lib.WithFiles([]Factor{f})
		if err != nil {
			t.Fatal(err)
		}
		if g := got.Vintages("file.grid")[0]; g.Value != tt.want {
			t.Errorf("%s: %v, want %v", g.GWP, g.Value, tt.want)
		}
	}
}
