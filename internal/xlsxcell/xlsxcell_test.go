package xlsxcell

import (
	"strings"
	"testing"
)

func TestCut(t *testing.T) {
	long := strings.Repeat("é", MaxUnits+3)
	if got := Cut(long); len([]rune(got)) != MaxUnits {
		t.Errorf("cut to %d characters, want %d", len([]rune(got)), MaxUnits)
	}
	rocket := strings.Repeat("🚀", MaxUnits/2+1) // two units each
	if got := Cut(rocket); len([]rune(got)) != MaxUnits/2 {
		t.Errorf("cut to %d rockets, want %d", len([]rune(got)), MaxUnits/2)
	}
	if Cut("short") != "short" {
		t.Error("a short text was changed")
	}
}

func TestAppendText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":          "plain",
		"a & <b> \"q\"":  "a &amp; &lt;b&gt; &#34;q&#34;",
		"two\nlines\r":   "two\nlines&#xD;",
		"ctrl\x01":       "ctrl\uFFFD",
		"_x0041_":        "_x005F_x0041_",
		"_x005F_x0041_":  "_x005F_x005F_x005F_x0041_",
		"snake_case_x12": "snake_case_x12",
	} {
		if got := string(AppendText(nil, in)); got != want {
			t.Errorf("AppendText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPreserve(t *testing.T) {
	for in, want := range map[string]bool{"": false, "a": false, " a": true, "a\n": true, "a b": false} {
		if Preserve(in) != want {
			t.Errorf("Preserve(%q) = %v", in, !want)
		}
	}
}
