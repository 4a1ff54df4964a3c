package emissions

import (
	"testing"

	"github.com/footprint/footprint/lang"
)

// The kWh of a residual-mix or capped-instrument warning are grouped in French, and written
// as digits alone in English, as they always were.
func TestKWhText(t *testing.T) {
	if got := kWhText(lang.English, 2430000); got != "2430000" {
		t.Errorf("English: %q", got)
	}
	if got, want := kWhText(lang.French, 2430000.4), "2\u202f430\u202f000"; got != want {
		t.Errorf("French: %q, want %q", got, want)
	}
}
