package main

import "github.com/xuri/excelize/v2"

// The refrigerant register (docs/user-guide.md#refrigerant-registers): per equipment and year, the gas, its charge and
// the kg recharged and recovered, as a maintenance contractor's register records them; footprint
// computes the leak by mass balance (recharged − recovered). ILLUSTRATIVE figures, like the
// rest of the workbook: a few chillers and cold rooms of the poles, and one old R-22 split unit
// that shows how an HCFC is reported outside the scopes (recharging R-22 has been banned in the
// EU since 2015: the row is there to show the rule, not as a practice).

const registerSheet = "Refrigerant register"

var registerHeader = []string{"Year", "Site", "Pole", "Equipment", "Gas", "Charge (kg)", "Recharged (kg)", "Recovered (kg)", "Comment"}

type registerRow struct {
	Year                         int
	Pole, Equipment, Gas         string
	Charge, Recharged, Recovered float64
	Comment                      string
}

func register() []registerRow {
	return []registerRow{
		{2023, reenergy, "Battery test chamber chiller 1", "R-410A", 60, 4, 0, "annual leak check, top-up"},
		{2023, retrofit, "Workshop cold room", "R-404A", 18, 2, 0, "top-up after a valve repair"},
		{2023, recycle, "Old split unit, building C", "R-22", 4.5, 0.9, 0, "HCFC: reported outside the scopes (illustrative)"},
		{2024, reenergy, "Battery test chamber chiller 1", "R-410A", 60, 6, 1.2, "compressor replaced: charge partly recovered"},
		{2024, retrofit, "Workshop cold room", "R-404A", 18, 1.5, 0, "annual leak check, top-up"},
		{2024, restart, "Lab chiller", "R-407C", 35, 2.8, 0, "commissioning year, top-up"},
		{2024, recycle, "Old split unit, building C", "R-22", 4.5, 0.6, 0, "HCFC: reported outside the scopes (illustrative)"},
		{2025, reenergy, "Battery test chamber chiller 1", "R-410A", 60, 3.5, 0, "annual leak check, top-up"},
		{2025, reenergy, "Battery test chamber chiller 2", "R-32", 25, 0.8, 0, "new unit, first top-up"},
		{2025, retrofit, "Workshop cold room", "R-404A", 18, 2.2, 0, "annual leak check, top-up"},
		{2025, restart, "Lab chiller", "R-407C", 35, 1.6, 0.5, "coil repair: gas recovered and partly reused"},
	}
}

func writeRegister(f *excelize.File, st styles) error {
	if _, err := f.NewSheet(registerSheet); err != nil {
		return err
	}
	if err := writeHeader(f, st, registerSheet, registerHeader); err != nil {
		return err
	}
	for i, r := range register() {
		if err := setRow(f, registerSheet, i+2, []any{r.Year, mainSite, r.Pole, r.Equipment, r.Gas, r.Charge, r.Recharged, r.Recovered, r.Comment}); err != nil {
			return err
		}
	}
	return setWidths(f, registerSheet, registerHeader, map[string]float64{"Year": 8, "Site": 10, "Pole": 12, "Equipment": 34, "Gas": 9,
		"Charge (kg)": 11, "Recharged (kg)": 13, "Recovered (kg)": 13, "Comment": 50})
}
