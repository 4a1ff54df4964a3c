package factors

import (
	"math"
	"strings"
	"testing"
)

// TestGridMix checks the embedded generation mix against the published rows of
// owid-electricity-carbon-intensity-mix/electricity-prod-source-stacked.csv (TWh):
//   - line 2164, France 2023: other renewables 0.6, bioenergy 9.5, solar 23.26, wind 48.61,
//     hydro 53.19, nuclear 335.65, oil 9.71, gas 31.43, coal 2.16;
//   - line 2163, France 2022: 0.6, 9.78, 19.64, 38.56, 45.52, nuclear 294.73, oil 10.45,
//     gas 45.74, coal 4.33.
//
// Years after the last published mix (2023) take it; a country without one has none.
func TestGridMix(t *testing.T) {
	fr23Fossil, fr23Nuclear, fr23Renew := 9.71+31.43+2.16, 335.65, 0.6+9.5+23.26+48.61+53.19
	fr22Fossil, fr22Nuclear, fr22Renew := 10.45+45.74+4.33, 294.73, 0.6+9.78+19.64+38.56+45.52
	tests := []struct {
		country                    string
		year, wantYear             int
		fossil, nuclear, renewable float64 // TWh; 0, 0, 0: none
	}{
		{"FR", 2023, 2023, fr23Fossil, fr23Nuclear, fr23Renew},
		{"fr", 2022, 2022, fr22Fossil, fr22Nuclear, fr22Renew},
		{"FR", 2025, 2023, fr23Fossil, fr23Nuclear, fr23Renew},
		{"XK", 2023, 0, 0, 0, 0}, // Kosovo: OWID's own code, not ISO
		{"", 2023, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			m, ok := GridMix(tt.country, tt.year)
			if want := tt.fossil+tt.nuclear+tt.renewable > 0; ok != want {
				t.Fatalf("ok %v, want %v", ok, want)
			}
			if !ok {
				return
			}
			if m.Year != tt.wantYear {
				t.Errorf("year %d, want %d", m.Year, tt.wantYear)
			}
			total := tt.fossil + tt.nuclear + tt.renewable
			f, n, r := m.Shares()
			for _, c := range []struct{ got, want float64 }{{f, tt.fossil / total * 100}, {n, tt.nuclear / total * 100}, {r, tt.renewable / total * 100}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("shares %v %v %v, want %v %v %v", f, n, r, tt.fossil/total*100, tt.nuclear/total*100, tt.renewable/total*100)
					break
				}
			}
			if !strings.Contains(m.Source(), "line 216") || !strings.Contains(m.Source(), "Our World in Data") {
				t.Errorf("source %q: want the row and the attribution", m.Source())
			}
		})
	}
}

func TestParseCountry(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"FR", "FR", ""}, {" de ", "DE", ""}, {"UK", "", "GB"}, {"FRA", "", "alpha-2"}, {"EU", "", "alpha-2"}, {"ZZ", "", "alpha-2"}, {"", "", "alpha-2"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseCountry(tt.in)
			if got != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseCountry(%q) = %q, %v; want %q, error with %q", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}
