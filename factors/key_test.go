package factors

import "testing"

func TestKey(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"ascii case", "FR.Natural-Gas.PCS", "fr.natural-gas.pcs", true},
		{"NFC and NFD", "caf\u00e9.heat", "cafe\u0301.heat", true},
		{"NFD and capitals", "CAFE\u0301.HEAT", "caf\u00e9.heat", true},
		{"spaces around", " caf\u00e9.heat ", "caf\u00e9.heat", true},
		{"folding beyond lower case", "stra\u00dfe.gas", "STRASSE.GAS", true},
		{"another letter", "cafe.heat", "caf\u00e9.heat", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.a) == Key(tt.b); got != tt.same {
				t.Errorf("Key(%+q) = %+q, Key(%+q) = %+q: same %v, want %v", tt.a, Key(tt.a), tt.b, Key(tt.b), got, tt.same)
			}
		})
	}
}

// A custom factor spelt in NFD is found by a row in NFC, and the reverse.
func TestLookupIgnoresNormalisation(t *testing.T) {
	lib, err := newLibrary([]Factor{{ID: "cafe\u0301.heat", Value: 2, Unit: "kWh", Scope: 1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"caf\u00e9.heat", "cafe\u0301.heat", "CAF\u00c9.HEAT"} {
		if f, _, ok := lib.Lookup(id, 2024); !ok || f.Value != 2 {
			t.Errorf("Lookup(%+q) = %v, %v; want the factor", id, f, ok)
		}
	}
	if _, err := newLibrary([]Factor{{ID: "caf\u00e9.heat"}, {ID: "cafe\u0301.heat"}}); err == nil {
		t.Error("two spellings of one id: no error")
	}
}
