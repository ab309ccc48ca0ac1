package sdg5c1

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// YesNo is an answer to a yes/no question. The zero value is Unanswered:
// a blank answer is not a No.
type YesNo uint8

// The answers.
const (
	Unanswered YesNo = iota
	Yes
	No
)

func (a YesNo) String() string {
	switch a {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return "not answered"
}

// MarshalText implements encoding.TextMarshaler: "yes", "no" or
// "not_answered".
func (a YesNo) MarshalText() ([]byte, error) {
	if a == Unanswered {
		return []byte("not_answered"), nil
	}
	return []byte(a.String()), nil
}

// ParseYesNo parses an answer cell: Yes, Y, 1, True (and Sí, Oui) are
// Yes; No, N, 0, False (and Non) are No; a blank cell is Unanswered.
// The metadata codes Yes as 1 and No as 0.
func ParseYesNo(s string) (YesNo, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return Unanswered, nil
	case "yes", "y", "1", "true", "sí", "si", "oui":
		return Yes, nil
	case "no", "n", "0", "false", "non":
		return No, nil
	}
	return Unanswered, fmt.Errorf("budget: answer %q is not Yes or No", s)
}

// ErrNoQuestionnaire means no sheet of a workbook holds an SDG 5.c.1
// questionnaire: a header row with an "ID" and an "Answer" column.
var ErrNoQuestionnaire = errors.New("no SDG 5.c.1 questionnaire")

// ErrInvalidAnswer means an answer cell holds something other than Yes,
// No or nothing.
var ErrInvalidAnswer = errors.New("invalid answer")

// QuestionAnswer is the answer to one question of a questionnaire.
type QuestionAnswer struct {
	ID       string          `json:"id"`
	Answer   YesNo           `json:"answer"`
	Raw      string          `json:"raw,omitempty"` // the cell text, trimmed
	Evidence string          `json:"evidence,omitempty"`
	Found    bool            `json:"found"`    // the question has a row in the sheet
	Pos      budget.Position `json:"position"` // the answer cell; the file alone when the row is missing
}

// ShareAnswer is the answer to the optional question: the share of the
// budget allocated to gender equality, in per cent.
type ShareAnswer struct {
	Percent  float64
	OK       bool // an answer was given and understood
	Raw      string
	Evidence string
	Pos      budget.Position // the answer cell; zero when the sheet has no optional row
}

// MarshalJSON writes {"percent": … or null, "raw", "evidence",
// "position"}, leaving out what is absent.
func (s ShareAnswer) MarshalJSON() ([]byte, error) {
	v := struct {
		Percent  *float64         `json:"percent"`
		Raw      string           `json:"raw,omitempty"`
		Evidence string           `json:"evidence,omitempty"`
		Pos      *budget.Position `json:"position,omitempty"`
	}{Raw: s.Raw, Evidence: s.Evidence}
	if s.OK {
		v.Percent = &s.Percent
	}
	if s.Pos.File() != "" {
		v.Pos = &s.Pos
	}
	return json.Marshal(v)
}

// Questionnaire is a filled SDG 5.c.1 questionnaire as read from a
// workbook (or a csv file) laid out as grb sdg5c1 --template writes it.
type Questionnaire struct {
	Source    string           `json:"source"`
	Sheet     string           `json:"sheet,omitempty"`
	Country   string           `json:"country,omitempty"`
	Year      int              `json:"year,omitempty"` // last completed fiscal year (the year it starts in); 0 when not given
	YearLabel string           `json:"year_label,omitempty"`
	Answers   []QuestionAnswer `json:"answers"` // the 13 questions in order, answered or not
	Share     ShareAnswer      `json:"share"`
	Issues    []budget.Issue   `json:"issues,omitempty"`
}

// Answer returns the answer to question id ("2.5"), and false when id is
// not a question.
func (q *Questionnaire) Answer(id string) (QuestionAnswer, bool) {
	for _, a := range q.Answers {
		if a.ID == id {
			return a, true
		}
	}
	return QuestionAnswer{}, false
}

// Errors reports the number of issues of severity Error.
func (q *Questionnaire) Errors() int {
	n := 0
	for _, i := range q.Issues {
		if i.Severity == budget.Error {
			n++
		}
	}
	return n
}

func (q *Questionnaire) issue(sev budget.Severity, code string, pos budget.Position, found, expected, msg string, err error) {
	q.Issues = append(q.Issues, budget.Issue{Code: code, Severity: sev, Pos: pos, Found: found, Expected: expected, Message: msg, Err: err})
}
