package workbook

import (
	"archive/zip"
	"errors"
	"io"

	"github.com/footprint/footprint/emissions"
)

// The fast path reads each worksheet once: a goroutine unpacks the part and runs the package
// check's scan over it while the loader's tokenizer reads the same bytes on the other core.
// The scan hands each chunk over only once it has scanned it, with what it found there
// (formula cells without a value, date cells), so the loader always knows about a row before
// it reads it. What the scan can tell only at the end (merged cells, a damaged part, a
// hostile one) sends the whole workbook back to the checked path: the package scanned first,
// then read. The fast path gives exactly what the checked path gives, or nothing.

// errFallback stops the fast path.
var errFallback = errors.New("the workbook is read again with its package checked first")

// chunk is a piece of a worksheet's XML, with what the scan found up to its end.
type chunk struct {
	data       []byte
	dates      []cellPos
	uncomputed []cellPos
	bools      []cellPos
	// on the last chunk
	final   bool
	err     error
	merged  int
	lastRow int
}

// scanNotes collects what the scan finds between two chunks.
type scanNotes struct {
	dates, uncomputed, bools []cellPos
	unknown                  bool // too many dates, formula or true/false cells to remember: the checked path decides
}

// sheetPipe is the loader's side of a worksheet being unpacked and scanned.
type sheetPipe struct {
	ch    chan *chunk
	free  chan []byte
	scan  *sheetScan // what the scan found so far, for the loader
	cur   []byte
	held  []byte
	ended bool
	// failed says the fast path must give up: the scan failed or saw what only the checked
	// path handles.
	failed bool
	merged bool
}

const pipeChunk = 64 << 10

// openPipe starts unpacking and scanning a worksheet part; scan gets what the scan finds.
func openPipe(f *zip.File, scan *sheetScan, progress emissions.Progress) *sheetPipe {
	p := &sheetPipe{ch: make(chan *chunk, 8), free: make(chan []byte, 16), scan: scan}
	go p.produce(f, scan.styles, progress)
	return p
}

// produce unpacks and scans the part, handing each chunk over once scanned.
func (p *sheetPipe) produce(f *zip.File, styles dateStyles, progress emissions.Progress) {
	defer close(p.ch)
	notes := &scanNotes{}
	s := &sheetScan{styles: styles, datesKnown: styles != nil, notes: notes}
	rc, err := f.Open()
	if err != nil {
		p.send(&chunk{final: true, err: err})
		return
	}
	defer rc.Close()
	var src io.Reader = rc
	if progress != nil {
		src = &progressReader{r: rc, p: progress}
	}
	fw := &forwarder{p: p, src: src, notes: notes}
	err = s.read(fw)
	if err == nil && notes.unknown {
		err = errFallback
	}
	if err == nil {
		// the rest of the part, after the last tag the scan looked at
		_, err = io.Copy(io.Discard, rc)
	}
	last := &chunk{final: true, err: err, merged: len(s.merged), lastRow: s.lastRow}
	fw.flush(last)
}

// send hands a chunk over. The loader always reads a pipe to its end (Close), so a send
// never blocks for good.
func (p *sheetPipe) send(c *chunk) { p.ch <- c }

// forwarder is the reader the scan pulls from: when the scan asks for more, every byte it was
// given before has been scanned (but a tag cut at the chunk's end, which the loader cannot
// have read whole either), so that chunk goes to the loader with the scan's notes.
type forwarder struct {
	p     *sheetPipe
	src   io.Reader
	notes *scanNotes
	prev  []byte
}

func (fw *forwarder) Read(b []byte) (int, error) {
	fw.flush(nil)
	n, err := fw.src.Read(b)
	if n > 0 {
		var buf []byte
		select {
		case buf = <-fw.p.free:
		default:
			buf = make([]byte, 0, pipeChunk)
		}
		fw.prev = append(buf[:0], b[:n]...)
	}
	return n, err
}

// flush hands over the previous chunk with the notes taken since, and last (if any) after it.
func (fw *forwarder) flush(last *chunk) {
	if fw.prev != nil || len(fw.notes.dates) > 0 || len(fw.notes.uncomputed) > 0 || len(fw.notes.bools) > 0 {
		fw.p.send(&chunk{data: fw.prev, dates: fw.notes.dates, uncomputed: fw.notes.uncomputed, bools: fw.notes.bools})
		fw.prev, fw.notes.dates, fw.notes.uncomputed, fw.notes.bools = nil, nil, nil, nil
	}
	if last != nil {
		fw.p.send(last)
	}
}

// Read gives the worksheet's bytes to the tokenizer, noting what the scan found first.
func (p *sheetPipe) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.held != nil {
			select {
			case p.free <- p.held:
			default:
			}
			p.held = nil
		}
		if p.ended {
			return 0, io.EOF
		}
		c, ok := <-p.ch
		if !ok {
			p.ended = true
			p.failed = true // ended without its last chunk
			continue
		}
		p.scan.note(c.dates, c.uncomputed, c.bools)
		if c.final {
			p.ended = true
			p.scan.lastRow = c.lastRow
			p.merged = c.merged > 0
			p.failed = p.failed || c.err != nil || p.merged || p.scan.unsure()
			if p.failed {
				return 0, errFallback
			}
			continue
		}
		p.cur, p.held = c.data, c.data
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// Close reads the part to its end (the scan checks all of it) and says whether the fast path
// must give up.
func (p *sheetPipe) Close() error {
	buf := make([]byte, pipeChunk)
	for !p.ended {
		if _, err := p.Read(buf); err != nil {
			break
		}
	}
	if p.failed {
		return errFallback
	}
	return nil
}

// fallbackRows stands for excelize's reader in the fast path: when the tokenizer meets XML
// outside its subset, the workbook goes to the checked path, whose reader has excelize's.
type fallbackRows struct{ s *sheetRows }

func (f fallbackRows) Next() bool {
	f.s.fallback = true
	return false
}
func (f fallbackRows) Columns() ([]string, error) {
	f.s.fallback = true
	return nil, errFallback
}
func (fallbackRows) Hidden() bool { return false }
func (fallbackRows) Error() error { return errFallback }
func (fallbackRows) Close() error { return nil }
