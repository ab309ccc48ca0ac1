package iati

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// iatiTree is the activity hierarchy met while reading: which activities
// name which as parent (related-activity type 1 on the child, type 2 on
// the parent) and the hierarchy attributes given. An identifier named is
// kept as its idKey, 16 bytes whatever its length, so that the tree of a
// file of many relations holds no text of them.
type iatiTree struct {
	parentOf  map[idKey]int32    // child → parent, from the parent's type 2: an index in ids
	ids       []string           // the parents that name children, by type 2
	parents   map[idKey]struct{} // ids named as a parent
	children  map[idKey]struct{} // ids named as a child, or naming a parent
	acts      map[idKey]struct{} // the activities of the file
	hierarchy map[string]int     // hierarchy attribute → activities
}

// idKey stands for an activity identifier: the first 16 bytes of its
// SHA-256 sum, which no two identifiers share but by a chance of 2^-128.
type idKey [16]byte

func keyOf(id string) idKey {
	h := sha256.Sum256([]byte(id))
	return idKey(h[:16])
}

// note records the links of activity a, of identifier id.
func (t *iatiTree) note(id string, a *iatiActivity) {
	if t.parentOf == nil {
		*t = iatiTree{parentOf: map[idKey]int32{}, parents: map[idKey]struct{}{}, children: map[idKey]struct{}{}, acts: map[idKey]struct{}{}, hierarchy: map[string]int{}}
	}
	self := keyOf(id)
	t.acts[self] = struct{}{}
	if h := strings.TrimSpace(a.Hierarchy); len(h) == 1 && h >= "1" && h <= "9" {
		t.hierarchy[h]++ // the levels hierarchyText says
	}
	named := int32(-1) // id's index in ids, once it names a child
	for _, ra := range a.Related {
		ref := strings.TrimSpace(ra.Ref)
		if ref == "" || ref == id {
			continue
		}
		k := keyOf(ref)
		switch strings.TrimSpace(ra.Type) {
		case "1":
			t.parents[k], t.children[self] = struct{}{}, struct{}{}
		case "2":
			t.parents[self], t.children[k] = struct{}{}, struct{}{}
			if _, ok := t.parentOf[k]; ok {
				continue
			}
			if named < 0 {
				named = int32(len(t.ids))
				t.ids = append(t.ids, id)
			}
			t.parentOf[k] = named
		}
	}
}

// parentOfID returns the identifier of the activity that names id as its
// child (related-activity type 2), if any.
func (t *iatiTree) parentOfID(id string) (string, bool) {
	i, ok := t.parentOf[keyOf(id)]
	if !ok {
		return "", false
	}
	return t.ids[i], true
}

// levels keeps one level of the activity hierarchy (Options.Level,
// leaves by default) where parent and child activities both make lines;
// the activities of the other level become ledger subtotals (parents) or
// notes (children). Where parents carry no money they make no lines and
// nothing is counted twice: the decision says so.
func (r *iatiReader) levels() {
	if len(r.tree.parents) == 0 {
		return
	}
	for i := range r.b.Lines.Len() {
		l := r.b.Lines.At(i)
		if p, ok := r.tree.parentOfID(l.Programme.Code()); ok && l.Parent.IsZero() {
			l.Parent = budget.NewCode(p, "")
			r.b.Lines.Set(i, l)
		}
	}
	how := "related-activity type 1/2" + r.tree.hierarchyText()
	sp := budget.SplitLevels(r.b.Lines.View(0, r.b.Lines.Len()), r.opt.Level, r.b.Tolerance)
	if sp == nil && r.parentHasMoney() {
		r.b.Decide(budget.Decision{Sheet: iatiSheet, Topic: "level",
			Choice:   "count every activity with money: no activity with money is the parent of another with money, so nothing is counted twice",
			Evidence: fmt.Sprintf("%s: %d parent activities and %d child activities in the file; the parents with money have no child with money", how, r.inFile(r.tree.parents), r.inFile(r.tree.children))})
		return
	}
	if sp == nil {
		r.b.Decide(budget.Decision{Sheet: iatiSheet, Topic: "level",
			Choice: "count every activity with money: the parent activities carry no money, so nothing is counted twice",
			Evidence: fmt.Sprintf("%s: %d parent activities and %d child activities in the file (%d more named but not in it); no parent activity in the file has a budget or spending (they make no lines)",
				how, r.inFile(r.tree.parents), r.inFile(r.tree.children), len(r.tree.parents)+len(r.tree.children)-r.inFile(r.tree.parents)-r.inFile(r.tree.children))})
		return
	}
	sp.Record(r.b, iatiSheet, how, "activities")
	class := map[int]budget.RowRecord{}
	for i, l := range r.b.Lines.All() {
		if !sp.Drop[i] {
			continue
		}
		if _, done := class[l.Pos.Row]; done {
			continue
		}
		rec := budget.RowRecord{Sheet: iatiSheet, Row: l.Pos.Row, Rows: 1, Class: budget.RowSubtotal,
			Reason: fmt.Sprintf("parent of %d activities: not counted, its children are (--level %s)", sp.Children[i], sp.Level)}
		if !sp.Parent[i] || sp.Level == budget.LevelParents {
			rec.Class, rec.Reason = budget.RowNote, fmt.Sprintf("child of %s: not counted, its parent is (--level %s)", sp.Key[i], sp.Level)
		}
		class[l.Pos.Row] = rec
		r.rep.Counts[budget.RowLine]--
		r.rep.Counts[rec.Class]++
	}
	r.b.Lines.Keep(func(i int) bool { return !sp.Drop[i] })
	r.b.Ledger = splitRecords(r.b.Ledger, class)
}

// parentHasMoney reports whether a parent activity made a line.
func (r *iatiReader) parentHasMoney() bool {
	for i := range r.b.Lines.Len() {
		if _, ok := r.tree.parents[keyOf(r.b.Lines.At(i).Programme.Code())]; ok {
			return true
		}
	}
	return false
}

// inFile returns how many of ids are activities of the file.
func (r *iatiReader) inFile(ids map[idKey]struct{}) int {
	n := 0
	for id := range ids {
		if _, ok := r.tree.acts[id]; ok {
			n++
		}
	}
	return n
}

// hierarchyText says how many activities have each hierarchy attribute.
func (t *iatiTree) hierarchyText() string {
	if len(t.hierarchy) == 0 {
		return ""
	}
	var parts []string
	for h := 1; h <= 9; h++ {
		if n := t.hierarchy[fmt.Sprint(h)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d with hierarchy=%q", n, fmt.Sprint(h)))
		}
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// splitRecords returns ledger with the rows of recs taken out of the
// runs that hold them and given their own record.
func splitRecords(ledger []budget.RowRecord, recs map[int]budget.RowRecord) []budget.RowRecord {
	if len(recs) == 0 {
		return ledger
	}
	out := make([]budget.RowRecord, 0, len(ledger)+2*len(recs))
	for _, r := range ledger {
		if r.Sheet != iatiSheet || r.Class != budget.RowLine {
			out = append(out, r)
			continue
		}
		next := r.Row
		for n := r.Row; n <= r.Last(); n++ {
			rec, ok := recs[n]
			if !ok {
				continue
			}
			if n > next {
				run := r
				run.Row, run.Rows = next, n-next
				out = append(out, run)
			}
			out = append(out, rec)
			next = n + 1
		}
		if next <= r.Last() {
			run := r
			run.Row, run.Rows = next, r.Last()-next+1
			out = append(out, run)
		}
	}
	return out
}
