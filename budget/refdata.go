package budget

import _ "embed" // for the reference data files

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
