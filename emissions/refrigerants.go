package emissions

import (
	"fmt"
	"math"
	"strings"
)

// Refrigerants by mass balance (issue 8 item 6). A sheet whose header names Gas and Recharged
// (whatever the sheet's name; `Refrigerants` by convention) holds, per equipment and year, the
// gas, its charge and the kg recharged and recovered. The leak is recharged − recovered (what
// was put back to make up for what escaped, less what was taken out and sent for treatment):
// it becomes an ordinary activity row of the gas's factor (`refrigerant.r-410a`, in kg), so a
// Kyoto gas's leak is a Scope 1 line (BEGES 1.4, fugitive) like any other row, and a gas
// outside the Kyoto basket (R-22, an HCFC) is reported apart (Inventory.Outside).
//
// An optional Status column follows the equipment through its life, as the GHG Protocol's
// mass balance does (emissions = gas put in + the capacity of units retired − the capacity of
// units installed − gas recovered): a unit installed during the year had its first fill,
// its charge, counted in Recharged, which is no leak (leak = recharged − charge −
// recovered); a unit retired during the year let escape what it held and was not recovered
// (leak = recharged + charge − recovered). Both need the Charge.

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

// refrigerantAliases are the spellings footprint knows without config: units in the header and
// the French words of a maintenance register.
var refrigerantAliases = Aliases{
	ColGas:       {"Refrigerant", "Fluid", "Fluide", "Gaz", "Fluide frigorigène"},
	ColEquipment: {"Équipement", "Installation", "Unit"},
	ColCharge:    {"Charge kg", "Charge (kg)", "Nominal charge", "Charge nominale"},
	ColRecharged: {"Recharged kg", "Recharged (kg)", "Recharge", "Recharge kg", "Rechargé", "Quantité rechargée"},
	ColRecovered: {"Recovered kg", "Recovered (kg)", "Récupéré", "Récupéré kg", "Quantité récupérée"},
	ColStatus:    {"Statut", "État", "Etat"},
}

// The equipment statuses of a register's Status column.
const (
	StatusInService = "in service"
	StatusNew       = "new"
	StatusRetired   = "retired"
)

// StatusLevels are the values the template's Status dropdown offers.
var StatusLevels = []string{StatusInService, StatusNew, StatusRetired}

// statusWords are the spellings of each status a register may use.
var statusWords = map[string]string{
	"": StatusInService, "in service": StatusInService, "en service": StatusInService,
	"new": StatusNew, "installed": StatusNew, "neuf": StatusNew, "mise en service": StatusNew, "installé": StatusNew,
	"retired": StatusRetired, "disposed": StatusRetired, "decommissioned": StatusRetired, "dismantled": StatusRetired,
	"hors service": StatusRetired, "mis au rebut": StatusRetired, "démantelé": StatusRetired, "retiré": StatusRetired,
}

// ParseStatus reads a Status cell, case- and space-insensitively; blank is in service.
func ParseStatus(s string) (string, bool) {
	st, ok := statusWords[strings.ToLower(strings.Join(strings.Fields(s), " "))]
	return st, ok
}

// RefrigerantRow is one row of a refrigerant sheet with its mass balance, kept for the
// export's Refrigerants sheet.
type RefrigerantRow struct {
	Place                        Place
	Year                         int
	Site, Pole, Equipment, Gas   string
	Activity                     string // the factor id the leak is computed with
	Charge, Recharged, Recovered float64
	HasCharge                    bool
	Status                       string  // StatusInService, StatusNew or StatusRetired
	Leak                         float64 // kg: Recharged − Recovered, − Charge if new, + Charge if retired
	Comment                      string
}

// refrigerantIndex is the header index of refrigerant sheets: config aliases, then the
// built-in ones.
func refrigerantIndex(aliases Aliases) headerIndex {
	all := Aliases{}
	for c, as := range refrigerantAliases {
		all[c] = append(all[c], as...)
	}
	for c, as := range aliases {
		all[c] = append(all[c], as...)
	}
	return newHeaderIndex(refrigerantColumns, all)
}

// refrigerantHeader reports whether a header row is a refrigerant sheet's (Gas and Recharged
// or Recovered, no Activity); it sets sr.pos, or reports a missing column and leaves it nil.
func (sr *sheetReader) refrigerantHeader(cells []string, row int) bool {
	idx := refrigerantIndex(sr.opts.Aliases)
	pos, _ := idx.match(cells)
	_, gas := pos[ColGas]
	_, rech := pos[ColRecharged]
	_, reco := pos[ColRecovered]
	if !gas || !rech && !reco {
		return false
	}
	if act, _ := newHeaderIndex([]Column{ColActivity}, sr.opts.Aliases).match(cells); len(act) > 0 {
		return false
	}
	sr.mass = true
	sr.header(idx, requiredRefrigerant, cells, row, false)
	return true
}

// RefrigerantID is the factor id of a gas as a register writes it: R-410A, R410a, HFC-134a,
// SF6; a text holding a dot is taken as a factor id as it is.
func RefrigerantID(gas string) string {
	g := strings.TrimSpace(gas)
	if strings.Contains(g, ".") {
		return g
	}
	k := strings.ToUpper(strings.NewReplacer(" ", "", "_", "-").Replace(g))
	for _, p := range []string{"HFC-", "HFO-", "HCFC-", "HFC", "HFO", "HCFC", "R-", "R"} {
		if strings.HasPrefix(k, p) && k != "SF6" {
			k = strings.TrimPrefix(k, p)
			break
		}
	}
	if k == "SF6" {
		return "refrigerant.sf6"
	}
	return "refrigerant.r-" + strings.ToLower(k)
}

func (sr *sheetReader) refrigerant(cells []string, row int) {
	sr.wb.rowsRead++
	if !sr.uncomputed(row, refrigerantColumns) {
		sr.wb.rejected++
		return
	}
	a := Activity{Place: Place{File: sr.file, Sheet: sr.sheet, Row: row}, Unit: "kg"}
	r := RefrigerantRow{Place: a.Place}
	ok := true
	fail := func(cause string, cell CellRef, format string, args ...any) {
		sr.reject(cause, cell, format, args...)
		ok = false
	}
	var y bool
	a.Year, y = sr.year(cells, row)
	ok = ok && y
	r.Gas, a.ActivityCell = sr.get(cells, ColGas, row)
	if r.Gas == "" {
		fail("activity-blank", a.ActivityCell, "Gas is blank; enter the refrigerant, such as R-410A, R-134a, R-32, R-404A, R-407C, R-1234yf, R-22 or SF6")
	}
	a.ID = RefrigerantID(r.Gas)
	kg := func(c Column, required bool) (float64, CellRef, bool) {
		raw, cell := sr.get(cells, c, row)
		if raw == "" {
			if required {
				fail("quantity", cell, "%s is blank; enter the kg (0 if none)", c)
			}
			return 0, cell, false
		}
		v, err := ParseNumber(raw)
		switch {
		case err != nil:
			fail("quantity", cell, "%s: %v; enter kg as a number ≥ 0", c, err)
		case v < 0:
			fail("quantity-negative", cell, "%s %v is negative; enter kg as a number ≥ 0", c, v)
		}
		return v, cell, err == nil
	}
	var recCell, chargeCell CellRef
	r.Recharged, recCell, _ = kg(ColRecharged, true)
	r.Recovered, _, _ = kg(ColRecovered, false)
	r.Charge, chargeCell, r.HasCharge = kg(ColCharge, false)
	a.QuantityCell, a.UnitCell = recCell, recCell
	statusRaw, statusCell := sr.get(cells, ColStatus, row)
	status, known := ParseStatus(statusRaw)
	if !known {
		fail("refrigerant-status", statusCell, "Status %q: want in service (or blank), new (installed this year) or retired (taken out of service this year)", clip(statusRaw))
	}
	r.Status = status
	switch {
	case status == StatusInService || !ok || r.HasCharge: // a Charge that does not parse has failed the row
	case chargeCell.Row == 0: // no Charge column: no cell of its own to point at
		fail("refrigerant-balance", statusCell, "Status %s: the sheet has no Charge column, and a %s unit's leak needs its charge (%s); add a Charge column with the nominal charge in kg", status, status, statusLeak(status))
	default:
		fail("refrigerant-balance", chargeCell, "Charge is blank: a %s unit's leak needs its charge (%s); enter the nominal charge in kg", status, statusLeak(status))
	}
	r.Leak = r.Recharged - r.Recovered
	switch status {
	case StatusNew:
		r.Leak -= r.Charge
	case StatusRetired:
		r.Leak += r.Charge
	}
	// Three figures typed with decimals need not add up exactly in binary (0.2 + 1.4 − 1.6 is
	// −2.2e-16): a balance within rounding of zero is zero, neither a negative leak to reject
	// nor a leak of a few ulps.
	if status != StatusInService && math.Abs(r.Leak) <= 1e-9*(r.Recharged+r.Recovered+r.Charge) {
		r.Leak = 0
	}
	if ok && r.Leak < 0 {
		switch status {
		case StatusNew:
			fail("refrigerant-balance", recCell, "Recharged %v kg is less than the %v kg charge plus %v kg recovered: a new unit's first fill counts in Recharged (leak = %s). If it came filled from the factory, leave Status blank", r.Recharged, r.Charge, r.Recovered, statusLeak(status))
		case StatusRetired:
			fail("refrigerant-balance", recCell, "Recovered %v kg is more than the %v kg charge plus %v kg recharged: the mass balance gives a negative leak (%s); check the three figures", r.Recovered, r.Charge, r.Recharged, statusLeak(status))
		default:
			fail("refrigerant-balance", recCell, "Recovered %v kg is more than Recharged %v kg: the mass balance gives a negative leak. Gas recovered from equipment taken out of service: set its Status to retired, so that its charge counts; otherwise check both figures", r.Recovered, r.Recharged)
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
		if q, known := ParseQuality(raw); known {
			a.Quality = q
		} else {
			fail("quality", cell, "Quality %q: want measured, calculated or estimated, or leave it blank", clip(raw))
		}
	}
	if !ok {
		sr.wb.rejected++
		return
	}
	if status == StatusInService && r.HasCharge && r.Leak > r.Charge && r.Charge > 0 {
		sr.problems.Warnf("refrigerant-leak-rate", sr.file, sr.sheet, recCell.String(), "equipment %q leaked %v kg of %s in %d, more than its %v kg charge; check the figures (a recharge is counted in the year it is made)", clip(r.Equipment), r.Leak, clip(r.Gas), a.Year, r.Charge)
	}
	a.Site, a.Pole, a.Quantity = r.Site, r.Pole, r.Leak
	balance := fmt.Sprintf("recharged %v kg − recovered %v kg", r.Recharged, r.Recovered)
	switch status {
	case StatusNew:
		balance = fmt.Sprintf("new: recharged %v kg − charge %v kg − recovered %v kg", r.Recharged, r.Charge, r.Recovered)
	case StatusRetired:
		balance = fmt.Sprintf("retired: recharged %v kg + charge %v kg − recovered %v kg", r.Recharged, r.Charge, r.Recovered)
	}
	a.Comment = strings.TrimSpace(fmt.Sprintf("mass balance %s: %s. %s", r.Equipment, balance, r.Comment))
	r.Year, r.Activity = a.Year, a.ID
	// kept for the reports: a cell's string may point into a reader's buffer
	r.Site, r.Pole, r.Equipment, r.Gas, r.Comment = strings.Clone(r.Site), strings.Clone(r.Pole), strings.Clone(r.Equipment), strings.Clone(r.Gas), strings.Clone(r.Comment)
	sr.in.Refrigerants = append(sr.in.Refrigerants, r)
	if sr.in.Calc != nil {
		sr.in.Calc.Add(&a)
	} else {
		sr.in.Activities = append(sr.in.Activities, a)
	}
}

// statusLeak says how the leak of a unit of that status is computed.
func statusLeak(status string) string {
	switch status {
	case StatusNew:
		return "recharged − charge − recovered"
	case StatusRetired:
		return "recharged + charge − recovered"
	}
	return "recharged − recovered"
}
