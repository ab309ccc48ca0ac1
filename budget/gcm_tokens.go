package budget

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The kinds of token in an objectives cell.
const (
	objPunct = iota
	objNum   // digits, with a '.' fraction when written
	objPct   // "%", "percent", "pct"
	objWord  // a run of letters, lower-cased
	objDash  // '-', '–' or '—'
)

type objTok struct {
	kind int
	text string
}

// objTokens splits an objectives cell into tokens, skipping white space.
// A decimal comma is read as a decimal point only inside parentheses and
// before a per cent sign: "(33,33 %)".
func objTokens(s string) ([]objTok, error) {
	lx := objLexer{s: s}
	for i := 0; i < len(s); {
		next, err := lx.token(i)
		if err != nil {
			return nil, err
		}
		i = next
	}
	return lx.toks, nil
}

// objLexer splits an objectives cell into tokens, one method per kind of
// token.
type objLexer struct {
	s     string
	depth int // parentheses open at the current position
	toks  []objTok
}

func (lx *objLexer) add(kind int, text string) {
	lx.toks = append(lx.toks, objTok{kind, text})
}

// token reads the token that starts at s[i] and returns where the next
// one starts.
func (lx *objLexer) token(i int) (int, error) {
	r, size := utf8.DecodeRuneInString(lx.s[i:])
	switch {
	case r >= '0' && r <= '9':
		return lx.number(i)
	case unicode.IsDigit(r):
		return 0, fmt.Errorf("unexpected digit %q: write objective numbers with 0–9", r)
	case unicode.IsLetter(r):
		return lx.word(i), nil
	case r == utf8.RuneError && size == 1:
		return 0, errors.New("invalid UTF-8")
	}
	lx.punct(r)
	return i + size, nil
}

// isDigit reports whether s[i] is an ASCII digit.
func (lx *objLexer) isDigit(i int) bool {
	return i < len(lx.s) && lx.s[i] >= '0' && lx.s[i] <= '9'
}

// digitsEnd returns the end of the run of ASCII digits at s[i].
func (lx *objLexer) digitsEnd(i int) int {
	for lx.isDigit(i) {
		i++
	}
	return i
}

// percentAt reports whether a per cent sign follows s[i], after spaces.
func (lx *objLexer) percentAt(i int) bool {
	for i < len(lx.s) && lx.s[i] == ' ' {
		i++
	}
	return i < len(lx.s) && lx.s[i] == '%'
}

// number reads the digits that start at s[i], with a '.' fraction, or a
// ',' fraction when inside parentheses and before a per cent sign.
func (lx *objLexer) number(i int) (int, error) {
	j := lx.digitsEnd(i)
	text := lx.s[i:j]
	if lx.isDigit(j+1) && lx.s[j] == '.' {
		k := lx.digitsEnd(j + 1)
		text, j = lx.s[i:k], k
	} else if lx.depth > 0 && lx.isDigit(j+1) && lx.s[j] == ',' {
		if k := lx.digitsEnd(j + 1); lx.percentAt(k) {
			text, j = lx.s[i:j]+"."+lx.s[j+1:k], k
		}
	}
	if len(text) > 40 {
		return 0, fmt.Errorf("number %s… is too long", text[:20])
	}
	lx.add(objNum, text)
	return j, nil
}

// word reads the letters that start at s[i]: a word, or "percent" or
// "pct" for a per cent sign.
func (lx *objLexer) word(i int) int {
	j := i
	for j < len(lx.s) {
		r, n := utf8.DecodeRuneInString(lx.s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	w := strings.ToLower(lx.s[i:j])
	if w == "percent" || w == "pct" {
		lx.add(objPct, "%")
	} else {
		lx.add(objWord, w)
	}
	return j
}

// punct reads r, a character that is neither a digit nor a letter: a per
// cent sign, a dash, a parenthesis, other punctuation, or white space
// (skipped).
func (lx *objLexer) punct(r rune) {
	switch {
	case r == '%' || r == '٪' || r == '％':
		lx.add(objPct, "%")
	case r == '-' || r == '–' || r == '—':
		lx.add(objDash, string(r))
	case r == '(':
		lx.depth++
		lx.add(objPunct, "(")
	case r == ')':
		if lx.depth > 0 {
			lx.depth--
		}
		lx.add(objPunct, ")")
	case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
	default:
		lx.add(objPunct, string(r))
	}
}
