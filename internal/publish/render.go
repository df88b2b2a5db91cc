package publish

import "github.com/lingo-l10n/lingo/internal/workspace"

// Render writes every article in each of langs as Markdown, under the
// publishing policy of Publish, and returns the files written and removed.
func (p Publisher) Render(langs []string) ([]workspace.Change, error) {
	res, err := p.Publish(PublishOptions{Langs: langs, Formats: []string{"md"}}, workspace.NoProgress{})
	return res.Changes, err
}
