package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A sum past Money's range is an error of validate, located; analyze,
// report and check say which sum and why instead of a bare "money
// overflow".
func TestSumOverflowCLI(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "o.csv")
	const big = "100000000000000000000"
	if err := os.WriteFile(name, []byte("Programme,Approved\nA,"+big+"\nB,"+big+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		out  func(result) string
	}{
		{[]string{"grb", "validate", name}, func(r result) string { return r.stdout + r.stderr }},
		{[]string{"grb", "analyze", name}, func(r result) string { return r.stderr }},
		{[]string{"grb", "check", "--profile", "un-15", name}, func(r result) string { return r.stderr }},
		{[]string{"grb", "report", "-o", filepath.Join(dir, "out"), name}, func(r result) string { return r.stderr }},
	} {
		r := runGrb(t, tc.args)
		out := tc.out(r)
		if r.code != exitInvalid || !strings.Contains(out, "o.csv:B3") || !strings.Contains(out, "approved amounts of column Approved") || !strings.Contains(out, "1.7e20") {
			t.Errorf("grb %s: exit %d, output\n%s\nwant exit %d naming o.csv:B3, the approved amounts of column Approved and the range", tc.args[1], r.code, out, exitInvalid)
		}
	}
}
