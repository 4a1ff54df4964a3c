package mapping

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// What a French site needs every year beyond energy, freight and materials: the travel and
// commuting modes, biomass and biogas fuels, and ADEME's spend-based ratios. Like table, these
// lines name source rows only; the generator reads every number.

const (
	bBiomassFR = "combustion in value (biogenic CO2 apart, ADEME CO2b of poste Combustion); upstream (ADEME poste Amont: harvest, processing, transport, less the biogenic CO2 the source nets there) in upstream"
	bSpendFR   = "cradle-to-gate per k€ spent excluding VAT, environmentally extended input-output ratio (ADEME 'ratios monétaires')"
)

const (
	nCommuting       = "Business travel (category 6) by default: for commuting, enter 7 in the Category column."
	nRepublished2022 = "ADEME V23.6 lists two valid 2022 elements of this name (43253 and 43257 of 2023, 43778 and 43785 of 2025, which change only the poste Fabrication): this is the later one."
	nWoodKg          = "Per kg as ADEME publishes it; its energy content is the ratio of ADEME's per-kg and per-kWh PCI elements of the same fuel."
	nSpend           = "Spend-based (secondary data): a row computed with it never counts as primary data. Enter the amount excluding VAT in k€ or EUR " +
		"of the price year in the name; ADEME's uncertainty is 80 %. Prefer a physical factor (t, kWh, t.km) or the supplier's own figure when you have it."
)

// travelTable: passenger modes, as ADEME publishes them (well-to-wheel plus vehicle manufacture).
var travelTable = []entry{
	{ID: "fr.travel.bus.small-city", Name: "City bus, average fleet, urban area under 100,000 inhabitants", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "27998"}, Notes: nCommuting},
	{ID: "fr.travel.bus.medium-city", Name: "City bus, average fleet, urban area of 100,000 to 250,000 inhabitants", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "27999"}, Notes: nCommuting},
	{ID: "fr.travel.bus.large-city", Name: "City bus, average fleet, urban area over 250,000 inhabitants", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28000"}, Notes: nCommuting},
	{ID: "fr.travel.bus.electric", Name: "City bus, battery electric", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28003"}, Notes: nCommuting},
	{ID: "fr.travel.coach", Name: "Coach (intercity bus), diesel", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43740"}, Notes: nCommuting},
	{ID: "fr.travel.metro-tram", Name: "Metro, tram, trolleybus, urban area over 250,000 inhabitants (outside Paris region)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28151"}, Notes: nCommuting},
	{ID: "fr.travel.metro-tram.medium-city", Name: "Metro, tram, trolleybus, urban area of 100,000 to 250,000 inhabitants", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28150"}, Notes: nCommuting},
	{ID: "fr.travel.metro.paris", Name: "Metro, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28155"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.metro.paris", Name: "Metro, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28147"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.metro.paris", Name: "Metro, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "37139"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.metro.paris", Name: "Metro, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43778"}, Vintage: true, Notes: nCommuting + " " + nRepublished2022},
	{ID: "fr.travel.tram.paris", Name: "Tram, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28156"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.tram.paris", Name: "Tram, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28148"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.tram.paris", Name: "Tram, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "37143"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.tram.paris", Name: "Tram, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43785"}, Vintage: true, Notes: nCommuting + " " + nRepublished2022},
	{ID: "fr.travel.rer.paris", Name: "RER and Transilien suburban trains, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28157"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.rer.paris", Name: "RER and Transilien suburban trains, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28149"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.rer.paris", Name: "RER and Transilien suburban trains, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "37140"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.rer.paris", Name: "RER and Transilien suburban trains, Paris region (Île-de-France)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43254"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.train.intercity", Name: "Intercity train (Intercités), France", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "37144"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.train.intercity", Name: "Intercity train (Intercités), France", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43272"}, Vintage: true, Notes: nCommuting},
	{ID: "fr.travel.e-bike", Name: "Electrically assisted bicycle (e-bike)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "28331"}, Notes: nCommuting},
	{ID: "fr.travel.car.electric", Name: "Car, battery electric, compact (segment C) (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "28007"}, Notes: nCommuting},
	{ID: "fr.travel.car.hybrid", Name: "Car, full hybrid (P2), compact (segment C) (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "28008"}, Notes: nCommuting},
	{ID: "fr.travel.car.plug-in-hybrid", Name: "Car, plug-in hybrid, compact (segment C) (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "28012"}, Notes: nCommuting},
	{ID: "fr.travel.car.diesel", Name: "Car, diesel, French fleet average (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "43788"}, Notes: nCommuting},
	{ID: "fr.travel.car.petrol", Name: "Car, petrol, French fleet average (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "43787"}, Notes: nCommuting},
	{ID: "fr.travel.motorbike", Name: "Motorbike over 250 cm3, mixed driving (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "43782"}, Notes: nCommuting},
	{ID: "fr.travel.motorbike.small", Name: "Motorbike up to 250 cm3, mixed driving (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "43779"}, Notes: nCommuting},
	{ID: "fr.travel.moped", Name: "Moped (scooter up to 50 cm3), mixed driving (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "43775"}, Notes: nCommuting},
}

// republished are ADEME elements that a later element of the same name and year replaces
// (ADEME lists both as valid): the table takes the later one, and checkSeries counts the earlier
// as covered by it.
var republished = map[string]string{
	"43253": "43778", // Métro / 2022 / Ile de France
	"43257": "43785", // Tramway / 2022 / Ile de France
}

// biomassTable: wood and biogas burnt on site. Scope 1 takes the combustion poste (its fossil
// part, nearly nothing) and the biogenic CO2 apart; the upstream poste goes to category 3.
var biomassTable = []entry{
	{ID: "fr.wood.pellets", Name: "Wood pellets, French, from sawmill by-products, per kWh PCI", Scope: 1, Unit: "kWh PCI", Boundary: bBiomassFR, From: adFuel("34942")},
	{ID: "fr.wood.pellets.kg", Name: "Wood pellets, French, from sawmill by-products, per kg", Scope: 1, Unit: "kg", Boundary: bBiomassFR, From: adFuel("34948"), Notes: nWoodKg},
	{ID: "fr.wood.chips", Name: "Forest wood chips, dry (25 % moisture), per kWh PCI", Scope: 1, Unit: "kWh PCI", Boundary: bBiomassFR, From: adFuel("34937")},
	{ID: "fr.wood.chips.kg", Name: "Forest wood chips, dry (25 % moisture), per kg", Scope: 1, Unit: "kg", Boundary: bBiomassFR, From: adFuel("34943"), Notes: nWoodKg},
	{ID: "fr.wood.chips.wet", Name: "Forest wood chips, wet (45 % moisture), per kWh PCI", Scope: 1, Unit: "kWh PCI", Boundary: bBiomassFR, From: adFuel("34938")},
	{ID: "fr.wood.chips.wet.kg", Name: "Forest wood chips, wet (45 % moisture), per kg", Scope: 1, Unit: "kg", Boundary: bBiomassFR, From: adFuel("34944"), Notes: nWoodKg},
	{ID: "fr.biomethane", Name: "Biomethane injected into the gas network, average mix, per kWh PCI", Scope: 1, Unit: "kWh PCI", Boundary: bBiomassFR, From: adFuel("43576")},
}

// biomassEnergy gives the biomass fuels their energy content for ESRS E1-5 (energy.go).
var biomassEnergy = map[string]energyOf{
	"fr.wood.pellets":      {class: factors.EnergyRenewable},
	"fr.wood.pellets.kg":   {class: factors.EnergyRenewable, perUnit: adNum{"34948"}, perEnergy: adNum{"34942"}, mwh: mwhPerKWh},
	"fr.wood.chips":        {class: factors.EnergyRenewable},
	"fr.wood.chips.kg":     {class: factors.EnergyRenewable, perUnit: adNum{"34943"}, perEnergy: adNum{"34937"}, mwh: mwhPerKWh},
	"fr.wood.chips.wet":    {class: factors.EnergyRenewable},
	"fr.wood.chips.wet.kg": {class: factors.EnergyRenewable, perUnit: adNum{"34944"}, perEnergy: adNum{"34938"}, mwh: mwhPerKWh},
	"fr.biomethane":        {class: factors.EnergyRenewable},
}

// spendSeries is one ADEME spend-based ratio: five elements, price years 2019 to 2023, with
// consecutive ids from first (checkSeries fails if ADEME's series is another).
type spendSeries struct {
	id, name string
	cat      int
	first    int
}

// spendSelection is the ratios a vehicle-reconditioning plant buys against: its parts and
// consumables, its equipment and works (category 2, capital goods), its services, and the
// transport and storage it buys (category 4). ADEME V23.6 has no ratio for motor vehicles and
// their parts (its 'Autres matériels de transport' excludes them).
var spendSelection = []spendSeries{
	{"fr.spend.metal-products", "Fabricated metal products, except machinery and equipment", 1, 43421},
	{"fr.spend.metals", "Basic metals (metallurgy)", 1, 43426},
	{"fr.spend.rubber-plastics", "Rubber and plastic products (tyres, plastic parts)", 1, 43411},
	{"fr.spend.chemicals", "Chemicals (paints, fluids, cleaning products)", 1, 43376},
	{"fr.spend.it-equipment", "Computer, electronic and optical products", 1, 43416},
	{"fr.spend.paper", "Paper and cardboard (packaging)", 1, 43366},
	{"fr.spend.other-manufactured", "Other manufactured products", 1, 43361},
	{"fr.spend.machinery", "Machinery and equipment", 2, 43351},
	{"fr.spend.construction", "Constructions and construction works", 2, 43336},
	{"fr.spend.repair-installation", "Repair and installation of machinery and equipment", 1, 43446},
	{"fr.spend.it-services", "Computer programming, IT consulting and information services", 1, 43441},
	{"fr.spend.telecom", "Telecommunications services", 1, 43506},
	{"fr.spend.consulting", "Legal, accounting, head-office and management consulting services", 1, 43541},
	{"fr.spend.engineering", "Architecture and engineering, technical testing and analysis", 1, 43466},
	{"fr.spend.employment", "Employment services (temporary staff)", 1, 43546},
	{"fr.spend.insurance", "Insurance, reinsurance and pension funding", 1, 43471},
	{"fr.spend.hospitality", "Accommodation and food services (catering, canteen)", 1, 43521},
	{"fr.spend.land-transport", "Land transport and transport via pipelines", 4, 43566},
	{"fr.spend.warehousing", "Warehousing and support activities for transportation", 4, 43346},
	{"fr.spend.postal", "Postal and courier services", 4, 43481},
}

// spendYears are the price years ADEME V23.6 publishes each ratio for.
var spendYears = []int{2019, 2020, 2021, 2022, 2023}

// spendTable is one vintage per price year of every selected ratio.
func spendTable() []entry {
	var out []entry
	for _, s := range spendSelection {
		for i, y := range spendYears {
			out = append(out, entry{ID: s.id, Name: fmt.Sprintf("%s, spend-based, per k€ excluding VAT at %d prices", s.name, y),
				Scope: 3, Cat: s.cat, Unit: "k€", Boundary: bSpendFR, From: adSpend{strconv.Itoa(s.first + i)}, Vintage: true, Notes: nSpend})
		}
	}
	return out
}

// entries is every line the generator builds.
func entries() []entry {
	var all []entry
	all = append(all, table...)
	all = append(all, travelTable...)
	all = append(all, biomassTable...)
	return append(all, spendTable()...)
}

// spendUnit is ADEME's unit of a spend-based ratio: kgCO2e per thousand euros of one price
// year, excluding VAT (HT).
var spendUnit = regexp.MustCompile(`^kgCO2e/keuro \((\d{4})\) HT$`)

// adSpend is an ADEME spend-based ratio ("Ratios monétaires", in the xlsx export only): its
// total, per k€ of its price year.
type adSpend struct{ el string }

func (r adSpend) resolve(s *sources, e entry) (factors.Factor, error) {
	f, err := adTotal{el: r.el}.resolve(s, e)
	if err != nil {
		return f, err
	}
	el := s.ademe.Elements[r.el]
	m := spendUnit.FindStringSubmatch(el.Unit)
	if m == nil {
		return f, fmt.Errorf("%s: element %s is per %q, not a spend-based unit", s.ademe.Path, r.el, el.Unit)
	}
	if y, _ := strconv.Atoi(m[1]); y != f.DataYear || f.DataYear == 0 {
		return f, fmt.Errorf("%s: element %s (%s): price year %d in its unit, %d in its name", s.ademe.Path, r.el, el.Name(), y, f.DataYear)
	}
	f.SpendBased = true
	f.Source += fmt.Sprintf(", %s (euros of %s)", el.Unit, m[1])
	f.Derivation += fmt.Sprintf("; per k€ of %s prices excluding VAT (ADEME unit %q)", m[1], el.Unit)
	return f, nil
}

// ademeTags are the words ADEME files an element under: its French and English tags and its
// English label, for search.
func ademeTags(el *datasets.ADEMEElement) []string {
	var tags []string
	for _, list := range []string{el.TagsFR, el.TagsEN} {
		for _, t := range strings.Split(list, ",") {
			tags = append(tags, t)
		}
	}
	return append(tags, el.NameEN())
}
