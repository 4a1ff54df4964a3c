package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A Set publishes files of one folder together: each is written to a temporary file (Stage),
// and only once all are complete does Commit rename them into place, one after the other.
// Until then the folder holds the previous files; Abort, or Interrupt on a signal, removes
// the temporary files.
//
// A crash (power loss, SIGKILL) between two renames would leave files from two runs. Commit
// therefore first writes a journal naming every rename, and removes it after the last: a
// journal found by a later run (Recover) is finished, since every file it names was complete.
type Set struct {
	dir    string
	staged [][2]string // temporary file, final path
	done   bool
}

// NewSet starts a set of files in dir, which it makes if needed.
func NewSet(dir string) (*Set, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Set{dir: dir}, nil
}

// Stage returns the path of a new, empty temporary file that Commit renames to name in the
// set's folder. Write it with Write, or with anything that writes a file at a path.
func (s *Set) Stage(name string) (string, error) {
	f, err := createTemp(s.dir, name, true)
	if err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Join(s.dir, name), err)
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	s.staged = append(s.staged, [2]string{f.Name(), filepath.Join(s.dir, name)})
	return f.Name(), nil
}

// Commit renames every staged file into place, in the order staged. An error before the first
// rename (a target that is a folder, an interrupt) leaves every previous file in place.
func (s *Set) Commit() error {
	if s.done {
		return fmt.Errorf("%s: set already committed or aborted", s.dir)
	}
	for _, p := range s.staged {
		if st, err := os.Stat(p[1]); err == nil && st.IsDir() {
			return fmt.Errorf("%s is a folder: cannot write the file there", p[1])
		}
	}
	// Under the lock Interrupt takes, so that a signal finds either the journal and every
	// file renamed, or no journal and no file renamed.
	temps.Lock()
	defer temps.Unlock()
	if temps.interrupted {
		return ErrInterrupted
	}
	journal := journalPath(s.dir, os.Getpid())
	if err := writeJournal(journal, s.staged); err != nil {
		os.Remove(journal)
		return fmt.Errorf("%s: %w", journal, err)
	}
	for _, p := range s.staged {
		if err := os.Rename(p[0], p[1]); err != nil {
			// not foreseen by the checks above (an I/O error): the error says so
			os.Remove(journal)
			return err
		}
		delete(temps.paths, p[0])
	}
	s.done = true
	syncDir(s.dir)
	return os.Remove(journal)
}

// Abort removes the staged files not yet renamed. It does nothing after Commit: call it
// deferred.
func (s *Set) Abort() {
	if s.done {
		return
	}
	s.done = true
	for _, p := range s.staged {
		discard(p[0])
	}
}

// journalPath is where the process pid journals a Commit in dir.
func journalPath(dir string, pid int) string {
	return filepath.Join(dir, ".publish."+strconv.Itoa(pid))
}

// journalEnd ends a complete journal: one cut short by a crash is not acted on.
const journalEnd = "end"

// writeJournal writes the renames of a Commit, one "temporary<TAB>final" base-name pair a
// line, then journalEnd, and syncs it.
func writeJournal(path string, pairs [][2]string) error {
	var b strings.Builder
	for _, p := range pairs {
		fmt.Fprintf(&b, "%s\t%s\n", filepath.Base(p[0]), filepath.Base(p[1]))
	}
	b.WriteString(journalEnd + "\n")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	return fill(f, func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// Recover tidies dir after the process pid ended without cleaning up (killed, or the machine
// stopped): it finishes the Commit that process had begun, if any, so that its set is
// published whole, and removes that process's temporary files. It returns the files it
// published.
func Recover(dir string, pid int) ([]string, error) {
	var published []string
	journal := journalPath(dir, pid)
	if f, err := os.Open(journal); err == nil {
		pairs, complete := readJournal(f)
		f.Close()
		for _, p := range pairs {
			if !complete {
				break
			}
			tmp, final := filepath.Join(dir, p[0]), filepath.Join(dir, p[1])
			if _, err := os.Stat(tmp); err != nil {
				continue // renamed before the run ended
			}
			if err := os.Rename(tmp, final); err != nil {
				return published, err
			}
			published = append(published, final)
		}
		syncDir(dir)
		if err := os.Remove(journal); err != nil {
			return published, err
		}
	}
	return published, removeTemps(dir, pid)
}

// readJournal reads a journal's pairs; complete is false when it was cut short.
func readJournal(f *os.File) (pairs [][2]string, complete bool) {
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == journalEnd {
			return pairs, true
		}
		tmp, final, ok := strings.Cut(line, "\t")
		// names only, never a path: a journal cannot move a file out of its folder
		if !ok || tmp != filepath.Base(tmp) || final != filepath.Base(final) {
			return nil, false
		}
		pairs = append(pairs, [2]string{tmp, final})
	}
	return pairs, false
}

// removeTemps removes the temporary files the process pid made in dir.
func removeTemps(dir string, pid int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	mark := "." + strconv.Itoa(pid) + "-"
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".") && strings.HasSuffix(n, ".tmp") && strings.Contains(n, mark) && !e.IsDir() {
			if err := os.Remove(filepath.Join(dir, n)); err != nil {
				return err
			}
		}
	}
	return nil
}
