package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// What the figures leave out is said from the rows and problems the run counted: rejected rows
// with their share and places, sheets and files not read, capped instruments.
func TestLeftOut(t *testing.T) {
	rowErr := func(file, sheet, cell string) func(*emissions.Problems) {
		return func(ps *emissions.Problems) { ps.Errorf("quantity-text", file, sheet, cell, "Quantity: text") }
	}
	fatal := func(cause, file, sheet string) func(*emissions.Problems) {
		return func(ps *emissions.Problems) { ps.Fatalf(cause, file, sheet, "", "cannot read") }
	}
	warn := func(cause, file, sheet string) func(*emissions.Problems) {
		return func(ps *emissions.Problems) { ps.Warnf(cause, file, sheet, "A2", "…") }
	}
	tests := []struct {
		name     string
		rows     emissions.Rows
		problems []func(*emissions.Problems)
		want     []string // code: message, one per notice
	}{
		{"nothing left out", emissions.Rows{Read: 10, Used: 10}, []func(*emissions.Problems){warn("hidden-rows", "a.xlsx", "Energy")}, nil},
		{"rejected rows, their share and sheets", emissions.Rows{Read: 480, Used: 468, Rejected: 12},
			[]func(*emissions.Problems){rowErr("a.xlsx", "Energy", "E3"), rowErr("a.xlsx", "Travel", "E4"), rowErr("b.xlsx", "Energy", "E5"), rowErr("a.xlsx", "Energy", "E6")},
			[]string{"rows-rejected: 12 of 480 activity rows (2.5 %) were rejected, in a.xlsx (Energy, Travel), b.xlsx (Energy). Each is listed with its cell and reason among the problems."}},
		{"a tiny share is never 0", emissions.Rows{Read: 100000, Used: 99999, Rejected: 1}, []func(*emissions.Problems){rowErr("a.xlsx", "Energy", "E3")},
			[]string{"rows-rejected: 1 of 100,000 activity rows (< 0.1 %) were rejected, in a.xlsx (Energy)."}},
		{"sheets stopped, a file unread", emissions.Rows{Read: 5, Used: 5},
			[]func(*emissions.Problems){fatal("header", "a.xlsx", "Energy"), fatal("damaged", "a.xlsx", "Travel"), fatal("encrypted", "c.xlsx", "")},
			[]string{"sheets-not-read: 2 sheets were not read, or not in full: a.xlsx (Energy, Travel). Their rows are not among the 5 activity rows read; the problems say why.",
				"files-not-read: 1 file could not be read: c.xlsx. Its rows are not among the 5 activity rows read; the problems say why."}},
		{"a configuration problem is not a file left out", emissions.Rows{Read: 1, Used: 1}, []func(*emissions.Problems){fatal("config", "config.yaml", "")}, nil},
		{"capped instruments, counted beyond the list's bound", emissions.Rows{Read: 1, Used: 1},
			func() []func(*emissions.Problems) {
				var out []func(*emissions.Problems)
				for range emissions.MaxPerCause + 2 {
					out = append(out, warn("instrument-capped", "a.xlsx", "Instruments"))
				}
				return out
			}(),
			[]string{"instruments-capped: 1,002 contractual instrument rows were capped at the consumption left to cover, in a.xlsx (Instruments): the part beyond it is not counted in the market-based Scope 2."}},
		{"a sheet with control characters is escaped", emissions.Rows{Read: 1, Used: 1}, []func(*emissions.Problems){fatal("sheet", "a.xlsx", "E\x1b]0;x")},
			[]string{`sheets-not-read: 1 sheet was not read, or not in full: a.xlsx ("E\x1b]0;x").`}},
		{"many places are counted, not all named", emissions.Rows{Read: 20, Used: 13, Rejected: 7},
			func() []func(*emissions.Problems) {
				var out []func(*emissions.Problems)
				for i := range 7 {
					out = append(out, rowErr(fmt.Sprintf("f%d.xlsx", i), "Energy", "E2"))
				}
				return out
			}(),
			[]string{"rows-rejected: 7 of 20 activity rows (35.0 %) were rejected, in f0.xlsx (Energy), f1.xlsx (Energy), f2.xlsx (Energy), f3.xlsx (Energy), f4.xlsx (Energy), and 2 more file(s)."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps emissions.Problems
			for _, add := range tt.problems {
				add(&ps)
			}
			got := leftOut(tt.rows, ps.List())
			if len(got) != len(tt.want) {
				t.Fatalf("%d notices, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, n := range got {
				if s := n.Code + ": " + n.Message; !strings.HasPrefix(s, tt.want[i]) {
					t.Errorf("notice %d:\n got %s\nwant %s", i, s, tt.want[i])
				}
				if n.Title != leftOutTitle || (n.Tone != ToneBad && n.Code != "instruments-capped") {
					t.Errorf("notice %d: title %q, tone %q", i, n.Title, n.Tone)
				}
			}
		})
	}
}
