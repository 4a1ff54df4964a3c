package main

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneOverflowExpr lists the elements that stick out to the right of a phone's screen and so
// make the whole page scroll sideways. Wide tables are fine inside their own scrolling
// .table-wrap; a chart's drawing is clipped to its container (a scrolling legend holds its
// other pages off to the right) and badTextsExpr checks what it shows; anything else must fit.
const phoneOverflowExpr = `(function () {
  var out = [];
  document.querySelectorAll("body *").forEach(function (e) {
    if (e.closest(".table-wrap") || (e.parentElement && e.parentElement.closest("div.chart"))) { return; }
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 0.5) {
      out.push(e.tagName.toLowerCase() + " " + JSON.stringify((e.textContent || "").slice(0, 60)) + " ends at " + Math.round(r.right) + " px");
    }
  });
  if (document.documentElement.scrollWidth > window.innerWidth) {
    out.push("page is " + document.documentElement.scrollWidth + " px wide");
  }
  return out;
})()`

// On a phone (390 px) the demo report must not scroll sideways: a sustainability manager
// reading it on the way to a meeting loses the right edge of every section otherwise.
func TestBrowserPhoneWidth(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	openReport(t, ctx, filepath.Join(dir, "report.html"))
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](phoneOverflowExpr))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Errorf("390 px wide: %s", b)
	}

	// Chart texts cut off or overlapping at 390 px.
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](badTextsExpr))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range texts {
		t.Errorf("390 px wide: chart text %s", b)
	}
	saveScreenshot(t, ctx, "report-demo-phone.png")
}
