package project

// Render writes every article in each of langs as Markdown, under the
// publishing policy of Publish, and returns the paths written.
func (p *Project) Render(langs []string) ([]string, error) {
	_, written, err := p.Publish(PublishOptions{Langs: langs, Formats: []string{"md"}}, NoProgress{})
	return written, err
}
