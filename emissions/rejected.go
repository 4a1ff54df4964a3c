package emissions

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// Every rejected row's messages, for annotate, which writes each next to its row: a million
// bad rows must cost disk, not memory, so they go to a temporary file in the order found,
// whatever the bound on the list, and are read back in that order (RejectedSource).

// Rejected is one message of a rejected row (Problem.RejectedRow).
type Rejected struct {
	Place   Place
	Message string
}

// RejectedSource gives rejected rows' messages in the order they were found: a sheet's rows
// in the order they were read.
type RejectedSource interface {
	Each(yield func(*Rejected) error) error
}

// RejectedOf gives the rejected rows' messages among problems, in their order: for problems
// held in memory.
func RejectedOf(problems []Problem) RejectedSource { return rejectedList(problems) }

type rejectedList []Problem

func (ps rejectedList) Each(yield func(*Rejected) error) error {
	for _, p := range ps {
		if place, ok := p.RejectedRow(); ok {
			if err := yield(&Rejected{Place: place, Message: p.Message}); err != nil {
				return err
			}
		}
	}
	return nil
}

// rejectedSpool holds the records of one Problems: stretches of temporary files, the last
// of them the file it writes, which it shares with no one. Merging another's records appends
// their stretches: nothing is copied.
type rejectedSpool struct {
	done []rejectedStretch // before the file being written
	f    *os.File          // being written from start on
	w    *bufio.Writer
	// start is where the stretch being written starts in f; size is f's size, buffered
	// bytes included
	start, size int64
	buf         []byte
	err         error
}

type rejectedStretch struct {
	f        *os.File
	from, to int64
}

// add writes one record: file, sheet, row and message, each string framed by its length.
func (s *rejectedSpool) add(place Place, message string) {
	if s.err != nil {
		return
	}
	if s.f == nil {
		f, err := os.CreateTemp("", "footprint-rejected-*")
		if err != nil {
			s.err = fmt.Errorf("cannot create a temporary file for the rejected rows: %w", err)
			return
		}
		_ = os.Remove(f.Name()) // it lives as long as it is open, and nothing is left behind
		s.f, s.w, s.start, s.size = f, bufio.NewWriterSize(f, 1<<16), 0, 0
	}
	b := s.buf[:0]
	for _, v := range []string{place.File, place.Sheet} {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	b = binary.AppendUvarint(b, uint64(place.Row))
	b = binary.AppendUvarint(b, uint64(len(message)))
	b = append(b, message...)
	s.buf = b
	n, err := s.w.Write(b)
	s.size += int64(n)
	if err != nil {
		s.err = fmt.Errorf("cannot write the rejected rows' temporary file: %w", err)
	}
}

// stretches are every record written, in order, flushed to their files.
func (s *rejectedSpool) stretches() ([]rejectedStretch, error) {
	if s.err != nil {
		return nil, s.err
	}
	out := s.done
	if s.f != nil {
		if err := s.w.Flush(); err != nil {
			return nil, fmt.Errorf("cannot write the rejected rows' temporary file: %w", err)
		}
		if s.size > s.start {
			out = append(out[:len(out):len(out)], rejectedStretch{s.f, s.start, s.size})
		}
	}
	return out, nil
}

// merge appends o's records after s's; o is not to be written any more.
func (s *rejectedSpool) merge(o *rejectedSpool) {
	if s.err != nil {
		return
	}
	more, err := o.stretches()
	if err != nil {
		s.err = err
		return
	}
	if len(more) == 0 {
		return
	}
	if s.done, err = s.stretches(); err != nil {
		s.err = err
		return
	}
	s.done = append(s.done, more...)
	// what s writes next is a stretch after o's
	s.start = s.size
	o.done, o.f = nil, nil
}

// close closes every file of s's.
func (s *rejectedSpool) close() {
	seen := map[*os.File]bool{}
	for _, st := range s.done {
		if !seen[st.f] {
			seen[st.f] = true
			_ = st.f.Close()
		}
	}
	if s.f != nil && !seen[s.f] {
		_ = s.f.Close()
	}
	*s = rejectedSpool{}
}

var errRejectedSpool = errors.New("the rejected rows' temporary file is damaged")

// Each reads the records back in order.
func (s *rejectedSpool) Each(yield func(*Rejected) error) error {
	sts, err := s.stretches()
	if err != nil {
		return err
	}
	var r Rejected
	var buf []byte
	for _, st := range sts {
		br := bufio.NewReaderSize(io.NewSectionReader(st.f, st.from, st.to-st.from), 1<<16)
		// str reads a string; same, when its bytes are the same, is given back rather than a
		// copy (the file and sheet repeat from record to record)
		str := func(same string) (string, error) {
			n, err := binary.ReadUvarint(br)
			if err != nil || n > 1<<31 {
				return "", errRejectedSpool
			}
			if uint64(cap(buf)) < n {
				buf = make([]byte, n)
			}
			buf = buf[:n]
			if _, err := io.ReadFull(br, buf); err != nil {
				return "", errRejectedSpool
			}
			if string(buf) == same {
				return same, nil
			}
			return string(buf), nil
		}
		for {
			if _, err := br.Peek(1); err == io.EOF {
				break
			}
			var errs [3]error
			r.Place.File, errs[0] = str(r.Place.File)
			r.Place.Sheet, errs[1] = str(r.Place.Sheet)
			row, err := binary.ReadUvarint(br)
			if err != nil || row > 1<<31 {
				return errRejectedSpool
			}
			r.Place.Row = int(row)
			r.Message, errs[2] = str("")
			if err := errors.Join(errs[:]...); err != nil {
				return errRejectedSpool
			}
			if err := yield(&r); err != nil {
				return err
			}
		}
	}
	return nil
}
