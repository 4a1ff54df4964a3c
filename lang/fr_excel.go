package lang

// frenchExcel translates the Excel export: sheet names, column titles and notes.
var frenchExcel = map[string]string{}
