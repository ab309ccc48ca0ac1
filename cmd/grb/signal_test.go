//go:build unix

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/grb-toolkit/grb/internal/files"
)

// buildGrb builds the grb binary into a temporary folder, once per test.
func buildGrb(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the grb binary")
	}
	bin := filepath.Join(t.TempDir(), "grb")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigCSV writes a budget of n lines.
func bigCSV(t *testing.T, name string, n int) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Ministry,Programme,Description,Approved,GCM objective,Gender marker (OECD DAC)")
	for i := range n {
		fmt.Fprintf(w, "Interior,P%d,Line number %d,%d.50,7,2\n", i%500, i, i%997+1)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// Ctrl-C stops grb within a second, whatever it is doing: exit status
// 130, one line on stderr, no temporary or lock file left behind.
func TestInterrupt(t *testing.T) {
	bin := buildGrb(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "big.csv")
	bigCSV(t, in, 1_200_000) // a report of it runs well past the later signal
	for _, after := range []time.Duration{500 * time.Millisecond, 2500 * time.Millisecond} {
		out := filepath.Join(dir, fmt.Sprint("out", after))
		cmd := exec.Command(bin, "report", in, "-o", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		sent := time.Now()
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		took := time.Since(sent)
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Errorf("SIGINT after %v: %v after %v more, want exit status 130", after, err, took)
			continue
		}
		if code := ee.ExitCode(); code != 130 || took > 5*time.Second { // 1 s when the machine is quiet; slack for a test machine running other packages' tests at once
			t.Errorf("SIGINT after %v: exit %d after %v, want 130 within a second; stderr %q", after, code, took, stderr.String())
		}
		if s := strings.TrimSpace(stderr.String()); !strings.HasSuffix(s, "grb: interrupted") {
			t.Errorf("SIGINT after %v: stderr %q, want it to end with grb: interrupted", after, s)
		}
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && (files.IsTemp(d.Name()) || d.Name() == files.LockName) {
				t.Errorf("SIGINT after %v: %s left behind", after, p)
			}
			return nil
		})
	}
}

// A closed stdout (grb report … | head -1) ends grb quietly: every
// report file is written, nothing is said on stderr, and the exit status
// is 141 (128 + SIGPIPE), as for other tools cut off by a pipe.
func TestBrokenPipe(t *testing.T) {
	bin := buildGrb(t)
	t.Chdir(t.TempDir())
	in := sampleIn(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // nobody reads
	cmd := exec.Command(bin, "report", in, "-o", "out")
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	w.Close()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 141 {
		t.Errorf("report into a closed pipe: %v, want exit status 141", err)
	}
	if s := stderr.String(); strings.Contains(s, "broken pipe") || strings.Contains(s, "signal") {
		t.Errorf("stderr %q, want no word of the pipe", s)
	}
	for _, name := range []string{"report.xlsx", "report.html"} {
		if _, err := os.Stat(filepath.Join("out", name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
}
