package factors

import (
	"math"
	"strings"
	"testing"

	"github.com/footprint/footprint/lang"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		qty       float64
		from, to  string
		ratio     float64
		want      float64
		wantError string // substring; "" for success
	}{
		{1, "MWh", "kWh", 0, 1000, ""},
		{2, "GWh", "MWh", 0, 2000, ""},
		{3.6, "MJ", "kWh", 0, 1, ""},
		{1, "GJ", "kWh", 0, 277.77777777777777, ""},
		{1, "toe", "kWh", 0, 11630, ""},
		{1, "tep", "MWh", 0, 11.63, ""},
		{1, "therm", "kWh", 0, 29.307111111111112, ""},
		{1, "mmBtu", "kWh", 0, 293.07111111111112, ""},
		{1, "m3", "L", 0, 1000, ""},
		{1, "US gal", "L", 0, 3.785411784, ""},
		{1000, "g", "kg", 0, 1, ""},
		{1, "t", "kg", 0, 1000, ""},
		{1, "short ton", "t", 0, 0.90718474, ""},
		{1, "mile", "km", 0, 1.609344, ""},
		{1, "short ton-mile", "t.km", 0, 1.4599723182105601, ""},
		{5, "tkm", "t.km", 0, 5, ""},
		{5, "t-km", "tonne.km", 0, 5, ""},
		{2, "passenger-km", "passenger.km", 0, 2, ""},
		{3, "Room-Night", "room-night", 0, 3, ""},
		{3, "room night", "room-night", 0, 0, "does not convert"},
		{1, "vehicle", "room-night", 0, 0, "does not convert"},
		{1, "kg", "L", 0, 0, "(mass) does not convert"},
		{1, "kWh", "t.km", 0, 0, "(energy) does not convert"},
		// Money: euros convert (1 k€ = 1000 EUR); other currencies are opaque units.
		{2500, "EUR", "k€", 0, 2.5, ""},
		{2500, "€", "k€", 0, 2.5, ""},
		{3, "keuro", "k€", 0, 3, ""},
		{3, "kEUR", "EUR", 0, 3000, ""},
		{1, "k€", "kg", 0, 0, "(money) does not convert"},
		{1, "USD", "k€", 0, 0, "does not convert"},
		{7, "kUSD", "kUSD", 0, 7, ""},
		// Calorific basis: a bare kWh takes the factor's basis; a stated one converts with the
		// factor's ratio or is refused.
		{100, "kWh", "kWh PCS", 1.1116, 100, ""},
		{100, "kWh PCS", "kWh PCS", 0, 100, ""},
		{100, "kWh (GCV)", "kWh PCS", 0, 100, ""},
		{100, "kWh PCI", "kWh PCS", 1.1116, 111.16, ""},
		{111.16, "kWh PCS", "kWh PCI", 1.1116, 100, ""},
		{1, "MWh NCV", "kWh PCS", 1.1, 1100, ""},
		{100, "kWh PCI", "kWh PCS", 0, 0, "no PCS/PCI ratio"},
		{100, "kWh PCS", "kWh", 0, 0, "has none"},
		{1, "mmBtu HHV", "mmBtu PCS", 0, 1, ""},
	}
	for _, tt := range tests {
		from, err := ParseUnit(tt.from)
		if err != nil {
			t.Fatalf("ParseUnit(%q): %v", tt.from, err)
		}
		to, err := ParseUnit(tt.to)
		if err != nil {
			t.Fatalf("ParseUnit(%q): %v", tt.to, err)
		}
		got, err := Convert(tt.qty, from, to, tt.ratio)
		if tt.wantError != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantError) {
				t.Errorf("Convert(%v %s → %s) error = %v, want one containing %q", tt.qty, tt.from, tt.to, err, tt.wantError)
			}
			continue
		}
		if err != nil {
			t.Errorf("Convert(%v %s → %s): %v", tt.qty, tt.from, tt.to, err)
			continue
		}
		if math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("Convert(%v %s → %s) = %v, want %v", tt.qty, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestParseUnit(t *testing.T) {
	tests := []struct {
		in    string
		dim   Dimension
		basis Basis
		err   bool
	}{
		{"kWh", Energy, "", false},
		{" kwh  pcs ", Energy, Gross, false},
		{"kWh_PCI", Energy, Net, false},
		{"MWh (LHV)", Energy, Net, false},
		{"tCO2e", Emissions, "", false},
		{"kgCO2e", Emissions, "", false},
		{"litres", Volume, "", false},
		{"room-night", Opaque, "", false},
		{"ton", Opaque, "", false}, // ambiguous (metric or short): never guessed
		{"kg PCS", "", "", true},
		{"", "", "", true},
		{"   ", "", "", true},
	}
	for _, tt := range tests {
		u, err := ParseUnit(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParseUnit(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if err == nil && (u.Dim != tt.dim || u.Basis != tt.basis) {
			t.Errorf("ParseUnit(%q) = %s/%q, want %s/%q", tt.in, u.Dim, u.Basis, tt.dim, tt.basis)
		}
	}
}

func FuzzParseUnit(f *testing.F) {
	for _, s := range []string{"kWh", "kWh PCS", "MWh (NCV)", "short ton-mile", "t.km", "room-night", "US gal", "", " ", "kg PCI", "\u00a0kWh\u00a0", "m³", "((", "_pcs"} {
		f.Add(s, "kWh PCS", 1.11)
	}
	f.Fuzz(func(t *testing.T, a, b string, ratio float64) {
		ua, errA := ParseUnit(a)
		ub, errB := ParseUnit(b)
		if errA != nil || errB != nil {
			return
		}
		if ua.Dim != Opaque && !(ua.Scale > 0) {
			t.Fatalf("ParseUnit(%q) scale %v", a, ua.Scale)
		}
		v, err := Convert(1, ua, ub, ratio)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0) {
			t.Fatalf("Convert(1 %q → %q, %v) = %v", a, b, ratio, v)
		}
	})
}

// The units a message offers parse to their dimension, and a near miss gets its "did you
// mean".
func TestUnitHint(t *testing.T) {
	for dim, names := range unitNames {
		for _, n := range names {
			if u, err := ParseUnit(n); err != nil || u.Dim != dim {
				t.Errorf("%q parses to %q (%v), want %s", n, u.Dim, err, dim)
			}
		}
	}
	kWh, _ := ParseUnit("kWh")
	vehicle, _ := ParseUnit("vehicle")
	for _, c := range []struct {
		text string
		to   Unit
		want string
	}{
		{"kwhh", kWh, `did you mean "kWh"? Units of energy: kWh, MWh`},
		{"Mhw", kWh, `did you mean "MWh"?`},
		{"t", kWh, "enter the quantity in a unit of energy: kWh, MWh, GWh"},
		{"cars", vehicle, `enter the quantity in "vehicle", the factor's unit`},
	} {
		if got := UnitHint(lang.English, c.text, c.to); !strings.Contains(got, c.want) {
			t.Errorf("UnitHint(%q, %q) = %q, want it to contain %q", c.text, c.to.Text, got, c.want)
		}
	}
	if got := UnitHint(lang.English, "t", kWh); strings.Contains(got, "did you mean") {
		t.Errorf("a known unit of another dimension gets a suggestion: %q", got)
	}
}
