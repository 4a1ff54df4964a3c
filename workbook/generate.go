package workbook

// The corpus of broken inputs and its table of expected problems (cases.json).
//go:generate go run ./testdata/broken/gen -out testdata/broken
