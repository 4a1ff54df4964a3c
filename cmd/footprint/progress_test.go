package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A progress bar is drawn on stderr while a large workbook is read, only when stderr is a
// terminal and never with --json; it is cleared when the reading ends.
func TestProgressBarOnlyOnATerminal(t *testing.T) {
	defer func(floor, lines int64) { progressFloor, linesFloor = floor, lines }(progressFloor, linesFloor)
	progressFloor, linesFloor = 0, 0 // every workbook and export counts as large
	dir := t.TempDir()
	big := filepath.Join(dir, "big.xlsx")
	bigWorkbook(t, big, 2000)
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noEnv := func(string) (string, bool) { return "", false }
	for _, c := range []struct {
		args     []string
		terminal bool
		bar      bool
	}{
		{[]string{"calc", "--config", cfg, "--input", big}, true, true},
		{[]string{"validate", "--config", cfg, "--input", big}, true, true},
		{[]string{"annotate", "--config", cfg, "--input", big, "--out", filepath.Join(dir, "annotated.xlsx")}, true, true},
		{[]string{"annotate", "--config", cfg, "--input", big, "--out", filepath.Join(dir, "annotated.xlsx")}, false, false},
		{[]string{"calc", "--json", "--config", cfg, "--input", big}, true, false},
		{[]string{"calc", "--config", cfg, "--input", big}, false, false},
	} {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, LookupEnv: noEnv, Terminal: func() bool { return c.terminal }}
		if code := Main(c.args, env); code != 0 {
			t.Fatalf("%v: exit %d\n%s", c.args, code, errb.String())
		}
		drawn := strings.Contains(errb.String(), "reading big.xlsx")
		if drawn != c.bar {
			t.Errorf("%v on a terminal %v: bar drawn %v, want %v\n%q", c.args, c.terminal, drawn, c.bar, errb.String())
		}
		if strings.Contains(out.String(), "reading big.xlsx") {
			t.Errorf("%v: the bar went to stdout", c.args)
		}
	}
}

// report draws a bar while it reads the workbook and another while it writes the export's
// lines, on a terminal only.
func TestProgressBarOnReport(t *testing.T) {
	defer func(floor, lines int64) { progressFloor, linesFloor = floor, lines }(progressFloor, linesFloor)
	progressFloor, linesFloor = 0, 0
	dir := t.TempDir()
	big := filepath.Join(dir, "big.xlsx")
	bigWorkbook(t, big, 2000)
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noEnv := func(string) (string, bool) { return "", false }
	for _, terminal := range []bool{true, false} {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, LookupEnv: noEnv, Terminal: func() bool { return terminal }}
		if code := Main([]string{"report", "--config", cfg, "--input", big, "--out", filepath.Join(dir, "out")}, env); code != 0 {
			t.Fatalf("exit %d\n%s", code, errb.String())
		}
		for _, bar := range []string{"reading big.xlsx", "writing footprint-2024.xlsx"} {
			if got := strings.Contains(errb.String(), bar); got != terminal {
				t.Errorf("on a terminal %v: %q drawn %v\n%q", terminal, bar, got, errb.String())
			}
		}
	}
}
