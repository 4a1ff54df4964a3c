package main

import (
	"io"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progressFloor is the least sheet XML worth a progress bar: smaller workbooks are read
// before a bar could say anything (the demo's 0.8 MB in a few milliseconds).
var progressFloor int64 = 16 << 20

// linesFloor is the fewest lines of an export worth a progress bar.
var linesFloor int64 = 200_000

// barProgress draws a progress bar on stderr while a large workbook is read (bytes of sheet
// XML) or a large export written (lines), and clears it when done (emissions.Progress).
type barProgress struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	lines bool // counting lines written, not bytes read
}

func (p *barProgress) Start(file string, total int64) {
	p.Done()
	verb, floor := "reading ", progressFloor
	if p.lines {
		verb, floor = "writing ", linesFloor
	}
	if total < floor {
		return
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(verb+filepath.Base(file)),
		progressbar.OptionShowBytes(!p.lines),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish())
}

func (p *barProgress) Add(n int64) {
	if p.bar != nil {
		_ = p.bar.Add64(n)
	}
}

func (p *barProgress) Done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}
