package config

import (
	"fmt"
	"testing"

	"github.com/footprint/footprint/lang"
)

// English messages read exactly as fmt writes them, whatever numbers they quote: the
// catalogue's printer alone would write 2,030 and 1×10⁰⁶.
func TestTrKeepsNumbersAsWritten(t *testing.T) {
	type year int
	tests := []struct {
		format string
		args   []any
	}{
		{"%d is outside %d–%d", []any{1800, 1990, 2100}},
		{"%v: want a number ≥ 0", []any{1e6}},
		{"%v is out of range: want %s", []any{-1234.5, "x"}},
		{"%d is given twice", []any{year(2024)}},
		{"%q: want one of %v", []any{"a", []string{"b", "c"}}},
	}
	for _, tt := range tests {
		if got, want := tr(lang.English, tt.format, tt.args...), fmt.Sprintf(tt.format, tt.args...); got != want {
			t.Errorf("tr(%q) = %q, want %q", tt.format, got, want)
		}
	}
	if got, want := tr(lang.French, "%d is given twice", 2024), "2024 est donné deux fois"; got != want {
		t.Errorf("French: %q, want %q", got, want)
	}
}
