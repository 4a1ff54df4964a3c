package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
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

// An id with an accent can be typed as one character (NFC) or as a letter and a combining
// mark (NFD), and looks the same either way: two custom factors so spelt are one id, refused
// with both entries named; a row's Activity matches its factor however it is encoded.
func TestIDsComparedInNFC(t *testing.T) {
	nfc, nfd := "caf\u00e9.heat", "cafe\u0301.heat"
	factor := func(id string, v float64) string {
		return fmt.Sprintf("    - {id: %q, value: %v, unit: kWh, scope: 1, source: test}\n", id, v)
	}
	t.Run("two custom ids equal in NFC", func(t *testing.T) {
		dir := site(t, "factors:\n  custom:\n"+factor(nfc, 1)+factor(nfd, 1000), []any{2024, "Plant", "P", nfc, 1000, "kWh"})
		for _, cmd := range []string{"validate", "calc"} {
			r := footprint(t, dir, cmd)
			out := r.stdout + r.stderr
			if r.code != 1 || !strings.Contains(out, "factors.custom[1].id") || !strings.Contains(out, "factors.custom[0]") || !strings.Contains(out, `caf\u00e9.heat`) {
				t.Errorf("%s: exit %d, want 1 naming factors.custom[0] and [1]:\n%s", cmd, r.code, short(out))
			}
		}
	})
	t.Run("rows match in either form", func(t *testing.T) {
		for _, id := range []string{nfc, nfd} {
			dir := site(t, "factors:\n  custom:\n"+factor(id, 2),
				[]any{2024, "Plant", "P", nfc, 1000, "kWh"}, []any{2024, "Plant", "P", nfd, 1000, "kWh"}, []any{2024, "Plant", "P", "CAFÉ.HEAT", 1000, "kWh"})
			r := footprint(t, dir, "calc", "--json")
			var doc calcJSON
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatalf("exit %d: %v\n%s", r.code, err, short(r.stderr))
			}
			if doc.Rows.Used != 3 || doc.Rows.Rejected != 0 {
				t.Errorf("factor %+q: rows %+v, want all 3 used", id, doc.Rows)
			}
			if got := doc.Years[0].ByActivity[nfc]; !closeTo(got, 4) {
				t.Errorf("factor %+q: by_activity = %v, want the NFC and NFD rows as one %q of 4 t", id, doc.Years[0].ByActivity, nfc)
			}
		}
	})
}

// Two sheets with one name (only a hand-edited workbook.xml makes them) are each read once, in
// workbook order, and named "Energy" and "Energy (2)" by every command; the second is warned
// about as a copy of the first, as both are counted.
func TestSameSheetNameTwice(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "inputs: [activities.xlsx]\nsite: Plant\n")
	hdr := workbooktest.RowXML(1, "Year", "Site", "Pole", "Activity", "Quantity", "Unit")
	writeFile(t, filepath.Join(dir, "activities.xlsx"), string(workbooktest.Handmade(t,
		workbooktest.RawSheet{Name: "Energy", Rows: hdr + workbooktest.RowXML(2, 2024, "Plant", "A", "fr.natural-gas.pcs", 1000, "kWh PCS")},
		workbooktest.RawSheet{Name: "Energy", Rows: hdr + workbooktest.RowXML(2, 2024, "Plant", "B", "fr.natural-gas.pcs", 3000, "kWh PCS") +
			workbooktest.RowXML(3, 2024, "Plant", "B", "fr.natural-gas.pcs", "n/a", "kWh PCS")})))

	r := footprint(t, dir, "calc", "--json")
	var doc calcJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("calc --json: exit %d: %v\n%s", r.code, err, short(r.stderr))
	}
	if doc.Rows.Read != 3 || doc.Rows.Used != 2 || doc.Rows.Rejected != 1 {
		t.Errorf("calc --json: rows %+v, want 3 read (one sheet each), 2 used, 1 rejected", doc.Rows)
	}
	if y := doc.Years[0]; y.ByPole["A"] == 0 || y.ByPole["B"] == 0 || !closeTo(y.ByPole["B"], 3*y.ByPole["A"]) {
		t.Errorf("calc --json: by_pole %v, want A from the first sheet and B, three times A, from the second", y.ByPole)
	}
	if len(doc.Problems) != 2 || doc.Problems[0].Sheet != "Energy (2)" || doc.Problems[0].Cell != "E3" ||
		doc.Problems[1].Sheet != "Energy (2)" || !strings.Contains(doc.Problems[1].Message, `looks like a copy of "Energy"`) {
		t.Errorf("calc --json: problems %+v, want one at sheet Energy (2), cell E3, and the warning that it looks like a copy of Energy", doc.Problems)
	}

	r = footprint(t, dir, "validate")
	if out := r.stdout + r.stderr; !strings.Contains(out, "activities.xlsx, sheet Energy (2): 1 error") {
		t.Errorf("validate does not name the second sheet Energy (2):\n%s", short(out))
	}

	r = footprint(t, dir, "annotate", "--input", "activities.xlsx", "--out", "annotated.xlsx")
	if out := r.stdout + r.stderr; r.code != 0 || !strings.Contains(out, "2 activity sheet(s), 3 row(s) annotated (2 used, 1 rejected") {
		t.Errorf("annotate: exit %d, want both sheets annotated:\n%s", r.code, short(out))
	}
}

// A number of the config far out of its key's range stops every command with exit 1 and an
// error naming the key and its line, before any figure is computed or printed: growth_pct:
// 1e300 printed +Inf, and a custom factor of 1e308 was blamed on the row's quantity.
func TestConfigNumbersBounded(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"growth", "trajectory:\n  projection:\n    growth_pct: 1e300\n",
			[]string{"line 5: trajectory.projection.growth_pct: 1e+300 is out of range"}},
		{"factor", "factors:\n  custom:\n    - {id: supplier.heat, value: 1e308, unit: kWh, scope: 1, source: test}\n",
			[]string{`line 5: factors.custom[0].value (factor "supplier.heat"): 1e+308 is out of range`}},
		{"nan", "uncertainty_default_pct: .nan\n", []string{"uncertainty_default_pct: NaN is out of range"}},
	}
	for _, tt := range tests {
		dir := site(t, tt.yaml, []any{2024, "Plant", "P", "supplier.heat", 1000, "kWh"})
		for _, args := range [][]string{{"calc"}, {"calc", "--json"}, {"report"}, {"validate"}} {
			t.Run(tt.name+"/"+strings.Join(args, " "), func(t *testing.T) {
				r := footprint(t, dir, args...)
				if r.code != 1 {
					t.Errorf("exit %d, want 1\n%s", r.code, short(r.stdout+r.stderr))
				}
				for _, w := range tt.want {
					if !strings.Contains(r.stderr, w) {
						t.Errorf("stderr lacks %q:\n%s", w, short(r.stderr))
					}
				}
				if strings.Contains(r.stdout, "Inf") {
					t.Errorf("an infinite figure reached stdout:\n%s", short(r.stdout))
				}
			})
		}
	}
}

// annotate keeps every rejected row's problem for its copy, but prints at most
// emissions.MaxPerCause of each cause, then how many more, as calc does.
func TestAnnotatePrintsProblemsBounded(t *testing.T) {
	const bad = emissions.MaxPerCause + 500
	rows := [][]any{header}
	for i := range bad {
		rows = append(rows, []any{2024, "Plant", fmt.Sprintf("P%d", i), "fr.natural-gas.pcs", "n/a", "kWh PCS"})
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "site: Plant\n")
	// a sheet without its Quantity column stops the run, which then lists the problems
	writeWorkbook(t, filepath.Join(dir, "in.xlsx"), map[string][][]any{"Energy": rows, "Travel": {{"Year", "Activity", "Unit"}, {2024, "x", "km"}}})
	r := footprint(t, dir, "annotate", "--input", "in.xlsx", "--out", "out.xlsx")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", r.code, short(r.stderr))
	}
	listed := strings.Count(r.stderr, `Quantity: text "n/a"`)
	if listed != emissions.MaxPerCause {
		t.Errorf("%d problems of the cause printed, want %d", listed, emissions.MaxPerCause)
	}
	if !strings.Contains(r.stderr, "500 more problems of this kind") {
		t.Errorf("no line says how many more:\n%s", short(r.stderr))
	}
	if lines := strings.Count(r.stderr, "\n"); lines > emissions.MaxPerCause+10 {
		t.Errorf("%d lines printed, want about %d", lines, emissions.MaxPerCause)
	}
}

// Past the bound of what is printed, every rejected row still gets its own problem in the
// copy: the messages are kept on disk, not in the list.
func TestAnnotateEveryRejectedRowPastTheBound(t *testing.T) {
	const bad = 3000
	rows := [][]any{header}
	for i := range bad {
		rows = append(rows, []any{2024, "Plant", "P", "fr.natural-gas.pcs", fmt.Sprint("n/a ", i+1), "kWh PCS"})
	}
	rows = append(rows, []any{2024, "Plant", "P", "fr.natural-gas.pcs", 10, "kWh PCS"})
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "site: Plant\n")
	writeWorkbook(t, filepath.Join(dir, "in.xlsx"), map[string][][]any{"Energy": rows})
	r := footprint(t, dir, "annotate", "--input", "in.xlsx", "--out", "out.xlsx")
	if r.code != 0 || strings.Contains(r.stderr, "excelize") {
		t.Fatalf("exit %d:\n%s", r.code, short(r.stderr))
	}
	byRow := map[int]map[string]string{}
	for _, a := range readAnnotation(t, filepath.Join(dir, "out.xlsx")) {
		if a.sheet == "Energy" {
			byRow[a.row] = a.vals
		}
	}
	for _, n := range []int{1, emissions.MaxPerCause, emissions.MaxPerCause + 1, 2500, bad} {
		got, want := byRow[n+1]["footprint problem"], fmt.Sprintf(`"n/a %d"`, n)
		if !strings.Contains(got, want) {
			t.Errorf("the %dth bad row (row %d): problem %q, want one with %s", n, n+1, got, want)
		}
	}
	filled := 0
	for _, v := range byRow {
		if v["footprint problem"] != "" {
			filled++
		}
	}
	if last := byRow[bad+2]; filled != bad || last["footprint problem"] != "" || last["footprint tCO2e"] == "" {
		t.Errorf("%d rows with a problem, want %d; the good row: %v", filled, bad, last)
	}
}
