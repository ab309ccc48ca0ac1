package budget

import (
	"strconv"

	"github.com/grb-toolkit/grb/internal/format"
)

// MaxIssuesPerCode is how many issues of one code and severity a Budget
// lists one by one. The rest are counted on one more issue of that code
// whose More says how many there were and whose message says "and 8,999,000
// more like this", so a file with millions of identical problems costs
// the memory of a few thousand and still tells the whole count.
const MaxIssuesPerCode = 1000

// issueKey is what makes issues "of one kind".
type issueKey struct {
	code string
	sev  Severity
}

// issueTally counts the issues of each kind added to a Budget, and where
// the issue that counts the unlisted ones is.
type issueTally struct {
	n    map[issueKey]int
	more map[issueKey]int // index in Issues of the counting issue
}

// moreTail ends the message of the issue that counts the unlisted ones.
var moreTail = " like the " + format.Thousands(strconv.Itoa(MaxIssuesPerCode)) + " above, not listed one by one"

// Count is the number of problems the issue stands for: More for the
// issue that counts those not listed, else 1.
func (i Issue) Count() int {
	if i.More > 0 {
		return i.More
	}
	return 1
}

// AppendIssues appends is to b.Issues, as AddIssue does for one: past
// MaxIssuesPerCode issues of one code and severity, an issue is counted on
// the kind's summary issue instead of being listed. Readers that collect
// issues before deciding to keep them append them with it.
func (b *Budget) AppendIssues(is ...Issue) {
	if b.tally.n == nil {
		b.tally = issueTally{n: map[issueKey]int{}, more: map[issueKey]int{}}
		for _, i := range b.Issues { // issues appended directly
			b.tally.n[issueKey{i.Code, i.Severity}] += i.Count()
		}
	}
	for _, i := range is {
		k := issueKey{i.Code, i.Severity}
		b.tally.n[k] += i.Count()
		if b.tally.n[k] <= MaxIssuesPerCode {
			b.Issues = append(b.Issues, i)
			continue
		}
		at, ok := b.tally.more[k]
		if !ok || at >= len(b.Issues) || b.Issues[at].Code != i.Code || b.Issues[at].More == 0 {
			at = len(b.Issues)
			b.tally.more[k] = at
			b.Issues = append(b.Issues, Issue{Code: i.Code, Severity: i.Severity, Pos: Position{place: i.Pos.place}, Err: i.Err})
		}
		m := &b.Issues[at]
		m.More += i.Count()
		m.Message = "and " + format.Thousands(strconv.Itoa(m.More)) + " more [" + i.Code + "] " + format.Plural(m.More, i.Severity.String(), i.Severity.String()+"s") + moreTail
	}
}
