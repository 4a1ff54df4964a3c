package main

// Scope 3 category 11, use of sold products: what the vehicles and batteries the site sells
// emit over their (remaining) lifetime, counted in the year they are sold (GHG Protocol Scope 3
// Standard, chapter 5.11: direct use-phase emissions, the whole expected lifetime). Every
// figure below is an illustrative assumption; the factors are the library's fr.use.car (ADEME
// 43791 without its poste Fabrication) and fr.use.electricity (ADEME 43642).
//
// Cut-off rule for second-hand inputs: a used vehicle or battery enters the site burden-free.
// Its manufacture and first life belong to its first owner; the site counts what it adds
// (parts, energy, transport: the other sheets) and, here, the use of its next life.

const (
	// lifetimeKmNew: a new car sold by the assembly plant drives 150,000 km.
	lifetimeKmNew = 150000
	// remainingKmReconditioned: a reconditioned vehicle has about 80,000 km of life left.
	remainingKmReconditioned = 80000
	// evKWhPerKm: consumption of a battery-electric car at the plug.
	evKWhPerKm = 0.17
	// reconditionedEVShare: share of battery-electric vehicles among those reconditioned.
	reconditionedEVShare = 0.15
	// storageLossKWh: energy lost over the life of a second-life storage unit: 40 kWh usable,
	// 250 full cycles a year for 10 years, 10 % round-trip loss.
	storageLossKWh = 40 * 250 * 10 * 0.10
	// storageUnitsPerPack: storage units sold per battery pack received (60 % of packs).
	storageUnitsPerPack = 0.6
)

func soldProducts() []stream {
	va, vr := vehiclesAssembled, vehiclesReconditioned
	ice := byYear{}
	for y, s := range evShare {
		ice[y] = 1 - s
	}
	use := func(pole, activity, unit string, q byYear, note string) stream {
		s := flins(pole, activity, unit, q, annual, 0, note)
		s.scope, s.category = 3, 11
		return s
	}
	return []stream{
		use(assembly, "fr.use.car", "km", va.times(ice).scale(lifetimeKmNew), "new combustion-engine cars sold: 150,000 km of life each"),
		use(assembly, "fr.use.electricity", "kWh", va.times(evShare).scale(lifetimeKmNew*evKWhPerKm), "new electric cars sold: 150,000 km at 0.17 kWh/km"),
		use(retrofit, "fr.use.car", "km", vr.scale((1-reconditionedEVShare)*remainingKmReconditioned), "reconditioned combustion-engine vehicles back on the road: 80,000 km of life left (cut-off: their first life is not ours)"),
		use(retrofit, "fr.use.electricity", "kWh", vr.scale(reconditionedEVShare*remainingKmReconditioned*evKWhPerKm), "reconditioned electric vehicles: 80,000 km left at 0.17 kWh/km"),
		use(reenergy, "fr.use.electricity", "kWh", batteryPacks.scale(storageUnitsPerPack*storageLossKWh), "second-life storage units sold: lifetime round-trip losses, 40 kWh × 250 cycles × 10 years × 10 %"),
	}
}
