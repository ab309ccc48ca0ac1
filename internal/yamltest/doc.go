// Package yamltest makes the hostile YAML documents that every YAML
// input of grb is tested against (an alias bomb, a mapping of very many
// keys, a file over the size limit) and checks that a parser refuses
// them. It is used by tests only, and must not import any grb package, so
// that the packages it tests (budget among them) can use it.
package yamltest
