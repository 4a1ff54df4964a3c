package excel

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// How the export prints (docs/user-guide.md#printing-the-export): every sheet on A4, scaled to
// the page's width (as many pages down as its rows take), landscape when its columns are wider
// than a portrait page, the header row of a table repeated on every page, the sheet's name
// above and the page number below.

// paperA4 is the paperSize of A4 in a worksheet's pageSetup (ECMA-376 Part 1, §18.3.1.63).
const paperA4 = 9

// portraitWidth is the widest a sheet's columns may be, in Excel's column-width units
// (characters of the default font), to print portrait at about full size: A4's 210 mm less
// the margins hold some 95 of them.
const portraitWidth = 95

// Margins, in inches: narrow at the sides, room above and below for the header and the footer.
const (
	marginSide   = 0.4
	marginTop    = 0.6
	marginBottom = 0.6
	marginHF     = 0.25
)

// printSetup is what a sheet's page setup needs to know of it.
type printSetup struct {
	sheet string
	// widths are its columns' widths, from column A.
	widths []float64
	// lastRow is the last row to print.
	lastRow int
	// titleRow is the header row repeated at the top of every page; 0: none.
	titleRow int
}

// landscape reports whether the sheet's columns are too wide for a portrait page.
func (p printSetup) landscape() bool {
	w := 0.0
	for _, c := range p.widths {
		w += c
	}
	return w > portraitWidth
}

// setPrint gives sheet its page setup. On a sheet the StreamWriter writes it is called before
// NewStreamWriter: the StreamWriter writes what the worksheet holds besides its rows (the
// sheet properties first, the page setup after the rows).
func (x *exporter) setPrint(p printSetup) error {
	f := x.f
	fit, one, auto := true, 1, 0
	if err := f.SetSheetProps(p.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	orientation, size := "portrait", paperA4
	if p.landscape() {
		orientation = "landscape"
	}
	// fitToHeight 0: as many pages down as the rows take (its default, 1, would squeeze the
	// whole sheet onto one page).
	if err := f.SetPageLayout(p.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &auto}); err != nil {
		return err
	}
	side, top, bottom, hf := marginSide, marginTop, marginBottom, marginHF
	if err := f.SetPageMargins(p.sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(p.sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L&\"-,Bold\"&A&R" + headerText(x.docTitle()),
		OddFooter: "&RPage &P / &N",
	}); err != nil {
		return err
	}
	last, err := excelize.ColumnNumberToName(max(len(p.widths), 1))
	if err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(p.sheet, "'", "''") + "'"
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: p.sheet,
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoted, last, max(p.lastRow, 1))}); err != nil {
		return err
	}
	if p.titleRow > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: p.sheet,
			RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted, p.titleRow, p.titleRow)}); err != nil {
			return err
		}
	}
	return nil
}

// docTitle is what the page header says beside the sheet's name: the inventory's year and site.
func (x *exporter) docTitle() string {
	return x.e.Lang.T("GHG inventory") + yearLabel("", x.e.ReportingYear) + " — " + x.e.Site
}

// headerMaxText bounds the user's text in a page header, in UTF-16 units: Excel takes at most
// 255 for a header's codes and texts together.
const headerMaxText = 200

// headerText is s as a page header shows it: "&" starts a code there, so it is doubled, and a
// long text is cut, with an ellipsis.
func headerText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if r == '&' {
			w = 2
		}
		if n+w > headerMaxText-1 {
			b.WriteRune('…')
			break
		}
		n += w
		if r == '&' {
			b.WriteString("&&")
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
