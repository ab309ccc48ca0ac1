package tagging

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
)

// words words a workbook's text for people in its language
// (WriteOptions.Words); nil is English.
type words func(key string, args ...any) string

// F formats the English message key with args in w's language. A key is
// a fmt format: a per cent sign is written %%.
func (w words) F(key string, args ...any) string {
	if w == nil {
		return fmt.Sprintf(key, args...)
	}
	return w(key, args...)
}

// S is the text key (not a format: a label from the reference data) in
// w's language.
func (w words) S(key string) string {
	if w == nil {
		return key
	}
	return w(key)
}

// tagColumnsIn returns the headers of the tag columns in w's language
// for a workbook whose marker scheme is scheme.
func tagColumnsIn(w words, scheme string) []string {
	return []string{
		w.F("GCM objective %d", 1), w.F("Share %d (%%)", 1),
		w.F("GCM objective %d", 2), w.F("Share %d (%%)", 2),
		w.F("GCM objective %d", 3), w.F("Share %d (%%)", 3),
		w.F("Gender marker (%s)", scheme),
		w.F("Rationale"), w.F("Tagged by"), w.F("Status"),
		w.F("Suggested objectives"), w.F("Objectives suggested by"),
		w.F("Suggested marker"), w.F("Marker suggested by"),
		w.F("Marker confidence"), w.F("Review"), w.F("Words that drove it"),
		w.F("Migration relevance"),
	}
}

// markerMeanings writes the scheme's codes and labels on one line:
// "2 = Principal, 1 = Significant, 0 = Not targeted".
func markerMeanings(w words, sc *budget.Scheme) string {
	parts := make([]string, len(sc.Codes))
	for i, c := range sc.Codes {
		parts[i] = c.Code + " = " + w.S(c.Label)
	}
	return strings.Join(parts, ", ")
}

// addTagValidation adds the dropdowns and range checks of the tag columns
// over the rows below the header, their prompts and messages in w's
// language; the values they accept are the same in every language.
func addTagValidation(f *excelize.File, w words, name string, s *TagSheet, rows []*TagRow, sc *budget.Scheme, reference string) error {
	top, bottom := s.HeaderRow+1, s.HeaderRow+1
	for _, r := range rows {
		bottom = max(bottom, r.Row)
	}
	span := func(c int) string {
		col := budget.ColumnName(s.TagCol(c))
		return fmt.Sprintf("%s%d:%s%d", col, top, col, bottom)
	}
	objectives := excelize.NewDataValidation(true)
	shares := excelize.NewDataValidation(true)
	for i := 0; i < MaxObjectiveSlots; i++ {
		objectives.SetSqref(span(ColObjective1 + 2*i))
		shares.SetSqref(span(ColShare1 + 2*i))
	}
	if err := objectives.SetDropList(objectiveList()); err != nil {
		return err
	}
	objectives.SetInput(w.F("GCM objective"), w.F("Choose 1-23 from the list, or 0 for General (the Compact as a whole). The %s sheet lists them. Leave blank if the line serves no objective.", reference))
	objectives.SetError(excelize.DataValidationErrorStyleStop, w.F("Not a GCM objective"), w.F("Choose an objective from the list: 1-23, or 0 for General."))
	// 60 and 60% (stored as 0.6 under a percentage format) are both
	// in range; grb reads each as the user typed it.
	if err := shares.SetRange(0.0001, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	shares.SetInput(w.F("Share of the line (%%)"), w.F("Per cent of the line's money for the objective to the left: type 60 or 60%%, both read as 60 %%. Leave blank for one objective (100%%) or for an equal split."))
	shares.SetError(excelize.DataValidationErrorStyleStop, w.F("Not a share"), w.F("Enter a percentage above 0 and up to 100, such as 60 or 60%%."))
	marker := excelize.NewDataValidation(true)
	marker.SetSqref(span(ColMarker))
	if err := marker.SetDropList(markerList(sc)); err != nil {
		return err
	}
	title := w.F("Gender marker (%s)", sc.ID)
	if len([]rune(title)) > maxTitle {
		title = w.F("Marker (%s)", sc.ID)
	}
	marker.SetInput(title, truncate(markerMeanings(w, sc)+w.F(". See the %s sheet.", w.F("Instructions")), 250))
	marker.SetError(excelize.DataValidationErrorStyleStop, w.F("Not a marker code"), truncate(w.F("Choose a code of the %s scheme from the list: %s.", sc.ID, markerMeanings(w, sc)), 250))
	status := excelize.NewDataValidation(true)
	status.SetSqref(span(ColStatus))
	if err := status.SetDropList(tagStatuses()); err != nil {
		return err
	}
	status.SetInput(w.F("Status"), w.F("confirmed: the tags are checked. not screened: the line is deliberately not assessed. suggested: grb's suggestion, not yet checked."))
	status.SetError(excelize.DataValidationErrorStyleStop, w.F("Not a status"), w.F("Choose suggested, confirmed or not screened from the list."))
	for _, dv := range []*excelize.DataValidation{objectives, shares, marker, status} {
		fitTitles(dv)
		if err := f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	return nil
}

// maxTitle is the longest title of a dropdown's prompt or error message
// that Excel opens, in characters.
const maxTitle = 32

// fitTitles cuts the titles of dv's prompt and error message to maxTitle
// characters and the messages to 255, the most Excel opens, whatever the
// language made of them.
func fitTitles(dv *excelize.DataValidation) {
	for _, p := range []*string{dv.PromptTitle, dv.ErrorTitle} {
		if p != nil {
			*p = truncate(*p, maxTitle)
		}
	}
	for _, p := range []*string{dv.Prompt, dv.Error} {
		if p != nil {
			*p = truncate(*p, 255)
		}
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// levelMeaning explains marker level lv in plain words (after OECD DAC,
// UN Women, EU and Migration MPTF sources in budget/data/schemes.yaml),
// "" for a level it does not explain.
func levelMeaning(w words, lv budget.Level) string {
	switch lv {
	case budget.Principal:
		return w.F("Gender equality is the main objective of the line: the line would not exist without it, and its expected results are built around it. Say why in the Rationale column.")
	case budget.Significant:
		return w.F("Gender equality is an important and deliberate objective of the line, but not the main reason for it.")
	case budget.Limited:
		return w.F("The line makes a limited contribution to gender equality; it is not counted as gender-focused.")
	case budget.Potential:
		return w.F("The line may help gender equality, but it is not yet clear how; check again later.")
	case budget.NotTargeted:
		return w.F("The line was checked and does not target gender equality.")
	}
	return ""
}

// instructionLine is a row of the Instructions sheet: column A, column B
// and a style.
type instructionLine struct {
	a, b  string
	style int
}

// instructionLines are the rows of the Instructions sheet in w's
// language.
func instructionLines(w words, st *workbookStyles, reference string, t *Tagging, sc *budget.Scheme) []instructionLine {
	var sheets []string
	for _, s := range t.Sheets {
		sheets = append(sheets, s.Name)
	}
	type line = instructionLine
	lines := []line{
		{w.F("How to tag this budget"), "", st.title},
		{w.F("Budget"), w.F("%s (sheets: %s)", baseName(t.Source), strings.Join(sheets, ", ")), st.wrap},
		{w.F("Gender marker scheme"), sc.Name + " (" + sc.ID + ")", st.wrap},
		{"", "", 0},
		{w.F("What to do"), "", st.bold},
		{"1.", w.F("Go to the budget sheet. The budget's own columns are protected so they cannot be changed by mistake. The yellow columns on the right are yours to fill in, on every row that is a budget line (totals and headings have none)."), st.wrap},
		{"2.", w.F("For each line, choose the Global Compact for Migration objectives it serves (up to three) and the gender marker, from the dropdown lists. The %s sheet lists the 23 objectives.", reference), st.wrap},
		{"3.", w.F("If grb suggested tags, they are already in the yellow columns with Status \"suggested\", and the grey columns say where each suggestion came from (a rule and the words it matched, last year's tags, or the budget file's own columns). Check each one: change it if it is wrong."), st.wrap},
		{"4.", w.F("Write in Rationale why you chose the marker. It is required for a principal marker, and useful for every tag."), st.wrap},
		{"5.", w.F("Write your name in Tagged by, then set Status to \"confirmed\". If a line is deliberately not assessed, set Status to \"not screened\" and leave the marker blank."), st.wrap},
		{"6.", w.F("Return the workbook. \"grb validate\" on it lists every line still to do and every problem, each with its cell."), st.wrap},
		{"", "", 0},
		{w.F("Objectives and shares"), "", st.bold},
		{w.F("One objective"), w.F("Choose it in GCM objective 1 and leave the shares blank: the whole line counts for it."), st.wrap},
		{w.F("Several objectives"), w.F("Use GCM objective 1, 2 and 3, and give each a share in per cent, such as 60 and 40; the shares must add up to 100. Blank shares split the line equally."), st.wrap},
		{w.F("General (0)"), w.F("The line serves the Compact as a whole, such as coordination or a national implementation plan."), st.wrap},
		{w.F("No objective"), w.F("Leave the objective columns blank if the line serves no GCM objective. It still needs a gender marker."), st.wrap},
		{"", "", 0},
		{w.F("Status"), "", st.bold},
		{"suggested", w.F("grb's suggestion, not yet checked by anyone. It is not counted as a tag."), st.wrap},
		{"confirmed", w.F("You checked the tags and stand by them."), st.wrap},
		{"not screened", w.F("The line is deliberately not assessed for gender equality. This is different from a marker meaning \"not targeted\", which says the line was assessed."), st.wrap},
		{"", "", 0},
		{w.F("Gender marker codes (%s)", sc.ID), "", st.bold},
	}
	for _, c := range sc.Codes {
		lines = append(lines, line{c.Code + " = " + w.S(c.Label), levelMeaning(w, c.Level), st.wrap})
	}
	lines = append(lines,
		line{w.F("(blank)"), w.F("Not screened: nobody has assessed the line. Use it only with Status \"not screened\"."), st.wrap},
		line{"", "", 0},
		line{w.F("Good to know"), "", st.bold},
		line{"•", w.F("A principal marker is not better than a significant one: lines that target gender equality and lines that build it into a wider aim both count."), st.wrap},
		line{"•", w.F("The marker records intent when the budget is planned; it is not a measure of the money actually spent on gender equality."), st.wrap},
		line{"•", w.F("Do not add, remove or move rows or columns of the budget sheet: grb reads the lines back from where they are."), st.wrap},
	)
	if sc.Provisional {
		lines = append(lines, line{"•", w.F("The codes of the %s scheme are provisional: grb could not check them against the scheme's own documents.", sc.ID), st.wrap})
	}
	return lines
}

// writeInstructions writes the Instructions sheet.
func writeInstructions(f *excelize.File, w words, st *workbookStyles, name, reference string, t *Tagging, sc *budget.Scheme) error {
	for i, l := range instructionLines(w, st, reference, t, sc) {
		r := i + 1
		if l.a != "" {
			if err := f.SetCellStr(name, cellRef(1, r), l.a); err != nil {
				return err
			}
		}
		if l.b != "" {
			if err := f.SetCellStr(name, cellRef(2, r), l.b); err != nil {
				return err
			}
		}
		if l.style != 0 {
			if err := f.SetCellStyle(name, cellRef(1, r), cellRef(2, r), l.style); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(name, "A", "A", 28); err != nil {
		return err
	}
	return f.SetColWidth(name, "B", "B", 100)
}

// writeReferenceSheet lists General and the 23 objectives, in lang ("":
// English) where the reference data has their words.
func writeReferenceSheet(f *excelize.File, w words, lang string, st *workbookStyles, name string) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for c, h := range []string{w.F("Objective"), w.F("Short label"), w.F("Title (A/RES/73/195, para. 16)")} {
		if err := f.SetCellStr(name, cellRef(c+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(name, "A1", "C1", st.header); err != nil {
		return err
	}
	for i, o := range budget.Objectives() {
		r := i + 2
		if err := f.SetCellInt(name, cellRef(1, r), int64(o.Number)); err != nil {
			return err
		}
		if err := f.SetCellStr(name, cellRef(2, r), o.ShortIn(lang)); err != nil {
			return err
		}
		if err := f.SetCellStr(name, cellRef(3, r), o.TitleIn(lang)); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(name, "A", "A", 10); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", 34); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "C", "C", 110); err != nil {
		return err
	}
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true})
}
