package emissions_test

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

func TestRefrigerantMassBalance(t *testing.T) {
	wb := xlsx(t, sheet{"Refrigerants", [][]any{
		{"Year", "Site", "Pole", "Equipment", "Gas", "Charge (kg)", "Recharged (kg)", "Recovered (kg)", "Comment"},
		{2024, "Main", "P", "Chiller 1", "R-410A", 40, 10, 2, ""},     // leak 8 kg × 2255.5 = 18.044 t
		{2024, "Main", "P", "Cold room", "R404A", 20, 1, "", ""},      // leak 1 kg × 4728 = 4.728 t
		{2024, "Main", "P", "Old split", "R-22", 5, 2, 0, "HCFC"},     // outside: 2 kg × 1960 = 3.92 t
		{2024, "Main", "P", "Retired", "R-134a", 10, 0, 3, ""},        // negative leak: rejected
		{2024, "Main", "P", "Car A/C", "HFO-1234yf", 0.5, 0.2, 0, ""}, // 0.2 × 0.501 kg
		{2024, "Main", "P", "Leaky", "R-32", 2, 5, 0, ""},             // leak above charge: warning
	}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	if inv.Rows.Read != 6 || inv.Rows.Rejected != 1 {
		t.Fatalf("rows %+v, want 6 read, 1 rejected", inv.Rows)
	}
	y := emissions.YearOf(t, inv, emissions.MethodMarket, 2024)
	want := 8*2255.5/1000 + 1*4728.0/1000 + 0.2*0.501/1000 + 5*771.0/1000
	if !near(y.Scope1, want) {
		t.Errorf("Scope 1 %v, want %v (R-22 outside)", y.Scope1, want)
	}
	if len(inv.Outside) != 1 || !near(inv.Outside[0].TCO2e, 3.92) || inv.Outside[0].Activity != "refrigerant.r-22" {
		t.Errorf("outside %+v, want R-22 3.92 t", inv.Outside)
	}
	if len(in.Refrigerants) != 5 || in.Refrigerants[0].Leak != 8 || in.Refrigerants[0].Equipment != "Chiller 1" {
		t.Errorf("refrigerant rows %+v", in.Refrigerants)
	}
	got := problemText(in)
	for _, w := range []string{"Recovered 3 kg is more than Recharged 0 kg", "more than its 2 kg charge"} {
		if !strings.Contains(got, w) {
			t.Errorf("problems %q lack %q", got, w)
		}
	}
}

func TestRefrigerantID(t *testing.T) {
	for in, want := range map[string]string{"R-410A": "refrigerant.r-410a", "r410a": "refrigerant.r-410a", "HFC-134a": "refrigerant.r-134a",
		"SF6": "refrigerant.sf6", "HFO-1234yf": "refrigerant.r-1234yf", "R 22": "refrigerant.r-22", "my.gas": "my.gas"} {
		if got := emissions.RefrigerantID(in); got != want {
			t.Errorf("RefrigerantID(%q) = %q, want %q", in, got, want)
		}
	}
}

// The Status column follows the equipment through its life: a new unit's first fill (its
// charge, counted in Recharged) is no leak; a retired unit lets escape its charge less what
// was recovered. Hand-computed with R-410A's 2255.5 and R-134a's 1530 (AR6).
func TestRefrigerantStatus(t *testing.T) {
	wb := xlsx(t, sheet{"Register", [][]any{
		{"Year", "Equipment", "Gas", "Charge (kg)", "Recharged (kg)", "Recovered (kg)", "Statut"},
		{2024, "New chiller", "R-410A", 40, 41.5, "", "new"},       // 41.5 − 40 = 1.5 kg
		{2024, "Old chiller", "R-134a", 30, 2, 27, "Mis au rebut"}, // 2 + 30 − 27 = 5 kg
		{2024, "Split", "R-410A", 3, 0.5, 0, ""},                   // in service: 0.5 kg
		{2024, "Drained", "R-134a", 10, 0, 3, "in service"},        // negative: rejected, points to retired
		{2024, "Prefilled", "R-410A", 12, 0, 0, "new"},             // 0 − 12: rejected
		{2024, "No charge", "R-134a", "", 1, 0, "retired"},         // a retired unit needs its charge
		{2024, "Over-recovered", "R-134a", 10, 0, 12, "retired"},   // 0 + 10 − 12: rejected
		{2024, "Typo", "R-134a", 10, 1, 0, "broken"},               // unknown status
	}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	if inv.Rows.Read != 8 || inv.Rows.Rejected != 5 {
		t.Fatalf("rows %+v, want 8 read, 5 rejected", inv.Rows)
	}
	want := 1.5*2255.5/1000 + 5*1530.0/1000 + 0.5*2255.5/1000
	if y := emissions.YearOf(t, inv, emissions.MethodMarket, 2024); !near(y.Scope1, want) {
		t.Errorf("Scope 1 %v, want %v", y.Scope1, want)
	}
	if len(in.Refrigerants) != 3 || in.Refrigerants[0].Status != emissions.StatusNew || in.Refrigerants[0].Leak != 1.5 ||
		in.Refrigerants[1].Status != emissions.StatusRetired || in.Refrigerants[1].Leak != 5 || in.Refrigerants[2].Status != emissions.StatusInService {
		t.Errorf("refrigerant rows %+v", in.Refrigerants)
	}
	got := problemText(in)
	for _, w := range []string{
		"E5: Recovered 3 kg is more than Recharged 0 kg", "set its Status to retired",
		"E6: Recharged 0 kg is less than the 12 kg charge", "If it came filled from the factory, leave Status blank",
		"D7: Charge is blank: a retired unit's leak needs its charge",
		"E8: Recovered 12 kg is more than the 10 kg charge plus 0 kg recharged",
		`G9: Status "broken": want in service`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("problems %q lack %q", got, w)
		}
	}
}

// A register without a Charge column: a new or retired unit's error points at its Status
// cell (there is no Charge cell to point at) and says to add the column.
func TestRefrigerantStatusWithoutChargeColumn(t *testing.T) {
	wb := xlsx(t, sheet{"Register", [][]any{
		{"Year", "Equipment", "Gas", "Recharged (kg)", "Recovered (kg)", "Status"},
		{2024, "Old chiller", "R-134a", 2, 27, "retired"},
		{2024, "Split", "R-410A", 0.5, 0, ""},
	}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	if inv.Rows.Read != 2 || inv.Rows.Rejected != 1 {
		t.Fatalf("rows %+v, want 2 read, 1 rejected", inv.Rows)
	}
	var p *emissions.Problem
	for _, q := range in.Problems.List() {
		if q.Cause == "refrigerant-balance" {
			p = &q
		}
	}
	if p == nil || p.File != "a.xlsx" || p.Sheet != "Register" || p.Cell != "F2" || !strings.Contains(p.Message, "add a Charge column") {
		t.Errorf("problem %+v: want one at a.xlsx, Register, F2 that says to add a Charge column", p)
	}
}

// A balance that is zero on paper is zero: three figures in kg with decimals may not add up
// exactly in binary floating point (0.2 + 1.4 − 1.6 is −2.2e-16), and a unit whose gas was all
// recovered is neither rejected for a negative leak nor given a leak of a few ulps.
func TestRefrigerantStatusBalanceRounding(t *testing.T) {
	wb := xlsx(t, sheet{"Register", [][]any{
		{"Year", "Equipment", "Gas", "Charge (kg)", "Recharged (kg)", "Recovered (kg)", "Status"},
		{2024, "Old split", "R-410A", 1.4, 0.2, 1.6, "retired"}, // 0.2 + 1.4 − 1.6 = 0
		{2024, "New split", "R-410A", 0.1, 0.3, 0.2, "new"},     // 0.3 − 0.1 − 0.2 = 0
		{2024, "Old chiller", "R-410A", 2.3, 0.1, 2.1, "retired"},
	}})
	in, inv := run(t, emissions.Options{}, map[string][]byte{"a.xlsx": wb})
	if inv.Rows.Read != 3 || inv.Rows.Rejected != 0 {
		t.Fatalf("rows %+v, want 3 read, none rejected: %s", inv.Rows, problemText(in))
	}
	if len(in.Refrigerants) != 3 || in.Refrigerants[0].Leak != 0 || in.Refrigerants[1].Leak != 0 || !near(in.Refrigerants[2].Leak, 0.3) {
		t.Errorf("leaks %v, %v, %v kg; want 0, 0 and 0.3", in.Refrigerants[0].Leak, in.Refrigerants[1].Leak, in.Refrigerants[2].Leak)
	}
}
