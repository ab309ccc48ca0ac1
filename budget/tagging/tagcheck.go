package tagging

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Sentinels of the issues of [Check].
var (
	ErrNotTagged   = errors.New("line not tagged")
	ErrInvalidTag  = errors.New("invalid tag")
	ErrNoRationale = errors.New("principal marker without a rationale")
)

// Check lists what keeps a returned tagging workbook from being
// complete and valid, every problem at its cell:
//
//   - every row that holds lines is confirmed, or explicitly not screened
//     ("tag-missing", "status-missing", "tag-unconfirmed", "status-invalid");
//   - a confirmed row has a gender marker ("marker-missing"), and a row not
//     screened has none ("marker-not-screened");
//   - objectives 2 and 3 are objectives 0–23, shares are numbers above 0 and
//     up to 100, no objective is listed twice, and the shares of a row sum
//     to 100 % ("objective-invalid", "share-invalid", "share-sum");
//   - a confirmed principal marker has a rationale ("rationale-missing").
//
// The first objective column and the marker column are checked when the
// workbook is read ([Read] reports "objective-invalid" and
// "marker-invalid" there), so Check does not repeat those. A row
// without objectives is allowed: it serves no GCM objective. Every issue
// is an Error.
func Check(t *Tagging) []budget.Issue {
	sc, err := tagScheme(nil, t.Scheme)
	codes := ""
	if err == nil {
		codes = sc.CodeList()
	}
	var out []budget.Issue
	for i := range t.Rows {
		row := &t.Rows[i]
		s := t.sheetNamed(row.Sheet)
		if s == nil {
			continue
		}
		tag := &row.Tag
		at := func(c int) budget.Position {
			return budget.At(t.Budget.Source, row.Sheet, row.Row, s.TagCol(c))
		}
		add := func(c int, code, found, expected, msg string, err error) {
			out = append(out, budget.Issue{Code: code, Severity: budget.Error, Pos: at(c), Found: found, Expected: expected, Message: msg, Err: err})
		}
		status, serr := ParseTagStatus(tag.Cells[ColStatus])
		if serr != nil {
			add(ColStatus, "status-invalid", tag.Cells[ColStatus], "suggested, confirmed or not screened, from the list",
				"status not understood", ErrInvalidTag)
		}
		checkSlots(tag, add)

		markerGiven := tag.Cells[ColMarker] != ""
		switch {
		case serr != nil:
		case status == StatusNone && tag.Empty():
			add(ColStatus, "tag-missing", "", "objectives and a gender marker with Status confirmed, or Status not screened",
				"line not tagged", ErrNotTagged)
		case status == StatusNone:
			add(ColStatus, "status-missing", "", "Status confirmed once the tags are checked",
				"tags given but Status is blank", ErrNotTagged)
		case status == StatusSuggested:
			add(ColStatus, "tag-unconfirmed", "", "Status confirmed once the tags are checked, or not screened",
				"suggested tags not yet reviewed", ErrNotTagged)
		case status == StatusConfirmed && !markerGiven:
			add(ColMarker, "marker-missing", "", "a code of scheme "+t.Scheme+" ("+codes+") from the list, or Status not screened",
				"confirmed line has no gender marker", ErrNotTagged)
		case status == StatusNotScreened && markerGiven:
			add(ColMarker, "marker-not-screened", tag.Cells[ColMarker], "a blank marker, or Status confirmed",
				"Status is not screened but a gender marker is given", ErrInvalidTag)
		}
		if status == StatusConfirmed && tag.Marker.Level == budget.Principal && strings.TrimSpace(tag.Rationale) == "" {
			add(ColRationale, "rationale-missing", "", "a sentence on why gender equality is the main objective of the line",
				fmt.Sprintf("gender marker %s (principal) without a rationale", tag.Marker.Raw()), ErrNoRationale)
		}
	}
	return out
}

// checkSlots checks the objective and share columns of a row, reporting
// through add; it reports whether they make a valid set of objectives.
func checkSlots(tag *Tag, add func(c int, code, found, expected, msg string, err error)) bool {
	ok := true
	seen := map[int]int{} // objective → slot
	firstOK := true
	for i := 0; i < MaxObjectiveSlots; i++ {
		oc, shc := ColObjective1+2*i, ColShare1+2*i
		obj, share := tag.Cells[oc], tag.Cells[shc]
		if obj != "" {
			v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(obj), ".0"))
			if err != nil || v < 0 || v > budget.NumObjectives {
				if i > 0 {
					add(oc, "objective-invalid", obj, "1–23, or 0 for General, from the list",
						fmt.Sprintf("GCM objective %d is not a GCM objective", i+1), budget.ErrInvalidObjective)
				} else {
					firstOK = false // reported when the workbook was read
				}
				ok = false
			} else if prev, dup := seen[v]; dup {
				add(oc, "objective-invalid", obj, "each objective once, with its whole share",
					fmt.Sprintf("GCM objective %d repeats GCM objective %d", i+1, prev+1), budget.ErrInvalidObjective)
				ok = false
			} else {
				seen[v] = i
			}
		}
		if share == "" {
			continue
		}
		p, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(share, "%")), 64)
		switch {
		case err != nil || p <= 0 || p > 100:
			add(shc, "share-invalid", share, "a percentage above 0 and up to 100, such as 60",
				fmt.Sprintf("share %d is not a percentage", i+1), budget.ErrShareSum)
			ok = false
		case obj == "":
			add(shc, "share-invalid", share, "GCM objective "+strconv.Itoa(i+1)+" in the column to its left",
				fmt.Sprintf("share %d has no objective", i+1), budget.ErrShareSum)
			ok = false
		}
	}
	if !ok || !firstOK {
		return false
	}
	if _, err := slotObjectives(tag.Cells); err != nil {
		if errors.Is(err, budget.ErrShareSum) {
			add(ColShare1, "share-sum", sharesText(tag), "shares that sum to 100",
				"objective "+shareProblem(err), budget.ErrShareSum)
		} else {
			add(ColObjective1, "objective-invalid", "", "", budget.IssueText(err), budget.ErrInvalidObjective)
		}
		return false
	}
	return true
}

// sharesText lists the shares of a row as written: "60 + 30".
func sharesText(tag *Tag) string {
	var s []string
	for i := 0; i < MaxObjectiveSlots; i++ {
		if v := tag.Cells[ColShare1+2*i]; v != "" {
			s = append(s, v)
		}
	}
	return strings.Join(s, " + ")
}

// shareProblem is the part of a ParseObjectives share error after the cell.
func shareProblem(err error) string {
	msg := budget.IssueText(err)
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[:i] // drop the sentinel's text
	}
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}
