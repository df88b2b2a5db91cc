package readability

import (
	"embed"
	"sync"
)

//go:embed patterns/hyph_*.dic
var patternFiles embed.FS

// hyphenators loads each language's patterns once, when first asked:
// read-only after that, shared by every counter.
var hyphenators = map[string]func() (*hyphenator, error){
	"en": loadOnce("en"), "es": loadOnce("es"), "fr": loadOnce("fr"), "de": loadOnce("de"),
}

func loadOnce(lang string) func() (*hyphenator, error) {
	return sync.OnceValues(func() (*hyphenator, error) {
		name := "patterns/hyph_" + lang + ".dic"
		data, err := patternFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		return parseHyphen(name, data)
	})
}
