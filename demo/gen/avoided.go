package main

// avoided are the rows of avoided emissions (factors of kind avoided, SPEC §9): what the
// circular activities displace, reported apart and never subtracted from the inventory. The
// quantities are illustrative and derive from the drivers of site.go.
func avoided() []stream {
	return []stream{
		flins(assembly, "fr.avoided.material.steel.recycled", "t", vehiclesAssembled.scale(0.05), annual, 1, "recycled instead of virgin steel in cast parts, 50 kg per vehicle (as on Materials)"),
		flins(retrofit, "fr.avoided.vehicle.reconditioned", "t", vehiclesReconditioned.scale(1.3), annual, 0, "vehicles reconditioned x 1.3 t; upper bound: each assumed to displace a new vehicle's manufacture"),
		flins(reenergy, "uk.avoided.battery.second-life", "t", batteryPacks.scale(0.35*0.6), annual, 1, "stationary storage units shipped: 60 % of the 350 kg packs received"),
		flins(recycle, "fr.avoided.material.steel.recycled", "t", tonnesRecycled.scale(0.55), annual, 0, "ferrous fraction sold as recycled steel: 55 % of the tonnage processed"),
		flins(recycle, "fr.avoided.material.aluminium.recycled", "t", tonnesRecycled.scale(0.08), annual, 0, "aluminium fraction sold as secondary aluminium: 8 % of the tonnage processed"),
		flins(recycle, "fr.avoided.material.plastic.recycled", "t", tonnesRecycled.scale(0.05), annual, 0, "plastics sold as regranulate: 5 % of the tonnage processed"),
	}
}
