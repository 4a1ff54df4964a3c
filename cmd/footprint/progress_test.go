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
	defer func(floor int64) { progressFloor = floor }(progressFloor)
	progressFloor = 0 // every workbook counts as large
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
