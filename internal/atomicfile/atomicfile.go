// Package atomicfile writes output files so that each holds either its old content or all of
// the new, never part of it, and publishes several files as a set (Set): all from the same run
// or all as they were. The export, report.html, the annotated copy and the template use it.
//
// Every temporary file it makes is in the folder of the file it stands for, named
// .<name>.<pid>-<random>.tmp, and known to the package until it is renamed or removed, so that
// Interrupt, called on a signal, removes all of them and stops any rename still to come. It
// does not own the temporary files other packages make (the lines spool, excelize's).
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// ErrInterrupted is returned by whatever would create or rename a file after Interrupt.
var ErrInterrupted = errors.New("interrupted")

// temps is every temporary file of this process not yet renamed or removed. Its lock is held
// while a temporary file is created or renamed, so Interrupt sees each file either as a
// temporary (and removes it) or in place (and leaves it).
var temps = struct {
	sync.Mutex
	paths       map[string]string // the file each stands for if a Set staged it, else ""
	interrupted bool
}{paths: map[string]string{}}

// Interrupt removes every temporary file of this process and makes every later Write, Stage
// and Commit fail with ErrInterrupted. A Set's renames are made under the same lock, so a
// Commit under way finishes first: its files are then all in place. Call it from a signal
// handler before exiting.
func Interrupt() {
	temps.Lock()
	defer temps.Unlock()
	temps.interrupted = true
	for p := range temps.paths {
		os.Remove(p)
		delete(temps.paths, p)
	}
}

// createTemp makes a temporary file for name in dir and records it; staged says a Set owns it.
func createTemp(dir, name string, staged bool) (*os.File, error) {
	final := ""
	if staged {
		final = filepath.Join(dir, name)
	}
	temps.Lock()
	defer temps.Unlock()
	if temps.interrupted {
		return nil, ErrInterrupted
	}
	f, err := os.CreateTemp(dir, tempPattern(name))
	if err != nil {
		return nil, err
	}
	temps.paths[f.Name()] = final
	return f, nil
}

// tempPattern names the temporary files of name: hidden, with this process's id so that a
// later run can tell a dead run's leftovers (RemoveLeftovers).
func tempPattern(name string) string {
	return "." + name + "." + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

// discard removes a temporary file that will not be renamed.
func discard(path string) {
	temps.Lock()
	defer temps.Unlock()
	if _, ok := temps.paths[path]; ok {
		os.Remove(path)
		delete(temps.paths, path)
	}
}

// stagedFor returns the file that path, a temporary file of a Set, stands for; "" if path is
// not one.
func stagedFor(path string) string {
	temps.Lock()
	defer temps.Unlock()
	return temps.paths[path]
}

// Write writes the file at path through write so that path holds either its old
// content or all of the new, never part of it (docs/user-guide.md#output-files-and-interrupted-runs):
// a temporary file in the same folder, synced, then renamed over path. A path that Set.Stage
// returned is itself a temporary file: Write writes it in place, and the Set renames it.
func Write(path string, write func(io.Writer) error) error {
	if final := stagedFor(path); final != "" {
		return writeStaged(path, final, write)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := createTemp(dir, filepath.Base(path), false)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer discard(tmp.Name()) // after the rename there is nothing left to remove
	if err := fill(tmp, write); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// writeStaged writes a Set's temporary file in place; errors name the file it stands for.
func writeStaged(path, final string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0o644)
	if err == nil {
		err = fill(f, write)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", final, err)
	}
	return nil
}

// fill writes f through write, makes it readable like any output, syncs and closes it.
func fill(f *os.File, write func(io.Writer) error) error {
	err := write(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// rename renames a temporary file over its target under the lock Interrupt takes.
func rename(tmp, path string) error {
	temps.Lock()
	defer temps.Unlock()
	if temps.interrupted {
		return ErrInterrupted
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	delete(temps.paths, tmp)
	return nil
}

// syncDir syncs a folder so the renames in it survive a crash (best effort: not every
// filesystem allows it).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
