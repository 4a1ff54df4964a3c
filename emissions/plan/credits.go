package plan

// The neutrality ledger (ISO 14068-1, ESRS E1-7): carbon credits of known quality and the
// organisation's own removals, kept apart from the inventory. Nothing here is ever subtracted
// from a scope, a total or a target; only retired credits and own removals count toward a
// claim (claim.go), while the plan's view (TrajectoryYear.Credits, Net) counts every credit of
// the year whatever its status (docs/methodology.md#credits-in-the-trajectory).

// Credit types and statuses.
const (
	CreditReduction = "reduction"
	CreditRemoval   = "removal"

	CreditPlanned    = "planned"
	CreditContracted = "contracted"
	CreditRetired    = "retired"
)

// Credit is one line of the credits ledger. Year is the year whose emissions it is meant to
// counterbalance; Vintage the year the reduction or removal took place.
type Credit struct {
	Year  int
	TCO2e float64
	Kind  string // reduction | removal ("type" in config; "kind" is its older name)
	Name  string

	Registry, Serials, Standard, Methodology, Country string
	Vintage                                           int
	DurabilityYears                                   int
	// CorrespondingAdjustment: the host country adjusts its own accounts (Paris Agreement
	// Article 6), so the tonne is not also claimed by the country.
	CorrespondingAdjustment bool
	Status                  string // planned (default) | contracted | retired
	RetirementDate          string // as written, e.g. 2025-03-31
	PriceEUR                *float64
}

// StatusOrDefault is the credit's status, planned when none is given.
func (c Credit) StatusOrDefault() string {
	if c.Status == "" {
		return CreditPlanned
	}
	return c.Status
}

// Retired reports whether the credit has been retired (cancelled) in its registry: the only
// credits a claim may count.
func (c Credit) Retired() bool { return c.StatusOrDefault() == CreditRetired }

// Removal is a removal in the organisation's own operations or value chain (e.g. a forest or
// soil project on its land), counted apart from credits (ESRS E1-7 §56 a).
type Removal struct {
	Year            int
	TCO2e           float64
	Name            string
	Method          string // how it is measured or the methodology followed
	DurabilityYears int
}
