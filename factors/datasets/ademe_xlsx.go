package datasets

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// ADEMESheet is the sheet of the Base Carbone xlsx export that holds the elements.
const ADEMESheet = "Base_Carbone_V23.6"

// LoadADEMEXLSX reads the Base Carbone xlsx export: every valid element (status "Valide
// générique" or "Valide spécifique") and its postes, including the categories the CSV subset
// leaves out, such as the spend-based ratios ("Achats de biens > Ratios monétaires"). The
// sheet is streamed row by row: it holds about 18,600 rows of 67 columns. A line's Line is its
// sheet row. Numbers are kept as the CSV export writes them (12 significant digits), so the
// two readers give one text for one value.
func LoadADEMEXLSX(path string) (*ADEME, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 128 << 20})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := f.Rows(ADEMESheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, ADEMESheet, err)
	}
	defer rows.Close()
	var b *ademeBuilder
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q row %d: %w", path, ADEMESheet, n, err)
		}
		if b == nil {
			if b, err = newADEMEBuilder(path, cols); err != nil {
				return nil, fmt.Errorf("%s: sheet %q row 1: %w", path, ADEMESheet, err)
			}
			continue
		}
		if len(cols) == 0 {
			continue
		}
		for _, name := range ademeNumbers {
			if i := b.col[name]; i < len(cols) {
				cols[i] = csvNumber(cols[i])
			}
		}
		if err := b.add(n, cols); err != nil {
			return nil, err
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, ADEMESheet, err)
	}
	if b == nil {
		return nil, fmt.Errorf("%s: sheet %q is empty", path, ADEMESheet)
	}
	return b.a, nil
}

// ademeNumbers are the numeric columns the readers use.
var ademeNumbers = []string{"Identifiant de l'élément", "Incertitude", "Total poste non décomposé", "CO2f", "CH4f", "CH4b", "N2O", "CO2b"}

// csvNumber writes a raw cell number ("2.9300000000000003E-3") with 12 significant digits, as
// the CSV export has it ("0.00293"); text that is not a number is kept as it is.
func csvNumber(s string) string {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(v, 'g', 12, 64)
}
