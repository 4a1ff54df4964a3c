package excel_test

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/footprint/footprint/lang"
)

// TestExportFrenchReferences: in a French export every reference to a sheet (a chart's
// series, a print area or print titles, a sheet-scoped name) names a sheet the workbook has,
// by its French name, and reads the cells it should; the workbook says it is French.
func TestExportFrenchReferences(t *testing.T) {
	e := demoInventory(t)
	e.Lang = lang.French
	b, _ := writeExportBytes(t, e)
	f := openWorkbook(t, b)
	sheets := f.GetSheetList()
	for _, want := range []string{"Synthèse", "ESRS E1-6", "Trajectoire", "Ventilation", "Lignes", "Facteurs", "Problèmes"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("no sheet %q in %q", want, sheets)
		}
	}
	for _, s := range sheets {
		if len([]rune(s)) > 31 || strings.ContainsAny(s, `:\/?*[]`) {
			t.Errorf("sheet name %q is not one Excel accepts", s)
		}
	}
	// sheetOf is the sheet a reference names: 'Synthèse'!$A$1 or Trajectoire!$B$3.
	sheetOf := func(ref string) (sheet, cells string) {
		s, cells, ok := strings.Cut(html.UnescapeString(ref), "!")
		if !ok {
			t.Fatalf("reference %q names no sheet", ref)
		}
		if strings.HasPrefix(s, "'") {
			s = strings.ReplaceAll(strings.Trim(s, "'"), "''", "'")
		}
		return s, cells
	}
	checked := 0
	for _, d := range f.GetDefinedName() {
		sheet, _ := sheetOf(d.RefersTo)
		if !slices.Contains(sheets, sheet) || d.Scope != sheet {
			t.Errorf("defined name %s (scope %q) refers to %q, not a sheet of %q", d.Name, d.Scope, d.RefersTo, sheets)
		}
		checked++
	}
	if checked < len(sheets) {
		t.Errorf("%d defined names for %d sheets: every sheet has a print area", checked, len(sheets))
	}

	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		x, _ := io.ReadAll(rc)
		return string(x)
	}
	formula := regexp.MustCompile(`<c:f>([^<]*)</c:f>|<f>([^<]*)</f>`)
	ser := regexp.MustCompile(`(?s)<(?:c:)?ser>.*?<(?:c:)?tx>.*?<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	var names []string
	for _, chart := range []string{"xl/charts/chart1.xml", "xl/charts/chart2.xml"} {
		x := part(chart)
		refs := formula.FindAllStringSubmatch(x, -1)
		if len(refs) == 0 {
			t.Fatalf("%s: no reference", chart)
		}
		for _, m := range refs {
			ref := m[1] + m[2]
			if sheet, _ := sheetOf(ref); !slices.Contains(sheets, sheet) {
				t.Errorf("%s: %q names no sheet of the workbook", chart, ref)
			}
		}
		for _, m := range ser.FindAllStringSubmatch(x, -1) {
			sheet, cells := sheetOf(m[1])
			v, err := f.GetCellValue(sheet, strings.ReplaceAll(cells, "$", ""))
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, v)
		}
	}
	if want := []string{"Réel Scope 1", "Réel Scope 2 (selon le marché)", "Réel Scope 3", "Cible (somme des cibles)", "Tendance", "Plan",
		"Scope 1", "Scope 2 selon le marché", "Scope 3"}; !slices.Equal(names, want) {
		t.Errorf("chart series %q, want %q", names, want)
	}
	if core := part("docProps/core.xml"); !strings.Contains(core, "<dc:language>fr</dc:language>") || !strings.Contains(core, "Inventaire GES") {
		t.Errorf("document properties not French: %s", core)
	}
}

// TestExportEnglishSheetNames: the sheet names of an English export are the ones the guide
// and users' links know, whatever the catalogue holds.
func TestExportEnglishSheetNames(t *testing.T) {
	e := demoInventory(t)
	b, _ := writeExportBytes(t, e)
	got := openWorkbook(t, b).GetSheetList()
	want := []string{"Summary", "ESRS E1-6", "Entities", "ESRS E1-5", "BEGES", "BEGES plan d'action", "Refrigerants", "Breakdown", "Trajectory",
		"Claim", "ESRS E1-7", "Uncertainty", "Changes", "Lines", "Factors", "Intensity", "Avoided", "Problems"}
	if !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
}
