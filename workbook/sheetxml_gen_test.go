package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
)

// rawWorkbook writes a workbook part by part, so that its sheets hold what excelize's writer
// never makes but other tools do: inline and rich strings, cells without r, rows out of order,
// formulas without cached values, errors, escapes, unusual spacing.
func rawWorkbook(t testing.TB, date1904 bool, sst []string, sheets []rawSheet) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	var ct, wbSheets, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
	for i, s := range sheets {
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		state := ""
		if s.hidden {
			state = ` state="hidden"`
		}
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+3)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+3, i+1)
	}
	ct.WriteString(`</Types>`)
	put("[Content_Types].xml", ct.String())
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook `+ns+`>`+pr+`<sheets>`+wbSheets.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`+rels.String()+`</Relationships>`)
	put("xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>`)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(sst), len(sst))
	for _, s := range sst {
		sb.WriteString("<si>" + s + "</si>")
	}
	sb.WriteString("</sst>")
	put("xl/sharedStrings.xml", sb.String())
	for i, s := range sheets {
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<worksheet `+ns+`><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>`+s.data+`</sheetData>`+s.after+`</worksheet>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type rawSheet struct {
	name        string
	hidden      bool
	data, after string
}

// sstItems are shared strings of every shape: plain, rich runs, phonetic runs, entities,
// preserved space, empty, and the _xHHHH_ escapes excelize decodes.
var sstItems = []string{
	`<t>Year</t>`, `<t>Activity</t>`, `<t>Quantity</t>`, `<t>Unit</t>`, `<t>Site</t>`,
	`<t>test.steel</t>`, `<t>kWh</t>`, `<t xml:space="preserve"> Main </t>`,
	`<r><t>Us</t></r><r><rPr><b/><sz val="11"/></rPr><t>ine 2</t></r>`,
	`<t>Émile &amp; fils &lt;b&gt;</t>`, `<t/>`, `<t></t>`, `<t>a_x000D_b</t>`,
	`<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>`,
	`<t>&#x41;&#66;&quot;&apos;</t>`, `<t>multi
line	tab</t>`, `<r><t>only run</t></r>`,
}

var numbers = []string{"2024", "1.5E+3", "-0", "0", "1e-7", "12345678901234567890", " 42 ", "3.14159", "45292", "1462", "-1.5", ".5", "1E308", ""}

// rawRows generates sheet data from r.
func rawRows(r *rand.Rand, nsst int) string {
	var b strings.Builder
	row := 0
	for range 1 + r.IntN(25) {
		row += 1 + r.IntN(3)*r.IntN(2)
		attrs := ""
		switch r.IntN(6) {
		case 0: // no r
		case 1:
			attrs += fmt.Sprintf(` r="%d" hidden="1"`, row)
		case 2:
			attrs += fmt.Sprintf(` spans="1:5" r="%d" ht="20" customHeight="1"`, row)
		default:
			attrs += fmt.Sprintf(` r="%d"`, row)
		}
		if r.IntN(15) == 0 {
			b.WriteString(fmt.Sprintf(`<row%s/>`, attrs))
			continue
		}
		b.WriteString(fmt.Sprintf(`<row%s>`, attrs))
		col := 0
		for range r.IntN(9) {
			col += 1 + r.IntN(2)*r.IntN(3)
			ref := ""
			if r.IntN(5) != 0 {
				ref = fmt.Sprintf(` r="%s"`, emissions.CellName(col-1, row))
			}
			style := []string{"", ` s="1"`, ` s="2"`, ` s="3"`, ` s="0"`}[r.IntN(5)]
			switch r.IntN(12) {
			case 0:
				fmt.Fprintf(&b, `<c%s%s t="s"><v>%d</v></c>`, ref, style, r.IntN(nsst+2))
			case 1:
				fmt.Fprintf(&b, `<c%s%s t="inlineStr"><is>%s</is></c>`, ref, style, sstItems[r.IntN(len(sstItems))])
			case 2:
				fmt.Fprintf(&b, `<c%s%s t="b"><v>%d</v></c>`, ref, style, r.IntN(2))
			case 3:
				fmt.Fprintf(&b, `<c%s%s t="e"><f>1/0</f><v>#DIV/0!</v></c>`, ref, style)
			case 4:
				fmt.Fprintf(&b, `<c%s%s t="str"><f>A1&amp;"x"</f><v>text &amp; more</v></c>`, ref, style)
			case 5:
				fmt.Fprintf(&b, `<c%s%s><f>SUM(A1:A3)</f></c>`, ref, style)
			case 6:
				fmt.Fprintf(&b, `<c%s%s/>`, ref, style)
			case 7:
				fmt.Fprintf(&b, `<c%s%s><f t="shared" si="0"/><v>%s</v></c>`, ref, style, numbers[r.IntN(len(numbers))])
			case 8:
				fmt.Fprintf(&b, `<c%s%s t="s"><v></v></c>`, ref, style)
			case 9:
				fmt.Fprintf(&b, `<c%s%s t="d"><v>2024-03-01T00:00:00Z</v></c>`, ref, style)
			default:
				fmt.Fprintf(&b, `<c%s%s>
  <v>%s</v>
</c>`, ref, style, numbers[r.IntN(len(numbers))])
			}
		}
		b.WriteString(`</row>`)
		if r.IntN(20) == 0 { // a row out of order
			fmt.Fprintf(&b, `<row r="%d"><c r="B%d"><v>7</v></c></row>`, max(1, row-2), max(1, row-2))
		}
	}
	return b.String()
}

func generateRaw(t testing.TB, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 0xd1ff))
	var sst []string
	for range 1 + r.IntN(20) {
		sst = append(sst, sstItems[r.IntN(len(sstItems))])
	}
	var sheets []rawSheet
	for i := range 1 + r.IntN(3) {
		s := rawSheet{name: fmt.Sprintf("Sheet %d", i+1), hidden: i > 0 && r.IntN(3) == 0, data: rawRows(r, len(sst))}
		if r.IntN(3) == 0 {
			s.after = `<mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells>`
		}
		sheets = append(sheets, s)
	}
	return rawWorkbook(t, r.IntN(2) == 0, sst, sheets)
}

// Generated workbooks of many shapes, written part by part and by excelize: both readers
// give the same rows.
func TestSheetReaderDifferentialGenerated(t *testing.T) {
	fast, sheets := 0, 0
	for seed := range uint64(300) {
		data := generateRaw(t, seed)
		f, s := differ(t, data)
		fast, sheets = fast+f, sheets+s
	}
	for seed := range uint64(40) {
		for _, data := range generate(t, seed, 1).files {
			f, s := differ(t, data)
			fast, sheets = fast+f, sheets+s
		}
	}
	t.Logf("%d of %d sheets read by the fast reader to the end, the others handed over to excelize", fast, sheets)
	if fast < sheets/2 {
		t.Errorf("only %d of %d sheets read fast", fast, sheets)
	}
}
