package reports

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/pipeline"
)

// The summary says the reporting year's verdict with the figures of the trajectory, names the
// scopes they cover when the targets leave one out, and where the plan lands; in French with
// French numbers.
func TestSummaryOfBoundary(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	r := Report{ReportingYear: 2024,
		Years: []emissions.YearTotals{{Year: 2024, Scope1: 1000, Scope2Market: 200, Scope3: 5000, TotalMarket: 6200, TotalLocation: 6200,
			ByActivity: map[string]float64{"a": 6200}}},
		Trajectory: &plan.Trajectory{BaseYear: 2019, TargetYear: 2030, Boundary: []int{2, 1},
			Years: []plan.TrajectoryYear{
				{Year: 2024, Actual: f(1200), Target: f(1100)},
				{Year: 2030, Plan: f(1000), Target: f(800), Gap: f(200)},
			}},
	}
	for _, tt := range []struct {
		l    lang.Lang
		want []string
	}{
		{lang.English, []string{"Off track in 2024: 1,200.0 tCO2e emitted, 100.0 t above the target path (1,100.0 t).",
			"These trajectory figures cover Scopes 1+2, the scopes the targets are set on.",
			"In 2030 the plan lands at 1,000.0 tCO2e against a target of 800.0 t: 200.0 t (25.0%) above it"}},
		{lang.French, []string{"Hors trajectoire en 2024\u202f: 1\u202f200,0 tCO2e émises", "portent sur les scopes 1+2",
			"200,0 t (25,0\u202f%) au-dessus"}},
	} {
		r.Lang = tt.l
		got := strings.Join(SummaryOf(r).Sentences, "\n")
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: summary lacks %q:\n%s", tt.l, w, got)
			}
		}
	}
}

// The demo's base year holds only activities that ended (car assembly): the summary says the
// activities that go on emitted nothing then, instead of a target path of 0.0 t a manager
// cannot read, in both languages.
func TestSummaryOfActivitiesNewSinceTheBaseYear(t *testing.T) {
	res, err := pipeline.Run(pipeline.Options{ConfigPath: "../config.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	r := New(res)
	for l, want := range map[lang.Lang][]string{
		lang.English: {"the activities that go on emitted nothing in 2019, so none of their 680,940.3 t is a reduction from the base year",
			"and none in 2019: they are new since the base year", "the activities that go on had no emissions in 2019 to reduce from"},
		lang.French: {"les activités qui se poursuivent n’émettaient rien en 2019", "et rien en 2019\u202f: elles sont nouvelles depuis l’année de référence"},
	} {
		r.Lang = l
		text := strings.Join(SummaryOf(r).Sentences, "\n")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the summary lacks %q:\n%s", l, w, text)
			}
		}
		if strings.Contains(text, "would be 0.0 t") || strings.Contains(text, "against 0.0 t") || strings.Contains(text, "serait de 0,0 t") || strings.Contains(text, "contre 0,0 t") {
			t.Errorf("%s: the summary still gives a path of 0 t:\n%s", l, text)
		}
	}
}
