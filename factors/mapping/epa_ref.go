package mapping

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// cellCheck pins a cell of the EPA sheet to its expected text (exactly, or as a substring).
type cellCheck struct {
	row      int
	col      string
	want     string
	contains bool
}

func (c cellCheck) check(e *datasets.EPA) error {
	if !c.contains {
		return e.Expect(c.row, c.col, c.want)
	}
	if got := e.Cell(c.row, c.col); !strings.Contains(got, c.want) {
		return fmt.Errorf("%s: sheet %q cell %s%d is %q, want it to contain %q (has the layout changed?)", e.Path, datasets.EPASheet, c.col, c.row, got, c.want)
	}
	return nil
}

// epaRow reads one row of an EPA table: CO2 in co2 (×co2Mult to kg per product unit), CH4 and
// N2O masses in ch4/n2o (×ghgMult to kg, then × the Hub's GWPs); a column left empty is not
// read (Table 2 gives CO2 only). Table 9 rows are already CO2e: co2 is then that column.
type epaRow struct {
	table         string // "Table 6"
	row           int
	label         string // column C of row
	co2, ch4, n2o string
	co2Mult       float64
	ghgMult       float64
	checks        []cellCheck
	co2e          bool     // the co2 column is already CO2e (Table 9)
	grossLoss     string   // optional: the column of the grid gross loss (Table 6), stated in notes
	yearFrom      yearCell // optional: where the data year is stated
	note          string
}

// epaGWP is the Hub's GWP set, stated in its header (rows 7–10: CH4 28, N2O 265, "Fifth
// Assessment Report (AR5)"), which epaGWPCell pins.
const epaGWP = "AR5"

var epaGWPCell = cellCheck{10, "C", "Fifth Assessment Report (AR5)", true}

// yearCell finds a data year in a cell with a regexp whose first group is the year.
type yearCell struct {
	row int
	col string
	re  string
}

func (r epaRow) resolve(s *sources, e entry) (factors.Factor, error) {
	x := s.epa
	f := factors.Factor{
		GWP:      epaGWP,
		Source:   fmt.Sprintf("US EPA GHG Emission Factors Hub 2025, %s, sheet '%s' row %d (%s)", r.table, datasets.EPASheet, r.row, r.label),
		Dataset:  epaDataset,
		Version:  epaVersion,
		SourceID: fmt.Sprintf("%s row %d", r.table, r.row),
		License:  epaLicense,
		Region:   "US",
		Notes:    r.note,
	}
	for _, c := range append([]cellCheck{{row: r.row, col: "C", want: r.label}, epaGWPCell}, r.checks...) {
		if err := c.check(x); err != nil {
			return f, err
		}
	}
	co2, err := x.Num(r.row, r.co2)
	if err != nil {
		return f, err
	}
	f.Value = co2 * r.co2Mult
	if r.co2e {
		// Table 9 is already CO2e, from WARM, on AR4 (note pinned by epaT9, row 499).
		f.GWP = "AR4"
		f.Derivation = fmt.Sprintf("value = cell %s%d (%s) × %s (unit conversion)", r.co2, r.row, fmtNum(co2), fmtNum(r.co2Mult))
	} else {
		f.Derivation = fmt.Sprintf("value = CO2 %s%d (%s) × %s", r.co2, r.row, fmtNum(co2), fmtNum(r.co2Mult))
		// CO2 alone is the same in every GWP set: its split lets it follow the configured one.
		f.Gases = &factors.Gases{CO2: f.Value}
	}
	if r.ch4 != "" {
		ch4, err := x.Num(r.row, r.ch4)
		if err != nil {
			return f, err
		}
		n2o, err := x.Num(r.row, r.n2o)
		if err != nil {
			return f, err
		}
		// The recompute on another set divides by the library's AR5 GWPs: they must be the Hub's.
		for _, c := range []struct {
			species string
			hub     float64
		}{{"CH4", x.GWPCH4}, {"N2O", x.GWPN2O}} {
			if v, err := s.gwp.Value(c.species, epaGWP); err != nil || v != c.hub {
				return f, fmt.Errorf("%s: the Hub's GWP of %s is %s, not the %s value of %s (%v)", x.Path, c.species, fmtNum(c.hub), epaGWP, gwpFile, err)
			}
		}
		g := &factors.Gases{CO2: f.Value, CH4: ch4 * r.ghgMult * x.GWPCH4, N2O: n2o * r.ghgMult * x.GWPN2O}
		f.Value = g.CO2 + g.CH4 + g.N2O
		f.Gases = g
		f.Derivation += fmt.Sprintf(" + CH4 %s%d (%s) × %s × GWP %s + N2O %s%d (%s) × %s × GWP %s (the Hub's AR5 GWPs, rows 8–9)",
			r.ch4, r.row, fmtNum(ch4), fmtNum(r.ghgMult), fmtNum(x.GWPCH4), r.n2o, r.row, fmtNum(n2o), fmtNum(r.ghgMult), fmtNum(x.GWPN2O))
	}
	if r.grossLoss != "" {
		loss, err := x.Num(r.row, r.grossLoss)
		if err != nil {
			return f, err
		}
		if err := x.Expect(337, r.grossLoss, "Grid Gross Loss (%)"); err != nil {
			return f, err
		}
		if err := (cellCheck{372, "C", "Scope 3 Category 3", true}).check(x); err != nil {
			return f, err
		}
		if !(loss > 0 && loss < 1) {
			return f, fmt.Errorf("%s: sheet %q cell %s%d: grid gross loss %v is not a fraction between 0 and 1", x.Path, datasets.EPASheet, r.grossLoss, r.row, loss)
		}
		// The electricity lost in transmission and distribution was generated too: per kWh
		// delivered, GGL / (1 − GGL) kWh more were generated, at the grid's rate (Scope 3
		// category 3, activity C of the GHG Protocol).
		f.Upstream = f.Value * loss / (1 - loss)
		f.Derivation += fmt.Sprintf("; upstream = T&D losses = value × GGL / (1 − GGL), GGL = eGRID grid gross loss %s (cell %s%d, Table 6 note: "+
			"for Scope 3 category 3 activity C) = %s × %s / %s", fmtNum(loss), r.grossLoss, r.row, fmtNum(f.Value), fmtNum(loss), fmtNum(1-loss))
	}
	if r.yearFrom.re != "" {
		m := regexp.MustCompile(r.yearFrom.re).FindStringSubmatch(x.Cell(r.yearFrom.row, r.yearFrom.col))
		if m == nil {
			return f, fmt.Errorf("%s: sheet %q cell %s%d: no data year matching %q", x.Path, datasets.EPASheet, r.yearFrom.col, r.yearFrom.row, r.yearFrom.re)
		}
		f.DataYear, _ = strconv.Atoi(m[1])
	} else {
		// The table's source names no data year (Tables 1, 2 and 7: 40 CFR Part 98): the
		// edition's year, as for a DESNZ set.
		f.DataYear, _ = strconv.Atoi(epaVersion)
		f.Derivation += "; data year = the Hub's edition (the table's source names none)"
	}
	return f, nil
}
