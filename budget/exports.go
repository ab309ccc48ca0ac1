package budget

// Names of amount.go, gcm.go and scheme.go that the readers under budget/
// need, exported here rather than in those files while another change
// edits them; each can move next to the code it wraps.

// NumObjectives is the number of GCM objectives, 1 to 23 (General, 0,
// excepted).
const NumObjectives = numObjectives

// CodeList returns the scheme's codes in level order as words for a
// message: "0, 1 or 2".
func (sc *Scheme) CodeList() string { return sc.codeList() }

// ClipText shortens s to at most 64 bytes (on a character boundary, with
// "…" added) for the Found of an issue, as the amount parser's messages
// do.
func ClipText(s string) string { return clipAmountText(s) }

// TrimCell trims white space (including no-break spaces), zero-width
// spaces and byte-order marks from both ends of a cell, as the marker
// parser does.
func TrimCell(s string) string { return refTrim(s) }
