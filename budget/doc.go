// Package budget is the first stage of grb's pipeline: it defines the
// vocabulary of gender-responsive budgeting for the Global Compact for
// Migration (budget lines, budget phases, exact money, GCM objectives and
// gender markers) and reads budget files into that vocabulary.
//
// A [Budget] holds the line items read from a file, a ledger that accounts
// for every input row (line, subtotal, total, header, title, note, blank or
// rejected), the checks of every stated total against the lines it covers,
// and the problems found ([Issue]). Reading never panics and never guesses
// silently: a value it cannot interpret becomes an issue with its position
// (file, sheet, cell), what was found and what was expected.
//
// Reference data (the 23 GCM objectives, the 10 guiding principles, the
// Migration MPTF thematic areas, the gender-marker schemes and their
// crosswalk to canonical levels, and the column synonyms used to recognise
// headers) is embedded as YAML data files, not code, and can be extended by
// users.
//
// The next stage, package analysis, takes a *Budget and computes shares and
// gaps.
package budget
