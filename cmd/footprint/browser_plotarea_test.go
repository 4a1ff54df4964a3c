package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// plotAreasExpr measures, for every chart with axes, its plot (the grid inside the axes, as
// echarts laid it out) and its legend (the legend's drawn box, zero when it has none or hides
// it).
const plotAreasExpr = `JSON.stringify(Array.prototype.map.call(document.querySelectorAll("div.chart"), function (el) {
  var c = echarts.getInstanceByDom(el), m = c.getModel();
  var g = m.getComponent("grid"), out = {id: el.id, width: el.clientWidth};
  if (!g || !g.coordinateSystem) { return out; }
  var r = g.coordinateSystem.getRect();
  out.plot = {x: r.x, y: r.y, width: r.width, height: r.height};
  var l = m.getComponent("legend");
  if (l && l.get("show") !== false) {
    var b = c.getViewOfComponentModel(l).group.getBoundingRect();
    out.legend = {type: l.get("type") || "plain", width: b.width, height: b.height};
  }
  return out;
}))`

type plotArea struct {
	ID    string `json:"id"`
	Width float64
	Plot  *struct {
		X, Y, Width, Height float64
	}
	Legend *struct {
		Type          string
		Width, Height float64
	}
}

// plotAreas resizes the page to width px, waits for the charts to be redrawn, and measures
// the plot and legend of every chart with axes.
func plotAreas(tb testing.TB, c context.Context, width int64) []plotArea {
	tb.Helper()
	if err := chromedp.Do(c, chromedp.EmulateViewport(width, 844)); err != nil {
		tb.Fatal(err)
	}
	if _, err := chromedp.Run(c, chromedp.Poll[bool](fmt.Sprintf(resizedExpr, width), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		tb.Fatalf("charts not redrawn at %d px: %v", width, err)
	}
	s, err := chromedp.Run(c, chromedp.Evaluate[string](plotAreasExpr))
	if err != nil {
		tb.Fatal(err)
	}
	var all []plotArea
	if err := json.Unmarshal([]byte(s), &all); err != nil {
		tb.Fatal(err)
	}
	var out []plotArea
	for _, a := range all {
		if a.Plot != nil {
			out = append(out, a)
		}
	}
	return out
}

// minPlotWidth is the narrowest plot a chart may keep on a phone: below it a trajectory of
// thirty years is a comb of bars too thin to read.
const minPlotWidth = 240

// On a phone (390 px) every chart with axes keeps a plot wide enough to read, and its legend
// takes no more height than the plot: a legend wrapped onto ten rows leaves the chart a strip.
// On a desktop (1400 px) the charts are laid out as before.
func TestBrowserPhonePlotArea(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	w, url := openReport(t, ctx, filepath.Join(dir, "report.html"))
	for _, width := range []int64{390, 1400} {
		areas := plotAreas(t, ctx, width)
		if len(areas) < 4 {
			t.Fatalf("%d px wide: %d charts with axes, want at least 4", width, len(areas))
		}
		for _, a := range areas {
			legend := "no legend"
			if a.Legend != nil {
				legend = fmt.Sprintf("%s legend %.0f×%.0f", a.Legend.Type, a.Legend.Width, a.Legend.Height)
			}
			t.Logf("%d px wide: %s: chart %.0f px, plot %.0f×%.0f at x %.0f, %s", width, a.ID, a.Width, a.Plot.Width, a.Plot.Height, a.Plot.X, legend)
			if a.Plot.Width < minPlotWidth {
				t.Errorf("%d px wide: %s: plot %.0f px wide, want at least %d", width, a.ID, a.Plot.Width, minPlotWidth)
			}
			if a.Legend != nil && a.Legend.Height > a.Plot.Height {
				t.Errorf("%d px wide: %s: legend %.0f px tall over a plot %.0f px tall", width, a.ID, a.Legend.Height, a.Plot.Height)
			}
		}
		if width == 390 {
			texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](badTextsExpr))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range texts {
				t.Errorf("390 px wide: chart text %s", b)
			}
			saveScreenshot(t, ctx, "report-demo-phone-plots.png")
		}
	}
	w.check(t, url)
}
