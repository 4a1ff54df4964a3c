package mapping

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
)

// The DESNZ sets the uk.* factors have a vintage for, oldest first; the last is the current
// set (desnzFile), whose IDs the table names. Each folder's SOURCE.md states the set's version
// and the date it was updated (its workbook's front page).
var desnzPastFiles = []string{
	"desnz-ghg-conversion-factors-2019/ghg-conversion-factors-2019-flat-file_factors-by-category.csv",
	"desnz-ghg-conversion-factors-2020/ghg-conversion-factors-2020-flat-file_factors-by-category.csv",
	"desnz-ghg-conversion-factors-2021/ghg-conversion-factors-2021-flat-file_factors-by-category.csv",
	"desnz-ghg-conversion-factors-2022/ghg-conversion-factors-2022-flat-file_factors-by-category.csv",
	"desnz-ghg-conversion-factors-2023/ghg-conversion-factors-2023-flat-file_factors-by-category.csv",
	"desnz-ghg-conversion-factors-2024/ghg-conversion-factors-2024-flat-file_factors-by-category.csv",
}

// desnzFirstSet is the first set that publishes a uk.* factor's rows, for those DESNZ added
// after 2019 (Li-ion batteries and open-loop recycling of scrap metal from the 2021 set). A row
// missing from a set at or after its first one stops the generator.
var desnzFirstSet = map[string]int{
	"uk.material.li-ion-battery":     2021,
	"uk.avoided.battery.second-life": 2021,
	"uk.waste.metal.recycling":       2021,
}

// desnzSet is one set of the DESNZ flat file as the generator reads it. The current set is
// read by ID. A past set is read through the current one: the row asked for by its current ID
// is the past set's row with the same category path (datasets.PathKey); a path the past set
// lacks or holds twice is an error naming both files and lines.
type desnzSet struct {
	*datasets.DESNZ
	release Release // "2019 v1.03", from SOURCE.md: its version and the year it was updated
	current *datasets.DESNZ
	// used, when not nil, collects the lines of the rows read: an import gives the rows the
	// library does not read ids of their own.
	used map[int]bool
	// asked, when not nil, collects the current IDs asked for (GenerateDESNZPaths).
	asked map[string]bool
}

func (d *desnzSet) Row(id string) (datasets.DESNZRow, error) {
	if d.asked != nil {
		d.asked[id] = true
	}
	r, err := d.row(id)
	if err == nil && d.used != nil {
		d.used[r.Line] = true
	}
	return r, err
}

func (d *desnzSet) row(id string) (datasets.DESNZRow, error) {
	if d.current == nil {
		return d.DESNZ.Row(id)
	}
	ref, err := d.current.Row(id)
	if err != nil {
		return ref, err
	}
	r, err := d.DESNZ.Match(ref)
	if err != nil {
		return r, fmt.Errorf("%s:%d: ID %s in the %d set: %w", d.current.Path, ref.Line, id, d.Year, err)
	}
	return r, nil
}

func (d *desnzSet) Num(id string) (float64, datasets.DESNZRow, error) {
	r, err := d.Row(id)
	if err != nil {
		return 0, r, err
	}
	v, err := d.Value(r)
	return v, r, err
}

// Has reports whether the set has the row of current ID id.
func (d *desnzSet) Has(id string) bool {
	_, err := d.Row(id)
	return err == nil
}

// cite names a row in a factor's source: its ID, or in a set without IDs its line (of the
// sheet saved as CSV) or its row (of the workbook's sheet).
func (d *desnzSet) cite(r datasets.DESNZRow) string {
	if r.ID != "" {
		return r.ID
	}
	return d.citeLine(r)
}

// citeRow names a row as its set does: "ID 7_400_4000_5_1", or its line or sheet row.
func (d *desnzSet) citeRow(r datasets.DESNZRow) string {
	if r.ID != "" {
		return r.Cite()
	}
	return d.citeLine(r)
}

func (d *desnzSet) citeLine(r datasets.DESNZRow) string {
	if d.Sheet != "" {
		return fmt.Sprintf("sheet row %d", r.Line)
	}
	return fmt.Sprintf("CSV line %d", r.Line)
}

// citeID cites the row of current ID id.
func (d *desnzSet) citeID(id string) string {
	r, err := d.Row(id)
	if err != nil {
		return id
	}
	return d.cite(r)
}

var desnzFrontPage = regexp.MustCompile(`Workbook ` + "`Front page`" + `:.*?Version:? ([0-9.]+), Updated:? (\d{4})-\d\d-\d\d`)
var desnzFrontYear = regexp.MustCompile(`Workbook ` + "`Front page`" + `:.*?Year: (\d{4})`)

// loadDESNZSet reads a set and, from the SOURCE.md of its folder, its version and the year it
// was updated; the year SOURCE.md states must be the set's.
func loadDESNZSet(dir, file string, current *datasets.DESNZ) (*desnzSet, error) {
	d, err := datasets.LoadDESNZ(filepath.Join(dir, file))
	if err != nil {
		return nil, err
	}
	src := filepath.Join(dir, filepath.Dir(file), "SOURCE.md")
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	m, y := desnzFrontPage.FindSubmatch(b), desnzFrontYear.FindSubmatch(b)
	if m == nil || y == nil {
		return nil, fmt.Errorf("%s: no line \"Workbook `Front page`: … Year: YYYY … Version N, Updated YYYY-MM-DD\"", src)
	}
	if year, _ := strconv.Atoi(string(y[1])); year != d.Year {
		return nil, fmt.Errorf("%s states the set of %d, %s is the set of %d", src, year, d.Path, d.Year)
	}
	published, _ := strconv.Atoi(string(m[2]))
	rel := Release{Version: fmt.Sprintf("%d v%s", d.Year, m[1]), Published: published}
	return &desnzSet{DESNZ: d, release: rel, current: current}, nil
}

// fromDESNZ reports whether an entry is a uk.* factor drawn from the DESNZ flat file: it then
// has one vintage per set.
func fromDESNZ(e entry) bool {
	if !strings.HasPrefix(e.ID, "uk.") {
		return false
	}
	switch r := e.From.(type) {
	case dz:
		return true
	case avoided:
		_, ok := r.instead.(dz)
		return ok
	}
	return false
}

// stampDESNZSet makes f the vintage of set d: it applies from the set's year, which is also
// its data year (a DESNZ set is for reporting in its year).
func stampDESNZSet(d *desnzSet, f *factors.Factor) {
	f.Year, f.DataYear, f.Published = d.Year, d.Year, d.release.Published
}

// desnzPastVintages builds the vintages of every uk.* DESNZ factor from the past sets.
func desnzPastVintages(s *sources, t []entry) ([]factors.Factor, error) {
	var out []factors.Factor
	for _, past := range s.desnzPast {
		ps := *s
		ps.desnz = past
		for _, e := range t {
			if !fromDESNZ(e) {
				continue
			}
			f, err := e.build(&ps)
			if past.Year < desnzFirstSet[e.ID] {
				if err == nil {
					return nil, fmt.Errorf("%s: the %d set has its rows (%s), but desnzFirstSet says they start in %d", e.ID, past.Year, f.SourceID, desnzFirstSet[e.ID])
				}
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("%s (%d set): %w", e.ID, past.Year, err)
			}
			stampDESNZSet(past, &f)
			out = append(out, f)
		}
	}
	return out, nil
}
