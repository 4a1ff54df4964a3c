package lang

import (
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		bad  bool
	}{
		{"", English, false},
		{"en", English, false},
		{"EN", English, false},
		{"en-GB", English, false},
		{"fr", French, false},
		{" FR ", French, false},
		{"fr_FR", French, false},
		{"fr-CA", French, false},
		{"Français", French, false},
		{"french", French, false},
		{"anglais", English, false},
		{"de", English, true},
		{"xx-yy-zz!", English, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if (err != nil) != tt.bad || got != tt.want {
				t.Fatalf("Parse(%q) = %v, %v", tt.in, got, err)
			}
		})
	}
}

// Numbers follow the language: grouped thousands with a comma in English and a narrow
// no-break space in French, and the decimal point or comma; years are never grouped.
func TestNumbers(t *testing.T) {
	tests := []struct {
		name   string
		l      Lang
		got    string
		wanted string
	}{
		{"en decimal", English, English.Num(19165.23, 1), "19,165.2"},
		{"fr decimal", French, French.Num(19165.23, 1), "19\u202f165,2"},
		{"fr keeps its digits", French, French.Num(5, 1), "5,0"},
		{"fr negative", French, French.Num(-834747.94, 1), "-834\u202f747,9"},
		{"en int", English, English.Int(1250000), "1,250,000"},
		{"fr int", French, French.Int(1250000), "1\u202f250\u202f000"},
		{"en pct", English, English.Pct(12.5, 1), "12.5%"},
		{"fr pct", French, French.Pct(12.5, 1), "12,5\u202f%"},
		{"fr year", French, French.T("%v rows in %v", 12500, Year(2030)), "12\u202f500 rows in 2030"},
		{"en untranslated", English, English.T("%s t", "5"), "5 t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.wanted {
				t.Fatalf("got %q, want %q", tt.got, tt.wanted)
			}
		})
	}
}

func TestLocalize(t *testing.T) {
	for in, want := range map[string]string{
		"680,940.3 t":                     "680\u202f940,3 t",
		"−1,250.0 t, 12.5 % of 2,000":     "−1\u202f250,0 t, 12,5 % of 2\u202f000",
		"V23.6 and fr.electricity.grid":   "V23.6 and fr.electricity.grid",
		"2026 → 2028":                     "2026 → 2028",
		"ends at 0.5.":                    "ends at 0,5.",
		"uk.7_400_4000_5_1 and AR5, 2030": "uk.7_400_4000_5_1 and AR5, 2030",
		"(1,807,026.7 t)":                 "(1\u202f807\u202f026,7 t)",
		// A number inside a name stays as written: a config value, a licence, a version.
		"pathway: sbti-1.5}` (pathways: sbti-1.5, sbti-wb2)": "pathway: sbti-1.5}` (pathways: sbti-1.5, sbti-wb2)",
		"Our World in Data (CC BY 4.0)":                      "Our World in Data (CC BY 4.0)",
		"CC0 1.0, Licence Ouverte / Etalab 2.0":              "CC0 1.0, Licence Ouverte / Etalab 2.0",
		"−1.5 t, 2.5 % and AR6 1.5 t":                        "−1,5 t, 2,5 % and AR6 1,5 t",
		"a 1.5 °C path; fossil 43.3, nuclear 335.65 TWh":     "a 1,5 °C path; fossil 43,3, nuclear 335,65 TWh",
		"from 12.0 to -3.5 t":                                "from 12,0 to -3,5 t",
	} {
		if got := French.Localize(in); got != want {
			t.Errorf("Localize(%q) = %q, want %q", in, got, want)
		}
		if got := English.Localize(in); got != in {
			t.Errorf("English changed %q to %q", in, got)
		}
	}
}

// A translation's {singular|plural} agrees with the count before it: in French, 0 and 1 take
// the singular; other languages are untouched.
func TestPluralWords(t *testing.T) {
	old := french
	t.Cleanup(func() { french, cat = old, newCatalog(); enPrinter, frPrinter = newPrinters() })
	french = map[string]string{
		"Rows: %d read, %d rejected; 100%% of %v.": "Lignes : %d {lue|lues}, %d {rejetée|rejetées} ; 100 %% de %v.",
		"%d more (%s) not listed":                  "%d {autre|autres} (%s) non {listé|listés}",
	}
	cat = newCatalog()
	enPrinter, frPrinter = newPrinters()
	tests := []struct {
		l         Lang
		read, rej any
		want      string
	}{
		{French, 1, 0, "Lignes\u202f: 1 lue, 0 rejetée\u202f; 100 % de 2024."},
		{French, 1500, 2, "Lignes\u202f: 1\u202f500 lues, 2 rejetées\u202f; 100 % de 2024."},
		{French, Plain(1500), Plain(1), "Lignes\u202f: 1500 lues, 1 rejetée\u202f; 100 % de 2024."},
		{English, 1, 1, "Rows: 1 read, 1 rejected; 100% of 2024."},
	}
	for _, tt := range tests {
		if got := tt.l.T("Rows: %d read, %d rejected; 100%% of %v.", tt.read, tt.rej, Year(2024)); got != tt.want {
			t.Errorf("%s %v/%v: %q, want %q", tt.l, tt.read, tt.rej, got, tt.want)
		}
	}
	// a word after a text argument agrees with the count before that
	if got := French.T("%d more (%s) not listed", 1, "x"); got != "1 autre (x) non listé" {
		t.Errorf("%q, want 1 autre (x) non listé", got)
	}
	if _, err := withPlurals("(%s) non {listé|listés}"); err == nil {
		t.Error("a plural word without a count before it is taken")
	}
}
