package reports

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/footprint/footprint/emissions"
	kflate "github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// The streamed annotate copies the workbook's package part by part: every part as it is,
// still compressed (zip's OpenRaw and CreateRaw), but the activity sheets' worksheets, which
// it rewrites as it reads them — every byte as it was, but the previous annotation's cells, and
// with the new cells at the end of each row that has a result, the new columns' widths and the
// widened <dimension>. The rows' results come from the lines in the order of the rows, merged
// with the sheet's rows as they go by: nothing is held per row. At a million rows excelize
// would hold the workbook in about 10 GB; the streamed copy holds a few MiB of window and
// compression chunks.
//
// What the streamed copy does not handle exactly as excelize would (annotate_scan.go says what)
// sends the workbook to excelize, the oracle of TestAnnotateStreamMatchesExcelize.

// writeAnnotatedStream writes the annotated copy of the workbook in ra to w; an
// *annotateFallback error says the workbook must go through excelize instead (nothing written
// to w is then of use).
func writeAnnotatedStream(ra io.ReaderAt, size int64, w io.Writer, a Annotation) (Annotated, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return Annotated{}, notStreamed("the zip directory: %v", err)
	}
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return kflate.NewReader(r) })
	pkg, err := readPackage(zr)
	if err != nil {
		return Annotated{}, err
	}
	sheets := map[*zip.File]emissions.ActivitySheet{}
	var order []*zip.File // the activity sheets' parts, in the order of their lines
	for _, s := range a.Sheets {
		f := pkg.sheets[s.Sheet]
		if f == nil {
			return Annotated{}, notStreamed("sheet %s: no worksheet part", s.Sheet)
		}
		if _, twice := sheets[f]; twice {
			return Annotated{}, notStreamed("sheet %s: a part of two sheets", s.Sheet)
		}
		sheets[f] = s
		order = append(order, f)
	}
	// The first pass over each sheet runs ahead of the second, on the other core.
	scans := scanAhead(pkg, order, sheets)
	defer scans.stop()
	rows := newRowResults(a)
	defer rows.close()
	zw := zip.NewWriter(w)
	if zr.Comment != "" {
		if err := zw.SetComment(zr.Comment); err != nil {
			return Annotated{}, err
		}
	}
	// The activity sheets' parts go together, where the first of them was, in the order of
	// the sheets: the lines are then read once. (excelize, for one, writes the worksheets in
	// reverse order; the order of the parts of a package means nothing.)
	for _, f := range zr.File {
		if _, ok := sheets[f]; !ok {
			if err := copyPart(zw, f); err != nil {
				return Annotated{}, fmt.Errorf("%s: %w", f.Name, err)
			}
			continue
		}
		for i, f := range order {
			p, err := scans.plan(i)
			if err != nil {
				return Annotated{}, err
			}
			if err := rewritePart(zw, f, p, rows); err != nil {
				return Annotated{}, fmt.Errorf("%s: %w", f.Name, err)
			}
		}
		order = nil
	}
	if err := rows.finish(); err != nil {
		return Annotated{}, err
	}
	return rows.count, zw.Close()
}

// sheetScans are the first passes over the sheets, run by one goroutine in the order of the
// sheets, ahead of the second passes that wait for them.
type sheetScans struct {
	results []chan scanResult
	// references gives the verdict of checkReferences, once every sheet is scanned
	references    chan error
	checked       bool
	referencesErr error
	aborted       atomic.Bool
	done          sync.WaitGroup
}

type scanResult struct {
	plan *sheetPlan
	err  error
}

func scanAhead(pkg *workbookPackage, order []*zip.File, sheets map[*zip.File]emissions.ActivitySheet) *sheetScans {
	ss := &sheetScans{references: make(chan error, 1)}
	for range order {
		ss.results = append(ss.results, make(chan scanResult, 1))
	}
	ss.done.Add(1)
	go func() {
		defer ss.done.Done()
		var plans []*sheetPlan
		for i, f := range order {
			p, err := ss.scan(pkg, f, sheets[f])
			ss.results[i] <- scanResult{p, err}
			if err != nil {
				return
			}
			plans = append(plans, p)
		}
		ss.references <- ss.checkReferences(pkg, plans, sheets)
	}()
	return ss
}

func (ss *sheetScans) scan(pkg *workbookPackage, f *zip.File, s emissions.ActivitySheet) (*sheetPlan, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	p, err := scanSheet(abortable{rc, &ss.aborted}, s, pkg.sst)
	if err == nil && len(p.tableIDs) > 0 {
		err = pkg.checkTables(f, p)
	}
	return p, err
}

// checkReferences refuses a previous annotation to remove from a sheet that a defined name or
// another sheet's formula may refer to: excelize would move those references with the
// columns. The activity sheets' formulas were read by their first pass; the other worksheets
// are read here, only if there is an annotation to remove.
func (ss *sheetScans) checkReferences(pkg *workbookPackage, plans []*sheetPlan, sheets map[*zip.File]emissions.ActivitySheet) error {
	dropping := map[string]bool{}
	for _, p := range plans {
		if p.dropping() {
			dropping[p.sheet.Sheet] = true
		}
	}
	if len(dropping) == 0 {
		return nil
	}
	refused := func(by string, refs map[string]bool) error {
		for name := range refs {
			if dropping[name] || name == "" {
				return notStreamed("%s may refer to sheet %s, with a previous annotation to remove", by, cmp.Or(name, "another sheet"))
			}
		}
		return nil
	}
	var names struct {
		Names []string `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal(pkg.workbook, &names); err != nil {
		return notStreamed("workbook.xml: %v", err)
	}
	for _, n := range names.Names {
		if err := refused("a defined name", sheetRefs([]byte(n), nil)); err != nil {
			return err
		}
	}
	for _, p := range plans {
		if err := refused("a formula of sheet "+p.sheet.Sheet, p.refs); err != nil {
			return err
		}
	}
	for name, f := range pkg.sheets {
		if _, ok := sheets[f]; ok {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		refs, err := formulaRefs(abortable{rc, &ss.aborted})
		rc.Close()
		if err != nil {
			return err
		}
		if err := refused("a formula of sheet "+name, refs); err != nil {
			return err
		}
	}
	return nil
}

// plan waits for the plan of the i-th sheet; one with an annotation to remove also waits for
// every sheet's first pass, to know what refers to it.
func (ss *sheetScans) plan(i int) (*sheetPlan, error) {
	r := <-ss.results[i]
	if r.err != nil || !r.plan.dropping() {
		return r.plan, r.err
	}
	if !ss.checked {
		ss.checked, ss.referencesErr = true, <-ss.references
	}
	return r.plan, ss.referencesErr
}

// stop ends the scans early (the copy failed or is done) and waits for them.
func (ss *sheetScans) stop() {
	ss.aborted.Store(true)
	ss.done.Wait()
}

// abortable is a reader that stops when the copy it serves has stopped.
type abortable struct {
	r       io.Reader
	aborted *atomic.Bool
}

var errAborted = errors.New("the copy stopped")

func (a abortable) Read(b []byte) (int, error) {
	if a.aborted.Load() {
		return 0, errAborted
	}
	return a.r.Read(b)
}

// copyPart copies a part as it is, compressed.
func copyPart(zw *zip.Writer, f *zip.File) error {
	fh := f.FileHeader
	w, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// rewritePart writes a sheet's part annotated, deflated on every core.
func rewritePart(zw *zip.Writer, f *zip.File, p *sheetPlan, rows *rowResults) error {
	fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Flags: 0x8, Modified: f.Modified, Comment: f.Comment}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	pd := newParallelDeflate(w, deflateChunkSize)
	if err := rewriteSheet(rc, pd, p, rows); err != nil {
		pd.abort()
		return err
	}
	crc, usize, csize, err := pd.Close()
	if err != nil {
		return err
	}
	fh.CRC32, fh.UncompressedSize64, fh.CompressedSize64 = crc, uint64(usize), uint64(csize)
	fh.UncompressedSize, fh.CompressedSize = uint32(min(usize, math.MaxUint32)), uint32(min(csize, math.MaxUint32))
	return nil
}

// workbookPackage is what the streamed copy needs of the package: each sheet's worksheet
// part, by sheet name, and the shared strings.
type workbookPackage struct {
	sheets   map[string]*zip.File
	parts    map[string]*zip.File // every part by its name in lower case
	sst      *emissions.SharedStringTable
	workbook []byte
}

// readPackage finds the worksheet parts through xl/workbook.xml and its relationships, as
// excelize does, and reads the shared strings.
func readPackage(zr *zip.Reader) (*workbookPackage, error) {
	pkg := &workbookPackage{sheets: map[string]*zip.File{}, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if pkg.parts[name] != nil {
			return nil, notStreamed("part %s twice", f.Name)
		}
		pkg.parts[name] = f
	}
	wb, err := pkg.read("xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	rels, err := pkg.read("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	pkg.workbook = wb
	var doc struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rs struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(wb, &doc) != nil || xml.Unmarshal(rels, &rs) != nil {
		return nil, notStreamed("workbook.xml or its relationships")
	}
	targets := map[string]string{}
	sstPart := "xl/sharedstrings.xml"
	for _, r := range rs.Rels {
		t := strings.ToLower(strings.ReplaceAll(r.Target, `\`, "/"))
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sstPart = t
		}
	}
	for _, s := range doc.Sheets {
		if f := pkg.parts[targets[s.ID]]; f != nil {
			pkg.sheets[s.Name] = f
		}
	}
	if f := pkg.parts[sstPart]; f != nil {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		if pkg.sst, err = emissions.ReadSharedStringTable(rc); err != nil {
			if errors.Is(err, emissions.ErrUnsure) {
				return nil, notStreamed("shared strings outside the subset read exactly")
			}
			return nil, err
		}
	}
	return pkg, nil
}

// read reads a small part whole.
func (pkg *workbookPackage) read(name string) ([]byte, error) {
	f := pkg.parts[name]
	if f == nil {
		return nil, notStreamed("no part %s", name)
	}
	if f.UncompressedSize64 > emissions.UnzipXMLSizeLimit {
		return nil, notStreamed("part %s of %d bytes", name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// checkTables refuses a sheet whose tables reach the annotation's columns (or the previous
// annotation's): excelize would leave the cells in the table, or move the table with the
// columns it removes.
func (pkg *workbookPackage) checkTables(sheet *zip.File, p *sheetPlan) error {
	dir, base := path.Split(strings.ToLower(sheet.Name))
	b, err := pkg.read(dir + "_rels/" + base + ".rels")
	if err != nil {
		return err
	}
	var rs struct {
		Rels []struct {
			ID         string `xml:"Id,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &rs); err != nil {
		return notStreamed("sheet %s: its relationships: %v", p.sheet.Sheet, err)
	}
	for _, id := range p.tableIDs {
		target := ""
		for _, r := range rs.Rels {
			if r.ID == id && r.TargetMode == "" {
				target = strings.ToLower(strings.ReplaceAll(r.Target, `\`, "/"))
			}
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		b, err := pkg.read(target)
		if err != nil {
			return err
		}
		var table struct {
			Ref string `xml:"ref,attr"`
		}
		if err := xml.Unmarshal(b, &table); err != nil {
			return notStreamed("sheet %s: table %s: %v", p.sheet.Sheet, target, err)
		}
		right, _ := rightOfRefs([]byte(`<t ref="`+table.Ref+`"/>`), "ref", 0)
		if table.Ref == "" || right >= p.first {
			return notStreamed("sheet %s: a table (%s) where the annotation goes", p.sheet.Sheet, table.Ref)
		}
	}
	return nil
}

// formulaRefs are the sheets a worksheet's formulas may refer to.
func formulaRefs(r io.Reader) (map[string]bool, error) {
	c := newSheetCutter(r, nil)
	refs := map[string]bool{}
	inF := false
	for c.next() {
		t := c.token()
		if !c.tag {
			if inF {
				sheetRefs(t, refs)
			}
			continue
		}
		n, end, empty := tagName(t)
		if string(n) == "f" {
			inF = !end && !empty
		}
	}
	return refs, c.Err()
}

// refersTo reports whether a formula may refer to a sheet.
func refersTo(formula []byte, sheet string) bool {
	refs := sheetRefs(formula, nil)
	return refs[sheet] || refs[""]
}

// sheetRefs adds to refs the sheets a formula (as written in XML) may refer to: each name
// before a '!', bare (Energy!A1) or quoted ('My sheet'!A1, a quote of the name doubled);
// "" when it cannot tell (a 3D reference, text it cannot read).
func sheetRefs(raw []byte, refs map[string]bool) map[string]bool {
	if refs == nil {
		refs = map[string]bool{}
	}
	f, err := unescapeText(raw)
	if err != nil {
		refs[""] = true
		return refs
	}
	for k := 0; k < len(f); k++ {
		if f[k] != '!' {
			continue
		}
		if k > 0 && f[k-1] == '\'' {
			var name []byte // backwards
			j := k - 2
			for ; j >= 0; j-- {
				if f[j] == '\'' {
					if j > 0 && f[j-1] == '\'' {
						name = append(name, '\'')
						j--
						continue
					}
					break
				}
				name = append(name, f[j])
			}
			slices.Reverse(name)
			if j < 0 || bytes.IndexByte(name, ':') >= 0 {
				refs[""] = true
			} else {
				refs[string(name)] = true
			}
			continue
		}
		j := k
		for j > 0 && nameByte(f[j-1]) {
			j--
		}
		if j > 0 && f[j-1] == ':' {
			refs[""] = true
		}
		refs[string(f[j:k])] = true
	}
	return refs
}

// formulasIn adds to refs the sheets the formulas in a cell's content may refer to.
func formulasIn(content []byte, refs map[string]bool) {
	for {
		i := bytes.Index(content, []byte("<f"))
		if i < 0 || i+2 >= len(content) {
			return
		}
		content = content[i+2:]
		if b := content[0]; b != ' ' && b != '>' && b != '/' {
			continue
		}
		end := bytes.IndexByte(content, '>')
		if end < 0 {
			refs[""] = true
			return
		}
		if end > 0 && content[end-1] == '/' {
			continue // a shared formula's: its text is on the first cell
		}
		content = content[end+1:]
		close := bytes.Index(content, []byte("</f>"))
		if close < 0 {
			refs[""] = true
			return
		}
		sheetRefs(content[:close], refs)
	}
}

// nameByte reports whether b may be part of a sheet or defined name written bare.
func nameByte(b byte) bool {
	return b == '_' || b == '.' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// rowResults gives each row's result, merging the lines in the order of the rows with the
// lines outside the scopes and the problems, indexed by place.
type rowResults struct {
	a       Annotation
	next    func() (*emissions.Line, bool)
	stop    func()
	cur     *emissions.Line
	err     error
	passed  map[string]bool // sheets whose lines the cursor went past
	outside map[emissions.Place][]*emissions.Line
	errors  map[emissions.Place][]string
	// the sheet being written
	sheet   emissions.ActivitySheet
	pending int // its places in outside and errors not written yet
	res     emissions.RowResult
	count   Annotated
}

var errStopLines = errors.New("stop")

func newRowResults(a Annotation) *rowResults {
	r := &rowResults{a: a, outside: map[emissions.Place][]*emissions.Line{}, errors: map[emissions.Place][]string{}}
	for i := range a.Outside {
		l := &a.Outside[i]
		r.outside[l.Place] = append(r.outside[l.Place], l)
	}
	for _, p := range a.Problems {
		if place, ok := p.RejectedRow(); ok {
			r.errors[place] = append(r.errors[place], p.Message)
		}
	}
	r.restart()
	return r
}

// restart reads the lines from the first.
func (r *rowResults) restart() {
	r.close()
	r.passed = map[string]bool{}
	var seq iter.Seq[*emissions.Line] = func(yield func(*emissions.Line) bool) {
		if r.a.Lines == nil {
			return
		}
		err := r.a.Lines.Each(func(l *emissions.Line) error {
			if !yield(l) {
				return errStopLines
			}
			return nil
		})
		if err != nil && err != errStopLines {
			r.err = err
		}
	}
	r.next, r.stop = iter.Pull(seq)
	r.advance()
}

func (r *rowResults) close() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
}

// advance moves to the next line, checking that each sheet's lines come together.
func (r *rowResults) advance() {
	var prev emissions.Place // the Line itself is reused by the next one
	if r.cur != nil {
		prev = r.cur.Place
	}
	l, ok := r.next()
	if !ok {
		l = nil
	}
	r.cur = l
	if prev.Sheet != "" && (l == nil || l.Place.Sheet != prev.Sheet || l.Place.File != prev.File) {
		r.passed[prev.File+"\x00"+prev.Sheet] = true
	}
	if l != nil && r.passed[l.Place.File+"\x00"+l.Place.Sheet] && r.err == nil {
		r.err = notStreamed("the lines of sheet %s are not together", l.Place.Sheet)
	}
}

func (r *rowResults) in(l *emissions.Line, s emissions.ActivitySheet) bool {
	return l != nil && l.Place.Sheet == s.Sheet && l.Place.File == s.File
}

// begin starts the rows of a sheet.
func (r *rowResults) begin(s emissions.ActivitySheet) error {
	r.sheet = s
	if r.passed[s.File+"\x00"+s.Sheet] {
		r.restart() // the parts are not in the order of the sheets
	}
	for r.cur != nil && !r.in(r.cur, s) {
		r.advance()
	}
	r.pending = 0
	for _, m := range []map[emissions.Place][]*emissions.Line{r.outside} {
		for p := range m {
			if p.File == s.File && p.Sheet == s.Sheet && p.Row > s.HeaderRow {
				r.pending++
			}
		}
	}
	for p := range r.errors {
		if p.File == s.File && p.Sheet == s.Sheet && p.Row > s.HeaderRow {
			if _, both := r.outside[p]; !both {
				r.pending++
			}
		}
	}
	return r.err
}

// at is the result of row n of the sheet, nil if it has none; rows come in order.
func (r *rowResults) at(n int) (*emissions.RowResult, error) {
	s := r.sheet
	for r.in(r.cur, s) && r.cur.Place.Row < n {
		if r.cur.Place.Row > s.HeaderRow {
			return nil, notStreamed("sheet %s: row %d has lines but no XML row", s.Sheet, r.cur.Place.Row)
		}
		r.advance()
	}
	if r.err != nil {
		return nil, r.err
	}
	res := &r.res
	*res = emissions.RowResult{}
	found := false
	for r.in(r.cur, s) && r.cur.Place.Row == n {
		res.Add(r.cur)
		found = true
		r.advance()
	}
	p := emissions.Place{File: s.File, Sheet: s.Sheet, Row: n}
	ls, out := r.outside[p]
	for _, l := range ls {
		res.Add(l)
	}
	msgs, bad := r.errors[p]
	res.Errors = msgs
	if out || bad {
		r.pending--
	}
	if !found && !out && !bad {
		return nil, r.err
	}
	if res.Main != nil {
		r.count.Used++
	} else if len(res.Errors) > 0 {
		r.count.Rejected++
	}
	return res, r.err
}

// end checks that every result of the sheet had its row.
func (r *rowResults) end() error {
	if r.in(r.cur, r.sheet) || r.pending > 0 {
		return notStreamed("sheet %s: results for rows the XML does not have", r.sheet.Sheet)
	}
	return r.err
}

// finish checks that the lines left belong to no sheet written.
func (r *rowResults) finish() error {
	for r.cur != nil && r.err == nil {
		r.advance()
	}
	return r.err
}

// rewriteSheet copies a sheet's part with the annotation.
func rewriteSheet(src io.Reader, out io.Writer, p *sheetPlan, rows *rowResults) error {
	if err := rows.begin(p.sheet); err != nil {
		return err
	}
	c := newSheetCutter(src, out)
	w := newAnnotationCells(p)
	sawCols := false
	for c.next() {
		if !c.tag {
			continue
		}
		name, end, empty := tagName(c.token())
		if end {
			continue
		}
		switch string(name) {
		case "dimension":
			if p.dimension != nil {
				c.replace(p.dimension)
			}
		case "cols":
			sawCols = true
			c.replace(p.cols)
			if !empty {
				c.dropping = true
				for c.next() {
					if n, end, _ := tagName(c.token()); end && string(n) == "cols" {
						break
					}
				}
				c.dropping = false
			}
		case "sheetData":
			if !sawCols {
				c.insert(p.cols)
			}
			if empty {
				return notStreamed("sheet %s: no rows", p.sheet.Sheet)
			}
			if err := rewriteRows(c, p, rows, w); err != nil {
				return err
			}
		}
	}
	c.flushTo(c.pos)
	if err := c.Err(); err != nil {
		return err
	}
	return rows.end()
}

// rewriteRows copies <sheetData> after its start tag, row by row.
func rewriteRows(c *sheetCutter, p *sheetPlan, rows *rowResults, w *annotationCells) error {
	row := 0
	var held heldCells
	for c.next() {
		if !c.tag {
			continue
		}
		t := c.token()
		name, end, empty := tagName(t)
		if end && string(name) == "sheetData" {
			return nil
		}
		if end || string(name) != "row" {
			return notStreamed("<%s> in <sheetData>", name)
		}
		n, err := rowNumber(t, row)
		if err != nil {
			return err
		}
		row = n
		var res *emissions.RowResult
		if row > p.headerRow {
			if res, err = rows.at(row); err != nil {
				return err
			}
		}
		rowStyle := 0
		if v, ok, err := attrValue(t, "s"); err != nil {
			return err
		} else if ok {
			if rowStyle, err = strconv.Atoi(string(v)); err != nil {
				return notStreamed("row %d: style %q", row, v)
			}
		}
		held.reset()
		if !empty {
			if !p.dropping() && !p.merging() {
				if !c.skipPast([]byte("</row>")) {
					return c.Err()
				}
			} else if err := copyRowCells(c, p, &held); err != nil {
				return err
			}
		}
		var cells []byte
		switch {
		case row == p.headerRow:
			cells = w.headers(row, &held)
		case res != nil:
			cells = w.result(row, rowStyle, res, &held)
		default:
			cells = held.all()
		}
		switch {
		case len(cells) == 0:
		case empty:
			b := append([]byte(nil), bytes.TrimRight(t[:len(t)-1], "/ \t\r\n")...)
			b = append(b, '>')
			b = append(b, cells...)
			c.replace(append(b, "</row>"...))
		default:
			c.insert(cells)
		}
	}
	if err := c.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

// heldCells are the cells of a row at or right of the annotation's first column, held back
// to be merged with the annotation's: they are blank (annotate_scan.go), but may carry a style
// that excelize keeps for the value it writes there.
type heldCells struct {
	cols, styles []int
	ends         []int // of each cell's bytes in buf
	buf          []byte
}

func (h *heldCells) reset() {
	h.cols, h.styles, h.ends, h.buf = h.cols[:0], h.styles[:0], h.ends[:0], h.buf[:0]
}

// cell is the i-th cell's bytes.
func (h *heldCells) cell(i int) []byte {
	start := 0
	if i > 0 {
		start = h.ends[i-1]
	}
	return h.buf[start:h.ends[i]]
}

// all is every held cell's bytes.
func (h *heldCells) all() []byte { return h.buf }

// copyRowCells copies the cells of a row up to its end tag, but the previous annotation's, which
// it drops, and those from the annotation's first column on, which it holds.
func copyRowCells(c *sheetCutter, p *sheetPlan, held *heldCells) error {
	col := 0
	for c.next() {
		if !c.tag {
			continue
		}
		t := c.token()
		name, end, empty := tagName(t)
		if end && string(name) == "row" {
			return nil
		}
		if end || string(name) != "c" {
			return notStreamed("<%s> in a row", name)
		}
		n, err := cellColumn(t, col)
		if err != nil {
			return err
		}
		col = n
		drop, hold := p.inDrop(col), col >= p.first && !p.inDrop(col)
		if hold {
			style := 0
			if v, ok, err := attrValue(t, "s"); err != nil {
				return err
			} else if ok {
				if style, err = strconv.Atoi(string(v)); err != nil {
					return notStreamed("a cell style %q", v)
				}
			}
			held.cols, held.styles = append(held.cols, col), append(held.styles, style)
			held.buf = append(held.buf, t...)
		}
		if drop || hold {
			c.drop()
			c.dropping = true
		}
		if !empty {
			if !c.skipPast([]byte("</c>")) {
				break
			}
			if hold {
				held.buf = append(append(held.buf, c.passed...), "</c>"...)
			}
		}
		if hold {
			held.ends = append(held.ends, len(held.buf))
		}
		c.dropping = false
	}
	if err := c.Err(); err != nil {
		return err
	}
	return io.ErrUnexpectedEOF
}

// annotationCells writes the cells of the annotation, as excelize's SetCellStr and
// SetCellFloat would leave them but for the text, inline rather than shared.
type annotationCells struct {
	p    *sheetPlan
	refs [annotateColumns][]byte // `<c r="H` for each column
	// the last text of each column, escaped: consecutive rows repeat their factor and source
	last         [annotateColumns]string
	escaped      [annotateColumns][]byte
	cached       [annotateColumns]bool
	headerValues [annotateColumns]annotateValue
	b            []byte
}

func newAnnotationCells(p *sheetPlan) *annotationCells {
	w := &annotationCells{p: p}
	for i, h := range AnnotateHeaders {
		name, _ := excelize.ColumnNumberToName(p.first + i)
		w.refs[i] = []byte(`<c r="` + name)
		w.headerValues[i] = annotateValue{kind: valueText, s: h}
	}
	return w
}

func (w *annotationCells) headers(row int, held *heldCells) []byte {
	return w.cells(row, w.p.headerStyle, &w.headerValues, held)
}

// result appends the cells of one row's result; style is the row's.
func (w *annotationCells) result(row, rowStyle int, r *emissions.RowResult, held *heldCells) []byte {
	vals := rowValues(r)
	return w.cells(row, rowStyle, &vals, held)
}

// cells writes a row's values, merged with its held cells. A cell's style is what excelize's
// setters leave: the style set (the header's), else the cell's own, else its row's, else its
// column's.
func (w *annotationCells) cells(row, style int, vals *[annotateColumns]annotateValue, held *heldCells) []byte {
	b := w.b[:0]
	j := 0
	for i := range vals {
		col := w.p.first + i
		for j < len(held.cols) && held.cols[j] < col {
			b = append(b, held.cell(j)...)
			j++
		}
		own := j < len(held.cols) && held.cols[j] == col
		v := &vals[i]
		if v.kind == valueNone {
			if own {
				b = append(b, held.cell(j)...)
				j++
			}
			continue
		}
		s := style
		if own {
			if s == 0 || row != w.p.headerRow {
				s = cmp.Or(held.styles[j], s)
			}
			j++
		}
		b = w.value(b, i, row, cmp.Or(s, w.p.colStyles[i]), v)
	}
	for ; j < len(held.cols); j++ {
		b = append(b, held.cell(j)...)
	}
	w.b = b
	return b
}

// value appends the cell of one value.
func (w *annotationCells) value(b []byte, i, row, style int, v *annotateValue) []byte {
	b = append(b, w.refs[i]...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch {
	case v.kind == valueInt:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(v.i), 10)
		return append(b, `</v></c>`...)
	case v.kind == valueFloat && !math.IsNaN(v.f) && !math.IsInf(v.f, 0):
		b = append(b, `><v>`...)
		b = appendCellFloat(b, v.f)
		return append(b, `</v></c>`...)
	}
	text := v.s
	if v.kind == valueFloat {
		text = fmt.Sprint(v.f) // NaN and infinities: SetCellFloat writes them as text
	}
	b = append(b, ` t="inlineStr">`...)
	if !w.cached[i] || text != w.last[i] {
		w.last[i], w.cached[i] = text, true
		w.escaped[i] = appendInlineText(w.escaped[i][:0], truncateCell(text))
	}
	b = append(b, w.escaped[i]...)
	return append(b, `</t></is></c>`...)
}
