package workbook

import (
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// After the rows, a text longer than the quick reader's buffer may hold does not end its
// check of the part: it gives up, as it does on such a text among the rows, and the workbook
// is read the checked way (which refuses the value, and would apply the merged cells after it).
func TestQuickReaderTailPastALongText(t *testing.T) {
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c><c r="B1" t="inlineStr"><is><t>Site</t></is></c><c r="C1" t="inlineStr"><is><t>Activity</t></is></c><c r="D1" t="inlineStr"><is><t>Quantity</t></is></c><c r="E1" t="inlineStr"><is><t>Unit</t></is></c></row>`
	rows := `<row r="2"><c r="A2"><v>2024</v></c><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>test.steel</t></is></c><c r="D2"><v>1</v></c><c r="E2" t="inlineStr"><is><t>t</t></is></c></row>` +
		`<row r="3"><c r="A3"><v>2024</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="inlineStr"><is><t>test.steel</t></is></c><c r="D3"><v>2</v></c><c r="E3" t="inlineStr"><is><t>t</t></is></c></row>`
	after := `<extLst><ext uri="{00000000-0000-0000-0000-000000000000}"><x>` + strings.Repeat("a", 2*maxValue) + `</x></ext></extLst>` +
		`<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>`
	b := rawWorkbook(t, false, []string{"<t>Main</t>", "<t>Other</t>"}, []rawSheet{{name: "Energy", data: header + rows, after: after}})
	stats := &readStats{}
	Read(&emissions.Input{}, "w.xlsx", strings.NewReader(string(b)), Options{quickOnly: true, stats: stats})
	if stats.quick != 0 {
		t.Errorf("the quick reader read a sheet whose tail it did not check to the end")
	}
	fastVsChecked(t, "w.xlsx", b, Options{})
}

// A "]]>" in a value, which encoding/xml refuses (excelize then reads the rest of the row as
// blank), sends the workbook to the readers that read it so: the quick reader read it as text.
func TestQuickReaderLeavesCDATAEnd(t *testing.T) {
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>Year</t></is></c><c r="D1" t="inlineStr"><is><t>Activity</t></is></c><c r="E1" t="inlineStr"><is><t>Quantity</t></is></c><c r="F1" t="inlineStr"><is><t>Unit</t></is></c></row>`
	row := `<row r="2"><c r="A2"><v>2024</v></c><c r="D2" t="inlineStr"><is><t>test.steel]]>x</t></is></c><c r="E2"><v>1</v></c><c r="F2" t="inlineStr"><is><t>t</t></is></c></row>`
	b := rawWorkbook(t, false, nil, []rawSheet{{name: "Energy", data: header + row}})
	fastVsChecked(t, "cdata.xlsx", b, Options{DefaultSite: "Main"})
}
