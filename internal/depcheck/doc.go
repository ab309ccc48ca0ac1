// Package depcheck holds a test that enforces grb's layering: imports
// point down (cmd → reports → analysis → budget), each third-party library
// sits behind one package, and templates uses the standard library only.
package depcheck
