package budget

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"unique"
)

// Phase is a stage of the budget cycle.
type Phase uint8

// The budget phases, in the order of the budget cycle.
const (
	Proposed Phase = iota // proposed / requested / draft
	Approved              // approved / enacted / original allocation
	Revised               // revised / modified / supplementary
	Executed              // executed / actual / spent
	NumPhases
)

var phaseNames = [NumPhases]string{"proposed", "approved", "revised", "executed"}

// Phases lists the phases in budget-cycle order.
func Phases() []Phase { return []Phase{Proposed, Approved, Revised, Executed} }

func (p Phase) String() string {
	if p < NumPhases {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", uint8(p))
}

// ParsePhase parses a phase name such as "approved".
func ParsePhase(s string) (Phase, error) {
	for i, n := range phaseNames {
		if s == n {
			return Phase(i), nil
		}
	}
	return 0, fmt.Errorf("budget: unknown phase %q (want proposed, approved, revised or executed)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (p Phase) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// ObjectiveShare is one GCM objective served by a line and the share of the
// line's money attributed to it, in basis points (10000 = 100 %). Objective
// 0 is the "General" bucket: the Compact as a whole.
type ObjectiveShare struct {
	Objective int `json:"objective"`
	Share     int `json:"share_bp"`
}

// TagSource says where a tag came from.
type TagSource uint8

// The sources of a tag.
const (
	Untagged   TagSource = iota // no tag
	FromColumn                  // read from a column of the input file
	FromRule                    // assigned by a tagging rule
	Carried                     // carried forward from an earlier tagged budget
	Manual                      // entered by a person in grb's tagging workbook
	FromModel                   // suggested by grb's trained model (budget/tagging/model)
)

var tagSourceNames = []string{"untagged", "column", "rule", "carried", "manual", "model"}

func (s TagSource) String() string {
	if int(s) < len(tagSourceNames) {
		return tagSourceNames[s]
	}
	return fmt.Sprintf("TagSource(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s TagSource) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Provenance records where a tag came from: the column it was read from,
// the rule that assigned it (and the text it matched), or the file and row
// it was carried from. Every line carries two, so a Provenance is one word:
// it is interned (package unique). The zero Provenance is untagged.
type Provenance struct{ h unique.Handle[provenance] }

type provenance struct {
	source TagSource
	detail string
}

// NewProvenance returns the provenance of a tag from source, with its
// detail: the column header, the rule id and its match, or "file:Sheet!row".
func NewProvenance(source TagSource, detail string) Provenance {
	if source == Untagged && detail == "" {
		return Provenance{}
	}
	return Provenance{unique.Make(provenance{source, detail})}
}

func (p Provenance) value() provenance { return interned(p.h) }

// Source returns where the tag came from.
func (p Provenance) Source() TagSource { return p.value().source }

// Detail returns the column header, the rule id and its match, or the file
// and row the tag was carried from.
func (p Provenance) Detail() string { return p.value().detail }

// String returns "source: detail", or the source alone.
func (p Provenance) String() string {
	v := p.value()
	if v.detail == "" {
		return v.source.String()
	}
	return v.source.String() + ": " + v.detail
}

// Equal reports whether p and q are the same provenance.
func (p Provenance) Equal(q Provenance) bool { return p == q }

// MarshalJSON writes {"source": …, "detail": …}.
func (p Provenance) MarshalJSON() ([]byte, error) {
	v := p.value()
	return json.Marshal(struct {
		Source TagSource `json:"source"`
		Detail string    `json:"detail,omitempty"`
	}{v.source, v.detail})
}

// Count is a number of people, or absent.
type Count struct {
	N  int64
	OK bool
}

// Beneficiaries are planned or reached beneficiaries by sex, where given.
type Beneficiaries struct {
	Women, Men, Girls, Boys, Other Count
}

// Any reports whether any count is present.
func (b Beneficiaries) Any() bool {
	return b.Women.OK || b.Men.OK || b.Girls.OK || b.Boys.OK || b.Other.OK
}

// Code is a classification code with its name, such as a ministry ("vote")
// or a programme. Codes compare with == (by their texts); the zero Code is
// none.
//
// A Code is one string, the code's length then the code and the name, and
// interns nothing: a file of a million activities makes a million
// programmes, and an interned value costs the garbage collector a weak
// pointer to visit on every cycle (package unique), which slowed such a
// file's reading threefold. Readers share one Code among the lines that
// repeat it.
type Code struct{ s string }

// NewCode returns the code with the given code and name; either may be
// empty, and with both empty it is the zero Code.
func NewCode(code, name string) Code {
	if code == "" && name == "" {
		return Code{}
	}
	b := make([]byte, 0, binary.MaxVarintLen64+len(code)+len(name))
	b = binary.AppendUvarint(b, uint64(len(code)))
	b = append(append(b, code...), name...)
	return Code{string(b)}
}

// split returns the code and the name.
func (c Code) split() (code, name string) {
	if c.s == "" {
		return "", ""
	}
	var n, shift uint
	k := 0
	for ; ; k++ { // NewCode's uvarint
		b := c.s[k]
		n |= uint(b&0x7f) << shift
		if b < 0x80 {
			break
		}
		shift += 7
	}
	k++
	return c.s[k : k+int(n)], c.s[k+int(n):]
}

func (c Code) text() codeText {
	code, name := c.split()
	return codeText{code, name}
}

type codeText struct{ code, name string }

// Code returns the code, such as "0702010"; "" when the file gives none.
func (c Code) Code() string { return c.text().code }

// Name returns the name, such as "Management of Cabinet Affairs"; "" when
// the file gives none.
func (c Code) Name() string { return c.text().name }

// IsZero reports whether c is no code at all.
func (c Code) IsZero() bool { return c == Code{} }

// Label returns "code name", or whichever of the two is present.
func (c Code) Label() string {
	t := c.text()
	switch {
	case t.code == "":
		return t.name
	case t.name == "":
		return t.code
	}
	return t.code + " " + t.name
}

// String returns the label.
func (c Code) String() string { return c.Label() }

// Equal reports whether c and d are the same code and name.
func (c Code) Equal(d Code) bool { return c == d }

// MarshalJSON writes {"code": …, "name": …}, leaving out what is empty.
func (c Code) MarshalJSON() ([]byte, error) {
	t := c.text()
	return json.Marshal(struct {
		Code string `json:"code,omitempty"`
		Name string `json:"name,omitempty"`
	}{t.code, t.name})
}

// OtherMarkers are the Migration MPTF's other markers, kept raw: their
// scales are not published.
type OtherMarkers struct {
	HumanRights      string
	ChildSensitivity string
}

// Line is one budget line item, as a value: a Budget holds its lines in
// a Lines, column by column, and makes a Line of one on each At. A Line
// is 272 bytes: the texts that lines repeat (position, provenance, marker
// code) are interned, amounts are compact, and what few lines have is
// behind a pointer.
type Line struct {
	ID          string // line identifier, when the file has one
	Year        int    // fiscal year (the year it starts in); 0 when unknown
	YearLabel   string // fiscal year as written, such as "2015-16"
	Unit        Code   // administrative unit: ministry, vote, agency
	Programme   Code
	Parent      Code // the programme above Programme; zero when the file has no hierarchy
	Description string
	Amounts     Amounts
	Currency    string   // ISO 4217 code; empty when unknown
	GEWE        *Amounts // money explicitly attributed to gender equality on the line; nil when not given

	Objectives      []ObjectiveShare // GCM objectives; shares sum to 10000
	ObjectiveSource Provenance
	Gender          Marker
	GenderSource    Provenance
	Other           *OtherMarkers // Migration MPTF human-rights and child-sensitivity markers; nil when not given

	Beneficiaries *Beneficiaries // nil when the file gives no counts
	Pos           Position       // file, sheet and row the line was read from
}
