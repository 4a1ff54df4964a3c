package analysis

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// How sure the inventory is (docs/methodology.md#uncertainty-monte-carlo): a Monte Carlo over the aggregated structure of the
// inventory, not over its rows. Lines are summed into terms that share their random
// multipliers; each iteration draws one lognormal multiplier per factor vintage and one per
// activity-data series, and sums the terms into each year's total, scopes and poles.
//
// The model, written down in the README ("How sure are we"):
//   - A factor's uncertainty_pct U is the half-width of its 95 % interval: its multiplier is
//     lognormal with σ = ln(1 + U)/1.96 and mean 1 (μ = −σ²/2), so no draw is negative.
//   - One draw per factor vintage (id, year) per iteration, shared by every line of that
//     vintage, its upstream part included: a factor reused by many rows is fully correlated.
//   - Factors whose source publishes no uncertainty, market-based lines priced by contractual
//     instruments or the residual mix, and already-computed rows (one "factor" per activity
//     id and year) take the configured default.
//   - Activity data carries uncertainty only where the Quality column says how it was
//     obtained: one draw per series — the lines of one activity, one year and one quality
//     level, which share their meter or estimate — independent across series.

// DefaultIterations is how many Monte Carlo iterations Uncertainty runs unless told otherwise.
const DefaultIterations = 10_000

// PoleIntervals is how many poles of a year get an interval of their own: the largest by their
// emissions in the year (ties by name). The others get one interval together (OtherPoles), so
// that the Monte Carlo keeps the same few samples whatever the number of poles.
const PoleIntervals = 12

// mcLanes is how many iterations the Monte Carlo sums side by side (run's inner loop is
// written for 4).
const mcLanes = 4

// uncertaintySeed fixes the PCG stream: the same inventory gives the same interval.
var uncertaintySeed = [2]uint64{0x666f6f747072696e, 0x7420756e63657274}

// UncertaintyOptions configure the Monte Carlo.
type UncertaintyOptions struct {
	// Library gives each factor vintage its uncertainty_pct.
	Library *factors.Library
	// Method is the Scope 2 method of the total ("market", the default, or "location").
	Method string
	// QualityPct is the uncertainty of activity data by quality level, in %.
	QualityPct map[string]float64
	// DefaultPct is the uncertainty of factors that publish none, in %.
	DefaultPct float64
	// Iterations defaults to DefaultIterations.
	Iterations int
}

// Interval is a 95 % interval: the 2.5th and 97.5th percentiles of the simulated figure.
type Interval struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// YearUncertainty is one year's intervals, for the total that Method selects.
type YearUncertainty struct {
	Year     int
	Total    float64 // the inventory's own figure, for reference
	Interval Interval
	ByScope  map[int]Interval    // 1, 2 (the selected method) and 3, where the year has lines
	ByPole   map[string]Interval // the PoleIntervals largest poles, as Aggregate names them
	// OtherPoles are the poles beyond the PoleIntervals largest, together.
	OtherPoles OtherPoles
	// DefaultShare is the share of Total whose factor takes the default uncertainty;
	// QualityShare the share whose activity data has a Quality.
	DefaultShare, QualityShare float64
}

// OtherPoles is the year's poles that have no interval of their own: how many, their sum and
// the interval of their sum. Count is 0 when every pole has its own interval.
type OtherPoles struct {
	Count    int
	TCO2e    float64
	Interval Interval
}

// Uncertainty is the result of the Monte Carlo, one entry per year with lines, ascending.
type Uncertainty struct {
	Iterations int
	DefaultPct float64
	Years      []YearUncertainty
}

// factorVar is a factor vintage, or for already-computed rows their activity id and year.
type factorVar struct {
	reported bool
	id       string
	year     int
}

// seriesVar is an activity-data series: one activity, one year, one quality level.
type seriesVar struct {
	year     int
	activity string
	quality  string
}

// termKey groups lines that share every multiplier and every output slot.
type termKey struct {
	year, scope int
	pole        int // in mcModel.poles: hashing a number, not a name, for each line
	f, a        int // variable indices; a is −1 without activity-data uncertainty
}

// termSum is a term and the sum of its lines.
type termSum struct {
	termKey
	v float64
}

// mcTerm is what one output slot (a year's scope or pole) gets from one pair of variables:
// value × the pair's multipliers. A year's total is the sum of its scopes.
type mcTerm struct {
	value float64
	pair  int
	slot  int
}

// mcPair is a factor variable and a series variable (or −1) that multiply terms together.
type mcPair struct{ f, a int }

// ComputeUncertainty runs the Monte Carlo over lines (any grouping of rows: only sums matter).
func ComputeUncertainty(lines []emissions.Line, opts UncertaintyOptions) *Uncertainty {
	n := opts.Iterations
	if n <= 0 {
		n = DefaultIterations
	}
	m := newMCModel(opts)
	m.lines = make([]termLine, 0, len(lines))
	for i := range lines {
		m.add(&lines[i])
	}
	return m.run(n)
}

type mcModel struct {
	opts     UncertaintyOptions
	fIndex   map[factorVar]int
	aIndex   map[seriesVar]int
	sigma    []float64 // per factor variable, in order of first use
	fDefault []bool
	aSigma   []float64 // per series variable, in order of first use
	poleID   map[string]int
	poles    []string // by id, in order of first use
	// lines are the sampled lines' terms, in the order of the lines: run sorts them, then
	// sums each term's lines in that order, as a map of sums would, without a map entry
	// (and its hashing) for each of many terms.
	lines []termLine
}

// termLine is one sampled line: its term and its emissions.
type termLine struct {
	termKey
	v float64
}

func newMCModel(opts UncertaintyOptions) *mcModel {
	return &mcModel{opts: opts, fIndex: map[factorVar]int{}, aIndex: map[seriesVar]int{}, poleID: map[string]int{}}
}

// sigmaOf is the lognormal σ of a 95 % half-width of pct %.
func sigmaOf(pct float64) float64 { return math.Log1p(pct/100) / 1.96 }

// Samples reports whether the Monte Carlo with o draws for l: a line of the total that o's
// Scope 2 method selects, with emissions, in Scopes 1 to 3. The lines it samples, in their
// order, make the whole model: the same ones give the same intervals.
func (o UncertaintyOptions) Samples(l *emissions.Line) bool {
	if l.Part == emissions.PartAvoided || l.TCO2e == 0 || l.Scope < 1 || l.Scope > 3 {
		return false
	}
	if o.Method == emissions.MethodLocation {
		return l.InLocation()
	}
	return l.InMarket()
}

func (m *mcModel) add(l *emissions.Line) {
	if !m.opts.Samples(l) {
		return
	}
	fv := factorVar{id: l.FactorID, year: l.FactorYear}
	if l.Part == emissions.PartReported {
		fv = factorVar{reported: true, id: l.Activity, year: l.Year}
	}
	f, ok := m.fIndex[fv]
	if !ok {
		f = len(m.fIndex)
		m.fIndex[fv] = f
		pct, def := m.factorPct(fv)
		m.sigma = append(m.sigma, sigmaOf(pct))
		m.fDefault = append(m.fDefault, def)
	}
	a := -1
	if pct, ok := m.opts.QualityPct[l.Quality]; ok && l.Quality != "" && pct > 0 {
		sv := seriesVar{l.Year, l.Activity, l.Quality}
		if a, ok = m.aIndex[sv]; !ok {
			a = len(m.aIndex)
			m.aIndex[sv] = a
			m.aSigma = append(m.aSigma, sigmaOf(pct))
		}
	}
	pole := l.Pole
	if pole == "" {
		pole = emissions.Unassigned
	}
	id := len(m.poles) - 1 // lines of one pole often follow each other
	if id < 0 || m.poles[id] != pole {
		var ok bool
		if id, ok = m.poleID[pole]; !ok {
			id = len(m.poles)
			m.poleID[pole] = id
			m.poles = append(m.poles, pole)
		}
	}
	m.lines = append(m.lines, termLine{termKey{year: l.Year, scope: l.Scope, pole: id, f: f, a: a}, l.TCO2e})
}

// factorPct is a factor variable's uncertainty and whether it is the default.
func (m *mcModel) factorPct(fv factorVar) (float64, bool) {
	if !fv.reported && m.opts.Library != nil {
		for _, f := range m.opts.Library.Vintages(fv.id) {
			if f.Year == fv.year && f.UncertaintyPct != nil {
				return *f.UncertaintyPct, false
			}
		}
	}
	return m.opts.DefaultPct, true
}

func (m *mcModel) run(n int) *Uncertainty {
	out := &Uncertainty{Iterations: n, DefaultPct: m.opts.DefaultPct}
	// Variables and terms in a fixed order, whatever the order of the lines: the draws of
	// the PCG stream go to the same variables on every run.
	fOrder := sortedVars(m.fIndex, func(a, b factorVar) int {
		return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.year, b.year), boolCmp(a.reported, b.reported))
	})
	aOrder := sortedVars(m.aIndex, func(a, b seriesVar) int {
		return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.activity, b.activity), cmp.Compare(a.quality, b.quality))
	})
	nf := len(fOrder)
	sigma := make([]float64, nf+len(aOrder))
	for newI, oldI := range fOrder {
		sigma[newI] = m.sigma[oldI]
	}
	for newI, oldI := range aOrder {
		sigma[nf+newI] = m.aSigma[oldI]
	}
	fPos, aPos := inverse(fOrder), inverse(aOrder)
	// Poles by name: their rank orders the terms as their names would.
	poleRank := inverse(sortedVars(m.poleID, strings.Compare))
	keys := m.terms(poleRank, fPos, aPos)

	own := ownIntervalPoles(keys, poleRank)

	// Output slots: per year its total, its three scopes, its largest poles and the rest of
	// its poles together.
	type yearSlots struct {
		y      *YearUncertainty
		total  int
		scopes [4]int
		poles  map[int]int
		others int // −1 until a pole goes there
		def    float64
		qual   float64
	}
	var years []*yearSlots
	otherIn := make([]int, len(m.poles)) // of each pole, how many years there were when it was last counted in OtherPoles
	byYear := map[int]*yearSlots{}
	nslots := 0
	slot := func() int { nslots++; return nslots - 1 }
	terms := make([]mcTerm, 0, len(keys))
	var pairs []mcPair
	termIndex := map[[2]int]int{}
	pairIndex := map[mcPair]int{}
	for _, k := range keys {
		ys := byYear[k.year]
		if ys == nil {
			ys = &yearSlots{y: &YearUncertainty{Year: k.year, ByScope: map[int]Interval{}, ByPole: map[string]Interval{}},
				total: slot(), scopes: [4]int{-1, -1, -1, -1}, poles: map[int]int{}, others: -1}
			byYear[k.year] = ys
			years = append(years, ys)
		}
		if ys.scopes[k.scope] < 0 {
			ys.scopes[k.scope] = slot()
		}
		v := k.v
		var p int
		if own[poleOfYear{k.year, k.pole}] {
			var ok bool
			if p, ok = ys.poles[k.pole]; !ok {
				p = slot()
				ys.poles[k.pole] = p
			}
		} else {
			if ys.others < 0 {
				ys.others = slot()
			}
			if otherIn[k.pole] != len(years) { // the terms come year by year
				otherIn[k.pole] = len(years)
				ys.y.OtherPoles.Count++
			}
			p = ys.others
			ys.y.OtherPoles.TCO2e += v
		}
		ys.y.Total += v
		if m.fDefault[k.f] {
			ys.def += v
		}
		pr := mcPair{fPos[k.f], -1}
		if k.a >= 0 {
			pr.a = nf + aPos[k.a]
			ys.qual += v
		}
		pi, ok := pairIndex[pr]
		if !ok {
			pi = len(pairs)
			pairIndex[pr] = pi
			pairs = append(pairs, pr)
		}
		for _, sl := range [2]int{ys.scopes[k.scope], p} {
			tk := [2]int{sl, pi}
			ti, ok := termIndex[tk]
			if !ok {
				ti = len(terms)
				termIndex[tk] = ti
				terms = append(terms, mcTerm{pair: pi, slot: sl})
			}
			terms[ti].value += v
		}
	}

	// Each slot's terms together, in the order they were made: a slot's sum is then kept in a
	// register, with the same additions in the same order as one term at a time into a slice.
	slices.SortStableFunc(terms, func(a, b mcTerm) int { return cmp.Compare(a.slot, b.slot) })
	type slotTerms struct{ slot, end int } // terms[previous end:end] go to slot
	var bySlot []slotTerms
	for i, t := range terms {
		if i+1 == len(terms) || terms[i+1].slot != t.slot {
			bySlot = append(bySlot, slotTerms{t.slot, i + 1})
		}
	}

	samples := make([][]float64, nslots)
	for i := range samples {
		samples[i] = make([]float64, n)
	}
	// The iterations go by blocks of mcLanes, each block's draws taken in iteration order from
	// the one PCG stream, then summed side by side: each lane's sums are its own iteration's, in
	// the same order, so the samples are those of one iteration at a time, but the lanes' sums
	// do not wait on each other.
	rng := rand.New(rand.NewPCG(uncertaintySeed[0], uncertaintySeed[1]))
	mult := make([][mcLanes]float64, len(sigma))
	acc := make([][mcLanes]float64, nslots)
	prod := make([][mcLanes]float64, len(pairs))
	for it0 := 0; it0 < n; it0 += mcLanes {
		lanes := min(mcLanes, n-it0) // lanes past it are left over from the block before: unused
		for l := range lanes {
			for v, s := range sigma {
				if s == 0 {
					mult[v][l] = 1
					continue
				}
				mult[v][l] = math.Exp(s*rng.NormFloat64() - s*s/2)
			}
		}
		for i, pr := range pairs {
			prod[i] = mult[pr.f]
			if pr.a >= 0 {
				a := &mult[pr.a]
				for l := range mcLanes {
					prod[i][l] *= a[l]
				}
			}
		}
		clear(acc)
		start := 0
		for _, st := range bySlot {
			var s0, s1, s2, s3 float64
			for _, t := range terms[start:st.end] {
				p := &prod[t.pair]
				s0 += t.value * p[0]
				s1 += t.value * p[1]
				s2 += t.value * p[2]
				s3 += t.value * p[3]
			}
			acc[st.slot] = [mcLanes]float64{s0, s1, s2, s3}
			start = st.end
		}
		for _, ys := range years {
			for _, s := range ys.scopes[1:] {
				if s >= 0 {
					for l := range mcLanes {
						acc[ys.total][l] += acc[s][l]
					}
				}
			}
		}
		for s := range acc {
			// a loop, not copy: a call to memmove for 4 numbers costs more than the numbers
			out := samples[s][it0 : it0+lanes]
			for l := range out {
				out[l] = acc[s][l]
			}
		}
	}

	var buf []float64
	interval := func(s int) Interval {
		xs := samples[s]
		return Interval{Low: tailQuantile(xs, 0.025, &buf), High: tailQuantile(xs, 0.975, &buf)}
	}
	for _, ys := range years {
		y := ys.y
		y.Interval = interval(ys.total)
		for s := 1; s <= 3; s++ {
			if ys.scopes[s] >= 0 {
				y.ByScope[s] = interval(ys.scopes[s])
			}
		}
		for p, s := range ys.poles {
			y.ByPole[m.poles[p]] = interval(s)
		}
		if ys.others >= 0 {
			y.OtherPoles.Interval = interval(ys.others)
		}
		if y.Total != 0 {
			y.DefaultShare, y.QualityShare = ys.def/y.Total, ys.qual/y.Total
		}
		out.Years = append(out.Years, *y)
	}
	return out
}

// terms sums the lines of each term, in the order of the lines, and gives the terms in
// their fixed order: by year, scope, pole (rank by name), factor and series variable.
func (m *mcModel) terms(poleRank, fPos, aPos []int) []termSum {
	// Each line sorted by its term's place, then by its own: lines of one term end up side
	// by side, in their order.
	type sortKey struct {
		year, scope, pole, f, a, line int
	}
	order := make([]sortKey, len(m.lines))
	for i, l := range m.lines {
		order[i] = sortKey{l.year, l.scope, poleRank[l.pole], fPos[l.f], seriesPos(aPos, l.a), i}
	}
	slices.SortFunc(order, func(a, b sortKey) int {
		switch {
		case a.year != b.year:
			return cmp.Compare(a.year, b.year)
		case a.scope != b.scope:
			return cmp.Compare(a.scope, b.scope)
		case a.pole != b.pole:
			return cmp.Compare(a.pole, b.pole)
		case a.f != b.f:
			return cmp.Compare(a.f, b.f)
		case a.a != b.a:
			return cmp.Compare(a.a, b.a)
		}
		return cmp.Compare(a.line, b.line)
	})
	keys := make([]termSum, 0, len(order))
	for i, o := range order {
		l := &m.lines[o.line]
		if i == 0 || l.termKey != keys[len(keys)-1].termKey {
			keys = append(keys, termSum{termKey: l.termKey})
		}
		keys[len(keys)-1].v += l.v
	}
	return keys
}

type poleOfYear struct {
	year, pole int
}

// ownIntervalPoles is, for each year, the PoleIntervals poles with the largest emissions
// (ties by name): those that get an interval of their own. keys are the terms in their
// fixed order, so that each pole's sum is added in the same order on every run. Only each
// year's leaders are kept in order, so that many poles cost no sort of them all. rank orders
// the poles by name.
func ownIntervalPoles(keys []termSum, rank []int) map[poleOfYear]bool {
	type poleSum struct {
		py  poleOfYear
		sum float64
	}
	// A year's poles are together in poles, from yearStart on; at is each pole's place there,
	// if it is not before the year's start.
	at := make([]int, len(rank))
	poles := make([]poleSum, 0, len(keys)) // each key adds at most one pole
	yearStart := 0
	for _, k := range keys {
		py := poleOfYear{k.year, k.pole}
		if len(poles) > 0 && poles[len(poles)-1].py.year != k.year {
			yearStart = len(poles)
		}
		i := at[k.pole]
		if i < yearStart || i >= len(poles) || poles[i].py != py {
			i = len(poles)
			at[k.pole] = i
			poles = append(poles, poleSum{py: py})
		}
		poles[i].sum += k.v
	}
	before := func(a, b poleSum) int {
		return cmp.Or(cmp.Compare(b.sum, a.sum), cmp.Compare(rank[a.py.pole], rank[b.py.pole]))
	}
	own := map[poleOfYear]bool{}
	var leaders []poleSum // of the year, in order, at most PoleIntervals
	flush := func() {
		for _, p := range leaders {
			own[p.py] = true
		}
		leaders = leaders[:0]
	}
	for i, p := range poles {
		if i > 0 && poles[i-1].py.year != p.py.year {
			flush()
		}
		j, _ := slices.BinarySearchFunc(leaders, p, before)
		if j < PoleIntervals {
			leaders = slices.Insert(leaders, j, p)
			leaders = leaders[:min(len(leaders), PoleIntervals)]
		}
	}
	flush()
	return own
}

// Year returns the uncertainty of year y.
func (u *Uncertainty) Year(y int) (YearUncertainty, bool) {
	if u == nil {
		return YearUncertainty{}, false
	}
	for _, yu := range u.Years {
		if yu.Year == y {
			return yu, true
		}
	}
	return YearUncertainty{}, false
}

// quantile is the p-quantile of xs, interpolated between order statistics (R's type 7). It
// reorders xs: a selection, not a sort, finds the two order statistics in linear time.
func quantile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	h := p * float64(len(xs)-1)
	lo := int(h)
	selectKth(xs, lo)
	if lo+1 >= len(xs) {
		return xs[lo]
	}
	next := slices.Min(xs[lo+1:])
	return xs[lo] + (h-float64(lo))*(next-xs[lo])
}

// tailQuantile is quantile(xs, p), the same value, for p in a tail of a large xs: the two
// order statistics are selected among the few values beyond a threshold taken from a sample
// of xs, instead of among all of them. Where the sample misleads (too few values beyond the
// threshold), where xs holds a NaN, or for a small xs, it is quantile itself. buf is scratch
// space, kept between calls.
func tailQuantile(xs []float64, p float64, buf *[]float64) float64 {
	const sampleSize, margin = 256, 10
	n := len(xs)
	h := p * float64(n-1)
	k := int(h)
	if n < 4*sampleSize || k+1 >= n {
		return quantile(xs, p)
	}
	// Order statistics k and k+1 are wanted. A value of the sample, a little beyond where they
	// should fall in it, is the threshold.
	c := (*buf)[:0]
	step := n / sampleSize
	for i := range sampleSize {
		c = append(c, xs[i*step])
	}
	low := k < n/2
	r := (k+2)*sampleSize/n + margin // the lower tail: rank in the sample of the threshold
	if !low {
		r = sampleSize - 1 - ((n-k)*sampleSize/n + margin)
	}
	if r < 0 || r >= sampleSize {
		*buf = c
		return quantile(xs, p)
	}
	selectKth(c, r)
	t := c[r]
	// The values at or beyond t (all of them, so a selection among them gives the order
	// statistics of xs that are in the tail).
	c = c[:0]
	for _, x := range xs {
		if low && x <= t || !low && x >= t {
			c = append(c, x)
		} else if x != x {
			*buf = c
			return quantile(xs, p)
		}
	}
	*buf = c
	var a, b float64
	if low {
		if len(c) < k+2 { // statistics k and k+1 are not both at or below t
			return quantile(xs, p)
		}
		selectKth(c, k+1)
		a, b = slices.Max(c[:k+1]), c[k+1]
	} else {
		if len(c) < n-k { // statistic k is not at or above t
			return quantile(xs, p)
		}
		j := k - (n - len(c)) // the values left out are the smallest
		selectKth(c, j)
		a, b = c[j], slices.Min(c[j+1:])
	}
	return a + (h-float64(k))*(b-a)
}

// selectKth reorders xs so that xs[k] is the value a sort would put there, the smaller ones
// before it and the others after (Hoare's selection, median-of-three pivots).
func selectKth(xs []float64, k int) {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// sortedVars returns the indices of index's variables in the order of cmpFn.
func sortedVars[K comparable](index map[K]int, cmpFn func(a, b K) int) []int {
	ks := make([]K, 0, len(index))
	for k := range index {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, cmpFn)
	out := make([]int, len(ks))
	for i, k := range ks {
		out[i] = index[k]
	}
	return out
}

func seriesPos(pos []int, a int) int {
	if a < 0 {
		return -1
	}
	return pos[a]
}

// inverse maps each old index to its position in order.
func inverse(order []int) []int {
	pos := make([]int, len(order))
	for newI, oldI := range order {
		pos[oldI] = newI
	}
	return pos
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
