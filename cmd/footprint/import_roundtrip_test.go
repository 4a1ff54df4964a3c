package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/footprint/footprint/internal/golden"
)

// The releases the library is built from, imported as a team would the day they come out
// (ADEME V23.6 and DESNZ 2025, as published, with the defaults), give the demo the same
// inventory when its config lists the factor files: `calc --json` is identical byte for byte,
// as reported and restated, and the factors computed are the files' (`factors show` names
// them). This is the round trip of the shared mapping: built-in library → import → same
// figures.
func TestImportedReleasesGiveTheDemo(t *testing.T) {
	sources, err := filepath.Abs("../../../shared/factor-sources")
	if err != nil {
		t.Fatal(err)
	}
	ademe := filepath.Join(sources, "ademe-base-carbone-v23.6", "Base_Carbone_V23.6-v2.xlsx")
	desnz := filepath.Join(sources, "desnz-ghg-conversion-factors-2025", "flat-file.xlsx")
	for _, p := range []string{ademe, desnz} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("factor sources not here: %v", err)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, imp := range [][]string{{"--ademe", ademe}, {"--desnz", desnz}} {
		r := footprint(t, dir, append([]string{"factors", "import"}, imp...)...)
		if r.code != 0 {
			t.Fatalf("import %s: exit %d\n%s%s", imp[0], r.code, r.stdout, r.stderr)
		}
	}
	demo, err := os.ReadFile(filepath.Join(root, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(demo), "\nfactors:\n", "\nfactors:\n  files: [factors/ademe-V23.6.yaml, factors/desnz-2025-v1.yaml]\n", 1)
	if cfg == string(demo) || !strings.Contains(cfg, "  - demo/footprint-demo.xlsx") {
		t.Fatal("the demo config's factors or inputs moved: update this test")
	}
	wb, err := os.ReadFile(filepath.Join(root, "demo", "footprint-demo.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "demo"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "demo", "footprint-demo.xlsx"), wb, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"calc", "--json"}, {"calc", "--json", "--restate"}} {
		want := footprint(t, root, args...)
		got := footprint(t, dir, args...)
		if want.code != 0 || got.code != 0 {
			t.Fatalf("%v: exit %d, %d\n%s", args, want.code, got.code, got.stderr)
		}
		if got.stdout != want.stdout {
			t.Errorf("%v with the imported files differs from the built-in library:\n%s", args, golden.Diff([]byte(want.stdout), []byte(got.stdout)))
		}
	}
	// The 2025 rows take the files' versions: the DESNZ set's own (the built-in one is the
	// same version) and ADEME's (published 2025, later than the built-in's unstated date).
	for _, id := range []string{"uk.electricity.grid", "fr.natural-gas.pcs"} {
		r := footprint(t, dir, "factors", "show", id)
		if !strings.Contains(r.stdout, "file         factors/") {
			t.Errorf("factors show %s names no factor file:\n%s", id, r.stdout)
		}
	}
}
