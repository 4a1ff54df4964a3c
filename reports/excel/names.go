package excel

import (
	"strconv"
	"strings"
)

// Sheet names are written in English in the code (sheetSummary = lang.Key("Summary")…): the
// catalogue's keys of the names the workbook gives them in the report's language. Every place
// that names a sheet in the workbook (creating it, a table's sheet, a chart's series, a print
// area, the Summary's table of contents) goes through sheet, so that a reference names the
// sheet as the workbook has it. The ESRS and BEGES sheets keep their names in every language:
// the standards name them so.

// sheet is the name in the workbook of the sheet whose English name is key. A name already in
// the report's language comes back unchanged (no French sheet name is an English key), so a
// sink may call it on any name.
func (x *exporter) sheet(key string) string {
	return x.e.Lang.T(key)
}

// sheetRef is a sheet's name as a formula or a chart's series names it: in quotes unless it is
// plain ASCII letters and digits (Trajectory!$B$3, 'Synthèse'!$B$3,
// 'ESRS E1-6'!$A$1).
func sheetRef(name string) string {
	plain := name != ""
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
			plain = false
			break
		}
	}
	if plain && !(name[0] >= '0' && name[0] <= '9') {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// count writes a count in a sentence: grouped in French (10 000 itérations), as the language
// writes it; in English without grouping, as the export has always written it (10000
// iterations).
func (x *exporter) count(n int) string {
	if l := x.e.Lang; l.IsFrench() {
		return l.Int(n)
	}
	return strconv.Itoa(n)
}
