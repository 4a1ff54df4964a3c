package emissions

import (
	"strings"
)

// Refrigerants by mass balance (docs/user-guide.md#refrigerant-registers). A sheet whose header names Gas and Recharged
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

// The equipment statuses of a register's Status column.
const (
	StatusInService = "in service"
	StatusNew       = "new"
	StatusRetired   = "retired"
)

// StatusLevels are the values the template's Status dropdown offers.
var StatusLevels = []string{StatusInService, StatusNew, StatusRetired}

// statusWords are the spellings of each status a register may use, folded (foldValue): in
// English and in French, in either gender (a machine is neuve, an équipement neuf).
var statusWords = map[string]string{
	"": StatusInService, "in service": StatusInService, "en service": StatusInService,
	"new": StatusNew, "installed": StatusNew, "neuf": StatusNew, "neuve": StatusNew, "mise en service": StatusNew,
	"mis en service": StatusNew, "installe": StatusNew, "installee": StatusNew,
	"retired": StatusRetired, "disposed": StatusRetired, "decommissioned": StatusRetired, "dismantled": StatusRetired,
	"hors service": StatusRetired, "mis au rebut": StatusRetired, "mise au rebut": StatusRetired, "demantele": StatusRetired,
	"demantelee": StatusRetired, "retire": StatusRetired, "retiree": StatusRetired, "mis hors service": StatusRetired,
	"mise hors service": StatusRetired,
}

// ParseStatus reads a Status cell in English or French, ignoring case, accents and spaces;
// blank is in service.
func ParseStatus(s string) (string, bool) {
	st, ok := statusWords[foldValue(s)]
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

// StatusLeak says how the leak of a unit of that status is computed.
func StatusLeak(status string) string {
	switch status {
	case StatusNew:
		return "recharged − charge − recovered"
	case StatusRetired:
		return "recharged + charge − recovered"
	}
	return "recharged − recovered"
}
