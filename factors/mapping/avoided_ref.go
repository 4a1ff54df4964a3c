package mapping

import (
	"fmt"

	"github.com/footprint/footprint/factors"
)

// avoided derives an avoided-emission factor (kind avoided) from two published factors of one
// unit: value = instead − used, the emissions of what the activity displaces (primary
// material, a new battery, a new vehicle) less those of what it uses in its place (recycled or
// closed-loop material). used may be nil when the replacement's own emissions are counted in
// the inventory by their own rows (repurposing a battery: energy, transport, testing).
//
// The value must come out positive: a substitution that emits more than it displaces avoids
// nothing, and the library never ships a negative factor.
type avoided struct {
	instead, used ref
}

func (r avoided) resolve(s *sources, e entry) (factors.Factor, error) {
	f, err := r.instead.resolve(s, e)
	if err != nil {
		return f, err
	}
	from := fmt.Sprintf("%s %s (%s)", f.Dataset, f.SourceID, fmtNum(f.Value))
	f.Gases, f.BiogenicCO2 = nil, 0
	f.Derivation = "value = " + from
	if r.used != nil {
		u, err := r.used.resolve(s, e)
		if err != nil {
			return f, err
		}
		if u.Dataset != f.Dataset {
			return f, fmt.Errorf("avoided factor %s subtracts %s from %s: both must come from one dataset", e.ID, u.Dataset, f.Dataset)
		}
		f.Derivation += fmt.Sprintf(" − %s %s (%s)", u.Dataset, u.SourceID, fmtNum(u.Value))
		f.Value -= u.Value
		f.Source += " minus " + u.Source
		f.SourceID += "−" + u.SourceID
		// The uncertainty of a difference is not the source's: none is published for it.
		f.UncertaintyPct = nil
	}
	f.Derivation += " = " + fmtNum(f.Value) + " kgCO2e per " + e.Unit
	if !(f.Value > 0) {
		return f, fmt.Errorf("avoided factor %s: %s is not positive", e.ID, f.Derivation)
	}
	return f, nil
}
