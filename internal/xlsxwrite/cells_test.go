package xlsxwrite

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// streamWriterCell is how excelize's StreamWriter writes value in a cell of a sheet: the XML of
// the cell from its type on, e.g. ` t="inlineStr"><is><t>x</t></is></c>` or `><v>1.5</v></c>`.
func streamWriterCell(t testing.TB, value any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{value}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f2, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	// The sheet's XML as saved: the part holds it verbatim.
	x, ok := f2.Pkg.Load("xl/worksheets/sheet1.xml")
	if !ok {
		t.Fatal("no sheet1.xml")
	}
	m := regexp.MustCompile(`(?s)<c r="A1"(.*?</c>)</row>`).FindSubmatch(x.([]byte))
	if m == nil {
		t.Fatalf("no cell A1 in %s", x)
	}
	return string(m[1])
}

// surrogateSequence matches an _xHHHH_ sequence of a UTF-16 surrogate, which excelize's
// StreamWriter mishandles (it repeats the text before it) and lineRows escapes.
var surrogateSequence = regexp.MustCompile(`_x[dD][89a-fA-F][0-9a-fA-F]{2}_`)

// FuzzInlineTextMatchesStreamWriter: AppendInlineText writes any text as the StreamWriter
// does, but for surrogate sequences, which must at least read back as typed.
func FuzzInlineTextMatchesStreamWriter(f *testing.F) {
	for _, s := range []string{"", " a ", "<&>\"'", "\t\r\n", "\x00\x1f\x7f", "_x000D_", "_x005F_x0041_", "_x005F_xD800_",
		"é\xff\xfe", "\uFFFE", "a_x0041__x0042_", "_X00Ab_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > MaxCellChars {
			return // cut by the writers first (TruncateCell)
		}
		got := string(AppendInlineText(nil, s)) + `</t></is></c>`
		if surrogateSequence.MatchString(s) {
			return // reports' TestLinesWriterReadsBackAsTyped checks the reading back
		}
		want := streamWriterCell(t, s)
		if want != ` t="inlineStr">`+got {
			t.Errorf("%q:\n got %s\nwant %s", s, ` t="inlineStr">`+got, want)
		}
	})
}

// FuzzCellFloatMatchesStreamWriter: AppendCellFloat writes any finite number as the
// StreamWriter does.
func FuzzCellFloatMatchesStreamWriter(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 0.1 + 0.2, 1.0 / 3, 1e21, 1e-300, 5e-324, math.MaxFloat64,
		-math.MaxFloat64, 123456789012345678, 999999999999999.9, 1234567890.12345678} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return // refused before writing
		}
		got := `><v>` + string(AppendCellFloat(nil, v)) + `</v></c>`
		if want := streamWriterCell(t, v); got != want {
			t.Errorf("%v (%s):\n got %s\nwant %s", v, strconv.FormatFloat(v, 'g', -1, 64), got, want)
		}
	})
}
