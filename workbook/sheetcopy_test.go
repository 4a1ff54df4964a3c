package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook/workbooktest"
)

// A sheet named as Excel names a copy of another ("Materials (2)" beside "Materials") is read,
// with a warning on it naming both; a name that only looks like one is not warned about.
func TestSheetCopyWarned(t *testing.T) {
	rows := workbooktest.RowXML(1, "Year", "Site", "Pole", "Activity", "Quantity", "Unit") + workbooktest.RowXML(2, 2024, "Main", "P", "test.steel", 5, "t")
	tests := []struct {
		name   string
		sheets []string
		want   []string // sheet: message start
	}{
		{"a copy", []string{"Materials", "Materials (2)"}, []string{`Materials (2): sheet "Materials (2)" looks like a copy of "Materials": both are counted`}},
		{"a third copy, other case", []string{"Energy (3)", "energy"}, []string{`Energy (3): sheet "Energy (3)" looks like a copy of "energy"`}},
		{"two sheets of one name", []string{"Energy", "Energy"}, []string{`Energy (2): sheet "Energy (2)" looks like a copy of "Energy"`}},
		{"no original", []string{"Materials (2)", "Energy"}, nil},
		{"not a copy's name", []string{"Materials", "Materials (1)", "Materials 2", "Materials (2a)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sheets []workbooktest.RawSheet
			for _, s := range tt.sheets {
				sheets = append(sheets, workbooktest.RawSheet{Name: s, Rows: rows})
			}
			data := workbooktest.Handmade(t, sheets...)
			for _, opts := range []Options{{}, {checkedOnly: true}} {
				in := &emissions.Input{}
				opts.DefaultSite = "Main"
				Read(in, "w.xlsx", bytes.NewReader(data), opts)
				var got []string
				for _, p := range in.Problems.List() {
					if p.Cause == "sheet-copy" {
						if p.Severity != emissions.SeverityWarning || p.File != "w.xlsx" {
							t.Errorf("%+v: want a warning on w.xlsx", p)
						}
						got = append(got, p.Sheet+": "+p.Message)
					}
				}
				if len(got) != len(tt.want) {
					t.Fatalf("sheet-copy problems %q, want %q", got, tt.want)
				}
				for i := range got {
					if !strings.HasPrefix(got[i], tt.want[i]) {
						t.Errorf("got %s\nwant %s…", got[i], tt.want[i])
					}
				}
				if len(in.Activities) != len(tt.sheets) {
					t.Errorf("%d activities, want %d: every sheet is read", len(in.Activities), len(tt.sheets))
				}
			}
		})
	}
}
