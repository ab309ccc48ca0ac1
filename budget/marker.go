package budget

import (
	"encoding/json"
	"fmt"
	"strings"
	"unique"
)

// Level is the canonical level of a gender marker, whatever scheme the
// source file used (see budget/data/schemes.yaml). The zero value is NotScreened:
// a line nobody has assessed is distinct from a line assessed as not
// targeting gender equality.
type Level uint8

// The canonical levels, from "not assessed" to "principal objective".
const (
	NotScreened Level = iota // no marker given: not assessed
	NotTargeted              // screened, does not target gender equality (DAC 0)
	Potential                // unclear but possibly positive (EU budget 0*, EIGE 0 %*)
	Limited                  // limited contribution (UN GEM 1, UNDP GEN1); not GEWE-focused
	Significant              // gender equality is an important, deliberate objective (DAC 1)
	Principal                // gender equality is the main objective (DAC 2)
	numLevels
)

var levelNames = [numLevels]string{"not_screened", "not_targeted", "potential", "limited", "significant", "principal"}

// Levels lists every level in ascending order.
func Levels() []Level {
	return []Level{NotScreened, NotTargeted, Potential, Limited, Significant, Principal}
}

// String returns the data spelling of the level, such as "principal".
func (l Level) String() string {
	if l < numLevels {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

// Label returns a human label, such as "Principal".
func (l Level) Label() string {
	switch l {
	case NotScreened:
		return "Not screened"
	case NotTargeted:
		return "Not targeted"
	case Potential:
		return "Potential"
	case Limited:
		return "Limited"
	case Significant:
		return "Significant"
	case Principal:
		return "Principal"
	}
	return l.String()
}

// Screened reports whether the level records an assessment.
func (l Level) Screened() bool { return l != NotScreened }

// ParseLevel parses a canonical level name as written in data files:
// "principal", "PRINCIPAL", "not_screened", "not targeted", ….
func ParseLevel(s string) (Level, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer(" ", "_", "-", "_").Replace(k)
	for i, n := range levelNames {
		if k == n {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("budget: unknown marker level %q (want one of %s)", s, strings.Join(levelNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Marker is a gender marker as read from a file: the canonical level plus
// the raw code and the scheme it was read under, kept so that a reader can
// always see what the source said. The code and scheme are interned
// (package unique): every line carries a marker, and a file has few codes.
type Marker struct {
	Level Level
	code  unique.Handle[markerCode]
}

type markerCode struct{ raw, scheme string }

// NewMarker returns the marker of level lv read as the code raw (the cell
// text, trimmed) of the scheme with the given id, such as "oecd_dac".
func NewMarker(lv Level, raw, scheme string) Marker {
	m := Marker{Level: lv}
	if raw != "" || scheme != "" {
		m.code = unique.Make(markerCode{raw, scheme})
	}
	return m
}

func (m Marker) codes() markerCode { return interned(m.code) }

// Raw returns the code as written; "" when not screened.
func (m Marker) Raw() string { return m.codes().raw }

// Scheme returns the id of the scheme the code was read under; "" when not
// screened or when the code is not one of the scheme's.
func (m Marker) Scheme() string { return m.codes().scheme }

// String returns the level, with the code and scheme it was read as:
// "significant (1, oecd_dac)".
func (m Marker) String() string {
	c := m.codes()
	switch {
	case c.raw == "" && c.scheme == "":
		return m.Level.String()
	case c.scheme == "":
		return fmt.Sprintf("%s (%s)", m.Level, c.raw)
	}
	return fmt.Sprintf("%s (%s, %s)", m.Level, c.raw, c.scheme)
}

// Equal reports whether m and n are the same level, code and scheme.
func (m Marker) Equal(n Marker) bool { return m == n }

// MarshalJSON writes {"level": …, "raw": …, "scheme": …}.
func (m Marker) MarshalJSON() ([]byte, error) {
	c := m.codes()
	return json.Marshal(struct {
		Level  Level  `json:"level"`
		Raw    string `json:"raw,omitempty"`
		Scheme string `json:"scheme,omitempty"`
	}{m.Level, c.raw, c.scheme})
}
