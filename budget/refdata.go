package budget

import (
	_ "embed" // for the reference data files
	"fmt"

	"gopkg.in/yaml.v3"
)

// Reference data shipped with grb, as YAML data files rather than code so
// that it can be read, reviewed and extended without recompiling the
// parsers. The files cite their sources in domain.md.

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
