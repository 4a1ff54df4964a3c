package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// maxPrintPages is how many A4 pages the demo report may take on paper: a board pack, not a
// ream. Sections flow one after the other; each starting on a page of its own doubled it.
const maxPrintPages = 16

// a4Content is the part of an A4 page inside the report's @page margins (8 mm top and bottom, 9 mm left and right), in CSS px
// (96 a inch, 25.4 mm an inch).
var a4Content = struct{ width, height float64 }{(210 - 18) * 96 / 25.4, (297 - 16) * 96 / 25.4}

// printChartsExpr lists, under print media, each chart's figure: its height, and whether
// it may be cut across pages (break-inside).
const printChartsExpr = `JSON.stringify(Array.prototype.map.call(document.querySelectorAll("div.chart"), function (el) {
  var r = el.getBoundingClientRect();
  return {id: el.id, height: r.height, breakInside: getComputedStyle(el).breakInside};
}))`

// Printed on A4 from Chromium, the demo report takes at most maxPrintPages pages, and no
// chart is cut across two of them.
func TestBrowserPrintA4(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	if r := footprint(t, dir, "report", "--out", dir); r.code != 0 {
		t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
	}
	w, url := openReport(t, ctx, filepath.Join(dir, "report.html"))
	out := os.Getenv("FOOTPRINT_SCREENSHOTS")
	if out == "" {
		out = t.TempDir()
	}
	// The page redraws its charts for paper: printed from a phone, it is the same as from a
	// desktop window.
	for _, width := range []int64{1280, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(resizedExpr, width), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("charts not redrawn at %d px: %v", width, err)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(out, fmt.Sprintf("report-demo-a4-from-%dpx.pdf", width))
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		n := pdfPages(t, path, pdf)
		t.Logf("printed from a %d px window: %d A4 pages, %s", width, n, path)
		if n > maxPrintPages {
			t.Errorf("printed from a %d px window, the demo report takes %d A4 pages, want at most %d", width, n, maxPrintPages)
		}
	}

	// Laid out as on paper (print media, the page's width), a chart may not be cut across
	// pages and must fit on one.
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(int64(a4Content.width), int64(a4Content.height)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
	); err != nil {
		t.Fatal(err)
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](printChartsExpr))
	if err != nil {
		t.Fatal(err)
	}
	var charts []struct {
		ID          string
		Height      float64
		BreakInside string
	}
	if err := json.Unmarshal([]byte(s), &charts); err != nil {
		t.Fatal(err)
	}
	for _, c := range charts {
		if c.BreakInside != "avoid" && c.BreakInside != "avoid-page" {
			t.Errorf("on paper %s may be cut across pages (break-inside: %s)", c.ID, c.BreakInside)
		}
		if c.Height > a4Content.height {
			t.Errorf("on paper %s is %.0f px tall, more than an A4 page's %.0f", c.ID, c.Height, a4Content.height)
		}
	}
	w.check(t, url)
}

// pdfPages counts the pages of a PDF: pdfinfo's count when poppler is installed, else the page
// objects of the file (Chromium writes them uncompressed).
func pdfPages(tb testing.TB, path string, pdf []byte) int {
	tb.Helper()
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			tb.Fatalf("pdfinfo %s: %v", path, err)
		}
		for _, line := range strings.Split(string(info), "\n") {
			if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
				n, err := strconv.Atoi(strings.TrimSpace(rest))
				if err != nil {
					tb.Fatalf("pdfinfo: %q", line)
				}
				return n
			}
		}
		tb.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	n := len(pageObject.FindAll(pdf, -1))
	if n == 0 || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		tb.Fatalf("%s is no PDF with pages", path)
	}
	return n
}

var pageObject = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// report --pdf prints report.html beside it, through the same print stylesheet.
func TestReportPDF(t *testing.T) {
	needChromium(t)
	dir := t.TempDir()
	r := footprint(t, dir, "report", "--pdf", "--out", dir)
	if r.code != 0 {
		t.Fatalf("report --pdf: exit %d\n%s", r.code, r.stderr)
	}
	path := filepath.Join(dir, "report.pdf")
	if !strings.Contains(r.stdout, "Wrote "+path) {
		t.Errorf("report --pdf does not say it wrote %s:\n%s", path, r.stdout)
	}
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := pdfPages(t, path, doc); n < 2 || n > maxPrintPages {
		t.Errorf("report.pdf has %d pages, want 2 to %d", n, maxPrintPages)
	}
}

// Without a Chromium on the PATH, report --pdf says so and what to do, before writing anything.
func TestReportPDFNoChromium(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PATH", t.TempDir())
	r := footprint(t, dir, "report", "--pdf", "--out", filepath.Join(dir, "out"))
	if r.code != exitProblems {
		t.Errorf("report --pdf without Chromium: exit %d, want %d", r.code, exitProblems)
	}
	if !strings.Contains(r.stderr, "no Chromium on the PATH") || !strings.Contains(r.stderr, "apt-get install chromium") {
		t.Errorf("report --pdf without Chromium says:\n%s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("report --pdf without Chromium wrote its output folder (%v)", err)
	}
}
