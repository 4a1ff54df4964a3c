package workbook_test

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook"
	"github.com/xuri/excelize/v2"
)

// FuzzAnnotateStream: whatever a worksheet's XML, the streamed copy either falls back or
// reads back as excelize's copy, its rows and cells in order. The fuzzer edits the XML of a
// small activity sheet, annotated before or not.
func FuzzAnnotateStream(f *testing.F) {
	base := func() []byte {
		x := excelize.NewFile()
		defer x.Close()
		for i, r := range [][]any{
			{"Year", "Site", "Pole", "Activity", "Quantity", "Unit"},
			{2024, "Flins", "RE-TROFIT", "fr.natural-gas.pcs", 1000, "kWh"},
			{2024, "Flins", "RE-TROFIT", "fr.nope", 1000, "kWh"},
		} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow("Sheet1", cell, &r)
		}
		var buf bytes.Buffer
		x.Write(&buf)
		return buf.Bytes()
	}()
	f.Add(`<row r="4"><c r="A4"><v>2024</v></c><c r="B4" t="inlineStr"><is><t>Flins</t></is></c><c r="C4" t="inlineStr"><is><t>RE-TROFIT</t></is></c><c r="D4" t="inlineStr"><is><t>fr.electricity.grid</t></is></c><c r="E4"><v>3</v></c><c r="F4" t="inlineStr"><is><t>MWh</t></is></c><c r="J4" s="1"/></row>`)
	f.Add(`<row><c><v>2025</v></c><c t="inlineStr"><is><t>Flins</t></is></c></row><row r="9"><c r="H9" t="inlineStr"><is><t> </t></is></c></row>`)
	f.Add(`<row r="4" s="1" customFormat="1"><c r="A4"><v>2024</v></c><c r="K4"><f>1+1</f><v>2</v></c></row>`)
	f.Add(`<row r="5"><c r="L5" t="inlineStr"><is><t>footprint tCO2e</t></is></c></row>`)
	cfg := annotateConfig(f)
	// the same sheet annotated: the edits then meet a previous annotation to remove
	annotated := func() []byte {
		a, _ := annotationOf(f, cfg, base)
		var buf bytes.Buffer
		if n, err := workbook.WriteAnnotatedStream(bytes.NewReader(base), int64(len(base)), &buf, a); err != nil || n.Fallback != "" {
			f.Fatalf("the base is not streamed: %v %s", err, n.Fallback)
		}
		return buf.Bytes()
	}()
	long := regexp.MustCompile(`[0-9]{5}`)
	f.Fuzz(func(t *testing.T, rows string) {
		if long.MatchString(rows) {
			return // a row far down: excelize's copy fills every row before it, for minutes
		}
		base := base
		if len(rows)%2 == 1 {
			base = annotated
		}
		data := editPart(t, base, "xl/worksheets/sheet1.xml", func(s string) string {
			return string(bytes.Replace([]byte(s), []byte("</sheetData>"), []byte(rows+"</sheetData>"), 1))
		})
		in := &emissions.Input{}
		workbook.Read(in, "in.xlsx", bytes.NewReader(data), workbook.Options{Aliases: cfg.Aliases(), DefaultSite: cfg.Site})
		if in.Problems.Fatal() > 0 || len(in.Sheets) == 0 {
			return
		}
		if x, err := excelize.OpenReader(bytes.NewReader(data)); err != nil {
			return
		} else {
			x.Close()
		}
		a, _ := annotationOf(t, cfg, data)
		var streamed, oracle bytes.Buffer
		n, err := workbook.WriteAnnotatedStream(bytes.NewReader(data), int64(len(data)), &streamed, a)
		if err != nil || n.Fallback != "" {
			return
		}
		if _, err := workbook.WriteAnnotatedExcelize(bytes.NewReader(data), &oracle, a); err != nil {
			return
		}
		sameWorkbook(t, streamed.Bytes(), oracle.Bytes())
		orderedCells(t, streamed.Bytes())
	})
}
