package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Nothing a user writes in a workbook or the config reaches a file name: report writes
// report.html and footprint-<year>.xlsx into the output folder and nowhere else, whatever the
// site, pole or activity is called, and a config that tries to name an output file or a year
// that is not a number is refused before anything is written.
func TestOutputPathsStayInTheOutputFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	evil := []string{"../../evil", "../../../../evil.html", "/tmp/evil", `..\..\evil`, "out/../../evil"}
	rows := [][]any{header}
	for i, e := range evil {
		rows = append(rows, []any{2024, e, e, "fr.natural-gas.pcs", 10 + i, "MWh PCS", nil, nil, nil, e})
	}
	rows = append(rows, []any{2024, "Plant", "P", evil[0], 1, "tCO2e", 1})
	writeWorkbook(t, filepath.Join(dir, "activities.xlsx"), map[string][][]any{"Energy": rows})
	files := func() []string {
		var out []string
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		slices.Sort(out)
		return out
	}
	inputs := []string{"a/b/c/activities.xlsx", "a/b/c/config.yaml"}

	tests := []struct {
		name   string
		config string
		args   []string
		code   int
		stderr string
		want   []string // files under root afterwards, besides the inputs
	}{
		{"site names in the config and the workbook", "site: ../../evil\noutput:\n  dir: out\n", nil, 0, "",
			[]string{"a/b/c/out/footprint-2024.xlsx", "a/b/c/out/report.html"}},
		{"an output file name in the config", "site: ../../evil\noutput:\n  dir: out2\n  file: ../../evil.html\n", nil, 1, "output.file", nil},
		{"a year that is a path", "reporting_year: ../../evil\n", nil, 1, "reporting_year", nil},
		{"a year flag that is a path", "", []string{"--year", "../../evil"}, 2, "invalid argument", nil},
		{"a year without data", "reporting_year: 2031\noutput:\n  dir: out3\n", nil, 0, "",
			[]string{"a/b/c/out3/footprint-2031.xlsx", "a/b/c/out3/report.html"}},
	}
	var written []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("inputs: [activities.xlsx]\n"+tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			r := footprint(t, dir, append([]string{"report"}, tt.args...)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", r.code, tt.code, r.stderr, tt.stderr)
			}
			written = append(written, tt.want...)
			want := append(slices.Clone(inputs), written...)
			slices.Sort(want)
			if got := files(); !slices.Equal(got, want) {
				t.Errorf("files under the test folder:\n%v\nwant:\n%v", got, want)
			}
		})
	}
}
