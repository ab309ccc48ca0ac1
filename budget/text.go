package budget

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var accentStripper = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Normalize lower-cases s, removes accents, splits camelCase and turns
// every run of non-letters-or-digits into one space. Readers compare
// headers, labels and keywords in this form, so that "Aprobado",
// "APROBADO" and "aprobado " are the same word.
func Normalize(s string) string {
	t := accentStripper.Get().(transform.Transformer)
	t.Reset()
	if r, _, err := transform.String(t, s); err == nil {
		s = r
	}
	accentStripper.Put(t)
	var b strings.Builder
	var prev rune
	space := true
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) && !space {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
		prev = r
	}
	return strings.TrimSpace(b.String())
}

// ContainsWords reports whether phrase occurs in s on word boundaries
// (both normalised: see Normalize).
func ContainsWords(s, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(phrase)
		if (j == 0 || s[j-1] == ' ') && (end == len(s) || s[end] == ' ') {
			return true
		}
		i = j + 1
	}
}
