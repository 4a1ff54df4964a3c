package main

// The site and its drivers. Every figure here is an illustrative assumption (see
// demo/README.md for the reasoning); the activity streams in activities.go derive from them.

const (
	mainSite = "Flins"    // the former assembly plant, 232 ha
	hubSite  = "Hub Nord" // small logistics hub for reconditioned vehicles, opened 2022
	// Legal entities (config organisation): Hub Nord is a wholly owned subsidiary; the battery
	// joint venture at Flins is 40 % owned and not controlled. The parent's rows leave Entity blank.
	hubEntity = "Hub Nord Logistique SAS"
	jvEntity  = "Batteries Seconde Vie SAS"

	assembly = "ASSEMBLY"  // car assembly, stopped in March 2024
	retrofit = "RE-TROFIT" // reconditioning of used vehicles
	reenergy = "RE-ENERGY" // second-life batteries
	recycle  = "RE-CYCLE"  // parts reconditioning and material recycling
	restart  = "RE-START"  // research, training, start-up hub
)

// years covered by the workbook, in row order.
var years = []int{2019, 2020, 2021, 2022, 2023, 2024, 2025}

// byYear is an annual quantity; a missing year means no activity that year.
type byYear map[int]float64

// scale multiplies every year by k.
func (b byYear) scale(k float64) byYear {
	out := byYear{}
	for y, v := range b {
		out[y] = v * k
	}
	return out
}

// times multiplies year by year; years missing from either side are dropped.
func (b byYear) times(o byYear) byYear {
	out := byYear{}
	for y, v := range b {
		if w, ok := o[y]; ok {
			out[y] = v * w
		}
	}
	return out
}

// Activity drivers.
var (
	// Vehicles assembled. 2020 is the Covid year; 2024 is January to March only.
	vehiclesAssembled = byYear{2019: 100000, 2020: 68000, 2021: 72000, 2022: 58000, 2023: 52000, 2024: 11000}
	// Share of battery-electric vehicles in the assembled mix.
	evShare = byYear{2019: 0.45, 2020: 0.55, 2021: 0.60, 2022: 0.60, 2023: 0.65, 2024: 0.70}
	// Used vehicles reconditioned by RE-TROFIT, ramping up to ~45,000 a year.
	vehiclesReconditioned = byYear{2021: 4000, 2022: 14000, 2023: 28000, 2024: 38000, 2025: 45000}
	// Traction battery packs received by RE-ENERGY (about 350 kg each).
	batteryPacks = byYear{2021: 300, 2022: 1000, 2023: 2200, 2024: 3500, 2025: 5000}
	// Tonnes of parts and materials processed by RE-CYCLE.
	tonnesRecycled = byYear{2021: 2000, 2022: 6000, 2023: 10000, 2024: 14000, 2025: 16000}
	// Share of R-134a (older vehicles) among the A/C systems RE-TROFIT services; the rest is R-1234yf.
	r134aShare = byYear{2021: 0.50, 2022: 0.47, 2023: 0.43, 2024: 0.39, 2025: 0.35}
	// Business travel relative to a normal year (Covid restrictions in 2020–2022).
	travelLevel = byYear{2019: 1, 2020: 0.35, 2021: 0.5, 2022: 0.8, 2023: 0.95, 2024: 1, 2025: 1}
)

// Staff-years per pole: about 2,000 people on the site in every year; ASSEMBLY staff move to
// the RE- poles (ASSEMBLY 2024: about 1,000 people for a quarter of a year).
var staff = map[string]byYear{
	assembly: {2019: 2100, 2020: 2050, 2021: 1600, 2022: 1250, 2023: 1000, 2024: 250},
	retrofit: {2021: 150, 2022: 350, 2023: 550, 2024: 800, 2025: 900},
	reenergy: {2021: 30, 2022: 70, 2023: 120, 2024: 180, 2025: 220},
	recycle:  {2021: 60, 2022: 150, 2023: 250, 2024: 380, 2025: 450},
	restart:  {2021: 40, 2022: 120, 2023: 220, 2024: 330, 2025: 400},
}

// hubStaff works at Hub Nord (pole RE-TROFIT).
var hubStaff = byYear{2022: 30, 2023: 45, 2024: 55, 2025: 60}

// Electricity, MWh a year, per pole at Flins and for Hub Nord. Assembly (presses, body
// shop, paint shop) dominates until 2024.
var electricityMWh = map[string]byYear{
	assembly: {2019: 62000, 2020: 53000, 2021: 55000, 2022: 50000, 2023: 46000, 2024: 12000},
	retrofit: {2021: 1500, 2022: 4000, 2023: 7000, 2024: 10000, 2025: 12000},
	reenergy: {2021: 300, 2022: 1200, 2023: 2500, 2024: 4500, 2025: 6000},
	recycle:  {2021: 800, 2022: 2000, 2023: 3500, 2024: 5000, 2025: 6500},
	restart:  {2021: 200, 2022: 500, 2023: 900, 2024: 1500, 2025: 2000},
}

var hubElectricityMWh = byYear{2022: 300, 2023: 600, 2024: 800, 2025: 900}

// Natural gas, MWh PCS (gross calorific value) a year: paint-shop ovens and space heating.
// ASSEMBLY 2024 is a winter quarter, hence more than a quarter of 2023.
var gasMWhPCS = map[string]byYear{
	assembly: {2019: 82000, 2020: 72000, 2021: 74000, 2022: 64000, 2023: 60000, 2024: 18000},
	retrofit: {2021: 2000, 2022: 5000, 2023: 8000, 2024: 12000, 2025: 14000},
	reenergy: {2021: 200, 2022: 600, 2023: 1200, 2024: 2000, 2025: 2500},
	recycle:  {2021: 500, 2022: 1500, 2023: 3000, 2024: 4500, 2025: 5500},
	restart:  {2021: 300, 2022: 800, 2023: 1500, 2024: 2500, 2025: 3000},
}

var hubGasMWhPCS = byYear{2022: 200, 2023: 400, 2024: 500, 2025: 500}

// Off-road diesel (GNR), litres: yard tractors, loaders, emergency generators.
var offRoadDieselL = map[string]byYear{
	assembly: {2019: 45000, 2020: 34000, 2021: 36000, 2022: 30000, 2023: 27000, 2024: 7000},
	recycle:  {2021: 4000, 2022: 11000, 2023: 18000, 2024: 25000, 2025: 30000},
}

var hubOffRoadDieselL = byYear{2022: 5000, 2023: 6500, 2024: 7500, 2025: 8000}

// Propane (LPG forklifts), litres, phased out in favour of electric forklifts.
var propaneL = map[string]byYear{
	assembly: {2019: 38000, 2020: 28000, 2021: 30000, 2022: 22000, 2023: 18000, 2024: 4000},
	recycle:  {2021: 2000, 2022: 3500, 2023: 5000, 2024: 6000, 2025: 6000},
}

// Road diesel for the site fleet, litres.
var (
	assemblyFleetDieselL = vehiclesAssembled.scale(0.95)    // shuttles, service vans, tow trucks
	retrofitFleetDieselL = vehiclesReconditioned.scale(1.2) // road tests (~15 km each) and shuttles
	hubFleetDieselL      = byYear{2022: 4000, 2023: 6000, 2024: 7500, 2025: 8000}
)

// Guarantees of origin bought for Flins, MWh (factor 0), and a supplier-specific PPA in 2025.
var (
	guaranteesOfOriginMWh = byYear{2022: 10000, 2023: 15000, 2024: 18000, 2025: 18000}
	hubGuaranteesMWh      = byYear{2025: 600}
	ppaMWh                = byYear{2025: 5000}
)

// ppaFactor is the supplier-specific rate of the 2025 PPA, kgCO2e/kWh.
const ppaFactor = 0.012

// Already-computed emissions, tCO2e.
var (
	// Supplier-reported footprint of purchased IT services (cloud, workstations, support).
	itServicesAssemblyT = byYear{2019: 420, 2020: 400, 2021: 380, 2022: 350, 2023: 320, 2024: 110}
	itServicesRestartT  = byYear{2021: 40, 2022: 90, 2023: 150, 2024: 220, 2025: 260}
	// jvGasMWhPCS: the joint venture's formation ovens, from its start in 2023.
	jvGasMWhPCS = byYear{2023: 1200, 2024: 1500, 2025: 1600}
	// 2019 mobility survey: employee commuting, known only as a total.
	commuting2019T = byYear{2019: 2190}
)

// commuteKmPerStaffYear is the car commuting distance per staff-year after 2019: 75 % of
// staff drive 2 × 17 km on 215 days.
const commuteKmPerStaffYear = 0.75 * 2 * 17 * 215

// commuteLevel is the share of a normal commuting year (lockdowns and remote work in 2020–2021).
var commuteLevel = byYear{2020: 0.6, 2021: 0.8, 2022: 0.95, 2023: 0.95, 2024: 0.95, 2025: 0.95}
