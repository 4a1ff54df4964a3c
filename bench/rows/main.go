// Command rows is the excelize baseline of the benchmarks (bench/run.sh): it iterates every
// sheet of a workbook with excelize's Rows() and counts the non-empty cells, with formatted
// values (the default) or with -raw (Options.RawCellValue).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	raw := flag.Bool("raw", false, "read raw cell values (RawCellValue): no number formats applied")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: rows [-raw] WORKBOOK.xlsx")
		os.Exit(2)
	}
	rows, cells, err := iterate(flag.Arg(0), excelize.Options{RawCellValue: *raw})
	if err != nil {
		fmt.Fprintln(os.Stderr, "rows:", err)
		os.Exit(1)
	}
	fmt.Printf("%d rows, %d cells\n", rows, cells)
}

func iterate(name string, opts excelize.Options) (rows, cells int, err error) {
	f, err := excelize.OpenFile(name, opts)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rs, err := f.Rows(sheet)
		if err != nil {
			return 0, 0, err
		}
		for rs.Next() {
			cols, err := rs.Columns(opts)
			if err != nil {
				rs.Close()
				return 0, 0, err
			}
			rows++
			for _, c := range cols {
				if c != "" {
					cells++
				}
			}
		}
		if err := rs.Close(); err != nil {
			return 0, 0, err
		}
	}
	return rows, cells, nil
}
