//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outlock

import (
	"errors"
	"os"
)

var errLocked = errors.New("locked")

// tryLock does nothing here: the recorded process id decides.
func tryLock(*os.File) error { return nil }

// alive reports whether the process pid runs; where that cannot be told, it is taken to.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
