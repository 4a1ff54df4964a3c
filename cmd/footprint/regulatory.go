package main

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/reports"
)

// energyTables computes the tables of issue 8 from the inventory: ESRS E1-5 energy (warnings
// about missing supply mixes go to the input's problems), the BEGES postes and the refrigerant
// registers.
func (r *result) energyTables() reports.EnergyTables {
	if r.energy != nil {
		return *r.energy
	}
	reg := reports.EnergyTables{
		Energy:       emissions.Energy(r.inventory, r.cfg.EnergyOptions(r.lib), &r.input.Problems),
		Beges:        emissions.Beges(r.inventory.Lines, r.inventory.Outside, r.lib, r.cfg.UncertaintyDefaultPct),
		Refrigerants: r.input.Refrigerants,
		Outside:      r.inventory.Outside,
	}
	r.energy = &reg
	return reg
}
