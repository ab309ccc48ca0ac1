package csv

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
	"github.com/grb-toolkit/grb/internal/files"
)

// Read reads a budget from the csv text r (comma-, semicolon- or
// tab-separated; UTF-8, UTF-16 or Windows-1252); name is used in
// messages. The returned Budget is non-nil whenever err is nil, and also
// when the file could be opened but yielded no lines (err then wraps
// budget.ErrNoHeader or budget.ErrNoAmountColumn and b.Issues says why).
func Read(r io.Reader, name string, opt budget.Options) (*budget.Budget, error) {
	opt, err := opt.WithDefaults()
	if err != nil {
		return nil, err
	}
	src, err := Open(r, name, opt.Delimiter, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if opt.Sheet != "" {
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w %q: a csv file has no sheets (drop --sheet)", budget.ErrNoSuchSheet, opt.Sheet)}
	}
	f := src.Format()
	b := &budget.Budget{Source: name, Format: "csv", CSV: &f, Tolerance: opt.Tolerance}
	if err := grid.Read(b, src, name, &opt); err != nil {
		return nil, err
	}
	if off, bad := src.InvalidUTF8(); bad {
		b.AddIssue(budget.Warning, "encoding-invalid", budget.At(name, "", 0, 0), "", "UTF-8 text throughout", fmt.Sprintf("bytes that are not UTF-8 from byte %d on were read as U+FFFD (the start of the file looked like UTF-8); re-save the file as UTF-8", off), nil)
	}
	return b, grid.CheckLines(b, name)
}

// ReadFile reads the csv file name, as Read does. It sizes the line slice
// from the file's size and, for a .csv, .tsv or .txt file, from a count of
// its lines (a fast byte scan), so that a file of a million lines is not
// copied over and over as its lines are read.
//
// The file must be a regular file no larger than opt.MaxBytes
// (files.Check): it is checked before its lines are counted.
func ReadFile(name string, opt budget.Options) (*budget.Budget, error) {
	f, err := files.Open(name, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		opt.SizeHint = st.Size()
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".csv" || ext == ".tsv" || ext == ".txt" {
		if n, err := CountLines(f); err == nil {
			opt.RowHint = n
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return Read(f, name, opt)
}

// CountLines counts the newlines of r, plus one for a last line without
// one.
func CountLines(r io.Reader) (int, error) {
	buf := make([]byte, 256<<10)
	n, last := 0, byte('\n')
	for {
		k, err := r.Read(buf)
		if k > 0 {
			n += bytes.Count(buf[:k], []byte{'\n'})
			last = buf[k-1]
		}
		if err == io.EOF {
			if last != '\n' {
				n++
			}
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}
