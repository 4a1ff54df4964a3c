package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/footprint/footprint/workbook/workbooktest"
)

// A workbook listed twice, however its path is spelt, stops the run before anything is read,
// naming both entries; two files of one name in two folders are two inputs.
func TestSameInputRefused(t *testing.T) {
	dir := t.TempDir()
	var in readInputs
	in.config = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(in.config, []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in.sameA = writeWorkbook(t, dir, filepath.Join("a", "site.xlsx"), workbooktest.Sheet{Name: "Energy", Rows: activityRows(20, 7, 0)})
	in.sameB = writeWorkbook(t, dir, filepath.Join("b", "site.xlsx"), workbooktest.Sheet{Name: "Energy", Rows: activityRows(20, 7, 0)})
	if err := os.Symlink(in.sameA, filepath.Join(dir, "link.xlsx")); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "twice.yaml")
	if err := os.WriteFile(config, []byte("site: Plant\ninputs: [a/site.xlsx, b/site.xlsx, ./a/../a/site.xlsx]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts Options
		want string // "" for no error
	}{
		{"the same path", Options{ConfigPath: in.config, Inputs: []string{in.sameA, in.sameA}}, `--input: "` + in.sameA + `" (entry 1) and "` + in.sameA + `" (entry 2) are the same file`},
		{"a link", Options{ConfigPath: in.config, Inputs: []string{in.sameB, in.sameA, filepath.Join(dir, "link.xlsx")}}, `(entry 2) and "` + filepath.Join(dir, "link.xlsx") + `" (entry 3) are the same file`},
		{"the config's inputs", Options{ConfigPath: config}, `twice.yaml: inputs: "a/site.xlsx" (entry 1) and "./a/../a/site.xlsx" (entry 3) are the same file`},
		{"one name, two folders", Options{ConfigPath: in.config, Inputs: []string{in.sameA, in.sameB}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Run(tt.opts)
			if err == nil {
				defer r.Close()
			}
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one with %s", err, tt.want)
			}
		})
	}
}

// The current year comes from the clock the options give (a reporting year after it is
// questioned), else from the system's.
func TestThisYearFromClock(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(config, []byte("site: Plant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	input := writeWorkbook(t, dir, "a.xlsx", workbooktest.Sheet{Name: "Energy", Rows: activityRows(5, 1, 0)})
	for _, tt := range []struct {
		now  func() time.Time
		want int
	}{
		{func() time.Time { return time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC) }, 2031},
		{nil, time.Now().Year()},
	} {
		r, err := Run(Options{ConfigPath: config, Inputs: []string{input}, Now: tt.now})
		if err != nil {
			t.Fatal(err)
		}
		if r.ThisYear != tt.want {
			t.Errorf("ThisYear %d, want %d", r.ThisYear, tt.want)
		}
		r.Close()
	}
}
