package xlsxwrite

import (
	"bytes"
	"hash/crc32"
	"io"
	"runtime"
	"sync"

	"github.com/klauspost/compress/flate"
)

// ParallelDeflate compresses one zip part on every core, the way pigz does: the data is cut
// into chunks of about chunkSize bytes, each chunk is deflated on its own, and the compressed
// chunks are written in order as one deflate stream — every chunk but the last ends with a
// sync flush (an empty stored block, which leaves the stream byte-aligned and the next chunk
// free to start a block of its own), the last one ends the stream. The CRC-32 of the whole part
// is updated chunk by chunk, in order.
//
// Chunk boundaries depend only on the bytes written (and where WriteFunc is called), never on
// timing or on the number of cores, so the same part always gives the same compressed bytes. At most two chunks more than
// the workers are held at once, so memory stays bounded whatever the size of the part.
//
// The writer fills the current chunk with append (chunk, then commit), or has a worker fill it
// (WriteFunc); only the goroutine that writes uses a ParallelDeflate, the workers see whole
// chunks.
type ParallelDeflate struct {
	out       io.Writer
	chunkSize int
	chunk     []byte // being filled
	fill      func([]byte) []byte
	release   func() // of the chunk WriteFunc dispatches

	jobs     chan *deflateJob
	inFlight []*deflateJob // dispatched, in order, not yet written out
	max      int
	free     []*deflateJob // jobs written out, to reuse with their output buffers
	bufs     [][]byte      // chunk buffers written out, to reuse
	workers  sync.WaitGroup

	crc          uint32
	usize, csize int64
	err          error
}

type deflateJob struct {
	data    []byte
	fill    func([]byte) []byte // appends the rest of the chunk to data, on the worker
	release func()              // once the chunk is written out
	last    bool
	out     bytes.Buffer
	err     error
	done    chan struct{}
}

// DeflateChunkSize is the size of a chunk: large enough that the sync flush and the window
// lost at each boundary cost nothing measurable (under 0.1 % of the compressed size), small
// enough that a few chunks in flight per core hold little memory.
const DeflateChunkSize = 4 << 20

// deflateLevel is klauspost/compress's level 1: about twice as fast as the standard library's
// BestSpeed for a slightly smaller output on sheet XML (BenchmarkDeflateLines).
const deflateLevel = flate.BestSpeed

// maxDeflateWorkers bounds the workers, and so the chunks in flight (each a few MiB), on a
// machine with many cores.
const maxDeflateWorkers = 8

func NewParallelDeflate(out io.Writer, chunkSize int) *ParallelDeflate {
	workers := min(runtime.GOMAXPROCS(0), maxDeflateWorkers)
	p := &ParallelDeflate{out: out, chunkSize: chunkSize, jobs: make(chan *deflateJob), max: workers + 2}
	p.chunk = make([]byte, 0, chunkSize+chunkSize/4)
	p.workers.Add(workers)
	for range workers {
		go p.work()
	}
	return p
}

func (p *ParallelDeflate) work() {
	defer p.workers.Done()
	var fw *flate.Writer
	for j := range p.jobs {
		if j.fill != nil {
			j.data, j.fill = j.fill(j.data), nil
		}
		j.out.Reset()
		if fw == nil {
			fw, j.err = flate.NewWriter(&j.out, deflateLevel)
		} else {
			fw.Reset(&j.out)
		}
		if j.err == nil {
			_, j.err = fw.Write(j.data)
		}
		if j.err == nil {
			if j.last {
				j.err = fw.Close()
			} else {
				j.err = fw.Flush() // sync flush: ends byte-aligned, the stream goes on
			}
		}
		close(j.done)
	}
}

// Write appends b to the part.
func (p *ParallelDeflate) Write(b []byte) (int, error) {
	p.chunk = append(p.chunk, b...)
	p.commit()
	return len(b), p.err
}

// Append adds b to the chunk being filled without cutting it there, however long the chunk
// grows: the export puts a Lines sheet's head and tail, as excelize wrote them, around its
// rows this way, so the chunks end where the rows' batches end.
func (p *ParallelDeflate) Append(b []byte) {
	p.chunk = append(p.chunk, b...)
}

// commit hands the current chunk to a worker once it is full.
func (p *ParallelDeflate) commit() {
	if len(p.chunk) >= p.chunkSize {
		p.dispatch(false)
	}
}

// WriteFunc appends to the part what fill appends to the bytes it is given, fill being called
// on a worker: the chunk written so far and fill's bytes go out as one chunk. release is
// called once that chunk is written out, on the goroutine that writes, so fill's inputs can
// be reused then. The chunk is cut there, whatever its size: for the same bytes the stream
// stays the same only if the calls to WriteFunc do not depend on timing.
func (p *ParallelDeflate) WriteFunc(fill func([]byte) []byte, release func()) error {
	p.fill, p.release = fill, release
	p.dispatch(false)
	return p.err
}

func (p *ParallelDeflate) dispatch(last bool) {
	for len(p.inFlight) >= p.max {
		p.writeOldest()
	}
	var j *deflateJob
	if n := len(p.free); n > 0 {
		j, p.free = p.free[n-1], p.free[:n-1]
	} else {
		j = &deflateJob{}
	}
	j.data, j.last, j.err, j.done = p.chunk, last, nil, make(chan struct{})
	j.fill, j.release, p.fill, p.release = p.fill, p.release, nil, nil
	p.inFlight = append(p.inFlight, j)
	p.jobs <- j
	p.chunk = nil
	if last {
		return
	}
	if n := len(p.bufs); n > 0 {
		p.chunk, p.bufs = p.bufs[n-1], p.bufs[:n-1]
	} else {
		p.chunk = make([]byte, 0, p.chunkSize+p.chunkSize/4)
	}
}

// writeOldest waits for the oldest chunk in flight and writes it out.
func (p *ParallelDeflate) writeOldest() {
	j := p.inFlight[0]
	p.inFlight = p.inFlight[1:]
	<-j.done
	if p.err == nil {
		p.err = j.err
	}
	if p.err == nil {
		p.crc = crc32.Update(p.crc, crc32.IEEETable, j.data)
		p.usize += int64(len(j.data))
		var n int64
		n, p.err = j.out.WriteTo(p.out)
		p.csize += n
	}
	if j.release != nil {
		j.release()
		j.release = nil
	}
	p.bufs = append(p.bufs, j.data[:0])
	j.data = nil
	p.free = append(p.free, j)
}

// Close compresses and writes what is left, ends the stream and stops the workers. It returns
// the CRC-32 and the uncompressed and compressed sizes of the part.
func (p *ParallelDeflate) Close() (crc uint32, usize, csize int64, err error) {
	p.dispatch(true)
	for len(p.inFlight) > 0 {
		p.writeOldest()
	}
	close(p.jobs)
	p.workers.Wait()
	return p.crc, p.usize, p.csize, p.err
}

// Abort stops the workers without writing anything more, after an error of the writer.
func (p *ParallelDeflate) Abort() {
	for _, j := range p.inFlight {
		<-j.done
	}
	p.inFlight = nil
	close(p.jobs)
	p.workers.Wait()
}
