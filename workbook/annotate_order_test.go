package workbook_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// orderedCells checks what a reader that trusts the XML needs and excelize's reading forgives:
// in every worksheet, rows in increasing order and, in each row, cells in increasing columns,
// none twice; <col> elements that do not overlap. Excel repairs a sheet that breaks it ("We found a problem with some content").
func orderedCells(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	must(t, err)
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		must(t, err)
		d := xml.NewDecoder(rc)
		row, col := 0, 0
		var cols [][2]int // the ranges of the <col> elements
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			must(t, err)
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			ref := ""
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					ref = a.Value
				}
			}
			switch se.Name.Local {
			case "col":
				var lo, hi int
				for _, a := range se.Attr {
					switch a.Name.Local {
					case "min":
						lo, _ = strconv.Atoi(a.Value)
					case "max":
						hi, _ = strconv.Atoi(a.Value)
					}
				}
				for _, c := range cols {
					if lo <= c[1] && c[0] <= hi {
						t.Errorf("%s: <col> %d-%d overlaps %d-%d", f.Name, lo, hi, c[0], c[1])
					}
				}
				cols = append(cols, [2]int{lo, hi})
			case "row":
				n := row + 1
				if ref != "" {
					var err error
					if _, n, err = excelize.CellNameToCoordinates("A" + ref); err != nil {
						t.Fatalf("%s: row %q", f.Name, ref)
					}
				}
				if n <= row {
					t.Errorf("%s: row %d after row %d", f.Name, n, row)
				}
				row, col = n, 0
			case "c":
				n := col + 1
				if ref != "" {
					c, r, err := excelize.CellNameToCoordinates(ref)
					if err != nil || r != row {
						t.Fatalf("%s: cell %q in row %d", f.Name, ref, row)
					}
					n = c
				}
				if n <= col {
					t.Errorf("%s: row %d: cell %s after column %d", f.Name, row, ref, col)
				}
				col = n
			}
		}
		rc.Close()
	}
}
