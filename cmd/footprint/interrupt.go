package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/footprint/footprint/internal/atomicfile"
	"github.com/footprint/footprint/internal/outlock"
	"github.com/footprint/footprint/lang"
)

// Exit codes of a run ended by a signal: 128 + the signal's number, as shells report a
// process the signal killed (docs/configuration.md#exit-codes).
const (
	exitInterrupt = 130 // SIGINT
	exitTerminate = 143 // SIGTERM
)

// ending is set once a signal is being handled: the run then ends with the signal's exit code,
// even if the command, its files removed under it, returns first.
var ending atomic.Bool

// endOnSignal makes SIGINT and SIGTERM end the process cleanly: the output files not yet in
// place are removed (those in place are whole: a pair is renamed together or not at all), the
// output folder's lock is released, tmp (the run's own temporary folder) is removed, and the
// process exits 130 or 143, saying so in the run's language (worked out then, not at every
// start).
func endOnSignal(stderr io.Writer, language func() lang.Lang, tmp string) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		ending.Store(true)
		atomicfile.Interrupt()
		outlock.ReleaseAll()
		if tmp != "" {
			os.RemoveAll(tmp)
		}
		code, name := exitInterrupt, "SIGINT"
		if sig == syscall.SIGTERM {
			code, name = exitTerminate, "SIGTERM"
		}
		fmt.Fprintln(stderr, "footprint:", language().T("interrupted (%s): the files it had not finished were removed; the output folder holds the previous outputs, or this run's if it had finished writing them", name))
		os.Exit(code)
	}()
}

// ownTempDir makes a temporary folder for this run and points TMPDIR at it, so that the
// temporary files of the libraries footprint uses (excelize's, the export's parts, the lines
// spool) are all removed with it, on a signal too. It returns the folder, or "" if none could
// be made (the system's is then used as it is).
func ownTempDir() string {
	dir, err := os.MkdirTemp("", "footprint-")
	if err != nil {
		return ""
	}
	if err := os.Setenv("TMPDIR", dir); err != nil {
		os.Remove(dir)
		return ""
	}
	return dir
}
