// Command bundle is a small app that takes its texts from lingo's runtime
// bundle, as any go-i18n app can: it loads every file of the bundle folder
// (<lang>/<article>.<lang>.toml, one per article and language) into one
// go-i18n Bundle, and prints, for each message
// ID it is given, the text a reader of the language gets and the language
// that text is in. A message the language does not publish (missing,
// stale, failing a check, not reviewed where review is required) is not in
// the language's file, so go-i18n gives the source language's text, with
// its tag: never a stale or failing translation.
//
//	lingo build
//	go run ./examples/bundle -lang es out/bundle ketamine-and-the-brain.h1-3f6a6f74
//
// With no ID it prints every message of the source language's file. A
// real app embeds the bundle (copy out/bundle into its package and write
// //go:embed bundle): Load takes any fs.FS, an embed.FS as well as the
// os.DirFS used here.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command with args (without the program's name) and
// returns its exit code.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("bundle", flag.ContinueOnError)
	flags.SetOutput(stderr)
	lang := flags.String("lang", "en", "the reader's language")
	source := flags.String("source", "en", "the source language: go-i18n's fallback")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: bundle [-lang TAG] [-source TAG] DIR [ID]...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() < 1 {
		flags.Usage()
		return 2
	}
	src, err := language.Parse(*source)
	if err != nil {
		fmt.Fprintf(stderr, "bundle: -source: %v\n", err)
		return 2
	}
	b, ids, err := Load(os.DirFS(flags.Arg(0)), src)
	if err != nil {
		fmt.Fprintf(stderr, "bundle: %v\n", err)
		return 1
	}
	if flags.NArg() > 1 {
		ids = flags.Args()[1:]
	}
	for _, id := range ids {
		text, in, err := Text(b, *lang, id)
		if err != nil {
			fmt.Fprintf(stderr, "bundle: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s [%s] %s\n", id, in, text)
	}
	return 0
}

// Load loads every bundle file (<lang>/<article>.<lang>.toml) under fsys
// into a go-i18n Bundle whose default language is source, and returns it
// with the IDs of the source language's messages, sorted. An app that
// shows one article at a time can load just that article's files.
func Load(fsys fs.FS, source language.Tag) (*i18n.Bundle, []string, error) {
	b := i18n.NewBundle(source)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	var ids []string
	files := 0
	err := fs.WalkDir(fsys, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path.Ext(name) != ".toml" {
			return err
		}
		f, err := b.LoadMessageFileFS(fsys, name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files++
		if f.Tag == source {
			for _, m := range f.Messages {
				ids = append(ids, m.ID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if files == 0 {
		return nil, nil, errors.New("no bundle file (<lang>/<article>.<lang>.toml) there: run lingo build")
	}
	slices.Sort(ids)
	return b, ids, nil
}

// Text is message id in lang as go-i18n gives it, and the language of the
// text: lang's translation, or the source text where lang publishes none.
// lingo's messages are text, not templates, so they are given as they are
// (template.IdentityParser: a Hugo shortcode's {{< >}} stays itself).
func Text(b *i18n.Bundle, lang, id string) (string, language.Tag, error) {
	loc := i18n.NewLocalizer(b, lang)
	text, tag, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateParser: template.IdentityParser{}})
	var notFound *i18n.MessageNotFoundErr
	if errors.As(err, &notFound) && text != "" {
		// Not in lang's file: go-i18n fell back to the source text, and
		// says so with this error.
		return text, tag, nil
	}
	return text, tag, err
}
