package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// summaryScreenExpr reads the summary as a reader sees it at the page's top: its sentences,
// the lists, and whether its first sentence ends above the fold.
const summaryScreenExpr = `(function () {
  var s = document.getElementById("summary");
  if (!s) { return {found: false}; }
  var first = s.querySelector(".verdicts p");
  return {found: true, text: s.innerText, lang: document.documentElement.lang,
    firstBottom: first ? first.getBoundingClientRect().bottom : -1, fold: window.innerHeight};
})()`

type summaryScreen struct {
	Found       bool    `json:"found"`
	Text        string  `json:"text"`
	Lang        string  `json:"lang"`
	FirstBottom float64 `json:"firstBottom"`
	Fold        float64 `json:"fold"`
}

// The demo report's summary, in English and in French, is on the first screen at 1400 px, and
// every figure it states is calc --json's, written as the language writes numbers: this
// year's actual and target, the target year's plan, target and gap, the neutrality year's
// residual, and the largest source.
func TestBrowserFirstScreenSummary(t *testing.T) {
	ctx := newBrowser(t)
	dir := t.TempDir()
	r := footprint(t, dir, "calc", "--json")
	if r.code != 0 {
		t.Fatalf("calc --json: exit %d\n%s", r.code, r.stderr)
	}
	var doc struct {
		ReportingYear int `json:"reporting_year"`
		Years         []struct {
			Year       int                `json:"year"`
			ByActivity map[string]float64 `json:"by_activity"`
		} `json:"years"`
		Trajectory []struct {
			Year   int      `json:"year"`
			Actual *float64 `json:"actual"`
			Target *float64 `json:"target"`
			Plan   *float64 `json:"plan"`
			Gap    *float64 `json:"gap"`
			Claim  struct {
				Residual *float64 `json:"residual"`
			} `json:"claim"`
		} `json:"trajectory"`
	}
	must(t, json.Unmarshal([]byte(r.stdout), &doc))
	var want []float64
	for _, ty := range doc.Trajectory {
		switch ty.Year {
		case doc.ReportingYear:
			want = append(want, *ty.Actual, *ty.Target)
		case 2030:
			want = append(want, *ty.Plan, *ty.Target, math.Abs(*ty.Gap), *ty.Claim.Residual)
		}
	}
	largest := 0.0
	for _, y := range doc.Years {
		if y.Year == doc.ReportingYear {
			for _, v := range y.ByActivity {
				largest = math.Max(largest, v)
			}
		}
	}
	want = append(want, largest)
	if len(want) != 7 {
		t.Fatalf("calc --json: %d figures found for the summary, want 7", len(want))
	}
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			out := filepath.Join(dir, lang)
			if r := footprint(t, dir, "report", "--lang", lang, "--out", out); r.code != 0 {
				t.Fatalf("report: exit %d\n%s", r.code, r.stderr)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1400, 900)); err != nil {
				t.Fatal(err)
			}
			w, url := openReport(t, ctx, filepath.Join(out, "report.html"))
			got, err := chromedp.Run(ctx, chromedp.Evaluate[summaryScreen](summaryScreenExpr))
			if err != nil {
				t.Fatal(err)
			}
			if !got.Found || got.Lang != lang {
				t.Fatalf("summary found %v, page language %q", got.Found, got.Lang)
			}
			if got.FirstBottom <= 0 || got.FirstBottom > got.Fold {
				t.Errorf("the summary's first sentence ends at %.0f px, below the first screen (%.0f px)", got.FirstBottom, got.Fold)
			}
			for _, v := range want {
				if s := figureIn(lang, v); !strings.Contains(got.Text, s) {
					t.Errorf("summary lacks %s (calc --json %v):\n%s", s, v, got.Text)
				}
			}
			title := map[string]string{"en": "Summary", "fr": "Synthèse"}[lang]
			if !strings.Contains(got.Text, title) {
				t.Errorf("summary title %q missing:\n%s", title, got.Text)
			}
			w.check(t, url)
			saveScreenshot(t, ctx, "report-summary-"+lang+".png")
		})
	}
}

// figureIn writes v with one decimal as lang writes numbers: 19,165.2 in English, 19 165,2 in
// French (a narrow no-break space between thousands). It is the test's own formatter, apart
// from the one the report uses.
func figureIn(lang string, v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if lang == "fr" {
		sep, dec = "\u202f", ","
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String() + dec + frac
}
