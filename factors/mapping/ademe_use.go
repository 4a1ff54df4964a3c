package mapping

import (
	"fmt"

	"github.com/footprint/footprint/factors"
)

// adPart takes some postes of an ADEME element and leaves the others out: for the use phase of
// sold second-hand products (Scope 3 category 11), a vehicle-km factor keeps the fuel's
// combustion and upstream and drops the poste Fabrication, whose burden belongs to the
// product's first life (cut-off rule for second-hand inputs). The left-out postes are named in
// the derivation.
type adPart struct {
	el    string
	keep  []string
	leave []string
}

func (r adPart) resolve(s *sources, e entry) (factors.Factor, error) {
	a := s.ademe
	f, el, kept, left, err := splitPostes(s, e, r.el, r.keep, r.leave)
	if err != nil {
		return f, err
	}
	if f.Value, err = a.Sum(kept); err != nil {
		return f, err
	}
	f.Derivation = fmt.Sprintf("value = %s of element %s; element total %s", posteList(kept), r.el, el.Total)
	if len(left) > 0 {
		f.Derivation += "; left out: " + posteList(left)
	}
	return f, nil
}
