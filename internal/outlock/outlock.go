// Package outlock keeps two runs from writing into one output folder at once: a run takes the
// lock file .footprint.lock in the folder before it computes anything, and a second run on the
// same folder fails at once with a HeldError naming the process that holds it. The lock is an
// advisory file lock (flock) on that file, which the system drops when its process ends
// however it ends; the file also records the holder's process id and host, so that a lock
// left by a process that is gone is told apart and taken over (Lock.Previous).
//
// It knows nothing of what the folder holds: the caller tidies after a previous holder.
package outlock

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/footprint/footprint/lang"
)

// Name is the lock file's name in the output folder.
const Name = ".footprint.lock"

// A Lock is a held output-folder lock.
type Lock struct {
	// Path is the lock file.
	Path string
	// Previous is the process id recorded by a run that ended without releasing the lock
	// (killed, or its machine stopped), whose lock this one took over; 0 if none.
	Previous int

	f       *os.File
	created []string // folders Take made, deepest first: removed again if left empty
}

// HeldError says the folder's lock is held by another run.
type HeldError struct {
	Path string
	PID  int    // 0 if the file does not say (the holder is writing it)
	Host string // the holder's host, when not this one
}

func (e *HeldError) Error() string { return e.In(lang.English) }

// In says the error in l.
func (e *HeldError) In(l lang.Lang) string {
	who := l.T("another footprint run")
	if e.PID != 0 {
		who = l.T("footprint process %d", lang.Plain(e.PID))
	}
	if e.Host != "" {
		who += l.T(" on host %s", e.Host)
	}
	return l.T("%s is held by %s, which is writing into this folder: wait for it to end, or give this run another --out; if no such run is under way, delete %s",
		e.Path, who, e.Path)
}

// held is every lock this process holds, for ReleaseAll.
var held = struct {
	sync.Mutex
	locks  map[*Lock]bool
	closed bool // ReleaseAll was called: the process is ending
}{locks: map[*Lock]bool{}}

// ErrEnding is returned by Take after ReleaseAll.
var ErrEnding = errors.New("the run is ending: no lock taken")

// Take takes the lock of dir, making dir if needed.
func Take(dir string) (*Lock, error) {
	held.Lock()
	defer held.Unlock()
	if held.closed {
		return nil, ErrEnding
	}
	created, err := mkdirAll(dir)
	if err != nil {
		return nil, err
	}
	l, err := take(filepath.Join(dir, Name))
	if err != nil {
		removeEmpty(created)
		return nil, err
	}
	l.created = created
	held.locks[l] = true
	return l, nil
}

func take(path string) (*Lock, error) {
	host, _ := os.Hostname()
	// A holder that releases unlinks the file: if it did so between our open and our lock,
	// we hold a file no longer at path, and open it again.
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := tryLock(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				pid, h := readHolder(path)
				return nil, heldError(path, pid, h, host)
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if !samePath(f, path) {
			f.Close()
			continue
		}
		l := &Lock{Path: path, f: f}
		pid, h := readHolder(path)
		if pid != 0 && pid != os.Getpid() {
			// The file lock was free, yet the file names a process: one that ended without
			// releasing it, or one that took it without a file lock (a filesystem without
			// them, another footprint).
			if h != host || alive(pid) {
				f.Close()
				return nil, heldError(path, pid, h, host)
			}
			l.Previous = pid
		}
		if err := writeHolder(f, host); err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return l, nil
	}
	return nil, fmt.Errorf("%s: the lock file keeps being replaced by other runs", path)
}

func heldError(path string, pid int, h, host string) *HeldError {
	e := &HeldError{Path: path, PID: pid}
	if h != host {
		e.Host = h
	}
	return e
}

// readHolder reads the process id and host a lock file records; 0 and "" if it holds none.
func readHolder(path string) (int, string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, ""
	}
	lines := strings.SplitN(string(b), "\n", 3)
	pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil || pid <= 0 {
		return 0, ""
	}
	h := ""
	if len(lines) > 1 {
		h = strings.TrimSpace(lines[1])
	}
	return pid, h
}

// writeHolder records this process in the lock file: its id, then its host.
func writeHolder(f *os.File, host string) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"+host+"\n"), 0); err != nil {
		return err
	}
	return f.Sync()
}

// samePath reports whether the open file f is still the file at path.
func samePath(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// Release removes the lock file and drops the lock, and removes the folders Take made if
// they are empty (a run that wrote nothing leaves no folder behind). Releasing twice does
// nothing.
func (l *Lock) Release() {
	held.Lock()
	defer held.Unlock()
	l.release()
}

func (l *Lock) release() {
	if !held.locks[l] {
		return
	}
	delete(held.locks, l)
	os.Remove(l.Path) // before the file lock is dropped: the next run finds no file or its own
	l.f.Close()
	removeEmpty(l.created)
}

// ReleaseAll releases every lock this process holds, and makes every later Take fail: call
// it from a signal handler before exiting.
func ReleaseAll() {
	held.Lock()
	defer held.Unlock()
	held.closed = true
	for l := range held.locks {
		l.release()
	}
}

// mkdirAll makes dir and returns the folders it made, deepest first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return missing, nil
}

// removeEmpty removes the folders, deepest first, while they are empty.
func removeEmpty(dirs []string) {
	for _, d := range dirs {
		if os.Remove(d) != nil {
			return
		}
	}
}
