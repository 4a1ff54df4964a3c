package workbook_test

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

// fillFromExamples copies the Examples sheet's rows to the sheets their column A names, as a
// team would, and returns the filled workbook and the number of activity rows copied.
func fillFromExamples(t *testing.T, b []byte, examples, sheetHeader string) ([]byte, int) {
	t.Helper()
	f := xlsxtest.Open(t, b)
	next := map[string]int{}
	n := 0
	for _, row := range xlsxtest.Rows(t, f, examples)[3:] {
		if len(row) == 0 || row[0] == "" || row[0] == sheetHeader {
			continue
		}
		sheet := row[0]
		if next[sheet] == 0 {
			next[sheet] = 2
		}
		vals := make([]any, len(row)-1)
		for i, v := range row[1:] {
			vals[i] = v
		}
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(next[sheet]), &vals); err != nil {
			t.Fatal(err)
		}
		next[sheet]++
		if sheet != "Instruments" {
			n++
		}
	}
	var filled bytes.Buffer
	if err := f.Write(&filled); err != nil {
		t.Fatal(err)
	}
	return filled.Bytes(), n
}

// TestFrenchTemplate: the French template names its sheets, headers, prompts and dropdown
// values in French, all of which footprint reads: its examples, copied to their sheets in
// French, give the same lines and totals as the English template's. Instruments keeps its
// name, by which footprint knows the sheet, and the Help sheet says so.
func TestFrenchTemplate(t *testing.T) {
	lib := templateLibrary(t, "AR6")
	read := func(l lang.Lang) (*excelize.File, *emissions.Input, *emissions.Inventory, int) {
		tpl := workbook.Template{Factors: lib.All(), Site: "Plant", Lang: l}
		b := writeTemplateBytes(t, tpl)
		in := &emissions.Input{}
		workbook.Read(in, "template.xlsx", bytes.NewReader(b), workbook.Options{DefaultSite: "Plant"})
		if ps := in.Problems.List(); len(ps) != 0 || in.RowsRead != 0 {
			t.Fatalf("%s: empty template: %d rows, problems %v", l, in.RowsRead, ps)
		}
		filled, n := fillFromExamples(t, b, l.T("Examples"), l.T("Sheet"))
		in = &emissions.Input{}
		workbook.Read(in, "filled.xlsx", bytes.NewReader(filled), workbook.Options{DefaultSite: "Plant"})
		for _, p := range in.Problems.List() {
			if p.Cause != "no-residual-mix" {
				t.Errorf("%s examples: %v", l, p)
			}
		}
		return xlsxtest.Open(t, b), in, emissions.Calculate(in, emissions.Options{Library: lib}), n
	}
	enFile, enIn, en, enRows := read(lang.English)
	f, frIn, fr, frRows := read(lang.French)

	want := []string{"Aide", "Énergie", "Logistique", "Matières", "Déchets", "Fluides frigorigènes", "Déplacements", "Instruments", "Registre des fluides", "Exemples", "Listes"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	header := []string{"Année", "Site", "Pôle", "Activité", "Quantité", "Unité", "Scope", "Catégorie", "Méthode", "Commentaire", "Qualité", "Entité", "Type de donnée"}
	if got := xlsxtest.Rows(t, f, "Énergie"); len(got) != 1 || !slices.Equal(got[0], header) {
		t.Errorf("Énergie: %q, want %q", got, header)
	}

	// The same rows, lines and totals in both languages.
	if frRows != enRows || fr.Rows != en.Rows || fr.Rows.Used != frRows || len(frIn.Instruments) != 1 || len(frIn.Refrigerants) != len(enIn.Refrigerants) {
		t.Errorf("rows: French %+v of %d, English %+v of %d; instruments %d; registers %d and %d",
			fr.Rows, frRows, en.Rows, enRows, len(frIn.Instruments), len(frIn.Refrigerants), len(enIn.Refrigerants))
	}
	if frIn.Instruments[0].Carrier != enIn.Instruments[0].Carrier {
		t.Errorf("instrument carrier %q, want %q", frIn.Instruments[0].Carrier, enIn.Instruments[0].Carrier)
	}
	lines := func(inv *emissions.Inventory) []string {
		var out []string
		for _, l := range inv.Lines {
			out = append(out, fmt.Sprintf("%d %s %s %v %s %s %s %s %d %d %s %.9g", l.Year, l.Site, l.FactorID, l.Quantity, l.Unit,
				l.Quality, l.DataType, l.Part, l.Scope, l.Category, l.Method, l.TCO2e))
		}
		slices.Sort(out)
		return out
	}
	if enL, frL := lines(en), lines(fr); !slices.Equal(enL, frL) {
		t.Errorf("French lines differ from English ones:\nFrench  %q\nEnglish %q", frL, enL)
	}
	for _, m := range []string{emissions.MethodLocation, emissions.MethodMarket} {
		enY, frY := emissions.Aggregate(en.Lines, m), emissions.Aggregate(fr.Lines, m)
		for i := range enY { // the already-computed row's description is translated
			enY[i].ByActivity = nil
		}
		for i := range frY {
			frY[i].ByActivity = nil
		}
		if len(enY) == 0 || fmt.Sprint(enY) != fmt.Sprint(frY) {
			t.Errorf("%s totals: French %+v, English %+v", m, frY, enY)
		}
	}

	// Dropdowns offer the French values footprint reads.
	dvs, err := f.GetDataValidations("Énergie")
	if err != nil {
		t.Fatal(err)
	}
	for col, list := range map[string]string{"I": `"localisation,marché"`, "K": `"mesuré,calculé,estimé"`, "M": `"primaire,secondaire,monétaire"`} {
		if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool {
			return strings.HasPrefix(dv.Sqref, col+"2:") && dv.Formula1 == list
		}) {
			t.Errorf("Énergie column %s: no dropdown %s", col, list)
		}
	}
	checkPrompts(t, f)

	// The Help sheet's prose is French: none of these English words, outside `commands`.
	english := regexp.MustCompile(`(?i)\b(the|and|of|is|are|with|for|from|this|that|which|your|row|rows|sheet|sheets|column|blank|each|only|not|when|year|enter|number|any|must|whose|by|to|as|in|its|it|per|how|what|gross|leak)\b`)
	code := regexp.MustCompile("`[^`]*`")
	if m := english.FindString(fmt.Sprint(xlsxtest.Rows(t, enFile, "Help")[1])); m == "" {
		t.Fatal("the English words are not found in the English Help") // the check below cannot fail
	}
	help := xlsxtest.Rows(t, f, "Aide")
	if len(help) < 20 {
		t.Fatalf("Aide: %d rows", len(help))
	}
	for r, row := range help {
		for c, cell := range row {
			if m := english.FindString(code.ReplaceAllString(cell, "")); m != "" {
				t.Errorf("Aide!%c%d: English %q in %q", 'A'+c, r+1, m, cell)
			}
		}
	}
	if i := xlsxtest.FindRow(help, "Instruments"); i == 0 || !strings.Contains(help[i-1][2], "garde son nom Instruments") {
		t.Error("the Help does not say that Instruments keeps its English name")
	}
}

// TestFrenchTemplateNamesAndSite: the French template's Lists sheet names each factor by its
// French name when it has one (its English name otherwise); English keeps the English names.
// The site is the config's, as written, in every language: a dropdown offering another
// spelling would make two sites of one.
func TestFrenchTemplateNamesAndSite(t *testing.T) {
	lib := templateLibrary(t, "AR6")
	byID := map[string]factors.Factor{}
	for _, f := range lib.All() {
		byID[f.ID] = f
	}
	for _, tc := range []struct {
		l    lang.Lang
		site string
	}{{lang.English, "My site"}, {lang.French, "Mon site"}} {
		f := xlsxtest.Open(t, writeTemplateBytes(t, workbook.Template{Factors: lib.All(), Site: tc.site, Lang: tc.l}))
		french := 0
		for _, row := range xlsxtest.Rows(t, f, tc.l.T("Lists"))[3:] {
			if len(row) < 2 || row[0] == "" {
				continue
			}
			fac, ok := byID[row[0]]
			if !ok {
				continue
			}
			want := fac.Name
			if tc.l.IsFrench() && fac.NameFR != "" {
				want = fac.NameFR
				french++
			}
			if row[1] != want {
				t.Errorf("%s: %s named %q, want %q", tc.l, row[0], row[1], want)
			}
		}
		if tc.l.IsFrench() && french == 0 {
			t.Errorf("no factor of the Lists sheet has a French name")
		}
		lists := xlsxtest.Rows(t, f, tc.l.T("Lists"))
		col := slices.Index(lists[2], tc.l.T("Sites"))
		if col < 0 || len(lists[3]) <= col || lists[3][col] != tc.site {
			t.Errorf("%s: Lists header %q: the first site is not %q", tc.l, lists[2], tc.site)
		}
		examples := xlsxtest.Rows(t, f, tc.l.T("Examples"))
		if got := examples[3][2]; got != tc.site {
			t.Errorf("%s: the first example's site %q, want %q", tc.l, got, tc.site)
		}
	}
}
