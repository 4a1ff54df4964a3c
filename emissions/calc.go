package emissions

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/footprint/footprint/factors"
	"github.com/footprint/footprint/lang"
)

// ResidualMix is the market-based factor, in kgCO2e/kWh, for the energy of one carrier not
// covered by instruments in one year (its own year only), at one site or (Site "") at all.
type ResidualMix struct {
	Year    int
	Site    string
	Carrier string // one of the factors.Carrier* of purchased energy; "" is electricity
	Value   float64
	Source  string
}

// MaxRowTCO2e bounds what one row may emit: 10^12 t, twenty times the world's yearly
// emissions. A row above it is a unit or typing mistake, and refusing it keeps every sum
// finite (a million such rows still add up to 10^18).
const MaxRowTCO2e = 1e12

// Options configure a calculation.
type Options struct {
	Library     *factors.Library
	ResidualMix []ResidualMix
	// RowLines keeps every row's lines, in a temporary file, for Inventory.RowLines (the
	// export's Lines sheets, `calc --lines`); without it only the grouped lines are kept.
	RowLines bool
	// Organisation consolidates the rows by their Entity (entity.go); nil counts every row
	// at 100 %.
	Organisation *Organisation
	// FreshnessYears: warn when a factor is more than this many years older than the activity
	// (config freshness_years); 0 does not check.
	FreshnessYears int
	// Lang is the language of the rows' problem messages (the config's language).
	Lang lang.Lang
}

// Inventory is the result of a calculation: the lines grouped by everything but the row they
// come from, and the row counts. Its memory does not grow with the number of rows.
type Inventory struct {
	// Lines sums the lines of the rows that share year, site, pole, activity, unit, part,
	// scope, category, method, factor, source and quality, in the order the groups first appear, then
	// the market-based Scope 2 lines; each says how many rows it sums and the place of the first.
	Lines []Line
	// Outside are the lines of gases outside the Kyoto basket: reported apart, in no
	// scope and no total, one per row.
	Outside []Line
	Rows    Rows
	// RejectedYears counts the rejected rows per year, of those whose Year cell reads: what a
	// year's figures leave out.
	RejectedYears map[int]int
	// rows are the lines of every row when Options.RowLines asked for them: the calculator's
	// own, then each joined branch's.
	rows  []*spool
	split map[supply]*marketSplit
}

// Rows counts activity rows: Read = Used + Rejected, always.
type Rows struct {
	Read     int `json:"read"`
	Used     int `json:"used"`
	Rejected int `json:"rejected"`
}

// ReportedSource is the source of an already-computed row's line: the tCO2e the workbook gives.
const ReportedSource = "reported in the workbook"

// Calculate turns the activities of in into inventory lines. Rows it cannot compute are
// rejected with a problem added to in.Problems, and so is a temporary file for the row lines
// that cannot be written.
func Calculate(in *Input, opts Options) *Inventory {
	c, err := NewCalculator(opts)
	if err != nil {
		in.Problems.Fatalf("file", "", "", "", "%v", err)
		opts.RowLines = false
		c, _ = NewCalculator(opts)
	}
	c.Begin(&in.Problems)
	for i := range in.Activities {
		c.Add(&in.Activities[i])
	}
	err = c.Commit()
	inv, ferr := c.Finish(in)
	if err = errors.Join(err, ferr); err != nil {
		in.Problems.Fatalf("file", "", "", "", "%v", err)
	}
	return inv
}

// Calculator computes activities as they are read, one workbook at a time: each workbook's
// lines, row counts and problems join the inventory at Commit, or are dropped by Rollback when
// the workbook has to be read again. Workbooks read at once are each computed by a Branch of
// it (branch.go).
type Calculator struct {
	opts   Options
	units  map[string]unitOf
	lookup map[lookupKey]*lookupOf
	warned map[string]bool
	// suggested memoizes the "did you mean" of unknown activity ids (up to maxSuggested ids):
	// a sheet of a million rows with one misspelt id asks once, not a million times.
	suggested map[string]string
	// texts numbers each field's texts, once: a row's key is made of numbers, and groups
	// that share a name share one copy of it (texts.go).
	texts  rowTexts
	groups map[groupKey]int // of lines, made when a second workbook joins them (groupIndex)
	lines  []Line
	grid   map[supply]*gridSite
	rows   Rows
	// rejectedYears counts the rows rejected per year (Inventory.RejectedYears)
	rejectedYears map[int]int
	spool         *spool
	out           []Line
	cur           *partial
	// parent is the calculator a branch's workbooks join (branch.go); pending are the
	// workbooks the branch committed, and joined the row lines of the branches joined.
	parent  *Calculator
	pending []*partial
	joined  []*spool
}

// maxSuggested bounds the memo of suggestions, whatever the number of distinct unknown ids.
const maxSuggested = 4096

// suggest is the library's closest id to the unknown id, remembered for the next rows.
func (c *Calculator) suggest(id string) string {
	if s, ok := c.suggested[id]; ok {
		return s
	}
	s := c.opts.Library.Suggest(id)
	if c.suggested == nil {
		c.suggested = map[string]string{}
	}
	if len(c.suggested) < maxSuggested {
		c.suggested[id] = s
	}
	return s
}

// partial is what one workbook adds, until Commit.
type partial struct {
	problems *Problems
	warned   map[string]bool
	// fresh remembers what checkFreshness found for a factor and year, so that a million
	// rows of one factor check it once, not format a warning's key a million times.
	fresh map[factorYear]bool
	byRow map[rowKey]int32 // the group of a row's line, by the row's fields
	lines groupLines
	grid  map[supply]*gridSite
	rows  Rows
	// rejectedYears counts the rows rejected per year (Inventory.RejectedYears)
	rejectedYears map[int]int
	mark          spoolMark
	out           []Line
}

// groupLines are a workbook's groups in the order they first appear, kept in blocks that
// never move: a new group copies no other, however many groups there are. A group is kept as
// a group record, its texts by their numbers in texts: a third of a Line's size and no
// pointer for the collector to scan. flat makes them Lines once, for the inventory.
type groupLines struct {
	blocks [][]group
	n      int
	texts  *rowTexts
}

// group is a Line of groupLines: the row key, the place of its first row, the factor's texts
// by their numbers, and the sums.
type group struct {
	key                               rowKey
	file, sheet                       int32
	factorID, factorUnit, source, gwp int32
	row, factorYear, rows             int
	share, factorValue                float64
	quantity, converted, tco2e, gross float64
	biogenic                          float64
}

const groupBlock = 256

// add appends the group of l, whose row key is k, and returns its number.
func (gl *groupLines) add(l *Line, k rowKey) int {
	if gl.n%groupBlock == 0 {
		gl.blocks = append(gl.blocks, make([]group, 0, groupBlock))
	}
	t := gl.texts
	b := &gl.blocks[len(gl.blocks)-1]
	*b = append(*b, group{key: k, file: t.file.id(l.Place.File), sheet: t.sheet.id(l.Place.Sheet),
		factorID: t.factorID.id(l.FactorID), factorUnit: t.factorUnit.id(l.FactorUnit), source: t.source.id(l.Source), gwp: t.gwp.id(l.GWP),
		row: l.Place.Row, factorYear: l.FactorYear, rows: l.Rows, share: l.Share, factorValue: l.FactorValue,
		quantity: l.Quantity, converted: l.Converted, tco2e: l.TCO2e, gross: l.Gross, biogenic: l.BiogenicCO2})
	gl.n++
	return gl.n - 1
}

// at is group g.
func (gl *groupLines) at(g int) *group { return &gl.blocks[g/groupBlock][g%groupBlock] }

// addTo adds the sums of l to group g, as addLine does to a Line.
func (gl *groupLines) addTo(g int, l *Line) {
	r := gl.at(g)
	r.rows += l.Rows
	r.quantity += l.Quantity
	r.converted += l.Converted
	r.tco2e += l.TCO2e
	r.gross += l.Gross
	r.biogenic += l.BiogenicCO2
}

// line is group g as a Line, without a comment: the texts are the kept copies.
func (gl *groupLines) line(g int) Line {
	var l Line
	gl.fill(&l, g)
	return l
}

// fill sets *l, a zero Line, to group g, field by field: written in place, a Line of the
// inventory's slice is not first built aside and then copied with its pointers.
func (gl *groupLines) fill(l *Line, g int) {
	r, t := gl.at(g), gl.texts
	k := &r.key
	l.Place = Place{File: t.file.text[r.file], Sheet: t.sheet.text[r.sheet], Row: r.row}
	l.Year = int(k.year)
	l.Site, l.Pole, l.Activity = t.site.text[k.site], t.pole.text[k.pole], t.activity.text[k.activity]
	l.Quantity, l.Unit, l.Quality = r.quantity, t.unit.text[k.unit], t.quality.text[k.quality]
	l.Entity, l.Share, l.DataType = t.entity.text[k.entity], r.share, t.dataType.text[k.dataType]
	l.Part, l.Scope, l.Category, l.Method = Part(t.part.text[k.part]), int(k.scope), int(k.category), t.method.text[k.method]
	l.Converted, l.FactorID, l.FactorYear = r.converted, t.factorID.text[r.factorID], r.factorYear
	l.FactorValue, l.FactorUnit, l.Source = r.factorValue, t.factorUnit.text[r.factorUnit], t.source.text[r.source]
	l.GWP, l.TCO2e, l.Gross, l.BiogenicCO2, l.Rows = t.gwp.text[r.gwp], r.tco2e, r.gross, r.biogenic, r.rows
}

// flat is the groups in one slice of Lines, in order, with room for extra lines more.
func (gl *groupLines) flat(extra int) []Line {
	if gl.n == 0 {
		return nil
	}
	out := make([]Line, gl.n, gl.n+extra)
	for g := range out {
		gl.fill(&out[g], g)
	}
	return out
}

type unitOf struct {
	unit factors.Unit
	err  error
}

type lookupKey struct {
	id   string
	year int
}

type lookupOf struct {
	f    factors.Factor
	pick factors.Pick
	ok   bool
	fu   factors.Unit
	ferr error
	// what the factor is, worked out once: a lifecycle intensity; the purchased energy
	// instruments can cover ("" for none)
	lifecycle bool
	carrier   string
}

// rowKey is what decides a row line's group: the row's fields and the part, each text by
// its number in the calculator's rowTexts. Numbers hash and compare faster than the texts,
// and a new group adds a small key to the map instead of eight strings.
type rowKey struct {
	year, scope, category                                               int32
	site, pole, activity, unit, method, quality, entity, dataType, part int32
}

// groupKey is what the lines of one group share.
type groupKey struct {
	year, scope, category, factorYear                                         int
	site, pole, activity, unit, method, factorID, factorUnit, source, quality string
	part                                                                      Part
	factorValue                                                               float64
	entity, dataType, gwp                                                     string
}

// gridSite gathers the location-based lines of purchased energy of one year, site and carrier:
// the groups and their kWh, for the market-based method.
type gridSite struct {
	groups []int
	kWh    []float64
	pos    []int // of each group, the rows with kWh > 0 (each gets its market-based lines)
	total  float64
	rows   int // rows with kWh > 0
}

// NewCalculator starts a calculation.
func NewCalculator(opts Options) (*Calculator, error) {
	c := &Calculator{opts: opts, units: map[string]unitOf{}, lookup: map[lookupKey]*lookupOf{},
		warned: map[string]bool{}, grid: map[supply]*gridSite{}}
	if opts.RowLines {
		var err error
		if c.spool, err = newSpool(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Begin starts a workbook whose problems go to problems.
func (c *Calculator) Begin(problems *Problems) {
	if len(c.joined) > 0 {
		// its row lines would come after the branches' instead of before
		panic("emissions: a calculator computes no workbook of its own once it has joined a branch")
	}
	c.cur = &partial{problems: problems, warned: map[string]bool{}, fresh: map[factorYear]bool{}, byRow: map[rowKey]int32{},
		grid: map[supply]*gridSite{}, lines: groupLines{texts: &c.texts}}
	if c.spool != nil {
		c.cur.mark = c.spool.mark()
	}
}

// Rollback drops what the workbook begun added.
func (c *Calculator) Rollback() error {
	p := c.cur
	c.cur = nil
	if c.spool != nil {
		return c.spool.reset(p.mark)
	}
	return nil
}

// Commit adds the workbook's lines and counts to the inventory.
func (c *Calculator) Commit() error {
	p := c.cur
	c.cur = nil
	if c.parent != nil {
		for k := range p.warned {
			c.warned[k] = true
		}
		c.pending = append(c.pending, p)
		if c.spool != nil {
			c.spool.release()
		}
	} else {
		c.fold(p)
	}
	if c.spool != nil {
		return c.spool.flush()
	}
	return nil
}

// fold adds a workbook's lines, counts and warnings to the inventory's.
func (c *Calculator) fold(p *partial) {
	for k := range p.warned {
		c.warned[k] = true
	}
	if len(c.lines) == 0 && len(c.grid) == 0 {
		// The first workbook's groups are the inventory's as they are, in the same order:
		// taking them spares copying and hashing every group again.
		c.lines, c.grid = p.lines.flat(marketRoom(p.grid)), p.grid
		c.out = append(c.out, p.out...)
		c.rows.Used += p.rows.Used
		c.rows.Rejected += p.rows.Rejected
		c.rejectedYears = addYears(c.rejectedYears, p.rejectedYears)
		return
	}
	groups := c.groupIndex()
	index := make([]int, p.lines.n)
	for i := range p.lines.n {
		l := p.lines.line(i)
		g, ok := groups[keyOf(&l)]
		if !ok {
			g = len(c.lines)
			groups[keyOf(&l)] = g
			c.lines = append(c.lines, l)
		} else {
			addLine(&c.lines[g], &l)
		}
		index[i] = g
	}
	for k, ps := range p.grid {
		gs := c.grid[k]
		if gs == nil {
			gs = &gridSite{}
			c.grid[k] = gs
		}
		for i, g := range ps.groups {
			j := slices.Index(gs.groups, index[g])
			if j < 0 {
				gs.groups = append(gs.groups, index[g])
				gs.kWh = append(gs.kWh, 0)
				gs.pos = append(gs.pos, 0)
				j = len(gs.kWh) - 1
			}
			gs.kWh[j] += ps.kWh[i]
			gs.pos[j] += ps.pos[i]
		}
		gs.total += ps.total
		gs.rows += ps.rows
	}
	c.out = append(c.out, p.out...)
	c.rows.Used += p.rows.Used
	c.rows.Rejected += p.rows.Rejected
	c.rejectedYears = addYears(c.rejectedYears, p.rejectedYears)
}

// addYears adds the counts per year of add to to, made when nil, and returns it.
func addYears(to, add map[int]int) map[int]int {
	for y, n := range add {
		if to == nil {
			to = map[int]int{}
		}
		to[y] += n
	}
	return to
}

// marketRoom is how many market-based lines the location-based groups of grid may get at
// most (two each: covered by instruments and not), so that Finish appends them to the
// groups without copying them again.
func marketRoom(grid map[supply]*gridSite) int {
	n := 0
	for _, gs := range grid {
		n += 2 * len(gs.groups)
	}
	return n
}

// groupIndex is the group of each of the inventory's lines, by what its lines share, made on
// first use: no inventory of one workbook needs it.
func (c *Calculator) groupIndex() map[groupKey]int {
	if c.groups == nil {
		c.groups = make(map[groupKey]int, len(c.lines))
		for i := range c.lines {
			c.groups[keyOf(&c.lines[i])] = i
		}
	}
	return c.groups
}

// Close removes the temporary files of an inventory that Finish will not get.
func (c *Calculator) Close() {
	for _, s := range c.spools() {
		s.close()
	}
}

// spools are the row lines' files in the order of the rows.
func (c *Calculator) spools() []*spool {
	if c.spool == nil {
		return c.joined
	}
	return append([]*spool{c.spool}, c.joined...)
}

// Finish adds the market-based Scope 2 lines with the instruments of in, and counts the rows
// in read.
func (c *Calculator) Finish(in *Input) (*Inventory, error) {
	inv := &Inventory{Lines: c.lines, Outside: c.out, Rows: c.rows, rows: c.spools()}
	inv.split = c.marketBased(in, inv)
	inv.Rows.Read = in.RowsRead
	inv.Rows.Rejected += in.Rejected
	inv.RejectedYears = addYears(addYears(nil, c.rejectedYears), in.YearsRejected)
	for _, s := range inv.rows {
		if err := s.done(); err != nil {
			inv.Close()
			inv.rows = nil
			return inv, err
		}
	}
	return inv, nil
}

// Close removes the temporary files of the row lines.
func (inv *Inventory) Close() {
	for _, s := range inv.rows {
		s.close()
	}
}

func keyOf(l *Line) groupKey {
	return groupKey{year: l.Year, scope: l.Scope, category: l.Category, factorYear: l.FactorYear,
		site: l.Site, pole: l.Pole, activity: l.Activity, unit: l.Unit, method: l.Method,
		factorID: l.FactorID, factorUnit: l.FactorUnit, source: l.Source, quality: l.Quality, part: l.Part, factorValue: l.FactorValue,
		entity: l.Entity, dataType: l.DataType, gwp: l.GWP}
}

// addLine adds the sums of l to the group g.
func addLine(g, l *Line) {
	g.Rows += l.Rows
	g.Quantity += l.Quantity
	g.Converted += l.Converted
	g.TCO2e += l.TCO2e
	g.Gross += l.Gross
	g.BiogenicCO2 += l.BiogenicCO2
}

// consolidate turns a line's gross figures into the consolidated inventory's: Gross keeps
// the row's own emissions, TCO2e and biogenic CO2 take the entity's share (entity.go).
func consolidate(l *Line) {
	l.Gross = l.TCO2e
	if l.Share != 1 {
		l.TCO2e *= l.Share
		l.BiogenicCO2 *= l.Share
	}
}

// emit adds a row's line to its group (and to the row lines). A carrier marks a location-based
// line of purchased energy of kWh.
func (c *Calculator) emit(l *Line, kWh float64, carrier string) {
	p := c.cur
	l.Rows = 1
	consolidate(l)
	if c.spool != nil {
		c.spool.add(l, kWh, carrier)
	}
	// The group of a row's line follows from the row's own fields and the part: the factor
	// is the activity's for the year. Keying by them spares hashing the factor's long source.
	// A row key not seen yet is a new group: what a group's lines share includes the row key.
	k := c.texts.key(l)
	g32, ok := p.byRow[k]
	g := int(g32)
	if ok {
		p.lines.addTo(g, l)
	} else {
		g = p.lines.add(l, k)
		p.byRow[k] = int32(g)
	}
	c.gridOf(l, g, kWh, carrier)
}

// gridOf notes a location-based line of purchased energy's kWh for the market-based method.
func (c *Calculator) gridOf(l *Line, g int, kWh float64, carrier string) {
	p := c.cur
	if carrier != "" {
		k := supply{l.Year, l.Site, carrier}
		gs := p.grid[k]
		if gs == nil {
			gs = &gridSite{}
			p.grid[supply{l.Year, c.texts.site.text[p.lines.at(g).key.site], carrier}] = gs
		}
		j := slices.Index(gs.groups, g)
		if j < 0 {
			gs.groups = append(gs.groups, g)
			gs.kWh = append(gs.kWh, 0)
			gs.pos = append(gs.pos, 0)
			j = len(gs.kWh) - 1
		}
		gs.kWh[j] += kWh
		gs.total += kWh
		if kWh > 0 {
			gs.rows++
			gs.pos[j]++
		}
	}
}

type siteYear struct {
	Year int
	Site string
}

// supply is what the market-based method splits apart: the purchased energy of one carrier at
// one site in one year.
type supply struct {
	Year          int
	Site, Carrier string
}

func (c *Calculator) reject(a *Activity, cause string, cell CellRef, format string, args ...any) bool {
	c.cur.problems.Errorf(cause, a.Place.File, a.Place.Sheet, cell.String(), format, args...)
	c.cur.rows.Rejected++
	if a.Year != 0 {
		if c.cur.rejectedYears == nil {
			c.cur.rejectedYears = map[int]int{}
		}
		c.cur.rejectedYears[a.Year]++
	}
	return false
}

// warnOnce adds a warning the first time key is seen.
func (c *Calculator) warnOnce(key string, p Problem) {
	if c.warned[key] || c.cur.warned[key] {
		return
	}
	c.cur.warned[key] = true
	p.Severity = SeverityWarning
	if c.parent != nil {
		// whether a workbook before gave it is known only when the branch joins
		c.cur.problems.addOnce(key, p)
		return
	}
	c.cur.problems.Add(p)
}

func (c *Calculator) unit(text string) (factors.Unit, error) {
	u, ok := c.units[text]
	if !ok {
		u.unit, u.err = factors.ParseUnitIn(c.opts.Lang, text)
		if len(c.units) < 1<<12 {
			c.units[strings.Clone(text)] = u
		}
	}
	return u.unit, u.err
}

func (c *Calculator) factor(id string, year int) *lookupOf {
	k := lookupKey{id, year}
	r := c.lookup[k]
	if r == nil {
		r = &lookupOf{}
		r.f, r.pick, r.ok = c.opts.Library.Lookup(id, year)
		if r.ok {
			r.fu, r.ferr = factors.ParseUnit(r.f.Unit)
			r.lifecycle, r.carrier = isLifecycle(r.f), purchasedCarrier(r.f, r.fu)
		}
		if len(c.lookup) < 1<<14 {
			c.lookup[lookupKey{strings.Clone(id), year}] = r
		}
	}
	return r
}

// Add computes one activity, between Begin and Commit. It reports whether the row is used.
func (c *Calculator) Add(a *Activity) bool {
	if c.activity(a) {
		c.cur.rows.Used++
		return true
	}
	return false
}

func (c *Calculator) activity(a *Activity) bool {
	l := c.opts.Lang
	unit, err := c.unit(a.Unit)
	if err != nil {
		return c.reject(a, "unit", a.UnitCell, "%v", err)
	}
	base := Line{Place: a.Place, Year: a.Year, Site: a.Site, Pole: a.Pole, Activity: factors.Normal(a.ID),
		Quantity: a.Quantity, Unit: a.Unit, Comment: a.Comment, Quality: a.Quality, DataType: a.DataType}
	if !c.entity(a, &base) {
		return false
	}
	if unit.IsEmissions() {
		return c.reported(a, base, unit)
	}
	if a.Method != "" {
		return c.reject(a, "method", a.MethodCell, "%s", l.T("Method is for already-computed Scope 2 rows (Unit tCO2e or kgCO2e), not for a row in %s that factor %s computes; leave Method blank", a.Unit, a.ID))
	}
	lk := c.factor(a.ID, a.Year)
	f, pick := &lk.f, lk.pick
	if !lk.ok {
		msg := l.T("unknown activity %q: no factor has this id; `footprint factors list --search` lists the ids", Clip(a.ID))
		if s := c.suggest(a.ID); s != "" {
			msg = l.T("unknown activity %q: no factor has this id (did you mean %q?); `footprint factors list --search` lists the ids", Clip(a.ID), s)
		}
		return c.reject(a, "unknown-activity", a.ActivityCell, "%s", msg)
	}
	if !c.checkFreshness(a, f, pick) && pick == factors.PickEarliest {
		c.warnOnce(fmt.Sprintf("vintage/%s/%d", f.ID, a.Year), Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "vintage",
			Message: l.T("factor %s has no vintage for %v or earlier; its earliest (%v) is used for the %v rows", f.ID, lang.Year(a.Year), lang.Year(f.Year), lang.Year(a.Year))})
	}
	c.checkLifecycle(a, f)
	fu, err := lk.fu, lk.ferr
	if err != nil {
		return c.reject(a, "factor-unit", a.ActivityCell, "%s", l.T("factor %s has an unusable unit: %v; correct its unit in config factors.custom", f.ID, err))
	}
	qty, err := factors.ConvertIn(l, a.Quantity, unit, fu, f.PCSPerPCI)
	if err != nil {
		return c.reject(a, "unit-mismatch", a.UnitCell, "%s", l.T("%v (activity %s); %s", err, f.ID, factors.UnitHint(l, a.Unit, fu)))
	}
	if worst := qty * max(f.Value+f.Upstream, f.BiogenicCO2) / 1000; !(worst <= MaxRowTCO2e) {
		return c.reject(a, "quantity-implausible", a.QuantityCell, "%s", l.T("Quantity %s %s gives %s tCO2e, more than the %s t one row can plausibly hold; check the quantity and its unit",
			fmt.Sprint(a.Quantity), a.Unit, fmt.Sprintf("%.3g", worst), fmt.Sprintf("%.0f", MaxRowTCO2e)))
	}
	if f.Kind == factors.KindAvoided && (a.Scope != 0 || a.Category != 0) {
		return c.reject(a, "scope-mismatch", a.ActivityCell, "%s", l.T("factor %s is avoided emissions, reported apart outside the scopes: leave Scope and Category blank on its rows", f.ID))
	}
	if a.Scope != 0 && a.Scope != f.Scope {
		return c.reject(a, "scope-mismatch", a.ActivityCell, "%s", l.T("Scope %d given but factor %s is Scope %d; use a factor of the scope you mean", a.Scope, f.ID, f.Scope))
	}
	category := f.Category
	if a.Category != 0 {
		if f.Scope != 3 {
			return c.reject(a, "category", a.ActivityCell, "%s", l.T("Category %d given but factor %s is Scope %d; categories belong to Scope 3", a.Category, f.ID, f.Scope))
		}
		category = a.Category
	}
	base.FactorID, base.FactorYear, base.FactorUnit, base.Source, base.Converted = f.ID, f.Year, f.Unit, f.Source, qty
	if (f.SpendBased || fu.Dim == factors.Money) && base.DataType != DataSpendBased {
		// A spend-based factor (any factor per unit of money, a custom one too) is never
		// primary data, whatever the DataType cell says.
		if base.DataType == DataPrimary {
			c.warnOnce("datatype/"+f.ID, Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "data-type",
				Message: l.T("factor %s is spend-based: its rows count as spend-based data, not primary, in the share of Scope 3 from primary data", f.ID)})
		}
		base.DataType = DataSpendBased
	} else if f.Primary && base.DataType != DataPrimary {
		// A supplier's own factor (a product footprint) is primary data, whatever the
		// DataType cell says; a cell that says otherwise is warned once per factor.
		if base.DataType != "" {
			c.warnOnce("datatype/"+f.ID, Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "data-type",
				Message: l.T("factor %s is a supplier's own (primary) factor: its rows count as primary data, not %s, in the share of Scope 3 from primary data", f.ID, base.DataType)})
		}
		base.DataType = DataPrimary
	}
	if f.OutsideScopes {
		l := base
		l.Part, l.Scope, l.FactorValue, l.TCO2e, l.Rows = PartOutside, 0, f.Value, qty*f.Value/1000, 1
		l.Gross = l.TCO2e
		c.texts.own(&l, c.texts.key(&l)) // kept one per row
		l.Comment = strings.Clone(l.Comment)
		c.cur.out = append(c.cur.out, l)
		return true
	}
	if f.Kind == factors.KindAvoided {
		// outside the inventory: no scope, no category
		l := base
		l.Part, l.Scope, l.Category, l.FactorValue, l.TCO2e, l.GWP = PartAvoided, 0, 0, f.Value, qty*f.Value/1000, f.GWP
		c.emit(&l, 0, "")
		return true
	}
	direct := base
	direct.Part, direct.Scope, direct.Category, direct.FactorValue, direct.GWP = PartDirect, f.Scope, category, f.Value, f.GWP
	direct.TCO2e = qty * f.Value / 1000
	direct.BiogenicCO2 = qty * f.BiogenicCO2 / 1000
	if f.Scope == 2 && lk.lifecycle {
		c.warnOnce("lifecycle/"+f.ID, Problem{File: a.Place.File, Sheet: a.Place.Sheet, Cell: a.ActivityCell.String(), Cause: "lifecycle-scope2",
			Message: l.T("factor %s is a lifecycle grid intensity (%s): it overstates Scope 2, which should count generation only; prefer a national inventory factor with its upstream split", f.ID, f.Boundary)})
	}
	if lk.carrier != "" {
		direct.Method = MethodLocation
	}
	c.emit(&direct, qty*fu.Scale, lk.carrier)
	if f.Upstream > 0 {
		up := base
		up.Part, up.Scope, up.Category, up.FactorValue, up.GWP = PartUpstream, 3, 3, f.Upstream, f.UpstreamBasis()
		up.TCO2e = qty * f.Upstream / 1000
		c.emit(&up, 0, "")
	}
	return true
}

// reported takes an already-computed row as it is.
func (c *Calculator) reported(a *Activity, l Line, unit factors.Unit) bool {
	lg := c.opts.Lang
	if a.Scope == 0 {
		return c.reject(a, "reported-scope", a.UnitCell, "%s", lg.T("a row in %s is already-computed emissions and needs its Scope (1, 2 or 3) in the Scope column", a.Unit))
	}
	if a.Scope == 3 && a.Category == 0 {
		return c.reject(a, "reported-category", a.UnitCell, "%s", lg.T("a Scope 3 row in %s needs its Category (1 to 15) in the Category column", a.Unit))
	}
	if a.Method != "" && a.Scope != 2 {
		return c.reject(a, "method", a.MethodCell, "%s", lg.T("Method is for Scope 2 rows; this row is Scope %d: leave Method blank, or correct the Scope", a.Scope))
	}
	if t := a.Quantity * unit.Scale / 1000; !(t <= MaxRowTCO2e) {
		return c.reject(a, "quantity-implausible", a.QuantityCell, "%s", lg.T("Quantity %s %s is more than the %s t one row can plausibly hold; check the quantity and its unit",
			fmt.Sprint(a.Quantity), a.Unit, fmt.Sprintf("%.0f", MaxRowTCO2e)))
	}
	l.Part, l.Scope, l.Category, l.Method = PartReported, a.Scope, a.Category, a.Method
	l.Converted = a.Quantity * unit.Scale // kgCO2e
	l.TCO2e = l.Converted / 1000
	l.FactorValue, l.FactorUnit, l.Source = 1, "kgCO2e", ReportedSource
	c.emit(&l, 0, "")
	return true
}

// purchasedCarrier is the carrier of purchased energy whose consumption contractual
// instruments and residual mixes of that carrier can cover: that of a Scope 2 emission factor
// per unit of energy (electricity when it states none), never read from its id; "" for any
// other factor.
func purchasedCarrier(f factors.Factor, u factors.Unit) string {
	if f.Kind != factors.KindEmission || f.Scope != 2 || u.Dim != factors.Energy {
		return ""
	}
	if c := f.EnergyCarrier(); factors.IsPurchasedCarrier(c) {
		return c
	}
	return ""
}

// isLifecycle tells a factor of your own whose boundary says it is a lifecycle intensity with
// no upstream split off. A factor whose lifecycle is split (an upstream part) is not one, and
// the library's unsplit ones are flagged LifecycleInScope2 (checkLifecycle warns of those).
func isLifecycle(f factors.Factor) bool {
	return !f.LifecycleInScope2 && f.Upstream == 0 && strings.Contains(strings.ToLower(f.Boundary), "lifecycle")
}

// marketSplit is how the market-based method splits one year, site and carrier's purchased
// energy: the part
// contractual instruments cover (capped at the consumption), at their weighted factor, and
// the rest at the residual mix, else at each line's location-based factor.
type marketSplit struct {
	year               int
	consumption        float64 // kWh
	covered, coveredKg float64
	zeroKWh            float64 // of covered, the kWh of instruments at 0 kgCO2e/kWh (renewable guarantees of origin)
	names              string
	rm                 ResidualMix
	hasRM              bool
	rows               int // rows with kWh > 0: each gets a line per part
}

// lines gives the market-based lines of a location-based line of purchased energy of kWh: its share
// of the instruments and of the rest. Each keeps the row's unit, with its share of the row's
// quantity, so that an auditor finds the row as typed on all its lines; the quantity in the
// factor's unit is in kWh.
func (s *marketSplit) lines(loc *Line, kWh float64, yield func(*Line) error) error {
	if s.consumption == 0 {
		return nil
	}
	share := kWh / s.consumption
	if s.covered > 0 {
		l := *loc
		l.Part, l.Method = PartDirect, MethodMarket
		l.Quantity, l.Converted = loc.Quantity*(s.covered/s.consumption), share*s.covered
		l.FactorValue, l.FactorUnit = s.coveredKg/s.covered, "kWh"
		l.FactorID, l.FactorYear = "instruments", s.year
		l.Source, l.GWP = "contractual instruments: "+s.names, ""
		l.TCO2e, l.BiogenicCO2 = share*s.coveredKg/1000, 0
		consolidate(&l)
		if err := yield(&l); err != nil {
			return err
		}
	}
	rest := kWh * (1 - s.covered/s.consumption)
	if rest <= 0 {
		return nil
	}
	l := *loc
	l.Part, l.Method = PartDirect, MethodMarket
	l.Quantity, l.Converted, l.FactorUnit, l.BiogenicCO2 = loc.Quantity*(1-s.covered/s.consumption), rest, "kWh", 0
	if s.hasRM {
		l.FactorID, l.FactorYear, l.FactorValue, l.Source, l.GWP = "residual-mix", s.rm.Year, s.rm.Value, s.rm.Source, ""
	} else {
		l.FactorValue = loc.FactorValue / unitScale(loc.FactorUnit)
	}
	l.TCO2e = rest * l.FactorValue / 1000
	consolidate(&l)
	return yield(&l)
}

// count is how many market-based lines the rows of the split get.
func (s *marketSplit) count() int {
	if s.consumption == 0 {
		return 0
	}
	n := 0
	if s.covered > 0 {
		n += s.rows
	}
	if s.covered < s.consumption {
		n += s.rows
	}
	return n
}

// marketBased adds the market-based Scope 2 lines of purchased energy, per year, site and
// carrier, by the GHG Protocol hierarchy: contractual instruments of the carrier first (capped
// at the consumption), then the residual mix of the carrier and year for what they leave
// uncovered, else the location-based factor with a warning. Each consumption line gets its
// share of both parts, in proportion to its kWh.
func (c *Calculator) marketBased(in *Input, inv *Inventory) map[supply]*marketSplit {
	instruments := map[supply][]Instrument{}
	for _, ins := range in.Instruments {
		k := supply{ins.Year, ins.Site, carrierOr(ins.Carrier)}
		instruments[k] = append(instruments[k], ins)
	}
	keys := make([]supply, 0, len(c.grid)+len(instruments))
	for k := range c.grid {
		keys = append(keys, k)
	}
	for k := range instruments {
		if _, ok := c.grid[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		if a.Site != b.Site {
			return a.Site < b.Site
		}
		return carrierRank(a.Carrier) < carrierRank(b.Carrier)
	})
	// Supplies without a residual mix, reported once per site and carrier rather than once
	// per year.
	missing := map[[2]string]*missingMix{}
	var order [][2]string
	splits := map[supply]*marketSplit{}
	inv.Lines = slices.Grow(inv.Lines, marketRoom(c.grid))
	for _, k := range keys {
		gs := c.grid[k]
		if gs == nil {
			gs = &gridSite{}
		}
		s := &marketSplit{year: k.Year, consumption: gs.total, rows: gs.rows}
		var names []string
		for _, ins := range instruments[k] {
			take := min(ins.KWh, s.consumption-s.covered)
			if take < ins.KWh {
				kwh := func(v float64) string { return kWhText(c.opts.Lang, v) }
				in.Problems.Warnf("instrument-capped", ins.Place.File, ins.Place.Sheet, CellName(0, ins.Place.Row), "%s", c.opts.Lang.T(
					"instrument %q covers %s kWh but only %s kWh of %s consumption in %v at site %q remain uncovered; it is capped at %s kWh",
					Clip(ins.Name), kwh(ins.KWh), kwh(s.consumption-s.covered), c.opts.Lang.T(k.Carrier), lang.Year(k.Year), k.Site, kwh(take)))
			}
			s.covered += take
			s.coveredKg += take * ins.Factor
			if ins.Factor == 0 {
				s.zeroKWh += take
			}
			if take > 0 {
				names = append(names, ins.Name)
			}
		}
		s.names = strings.Join(names, "; ")
		if s.consumption == 0 {
			continue
		}
		splits[k] = s
		s.rm, s.hasRM = c.residualMix(k)
		if !s.hasRM && s.covered < s.consumption {
			id := [2]string{k.Site, k.Carrier}
			m := missing[id]
			if m == nil {
				m = &missingMix{file: inv.Lines[gs.groups[0]].Place.File}
				missing[id] = m
				order = append(order, id)
			}
			m.years = append(m.years, k.Year)
			m.kWh += s.consumption - s.covered
		}
		for i, g := range gs.groups {
			loc := c.lines[g]
			loc.Rows = gs.pos[i] // the rows that get these lines: those with purchased energy
			_ = s.lines(&loc, gs.kWh[i], func(l *Line) error {
				inv.Lines = append(inv.Lines, *l)
				return nil
			})
		}
	}
	for _, id := range order {
		m := missing[id]
		site, carrier := id[0], id[1]
		l := c.opts.Lang
		msg := l.T("no residual mix in config scope2.residual_mix for %s at site %q in %s: market-based Scope 2 uses the location-based factor for the %s kWh not covered by instruments",
			l.T(carrier), site, YearList(m.years), kWhText(l, m.kWh))
		if other := c.mixYears(site, carrier); len(other) > 0 {
			msg += l.T("; its %s entries are for %s only, and an entry applies to its own year", l.T(carrier), YearList(other))
		}
		if carrier == factors.CarrierElectricity {
			msg += l.T("; add a {year, value, source} entry for each of these years (optionally with site)")
		} else {
			msg += l.T("; add a {year, value, source} entry for each of these years (optionally with site, and carrier: %s)", carrier)
		}
		in.Problems.Add(Problem{Severity: SeverityWarning, File: m.file, Cause: "no-residual-mix", Message: msg})
	}
	return splits
}

// carrierOr is a carrier as given, electricity when blank.
func carrierOr(c string) string {
	if c == "" {
		return factors.CarrierElectricity
	}
	return c
}

// carrierRank orders carriers as factors.Carriers lists them.
func carrierRank(c string) int {
	return slices.Index(factors.Carriers, c)
}

// missingMix gathers the years of one site that had no residual mix.
type missingMix struct {
	file  string
	years []int
	kWh   float64
}

// unitScale is the size of a factor's unit in kWh, so a per-MWh factor applies per kWh.
func unitScale(unit string) float64 {
	u, err := factors.ParseUnit(unit)
	if err != nil || u.Scale == 0 {
		return 1
	}
	return u.Scale
}

// residualMix picks the residual mix of a year, site and carrier: an entry of that year and
// carrier, for the site before one for all sites. An entry applies to its own year only: a
// mix of another year is another grid's, and applying it unflagged would be wrong.
func (c *Calculator) residualMix(k supply) (ResidualMix, bool) {
	for _, site := range []string{k.Site, ""} {
		for _, rm := range c.opts.ResidualMix {
			if rm.Year == k.Year && carrierOr(rm.Carrier) == k.Carrier && strings.EqualFold(rm.Site, site) {
				return rm, true
			}
		}
	}
	return ResidualMix{}, false
}

// mixYears are the years of the residual-mix entries of a carrier that could apply to a site
// (its own and those for all sites), for the warning when none is of the year at hand.
func (c *Calculator) mixYears(site, carrier string) []int {
	var years []int
	for _, rm := range c.opts.ResidualMix {
		if carrierOr(rm.Carrier) == carrier && (rm.Site == "" || strings.EqualFold(rm.Site, site)) && !slices.Contains(years, rm.Year) {
			years = append(years, rm.Year)
		}
	}
	slices.Sort(years)
	return years
}

// kWhText writes kWh in a warning: grouped in French (2 430 000), as digits alone in English,
// whose warnings have always written them so (2430000).
func kWhText(l lang.Lang, v float64) string {
	if l.IsFrench() {
		return l.Num(v, 0)
	}
	return fmt.Sprintf("%.0f", v)
}
