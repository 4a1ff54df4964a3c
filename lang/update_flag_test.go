package lang

// `go test ./... -update` passes -update to every test binary, and a binary that does not
// define it fails. This package has no golden file; the import defines the flag here too.
import _ "github.com/footprint/footprint/internal/golden"
