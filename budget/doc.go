// Package budget is the vocabulary of grb's pipeline, its first stage:
// budget lines, budget phases, exact money, GCM objectives and gender
// markers with their schemes, and the Budget that a reader fills from a
// file. It must not import any other package of grb (its readers, under
// budget/, import it), nor analysis, reports, gonum or urfave/cli.
//
// A [Budget] holds the line items read from a file, a ledger that accounts
// for every input row (line, subtotal, total, header, title, note, blank or
// rejected), the checks of every stated total against the lines it covers,
// and the problems found ([Issue]). Reading never panics and never guesses
// silently: a value it cannot interpret becomes an issue with its position
// (file, sheet, cell), what was found and what was expected.
//
// The readers are packages of their own: budget/input is the one way in
// (it tells the format of a file and calls the reader of that format:
// budget/xlsx, budget/csv, budget/iati, budget/fdp, budget/tagging);
// budget/grid interprets a grid of cells for the table formats.
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
