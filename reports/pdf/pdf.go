// Package pdf prints the HTML report to PDF with a headless Chromium found on the PATH, through
// the page's own print stylesheet (A4, its @page size). It owns finding the browser and driving
// it; the page, its layout on paper included, belongs to reports/html.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/footprint/footprint/lang"
)

// Browsers are the names of the Chromium builds Find looks for on the PATH, in this order.
var Browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// ErrNoChromium is Find's error when no browser of Browsers is on the PATH.
var ErrNoChromium = errors.New(NoChromium(lang.English))

// NoChromium says ErrNoChromium in l.
func NoChromium(l lang.Lang) string {
	return l.T("no Chromium on the PATH (looked for %s): install one (Debian, Ubuntu: apt-get install chromium), or open report.html in a browser and print it to PDF",
		strings.Join(Browsers, ", "))
}

// Find returns the path of the first of Browsers on the PATH.
func Find() (string, error) {
	for _, name := range Browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// timeout bounds a whole print, the browser's start included: the demo takes two seconds.
const timeout = 2 * time.Minute

// renderedExpr is true once the page has drawn every chart (the page counts them).
const renderedExpr = `(function () {
  var r = document.documentElement, n = r.getAttribute("data-charts");
  return n !== null && (n === "0" || r.getAttribute("data-rendered") === n);
})()`

// Print opens the page at path (a report.html) in the Chromium at browser, headless, with a
// fresh profile and nothing fetched from the network (the page needs nothing), waits until its
// charts are drawn, and returns the page printed on A4.
func Print(browser, path string) ([]byte, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	profile, err := os.MkdirTemp("", "footprint-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	if os.Geteuid() == 0 {
		// Chromium refuses to start as root with its sandbox (containers, CI).
		opts = append(opts, chromedp.NoSandbox)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	if err := chromedp.Do(tab, chromedp.Navigate("file://"+path)); err != nil {
		return nil, fmt.Errorf("%s: opening %s: %w", browser, path, err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](renderedExpr, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		return nil, fmt.Errorf("%s: the charts of %s were not drawn: %w", browser, path, err)
	}
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		return nil, fmt.Errorf("%s: printing %s: %w", browser, path, err)
	}
	return pdf, nil
}
