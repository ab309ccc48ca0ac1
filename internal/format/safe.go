package format

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CSVCell returns s made safe as a field of a csv file a spreadsheet will
// open, the way OWASP recommends against CSV injection: text that starts
// with = + - @, a tab or a carriage return gets a leading single quote, so
// it is shown as text and never run as a formula. A number ("-12.50",
// "+3", "1e5") is left as it is, so it stays a number.
func CSVCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || isNumber(s) {
		return s
	}
	return "'" + s
}

// isNumber reports whether s is a plain decimal number: a sign, digits
// with at most one decimal point, and an optional exponent.
func isNumber(s string) bool {
	s = strings.TrimLeft(s[:1], "+-") + s[1:]
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" || !digits(intPart) || !digits(frac) {
		return false
	}
	if hasExp {
		exp = strings.TrimLeft(exp[:min(1, len(exp))], "+-") + exp[min(1, len(exp)):]
		return exp != "" && digits(exp)
	}
	return true
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Visible returns s with the characters a terminal would act on shown as
// Go escapes instead: ESC and the other C0 controls except tab and
// newline (so "\x1b]0;title\x07" prints as text), DEL, the C1 controls,
// the bidirectional overrides and isolates (which reorder what is shown),
// and bytes that are not UTF-8. Every text command writes through it (see
// TerminalWriter), so text from a file never drives the terminal.
func Visible(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r == utf8.RuneError || hidden(r) })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for s = s[i:]; s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case r < 0x80 && hidden(r):
			b.WriteString(asciiEscape(r))
		case hidden(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

func asciiEscape(r rune) string {
	switch r {
	case '\r':
		return `\r`
	case '\v':
		return `\v`
	case '\f':
		return `\f`
	case '\b':
		return `\b`
	}
	return fmt.Sprintf(`\x%02x`, r)
}

// hidden reports whether a terminal would act on r rather than show it.
func hidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// TerminalWriter returns a writer that writes to w what it is given
// through Visible. Each Write is taken whole, as fmt and tabwriter write.
func TerminalWriter(w io.Writer) io.Writer { return terminalWriter{w} }

type terminalWriter struct{ w io.Writer }

func (t terminalWriter) Write(p []byte) (int, error) {
	s := string(p)
	if v := Visible(s); v != s {
		if _, err := io.WriteString(t.w, v); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return t.w.Write(p)
}
