package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/plan"
	"github.com/footprint/footprint/internal/golden"
	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// stubScript stands for the echarts build in tests that look at the page, not at echarts.
var stubScript = []byte("/* echarts */ window.echarts = {};")

func f(v float64) *float64 { return &v }

// sampleReport is a small hand-built report: two actual years, a trajectory to 2026 with two
// targets, credits, and levers with and without a cost.
func sampleReport() reports.Report {
	years := []emissions.YearTotals{
		{Year: 2023, Scope1: 1200.5, Scope2Location: 300, Scope2Market: 250, Scope3: 4000.25,
			Scope3Categories: map[int]float64{1: 2500, 3: 500.25, 4: 1000},
			TotalLocation:    5500.75, TotalMarket: 5450.75, BiogenicCO2: 12,
			ByPole:     map[string]float64{"Assembly": 4000, "Recycling": 1450.75},
			BySite:     map[string]float64{"Plant A": 5450.75},
			ByActivity: map[string]float64{"fr.natural-gas.pcs": 1500, "fr.material.steel.primary": 3950.75}},
		{Year: 2024, Scope1: 1000, Scope2Location: 280, Scope2Market: 200, Scope3: 3500,
			Scope3Categories: map[int]float64{1: 2000, 3: 450, 4: 1050},
			TotalLocation:    4780, TotalMarket: 4700, BiogenicCO2: 10, Avoided: 300,
			ByPole:     map[string]float64{"Assembly": 3000, "Recycling": 1200, emissions.Unassigned: 500},
			BySite:     map[string]float64{"Plant A": 4200, "Depot": 500},
			ByActivity: map[string]float64{"fr.natural-gas.pcs": 1300, "fr.material.steel.primary": 3400}},
	}
	tr := &plan.Trajectory{BaseYear: 2023, TargetYear: 2026, NeutralityYear: 2026, LastActualYear: 2024,
		Scope2Method: emissions.MethodMarket, Boundary: []int{1, 2, 3}, CreditsNeeded: 1250,
		Years: []plan.TrajectoryYear{
			{Year: 2023, Actual: f(5450.75), Target: f(5450.75), Targets: []*float64{f(1450.5), f(4000.25)}, BAU: f(5450.75), Plan: f(5450.75),
				Net: f(5450.75), Gap: f(0), ActualByScope: [4]float64{0, 1200.5, 250, 4000.25}},
			{Year: 2024, Actual: f(4700), Target: f(5100), Targets: []*float64{f(1389.6), f(3710.4)}, BAU: f(4700), Plan: f(4700),
				Net: f(4700), Gap: f(-400), ActualByScope: [4]float64{0, 1000, 200, 3500}},
			{Year: 2025, Target: f(4750), Targets: []*float64{f(1328.7), f(3421.3)}, BAU: f(4700), Plan: f(4300), Net: f(4300), Gap: f(-450)},
			{Year: 2026, Target: f(4400), Targets: []*float64{f(1267.8), f(3132.2)}, BAU: f(4700), Plan: f(3750), Credits: 2500,
				Net: f(1250), Gap: f(-650)},
		},
		Levers: []plan.LeverResult{
			{Lever: plan.Lever{Name: "Heat pumps", Activities: []string{"fr.natural-gas*"}, ReductionPct: 60, StartYear: 2025, FullYear: 2026,
				CostEURPerTCO2: f(80)}, Abatement: map[int]float64{2025: 390, 2026: 780}, Matched: []string{"fr.natural-gas.pcs"}},
			{Lever: plan.Lever{Name: "Recycled steel", Activities: []string{"fr.material.steel*"}, ReductionPct: 5, StartYear: 2026, FullYear: 2026,
				CostEURPerTCO2: f(-20)}, Abatement: map[int]float64{2026: 170}, Matched: []string{"fr.material.steel.primary"}},
			{Lever: plan.Lever{Name: "Sort the waste", Activities: []string{"fr.waste*"}, ReductionPct: 10, StartYear: 2026, FullYear: 2027},
				Abatement: map[int]float64{}},
		},
	}
	return reports.Report{
		Site: "Plant A", ReportingYear: 2024, GWP: "AR6", Scope2Method: emissions.MethodMarket,
		Years: years, Trajectory: tr,
		Targets: []plan.Target{{Name: "Scopes 1+2", Scopes: []int{1, 2}, Pathway: plan.PathwaySBTi15},
			{Name: "Scope 3", Scopes: []int{3}, Pathway: plan.PathwayLinear, ReductionPct: 30}},
		PoleActivities: []reports.PoleActivity{
			{Pole: "Assembly", Activity: "fr.material.steel.primary", TCO2e: 2200},
			{Pole: "Assembly", Activity: "fr.natural-gas.pcs", TCO2e: 800},
			{Pole: "Recycling", Activity: "fr.material.steel.primary", TCO2e: 700},
			{Pole: "Recycling", Activity: "fr.natural-gas.pcs", TCO2e: 500},
			{Pole: emissions.Unassigned, Activity: "supplier figure", TCO2e: 500},
		},
		Rows: emissions.Rows{Read: 12, Used: 11, Rejected: 1}, Errors: 1, Warnings: 1,
		Problems: []emissions.Problem{
			{Severity: emissions.SeverityError, File: "a.xlsx", Sheet: "Energy", Cell: "E7", Message: "Quantity: text \"lots\": want a number"},
			{Severity: emissions.SeverityWarning, File: "a.xlsx", Message: "no residual mix for 2024"},
		},
		Sources: []reports.FactorSource{
			{FactorID: "", Source: "reported in the workbook", FirstYear: 2024, LastYear: 2024, Lines: 1},
			{FactorID: "fr.natural-gas.pcs", Source: "ADEME Base Carbone V23.6, element 37133", Dataset: "ADEME Base Carbone V23.6",
				License: "Licence Ouverte / Etalab 2.0", FirstYear: 2023, LastYear: 2024, Lines: 8},
		},
	}
}

func render(t *testing.T, r reports.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeHTML(&b, r, stubScript); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteHTMLGolden(t *testing.T) {
	got := render(t, sampleReport())
	golden.Check(t, filepath.Join("testdata", "report.golden.html"), []byte(got))
}

// The same report in French: the page's words, titles and numbers as French writes them.
func TestWriteHTMLGoldenFrench(t *testing.T) {
	r := sampleReport()
	r.Lang = lang.French
	got := render(t, r)
	golden.Check(t, filepath.Join("testdata", "report.fr.golden.html"), []byte(got))
	for _, want := range []string{`<html lang="fr">`, `<main data-scroll-hint="faites défiler vers la droite pour les autres colonnes">`, "<h2>Synthèse</h2>", "4\u202f700,0"} {
		if !strings.Contains(got, want) {
			t.Errorf("French page lacks %q", want)
		}
	}
}

func TestWriteHTMLDeterministic(t *testing.T) {
	first := render(t, sampleReport())
	for i := 0; i < 5; i++ {
		// Fresh maps each time: Go's map order differs from one to the next.
		if got := render(t, sampleReport()); got != first {
			t.Fatalf("render %d differs from the first", i+2)
		}
	}
}

// chartOptions returns the chart options JSON the page carries, parsed.
func chartOptions(t *testing.T, page string) map[string]map[string]any {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="footprint-chart-options">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no chart options block in the page")
	}
	var out map[string]map[string]any
	if err := json.Unmarshal([]byte(m[1]), &out); err != nil {
		t.Fatalf("chart options are not JSON: %v", err)
	}
	return out
}

func TestWriteHTMLCharts(t *testing.T) {
	tests := []struct {
		name   string
		report func() reports.Report
		charts []string
		text   []string
	}{
		{"with a trajectory", sampleReport,
			[]string{ChartSummary, ChartTrajectory, ChartScopes, ChartPoles, ChartPoleYears, ChartLevers, ChartMACC},
			[]string{"Trajectory to 2026", "Gap in 2026 (plan − target)", "−650.0", "on track: 400.0 t below the target",
				"Credits needed for neutrality in 2026", "1,250.0", "−13.8 % vs 2023", "4,700.0", "5,450.8"}},
		{"without a trajectory", func() reports.Report { r := sampleReport(); r.Trajectory = nil; return r },
			[]string{ChartTrajectory, ChartScopes, ChartPoles, ChartPoleYears},
			[]string{"No trajectory is computed", "No reduction lever is configured"}},
		{"smallest input", func() reports.Report {
			return reports.Report{Site: "S", ReportingYear: 2024, Years: []emissions.YearTotals{{Year: 2024, Scope1: 1, TotalLocation: 1, TotalMarket: 1,
				Scope3Categories: map[int]float64{}, ByPole: map[string]float64{emissions.Unassigned: 1}}}}
		}, []string{ChartTrajectory, ChartScopes, ChartPoles, ChartPoleYears}, []string{"1.0"}},
		{"a reporting year without data", func() reports.Report { r := sampleReport(); r.ReportingYear = 2031; return r },
			[]string{ChartTrajectory, ChartScopes, ChartPoles, ChartPoleYears, ChartLevers, ChartMACC}, []string{"no data"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := render(t, tt.report())
			opts := chartOptions(t, page)
			if len(opts) != len(tt.charts) {
				t.Errorf("%d charts, want %d", len(opts), len(tt.charts))
			}
			for _, id := range tt.charts {
				if opts[id] == nil {
					t.Errorf("no options for %s", id)
				}
				if !strings.Contains(page, `<div class="chart" id="`+id+`"`) {
					t.Errorf("no container for %s", id)
				}
				if g, ok := opts[id]["grid"].([]any); ok && len(g) != 1 {
					t.Errorf("%s: %d grids, want 1 (a second one is an empty plot area)", id, len(g))
				}
				if opts[id]["animation"] != false {
					t.Errorf("%s: animation %v, want false", id, opts[id]["animation"])
				}
			}
			for _, s := range tt.text {
				if !strings.Contains(page, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			if strings.Contains(page, "__f__") {
				t.Error("page holds a go-echarts function marker")
			}
		})
	}
}

// TestWriteHTMLOnTrackPerTarget: the header judges each target on its own scopes, so a target
// above its path is off track even when the sum of the targets is met.
func TestWriteHTMLOnTrackPerTarget(t *testing.T) {
	tests := []struct {
		name    string
		targets []*float64 // 2024's paths of Scopes 1+2 and Scope 3; actuals 1,200 and 3,500
		want    []string
		wantNot string
	}{
		{"both met", []*float64{f(1389.6), f(3710.4)}, []string{"on track: 400.0 t below the target"}, "off track"},
		{"Scopes 1+2 missed, the sum met", []*float64{f(1100), f(4000)},
			[]string{`<div class="card bad"><div class="label">Target 2024`, "off track: 100.0 t above the Scopes 1+2 target"}, "on track"},
		{"both missed", []*float64{f(1100), f(3400)},
			[]string{"off track: 100.0 t above the Scopes 1+2 target", "off track: 100.0 t above the Scope 3 target"}, "on track"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Trajectory.Years[1].Targets = tt.targets
			sum := *tt.targets[0] + *tt.targets[1]
			r.Trajectory.Years[1].Target = &sum
			page := html.UnescapeString(render(t, r)) // "1+2" is "1&#43;2" in the page
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.Contains(page, tt.wantNot) {
				t.Errorf("page says %q", tt.wantNot)
			}
		})
	}
}

// TestEveryChartHasATable: readers copy the numbers from a table under each chart.
func TestEveryChartHasATable(t *testing.T) {
	reports := map[string]reports.Report{"with a trajectory": sampleReport(), "without": func() reports.Report { r := sampleReport(); r.Trajectory = nil; return r }()}
	for name, r := range reports {
		for _, s := range newView(r).Sections {
			for _, b := range s.Blocks {
				if b.Chart != nil && (b.Table == nil || len(b.Table.Rows) == 0) {
					t.Errorf("%s: chart %s has no table under it", name, b.Chart.ID)
				}
			}
		}
	}
}

// TestWriteHTMLHeaderCards: the total the trajectory follows comes first; the credits card
// ends on its verdict.
func TestWriteHTMLHeaderCards(t *testing.T) {
	label := regexp.MustCompile(`<div class="label">([^<]*)</div>`)
	tests := []struct {
		name   string
		change func(*reports.Report)
		first  string
		want   []string
	}{
		{"market-based", func(*reports.Report) {}, "Total 2024, market-based",
			[]string{"<li>the ledger does not cover the plan yet</li></ul>"}},
		{"location-based", func(r *reports.Report) { r.Scope2Method = emissions.MethodLocation }, "Total 2024, location-based", nil},
		{"credits covering the plan", func(r *reports.Report) { r.Trajectory.CreditsNeeded = 0 }, "Total 2024, market-based",
			[]string{`<div class="card good"><div class="label">Credits needed for neutrality in 2026`, "<li>the ledger covers the plan</li></ul>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			tt.change(&r)
			page := render(t, r)
			if m := label.FindStringSubmatch(page); m == nil || m[1] != tt.first {
				t.Errorf("first card %v, want %q", m, tt.first)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

// TestWriteHTMLSeries checks chart data against the report's figures, to a tenth of a tonne.
func TestWriteHTMLSeries(t *testing.T) {
	opts := chartOptions(t, render(t, sampleReport()))
	series := func(id, name string) []any {
		for _, s := range opts[id]["series"].([]any) {
			s := s.(map[string]any)
			if s["name"] == name {
				var out []any
				for _, d := range s["data"].([]any) {
					if m, ok := d.(map[string]any); ok {
						d = m["value"]
					}
					out = append(out, d)
				}
				return out
			}
		}
		t.Fatalf("%s has no series %q", id, name)
		return nil
	}
	check := func(what string, got []any, want ...any) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %v, want %v", what, got, want)
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s[%d] = %v, want %v", what, i, got[i], want[i])
			}
		}
	}
	check("Scope 1", series(ChartTrajectory, "Actual, Scope 1"), 1200.5, 1000.0, "-", "-")
	check("Scope 3", series(ChartTrajectory, "Actual, Scope 3"), 4000.3, 3500.0, "-", "-")
	check("target", series(ChartTrajectory, "Target"), 5450.8, 5100.0, 4750.0, 4400.0)
	check("plan", series(ChartTrajectory, "Plan"), "-", 4700.0, 4300.0, 3750.0)
	for _, s := range opts[ChartTrajectory]["series"].([]any) {
		if n, _ := s.(map[string]any)["name"].(string); strings.HasPrefix(n, "Net") {
			t.Errorf("trajectory chart draws %q: credits are their own bars, never a net line", n)
		}
	}
	check("credits", series(ChartTrajectory, "Credits and removals (below zero)"), 0.0, 0.0, 0.0, -2500.0)
	check("target 1", series(ChartTrajectory, "Target: Scopes 1+2"), 1450.5, 1389.6, 1328.7, 1267.8)
	check("scopes", series(ChartScopes, "2024, tCO2e"), 1000.0, 200.0, 2000.0, 450.0, 1050.0)
	check("pole Assembly", series(ChartPoleYears, "Assembly"), 4000.0, 3000.0)
	check("pole (unassigned)", series(ChartPoleYears, emissions.Unassigned), 0.0, 500.0)
	check("levers", series(ChartLevers, "Abatement in 2026, tCO2e"), 780.0, 170.0, 0.0)
	// The cost curve: cheapest first, each block from the previous one's end.
	check("MACC steel", series(ChartMACC, "Recycled steel"), []any{0.0, -20.0}, []any{170.0, -20.0})
	if got := series(ChartMACC, "Heat pumps"); len(got) != 2 {
		t.Errorf("MACC heat pumps %v", got)
	}
}

var hostile = []string{
	"</script><script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	`"quoted" 'single' & co`,
	"__f__function(){alert(1)}__f__",
	"{{.}}",
	"<!--",
}

func hostileReport() reports.Report {
	r := sampleReport()
	r.Site = hostile[0]
	y := &r.Years[1]
	y.ByPole = map[string]float64{hostile[0]: 1000, hostile[1]: 2000, hostile[3]: 1200, hostile[4]: 500}
	y.BySite = map[string]float64{hostile[2]: 4700}
	r.PoleActivities = []reports.PoleActivity{{Pole: hostile[1], Activity: hostile[0], TCO2e: 2000}, {Pole: hostile[3], Activity: hostile[5], TCO2e: 1200}}
	r.Targets[0].Name = hostile[1]
	r.Trajectory.Levers[0].Lever.Name = hostile[0]
	r.Trajectory.Levers[1].Lever.Name = hostile[3]
	r.Trajectory.Levers[0].Matched = []string{hostile[2]}
	r.Sources[1].Source = hostile[1]
	r.Problems[0].Message = hostile[0]
	r.Problems[1].File = hostile[4]
	return r
}

func TestWriteHTMLHostileStrings(t *testing.T) {
	page := render(t, hostileReport())
	lower := strings.ToLower(page)
	if n := strings.Count(lower, "<script"); n != 3 {
		t.Errorf("%d <script tags, want 3 (options, echarts, initialisation)", n)
	}
	if n := strings.Count(lower, "</script"); n != 3 {
		t.Errorf("%d </script, want 3", n)
	}
	for _, bad := range []string{"<img", "alert(1)</script>", "<!--"} {
		if strings.Contains(lower, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	// In the HTML the strings are entity-escaped text; in the options JSON they are escaped
	// JSON strings; either way they read back exactly as typed.
	for _, want := range []string{"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
		"&#34;quoted&#34; &#39;single&#39; &amp; co", "__f__function(){alert(1)}__f__", "{{.}}", "&lt;!--",
		`\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	opts := chartOptions(t, page)
	names := map[string]bool{}
	for _, s := range opts[ChartPoleYears]["series"].([]any) {
		names[s.(map[string]any)["name"].(string)] = true
	}
	for _, h := range []string{hostile[0], hostile[1], hostile[3], hostile[4]} {
		if !names[h] {
			t.Errorf("pole %q does not read back from the chart options as typed: %v", h, names)
		}
	}
}

func TestWriteHTMLRejectsNonFinite(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name  string
		spoil func(*reports.Report)
		where string
	}{
		{"scope total", func(r *reports.Report) { r.Years[0].Scope1 = nan }, "year 2023 scope1"},
		{"category", func(r *reports.Report) { r.Years[1].Scope3Categories[4] = inf }, "year 2024 scope 3 category 4"},
		{"pole", func(r *reports.Report) { r.Years[1].ByPole["Recycling"] = nan }, `year 2024 pole "Recycling"`},
		{"pole and activity", func(r *reports.Report) { r.PoleActivities[1].TCO2e = -inf }, `pole "Assembly" activity "fr.natural-gas.pcs"`},
		{"plan", func(r *reports.Report) { r.Trajectory.Years[2].Plan = f(nan) }, "trajectory 2025 plan"},
		{"a target's path", func(r *reports.Report) { r.Trajectory.Years[3].Targets[1] = f(inf) }, "trajectory 2026 target 2"},
		{"lever abatement", func(r *reports.Report) { r.Trajectory.Levers[0].Abatement[2026] = nan }, `lever "Heat pumps" abatement 2026`},
		{"lever cost", func(r *reports.Report) { r.Trajectory.Levers[1].Lever.CostEURPerTCO2 = f(inf) }, `lever "Recycled steel" cost`},
		{"credits needed", func(r *reports.Report) { r.Trajectory.CreditsNeeded = nan }, "credits needed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			tt.spoil(&r)
			var b bytes.Buffer
			err := writeHTML(&b, r, stubScript)
			var nf *reports.NonFiniteError
			if !errors.As(err, &nf) || !strings.Contains(nf.Where, tt.where) {
				t.Fatalf("err = %v, want a NonFiniteError at %q", err, tt.where)
			}
			if b.Len() != 0 {
				t.Errorf("%d bytes written before the error", b.Len())
			}
		})
	}
}

func TestWriteHTMLRefusesAScriptThatWouldBreakThePage(t *testing.T) {
	for _, s := range []string{"var a = '</script>';", "x <!-- y", "A </SCRIPT"} {
		if err := writeHTML(&bytes.Buffer{}, sampleReport(), []byte(s)); err == nil {
			t.Errorf("script %q accepted", s)
		}
	}
}

func TestWriteHTMLWithoutEcharts(t *testing.T) {
	saved := assets
	t.Cleanup(func() { assets = saved })
	for name, fsys := range map[string]fs.FS{
		"missing": fstest.MapFS{"assets/README.md": {Data: []byte("placeholder")}},
		"empty":   fstest.MapFS{"assets/echarts.min.js": {Data: nil}},
	} {
		assets = fsys
		err := Write(&bytes.Buffer{}, sampleReport())
		if !errors.Is(err, ErrNoEcharts) || !strings.Contains(err.Error(), "run `npm ci` first") {
			t.Errorf("%s: err = %v, want ErrNoEcharts saying to run npm ci", name, err)
		}
	}
}

// TestWriteHTMLInlinesEcharts needs `npm ci` (it installs the echarts build the page inlines).
func TestWriteHTMLInlinesEcharts(t *testing.T) {
	script, err := echartsScript()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, sampleReport()); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, "<script>"+string(script)+"</script>") {
		t.Error("the echarts build is not inlined whole")
	}
	if regexp.MustCompile(`(?i)<(script|link|img)[^>]+(src|href)=["']?(https?:|//)`).MatchString(page) {
		t.Error("the page loads something from the network")
	}
}

// TestWriteHTMLFile: the page is replaced whole or not at all, and no temporary file stays.
func TestWriteHTMLFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	path := filepath.Join(dir, "report.html")
	if err := WriteFile(path, sampleReport()); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	if !bytes.Contains(good, []byte("Plant A")) {
		t.Fatal("the page was not written")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	// A report that cannot be made leaves the previous page in place.
	spoiled := sampleReport()
	spoiled.Years[0].Scope1 = math.NaN()
	if err := WriteFile(path, spoiled); err == nil {
		t.Fatal("a NaN was written")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, good) {
		t.Error("a failed report changed the previous page")
	}
	// A rename that fails (a folder stands at the path) leaves no temporary file behind.
	blocked := filepath.Join(t.TempDir(), "report.html")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(blocked, sampleReport()); err == nil {
		t.Error("writing over a folder succeeded")
	}
	for _, d := range []string{dir, filepath.Dir(blocked)} {
		if entries, _ := os.ReadDir(d); len(entries) != 1 {
			t.Errorf("%s holds %d entries, want 1 (no temporary file)", d, len(entries))
		}
	}
}

// TestWriteHTMLHeaderHonestAndReadable: a target met only thanks to discontinued activities is
// not shown green and says so, in the reporting year and for the plan; a total of millions is
// shown in whole tonnes in the header (the tables keep one decimal).
func TestWriteHTMLHeaderHonestAndReadable(t *testing.T) {
	r := sampleReport()
	r.Trajectory.Years[1].TargetWithoutDiscontinued = f(4000) // 2024: actual 4,700, target 5,100
	r.Trajectory.Years[3].TargetWithoutDiscontinued = f(3000) // 2026: plan 3,750
	page := html.UnescapeString(render(t, r))
	for _, w := range []string{
		`<div class="card "><div class="label">Target 2024`,
		"400.0 t below the target, only thanks to discontinued activities: without them the path is 4,000.0 t",
		"the plan meets the target only thanks to discontinued activities: without them the path is 3,000.0 t",
	} {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
	for _, no := range []string{"on track: 400.0 t", "the plan meets the target<", `<div class="card good"><div class="label">Target 2024`} {
		if strings.Contains(page, no) {
			t.Errorf("page says %q", no)
		}
	}
	// every base-year activity ended: a path of 0 t is said as what it means
	r.Trajectory.Years[1].TargetWithoutDiscontinued = f(0)
	if page := html.UnescapeString(render(t, r)); !strings.Contains(page, "only thanks to discontinued activities: the activities that go on emitted nothing in the base year") ||
		strings.Contains(page, "the path is 0.0 t") {
		t.Error("a path of 0 t without the discontinued activities is not said in words")
	}

	big := sampleReport()
	for i := range big.Years {
		big.Years[i].TotalMarket *= 1000
		big.Years[i].TotalLocation *= 1000
	}
	page = render(t, big)
	header, _, _ := strings.Cut(page, `<nav class="toc">`)
	want := t0(big.Years[len(big.Years)-1].TotalMarket)
	if !strings.Contains(header, `<div class="value">`+want+`<span class="unit">tCO2e`) {
		t.Errorf("header lacks the total in whole tonnes %q", want)
	}
	if strings.Contains(header, want+".") {
		t.Errorf("header shows a decimal after %q", want)
	}
}

// t0 formats v in whole tonnes with grouping, independently of the package's formatting.
func t0(v float64) string {
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
