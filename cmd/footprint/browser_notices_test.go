package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// firstScreenExpr lists the notices of the header and whether each shows in full on the first
// screen: inside the window without scrolling, not hidden.
const firstScreenExpr = `Array.prototype.map.call(document.querySelectorAll("#notices .notice"), function (e) {
  var r = e.getBoundingClientRect(), s = getComputedStyle(e);
  var shown = r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && s.visibility === "visible" && s.display !== "none";
  return e.getAttribute("data-code") + (shown ? " shown" : " not shown: " + Math.round(r.top) + "–" + Math.round(r.bottom) + " px of " + window.innerHeight);
})`

// The first screen says that the report is the demo, that its base year rests on factors of
// later years, and what its figures leave out, before any figure: at 1400 px, the three notices
// show without scrolling, above the cards.
func TestBrowserFirstScreenNotices(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	// A copy of the demo, with a second workbook whose rows are rejected.
	demo, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(demo), "  - demo/footprint-demo.xlsx\n", "  - demo/footprint-demo.xlsx\n  - extra.xlsx\n", 1)
	must(t, os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o644))
	must(t, os.MkdirAll(filepath.Join(dir, "demo"), 0o755))
	wb, err := os.ReadFile("../../demo/footprint-demo.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "demo", "footprint-demo.xlsx"), wb, 0o644))
	writeWorkbook(t, filepath.Join(dir, "extra.xlsx"), map[string][][]any{"Energy": {header,
		{2025, "Flins", "ASSEMBLY", "fr.electricity.grid", "a lot", "kWh"},
		{2025, "Flins", "ASSEMBLY", "no.such.activity", 10, "kWh"},
	}})
	r := footprint(t, dir, "report", "--out", "out")
	if r.code != 0 || !strings.Contains(r.stdout, "Left out of these figures: 2 of 867 activity rows (0.2 %) were rejected, in extra.xlsx (Energy); of these, 2 of 2025 (the reporting year).") {
		t.Fatalf("report: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	page := filepath.Join(dir, "out", "report.html")
	for _, width := range []int64{1400, 390} {
		height := int64(900)
		if width == 390 {
			height = 844
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
			t.Fatal(err)
		}
		w, url := openReport(t, ctx, page)
		if width == 1400 {
			got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](firstScreenExpr))
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{"demo shown": false, "base-year-later-factors shown": false, "rows-rejected shown": false}
			for _, g := range got {
				if _, ok := want[g]; ok {
					want[g] = true
				} else {
					t.Errorf("1400 px: notice %s", g)
				}
			}
			for n, seen := range want {
				if !seen {
					t.Errorf("1400 px: %s missing from the first screen (%q)", n, got)
				}
			}
		}
		w.check(t, url)
		if dir := os.Getenv("FOOTPRINT_SCREENSHOTS"); dir != "" {
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			must(t, os.WriteFile(filepath.Join(dir, "report-notices-"+map[int64]string{1400: "1400", 390: "390"}[width]+".png"), png, 0o644))
		}
	}
}
