package budget

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func objShares(pairs ...int) []ObjectiveShare {
	var o []ObjectiveShare
	for i := 0; i < len(pairs); i += 2 {
		o = append(o, ObjectiveShare{Objective: pairs[i], Share: pairs[i+1]})
	}
	return o
}

func TestParseObjectives(t *testing.T) {
	tests := []struct {
		in   string
		want []ObjectiveShare
	}{
		{"", nil},
		{"  \u00a0", nil},
		{"7", objShares(7, 10000)},
		{" 07 ", objShares(7, 10000)},
		{"7.0", objShares(7, 10000)}, // a number exported with a fraction
		{"7 (60%), 16 (40%)", objShares(7, 6000, 16, 4000)},
		{"7 (60 %), 16 (40 %)", objShares(7, 6000, 16, 4000)},
		{"7: 60 %; 16: 40 %", objShares(7, 6000, 16, 4000)},
		{"7 = 60%, 16 = 40%", objShares(7, 6000, 16, 4000)},
		{"60% 7, 40% 16", objShares(7, 6000, 16, 4000)},
		{"7 (60 percent), 16 (40 pct)", objShares(7, 6000, 16, 4000)},
		{"3; 7", objShares(3, 5000, 7, 5000)},
		{"3, 7", objShares(3, 5000, 7, 5000)},
		{"3/7", objShares(3, 5000, 7, 5000)},
		{"3 and 7", objShares(3, 5000, 7, 5000)},
		{"3 y 7", objShares(3, 5000, 7, 5000)},
		{"3\n7", objShares(3, 5000, 7, 5000)},
		{"3, 7, 16", objShares(3, 3334, 7, 3333, 16, 3333)},
		{"1, 2, 3, 4, 5, 6", objShares(1, 1667, 2, 1667, 3, 1667, 4, 1667, 5, 1666, 6, 1666)},
		{"Obj. 7", objShares(7, 10000)},
		{"O7", objShares(7, 10000)},
		{"GCM 7", objShares(7, 10000)},
		{"GCM-7", objShares(7, 10000)},
		{"Objective 7", objShares(7, 10000)},
		{"Objetivo 7", objShares(7, 10000)},
		{"Objectif 7", objShares(7, 10000)},
		{"N° 7", objShares(7, 10000)},
		{"GCM objectives 3 and 7", objShares(3, 5000, 7, 5000)},
		{"7 - Reduce vulnerabilities", objShares(7, 10000)},
		{"7 – Address and reduce vulnerabilities in migration", objShares(7, 10000)},
		{"11 - Manage borders in an integrated, secure and coordinated manner", objShares(11, 10000)},
		{"Objective 7: Address and reduce vulnerabilities in migration (60%); Objective 16: Empower migrants (40%)",
			objShares(7, 6000, 16, 4000)},
		{"Reduce vulnerabilities", objShares(7, 10000)},
		{"remittances", objShares(20, 10000)},
		{"Address and reduce vulnerabilities in migration", objShares(7, 10000)},
		{"General", objShares(0, 10000)},
		{"general", objShares(0, 10000)},
		{"0", objShares(0, 10000)},
		{"0 - General", objShares(0, 10000)},
		{"General (50%), 7 (50%)", objShares(0, 5000, 7, 5000)},
		{"7, General", objShares(7, 5000, 0, 5000)},
		// Partial shares: the others share the rest equally.
		{"7 (60%), 16", objShares(7, 6000, 16, 4000)},
		{"7 (60%), 16, 20", objShares(7, 6000, 16, 2000, 20, 2000)},
		{"7, 16 (50%), 20", objShares(7, 2500, 16, 5000, 20, 2500)},
		{"7 (50%), 16, 20, 23", objShares(7, 5000, 16, 1667, 20, 1667, 23, 1666)},
		// Decimal shares and rounding.
		{"7 (33.33%), 16 (33.33%), 20 (33.34%)", objShares(7, 3333, 16, 3333, 20, 3334)},
		{"7 (33.33%), 16 (33.33%), 20 (33.33%)", objShares(7, 3334, 16, 3333, 20, 3333)},
		{"7 (33.333%), 16 (33.333%), 20 (33.333%)", objShares(7, 3334, 16, 3333, 20, 3333)},
		{"7 (66.67%), 16 (33.33%)", objShares(7, 6667, 16, 3333)},
		{"7 (33,33 %), 16 (66,67 %)", objShares(7, 3333, 16, 6667)},
		{"7 (12.5%), 16 (87.5%)", objShares(7, 1250, 16, 8750)},
		{"7 (100%)", objShares(7, 10000)},
		// Shares summing to 100.01 % by rounding: the first gives one back.
		{"7 (33.34%), 16 (33.34%), 20 (33.33%)", objShares(7, 3333, 16, 3334, 20, 3333)},
		// Inside parentheses, a decimal comma not before a per cent sign
		// separates objectives.
		{"7 (12.345%), 16 (87.655%)", objShares(7, 1234, 16, 8766)}, // half a basis point rounds up
		{"(7,16)", objShares(7, 5000, 16, 5000)},
		{"7 (3,16)", objShares(7, 3334, 3, 3333, 16, 3333)},
	}
	for _, tt := range tests {
		got, err := ParseObjectives(tt.in)
		if err != nil {
			t.Errorf("ParseObjectives(%q) error: %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseObjectives(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseObjectivesErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"24", ErrInvalidObjective},
		{"7, 99", ErrInvalidObjective},
		{"123456789012345678901234567890", ErrInvalidObjective},
		{"7, 7", ErrInvalidObjective},
		{"7 (50%), 07 (50%)", ErrInvalidObjective},
		{"General, 0", ErrInvalidObjective},
		{"7.5", ErrInvalidObjective},
		{"3-7", ErrInvalidObjective}, // a range, or 3 and 7?
		{"3 - 7", ErrInvalidObjective},
		{"SDG 5", ErrInvalidObjective},
		{"n/a", ErrInvalidObjective},
		{"-", ErrInvalidObjective},
		{"Objective", ErrInvalidObjective},
		{"Migration", ErrInvalidObjective},
		{"%", ErrInvalidObjective},
		{"٧", ErrInvalidObjective},
		{"7: 60; 16: 40", ErrInvalidObjective}, // 60 and 40 read as objectives
		{"7 (60%), 16 (30%)", ErrShareSum},
		{"7 (60%), 16 (60%)", ErrShareSum},
		{"7 (99.99%)", ErrShareSum},
		{"7 (50%), 16 (49%)", ErrShareSum},
		{"7 (150%)", ErrShareSum},
		{"7 (100%), 16", ErrShareSum},
		{"7 (100%), 16 (0%)", ErrShareSum},
		{"7 (0.001%), 16 (99.999%)", ErrShareSum},
		{"60%", ErrShareSum},
		{"7 (60%) (40%)", ErrShareSum},
		{"7 (99999999%)", ErrShareSum},
		{"60% 40% 7", ErrShareSum},                                    // two shares before one objective
		{"7 (0.01%), 16 (0.01%), 20 (99.99%)", ErrShareSum},           // spreading the 0.01 % over takes 7's share
		{"General, 7, General", ErrInvalidObjective},                  // General listed twice
		{"7 (" + strings.Repeat("1", 41) + "%)", ErrInvalidObjective}, // a number too long to read
		{"7\xff", ErrInvalidObjective},                                // invalid UTF-8
		{"7\u0663", ErrInvalidObjective},                              // an Arabic-Indic digit
	}
	for _, tt := range tests {
		got, err := ParseObjectives(tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("ParseObjectives(%q) = %v, %v; want error %v", tt.in, got, err, tt.want)
		}
		if err != nil && got != nil {
			t.Errorf("ParseObjectives(%q) = %v on error, want nil", tt.in, got)
		}
	}
}

func TestFormatObjectives(t *testing.T) {
	tests := []struct {
		in   []ObjectiveShare
		want string
	}{
		{nil, ""},
		{objShares(7, 10000), "7"},
		{objShares(0, 10000), "General"},
		{objShares(7, 6000, 16, 4000), "7 (60%), 16 (40%)"},
		{objShares(3, 3334, 7, 3333, 16, 3333), "3 (33.34%), 7 (33.33%), 16 (33.33%)"},
		{objShares(7, 1250, 16, 8750), "7 (12.5%), 16 (87.5%)"},
		{objShares(0, 5, 7, 9995), "General (0.05%), 7 (99.95%)"},
	}
	for _, tt := range tests {
		got := FormatObjectives(tt.in)
		if got != tt.want {
			t.Errorf("FormatObjectives(%v) = %q, want %q", tt.in, got, tt.want)
		}
		back, err := ParseObjectives(got)
		if err != nil {
			t.Errorf("ParseObjectives(FormatObjectives(%v)) error: %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.in, back); diff != "" {
			t.Errorf("ParseObjectives(%q) round trip (-want +got):\n%s", got, diff)
		}
	}
}
