package emissions

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"unsafe"
)

// spool keeps the lines of every row in a temporary file, so a million rows cost disk, not
// memory. Records are compact: integers as varints, numbers as 8 bytes, and the strings that
// repeat (file, sheet, site, pole, activity, unit, factor, source, quality) written once and
// then referred to by number, in a table of bounded size. Every field of Line is kept.
type spool struct {
	f     *os.File
	w     *bufio.Writer
	size  int64 // bytes written, buffered ones included
	n     int   // lines written
	strs  map[string]uint64
	table []string
	seen  [1024]spoolSeen
	// maxText is the longest string written
	maxText int
	buf     []byte
	frame   []byte
	err     error
	// the queue to the encoding goroutine (add, barrier)
	pending []spoolItem
	work    chan spoolBatch
	free    chan []spoolItem
	stopped chan struct{}
	closed  bool
}

// spoolSeen is a string written before, by its address and length, with its table index. The
// address is kept as a number: a pointer would keep the reader's buffer it points into (a
// workbook's shared strings, a batch of rows) alive as long as the spool.
type spoolSeen struct {
	p uintptr
	n int
	i uint64
}

// spoolMark is a point a sheet's lines can be dropped back to.
type spoolMark struct {
	size   int64
	n      int
	strs   int
	failed bool
}

const (
	spoolMaxStrings   = 1 << 16
	spoolMaxStringLen = 256
	// string tags: inline, inline and added to the table, or 2+ the index of a table entry
	tagInline = 0
	tagNew    = 1
	flagGrid  = 1
	flagBio   = 2
	flagShare = 4 // consolidated at a share other than 100 %: Share and Gross follow
)

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "footprint-lines-*")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary file for the lines: %w", err)
	}
	// Removed now: the file lives as long as it is open, and nothing is left behind.
	_ = os.Remove(f.Name())
	s := &spool{f: f, w: bufio.NewWriterSize(f, 1<<16), strs: map[string]uint64{},
		work: make(chan spoolBatch, 4), free: make(chan []spoolItem, 6), stopped: make(chan struct{})}
	go s.run()
	return s, nil
}

// The lines are encoded on a goroutine of the spool's, off the loader's core: add queues a
// copy of each line in batches; every other method first waits for the queue to be written
// (barrier), so the state they read is the goroutine's last.

type spoolItem struct {
	l       Line
	kWh     float64
	carrier string // of a location-based line of purchased energy; "" for any other
}

type spoolBatch struct {
	items []spoolItem
	done  chan struct{} // closed once everything before is written
}

const spoolBatchSize = 256

func (s *spool) run() {
	defer close(s.stopped)
	for b := range s.work {
		for i := range b.items {
			it := &b.items[i]
			s.write(&it.l, it.kWh, it.carrier)
		}
		if b.items != nil {
			select {
			case s.free <- b.items[:0]:
			default:
			}
		}
		if b.done != nil {
			close(b.done)
		}
	}
}

// add queues a row's line.
func (s *spool) add(l *Line, kWh float64, carrier string) {
	if s.pending == nil {
		select {
		case s.pending = <-s.free:
		default:
			s.pending = make([]spoolItem, 0, spoolBatchSize)
		}
	}
	s.pending = append(s.pending, spoolItem{*l, kWh, carrier})
	if len(s.pending) == spoolBatchSize {
		s.work <- spoolBatch{items: s.pending}
		s.pending = nil
	}
}

// barrier waits until every line added is written.
func (s *spool) barrier() {
	if s.closed {
		return
	}
	done := make(chan struct{})
	s.work <- spoolBatch{items: s.pending, done: done}
	s.pending = nil
	<-done
}

// stop ends the goroutine once every line added is written.
func (s *spool) stop() {
	if s.closed {
		return
	}
	s.barrier()
	s.closed = true
	close(s.work)
	<-s.stopped
	// The recycled batches hold the last lines' strings, which may point into a reader's
	// buffers: drop them rather than keep those buffers alive with the inventory.
	for len(s.free) > 0 {
		<-s.free
	}
	s.pending = nil
}

func (s *spool) str(v string) {
	s.maxText = max(s.maxText, len(v))
	// The same string comes back from the same place (a shared string of the workbook, a
	// factor of the library): a cache by address spares hashing it.
	var slot *spoolSeen
	if len(v) > 0 {
		p := uintptr(unsafe.Pointer(unsafe.StringData(v)))
		slot = &s.seen[(p>>3)%uintptr(len(s.seen))]
		// (the address may have been freed and reused since: the entry must still say v)
		if slot.p == p && slot.n == len(v) && slot.i < uint64(len(s.table)) && s.table[slot.i] == v {
			s.buf = binary.AppendUvarint(s.buf, slot.i+2)
			return
		}
	}
	if i, ok := s.strs[v]; ok {
		s.buf = binary.AppendUvarint(s.buf, i+2)
		if slot != nil {
			*slot = spoolSeen{p: uintptr(unsafe.Pointer(unsafe.StringData(v))), n: len(v), i: i}
		}
		return
	}
	tag := uint64(tagInline)
	if len(v) <= spoolMaxStringLen && len(s.table) < spoolMaxStrings {
		tag = tagNew
		kept := strings.Clone(v) // v may point into a reader's buffer
		s.strs[kept] = uint64(len(s.table))
		s.table = append(s.table, kept)
	}
	s.buf = binary.AppendUvarint(s.buf, tag)
	s.buf = binary.AppendUvarint(s.buf, uint64(len(v)))
	s.buf = append(s.buf, v...)
}

func (s *spool) num(v float64) {
	s.buf = binary.LittleEndian.AppendUint64(s.buf, math.Float64bits(v))
}

func (s *spool) int(v int) {
	s.buf = binary.AppendVarint(s.buf, int64(v))
}

// write encodes a row's line into the file; kWh is its purchased energy of carrier when
// carrier is set. It runs on the spool's goroutine (add hands it the lines).
func (s *spool) write(l *Line, kWh float64, carrier string) {
	if s.err != nil {
		return
	}
	s.buf = s.buf[:0]
	flags := byte(0)
	if carrier != "" {
		flags |= flagGrid
	}
	if l.BiogenicCO2 != 0 {
		flags |= flagBio
	}
	if l.Share != 1 {
		flags |= flagShare
	}
	s.buf = append(s.buf, flags)
	s.str(l.Place.File)
	s.str(l.Place.Sheet)
	s.int(l.Place.Row)
	s.int(l.Year)
	s.str(l.Site)
	s.str(l.Pole)
	s.str(l.Activity)
	s.num(l.Quantity)
	s.str(l.Unit)
	s.buf = binary.AppendUvarint(s.buf, tagInline) // comments rarely repeat
	s.maxText = max(s.maxText, len(l.Comment))
	s.buf = binary.AppendUvarint(s.buf, uint64(len(l.Comment)))
	s.buf = append(s.buf, l.Comment...)
	s.str(string(l.Part))
	s.int(l.Scope)
	s.int(l.Category)
	s.str(l.Method)
	s.num(l.Converted)
	s.str(l.FactorID)
	s.int(l.FactorYear)
	s.num(l.FactorValue)
	s.str(l.FactorUnit)
	s.str(l.Source)
	s.str(l.GWP)
	s.num(l.TCO2e)
	s.str(l.Quality)
	s.str(l.Entity)
	s.str(l.DataType)
	if flags&flagBio != 0 {
		s.num(l.BiogenicCO2)
	}
	if flags&flagShare != 0 {
		s.num(l.Share)
		s.num(l.Gross)
	}
	if carrier != "" {
		s.num(kWh)
		s.str(carrier)
	}
	// each record is framed by its length, so the reader takes it whole
	s.frame = binary.AppendUvarint(s.frame[:0], uint64(len(s.buf)))
	n0, err := s.w.Write(s.frame)
	n, err1 := s.w.Write(s.buf)
	n += n0
	if err == nil {
		err = err1
	}
	s.size += int64(n)
	s.n++
	if err != nil {
		s.err = fmt.Errorf("cannot write the lines' temporary file: %w", err)
	}
}

func (s *spool) mark() spoolMark {
	s.barrier()
	return spoolMark{size: s.size, n: s.n, strs: len(s.table), failed: s.err != nil}
}

// reset drops what was written after m.
func (s *spool) reset(m spoolMark) error {
	s.barrier()
	if m.failed {
		return s.err
	}
	for _, v := range s.table[m.strs:] {
		delete(s.strs, v)
	}
	s.table = s.table[:m.strs]
	s.size, s.n, s.err = m.size, m.n, nil
	if err := s.w.Flush(); err != nil {
		return err
	}
	if err := s.f.Truncate(m.size); err != nil {
		return err
	}
	_, err := s.f.Seek(m.size, io.SeekStart)
	s.w.Reset(s.f)
	return err
}

func (s *spool) flush() error {
	s.barrier()
	return s.err
}

// release drops the recycled batches, once every line added is written: they hold the last
// lines' strings, which may point into a reader's buffers (a branch's workbook waiting to be
// joined must not keep them alive).
func (s *spool) release() {
	s.barrier()
	for len(s.free) > 0 {
		<-s.free
	}
}

// done ends the writing.
func (s *spool) done() error {
	s.stop()
	if s.err != nil {
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("cannot write the lines' temporary file: %w", err)
	}
	s.strs = nil
	return nil
}

func (s *spool) close() {
	s.stop()
	_ = s.f.Close()
}

// spoolReader reads the records back, with its own copy of the string table.
type spoolReader struct {
	r     *bufio.Reader
	table []string
	err   error
	rec   []byte // the record being read
	i     int
}

var errSpool = errors.New("the lines' temporary file is damaged")

// next reads the next record whole.
func (r *spoolReader) next() bool {
	n, err := binary.ReadUvarint(r.r)
	if err != nil || n > 1<<31 {
		r.err = errSpool
		return false
	}
	if uint64(cap(r.rec)) < n {
		r.rec = make([]byte, n)
	}
	r.rec, r.i = r.rec[:n], 0
	if _, err := io.ReadFull(r.r, r.rec); err != nil {
		r.err = errSpool
		return false
	}
	return true
}

func (r *spoolReader) uvarint() uint64 {
	v, k := binary.Uvarint(r.rec[r.i:])
	if k <= 0 {
		r.err = errSpool
		return 0
	}
	r.i += k
	return v
}

func (r *spoolReader) int() int {
	v, k := binary.Varint(r.rec[r.i:])
	if k <= 0 {
		r.err = errSpool
		return 0
	}
	r.i += k
	return int(v)
}

func (r *spoolReader) num() float64 {
	if r.i+8 > len(r.rec) {
		r.err = errSpool
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.rec[r.i:]))
	r.i += 8
	return v
}

func (r *spoolReader) str() string {
	tag := r.uvarint()
	if tag >= 2 {
		if i := tag - 2; i < uint64(len(r.table)) {
			return r.table[i]
		}
		r.err = errSpool
		return ""
	}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.rec)-r.i) {
		r.err = errSpool
		return ""
	}
	v := string(r.rec[r.i : r.i+int(n)])
	r.i += int(n)
	if tag == tagNew {
		r.table = append(r.table, v)
	}
	return v
}

// line reads one record into l, with kWh and carrier for a line of purchased energy.
func (r *spoolReader) line(l *Line) (kWh float64, carrier string) {
	if !r.next() || len(r.rec) == 0 {
		r.err = errSpool
		return 0, ""
	}
	flags := r.rec[0]
	r.i = 1
	*l = Line{Rows: 1}
	l.Place.File = r.str()
	l.Place.Sheet = r.str()
	l.Place.Row = r.int()
	l.Year = r.int()
	l.Site = r.str()
	l.Pole = r.str()
	l.Activity = r.str()
	l.Quantity = r.num()
	l.Unit = r.str()
	l.Comment = r.str()
	l.Part = Part(r.str())
	l.Scope = r.int()
	l.Category = r.int()
	l.Method = r.str()
	l.Converted = r.num()
	l.FactorID = r.str()
	l.FactorYear = r.int()
	l.FactorValue = r.num()
	l.FactorUnit = r.str()
	l.Source = r.str()
	l.GWP = r.str()
	l.TCO2e = r.num()
	l.Quality = r.str()
	l.Entity = r.str()
	l.DataType = r.str()
	if flags&flagBio != 0 {
		l.BiogenicCO2 = r.num()
	}
	l.Share, l.Gross = 1, l.TCO2e
	if flags&flagShare != 0 {
		l.Share = r.num()
		l.Gross = r.num()
	}
	if flags&flagGrid != 0 {
		kWh = r.num()
		return kWh, r.str()
	}
	return 0, ""
}

// rowLines are the lines of every row, in the order of the rows, each electricity line
// followed by its market-based lines.
type rowLines struct{ inv *Inventory }

// RowLines gives the lines of every row when the calculation kept them (Options.RowLines),
// else none.
func (inv *Inventory) RowLines() LineSource { return rowLines{inv} }

func (r rowLines) Len() int {
	if r.inv.rows == nil {
		return len(r.inv.Outside)
	}
	n := 0
	for _, s := range r.inv.rows {
		n += s.n
	}
	for _, m := range r.inv.split {
		n += m.count()
	}
	return n + len(r.inv.Outside)
}

// Digest gives the inventory's groups, each market-based group counting the lines the rows
// get (one per row with electricity), and the longest string written.
func (r rowLines) Digest() LineDigest {
	if r.inv.rows == nil {
		return LineDigest{}
	}
	// The market-based lines take their factor and source (the instruments' names, the
	// residual mix's source) from their group, not from the spool.
	maxText := 0
	for _, s := range r.inv.rows {
		maxText = max(maxText, s.maxText)
	}
	for i := range r.inv.Lines {
		l := &r.inv.Lines[i]
		maxText = max(maxText, len(l.Method), len(l.FactorID), len(l.FactorUnit), len(l.Source), len(l.Part))
	}
	for i := range r.inv.Outside {
		l := &r.inv.Outside[i]
		maxText = max(maxText, len(l.FactorID), len(l.FactorUnit), len(l.Source), len(l.Site), len(l.Pole), len(l.Activity), len(l.Comment))
	}
	return LineDigest{Groups: r.inv.Lines, MaxText: maxText, Outside: r.inv.Outside}
}

// Each yields every row's lines, file by file, then the lines of gases outside the Kyoto basket
// which no total counts but every list of lines shows.
func (r rowLines) Each(yield func(*Line) error) error {
	for _, s := range r.inv.rows {
		if err := r.each(s, yield); err != nil {
			return err
		}
	}
	for i := range r.inv.Outside {
		l := r.inv.Outside[i]
		if err := yield(&l); err != nil {
			return err
		}
	}
	return nil
}

// each yields the lines of one file of the row lines: each has its own string table.
func (r rowLines) each(s *spool, yield func(*Line) error) error {
	rd := &spoolReader{r: bufio.NewReaderSize(io.NewSectionReader(s.f, 0, s.size), 1<<16)}
	var l Line
	for range s.n {
		kWh, carrier := rd.line(&l)
		if rd.err != nil {
			return rd.err
		}
		if err := yield(&l); err != nil {
			return err
		}
		if carrier == "" || kWh <= 0 {
			continue
		}
		if m := r.inv.split[supply{l.Year, l.Site, carrier}]; m != nil {
			loc := l
			if err := m.lines(&loc, kWh, yield); err != nil {
				return err
			}
		}
	}
	return nil
}
