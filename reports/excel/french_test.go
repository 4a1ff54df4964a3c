package excel_test

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// frenchDemo is the demo exported in French and read back, with the Scope 3 reasons of
// reg edited first (nil: as the demo's config gives them).
func frenchDemo(t *testing.T, edit func(e *reports.Report)) (get func(sheet, ref string) string, e reports.Report) {
	t.Helper()
	e = demoInventory(t)
	e.Lang = lang.French
	if edit != nil {
		edit(&e)
	}
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	return func(sheet, ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatalf("%s!%s: %v", sheet, ref, err)
		}
		return v
	}, e
}

// TestExportFrenchAvoidedTitle: the avoided emissions sheet's title is the report's label in
// French.
func TestExportFrenchAvoidedTitle(t *testing.T) {
	get, _ := frenchDemo(t, nil)
	if got, want := get("Émissions évitées", "A1"), "Émissions évitées — non déduites de l’inventaire"; got != want {
		t.Errorf("A1 %q, want %q", got, want)
	}
}

// TestExportFrenchScope3Coverage: the reasons of the ESRS E1-6 sheet's Scope 3 categories and
// the note of the primary data row are French; the user's own reasons are kept as written.
func TestExportFrenchScope3Coverage(t *testing.T) {
	var cats map[int]float64
	get, e := frenchDemo(t, func(e *reports.Report) {
		for _, y := range e.Years {
			if y.Year == e.ReportingYear {
				cats = y.Scope3Categories
			}
		}
		reg := *e.Regulatory
		reg.Scope3Included, reg.Scope3Excluded = map[int]string{}, map[int]string{}
		for c := 1; c <= 15; c++ {
			if _, ok := cats[c]; ok && len(reg.Scope3Excluded) == 0 {
				reg.Scope3Excluded[c] = "données fournisseur peu fiables"
			} else if !ok && len(reg.Scope3Included) == 0 {
				reg.Scope3Included[c] = "franchises prévues"
			}
		}
		e.Regulatory = &reg
	})
	rows := map[string]bool{}
	var notes []string
	for r := 1; r <= 80; r++ {
		ref := "J" + strconv.Itoa(r)
		if v := get("ESRS E1-6", ref); v != "" {
			notes = append(notes, v)
			rows[v] = true
		}
	}
	all := strings.Join(notes, "\n")
	for _, english := range []string{"activity data in the inventory", "no data and no reason", "config lists it as excluded", "no emissions in the inputs", "rows whose DataType"} {
		if strings.Contains(all, english) {
			t.Errorf("English left in the notes: %q\n%s", english, all)
		}
	}
	year := strconv.Itoa(e.ReportingYear)
	for _, want := range []string{
		year + "\u202f: incluse — données d’activité dans l’inventaire",
		year + "\u202f: non déclaré — ni données ni motif dans la config esrs.scope3",
		year + "\u202f: incluse — données d’activité dans l’inventaire\u202f; la config l’indique comme exclue (données fournisseur peu fiables), mais les lignes de la catégorie sont comptées",
		year + "\u202f: incluse — franchises prévues (aucune émission dans les entrées cette année)",
		"les lignes dont le Type de donnée est primaire\u202f; les lignes secondaires, monétaires ou vides ne le sont pas",
	} {
		if !rows[want] {
			t.Errorf("no note %q in\n%s", want, all)
		}
	}
}

// TestExportFrenchLinesCodes: in French the Lines sheet writes the Scope 2 method, the part,
// the data type and an already-computed line's source as French words, and the Factors sheet
// the kinds; in English, as the codes calc --lines prints.
func TestExportFrenchLinesCodes(t *testing.T) {
	for _, tc := range []struct {
		l     lang.Lang
		sheet string
		want  map[string][]string // column → the values it may hold
	}{
		{lang.English, "Lines", map[string][]string{"R": {"location", "market"}, "S": {"direct", "upstream", "reported", "avoided", "outside"}, "Z": {"primary", "secondary", "spend-based"}}},
		{lang.French, "Lignes", map[string][]string{"R": {"localisation", "marché"}, "S": {"direct", "amont", "déclaré", "évitées", "hors scopes"}, "Z": {"primaire", "secondaire", "monétaire"}}},
	} {
		e := demoInventory(t)
		e.Lang = tc.l
		b, _ := writeExportBytes(t, e)
		rows := readSheet(t, openWorkbook(t, b), tc.sheet).rows
		seen := map[string]map[string]bool{}
		for _, row := range rows[1:] {
			for col, allowed := range tc.want {
				i := int(col[0] - 'A')
				if i >= len(row) || row[i] == "" {
					continue
				}
				if !contains(allowed, row[i]) {
					t.Errorf("%s: column %s holds %q, want one of %q", tc.l, col, row[i], allowed)
				}
				if seen[col] == nil {
					seen[col] = map[string]bool{}
				}
				seen[col][row[i]] = true
			}
		}
		for col, allowed := range tc.want {
			if len(seen[col]) < 2 {
				t.Errorf("%s: column %s holds %v only, of %q", tc.l, col, seen[col], allowed)
			}
		}
		// An already-computed line's source, and the factors' kinds.
		reported := map[bool]string{false: "reported in the workbook", true: "déclaré dans le classeur"}[tc.l.IsFrench()]
		n := 0
		for _, row := range rows[1:] {
			if len(row) > 18 && row[18] == map[bool]string{false: "reported", true: "déclaré"}[tc.l.IsFrench()] {
				n++
				if row[14] != reported {
					t.Errorf("%s: reported line's source %q, want %q", tc.l, row[14], reported)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no reported line", tc.l)
		}
		kinds := map[string]bool{}
		fs := readSheet(t, openWorkbook(t, b), tc.l.T("Factors"))
		col := slices.Index(fs.rows[2], tc.l.T("Kind"))
		for _, row := range fs.rows[3:] {
			if col >= 0 && col < len(row) && row[col] != "" {
				kinds[row[col]] = true
			}
		}
		want := map[bool]map[string]bool{false: {"emission": true, "avoided": true}, true: {"émission": true, "évitées": true}}[tc.l.IsFrench()]
		if !maps.Equal(kinds, want) {
			t.Errorf("%s: Factors kinds %v, want %v", tc.l, kinds, want)
		}
	}
}

// TestExportFrenchUnassigned: an entity or a pole that the rows do not give is written in the
// report's language.
func TestExportFrenchUnassigned(t *testing.T) {
	get, _ := frenchDemo(t, func(e *reports.Report) {
		reg := *e.Regulatory
		reg.Entities = map[int][]emissions.EntityTotals{e.ReportingYear: {{Name: emissions.Unassigned, Control: true, Share: 1}}}
		e.Regulatory = &reg
	})
	if got := get("Entités", "B4"); got != "(sans affectation)" {
		t.Errorf("Entités!B4 %q, want (sans affectation)", got)
	}
}

// TestExportFrenchCounts: the counts in the Uncertainty and Problems notes are grouped as
// French writes them, and the Uncertainty sheet names the Quality column by its French name;
// English keeps its digits as they were.
func TestExportFrenchCounts(t *testing.T) {
	get, _ := frenchDemo(t, nil)
	note := get("Incertitude", "A2")
	for _, want := range []string{"10\u202f000 itérations", "dotée d’une Qualité."} {
		if !strings.Contains(note, want) {
			t.Errorf("Incertitude!A2 %q: no %q", note, want)
		}
	}
	if got, want := get("Incertitude", "J3"), "Part dotée d’une Qualité (données d’activité)"; got != want {
		t.Errorf("Incertitude!J3 %q, want %q", got, want)
	}
	if got := get("Problèmes", "A2"); !strings.Contains(got, "Jusqu’à 1\u202f000 problèmes") {
		t.Errorf("Problèmes!A2 %q: no grouped 1 000", got)
	}
	b, _ := writeExportBytes(t, demoInventory(t))
	f := openWorkbook(t, b)
	for sheet, want := range map[string]string{"Uncertainty": "10000 iterations", "Problems": "Up to 1000 problems"} {
		if v, _ := f.GetCellValue(sheet, "A2"); !strings.Contains(v, want) {
			t.Errorf("%s!A2 %q: no %q", sheet, v, want)
		}
	}
}

// TestExportNoRoundingNoise: no figure of the export (but the Lines sheets' own and the raw
// General numbers) is zero up to floating-point rounding without being 0: the demo's BEGES
// subtotals, claims and changes compute such differences.
func TestExportNoRoundingNoise(t *testing.T) {
	for _, l := range []lang.Lang{lang.English, lang.French} {
		e := demoInventory(t)
		e.Lang = l
		b, _ := writeExportBytes(t, e)
		lines := l.T("Lines")
		zeros := 0
		for _, line := range strings.Split(dumpCells(t, openWorkbook(t, b)), "\n") {
			f := strings.Split(line, "\t")
			if len(f) < 4 || f[1] != "n" || f[3] == "General" || strings.HasPrefix(f[0], lines+"!") || strings.HasPrefix(f[0], lines+" ") {
				continue
			}
			raw, _ := strconv.Unquote(f[2])
			v, err := strconv.ParseFloat(raw, 64)
			if err != nil {
				continue
			}
			if v == 0 {
				zeros++
			} else if math.Abs(v) < 1e-9 {
				t.Errorf("%s: %s is %v, zero up to rounding", l, f[0], v)
			}
		}
		if zeros == 0 {
			t.Errorf("%s: no zero figure", l)
		}
	}
}

// TestExportBegesWording: the BEGES sheets are French in every language, in French words
// (PRG, selon la localisation), French numbers (68,8 %) and typographic apostrophes.
func TestExportBegesWording(t *testing.T) {
	for _, l := range []lang.Lang{lang.English, lang.French} {
		e := demoInventory(t)
		e.Lang = l
		b, _ := writeExportBytes(t, e)
		f := openWorkbook(t, b)
		var all []string
		for _, sheet := range []string{"BEGES", "BEGES plan d'action"} {
			for _, row := range readSheet(t, f, sheet).rows {
				for _, v := range row {
					if _, err := strconv.ParseFloat(v, 64); err != nil && v != "" {
						all = append(all, v)
					}
				}
			}
		}
		text := strings.Join(all, "\n")
		for _, bad := range []string{"GWP", "location-based", "market-based", "'", "Scope 2"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: BEGES sheets hold %q", l, bad)
			}
		}
		for _, want := range []string{"tCO2e (PRG ", "Catégorie 2 selon la localisation", "Catégorie d’émissions",
			"Émissions indirectes liées à la consommation d’électricité", "(= inventaire, scope 2 selon la localisation)"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: BEGES sheets lack %q", l, want)
			}
		}
		share := regexp.MustCompile(`^Base PRG : .* \((\d+,\d)\x{202f}% du total selon la localisation\)$`)
		n := 0
		for _, v := range all {
			if strings.HasPrefix(v, "Base PRG : ") {
				n++
				if !share.MatchString(v) {
					t.Errorf("%s: %q is not a French share of the total", l, v)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no GWP basis row on the BEGES sheet", l)
		}
	}
}

// TestExportEntitiesUnit: the Entities sheet writes tCO2e as every sheet but ESRS E1-6 does
// (whose labels are the standard's, tCO2eq).
func TestExportEntitiesUnit(t *testing.T) {
	for _, l := range []lang.Lang{lang.English, lang.French} {
		e := demoInventory(t)
		e.Lang = l
		b, _ := writeExportBytes(t, e)
		header := readSheet(t, openWorkbook(t, b), l.T("Entities")).rows[2]
		units := 0
		for _, h := range header {
			if strings.Contains(h, "tCO2eq") {
				t.Errorf("%s: header %q says tCO2eq", l, h)
			}
			if strings.HasSuffix(h, "(tCO2e)") {
				units++
			}
		}
		if units != 12 {
			t.Errorf("%s: %d headers in tCO2e, want 12: %q", l, units, header)
		}
	}
}
