package sdg5c1

import (
	"bufio"
	"bytes"
	_ "embed" // for data/sdg5c1.yaml
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/grid"
	"github.com/grb-toolkit/grb/budget/xlsx"
)

// sdg5c1YAML holds the SDG 5.c.1 questionnaire: the 13 questions by
// criterion, the optional question, instructions and definitions.
//
//go:embed data/sdg5c1.yaml
var sdg5c1YAML []byte

// Question is one question of the SDG indicator 5.c.1
// questionnaire (domain reference §4.2), in grb's own words.
type Question struct {
	ID        string // "1.1" … "3.3", or "optional"
	Criterion int    // 1, 2 or 3; 0 for the optional question
	Text      string
}

// Criterion is one of the indicator's three criteria and its
// questions.
type Criterion struct {
	Number    int
	Name      string
	Questions []Question
}

// Definition is a term of the questionnaire and its meaning.
type Definition struct {
	Term string `yaml:"term"`
	Text string `yaml:"text"`
}

// Reference is the questionnaire as grb ships it.
type Reference struct {
	Source          string
	ReferencePeriod string
	Criteria        []Criterion
	Optional        Question // the unscored question on the budget share
	Instructions    []string
	Definitions     []Definition
}

// Questions returns the scored questions in order: 1.1 … 3.3.
func (r *Reference) Questions() []Question {
	var out []Question
	for _, c := range r.Criteria {
		out = append(out, c.Questions...)
	}
	return out
}

// Default returns the questionnaire reference data embedded in grb. It
// panics if the embedded data/sdg5c1.yaml is invalid, a bug caught by the
// package tests.
func Default() *Reference {
	r := sdg5c1Data()
	c := *r
	c.Criteria = slices.Clone(r.Criteria)
	for i := range c.Criteria {
		c.Criteria[i].Questions = slices.Clone(r.Criteria[i].Questions)
	}
	c.Instructions = slices.Clone(r.Instructions)
	c.Definitions = slices.Clone(r.Definitions)
	return &c
}

var sdg5c1Data = sync.OnceValue(func() *Reference {
	r, err := parseSDG5c1(sdg5c1YAML)
	if err != nil {
		panic("budget: embedded data/sdg5c1.yaml is invalid (a bug in grb): " + err.Error())
	}
	return r
})

var sdg5c1ID = regexp.MustCompile(`^[1-9]\.[1-9][0-9]?$`)

func parseSDG5c1(b []byte) (*Reference, error) {
	var f struct {
		Source          string `yaml:"source"`
		ReferencePeriod string `yaml:"reference_period"`
		Criteria        []struct {
			Number    int    `yaml:"number"`
			Name      string `yaml:"name"`
			Questions []struct {
				ID   string `yaml:"id"`
				Text string `yaml:"text"`
			} `yaml:"questions"`
		} `yaml:"criteria"`
		Optional struct {
			ID   string `yaml:"id"`
			Text string `yaml:"text"`
		} `yaml:"optional"`
		Instructions []string     `yaml:"instructions"`
		Definitions  []Definition `yaml:"definitions"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	r := &Reference{
		Source:          strings.TrimSpace(f.Source),
		ReferencePeriod: f.ReferencePeriod,
		Optional:        Question{ID: f.Optional.ID, Text: strings.TrimSpace(f.Optional.Text)},
		Instructions:    f.Instructions,
		Definitions:     f.Definitions,
	}
	for i, c := range f.Criteria {
		if c.Number != i+1 || c.Name == "" {
			return nil, fmt.Errorf("criterion %d (%q) listed in place %d", c.Number, c.Name, i+1)
		}
		crit := Criterion{Number: c.Number, Name: c.Name}
		for j, q := range c.Questions {
			want := fmt.Sprintf("%d.%d", c.Number, j+1)
			if q.ID != want || strings.TrimSpace(q.Text) == "" {
				return nil, fmt.Errorf("question %q of criterion %d: want id %s with a text", q.ID, c.Number, want)
			}
			crit.Questions = append(crit.Questions, Question{ID: q.ID, Criterion: c.Number, Text: strings.TrimSpace(q.Text)})
		}
		r.Criteria = append(r.Criteria, crit)
	}
	if r.Optional.ID != "optional" || r.Optional.Text == "" {
		return nil, fmt.Errorf("the optional question must have id optional and a text")
	}
	return r, nil
}

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

// maxQuestionnaireRows bounds the rows read from one sheet of a
// questionnaire, which has about thirty.
const maxQuestionnaireRows = 10000

// Read reads a filled SDG 5.c.1 questionnaire from r; name is used in
// messages.
//
// The first visible sheet with a header row holding an "ID" and an
// "Answer" column is read. Below it, a row whose ID is a question id
// ("2.5") gives that question's answer and its evidence (the "Evidence"
// column), and a row whose ID is "optional" gives the share of the budget
// allocated to gender equality. Anywhere in the sheet, a row labelled
// "Last completed fiscal year" (or "Fiscal year") gives the year in the
// cell to the right of the label, and one labelled "Country" the country.
//
// A blank answer is Unanswered, never No. Problems go into
// Questionnaire.Issues: an answer that is not Yes or No (an error; the
// question counts as not answered), a question repeated (an error), an
// unknown or missing question, a Yes without evidence, no fiscal year
// (warnings). The error is non-nil only when nothing could be read; it
// wraps ErrNoQuestionnaire when no sheet has the header.
//
// format says whether r is an "xlsx" workbook or "csv" text; "" takes data
// that starts like a zip archive for a workbook and anything else for csv
// (input.ReadQuestionnaire tells the format of a file as every command
// does); any other format is an error wrapping budget.ErrUnknownFormat.
func Read(r io.Reader, name, format string) (*Questionnaire, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if format == "" {
		format = "csv"
		if head, _ := br.Peek(4); xlsx.Sniff(head) {
			format = "xlsx"
		}
	}
	var src grid.Source
	switch format {
	case "xlsx":
		s, err := xlsx.Open(br, name, budget.DefaultMaxBytes, maxQuestionnaireRows)
		if err != nil {
			return nil, err
		}
		src = s
	case "csv":
		s, err := csv.Open(br, name, 0, budget.DefaultMaxBytes)
		if err != nil {
			return nil, err
		}
		src = s
	default:
		return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w: want an .xlsx questionnaire", budget.ErrUnknownFormat)}
	}
	defer src.Close()
	ref := sdg5c1Data()
	for _, sh := range src.Sheets() {
		if sh.Hidden {
			continue
		}
		it, err := src.Rows(sh.Name)
		if err != nil {
			return nil, err
		}
		q, found, err := readQuestionnaireSheet(it, name, sh.Name, ref)
		it.Close()
		if err != nil {
			return nil, err
		}
		if found {
			return q, nil
		}
	}
	return nil, &budget.ParseError{File: name, Err: fmt.Errorf("%w: no sheet has a header row with an ID and an Answer column (grb sdg5c1 --template writes one)", ErrNoQuestionnaire)}
}

// questionnaireCols are the columns of a questionnaire's header, 0-based;
// -1 when absent.
type questionnaireCols struct{ id, answer, evidence int }

func readQuestionnaireSheet(it grid.Rows, file, sheet string, ref *Reference) (*Questionnaire, bool, error) {
	q := &Questionnaire{Source: file, Sheet: sheet}
	questions := ref.Questions()
	index := map[string]int{}
	for i, qu := range questions {
		index[qu.ID] = i
		q.Answers = append(q.Answers, QuestionAnswer{ID: qu.ID, Pos: budget.At(file, "", 0, 0)})
	}
	pos := func(row, col int) budget.Position { return budget.At(file, sheet, row, col+1) }
	cols := questionnaireCols{-1, -1, -1}
	header := false
	yearSeen := false
	shareSeen := false
	for it.Next() {
		n, cells := it.Row()
		first := -1
		for c, v := range cells {
			if strings.TrimSpace(v) != "" {
				first = c
				break
			}
		}
		if first < 0 {
			continue
		}
		label := strings.ToLower(strings.TrimSpace(cells[first]))
		// Labelled cells: the year and the country, anywhere.
		if strings.HasPrefix(label, "last completed fiscal year") || strings.HasPrefix(label, "fiscal year") {
			v, c := qnextValue(cells, first)
			if yearSeen {
				continue
			}
			yearSeen = true
			if c < 0 {
				continue
			}
			q.YearLabel = v
			if y, ok := parseQuestionnaireYear(v); ok {
				q.Year = y
			} else {
				q.issue(budget.Warning, "year-invalid", pos(n, c), v, "a fiscal year such as 2024, 2024-25 or FY2024", "the last completed fiscal year is not understood", nil)
			}
			continue
		}
		if label == "country" || strings.HasPrefix(label, "country ") || strings.HasPrefix(label, "country:") {
			if v, c := qnextValue(cells, first); c >= 0 && q.Country == "" {
				q.Country = v
			}
			continue
		}
		if !header {
			if hc, ok := questionnaireHeader(cells); ok {
				cols, header = hc, true
			}
			continue
		}
		id := normalizeQuestionID(qcell(cells, cols.id))
		if id == "" {
			continue
		}
		raw := strings.TrimSpace(qcell(cells, cols.answer))
		evidence := strings.TrimSpace(qcell(cells, cols.evidence))
		if strings.EqualFold(id, "optional") {
			if shareSeen {
				q.issue(budget.Error, "question-duplicate", pos(n, cols.id), id, "", "the optional question appears twice; this row is not read", nil)
				continue
			}
			shareSeen = true
			q.Share = ShareAnswer{Raw: raw, Evidence: evidence, Pos: pos(n, cols.answer)}
			if raw != "" {
				pct, note, err := parseSharePercent(raw)
				if err != nil {
					q.issue(budget.Error, "share-invalid", pos(n, cols.answer), raw, "a per cent such as 12.5 or 12.5%", "the share of the budget for gender equality is not a number", budget.ErrInvalidAmount)
				} else {
					q.Share.Percent, q.Share.OK = pct, true
					if note != "" {
						q.issue(budget.Warning, "share-assumed", pos(n, cols.answer), raw, "", note, nil)
					}
				}
			}
			continue
		}
		i, ok := index[id]
		if !ok {
			if sdg5c1ID.MatchString(id) {
				q.issue(budget.Warning, "question-unknown", pos(n, cols.id), id, "1.1-1.3, 2.1-2.7, 3.1-3.3 or optional", "not a question of the SDG 5.c.1 questionnaire; the row is not read", nil)
			}
			continue
		}
		a := &q.Answers[i]
		if a.Found {
			q.issue(budget.Error, "question-duplicate", pos(n, cols.id), id, "", fmt.Sprintf("question %s appears twice (first at %s); this row is not read", id, a.Pos), nil)
			continue
		}
		a.Found, a.Raw, a.Evidence, a.Pos = true, raw, evidence, pos(n, cols.answer)
		v, err := ParseYesNo(raw)
		if err != nil {
			q.issue(budget.Error, "answer-invalid", a.Pos, raw, "Yes, No or blank", fmt.Sprintf("answer to question %s is not Yes or No; the question counts as not answered", id), ErrInvalidAnswer)
			continue
		}
		a.Answer = v
		if v == Yes && evidence == "" && cols.evidence >= 0 {
			q.issue(budget.Warning, "evidence-missing", pos(n, cols.evidence), "", "a document, law, web address or page", fmt.Sprintf("question %s is answered Yes without evidence (UN Women asks for it when validating)", id), nil)
		}
	}
	if err := it.Err(); err != nil {
		return nil, false, err
	}
	if !header {
		return nil, false, nil
	}
	for _, a := range q.Answers {
		if !a.Found {
			q.issue(budget.Warning, "question-missing", budget.At(file, sheet, 0, 0), "", "", fmt.Sprintf("question %s has no row in the sheet; it counts as not answered", a.ID), nil)
		}
	}
	if q.YearLabel == "" {
		q.issue(budget.Warning, "year-missing", budget.At(file, sheet, 0, 0), "", "", "no last completed fiscal year is given (a row labelled \"Last completed fiscal year\")", nil)
	}
	return q, true, nil
}

// qcell returns cell c of a row, "" when absent.
func qcell(cells []string, c int) string {
	if c < 0 || c >= len(cells) {
		return ""
	}
	return cells[c]
}

// questionnaireHeader recognises the header row: a cell "ID" and a cell
// starting with "Answer".
func questionnaireHeader(cells []string) (questionnaireCols, bool) {
	c := questionnaireCols{-1, -1, -1}
	for i, v := range cells {
		h := strings.ToLower(strings.TrimSpace(v))
		switch {
		case h == "id" && c.id < 0:
			c.id = i
		case strings.HasPrefix(h, "answer") && c.answer < 0:
			c.answer = i
		case strings.HasPrefix(h, "evidence") && c.evidence < 0:
			c.evidence = i
		}
	}
	return c, c.id >= 0 && c.answer >= 0
}

// qnextValue returns the cell right of column c, trimmed, and its column
// (-1 when it is empty).
func qnextValue(cells []string, c int) (string, int) {
	if v := strings.TrimSpace(qcell(cells, c+1)); v != "" {
		return v, c + 1
	}
	return "", -1
}

// normalizeQuestionID trims an id cell and undoes a spreadsheet's number
// formatting of it: "2.5", 2.5 and "2.50000000001" are "2.5".
func normalizeQuestionID(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || sdg5c1ID.MatchString(s) {
		return s
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 10 {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return s
}

func parseQuestionnaireYear(s string) (int, bool) {
	return grid.ParseYearCell(strings.TrimSpace(s))
}

// parseSharePercent reads the optional answer as a per cent. "12.5%" and
// "12,5 %" are 12.5; a bare number of at most 1 is a fraction, as a cell
// formatted as a percentage stores it (0.125 is 12.5 %); a bare number
// above 1 is read as per cent, with a note saying so.
func parseSharePercent(s string) (pct float64, note string, err error) {
	t := strings.TrimSpace(s)
	isPct := strings.HasSuffix(t, "%")
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v != v || v > 100 && isPct {
		return 0, "", fmt.Errorf("budget: share %q: want a per cent between 0 and 100", s)
	}
	switch {
	case isPct:
		return v, "", nil
	case v <= 1:
		return v * 100, "", nil
	case v <= 100:
		return v, fmt.Sprintf("read as %s%% (a number above 1 is taken as per cent, not as a fraction)", strconv.FormatFloat(v, 'f', -1, 64)), nil
	}
	return 0, "", fmt.Errorf("budget: share %q: want a per cent between 0 and 100", s)
}

// need is the number of Yes answers that meet each criterion.
var need = [4]int{0, 2, 4, 2}

// Need returns the number of Yes answers that meet criterion n (1, 2 or
// 3) of SDG 5.c.1, as the indicator's metadata fixes it: 2, 4 and 2; 0
// for any other n. The questionnaire states it beside each criterion.
func Need(n int) int {
	if n < 1 || n > 3 {
		return 0
	}
	return need[n]
}
