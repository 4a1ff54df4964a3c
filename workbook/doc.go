// Package workbook reads the user's activity workbooks (.xlsx) into emissions.Input: package
// checks (zip bombs, damage, encryption), a fast row reader with excelize as its oracle, and
// the loader (columns, aliases, header detection, refrigerant registers, instruments).
// It also writes the user's side of the .xlsx: annotate's copy of a workbook with footprint's
// columns appended (streamed, excelize as fallback and oracle), and the input template.
//
// It computes nothing: each row read goes to an emissions.Sink, the calculation; annotate is
// handed the rows' results.
package workbook
