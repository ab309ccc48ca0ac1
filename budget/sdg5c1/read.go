package sdg5c1

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/grid"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/format"
)

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
	qr := &questionnaireReader{q: &Questionnaire{Source: file, Sheet: sheet}, file: file, sheet: sheet,
		index: map[string]int{}, cols: questionnaireCols{-1, -1, -1}}
	for i, qu := range ref.Questions() {
		qr.index[qu.ID] = i
		qr.q.Answers = append(qr.q.Answers, QuestionAnswer{ID: qu.ID, Pos: budget.At(file, "", 0, 0)})
	}
	pr, _ := it.(grid.Percents)
	for it.Next() {
		n, cells := it.Row()
		qr.row(n, typedPercents(cells, pr))
	}
	if err := it.Err(); err != nil {
		if !qr.header && errors.Is(err, budget.ErrLimit) {
			// A sheet this long with no questionnaire header above is a
			// budget, or anything but a questionnaire.
			return nil, false, &budget.ParseError{File: file, Sheet: sheet, Err: fmt.Errorf("%w: more than %s rows and no header row with an ID and an Answer column; a questionnaire has about thirty rows (grb sdg5c1 --template writes one). A budget goes after --budget", ErrNoQuestionnaire, format.Thousands(strconv.Itoa(maxQuestionnaireRows)))}
		}
		return nil, false, err
	}
	if !qr.header {
		return nil, false, nil
	}
	qr.finish()
	return qr.q, true, nil
}

// questionnaireReader reads the rows of one sheet of a questionnaire.
type questionnaireReader struct {
	q           *Questionnaire
	file, sheet string
	index       map[string]int // question id → index in q.Answers
	cols        questionnaireCols
	header      bool // the header row was found
	yearSeen    bool
	shareSeen   bool
}

func (qr *questionnaireReader) pos(row, col int) budget.Position {
	return budget.At(qr.file, qr.sheet, row, col+1)
}

// row reads row n: a labelled cell (year, country) anywhere, the header,
// then the questions below it.
func (qr *questionnaireReader) row(n int, cells []string) {
	first := -1
	for c, v := range cells {
		if strings.TrimSpace(v) != "" {
			first = c
			break
		}
	}
	if first < 0 || qr.labelled(n, cells, first) {
		return
	}
	if !qr.header {
		if hc, ok := questionnaireHeader(cells); ok {
			qr.cols, qr.header = hc, true
		}
		return
	}
	id := normalizeQuestionID(qcell(cells, qr.cols.id))
	if id == "" {
		return
	}
	raw := strings.TrimSpace(qcell(cells, qr.cols.answer))
	evidence := strings.TrimSpace(qcell(cells, qr.cols.evidence))
	if strings.EqualFold(id, "optional") {
		qr.share(n, id, raw, evidence)
		return
	}
	qr.answer(n, id, raw, evidence)
}

// labelled reads a row labelled with the fiscal year or the country in
// its first cell (the value in the next), and reports whether it was one.
func (qr *questionnaireReader) labelled(n int, cells []string, first int) bool {
	q := qr.q
	label := strings.ToLower(strings.TrimSpace(cells[first]))
	switch {
	case strings.HasPrefix(label, "last completed fiscal year") || strings.HasPrefix(label, "fiscal year"):
		v, c := qnextValue(cells, first)
		if qr.yearSeen {
			return true
		}
		qr.yearSeen = true
		if c < 0 {
			return true
		}
		q.YearLabel = v
		if y, ok := parseQuestionnaireYear(v); ok {
			q.Year = y
		} else {
			q.issue(budget.Warning, "year-invalid", qr.pos(n, c), v, "a fiscal year such as 2024, 2024-25 or FY2024", "the last completed fiscal year is not understood", nil)
		}
		return true
	case label == "country" || strings.HasPrefix(label, "country ") || strings.HasPrefix(label, "country:"):
		if v, c := qnextValue(cells, first); c >= 0 && q.Country == "" {
			q.Country = v
		}
		return true
	}
	return false
}

// share reads the optional question's answer, the share of the budget.
func (qr *questionnaireReader) share(n int, id, raw, evidence string) {
	q, cols := qr.q, qr.cols
	if qr.shareSeen {
		q.issue(budget.Error, "question-duplicate", qr.pos(n, cols.id), id, "", "the optional question appears twice; this row is not read", nil)
		return
	}
	qr.shareSeen = true
	q.Share = ShareAnswer{Raw: raw, Evidence: evidence, Pos: qr.pos(n, cols.answer)}
	if raw == "" {
		return
	}
	pct, note, err := parseSharePercent(raw)
	if err != nil {
		q.issue(budget.Error, "share-invalid", qr.pos(n, cols.answer), raw, "a per cent such as 12.5 or 12.5%", "the share of the budget for gender equality is not a number", budget.ErrInvalidAmount)
		return
	}
	q.Share.Percent, q.Share.OK = pct, true
	if note != "" {
		q.issue(budget.Warning, "share-assumed", qr.pos(n, cols.answer), raw, "", note, nil)
	}
}

// answer reads the answer to question id.
func (qr *questionnaireReader) answer(n int, id, raw, evidence string) {
	q, cols := qr.q, qr.cols
	i, ok := qr.index[id]
	if !ok {
		if sdg5c1ID.MatchString(id) {
			q.issue(budget.Warning, "question-unknown", qr.pos(n, cols.id), id, "1.1-1.3, 2.1-2.7, 3.1-3.3 or optional", "not a question of the SDG 5.c.1 questionnaire; the row is not read", nil)
		}
		return
	}
	a := &q.Answers[i]
	if a.Found {
		q.issue(budget.Error, "question-duplicate", qr.pos(n, cols.id), id, "", fmt.Sprintf("question %s appears twice (first at %s); this row is not read", id, a.Pos), nil)
		return
	}
	a.Found, a.Raw, a.Evidence, a.Pos = true, raw, evidence, qr.pos(n, cols.answer)
	v, err := ParseYesNo(raw)
	if err != nil {
		q.issue(budget.Error, "answer-invalid", a.Pos, raw, "Yes, No or blank", fmt.Sprintf("answer to question %s is not Yes or No; the question counts as not answered", id), ErrInvalidAnswer)
		return
	}
	a.Answer = v
	if v == Yes && evidence == "" && cols.evidence >= 0 {
		q.issue(budget.Warning, "evidence-missing", qr.pos(n, cols.evidence), "", "a document, law, web address or page", fmt.Sprintf("question %s is answered Yes without evidence (UN Women asks for it when validating)", id), nil)
	}
}

// finish notes the questions with no row, and a missing year.
func (qr *questionnaireReader) finish() {
	q := qr.q
	for _, a := range q.Answers {
		if !a.Found {
			q.issue(budget.Warning, "question-missing", budget.At(qr.file, qr.sheet, 0, 0), "", "", fmt.Sprintf("question %s has no row in the sheet; it counts as not answered", a.ID), nil)
		}
	}
	if q.YearLabel == "" {
		q.issue(budget.Warning, "year-missing", budget.At(qr.file, qr.sheet, 0, 0), "", "", "no last completed fiscal year is given (a row labelled \"Last completed fiscal year\")", nil)
	}
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

// typedPercents returns the cells of a row with each number under a
// percentage format as the user typed it (0.6 shown as 60% is "60%"), so
// that "150%" is 150 and out of range, not 1.5 %.
func typedPercents(cells []string, pr grid.Percents) []string {
	if pr == nil {
		return cells
	}
	var out []string
	for c, v := range cells {
		if v == "" || !pr.IsPercent(c) {
			continue
		}
		if t, ok := grid.TypedPercent(v); ok {
			if out == nil {
				out = append([]string(nil), cells...)
			}
			out[c] = t
		}
	}
	if out == nil {
		return cells
	}
	return out
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
		return v, "read as " + format.PercentExact(v) + " (a number above 1 is taken as per cent, not as a fraction)", nil
	}
	return 0, "", fmt.Errorf("budget: share %q: want a per cent between 0 and 100", s)
}
