// Package files is grb's one rule for the files it reads and writes,
// shared by every reader and the CLI; it imports budget (for its limit
// and errors) and the standard library only, never analysis, reports or
// cmd.
//
// Every input path (a budget file, a Fiscal Data Package's descriptor and
// resource, the YAML and JSON files of the flags) is resolved with its
// symbolic links followed, must be a regular file (not a device, a pipe
// or a folder) and no larger than the byte limit before any of it is read;
// a package resource must also lie inside its package's folder once
// resolved. Outputs are written through a temporary file renamed into
// place, never over an input, into a folder locked against a second run.
package files
