package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// uncLibrary holds made-up factors with a published uncertainty (test data, not product data).
func uncLibrary(t testing.TB) *factors.Library {
	t.Helper()
	pct := func(v float64) *float64 { return &v }
	mk := func(id string, u *float64) factors.Factor {
		return factors.Factor{ID: id, Name: id, Value: 1, Unit: "kWh", Scope: 1, Kind: factors.KindEmission, Source: "test", UncertaintyPct: u}
	}
	lib, err := factors.Builtin("AR6")
	if err == nil {
		lib, err = lib.WithCustom([]factors.Factor{mk("u.ten", pct(10)), mk("u.ten.b", pct(10)), mk("u.fifty", pct(50)),
			mk("u.zero", pct(0)), mk("u.none", nil)})
	}
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func uncLine(year int, pole, factorID string, tco2e float64, scope int) emissions.Line {
	return emissions.Line{Year: year, Site: "S", Pole: pole, Activity: factorID, Part: emissions.PartDirect, Scope: scope,
		FactorID: factorID, Converted: tco2e * 1000, FactorValue: 1, TCO2e: tco2e}
}

// handInterval is the 95 % interval of total × a lognormal multiplier of mean 1 whose 95 %
// half-width is pct %: exp(μ ± 1.96σ) × total with σ = ln(1 + U)/1.96, μ = −σ²/2.
func handInterval(total, pct float64) Interval {
	s := math.Log(1+pct/100) / 1.96
	mu := -s * s / 2
	return Interval{Low: total * math.Exp(mu-1.96*s), High: total * math.Exp(mu+1.96*s)}
}

// sameInterval tells whether a simulated interval matches one computed by hand, within the
// Monte Carlo error. In log space the standard error of the 2.5 % or 97.5 % quantile of n draws
// is √(p(1−p)/n)/φ(1.96)·σ ≈ 0.027σ at n = 10,000, while the half-width is about 1.96σ: one
// standard error is 1.4 % of the half-width. 5 % of the half-width is over three standard
// errors, and a model error — σ off by a twentieth, the wrong correlation — moves a
// bound by more than that.
func sameInterval(got, want Interval) bool {
	tol := 0.05 * (want.High - want.Low) / 2
	return math.Abs(got.Low-want.Low) <= tol && math.Abs(got.High-want.High) <= tol
}

func closeRel(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Abs(want)
}

func TestUncertaintyOneFactorByHand(t *testing.T) {
	lib := uncLibrary(t)
	tests := []struct {
		name    string
		factor  string
		quality string
		pct     float64 // the interval's U, by hand
		def     float64 // share under the default
	}{
		{"published 10 %", "u.ten", "", 10, 0},
		{"published 50 %", "u.fifty", "", 50, 0},
		{"unpublished: the default 20 %", "u.none", "", 20, 1},
		{"no factor uncertainty, estimated activity data 30 %", "u.zero", emissions.QualityEstimated, 30, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := uncLine(2024, "P", tt.factor, 100, 1)
			l.Quality = tt.quality
			u := ComputeUncertainty([]emissions.Line{l}, UncertaintyOptions{Library: lib, DefaultPct: 20,
				QualityPct: map[string]float64{emissions.QualityMeasured: 2, emissions.QualityCalculated: 10, emissions.QualityEstimated: 30}})
			if len(u.Years) != 1 || u.Iterations != DefaultIterations {
				t.Fatalf("got %+v", u)
			}
			y := u.Years[0]
			want := handInterval(100, tt.pct)
			if !sameInterval(y.Interval, want) {
				t.Errorf("interval %+v, by hand %+v", y.Interval, want)
			}
			if y.ByScope[1] != y.Interval || y.ByPole["P"] != y.Interval {
				t.Errorf("one line: the scope %+v and pole %+v intervals should be the total's %+v", y.ByScope[1], y.ByPole["P"], y.Interval)
			}
			if y.Total != 100 || y.DefaultShare != tt.def {
				t.Errorf("total %v, default share %v; want 100, %v", y.Total, y.DefaultShare, tt.def)
			}
		})
	}
}

func TestUncertaintyCorrelation(t *testing.T) {
	lib := uncLibrary(t)
	opts := UncertaintyOptions{Library: lib, DefaultPct: 20}
	one := ComputeUncertainty([]emissions.Line{uncLine(2024, "P", "u.ten", 100, 1)}, opts).Years[0]
	// Two lines of one factor: one draw shared by both, the interval of their sum is the
	// one-factor interval, draw for draw.
	same := ComputeUncertainty([]emissions.Line{uncLine(2024, "P", "u.ten", 60, 1), uncLine(2024, "Q", "u.ten", 40, 3)}, opts).Years[0]
	if !closeRel(same.Interval.Low, one.Interval.Low, 1e-12) || !closeRel(same.Interval.High, one.Interval.High, 1e-12) {
		t.Errorf("same factor twice: %+v, one factor %+v", same.Interval, one.Interval)
	}
	// Its parts keep the factor's relative width.
	if p := same.ByPole["P"]; !closeRel(p.Low, 0.6*one.Interval.Low, 1e-12) {
		t.Errorf("pole P %+v, want 0.6 × %+v", p, one.Interval)
	}
	// Two factors of the same 10 %: independent draws, a narrower relative interval, by
	// about 1/√2 (the sum of two lognormals is nearly normal here).
	two := ComputeUncertainty([]emissions.Line{uncLine(2024, "P", "u.ten", 50, 1), uncLine(2024, "P", "u.ten.b", 50, 1)}, opts).Years[0]
	wOne, wTwo := one.Interval.High-one.Interval.Low, two.Interval.High-two.Interval.Low
	if !(wTwo < wOne) {
		t.Fatalf("two independent factors: width %v, not narrower than one factor's %v", wTwo, wOne)
	}
	if r := wTwo / wOne; !closeRel(r, 1/math.Sqrt2, 0.03) {
		t.Errorf("width ratio %v, want about 1/√2 = %v", r, 1/math.Sqrt2)
	}
}

func TestUncertaintyActivitySeries(t *testing.T) {
	lib := uncLibrary(t)
	opts := UncertaintyOptions{Library: lib, DefaultPct: 20, QualityPct: map[string]float64{emissions.QualityEstimated: 30}}
	// Two rows of one activity and quality: one series, fully correlated, like one row.
	a := uncLine(2024, "P", "u.zero", 50, 1)
	a.Quality = emissions.QualityEstimated
	b := a
	b.Pole = "Q"
	same := ComputeUncertainty([]emissions.Line{a, b}, opts).Years[0]
	want := handInterval(100, 30)
	if !sameInterval(same.Interval, want) || same.QualityShare != 1 {
		t.Errorf("one series: %+v (quality share %v), by hand %+v", same.Interval, same.QualityShare, want)
	}
	// Two activities: two independent series, narrower.
	c := b
	c.Activity = "other"
	two := ComputeUncertainty([]emissions.Line{a, c}, opts).Years[0]
	if !(two.Interval.High-two.Interval.Low < 0.8*(same.Interval.High-same.Interval.Low)) {
		t.Errorf("two series %+v not narrower than one %+v", two.Interval, same.Interval)
	}
	// No Quality: no activity-data uncertainty, a zero-width interval for a 0 % factor.
	a.Quality, b.Quality = "", ""
	none := ComputeUncertainty([]emissions.Line{a, b}, opts).Years[0]
	if !closeRel(none.Interval.Low, 100, 1e-12) || !closeRel(none.Interval.High, 100, 1e-12) {
		t.Errorf("no Quality column: %+v, want [100, 100]", none.Interval)
	}
}

// The total follows the Scope 2 method; scopes, poles and years each get their interval, and
// the result does not depend on the order of the lines.
func TestUncertaintyMethodAndOrder(t *testing.T) {
	lib := uncLibrary(t)
	loc := uncLine(2024, "P", "u.ten", 100, 2)
	loc.Method = emissions.MethodLocation
	mkt := uncLine(2024, "P", "residual-mix", 300, 2)
	mkt.Method = emissions.MethodMarket
	s1 := uncLine(2023, "", "u.fifty", 10, 1)
	avoided := uncLine(2024, "P", "u.ten", 1e6, 3)
	avoided.Part = emissions.PartAvoided
	lines := []emissions.Line{loc, mkt, s1, avoided}
	opts := UncertaintyOptions{Library: lib, DefaultPct: 20}
	u := ComputeUncertainty(lines, opts)
	if len(u.Years) != 2 || u.Years[0].Year != 2023 || u.Years[1].Year != 2024 {
		t.Fatalf("years %+v", u.Years)
	}
	y := u.Years[1]
	want := handInterval(300, 20) // the residual mix takes the default
	if y.Total != 300 || y.DefaultShare != 1 || !sameInterval(y.Interval, want) {
		t.Errorf("market-based 2024: total %v, default share %v, %+v; want 300, 1, %+v", y.Total, y.DefaultShare, y.Interval, want)
	}
	if _, ok := u.Years[0].ByPole[emissions.Unassigned]; !ok {
		t.Errorf("2023 poles %v: want %q", u.Years[0].ByPole, emissions.Unassigned)
	}
	opts.Method = emissions.MethodLocation
	if y := ComputeUncertainty(lines, opts).Years[1]; y.Total != 100 || y.DefaultShare != 0 {
		t.Errorf("location-based 2024: total %v, default share %v; want 100, 0", y.Total, y.DefaultShare)
	}
	opts.Method = emissions.MethodMarket
	rev := []emissions.Line{avoided, s1, mkt, loc}
	a, b := ComputeUncertainty(lines, opts), ComputeUncertainty(rev, opts)
	for i := range a.Years {
		if a.Years[i].Interval != b.Years[i].Interval {
			t.Errorf("%d: %+v, lines reversed %+v", a.Years[i].Year, a.Years[i].Interval, b.Years[i].Interval)
		}
	}
}

// BenchmarkUncertaintyMillionRows: a million lines (7 years, 3 sites, 4 poles, 40 factors,
// three quality levels), 10,000 iterations: the grouping pass over the lines, then the Monte
// Carlo over the few thousand terms they make.
func BenchmarkUncertaintyMillionRows(b *testing.B) {
	lib := uncLibrary(b)
	ids := []string{"u.ten", "u.ten.b", "u.fifty", "u.none"}
	lines := make([]emissions.Line, 1_000_000)
	for i := range lines {
		l := uncLine(2019+i%7, []string{"A", "B", "C", "D"}[i/7%4], ids[i/28%4], 0.5+float64(i%13), 1+i%3)
		l.Activity = l.FactorID + "." + string(rune('a'+i/112%10))
		l.Site = []string{"S1", "S2", "S3"}[i/1120%3]
		l.Quality = emissions.QualityLevels[i/3360%3]
		lines[i] = l
	}
	opts := UncertaintyOptions{Library: lib, DefaultPct: 20, QualityPct: map[string]float64{emissions.QualityMeasured: 2, emissions.QualityCalculated: 10, emissions.QualityEstimated: 30}}
	b.ResetTimer()
	for b.Loop() {
		ComputeUncertainty(lines, opts)
	}
}

// BenchmarkUncertaintyStructure: the Monte Carlo alone, over a structure of 300 terms like
// the demo's.
func BenchmarkUncertaintyStructure(b *testing.B) {
	lib := uncLibrary(b)
	var lines []emissions.Line
	for y := 2019; y <= 2025; y++ {
		for i := range 43 {
			lines = append(lines, uncLine(y, []string{"A", "B", "C", "D"}[i%4], []string{"u.ten", "u.fifty", "u.none"}[i%3], float64(i+1), 1+i%3))
		}
	}
	opts := UncertaintyOptions{Library: lib, DefaultPct: 20}
	for b.Loop() {
		ComputeUncertainty(lines, opts)
	}
}

// The selection gives the quantiles a sort gives.
func TestQuantileSelection(t *testing.T) {
	for n := 1; n < 60; n++ {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64((i*7919)%13) - 6 // repeats and negatives
		}
		sorted := slices.Clone(xs)
		slices.Sort(sorted)
		for _, p := range []float64{0, 0.025, 0.5, 0.975, 1} {
			h := p * float64(n-1)
			lo := int(h)
			want := sorted[lo]
			if lo+1 < n {
				want += (h - float64(lo)) * (sorted[lo+1] - sorted[lo])
			}
			if got := quantile(slices.Clone(xs), p); got != want {
				t.Errorf("n=%d p=%v: %v, sorted %v", n, p, got, want)
			}
		}
	}
}

// tailQuantile gives quantile's value, bit for bit, whatever the sample it takes says: on
// lognormal draws as the Monte Carlo makes them, on few distinct values, on sorted and
// reversed values, where the sample lies (its threshold leaves too few values: tailQuantile
// falls back on quantile), and with a NaN.
func TestTailQuantileIsQuantile(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	gens := map[string]func(i, n int) float64{
		"lognormal": func(int, int) float64 { return 1000 * math.Exp(0.3*rng.NormFloat64()) },
		"ties":      func(int, int) float64 { return float64(rng.IntN(7)) - 3 },
		"sorted":    func(i, _ int) float64 { return float64(i) },
		"reversed":  func(i, n int) float64 { return float64(n - i) },
		// The values tailQuantile samples are all below the others, or all above.
		"sample below": func(i, n int) float64 {
			if n >= 256 && i%(n/256) == 0 {
				return rng.Float64()
			}
			return 2 + rng.Float64()
		},
		"sample above": func(i, n int) float64 {
			if n >= 256 && i%(n/256) == 0 {
				return 2 + rng.Float64()
			}
			return rng.Float64()
		},
	}
	var buf []float64
	for name, gen := range gens {
		for _, n := range []int{1, 2, 1023, 1024, 1025, 4096, 10000, 10007} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = gen(i, n)
			}
			if name == "lognormal" && n == 10007 {
				xs[5000] = math.NaN()
			}
			for _, p := range []float64{0.025, 0.975} {
				want := quantile(slices.Clone(xs), p)
				if got := tailQuantile(slices.Clone(xs), p, &buf); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
					t.Errorf("%s n=%d p=%v: %v, quantile %v", name, n, p, got, want)
				}
			}
		}
	}
}

// Each year's PoleIntervals largest poles get an interval of their own and the others one
// together, so the samples kept do not grow with the poles; the total's interval is the
// same whatever the number of poles.
func TestUncertaintyManyPoles(t *testing.T) {
	lib := uncLibrary(t)
	for _, poles := range []int{1, 5, PoleIntervals, PoleIntervals + 1, 2000} {
		t.Run(strconv.Itoa(poles), func(t *testing.T) {
			var lines []emissions.Line
			total, rest := 0.0, 0.0
			for i := range poles {
				v := float64(poles - i) // pole 0 is the largest
				lines = append(lines, uncLine(2024, fmt.Sprintf("P%05d", i), "u.ten", v, 1))
				total += v
				if i >= PoleIntervals {
					rest += v
				}
			}
			u := ComputeUncertainty(lines, UncertaintyOptions{Library: lib, Method: emissions.MethodLocation, DefaultPct: 20})
			yu, _ := u.Year(2024)
			own := min(poles, PoleIntervals)
			if len(yu.ByPole) != own {
				t.Fatalf("%d poles have an interval of their own, want %d", len(yu.ByPole), own)
			}
			for i := range own {
				p := fmt.Sprintf("P%05d", i)
				v := float64(poles - i)
				if iv, ok := yu.ByPole[p]; !ok || !sameInterval(iv, handInterval(v, 10)) {
					t.Errorf("pole %s: %v (listed %v), want about %v", p, iv, ok, handInterval(v, 10))
				}
			}
			op := yu.OtherPoles
			if op.Count != poles-own || !closeRel(op.TCO2e, rest, 1e-12) {
				t.Errorf("other poles: %d with %g t, want %d with %g t", op.Count, op.TCO2e, poles-own, rest)
			}
			if op.Count > 0 && !sameInterval(op.Interval, handInterval(rest, 10)) {
				t.Errorf("other poles' interval %v, want about %v", op.Interval, handInterval(rest, 10))
			}
			if !sameInterval(yu.Interval, handInterval(total, 10)) {
				t.Errorf("total's interval %v, want about %v", yu.Interval, handInterval(total, 10))
			}
		})
	}
}
