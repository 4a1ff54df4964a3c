package workbook

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// The property tests generate workbooks of many shapes — files, sheets, column orders and
// spellings, offset headers, blank rows, valid and invalid rows, instruments — from a seed,
// keep a model of what each row must give, and check the calculation against it: every row
// read is used or rejected with a problem at its row; the totals are the sum of the lines per
// scope, category, pole, site and activity, with both Scope 2 methods; the location- and
// market-based totals are what the model computes by hand; and scaling every quantity by k
// scales every total by k.

// validKind is a row that must be used: an activity of the test library in a unit it
// converts, with what one unit of it emits.
type validKind struct {
	id, unit string
	toFactor float64 // quantity × toFactor is the quantity in the factor's unit
	scope    int
	category int
	// value and upstream in kgCO2e per factor unit, from the test library; grid is the
	// vintaged test.grid.electricity (0.10 + 0.01 until 2020, 0.30 + 0.03 from 2021).
	value, upstream float64
	grid            bool
	electricity     bool // covered by instruments: a Scope 2 energy factor of carrier electricity (test.heat is heat)
	reported        bool // already-computed emissions: toFactor is kgCO2e per unit
}

var validKinds = []validKind{
	{id: "test.electricity", unit: "kWh", toFactor: 1, scope: 2, value: 0.20, electricity: true},
	{id: "test.electricity", unit: "MWh", toFactor: 1000, scope: 2, value: 0.20, electricity: true},
	{id: "test.grid.electricity", unit: "kWh", toFactor: 1, scope: 2, grid: true, electricity: true},
	{id: "test.gas.pcs", unit: "kWh", toFactor: 1, scope: 1, value: 0.181, upstream: 0.0344},
	{id: "test.gas.pcs", unit: "MWh PCS", toFactor: 1000, scope: 1, value: 0.181, upstream: 0.0344},
	{id: "test.gas.pcs", unit: "kWh PCI", toFactor: 1.1, scope: 1, value: 0.181, upstream: 0.0344},
	{id: "test.steel", unit: "t", toFactor: 1, scope: 3, category: 1, value: 2000},
	{id: "test.steel", unit: "kg", toFactor: 0.001, scope: 3, category: 1, value: 2000},
	{id: "test.diesel", unit: "L", toFactor: 1, scope: 1, value: 2.5, upstream: 0.6},
	{id: "test.diesel", unit: "m3", toFactor: 1000, scope: 1, value: 2.5, upstream: 0.6},
	{id: "test.heat", unit: "kWh", toFactor: 1, scope: 2, value: 0.1},
	{id: "supplier figure", unit: "tCO2e", toFactor: 1000, reported: true},
	{id: "supplier figure", unit: "kgCO2e", toFactor: 1, reported: true},
}

// invalidKinds corrupt one cell of a valid row so that it must be rejected.
var invalidKinds = []func(r map[Column]any){
	func(r map[Column]any) { r[ColYear] = nil },
	func(r map[Column]any) { r[ColYear] = "last year" },
	func(r map[Column]any) { r[ColYear] = 1850 },
	func(r map[Column]any) { r[ColYear] = 2024.5 },
	func(r map[Column]any) { r[ColActivity] = nil },
	func(r map[Column]any) { r[ColActivity], r[ColUnit] = "test.stel", "t" }, // free text is for tCO2e rows only
	func(r map[Column]any) { r[ColQuantity] = nil },
	func(r map[Column]any) { r[ColQuantity] = "ten" },
	func(r map[Column]any) { r[ColQuantity] = "1,5" },
	func(r map[Column]any) { r[ColQuantity] = "12 kWh" },
	func(r map[Column]any) { r[ColQuantity] = "#N/A" },
	func(r map[Column]any) { r[ColQuantity] = -3.5 },
	func(r map[Column]any) { r[ColUnit] = nil },
	func(r map[Column]any) { r[ColUnit] = "furlong" },
	func(r map[Column]any) { r[ColActivity], r[ColUnit] = "test.steel", "kWh" },
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit] = "test.electricity", "kWh PCS"
	},
	func(r map[Column]any) { r[ColScope] = 7 },
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit], r[ColScope] = "test.steel", "t", 1
	},
	func(r map[Column]any) { r[ColCategory] = 16 },
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit], r[ColCategory] = "test.diesel", "L", 4
	},
	func(r map[Column]any) { r[ColMethod] = "both" },
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit], r[ColMethod] = "test.electricity", "kWh", "market"
	},
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit], r[ColScope], r[ColCategory] = "x", "tCO2e", nil, nil
	},
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit], r[ColScope], r[ColCategory] = "x", "tCO2e", 3, nil
	},
	func(r map[Column]any) {
		r[ColActivity], r[ColUnit], r[ColScope], r[ColMethod] = "x", "tCO2e", 1, "market"
	},
}

var (
	propSites = []string{"Main", "Nord", "Usine 2", "Émile & fils", "<b>Sud</b>"}
	propPoles = []string{"", "RE-TROFIT", "RE-CYCLE", "=1+1", "pôle énergie"}
)

// headerSpellings are how a generated header may write a column: canonical, or the aliases
// of the test LoadOptions, in any case and spacing.
var headerSpellings = map[Column][]string{
	ColYear: {"Year", " YEAR ", "Année"}, ColActivity: {"Activity", "activité"}, ColQuantity: {"Quantity", "Quantité", "quantity "},
	ColUnit: {"Unit", "UNITÉ"}, ColSite: {"Site", "site"}, ColPole: {"Pole", "Pôle"}, ColScope: {"Scope"},
	ColCategory: {"Category", "category"}, ColMethod: {"Method"}, ColComment: {"Comment", "Commentaire libre"},
}

// model is what a generated input must give, computed by hand from the rows generated.
type model struct {
	read, used int
	rejected   []emissions.Place // every row that must be rejected
	// per year: location- and market-based scopes, Scope 3 categories
	scope1, s2loc, s2mkt, scope3 map[int]float64
	cats                         map[int]map[int]float64
	// electricity per year and site (kWh and location factor of each row), and instruments
	elec        map[siteYear][][2]float64
	instruments map[siteYear][][2]float64 // kWh, kgCO2e/kWh, in sheet order
}

func newModel() *model {
	return &model{scope1: map[int]float64{}, s2loc: map[int]float64{}, s2mkt: map[int]float64{}, scope3: map[int]float64{},
		cats: map[int]map[int]float64{}, elec: map[siteYear][][2]float64{}, instruments: map[siteYear][][2]float64{}}
}

func (m *model) cat(year, c int, v float64) {
	if m.cats[year] == nil {
		m.cats[year] = map[int]float64{}
	}
	m.cats[year][c] += v
	m.scope3[year] += v
}

// add records a valid row of kind k.
func (m *model) add(k validKind, year int, site string, qty float64, scope, category int, method string) {
	m.used++
	if k.reported {
		t := qty * k.toFactor / 1000
		switch scope {
		case 1:
			m.scope1[year] += t
		case 2:
			if method != emissions.MethodMarket {
				m.s2loc[year] += t
			}
			if method != emissions.MethodLocation {
				m.s2mkt[year] += t
			}
		case 3:
			m.cat(year, category, t)
		}
		return
	}
	value, upstream := k.value, k.upstream
	if k.grid {
		value, upstream = 0.10, 0.01
		if year >= 2021 {
			value, upstream = 0.30, 0.03
		}
	}
	q := qty * k.toFactor
	direct := q * value / 1000
	switch k.scope {
	case 1:
		m.scope1[year] += direct
	case 2:
		m.s2loc[year] += direct
		if k.electricity {
			key := siteYear{year, site}
			m.elec[key] = append(m.elec[key], [2]float64{q, value})
		} else {
			m.s2mkt[year] += direct
		}
	case 3:
		c := k.category
		if category != 0 {
			c = category
		}
		m.cat(year, c, direct)
	}
	if upstream > 0 {
		m.cat(year, 3, q*upstream/1000)
	}
}

// market adds the market-based electricity to s2mkt: per year and site, instruments in sheet
// order up to the consumption, the rest at the residual mix (rm > 0) or each row's location
// factor.
func (m *model) market(rm float64) {
	for key, uses := range m.elec {
		consumption := 0.0
		for _, u := range uses {
			consumption += u[0]
		}
		covered, kg := 0.0, 0.0
		for _, ins := range m.instruments[key] {
			take := min(ins[0], consumption-covered)
			covered += take
			kg += take * ins[1]
		}
		t := kg / 1000
		for _, u := range uses {
			rest := u[0] * (1 - covered/consumption)
			if rm > 0 {
				t += rest * rm / 1000
			} else {
				t += rest * u[1] / 1000
			}
		}
		m.s2mkt[key.Year] += t
	}
}

// generated is one generated input: its workbooks and the model of what they must give.
type generated struct {
	files map[string][]byte
	model *model
	rm    []emissions.ResidualMix
}

// generate makes an input from seed, every quantity (activity and instrument) multiplied by k.
func generate(t testing.TB, seed uint64, k float64) generated {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	m := newModel()
	g := generated{files: map[string][]byte{}, model: m}
	if r.IntN(2) == 0 {
		// an entry applies to its own year only: one per year the rows may have
		for y := 2019; y <= 2025; y++ {
			g.rm = append(g.rm, emissions.ResidualMix{Year: y, Value: 0.45, Source: "test residual mix"})
		}
	}
	pick := func(ss []string) string { return ss[r.IntN(len(ss))] }
	for f := range 1 + r.IntN(3) {
		file := fmt.Sprintf("input-%d.xlsx", f)
		var sheets []sheet
		for s := range 1 + r.IntN(3) {
			sheets = append(sheets, generateSheet(r, m, file, fmt.Sprintf("Activities %d", s), k, pick))
		}
		if r.IntN(3) == 0 {
			sheets = append(sheets, sheet{"Notes", [][]any{{"These notes are not an activity sheet"}, {"Year", "is", "ignored"}}})
		}
		if r.IntN(2) == 0 {
			sheets = append(sheets, generateInstruments(r, m, k, pick))
		}
		r.Shuffle(len(sheets), func(i, j int) { sheets[i], sheets[j] = sheets[j], sheets[i] })
		g.files[file] = workbook(t, sheets...)
	}
	m.market(func() float64 {
		if g.rm != nil {
			return g.rm[0].Value
		}
		return 0
	}())
	return g
}

// generateSheet makes one activity sheet: a header of the required columns and some optional
// ones in any order and spelling, below blank rows, a title and notes and right of blank
// columns, then a mix of valid, invalid and blank rows.
func generateSheet(r *rand.Rand, m *model, file, name string, k float64, pick func([]string) string) sheet {
	cols := []Column{ColYear, ColActivity, ColQuantity, ColUnit, ColScope, ColCategory, ColMethod}
	for _, c := range []Column{ColSite, ColPole, ColComment} {
		if r.IntN(4) > 0 {
			cols = append(cols, c)
		}
	}
	r.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	offset := r.IntN(3)
	var rows [][]any
	for range r.IntN(3) {
		rows = append(rows, []any{})
	}
	if r.IntN(3) == 0 { // a title, and maybe notes, above the header: skipped with a warning
		rows = append(rows, []any{name + " 2019–2024"})
		for range r.IntN(3) {
			rows = append(rows, []any{nil, "source: meter readings"}, []any{})
		}
	}
	header := make([]any, offset, offset+len(cols))
	for _, c := range cols {
		header = append(header, pick(headerSpellings[c]))
	}
	rows = append(rows, header)
	hasSite := slices.Contains(cols, ColSite)
	for range r.IntN(60) {
		switch r.IntN(10) {
		case 0: // blank, or blank-looking: not a row
			rows = append(rows, []any{nil, "  ", ""}[:r.IntN(4)])
			continue
		}
		row := generateRow(r, k, pick)
		valid := r.IntN(3) > 0
		if !valid {
			invalidKinds[r.IntN(len(invalidKinds))](row.cells)
		}
		if !hasSite {
			row.site = "Main"
		}
		line := make([]any, offset+len(cols))
		for i, c := range cols {
			line[offset+i] = row.cells[c]
		}
		rows = append(rows, line)
		m.read++
		if valid {
			m.add(row.kind, row.year, row.site, row.qty, row.scope, row.category, row.method)
		} else {
			m.rejected = append(m.rejected, emissions.Place{File: file, Sheet: name, Row: len(rows)})
		}
	}
	return sheet{name, rows}
}

type genRow struct {
	cells                 map[Column]any
	kind                  validKind
	year, scope, category int
	qty                   float64
	site, method          string
}

// generateRow makes a valid row of a random kind.
func generateRow(r *rand.Rand, k float64, pick func([]string) string) genRow {
	g := genRow{kind: validKinds[r.IntN(len(validKinds))], year: 2019 + r.IntN(7), site: pick(propSites)}
	g.qty = math.Round(r.Float64()*1e6) / 100 * k
	g.cells = map[Column]any{ColYear: g.year, ColActivity: g.kind.id, ColQuantity: g.qty, ColUnit: g.kind.unit,
		ColSite: g.site, ColPole: pick(propPoles), ColComment: pick([]string{"", "metered", "=SUM(A1:A9)", "@import"})}
	if g.site == "Main" && r.IntN(2) == 0 {
		g.cells[ColSite] = nil // the default site
	}
	if g.kind.reported {
		g.scope = 1 + r.IntN(3)
		g.cells[ColScope] = g.scope
		switch g.scope {
		case 2:
			g.method = []string{"", emissions.MethodLocation, emissions.MethodMarket}[r.IntN(3)]
			if g.method != "" {
				g.cells[ColMethod] = g.method
			}
		case 3:
			g.category = 1 + r.IntN(15)
			g.cells[ColCategory] = g.category
		}
		return g
	}
	if r.IntN(3) == 0 {
		g.cells[ColScope] = g.kind.scope // the factor's own scope: allowed
	}
	if g.kind.scope == 3 && r.IntN(3) == 0 {
		g.category = 1 + r.IntN(15)
		g.cells[ColCategory] = g.category
	}
	return g
}

// generateInstruments makes an Instruments sheet: valid instruments for the years and sites
// the rows use (some beyond the consumption, capped), and some invalid ones, which are
// rejected but are not activity rows.
func generateInstruments(r *rand.Rand, m *model, k float64, pick func([]string) string) sheet {
	rows := [][]any{{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"}}
	for i := range r.IntN(8) {
		year, site := 2019+r.IntN(7), pick(propSites)
		kwh := math.Round(r.Float64()*5e5) * k
		unit, qty := "kWh", kwh
		if r.IntN(2) == 0 {
			unit, qty = "MWh", kwh/1000
			kwh = qty * 1000 // what the calculation converts, to the last bit
		}
		factor := []float64{0, 0, 0.012, 0.35}[r.IntN(4)]
		cellSite := any(site)
		if site == "Main" && r.IntN(2) == 0 {
			cellSite = nil
		}
		if r.IntN(5) == 0 {
			rows = append(rows, []any{year, cellSite, fmt.Sprintf("bad %d", i), "lots", unit, factor})
			continue
		}
		rows = append(rows, []any{year, cellSite, fmt.Sprintf("GO %d", i), qty, unit, factor})
		key := siteYear{year, site}
		m.instruments[key] = append(m.instruments[key], [2]float64{kwh, factor})
	}
	return sheet{"Instruments", rows}
}

// siteYear keys the electricity and instruments of a site in a year.
type siteYear struct {
	Year int
	Site string
}

// compute reads and calculates a generated input with the test library.
func (g generated) compute(t testing.TB, lib emissions.Options) (*emissions.Input, *emissions.Inventory) {
	t.Helper()
	in := &emissions.Input{}
	names := make([]string, 0, len(g.files))
	for n := range g.files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		Read(in, n, bytes.NewReader(g.files[n]), Options{DefaultSite: "Main",
			Aliases: Aliases{ColYear: {"Année"}, ColQuantity: {"Quantité"}, ColActivity: {"Activité"}, ColUnit: {"Unité"}, ColComment: {"Commentaire libre"}}})
	}
	lib.ResidualMix = g.rm
	return in, emissions.Calculate(in, lib)
}

func relClose(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*math.Max(1e-9, math.Abs(want))
}

const propertySeeds = 40

// computed caches the unscaled inputs, which three properties share.
var computed sync.Map // seed → *computedInput

type computedInput struct {
	generated
	in  *emissions.Input
	inv *emissions.Inventory
}

func computeSeed(t testing.TB, seed uint64, opts emissions.Options) *computedInput {
	t.Helper()
	if c, ok := computed.Load(seed); ok {
		return c.(*computedInput)
	}
	c := &computedInput{generated: generate(t, seed, 1)}
	opts.RowLines = true
	c.in, c.inv = c.compute(t, opts) // its temporary file is already removed
	computed.Store(seed, c)
	return c
}

// Every row read is used or rejected, and every rejected row has an error at its row.
func TestPropertyNoSilentLoss(t *testing.T) {
	opts := emissions.Options{Library: workbooktest.Library(t)}
	for seed := range uint64(propertySeeds) {
		c := computeSeed(t, seed, opts)
		in, inv, m := c.in, c.inv, c.model
		want := emissions.Rows{Read: m.read, Used: m.used, Rejected: len(m.rejected)}
		if inv.Rows != want || inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
			t.Errorf("seed %d: rows %+v, want %+v", seed, inv.Rows, want)
		}
		if in.Problems.Fatal() != 0 {
			t.Errorf("seed %d: %d fatal problems in valid workbooks: %v", seed, in.Problems.Fatal(), in.Problems.List())
		}
		errorsAt := map[emissions.Place]int{}
		for _, p := range in.Problems.List() {
			if p.Severity != emissions.SeverityError || p.Sheet == "Instruments" {
				continue
			}
			row, err := strconv.Atoi(strings.TrimLeft(p.Cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
			if err != nil || p.File == "" || p.Message == "" {
				t.Errorf("seed %d: an error without its place: %+v", seed, p)
				continue
			}
			errorsAt[emissions.Place{File: p.File, Sheet: p.Sheet, Row: row}]++
		}
		for _, pl := range m.rejected {
			if errorsAt[pl] == 0 {
				t.Errorf("seed %d: row %d of %s, sheet %s, is rejected without an error at that row", seed, pl.Row, pl.File, pl.Sheet)
			}
			delete(errorsAt, pl)
		}
		for pl := range errorsAt {
			t.Errorf("seed %d: an error at %+v, a row the model says is valid", seed, pl)
		}
		if used := distinctRows(rowLinesOf(t, inv)); used != m.used {
			t.Errorf("seed %d: lines come from %d rows, %d used", seed, used, m.used)
		}
	}
}

// rowLinesOf collects the lines of every row.
func rowLinesOf(t testing.TB, inv *emissions.Inventory) []emissions.Line {
	t.Helper()
	var out []emissions.Line
	if err := inv.RowLines().Each(func(l *emissions.Line) error {
		out = append(out, *l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(out) != inv.RowLines().Len() {
		t.Fatalf("RowLines gives %d lines, Len says %d", len(out), inv.RowLines().Len())
	}
	return out
}

// distinctRows counts the input rows the lines come from.
func distinctRows(lines []emissions.Line) int {
	seen := map[emissions.Place]bool{}
	for _, l := range lines {
		seen[l.Place] = true
	}
	return len(seen)
}

// The totals are the sum of the lines, per scope, category, pole, site and activity, for
// both Scope 2 methods, and the model's figures computed by hand.
func TestPropertyTotalsAreTheSumOfTheLines(t *testing.T) {
	opts := emissions.Options{Library: workbooktest.Library(t)}
	for seed := range uint64(propertySeeds) {
		c := computeSeed(t, seed, opts)
		inv, m := c.inv, c.model
		for _, method := range []string{emissions.MethodMarket, emissions.MethodLocation} {
			years := emissions.Aggregate(inv.Lines, method)
			rows := rowLinesOf(t, inv)
			for _, y := range years {
				// the groups' totals against the sums of every row's line
				checkYearAgainstLines(t, fmt.Sprintf("seed %d, %s, %d", seed, method, y.Year), y, rows, method)
				where := fmt.Sprintf("seed %d, %s, %d: ", seed, method, y.Year)
				for _, c := range []struct {
					what      string
					got, want float64
				}{
					{"Scope 1", y.Scope1, m.scope1[y.Year]}, {"Scope 2 location", y.Scope2Location, m.s2loc[y.Year]},
					{"Scope 2 market", y.Scope2Market, m.s2mkt[y.Year]}, {"Scope 3", y.Scope3, m.scope3[y.Year]},
				} {
					if !relClose(c.got, c.want) {
						t.Errorf("%s%s %v, by hand %v", where, c.what, c.got, c.want)
					}
				}
				for c, v := range m.cats[y.Year] {
					if !relClose(y.Scope3Categories[c], v) {
						t.Errorf("%scategory %d %v, by hand %v", where, c, y.Scope3Categories[c], v)
					}
				}
			}
			for year := range m.scope1 {
				if !slices.ContainsFunc(years, func(y emissions.YearTotals) bool { return y.Year == year }) {
					t.Errorf("seed %d: year %d has used rows but no totals", seed, year)
				}
			}
		}
	}
}

// checkYearAgainstLines re-adds the lines of one year by every breakdown and compares.
func checkYearAgainstLines(t *testing.T, where string, y emissions.YearTotals, lines []emissions.Line, method string) {
	t.Helper()
	var s1, s2l, s2m, s3 float64
	cats, poles, sites, acts := map[int]float64{}, map[string]float64{}, map[string]float64{}, map[string]float64{}
	for _, l := range lines {
		if l.Year != y.Year || l.Part == emissions.PartAvoided {
			continue
		}
		switch {
		case l.Scope == 1:
			s1 += l.TCO2e
		case l.Scope == 2 && l.Method == emissions.MethodLocation:
			s2l += l.TCO2e
		case l.Scope == 2 && l.Method == emissions.MethodMarket:
			s2m += l.TCO2e
		case l.Scope == 2:
			s2l += l.TCO2e
			s2m += l.TCO2e
		case l.Scope == 3:
			s3 += l.TCO2e
			cats[l.Category] += l.TCO2e
		default:
			t.Errorf("%s: a line in scope %d", where, l.Scope)
		}
		if l.Scope == 2 && l.Method != "" && l.Method != method {
			continue
		}
		pole := l.Pole
		if pole == "" {
			pole = emissions.Unassigned
		}
		poles[pole] += l.TCO2e
		sites[l.Site] += l.TCO2e
		acts[l.Activity] += l.TCO2e
	}
	total := y.TotalMarket
	if method == emissions.MethodLocation {
		total = y.TotalLocation
	}
	for _, c := range []struct {
		what      string
		got, want float64
	}{
		{"Scope 1", y.Scope1, s1}, {"Scope 2 location", y.Scope2Location, s2l}, {"Scope 2 market", y.Scope2Market, s2m},
		{"Scope 3", y.Scope3, s3}, {"total location", y.TotalLocation, s1 + s2l + s3}, {"total market", y.TotalMarket, s1 + s2m + s3},
		{"sum of categories", sum(y.Scope3Categories), y.Scope3},
		{"sum by pole", sum(y.ByPole), total}, {"sum by site", sum(y.BySite), total}, {"sum by activity", sum(y.ByActivity), total},
	} {
		if !relClose(c.got, c.want) {
			t.Errorf("%s: %s %v, lines give %v", where, c.what, c.got, c.want)
		}
	}
	for _, b := range []struct {
		what      string
		got, want map[string]float64
	}{{"pole", y.ByPole, poles}, {"site", y.BySite, sites}, {"activity", y.ByActivity, acts}} {
		if len(b.got) != len(b.want) {
			t.Errorf("%s: %d entries by %s, lines give %d", where, len(b.got), b.what, len(b.want))
		}
		for k, v := range b.want {
			if !relClose(b.got[k], v) {
				t.Errorf("%s: by %s %q %v, lines give %v", where, b.what, k, b.got[k], v)
			}
		}
	}
	for c, v := range cats {
		if !relClose(y.Scope3Categories[c], v) {
			t.Errorf("%s: category %d %v, lines give %v", where, c, y.Scope3Categories[c], v)
		}
	}
}

func sum[K comparable](m map[K]float64) float64 {
	s := 0.0
	for _, v := range m {
		s += v
	}
	return s
}

// Scaling every quantity, of activities and instruments, by k scales every total by k and
// leaves the rows and the problems as they were.
func TestPropertyScaling(t *testing.T) {
	opts := emissions.Options{Library: workbooktest.Library(t)}
	for seed := range uint64(propertySeeds / 3) {
		c := computeSeed(t, seed, opts)
		bin, binv := c.in, c.inv
		for _, k := range []float64{[]float64{2, 0.5, 3.7}[seed%3], 1000, 1e-3} {
			scaled := generate(t, seed, k)
			sin, sinv := scaled.compute(t, opts)
			where := fmt.Sprintf("seed %d, k %v", seed, k)
			if sinv.Rows != binv.Rows || sin.Problems.Errors() != bin.Problems.Errors() {
				t.Errorf("%s: rows %+v and %d errors, unscaled %+v and %d", where, sinv.Rows, sin.Problems.Errors(), binv.Rows, bin.Problems.Errors())
			}
			for _, method := range []string{emissions.MethodMarket, emissions.MethodLocation} {
				by, sy := emissions.Aggregate(binv.Lines, method), emissions.Aggregate(sinv.Lines, method)
				if len(by) != len(sy) {
					t.Fatalf("%s: %d years, unscaled %d", where, len(sy), len(by))
				}
				for i := range by {
					checkScaled(t, fmt.Sprintf("%s, %s, %d", where, method, by[i].Year), by[i], sy[i], k)
				}
			}
		}
	}
}

func checkScaled(t *testing.T, where string, base, scaled emissions.YearTotals, k float64) {
	t.Helper()
	figures := map[string][2]float64{
		"Scope 1": {base.Scope1, scaled.Scope1}, "Scope 2 location": {base.Scope2Location, scaled.Scope2Location},
		"Scope 2 market": {base.Scope2Market, scaled.Scope2Market}, "Scope 3": {base.Scope3, scaled.Scope3},
		"total location": {base.TotalLocation, scaled.TotalLocation}, "total market": {base.TotalMarket, scaled.TotalMarket},
	}
	for c, v := range base.Scope3Categories {
		figures[fmt.Sprintf("category %d", c)] = [2]float64{v, scaled.Scope3Categories[c]}
	}
	for _, b := range []struct {
		what         string
		base, scaled map[string]float64
	}{{"pole", base.ByPole, scaled.ByPole}, {"site", base.BySite, scaled.BySite}, {"activity", base.ByActivity, scaled.ByActivity}} {
		if len(b.base) != len(b.scaled) {
			t.Errorf("%s: %d entries by %s, unscaled %d", where, len(b.scaled), b.what, len(b.base))
		}
		for n, v := range b.base {
			figures[b.what+" "+n] = [2]float64{v, b.scaled[n]}
		}
	}
	for what, f := range figures {
		if !relClose(f[1], k*f[0]) && math.Abs(f[1]-k*f[0]) > 1e-12*k {
			t.Errorf("%s: %s %v, want %v × %v = %v", where, what, f[1], k, f[0], k*f[0])
		}
	}
}
