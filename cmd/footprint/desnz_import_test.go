package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/internal/golden"
)

// desnzFlatCSV is the DESNZ flat file of a year saved as CSV, in the factor sources; the test
// is skipped when they are not next to the repository.
func desnzFlatCSV(t *testing.T, year string) string {
	t.Helper()
	p, _ := filepath.Abs(filepath.Join("../../../shared/factor-sources", "desnz-ghg-conversion-factors-"+year,
		"ghg-conversion-factors-"+year+"-flat-file_factors-by-category.csv"))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("factor sources not found: %v", err)
	}
	return p
}

// The 2025 set imported with --published 2027 sits beside the built-in 2025 vintage (published
// 2025): factors show lists both; a 2025 inventory as reported keeps the built-in one (the
// latest published by the end of 2026), --restate takes the file's.
func TestImportDESNZShowAndRestate(t *testing.T) {
	in := desnzFlatCSV(t, "2025")
	dir := site(t, "factors:\n  files: [factors/desnz-2025.yaml]\n",
		[]any{2025, "Plant", "", "uk.electricity.grid", 1000, "kWh"})
	r := footprint(t, dir, "factors", "import", "--desnz", in, "--published", "2027")
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"wrote ", " factors of desnz 2025 (published 2027) to factors/desnz-2025.yaml",
		"left out:\n  - ", `rows per "per FTE Working Hour", a unit footprint does not convert`, "      - factors/desnz-2025.yaml"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, r.stdout)
		}
	}
	show := footprint(t, dir, "factors", "show", "uk.electricity.grid")
	if show.code != 0 {
		t.Fatalf("show: %s", show.stderr)
	}
	builtin := strings.Contains(show.stdout, "dataset      UK DESNZ GHG Conversion Factors 2025 v1\n")
	file := strings.Contains(show.stdout, "file         factors/desnz-2025.yaml")
	if !builtin || !file {
		t.Errorf("show: built-in 2025 vintage %v, file version %v:\n%s", builtin, file, show.stdout)
	}
	// The line's source says which version computed it: the built-in "2025 v1", the file's
	// "2025" (the CSV states no version).
	source := func(args ...string) string {
		r := footprint(t, dir, append([]string{"calc", "--lines"}, args...)...)
		if r.code != 0 {
			t.Fatalf("calc %v: exit %d: %s", args, r.code, r.stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("calc --lines: %v\n%s", err, r.stdout)
		}
		col := -1
		for i, h := range recs[0] {
			if h == "source" {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("no source column in %q", recs[0])
		}
		return recs[1][col]
	}
	if s := source(); !strings.Contains(s, "Conversion Factors 2025 v1,") {
		t.Errorf("as reported, the line's source is %q, want the built-in 2025 v1", s)
	}
	if s := source("--restate"); !strings.Contains(s, "Conversion Factors 2025, ID 7_400_4000_5_1") {
		t.Errorf("restated, the line's source is %q, want the imported file's", s)
	}
}

// factors diff between the 2024 and 2025 sets, each imported from its flat file. Checked by
// hand against the two CSVs (ghg-conversion-factors-YYYY-flat-file_factors-by-category.csv):
//   - ID 1_100_1000_15_1 (Butane, tonnes), line 2 of both: 3033.38067 in 2024 and 2025: no
//     change, so it is not listed;
//   - ID 7_400_4000_5_1 (UK electricity, kWh): 0.20705 in 2024, 0.177 in 2025 (the built-in
//     uk.electricity.grid's value): (0.177 − 0.20705) / 0.20705 = −14.5134 %;
//   - ID 10_401_4002_5_1 (Heat and steam, onsite heat and steam, kWh), line 3445 of both:
//     0.17965 in 2024, 0.17529 in 2025: (0.17529 − 0.17965) / 0.17965 = −2.42694 %.
//
// Both sets have 8,741 rows and the same layout, so few factors are added or archived. Each
// file holds one year, so the diff compares them id by id, as two releases.
func TestImportDESNZDiffYears(t *testing.T) {
	in24, in25 := desnzFlatCSV(t, "2024"), desnzFlatCSV(t, "2025")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("factors:\n  gwp: AR5\n"), 0o644)
	for _, in := range []struct{ file, out string }{{in24, "a.yaml"}, {in25, "b.yaml"}} {
		if r := footprint(t, dir, "factors", "import", "--desnz", in.file, "--published", "2026", "--out", in.out); r.code != 0 {
			t.Fatalf("import %s: exit %d: %s", in.file, r.code, r.stderr)
		}
	}
	r := footprint(t, dir, "factors", "diff", "a.yaml", "b.yaml", "--json")
	if r.code != 0 {
		t.Fatalf("diff: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "a.yaml holds the 2024 vintage only and b.yaml the 2025 vintage only: compared id by id") {
		t.Errorf("diff does not say it compares two yearly releases id by id: %q", r.stderr)
	}
	var doc struct {
		Changed []struct {
			ID        string   `json:"id"`
			Field     string   `json:"field"`
			Old       any      `json:"old"`
			New       any      `json:"new"`
			ChangePct *float64 `json:"change_pct"`
		} `json:"changed"`
		Added    []map[string]any `json:"added"`
		Archived []map[string]any `json:"archived"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]any{}
	values := 0
	for _, c := range doc.Changed {
		if byID[c.ID] == nil {
			byID[c.ID] = map[string]any{}
		}
		byID[c.ID][c.Field] = c
		if c.Field == "value" {
			values++
			if c.ChangePct == nil {
				t.Errorf("%s: value change without a %%", c.ID)
			}
		}
		if c.ID == "desnz.10_401_4002_5_1" && c.Field == "value" &&
			(c.Old != 0.17965 || c.New != 0.17529 || math.Abs(*c.ChangePct-(-2.42694)) > 1e-4) {
			t.Errorf("desnz.10_401_4002_5_1: %v → %v (%v %%), want 0.17965 → 0.17529 (−2.42694 %%)", c.Old, c.New, *c.ChangePct)
		}
		if c.ID == "uk.electricity.grid" && c.Field == "value" &&
			(c.Old != 0.20705 || c.New != 0.177 || math.Abs(*c.ChangePct-(-14.5134)) > 1e-4) {
			t.Errorf("uk.electricity.grid: %v → %v (%v %%), want 0.20705 → 0.177 (−14.5134 %%)", c.Old, c.New, *c.ChangePct)
		}
	}
	for _, id := range []string{"uk.electricity.grid", "desnz.10_401_4002_5_1"} {
		if byID[id]["value"] == nil {
			t.Errorf("no change of %s's value", id)
		}
	}
	if _, ok := byID["desnz.1_100_1000_15_1"]["value"]; ok {
		t.Error("desnz.1_100_1000_15_1 (Butane, tonnes) changed, though both sets publish 3033.38067")
	}
	if values < 100 || len(doc.Added) > 100 || len(doc.Archived) > 100 {
		t.Errorf("%d values changed, %d added, %d archived: a new set changes many values and keeps its layout", values, len(doc.Added), len(doc.Archived))
	}
	table := footprint(t, dir, "factors", "diff", "a.yaml", "b.yaml")
	if table.code != 0 {
		t.Fatalf("diff: exit %d: %s", table.code, table.stderr)
	}
	lines := strings.SplitAfter(table.stdout, "\n")
	golden.Check(t, filepath.Join("testdata", "desnz-diff-2024-2025.txt"), []byte(strings.Join(lines[:min(len(lines), 40)], "")))
}
