package html

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/lang"
	"github.com/footprint/footprint/reports"
)

// The notices open the header, above the cards, in their tone, user text escaped and quoted
// commands as code; a notice's help goes to the closing notes, the last section.
func TestNoticesOpenTheHeader(t *testing.T) {
	tests := []struct {
		name    string
		notices []reports.Notice
		want    []string // in this order in the page
		notes   bool
	}{
		{"none", nil, nil, false},
		{"demo and left out", []reports.Notice{
			{Code: "demo", Tone: reports.ToneWarn, Title: "This is the demo", Message: "illustrative. Run `footprint init` to set up your own site."},
			{Code: "sheets-not-read", Tone: reports.ToneBad, Title: "Left out of these figures", Message: "1 sheet was not read: a.xlsx (<b>Energy</b>)."},
		}, []string{`<div class="notices" id="notices">`,
			`<p class="notice warn" data-code="demo"><strong>This is the demo:</strong> illustrative. Run <code>footprint init</code> to set up your own site.</p>`,
			`<p class="notice bad" data-code="sheets-not-read"><strong>Left out of these figures:</strong> 1 sheet was not read: a.xlsx (&lt;b&gt;Energy&lt;/b&gt;).</p>`,
			`<div class="cards">`}, false},
		{"no target, with its help in the closing notes", []reports.Notice{
			{Code: "no-target", Tone: reports.ToneWarn, Title: "No target configured", Message: "not measured against a target.", Help: "Write a trajectory block."},
		}, []string{`data-code="no-target"`, `<div class="cards">`, `<section id="quality">`, `<section id="notes">`, "<p>No target configured: Write a trajectory block.</p>"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleReport()
			r.Notices = tt.notices
			page := render(t, r)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(page[at:], w)
				if i < 0 {
					t.Fatalf("the page lacks, after byte %d, %s", at, w)
				}
				at += i + len(w)
			}
			if got := strings.Contains(page, `id="notices"`); got != (len(tt.notices) > 0) {
				t.Errorf("notices block shown: %v", got)
			}
			if got := strings.Contains(page, `<section id="notes">`); got != tt.notes {
				t.Errorf("closing notes shown: %v, want %v", got, tt.notes)
			}
		})
	}
}

// In French a note's title is joined to its help with the French colon, and a config value
// the help quotes (pathway: sbti-1.5) is left as written, not taken for a figure.
func TestNotesFrench(t *testing.T) {
	r := sampleReport()
	r.Lang = lang.French
	r.Notices = []reports.Notice{{Code: "no-target", Tone: reports.ToneWarn, Title: "Aucune cible configurée", Message: "x.",
		Help: "par exemple `- {name: Scopes 1+2, scopes: [1, 2], pathway: sbti-1.5}` (trajectoires : sbti-1.5, sbti-wb2)."}}
	page := render(t, r)
	want := "<p>Aucune cible configurée\u202f: par exemple `- {name: Scopes 1&#43;2, scopes: [1, 2], pathway: sbti-1.5}` (trajectoires : sbti-1.5, sbti-wb2).</p>"
	if !strings.Contains(page, want) {
		i := strings.Index(page, "Aucune cible configurée\u202f")
		t.Errorf("the notes lack\n%s\nhave %.300s", want, page[max(i, 0):])
	}
}
