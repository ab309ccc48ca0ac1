package budget

// Decision is one choice made about how to read a file, on evidence,
// that a reader must be able to see and the user to override: the decimal
// mark or scale of a column, which column holds the fiscal year, which
// rows are subtotals of a flattened hierarchy, which phase was analysed.
// Readers record them on the Budget; grb inspect, grb validate --format
// json and the report's methodology show them.
type Decision struct {
	Sheet  string `json:"sheet,omitempty"`
	Column string `json:"column,omitempty"` // the column's header, when the decision is a column's
	// Topic names what was decided, in kebab case: "decimal-mark",
	// "scale", "year", "hierarchy", "level", "phase", "column".
	Topic    string `json:"topic"`
	Choice   string `json:"decision"`           // what was decided: "decimal point"
	Evidence string `json:"evidence"`           // why, with counts: "23,331 values have 4–9 decimals, …"
	Override string `json:"override,omitempty"` // the flag that decides otherwise: "--decimal comma"
	// Ambiguous says the evidence did not settle the question; such a
	// decision is also a warning among the issues.
	Ambiguous bool `json:"ambiguous,omitempty"`
}

// Decide records a decision made on evidence.
func (b *Budget) Decide(d Decision) { b.Decisions = append(b.Decisions, d) }
