package factors

import (
	"math"
	"sort"
)

// Diff is what changed between two factor libraries (a release and the next), vintage by
// vintage: a vintage is an id (by its Key) and a Year. Of a vintage's several versions, the
// latest published stands for it.
type Diff struct {
	Changed  []Change `json:"changed"`
	Added    []Factor `json:"added"`    // in the new library only
	Archived []Factor `json:"archived"` // in the old library only
}

// Change is one field of one vintage that differs. ChangePct is the relative change in % of a
// quantity (value, upstream, biogenic CO2, uncertainty, PCS/PCI, energy), nil for the other
// fields and when the old quantity is 0 or absent. TCO2eMoved is what the change moves in an
// inventory (Diff.Weigh), nil when not weighed or not a quantity that scales emissions.
type Change struct {
	ID         string   `json:"id"`
	Year       int      `json:"year"`
	Field      string   `json:"field"`
	Old        any      `json:"old"`
	New        any      `json:"new"`
	ChangePct  *float64 `json:"change_pct"`
	TCO2eMoved *float64 `json:"tco2e_moved,omitempty"`
}

// diffField is one field the diff compares: its name in the factor's JSON, its value, and
// whether it is a quantity (a % change makes sense).
type diffField struct {
	name     string
	quantity bool
	get      func(Factor) any
}

// diffFields are compared in this order. The citation (source, version, source id,
// published) changes with every release and is not a change of the factor.
var diffFields = []diffField{
	{"value", true, func(f Factor) any { return f.Value }},
	{"upstream", true, func(f Factor) any { return f.Upstream }},
	{"unit", false, func(f Factor) any { return f.Unit }},
	{"scope", false, func(f Factor) any { return f.Scope }},
	{"category", false, func(f Factor) any { return f.Category }},
	{"kind", false, func(f Factor) any { return string(f.Kind) }},
	{"gwp", false, func(f Factor) any { return f.GWP }},
	{"data_year", false, func(f Factor) any { return f.DataYear }},
	{"carrier", false, func(f Factor) any { return f.EnergyCarrier() }},
	{"region", false, func(f Factor) any { return f.Region }},
	{"biogenic_co2", true, func(f Factor) any { return f.BiogenicCO2 }},
	{"uncertainty_pct", true, func(f Factor) any {
		if f.UncertaintyPct == nil {
			return nil
		}
		return *f.UncertaintyPct
	}},
	{"pcs_per_pci", true, func(f Factor) any { return f.PCSPerPCI }},
	{"energy_mwh", true, func(f Factor) any { return f.EnergyMWh }},
	{"energy_class", false, func(f Factor) any { return f.EnergyClass }},
	{"beges_poste", false, func(f Factor) any { return f.BegesPoste }},
}

// VintageKey names a vintage: an id's Key and its Year.
type VintageKey struct {
	Key  string
	Year int
}

// Vintage is f's VintageKey.
func (f Factor) Vintage() VintageKey { return VintageKey{Key(f.ID), f.Year} }

// Compare returns what changed from old to new, by vintage, in the order of ids and years.
func Compare(old, new []Factor) Diff {
	o, n := latestVersions(old), latestVersions(new)
	d := Diff{Changed: []Change{}, Added: []Factor{}, Archived: []Factor{}}
	for _, k := range unionKeys(o, n) {
		of, inOld := o[k]
		nf, inNew := n[k]
		switch {
		case !inOld:
			d.Added = append(d.Added, nf)
		case !inNew:
			d.Archived = append(d.Archived, of)
		default:
			for _, fd := range diffFields {
				ov, nv := fd.get(of), fd.get(nf)
				if ov == nv {
					continue
				}
				c := Change{ID: nf.ID, Year: nf.Year, Field: fd.name, Old: ov, New: nv}
				if a, ok := ov.(float64); ok && fd.quantity && a != 0 {
					if b, ok := nv.(float64); ok {
						pct := (b - a) / a * 100
						c.ChangePct = &pct
					}
				}
				d.Changed = append(d.Changed, c)
			}
		}
	}
	return d
}

// latestVersions keeps the latest published version of each vintage.
func latestVersions(fs []Factor) map[VintageKey]Factor {
	out := map[VintageKey]Factor{}
	for _, f := range fs {
		k := f.Vintage()
		if prev, ok := out[k]; !ok || f.Published >= prev.Published {
			out[k] = f
		}
	}
	return out
}

func unionKeys(a, b map[VintageKey]Factor) []VintageKey {
	var ks []VintageKey
	for k := range a {
		ks = append(ks, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			ks = append(ks, k)
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].Key != ks[j].Key {
			return ks[i].Key < ks[j].Key
		}
		return ks[i].Year < ks[j].Year
	})
	return ks
}

// Use is how much of a vintage an inventory used: its activity in the factor's unit, after
// consolidation, on its direct lines (the value's) and on its upstream lines.
type Use struct {
	Direct, Upstream float64
}

// Weigh gives every change of value or upstream its TCO2eMoved in the inventory whose use of
// each vintage is use: activity × change / 1000 (0 for a vintage the inventory does not use).
// Other fields move no figure that can be told (a unit, a scope) and keep nil. The changes
// are then ranked by the size of their move, largest first.
func (d *Diff) Weigh(use map[VintageKey]Use) {
	for i := range d.Changed {
		c := &d.Changed[i]
		u := use[VintageKey{Key(c.ID), c.Year}]
		var moved float64
		a, okA := c.Old.(float64)
		b, okB := c.New.(float64)
		switch {
		case c.Field == "value" && okA && okB:
			moved = u.Direct * (b - a) / 1000
		case c.Field == "upstream" && okA && okB:
			moved = u.Upstream * (b - a) / 1000
		default:
			continue
		}
		c.TCO2eMoved = &moved
	}
	sort.SliceStable(d.Changed, func(i, j int) bool { return moved(d.Changed[i]) > moved(d.Changed[j]) })
}

// moved is the size of a change's move, -1 when it has none, for ranking.
func moved(c Change) float64 {
	if c.TCO2eMoved == nil {
		return -1
	}
	return math.Abs(*c.TCO2eMoved)
}
