package golden

import (
	"os/exec"
	"strings"
	"testing"
)

// `go test ./... -update` runs only if every test binary of the module defines -update: one
// that does not fails with "flag provided but not defined". Each package with tests therefore
// imports this package, a golden test for real or with a blank import (update_flag_test.go);
// this test finds one that forgot.
func TestEveryTestBinaryAcceptsUpdate(t *testing.T) {
	const self = "github.com/footprint/footprint/internal/golden"
	out, err := exec.Command("go", "list", "-f",
		`{{.ImportPath}} {{len .TestGoFiles}} {{len .XTestGoFiles}} {{join .TestImports " "}} {{join .XTestImports " "}}`,
		"github.com/footprint/footprint/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := f[0]
		if pkg == self || f[1] == "0" && f[2] == "0" {
			continue // no test binary, or the package that defines the flag
		}
		checked++
		imports := false
		for _, imp := range f[3:] {
			imports = imports || imp == self
		}
		if !imports {
			t.Errorf("%s has tests but its binary does not define -update: add an update_flag_test.go that imports _ %q", pkg, self)
		}
	}
	if checked == 0 {
		t.Errorf("go list found no package with tests:\n%s", out)
	}
}
