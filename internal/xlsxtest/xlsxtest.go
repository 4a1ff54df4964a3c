// Package xlsxtest reads back, in tests, the .xlsx files footprint writes: with excelize, raw
// cell values row by row, and with LibreOffice, a second reader. reports and workbook test with it.
package xlsxtest

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Open opens the workbook b, closed when the test ends.
func Open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Rows reads a sheet back: its raw values, row by row from row 1.
func Rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, cols)
	}
	if err := rows.Error(); err != nil {
		t.Fatal(err)
	}
	return out
}

// FindRow returns the 1-based row whose column A is label, or 0.
func FindRow(rows [][]string, label string) int {
	for i, r := range rows {
		if len(r) > 0 && r[0] == label {
			return i + 1
		}
	}
	return 0
}

// LibreOffice returns the soffice binary. In CI (CI=true) a missing LibreOffice fails the test:
// .ci/run installs libreoffice-calc; elsewhere the test is skipped.
func LibreOffice(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found: CI needs libreoffice-calc (installed by .ci/run)")
		}
		t.Skip("soffice not found; install libreoffice-calc to run the second-reader check")
	}
	return path
}

// SheetNumber is the 1-based position of a sheet, as ConvertSheet takes it.
func SheetNumber(t testing.TB, f *excelize.File, name string) int {
	t.Helper()
	for i, s := range f.GetSheetList() {
		if s == name {
			return i + 1
		}
	}
	t.Fatalf("no sheet %s", name)
	return 0
}

// ConvertSheet has LibreOffice read the workbook and write one sheet (1-based) as CSV, with a
// profile of its own so parallel conversions do not fight over a lock. It returns the records.
func ConvertSheet(t testing.TB, soffice, xlsx string, sheet int) [][]string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "csv")
	// Token 9 false: numbers as stored, not as formatted; token 12: the sheet to export.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false," + strconv.Itoa(sheet)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", filter, "--outdir", out, xlsx)
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
	if len(files) != 1 {
		t.Fatalf("soffice wrote %v\n%s", files, output)
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", files[0], err)
	}
	return recs
}

// LONumber reads a number as LibreOffice writes it in CSV: percentages end with %.
func LONumber(t testing.TB, s string) float64 {
	t.Helper()
	scale := 1.0
	if strings.HasSuffix(s, "%") {
		s, scale = strings.TrimSuffix(s, "%"), 0.01
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("LibreOffice wrote %q, not a number", s)
	}
	return v * scale
}
