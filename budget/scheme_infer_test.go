package budget

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestInfer(t *testing.T) {
	tests := []struct {
		name     string
		header   string
		values   []string
		want     string
		byHeader bool
		cands    []string // nil: not checked
	}{
		{
			name: "dac header", header: "DAC gender marker", values: []string{"0", "1", "2"},
			want: "oecd_dac", byHeader: true,
			cands: []string{"oecd_dac", "iati", "eu_budget", "un_gem"},
		},
		{
			name: "ambiguous numbers", header: "gender", values: []string{"1", "2"},
			want: "oecd_dac", cands: []string{"oecd_dac", "iati", "eu_budget", "un_gem"},
		},
		{
			name: "gem header", header: "Gender Equality Marker", values: []string{"0", "1", "2", "3"},
			want: "un_gem", byHeader: true, cands: []string{"un_gem"},
		},
		{
			name: "gem values only", header: "Marker", values: []string{"3", "2", "2", ""},
			want: "un_gem", cands: []string{"un_gem"},
		},
		{
			name: "undp", header: "UNDP GEN", values: []string{"GEN2", "GEN3"},
			want: "undp", byHeader: true, cands: []string{"undp"},
		},
		{
			name: "undp by values", header: "Marcador de género", values: []string{"GEN 2", "gen3"},
			want: "undp", cands: []string{"undp"},
		},
		{
			name: "boolean principal", header: "gender_principal", values: []string{"TRUE", "FALSE"},
			want: "boolean_principal", byHeader: true,
			cands: []string{"boolean_principal", "boolean_significant"},
		},
		{
			name: "camel case boolean", header: "genderSignificant", values: []string{"1", "0"},
			want: "boolean_significant", byHeader: true,
		},
		{
			name: "legend naming both levels", header: "Gender marker (1 = significant, 2 = principal)", values: []string{"0", "1"},
			want: "oecd_dac",
		},
		{
			name: "mptf", header: "Marker", values: []string{"A", "B", "C"},
			want: "mptf", cands: []string{"mptf"},
		},
		{
			name: "eu budget potential", header: "score", values: []string{"0*", "1"},
			want: "eu_budget", cands: []string{"eu_budget"},
		},
		{
			name: "cpr", header: "Gender dimension code", values: []string{"01", "02"},
			want: "eu_cpr", byHeader: true, cands: []string{"eu_cpr"},
		},
		{
			name: "2a2b", header: "GEM", values: []string{"2a", "2B", "1"},
			want: "un_gem_2ab", cands: []string{"un_gem_2ab"},
		},
		{
			name: "header wrong for values", header: "DAC marker", values: []string{"GM1", "GM2"},
			want: "pbf", cands: []string{"pbf"},
		},
		{
			name: "gm is not found inside words", header: "segment", values: []string{"0", "1", "2"},
			want: "oecd_dac",
		},
		{
			name: "no scheme", header: "Gender marker", values: []string{"7", "9"},
			want: "", cands: []string{},
		},
		{
			name: "mixed schemes", header: "Gender marker", values: []string{"GEN1", "GM2"},
			want: "", cands: []string{},
		},
		{
			name: "no values", header: "UNDP marker", values: []string{"", " "},
			want: "undp", byHeader: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DefaultSchemes().Infer(tt.header, tt.values)
			if got.Scheme != tt.want {
				t.Errorf("Infer(%q, %q).Scheme = %q, want %q (reason: %s)", tt.header, tt.values, got.Scheme, tt.want, got.Reason)
			}
			if got.ByHeader != tt.byHeader {
				t.Errorf("Infer(%q, %q).ByHeader = %v, want %v (reason: %s)", tt.header, tt.values, got.ByHeader, tt.byHeader, got.Reason)
			}
			if tt.cands != nil {
				if diff := cmp.Diff(tt.cands, got.Candidates, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("Infer(%q, %q).Candidates (-want +got):\n%s", tt.header, tt.values, diff)
				}
			}
			if got.Reason == "" {
				t.Errorf("Infer(%q, %q).Reason is empty", tt.header, tt.values)
			}
		})
	}
}

func TestInferReason(t *testing.T) {
	// The reason is a user-facing warning; pin the one shown for the most
	// common ambiguity (DAC 0/1/2 against the UN 0-3 scale).
	got := DefaultSchemes().Infer("Gender marker", []string{"2", "0", "1", "1"}).Reason
	want := `assumed scheme "oecd_dac" for column "Gender marker": values 0, 1, 2 also fit un_gem ` +
		`(where 1 means limited, 2 means significant); pass --scheme to choose`
	if got != want {
		t.Errorf("Infer reason = %q, want %q", got, want)
	}
	got = DefaultSchemes().Infer("Gender marker", []string{"7", "9", "1"}).Reason
	want = `no marker scheme fits column "Gender marker": values "7", "9" are not codes of any scheme; pass --scheme or add a scheme`
	if got != want {
		t.Errorf("Infer reason = %q, want %q", got, want)
	}
}

// TestInferReasons pins the reason for each way Infer decides.
func TestInferReasons(t *testing.T) {
	tests := []struct {
		header string
		values []string
		want   string
	}{
		{"DAC gender marker", []string{"0", "1", "2"}, `scheme "oecd_dac" for column "DAC gender marker" chosen from its header (values 0, 1, 2 fit it)`},
		{"UNDP marker", []string{"", " "}, `scheme "undp" for column "UNDP marker" chosen from its header; the column has no marker values`},
		{"DAC marker", nil, `scheme "oecd_dac" for column "DAC marker" chosen from its header; the column has no marker values`},
		{"Gender marker (1 = significant, 2 = principal)", []string{"0", "1"}, `assumed scheme "oecd_dac" for column "Gender marker (1 = significant, 2 = prin"…: ` +
			`the header suggests boolean_principal and boolean_significant, which read the values differently; ` +
			`values 0, 1 also fit un_gem (where 1 means limited), un_gem_2ab (where 1 means limited) and boolean_principal (where 1 means principal); pass --scheme to choose`},
		{"DAC marker", []string{"GM1", "GM2"}, `assumed scheme "pbf" for column "DAC marker": the header suggests oecd_dac but the values do not fit it; values GM1, GM2 fit it`},
		{"Marker", nil, `assumed scheme "oecd_dac" for column "Marker": the column has no marker values`},
		{"Marker", []string{"3", "2", "2", ""}, `assumed scheme "un_gem" for column "Marker": values 2, 3 fit it`},
		{"Marker", []string{"2"}, `assumed scheme "oecd_dac" for column "Marker": value 2 also fits un_gem (where 2 means significant); pass --scheme to choose`},
		{"Gender marker", []string{"GEN1", "GM2"}, `no marker scheme fits column "Gender marker": no single scheme reads all of its values GEN1, GM2; pass --scheme or add a scheme`},
		{"Gender marker", []string{"GEN1", "7"}, `no marker scheme fits column "Gender marker": value "7" is not a code of any scheme; pass --scheme or add a scheme`},
	}
	for _, tt := range tests {
		if got := DefaultSchemes().Infer(tt.header, tt.values).Reason; got != tt.want {
			t.Errorf("Infer(%q, %q).Reason = %q, want %q", tt.header, tt.values, got, tt.want)
		}
	}
}
