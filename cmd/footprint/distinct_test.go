package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/footprint/footprint/bench/synth"
)

// A workbook with thousands of distinct poles or sites gives outputs of a bounded size:
// every pole and site in calc --json's breakdowns, but intervals of their own for a few
// poles only, and in the report and the terminal table the largest names one by one and
// the others summed, saying so.
func TestManyDistinctNamesStayBounded(t *testing.T) {
	const names = 2000
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		opts  synth.Options
		label *regexp.Regexp // a listed name
	}{
		{"poles", synth.Options{Poles: names}, regexp.MustCompile(`pole \d+`)},
		{"sites", synth.Options{Sites: names}, regexp.MustCompile(`site \d+`)},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.opts.Rows, c.opts.Seed = 2*names, 1
			wb := filepath.Join(dir, "names.xlsx")
			f, err := os.Create(wb)
			if err != nil {
				t.Fatal(err)
			}
			if err := synth.Write(f, c.opts); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			config := filepath.Join(root, "bench", "full.yaml")

			r := footprint(t, dir, "calc", "--json", "--config", config, "--input", wb)
			if r.code != 0 {
				t.Fatalf("calc --json: exit %d\n%s", r.code, short(r.stderr))
			}
			var doc struct {
				Years []struct {
					ByPole map[string]float64 `json:"by_pole"`
					BySite map[string]float64 `json:"by_site"`
					Detail struct {
						ByPole     map[string]json.RawMessage `json:"by_pole"`
						OtherPoles *struct{ Count int }       `json:"other_poles"`
					} `json:"uncertainty_detail"`
				}
			}
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatal(err)
			}
			poles, sites := map[string]bool{}, map[string]bool{}
			for _, y := range doc.Years {
				for p := range y.ByPole {
					poles[p] = true
				}
				for s := range y.BySite {
					sites[s] = true
				}
				if n := len(y.Detail.ByPole); n > 12 {
					t.Errorf("uncertainty_detail.by_pole holds %d poles, want at most 12", n)
				}
				if other := y.Detail.OtherPoles; len(y.ByPole) > 12 && (other == nil || other.Count != len(y.ByPole)-len(y.Detail.ByPole)) {
					t.Errorf("%d poles, %d with an interval, other_poles %+v", len(y.ByPole), len(y.Detail.ByPole), other)
				}
			}
			if got := max(len(poles), len(sites)); got != names {
				t.Errorf("calc --json lists %d distinct %s, want all %d", got, c.name, names)
			}

			r = footprint(t, dir, "calc", "--config", config, "--input", wb)
			if r.code != 0 {
				t.Fatalf("calc: exit %d\n%s", r.code, short(r.stderr))
			}
			if n := strings.Count(r.stdout, "\n"); n > 200 {
				t.Errorf("calc prints %d lines", n)
			}
			if !strings.Contains(r.stdout, " others)") {
				t.Errorf("calc does not say that names are summed:\n%s", short(r.stdout))
			}

			out := filepath.Join(dir, "out")
			r = footprint(t, dir, "report", "--config", config, "--input", wb, "--out", out)
			if r.code != 0 {
				t.Fatalf("report: exit %d\n%s", r.code, short(r.stderr))
			}
			page, err := os.ReadFile(filepath.Join(out, "report.html"))
			if err != nil {
				t.Fatal(err)
			}
			listed := map[string]bool{}
			for _, m := range c.label.FindAll(page, -1) {
				listed[string(m)] = true
			}
			if len(listed) > 100 {
				t.Errorf("report.html names %d distinct %s, want the largest few", len(listed), c.name)
			}
			if !regexp.MustCompile(`\d+ other ` + c.name).Match(page) {
				t.Errorf("report.html does not say that the other %s are summed", c.name)
			}
		})
	}
}
