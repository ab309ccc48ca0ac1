package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// ErrNotRegular reports an input that is not a regular file: a folder, a
// device such as /dev/zero, a named pipe or a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrOutside reports a package resource that leaves its package's folder
// once its symbolic links are followed.
var ErrOutside = errors.New("outside the package's folder")

// Limit is the byte limit max means, as budget.Options.MaxBytes says it:
// 0 is budget.DefaultMaxBytes, a negative limit none (returned as 0).
func Limit(max int64) int64 {
	switch {
	case max == 0:
		return budget.DefaultMaxBytes
	case max < 0:
		return 0
	}
	return max
}

// Check resolves name, following its symbolic links, and returns the
// resolved path. It refuses, with an error naming name, a file that does
// not exist, that is not a regular file (ErrNotRegular) or that is
// larger than max bytes (budget.ErrLimit; see Limit for what max means).
// Nothing of the file is read, and a pipe is not opened.
func Check(name string, max int64) (string, error) {
	real, err := resolve(name)
	if err != nil {
		return "", err
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() {
		what := "a folder"
		if !st.IsDir() {
			what = "a device, pipe or socket"
		}
		if real != name {
			what += " (" + real + ")"
		}
		return "", &budget.ParseError{File: name, Err: fmt.Errorf("%w: %s; grb reads files only", ErrNotRegular, what)}
	}
	if lim := Limit(max); lim > 0 && st.Size() > lim {
		return "", &budget.ParseError{File: name, Err: fmt.Errorf("%w: the file has %d bytes, more than the limit of %d; raise it with --max-bytes", budget.ErrLimit, st.Size(), lim)}
	}
	return real, nil
}

// Within checks name as Check does, and that, resolved, it lies inside
// the folder root, itself resolved (ErrOutside).
func Within(root, name string, max int64) (string, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	real, err := resolve(name)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || !filepath.IsLocal(rel) {
		return "", &budget.ParseError{File: name, Err: fmt.Errorf("%w: it resolves to %s", ErrOutside, real)}
	}
	return Check(name, max)
}

// resolve follows the symbolic links of name; a missing file is reported
// as opening it would be.
func resolve(name string) (string, error) {
	real, err := filepath.EvalSymlinks(name)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "", &fs.PathError{Op: "open", Path: name, Err: pe.Err}
	}
	return real, err
}

// Open opens name for reading once Check allows it.
func Open(name string, max int64) (*os.File, error) {
	if _, err := Check(name, max); err != nil {
		return nil, err
	}
	return os.Open(name)
}

// ReadFile reads name once Check allows it, and never more than max
// bytes of it, should it grow while read.
func ReadFile(name string, max int64) ([]byte, error) {
	f, err := Open(name, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	lim := Limit(max)
	if lim > 0 {
		r = io.LimitReader(f, lim+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if lim > 0 && int64(len(data)) > lim {
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w: the file has more than %d bytes; raise the limit with --max-bytes", budget.ErrLimit, lim)}
	}
	return data, nil
}

// Same reports whether the paths a and b name one file (through links
// or not); a path that does not exist names no file.
func Same(a, b string) bool {
	if ra, rb := abs(a), abs(b); ra != "" && ra == rb {
		return true
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

func abs(name string) string {
	if real, err := filepath.EvalSymlinks(name); err == nil {
		name = real
	}
	a, err := filepath.Abs(name)
	if err != nil {
		return ""
	}
	return a
}

// IsTemp reports whether the base name is one of the temporary files
// WriteAtomic writes (".NAME.tmp" and a random suffix), as a run killed
// before renaming it leaves behind.
func IsTemp(base string) bool {
	return strings.HasPrefix(base, ".") && strings.Contains(base, ".tmp")
}
