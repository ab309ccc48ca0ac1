package budget

import (
	_ "embed" // for the reference data files
	"fmt"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// Reference data shipped with grb, as YAML data files rather than code so
// that it can be read, reviewed and extended without recompiling the
// parsers. The files cite their public sources. Every file of
// budget's vocabulary is embedded here; the tagging rules (data/rules.yaml)
// and the SDG 5.c.1 questionnaire (data/sdg5c1.yaml) belong to the code
// that reads those formats, and are embedded there.

// gcmYAML holds the GCM objectives, guiding principles and Migration MPTF
// thematic areas; see gcm.go.
//
//go:embed data/gcm.yaml
var gcmYAML []byte

// schemesYAML holds the gender-marker schemes and their crosswalk to
// canonical levels; see scheme.go.
//
//go:embed data/schemes.yaml
var schemesYAML []byte

// columnsYAML holds the header texts that name each field, in several
// languages; see ColumnSynonyms.
//
//go:embed data/columns.yaml
var columnsYAML []byte

// The cells that name reference data (GCM objectives, marker codes) are
// read with the helpers below.

// refNormWords lower-cases s and reduces it to its letters and digits,
// words separated by single spaces.
func refNormWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// TrimCell trims white space (including no-break spaces), zero-width
// spaces and byte-order marks from both ends of a cell.
func TrimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
	})
}

// refQuote quotes s for an error message, shortened to 40 runes.
func refQuote(s string) string {
	const max = 40
	n := 0
	for i := range s {
		if n == max {
			return fmt.Sprintf("%q…", s[:i])
		}
		n++
	}
	return fmt.Sprintf("%q", s)
}

// ColumnSynonyms returns the header texts that name each field
// (data/columns.yaml), most preferred first. Header recognition (package
// grid) matches them after Normalize. It panics if the embedded file is
// invalid, which a test rules out.
func ColumnSynonyms() map[Field][]string {
	var doc struct {
		Fields map[Field][]string `yaml:"fields"`
	}
	if err := yaml.Unmarshal(columnsYAML, &doc); err != nil {
		panic(fmt.Sprintf("budget: embedded data/columns.yaml: %v", err))
	}
	return doc.Fields
}
