package html

// `go test ./... -update` passes -update to every test binary, and a binary that does not
// define it fails. The page's golden imports it already; the import keeps the flag here
// whatever the tests become.
import _ "github.com/footprint/footprint/internal/golden"
