package sdg5c1

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The share answer typed "60%" is stored as 0.6 under a percentage
// format: it reads as 60 % without a note, and "150%" (1.5) is out of
// range rather than 1.5 %.
func TestReadQuestionnaireTypedPercent(t *testing.T) {
	for _, tc := range []struct {
		v       float64
		percent bool
		want    float64
		ok      bool
		notes   int
	}{
		{0.6, true, 60, true, 0},
		{1.5, true, 0, false, 0},
		{0.6, false, 60, true, 0}, // a bare fraction, read as before
	} {
		t.Run(fmt.Sprint(tc.v, tc.percent), func(t *testing.T) {
			rows := qRows("yyyy yyyy yyyyy")
			rows = append(rows, []any{}, []any{"optional", "", "share?", tc.v, "budget statement"})
			f, err := excelize.OpenReader(bytes.NewReader(qWorkbook(t, rows)))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cell := fmt.Sprintf("D%d", len(rows))
			if tc.percent {
				st, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
				if err := f.SetCellStyle("Questionnaire", cell, cell, st); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			q, err := Read(bytes.NewReader(buf.Bytes()), "q.xlsx", "")
			if err != nil {
				t.Fatal(err)
			}
			notes := 0
			for _, is := range q.Issues {
				if is.Code == "share-assumed" {
					notes++
				}
			}
			if q.Share.OK != tc.ok || q.Share.Percent != tc.want || notes != tc.notes {
				t.Errorf("share %v (ok %v), %d notes; want %v (ok %v), %d; issues %v", q.Share.Percent, q.Share.OK, notes, tc.want, tc.ok, tc.notes, q.Issues)
			}
		})
	}
}
