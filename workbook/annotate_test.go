package workbook

import (
	"strings"
	"testing"
)

// TestAnnotateHeadersAreNoColumn: the headers annotate adds name no canonical column, with or
// without the default config's French aliases, so the annotated copy reads as the original;
// an alias that does name one is caught (annotate then refuses).
func TestAnnotateHeadersAreNoColumn(t *testing.T) {
	french := Aliases{ColYear: {"Année"}, ColPole: {"Pôle"}, ColActivity: {"Activité"},
		ColQuantity: {"Quantité"}, ColUnit: {"Unité"}, ColComment: {"Commentaire"}}
	if len(AnnotateHeaders) != annotateColumns {
		t.Errorf("%d headers, annotateColumns is %d", len(AnnotateHeaders), annotateColumns)
	}
	for _, h := range AnnotateHeaders {
		if !strings.HasPrefix(h, annotatePrefix) {
			t.Errorf("%q lacks the prefix %q", h, annotatePrefix)
		}
		for _, aliases := range []Aliases{nil, french} {
			if c, ok := HeaderColumn(h, aliases); ok {
				t.Errorf("%q reads as column %s", h, c)
			}
		}
	}
	if c, ok := HeaderColumn("Footprint Scope", Aliases{ColScope: {"footprint scope"}}); !ok || c != ColScope {
		t.Errorf("an alias naming an annotate header is not caught: %v %v", c, ok)
	}
}

// TestRefersTo: a previous annotation is removed in the stream only if no formula elsewhere
// may refer to its sheet.
func TestRefersTo(t *testing.T) {
	for _, tt := range []struct {
		formula, sheet string
		want           bool
	}{
		{"Energy!$A$1", "Energy", true},
		{"SUM(Energy!A:A)", "Energy", true},
		{"'Energy'!A1", "Energy", true},
		{"'O''Brien'!A1", "O'Brien", true},
		{"'My sheet'!B2", "My sheet", true},
		{"Lists!$G$4:$G$54", "Energy", false},
		{"Ids_Energy", "Energy", false},
		{"MyEnergy!A1", "Energy", false},
		{"SUM(Sheet1:Sheet3!A1)", "Energy", true}, // a 3D reference: the sheets between are unknown
		{"'Energy:Travel'!A1", "Energy", true},
		{`"Energy!A1"`, "Energy", true}, // perhaps INDIRECT's
		{"Travel!A1+'My ''Energy'''!B2", "Energy", false},
		{"Travel!A1+'My ''Energy'''!B2", "My 'Energy'", true},
	} {
		if got := refersTo([]byte(tt.formula), tt.sheet); got != tt.want {
			t.Errorf("refersTo(%q, %q) = %v, want %v", tt.formula, tt.sheet, got, tt.want)
		}
	}
}
