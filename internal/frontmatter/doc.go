// Package frontmatter finds the translatable fields of a Markdown article's
// front matter and tells lingo where their values lie in the source bytes.
// Split locates the YAML (---) or TOML (+++) block, or the JSON object, at
// the top of the file; Fields parses it with go.yaml.in/yaml/v3, go-toml/v2
// or encoding/json and returns one article.Segment per wanted top-level
// string field, whose single piece covers the value exactly as written
// (quotes, block scalar indicator and all) and whose Escape encodes a
// translation as a double-quoted YAML scalar, a TOML basic string or a JSON
// string, so a translation is spliced in place and every other byte of the
// front matter, comments and formatting included, stays as the author wrote
// it. Malformed front matter is an *Error with a line and column in the
// whole file.
package frontmatter
