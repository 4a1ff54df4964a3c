package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/lang"
	kflate "github.com/klauspost/compress/flate"

	"github.com/xuri/excelize/v2"
)

// A workbook is checked before excelize opens it, because excelize cannot tell a user what is
// wrong with a file that is not a clean .xlsx package, and reads some damage silently: it
// ignores the error of a part that stops short (a truncated sheet would lose rows), and it
// unpacks a part of any declared size under its limit to a temporary file before looking at
// it (a zip bomb would cost seconds and a gigabyte of disk).
//
// The check reads every part once, as a stream, which also shows what excelize's Rows does
// not: the formula cells that hold no computed value (Rows gives "" for them, which must
// never be read as blank or 0) and the merged ranges.

// Bounds on what a package may unpack to. A million-row sheet is about 400 MB of XML that
// zips about 10:1; a zip bomb unpacks hundreds of times its size.
const (
	// MaxRatio is the most a package larger than ratioFloor may unpack to, per byte on disk.
	MaxRatio   = 100
	ratioFloor = 64 << 20
	// maxUncomputed bounds the formula cells without a value remembered per sheet.
	maxUncomputed = 1 << 20
	// maxValue bounds the text between two tags of a sheet or of the shared strings: an
	// Excel cell holds at most 32,767 characters (under 200 KiB of XML, escaped), and excelize
	// would hold a longer one in memory several times over.
	maxValue = 1 << 20
)

// ErrUnreadable is the kind of every error of inspectPackage: the file is not a workbook
// footprint can read. Tests match it, not the message.
var ErrUnreadable = errors.New("unreadable workbook")

// unreadable is a file-level problem: why the file cannot be read, as a sentence that ends
// the message "cannot read the workbook: …".
type unreadable struct {
	cause  string // "encrypted", "xls", "text", "damaged", "zip-bomb", "too-large", "empty", "not-xlsx"
	reason string
	// format and args are the reason's, for its translation (In).
	format string
	args   []any
}

func (e *unreadable) Error() string { return e.reason }
func (e *unreadable) Unwrap() error { return ErrUnreadable }

// In is the reason in the language l. English is Error's text as it is.
func (e *unreadable) In(l lang.Lang) string {
	if !l.IsFrench() {
		return e.reason
	}
	return l.T(e.format, e.args...)
}

// refuse is a file-level refusal; format is a catalogue key (lang.Key), translated by In.
func refuse(cause, format string, args ...any) error {
	return &unreadable{cause: cause, reason: fmt.Sprintf(format, args...), format: format, args: args}
}

// refuseText is refuse with a reason that holds no verb.
func refuseText(cause, reason string) error {
	return &unreadable{cause: cause, reason: reason, format: reason}
}

// oleMagic starts a Compound File: an old .xls workbook, or an encrypted .xlsx (Excel wraps
// the encrypted package in one, with EncryptionInfo and EncryptedPackage streams).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// cellPos is a 1-based row and column.
type cellPos struct{ row, col int }

// mergedRange is a rectangle of merged cells; only its top-left cell holds a value.
type mergedRange struct {
	ref         string // "A2:A4"
	first, last cellPos
	warned      bool
}

func (m *mergedRange) contains(p cellPos) bool {
	return p.row >= m.first.row && p.row <= m.last.row && p.col >= m.first.col && p.col <= m.last.col
}

// sheetScan is what the check saw in one worksheet part.
type sheetScan struct {
	uncomputed map[int][]int // row → columns of formula cells without a computed value
	count      int
	overflow   bool // more than maxUncomputed such cells
	// bools are the cells holding a true/false value (t="b"), row → columns: the readers give
	// them as 1 and 0, as excelize does, and the loader must not take them for numbers.
	bools        map[int][]int
	boolCount    int
	boolOverflow bool // more than maxUncomputed such cells
	// Cells formatted as dates (when the styles are known: styles non-nil), row → columns.
	styles     dateStyles
	dates      map[int][]int
	dateCount  int
	datesKnown bool // styles were read and no more than maxUncomputed date cells seen
	// lastRow is the last row holding a cell: excelize's Rows stops without an error at XML
	// it cannot decode, so the reader compares where it stopped with this.
	lastRow int
	// beyond is the first row or cell reference beyond Excel's limits, as written: excelize
	// stops there and names the cell it counted, which is another.
	beyond string
	part   string // the worksheet part, in lower case
	merged []*mergedRange
	// notes, in the fast path, gets the date and formula cells the scan finds instead of the
	// maps, for the loader's side of the pipe.
	notes *scanNotes
	// The merged ranges over the row being read (see sheetReader.unmerge).
	mergedSorted bool
	nextMerged   int
	active       []*mergedRange
}

// isDate reports whether a cell is formatted as a date, and whether the scan knows.
func (s *sheetScan) isDate(p cellPos) (date, known bool) {
	if s == nil || !s.datesKnown {
		return false, false
	}
	if len(s.dates) == 0 { // a sheet without dates: no lookup per cell
		return false, true
	}
	return slices.Contains(s.dates[p.row], p.col), true
}

func (s *sheetScan) isUncomputed(p cellPos) bool {
	if s == nil {
		return false
	}
	for _, c := range s.uncomputed[p.row] {
		if c == p.col {
			return true
		}
	}
	return false
}

// isBool reports whether a cell holds a true/false value.
func (s *sheetScan) isBool(p cellPos) bool {
	return s != nil && slices.Contains(s.bools[p.row], p.col)
}

// packageInfo is what the check learnt of a package: each sheet's scan, by sheet name.
type packageInfo struct {
	sheets map[string]*sheetScan
	// renamed, when two sheets share a name, is workbook.xml with them told apart
	// (renameDuplicateSheets): what excelize must read instead.
	renamed []byte
	zr      *zip.Reader
	styles  dateStyles
}

// dateStyles are the cell styles (indexes into styles.xml's cellXfs) that show a date; nil
// when the package has no readable styles part.
type dateStyles map[int]bool

// readDateStyles reads styles.xml for the cell styles whose number format is a date, so
// that the sheet scan can note date cells while it streams, instead of loading whole sheets
// through excelize's GetCellStyle.
func readDateStyles(zr *zip.Reader) dateStyles {
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "xl/styles.xml") || f.UncompressedSize64 > unzipXMLSizeLimit {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		var st struct {
			NumFmts []struct {
				ID   int    `xml:"numFmtId,attr"`
				Code string `xml:"formatCode,attr"`
			} `xml:"numFmts>numFmt"`
			Xfs []struct {
				NumFmtID int `xml:"numFmtId,attr"`
			} `xml:"cellXfs>xf"`
		}
		if xml.NewDecoder(io.LimitReader(rc, unzipXMLSizeLimit)).Decode(&st) != nil {
			return nil
		}
		custom := map[int]string{}
		for _, n := range st.NumFmts {
			custom[n.ID] = n.Code
		}
		ds := dateStyles{}
		for i, xf := range st.Xfs {
			if isDateNumFmt(xf.NumFmtID, custom[xf.NumFmtID]) {
				ds[i] = true
			}
		}
		return ds
	}
	return nil
}

// inspectPackage checks a workbook's bytes and scans its sheets; with skipSheets it checks
// every part but the worksheets, which the fast path scans as it reads them. Its errors wrap
// ErrUnreadable.
func inspectPackage(ra io.ReaderAt, size int64, skipSheets bool) (*packageInfo, error) {
	head := make([]byte, min(size, 4096))
	if _, err := ra.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, refuse("damaged", lang.Key("it cannot be read (%v)"), err)
	}
	if bytes.HasPrefix(head, oleMagic) {
		// an Office file of the 97–2003 kind: whether it is encrypted needs all of it
		head = make([]byte, size)
		if _, err := ra.ReadAt(head, 0); err != nil && err != io.EOF {
			return nil, refuse("damaged", lang.Key("it cannot be read (%v)"), err)
		}
	}
	if err := sniff(head); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, refuse("damaged", lang.Key("it is damaged or truncated: its zip directory cannot be read (%v); copy the file again from where it came from"), err)
	}
	// klauspost/compress inflates about a third faster than compress/flate (bench: floor).
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return kflate.NewReader(r) })
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > unzipSizeLimit {
		return nil, refuse("zip-bomb", lang.Key("it would unpack to %d MiB, more than the %d MiB footprint reads (a damaged or hostile file, such as a zip bomb)"), total>>20, unzipSizeLimit>>20)
	}
	if total > ratioFloor && total > MaxRatio*uint64(size) {
		return nil, refuse("zip-bomb", lang.Key("it would unpack to %d MiB, %d times its %d KiB on disk; real workbooks unpack to less than %d times their size, so it is refused as a zip bomb"), total>>20, total/uint64(max(size, 1)), size>>10, MaxRatio)
	}
	if err := checkOOXML(zr); err != nil {
		return nil, err
	}
	styles := readDateStyles(zr)
	info := &packageInfo{sheets: map[string]*sheetScan{}, zr: zr, styles: styles}
	scans := map[string]*sheetScan{}
	var workbook, rels []byte
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		var scan *sheetScan
		var keep *[]byte
		switch {
		case isWorksheet(name):
			scan = &sheetScan{styles: styles, datesKnown: styles != nil}
			scans[name] = scan
			if skipSheets {
				continue
			}
		case name == "xl/sharedstrings.xml":
			scan = &sheetScan{} // for its values' length only
		case name == "xl/workbook.xml":
			keep = &workbook
		case name == "xl/_rels/workbook.xml.rels":
			keep = &rels
		}
		if err := readPart(f, scan, keep); err != nil {
			return nil, err
		}
	}
	info.renamed = renameDuplicateSheets(workbook)
	for sheet, part := range sheetParts(workbook, rels) {
		if s := scans[part]; s != nil {
			s.part = part
			info.sheets[sheet] = s
		}
	}
	return info, nil
}

// note adds what a scanning goroutine found to the loader's scan.
func (s *sheetScan) note(dates, uncomputed, bools []cellPos) {
	for _, d := range dates {
		s.addDate(d)
	}
	for _, u := range uncomputed {
		s.addUncomputed(u)
	}
	for _, b := range bools {
		s.addBool(b)
	}
}

// unsure reports that the scan saw too many formula or date cells to remember them: only the
// checked path reads such a sheet.
func (s *sheetScan) unsure() bool {
	return s.overflow || s.boolOverflow || (s.styles != nil && !s.datesKnown)
}

// freshScans gives every sheet an empty scan, for reading the package again.
func (info *packageInfo) freshScans() {
	for name, s := range info.sheets {
		info.sheets[name] = &sheetScan{styles: s.styles, datesKnown: s.styles != nil, part: s.part}
	}
}

func isWorksheet(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
}

// withWorkbook is the package with workbook.xml replaced by wb, every other part copied as
// it is (still compressed).
func withWorkbook(zr *zip.Reader, wb []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")) != "xl/workbook.xml" {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(wb); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}

// stubSheets is the package with every worksheet emptied, for excelize to read the workbook's
// structure (sheet names and order, visibility, date system) without unpacking the sheets,
// which the fast path streams itself.
func stubSheets(zr *zip.Reader) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if !isWorksheet(strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))) {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// checkOOXML names a zip file that is not an Office Open XML package: an OpenDocument
// spreadsheet (.ods) saved by LibreOffice, or any other zip.
func checkOOXML(zr *zip.Reader) error {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "[Content_Types].xml") {
			return nil
		}
	}
	for _, f := range zr.File {
		if f.Name == "mimetype" && f.UncompressedSize64 < 128 {
			if rc, err := f.Open(); err == nil {
				mt, _ := io.ReadAll(io.LimitReader(rc, 128))
				rc.Close()
				if strings.Contains(string(mt), "opendocument.spreadsheet") {
					return refuseText("ods", lang.Key("it is an OpenDocument spreadsheet (.ods), not an .xlsx; open it in LibreOffice or Excel and save it as an Excel workbook (.xlsx)"))
				}
			}
		}
	}
	return refuseText("not-xlsx", lang.Key("it is a zip file but not an Excel workbook (it has no [Content_Types].xml); save the data as an Excel workbook (.xlsx)"))
}

// sniff names what a file is when it is not a zip package at all.
func sniff(data []byte) error {
	switch {
	case len(data) == 0:
		return refuseText("empty", lang.Key("it is empty (0 bytes)"))
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, utf16le("EncryptionInfo")) || bytes.Contains(data, utf16le("EncryptedPackage")) {
			return refuseText("encrypted", lang.Key("it is password-protected: footprint cannot read encrypted workbooks; save an unprotected copy (in Excel: File > Info > Protect Workbook > Encrypt with Password, and clear the password)"))
		}
		return refuseText("xls", lang.Key("it is an old Excel 97–2003 workbook (.xls) or another Office file, not an .xlsx; open it in Excel or LibreOffice and save it as .xlsx"))
	case bytes.HasPrefix(data, []byte("PK")):
		return nil
	case looksLikeText(data):
		return refuseText("text", lang.Key("it is a text file (a CSV?), not an .xlsx workbook; open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)"))
	}
	return refuseText("not-xlsx", lang.Key("it is not an .xlsx workbook (an .xlsx is a zip package, and this file does not start like one)"))
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for len(head) > 0 {
		r, n := utf8.DecodeRune(head)
		if r == utf8.RuneError && n == 1 && len(head) >= utf8.UTFMax {
			return false
		}
		head = head[n:]
	}
	return true
}

// readPart unpacks one part, checking that it is whole: archive/zip stops a part that
// unpacks to more than its declared size and checks the CRC at its end. A worksheet is
// scanned on the way; the parts kept are small (workbook.xml and its relationships).
func readPart(f *zip.File, scan *sheetScan, keep *[]byte) error {
	damaged := func(err error) error {
		return refuse("damaged", lang.Key("it is damaged or truncated: its part %s cannot be unpacked (%v); copy the file again from where it came from"), emissions.Clip(f.Name), err)
	}
	rc, err := f.Open()
	if err != nil {
		return damaged(err)
	}
	defer rc.Close()
	cr := &countingReader{r: rc}
	var r io.Reader = cr
	switch {
	case scan != nil:
		err = scan.read(cr)
	case keep != nil:
		*keep, err = io.ReadAll(io.LimitReader(cr, unzipXMLSizeLimit))
	default:
		_, err = io.Copy(io.Discard, r)
	}
	if err != nil {
		if errors.Is(err, zip.ErrFormat) && longerThanDeclared(f) {
			return refuse("damaged", lang.Key("it is damaged or hostile: its part %s unpacks to more than the %d bytes its zip header declares"), emissions.Clip(f.Name), f.UncompressedSize64)
		}
		var se *syntaxError
		if errors.As(err, &se) {
			return refuse("damaged", lang.Key("it is damaged: its part %s %s"), emissions.Clip(f.Name), se.msg)
		}
		return damaged(err)
	}
	return nil
}

// longerThanDeclared reports whether a part unpacks to more than its header declares, as a
// bomb with lying headers does (archive/zip stops it with ErrFormat, which says less). It
// unpacks at most one byte more than declared.
func longerThanDeclared(f *zip.File) bool {
	raw, err := f.OpenRaw()
	if err != nil || f.Method != zip.Deflate {
		return false
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(flate.NewReader(raw), int64(f.UncompressedSize64)+1))
	return uint64(n) > f.UncompressedSize64
}

type countingReader struct {
	r io.Reader
	n uint64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += uint64(n)
	return n, err
}

type syntaxError struct{ msg string }

func (e *syntaxError) Error() string { return e.msg }

// read scans a worksheet's XML for what excelize's Rows does not report: formula cells
// without a cached value (<c><f>…</f></c> with no <v>) and merged ranges. It is a scan of
// tags, not an XML parse: fast enough to cost little next to excelize's own reading, and it
// reads on past XML a parser would stop at, to see every cell of a damaged part.
func (s *sheetScan) read(r io.Reader) error {
	z := newXMLTokenizer(r, 64<<10, maxValue)
	row, col := 0, 0
	inCell, sawF, sawV, isBool := false, false, false, false
	cell := cellPos{}
	for z.next() {
		t := z.token()
		if !z.markup {
			if e := checkEntities(t); e != nil {
				return e
			}
			continue
		}
		if bytes.HasPrefix(t, []byte("<!DOCTYPE")) || bytes.HasPrefix(t, []byte("<!ENTITY")) {
			// No workbook declares a DTD; excelize would read its entities as blanks.
			return &syntaxError{"declares a DOCTYPE, which no Excel workbook does (a hostile file?)"}
		}
		if e := checkEntities(t); e != nil {
			return e
		}
		name, end, selfClosing := tagName(t)
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		switch string(name) {
		case "row":
			if end {
				continue
			}
			if v, ok := z.attr("r"); ok {
				if n, err := strconv.Atoi(string(v)); err == nil && n > 0 && n <= excelize.TotalRows {
					row = n
				} else if err == nil && n > excelize.TotalRows {
					s.noteBeyond(v)
				}
			} else {
				row++
			}
			col = 0
		case "c":
			if end {
				if inCell && sawF && !sawV {
					s.addUncomputed(cell)
				}
				if inCell && isBool && sawV {
					s.addBool(cell)
				}
				inCell = false
				continue
			}
			col = min(col+1, excelize.MaxColumns+1)
			if v, ok := z.attr("r"); ok {
				if c, r, ok := cellRef(v); ok {
					col, row = c, r
				} else if refBeyondLimits(v) {
					s.noteBeyond(v)
				}
			}
			cell = cellPos{row, col}
			inCell, sawF, sawV = !selfClosing, false, false
			v, ok := z.attr("t")
			isBool = ok && string(v) == "b"
			if inCell {
				s.lastRow = max(s.lastRow, row)
			}
			if s.datesKnown && len(s.styles) > 0 { // no date style, no date cell
				if v, ok := z.attr("s"); ok {
					if id, err := strconv.Atoi(string(v)); err == nil && s.styles[id] {
						s.addDate(cell)
					}
				}
			}
		case "f":
			if !end && inCell {
				sawF = true
			}
		case "v", "is":
			if !end && inCell {
				sawV = true
			}
		case "mergeCell":
			if end {
				continue
			}
			if v, ok := z.attr("ref"); ok {
				if m := parseRange(string(v)); m != nil && len(s.merged) < maxUncomputed {
					s.merged = append(s.merged, m)
				}
			}
		}
	}
	switch {
	case z.err != nil:
		return z.err
	case z.tooLong && z.markup:
		return &syntaxError{"has a tag longer than 1 MiB"}
	case z.tooLong:
		return &syntaxError{fmt.Sprintf("holds a value of more than %d KiB, longer than any Excel cell (%d characters)", maxValue>>10, excelize.TotalCellChars)}
	}
	return nil // the end, or a tag the part ends in
}

// checkEntities refuses an entity reference XML does not define (&name; beyond &amp; &lt;
// &gt; &quot; &apos; and character references) or a bare &: excelize's Rows ignores the
// decoding error they cause and reads the rest of the row as blank, and stops the sheet
// there without a word.
func checkEntities(b []byte) error {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return nil
		}
		b = b[i+1:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > maxEntity {
			return &syntaxError{"holds a bare & (not written as &amp;): its XML is damaged"}
		}
		name := b[:j]
		if _, ok := predefined(name); !ok {
			if _, ok := charRef(name); !ok {
				return &syntaxError{fmt.Sprintf("uses the entity &%s; that XML does not define (a hostile or damaged file)", emissions.Clip(string(name)))}
			}
		}
		b = b[j+1:]
	}
}

// cellRef reads an A1 reference without allocating (the scan meets one per cell).
func cellRef(b []byte) (col, row int, ok bool) {
	i := 0
	for ; i < len(b) && i < 3; i++ {
		c := b[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	if i == 0 || i == len(b) {
		return 0, 0, false
	}
	for _, d := range b[i:] {
		if d < '0' || d > '9' || row > excelize.TotalRows {
			return 0, 0, false
		}
		row = row*10 + int(d-'0')
	}
	return col, row, row > 0 && row <= excelize.TotalRows && col <= excelize.MaxColumns
}

// refBeyondLimits reports whether b is an A1 reference, letters then digits, to a column after
// XFD or a row after 1,048,576.
func refBeyondLimits(b []byte) bool {
	letters := 0
	for letters < len(b) && (b[letters]|0x20) >= 'a' && (b[letters]|0x20) <= 'z' {
		letters++
	}
	digits := b[letters:]
	if letters == 0 || len(digits) == 0 || digits[0] == '0' || bytes.ContainsFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) {
		return false
	}
	col := 0
	for _, c := range b[:min(letters, 4)] {
		col = col*26 + int(c|0x20-'a'+1)
	}
	row, err := strconv.Atoi(string(digits))
	return letters > 3 || col > excelize.MaxColumns || err != nil || row > excelize.TotalRows
}

func (s *sheetScan) noteBeyond(ref []byte) {
	if s.beyond == "" {
		s.beyond = emissions.Clip(string(ref))
	}
}

func (s *sheetScan) addDate(p cellPos) {
	if s.notes != nil {
		if s.dateCount++; s.dateCount > maxUncomputed {
			s.notes.unknown = true
		} else {
			s.notes.dates = append(s.notes.dates, p)
		}
		return
	}
	if s.dateCount >= maxUncomputed {
		s.datesKnown, s.dates = false, nil // too many to remember: ask excelize instead
		return
	}
	if s.dates == nil {
		s.dates = map[int][]int{}
	}
	s.dates[p.row] = append(s.dates[p.row], p.col)
	s.dateCount++
}

func (s *sheetScan) addUncomputed(p cellPos) {
	if s.notes != nil {
		if s.count++; s.count > maxUncomputed {
			s.notes.unknown = true
		} else {
			s.notes.uncomputed = append(s.notes.uncomputed, p)
		}
		return
	}
	if s.count >= maxUncomputed {
		s.overflow = true
		return
	}
	if s.uncomputed == nil {
		s.uncomputed = map[int][]int{}
	}
	s.uncomputed[p.row] = append(s.uncomputed[p.row], p.col)
	s.count++
}

func (s *sheetScan) addBool(p cellPos) {
	if s.notes != nil {
		if s.boolCount++; s.boolCount > maxUncomputed {
			s.notes.unknown = true
		} else {
			s.notes.bools = append(s.notes.bools, p)
		}
		return
	}
	if s.boolCount >= maxUncomputed {
		s.boolOverflow = true
		return
	}
	if s.bools == nil {
		s.bools = map[int][]int{}
	}
	s.bools[p.row] = append(s.bools[p.row], p.col)
	s.boolCount++
}

func parseRange(ref string) *mergedRange {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return nil
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return nil
	}
	return &mergedRange{ref: ref, first: cellPos{min(r1, r2), min(c1, c2)}, last: cellPos{max(r1, r2), max(c1, c2)}}
}

// sheetParts maps sheet names to their worksheet parts (lower case), from workbook.xml and
// its relationships; none when either cannot be read. The streamed annotate finds the parts it
// rewrites through it, as the loader does. Two sheets with one name (a hand-edited package:
// Excel refuses it) are told apart as uniqueSheetNames names them: "Name" and "Name (2)".
func sheetParts(workbook, rels []byte) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rs struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	if xml.Unmarshal(workbook, &wb) != nil || xml.Unmarshal(rels, &rs) != nil {
		return out
	}
	targets := map[string]string{}
	for _, r := range rs.Rels {
		t := strings.ToLower(strings.ReplaceAll(r.Target, `\`, "/"))
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	names := make([]string, len(wb.Sheets))
	for i, s := range wb.Sheets {
		names[i] = s.Name
	}
	unique := uniqueSheetNames(names)
	for i, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			out[unique[i]] = t
		}
	}
	return out
}

// uniqueSheetNames names each sheet of a workbook: by its name, or, for a sheet whose name
// an earlier sheet has (ignoring case, as Excel and excelize compare them), by its name and
// its rank: "Energy", "Energy (2)".
func uniqueSheetNames(names []string) []string {
	out := make([]string, len(names))
	taken := map[string]bool{}
	for _, n := range names {
		taken[strings.ToLower(n)] = true
	}
	count := map[string]int{}
	for i, n := range names {
		k := strings.ToLower(n)
		count[k]++
		out[i] = n
		if count[k] == 1 {
			continue
		}
		for r := count[k]; ; r++ {
			u := fmt.Sprintf("%s (%d)", n, r)
			if !taken[strings.ToLower(u)] {
				out[i], taken[strings.ToLower(u)] = u, true
				break
			}
		}
	}
	return out
}

// sheetNameAttr is a sheet element's name attribute in workbook.xml.
var sheetNameAttr = regexp.MustCompile(`(<(?:[A-Za-z_][\w.-]*:)?sheet\s[^>]*?\bname=")([^"]*)(")`)

// renameDuplicateSheets is workbook.xml with each sheet named as uniqueSheetNames names it,
// so that excelize, which finds a sheet by its name, reads every sheet once and names them
// as the messages do; nil when no two sheets share a name.
func renameDuplicateSheets(workbook []byte) []byte {
	attrs := sheetNameAttr.FindAllSubmatch(workbook, -1)
	names := make([]string, len(attrs))
	for i, m := range attrs {
		var v struct {
			Name string `xml:"n,attr"`
		}
		if xml.Unmarshal([]byte(`<x n="`+string(m[2])+`"/>`), &v) != nil {
			return nil
		}
		names[i] = v.Name
	}
	unique := uniqueSheetNames(names)
	if slices.Equal(unique, names) {
		return nil
	}
	i := 0
	return sheetNameAttr.ReplaceAllFunc(workbook, func(m []byte) []byte {
		sub := sheetNameAttr.FindSubmatch(m)
		name := string(sub[2])
		if unique[i] != names[i] {
			var b bytes.Buffer
			xml.EscapeText(&b, []byte(unique[i][len(names[i]):])) // the " (2)" added
			name += b.String()
		}
		i++
		return append(append(append([]byte{}, sub[1]...), name...), sub[3]...)
	})
}
