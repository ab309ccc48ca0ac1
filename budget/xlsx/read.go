package xlsx

import (
	"bytes"
	"io"
	"os"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// zipMagic starts every zip archive, and so every .xlsx workbook.
var zipMagic = []byte("PK\x03\x04")

// Sniff reports whether head, the first bytes of a file, start like an
// .xlsx workbook (a zip archive). It is the one zip sniff of grb.
func Sniff(head []byte) bool { return bytes.HasPrefix(head, zipMagic) }

// Read reads a budget from the .xlsx workbook r; name is used in
// messages. The returned Budget is non-nil whenever err is nil, and also
// when the workbook could be opened but yielded no lines (err then wraps
// budget.ErrNoHeader or budget.ErrNoAmountColumn and b.Issues says why).
func Read(r io.Reader, name string, opt budget.Options) (*budget.Budget, error) {
	opt, err := opt.WithDefaults()
	if err != nil {
		return nil, err
	}
	src, err := Open(r, name, opt.MaxBytes, opt.MaxRows)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	b := &budget.Budget{Source: name, Format: "xlsx", Tolerance: opt.Tolerance}
	if err := grid.Read(b, src, name, &opt); err != nil {
		return nil, err
	}
	return b, grid.CheckLines(b, name)
}

// ReadFile reads the .xlsx workbook name, as Read does.
func ReadFile(name string, opt budget.Options) (*budget.Budget, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, name, opt)
}
