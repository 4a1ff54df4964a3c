package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/workbook/workbooktest"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Text from a workbook with terminal escape sequences (an xlsx writes ESC as _x001B_) and bidi
// overrides reaches no text output raw: the calc table, --lines, validate's listing and the
// problems printed after the table show them escaped.
func TestControlCharactersEscapedInTextOutputs(t *testing.T) {
	siteName, pole := "_x001B_]0;pwned_x0007_Plant", "RE\u202eLCYC"
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "inputs: [activities.xlsx]\nsite: Plant\n")
	writeFile(t, filepath.Join(dir, "activities.xlsx"), string(workbooktest.Handmade(t, workbooktest.RawSheet{Name: "Energy", Rows: workbooktest.RowXML(1, header...) +
		workbooktest.RowXML(2, 2024, siteName, pole, "fr.natural-gas.pcs", 1000, "kWh PCS", nil, nil, nil, "note_x001B_[2Jcleared") +
		workbooktest.RowXML(3, 2024, siteName, pole, "fr.natural-gas.pcs", "lots_x001B_[8m", "kWh PCS")})))
	runs := []struct {
		name string
		args []string
		want string // the escaped text the output must show
	}{
		{"calc table", []string{"calc"}, `\x1b]0;pwned\aPlant`},
		{"calc --lines", []string{"calc", "--lines"}, `RE\u202eLCYC`},
		{"validate", []string{"validate"}, `lots\x1b[8m`},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			res := footprint(t, dir, r.args...)
			out := res.stdout + res.stderr
			if i := strings.IndexAny(out, "\x1b\x07\u202e"); i >= 0 {
				t.Errorf("a control character reaches the output raw at byte %d: %q", i, out[max(0, i-40):min(len(out), i+40)])
			}
			if !strings.Contains(out, r.want) {
				t.Errorf("the output lacks %s:\n%s", r.want, short(out))
			}
		})
	}
}
