package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// init writes a starter config and the template; filled in, they validate and report as the
// user's own site: no demo, "no target configured", the how-to in the closing notes. A second
// init leaves both files as they are, names them and exits 0.
func TestInitThenValidateAndReport(t *testing.T) {
	root := t.TempDir()
	r := footprint(t, root, "init", "--dir", "site")
	if r.code != 0 {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	dir := filepath.Join(root, "site")
	for _, want := range []string{"Wrote " + filepath.Join("site", "config.yaml"), "Wrote " + filepath.Join("site", "activities.xlsx"), "in site."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("init's output lacks %q:\n%s", want, r.stdout)
		}
	}
	// The team fills in the template's Energy sheet below its header.
	tmpl := filepath.Join(dir, "activities.xlsx")
	f, err := excelize.OpenFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{{2024, "", "Plant", "fr.electricity.grid", 120000, "kWh"}, {2025, "", "Plant", "fr.natural-gas.pcs", 80, "MWh PCS"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow("Energy", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := readAll(t, dir, "config.yaml", "activities.xlsx")

	if r := footprint(t, dir, "validate"); r.code != 0 || !strings.HasPrefix(r.stdout, "No target configured: ") || !strings.Contains(r.stdout, "rows: 2 read, 2 used, 0 rejected") {
		t.Fatalf("validate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = footprint(t, dir, "report")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "No target configured: ") || !strings.Contains(r.stdout, "2025: ") {
		t.Fatalf("report: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	page := readFile(t, filepath.Join(dir, "out", "report.html"))
	for _, want := range []string{`data-code="no-target"`, `<section id="notes">`, "My site"} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %s", want)
		}
	}
	if strings.Contains(page, `data-code="demo"`) {
		t.Error("the user's own site is labelled the demo")
	}

	r = footprint(t, root, "init", "--dir", "site")
	if r.code != 0 || strings.Count(r.stdout, "Left untouched") != 2 || strings.Contains(r.stdout, "Wrote") {
		t.Errorf("second init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after := readAll(t, dir, "config.yaml", "activities.xlsx")
	for name := range before {
		if !bytes.Equal(before[name], after[name]) {
			t.Errorf("the second init changed %s", name)
		}
	}
	// With the config gone and the filled template kept, init writes only the config.
	os.Remove(filepath.Join(dir, "config.yaml"))
	r = footprint(t, dir, "init")
	if r.code != 0 || !strings.Contains(r.stdout, "Wrote config.yaml") || !strings.Contains(r.stdout, "Left untouched: activities.xlsx exists already.") {
		t.Errorf("init beside a filled template: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !bytes.Equal(readAll(t, dir, "activities.xlsx")["activities.xlsx"], before["activities.xlsx"]) {
		t.Error("init rewrote the filled template")
	}
}

// Without a config file, --input takes the built-in defaults: none of the demo's site,
// organisation, levers, credits, intensities or energy mix reach the user's outputs.
func TestOwnInputHasNoDemoSettings(t *testing.T) {
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "mine.xlsx"), map[string][][]any{"Energy": {
		{"Année", "Activité", "Quantité", "Unité"},
		{2024, "fr.electricity.grid", 1000, "kWh"},
		{2025, "fr.natural-gas.pcs", 20, "MWh PCS"},
	}})
	r := footprint(t, dir, "report", "--input", "mine.xlsx", "--out", "out")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	page := readFile(t, filepath.Join(dir, "out", "report.html"))
	for _, demo := range []string{"Flins", "Peatland", "Cookstoves", "Forest project", "Heat pumps", "Rail instead of road", "per_vehicle", "per_employee",
		"Refactory", "illustrative", "Electricity Maps", `data-code="demo"`} {
		if strings.Contains(page, demo) || strings.Contains(r.stdout, demo) {
			t.Errorf("the user's report carries the demo's %q", demo)
		}
	}
	for _, want := range []string{`data-code="no-target"`, "site — 2025"} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	var doc struct {
		Notices      []struct{ Code string }
		Organisation any
		Years        []struct {
			BySite    map[string]float64 `json:"by_site"`
			Intensity map[string]float64
		}
	}
	c := footprint(t, dir, "calc", "--json", "--input", "mine.xlsx")
	if err := json.Unmarshal([]byte(c.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Notices) != 1 || doc.Notices[0].Code != "no-target" || doc.Organisation != nil || len(doc.Years) != 2 ||
		len(doc.Years[1].Intensity) != 0 || doc.Years[1].BySite["site"] == 0 {
		t.Errorf("calc --json of the user's input: %s", c.stdout)
	}
}

// The demo says it is the demo in every output: the report's first screen, the first line of
// calc, report and validate, the JSON document and the export's Summary sheet; in a folder
// without config.yaml and in the repository's root, where config.yaml is the demo's.
func TestDemoSaysItIsTheDemo(t *testing.T) {
	for _, dir := range []string{t.TempDir(), "../.."} {
		t.Run(dir, func(t *testing.T) {
			out := t.TempDir()
			r := footprint(t, dir, "report", "--out", out)
			if r.code != 0 || !strings.HasPrefix(r.stdout, "This is the demo: ") {
				t.Errorf("report: exit %d, first line not the demo notice:\n%s", r.code, r.stdout)
			}
			page := readFile(t, filepath.Join(out, "report.html"))
			notice, cards := strings.Index(page, `data-code="demo"`), strings.Index(page, `<div class="cards">`)
			if notice < 0 || notice > cards {
				t.Errorf("report.html: demo notice at %d, cards at %d", notice, cards)
			}
			f, err := excelize.OpenFile(filepath.Join(out, "footprint-2025.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			a2, _ := f.GetCellValue("Summary", "A2")
			f.Close()
			if !strings.HasPrefix(a2, "This is the demo: ") {
				t.Errorf("export Summary!A2 = %q", a2)
			}
			if c := footprint(t, dir, "calc"); !strings.HasPrefix(c.stderr, "This is the demo: ") {
				t.Errorf("calc's stderr does not open with the demo notice:\n%s", c.stderr)
			}
			if v := footprint(t, dir, "validate"); !strings.HasPrefix(v.stdout, "This is the demo: ") {
				t.Errorf("validate does not open with the demo notice:\n%s", v.stdout)
			}
		})
	}
}

// What the figures leave out is said first: calc's first lines (stderr, before the table),
// calc --json's notices (stdout stays one JSON document), report's first lines.
func TestLeftOutSaidFirst(t *testing.T) {
	dir := site(t, "",
		[]any{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
		[]any{2024, "Plant", "P", "fr.electricity.grid", "lots", "kWh"},
		[]any{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
		[]any{2024, "Plant", "P", "no.such.activity", 1000, "kWh"})
	want := "Left out of these figures: 2 of 4 activity rows (50.0 %) were rejected, in activities.xlsx (Energy)."
	c := footprint(t, dir, "calc")
	lines := strings.Split(c.stderr, "\n")
	if c.code != 0 || len(lines) < 3 || !strings.HasPrefix(lines[0], "No target configured: ") || !strings.HasPrefix(lines[1], want) {
		t.Errorf("calc: exit %d, stderr:\n%s", c.code, c.stderr)
	}
	var doc struct {
		Notices []struct{ Code, Tone, Title, Message string }
	}
	j := footprint(t, dir, "calc", "--json")
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil {
		t.Fatalf("calc --json is not one JSON document: %v", err)
	}
	// The site's guarantee of origin covers more than its electricity: capped, and said.
	if len(doc.Notices) != 3 || doc.Notices[2].Code != "instruments-capped" || doc.Notices[1].Code != "rows-rejected" || doc.Notices[1].Tone != "bad" || !strings.HasPrefix(doc.Notices[1].Title+": "+doc.Notices[1].Message, want) {
		t.Errorf("calc --json notices: %+v", doc.Notices)
	}
	r := footprint(t, dir, "report", "--out", "o")
	if lines := strings.Split(r.stdout, "\n"); r.code != 0 || len(lines) < 2 || !strings.HasPrefix(lines[1], want) {
		t.Errorf("report: exit %d, stdout:\n%s", r.code, r.stdout)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readAll(t *testing.T, dir string, names ...string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, n := range names {
		out[n] = []byte(readFile(t, filepath.Join(dir, n)))
	}
	return out
}

// A year whose rows were all rejected has no figure: it is named first, and a reporting year
// taken as the latest with data says it is not that year.
func TestYearWithoutFiguresSaidFirst(t *testing.T) {
	dir := site(t, "",
		[]any{2024, "Plant", "P", "fr.electricity.grid", 1000, "kWh"},
		[]any{2025, "Plant", "P", "fr.electricty.grid", 1000, "kWh"},
		[]any{2025, "Plant", "P", "fr.electricity.grid", "1 000 kWh", "kWh"})
	want := "Left out of these figures: no figure for 2025 (2 rows): every row of that year was rejected. The reporting year is 2024, the latest year with usable rows, not 2025."
	c := footprint(t, dir, "calc")
	if first, _, _ := strings.Cut(c.stderr, " problem(s):"); c.code != 0 || !strings.Contains(first, want) {
		t.Errorf("calc: exit %d, stderr:\n%s", c.code, c.stderr)
	}
	r := footprint(t, dir, "report", "--out", "o")
	if page := readFile(t, filepath.Join(dir, "o", "report.html")); r.code != 0 || !strings.Contains(page, `data-code="years-without-figures"`) {
		t.Errorf("report: exit %d, no years-without-figures notice on the page; stdout:\n%s", r.code, r.stdout)
	}
}

// Without a config file, the outputs are titled by the sites the rows name, never by the
// built-in default "site".
func TestTitleNamesTheRowsSites(t *testing.T) {
	for _, tt := range []struct {
		name  string
		sites []string
		want  string
		lang  string
	}{
		{"one site", []string{"Flins", "Flins"}, "Flins — greenhouse-gas report 2024", ""},
		{"three sites", []string{"Flins", "Douai", "Batilly"}, "Batilly, Douai and Flins — greenhouse-gas report 2024", ""},
		{"more sites are counted", []string{"A", "B", "C", "D"}, "4 sites — greenhouse-gas report 2024", ""},
		{"in French", []string{"Flins", "Douai"}, "Douai et Flins — rapport gaz à effet de serre 2024", "fr"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			rows := [][]any{header}
			for _, s := range tt.sites {
				rows = append(rows, []any{2024, s, "P", "fr.electricity.grid", 1000, "kWh"})
			}
			writeWorkbook(t, filepath.Join(dir, "mine.xlsx"), map[string][][]any{"Energy": rows})
			args := []string{"report", "--input", "mine.xlsx", "--out", "o"}
			if tt.lang != "" {
				args = append(args, "--lang", tt.lang)
			}
			r := footprint(t, dir, args...)
			page := readFile(t, filepath.Join(dir, "o", "report.html"))
			if r.code != 0 || !strings.Contains(page, "<title>"+tt.want+"</title>") {
				t.Errorf("exit %d; want the title %q in report.html; stdout:\n%s", r.code, tt.want, r.stdout)
			}
		})
	}
}

// init in French writes the French starter config, whose placeholder site the French
// template's dropdown offers as it is: rows given that site and rows left blank are one site.
func TestInitInFrench(t *testing.T) {
	root := t.TempDir()
	if r := footprint(t, root, "init", "--lang", "fr"); r.code != 0 || !strings.Contains(r.stdout, "marquées À REMPLIR") {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	cfg := readFile(t, filepath.Join(root, "config.yaml"))
	for _, want := range []string{"\nsite: Mon site\n", "# À REMPLIR", "\n# language: fr\n"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("config.yaml lacks %q:\n%s", want, cfg)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(root, "activities.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Listes")
	f.Close()
	if !slices.ContainsFunc(rows, func(r []string) bool { return slices.Contains(r, "Mon site") }) {
		t.Errorf("the template's Listes sheet does not offer the config's site, Mon site")
	}
}
