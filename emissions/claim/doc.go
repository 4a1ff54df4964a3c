// Package claim checks the neutrality claim of each trajectory year: residual emissions within
// the claim's boundary, retired credits and own removals, and the reasons a claim fails.
package claim
