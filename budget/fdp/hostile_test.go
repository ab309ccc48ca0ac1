package fdp

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/files"
)

// withResource is testPackage with its resource's path replaced.
func withResource(path string) string {
	return strings.Replace(testPackage, `"path": "data/lines.csv"`, `"path": "`+path+`"`, 1)
}

// readWithin reads the package dir as ReadFile does, failing the test
// when it takes more than a few seconds (a read that hangs).
func readWithin(t *testing.T, dir string, opt budget.Options) (*budget.Budget, error) {
	t.Helper()
	type res struct {
		b   *budget.Budget
		err error
	}
	done := make(chan res, 1)
	go func() {
		b, err := ReadFile(dir, opt)
		done <- res{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("ReadFile(%s) still running after 5 s", dir)
		return nil, nil
	}
}

// A resource that is the descriptor itself, or the package's folder, is
// not followed back into the package: the data are read as csv and never
// as a package (once a stack overflow), and a folder is no file.
func TestResourceIsThePackage(t *testing.T) {
	for _, tc := range []struct {
		path string
		want error
	}{
		{"datapackage.json", nil}, // read as csv: not a budget, but no recursion
		{".", files.ErrNotRegular},
		{"data", files.ErrNotRegular},
	} {
		dir := writePackage(t, withResource(tc.path), fdpData)
		_, err := readWithin(t, dir, budget.Options{})
		if err == nil {
			t.Errorf("resource %q: no error", tc.path)
			continue
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("resource %q: %v, want %v", tc.path, err, tc.want)
		}
	}
}

// A resource that is a symbolic link out of the package is refused
// before it is read: grb never prints another file's lines.
func TestResourceSymlinkOutside(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.csv")
	if err := os.WriteFile(outside, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{outside, "/dev/zero"} {
		dir := writePackage(t, testPackage, fdpData)
		data := filepath.Join(dir, "data", "lines.csv")
		os.Remove(data)
		if err := os.Symlink(target, data); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		b, err := readWithin(t, dir, budget.Options{})
		if !errors.Is(err, files.ErrOutside) {
			t.Errorf("symlink to %s: %v, want files.ErrOutside", target, err)
		}
		if b != nil && strings.Contains(fmt.Sprint(b.Issues), "root:x") {
			t.Errorf("symlink to %s: the outside file was read", target)
		}
	}
	// A link that stays inside the package is fine.
	dir := writePackage(t, testPackage, fdpData)
	data := filepath.Join(dir, "data", "lines.csv")
	if err := os.Rename(data, filepath.Join(dir, "data", "real.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.csv", data); err != nil {
		t.Fatal(err)
	}
	if b, err := readWithin(t, dir, budget.Options{}); err != nil || b.Lines.Len() != 3 {
		t.Errorf("a link inside the package: %v", err)
	}
}

// A named pipe as the resource is refused at once, not read forever.
func TestResourceFIFO(t *testing.T) {
	dir := writePackage(t, testPackage, fdpData)
	data := filepath.Join(dir, "data", "lines.csv")
	os.Remove(data)
	if err := syscall.Mkfifo(data, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if _, err := readWithin(t, dir, budget.Options{}); !errors.Is(err, files.ErrNotRegular) {
		t.Errorf("a FIFO resource: %v, want files.ErrNotRegular", err)
	}
}

// --max-bytes applies to the resource before any of it is read (its
// lines were counted first).
func TestResourceMaxBytes(t *testing.T) {
	dir := writePackage(t, testPackage, fdpData)
	_, err := readWithin(t, dir, budget.Options{MaxBytes: 100})
	if !errors.Is(err, budget.ErrLimit) || !strings.Contains(err.Error(), "bytes, more than") {
		t.Errorf("a resource over --max-bytes: %v, want the file's size refused", err)
	}
}

// A descriptor saved with a UTF-8 byte-order mark is read; JSON after
// the descriptor is an error, not ignored.
func TestDescriptorBOMAndTrailing(t *testing.T) {
	dir := writePackage(t, "\ufeff"+testPackage, fdpData)
	if b, err := readWithin(t, dir, budget.Options{}); err != nil || b.Lines.Len() != 3 {
		t.Errorf("descriptor with a BOM: %v", err)
	}
	for _, tail := range []string{`{"resources": []}`, `]`, `x`} {
		dir := writePackage(t, testPackage+"\n"+tail, fdpData)
		if _, err := ReadPackage(dir); !errors.Is(err, ErrNotPackage) || !strings.Contains(err.Error(), "after the descriptor") {
			t.Errorf("descriptor followed by %q: %v, want an error", tail, err)
		}
	}
	dir = writePackage(t, testPackage+"\n \t\n", fdpData)
	if _, err := ReadPackage(dir); err != nil {
		t.Errorf("descriptor followed by white space: %v", err)
	}
}
