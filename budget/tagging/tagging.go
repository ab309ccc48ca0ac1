package tagging

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// MarkerSheet is the name of the hidden sheet that marks a tagging
// workbook.
const MarkerSheet = "grb"

// Sentinels of [Read]: a file that is not a tagging workbook, and
// a tagging workbook whose hidden "grb" sheet cannot be read.
var (
	ErrNotTagging    = errors.New("not a grb tagging workbook")
	ErrTaggingFormat = errors.New("tagging workbook: unreadable grb sheet")
)

// MaxObjectiveSlots is the number of objective columns (each with a share
// column) of a tagging sheet.
const MaxObjectiveSlots = 3

// The tag columns of a tagging sheet, in order, after the original
// columns. The marker column's header names the scheme: see
// [TagColumns].
const (
	ColObjective1 = iota // GCM objective 1
	ColShare1
	ColObjective2
	ColShare2
	ColObjective3
	ColShare3
	ColMarker          // gender marker, in the workbook's scheme
	ColRationale       // why the marker and objectives were chosen
	ColTaggedBy        // who tagged the line
	ColStatus          // suggested, confirmed or not screened
	ColSuggestedObj    // grb's suggested objectives
	ColSuggestedObjBy  // where that suggestion came from
	ColSuggestedMarker // grb's suggested marker
	ColSuggestedMarkBy // where that suggestion came from
	ColConfidence      // the model's calibrated probability of the suggested marker
	ColReview          // "for review" when that confidence is below the model's threshold, else "ok"
	ColReasons         // the words that drove the model (then "migration: " and the migration model's words)
	ColMigration       // the migration model's relevance score, 0–1 to two decimals
	NumTagColumns
)

// TagColumns returns the headers of the tag columns for a workbook whose
// marker scheme is scheme.
// A workbook written in another language has them in that language
// (WriteOptions.Words), and Read accepts either.
func TagColumns(scheme string) []string { return tagColumnsIn(nil, scheme) }

// TagStatus is the review state of a row of a tagging workbook.
type TagStatus uint8

// The review states.
const (
	StatusNone        TagStatus = iota // blank: nobody has tagged the row
	StatusSuggested                    // the tags are a suggestion nobody has reviewed yet
	StatusConfirmed                    // a person confirmed the tags
	StatusNotScreened                  // a person decided not to screen the line
)

var statusNames = []string{"", "suggested", "confirmed", "not screened"}

// tagStatuses returns the statuses a person can choose, as written in the
// workbook's Status dropdown.
func tagStatuses() []string { return slices.Clone(statusNames[1:]) }

func (s TagStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("TagStatus(%d)", uint8(s))
}

// ParseTagStatus reads a Status cell: blank, "suggested", "confirmed" or
// "not screened" (case, spaces, hyphens and underscores do not matter).
func ParseTagStatus(s string) (TagStatus, error) {
	k := budget.Normalize(s)
	for i, n := range statusNames {
		if k == n {
			return TagStatus(i), nil
		}
	}
	return 0, fmt.Errorf("budget: status %q: want %s", strings.TrimSpace(s), strings.Join(statusNames[1:], ", "))
}

// Tag is what the tag columns of one row hold, as typed and as parsed.
type Tag struct {
	Status     TagStatus
	Objectives []budget.ObjectiveShare // nil: no objective given (or the cells do not parse)
	Marker     budget.Marker           // in the workbook's scheme; NotScreened when blank or invalid
	Rationale  string
	TaggedBy   string

	// Cells are the tag columns' texts as written, indexed by the Col*
	// constants.
	Cells [NumTagColumns]string
}

// Empty reports whether no objective, share or marker is written.
func (t Tag) Empty() bool {
	for c := ColObjective1; c <= ColMarker; c++ {
		if strings.TrimSpace(t.Cells[c]) != "" {
			return false
		}
	}
	return true
}

// Suggestion is grb's proposal for a row: carried forward from an earlier
// tagged budget, read from the budget file's own tag columns, or made by
// rules. Each part has its provenance; a part with a Conflict note was
// left empty on purpose.
type Suggestion struct {
	Objectives      []budget.ObjectiveShare
	ObjectiveSource budget.Provenance
	Marker          budget.Level
	MarkerSource    budget.Provenance
	// Conflicts say why a part was left empty: rules that disagree, or
	// earlier lines that disagree.
	ObjectiveConflict, MarkerConflict string
	// MarkerConfidence is the model's calibrated probability of Marker
	// (for a rule's marker too); 0 when not measured (carried, or from
	// the file's columns, or no model).
	MarkerConfidence float64
	// ForReview: MarkerConfidence is below the model's review threshold,
	// rules disagree on the objectives, or the line is migration-related
	// (Migration) and has no objectives.
	ForReview bool
	// MarkerReasons are the words that drove the model, strongest first.
	MarkerReasons []string
	// Migration is the migration model's view of the line; nil when not
	// scored. A migration-related line without objectives is ForReview.
	Migration *MigrationRelevance
}

// MigrationRelevance is how migration-related a line's text is.
type MigrationRelevance struct {
	Score float64  // 0–1, to two decimals (as the workbook shows it)
	Words []string // the words that pushed the score up most, strongest first
}

// Empty reports whether the suggestion proposes nothing.
func (s Suggestion) Empty() bool { return s.Objectives == nil && s.Marker == budget.NotScreened }

// TagRow is a row of a tagging sheet that holds line items (several, in a
// layout with one amount column per fiscal year).
type TagRow struct {
	Sheet string // sheet of the tagging workbook
	Row   int    // 1-based, the same row as in the source sheet
	Lines []int  // indexes in the Tagging's Budget.Lines

	Tag       Tag        // the tag columns
	FromFile  Suggestion // tags in the budget file's own columns, if any
	Suggested Suggestion // grb's suggestion
}

// TagSheet is one sheet of a tagging workbook: a copy of a source sheet,
// and how to read it back.
type TagSheet struct {
	Name   string     // in the tagging workbook
	Source string     // in the source file ("" for a csv file)
	Cells  [][]string // original cells by row: Cells[0] is row 1; trailing empty cells dropped
	Width  int        // original columns; the tag columns start at column Width+1

	HeaderRow  int                     // 1-based
	HeaderRows int                     // 2 when a group header row above was joined in
	Columns    map[budget.Field]string // field → column letter, as the source was read (objectives and gender marker excepted)
	Scale      budget.Scale            // given when the source was read; 0: from the title or the default
	Currency   string                  // given when the source was read
	Year       int                     // given when the source was read
	Decimal    budget.DecimalMark
	Phase      budget.Phase // of a generic amount column

	// The source's own objectives and gender-marker columns (1-based; 0
	// when it has none), and that marker column's scheme.
	FileObjectives, FileMarker int
	FileScheme                 string
}

// TagCol returns the 1-based column of tag column c (a Col* constant).
func (s *TagSheet) TagCol(c int) int { return s.Width + 1 + c }

// Tagging is a budget being tagged: its lines, the sheets they were read
// from and, for each row that holds lines, the tags and suggestions.
type Tagging struct {
	Budget *budget.Budget
	Source string // the budget file the workbook was made from
	Scheme string // the gender-marker scheme of the tag columns
	Sheets []TagSheet
	Rows   []TagRow
	// Lang is the language of the workbook's words ("fr", "es"; ""
	// for English), as Write recorded it.
	Lang string
	// headers are the tag columns' headers as Write wrote them in Lang
	// (nil: English), which Read accepts as well as the English ones.
	headers []string
}

// DefaultScheme is the marker scheme of a tagging workbook unless the
// institution chooses another.
const DefaultScheme = "oecd_dac"

// tagScheme looks up the tag scheme, DefaultScheme when id is "".
func tagScheme(s *budget.Schemes, id string) (*budget.Scheme, error) {
	if s == nil {
		s = budget.DefaultSchemes()
	}
	if id == "" {
		id = DefaultScheme
	}
	sc, ok := s.Lookup(id)
	if !ok {
		return nil, fmt.Errorf("budget: %w %q", budget.ErrUnknownScheme, id)
	}
	return sc, nil
}

func (t *Tagging) sheetNamed(name string) *TagSheet {
	for i := range t.Sheets {
		if t.Sheets[i].Name == name {
			return &t.Sheets[i]
		}
	}
	return nil
}

// Reviewed returns t's budget with the lines of the rows a person
// reviewed only (confirmed or not screened): the lines whose tags can be
// trusted, to carry forward or to evaluate suggestions against.
func (t *Tagging) Reviewed() *budget.Budget {
	b := *t.Budget
	b.Lines = budget.Lines{}
	for _, r := range t.Rows {
		if r.Tag.Status == StatusConfirmed || r.Tag.Status == StatusNotScreened {
			for _, i := range r.Lines {
				b.Lines.Append(t.Budget.Lines.At(i))
			}
		}
	}
	return &b
}

// Sheet returns the tagging sheet of row r.
func (t *Tagging) Sheet(r *TagRow) *TagSheet { return t.sheetNamed(r.Sheet) }
