package emissions

import (
	"fmt"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// checkLifecycle warns, once per factor and activity year, when a grid factor holds a lifecycle
// intensity in Scope 2 (factors.Factor.LifecycleInScope2): no generation mix was published to
// split off its upstream part, so Scope 2 is overstated by it and category 3 gets none.
func (c *Calculator) checkLifecycle(a *Activity, f *factors.Factor) {
	if !f.LifecycleInScope2 {
		return
	}
	c.warnOnce(fmt.Sprintf("lifecycle/%s/%d", f.ID, a.Year), Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "lifecycle-in-scope2",
		Message: c.opts.Lang.T("factor %s (%v) is a lifecycle grid intensity that no published generation mix splits: its Scope 2 for %v holds the upstream part that belongs in Scope 3 category 3; this is its first %v row. Give a split factor in config factors.custom (value and upstream) if you have one",
			f.ID, lang.Year(Vintage(*f)), lang.Year(a.Year), lang.Year(a.Year))})
}
