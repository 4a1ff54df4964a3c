package mapping

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/footprint/footprint/factors/datasets"
)

const desnzKeyFile = "desnz-key-factors-2019-2024/desnz-uk-electricity-gas-diesel-petrol-2019-2024.csv"

// keyRow is a row of the derived key-factors series, as a flat-file row of its year.
type keyRow struct {
	year  int
	row   datasets.DESNZRow
	value float64
	id    string
}

func readKeyFactors(t *testing.T) []keyRow {
	t.Helper()
	f, err := os.Open(filepath.Join(srcDir, desnzKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []keyRow
	for i, r := range recs[1:] {
		year, err1 := strconv.Atoi(r[0])
		v, err2 := strconv.ParseFloat(r[9], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s line %d: %v %v", desnzKeyFile, i+2, err1, err2)
		}
		out = append(out, keyRow{year: year, value: v, id: r[10], row: datasets.DESNZRow{Line: i + 2, Scope: r[1],
			Levels: [4]string{r[2], r[3], r[4], r[5]}, ColumnText: r[6], UOM: r[7], GHG: r[8]}})
	}
	return out
}

// TestDESNZReaderAgreesWithKeyFactors reads every row of the key-factors series (510 rows, six
// sets) from that year's flat file, in each set's own column layout: same path, same value,
// same ID where the set publishes one.
func TestDESNZReaderAgreesWithKeyFactors(t *testing.T) {
	needSources(t)
	s, err := loadSources(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[int]*desnzSet{}
	for _, p := range s.desnzPast {
		sets[p.Year] = p
	}
	keys := readKeyFactors(t)
	if len(keys) != 510 {
		t.Fatalf("%s: %d rows, its SOURCE.md says 510", desnzKeyFile, len(keys))
	}
	for _, k := range keys {
		t.Run(fmt.Sprintf("%d/line%d", k.year, k.row.Line), func(t *testing.T) {
			set := sets[k.year]
			if set == nil {
				t.Fatalf("no DESNZ set %d loaded", k.year)
			}
			var found []datasets.DESNZRow
			for _, r := range set.All {
				if r.Scope == k.row.Scope && r.Levels == k.row.Levels && r.ColumnText == k.row.ColumnText && r.UOM == k.row.UOM && r.GHG == k.row.GHG {
					found = append(found, r)
				}
			}
			if len(found) != 1 {
				t.Fatalf("%d rows in %s for %s %s", len(found), set.Path, k.row.Label(), k.row.GHG)
			}
			v, err := set.Value(found[0])
			if err != nil || v != k.value || found[0].ID != k.id {
				t.Errorf("%s:%d: %v (ID %q, %v), key factors say %v (ID %q)", set.Path, found[0].Line, v, found[0].ID, err, k.value, k.id)
			}
		})
	}
}

// TestDESNZVintagesAgreeWithKeyFactors checks the library's past vintages of the key UK
// factors against the derived key-factors series: value = the row of the factor's value, and
// upstream = the sum of its upstream rows, each found in the series by its category path.
func TestDESNZVintagesAgreeWithKeyFactors(t *testing.T) {
	needSources(t)
	s, err := loadSources(srcDir)
	if err != nil {
		t.Fatal(err)
	}
	lib := loadLibrary(t)
	keys := readKeyFactors(t)
	find := func(year int, id string) (float64, error) {
		ref, err := s.desnz.Row(id)
		if err != nil {
			return 0, err
		}
		var got []keyRow
		for _, k := range keys {
			if k.year == year && datasets.PathKey(k.row) == datasets.PathKey(ref) {
				got = append(got, k)
			}
		}
		if len(got) != 1 {
			return 0, fmt.Errorf("%d key-factor rows of %d for %s", len(got), year, ref.Label())
		}
		return got[0].value, nil
	}
	checked := 0
	for _, e := range table {
		r, ok := e.From.(dz)
		if !ok || !fromDESNZ(e) {
			continue
		}
		switch e.ID {
		case "uk.electricity.grid", "uk.natural-gas.gcv", "uk.natural-gas.ncv", "uk.diesel", "uk.petrol":
		default:
			continue // not in the key-factors series
		}
		for year := 2019; year <= 2024; year++ {
			t.Run(fmt.Sprintf("%s/%d", e.ID, year), func(t *testing.T) {
				f, ok := lib[fmt.Sprintf("%s/%d/", e.ID, year)]
				if !ok {
					t.Fatalf("no vintage %d of %s", year, e.ID)
				}
				want, err := find(year, r.value[0])
				if err != nil {
					t.Fatal(err)
				}
				up := 0.0
				for _, id := range r.upstream {
					v, err := find(year, id)
					if err != nil {
						t.Fatal(err)
					}
					up += v
				}
				if f.Value != want || !datasets.Near(f.Upstream, up, 1e-12) || f.DataYear != year {
					t.Errorf("value %v upstream %v data year %d, key factors say %v and %v for %d", f.Value, f.Upstream, f.DataYear, want, up, year)
				}
			})
			checked++
		}
	}
	if checked != 5*6 {
		t.Errorf("checked %d vintages, want 30", checked)
	}
}
