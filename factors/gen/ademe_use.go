package main

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
	el, err := a.element(r.el)
	if err != nil {
		return factors.Factor{}, err
	}
	f, err := ademeBase(a, el, e)
	if err != nil {
		return f, err
	}
	if n := len(r.keep) + len(r.leave); n != len(el.postes) {
		return f, fmt.Errorf("%s: element %s has %d postes, the table names %d (%v + %v)", a.path, r.el, len(el.postes), n, r.keep, r.leave)
	}
	kept, err := a.postes(el, r.keep)
	if err != nil {
		return f, err
	}
	left, err := a.postes(el, r.leave)
	if err != nil {
		return f, err
	}
	if f.Value, err = a.sum(kept); err != nil {
		return f, err
	}
	f.Derivation = fmt.Sprintf("value = %s of element %s; element total %s", posteList(kept), r.el, el.total)
	if len(left) > 0 {
		f.Derivation += "; left out: " + posteList(left)
	}
	return f, nil
}
