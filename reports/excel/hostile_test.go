package excel_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/reports"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

// TestExportEveryUserStringStaysText: every string a user typed — in a workbook (file and
// sheet names, site, pole, activity, unit, comment), in the config (site, custom factor id,
// name, unit and source, target and lever names) or in a problem message — that starts with
// =, +, - or @ is written as text, shown as typed, on every sheet that shows it, and no cell
// holds a formula built from it.
func TestExportEveryUserStringStaysText(t *testing.T) {
	const (
		file    = `=HYPERLINK("http://evil.example/","file")`
		sheet   = "+Energy"
		site    = "-2+3+cmd|' /C calc'!A0"
		pole    = "@SUM(1+1)*cmd|' /C calc'!A0"
		comment = "=1+1"
		custom  = "=custom.id"
		name    = "-custom name"
		source  = "@custom source"
		target  = "=target()"
		lever   = "+lever()"
		cfgSite = "=site"
		message = "@problem message"
	)
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", sheet)
	rows := [][]any{{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Comment"},
		{2023, site, pole, custom, 10, "kg", comment},
		{2024, site, pole, custom, 12, "kg", comment},
		{2024, site, pole, "fr.electricity.grid", 1000, "kWh", comment}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(sheet, cell, &r)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	lib, err := factors.Builtin("AR6")
	if err == nil {
		lib, err = lib.WithCustom([]factors.Factor{{ID: custom, Name: name, Value: 2, Unit: "kg", Scope: 3, Category: 1,
			Kind: factors.KindEmission, Source: source}})
	}
	if err != nil {
		t.Fatal(err)
	}
	in := &emissions.Input{}
	workbook.Read(in, file, &buf, workbook.Options{DefaultSite: cfgSite})
	inv := emissions.Calculate(in, emissions.Options{Library: lib, RowLines: true})
	if inv.Rows.Used != 3 {
		t.Fatalf("rows %+v, problems %v", inv.Rows, in.Problems.List())
	}
	in.Problems.Warnf("-cause", file, sheet, "A1", "%s", message)
	p := plan.Plan{BaseYear: 2023, Targets: []plan.Target{{Name: target, Scopes: []int{1, 2, 3}, Pathway: plan.PathwaySBTi15}},
		Levers: []plan.Lever{{Name: lever, Activities: []string{"*"}, ReductionPct: 10, StartYear: 2026, FullYear: 2028}}}
	traj, err := plan.Project(p, inv.Lines, lib, &in.Problems)
	if err != nil {
		t.Fatal(err)
	}
	years := emissions.Aggregate(inv.Lines, emissions.MethodMarket)
	e := reports.Report{Site: cfgSite, ReportingYear: 2024, GWP: "AR6", Scope2Method: emissions.MethodMarket, Years: years,
		Trajectory: traj, Targets: p.Targets, Lines: emissions.LineSlice(rowLinesOf(t, inv)), Library: lib, Rows: inv.Rows,
		Problems: in.Problems.List(), Errors: in.Problems.Errors(), Warnings: in.Problems.Warnings()}
	b, _ := writeExportBytes(t, e)
	wb := openWorkbook(t, b)

	// Where each string must be shown as typed: a cell whose value is the string, or for
	// names quoted in titles and headers, a cell that holds it.
	want := map[string][]string{
		file: {"Lines", "Problems"}, sheet: {"Lines", "Problems"}, site: {"Lines", "Breakdown"}, pole: {"Lines", "Breakdown"},
		comment: {"Lines"}, custom: {"Lines", "Factors", "Breakdown"}, name: {"Factors"}, source: {"Lines", "Factors"},
		target: {"Trajectory"}, lever: {"Trajectory"}, message: {"Problems"}, "-cause": {"Problems"},
	}
	found := map[string][]string{}
	for _, sh := range wb.GetSheetList() {
		rows, err := wb.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := wb.GetCellFormula(sh, ref)
				for s := range want {
					if formula != "" && strings.Contains(formula, strings.TrimLeft(s, "=+-@")) {
						t.Errorf("%s!%s is a formula %q built from the user's %q", sh, ref, formula, s)
					}
					if v == s && formula == "" && !slices.Contains(found[s], sh) {
						found[s] = append(found[s], sh)
					}
				}
				// Titles and headers quote names inside a sentence: "GHG inventory 2024 — =site",
				// "Target “=target()” (Scopes 1, 2, 3)".
				for _, s := range []string{cfgSite, target, lever} {
					if strings.Contains(v, s) && v != s && formula == "" && !slices.Contains(found[s], sh) {
						found[s] = append(found[s], sh)
					}
				}
			}
		}
	}
	want[cfgSite] = []string{"Summary"}
	for s, sheets := range want {
		for _, sh := range sheets {
			if !slices.Contains(found[s], sh) {
				t.Errorf("%q is not shown as typed on %s (found on %v)", s, sh, found[s])
			}
		}
	}
}
