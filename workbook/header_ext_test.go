package workbook_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/internal/xlsxtest"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

// filledTemplate is the input template with one row on Energy, changed by edit.
func filledTemplate(t *testing.T, edit func(t *testing.T, f *excelize.File)) []byte {
	t.Helper()
	lib, err := factors.Builtin("AR6")
	must(t, err)
	var buf bytes.Buffer
	must(t, workbook.WriteTemplate(&buf, workbook.Template{Factors: lib.All(), Site: "Main"}))
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	must(t, f.SetSheetRow("Energy", "A2", &[]any{2024, "Main", nil, "fr.electricity.grid", 1000, "kWh"}))
	if edit != nil {
		edit(t, f)
	}
	var out bytes.Buffer
	must(t, f.Write(&out))
	return out.Bytes()
}

// readOnly reads one workbook with no config and checks that it gives exactly one activity,
// the Energy row, and no problem: the template's own sheets (Help, Examples, Lists) are
// neither read nor warned about.
func readOnly(t *testing.T, data []byte) {
	t.Helper()
	in := &emissions.Input{}
	workbook.Read(in, "template.xlsx", bytes.NewReader(data), workbook.Options{DefaultSite: "Main"})
	for _, p := range in.Problems.List() {
		t.Errorf("problem: %s", p)
	}
	if len(in.Activities) != 1 || in.Activities[0].Place.Sheet != "Energy" {
		t.Errorf("activities %+v, want the one Energy row", in.Activities)
	}
}

// footprint knows its template's own sheets by the mark the template puts on them, not by
// their names: renamed or translated, they are still skipped in silence.
func TestTemplateSheetsAreNotRead(t *testing.T) {
	cases := []struct {
		name string
		edit func(t *testing.T, f *excelize.File)
	}{
		{"as written", nil},
		{"renamed by a French team", func(t *testing.T, f *excelize.File) {
			for from, to := range map[string]string{"Help": "Aide", "Examples": "Exemples", "Lists": "Listes"} {
				must(t, f.SetSheetName(from, to))
			}
		}},
		{"written before the mark", func(t *testing.T, f *excelize.File) {
			for _, sh := range []string{"Help", "Examples", "Lists"} {
				must(t, f.DeleteDefinedName(&excelize.DefinedName{Name: "footprint_template_sheet", Scope: sh}))
			}
		}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) { readOnly(t, filledTemplate(t, tt.edit)) })
	}
}

// A sheet of the team's own named like a template sheet is read like any other.
func TestSheetNamedExamplesIsRead(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "Examples"))
	must(t, f.SetSheetRow("Examples", "A1", &[]any{"Year", "Activity", "Quantity", "Unit"}))
	must(t, f.SetSheetRow("Examples", "A2", &[]any{2024, "fr.electricity.grid", 1000, "kWh"}))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	in := &emissions.Input{}
	workbook.Read(in, "own.xlsx", bytes.NewReader(buf.Bytes()), workbook.Options{DefaultSite: "Main"})
	if len(in.Activities) != 1 || in.Problems.Fatal() > 0 {
		t.Errorf("activities %+v, problems %v: want the Examples row read", in.Activities, in.Problems.List())
	}
}

// The mark survives a save by LibreOffice, renamed sheets and all.
func TestTemplateMarkSurvivesLibreOffice(t *testing.T) {
	soffice := xlsxtest.LibreOffice(t)
	data := filledTemplate(t, func(t *testing.T, f *excelize.File) {
		must(t, f.SetSheetName("Examples", "Exemples"))
	})
	dir := t.TempDir()
	in := filepath.Join(dir, "template.xlsx")
	must(t, os.WriteFile(in, data, 0o644))
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	saved, err := os.ReadFile(filepath.Join(out, "template.xlsx"))
	must(t, err)
	readOnly(t, saved)
}

// annotate finds the header below a title: its columns go after the last used column, their
// headers on the header row, and the copy reads back with the same rows and no warning about
// its own columns.
func TestAnnotateBelowTitle(t *testing.T) {
	cfg := annotateConfig(t)
	f := excelize.NewFile()
	for i, r := range [][]any{
		{"Energy consumption 2024"},
		{"Source: meter readings"},
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
		{2024, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 1000, "kWh"},
		{2024, "Flins", "RE-TROFIT", "fr.nope", 1000, "kWh"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	must(t, f.MergeCell("Sheet1", "A1", "F1"))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	f.Close()
	copied, fallback := annotateBoth(t, cfg, buf.Bytes())
	if fallback != "" {
		a, _ := annotationOf(t, cfg, buf.Bytes())
		var out bytes.Buffer
		_, err := workbook.WriteAnnotatedExcelize(bytes.NewReader(buf.Bytes()), &out, a)
		must(t, err)
		copied = out.Bytes()
	}
	g := xlsxtest.Open(t, copied)
	defer g.Close()
	rows := xlsxtest.Rows(t, g, "Sheet1")
	if len(rows[0]) > 6 || len(rows[1]) > 6 {
		t.Errorf("the title rows gained cells: %q, %q", rows[0], rows[1])
	}
	if len(rows[2]) < 7 || rows[2][6] != workbook.AnnotateHeaders[0] {
		t.Fatalf("header row %q: want %q in G3", rows[2], workbook.AnnotateHeaders[0])
	}
	if len(rows[3]) < 7 || rows[3][6] == "" {
		t.Errorf("row 4 %q: no tCO2e in G4", rows[3])
	}
	again := &emissions.Input{}
	workbook.Read(again, "in.xlsx", bytes.NewReader(copied), workbook.Options{Aliases: cfg.Aliases(), DefaultSite: cfg.Site})
	for _, p := range again.Problems.List() {
		if p.Cause == "unknown-column" {
			t.Errorf("the copy's own column is warned about: %s", p)
		}
	}
}
