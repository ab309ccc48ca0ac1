package grid

import (
	"strings"
	"unicode"
)

// hierTotalWords are the words that make a label a total, in English,
// Spanish and French, compared on lower-case letters without accents.
var hierTotalWords = map[string]bool{
	"total": true, "totals": true, "subtotal": true, "subtotals": true, "sub-total": true,
	"totales": true, "subtotales": true, "sous-total": true, "sous-totaux": true, "totaux": true,
}

// HierarchyTotalWord reports whether label calls its row a total or subtotal
// ("Total", "Sub-total", "Africa, Total", "Total general", "Sous-total",
// "Subtotal programa"…), in English, Spanish or French.
func HierarchyTotalWord(label string) bool {
	if isASCII(label) && !hasTot(label) {
		return false // every total word has "tot" in it: most labels are settled without a copy
	}
	for _, w := range hierWords(label) {
		if hierTotalWords[w] {
			return true
		}
	}
	return false
}

// hierPlaceholders are labels that stand for "nothing here".
var hierPlaceholders = map[string]bool{
	"": true, "-": true, "--": true, "—": true, "–": true, ".": true, "..": true, "...": true, "…": true,
	"none": true, "n/a": true, "na": true, "n.a.": true, "nil": true, "null": true, "not applicable": true,
	"ninguno": true, "ninguna": true, "no aplica": true, "n/d": true, "nd": true, "s/d": true,
	"aucun": true, "aucune": true, "néant": true, "neant": true, "sans objet": true, "x": true,
}

// HierarchyPlaceholderLabel reports whether label says "nothing here" (empty,
// "-", "—", "none", "n/a", "ninguno", "néant"…). Such a row is not a line
// when its amounts repeat an adjacent row's.
func HierarchyPlaceholderLabel(label string) bool {
	label = strings.TrimSpace(label)
	if len(label) > hierPlaceholderMax {
		return false // longer than any placeholder: no lower-case copy
	}
	return hierPlaceholders[strings.ToLower(label)]
}

// hierPlaceholderMax is the length in bytes of the longest placeholder,
// in any case (strings.ToLower keeps the length of these letters).
var hierPlaceholderMax = func() int {
	n := 0
	for p := range hierPlaceholders {
		n = max(n, len(p), len(strings.ToUpper(p)))
	}
	return n
}()

// hierWords splits a label into lower-case words without accents; hyphens
// stay inside words ("sub-total").
func hierWords(label string) []string {
	f := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }
	words := strings.FieldsFunc(strings.ToLower(label), f)
	for i, w := range words {
		words[i] = hierFold(w)
	}
	return words
}

// hierFold removes the accents of the Latin letters used in es/fr labels.
func hierFold(w string) string {
	if isASCII(w) {
		return w
	}
	r := strings.NewReplacer("á", "a", "à", "a", "â", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
		"í", "i", "î", "i", "ï", "i", "ó", "o", "ô", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u", "ñ", "n", "ç", "c")
	return r.Replace(w)
}

// hasTot reports whether s has "tot" in it, in any case.
func hasTot(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 == 't' && s[i+1]|0x20 == 'o' && s[i+2]|0x20 == 't' {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hierSameLabel compares labels without case, accents, punctuation or spacing.
func hierSameLabel(a, b string) bool {
	wa, wb := hierWords(a), hierWords(b)
	if len(wa) == 0 || len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if wa[i] != wb[i] {
			return false
		}
	}
	return true
}

// hierCodeStem returns the part of a hierarchical code that its children
// share: the code without separators and without trailing zeros ("0702000"
// gives "0702", "07.02.00" gives "0702"). It returns "" for an empty code.
func hierCodeStem(code string) string {
	var b strings.Builder
	for _, r := range code {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimRight(b.String(), "0")
}

// hierCodeKey returns code without separators, for prefix comparisons.
func hierCodeKey(code string) string {
	var b strings.Builder
	for _, r := range code {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
