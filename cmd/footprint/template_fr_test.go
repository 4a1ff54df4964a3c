package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestInitAndTemplateInFrench: with French chosen (--lang fr, or the config's language),
// init and template speak French and write the French template; a row filled in French on
// it, French values included, gives the same inventory as the same row on the English one.
func TestInitAndTemplateInFrench(t *testing.T) {
	root := t.TempDir()
	totals := map[string]string{}
	for _, c := range []struct {
		lang, sheet string
		row         []any
		want        []string // lines of init's output
	}{
		{"en", "Energy", []any{2024, "", "Workshop", "fr.electricity.grid", 120000, "kWh", nil, nil, nil, "meters", "measured", nil, "secondary"},
			[]string{"Wrote " + filepath.Join("en", "config.yaml") + ": your site's configuration", "Next: fill them in"}},
		{"fr", "Énergie", []any{2024, "", "Workshop", "fr.electricity.grid", 120000, "kWh", nil, nil, nil, "compteurs", "Mesurée", nil, "secondaire"},
			[]string{"Écrit\u202f: " + filepath.Join("fr", "config.yaml") + ", la configuration de votre site", "Écrit\u202f: " + filepath.Join("fr", "activities.xlsx") + ", le modèle de saisie",
				"Ensuite\u202f: remplissez-les, puis lancez `footprint validate` et `footprint report` dans fr."}},
	} {
		r := footprint(t, root, "init", "--dir", c.lang, "--lang", c.lang)
		if r.code != 0 {
			t.Fatalf("init --lang %s: exit %d\n%s%s", c.lang, r.code, r.stdout, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("init --lang %s: output lacks %q:\n%s", c.lang, w, r.stdout)
			}
		}
		dir := filepath.Join(root, c.lang)
		f, err := excelize.OpenFile(filepath.Join(dir, "activities.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetSheetRow(c.sheet, "A2", &c.row); err != nil {
			t.Fatalf("%s: %v (sheets %q)", c.lang, err, f.GetSheetList())
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		r = footprint(t, dir, "calc", "--json", "--lang", "en")
		if r.code != 0 {
			t.Fatalf("calc of the %s template: exit %d\n%s", c.lang, r.code, r.stderr)
		}
		var doc calcJSON
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Years) != 1 || doc.Years[0].TotalLocation <= 0 {
			t.Fatalf("%s template: years %+v", c.lang, doc.Years)
		}
		totals[c.lang] = fmt.Sprintf("%+v", doc.Years)
	}
	// the French starter config names its placeholder site in French
	if strings.Replace(totals["fr"], "Mon site", "My site", 1) != totals["en"] {
		t.Errorf("the row filled in French gives %s, in English %s", totals["fr"], totals["en"])
	}

	// The config's language is the messages' when no flag says otherwise.
	dir := filepath.Join(root, "fr")
	cfg := filepath.Join(dir, "config.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(b, "\nlanguage: fr\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := footprint(t, dir, "init")
	if r.code != 0 || strings.Count(r.stdout, "Laissé intact\u202f: ") != 2 || !strings.Contains(r.stdout, "Ensuite\u202f: remplissez-les, puis lancez `footprint validate` et `footprint report`.") {
		t.Errorf("second init with language: fr: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = footprint(t, dir, "template", "--out", "modele.xlsx")
	if r.code != 0 || !strings.Contains(r.stdout, "Écrit\u202f: modele.xlsx\u202f; remplissez-le, puis vérifiez-le avec `footprint validate --input modele.xlsx`.") {
		t.Errorf("template with language: fr: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "modele.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) == 0 || sheets[0] != "Aide" {
		t.Errorf("template with language: fr: sheets %q", sheets)
	}
}
