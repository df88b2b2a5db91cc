// Package publish renders every article in every language, page by page,
// under the gate's decisions: Markdown for site generators, standalone
// HTML pages, each language's index and the status page, with the
// record of the files it wrote (package pagebook: the only files it ever
// removes); with profile = "hugo", a Hugo content tree, i18n and layouts
// too (hugo.go, package hugotree).
package publish

import "github.com/lingo-l10n/lingo/internal/gate"

// Publisher publishes the articles of a project.
type Publisher struct{ gate.Gate }
