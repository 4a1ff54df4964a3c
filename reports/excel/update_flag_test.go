package excel_test

// `go test ./... -update` passes -update to every test binary, and a binary that does not
// define it fails. The goldens of this package import it already; the import keeps the flag
// here whatever the tests become.
import _ "github.com/footprint/footprint/internal/golden"
