package budget

// LineView is a run of the lines of a Lines, read in place:
// what a slice of them was.
type LineView struct {
	ls       *Lines
	from, to int
}

// View returns the lines from (inclusive) to to (exclusive).
func (ls *Lines) View(from, to int) LineView {
	if from < 0 || to > ls.Len() || from > to {
		panic("budget: Lines.View out of range")
	}
	return LineView{ls, from, to}
}

// Len returns the number of lines in the view.
func (v LineView) Len() int { return v.to - v.from }

// At returns line i of the view.
func (v LineView) At(i int) Line { return v.ls.At(v.index(i)) }

// AmountsAt returns the amounts of line i of the view.
func (v LineView) AmountsAt(i int) Amounts { return v.ls.AmountsAt(v.index(i)) }

func (v LineView) index(i int) int {
	if i < 0 || i >= v.to-v.from {
		panic("budget: LineView index out of range")
	}
	return v.from + i
}

// Cap returns the number of lines the columns have room for.
func (ls *Lines) Cap() int { return cap(ls.desc) }

// YearAt returns At(i).Year without making the rest of the line.
func (ls *Lines) YearAt(i int) int { return ls.t.attrs.vals[ls.attrs[i]].year }

// YearLabelAt returns At(i).YearLabel without making the rest of the line.
func (ls *Lines) YearLabelAt(i int) string {
	return ls.t.strs.vals[ls.t.attrs.vals[ls.attrs[i]].yearLabel]
}

// CurrencyAt returns At(i).Currency without making the rest of the line.
func (ls *Lines) CurrencyAt(i int) string {
	return ls.t.strs.vals[ls.t.attrs.vals[ls.attrs[i]].currency]
}

// GenderAt returns At(i).Gender without making the rest of the line.
func (ls *Lines) GenderAt(i int) Marker { return ls.t.attrs.vals[ls.attrs[i]].gender }

// RowAt returns the row line i of the view was read from.
func (v LineView) RowAt(i int) int { return v.ls.RowAt(v.index(i)) }

// YearLabelAt returns the year label of line i of the view.
func (v LineView) YearLabelAt(i int) string { return v.ls.YearLabelAt(v.index(i)) }

// CurrencyAt returns the currency of line i of the view.
func (v LineView) CurrencyAt(i int) string { return v.ls.CurrencyAt(v.index(i)) }

// DescriptionAt returns At(i).Description without making the rest of the
// line.
func (ls *Lines) DescriptionAt(i int) string { return ls.t.text.str(ls.desc[i]) }

// UnitAt returns At(i).Unit without making the rest of the line.
func (ls *Lines) UnitAt(i int) Code { return ls.t.codes.vals[ls.unit[i]] }

// ProgrammeAt returns At(i).Programme without making the rest of the line.
func (ls *Lines) ProgrammeAt(i int) Code { return ls.t.codes.vals[ls.prog[i]] }

// ParentAt returns At(i).Parent without making the rest of the line.
func (ls *Lines) ParentAt(i int) Code { return ls.t.codes.vals[ls.parent[i]] }

// DescriptionAt returns the description of line i of the view.
func (v LineView) DescriptionAt(i int) string { return v.ls.DescriptionAt(v.index(i)) }

// UnitAt returns the unit of line i of the view.
func (v LineView) UnitAt(i int) Code { return v.ls.UnitAt(v.index(i)) }

// ProgrammeAt returns the programme of line i of the view.
func (v LineView) ProgrammeAt(i int) Code { return v.ls.ProgrammeAt(v.index(i)) }

// ParentAt returns the parent programme of line i of the view.
func (v LineView) ParentAt(i int) Code { return v.ls.ParentAt(v.index(i)) }
