package reports

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// TestAnnotateHeadersAreNoColumn: the headers annotate adds name no canonical column, with or
// without the default config's French aliases, so the annotated copy reads as the original;
// an alias that does name one is caught (annotate then refuses).
func TestAnnotateHeadersAreNoColumn(t *testing.T) {
	french := emissions.Aliases{emissions.ColYear: {"Année"}, emissions.ColPole: {"Pôle"}, emissions.ColActivity: {"Activité"},
		emissions.ColQuantity: {"Quantité"}, emissions.ColUnit: {"Unité"}, emissions.ColComment: {"Commentaire"}}
	if len(AnnotateHeaders) != annotateColumns {
		t.Errorf("%d headers, annotateColumns is %d", len(AnnotateHeaders), annotateColumns)
	}
	for _, h := range AnnotateHeaders {
		if !strings.HasPrefix(h, annotatePrefix) {
			t.Errorf("%q lacks the prefix %q", h, annotatePrefix)
		}
		for _, aliases := range []emissions.Aliases{nil, french} {
			if c, ok := emissions.HeaderColumn(h, aliases); ok {
				t.Errorf("%q reads as column %s", h, c)
			}
		}
	}
	if c, ok := emissions.HeaderColumn("Footprint Scope", emissions.Aliases{emissions.ColScope: {"footprint scope"}}); !ok || c != emissions.ColScope {
		t.Errorf("an alias naming an annotate header is not caught: %v %v", c, ok)
	}
}
