package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/footprint/footprint/emissions"
	"github.com/xuri/excelize/v2"
)

// rowSource is how the loader reads a sheet, row by row: excelize's Rows, or the fast reader
// that gives the same rows (see fastRows).
type rowSource interface {
	Next() bool
	// Columns gives the current row's cells as excelize's
	// rows.Columns(excelize.Options{RawCellValue: true}) does.
	Columns() ([]string, error)
	Hidden() bool
	Error() error
	Close() error
}

// excelizeRows is excelize's own reader: the oracle of the fast one.
type excelizeRows struct{ rows *excelize.Rows }

func openExcelizeRows(f *excelize.File, sheet string) (rowSource, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	return &excelizeRows{rows}, nil
}

func (r *excelizeRows) Next() bool { return r.rows.Next() }
func (r *excelizeRows) Columns() ([]string, error) {
	return r.rows.Columns(excelize.Options{RawCellValue: true})
}
func (r *excelizeRows) Hidden() bool { return r.rows.GetRowOpts().Hidden }
func (r *excelizeRows) Error() error { return r.rows.Error() }
func (r *excelizeRows) Close() error { return r.rows.Close() }

// fastRows reads a worksheet's XML with the purpose-built tokenizer, following excelize's
// Rows and Columns step by step (the same row numbering, gaps, out-of-order rows and cells,
// and errors). When the tokenizer meets XML outside its subset, the sheet is handed over to
// excelize: its reader is replayed up to the current row, then used for the rest.
type fastRows struct {
	oracle rowSource // excelize's reader, opened, for a handover
	z      *subsetReader
	sst    *sharedStrings
	// the state of excelize's Rows
	err                 error
	curRow, seekRow     int
	pending             bool // the current token is a <row> start read ahead (rows.token)
	curHidden, seekHide bool
	done                bool // no more tokens
	// after a handover
	ex        rowSource
	delivered int // rows given by Next (each followed by Columns)
	cell      cellXML
	// scratch of columns, kept from row to row
	ends    []int
	sstVal  []string
	lastLen int
	closer  io.Closer
}

// cellXML is one <c> element as excelize's xlsxC holds it.
type cellXML struct {
	r, t   []byte
	hasR   bool
	v      []byte
	f      bool
	is     []byte
	hasIS  bool
	unsure bool // an inline string with escapes
}

func newFastRows(r io.Reader, sst *sharedStrings, oracle rowSource) *fastRows {
	return &fastRows{z: newSubsetReader(r), sst: sst, oracle: oracle}
}

// handover switches to excelize's reader, replaying the rows already given. inColumns says
// Next has returned true for the current row and its Columns is wanted.
func (fr *fastRows) handover(inColumns bool) {
	ex := fr.oracle
	fr.ex = ex
	n := fr.delivered
	if inColumns {
		n--
	}
	for range n {
		if !ex.Next() {
			break
		}
		_, _ = ex.Columns()
	}
	if inColumns {
		ex.Next()
	}
}

func (fr *fastRows) Next() bool {
	if fr.ex != nil {
		if fr.ex.Next() {
			fr.delivered++
			return true
		}
		return false
	}
	ok, err := fr.next()
	if err == errUnsure {
		fr.handover(false)
		return fr.Next()
	}
	if ok {
		fr.delivered++
	}
	return ok
}

// next is excelize's Rows.Next.
func (fr *fastRows) next() (bool, error) {
	if fr.err != nil {
		return false, nil
	}
	fr.seekRow++
	if fr.curRow >= fr.seekRow {
		fr.curHidden = fr.seekHide
		return true, nil
	}
	for {
		k, err := fr.token()
		if err != nil {
			return false, err
		}
		switch k {
		case tokEOF:
			return false, nil
		case tokStart:
			if string(fr.z.elem()) == "row" {
				fr.curRow++
				rowNum, _ := fr.intAttr("r")
				if rowNum > excelize.TotalRows {
					fr.err = fr.beyond(excelize.ErrMaxRows)
					return false, nil
				}
				if rowNum != 0 {
					fr.curRow = rowNum
				}
				fr.pending = true
				fr.curHidden = fr.hiddenAttr()
				return true, nil
			}
		case tokEnd:
			if string(fr.z.elem()) == "sheetData" {
				return false, nil
			}
		}
	}
}

// token reads the next token unless the current one is a <row> start read ahead.
func (fr *fastRows) token() (int, error) {
	if fr.done {
		return tokEOF, nil
	}
	k, err := fr.z.next(nil)
	if err != nil {
		return 0, errUnsure // a read error too: let excelize say what it makes of it
	}
	if k == tokEOF {
		fr.done = true
	}
	return k, nil
}

// intAttr is excelize's attrValToInt.
func (fr *fastRows) intAttr(local string) (int, error) {
	val := 0
	for i := range fr.z.attrs {
		if string(fr.z.attrLocal(i)) == local {
			v, err := atoi(fr.z.attrValue(i))
			if err != nil {
				return v, err
			}
			val = v
		}
	}
	return val, nil
}

func atoi(b []byte) (int, error) {
	if len(b) > 0 && len(b) < 10 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.Atoi(string(b))
			}
			n = n*10 + int(c-'0')
		}
		return n, nil
	}
	return strconv.Atoi(string(b))
}

// hiddenAttr is excelize's extractRowOpts(...).Hidden.
func (fr *fastRows) hiddenAttr() bool {
	val := false
	for i := range fr.z.attrs {
		if string(fr.z.attrLocal(i)) == "hidden" {
			v, err := strconv.ParseBool(string(fr.z.attrValue(i)))
			if err != nil {
				return false
			}
			val = v
		}
	}
	return val
}

func (fr *fastRows) Hidden() bool {
	if fr.ex != nil {
		return fr.ex.Hidden()
	}
	return fr.curHidden
}

func (fr *fastRows) Error() error {
	if fr.ex != nil {
		return fr.ex.Error()
	}
	return fr.err
}

func (fr *fastRows) Close() error {
	err := fr.oracle.Close()
	if fr.closer != nil {
		fr.closer.Close()
	}
	if fr.ex == nil {
		return fr.err
	}
	return err
}

func (fr *fastRows) Columns() ([]string, error) {
	if fr.ex != nil {
		return fr.ex.Columns()
	}
	cells, err := fr.columns()
	if err == errUnsure {
		fr.handover(true)
		return fr.ex.Columns()
	}
	return cells, err
}

// columns is excelize's Rows.Columns with RawCellValue.
func (fr *fastRows) columns() ([]string, error) {
	if fr.curRow > fr.seekRow {
		return nil, nil
	}
	var (
		cellCol int
		out     []string
		// a fresh buffer for each row (its strings point into it), of the last row's size
		buf = make([]byte, 0, fr.lastLen)
		// value i is buf[ends[i-1]:ends[i]], or an SST string when sstVal[i] is set
		ends    = fr.ends[:0]
		sstVal  = fr.sstVal[:0]
		iterErr error
	)
	finish := func() []string {
		fr.ends, fr.sstVal, fr.lastLen = ends, sstVal, cap(buf)
		if len(ends) == 0 {
			return out
		}
		s := unsafe.String(unsafe.SliceData(buf), len(buf))
		out = make([]string, len(ends))
		prev := 0
		for i, e := range ends {
			if sstVal[i] != "" {
				out[i], sstVal[i] = sstVal[i], "" // the scratch keeps no string alive
			} else if e > prev {
				out[i] = s[prev:e]
			}
			prev = e
		}
		return out
	}
	appendVal := func(col int, v []byte, sv string) {
		for blank, i := col-len(ends), 1; i < blank; i++ {
			ends = append(ends, len(buf))
			sstVal = append(sstVal, "")
		}
		buf = append(buf, v...)
		ends = append(ends, len(buf))
		sstVal = append(sstVal, sv)
	}
	for {
		var k int
		if fr.pending {
			k = tokStart
		} else {
			var err error
			if k, err = fr.token(); err != nil {
				return nil, err
			}
		}
		switch k {
		case tokEOF:
			return finish(), iterErr
		case tokEnd:
			if string(fr.z.elem()) == "sheetData" {
				return finish(), iterErr
			}
			continue
		}
		switch string(fr.z.elem()) {
		case "row":
			rowNum := 0
			rowNum, iterErr = fr.intAttr("r")
			if rowNum > excelize.TotalRows {
				fr.err, fr.pending = fr.beyond(excelize.ErrMaxRows), false
				return finish(), fr.err
			} else if rowNum != 0 {
				fr.curRow = rowNum
			} else if !fr.pending {
				fr.curRow++
			}
			fr.pending = true
			fr.seekHide = fr.hiddenAttr()
			if fr.curRow > fr.seekRow {
				fr.pending = false
				return finish(), iterErr
			}
			if iterErr != nil {
				fr.pending = false
				return finish(), iterErr
			}
		case "c":
			cellCol++
			c := &fr.cell
			if err := fr.readCell(c); err != nil {
				return nil, err
			}
			if c.hasR {
				col, err := cellColumn(c.r)
				if err != nil {
					fr.pending = false
					return finish(), &beyondLimits{ref: emissions.Clip(string(c.r)), err: err}
				}
				cellCol = col
			}
			v, sv, err := fr.value(c)
			if err != nil {
				return nil, err
			}
			if len(v) > 0 || sv != "" || c.f {
				appendVal(cellCol, v, sv)
			}
		}
		fr.pending = false
	}
}

// value is excelize's xlsxC.getValueFrom with raw values: the text, or an SST string.
func (fr *fastRows) value(c *cellXML) ([]byte, string, error) {
	switch string(c.t) {
	case "s":
		if len(c.v) == 0 {
			return nil, "", nil
		}
		i := sstIndex(c.v)
		if fr.sst == nil || i < 0 || i >= fr.sst.len() {
			return nil, "", nil // excelize's error is ignored: a blank
		}
		if fr.sst.unsure[i] {
			return nil, "", errUnsure
		}
		a, b := fr.sst.offsets[i], fr.sst.offsets[i+1]
		if a == b {
			return nil, "", nil
		}
		return nil, unsafe.String(&fr.sst.buf[a], b-a), nil
	case "inlineStr":
		if c.hasIS {
			if c.unsure {
				return nil, "", errUnsure
			}
			return c.is, "", nil
		}
		return c.v, "", nil
	}
	return c.v, "", nil
}

// sstIndex is strconv.Atoi(strings.TrimSpace(v)) as excelize reads it, errors ignored: 0 for
// text, the largest int for a number out of range.
func sstIndex(v []byte) int {
	i, err := atoi(v)
	if err != nil {
		i, _ = strconv.Atoi(strings.TrimSpace(string(v)))
	}
	return i
}

// beyondLimits is excelize's error for a row or cell reference beyond the sheet's limits,
// with the reference as the XML writes it: the row excelize counted names another cell.
type beyondLimits struct {
	ref string
	err error
}

func (e *beyondLimits) Error() string { return e.err.Error() } // excelize's words: the oracle's
func (e *beyondLimits) Unwrap() error { return e.err }

// beyond is err at the row element just started, named by its r attribute.
func (fr *fastRows) beyond(err error) error {
	for i := range fr.z.attrs {
		if string(fr.z.attrLocal(i)) == "r" {
			return &beyondLimits{ref: emissions.Clip(string(fr.z.attrValue(i))), err: err}
		}
	}
	return err
}

// cellColumn is the column of excelize.CellNameToCoordinates.
func cellColumn(r []byte) (int, error) {
	col, i := 0, 0
	for ; i < len(r) && i < 3 && r[i] >= 'A' && r[i] <= 'Z'; i++ {
		col = col*26 + int(r[i]-'A'+1)
	}
	if i > 0 && i < len(r) && r[i] >= '1' && r[i] <= '9' && len(r)-i <= 7 && col <= excelize.MaxColumns {
		row := 0
		j := i
		for ; j < len(r) && r[j] >= '0' && r[j] <= '9'; j++ {
			row = row*10 + int(r[j]-'0')
		}
		if j == len(r) && row <= excelize.TotalRows {
			return col, nil
		}
	}
	col, _, err := excelize.CellNameToCoordinates(string(r))
	return col, err
}

// readCell reads a <c> element just started, as excelize's xlsxC.cellXMLHandler does.
func (fr *fastRows) readCell(c *cellXML) error {
	z := fr.z
	c.r, c.t, c.v, c.is = c.r[:0], c.t[:0], c.v[:0], c.is[:0]
	c.hasR, c.f, c.hasIS, c.unsure = false, false, false, false
	for i := range z.attrs {
		switch string(z.attrLocal(i)) {
		case "r":
			v := z.attrValue(i)
			c.r, c.hasR = append(c.r[:0], v...), len(v) > 0
		case "s":
			if v := z.attrValue(i); !plainInt(v) {
				// excelize stops reading the cell at a style it cannot parse
				if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
					return errUnsure
				}
			}
		case "t":
			c.t = append(c.t[:0], z.attrValue(i)...)
		}
	}
	for {
		k, err := z.next(nil)
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return errUnsure
		case tokEnd:
			return nil
		}
		switch string(z.elem()) {
		case "v":
			if c.v, err = z.textOnly(c.v[:0]); err != nil {
				return err
			}
		case "f":
			c.f = true
			if !z.typedAttrs([]string{"aca", "dt2D", "dtr", "del1", "del2", "ca", "bx"}, []string{"si"}, nil, nil) {
				return errUnsure
			}
			if err := z.skip(); err != nil {
				return err
			}
		case "is":
			if c.hasIS {
				return errUnsure
			}
			c.hasIS = true
			if c.is, c.unsure, err = z.stringItem(c.is[:0]); err != nil {
				return err
			}
		default:
			return errUnsure
		}
	}
}

// sheetRows opens the sheets of one workbook for the loader: with the fast reader when the
// parts it needs are where excelize reads them, else with excelize's Rows.
type sheetRows struct {
	f    *excelize.File
	zr   *zip.Reader
	slow bool // use excelize's Rows only
	// fast reads each sheet in one pass (pipe.go); fallback says the workbook must be read
	// again the checked way.
	fast     bool
	fallback bool
	styles   dateStyles
	progress emissions.Progress
	// quick tries the quick reader (quickrows.go) first; quickFailed says it gave up, and
	// the workbook goes to the fast reader.
	quick, quickFailed bool
	sst                *sharedStrings
	sstRead            bool
	sstOK              bool
}

func (s *sheetRows) open(sheet, part string) (rowSource, error) {
	oracle, err := openExcelizeRows(s.f, sheet)
	if err != nil || s.slow || part == "" {
		return oracle, err
	}
	if !s.sstRead {
		s.sstRead = true
		s.sst, s.sstOK = s.readSST()
	}
	if !s.sstOK {
		return oracle, nil
	}
	r, closer, ok := s.partReader(part)
	if !ok {
		return oracle, nil
	}
	if s.progress != nil {
		r = &progressReader{r: r, p: s.progress}
	}
	fr := newFastRows(r, s.sst, oracle)
	fr.closer = closer
	return fr, nil
}

// openFast opens a sheet for the fast path: its part unpacked and scanned by a pipe, read by
// the fast reader with no excelize reader to hand over to.
func (s *sheetRows) openFast(part string, scan *sheetScan) rowSource {
	entry := s.entry(part)
	if !s.sstRead {
		s.sstRead = true
		s.sst, s.sstOK = s.readSST()
	}
	if part == "" || scan == nil || entry == nil || !s.sstOK {
		s.fallback = true
		return fallbackRows{s}
	}
	if s.quick {
		return openQuick(entry, s.sst, scan, s, s.progress)
	}
	pipe := openPipe(entry, scan, s.progress)
	fr := newFastRows(pipe, s.sst, fallbackRows{s})
	fr.closer = closerFunc(func() error {
		if pipe.Close() != nil {
			s.fallback = true
		}
		return nil
	})
	return fr
}

// progressReader tells a Progress of the bytes read.
type progressReader struct {
	r io.Reader
	p emissions.Progress
}

func (pr *progressReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	pr.p.Add(int64(n))
	return n, err
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

// partReader gives the bytes excelize reads for a part: its in-memory copy, or the zip
// entry it unpacked to a temporary file. ok false when that is not certain.
func (s *sheetRows) partReader(part string) (io.Reader, io.Closer, bool) {
	loaded := false
	s.f.Sheet.Range(func(k, _ any) bool {
		loaded = loaded || strings.EqualFold(k.(string), part)
		return !loaded
	})
	if loaded {
		return nil, nil, false // excelize would write the sheet out again
	}
	var content []byte
	n := 0
	s.f.Pkg.Range(func(k, v any) bool {
		if strings.EqualFold(k.(string), part) {
			n++
			content, _ = v.([]byte)
		}
		return true
	})
	if n > 1 {
		return nil, nil, false
	}
	if n == 1 {
		if len(content) == 0 {
			return nil, nil, false
		}
		return bytes.NewReader(content), nil, true
	}
	entry := s.entry(part)
	if entry == nil || entry.UncompressedSize64 <= unzipXMLSizeLimit {
		return nil, nil, false
	}
	rc, err := entry.Open()
	if err != nil {
		return nil, nil, false
	}
	return rc, rc, true
}

// entry is the one zip entry named part (ignoring case), or nil.
func (s *sheetRows) entry(part string) *zip.File {
	var found *zip.File
	for _, f := range s.zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), part) {
			if found != nil {
				return nil
			}
			found = f
		}
	}
	return found
}

// readSST reads the shared strings as excelize does; ok false when it cannot be sure to.
func (s *sheetRows) readSST() (*sharedStrings, bool) {
	const name = "xl/sharedStrings.xml"
	var r io.Reader
	if v, ok := s.f.Pkg.Load(name); ok {
		content, _ := v.([]byte)
		r = bytes.NewReader(content)
	} else {
		n := 0
		for _, f := range s.zr.File {
			if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) {
				n++
			}
		}
		if n == 0 {
			return &sharedStrings{offsets: []int{0}}, true
		}
		entry := s.entry(name)
		if entry == nil || entry.UncompressedSize64 <= unzipXMLSizeLimit {
			return nil, false
		}
		rc, err := entry.Open()
		if err != nil {
			return nil, false
		}
		defer rc.Close()
		r = rc
	}
	sst, err := readSharedStrings(r)
	if err != nil {
		return nil, false
	}
	return sst, true
}
