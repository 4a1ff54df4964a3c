package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/factors/datasets"
	"github.com/footprint/footprint/factors/mapping"
	"github.com/footprint/footprint/lang"
)

// DESNZ imports a UK DESNZ conversion factors flat file: the xlsx, or its "Factors by Category"
// sheet saved as CSV. The rows the library maps give its uk.* factors, as the vintage of the
// set's year (a set from before 2023, which has no IDs, is matched by category path as the
// built-in vintages are); every other kg CO2e row that can be placed in a scope and category,
// with a GWP basis and a unit footprint converts, becomes desnz.<ID> (from 2023) or
// desnz.<category path> (before), with its split by gas from its per-gas rows. What is left
// out is counted by reason in Result.Skipped.
func DESNZ(path string, opt Options) (Result, error) {
	f, err := open(path)
	if err != nil {
		return Result{}, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	head, _ := br.Peek(8)
	var d *datasets.DESNZ
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return Result{}, fmt.Errorf("%s is an old binary Excel workbook (.xls), which footprint cannot read: open it in Excel or LibreOffice and save it as .xlsx or CSV", path)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		d, err = datasets.ReadDESNZXLSX(br, path)
	default:
		d, err = datasets.ReadDESNZCSV(br, path)
	}
	if err != nil {
		return Result{}, err
	}
	if !d.Ended {
		last := 0
		if n := len(d.All); n > 0 {
			last = d.All[n-1].Line
		}
		return Result{}, fmt.Errorf("%s: no END row after the last factor row: the flat file ends with one, so the file is cut short", d.At(last))
	}
	res := Result{Source: SourceDESNZ, Version: opt.Version, Published: opt.Published}
	if res.Version == "" {
		res.Version = desnzVersion(path, d)
	}
	if res.Published == 0 {
		res.Published = opt.year()
		if !d.Updated.IsZero() {
			res.Published = d.Updated.Year()
		}
	}
	built, used, missing, err := mapping.DESNZRelease(d, mapping.Release{Version: res.Version, Published: res.Published})
	if err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	var sk desnzSkips
	for _, e := range missing {
		sk.add(text(lang.Key("%d built-in uk.* factors whose rows this set lacks")), verbatim(e.Error()))
	}
	res.Factors = append(built, desnzOwnFactors(d, res, used, &sk)...)
	res.Skipped = sk.list
	return res, nil
}

var desnzVersionInName = regexp.MustCompile(`(?i)(?:^|[^a-z])v(\d+(?:[._]\d+)*)`)

// desnzVersion is the release's version as the built-in factors state it, "2025 v1": the set's
// year and the version the front page states, else the one in the file's name ("…_v1_1.xlsx"),
// else the year alone.
func desnzVersion(path string, d *datasets.DESNZ) string {
	v := d.Version
	if v == "" {
		v = strings.ReplaceAll(versionInName(path, desnzVersionInName), "_", ".")
	}
	if v == "" {
		return strconv.Itoa(d.Year)
	}
	return fmt.Sprintf("%d v%s", d.Year, v)
}

// desnzScope3 is the Scope 3 category of the Scope 3 rows of a category (Level 1, as
// datasets.CurrentName folds it) that the library does not map, where the category holds for
// any use of its rows. Well-to-tank rows ("WTT- …") are category 3 (fuel- and energy-related
// activities). Categories left out ("Managed assets": leased assets, upstream or downstream,
// category 8 or 13) are skipped, never guessed.
var desnzScope3 = map[string]int{
	"transmission and distribution": 3,
	"uk electricity t&d for evs":    3,
	"material use":                  1,
	"water supply":                  1,
	"freighting goods":              4,
	"waste disposal":                5,
	"water treatment":               5,
	"business travel- air":          6,
	"business travel- land":         6,
	"business travel- sea":          6,
	"hotel stay":                    6,
	"homeworking":                   7,
}

// desnzOtherUnits are the DESNZ units the library's table does not use, with their canonical
// unit and how many of it one DESNZ unit is (a definition, not data).
var desnzOtherUnits = map[string]struct {
	unit string
	per  float64
}{
	"cubic metres":   {"m3", 1},
	"GJ":             {"GJ", 1},
	"million litres": {"L", 1e6},
}

// desnzUnit is the canonical unit of a DESNZ unit, its case aside ("Litres" in the 2021 set),
// and how many of it one DESNZ unit is; "" when footprint does not convert it.
func desnzUnit(uom string) (string, float64) {
	for from, to := range datasets.DESNZUnits {
		if strings.EqualFold(from, uom) {
			return to, 1
		}
	}
	for from, o := range desnzOtherUnits {
		if strings.EqualFold(from, uom) {
			return o.unit, o.per
		}
	}
	return "", 0
}

// desnzOwnFactors are the factors of the kg CO2e rows the library does not read (used).
func desnzOwnFactors(d *datasets.DESNZ, res Result, used map[int]bool, sk *desnzSkips) []factors.Factor {
	// The per-gas rows of a kg CO2e row share its category path (and, from 2023, its ID but
	// the last part).
	type gasRows struct {
		co2, ch4, n2o string
		line          int
	}
	gases := map[string]*gasRows{}
	hasTotal := map[string]bool{}
	for _, r := range d.All {
		k := desnzGroup(r)
		switch r.Gas() {
		case "CO2e":
			hasTotal[k] = true
			continue
		case "CO2", "CH4", "N2O":
		default:
			continue
		}
		g := gases[k]
		if g == nil {
			g = &gasRows{line: r.Line}
			gases[k] = g
		}
		switch r.Gas() {
		case "CO2":
			g.co2 = r.Value
		case "CH4":
			g.ch4 = r.Value
		case "N2O":
			g.n2o = r.Value
		}
	}
	var out []factors.Factor
	seen := map[string]int{}
	for _, r := range d.All {
		at := desnzAt(d, r.Line)
		if strings.EqualFold(r.Scope, "Outside of Scopes") {
			sk.add(text(lang.Key("%d Outside of Scopes rows (biogenic CO2; only the built-in uk.* fuels carry theirs)")), at)
			continue
		}
		switch r.Gas() {
		case "CO2e":
		case "CO2", "CH4", "N2O":
			if !hasTotal[desnzGroup(r)] && !used[r.Line] {
				sk.add(text(lang.Key("%d per-gas rows without their kg CO2e row")), at)
			}
			continue
		default:
			sk.add(text(lang.Key("%d rows that measure no kg CO2e or gas (GHG column %q: energy figures)"), r.GHG), at)
			continue
		}
		if used[r.Line] {
			continue // in a built-in uk.* factor
		}
		level1 := datasets.CurrentName(r.Levels[0])
		scope, cat := 0, 0
		switch strings.ToLower(r.Scope) {
		case "scope 1":
			scope = 1
		case "scope 2":
			scope = 2
		case "scope 3":
			scope = 3
		default:
			sk.add(text(lang.Key("%d rows of scope %q"), r.Scope), at)
			continue
		}
		if level1 == "refrigerant & other" {
			sk.add(text(lang.Key("%d refrigerant and other gas rows (GWP values: footprint takes them from IPCC, not imported)")), at)
			continue
		}
		if scope == 3 {
			cat = desnzScope3[level1]
			if strings.HasPrefix(level1, "wtt-") {
				cat = 3
			}
			if cat == 0 {
				sk.add(text(lang.Key("%d Scope 3 rows of %q, whose category footprint does not guess"), r.Levels[0]), at)
				continue
			}
		}
		gwp, ok := mapping.DESNZGWP(r.Levels[0])
		if !ok {
			sk.add(text(lang.Key("%d rows of %q, a category whose GWP basis footprint does not know"), r.Levels[0]), at)
			continue
		}
		unit, per := desnzUnit(r.UOM)
		if unit == "" {
			sk.add(text(lang.Key("%d rows per %q, a unit footprint does not convert"), r.UOM), at)
			continue
		}
		if r.Value == "" {
			sk.add(text(lang.Key("%d rows without a value")), at)
			continue
		}
		v, err := strconv.ParseFloat(r.Value, 64)
		if err != nil {
			sk.add(text(lang.Key("%d rows whose value is not a number")), text("%s (%q)", at, r.Value))
			continue
		}
		if v < 0 {
			sk.add(text(lang.Key("%d rows with a negative value (credits are not emission factors)")), at)
			continue
		}
		id := "desnz." + r.ID
		if r.ID == "" {
			id = "desnz." + desnzSlug(r)
		}
		if first, dup := seen[id]; dup {
			sk.add(text(lang.Key("%d rows whose category path repeats an earlier row's")), text(lang.Key("%s (first at %s)"), at, desnzAt(d, first)))
			continue
		}
		seen[id] = r.Line
		cite := r.Cite()
		if r.ID == "" && d.Sheet != "" {
			cite = fmt.Sprintf("sheet row %d", r.Line)
		}
		f := factors.Factor{
			ID: id, Name: r.Label(), Value: v / per, Unit: unit, Scope: scope, Category: cat,
			Kind: factors.KindEmission, Year: d.Year, DataYear: d.Year, GWP: gwp, Region: "GB",
			Dataset: "UK DESNZ GHG Conversion Factors", License: "OGL v3.0",
			Version: res.Version, Published: res.Published, SourceID: cite,
			Source: fmt.Sprintf("UK DESNZ GHG Conversion Factors %s, %s (%s)", res.Version, cite, r.Label()),
		}
		if gwp == "" {
			f.Notes = "DESNZ states no single GWP basis for these factors: its methodology paper says hotels reported in CO2e on AR4 or AR5."
		}
		if g := gases[desnzGroup(r)]; g != nil {
			co2, err1 := strconv.ParseFloat(g.co2, 64)
			ch4, err2 := strconv.ParseFloat(g.ch4, 64)
			n2o, err3 := strconv.ParseFloat(g.n2o, 64)
			if err1 == nil && err2 == nil && err3 == nil && datasets.Near(co2+ch4+n2o, v, datasets.GasTolerance) {
				f.Gases = &factors.Gases{CO2: co2 / per, CH4: ch4 / per, N2O: n2o / per}
			}
		}
		if err := f.Validate(); err != nil {
			sk.add(text(lang.Key("%d rows that give no valid factor")), text("%s (%v)", at, err))
			continue
		}
		out = append(out, f)
	}
	return out
}

// desnzGroup is what a kg CO2e row and its per-gas rows share: the ID but its last part, or,
// in a set without IDs, the category path and unit.
func desnzGroup(r datasets.DESNZRow) string {
	if i := strings.LastIndexByte(r.ID, '_'); i > 0 {
		return r.ID[:i]
	}
	return strings.Join([]string{r.Scope, r.Levels[0], r.Levels[1], r.Levels[2], r.Levels[3], r.ColumnText, r.UOM}, "|")
}

var desnzSlugBreak = regexp.MustCompile(`[^a-z0-9]+`)

// desnzSlug is a row's category path as an id: "fuels.gaseous-fuels.butane.tonnes".
func desnzSlug(r datasets.DESNZRow) string {
	var parts []string
	for _, p := range append(r.Levels[:], r.ColumnText, r.UOM) {
		if s := strings.Trim(desnzSlugBreak.ReplaceAllString(strings.ToLower(p), "-"), "-"); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ".")
}

// desnzSkips counts skipped rows by reason, in the order reasons first occur.
type desnzSkips struct {
	list []Skip
	at   map[string]int
}

func (s *desnzSkips) add(reason, example Text) {
	if s.at == nil {
		s.at = map[string]int{}
	}
	key := reason.uncounted()
	if i, ok := s.at[key]; ok {
		s.list[i].Count++
		return
	}
	s.at[key] = len(s.list)
	s.list = append(s.list, newSkip(reason, example, 1))
}

// desnzAt names line of the set as datasets.DESNZ.At does: "file:line", or "file: sheet S row
// N" for an xlsx.
func desnzAt(d *datasets.DESNZ, line int) Text {
	if d.Sheet != "" {
		return text(lang.Key("%s: sheet %q row %d"), d.Path, d.Sheet, lang.Plain(line))
	}
	return text("%s:%d", d.Path, lang.Plain(line))
}
