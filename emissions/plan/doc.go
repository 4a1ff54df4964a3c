// Package plan projects the inventory toward the target year: targets and pathways, levers,
// the credits ledger, base-year policy and restatement, and what changed and why.
//
// It reads the lines the emissions package computed; the neutrality claim is package claim's.
package plan
