package emissions

import (
	"strconv"
	"strings"
)

// RowResult is what one activity row gave: its emissions under each Scope 2 method, what it
// avoided, the factor of its main part, or the errors that rejected it. annotate writes it next
// to the row.
type RowResult struct {
	// Location and Market are the row's tCO2e in the location- and market-based totals:
	// direct plus upstream; they differ only for grid electricity.
	Location, Market float64
	// Avoided is the tCO2e of an avoided-emissions row (never in a total).
	Avoided float64
	// Main is the row's direct, reported or avoided line (location-based for electricity):
	// its scope, category, factor and source. Nil for a rejected row.
	Main *Line
	// Upstream is the factor's upstream part (kgCO2e per factor unit, Scope 3 category 3).
	Upstream float64
	// Errors are the messages of the problems that rejected the row.
	Errors []string
}

// RowResults gathers the lines of every row, and the errors found at a row, by place. Lines
// come from Inventory.RowLines, rejected rows from Problems.Rejected (Problems.KeepRejected),
// so that every rejected row has its message.
func RowResults(lines LineSource, rejected RejectedSource) (map[Place]*RowResult, error) {
	out := map[Place]*RowResult{}
	get := func(p Place) *RowResult {
		r := out[p]
		if r == nil {
			r = &RowResult{}
			out[p] = r
		}
		return r
	}
	err := lines.Each(func(l *Line) error {
		get(l.Place).Add(l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = rejected.Each(func(p *Rejected) error {
		r := get(p.Place)
		r.Errors = append(r.Errors, p.Message)
		return nil
	})
	return out, err
}

// Add folds one of the row's lines into r: all the row's lines in their order, then its lines
// outside the scopes, give what RowResults gives. l may be reused once Add returns.
func (r *RowResult) Add(l *Line) {
	if l.Part == PartOutside { // a non-Kyoto gas: in no total
		if r.Main == nil {
			m := *l
			r.Main = &m
		}
		return
	}
	if l.InLocation() {
		r.Location += l.TCO2e
	}
	if l.InMarket() {
		r.Market += l.TCO2e
	}
	switch {
	case l.Part == PartAvoided:
		r.Avoided += l.TCO2e
	case l.Part == PartUpstream:
		r.Upstream = l.FactorValue
		return
	case l.Method == MethodMarket && l.Part != PartReported:
		return // a market-based share of an electricity line
	}
	if r.Main == nil {
		m := *l
		r.Main = &m
	}
}

// RejectedRow is the row an error problem was found at, if it names one: the row whose
// annotation carries its message.
func (p Problem) RejectedRow() (Place, bool) {
	if p.Severity != SeverityError || p.Sheet == "" {
		return Place{}, false
	}
	row := cellRow(p.Cell)
	if row == 0 {
		return Place{}, false
	}
	return Place{File: p.File, Sheet: p.Sheet, Row: row}, true
}

// cellRow is the row of an A1 reference, 0 when there is none.
func cellRow(cell string) int {
	digits := strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$")
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 {
		return 0
	}
	return n
}
