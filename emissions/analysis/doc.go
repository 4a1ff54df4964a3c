// Package analysis computes what is shown beside the inventory: how sure it is (a Monte Carlo
// over factor and data uncertainty), emission intensities and their targets, avoided emissions.
package analysis
