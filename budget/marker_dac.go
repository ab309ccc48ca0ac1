package budget

// DAC returns the OECD DAC significance of level l, as written in the
// exports (IATI policy-marker significance, the Fiscal Data Package's
// gender-marker column): principal 2, significant 1, and 0 for the
// screened levels that are not an important and deliberate objective
// (not targeted, and the limited and potential levels of the UN GEM,
// UNDP and EU schemes, which the DAC marker has no level for). A line not
// screened has none: ok is false.
func (l Level) DAC() (significance int, ok bool) {
	switch l {
	case Principal:
		return 2, true
	case Significant:
		return 1, true
	case NotTargeted, Limited, Potential:
		return 0, true
	}
	return 0, false
}
