package budget

import _ "embed" // for the reference data files

// Reference data shipped with grb, as YAML data files rather than code so
// that it can be read, reviewed and extended without recompiling the
// parsers. The files cite their sources in domain.md. Every file of
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

// columnsYAML holds the header phrases that name each [Field] of a budget
// table, in English, Spanish and French; see header.go.
//
//go:embed data/columns.yaml
var columnsYAML []byte
