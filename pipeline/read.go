package pipeline

import (
	"runtime"
	"sync"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/workbook"
)

// maxWorkers bounds how many workbooks are read at once whatever the cores: each read holds
// its own buffers (the sheets being unpacked, the shared strings): some 20 MiB more at the
// peak for a second workbook of a million rows read at once (docs/performance.md).
const maxWorkers = 8

// workers is how many of n workbooks to read at once.
func (s *Session) workers(n int) int {
	w := s.opts.Workers
	if w <= 0 {
		w = min(runtime.GOMAXPROCS(0), maxWorkers)
	}
	return max(1, min(w, n))
}

// readAtOnce reads the workbooks at paths into in, up to workers at a time, and gives what
// reading them one after the other gives. Each is read into an input of its own, computed by
// a branch of calc (nil: the activities are kept), and joined to in in the order of paths as
// soon as it and those before it are read: the partial sums of each workbook are added to
// the inventory in the same order, its problems listed and bounded in the same order.
//
// At most 2×workers workbooks are started and not yet joined: one read long keeps the
// others' (small) partial inventories waiting, not their rows, which are computed as read.
func readAtOnce(in *emissions.Input, calc *emissions.Calculator, paths []string, open opener, lopts workbook.Options, workers int) {
	type read struct {
		in   *emissions.Input
		err  error // the branch could not be made
		done chan struct{}
	}
	reads := make([]read, len(paths))
	for i := range reads {
		reads[i].done = make(chan struct{})
	}
	progress := newOrderedProgress(lopts.Progress, len(paths))
	busy := make(chan struct{}, workers)    // workbooks being read
	ahead := make(chan struct{}, 2*workers) // workbooks started and not joined
	go func() {
		for i, p := range paths {
			ahead <- struct{}{}
			busy <- struct{}{}
			go func() {
				r := &reads[i]
				defer func() {
					<-busy
					close(r.done)
				}()
				r.in = &emissions.Input{}
				r.in.Problems.KeepRejected = in.Problems.KeepRejected
				if calc != nil {
					b, err := calc.Branch()
					if err != nil {
						r.err = err
						return
					}
					r.in.Sink = b
				}
				lo := lopts
				if progress != nil {
					lo.Progress = progress.of(i)
				}
				readWorkbook(r.in, p, open, lo)
			}()
		}
	}()
	for i := range reads {
		r := &reads[i]
		<-r.done
		err := r.err
		if err == nil {
			err = in.Join(r.in)
		}
		if err != nil {
			in.Problems.Fatalf("file", paths[i], "", "", "%v", err)
		}
		reads[i] = read{}
		progress.next()
		<-ahead
	}
}

// orderedProgress passes on the progress of the workbook first in order that is not yet
// joined, and keeps that of the ones after until their turn, so a progress bar hears the
// workbooks one after the other, as when they are read so.
type orderedProgress struct {
	mu     sync.Mutex
	to     emissions.Progress
	head   int
	events [][]progressEvent // of each workbook after the head, what it heard so far
}

// progressEvent is a Start (with its file and total), the sum of consecutive Adds, or a Done.
type progressEvent struct {
	kind  byte // 's', 'a', 'd'
	file  string
	total int64
}

func newOrderedProgress(to emissions.Progress, n int) *orderedProgress {
	if to == nil {
		return nil
	}
	return &orderedProgress{to: to, events: make([][]progressEvent, n)}
}

// of is the progress of workbook i.
func (o *orderedProgress) of(i int) emissions.Progress { return workbookProgress{o, i} }

// next moves on to the workbook after the head, telling what it heard so far.
func (o *orderedProgress) next() {
	if o == nil {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.events[o.head] = nil
	o.head++
	if o.head == len(o.events) {
		return
	}
	for _, e := range o.events[o.head] {
		o.pass(e)
	}
	o.events[o.head] = nil
}

func (o *orderedProgress) pass(e progressEvent) {
	switch e.kind {
	case 's':
		o.to.Start(e.file, e.total)
	case 'a':
		o.to.Add(e.total)
	case 'd':
		o.to.Done()
	}
}

// event passes e on for workbook i when it is the head, else keeps it.
func (o *orderedProgress) event(i int, e progressEvent) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if i == o.head {
		o.pass(e)
		return
	}
	es := o.events[i]
	if e.kind == 'a' && len(es) > 0 && es[len(es)-1].kind == 'a' {
		es[len(es)-1].total += e.total
		return
	}
	o.events[i] = append(es, e)
}

type workbookProgress struct {
	o *orderedProgress
	i int
}

func (p workbookProgress) Start(file string, total int64) {
	p.o.event(p.i, progressEvent{kind: 's', file: file, total: total})
}
func (p workbookProgress) Add(n int64) { p.o.event(p.i, progressEvent{kind: 'a', total: n}) }
func (p workbookProgress) Done()       { p.o.event(p.i, progressEvent{kind: 'd'}) }
