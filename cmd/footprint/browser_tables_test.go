package main

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// wideTablesExpr lists the tables that do not fit their section: their wrapper scrolls
// sideways, and the columns on the right (the trajectory's Gap) are out of sight.
const wideTablesExpr = `Array.prototype.filter.call(document.querySelectorAll(".table-wrap"), function (w) {
  return w.scrollWidth > w.clientWidth + 1;
}).map(function (w) {
  var c = w.querySelector("caption");
  return (c ? c.textContent : "a table") + ": " + w.scrollWidth + " px in " + w.clientWidth + " px";
})`

// On a desktop screen every table of the demo report fits its section: a reader should not
// have to scroll sideways to find the gap to the target.
func TestBrowserTablesFitDesktop(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	openReport(t, ctx, filepath.Join(dir, "report.html"))
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](wideTablesExpr))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range wide {
		t.Errorf("1280 px wide: table wider than its section: %s", w)
	}
}
