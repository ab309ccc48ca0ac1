package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/grb-toolkit/grb/templates"
)

// sampleIn writes the embedded sample into the working directory.
func sampleIn(t *testing.T) string {
	t.Helper()
	if err := os.WriteFile(templates.SampleBudgetName, templates.SampleBudget(), 0o644); err != nil {
		t.Fatal(err)
	}
	return templates.SampleBudgetName
}

// template and tag -o do not overwrite an existing file (a tagging
// workbook someone filled in) without --force, and say so before reading
// anything.
func TestTaggingOutputNotOverwritten(t *testing.T) {
	t.Chdir(t.TempDir())
	in := sampleIn(t)
	filled := []byte("a filled-in tagging workbook")
	for _, cmd := range []string{"template", "tag"} {
		if err := os.WriteFile("work.xlsx", filled, 0o644); err != nil {
			t.Fatal(err)
		}
		res := runGrb(t, []string{"grb", cmd, in, "-o", "work.xlsx"})
		if got, _ := os.ReadFile("work.xlsx"); res.code != exitUsage || !bytes.Equal(got, filled) || !strings.Contains(res.stderr, "--force") {
			t.Errorf("grb %s -o over an existing file: exit %d, %q; the file changed: %v", cmd, res.code, res.stderr, !bytes.Equal(got, filled))
		}
		// -o is checked before the input is read: a missing input is not
		// what is reported.
		if res := runGrb(t, []string{"grb", cmd, "missing.csv", "-o", "work.xlsx"}); !strings.Contains(res.stderr, "work.xlsx") {
			t.Errorf("grb %s missing.csv -o work.xlsx: %q, want the output refused first", cmd, res.stderr)
		}
		if res := runGrb(t, []string{"grb", cmd, in, "-o", "work.xlsx", "--force"}); res.code != exitOK {
			t.Errorf("grb %s --force: exit %d: %s", cmd, res.code, res.stderr)
		}
	}
}

// report --force never writes over an input, whatever flag named it.
func TestReportNeverOverwritesInputs(t *testing.T) {
	t.Chdir(t.TempDir())
	in := sampleIn(t)
	if err := os.Mkdir("out", 0o755); err != nil {
		t.Fatal(err)
	}
	q := filepath.Join("out", "report.xlsx")
	if res := runGrb(t, []string{"grb", "sdg5c1", "--template", "-o", q}); res.code != exitOK {
		t.Fatalf("sdg5c1 --template: %d %s", res.code, res.stderr)
	}
	before, _ := os.ReadFile(q)
	res := runGrb(t, []string{"grb", "report", in, "--sdg5c1", q, "-o", "out", "--force"})
	after, _ := os.ReadFile(q)
	if res.code == exitOK || !bytes.Equal(before, after) || !strings.Contains(res.stderr, "overwrite") {
		t.Errorf("report --force over its --sdg5c1 file: exit %d, %q; changed: %v", res.code, res.stderr, !bytes.Equal(before, after))
	}
}

// -o of report is checked before any input is read.
func TestReportOutputCheckedFirst(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("out", 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join("out", "x"), nil, 0o644)
	res := runGrb(t, []string{"grb", "report", "missing.csv", "-o", "out"})
	if res.code != exitUsage || !strings.Contains(res.stderr, "not empty") {
		t.Errorf("report missing.csv -o non-empty: exit %d, %q; want the folder refused first", res.code, res.stderr)
	}
}

// A second run into a folder another run is writing fails cleanly; a
// lock left by a killed run, and its temporary files, are cleared.
func TestReportLockAndLeftovers(t *testing.T) {
	t.Chdir(t.TempDir())
	in := sampleIn(t)
	os.Mkdir("out", 0o755)
	lock := filepath.Join("out", ".grb.lock")
	os.WriteFile(lock, []byte(fmt.Sprintf("%d\n", os.Getpid())), 0o644) // a live run
	res := runGrb(t, []string{"grb", "report", in, "-o", "out", "--force"})
	if res.code == exitOK || !strings.Contains(res.stderr, "another grb run") {
		t.Errorf("report into a locked folder: exit %d, %q", res.code, res.stderr)
	}
	if _, err := os.Stat(filepath.Join("out", "report.xlsx")); err == nil {
		t.Errorf("report into a locked folder wrote report.xlsx")
	}
	// A run killed by SIGKILL left its lock and a temporary file.
	os.WriteFile(lock, []byte("999999999\n"), 0o644)
	os.MkdirAll(filepath.Join("out", "charts"), 0o755)
	os.WriteFile(filepath.Join("out", ".report.xlsx.tmp123456"), []byte("partial"), 0o644)
	os.WriteFile(filepath.Join("out", "charts", ".gewe-trend.svg.tmp99"), []byte("partial"), 0o644)
	if res := runGrb(t, []string{"grb", "report", in, "-o", "out"}); res.code != exitOK {
		t.Fatalf("report after a killed run: exit %d, %s", res.code, res.stderr)
	}
	for _, left := range []string{lock, filepath.Join("out", ".report.xlsx.tmp123456"), filepath.Join("out", "charts", ".gewe-trend.svg.tmp99")} {
		if _, err := os.Stat(left); err == nil {
			t.Errorf("%s is still there", left)
		}
	}
}

// Every file a flag names is checked as the inputs are: a named pipe is
// refused at once, not waited on.
func TestFlagFilesChecked(t *testing.T) {
	t.Chdir(t.TempDir())
	in := sampleIn(t)
	if err := syscall.Mkfifo("pipe.yaml", 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, args := range [][]string{
		{"grb", "validate", in, "--mapping", "pipe.yaml"},
		{"grb", "validate", in, "--schemes", "pipe.yaml"},
		{"grb", "tag", in, "-o", "t.xlsx", "--rules", "pipe.yaml"},
		{"grb", "analyze", in, "--weightings", "pipe.yaml"},
		{"grb", "check", in, "--profile", "pipe.yaml"},
		{"grb", "analyze", in, "--deflators", "pipe.yaml"},
		{"grb", "report", in, "-o", "out", "--sdg5c1", "pipe.yaml"},
	} {
		done := make(chan result, 1)
		go func() { done <- runGrb(t, args) }()
		select {
		case res := <-done:
			if res.code == exitOK || !strings.Contains(res.stderr, "not a regular file") {
				t.Errorf("%v: exit %d, %q", args[1:], res.code, res.stderr)
			}
		case <-timeAfter():
			t.Fatalf("%v: still running after 5 s", args[1:])
		}
	}
}

func timeAfter() <-chan time.Time { return time.After(5 * time.Second) }
