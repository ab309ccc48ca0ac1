package budget

import (
	"errors"
	"strings"
	"testing"
)

func TestSchemeParse(t *testing.T) {
	tests := []struct {
		scheme, raw string
		want        Level
	}{
		{"oecd_dac", "2", Principal},
		{"oecd_dac", "1", Significant},
		{"oecd_dac", "0", NotTargeted},
		{"oecd_dac", "2.0", Principal},         // a number exported with a fraction
		{"oecd_dac", "\u00a01\t", Significant}, // no-break space
		{"oecd_dac", "2 - Principal", Principal},
		{"oecd_dac", "2 (principal objective)", Principal},
		{"oecd_dac", "0: not targeted", NotTargeted},
		{"iati", "1", Significant},
		{"un_gem", "2", Significant},
		{"un_gem", "3", Principal},
		{"un_gem", "1", Limited},
		{"un_gem", "1 - limited contribution", Limited},
		{"un_gem", "3 (principal)", Principal},
		{"un_gem_2ab", "2A", Significant},
		{"un_gem_2ab", "2b", Principal},
		{"un_gem_2ab", "2B", Principal},
		{"undp", "GEN1", Limited},
		{"undp", "GEN 2", Significant},
		{"undp", "gen-3", Principal},
		{"undp", "GEN2: significant", Significant},
		{"undp", "Gen0", NotTargeted},
		{"pbf", "GM2", Significant},
		{"pbf", "gm 3", Principal},
		{"eu_g", "G1", Significant},
		{"eu_g", "g2", Principal},
		{"eu_cpr", "02", Significant},
		{"eu_cpr", "01", Principal},
		{"eu_cpr", "03", NotTargeted},
		{"eu_cpr", "02 - Gender mainstreaming", Significant},
		{"eu_budget", "0*", Potential},
		{"eu_budget", "0 *", Potential},
		{"eu_budget", "0", NotTargeted},
		{"mptf", "B", Significant},
		{"mptf", "a", Principal},
		{"mptf", "A - principal", Principal},
		{"boolean_principal", "TRUE", Principal},
		{"boolean_principal", "Sí", Principal},
		{"boolean_principal", "SI", Principal},
		{"boolean_principal", "X", Principal},
		{"boolean_principal", "Non", NotTargeted},
		{"boolean_principal", "false", NotTargeted},
		{"boolean_significant", "yes", Significant},
		{"boolean_significant", "0", NotTargeted},
	}
	for _, tt := range tests {
		sc, ok := DefaultSchemes().Lookup(tt.scheme)
		if !ok {
			t.Fatalf("Lookup(%q) failed", tt.scheme)
		}
		got, err := sc.Parse(tt.raw)
		if err != nil {
			t.Errorf("%s.Parse(%q) error: %v", tt.scheme, tt.raw, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s.Parse(%q) = %v, want %v", tt.scheme, tt.raw, got, tt.want)
		}
	}
}

func TestSchemeParseBlank(t *testing.T) {
	for _, sc := range DefaultSchemes().All() {
		for _, raw := range []string{"", " ", "\u00a0", "\t\n", "\ufeff"} {
			got, err := sc.Parse(raw)
			if err != nil || got != NotScreened {
				t.Errorf("%s.Parse(%q) = %v, %v, want not_screened, nil", sc.ID, raw, got, err)
			}
		}
	}
}

func TestSchemeParseErrors(t *testing.T) {
	tests := []struct{ scheme, raw string }{
		{"oecd_dac", "3"},
		{"oecd_dac", "principal"},
		{"oecd_dac", "2 - foo"},
		{"oecd_dac", "2 -"},
		{"oecd_dac", "-1"}, // a negative number is not DAC 1
		{"oecd_dac", "- 2"},
		{"oecd_dac", "2.5"},
		{"oecd_dac", "12"},
		{"iati", "3"},               // desertification only
		{"iati", "4"},               // RMNCH only
		{"un_gem", "2 - Principal"}, // 2 is significant in the UN scale
		{"un_gem", "4"},
		{"un_gem_2ab", "2"},
		{"un_gem_2ab", "3"},
		{"undp", "GEN4"},
		{"undp", "2"},
		{"pbf", "GM4"},
		{"eu_g", "G3"},
		{"eu_cpr", "1"}, // the leading zero is required
		{"eu_cpr", "2"},
		{"eu_cpr", "3"},
		{"eu_cpr", "04"},
		{"eu_budget", "0**"},
		{"eu_budget", "3"},
		{"mptf", "E"},
		{"mptf", "AB"},
		{"boolean_principal", "maybe"},
		{"boolean_significant", "2"},
	}
	for _, tt := range tests {
		sc, ok := DefaultSchemes().Lookup(tt.scheme)
		if !ok {
			t.Fatalf("Lookup(%q) failed", tt.scheme)
		}
		got, err := sc.Parse(tt.raw)
		if !errors.Is(err, ErrUnknownMarker) {
			t.Errorf("%s.Parse(%q) error = %v, want ErrUnknownMarker", tt.scheme, tt.raw, err)
		}
		if got != NotScreened {
			t.Errorf("%s.Parse(%q) = %v on error, want not_screened", tt.scheme, tt.raw, got)
		}
	}
}

func TestSchemeParseErrorMessage(t *testing.T) {
	// The message must name the scheme and the valid codes (or the reason
	// a plausible code is invalid), because users read it to fix a cell.
	tests := []struct {
		scheme, raw string
		wantIn      []string
	}{
		{"oecd_dac", "7", []string{"budget: ", "oecd_dac", "0, 1 or 2"}},
		{"undp", "GEN4", []string{"undp", "GEN3", "GEN0"}},
		{"iati", "3", []string{"iati", "desertification"}},
		{"eu_cpr", "1", []string{"eu_cpr", "01"}},
		{"un_gem", "2 - Principal", []string{"un_gem", "significant"}},
	}
	for _, tt := range tests {
		sc, _ := DefaultSchemes().Lookup(tt.scheme)
		_, err := sc.Parse(tt.raw)
		if err == nil {
			t.Fatalf("%s.Parse(%q) succeeded", tt.scheme, tt.raw)
		}
		for _, w := range tt.wantIn {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s.Parse(%q) error %q does not mention %q", tt.scheme, tt.raw, err, w)
			}
		}
	}
}
