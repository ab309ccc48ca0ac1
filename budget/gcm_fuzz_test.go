package budget

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseObjectives checks that ParseObjectives never panics on cell
// text, that what it accepts is a valid allocation (objectives in 0–23,
// each once, shares positive and summing to 10000), that its errors wrap
// the documented sentinels, and that FormatObjectives output parses back
// to the same value.
func FuzzParseObjectives(f *testing.F) {
	for _, s := range []string{
		"", "7", "07", "7.0", "0", "General", "general", "Général",
		"7 (60%), 16 (40%)", "7: 60 %; 16: 40 %", "3; 7", "3, 7", "3/7", "3 and 7",
		"Obj. 7", "O7", "GCM 7", "Objective 7", "Objetivo 7", "Objectif 7", "N° 7",
		"7 - Reduce vulnerabilities", "Reduce vulnerabilities", "Data",
		"11 - Manage borders in an integrated, secure and coordinated manner",
		"7 (60%), 16", "60% 7, 40% 16", "7 (33,33 %), 16 (66,67 %)",
		"7 (33.33%), 16 (33.33%), 20 (33.34%)", "7 (33.333%), 16 (33.333%), 20 (33.333%)",
		"General (50%), 7 (50%)", "0 - General",
		"24", "7, 7", "3-7", "7 (60%), 16 (30%)", "7 (100%), 16", "n/a", "-", "SDG 5",
		"7 (0%)", "%", "7 (99999999999999999999%)", "99999999999999999999", "\u00a07\u00a0",
		"7 (60%) (40%)", "٧", "7,5%", "(7 (,5%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseObjectives(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidObjective) && !errors.Is(err, ErrShareSum) {
				t.Fatalf("ParseObjectives(%q) error %v wraps neither ErrInvalidObjective nor ErrShareSum", s, err)
			}
			if !strings.HasPrefix(err.Error(), "budget: ") {
				t.Fatalf("ParseObjectives(%q) error %q does not start with \"budget: \"", s, err)
			}
			if got != nil {
				t.Fatalf("ParseObjectives(%q) = %v with an error", s, got)
			}
			return
		}
		if TrimCell(s) == "" {
			if got != nil {
				t.Fatalf("ParseObjectives(%q) = %v, want nil for a blank cell", s, got)
			}
			return
		}
		if len(got) == 0 {
			t.Fatalf("ParseObjectives(%q) = no objectives and no error", s)
		}
		sum := 0
		seen := map[int]bool{}
		for _, o := range got {
			if o.Objective < 0 || o.Objective > 23 {
				t.Fatalf("ParseObjectives(%q) = %v: objective %d out of range", s, got, o.Objective)
			}
			if seen[o.Objective] {
				t.Fatalf("ParseObjectives(%q) = %v: objective %d repeated", s, got, o.Objective)
			}
			seen[o.Objective] = true
			if o.Share <= 0 {
				t.Fatalf("ParseObjectives(%q) = %v: share %d not positive", s, got, o.Share)
			}
			sum += o.Share
		}
		if sum != 10000 {
			t.Fatalf("ParseObjectives(%q) = %v: shares sum to %d, want 10000", s, got, sum)
		}
		text := FormatObjectives(got)
		back, err := ParseObjectives(text)
		if err != nil {
			t.Fatalf("ParseObjectives(FormatObjectives(%v) = %q) error: %v", got, text, err)
		}
		if diff := cmp.Diff(got, back); diff != "" {
			t.Fatalf("round trip of %q through %q (-first +second):\n%s", s, text, diff)
		}
	})
}
