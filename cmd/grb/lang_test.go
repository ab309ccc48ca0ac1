package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLangFlag: grb demo and grb report write in the language of --lang
// (the findings on screen, the HTML page and its lang attribute), and an
// unknown language is a usage error.
func TestLangFlag(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tt := range []struct{ lang, attr, word string }{
		{"fr", `<html lang="fr">`, "Principaux constats"},
		{"es", `<html lang="es">`, "Conclusiones principales"},
		{"en", `<html lang="en">`, "Key findings"},
	} {
		out := "demo-" + tt.lang
		res := runGrb(t, []string{"grb", "demo", "--lang", tt.lang, "-o", out})
		if res.code != exitOK {
			t.Fatalf("grb demo --lang %s: exit %d: %s", tt.lang, res.code, res.stderr)
		}
		html, err := os.ReadFile(filepath.Join(out, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), tt.attr) || !strings.Contains(string(html), tt.word) {
			t.Errorf("--lang %s: report.html lacks %q or %q", tt.lang, tt.attr, tt.word)
		}
		if tt.lang != "en" && strings.Contains(res.stdout, "of all the money") {
			t.Errorf("--lang %s: English findings on screen:\n%s", tt.lang, res.stdout)
		}
	}
	if res := runGrb(t, []string{"grb", "demo", "--lang", "de", "-o", "x"}); res.code != exitUsage {
		t.Errorf("--lang de: exit %d, want the usage error %d", res.code, exitUsage)
	}
}
