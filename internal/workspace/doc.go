// Package workspace is a lingo project on disk, below every stage: its
// config and parser, where each of an article's files lives (source,
// catalogs in every format, state, archive, outputs) and parsing those
// names back, reading them with errors that name the file, writing files
// atomically in batches, the project's lock, and the build graph that
// says which units' inputs changed. Every input is read and checked
// before the first file is written.
package workspace
