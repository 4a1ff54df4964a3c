package importer

import (
	"testing"

	"github.com/footprint/footprint/lang"
)

// A skip's count goes with its reason, so that French words agree with it (1 ligne, 2 lignes)
// and French groups its thousands; Reason and English are as they were.
func TestSkipCountedIn(t *testing.T) {
	one := newSkip(text(lang.Key("%d Scope 3 rows of %q, whose category footprint does not guess"), "Managed assets"), verbatim("f.csv:2"), 1)
	many := one
	many.Count = 1217
	for _, tt := range []struct {
		s    Skip
		l    lang.Lang
		want string
	}{
		{one, lang.English, `1 Scope 3 rows of "Managed assets", whose category footprint does not guess`},
		{many, lang.English, `1217 Scope 3 rows of "Managed assets", whose category footprint does not guess`},
		{one, lang.French, `1 ligne de scope 3 de "Managed assets", dont footprint ne devine pas la catégorie`},
		{many, lang.French, "1\u202f217 lignes de scope 3 de \"Managed assets\", dont footprint ne devine pas la catégorie"},
	} {
		if got := tt.s.CountedIn(tt.l); got != tt.want {
			t.Errorf("%s %d: %q, want %q", tt.l, tt.s.Count, got, tt.want)
		}
	}
	if want := `Scope 3 rows of "Managed assets", whose category footprint does not guess`; one.Reason != want {
		t.Errorf("Reason %q, want %q", one.Reason, want)
	}
}
