package pagewords_test

import (
	"fmt"
	"log"

	"github.com/lingo-l10n/lingo/internal/pagewords"
)

func Example() {
	// lingo's words, overridden by a project's message files if it has any.
	words, err := pagewords.New("testdata/no-such-dir")
	if err != nil {
		log.Fatal(err)
	}

	page := words.For("es-MX") // Mexican Spanish has no words of its own: es
	fmt.Println(page.Lang())
	fmt.Println(page.Articles(), page.InSource("en"))
	fmt.Println(page.NotTranslated("en"))
	fmt.Println(page.Passages(1, "en"))
	fmt.Println(page.Passages(3, "en"))

	page = words.For("xx") // no words in this language: English
	fmt.Println(page.Lang(), page.Status())
	// Output:
	// es
	// Artículos (en inglés)
	// Este artículo aún no está traducido al español de México: se muestra en inglés.
	// 1 fragmento de esta página se muestra en inglés porque su traducción aún no está lista.
	// 3 fragmentos de esta página se muestran en inglés porque su traducción aún no está lista.
	// en Translation status
}
