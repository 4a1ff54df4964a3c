// Package disclose computes the regulatory tables from the inventory lines: the French BEGES
// postes and the figures ESRS E1-6 singles out (ETS share, flagged activities).
package disclose
