// Command floor is the decompress-and-scan floor of the benchmarks (bench/run.sh): it
// decompresses every worksheet of a workbook and its shared strings once with archive/zip
// and counts the cells (occurrences of "<c ") in the worksheets. Nothing reads a workbook
// faster than this without skipping bytes.
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor WORKBOOK.xlsx")
		os.Exit(2)
	}
	cells, n, err := scan(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d cells, %d bytes of XML\n", cells, n)
}

func scan(name string) (cells, total int64, err error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return 0, 0, err
	}
	defer zr.Close()
	buf := make([]byte, 1<<16)
	pat := []byte("<c ")
	for _, f := range zr.File {
		sheet := strings.HasPrefix(f.Name, "xl/worksheets/") && strings.HasSuffix(f.Name, ".xml")
		if !sheet && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return 0, 0, err
		}
		carry := 0 // bytes kept from the previous chunk
		for {
			n, err := r.Read(buf[carry:])
			total += int64(n)
			chunk := buf[:carry+n]
			if sheet {
				cells += int64(bytes.Count(chunk, pat))
			}
			// Keep the last two bytes: a match starting there ends in the next chunk, and a
			// three-byte match never fits in them, so none is counted twice.
			carry = min(len(chunk), len(pat)-1)
			copy(buf, chunk[len(chunk)-carry:])
			if err == io.EOF {
				break
			}
			if err != nil {
				r.Close()
				return 0, 0, err
			}
		}
		r.Close()
	}
	return cells, total, nil
}
