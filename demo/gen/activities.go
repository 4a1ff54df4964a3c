package main

import "sort"

// sheet is one activity sheet of the workbook.
type sheet struct {
	name      string
	header    []string // in column order: Year, Site, Pole, Activity, Quantity, Unit, [Scope, Category,] Comment
	withScope bool     // has the Scope and Category columns
	dated     bool     // the Year column holds the period's last day as a date cell
	streams   []stream
	// entity and dataType are the headers of the Entity and DataType columns, after Comment
	// ("" for none); dataTypeValue is the DataType of every row.
	entity, dataType, dataTypeValue string
}

var (
	englishHeader = []string{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Comment"}
	scopedHeader  = []string{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Comment"}
	// frenchHeader exercises the header aliases of docs/user-guide.md#header-aliases (the config maps them).
	frenchHeader = []string{"Année", "Site", "Pôle", "Activité", "Quantité", "Unité", "Commentaire"}
)

// columns is the sheet's header row: header, then the Entity and DataType columns it has.
func (s sheet) columns() []string {
	out := append([]string{}, s.header...)
	for _, h := range []string{s.entity, s.dataType} {
		if h != "" {
			out = append(out, h)
		}
	}
	return out
}

// rows lists the sheet's rows year by year, streams in declaration order within a year.
func (s sheet) rows() []row {
	var out []row
	for _, st := range s.streams {
		out = append(out, st.rows()...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// activitySheets are the activity sheets in workbook order.
func activitySheets() []sheet {
	return []sheet{
		{name: "Energy", header: englishHeader, streams: energy(), entity: "Entity"},
		{name: "Logistics", header: englishHeader, streams: logistics(), entity: "Entity"},
		{name: "Materials", header: frenchHeader, streams: materials(), entity: "Entité", dataType: "Type de donnée", dataTypeValue: "secondary"},
		{name: "Waste", header: englishHeader, streams: waste(), entity: "Entity"},
		{name: "Refrigerants", header: englishHeader, streams: refrigerants(), entity: "Entity"},
		{name: "Travel", header: scopedHeader, withScope: true, dated: true, streams: travel(), entity: "Entity"},
		{name: "Services", header: scopedHeader, withScope: true, streams: services(), entity: "Entity", dataType: "DataType", dataTypeValue: "primary"},
		{name: "Sold products", header: scopedHeader, withScope: true, streams: soldProducts(), entity: "Entity"},
		{name: "Avoided", header: englishHeader, streams: avoided()},
	}
}

// flins is a stream at the main site; hub one at Hub Nord (pole RE-TROFIT).
func flins(pole, activity, unit string, q byYear, sp split, decimals int, note string) stream {
	return stream{site: mainSite, pole: pole, activity: activity, unit: unit, annual: q, split: sp, decimals: decimals, note: note}
}

func hub(activity, unit string, q byYear, sp split, decimals int, note string) stream {
	return stream{site: hubSite, pole: retrofit, activity: activity, unit: unit, annual: q, split: sp, decimals: decimals, note: note}
}

const (
	electricity = "fr.electricity.grid"
	gas         = "fr.natural-gas.pcs"
	roadDiesel  = "fr.diesel.road"
	gnr         = "fr.diesel.off-road"
	propane     = "fr.propane"
	truck       = "fr.freight.road.artic-34-40t"
	van         = "fr.freight.road.van"
	rail        = "fr.freight.rail.electric"
	roro        = "fr.freight.sea.roro"
	carCarrier  = "uk.freight.sea.car-carrier"
)

func energy() []stream {
	el, g := electricityMWh, gasMWhPCS
	mwhPCSInvoice := flins(restart, gas, "kWh PCS", g[restart].scale(1000), heatHalf, 0, "gas, RE-START offices, labs and training centre")
	mwhPCSInvoice.bigUnit, mwhPCSInvoice.bigPeriod = "MWh PCS", map[int]string{2025: "H2"}
	return []stream{
		flins(assembly, electricity, "MWh", el[assembly], powerQtrs, 1, "HV supply, presses, body and paint shops"),
		flins(retrofit, electricity, "MWh", el[retrofit], powerQtrs, 1, "sub-meter, reconditioning workshops and paint booths"),
		flins(reenergy, electricity, "kWh", el[reenergy].scale(1000), halves, 0, "sub-meter, battery testing and storage hall"),
		flins(recycle, electricity, "MWh", el[recycle], halves, 1, "sub-meter, dismantling and shredding lines"),
		flins(restart, electricity, "kWh", el[restart].scale(1000), halves, 0, "sub-meter, offices, labs and training centre"),
		hub(electricity, "kWh", hubElectricityMWh.scale(1000), halves, 0, "supplier invoice, Hub Nord warehouse"),

		flins(assembly, gas, "kWh PCS", g[assembly].scale(1000), heatQtrs, 0, "paint-shop ovens and space heating"),
		flins(retrofit, gas, "kWh PCS", g[retrofit].scale(1000), heatHalf, 0, "paint booths and workshop heating"),
		flins(reenergy, gas, "kWh PCS", g[reenergy].scale(1000), heatHalf, 0, "space heating, battery hall"),
		flins(recycle, gas, "kWh PCS", g[recycle].scale(1000), heatHalf, 0, "space heating, recycling halls"),
		mwhPCSInvoice,
		hub(gas, "kWh PCS", hubGasMWhPCS.scale(1000), heatHalf, 0, "space heating, Hub Nord warehouse"),

		flins(assembly, gnr, "L", offRoadDieselL[assembly], halves, 0, "yard tractors and emergency generators"),
		flins(recycle, gnr, "L", offRoadDieselL[recycle], halves, 0, "wheel loaders feeding the shredder"),
		hub(gnr, "L", hubOffRoadDieselL, annual, 0, "yard tractors"),
		flins(assembly, propane, "L", propaneL[assembly], annual, 0, "LPG forklifts, being replaced by electric ones"),
		flins(recycle, propane, "L", propaneL[recycle], annual, 0, "LPG forklifts"),
		jointVenture(),
	}
}

// jointVenture is the gas of the battery joint venture's formation line at Flins: an
// investee the group does not control, reported apart under operational control.
func jointVenture() stream {
	s := flins(reenergy, gas, "kWh PCS", jvGasMWhPCS.scale(1000), heatHalf, 0, "formation and ageing ovens of the battery joint venture (40 % owned, not controlled)")
	s.entity = jvEntity
	return s
}

func logistics() []stream {
	va, vr := vehiclesAssembled, vehiclesReconditioned
	hubShare := byYear{2022: 0.20, 2023: 0.25, 2024: 0.30, 2025: 0.30}
	return []stream{
		flins(assembly, truck, "t.km", va.scale(1.4*0.75*450), annual, 0, "inbound parts by truck: 1.4 t per vehicle, 75 % by road, 450 km"),
		flins(assembly, rail, "t.km", va.scale(1.4*0.25*900), annual, 0, "inbound parts by rail: 25 % of 1.4 t per vehicle, 900 km"),
		flins(assembly, truck, "t.km", va.scale(1.35*0.70*450), annual, 0, "new vehicles to dealers by car transporter: 1.35 t, 70 %, 450 km"),
		flins(assembly, rail, "t.km", va.scale(1.35*0.20*800), annual, 0, "new vehicles by rail: 20 %, 800 km"),
		flins(assembly, roro, "t.km", va.scale(1.35*0.10*2000), annual, 0, "export vehicles by ro-ro ship: 10 %, 2,000 km"),
		flins(assembly, roadDiesel, "L", assemblyFleetDieselL, halves, 0, "site fleet: shuttles, service vans, tow trucks"),

		flins(retrofit, truck, "t.km", vr.scale(1.3*0.80*350), halves, 0, "used vehicles in by car transporter: 1.3 t, 80 %, 350 km"),
		flins(retrofit, rail, "t.km", vr.scale(1.3*0.15*700), annual, 0, "used vehicles in by rail: 15 %, 700 km"),
		flins(retrofit, carCarrier, "t.km", vr.scale(1.3*0.05*1200), annual, 0, "lease returns from Spain and the UK by car-carrier ship: 5 %, 1,200 km"),
		flins(retrofit, truck, "t.km", vr.scale(1.3*0.90*300), halves, 0, "reconditioned vehicles out by car transporter (incl. to Hub Nord): 90 %, 300 km"),
		flins(retrofit, rail, "t.km", vr.scale(1.3*0.10*600), annual, 0, "reconditioned vehicles out by rail: 10 %, 600 km"),
		flins(retrofit, van, "t.km", vr.scale(0.05*150), annual, 0, "spare parts by van: 50 kg per vehicle, 150 km"),
		flins(retrofit, roadDiesel, "L", retrofitFleetDieselL, halves, 0, "road tests (about 15 km per vehicle) and shuttles"),
		hub(truck, "t.km", vr.times(hubShare).scale(1.3*150), halves, 0, "last mile from Hub Nord to dealers, 150 km"),
		hub(roadDiesel, "L", hubFleetDieselL, annual, 0, "Hub Nord shuttles"),

		flins(reenergy, truck, "t.km", batteryPacks.scale(0.35*500), annual, 0, "used battery packs in: 350 kg, 500 km"),
		flins(reenergy, truck, "t.km", batteryPacks.scale(0.35*0.6*400), annual, 0, "stationary storage units out: 60 % of the mass in, 400 km"),
		flins(reenergy, van, "t.km", batteryPacks.scale(0.02*200), annual, 0, "spare modules by van: 20 kg per pack, 200 km"),

		flins(recycle, truck, "t.km", tonnesRecycled.scale(0.6*250), annual, 0, "sorted materials to recyclers by truck: 60 %, 250 km"),
		flins(recycle, rail, "t.km", tonnesRecycled.scale(0.4*600), annual, 0, "sorted materials to recyclers by rail: 40 %, 600 km"),
		flins(recycle, van, "t.km", tonnesRecycled.scale(0.02*120), annual, 0, "parts to reconditioning customers by van: 2 %, 120 km"),

		flins(restart, van, "t.km", byYear{2021: 4000, 2022: 9000, 2023: 15000, 2024: 22000, 2025: 28000}, annual, 0, "prototype and training-kit deliveries"),
	}
}

func materials() []stream {
	va, vr, bp, tr := vehiclesAssembled, vehiclesReconditioned, batteryPacks, tonnesRecycled
	return []stream{
		flins(assembly, "fr.material.steel.primary", "t", va.scale(0.55), annual, 1, "steel coil for the presses, 550 kg per vehicle incl. offcuts"),
		flins(assembly, "fr.material.steel.recycled", "t", va.scale(0.05), annual, 1, "cast parts from recycled steel, 50 kg per vehicle"),
		flins(assembly, "fr.material.aluminium.primary", "t", va.scale(0.045), annual, 1, "aluminium parts, 45 kg per vehicle"),
		flins(assembly, "fr.material.aluminium.recycled", "t", va.scale(0.02), annual, 1, "secondary aluminium castings, 20 kg per vehicle"),
		flins(assembly, "fr.material.copper.primary", "t", va.scale(0.012), annual, 1, "wiring harnesses, 12 kg per vehicle"),
		flins(assembly, "fr.material.plastic.primary", "t", va.scale(0.10), annual, 1, "plastic parts, 100 kg per vehicle"),
		flins(assembly, "fr.material.plastic.recycled", "t", va.scale(0.01), annual, 1, "recycled-content plastic parts, 10 kg per vehicle"),
		flins(assembly, "fr.material.glass.primary", "t", va.scale(0.032), annual, 1, "glazing, 32 kg per vehicle"),
		flins(assembly, "uk.material.li-ion-battery", "t", va.times(evShare).scale(0.30), annual, 1, "traction batteries, 300 kg per electric vehicle"),
		flins(assembly, "uk.material.tyres", "t", va.scale(0.04), annual, 1, "tyres, 5 per vehicle"),
		flins(assembly, "uk.material.mineral-oil", "t", va.scale(0.005), annual, 2, "first-fill oils and fluids"),

		flins(retrofit, "uk.material.tyres", "t", vr.scale(0.015), halves, 1, "new tyres: 4 × 9 kg on 40 % of vehicles"),
		flins(retrofit, "uk.material.mineral-oil", "t", vr.scale(0.004), annual, 1, "engine oil changes, 4 kg per vehicle"),
		flins(retrofit, "fr.material.plastic.primary", "t", vr.scale(0.004), annual, 1, "bumpers and trim, 4 kg per vehicle"),
		flins(retrofit, "fr.material.steel.primary", "kg", vr.scale(3), annual, 0, "body parts, 3 kg per vehicle"),
		flins(retrofit, "fr.material.glass.primary", "kg", vr.scale(1.5), annual, 0, "windscreens: 15 kg on 10 % of vehicles"),

		flins(reenergy, "fr.material.steel.recycled", "t", bp.scale(0.08), annual, 1, "racks and containers, 80 kg per pack"),
		flins(reenergy, "fr.material.copper.primary", "kg", bp.scale(5), annual, 0, "cabling and busbars, 5 kg per pack"),
		flins(reenergy, "fr.material.aluminium.recycled", "kg", bp.scale(10), annual, 0, "enclosures, 10 kg per pack"),
		flins(reenergy, "uk.material.li-ion-battery", "kg", bp.scale(10), annual, 0, "replacement cells, 10 kg per pack"),

		flins(recycle, "uk.material.mineral-oil", "kg", tr.scale(0.5), annual, 0, "hydraulic oil, 0.5 kg per tonne processed"),
		flins(recycle, "fr.material.steel.primary", "kg", tr.scale(1), annual, 0, "shredder blades and wear parts, 1 kg per tonne processed"),
		flins(recycle, "fr.material.plastic.primary", "kg", tr.scale(0.8), annual, 0, "big bags and packaging, 0.8 kg per tonne processed"),

		flins(restart, "fr.material.plastic.primary", "kg", byYear{2021: 200, 2022: 500, 2023: 900, 2024: 1200, 2025: 1500}, annual, 0, "3D-printing filament"),
		flins(restart, "fr.material.aluminium.primary", "kg", byYear{2021: 500, 2022: 1200, 2023: 2000, 2024: 2600, 2025: 3000}, annual, 0, "prototype parts"),
		flins(restart, "uk.material.li-ion-battery", "kg", byYear{2021: 300, 2022: 700, 2023: 1200, 2024: 1600, 2025: 2000}, annual, 0, "cells for start-up prototypes"),
		flins(restart, "fr.material.copper.primary", "kg", byYear{2021: 50, 2022: 120, 2023: 200, 2024: 260, 2025: 300}, annual, 0, "electrical training benches"),

		hub("fr.material.plastic.primary", "kg", byYear{2022: 3000, 2023: 4500, 2024: 5500, 2025: 6000}, annual, 0, "stretch film and protective covers"),
	}
}

func waste() []stream {
	va, vr, bp, tr := vehiclesAssembled, vehiclesReconditioned, batteryPacks, tonnesRecycled
	decommission := func(activity string, tonnes float64, note string) stream {
		s := flins(assembly, activity, "t", byYear{2024: tonnes}, dismantling, 1, note)
		s.keepSplit = true
		return s
	}
	return []stream{
		flins(assembly, "fr.waste.ferrous", "t", va.scale(0.11), annual, 1, "press offcuts, 110 kg per vehicle"),
		flins(assembly, "fr.waste.aluminium", "t", va.scale(0.006), annual, 1, "aluminium scrap"),
		flins(assembly, "fr.waste.plastic.recycling", "t", va.scale(0.008), annual, 1, "packaging film and plastic scrap"),
		flins(assembly, "fr.waste.mixed-industrial", "t", va.scale(0.025), annual, 1, "mixed industrial waste (DIB)"),
		flins(assembly, "fr.waste.hazardous.incineration", "t", va.scale(0.006), annual, 1, "paint sludge and solvents"),
		flins(assembly, "fr.waste.batteries", "t", va.scale(0.002), annual, 1, "rejected battery modules"),
		flins(assembly, "fr.waste.weee", "t", byYear{2019: 15, 2020: 12, 2021: 13, 2022: 12, 2023: 11, 2024: 4}, annual, 1, "electrical and electronic equipment"),
		decommission("fr.waste.ferrous", 1500, "dismantling of the assembly lines (steel structures, conveyors)"),
		decommission("fr.waste.mixed-industrial", 800, "dismantling of the assembly lines"),
		decommission("fr.waste.hazardous.incineration", 60, "paint-shop cleaning and decontamination"),
		decommission("fr.waste.weee", 40, "control cabinets and robots' electronics"),

		flins(retrofit, "fr.waste.mixed-industrial", "t", vr.scale(0.008), annual, 1, "mixed industrial waste, 8 kg per vehicle"),
		flins(retrofit, "fr.waste.plastic.recycling", "t", vr.scale(0.002), annual, 1, "old bumpers and trim"),
		flins(retrofit, "fr.waste.hazardous.incineration", "t", vr.scale(0.003), annual, 1, "used oil, filters, solvents"),
		flins(retrofit, "fr.waste.ferrous", "t", vr.scale(0.004), annual, 1, "replaced steel parts"),
		flins(retrofit, "fr.waste.batteries", "t", vr.scale(0.0008), annual, 2, "12 V batteries: 15 kg on 5 % of vehicles"),
		hub("fr.waste.mixed-industrial", "t", byYear{2022: 30, 2023: 40, 2024: 45, 2025: 50}, annual, 1, "Hub Nord mixed waste"),
		hub("fr.waste.plastic.recycling", "t", byYear{2022: 8, 2023: 11, 2024: 14, 2025: 15}, annual, 1, "stretch film"),

		flins(reenergy, "fr.waste.batteries", "t", bp.scale(0.03), annual, 1, "modules unfit for second life, 30 kg per pack"),
		flins(reenergy, "fr.waste.weee", "t", bp.scale(0.005), annual, 2, "battery management electronics"),
		flins(reenergy, "fr.waste.mixed-industrial", "t", bp.scale(0.01), annual, 1, "packaging and mixed waste"),

		flins(recycle, "fr.waste.mixed-industrial", "t", tr.scale(0.04), annual, 1, "residual fraction, 4 % of the tonnage processed"),
		flins(recycle, "fr.waste.hazardous.incineration", "t", tr.scale(0.005), annual, 1, "fluids drained from parts"),
		flins(recycle, "fr.waste.weee", "t", tr.scale(0.002), annual, 1, "electronics not reconditionable"),

		flins(restart, "fr.waste.mixed-industrial", "t", byYear{2021: 20, 2022: 35, 2023: 45, 2024: 55, 2025: 60}, annual, 1, "offices, labs and canteen"),
		flins(restart, "fr.waste.weee", "t", byYear{2021: 1, 2022: 2, 2023: 3, 2024: 3.5, 2025: 4}, annual, 1, "lab and IT equipment"),
	}
}

func refrigerants() []stream {
	vr := vehiclesReconditioned
	// A/C service: 0.45 kg charge per vehicle, 3 % lost during recovery and recharge.
	acLoss := vr.scale(0.45 * 0.03)
	r1234yfShare := byYear{}
	for y, s := range r134aShare {
		r1234yfShare[y] = 1 - s
	}
	return []stream{
		flins(assembly, "refrigerant.r-1234yf", "kg", vehiclesAssembled.scale(0.002), annual, 1, "losses at the A/C filling stations, 2 g per vehicle"),
		flins(assembly, "refrigerant.r-134a", "kg", byYear{2019: 40, 2020: 25, 2021: 35, 2022: 30, 2023: 20, 2024: 5}, annual, 1, "process chillers, leak checks"),
		flins(assembly, "refrigerant.r-410a", "kg", byYear{2019: 25, 2020: 18, 2021: 22, 2022: 20, 2023: 15, 2024: 4}, annual, 1, "office air conditioning"),
		flins(assembly, "refrigerant.sf6", "kg", byYear{2019: 3, 2021: 2, 2023: 4}, annual, 1, "HV switchgear, top-ups after servicing"),
		flins(reenergy, "refrigerant.sf6", "kg", byYear{2024: 1.5, 2025: 2.5}, annual, 1, "HV switchgear, operated by RE-ENERGY since 2024"),

		flins(retrofit, "refrigerant.r-134a", "kg", acLoss.times(r134aShare), annual, 1, "A/C service of older vehicles, 3 % of a 0.45 kg charge"),
		flins(retrofit, "refrigerant.r-1234yf", "kg", acLoss.times(r1234yfShare), annual, 1, "A/C service of recent vehicles, 3 % of a 0.45 kg charge"),
		flins(reenergy, "refrigerant.r-410a", "kg", byYear{2021: 3, 2022: 5, 2023: 8, 2024: 12, 2025: 15}, annual, 1, "cooling of battery storage containers"),
		flins(recycle, "refrigerant.r-410a", "kg", byYear{2022: 4, 2023: 6, 2024: 6, 2025: 7}, annual, 1, "control-room air conditioning"),
		flins(restart, "refrigerant.r-410a", "kg", byYear{2021: 5, 2022: 6, 2023: 8, 2024: 10, 2025: 12}, annual, 1, "offices and labs air conditioning"),
		hub("refrigerant.r-410a", "kg", byYear{2023: 2, 2025: 3}, annual, 1, "Hub Nord offices"),
	}
}

func travel() []stream {
	var out []stream
	for _, pole := range []string{assembly, retrofit, reenergy, recycle, restart} {
		level := staff[pole].times(travelLevel)
		if pole == restart {
			level = level.scale(2) // research and start-ups travel twice as much
		}
		out = append(out,
			flins(pole, "fr.travel.air.medium-haul", "passenger.km", level.scale(650), annual, 0, "business flights within Europe"),
			flins(pole, "fr.travel.train.high-speed", "passenger.km", level.scale(450), annual, 0, "business trips by TGV"),
			flins(pole, "fr.travel.car", "km", level.scale(350), annual, 0, "business trips by car (mileage claims and pool cars)"),
			flins(pole, "uk.travel.hotel.france", "room-night", level.scale(1.3), annual, 0, "hotel nights in France"),
		)
		commute := flins(pole, "fr.travel.car", "km", staff[pole].times(commuteLevel).scale(commuteKmPerStaffYear), annual, 0,
			"employee commuting by car (Category 7): 75 % drive 2 × 17 km on 215 days")
		commute.category = 7
		out = append(out, commute)
	}
	hubCommute := hub("fr.travel.car", "km", hubStaff.times(commuteLevel).scale(commuteKmPerStaffYear), annual, 0,
		"employee commuting by car (Category 7): 75 % drive 2 × 17 km on 215 days")
	hubCommute.category = 7
	survey := flins(assembly, "survey.commuting", "tCO2e", commuting2019T, annual, 0,
		"employee commuting, 2019 mobility survey; only the total is known")
	survey.scope, survey.category = 3, 7
	return append(out, hubCommute, survey)
}

func services() []stream {
	it := func(pole string, q byYear) stream {
		s := flins(pole, "supplier.it-services", "tCO2e", q, annual, 0, "purchased IT services, footprint reported by the supplier")
		s.scope, s.category = 3, 1
		return s
	}
	return []stream{it(assembly, itServicesAssemblyT), it(restart, itServicesRestartT)}
}
