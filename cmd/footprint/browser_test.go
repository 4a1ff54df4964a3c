package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/footprint/footprint/reports"
)

// chromiumPath is Debian's Chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// needChromium skips a browser test on a developer's machine without Chromium, and fails it in
// CI, where a missing install is a broken set-up, not a reason to skip.
func needChromium(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			tb.Skipf("%s not found (apt-get install chromium): browser test skipped outside CI", chromiumPath)
		}
		tb.Fatalf("%s not found: .ci/run installs Debian's chromium for the browser tests", chromiumPath)
	}
}

// newBrowser starts a headless Chromium with a fresh profile and the flags that keep it off
// the network (this machine has none), and returns a tab's context.
func newBrowser(tb testing.TB) context.Context {
	tb.Helper()
	needChromium(tb)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	base, cancelBase := context.WithTimeout(context.Background(), 3*time.Minute)
	alloc, cancelAlloc := chromedp.NewExecAllocator(base, opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	tb.Cleanup(func() { cancel(); cancelAlloc(); cancelBase() })
	return ctx
}

// pageWatch records what a page does that a report must never do: network requests, console
// errors and exceptions, JavaScript dialogs.
type pageWatch struct {
	mu       sync.Mutex
	requests []string
	errors   []string
	dialogs  []string
}

func watchPage(tb testing.TB, ctx context.Context) *pageWatch {
	tb.Helper()
	w := &pageWatch{}
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.requests = append(w.requests, ev.Request.URL)
		case *runtime.EventExceptionThrown:
			w.errors = append(w.errors, "exception: "+ev.ExceptionDetails.Text+" "+exceptionDescription(ev.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				w.errors = append(w.errors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				w.errors = append(w.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *page.EventJavascriptDialogOpening:
			w.dialogs = append(w.dialogs, string(ev.Type)+": "+ev.Message)
			// A dialog blocks the page: dismiss it (from another goroutine: no command may run
			// in a listener) so the test can go on and report it.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	})
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

func exceptionDescription(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// check fails tb for any request other than pageURL, any error and any dialog.
func (w *pageWatch) check(tb testing.TB, pageURL string) {
	tb.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, u := range w.requests {
		if u != pageURL {
			tb.Errorf("the page requested %s: a report makes no request", u)
		}
	}
	for _, e := range w.errors {
		tb.Errorf("page error: %s", e)
	}
	for _, d := range w.dialogs {
		tb.Errorf("the page opened a JavaScript dialog: %s", d)
	}
}

// renderedExpr is true once every chart of the report has been drawn.
const renderedExpr = `(function () {
  var r = document.documentElement;
  var n = r.getAttribute("data-charts");
  return n !== null && Number(n) > 0 && r.getAttribute("data-rendered") === n;
})()`

// openReport loads a report through file:// and waits until its charts are drawn.
func openReport(tb testing.TB, ctx context.Context, path string) (*pageWatch, string) {
	tb.Helper()
	w := watchPage(tb, ctx)
	url := "file://" + path
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		tb.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](renderedExpr, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		tb.Fatalf("charts not rendered: %v", err)
	}
	return w, url
}

// pageChart is what the page's echarts instance of one chart container holds.
type pageChart struct {
	ID       string `json:"id"`
	Instance bool   `json:"instance"`
	Option   struct {
		Series []struct {
			Name string            `json:"name"`
			Type string            `json:"type"`
			Data []json.RawMessage `json:"data"`
		} `json:"series"`
		XAxis []struct {
			Data []json.RawMessage `json:"data"`
		} `json:"xAxis"`
		YAxis []struct {
			Data []json.RawMessage `json:"data"`
		} `json:"yAxis"`
	} `json:"option"`
}

const chartsExpr = `JSON.stringify(Array.prototype.map.call(document.querySelectorAll("div.chart"), function (el) {
  var c = echarts.getInstanceByDom(el);
  return {id: el.id, instance: !!c, option: c ? c.getOption() : null};
}))`

func pageCharts(tb testing.TB, ctx context.Context) map[string]pageChart {
	tb.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](chartsExpr))
	if err != nil {
		tb.Fatal(err)
	}
	var list []pageChart
	if err := json.Unmarshal([]byte(s), &list); err != nil {
		tb.Fatal(err)
	}
	out := map[string]pageChart{}
	for _, c := range list {
		if !c.Instance {
			tb.Errorf("chart container %s has no echarts instance", c.ID)
		}
		out[c.ID] = c
	}
	return out
}

// value reads one data item of a series: a number, {value: n}, or echarts' "-" for none.
func value(tb testing.TB, raw json.RawMessage) *float64 {
	tb.Helper()
	var item struct {
		Value json.RawMessage `json:"value"`
	}
	if len(raw) > 0 && raw[0] == '{' {
		if err := json.Unmarshal(raw, &item); err != nil {
			tb.Fatal(err)
		}
		raw = item.Value
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err == nil {
		return &f
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil || s != "-" {
		tb.Fatalf("data item %s: want a number or \"-\"", raw)
	}
	return nil
}

func (c pageChart) series(tb testing.TB, name string) []*float64 {
	tb.Helper()
	for _, s := range c.Option.Series {
		if s.Name == name {
			out := make([]*float64, len(s.Data))
			for i, d := range s.Data {
				out[i] = value(tb, d)
			}
			return out
		}
	}
	tb.Fatalf("chart %s has no series %q", c.ID, name)
	return nil
}

func (c pageChart) categories(tb testing.TB, axis []struct {
	Data []json.RawMessage `json:"data"`
}) []string {
	tb.Helper()
	if len(axis) == 0 {
		tb.Fatalf("chart %s has no category axis", c.ID)
	}
	out := make([]string, len(axis[0].Data))
	for i, d := range axis[0].Data {
		var s string
		if err := json.Unmarshal(d, &s); err != nil {
			var v struct{ Value string }
			if err := json.Unmarshal(d, &v); err != nil {
				tb.Fatal(err)
			}
			s = v.Value
		}
		out[i] = s
	}
	return out
}

// calcDoc is the part of `calc --json` the browser test compares the charts with.
type calcDoc struct {
	ReportingYear int `json:"reporting_year"`
	Years         []struct {
		Year             int                `json:"year"`
		Scope1           float64            `json:"scope1"`
		Scope2Market     float64            `json:"scope2_market"`
		Scope3           float64            `json:"scope3"`
		Scope3Categories map[string]float64 `json:"scope3_categories"`
		TotalMarket      float64            `json:"total_market"`
		ByPole           map[string]float64 `json:"by_pole"`
		Avoided          float64            `json:"avoided"`
		AvoidedBy        map[string]float64 `json:"avoided_by_activity"`
		Intensity        map[string]float64 `json:"intensity"`
		Uncertainty      *struct {
			Low  float64 `json:"low"`
			High float64 `json:"high"`
		} `json:"uncertainty"`
	} `json:"years"`
	Changes []struct {
		From           int     `json:"from"`
		To             int     `json:"to"`
		TotalFrom      float64 `json:"total_from"`
		TotalTo        float64 `json:"total_to"`
		ActivityEffect float64 `json:"activity_effect"`
		FactorEffect   float64 `json:"factor_effect"`
		Other          float64 `json:"other"`
		Discontinued   float64 `json:"discontinued"`
	} `json:"changes"`
	Trajectory []struct {
		Year   int      `json:"year"`
		Actual *float64 `json:"actual"`
		Target *float64 `json:"target"`
		BAU    *float64 `json:"bau"`
		Claim  *struct {
			OK             bool     `json:"ok"`
			Reasons        []string `json:"reasons"`
			Residual       *float64 `json:"residual"`
			ResidualHigh   *float64 `json:"residual_high"`
			CreditsRetired float64  `json:"credits_retired"`
			CreditsPlanned float64  `json:"credits_planned"`
			RemovalsOwn    float64  `json:"removals_own"`
		} `json:"claim"`
		Reduction *struct {
			Discontinued float64 `json:"discontinued"`
			Abatement    float64 `json:"abatement"`
		} `json:"reduction"`
		Plan    *float64 `json:"plan"`
		Credits float64  `json:"credits"`
		Net     *float64 `json:"net"`
	} `json:"trajectory"`
}

// r1 is a figure as the charts carry it: to a tenth of a tonne.
func r1(v float64) float64 { return math.Round(v*10) / 10 }

func sameFigure(tb testing.TB, what string, got *float64, want *float64) {
	tb.Helper()
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		tb.Errorf("%s: chart %v, calc --json %v", what, fmtPtr(got), fmtPtr(want))
	case *got != r1(*want):
		tb.Errorf("%s: chart %v, calc --json %v (rounded %v)", what, *got, *want, r1(*want))
	}
}

func fmtPtr(v *float64) string {
	if v == nil {
		return "none"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func ptr(v float64) *float64 { return &v }

// saveScreenshot writes a full-page PNG to $FOOTPRINT_SCREENSHOTS (else the test's temporary
// folder) and logs where, so a person can look at it.
func saveScreenshot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatal(err)
	}
	dir := os.Getenv("FOOTPRINT_SCREENSHOTS")
	if dir == "" {
		dir = tb.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot: %s", path)
	if os.Getenv("FOOTPRINT_SCREENSHOTS") == "" {
		return
	}
	// Asked for screenshots to look at: one per section too, readable at full size.
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.prototype.map.call(document.querySelectorAll("header, section"), function (e, i) { return e.id || "header"; })`))
	if err != nil {
		tb.Fatal(err)
	}
	for _, id := range ids {
		sel := chromedp.CSS("section#" + id)
		if id == "header" {
			sel = chromedp.CSS("header")
		}
		png, err := chromedp.Run(ctx, chromedp.Screenshot(sel))
		if err != nil {
			tb.Fatal(err)
		}
		p := strings.TrimSuffix(path, ".png") + "-" + id + ".png"
		if err := os.WriteFile(p, png, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

func TestBrowserDemoReport(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	r := footprint(t, dir, "calc", "--json")
	var doc calcDoc
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("calc --json: %v", err)
	}

	w, url := openReport(t, ctx, filepath.Join(dir, "report.html"))
	charts := pageCharts(t, ctx)
	if len(charts) < 4 {
		t.Fatalf("%d charts, want at least 4", len(charts))
	}

	// The trajectory: actuals by scope per year, target, BAU, plan, credits and net.
	tc := charts["chart-trajectory"]
	years := tc.categories(t, tc.Option.XAxis)
	if len(years) != len(doc.Trajectory) {
		t.Fatalf("trajectory chart has %d years, calc --json %d", len(years), len(doc.Trajectory))
	}
	actual := map[int]struct{ s1, s2, s3 float64 }{}
	for _, y := range doc.Years {
		actual[y.Year] = struct{ s1, s2, s3 float64 }{y.Scope1, y.Scope2Market, y.Scope3}
	}
	s1, s2, s3 := tc.series(t, "Actual, Scope 1"), tc.series(t, "Actual, Scope 2 (market-based)"), tc.series(t, "Actual, Scope 3")
	target, bau, plan := tc.series(t, "Target"), tc.series(t, "Business as usual"), tc.series(t, "Plan")
	credits := tc.series(t, "Credits and removals (below zero)")
	for _, se := range tc.Option.Series {
		if strings.Contains(strings.ToLower(se.Name), "net") {
			t.Errorf("the trajectory chart draws %q: credits are their own bars, never a net line", se.Name)
		}
	}
	lastActual := 0
	for _, ty := range doc.Trajectory {
		if ty.Actual != nil {
			lastActual = ty.Year
		}
	}
	for i, ty := range doc.Trajectory {
		if years[i] != strconv.Itoa(ty.Year) {
			t.Fatalf("trajectory chart year %d is %s, calc --json %d", i, years[i], ty.Year)
		}
		y := fmt.Sprint(ty.Year)
		if a, ok := actual[ty.Year]; ok && ty.Actual != nil {
			sameFigure(t, y+" Scope 1", s1[i], &a.s1)
			sameFigure(t, y+" Scope 2 market", s2[i], &a.s2)
			sameFigure(t, y+" Scope 3", s3[i], &a.s3)
		} else if s1[i] != nil {
			t.Errorf("%s: a projected year has actual bars", y)
		}
		sameFigure(t, y+" target", target[i], ty.Target)
		if ty.Year < lastActual {
			// The bars show these years: the lines start at the last actual year.
			if bau[i] != nil || plan[i] != nil {
				t.Errorf("%s: BAU or plan drawn before the last actual year %d", y, lastActual)
			}
		} else {
			sameFigure(t, y+" BAU", bau[i], ty.BAU)
			sameFigure(t, y+" plan", plan[i], ty.Plan)
		}
		sameFigure(t, y+" credits (below zero)", credits[i], ptr(-ty.Credits))
	}

	// The reporting year by scope and category, and by pole; the poles over the years.
	var cur = doc.Years[len(doc.Years)-1]
	if cur.Year != doc.ReportingYear {
		t.Fatalf("reporting year %d is not the last year %d", doc.ReportingYear, cur.Year)
	}
	sc := charts["chart-scopes"]
	labels := sc.categories(t, sc.Option.YAxis)
	vals := sc.series(t, fmt.Sprintf("%d, tCO2e", cur.Year))
	want := map[string]float64{"Scope 1": cur.Scope1, "Scope 2 (market-based)": cur.Scope2Market}
	for c, v := range cur.Scope3Categories {
		n, _ := strconv.Atoi(c)
		want[fmt.Sprintf("3.%d ", n)] = v
	}
	for i, l := range labels {
		key := l
		if strings.HasPrefix(l, "3.") {
			key = l[:strings.Index(l, " ")+1]
		}
		w, ok := want[key]
		if !ok {
			t.Errorf("scope chart bar %q is not in calc --json", l)
			continue
		}
		sameFigure(t, l, vals[i], &w)
		delete(want, key)
	}
	if len(want) > 0 {
		t.Errorf("scope chart lacks %v", want)
	}

	pc := charts["chart-pole-years"]
	pyears := pc.categories(t, pc.Option.XAxis)
	for _, s := range pc.Option.Series {
		data := pc.series(t, s.Name)
		for i, y := range doc.Years {
			if pyears[i] != strconv.Itoa(y.Year) {
				t.Fatalf("pole chart year %s, calc --json %d", pyears[i], y.Year)
			}
			v := y.ByPole[s.Name]
			sameFigure(t, fmt.Sprintf("%d %s", y.Year, s.Name), data[i], &v)
		}
	}
	poles := map[string]bool{}
	for _, y := range doc.Years {
		for p := range y.ByPole {
			poles[p] = true
		}
	}
	if len(pc.Option.Series) != len(poles) {
		t.Errorf("pole chart has %d poles, calc --json %d", len(pc.Option.Series), len(poles))
	}

	var tree []struct {
		Name  string  `json:"name"`
		Value float64 `json:"value"`
	}
	tm := charts["chart-poles"]
	if len(tm.Option.Series) != 1 || json.Unmarshal(mustJSON(t, tm.Option.Series[0].Data), &tree) != nil {
		t.Fatalf("treemap series: %+v", tm.Option.Series)
	}
	for _, n := range tree {
		v := cur.ByPole[n.Name]
		sameFigure(t, "treemap "+n.Name, &n.Value, &v)
	}
	if len(tree) != len(cur.ByPole) {
		t.Errorf("treemap has %d poles, calc --json %d", len(tree), len(cur.ByPole))
	}

	checkAnalysisCharts(t, charts, doc)
	checkUncertaintyCharts(t, charts, doc)
	checkClaimCharts(t, charts, doc)

	checkTexts(t, ctx)

	body, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if total := reports.Tonnes(cur.TotalMarket); !strings.Contains(body, total) {
		t.Errorf("the header does not show the total %s", total)
	}
	header, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("header.page-head").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{fmt.Sprintf("%s, %d", reports.ClaimLabel, doc.ReportingYear), "boundary: Scope 1 (direct emissions)", "no claim"} {
		if !strings.Contains(header, want) {
			t.Errorf("the header does not say %q", want)
		}
	}
	if strings.Contains(strings.ToLower(header), "carbon neutral ") || strings.Contains(header, "Net ") {
		t.Errorf("the header claims neutrality or shows a net figure:\n%s", header)
	}
	saveScreenshot(t, ctx, "report-demo.png")
	w.check(t, url)
}

// badTextsExpr lists the texts of the charts (axis names, tick and data labels, legend) that
// do not lie wholly inside their chart, cut off on the page and on paper, and those that
// overlap one another (a wrapped legend over the plot's labels), unreadable. A text is
// measured as far as it shows: a scrolling legend clips the items of its other pages.
const badTextsExpr = `(function () {
  var out = [];
  // shown is the part of rect r of text tx that the clip paths of its groups let through.
  function shown(tx, r, el) {
    var v = {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};
    for (var g = tx.parentNode; g && g !== el; g = g.parentNode) {
      var m = g.getAttribute && /url\(#([^)]+)\)/.exec(g.getAttribute("clip-path") || "");
      var shape = m && document.getElementById(m[1]), s = shape && shape.firstElementChild;
      if (!s) { continue; }
      var b = s.getBBox(), ctm = g.getScreenCTM();
      var p = new DOMPoint(b.x, b.y).matrixTransform(ctm), q = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(ctm);
      v.left = Math.max(v.left, Math.min(p.x, q.x)); v.right = Math.min(v.right, Math.max(p.x, q.x));
      v.top = Math.max(v.top, Math.min(p.y, q.y)); v.bottom = Math.min(v.bottom, Math.max(p.y, q.y));
    }
    v.width = v.right - v.left;
    return v.width > 0 && v.bottom > v.top ? v : {width: 0};
  }
  document.querySelectorAll("div.chart").forEach(function (el) {
    var box = el.getBoundingClientRect(), seen = [];
    function at(tx, r) {
      return JSON.stringify(tx.textContent) + " at x " + Math.round(r.left - box.left) + ".." + Math.round(r.right - box.left) +
        " y " + Math.round(r.top - box.top) + ".." + Math.round(r.bottom - box.top);
    }
    el.querySelectorAll("svg text").forEach(function (tx) {
      var r = shown(tx, tx.getBoundingClientRect(), el);
      if (r.width === 0 || !tx.textContent) { return; }
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        out.push(el.id + ": cut off: " + at(tx, r) + " of " + Math.round(box.width) + "×" + Math.round(box.height));
      }
      seen.forEach(function (o) {
        if (Math.min(r.right, o.r.right) - Math.max(r.left, o.r.left) > 1 && Math.min(r.bottom, o.r.bottom) - Math.max(r.top, o.r.top) > 1) {
          out.push(el.id + ": overlap: " + at(tx, r) + " and " + at(o.tx, o.r));
        }
      });
      seen.push({tx: tx, r: r});
    });
  });
  return out;
})()`

// resizedExpr is true once the window is %d px wide and every chart has been redrawn to its
// container's width.
const resizedExpr = `window.innerWidth === %d && Array.prototype.every.call(document.querySelectorAll("div.chart"), function (el) {
  return echarts.getInstanceByDom(el).getWidth() === el.clientWidth;
})`

// checkTexts fails tb for any chart text cut off by its chart's edge or over another text, at
// the window's width and at a narrower one (a small window, or a page printed from it).
func checkTexts(tb testing.TB, ctx context.Context) {
	tb.Helper()
	for _, width := range []int64{1280, 800} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			tb.Fatal(err)
		}
		// The page redraws its charts on the resize event, a frame after the viewport changes.
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(resizedExpr, width), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			tb.Fatalf("charts not redrawn at %d px: %v", width, err)
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](badTextsExpr))
		if err != nil {
			tb.Fatal(err)
		}
		for _, b := range bad {
			tb.Errorf("%d px wide: chart text %s", width, b)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		tb.Fatal(err)
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// hostile are strings a workbook may hold that must reach the page as text only.
var hostile = []string{
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"</script><script>alert(2)</script>",
	`"quoted" 'site' & co`,
	"__f__function(){alert(3)}__f__",
	"{{.}}",
	`';alert(4);//`,
	`"><svg onload=alert(5)>`,
	"<!--<script>alert(6)//",
}

func TestBrowserHostileStrings(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "hostile.xlsx"), map[string][][]any{"Energy": {
		header,
		{2024, hostile[0], hostile[1], "fr.electricity.grid", 100000, "kWh", nil, nil, nil, hostile[2]},
		{2024, hostile[3], hostile[4], hostile[1], 12.5, "tCO2e", 3, 1, nil, hostile[5]},
		{2025, hostile[3], hostile[0], "fr.electricity.grid", 80000, "kWh", nil, nil, nil, hostile[4]},
		{2025, hostile[0], hostile[5], hostile[2], 3, "tCO2e", 3, 4, nil, hostile[0]},
		{2025, hostile[6], hostile[7], "fr.electricity.grid", 1000, "kWh", nil, nil, nil, hostile[8]},
		{2025, hostile[7], hostile[6], hostile[8], 2, "tCO2e", 1, nil, nil, hostile[7]},
	}})
	// Names in the configuration are user text too.
	config := fmt.Sprintf(`inputs: [hostile.xlsx]
site: %q
trajectory:
  base_year: 2024
  targets:
    - {name: %q, scopes: [1, 2, 3], pathway: sbti-1.5}
  levers:
    - {name: %q, activities: ["fr.electricity*"], reduction_pct: 50, start_year: 2026, full_year: 2027, cost_eur_per_tco2e: 20}
    - {name: %q, activities: ["*"], reduction_pct: 10, start_year: 2026, full_year: 2030, cost_eur_per_tco2e: -5}
organisation:
  name: %q
  consolidation: equity
  entities:
    - {name: %q, registration: %q, control: true, equity_pct: 100}
    - {name: %q, control: false, equity_pct: 10}
intensity:
  - {name: rev, unit: M EUR, net_revenue: true, basis: %q, values: [{year: 2025, value: 3000}]}
`, hostile[3], hostile[0], hostile[1], hostile[4], hostile[7], hostile[8], hostile[6], hostile[2], hostile[0])
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	w, url := openReport(t, ctx, filepath.Join(dir, "report.html"))
	charts := pageCharts(t, ctx)

	// Show the tooltips of every chart: echarts' HTML tooltips must show names as text too.
	tips, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function () {
  var texts = [];
  document.querySelectorAll("div.chart").forEach(function (el) {
    var c = echarts.getInstanceByDom(el);
    var n = c.getOption().series.length;
    for (var s = 0; s < n; s++) {
      for (var i = 0; i < 6; i++) {
        c.dispatchAction({type: "showTip", seriesIndex: s, dataIndex: i});
        var tip = el.querySelector(".footprint-tooltip");
        texts.push(tip ? tip.innerText : "");
      }
    }
  });
  return texts;
})()`))
	if err != nil {
		t.Fatal(err)
	}
	shown := strings.Join(tips, "\n")
	for _, h := range []string{hostile[0], hostile[1], hostile[4]} {
		if !strings.Contains(shown, h) {
			t.Errorf("no tooltip shows %q as typed", h)
		}
	}

	dom, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
  images: document.images.length,
  scripts: document.scripts.length,
  handlers: document.querySelectorAll("[onerror], [onload]").length,
  text: document.body.innerText
})`))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Images, Scripts, Handlers int
		Text                      string
	}
	if err := json.Unmarshal([]byte(dom), &got); err != nil {
		t.Fatal(err)
	}
	if got.Images != 0 || got.Handlers != 0 || got.Scripts != 3 {
		t.Errorf("the page has %d images, %d elements with handlers, %d scripts (want 0, 0, 3): user text became markup", got.Images, got.Handlers, got.Scripts)
	}
	for _, h := range hostile {
		if !strings.Contains(got.Text, h) {
			t.Errorf("the page does not show %q as text", h)
		}
	}
	names := map[string]bool{}
	for _, s := range charts["chart-pole-years"].Option.Series {
		names[s.Name] = true
	}
	for _, h := range []string{hostile[0], hostile[1], hostile[4], hostile[5], hostile[6], hostile[7]} {
		if !names[h] {
			t.Errorf("pole %q is not a series name of the pole chart, as typed (got %v)", h, names)
		}
	}
	checkTexts(t, ctx)
	saveScreenshot(t, ctx, "report-hostile.png")
	w.check(t, url)
}

// BenchmarkReportRenderChromium measures how long Chromium takes to load the demo report and
// draw every chart: one browser, one navigation per iteration, timed until data-rendered
// counts all the charts.
func BenchmarkReportRenderChromium(b *testing.B) {
	ctx := newBrowser(b)
	dir := b.TempDir()
	env := Env{Stdout: io.Discard, Stderr: io.Discard, LookupEnv: func(string) (string, bool) { return "", false }}
	if code := Main([]string{"report", "--out", dir}, env); code != 0 {
		b.Fatalf("report: exit %d", code)
	}
	url := "file://" + filepath.Join(dir, "report.html")
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			b.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](renderedExpr, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			b.Fatal(err)
		}
	}
}

// checkAnalysisCharts compares the avoided-emissions chart and the intensity charts with
// calc --json: avoided per activity and year (to a tenth of a tonne), intensity per year (to
// three decimals; "-" where a year has no denominator).
func checkAnalysisCharts(t *testing.T, charts map[string]pageChart, doc calcDoc) {
	t.Helper()
	ac, ok := charts["chart-avoided"]
	if !ok || !ac.Instance {
		t.Fatalf("no echarts instance for chart-avoided")
	}
	ayears := ac.categories(t, ac.Option.XAxis)
	byYear := map[string]int{}
	for i, y := range doc.Years {
		byYear[strconv.Itoa(y.Year)] = i
	}
	seen := map[string]bool{}
	for _, s := range ac.Option.Series {
		seen[s.Name] = true
		data := ac.series(t, s.Name)
		for i, y := range ayears {
			v := doc.Years[byYear[y]].AvoidedBy[s.Name]
			sameFigure(t, "avoided "+y+" "+s.Name, data[i], &v)
		}
	}
	for _, y := range doc.Years {
		for id := range y.AvoidedBy {
			if !seen[id] {
				t.Errorf("avoided chart lacks %s (%d)", id, y.Year)
			}
		}
	}
	r3 := func(v float64) float64 { return math.Round(v*1000) / 1000 }
	for i, name := range []string{"per_vehicle", "per_employee"} {
		ic, ok := charts[fmt.Sprintf("chart-intensity-%d", i+1)]
		if !ok || !ic.Instance {
			t.Fatalf("no echarts instance for chart-intensity-%d", i+1)
		}
		data := ic.series(t, "Total (market-based) per unit")
		for j, y := range ic.categories(t, ic.Option.XAxis) {
			k, has := byYear[y]
			want, ok := 0.0, false
			if has {
				want, ok = doc.Years[k].Intensity[name]
			}
			switch {
			case !ok && data[j] != nil:
				t.Errorf("intensity %s %s: chart %v, calc --json has none", name, y, *data[j])
			case ok && (data[j] == nil || *data[j] != r3(want)):
				t.Errorf("intensity %s %s: chart %v, calc --json %v", name, y, fmtPtr(data[j]), want)
			}
		}
	}
}
