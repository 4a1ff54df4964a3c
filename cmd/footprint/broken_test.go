package main

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenDir is the corpus of broken inputs; its cases.json gives each one's expected
// problems (written by workbook/testdata/broken/gen).
var brokenDir = filepath.Join("..", "..", "workbook", "testdata", "broken")

type brokenCase struct {
	Name     string
	File     string
	Config   string
	Problems []struct{ File, Severity, Sheet, Cell, Message string }
	Rows     *struct{ Read, Used, Rejected int }
	Exit     int
}

// Every case of the corpus through the binary: `validate` exits as the table says and names
// the file, and the sheet, cell and message of each problem; `calc --json` lists exactly the
// expected problems at their places, and rows read = used + rejected.
func TestBrokenCorpusEndToEnd(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(brokenDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []brokenCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			flag, name := "--input", c.File
			if c.Config != "" {
				flag, name = "--config", c.Config
			}
			r := footprint(t, brokenDir, "validate", flag, name)
			out := r.stdout + r.stderr
			if r.code != c.Exit {
				t.Errorf("validate %s %s: exit %d, want %d\n%s", flag, name, r.code, c.Exit, short(out))
			}
			for _, p := range c.Problems {
				if file := cmp.Or(p.File, name); !strings.Contains(out, file) {
					t.Errorf("the output does not name %s:\n%s", file, short(out))
				}
				if !strings.Contains(out, p.Message) || p.Sheet != "" && !strings.Contains(out, "sheet "+p.Sheet) || p.Cell != "" && !strings.Contains(out, "cell "+p.Cell) {
					t.Errorf("the output lacks %s at sheet %q, cell %q: …%s…\n%s", p.Severity, p.Sheet, p.Cell, p.Message, short(out))
				}
			}
			if c.Config != "" && c.Exit != 0 {
				return // the configuration stops the run before any row is read
			}
			r = footprint(t, brokenDir, "calc", "--json", flag, name)
			var doc calcJSON
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatalf("calc --json: %v\n%s", err, short(r.stdout+r.stderr))
			}
			if c.Rows != nil && (doc.Rows.Read != c.Rows.Read || doc.Rows.Used != c.Rows.Used || doc.Rows.Rejected != c.Rows.Rejected) {
				t.Errorf("rows %+v, want %+v", doc.Rows, *c.Rows)
			}
			if doc.Rows.Read != doc.Rows.Used+doc.Rows.Rejected {
				t.Errorf("rows read %d ≠ used %d + rejected %d", doc.Rows.Read, doc.Rows.Used, doc.Rows.Rejected)
			}
			if len(doc.Problems) != len(c.Problems) {
				t.Errorf("%d problems, want %d: %+v", len(doc.Problems), len(c.Problems), doc.Problems)
				return
			}
			// Each sheet's problems come in the order of its rows, those of reading and of
			// computing together, so the order may differ from the package-level one.
			matched := make([]bool, len(doc.Problems))
			for i, want := range c.Problems {
				found := false
				for j, got := range doc.Problems {
					if !matched[j] && got.Severity == want.Severity && got.File == name && got.Sheet == want.Sheet && got.Cell == want.Cell && strings.Contains(got.Message, want.Message) {
						matched[j], found = true, true
						break
					}
				}
				if !found {
					t.Errorf("problem %d: want %s at %s, sheet %q, cell %q: …%s…; got %+v", i, want.Severity, name, want.Sheet, want.Cell, want.Message, doc.Problems)
				}
			}
		})
	}
}

func short(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
