package workbook

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// brokenCase is an entry of testdata/broken/cases.json, written by testdata/broken/gen.
type brokenCase struct {
	Name     string `json:"name"`
	File     string `json:"file"`
	Config   string `json:"config"`
	What     string `json:"what"`
	Problems []struct {
		Severity, Sheet, Cell, Message string
	} `json:"problems"`
	Rows  *emissions.Rows `json:"rows"`
	Years []int           `json:"years"`
	Exit  int             `json:"exit"`
	Kind  string
}

func loadBrokenCases(t *testing.T) []brokenCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "broken", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []brokenCase
	if err := json.Unmarshal(data, &cs); err != nil {
		t.Fatal(err)
	}
	return cs
}

// Every broken workbook of the corpus, read and computed with the built-in library as the
// binary does: exactly the problems the table expects, in order, each at its place, and rows
// read = used + rejected.
func TestBrokenCorpus(t *testing.T) {
	lib, err := factors.Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	cases := loadBrokenCases(t)
	if n := len(cases); n < 40 {
		t.Fatalf("the corpus has %d cases, want at least 40", n)
	}
	for _, c := range cases {
		if c.File == "" {
			continue // configuration cases run through the binary (cmd/footprint)
		}
		t.Run(c.Name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "broken", c.File))
			if err != nil {
				t.Fatal(err)
			}
			in := &emissions.Input{}
			Read(in, c.File, bytes.NewReader(data), Options{DefaultSite: "Main"})
			inv := emissions.Calculate(in, emissions.Options{Library: lib})
			got := in.Problems.List()
			if len(got) != len(c.Problems) {
				t.Errorf("%d problems, want %d:\n%s", len(got), len(c.Problems), listProblems(got))
			}
			for i, want := range c.Problems {
				if i >= len(got) {
					break
				}
				p := got[i]
				if string(p.Severity) != want.Severity || p.File != c.File || p.Sheet != want.Sheet || p.Cell != want.Cell || !strings.Contains(p.Message, want.Message) {
					t.Errorf("problem %d:\n got  %s\n want %s: %s: sheet %q, cell %q: …%s…", i, short(p.String()), want.Severity, c.File, want.Sheet, want.Cell, want.Message)
				}
				// A message quotes at most a clipped cell: a gigantic cell gives a short message.
				if len(p.Message) > 400 {
					t.Errorf("problem %d is %d bytes long", i, len(p.Message))
				}
			}
			if c.Rows != nil && inv.Rows != *c.Rows {
				t.Errorf("rows %+v, want %+v", inv.Rows, *c.Rows)
			}
			if inv.Rows.Read != inv.Rows.Used+inv.Rows.Rejected {
				t.Errorf("rows read %d ≠ used %d + rejected %d", inv.Rows.Read, inv.Rows.Used, inv.Rows.Rejected)
			}
			var years []int
			for _, y := range emissions.Aggregate(inv.Lines, emissions.MethodMarket) {
				years = append(years, y.Year)
			}
			if !slices.Equal(years, c.Years) {
				t.Errorf("years with data %v, want %v", years, c.Years)
			}
			if fails := in.Problems.Errors() > 0; fails != (c.Exit == 1) {
				t.Errorf("%d errors, but validate must exit %d", in.Problems.Errors(), c.Exit)
			}
			if c.Kind != "" && (len(got) == 0 || got[0].Cause != c.Kind) {
				t.Errorf("problems %v, want one of cause %q", got, c.Kind)
			}
		})
	}
}

// The package check refuses each unreadable file with the kind the table names.
func TestInspectPackageKinds(t *testing.T) {
	for _, c := range loadBrokenCases(t) {
		if c.Kind == "" || c.Kind == "no-activity-sheet" {
			continue
		}
		data, err := os.ReadFile(filepath.Join("testdata", "broken", c.File))
		if err != nil {
			t.Fatal(err)
		}
		_, err = inspectPackage(bytes.NewReader(data), int64(len(data)), false)
		var u *unreadable
		if !errors.Is(err, ErrUnreadable) || !errors.As(err, &u) || u.cause != c.Kind {
			t.Errorf("%s: err %v, want kind %q", c.Name, err, c.Kind)
		}
	}
}

// The zip bombs are refused before anything is unpacked: the memory a read allocates stays
// within a few times the file's size on disk, whatever the size its sheet declares. Memory,
// not time, is asserted (time depends on the machine); the time is logged (go test -v).
func TestZipBombsBounded(t *testing.T) {
	for _, name := range []string{"zip-bomb.xlsx", "zip-bomb-ratio.xlsx", "zip-bomb-lying-header.xlsx", "cell-beyond-excel.xlsx"} {
		data, err := os.ReadFile(filepath.Join("testdata", "broken", name))
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		in := &emissions.Input{}
		Read(in, name, bytes.NewReader(data), Options{})
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s (%d KiB on disk): refused in %v, %.1f MiB allocated", name, len(data)>>10, elapsed, float64(alloc)/(1<<20))
		if in.Problems.Fatal() != 1 || !strings.Contains(problemText(in), "cannot read the workbook") {
			t.Errorf("%s: problems %s", name, problemText(in))
		}
		if bound := uint64(4*len(data) + 8<<20); alloc > bound {
			t.Errorf("%s: %d MiB allocated, want under %d MiB", name, alloc>>20, bound>>20)
		}
	}
}

func listProblems(ps []emissions.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  " + short(p.String()) + "\n")
	}
	return b.String()
}

// short keeps test output readable when a message is not.
func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
