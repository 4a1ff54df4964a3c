// Package workbook reads the user's activity workbooks (.xlsx) into emissions.Input: package
// checks (zip bombs, damage, encryption), a fast row reader with excelize as its oracle, and
// the loader (columns, aliases, header detection, refrigerant registers, instruments).
//
// It computes nothing: each row read goes to an emissions.Sink, the calculation.
package workbook
