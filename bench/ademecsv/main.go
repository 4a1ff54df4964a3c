// Command ademecsv writes the first sheet of a Base Carbone xlsx as ADEME publishes its CSV
// export: ';'-separated, Windows-1252, every row (archived elements too), for the import
// measurements of bench/run.sh --import.
package main

import (
	"encoding/csv"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: ademecsv BASE_CARBONE.xlsx OUT.csv")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "ademecsv:", err)
		os.Exit(1)
	}
}

func convert(in, out string) error {
	f, err := excelize.OpenFile(in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return err
	}
	defer rows.Close()
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	defer o.Close()
	w := csv.NewWriter(charmap.Windows1252.NewEncoder().Writer(o))
	w.Comma, w.UseCRLF = ';', true
	width := 0
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		if width == 0 {
			width = len(cols)
		}
		for len(cols) < width {
			cols = append(cols, "")
		}
		if err := w.Write(cols); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return o.Close()
}
