package pipeline

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// readConfig: a site without a residual mix (market-based warnings), and a supplier factor
// whose 2022 vintage was revised, so that a restatement reads the workbooks a second time.
const readConfig = `site: Plant
factors:
  custom:
    - {id: Supplier.Steel, value: 2.0, unit: kg, scope: 3, category: 1, year: 2022, version: v1, published: 2023, source: Supplier EPD}
    - {id: Supplier.Steel, value: 1.5, unit: kg, scope: 3, category: 1, year: 2022, version: v2, published: 2025, source: Supplier EPD}
`

// activityHeader is the canonical header with the Entity column, filled without an
// organisation in config: a warning given once per run.
var activityHeader = []any{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Scope", "Category", "Method", "Comment", "Entity"}

// activityRows are n rows of a few activities over 2019–2025, varied by seed, every
// problemEvery-th one (if > 0) rejected in turn for an unknown activity, a unit that is not
// one and a quantity in words (problemEvery < 0: every one for a unit of the wrong kind).
func activityRows(n, seed, problemEvery int) [][]any {
	rows := [][]any{activityHeader}
	acts := []struct{ id, unit string }{
		{"fr.natural-gas.pcs", "kWh PCS"}, {"fr.electricity.grid", "kWh"}, {"fr.diesel.off-road", "L"},
		{"Supplier.Steel", "kg"}, {"fr.freight.road.van", "t.km"},
	}
	for i := range n {
		a := acts[(i+seed)%len(acts)]
		row := []any{2019 + (i*7+seed)%7, []string{"Plant", "Depot"}[(i+seed)%2], "Pole " + fmt.Sprint(i%3), a.id,
			float64((i*37+seed*11)%1000) + 0.125*float64(seed), a.unit, nil, nil, nil, fmt.Sprintf("row %d", i), "Subsidiary"}
		if problemEvery < 0 {
			row[5] = "bananas"
		} else if problemEvery > 0 && i%problemEvery == problemEvery-1 {
			switch (i / problemEvery) % 3 {
			case 0:
				row[3] = "fr.no-such-activity"
			case 1:
				row[5] = "bananas"
			case 2:
				row[4] = "twelve"
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// writeWorkbook writes sheets into dir/name and returns its path.
func writeWorkbook(t *testing.T, dir, name string, sheets ...workbooktest.Sheet) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, workbooktest.Build(t, sheets...), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// damageMidway damages the compressed data of a workbook's first sheet halfway through, so
// that its reading fails after it has computed rows.
func damageMidway(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		mid := off + int64(f.CompressedSize64)/2
		for i := mid; i < mid+64; i++ {
			data[i] ^= 0x5a
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s has no first sheet", path)
}

// readInputs are the workbooks of TestReadAtOnceIsOneAfterTheOther.
type readInputs struct {
	config                               string
	large, problems, fewer, instruments  string
	damaged, midway, truncated, fallback string
	sameA, sameB, manyBad1, manyBad2     string
	missing                              string
}

func writeReadInputs(t *testing.T) readInputs {
	dir := t.TempDir()
	var in readInputs
	in.config = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(in.config, []byte(readConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	// the first read is the longest, so that the reads after it end first
	in.large = writeWorkbook(t, dir, "large.xlsx",
		workbooktest.Sheet{Name: "Energy", Rows: activityRows(3000, 1, 0)},
		workbooktest.Sheet{Name: "Materials", Rows: activityRows(1000, 2, 0)})
	in.problems = writeWorkbook(t, dir, "problems.xlsx", workbooktest.Sheet{Name: "Energy", Rows: activityRows(400, 3, 7)})
	in.fewer = writeWorkbook(t, dir, "fewer.xlsx", workbooktest.Sheet{Name: "Logistics", Rows: activityRows(50, 4, 0)})
	in.instruments = writeWorkbook(t, dir, "instruments.xlsx",
		workbooktest.Sheet{Name: "Energy", Rows: activityRows(300, 5, 0)},
		workbooktest.Sheet{Name: "Instruments", Rows: [][]any{
			{"Year", "Site", "Instrument", "Quantity", "Unit", "Factor"},
			{2024, "Plant", "Hydro GO 2024", 5000, "MWh", 0},
			{2025, "Depot", "Wind PPA", 1e9, "kWh", 0.012},
		}})
	// damaged: as a download cut short, and a sheet damaged halfway (its rows rolled back)
	in.damaged = filepath.Join(dir, "damaged.xlsx")
	good, err := os.ReadFile(in.fewer)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in.damaged, good[:len(good)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	in.midway = writeWorkbook(t, dir, "midway.xlsx", workbooktest.Sheet{Name: "Energy", Rows: activityRows(3000, 6, 0)})
	damageMidway(t, in.midway)
	in.truncated = filepath.Join("..", "workbook", "testdata", "broken", "truncated.xlsx")
	// merged cells: the quick reader gives the workbook up, and it is read again
	in.fallback = filepath.Join("..", "workbook", "testdata", "broken", "merged-year.xlsx")
	// the same file name and sheet names in two folders, with the same activities
	in.sameA = writeWorkbook(t, dir, filepath.Join("a", "site.xlsx"), workbooktest.Sheet{Name: "Energy", Rows: activityRows(200, 7, 0)})
	in.sameB = writeWorkbook(t, dir, filepath.Join("b", "site.xlsx"), workbooktest.Sheet{Name: "Energy", Rows: activityRows(200, 7, 0)})
	// 700 rows each with a unit of the wrong kind: the bound of a cause is crossed in the second
	in.manyBad1 = writeWorkbook(t, dir, "bad1.xlsx", workbooktest.Sheet{Name: "Energy", Rows: activityRows(700, 8, -1)})
	in.manyBad2 = writeWorkbook(t, dir, "bad2.xlsx", workbooktest.Sheet{Name: "Energy", Rows: activityRows(700, 9, -1)})
	in.missing = filepath.Join(dir, "missing.xlsx")
	return in
}

// Reading several workbooks at once gives what reading them one after the other gives, to
// the byte: the same lines in the same order with the same sums, the same problems in the
// same order with the same bounds, the same row lines, whatever order the reads end in.
func TestReadAtOnceIsOneAfterTheOther(t *testing.T) {
	in := writeReadInputs(t)
	tests := []struct {
		name   string
		inputs []string
		opts   Options
		check  func(t *testing.T, r *Result)
	}{
		{
			name:   "good, with problems, with instruments",
			inputs: []string{in.large, in.problems, in.fewer, in.instruments},
			check: func(t *testing.T, r *Result) {
				wantRejected(t, r, in.problems, 57)
				wantOnce(t, r, "entity-without-organisation", in.large)
				wantOnce(t, r, "factor-freshness", "")
			},
		},
		{
			name:   "damaged, failing midway, missing, read again",
			inputs: []string{in.large, in.damaged, in.midway, in.fewer, in.truncated, in.missing, in.fallback, in.problems},
			opts:   Options{RowLines: true},
			check: func(t *testing.T, r *Result) {
				for _, f := range []string{in.damaged, in.midway, in.truncated, in.missing} {
					wantFatal(t, r, f)
				}
				if r.Input.Problems.Fatal() != 4 {
					t.Errorf("%d fatal problems, want 4", r.Input.Problems.Fatal())
				}
				if got := placeRows(r, in.midway); got != 0 {
					t.Errorf("%d row lines of the workbook damaged midway, want 0 (rolled back)", got)
				}
			},
		},
		{
			// the same file twice is refused (TestSameInputRefused): two files of one name
			name:   "the same names in two folders",
			inputs: []string{in.sameA, in.sameB, in.fewer},
			opts:   Options{RowLines: true},
			check: func(t *testing.T, r *Result) {
				wantOnce(t, r, "entity-without-organisation", in.sameA)
				if got, want := placeRows(r, in.sameA), placeRows(r, in.sameB); got != want || got == 0 {
					t.Errorf("%d row lines of %s, want %d (the other's, not 0)", got, in.sameA, want)
				}
			},
		},
		{
			name:   "the bound of a cause crossed in a later workbook",
			inputs: []string{in.manyBad1, in.fewer, in.manyBad2, in.problems},
			check: func(t *testing.T, r *Result) {
				wantMore(t, r, "unit-mismatch")
			},
		},
		{
			name:   "every rejected row kept",
			inputs: []string{in.manyBad1, in.manyBad2, in.damaged, in.problems},
			opts:   Options{KeepRejected: true},
			check: func(t *testing.T, r *Result) {
				n := 0
				if err := r.Input.Problems.Rejected().Each(func(*emissions.Rejected) error { n++; return nil }); err != nil {
					t.Fatal(err)
				}
				if n < 1400 {
					t.Errorf("%d rejected rows' messages kept, want every one (more than 1,400)", n)
				}
			},
		},
		{
			name:   "restated: the workbooks read twice",
			inputs: []string{in.large, in.instruments, in.sameA, in.problems, in.midway},
			opts:   Options{Restate: true, RowLines: true},
			check: func(t *testing.T, r *Result) {
				if len(r.Restatement) == 0 {
					t.Error("no restatement")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.ConfigPath, opts.Inputs, opts.Workers = in.config, tt.inputs, 1
			want := document(t, opts, tt.check)
			// the reads end in other orders: as they come, the first held back, one in the
			// middle held back, each held back longer than the next (in reverse)
			n := len(tt.inputs)
			delays := [][]time.Duration{nil, {40 * time.Millisecond}, make([]time.Duration, n), make([]time.Duration, n)}
			delays[2][n/2] = 30 * time.Millisecond
			for i := range n {
				delays[3][i] = time.Duration(n-i) * 10 * time.Millisecond
			}
			for _, workers := range []int{2, 5} {
				for _, delay := range delays {
					opts.Workers, opts.openFile = workers, delayedOpen(tt.inputs, delay)
					got := document(t, opts, nil)
					if !slices.Equal(got, want) {
						t.Fatalf("%d workers, delays %v: the result differs from reading one after the other:\n%s",
							workers, delay, firstDifference(got, want))
					}
				}
			}
		})
	}
}

// delayedOpen opens the input files, holding back the i-th by delays[i].
func delayedOpen(inputs []string, delays []time.Duration) opener {
	return func(p string) (io.ReadCloser, error) {
		for i, in := range inputs {
			if in == p && i < len(delays) {
				time.Sleep(delays[i])
				break
			}
		}
		f, err := os.Open(p)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, pe.Err // as Session.inputs' opener says it
		}
		return f, err
	}
}

// document runs the pipeline and encodes everything it computed, row lines included.
func document(t *testing.T, opts Options, check func(*testing.T, *Result)) []string {
	t.Helper()
	r, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if check != nil {
		check(t, r)
	}
	var rowLines []emissions.Line
	if err := r.Inventory.RowLines().Each(func(l *emissions.Line) error {
		rowLines = append(rowLines, *l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ps := &r.Input.Problems
	parts := map[string]any{
		"lines": r.Inventory.Lines, "outside": r.Inventory.Outside, "rows": r.Inventory.Rows, "rowLines": rowLines,
		"rowLinesLen": r.Inventory.RowLines().Len(), "maxText": r.Inventory.RowLines().(emissions.Digester).Digest().MaxText,
		"problems": ps.List(), "byPlace": ps.ByPlace(), "errors": ps.Errors(), "warnings": ps.Warnings(), "fatal": ps.Fatal(),
		"sheets": r.Input.Sheets, "instruments": r.Input.Instruments, "refrigerants": r.Input.Refrigerants,
		"rowsRead": r.Input.RowsRead, "rejected": r.Input.Rejected,
		"years": r.Years, "year": r.Year, "trajectory": r.Trajectory, "avoided": r.Avoided, "intensities": r.Intensities,
		"changes": r.Changes, "restatement": r.Restatement, "claims": r.Claims, "reductions": r.Reductions,
		"energy": r.Energy, "beges": r.Beges, "entities": r.Entities, "esrs": r.ESRSFigures,
	}
	// one line per element of a list, so that a difference shows where it is
	var doc []string
	for _, k := range slices.Sorted(maps.Keys(parts)) {
		v := reflect.ValueOf(parts[k])
		if v.Kind() != reflect.Slice {
			v = reflect.ValueOf([]any{parts[k]})
		}
		for i := range v.Len() {
			e, err := json.Marshal(v.Index(i).Interface())
			if err != nil {
				t.Fatalf("%s: %v", k, err)
			}
			doc = append(doc, fmt.Sprintf("%s[%d] %s", k, i, e))
		}
	}
	return doc
}

// firstDifference shows where two documents part.
func firstDifference(g, w []string) string {
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}

func wantFatal(t *testing.T, r *Result, file string) {
	t.Helper()
	for _, p := range r.Input.Problems.List() {
		if p.File == file && p.Severity == emissions.SeverityError && p.Sheet == "" {
			return
		}
	}
	t.Errorf("no problem says %s cannot be read", file)
}

// wantOnce checks that a warning given once per run is given once, at file when not "".
func wantOnce(t *testing.T, r *Result, cause, file string) {
	t.Helper()
	seen := map[string]int{}
	for _, p := range r.Input.Problems.List() {
		if p.Cause == cause {
			seen[p.Message]++
			if file != "" && p.File != file {
				t.Errorf("%s given at %s, want %s (the first workbook)", cause, p.File, file)
			}
		}
	}
	if len(seen) == 0 {
		t.Errorf("no %s warning", cause)
	}
	for m, n := range seen {
		if n > 1 {
			t.Errorf("%s given %d times: %s", cause, n, m)
		}
	}
}

func wantRejected(t *testing.T, r *Result, file string, n int) {
	t.Helper()
	got := 0
	for _, pc := range r.Input.Problems.ByPlace() {
		if pc.File == file {
			got += pc.Errors
		}
	}
	if got != n {
		t.Errorf("%d errors in %s, want %d", got, file, n)
	}
}

func wantMore(t *testing.T, r *Result, cause string) {
	t.Helper()
	listed := 0
	for _, p := range r.Input.Problems.List() {
		if p.Cause == cause && p.More == 0 {
			listed++
		}
		if p.Cause == cause && p.More > 0 {
			if listed != emissions.MaxPerCause {
				t.Errorf("%d %s problems listed before the count of the rest, want %d", listed, cause, emissions.MaxPerCause)
			}
			return
		}
	}
	t.Errorf("no count of the %s problems beyond the bound (%d listed)", cause, listed)
}

// placeRows counts the row lines of a file.
func placeRows(r *Result, file string) int {
	n := 0
	_ = r.Inventory.RowLines().Each(func(l *emissions.Line) error {
		if l.Place.File == file {
			n++
		}
		return nil
	})
	return n
}

// progressLog records what a Progress hears, consecutive Adds summed.
type progressLog struct {
	mu     sync.Mutex
	events []string
	added  int64
}

func (l *progressLog) flush() {
	if l.added > 0 {
		l.events = append(l.events, fmt.Sprint("add ", l.added))
		l.added = 0
	}
}

func (l *progressLog) Start(file string, total int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flush()
	l.events = append(l.events, fmt.Sprintf("start %s %d", filepath.Base(file), total))
}

func (l *progressLog) Add(n int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.added += n
}

func (l *progressLog) Done() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flush()
	l.events = append(l.events, "done")
}

// The progress of workbooks read at once is heard one workbook after the other, in their
// order, as when they are read so: each read's start, the bytes read, its end.
func TestReadAtOnceProgress(t *testing.T) {
	in := writeReadInputs(t)
	inputs := []string{in.large, in.midway, in.fewer, in.damaged, in.fallback, in.problems}
	var want []string
	for _, workers := range []int{1, 3} {
		for _, delay := range [][]time.Duration{nil, {50 * time.Millisecond}} {
			log := &progressLog{}
			r, err := Run(Options{ConfigPath: in.config, Inputs: inputs, Workers: workers, Progress: log, openFile: delayedOpen(inputs, delay)})
			if err != nil {
				t.Fatal(err)
			}
			r.Close()
			got := abandoned(log.events)
			if workers == 1 {
				want = got
				// the workbook damaged midway starts twice (read again the checked way)
				if n := strings.Count(strings.Join(want, "\n"), "start midway.xlsx"); n != 2 {
					t.Fatalf("midway.xlsx started %d times, want 2:\n%s", n, strings.Join(want, "\n"))
				}
				continue
			}
			if !slices.Equal(got, want) {
				t.Errorf("%d workers, delays %v: progress\n%s\nwant\n%s", workers, delay, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// abandoned leaves out the bytes of a read given up for another (the workbook starts again):
// how far it got depends on how far its unpacking ran ahead, whatever the other reads.
func abandoned(events []string) []string {
	out := slices.Clone(events)
	for i, e := range out {
		if !strings.HasPrefix(e, "start ") {
			continue
		}
		for j := i + 1; j < len(out); j++ {
			if strings.HasPrefix(out[j], "start ") {
				if out[j] == e && strings.HasPrefix(out[i+1], "add ") {
					out[i+1] = "add (given up)"
				}
				break
			}
		}
	}
	return out
}
