package mapping

// The table of product factors: one line per factor (per vintage, per GWP set), saying what it
// is in the product and which source rows give its numbers. No number of a factor is written
// here: the generator reads them. Ids, units and scopes follow IDS.md.

// Boundaries, as stated in Factor.Boundary.
const (
	bFuelFR          = "combustion (tank-to-wheel) in value; upstream (ADEME poste Amont: extraction, refining, transport) in upstream"
	bFuelUK          = "combustion (DESNZ Fuels row) in value; well-to-tank (DESNZ WTT- fuels row) in upstream"
	bFuelUS          = "combustion only (the EPA Hub publishes no upstream)"
	bGridFR          = "generation at the power plant in value; upstream of fuels and plants plus T&D losses in upstream"
	bGridUK          = "generation in value; T&D losses, WTT of generation and WTT of T&D in upstream"
	bGridUS          = "generation (eGRID total output rate) in value; T&D losses (eGRID grid gross loss) in upstream; no upstream of fuels published"
	bHeatFR          = "network total as published by ADEME (no split between generation and upstream)"
	bHeatUK          = "generation in value; distribution losses and well-to-tank in upstream"
	bHeatUS          = "natural gas boiler at 80 % efficiency, combustion only"
	bFreightFR       = "well-to-wheel plus vehicle manufacturing (ADEME postes Amont, Combustion, Fabrication)"
	bFreightGLEC     = "well-to-wheel (ADEME postes Amont and Combustion, GLEC Framework data)"
	bAirFR           = "well-to-wheel plus aircraft manufacturing, without non-CO2 effects"
	bAirFRNonCO2     = "well-to-wheel plus aircraft manufacturing, with contrails (non-CO2 effects)"
	bFreightUK       = "well-to-wheel: DESNZ tank-to-wheel row plus its well-to-tank row"
	bAirUKRF         = "well-to-wheel (tank-to-wheel plus well-to-tank) with DESNZ radiative forcing uplift (×1.7 on CO2)"
	bTransportUS     = "tank-to-wheel only (the EPA Hub publishes no upstream)"
	bMaterialFR      = "cradle-to-gate"
	bMaterialUK      = "cradle-to-gate incl. forming and distribution (DESNZ Material use)"
	bWasteFR         = "end-of-life treatment impacts; avoided emissions excluded (ADEME 'Impacts' element)"
	bWasteUK         = "DESNZ waste disposal, recycled-content cut-off (recycling and energy recovery: transport to the first processing point only)"
	bWasteUS         = "EPA Hub Table 9 (WARM, AR4 GWPs), avoided emissions excluded"
	bTravelFR        = "well-to-wheel plus vehicle manufacturing (ADEME)"
	bTravelUK        = "well-to-wheel: DESNZ tank-to-wheel row plus its well-to-tank row"
	bHotelUK         = "hotel stay energy per room-night (DESNZ)"
	bGWP             = "GWP100, kgCO2e per kg released"
	bAvoidedMaterial = "avoided: cradle-to-gate of the primary material less cradle-to-gate of the recycled (closed-loop) material that replaces it, per tonne used"
	bAvoidedReuse    = "avoided: cradle-to-gate manufacturing of the new product that a re-used one replaces; the re-use's own emissions are in the inventory through their own rows"
	bUseCar          = "use phase: well-to-wheel (ADEME postes Amont and Combustion); the vehicle's manufacture (poste Fabrication) left out"
	bUseElectricity  = "use phase: electricity consumed, generation plus upstream and T&D losses (ADEME element total)"
	bEmber           = "generation: the direct (combustion) share of Ember's lifecycle intensity in value, the rest of the lifecycle (fuel supply chain, plant construction) in upstream; production mix, imports excluded, no T&D losses"
)

// Notes that several lines share.
const (
	nDistrictHeatFR = "ADEME V23.6 has no French national average for heat networks: this is ADEME's value for networks not listed individually " +
		"('Autres réseaux de chaleur', 2021 data; ADEME comment: DPE combustion value 0.385). Use your network's own element when you know it."
	nCH4Fossil  = "Fossil methane (natural gas leaks): includes the CO2 from its oxidation. IPCC tables in factor-sources give no fossil split; ADEME does."
	nCH4Bio     = "Non-fossil (biogenic) methane: landfill, biogas, wastewater."
	nR1234yfAR5 = "The IPCC AR5 table in factor-sources has no HFO-1234yf value; DESNZ 2025 (AR5-based set) lists R1234yf* = 1 under 'Other products'."
	nEPAWaste   = "Metric tons CO2e per short ton in the Hub, ×1000 to kg per short ton (1 short ton = 0.90718474 t). AR4 GWPs (Hub note, Table 9)."
	nEPAMobile  = "CO2 only: the Hub gives mobile CH4 and N2O per vehicle-mile (Tables 3–5), not per gallon."
	nSecondLife = "Assumes one tonne of second-life battery displaces one tonne of new Li-ion battery (DESNZ publishes per tonne; no open per-kWh factor in these sources). " +
		"Repurposing (testing, energy, transport) is counted in the inventory by its own rows, so nothing is subtracted here."
	nReconditioned = "Assumes each reconditioned vehicle displaces the manufacture of a new one of the same mass: an upper bound. ADEME 20905 is a coarse 2014 ratio " +
		"(uncertainty 50 %). Enter tonnes of vehicles (count × average kerb mass), or define a per-vehicle factor in config factors.custom with that derivation."
	nUseCar = "For category 11 (use of sold products): enter vehicle-km over the remaining lifetime of the vehicles sold. Second-hand vehicles enter burden-free " +
		"(cut-off rule): their manufacture belongs to their first life, so only the fuel burned and its upstream count."
	nUseElectricity = "For category 11: electricity that sold products consume (or lose, for storage) over their lifetime. One vintage (2024 data): " +
		"future consumption takes the latest published mix."
	nHHV  = "EPA factors are on higher heating value (HHV = PCS) basis."
	nHCFC = "HCFC-22 is an ozone-depleting substance of the Montreal Protocol, outside the Kyoto basket that the GHG Protocol and BEGES scopes count: " +
		"its leaks are reported apart, with this GWP100, never in Scope 1 or a total. Its use in new equipment is banned in the EU; recharges with virgin R-22 since 2010 and recycled R-22 since 2015."
)

// EPA sheet cells that pin a table's column headers.
var (
	epaT1Gas    = []cellCheck{{36, "E", "kg CO2 per mmBtu", false}, {36, "F", "g CH4 per mmBtu", false}, {36, "G", "g N2O per mmBtu", false}}
	epaT1Gallon = []cellCheck{{47, "H", "kg CO2 per gallon", false}, {47, "I", "g CH4 per gallon", false}, {47, "J", "g N2O per gallon", false}}
	epaT2       = []cellCheck{{103, "D", "kg CO2 per unit", false}}
	epaT6       = []cellCheck{{338, "E", "(lb CO2 / MWh)", false}, {338, "F", "(lb CH4 / MWh)", false}, {338, "G", "(lb N2O / MWh)", false}}
	epaT7       = []cellCheck{{409, "D", "(kg CO2 / mmBtu)", true}, {409, "E", "(g CH4 / mmBtu)", true}, {409, "F", "(g N2O / mmBtu)", true}}
	epaT8       = []cellCheck{{421, "D", "(kg CO2 / unit)", true}, {421, "E", "(g CH4 / unit)", true}, {421, "F", "(g N2O / unit)", true}}
	epaT9       = []cellCheck{{434, "D", "Metric Tons CO2e / Short Ton Material", false}, {499, "C", "AR4 GWP values are used", true}}
	epaT10      = []cellCheck{{503, "D", "(kg CO2 / unit)", true}, {503, "E", "(g CH4 / unit)", true}, {503, "F", "(g N2O / unit)", true}}
	epaEGRID    = yearCell{367, "C", `eGRID(\d{4})`}
	// Tables 8 and 10 are from the US GHG Inventory 1990–YYYY (source notes, rows 429 and 516);
	// Table 9 from WARM, "(December YYYY)" (row 498).
	epaT8Year  = yearCell{429, "C", `Emissions and Sinks: 1990[-–](\d{4})`}
	epaT10Year = yearCell{516, "C", `Emissions and Sinks: 1990[-–](\d{4})`}
	epaT9Year  = yearCell{498, "C", `\(December (\d{4})\)`}
)

// epaWaste reads a Table 9 cell (metric tons CO2e per short ton), its column pinned to its header
// (row 435).
func epaWaste(row int, label, col, header string) epaRow {
	return epaRow{table: "Table 9", row: row, label: label, co2: col, co2Mult: kgPerTonne, co2e: true, yearFrom: epaT9Year,
		checks: append([]cellCheck{{435, col, header, false}}, epaT9...)}
}

// epaPerMile reads a Table 8 or 10 row: kg CO2, g CH4, g N2O per unit, its unit cell pinned.
func epaPerMile(table string, row int, label, unit string, checks []cellCheck) epaRow {
	year := epaT8Year
	if table == "Table 10" {
		year = epaT10Year
	}
	return epaRow{table: table, row: row, label: label, co2: "D", ch4: "E", n2o: "F", co2Mult: 1, ghgMult: 1 / gPerKg, yearFrom: year,
		checks: append([]cellCheck{{row, "G", unit, false}}, checks...)}
}

var (
	r410a = []part{{"HFC32", 0.5}, {"HFC125", 0.5}}
	r404a = []part{{"HFC125", 0.44}, {"HFC134a", 0.04}, {"HFC143a", 0.52}}
	r407c = []part{{"HFC32", 0.23}, {"HFC125", 0.25}, {"HFC134a", 0.52}}
)

var table = []entry{
	// ---- France: energy the organisation consumes (ADEME; value = combustion, upstream = Amont) ----
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26815"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26825"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26835"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26845"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26775"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26785"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26795"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26805"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26745"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26755"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("26765"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("28332"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("28333"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("37091"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("42513"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("43273"), Vintage: true},
	{ID: "fr.electricity.grid", Name: "Grid electricity, France mainland, average mix (consumption)", Scope: 2, Unit: "kWh", Boundary: bGridFR, From: adGrid("43642"), Vintage: true},
	{ID: "fr.natural-gas.pcs", Name: "Natural gas, French supply mix, per kWh PCS (gross CV, as on invoices)", Scope: 1, Unit: "kWh PCS", Boundary: bFuelFR, From: adFuel("26627"), Vintage: true, PCSPerPCI: &ratio{adNum{"26621"}, adNum{"26627"}}},
	{ID: "fr.natural-gas.pcs", Name: "Natural gas, French supply mix, per kWh PCS (gross CV, as on invoices)", Scope: 1, Unit: "kWh PCS", Boundary: bFuelFR, From: adFuel("37133"), Vintage: true, PCSPerPCI: &ratio{adNum{"37132"}, adNum{"37133"}}},
	{ID: "fr.natural-gas.pci", Name: "Natural gas, French supply mix, per kWh PCI (net CV)", Scope: 1, Unit: "kWh PCI", Boundary: bFuelFR, From: adFuel("26621"), Vintage: true, PCSPerPCI: &ratio{adNum{"26621"}, adNum{"26627"}}},
	{ID: "fr.natural-gas.pci", Name: "Natural gas, French supply mix, per kWh PCI (net CV)", Scope: 1, Unit: "kWh PCI", Boundary: bFuelFR, From: adFuel("37132"), Vintage: true, PCSPerPCI: &ratio{adNum{"37132"}, adNum{"37133"}}},
	{ID: "fr.diesel.road", Name: "Road diesel B7 (7 % biodiesel)", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("25775")},
	{ID: "fr.diesel.road-b10", Name: "Road diesel B10 (10 % biodiesel)", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("34421")},
	{ID: "fr.diesel.off-road", Name: "Off-road diesel (gazole non routier: forklifts, site machinery)", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("14015")},
	{ID: "fr.petrol", Name: "Petrol SP95 / SP95-E10 / SP98", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("25763")},
	{ID: "fr.heating-oil", Name: "Heating oil (fioul domestique)", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("14087")},
	{ID: "fr.propane", Name: "Propane, per litre", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("13560")},
	{ID: "fr.propane.kg", Name: "Propane, per kg", Scope: 1, Unit: "kg", Boundary: bFuelFR, From: adFuel("13556")},
	{ID: "fr.lpg.road", Name: "LPG for road vehicles (GPL carburant)", Scope: 1, Unit: "L", Boundary: bFuelFR, From: adFuel("14031")},
	{ID: "fr.district-heat", Name: "District heat, France, network not listed individually (ADEME default)", Scope: 2, Unit: "kWh", Boundary: bHeatFR, From: adTotal{el: "37089"}, Notes: nDistrictHeatFR},

	// ---- France: purchased freight (ADEME; value = the full published factor) ----
	{ID: "fr.freight.road.artic-under-34t", Name: "Road freight, articulated truck < 34 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43651"}},
	{ID: "fr.freight.road.artic-34-40t", Name: "Road freight, articulated truck 34–40 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43643"}},
	{ID: "fr.freight.road.artic-40-44t", Name: "Road freight, articulated truck 40–44 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43647"}},
	{ID: "fr.freight.road.rigid-3.5-7.5t", Name: "Road freight, rigid truck 3.5–7.5 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43722"}},
	{ID: "fr.freight.road.rigid-7.5-12t", Name: "Road freight, rigid truck 7.5–12 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43724"}},
	{ID: "fr.freight.road.rigid-12-20t", Name: "Road freight, rigid truck 12–20 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43716"}},
	{ID: "fr.freight.road.rigid-20-26t", Name: "Road freight, rigid truck 20–26 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43718"}},
	{ID: "fr.freight.road.rigid-26-32t", Name: "Road freight, rigid truck 26–32 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43721"}},
	{ID: "fr.freight.road.van", Name: "Road freight, light commercial vehicle < 3.5 t, diesel B7", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43735"}},
	{ID: "fr.freight.rail", Name: "Rail freight, France, average traction, average load", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43728"}},
	{ID: "fr.freight.rail.electric", Name: "Rail freight, France, electric traction, average load", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightFR, From: adTotal{el: "43734"}},
	{ID: "fr.freight.sea.container", Name: "Sea freight, container ship (dry), world average", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightGLEC, From: adTotal{el: "28193"}},
	{ID: "fr.freight.sea.roro", Name: "Sea freight, Ro-Ro ship, average load", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightGLEC, From: adTotal{el: "28231"}},
	{ID: "fr.freight.air.long-haul", Name: "Air freight, cargo aircraft > 100 t, > 5000 km, without contrails", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bAirFR, From: adTotal{el: "43671"}},
	{ID: "fr.freight.air.long-haul.contrails", Name: "Air freight, cargo aircraft > 100 t, > 5000 km, with contrails", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bAirFRNonCO2, From: adTotal{el: "43670"}},

	// ---- France: purchased materials (ADEME) ----
	{ID: "fr.material.steel.primary", Name: "Steel or tinplate, virgin", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26729"}},
	{ID: "fr.material.steel.recycled", Name: "Steel or tinplate, recycled", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26730"}},
	{ID: "fr.material.aluminium.primary", Name: "Aluminium, virgin", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26731"}},
	{ID: "fr.material.aluminium.primary-fr", Name: "Primary aluminium produced in France (plate, ingot, bars)", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "37156"}},
	{ID: "fr.material.aluminium.recycled", Name: "Aluminium, recycled", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26732"}},
	{ID: "fr.material.copper.primary", Name: "Copper, virgin", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26733"}},
	{ID: "fr.material.copper.recycled", Name: "Copper, recycled", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26734"}},
	{ID: "fr.material.glass.primary", Name: "Container glass, virgin", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26741"}},
	{ID: "fr.material.glass.recycled", Name: "Container glass, recycled", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "26742"}},
	{ID: "fr.material.glass.laminated", Name: "Laminated safety flat glass (Europe)", Scope: 3, Cat: 1, Unit: "kg", Boundary: bMaterialFR, From: adTotal{el: "24262"}},
	{ID: "fr.material.plastic.primary", Name: "Plastic, average, virgin", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "20836"}},
	{ID: "fr.material.plastic.recycled", Name: "Plastic, average, recycled", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "20843"}},
	{ID: "fr.material.nickel.primary", Name: "Nickel, virgin", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "20533"}},
	{ID: "fr.material.vehicles", Name: "Vehicles, manufacturing, per tonne of vehicle (coarse ratio)", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialFR, From: adTotal{el: "20905"}},

	// ---- France: waste routes (ADEME "Impacts" elements; avoided emissions are not in the inventory) ----
	{ID: "fr.waste.ferrous", Name: "Ferrous metal waste, average end-of-life", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34666"}},
	{ID: "fr.waste.aluminium", Name: "Aluminium waste, average end-of-life", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34668"}},
	{ID: "fr.waste.plastic.recycling", Name: "Rigid PE plastic waste, recycling to granules", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34700"}},
	{ID: "fr.waste.mixed-industrial", Name: "Mixed non-hazardous industrial waste (DIB), average end-of-life", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34682"}},
	{ID: "fr.waste.mixed-industrial.disposal", Name: "Mixed non-hazardous industrial waste (DIB), end-of-life excluding recycling", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34692"}},
	{ID: "fr.waste.hazardous.incineration", Name: "Hazardous industrial waste (DIS), incineration", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34712"}},
	{ID: "fr.waste.batteries", Name: "Mixed batteries and accumulators, average end-of-life", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34658"}},
	{ID: "fr.waste.weee", Name: "WEEE (waste electrical and electronic equipment), average end-of-life", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteFR, From: adTotal{el: "34620"}},

	// ---- France: business travel (ADEME) ----
	{ID: "fr.travel.car", Name: "Car, French fleet average, all powertrains (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelFR, From: adTotal{el: "43791"}},

	// ---- Use of sold products (Scope 3 category 11): direct use-phase emissions ----
	{ID: "fr.use.car", Name: "Use of a sold car, French fleet average, well-to-wheel without manufacturing (per vehicle-km)", Scope: 3, Cat: 11, Unit: "km", Boundary: bUseCar, From: adPart{el: "43791", keep: []string{"Amont", "Combustion"}, leave: []string{"Fabrication"}}, Notes: nUseCar},
	{ID: "fr.use.electricity", Name: "Electricity used by sold products, France mainland, 2024 mix incl. upstream and losses", Scope: 3, Cat: 11, Unit: "kWh", Boundary: bUseElectricity, From: adPart{el: "43642", keep: []string{"Combustion à la centrale", "Amont", "Transport et distribution"}}, Notes: nUseElectricity},
	{ID: "fr.travel.train.high-speed", Name: "High-speed train (TGV), France", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28153"}, Vintage: true},
	{ID: "fr.travel.train.high-speed", Name: "High-speed train (TGV), France", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28145"}, Vintage: true},
	{ID: "fr.travel.train.high-speed", Name: "High-speed train (TGV), France", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "37142"}, Vintage: true},
	{ID: "fr.travel.train.high-speed", Name: "High-speed train (TGV), France", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43256"}, Vintage: true},
	{ID: "fr.travel.train.regional", Name: "Regional train (TER), France, average traction", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28154"}, Vintage: true},
	{ID: "fr.travel.train.regional", Name: "Regional train (TER), France, average traction", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "28146"}, Vintage: true},
	{ID: "fr.travel.train.regional", Name: "Regional train (TER), France, average traction", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "37141"}, Vintage: true},
	{ID: "fr.travel.train.regional", Name: "Regional train (TER), France, average traction", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelFR, From: adTotal{el: "43255"}, Vintage: true},
	{ID: "fr.travel.air.medium-haul", Name: "Flight, 101–220 seats, 500–1000 km, without contrails", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bAirFR, From: adTotal{el: "43744"}},
	{ID: "fr.travel.air.medium-haul.contrails", Name: "Flight, 101–220 seats, 500–1000 km, with contrails", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bAirFRNonCO2, From: adTotal{el: "43743"}},
	{ID: "fr.travel.air.long-haul", Name: "Flight, > 220 seats, > 5000 km, without contrails", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bAirFR, From: adTotal{el: "43774"}},
	{ID: "fr.travel.air.long-haul.contrails", Name: "Flight, > 220 seats, > 5000 km, with contrails", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bAirFRNonCO2, From: adTotal{el: "43773"}},

	// ---- Refrigerants and greenhouse gases: one line per GWP set ----
	{ID: "refrigerant.r-134a", Name: "HFC-134a (R-134a)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: ipcc{"HFC134a"}},
	{ID: "refrigerant.r-134a", Name: "HFC-134a (R-134a)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipcc{"HFC134a"}},
	{ID: "refrigerant.r-32", Name: "HFC-32 (R-32)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: ipcc{"HFC32"}},
	{ID: "refrigerant.r-32", Name: "HFC-32 (R-32)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipcc{"HFC32"}},
	{ID: "refrigerant.r-1234yf", Name: "HFO-1234yf (R-1234yf, vehicle A/C)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: dz{value: []string{"3_204_2494_3_1"}}, Region: "World", Notes: nR1234yfAR5},
	{ID: "refrigerant.r-1234yf", Name: "HFO-1234yf (R-1234yf, vehicle A/C)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipccSuppl{"HFO-1234yf"}},
	{ID: "refrigerant.r-410a", Name: "R-410A (50 % HFC-32, 50 % HFC-125)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: blend{"R-410A", r410a, []numRef{epaNum{575, "R-410A", "D"}, dzNum{"3_201_2158_3_1"}, adNum{"22600"}}}},
	{ID: "refrigerant.r-410a", Name: "R-410A (50 % HFC-32, 50 % HFC-125)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: blend{"R-410A", r410a, []numRef{adNum{"43632"}}}},
	{ID: "refrigerant.r-404a", Name: "R-404A (44 % HFC-125, 4 % HFC-134a, 52 % HFC-143a)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: blend{"R-404A", r404a, []numRef{epaNum{567, "R-404A", "D"}, adNum{"22596"}}}},
	{ID: "refrigerant.r-404a", Name: "R-404A (44 % HFC-125, 4 % HFC-134a, 52 % HFC-143a)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: blend{"R-404A", r404a, []numRef{adNum{"43628"}}}},
	{ID: "refrigerant.r-407c", Name: "R-407C (23 % HFC-32, 25 % HFC-125, 52 % HFC-134a)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: blend{"R-407C", r407c, []numRef{epaNum{571, "R-407C", "D"}, adNum{"22598"}}}},
	{ID: "refrigerant.r-407c", Name: "R-407C (23 % HFC-32, 25 % HFC-125, 52 % HFC-134a)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: blend{"R-407C", r407c, []numRef{adNum{"43630"}}}},
	{ID: "refrigerant.r-22", Name: "HCFC-22 (R-22), not a Kyoto gas: reported outside the scopes", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: ipcc{"HCFC22"}, OutsideScopes: true, Notes: nHCFC},
	{ID: "refrigerant.r-22", Name: "HCFC-22 (R-22), not a Kyoto gas: reported outside the scopes", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipcc{"HCFC22"}, OutsideScopes: true, Notes: nHCFC},
	{ID: "refrigerant.sf6", Name: "Sulphur hexafluoride (SF6)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: ipcc{"SF6"}},
	{ID: "refrigerant.sf6", Name: "Sulphur hexafluoride (SF6)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipcc{"SF6"}, Notes: "ADEME V23.6 uses 24300 (element 43294) pending harmonisation with Table 7.SM.7."},
	{ID: "ghg.ch4", Name: "Methane (CH4), no fossil/non-fossil distinction", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: ipcc{"CH4"}},
	{ID: "ghg.ch4", Name: "Methane (CH4), no fossil/non-fossil distinction", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipcc{"CH4"}},
	{ID: "ghg.ch4.fossil", Name: "Methane (CH4), fossil origin", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: adTotal{el: "22579"}, Notes: nCH4Fossil},
	{ID: "ghg.ch4.fossil", Name: "Methane (CH4), fossil origin", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: adTotal{el: "43577"}, Notes: nCH4Fossil},
	{ID: "ghg.ch4.non-fossil", Name: "Methane (CH4), non-fossil origin", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: adTotal{el: "22578"}, Notes: nCH4Bio},
	{ID: "ghg.ch4.non-fossil", Name: "Methane (CH4), non-fossil origin", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: adTotal{el: "43578"}, Notes: nCH4Bio},
	{ID: "ghg.n2o", Name: "Nitrous oxide (N2O)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR5", From: ipcc{"N2O"}},
	{ID: "ghg.n2o", Name: "Nitrous oxide (N2O)", Scope: 1, Unit: "kg", Boundary: bGWP, GWP: "AR6", From: ipcc{"N2O"}},

	// ---- United Kingdom (DESNZ 2025) ----
	{ID: "uk.electricity.grid", Name: "Grid electricity, UK (location-based)", Scope: 2, Unit: "kWh", Boundary: bGridUK, From: dz{value: []string{"7_400_4000_5_1"}, upstream: []string{"13_402_4000_5_1", "15_917_4000_5_1", "15_918_4000_5_1"}}},
	{ID: "uk.natural-gas.gcv", Name: "Natural gas, UK, per kWh gross CV (PCS, as on UK invoices)", Scope: 1, Unit: "kWh PCS", Boundary: bFuelUK, From: dz{value: []string{"1_100_1004_6_1"}, upstream: []string{"11_100_1004_6_1"}}, PCSPerPCI: &ratio{dzNum{"1_100_1004_7_1"}, dzNum{"1_100_1004_6_1"}}},
	{ID: "uk.natural-gas.ncv", Name: "Natural gas, UK, per kWh net CV (PCI)", Scope: 1, Unit: "kWh PCI", Boundary: bFuelUK, From: dz{value: []string{"1_100_1004_7_1"}, upstream: []string{"11_100_1004_7_1"}}, PCSPerPCI: &ratio{dzNum{"1_100_1004_7_1"}, dzNum{"1_100_1004_6_1"}}},
	{ID: "uk.diesel", Mobile: true, Name: "Diesel, UK forecourt (average biofuel blend)", Scope: 1, Unit: "L", Boundary: bFuelUK, From: dz{value: []string{"1_101_1011_8_1"}, upstream: []string{"11_101_1011_8_1"}, biogenic: "99_604_1011_8_2"}},
	{ID: "uk.petrol", Mobile: true, Name: "Petrol, UK forecourt (average biofuel blend)", Scope: 1, Unit: "L", Boundary: bFuelUK, From: dz{value: []string{"1_101_1017_8_1"}, upstream: []string{"11_101_1017_8_1"}, biogenic: "99_604_1017_8_2"}},
	{ID: "uk.gas-oil", Mobile: true, Name: "Gas oil (red diesel, off-road)", Scope: 1, Unit: "L", Boundary: bFuelUK, From: dz{value: []string{"1_101_1014_8_1"}, upstream: []string{"11_101_1014_8_1"}}},
	{ID: "uk.district-heat", Name: "District heat and steam, UK", Scope: 2, Unit: "kWh", Boundary: bHeatUK, From: dz{value: []string{"10_401_4003_5_1"}, upstream: []string{"13_403_4004_5_1", "16_919_4003_5_1", "16_920_4004_5_1"}}},
	{ID: "uk.freight.road.hgv", Name: "Road freight, HGV (all diesel), all HGVs, average laden", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_304_3140_14_1", "28_907_3140_14_1"}}},
	{ID: "uk.freight.road.hgv-artic", Name: "Road freight, HGV (all diesel), all articulated, average laden", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_304_3136_14_1", "28_907_3136_14_1"}}},
	{ID: "uk.freight.road.hgv-refrigerated", Name: "Road freight, refrigerated HGV (all diesel), all HGVs, average laden", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_306_3140_14_1", "28_908_3140_14_1"}}},
	{ID: "uk.freight.road.van", Name: "Road freight, diesel van up to 3.5 t", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_303_3102_14_1", "28_906_3102_14_1"}}},
	{ID: "uk.freight.rail", Name: "Rail freight, UK", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_315_3151_14_1", "28_911_3151_14_1"}}},
	{ID: "uk.freight.sea.container", Name: "Sea freight, container ship, average", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_320_3235_14_1", "28_916_3235_14_1"}}, Region: "World"},
	{ID: "uk.freight.sea.car-carrier", Name: "Sea freight, vehicle transport ship (car carrier), average", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_320_3238_14_1", "28_916_3238_14_1"}}, Region: "World"},
	{ID: "uk.freight.sea.roro", Name: "Sea freight, Ro-Ro ferry, average", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_320_3241_14_1", "28_916_3241_14_1"}}, Region: "World"},
	{ID: "uk.freight.air.international", Name: "Air freight, international (to/from non-UK), without radiative forcing", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bFreightUK, From: dz{value: []string{"27_317_3159_14_1", "28_913_3159_14_1"}}, Region: "World"},
	{ID: "uk.freight.air.international.rf", Name: "Air freight, international (to/from non-UK), with radiative forcing", Scope: 3, Cat: 4, Unit: "t.km", Boundary: bAirUKRF, From: dz{value: []string{"27_317_3158_14_1", "28_913_3158_14_1"}}, Region: "World"},
	{ID: "uk.material.li-ion-battery", Name: "Li-ion batteries, primary material production (per tonne of battery)", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_503_5096_15_1"}}, Notes: "Per tonne, not per kWh: no open per-kWh battery factor in these sources."},
	{ID: "uk.material.tyres", Name: "Tyres, primary material production", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_500_5044_15_1"}}},
	{ID: "uk.material.tyres.re-used", Name: "Tyres, re-used", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_500_5045_15_1"}}},
	{ID: "uk.material.mineral-oil", Name: "Mineral oil (lubricants), primary material production", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_500_5036_15_1"}}},
	{ID: "uk.material.mineral-oil.closed-loop", Name: "Mineral oil (lubricants), closed-loop source (re-refined)", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_500_5039_15_1"}}},
	{ID: "uk.material.steel.primary", Name: "Steel (cans), primary material production", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_504_5116_15_1"}}},
	{ID: "uk.material.steel.closed-loop", Name: "Steel (cans), closed-loop source", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_504_5119_15_1"}}},
	{ID: "uk.material.aluminium.primary", Name: "Aluminium (cans and foil, excl. forming), primary material production", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_504_5104_15_1"}}},
	{ID: "uk.material.aluminium.closed-loop", Name: "Aluminium (cans and foil, excl. forming), closed-loop source", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_504_5107_15_1"}}},
	{ID: "uk.material.plastic.primary", Name: "Plastics, average, primary material production", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_505_5120_15_1"}}},
	{ID: "uk.material.plastic.closed-loop", Name: "Plastics, average, closed-loop source", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_505_5123_15_1"}}},
	{ID: "uk.material.glass.primary", Name: "Glass, primary material production", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_501_5056_15_1"}}},
	{ID: "uk.material.glass.closed-loop", Name: "Glass, closed-loop source", Scope: 3, Cat: 1, Unit: "t", Boundary: bMaterialUK, From: dz{value: []string{"19_501_5059_15_1"}}},
	{ID: "uk.waste.commercial-industrial.landfill", Name: "Commercial and industrial waste, landfill", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteUK, From: dz{value: []string{"20_507_5313_15_1"}}},
	{ID: "uk.waste.commercial-industrial.incineration", Name: "Commercial and industrial waste, incineration with energy recovery", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteUK, From: dz{value: []string{"20_507_5311_15_1"}}},
	{ID: "uk.waste.metal.recycling", Name: "Scrap metal, open-loop recycling", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteUK, From: dz{value: []string{"20_504_5365_15_1"}}},
	{ID: "uk.waste.metal.landfill", Name: "Scrap metal, landfill", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteUK, From: dz{value: []string{"20_504_5369_15_1"}}},
	{ID: "uk.waste.batteries.recycling", Name: "Batteries, open-loop recycling", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteUK, From: dz{value: []string{"20_503_5344_15_1"}}},
	{ID: "uk.waste.weee.recycling", Name: "WEEE (mixed), open-loop recycling", Scope: 3, Cat: 5, Unit: "t", Boundary: bWasteUK, From: dz{value: []string{"20_503_5330_15_1"}}},
	{ID: "uk.travel.car", Name: "Car, average size, unknown fuel (per vehicle-km)", Scope: 3, Cat: 6, Unit: "km", Boundary: bTravelUK, From: dz{value: []string{"25_301_3074_4_1", "26_904_3074_4_1"}}},
	{ID: "uk.travel.rail.national", Name: "National rail, UK", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelUK, From: dz{value: []string{"25_315_3147_11_1", "26_911_3147_11_1"}}},
	{ID: "uk.travel.rail.international", Name: "International rail (Eurostar)", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelUK, From: dz{value: []string{"25_315_3148_11_1", "26_911_3148_11_1"}}, Region: "Europe"},
	{ID: "uk.travel.air.short-haul", Name: "Flight, short-haul to/from UK, average passenger, without radiative forcing", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelUK, From: dz{value: []string{"21_316_3163_11_1", "22_912_3163_11_1"}}, Region: "World"},
	{ID: "uk.travel.air.short-haul.rf", Name: "Flight, short-haul to/from UK, average passenger, with radiative forcing", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bAirUKRF, From: dz{value: []string{"21_316_3162_11_1", "22_912_3162_11_1"}}, Region: "World"},
	{ID: "uk.travel.air.long-haul", Name: "Flight, long-haul to/from UK, average passenger, without radiative forcing", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bTravelUK, From: dz{value: []string{"21_316_3169_11_1", "22_912_3169_11_1"}}, Region: "World"},
	{ID: "uk.travel.air.long-haul.rf", Name: "Flight, long-haul to/from UK, average passenger, with radiative forcing", Scope: 3, Cat: 6, Unit: "passenger.km", Boundary: bAirUKRF, From: dz{value: []string{"21_316_3168_11_1", "22_912_3168_11_1"}}, Region: "World"},
	{ID: "uk.travel.hotel.france", Name: "Hotel stay, France", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4016_13_1"}}, Region: "FR"},
	{ID: "uk.travel.hotel.uk", Name: "Hotel stay, UK", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4000_13_1"}}},
	{ID: "uk.travel.hotel.germany", Name: "Hotel stay, Germany", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4017_13_1"}}, Region: "DE"},
	{ID: "uk.travel.hotel.italy", Name: "Hotel stay, Italy", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4024_13_1"}}, Region: "IT"},
	{ID: "uk.travel.hotel.spain", Name: "Hotel stay, Spain", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4047_13_1"}}, Region: "ES"},
	{ID: "uk.travel.hotel.usa", Name: "Hotel stay, United States", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4053_13_1"}}, Region: "US"},
	{ID: "uk.travel.hotel.china", Name: "Hotel stay, China", Scope: 3, Cat: 6, Unit: "room-night", Boundary: bHotelUK, From: dz{value: []string{"29_600_4009_13_1"}}, Region: "CN"},

	// ---- United States (EPA GHG Emission Factors Hub 2025) ----
	{ID: "us.electricity.grid", Name: "Grid electricity, US average (eGRID total output rate)", Scope: 2, Unit: "kWh", Boundary: bGridUS, From: epaRow{table: "Table 6", row: 366, label: "US Average", co2: "E", ch4: "F", n2o: "G", co2Mult: kgPerLb / kWhPerMWh, ghgMult: kgPerLb / kWhPerMWh, checks: epaT6, yearFrom: epaEGRID, grossLoss: "K"}},
	{ID: "us.electricity.grid.camx", Name: "Grid electricity, US eGRID subregion CAMX (WECC California)", Scope: 2, Unit: "kWh", Boundary: bGridUS, From: epaRow{table: "Table 6", row: 342, label: "CAMX", co2: "E", ch4: "F", n2o: "G", co2Mult: kgPerLb / kWhPerMWh, ghgMult: kgPerLb / kWhPerMWh, checks: epaT6, yearFrom: epaEGRID, grossLoss: "K"}},
	{ID: "us.electricity.grid.erct", Name: "Grid electricity, US eGRID subregion ERCT (ERCOT, Texas)", Scope: 2, Unit: "kWh", Boundary: bGridUS, From: epaRow{table: "Table 6", row: 343, label: "ERCT", co2: "E", ch4: "F", n2o: "G", co2Mult: kgPerLb / kWhPerMWh, ghgMult: kgPerLb / kWhPerMWh, checks: epaT6, yearFrom: epaEGRID, grossLoss: "K"}},
	{ID: "us.electricity.grid.rfce", Name: "Grid electricity, US eGRID subregion RFCE (RFC East)", Scope: 2, Unit: "kWh", Boundary: bGridUS, From: epaRow{table: "Table 6", row: 355, label: "RFCE", co2: "E", ch4: "F", n2o: "G", co2Mult: kgPerLb / kWhPerMWh, ghgMult: kgPerLb / kWhPerMWh, checks: epaT6, yearFrom: epaEGRID, grossLoss: "K"}},
	{ID: "us.electricity.grid.srso", Name: "Grid electricity, US eGRID subregion SRSO (SERC South)", Scope: 2, Unit: "kWh", Boundary: bGridUS, From: epaRow{table: "Table 6", row: 363, label: "SRSO", co2: "E", ch4: "F", n2o: "G", co2Mult: kgPerLb / kWhPerMWh, ghgMult: kgPerLb / kWhPerMWh, checks: epaT6, yearFrom: epaEGRID, grossLoss: "K"}},
	{ID: "us.natural-gas", Name: "Natural gas, US, stationary combustion (per mmBtu HHV)", Scope: 1, Unit: "mmBtu PCS", Boundary: bFuelUS, From: epaRow{table: "Table 1", row: 38, label: "Natural Gas", co2: "E", ch4: "F", n2o: "G", co2Mult: 1, ghgMult: 1 / gPerKg, checks: epaT1Gas, note: nHHV}},
	{ID: "us.diesel", Name: "Diesel / distillate fuel oil No. 2, US, stationary combustion", Scope: 1, Unit: "US gal", Boundary: bFuelUS, From: epaRow{table: "Table 1", row: 55, label: "Distillate Fuel Oil No. 2", co2: "H", ch4: "I", n2o: "J", co2Mult: 1, ghgMult: 1 / gPerKg, checks: epaT1Gallon}},
	{ID: "us.propane", Name: "Propane, US, stationary combustion", Scope: 1, Unit: "US gal", Boundary: bFuelUS, From: epaRow{table: "Table 1", row: 72, label: "Propane", co2: "H", ch4: "I", n2o: "J", co2Mult: 1, ghgMult: 1 / gPerKg, checks: epaT1Gallon}},
	{ID: "us.diesel.mobile", Mobile: true, Name: "Diesel fuel, US, mobile combustion (CO2 only)", Scope: 1, Unit: "US gal", Boundary: bFuelUS, From: epaRow{table: "Table 2", row: 107, label: "Diesel Fuel", co2: "D", co2Mult: 1, checks: append([]cellCheck{{107, "E", "gallon", false}}, epaT2...), note: nEPAMobile}},
	{ID: "us.gasoline.mobile", Mobile: true, Name: "Motor gasoline, US, mobile combustion (CO2 only)", Scope: 1, Unit: "US gal", Boundary: bFuelUS, From: epaRow{table: "Table 2", row: 112, label: "Motor Gasoline", co2: "D", co2Mult: 1, checks: append([]cellCheck{{112, "E", "gallon", false}}, epaT2...), note: nEPAMobile}},
	{ID: "us.district-heat", Name: "Purchased steam and heat, US (natural gas boiler)", Scope: 2, Unit: "kWh", Boundary: bHeatUS, From: epaRow{table: "Table 7", row: 410, label: "Steam and Heat", co2: "D", ch4: "E", n2o: "F", co2Mult: 1 / kWhPerMMBtu, ghgMult: 1 / gPerKg / kWhPerMMBtu, checks: epaT7}},
	{ID: "us.freight.road.truck", Name: "Road freight, medium- and heavy-duty truck, US", Scope: 3, Cat: 4, Unit: "short ton.mile", Boundary: bTransportUS, From: epaPerMile("Table 8", 425, "Medium- and Heavy-Duty TruckC", "short ton-mile", epaT8)},
	{ID: "us.freight.rail", Name: "Rail freight, US", Scope: 3, Cat: 4, Unit: "short ton.mile", Boundary: bTransportUS, From: epaPerMile("Table 8", 426, "Rail", "short ton-mile", epaT8)},
	{ID: "us.freight.water", Name: "Waterborne freight, US", Scope: 3, Cat: 4, Unit: "short ton.mile", Boundary: bTransportUS, From: epaPerMile("Table 8", 427, "Waterborne Craft", "short ton-mile", epaT8)},
	{ID: "us.freight.air", Name: "Air freight, US", Scope: 3, Cat: 4, Unit: "short ton.mile", Boundary: bTransportUS, From: epaPerMile("Table 8", 428, "Aircraft", "short ton-mile", epaT8)},
	{ID: "us.travel.car", Name: "Passenger car, US (per vehicle-mile)", Scope: 3, Cat: 6, Unit: "mile", Boundary: bTransportUS, From: epaPerMile("Table 10", 504, "Passenger Car A", "vehicle-mile", epaT10)},
	{ID: "us.travel.rail.intercity", Name: "Intercity rail, US national average", Scope: 3, Cat: 6, Unit: "passenger.mile", Boundary: bTransportUS, From: epaPerMile("Table 10", 509, "Intercity Rail - National Average C", "passenger-mile", epaT10)},
	{ID: "us.travel.air.short-haul", Name: "Flight, US, short haul (< 300 miles)", Scope: 3, Cat: 6, Unit: "passenger.mile", Boundary: bTransportUS, From: epaPerMile("Table 10", 513, "Air Travel - Short Haul (< 300 miles)", "passenger-mile", epaT10)},
	{ID: "us.travel.air.medium-haul", Name: "Flight, US, medium haul (300–2300 miles)", Scope: 3, Cat: 6, Unit: "passenger.mile", Boundary: bTransportUS, From: epaPerMile("Table 10", 514, "Air Travel - Medium Haul (>= 300 miles, < 2300 miles)", "passenger-mile", epaT10)},
	{ID: "us.travel.air.long-haul", Name: "Flight, US, long haul (>= 2300 miles)", Scope: 3, Cat: 6, Unit: "passenger.mile", Boundary: bTransportUS, From: epaPerMile("Table 10", 515, "Air Travel - Long Haul (>= 2300 miles)", "passenger-mile", epaT10)},
	{ID: "us.waste.mixed-metals.recycling", Name: "Mixed metals waste, recycled, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(472, "Mixed Metals", "D", "RecycledA"), Notes: nEPAWaste},
	{ID: "us.waste.mixed-plastics.recycling", Name: "Mixed plastics waste, recycled, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(473, "Mixed Plastics", "D", "RecycledA"), Notes: nEPAWaste},
	{ID: "us.waste.mixed-plastics.combustion", Name: "Mixed plastics waste, combusted, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(473, "Mixed Plastics", "F", "CombustedC"), Notes: nEPAWaste},
	{ID: "us.waste.mixed-msw.landfill", Name: "Mixed municipal solid waste, landfilled, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(477, "Mixed MSW", "E", "LandfilledB"), Notes: nEPAWaste},
	{ID: "us.waste.mixed-msw.combustion", Name: "Mixed municipal solid waste, combusted, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(477, "Mixed MSW", "F", "CombustedC"), Notes: nEPAWaste},
	{ID: "us.waste.mixed-electronics.recycling", Name: "Mixed electronics waste, recycled, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(485, "Mixed Electronics", "D", "RecycledA"), Notes: nEPAWaste},
	{ID: "us.waste.tires.recycling", Name: "Tyres waste, recycled, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(489, "Tires", "D", "RecycledA"), Notes: nEPAWaste},
	{ID: "us.waste.tires.combustion", Name: "Tyres waste, combusted, US", Scope: 3, Cat: 5, Unit: "short ton", Boundary: bWasteUS, From: epaWaste(489, "Tires", "F", "CombustedC"), Notes: nEPAWaste},

	// ---- Avoided emissions (kind avoided: reported apart, never in a scope or total) ----
	// Each is what one unit of a circular activity displaces, from two factors of one dataset:
	// the primary material less the recycled one, per tonne of recycled material used; a new
	// battery or vehicle, per tonne put back in service. Scope 3 category 1 is where the
	// displaced purchase would have counted.
	{ID: "fr.avoided.material.steel.recycled", Name: "Avoided: recycled instead of virgin steel", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{adTotal{el: "26729"}, adTotal{el: "26730"}}},
	{ID: "fr.avoided.material.aluminium.recycled", Name: "Avoided: recycled instead of virgin aluminium", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{adTotal{el: "26731"}, adTotal{el: "26732"}}},
	{ID: "fr.avoided.material.copper.recycled", Name: "Avoided: recycled instead of virgin copper", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{adTotal{el: "26733"}, adTotal{el: "26734"}}},
	{ID: "fr.avoided.material.glass.recycled", Name: "Avoided: recycled instead of virgin container glass", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{adTotal{el: "26741"}, adTotal{el: "26742"}}},
	{ID: "fr.avoided.material.plastic.recycled", Name: "Avoided: recycled instead of virgin plastic (average)", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{adTotal{el: "20836"}, adTotal{el: "20843"}}},
	{ID: "uk.avoided.material.steel.closed-loop", Name: "Avoided: closed-loop instead of primary steel", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{dz{value: []string{"19_504_5116_15_1"}}, dz{value: []string{"19_504_5119_15_1"}}}},
	{ID: "uk.avoided.material.aluminium.closed-loop", Name: "Avoided: closed-loop instead of primary aluminium", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{dz{value: []string{"19_504_5104_15_1"}}, dz{value: []string{"19_504_5107_15_1"}}}},
	{ID: "uk.avoided.material.plastic.closed-loop", Name: "Avoided: closed-loop instead of primary plastics (average)", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{dz{value: []string{"19_505_5120_15_1"}}, dz{value: []string{"19_505_5123_15_1"}}}},
	{ID: "uk.avoided.material.glass.closed-loop", Name: "Avoided: closed-loop instead of primary glass", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{dz{value: []string{"19_501_5056_15_1"}}, dz{value: []string{"19_501_5059_15_1"}}}},
	{ID: "uk.avoided.material.mineral-oil.closed-loop", Name: "Avoided: re-refined instead of primary mineral oil", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{dz{value: []string{"19_500_5036_15_1"}}, dz{value: []string{"19_500_5039_15_1"}}}},
	{ID: "uk.avoided.tyres.re-used", Name: "Avoided: re-used instead of new tyres", Unit: "t", Boundary: bAvoidedMaterial, Avoided: true, From: avoided{dz{value: []string{"19_500_5044_15_1"}}, dz{value: []string{"19_500_5045_15_1"}}}},
	{ID: "uk.avoided.battery.second-life", Name: "Avoided: second-life Li-ion battery instead of a new one (per tonne of battery)", Unit: "t", Boundary: bAvoidedReuse, Avoided: true, From: avoided{instead: dz{value: []string{"19_503_5096_15_1"}}}, Notes: nSecondLife},
	{ID: "fr.avoided.vehicle.reconditioned", Name: "Avoided: reconditioned vehicle instead of a new one (per tonne of vehicle)", Unit: "t", Boundary: bAvoidedReuse, Avoided: true, From: avoided{instead: adTotal{el: "20905"}}, Notes: nReconditioned},

	// ---- Grid electricity per country: Ember lifecycle intensities split into Scope 2 and category 3 (grid.go) ----
	{ID: "ember.electricity.fra", Name: "Grid electricity, France, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"FRA", "FR"}},
	{ID: "ember.electricity.deu", Name: "Grid electricity, Germany, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"DEU", "DE"}},
	{ID: "ember.electricity.esp", Name: "Grid electricity, Spain, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"ESP", "ES"}},
	{ID: "ember.electricity.ita", Name: "Grid electricity, Italy, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"ITA", "IT"}},
	{ID: "ember.electricity.pol", Name: "Grid electricity, Poland, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"POL", "PL"}},
	{ID: "ember.electricity.gbr", Name: "Grid electricity, United Kingdom, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"GBR", "GB"}},
	{ID: "ember.electricity.bel", Name: "Grid electricity, Belgium, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"BEL", "BE"}},
	{ID: "ember.electricity.nld", Name: "Grid electricity, Netherlands, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"NLD", "NL"}},
	{ID: "ember.electricity.che", Name: "Grid electricity, Switzerland, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"CHE", "CH"}},
	{ID: "ember.electricity.prt", Name: "Grid electricity, Portugal, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"PRT", "PT"}},
	{ID: "ember.electricity.cze", Name: "Grid electricity, Czechia, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"CZE", "CZ"}},
	{ID: "ember.electricity.rou", Name: "Grid electricity, Romania, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"ROU", "RO"}},
	{ID: "ember.electricity.mar", Name: "Grid electricity, Morocco, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"MAR", "MA"}},
	{ID: "ember.electricity.tun", Name: "Grid electricity, Tunisia, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"TUN", "TN"}},
	{ID: "ember.electricity.chn", Name: "Grid electricity, China, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"CHN", "CN"}},
	{ID: "ember.electricity.ind", Name: "Grid electricity, India, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"IND", "IN"}},
	{ID: "ember.electricity.usa", Name: "Grid electricity, United States, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"USA", "US"}},
	{ID: "ember.electricity.mex", Name: "Grid electricity, Mexico, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"MEX", "MX"}},
	{ID: "ember.electricity.eu", Name: "Grid electricity, European Union, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"EU", "EU"}},
	{ID: "ember.electricity.europe", Name: "Grid electricity, Europe, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"Europe", "Europe"}},
	{ID: "ember.electricity.world", Name: "Grid electricity, world average, Ember (generation in Scope 2, upstream in category 3)", Scope: 2, Unit: "kWh", Boundary: bEmber, From: emberRef{"World", "World"}},
}
