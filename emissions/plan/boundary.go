package plan

import (
	"slices"
	"strconv"
	"strings"

	"github.com/footprint/footprint/emissions"
)

// ClaimBoundary is trajectory.neutrality's scopes, Scope 3 categories and Scope 2 method.
type ClaimBoundary struct {
	Scopes           []int // none: 1, 2 and 3
	Scope3Categories []int // none: every category (when Scope 3 is in Scopes)
	Scope2Method     string
}

// Resolved fills the defaults: every scope and category, the trajectory's Scope 2 method.
func (b ClaimBoundary) Resolved(trajectoryMethod string) ClaimBoundary {
	if len(b.Scopes) == 0 {
		b.Scopes = []int{1, 2, 3}
	}
	b.Scopes = slices.Sorted(slices.Values(b.Scopes))
	b.Scope3Categories = slices.Sorted(slices.Values(b.Scope3Categories))
	if b.Scope2Method == "" {
		b.Scope2Method = trajectoryMethod
	}
	if b.Scope2Method == "" {
		b.Scope2Method = emissions.MethodMarket
	}
	return b
}

// Includes reports whether l counts in the claim (b resolved).
func (b ClaimBoundary) Includes(l *emissions.Line) bool {
	if l.Part == emissions.PartAvoided || !slices.Contains(b.Scopes, l.Scope) {
		return false
	}
	if l.Scope == 2 && !l.In(b.Scope2Method) {
		return false
	}
	if l.Scope == 3 && len(b.Scope3Categories) > 0 && !slices.Contains(b.Scope3Categories, l.Category) {
		return false
	}
	return true
}

// Describe says the boundary in words, for the report next to the claim.
func (b ClaimBoundary) Describe() string {
	var parts []string
	for _, s := range b.Scopes {
		switch s {
		case 1:
			parts = append(parts, "Scope 1 (direct emissions)")
		case 2:
			parts = append(parts, "Scope 2 ("+b.Scope2Method+"-based)")
		case 3:
			if len(b.Scope3Categories) == 0 {
				parts = append(parts, "Scope 3 (all categories)")
			} else {
				cs := make([]string, len(b.Scope3Categories))
				for i, c := range b.Scope3Categories {
					cs[i] = strconv.Itoa(c)
				}
				parts = append(parts, "Scope 3 categories "+strings.Join(cs, ", "))
			}
		}
	}
	return strings.Join(parts, ", ")
}
