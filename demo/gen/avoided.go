package main

// avoided are the rows of avoided emissions (factors of kind avoided, docs/methodology.md#avoided-emissions): what the
// circular activities displace, reported apart and never subtracted from the inventory. The
// quantities are illustrative and derive from the drivers of site.go.
//
// A reconditioned vehicle does not displace a whole new vehicle: it adds some years of service
// to one that already exists, and many would have found a buyer anyway. The demo counts the
// share of a new vehicle's manufacture it defers: substitutionRate.
func avoided() []stream {
	return []stream{
		flins(assembly, "fr.avoided.material.steel.recycled", "t", vehiclesAssembled.scale(0.05), annual, 1, "recycled instead of virgin steel in cast parts, 50 kg per vehicle (as on Materials)"),
		flins(retrofit, "fr.avoided.vehicle.reconditioned", "t", vehiclesReconditioned.scale(vehicleMass*substitutionRate), annual, 0, "vehicles reconditioned x 1.3 t x 10 % substitution rate (illustrative: ~3 more years of a ~15-year life, for half of them)"),
		flins(reenergy, "uk.avoided.battery.second-life", "t", batteryPacks.scale(0.35*0.6), annual, 1, "stationary storage units shipped: 60 % of the 350 kg packs received"),
		flins(recycle, "fr.avoided.material.steel.recycled", "t", tonnesRecycled.scale(0.55), annual, 0, "ferrous fraction sold as recycled steel: 55 % of the tonnage processed"),
		flins(recycle, "fr.avoided.material.aluminium.recycled", "t", tonnesRecycled.scale(0.08), annual, 0, "aluminium fraction sold as secondary aluminium: 8 % of the tonnage processed"),
		flins(recycle, "fr.avoided.material.plastic.recycled", "t", tonnesRecycled.scale(0.05), annual, 0, "plastics sold as regranulate: 5 % of the tonnage processed"),
	}
}

// vehicleMass is the average mass of a reconditioned vehicle, t (as on Logistics).
const vehicleMass = 1.3

// substitutionRate is the share of a new vehicle's manufacture that one reconditioned vehicle
// is assumed to displace (illustrative): reconditioning adds about 3 years to a ~15-year
// service life (20 %), and about half of the vehicles would otherwise have left the fleet
// (the others would have been resold as they were): 20 % × 50 % = 10 %.
const substitutionRate = 0.10
