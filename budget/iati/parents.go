package iati

import "github.com/grb-toolkit/grb/budget"

// titled is the title of an activity and its ordinal in the file.
type titled struct {
	title string
	ord   int
}

// noteLineless records the title of activity ord, of identifier id, which
// made no line, unless an earlier one of id did.
func (r *iatiReader) noteLineless(id, title string, ord int) {
	if _, seen := r.lineless[id]; seen {
		return
	}
	if r.lineless == nil {
		r.lineless = map[string]titled{}
	}
	r.lineless[id] = titled{title, ord}
}

// parentTitles returns the title of the first activity in the file of
// each identifier that is a parent (named by a related-activity), from the
// lines' programmes and the activities that made no line; read before
// levels leaves out the lines of parents. Only parents are kept, so a file
// of a million activities keeps no second index of them.
func (r *iatiReader) parentTitles() map[string]titled {
	if len(r.tree.parents) == 0 {
		return nil
	}
	titles := map[string]titled{}
	for id, t := range r.lineless {
		if _, ok := r.tree.parents[keyOf(id)]; ok {
			titles[id] = t
		}
	}
	lines, last := &r.b.Lines, ""
	for i := range lines.Len() {
		l := lines.At(i)
		id := l.Programme.Code()
		if i > 0 && id == last {
			continue // the lines of one activity follow each other
		}
		last = id
		if _, ok := r.tree.parents[keyOf(id)]; !ok {
			continue
		}
		if t, ok := titles[id]; !ok || l.Pos.Row < t.ord {
			titles[id] = titled{l.Programme.Name(), l.Pos.Row}
		}
	}
	return titles
}

// nameParents names the parents that related-activity elements give
// without a name, by their titles.
func (r *iatiReader) nameParents(titles map[string]titled) {
	for i := range r.b.Lines.Len() {
		if l := r.b.Lines.At(i); !l.Parent.IsZero() && l.Parent.Name() == "" {
			l.Parent = budget.NewCode(l.Parent.Code(), titles[l.Parent.Code()].title)
			r.b.Lines.Set(i, l)
		}
	}
}
