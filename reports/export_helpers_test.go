package reports_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	fp "github.com/footprint/footprint"
	"github.com/footprint/footprint/config"
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/reports"
	"github.com/xuri/excelize/v2"
)

// The golden files under testdata/ are rewritten with `go test ./reports -update`. The flag is
// registered here only if no other test file of the binary has registered it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// demoInventory computes the built-in demo the way `footprint report` does, without the
// command line: the embedded config and workbook, the factor library, the trajectory, the
// claim check.
func demoInventory(t testing.TB) reports.Export { return demoInventoryWith(t, nil) }

// lastDemoInventory is the inventory demoInventoryWith computed last (the tests that use it
// do not run in parallel).
var lastDemoInventory *emissions.Inventory

// demoInventoryWith is demoInventory with the demo's config changed by edit first.
func demoInventoryWith(t testing.TB, edit func(*config.Config)) reports.Export {
	t.Helper()
	builtin, err := fs.ReadFile(fp.Builtin, "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(config.Options{Path: "", Builtin: builtin, Env: func(string) (string, bool) { return "", false }})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Path != "" {
		t.Fatalf("a config.yaml in the test folder (%s) would replace the built-in demo", cfg.Path)
	}
	if edit != nil {
		edit(cfg)
	}
	lib, err := factors.Builtin(cfg.Factors.GWP)
	if err == nil {
		lib, err = lib.WithCustom(cfg.CustomFactors())
	}
	if err != nil {
		t.Fatal(err)
	}
	in := &emissions.Input{}
	for _, p := range cfg.Inputs {
		r, err := fp.Builtin.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		in.ReadWorkbook(p, r, emissions.LoadOptions{Aliases: cfg.Aliases(), DefaultSite: cfg.Site})
		r.Close()
	}
	org := cfg.OrganisationModel()
	inv := emissions.Calculate(in, emissions.Options{Library: lib, ResidualMix: cfg.ResidualMix(), FreshnessYears: cfg.FreshnessYears, RowLines: true, Organisation: org})
	lastDemoInventory = inv
	method := cfg.Trajectory.Scope2Method
	years := emissions.Aggregate(inv.Lines, method)
	traj, err := emissions.Project(cfg.Plan(), inv.Lines, lib, &in.Problems)
	if err != nil {
		t.Fatal(err)
	}
	uopts := cfg.UncertaintyOptions()
	uopts.Library = lib
	reporting := years[len(years)-1].Year
	plan := cfg.Plan()
	check, err := emissions.CheckClaims(plan, inv.Lines, traj, lib, uopts)
	if err != nil {
		t.Fatal(err)
	}
	claim := reports.Claim{Check: check, Reductions: emissions.Reductions(inv.Lines, plan.BasePolicy, traj), Credits: plan.Credits, Removals: plan.Removals}
	energy := reports.EnergyTables{Energy: emissions.Energy(inv, cfg.EnergyOptions(lib), &in.Problems),
		Beges: emissions.Beges(inv.Lines, inv.Outside, lib, cfg.UncertaintyDefaultPct), Refrigerants: in.Refrigerants, Outside: inv.Outside}
	return reports.Export{Claim: claim, EnergyTables: energy, Site: cfg.Site, ReportingYear: reporting, GWP: cfg.Factors.GWP, Scope2Method: method,
		Years: years, Trajectory: traj, Targets: cfg.Plan().Targets, Lines: emissions.LineSlice(rowLinesOf(t, inv)), Library: lib,
		Rows: inv.Rows, Problems: in.Problems.List(), Errors: in.Problems.Errors(), Warnings: in.Problems.Warnings(),
		Uncertainty: emissions.ComputeUncertainty(inv.Lines, uopts), Changes: emissions.Changes(inv.Lines, method, cfg.Plan().BasePolicy, traj.BaseYear, reporting),
		Analysis: reports.Analysis{Avoided: emissions.AvoidedByActivity(inv.Lines), Denominators: cfg.Denominators(),
			Intensities:    emissions.Intensities(years, method, cfg.Denominators()),
			IntensityPaths: emissions.IntensityPaths(cfg.IntensityTargets(), cfg.Denominators(), years, method, traj.BaseYear, traj.TargetYear, &in.Problems)},
		Regulatory: demoRegulatory(cfg, org, inv.Lines)}

}

// writeExportBytes writes e and returns the workbook's bytes.
func writeExportBytes(t testing.TB, e reports.Export) ([]byte, []emissions.Problem) {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := reports.WriteExport(&buf, e)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

func openWorkbook(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// sheetCells is one sheet read back: raw values by A1 reference, and the rows in order.
type sheetCells struct {
	rows [][]string // raw values, row by row from row 1
}

func (s sheetCells) at(col, row int) string {
	if row < 1 || row > len(s.rows) || col < 1 || col > len(s.rows[row-1]) {
		return ""
	}
	return s.rows[row-1][col-1]
}

// findRow returns the 1-based row whose column A is label, or 0.
func (s sheetCells) findRow(label string) int {
	for i, r := range s.rows {
		if len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	return 0
}

func readSheet(t testing.TB, f *excelize.File, sheet string) sheetCells {
	t.Helper()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var s sheetCells
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		s.rows = append(s.rows, cols)
	}
	if err := rows.Error(); err != nil {
		t.Fatal(err)
	}
	return s
}

// dumpCells lists every non-empty cell of every sheet, one per line: sheet!cell, its type
// (n number, s text, str formula with a text value, b boolean, e error), its raw value, its
// number format for numbers, its formula if any. It is what the golden files compare: cell by
// cell, not zip bytes.
func dumpCells(t testing.TB, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	formats := map[int]string{}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		for r, row := range readSheet(t, f, sheet).rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := f.GetCellFormula(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if v == "" && formula == "" {
					continue
				}
				typ, err := f.GetCellType(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				kind := map[excelize.CellType]string{excelize.CellTypeUnset: "n", excelize.CellTypeNumber: "n",
					excelize.CellTypeSharedString: "s", excelize.CellTypeInlineString: "s", excelize.CellTypeFormula: "str",
					excelize.CellTypeBool: "b", excelize.CellTypeError: "e", excelize.CellTypeDate: "d"}[typ]
				line := fmt.Sprintf("%s!%s\t%s\t%s", sheet, ref, kind, strconv.Quote(v))
				if kind == "n" {
					id, err := f.GetCellStyle(sheet, ref)
					if err != nil {
						t.Fatal(err)
					}
					format, ok := formats[id]
					if !ok {
						st, err := f.GetStyle(id)
						if err != nil {
							t.Fatal(err)
						}
						format = strconv.Itoa(st.NumFmt)
						if st.CustomNumFmt != nil {
							format = *st.CustomNumFmt
						}
						formats[id] = format
					}
					line += "\t" + format
				}
				if formula != "" {
					line += "\t=" + formula
				}
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

// rowLinesOf collects the lines of every row of an inventory.
func rowLinesOf(t testing.TB, inv *emissions.Inventory) []emissions.Line {
	t.Helper()
	var out []emissions.Line
	if err := inv.RowLines().Each(func(l *emissions.Line) error {
		out = append(out, *l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// demoRegulatory is what cmd/footprint's regulatory() gathers, for the demo's config.
func demoRegulatory(cfg *config.Config, org *emissions.Organisation, lines []emissions.Line) *reports.Regulatory {
	flags := cfg.ESRSFlags()
	reg := &reports.Regulatory{Organisation: org, Entities: emissions.EntityBreakdown(lines, org),
		Figures: emissions.ESRSFigures(lines, flags), Milestones: cfg.Milestones(),
		ETSFlagged: len(flags.ETSSites)+len(flags.ETSActivities) > 0, CloudFlagged: len(flags.CloudActivities) > 0}
	reg.Scope3Included, reg.Scope3Excluded = cfg.Scope3Reasons()
	reg.NetRevenue, reg.RevenueBasis = cfg.NetRevenueDenominator()
	return reg
}

// linesOf returns the lines of an export made by the tests, which hold them in memory.
func linesOf(e reports.Export) emissions.LineSlice {
	return e.Lines.(emissions.LineSlice)
}
