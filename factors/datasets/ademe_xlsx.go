package datasets

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ADEMESheet is the sheet of the Base Carbone V23.6 xlsx export that holds the elements; other
// releases name it after themselves ("Base_Carbone_V23.7").
const ADEMESheet = "Base_Carbone_V23.6"

// ademeXLSXLimits bound what the xlsx reader unzips: a sheet's XML beyond UnzipXMLSizeLimit
// is extracted to a temporary file and streamed from there rather than held in memory.
var ademeXLSXLimits = excelize.Options{UnzipSizeLimit: 512 << 20, UnzipXMLSizeLimit: 16 << 20}

// LoadADEMEXLSX reads the Base Carbone xlsx export: every valid element (status "Valide
// générique" or "Valide spécifique") and its postes, including the categories the CSV subset
// leaves out, such as the spend-based ratios ("Achats de biens > Ratios monétaires"). The
// sheet is streamed row by row: it holds about 18,600 rows of 67 columns. A line's Line is its
// sheet row. Numbers are kept as the CSV export writes them (12 significant digits), so the
// two readers give one text for one value.
func LoadADEMEXLSX(path string) (*ADEME, error) {
	f, err := excelize.OpenFile(path, ademeXLSXLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	return readADEMEXLSX(path, f)
}

// ReadADEMEXLSX is LoadADEMEXLSX on an xlsx read from r; path is how messages name it.
func ReadADEMEXLSX(path string, r io.Reader) (*ADEME, error) {
	f, err := excelize.OpenReader(r, ademeXLSXLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable xlsx: %w", path, err)
	}
	defer f.Close()
	return readADEMEXLSX(path, f)
}

// ademeSheet finds the sheet of f that holds the elements: the one named Base_Carbone…, else
// the first whose row 1 has the Base Carbone columns.
func ademeSheet(path string, f *excelize.File) (string, error) {
	sheets := f.GetSheetList()
	for _, s := range sheets {
		if strings.HasPrefix(strings.ToLower(s), "base_carbone") {
			return s, nil
		}
	}
	var why []string
	for _, s := range sheets {
		rows, err := f.Rows(s)
		if err != nil {
			return "", fmt.Errorf("%s: sheet %q: %w", path, s, err)
		}
		var head []string
		if rows.Next() {
			head, err = rows.Columns(excelize.Options{RawCellValue: true})
		}
		rows.Close()
		if err != nil {
			return "", fmt.Errorf("%s: sheet %q row 1: %w", path, s, err)
		}
		col := map[string]int{}
		for i, h := range head {
			col[strings.TrimSpace(h)] = i
		}
		missing := ademeMissing(col)
		if len(missing) == 0 {
			return s, nil
		}
		if len(missing) < len(ademeNeed) {
			why = append(why, fmt.Sprintf("sheet %q row 1 has no column %s", s, quoteList(missing)))
		}
	}
	if len(why) > 0 {
		return "", fmt.Errorf("%s: not the Base Carbone layout: %s", path, strings.Join(why, "; "))
	}
	return "", fmt.Errorf("%s: not a Base Carbone export: no sheet named Base_Carbone…, and no sheet's row 1 has the columns %q, %q … (sheets: %s)",
		path, ademeNeed[0], ademeNeed[1], quoteList(sheets))
}

func readADEMEXLSX(path string, f *excelize.File) (*ADEME, error) {
	sheet, err := ademeSheet(path, f)
	if err != nil {
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: sheet %q: %w", path, sheet, err)
	}
	defer rows.Close()
	var b *ademeBuilder
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q row %d: %w", path, sheet, n, err)
		}
		if b == nil {
			if b, err = newADEMEBuilder(path, cols); err != nil {
				return nil, fmt.Errorf("%s: sheet %q row 1: %w", path, sheet, err)
			}
			b.a.Sheet = sheet
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
		return nil, fmt.Errorf("%s: sheet %q: %w", path, sheet, err)
	}
	if b == nil {
		return nil, fmt.Errorf("%s: sheet %q is empty", path, sheet)
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
