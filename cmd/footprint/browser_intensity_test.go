package main

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// flatSeriesExpr lists the line series of the intensity charts whose highest point stays in
// the bottom fifth of the plot: drawn against an axis made for much larger figures, they lie
// flat on zero and cannot be read.
const flatSeriesExpr = `(function () {
  var out = [];
  document.querySelectorAll("div.chart[id^='chart-intensity-']").forEach(function (el) {
    var chart = echarts.getInstanceByDom(el), option = chart.getOption();
    var grid = chart.getModel().getComponent("grid", 0).coordinateSystem.getRect();
    option.series.forEach(function (s, i) {
      var top = Infinity;
      s.data.forEach(function (d, j) {
        var v = d && typeof d === "object" ? d.value : d;
        if (typeof v !== "number") { return; }
        top = Math.min(top, chart.convertToPixel({ seriesIndex: i }, [j, v])[1]);
      });
      if (top !== Infinity && (grid.y + grid.height - top) < grid.height / 5) {
        out.push(el.id + ": " + s.name + " peaks " + Math.round(grid.y + grid.height - top) + " px above the axis of a " + Math.round(grid.height) + " px plot");
      }
    });
  });
  return out;
})()`

// The demo's per-employee intensity chart has a Scopes 1+2 target about a hundredth of the
// total's intensity: its lines must still rise off the axis.
func TestBrowserIntensitySeriesReadable(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	openReport(t, ctx, filepath.Join(dir, "report.html"))
	flat, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](flatSeriesExpr))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range flat {
		t.Errorf("intensity chart series flat on the axis: %s", f)
	}
}
