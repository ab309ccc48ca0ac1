package sdg5c1

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sdg5c1Time is written as the questionnaire's creation and modification
// time, so that the questionnaire has the same bytes every time.
const sdg5c1Time = "2000-01-01T00:00:00Z"

// The questionnaire sheet's layout; Read finds its
// parts by their labels, not by these positions.
const (
	sdg5c1Sheet        = "Questionnaire"
	sdg5c1Instructions = "Instructions"
	sdg5c1HeaderRow    = 8
)

// WriteQuestionnaire writes the SDG 5.c.1 questionnaire workbook: on the
// Questionnaire sheet, the country and last completed fiscal year cells,
// then the 13 questions by criterion, each with a Yes/No drop-down list
// (data validation) and an evidence cell, and the optional question on the
// share of the budget; on the Instructions sheet, how to answer, the
// scoring and the definitions. The same grb writes the same bytes.
func WriteQuestionnaire(w io.Writer) error {
	ref := Default()
	f := excelize.NewFile()
	defer f.Close()
	x := &sdgSheet{f: f, name: sdg5c1Sheet}
	if err := f.SetSheetName("Sheet1", sdg5c1Sheet); err != nil {
		return err
	}
	title := x.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	bold := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	headStyle := x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	wrap := x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	topLeft := x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	input := x.style(&excelize.Style{Fill: yellow, Alignment: &excelize.Alignment{Vertical: "top"}})
	inputWrap := x.style(&excelize.Style{Fill: yellow, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	textFmt := x.style(&excelize.Style{Fill: yellow, NumFmt: 49}) // "@": text, so 2024-25 stays as typed
	pctFmt := "0.0%"
	inputPct := x.style(&excelize.Style{Fill: yellow, CustomNumFmt: &pctFmt, Alignment: &excelize.Alignment{Vertical: "top"}})

	x.set("A1", "SDG indicator 5.c.1 questionnaire", title)
	x.set("A2", "Proportion of countries with systems to track and make public allocations for gender equality and women's empowerment", 0)
	x.set("A3", "Answer each question Yes or No from the list in column D, for "+ref.ReferencePeriod+". Give evidence for every Yes. Leave nothing blank: a blank answer is reported as not answered. The Instructions sheet explains the scoring.", wrap)
	x.merge("A3", "E3")
	x.height(3, 32)
	x.set("A5", "Country", bold)
	x.set("B5", "", input)
	x.merge("B5", "C5")
	x.set("A6", "Last completed fiscal year", bold)
	x.set("B6", "", textFmt)
	x.set("C6", "such as 2024 or 2024-25", 0)

	h := strconv.Itoa(sdg5c1HeaderRow)
	for i, head := range []string{"ID", "Criterion", "Question", "Answer (Yes/No)", "Evidence (document, law, web address, page)"} {
		x.set(string(rune('A'+i))+h, head, headStyle)
	}
	row := sdg5c1HeaderRow + 1
	var answerCells []string
	for _, c := range ref.Criteria {
		r := strconv.Itoa(row)
		x.set("B"+r, fmt.Sprintf("Criterion %d: %s (met with at least %d Yes of %d)", c.Number, c.Name, Need(c.Number), len(c.Questions)), bold)
		x.merge("B"+r, "E"+r)
		row++
		first := row
		for _, q := range c.Questions {
			r := strconv.Itoa(row)
			x.set("A"+r, q.ID, topLeft)
			x.setInt("B"+r, c.Number, topLeft)
			x.set("C"+r, q.Text, wrap)
			x.set("D"+r, "", input)
			x.set("E"+r, "", inputWrap)
			x.height(row, sdgRowHeight(q.Text))
			row++
		}
		answerCells = append(answerCells, fmt.Sprintf("D%d:D%d", first, row-1))
	}
	row++
	r := strconv.Itoa(row)
	x.set("A"+r, ref.Optional.ID, topLeft)
	x.set("C"+r, ref.Optional.Text, wrap)
	x.set("D"+r, "", inputPct)
	x.set("E"+r, "", inputWrap)
	x.height(row, sdgRowHeight(ref.Optional.Text))
	optionalCell := "D" + r

	if x.err == nil {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(strings.Join(answerCells, " "))
		x.check(dv.SetDropList([]string{"Yes", "No"}))
		dv.SetInput("Answer", "Yes or No, for the last completed fiscal year")
		dv.SetError(excelize.DataValidationErrorStyleStop, "Yes or No", "Choose Yes or No from the list, or leave the cell blank if the question is not answered.")
		x.check(f.AddDataValidation(sdg5c1Sheet, dv))
		pv := excelize.NewDataValidation(true)
		pv.SetSqref(optionalCell)
		x.check(pv.SetRange(0, 1, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween))
		pv.SetError(excelize.DataValidationErrorStyleStop, "Share", "A percentage from 0 % to 100 %.")
		x.check(f.AddDataValidation(sdg5c1Sheet, pv))
	}
	for i, width := range []float64{12, 10, 80, 16, 50} {
		col := string(rune('A' + i))
		x.check(f.SetColWidth(sdg5c1Sheet, col, col, width))
	}
	x.check(f.SetPanes(sdg5c1Sheet, &excelize.Panes{Freeze: true, YSplit: sdg5c1HeaderRow, TopLeftCell: "A" + strconv.Itoa(sdg5c1HeaderRow+1), ActivePane: "bottomLeft"}))

	// Instructions.
	if _, err := f.NewSheet(sdg5c1Instructions); err != nil {
		return err
	}
	y := &sdgSheet{f: f, name: sdg5c1Instructions, err: x.err}
	y.set("A1", "How to answer the SDG 5.c.1 questionnaire", title)
	n := 3
	for _, s := range ref.Instructions {
		c := "A" + strconv.Itoa(n)
		y.set(c, s, wrap)
		y.merge(c, "B"+strconv.Itoa(n))
		y.height(n, sdgRowHeight(s))
		n++
	}
	n++
	y.set("A"+strconv.Itoa(n), "Definitions", bold)
	n++
	for _, d := range ref.Definitions {
		y.set("A"+strconv.Itoa(n), d.Term, topLeft)
		y.set("B"+strconv.Itoa(n), d.Text, wrap)
		y.height(n, sdgRowHeight(d.Text))
		n++
	}
	n++
	y.set("A"+strconv.Itoa(n), "Source", bold)
	y.set("B"+strconv.Itoa(n), ref.Source, wrap)
	y.height(n, sdgRowHeight(ref.Source))
	y.check(f.SetColWidth(sdg5c1Instructions, "A", "A", 30))
	y.check(f.SetColWidth(sdg5c1Instructions, "B", "B", 100))
	if y.err != nil {
		return y.err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "SDG 5.c.1 questionnaire",
		Subject:        "Systems to track and make public allocations for gender equality and women's empowerment",
		Creator:        "grb",
		LastModifiedBy: "grb",
		Created:        sdg5c1Time,
		Modified:       sdg5c1Time,
		Language:       "en",
	}); err != nil {
		return err
	}
	return f.Write(w)
}

// sdgRowHeight fits a wrapped text of about 95 characters a line.
func sdgRowHeight(s string) float64 {
	lines := (len([]rune(s)) + 94) / 95
	return float64(max(lines, 1)) * 15
}

// sdgSheet writes cells of one sheet, keeping the first error.
type sdgSheet struct {
	f    *excelize.File
	name string
	err  error
}

func (x *sdgSheet) check(err error) {
	if x.err == nil {
		x.err = err
	}
}

func (x *sdgSheet) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

func (x *sdgSheet) set(cell, v string, style int) {
	if x.err != nil {
		return
	}
	if v != "" {
		x.check(x.f.SetCellStr(x.name, cell, v))
	}
	if style != 0 {
		x.check(x.f.SetCellStyle(x.name, cell, cell, style))
	}
}

func (x *sdgSheet) setInt(cell string, v int, style int) {
	if x.err != nil {
		return
	}
	x.check(x.f.SetCellInt(x.name, cell, int64(v)))
	if style != 0 {
		x.check(x.f.SetCellStyle(x.name, cell, cell, style))
	}
}

func (x *sdgSheet) merge(a, b string) {
	if x.err == nil {
		x.check(x.f.MergeCell(x.name, a, b))
	}
}

func (x *sdgSheet) height(row int, h float64) {
	if x.err == nil {
		x.check(x.f.SetRowHeight(x.name, row, h))
	}
}
