package sdg5c1

import (
	"strings"
	"testing"
)

// FuzzReadQuestionnaire checks that reading a questionnaire never panics
// and always yields the 13 questions, whatever the cells hold. The cells
// come as csv text, so that the fuzzer explores grb's reading rather than
// excelize's unzipping.
func FuzzReadQuestionnaire(f *testing.F) {
	f.Add("Last completed fiscal year,2024\nID,Answer,Evidence\n1.1,Yes,law\n2.5,No,\noptional,12.5%,x\n")
	f.Add("ID,Answer\n2.5,maybe\n2.5,yes\n9.9,no\noptional,150\n")
	f.Add("Country,X\nFiscal year,FY20\nid;answer\n1.10;1\n")
	f.Add("ID,Answer\n,\n\"\",\"\"\n1.1\n")
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Read(strings.NewReader(s), "q.csv", "csv")
		if err != nil {
			return
		}
		if len(q.Answers) != 13 {
			t.Errorf("%d answers, want 13", len(q.Answers))
		}
		if q.Share.OK && (q.Share.Percent < 0 || q.Share.Percent > 100) {
			t.Errorf("share %v outside 0-100", q.Share.Percent)
		}
	})
}
