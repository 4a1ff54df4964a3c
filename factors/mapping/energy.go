package mapping

import (
	"fmt"
	"strings"

	"github.com/footprint/footprint/factors"
)

// Energy content for ESRS E1-5 (§37–38, AR 32–34): each factor of energy the organisation
// consumes gets the MWh of final energy on net calorific value (PCI) per unit, and its class.
//
// How each number is derived, from the datasets only:
//   - a factor per kWh PCI (or kWh of electricity or heat) holds 0.001 MWh per unit;
//   - a factor per kWh PCS holds 0.001 / pcs_per_pci MWh PCI per unit (its published PCS/PCI
//     ratio: PCS gas is converted to PCI, as E1-5 counts energy on net calorific value);
//   - a liquid or gaseous fuel per litre or kg holds (its factor per litre or kg) ÷ (the same
//     fuel's factor per tep PCI) × 11.63 MWh/tep, both elements of one ADEME fuel (the same
//     emissions per unit of energy, so the ratio is the energy per litre); ADEME publishes 3–4
//     significant digits, so these are good to about 1 %;
//   - a DESNZ fuel per litre holds (its litres row) ÷ (its kWh (Net CV) row) / 1000;
//   - the EPA natural gas factor per mmBtu (HHV) holds 293.07 kWh HHV per mmBtu converted to
//     net calorific value with DESNZ's natural gas gross/net ratio (the EPA Hub publishes only
//     HHV);
//   - an EPA fuel per US gallon holds its heat content (Hub Table 1, mmBtu HHV per gallon) ×
//     293.07 kWh per mmBtu, converted to net calorific value with the gross/net ratio of the
//     same fuel in DESNZ. Table 2 (mobile combustion) gives no heat content: a mobile fuel
//     takes Table 1's for the fuel whose kg CO2 per gallon is the same as its own.
//
// Purchased electricity and heat keep their class (electricity, heat): config gives the mix
// that splits them into fossil, nuclear and renewable.

const (
	mwhPerTep = 11.63 // 1 tep (toe) = 41.868 GJ = 11.63 MWh (IEA definition, UNIT-CONVENTIONS.md §2)
	mwhPerKWh = 0.001
)

// energyOf says where a factor's energy content comes from.
type energyOf struct {
	class string
	// perUnit and perEnergy are two published factors of one fuel: per activity unit and per
	// energy unit; mwh is the size of that energy unit in MWh PCI. Both nil: the factor's
	// unit is itself energy (kWh, kWh PCI, kWh PCS, MWh).
	perUnit, perEnergy numRef
	mwh                float64
	// hhvPerNet is the DESNZ ratio that converts an EPA factor per mmBtu HHV to net
	// calorific value.
	hhvPerNet *ratio
	// hhv is an EPA fuel's heat content, mmBtu HHV per unit. sameFuel, when set, are the kg
	// CO2 per gallon of the fuel hhv belongs to and of the factor that borrows it, which
	// must be equal.
	hhv      numRef
	sameFuel [2]numRef
}

func adEnergy(class, perUnit, perTep string) energyOf {
	return energyOf{class: class, perUnit: adNum{perUnit}, perEnergy: adNum{perTep}, mwh: mwhPerTep}
}

func dzEnergy(class, litres, net string) energyOf {
	return energyOf{class: class, perUnit: dzNum{litres}, perEnergy: dzNum{net}, mwh: mwhPerKWh}
}

// epaEnergy is the energy of an EPA fuel per US gallon: Table 1's heat content on row, and
// DESNZ's net and gross CV rows of the same fuel.
func epaEnergy(class string, row int, label, net, gross string) energyOf {
	return energyOf{class: class, hhv: epaNum{row, label, "D"}, hhvPerNet: &ratio{dzNum{net}, dzNum{gross}}}
}

// epaMobileEnergy is epaEnergy for a Table 2 fuel, which borrows Table 1's heat content of the
// fuel on row; mobileRow is its own row in Table 2.
func epaMobileEnergy(class string, row int, label string, mobileRow int, mobileLabel, net, gross string) energyOf {
	e := epaEnergy(class, row, label, net, gross)
	e.sameFuel = [2]numRef{epaNum{row, label, "H"}, epaNum{mobileRow, mobileLabel, "D"}}
	return e
}

// energyTable gives every energy factor of the library its class and derivation. The
// generator fails if a Scope 2 factor, or a Scope 1 factor with an upstream part (a fuel),
// is missing here.
var energyTable = map[string]energyOf{
	"fr.electricity.grid":      {class: factors.EnergyElectric},
	"fr.natural-gas.pcs":       {class: factors.EnergyGas},
	"fr.natural-gas.pci":       {class: factors.EnergyGas},
	"fr.diesel.road":           adEnergy(factors.EnergyOil, "25775", "25779"),
	"fr.diesel.road-b10":       adEnergy(factors.EnergyOil, "34421", "34420"),
	"fr.diesel.off-road":       adEnergy(factors.EnergyOil, "14015", "13992"),
	"fr.petrol":                adEnergy(factors.EnergyOil, "25763", "25760"),
	"fr.heating-oil":           adEnergy(factors.EnergyOil, "14087", "14089"),
	"fr.propane":               adEnergy(factors.EnergyOil, "13560", "13562"),
	"fr.propane.kg":            adEnergy(factors.EnergyOil, "13556", "13562"),
	"fr.lpg.road":              adEnergy(factors.EnergyOil, "14031", "14032"),
	"fr.district-heat":         {class: factors.EnergyHeat},
	"uk.electricity.grid":      {class: factors.EnergyElectric},
	"uk.natural-gas.gcv":       {class: factors.EnergyGas},
	"uk.natural-gas.ncv":       {class: factors.EnergyGas},
	"uk.diesel":                dzEnergy(factors.EnergyOil, "1_101_1011_8_1", "1_101_1011_7_1"),
	"uk.petrol":                dzEnergy(factors.EnergyOil, "1_101_1017_8_1", "1_101_1017_7_1"),
	"uk.gas-oil":               dzEnergy(factors.EnergyOil, "1_101_1014_8_1", "1_101_1014_7_1"),
	"uk.district-heat":         {class: factors.EnergyHeat},
	"us.electricity.grid":      {class: factors.EnergyElectric},
	"us.electricity.grid.camx": {class: factors.EnergyElectric},
	"us.electricity.grid.erct": {class: factors.EnergyElectric},
	"us.electricity.grid.rfce": {class: factors.EnergyElectric},
	"us.electricity.grid.srso": {class: factors.EnergyElectric},
	"us.district-heat":         {class: factors.EnergyHeat},
	"us.natural-gas":           {class: factors.EnergyGas, hhvPerNet: &ratio{dzNum{"1_100_1004_7_1"}, dzNum{"1_100_1004_6_1"}}},
	"us.diesel":                epaEnergy(factors.EnergyOil, 55, "Distillate Fuel Oil No. 2", "1_101_1012_7_1", "1_101_1012_6_1"),
	"us.propane":               epaEnergy(factors.EnergyOil, 72, "Propane", "1_100_1007_7_1", "1_100_1007_6_1"),
	"us.diesel.mobile":         epaMobileEnergy(factors.EnergyOil, 55, "Distillate Fuel Oil No. 2", 107, "Diesel Fuel", "1_101_1012_7_1", "1_101_1012_6_1"),
	"us.gasoline.mobile":       epaMobileEnergy(factors.EnergyOil, 66, "Motor Gasoline", 112, "Motor Gasoline", "1_101_1018_7_1", "1_101_1018_6_1"),
}

// energySpec is how factor id gets its energy content; Ember grid factors are electricity.
func energySpec(id string) (energyOf, bool) {
	if e, ok := energyTable[id]; ok {
		return e, true
	}
	if e, ok := biomassEnergy[id]; ok {
		return e, true
	}
	if strings.HasPrefix(id, "ember.electricity.") {
		return energyOf{class: factors.EnergyElectric}, true
	}
	return energyOf{}, false
}

// carrierOfClass is the energy carrier of each energy class: what the source row measures.
// Purchased electricity is electricity, purchased heat (the district heat and steam rows of
// ADEME, DESNZ "Heat and steam" and the EPA's "Steam and Heat") is heat, and every fuel is fuel.
// Self-generated renewable energy is none of them: no built-in factor has that class.
var carrierOfClass = map[string]string{
	factors.EnergyElectric:  factors.CarrierElectricity,
	factors.EnergyHeat:      factors.CarrierHeat,
	factors.EnergyCoal:      factors.CarrierFuel,
	factors.EnergyOil:       factors.CarrierFuel,
	factors.EnergyGas:       factors.CarrierFuel,
	factors.EnergyFossil:    factors.CarrierFuel,
	factors.EnergyNuclear:   factors.CarrierFuel,
	factors.EnergyRenewable: factors.CarrierFuel,
}

// apply sets f.EnergyMWh, f.EnergyClass and f.Carrier and says how in f.Derivation.
func (e energyOf) apply(s *sources, f *factors.Factor) error {
	f.EnergyClass = e.class
	f.Carrier = carrierOfClass[e.class]
	var how string
	switch {
	case e.hhv != nil:
		h, hcite, err := e.hhv.read(s)
		if err != nil {
			return err
		}
		r, rhow, err := e.hhvPerNet.value(s)
		if err != nil {
			return err
		}
		f.EnergyMWh = h * kWhPerMMBtu * mwhPerKWh / r
		how = fmt.Sprintf("energy_mwh = %s mmBtu (HHV) × %s kWh per mmBtu / 1000 / %s (DESNZ %s)", fmtNum(h), fmtNum(kWhPerMMBtu), fmtNum(r), rhow)
		if e.sameFuel[0] != nil {
			a, acite, err := e.sameFuel[0].read(s)
			if err != nil {
				return err
			}
			b, bcite, err := e.sameFuel[1].read(s)
			if err != nil {
				return err
			}
			if a != b {
				return fmt.Errorf("energy: %s borrows the heat content of %s, whose kg CO2 per gallon %s differs from its own %s (%s)", f.ID, hcite, fmtNum(a), fmtNum(b), bcite)
			}
			how += fmt.Sprintf(", heat content %s: that fuel's %s kg CO2 per gallon (%s) are this one's (%s)", hcite, fmtNum(a), acite, bcite)
		} else {
			how += ", heat content " + hcite
		}
	case e.perUnit != nil:
		u, ucite, err := e.perUnit.read(s)
		if err != nil {
			return err
		}
		en, ecite, err := e.perEnergy.read(s)
		if err != nil {
			return err
		}
		if !strings.Contains(strings.ToUpper(ecite), "PCI") && !strings.Contains(ecite, "Net CV") {
			return fmt.Errorf("energy: %s must be per unit of net calorific value", ecite)
		}
		f.EnergyMWh = u / en * e.mwh
		how = fmt.Sprintf("energy_mwh = %s / %s × %s MWh = %s / %s × %s", ucite, ecite, fmtNum(e.mwh), fmtNum(u), fmtNum(en), fmtNum(e.mwh))
	default:
		perKWh := mwhPerKWh
		switch f.Unit {
		case "kWh", "kWh PCI":
			how = "energy_mwh = 0.001 (per kWh)"
		case "MWh":
			perKWh, how = 1, "energy_mwh = 1 (per MWh)"
		case "kWh PCS":
			if f.PCSPerPCI == 0 {
				return fmt.Errorf("energy: %s is per kWh PCS without a pcs_per_pci", f.ID)
			}
			perKWh = mwhPerKWh / f.PCSPerPCI
			how = fmt.Sprintf("energy_mwh = 0.001 / pcs_per_pci %s (PCS converted to PCI)", fmtNum(f.PCSPerPCI))
		case "mmBtu PCS":
			if e.hhvPerNet == nil {
				return fmt.Errorf("energy: %s is per mmBtu HHV without a gross/net ratio", f.ID)
			}
			r, rhow, err := e.hhvPerNet.value(s)
			if err != nil {
				return err
			}
			perKWh = kWhPerMMBtu * mwhPerKWh / r
			how = fmt.Sprintf("energy_mwh = %s kWh per mmBtu (HHV) / 1000 / %s (DESNZ natural gas %s: the EPA Hub gives no net value)", fmtNum(kWhPerMMBtu), fmtNum(r), rhow)
		default:
			return fmt.Errorf("energy: %s: unit %q needs a derivation in energyTable", f.ID, f.Unit)
		}
		f.EnergyMWh = perKWh
	}
	f.EnergyMWh = roundSig(f.EnergyMWh)
	f.Derivation += "; " + how + "; energy class " + e.class
	return nil
}
