package pipeline

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// FactorUse is how much of each factor vintage the inventory used, for weighing a factor
// diff: the activity of its direct and upstream lines in the factor's unit, consolidated,
// over every year, in the total of the configured Scope 2 method (a grid factor's location-
// and market-based lines would otherwise count twice).
func (r *Result) FactorUse() map[factors.VintageKey]factors.Use {
	market := r.Config.Trajectory.Scope2Method == emissions.MethodMarket
	use := map[factors.VintageKey]factors.Use{}
	for _, l := range r.Inventory.Lines {
		if l.FactorID == "" || (market && !l.InMarket()) || (!market && !l.InLocation()) {
			continue
		}
		k := factors.VintageKey{Key: factors.Key(l.FactorID), Year: l.FactorYear}
		u := use[k]
		switch l.Part {
		case emissions.PartDirect:
			u.Direct += l.Converted * l.Share
		case emissions.PartUpstream:
			u.Upstream += l.Converted * l.Share
		}
		use[k] = u
	}
	return use
}
