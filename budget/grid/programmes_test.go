package grid

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// Programme codes: the level width is voted by the data, and parents are
// listed deepest first.
func TestProgrammeCodes(t *testing.T) {
	var lines []budget.Line
	for _, c := range []string{"0702000", "0702010", "0702020", "0710000", "0711000", "0711100", "abc", "12"} {
		lines = append(lines, budget.Line{YearLabel: "2024", Unit: budget.NewCode("1011", ""), Programme: budget.NewCode(c, "")})
	}
	ls := budget.LinesOf(lines...)
	codes := indexProgrammeCodes(ls.View(0, ls.Len()))
	if got := len(codes[codeGroup{"2024", "1011"}]); got != 6 {
		t.Fatalf("%d codes indexed, want 6 (not abc, not 12)", got)
	}
	width := codes.levelWidth()
	if width != 3 {
		t.Errorf("levelWidth = %d, want 3 (0702000 over 0702010)", width)
	}
	var got []string
	for _, p := range codes.parents(width) {
		got = append(got, p.code+">"+p.prefix)
	}
	if diff := cmp.Diff([]string{"0702000>0702", "0711000>0711"}, got); diff != "" {
		t.Errorf("parents (-want +got):\n%s", diff)
	}
	kids := codes.children(programmeParent{codeGroup{"2024", "1011"}, "0702000", "0702"}, make([]bool, len(lines)))
	if diff := cmp.Diff([]int{1, 2}, kids); diff != "" {
		t.Errorf("children (-want +got):\n%s", diff)
	}
}
