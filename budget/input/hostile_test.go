package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/files"
)

// within runs f, failing the test when it takes more than a few seconds
// (a read that hangs on a pipe or a device).
func within(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still running after 5 s", what)
		return nil
	}
}

// Every way in refuses what is not a regular file, and a file larger
// than --max-bytes, before reading any of it: a device, a named pipe, a
// folder, a link to either, a non-zip file named .xlsx.
func TestHostilePaths(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	zero := filepath.Join(dir, "zero.csv")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	big := filepath.Join(dir, "big.xlsx") // not a zip, 64 KiB of text
	if err := os.WriteFile(big, []byte(strings.Repeat("a;b;c;1\n", 8<<10)), 0o600); err != nil {
		t.Fatal(err)
	}
	bigCSV := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(bigCSV, []byte("Description,Amount\n"+strings.Repeat("x,1\n", 16<<10)), 0o600); err != nil {
		t.Fatal(err)
	}
	opt := budget.Options{MaxBytes: 4096}
	for _, tc := range []struct {
		name string
		want error
	}{
		{fifo, files.ErrNotRegular},
		{zero, files.ErrNotRegular},
		{dir, files.ErrNotRegular},
		{big, budget.ErrLimit},
		{bigCSV, budget.ErrLimit},
	} {
		ways := map[string]func() error{
			"ReadFile":     func() error { _, err := ReadFile(tc.name, opt); return err },
			"OpenTagging":  func() error { _, err := OpenTagging(tc.name, opt, ""); return err },
			"ReadReviewed": func() error { _, err := ReadReviewed(tc.name, opt); return err },
		}
		if tc.want == files.ErrNotRegular {
			ways["Detect"] = func() error { _, err := Detect(tc.name); return err }
			ways["ReadQuestionnaire"] = func() error { _, err := ReadQuestionnaire(tc.name); return err }
		}
		for way, f := range ways {
			what := way + " " + filepath.Base(tc.name)
			if err := within(t, what, f); !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", what, err, tc.want)
			}
		}
	}
}
