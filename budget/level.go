package budget

import (
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/internal/format"
)

// RecordLevel says which level of parent and child records is counted when the
// records of a file are parents of others in the same file (a parent
// column, or IATI related-activity): counting both would count the money
// twice.
type RecordLevel uint8

// The levels.
const (
	LevelLeaves  RecordLevel = iota // records that are parents of none (the default)
	LevelParents                    // records whose parent is not in the file
	LevelAll                        // every record: parents and children both
)

var recordLevelNames = []string{"leaves", "parents", "all"}

func (l RecordLevel) String() string {
	if int(l) < len(recordLevelNames) {
		return recordLevelNames[l]
	}
	return fmt.Sprintf("RecordLevel(%d)", uint8(l))
}

// ParseRecordLevel parses "leaves", "parents" or "all".
func ParseRecordLevel(s string) (RecordLevel, error) {
	for i, n := range recordLevelNames {
		if s == n {
			return RecordLevel(i), nil
		}
	}
	return 0, fmt.Errorf("budget: unknown level %q (want leaves, parents or all)", s)
}

// LevelSplit is what SplitLevels found: the records that are parents of
// others in the same table, and which lines the chosen level leaves out.
// A record is the lines of one input row (or IATI activity), told apart
// by their Pos.
type LevelSplit struct {
	Level RecordLevel
	// Drop is by line: the line is of the level not counted.
	Drop []bool
	// Parent is by line: the record is a parent of another record.
	Parent []bool
	// Children is by line: how many records name it as their parent.
	Children []int
	// Key is by line: the key of its parent in the file ("" for none).
	Key                    []string
	Parents, Kids, Orphans int // records: parents, children, children of a parent not in the file
	LeafSum, TopSum        [NumPhases]Sum
	Mismatches             []ParentMismatch
}

// ParentMismatch is a parent record whose stated amount differs from the
// sum of its children's, for one fiscal year and phase.
type ParentMismatch struct {
	Pos       Position
	Parent    string // the parent's key (id or code)
	YearLabel string
	Phase     Phase
	Stated    Money
	Children  Money
	Kids      int
}

// lineKeys returns the keys by which other lines may name l as their
// parent: its ID and its programme code.
func lineKeys(l *Line) [2]string { return [2]string{l.ID, l.Programme.Code()} }

// parentKeys returns the texts of l's parent that may name another line.
func parentKeys(l *Line) [2]string { return [2]string{l.Parent.Code(), l.Parent.Label()} }

// anyParent reports whether a line of lines names a parent.
func anyParent(lines LineView) bool {
	for i := range lines.Len() {
		if !lines.ParentAt(i).IsZero() {
			return true
		}
	}
	return false
}

// owners returns, by key (see lineKeys), the first line that has it.
func owners(lines LineView) map[string]int {
	owner := map[string]int{}
	for i := range lines.Len() {
		li := lines.At(i)
		for _, k := range lineKeys(&li) {
			if _, ok := owner[k]; k != "" && !ok {
				owner[k] = i
			}
		}
	}
	return owner
}

// SplitLevels finds, among lines, the records that are parents of other
// records (a line's ID or programme code equals another line's Parent
// code), and which lines level leaves out: parents for LevelLeaves,
// children of a parent in the file for LevelParents, none for LevelAll. A
// record with no parent and no child, or whose parent is not among lines
// (an orphan), is counted at every level. It returns nil when no record
// is the parent of another. Each parent is compared with the sum of its
// direct children, by fiscal year and phase, where it states an amount.
func SplitLevels(lines LineView, level RecordLevel, tol Money) *LevelSplit {
	if !anyParent(lines) {
		return nil // no line names a parent: no record is the parent of another
	}
	owner := owners(lines)
	s := &LevelSplit{Level: level, Drop: make([]bool, lines.Len()), Parent: make([]bool, lines.Len()),
		Children: make([]int, lines.Len()), Key: make([]string, lines.Len())}
	referenced := map[string]map[Position]bool{} // parent key → child records
	orphan := map[Position]bool{}
	for i := range lines.Len() {
		l := lines.At(i)
		if l.Parent.IsZero() {
			continue
		}
		for _, k := range parentKeys(&l) {
			if j, ok := owner[k]; ok && k != "" && !samePos(lines.At(j).Pos, l.Pos) {
				s.Key[i] = k
				break
			}
		}
		if s.Key[i] == "" {
			orphan[recordPos(l.Pos)] = true
			continue
		}
		if referenced[s.Key[i]] == nil {
			referenced[s.Key[i]] = map[Position]bool{}
		}
		referenced[s.Key[i]][recordPos(l.Pos)] = true
	}
	if len(referenced) == 0 {
		return nil
	}
	parents, kids := map[Position]bool{}, map[Position]bool{}
	for i := range lines.Len() {
		l := lines.At(i)
		for _, k := range lineKeys(&l) {
			if n := len(referenced[k]); k != "" && n > 0 {
				s.Parent[i] = true
				s.Children[i] = max(s.Children[i], n)
			}
		}
		if s.Parent[i] {
			parents[recordPos(l.Pos)] = true
		}
		if s.Key[i] != "" {
			kids[recordPos(l.Pos)] = true
		}
		s.Drop[i] = (level == LevelLeaves && s.Parent[i]) || (level == LevelParents && s.Key[i] != "")
		if !s.Parent[i] {
			l.Amounts.addTo(&s.LeafSum)
		}
		if s.Key[i] == "" {
			l.Amounts.addTo(&s.TopSum)
		}
	}
	s.Parents, s.Kids, s.Orphans = len(parents), len(kids), len(orphan)
	s.Mismatches = compareParents(lines, s, tol)
	return s
}

// recordPos is the position of the record of a line: its row.
func recordPos(p Position) Position { p.Col = 0; return p }

func samePos(a, b Position) bool { return recordPos(a) == recordPos(b) }

// parentGroup is a parent key and a fiscal year.
type parentGroup struct{ key, year string }

// compareParents compares each parent's stated amounts with the sum of
// its direct children's, by fiscal year and phase.
func compareParents(lines LineView, s *LevelSplit, tol Money) []ParentMismatch {
	type sums struct {
		stated, kids [NumPhases]Sum
		records      map[Position]bool
		pos          Position
		seen         bool
	}
	named := map[string]bool{} // keys some line names as its parent
	for _, k := range s.Key {
		named[k] = k != ""
	}
	groups := map[parentGroup]*sums{}
	var order []parentGroup
	get := func(g parentGroup) *sums {
		if groups[g] == nil {
			groups[g] = &sums{records: map[Position]bool{}}
			order = append(order, g)
		}
		return groups[g]
	}
	for i := range lines.Len() {
		l := lines.At(i)
		if s.Parent[i] {
			for _, k := range uniqueKeys(&l) {
				if !named[k] {
					continue
				}
				g := get(parentGroup{k, l.YearLabel})
				if !g.seen {
					g.pos, g.seen = recordPos(l.Pos), true
				}
				l.Amounts.addTo(&g.stated)
			}
		}
		if s.Key[i] != "" {
			g := get(parentGroup{s.Key[i], l.YearLabel})
			g.records[recordPos(l.Pos)] = true
			l.Amounts.addTo(&g.kids)
		}
	}
	var out []ParentMismatch
	for _, k := range order {
		g := groups[k]
		if !g.seen || len(g.records) == 0 && !anyCount(g.stated) {
			continue
		}
		for p := range NumPhases {
			if g.stated[p].Count() == 0 {
				continue
			}
			st, err1 := g.stated[p].Value()
			ch, err2 := g.kids[p].Value()
			if err1 != nil || err2 != nil {
				continue
			}
			if d, ok := ch.Sub(st); ok && (d.Cmp(tol) > 0 || negCmp(d, tol)) {
				out = append(out, ParentMismatch{Pos: g.pos, Parent: k.key, YearLabel: k.year, Phase: p, Stated: st, Children: ch, Kids: len(g.records)})
			}
		}
	}
	return out
}

// negCmp reports whether d is below -tol.
func negCmp(d, tol Money) bool {
	n, ok := tol.Neg()
	return ok && d.Cmp(n) < 0
}

func anyCount(s [NumPhases]Sum) bool {
	for i := range s {
		if s[i].Count() > 0 {
			return true
		}
	}
	return false
}

// uniqueKeys returns l's non-empty keys, each once.
func uniqueKeys(l *Line) []string {
	k := lineKeys(l)
	switch {
	case k[0] == "" && k[1] == "":
		return nil
	case k[0] == "" || k[0] == k[1]:
		return k[1:]
	case k[1] == "":
		return k[:1]
	}
	return k[:]
}

// addTo adds the present amounts of a to sums, by phase.
func (a Amounts) addTo(sums *[NumPhases]Sum) {
	for p := range NumPhases {
		if v, ok := a.Get(p); ok {
			sums[p].Add(v)
		}
	}
}

// Record records the split on b: a decision (topic "level") with the
// evidence, and a warning "parent-mismatch" for each parent whose children
// do not add up to it. what names the records ("rows", "activities").
func (s *LevelSplit) Record(b *Budget, sheet, how, what string) {
	var sums []string
	for p := range NumPhases {
		if s.LeafSum[p].Count() == 0 && s.TopSum[p].Count() == 0 {
			continue
		}
		leaf, _ := s.LeafSum[p].Value()
		top, _ := s.TopSum[p].Value()
		sums = append(sums, fmt.Sprintf("%s: leaves %s, parents %s", p, leaf, top))
	}
	choice := map[RecordLevel]string{
		LevelLeaves:  "count the leaves: parent records are not counted, their children are",
		LevelParents: "count the parents: children of a parent in the file are not counted",
		LevelAll:     "count every record, parents and children both (money is counted twice)",
	}[s.Level]
	others := []string{}
	for _, l := range []RecordLevel{LevelLeaves, LevelParents, LevelAll} {
		if l != s.Level {
			others = append(others, "--level "+l.String())
		}
	}
	b.Decide(Decision{Sheet: sheet, Topic: "level", Choice: choice,
		Evidence: fmt.Sprintf("%s: %s, %s, %s (%s whose parent is not in the file); %s; %s from their children's sum",
			how, format.CountOf(s.Parents, "parent", "parents"), format.CountOf(s.Kids, "child", "children"), format.CountOf(s.Orphans, "orphan", "orphans"),
			what, strings.Join(sums, "; "), format.CountOf(len(s.Mismatches), "parent differs", "parents differ")),
		Override: strings.Join(others, " or ")})
	for _, m := range s.Mismatches {
		d, _ := m.Children.Sub(m.Stated)
		year := ""
		if m.YearLabel != "" {
			year = " in " + m.YearLabel
		}
		b.AddIssue(Warning, "parent-mismatch", m.Pos, m.Stated.String(),
			fmt.Sprintf("%s, the sum of its %d children%s (difference %s)", m.Children, m.Kids, year, d),
			fmt.Sprintf("%s of parent %s%s does not equal the sum of its %d children", m.Phase, m.Parent, year, m.Kids), nil)
	}
}
