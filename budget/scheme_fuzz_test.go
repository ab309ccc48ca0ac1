package budget

import (
	"errors"
	"testing"
)

// FuzzSchemeParse checks that every embedded scheme's Parse never panics
// on cell text, reads a blank cell as not screened, returns a screened
// level on success and an error wrapping ErrUnknownMarker otherwise, and
// that Infer never panics on the same text.
func FuzzSchemeParse(f *testing.F) {
	for _, s := range []string{
		"", " ", "\u00a0", "0", "1", "2", "3", "4", "2.0", "-1", "2 -", "01", "02", "03",
		"2a", "2B", "GEN0", "GEN 2", "gen-3", "GEN2: significant", "GM1", "G2", "0*", "0 *",
		"A", "b", "TRUE", "false", "Sí", "oui", "x", "2 - Principal", "3 (principal)",
		"02 - Gender mainstreaming", "Principal", "n/a", "\xff", "GEN\u200b2",
	} {
		f.Add(s)
	}
	schemes := DefaultSchemes().All()
	f.Fuzz(func(t *testing.T, raw string) {
		for _, sc := range schemes {
			got, err := sc.Parse(raw)
			switch {
			case TrimCell(raw) == "":
				if err != nil || got != NotScreened {
					t.Fatalf("%s.Parse(%q) = %v, %v; want not_screened, nil", sc.ID, raw, got, err)
				}
			case err != nil:
				if !errors.Is(err, ErrUnknownMarker) {
					t.Fatalf("%s.Parse(%q) error %v does not wrap ErrUnknownMarker", sc.ID, raw, err)
				}
				if got != NotScreened {
					t.Fatalf("%s.Parse(%q) = %v with an error", sc.ID, raw, got)
				}
			default:
				if !got.Screened() || got > Principal {
					t.Fatalf("%s.Parse(%q) = %v, want a screened level", sc.ID, raw, got)
				}
			}
		}
		inf := DefaultSchemes().Infer(raw, []string{raw, "1"})
		if inf.Reason == "" {
			t.Fatalf("Infer(%q) gave no reason", raw)
		}
	})
}
