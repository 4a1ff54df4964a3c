package workbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
)

// The reading of refrigerant registers: their columns, built-in French spellings and rows. The
// mass balance itself is the emissions package's (RefrigerantRow).

// Columns of a refrigerant sheet.
const (
	ColEquipment Column = "Equipment"
	ColGas       Column = "Gas"
	ColCharge    Column = "Charge"
	ColRecharged Column = "Recharged"
	ColRecovered Column = "Recovered"
	ColStatus    Column = "Status"
)

var refrigerantColumns = []Column{ColYear, ColGas, ColRecharged, ColSite, ColPole, ColEquipment, ColCharge, ColRecovered, ColComment, ColQuality, ColStatus}

var requiredRefrigerant = []Column{ColYear, ColGas, ColRecharged}

// refrigerantIndex is the header index of refrigerant sheets (the built-in spellings of their
// columns are in builtinAliases).
func refrigerantIndex(aliases Aliases) headerIndex {
	return newHeaderIndex(refrigerantColumns, aliases)
}

func (sr *sheetReader) refrigerant(cells []string, row int) {
	sr.wb.rowsRead++
	if ok := sr.uncomputed(row, refrigerantColumns); !sr.booleans(cells, row, refrigerantColumns) || !ok {
		sr.rejectRow(sr.quietYear(cells, row))
		return
	}
	a := emissions.Activity{Place: emissions.Place{File: sr.file, Sheet: sr.sheet, Row: row}, Unit: "kg"}
	r := emissions.RefrigerantRow{Place: a.Place}
	ok := true
	l := sr.lang()
	fail := func(cause string, cell emissions.CellRef, msg string) {
		sr.reject(cause, cell, msg)
		ok = false
	}
	var y bool
	a.Year, y = sr.year(cells, row)
	ok = ok && y
	if y {
		sr.readYear(a.Year)
	}
	r.Gas, a.ActivityCell = sr.get(cells, ColGas, row)
	if r.Gas == "" {
		fail("activity-blank", a.ActivityCell, l.T("Gas is blank; enter the refrigerant, such as R-410A, R-134a, R-32, R-404A, R-407C, R-1234yf, R-22 or SF6"))
	}
	a.ID = emissions.RefrigerantID(r.Gas)
	kg := func(c Column, required bool) (float64, emissions.CellRef, bool) {
		raw, cell := sr.get(cells, c, row)
		if raw == "" {
			if required {
				fail("quantity", cell, l.T("%s is blank; enter the kg (0 if none)", sr.col(c)))
			}
			return 0, cell, false
		}
		v, err := ParseNumber(l, raw)
		switch {
		case err != nil:
			fail("quantity", cell, l.T("%s: %v; enter kg as a number ≥ 0", sr.col(c), err))
		case v < 0:
			fail("quantity-negative", cell, l.T("%s %s is negative; enter kg as a number ≥ 0", sr.col(c), fmt.Sprint(v)))
		}
		return v, cell, err == nil
	}
	var recCell, chargeCell emissions.CellRef
	r.Recharged, recCell, _ = kg(ColRecharged, true)
	r.Recovered, _, _ = kg(ColRecovered, false)
	r.Charge, chargeCell, r.HasCharge = kg(ColCharge, false)
	a.QuantityCell, a.UnitCell = recCell, recCell
	statusRaw, statusCell := sr.get(cells, ColStatus, row)
	status, known := emissions.ParseStatus(statusRaw)
	if !known {
		fail("refrigerant-status", statusCell, l.T("Status %q: want in service (or blank), new (installed this year) or retired (taken out of service this year)", emissions.Clip(statusRaw)))
	}
	r.Status = status
	switch {
	case status == emissions.StatusInService || !ok || r.HasCharge: // a Charge that does not parse has failed the row
	case chargeCell.Row == 0 && status == emissions.StatusNew: // no Charge column: no cell of its own to point at
		fail("refrigerant-balance", statusCell, l.T("Status new: the sheet has no Charge column, and a new unit's leak needs its charge (recharged − charge − recovered); add a Charge column with the nominal charge in kg"))
	case chargeCell.Row == 0:
		fail("refrigerant-balance", statusCell, l.T("Status retired: the sheet has no Charge column, and a retired unit's leak needs its charge (recharged + charge − recovered); add a Charge column with the nominal charge in kg"))
	case status == emissions.StatusNew:
		fail("refrigerant-balance", chargeCell, l.T("Charge is blank: a new unit's leak needs its charge (recharged − charge − recovered); enter the nominal charge in kg"))
	default:
		fail("refrigerant-balance", chargeCell, l.T("Charge is blank: a retired unit's leak needs its charge (recharged + charge − recovered); enter the nominal charge in kg"))
	}
	r.Leak = r.Recharged - r.Recovered
	switch status {
	case emissions.StatusNew:
		r.Leak -= r.Charge
	case emissions.StatusRetired:
		r.Leak += r.Charge
	}
	// Three figures typed with decimals need not add up exactly in binary (0.2 + 1.4 − 1.6 is
	// −2.2e-16): a balance within rounding of zero is zero, neither a negative leak to reject
	// nor a leak of a few ulps.
	if status != emissions.StatusInService && math.Abs(r.Leak) <= 1e-9*(r.Recharged+r.Recovered+r.Charge) {
		r.Leak = 0
	}
	if ok && r.Leak < 0 {
		switch status {
		case emissions.StatusNew:
			fail("refrigerant-balance", recCell, l.T("Recharged %s kg is less than the %s kg charge plus %s kg recovered: a new unit's first fill counts in Recharged (leak = recharged − charge − recovered). If it came filled from the factory, leave Status blank",
				fmt.Sprint(r.Recharged), fmt.Sprint(r.Charge), fmt.Sprint(r.Recovered)))
		case emissions.StatusRetired:
			fail("refrigerant-balance", recCell, l.T("Recovered %s kg is more than the %s kg charge plus %s kg recharged: the mass balance gives a negative leak (recharged + charge − recovered); check the three figures",
				fmt.Sprint(r.Recovered), fmt.Sprint(r.Charge), fmt.Sprint(r.Recharged)))
		default:
			fail("refrigerant-balance", recCell, l.T("Recovered %s kg is more than Recharged %s kg: the mass balance gives a negative leak. Gas recovered from equipment taken out of service: set its Status to retired, so that its charge counts; otherwise check both figures",
				fmt.Sprint(r.Recovered), fmt.Sprint(r.Recharged)))
		}
	}
	r.Site, _ = sr.get(cells, ColSite, row)
	if r.Site == "" {
		r.Site = sr.opts.DefaultSite
	}
	r.Pole, _ = sr.get(cells, ColPole, row)
	r.Equipment, _ = sr.get(cells, ColEquipment, row)
	r.Comment, _ = sr.get(cells, ColComment, row)
	if raw, cell := sr.get(cells, ColQuality, row); raw != "" {
		if q, known := emissions.ParseQuality(raw); known {
			a.Quality = q
		} else {
			fail("quality", cell, l.T("Quality %q: want measured, calculated or estimated, or leave it blank", emissions.Clip(raw)))
		}
	}
	if !ok {
		sr.rejectRow(a.Year)
		return
	}
	if status == emissions.StatusInService && r.HasCharge && r.Leak > r.Charge && r.Charge > 0 {
		sr.problems.Warnf("refrigerant-leak-rate", sr.file, sr.sheet, recCell.String(), "%s", l.T("equipment %q leaked %s kg of %s in %v, more than its %s kg charge; check the figures (a recharge is counted in the year it is made)",
			emissions.Clip(r.Equipment), fmt.Sprint(r.Leak), emissions.Clip(r.Gas), lang.Year(a.Year), fmt.Sprint(r.Charge)))
	}
	a.Site, a.Pole, a.Quantity = r.Site, r.Pole, r.Leak
	balance := fmt.Sprintf("recharged %v kg − recovered %v kg", r.Recharged, r.Recovered)
	switch status {
	case emissions.StatusNew:
		balance = fmt.Sprintf("new: recharged %v kg − charge %v kg − recovered %v kg", r.Recharged, r.Charge, r.Recovered)
	case emissions.StatusRetired:
		balance = fmt.Sprintf("retired: recharged %v kg + charge %v kg − recovered %v kg", r.Recharged, r.Charge, r.Recovered)
	}
	a.Comment = strings.TrimSpace(fmt.Sprintf("mass balance %s: %s. %s", r.Equipment, balance, r.Comment))
	r.Year, r.Activity = a.Year, a.ID
	// kept for the reports: a cell's string may point into a reader's buffer
	r.Site, r.Pole, r.Equipment, r.Gas, r.Comment = strings.Clone(r.Site), strings.Clone(r.Pole), strings.Clone(r.Equipment), strings.Clone(r.Gas), strings.Clone(r.Comment)
	sr.in.Refrigerants = append(sr.in.Refrigerants, r)
	if sr.in.Sink != nil {
		sr.in.Sink.Add(&a)
	} else {
		sr.in.Activities = append(sr.in.Activities, a)
	}
}
