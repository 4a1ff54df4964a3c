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

// barProgress draws a progress bar on stderr while a large workbook is read, and clears it
// when done (emissions.Progress).
type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(file string, total int64) {
	p.Done()
	if total < progressFloor {
		return
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription("reading "+filepath.Base(file)),
		progressbar.OptionShowBytes(true),
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
