package budget

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultSchemesParse(t *testing.T) {
	// DefaultSchemes panics on a bad embedded file; parse it here so that
	// a mistake shows as a test failure with the parser's message.
	s, err := ParseSchemes(bytes.NewReader(schemesYAML))
	if err != nil {
		t.Fatalf("ParseSchemes(embedded data/schemes.yaml) = %v", err)
	}
	var ids []string
	for _, sc := range s.All() {
		ids = append(ids, sc.ID)
		if sc.Name == "" || sc.Description == "" || sc.Source == "" {
			t.Errorf("scheme %s: name, description or source missing", sc.ID)
		}
		if len(sc.HeaderHints) == 0 {
			t.Errorf("scheme %s: no header hints", sc.ID)
		}
	}
	want := []string{"oecd_dac", "iati", "eu_budget", "un_gem", "un_gem_2ab", "undp", "pbf",
		"eu_g", "eu_cpr", "mptf", "boolean_principal", "boolean_significant"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("scheme ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, DefaultSchemes().InferenceOrder()); diff != "" {
		t.Errorf("InferenceOrder() (-want +got):\n%s", diff)
	}
	if DefaultSchemes() != DefaultSchemes() {
		t.Errorf("DefaultSchemes() parsed twice")
	}
}

// The crosswalk of domain reference §3.6, code by code. The embedded file
// must define exactly these codes.
var wantCrosswalk = map[string]map[string]Level{
	"oecd_dac":   {"2": Principal, "1": Significant, "0": NotTargeted},
	"iati":       {"2": Principal, "1": Significant, "0": NotTargeted},
	"eu_budget":  {"2": Principal, "1": Significant, "0": NotTargeted, "0*": Potential},
	"un_gem":     {"3": Principal, "2": Significant, "1": Limited, "0": NotTargeted},
	"un_gem_2ab": {"2b": Principal, "2a": Significant, "1": Limited, "0": NotTargeted},
	"undp":       {"GEN3": Principal, "GEN2": Significant, "GEN1": Limited, "GEN0": NotTargeted},
	"pbf":        {"GM3": Principal, "GM2": Significant, "GM1": Limited, "GM0": NotTargeted},
	"eu_g":       {"G2": Principal, "G1": Significant, "G0": NotTargeted},
	"eu_cpr":     {"01": Principal, "02": Significant, "03": NotTargeted},
	"mptf":       {"A": Principal, "B": Significant, "C": Limited, "D": NotTargeted},
	"boolean_principal": {
		"TRUE": Principal, "yes": Principal, "y": Principal, "sí": Principal, "si": Principal,
		"oui": Principal, "vrai": Principal, "verdadero": Principal, "1": Principal, "x": Principal,
		"FALSE": NotTargeted, "no": NotTargeted, "n": NotTargeted, "non": NotTargeted,
		"faux": NotTargeted, "falso": NotTargeted, "0": NotTargeted,
	},
	"boolean_significant": {
		"TRUE": Significant, "yes": Significant, "y": Significant, "sí": Significant, "si": Significant,
		"oui": Significant, "vrai": Significant, "verdadero": Significant, "1": Significant, "x": Significant,
		"FALSE": NotTargeted, "no": NotTargeted, "n": NotTargeted, "non": NotTargeted,
		"faux": NotTargeted, "falso": NotTargeted, "0": NotTargeted,
	},
}

func TestSchemeCrosswalk(t *testing.T) {
	for _, sc := range DefaultSchemes().All() {
		got := map[string]Level{}
		for _, c := range sc.Codes {
			got[c.Code] = c.Level
		}
		if diff := cmp.Diff(wantCrosswalk[sc.ID], got); diff != "" {
			t.Errorf("scheme %s codes (-want +got):\n%s", sc.ID, diff)
		}
		for _, c := range sc.Codes {
			for _, raw := range []string{c.Code, strings.ToLower(c.Code), strings.ToUpper(c.Code), " " + c.Code + "\u00a0"} {
				l, err := sc.Parse(raw)
				if err != nil || l != c.Level {
					t.Errorf("%s.Parse(%q) = %v, %v, want %v, nil", sc.ID, raw, l, err, c.Level)
				}
			}
		}
	}
	if len(wantCrosswalk) != len(DefaultSchemes().All()) {
		t.Errorf("%d schemes, want %d", len(DefaultSchemes().All()), len(wantCrosswalk))
	}
}

func TestSchemesLookup(t *testing.T) {
	tests := []struct {
		name, want string // want "" when not found
	}{
		{"oecd_dac", "oecd_dac"},
		{"OECD-DAC", "oecd_dac"},
		{"dac", "oecd_dac"},
		{"OECD", "oecd_dac"},
		{"gem", "un_gem"},
		{"UN GEM", "un_gem"},
		{"GEN", "undp"},
		{"unido", "un_gem_2ab"},
		{"cpr", "eu_cpr"},
		{" mptf ", "mptf"},
		{"eu", ""}, // ambiguous: eu_g, eu_cpr or eu_budget
		{"", ""},
		{"nonsense", ""},
	}
	for _, tt := range tests {
		sc, ok := DefaultSchemes().Lookup(tt.name)
		got := ""
		if ok {
			got = sc.ID
		}
		if got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSchemesCopies(t *testing.T) {
	sc, _ := DefaultSchemes().Lookup("oecd_dac")
	sc.Codes[0].Level = Limited
	sc.HeaderHints[0] = "changed"
	DefaultSchemes().All()[0].Codes[0].Code = "9"
	again, _ := DefaultSchemes().Lookup("oecd_dac")
	if got, err := again.Parse("2"); err != nil || got != Principal {
		t.Errorf("after changing a copy, oecd_dac.Parse(\"2\") = %v, %v, want principal", got, err)
	}
	if again.HeaderHints[0] != "dac" {
		t.Errorf("after changing a copy, HeaderHints[0] = %q, want \"dac\"", again.HeaderHints[0])
	}
}

func TestSchemesNil(t *testing.T) {
	var s *Schemes
	if _, ok := s.Lookup("oecd_dac"); ok {
		t.Errorf("nil Schemes: Lookup found a scheme")
	}
	if got := s.All(); len(got) != 0 {
		t.Errorf("nil Schemes: All() = %d schemes, want 0", len(got))
	}
	if got := s.Infer("x", []string{"1"}); got.Scheme != "" {
		t.Errorf("nil Schemes: Infer().Scheme = %q, want \"\"", got.Scheme)
	}
	if got := len(s.With(DefaultSchemes()).All()); got != len(DefaultSchemes().All()) {
		t.Errorf("nil.With(default) has %d schemes, want %d", got, len(DefaultSchemes().All()))
	}
}

const userSchemesYAML = `
inference_order: [ministry_flag]
schemes:
  - id: ministry_flag
    aliases: [mof]
    name: Ministry of Finance gender tag
    description: The ministry's own tag.
    source: ministry circular
    header_hints: [mof tag]
    codes:
      - {code: P, level: principal, label: Primary}
      - {code: S, level: significant, label: Secondary}
      - {code: "N", level: not_targeted, label: None}
      - {code: "1", level: limited, label: One}
  - id: oecd_dac
    name: DAC marker, ministry spelling
    description: DAC scores written as words.
    source: ministry circular
    header_hints: [dac]
    codes:
      - {code: two, level: principal, label: Principal}
      - {code: one, level: significant, label: Significant}
      - {code: zero, level: not_targeted, label: Not targeted}
`

func TestSchemesWith(t *testing.T) {
	user, err := ParseSchemes(strings.NewReader(userSchemesYAML))
	if err != nil {
		t.Fatalf("ParseSchemes(user) = %v", err)
	}
	base := DefaultSchemes()
	s := base.With(user)

	var ids []string
	for _, sc := range s.All() {
		ids = append(ids, sc.ID)
	}
	wantIDs := []string{"oecd_dac", "iati", "eu_budget", "un_gem", "un_gem_2ab", "undp", "pbf",
		"eu_g", "eu_cpr", "mptf", "boolean_principal", "boolean_significant", "ministry_flag"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("With: ids (-want +got):\n%s", diff)
	}
	wantOrder := append([]string{"ministry_flag"}, wantIDs[:len(wantIDs)-1]...)
	if diff := cmp.Diff(wantOrder, s.InferenceOrder()); diff != "" {
		t.Errorf("With: inference order (-want +got):\n%s", diff)
	}

	// The replaced scheme, found by id and by the base's alias.
	for _, name := range []string{"oecd_dac", "dac"} {
		dac, ok := s.Lookup(name)
		if !ok {
			t.Fatalf("With: Lookup(%q) failed", name)
		}
		if got, err := dac.Parse("Two"); err != nil || got != Principal {
			t.Errorf("With: %s.Parse(\"Two\") = %v, %v, want principal", name, got, err)
		}
		if _, err := dac.Parse("2"); !errors.Is(err, ErrUnknownMarker) {
			t.Errorf("With: replaced oecd_dac.Parse(\"2\") error = %v, want ErrUnknownMarker", err)
		}
	}
	// The added scheme, by alias.
	mof, ok := s.Lookup("MOF")
	if !ok {
		t.Fatalf("With: Lookup(\"MOF\") failed")
	}
	if got, err := mof.Parse("s"); err != nil || got != Significant {
		t.Errorf("With: ministry_flag.Parse(\"s\") = %v, %v, want significant", got, err)
	}
	// The user's inference order comes first.
	if got := s.Infer("tag", []string{"1"}).Scheme; got != "ministry_flag" {
		t.Errorf("With: Infer(\"tag\", 1) = %q, want ministry_flag", got)
	}
	if got := s.Infer("MOF tag", []string{"P", "N"}); got.Scheme != "ministry_flag" || !got.ByHeader {
		t.Errorf("With: Infer(\"MOF tag\", P N) = %q by header %v, want ministry_flag by header", got.Scheme, got.ByHeader)
	}

	// The base set is unchanged.
	dac, _ := base.Lookup("oecd_dac")
	if got, err := dac.Parse("2"); err != nil || got != Principal {
		t.Errorf("base after With: oecd_dac.Parse(\"2\") = %v, %v, want principal", got, err)
	}
	if _, ok := base.Lookup("ministry_flag"); ok {
		t.Errorf("base after With: ministry_flag found")
	}
}

func TestParseSchemesErrors(t *testing.T) {
	const code = "    codes: [{code: \"1\", level: principal, label: One}]\n"
	tests := []struct{ name, yaml, want string }{
		{"empty", "", "file is empty"},
		{"not yaml", "schemes: [\n", "yaml:"},
		{"unknown field", "schemes:\n  - id: a\n    colour: red\n" + code, "unmarshal errors"},
		{"no id", "schemes:\n  - name: A\n" + code, "no id"},
		{"bad id", "schemes:\n  - id: My Scheme\n" + code, "want lower-case letters"},
		{"no codes", "schemes:\n  - id: a\n", "no codes"},
		{"duplicate id", "schemes:\n  - id: a\n" + code + "  - id: a\n" + code, "defined twice"},
		{"unknown level", "schemes:\n  - id: a\n    codes: [{code: \"1\", level: high}]\n", "unknown marker level \"high\""},
		{"not_screened level", "schemes:\n  - id: a\n    codes: [{code: \"1\", level: not_screened}]\n", "level not_screened is for blank cells"},
		{"blank code", "schemes:\n  - id: a\n    codes: [{code: \" \", level: principal}]\n", "empty code"},
		{"duplicate code", "schemes:\n  - id: a\n    codes: [{code: gen2, level: principal}, {code: GEN 2, level: limited}]\n", "are the same code"},
		{"rejected is a code", "schemes:\n  - id: a\n" + code + "    rejected: [{code: \"1\", reason: no}]\n", "is also code"},
		{"alias is an id", "schemes:\n  - id: a\n    aliases: [b]\n" + code + "  - id: b\n" + code, "is the id of a scheme"},
		{"alias twice", "schemes:\n  - id: a\n    aliases: [x]\n" + code + "  - id: b\n    aliases: [x]\n" + code, "used by schemes"},
		{"order names unknown", "inference_order: [zz]\nschemes:\n  - id: a\n" + code, "not a scheme of this file"},
		{"order twice", "inference_order: [a, a]\nschemes:\n  - id: a\n" + code, "lists \"a\" twice"},
		{"empty alias", "schemes:\n  - id: a\n    aliases: [\" \"]\n" + code, "empty alias"},
		{"long code", "schemes:\n  - id: a\n    codes: [{code: \"" + strings.Repeat("x", maxMarkerCode+1) + "\", level: principal}]\n", "longer than 100 bytes"},
		{"blank rejected code", "schemes:\n  - id: a\n" + code + "    rejected: [{code: \" \", reason: no}]\n", "empty rejected code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchemes(strings.NewReader(tt.yaml))
			if err == nil {
				t.Fatalf("ParseSchemes(%q) = %v, nil; want an error", tt.yaml, s.InferenceOrder())
			}
			if !strings.HasPrefix(err.Error(), "budget: ") {
				t.Errorf("ParseSchemes error %q does not start with \"budget: \"", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseSchemes error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestParseSchemesLimit(t *testing.T) {
	big := strings.Repeat("#", MaxYAMLBytes+1)
	if _, err := ParseSchemes(strings.NewReader(big)); !errors.Is(err, ErrLimit) {
		t.Errorf("ParseSchemes(%d bytes) error = %v, want ErrLimit", len(big), err)
	}
}

type schemeErrReader struct{ err error }

func (r schemeErrReader) Read([]byte) (int, error) { return 0, r.err }

func TestParseSchemesReadError(t *testing.T) {
	boom := errors.New("boom")
	if _, err := ParseSchemes(schemeErrReader{boom}); !errors.Is(err, boom) {
		t.Errorf("ParseSchemes(failing reader) error = %v, want it to wrap %v", err, boom)
	}
}

func TestMarkerValue(t *testing.T) {
	m := NewMarker(Significant, "1", "oecd_dac")
	if m.Raw() != "1" || m.Scheme() != "oecd_dac" || m.Level != Significant {
		t.Errorf("NewMarker: %v, raw %q, scheme %q", m, m.Raw(), m.Scheme())
	}
	if m != NewMarker(Significant, "1", "oecd_dac") || m == NewMarker(Significant, "1", "un_gem") {
		t.Error("markers compare by level, code and scheme")
	}
	for _, tt := range []struct {
		m    Marker
		want string
	}{
		{m, "significant (1, oecd_dac)"},
		{NewMarker(NotScreened, "9", ""), "not_screened (9)"},
		{Marker{}, "not_screened"},
	} {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	if (Marker{}).Raw() != "" || (Marker{}).Scheme() != "" {
		t.Error("the zero Marker has a code")
	}
}
