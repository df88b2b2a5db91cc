//go:build browser

package browser

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/workbench"
)

// The entry the French test fixes: a list item whose source the test
// changes (peak at 2-3 days → 3-4 days), which makes it stale.
const (
	bdnf      = "ketamine-and-the-brain.li-185b8673"
	bdnfFixed = "**Augmentation du BDNF :** La kétamine augmente le facteur neurotrophique dérivé du cerveau (BDNF), qui exerce des effets complexes en aval. Cet effet est dose-dépendant et limité dans le temps (environ une semaine, avec un pic à 3–4 jours)."
	bdnfWrong = "**Augmentation du BDNF :** La kétamine augmente le facteur neurotrophique dérivé du cerveau (BDNF), qui exerce des effets complexes en aval. Cet effet est dose-dépendant et limité dans le temps (environ une semaine, avec un pic à 5–6 jours)."
	slug      = "ketamine-and-the-brain"
)

// copyProject copies the repo's project files to a temporary folder.
func copyProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"lingo.toml", "glossary.toml", "content", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			if err := copyFile(filepath.Join("../..", name), filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// serve runs the workbench of p on a free local port until the test ends,
// and returns its address.
func serve(t *testing.T, p *project.Project) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	wb, err := workbench.New(p, workbench.Options{Addr: ln.Addr().String(), Reviewer: "Dr. Browser"})
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: wb}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// chromiumPath is Debian's chromium.
func chromiumPath(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium not found: install Debian's chromium package (.ci/run does): %v", err)
	}
	return bin
}

// browser starts headless Chromium for the test, with a closed network.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1500, 1000))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel3)
	return ctx
}

// run runs steps in the browser.
func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs an action that reads a value in the browser.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// typeInto replaces the text of the field at sel with text, the last
// character typed on the keyboard (real key and input events).
func typeInto(sel, text string) chromedp.Action[chromedp.Void] {
	last := text[len(text)-1:]
	return chromedp.Steps(
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.SetValue(chromedp.CSS(sel), text[:len(text)-1]),
		chromedp.SendKeys(chromedp.CSS(sel), last),
	)
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	artifacts, _ := filepath.Abs("../../artifacts/browser")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	png := get(t, ctx, "screenshot "+name, chromedp.CaptureScreenshot())
	if len(png) < 10000 {
		t.Errorf("screenshot %s: %d bytes", name, len(png))
	}
	if err := os.WriteFile(filepath.Join(artifacts, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWorkbenchFrench fixes a stale French entry in the workbench: the
// diff of the source change shows, a wrong number gets a finding as it is
// typed and loses it when fixed, Ctrl+S saves it, Reviewed signs it off;
// then the catalog on disk and the rendered page have it.
func TestWorkbenchFrench(t *testing.T) {
	dir := copyProject(t)
	article := filepath.Join(dir, "content", slug+".md")
	src, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), "with peak at 2-3 days)", "with peak at 3-4 days)", 1)
	if changed == string(src) {
		t.Fatal("the article no longer says \"with peak at 2-3 days)\"")
	}
	if err := os.WriteFile(article, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The translator's routine: sync, which marks the entry stale.
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(project.PublishOptions{Langs: []string{"fr"}, Formats: []string{"html"}}, project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "out", "fr", slug+".html")
	before, _ := os.ReadFile(page)
	if !strings.Contains(string(before), "with peak at 3-4 days") {
		t.Fatal("the stale entry is not shown in English on the French page")
	}
	base := serve(t, p)
	ctx := browser(t)
	entry := `section.entry[data-id="` + bdnf + `"]`
	field := entry + " textarea"
	run(t, ctx, "open the French article",
		chromedp.Navigate(base+"/article/fr/"+slug),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.WaitVisible(chromedp.CSS(entry+`[data-state="stale"] .diff del`)),
	)
	del := get(t, ctx, "diff", chromedp.Text(chromedp.CSS(entry+" .diff del")))
	ins := get(t, ctx, "diff", chromedp.Text(chromedp.CSS(entry+" .diff ins")))
	lang := get(t, ctx, "lang", chromedp.AttributeValue(chromedp.CSS(field), "lang")).Value
	if del != "2-3" || ins != "3-4" || lang != "fr" {
		t.Errorf("stale entry: diff -%q +%q, field lang %q", del, ins, lang)
	}
	// Alt+S goes to the next stale entry.
	run(t, ctx, "Alt+S", chromedp.KeyEvent("s", chromedp.KeyModifiers(chromedp.ModifierAlt)))
	if active := get(t, ctx, "focus", chromedp.Evaluate[string](`document.activeElement.closest("section").dataset.id`)); active != bdnf {
		t.Errorf("Alt+S went to %q, want %s", active, bdnf)
	}
	run(t, ctx, "type a wrong number",
		typeInto(field, bdnfWrong),
		chromedp.WaitVisible(chromedp.CSS(entry+` .findings li.error[data-check="numbers"]`)),
		chromedp.WaitVisible(chromedp.CSS(entry+`.failing .b-failing`)),
	)
	// The preview shows what would be published: not the failing draft,
	// the English text in its place.
	get(t, ctx, "preview", chromedp.Poll[string](`(function(){var d=document.getElementById("preview").contentDocument; var m=d&&d.getElementById("lingo-mark"); return m&&m.textContent.indexOf("peak at 3-4 days")>=0 ? m.textContent : null})()`, chromedp.WithPollingTimeout(30*time.Second)))
	shot(t, ctx, "workbench-fr-finding.png")
	run(t, ctx, "fix it",
		typeInto(field, bdnfFixed),
		chromedp.WaitVisible(chromedp.CSS(entry+`[data-checked="true"]:not(.failing)`)),
		chromedp.WaitNotPresent(chromedp.CSS(entry+` .findings li.error`)),
	)
	run(t, ctx, "save with Ctrl+S",
		chromedp.Focus(chromedp.CSS(field)),
		chromedp.KeyEvent("s", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS(entry+`[data-state="current"]`)),
	)
	// The preview has the saved text, highlighted.
	get(t, ctx, "preview", chromedp.Poll[string](`(function(){var d=document.getElementById("preview").contentDocument; var m=d&&d.getElementById("lingo-mark"); return m&&m.textContent.indexOf("3–4 jours")>=0 ? m.textContent : null})()`, chromedp.WithPollingTimeout(30*time.Second)))
	run(t, ctx, "reviewed",
		chromedp.Click(chromedp.CSS(entry+" button.review")),
		chromedp.WaitVisible(chromedp.CSS(entry+`.reviewed .b-reviewed`)),
	)
	if badge := get(t, ctx, "badge", chromedp.Text(chromedp.CSS(entry+" .b-reviewed"))); badge != "reviewed by Dr. Browser" {
		t.Errorf("badge %q", badge)
	}
	shot(t, ctx, "workbench-fr.png")
	run(t, ctx, "overview",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(`td[data-lang="fr"][data-stale="0"][data-missing="0"]`)),
	)
	shot(t, ctx, "workbench-overview.png")

	// On disk: the catalog holds the fix, no STALE notice, and the review.
	cat, err := os.ReadFile(p.CatalogPath("fr", slug))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cat), "avec un pic à 3–4 jours") || strings.Contains(string(cat), "STALE") {
		t.Errorf("catalog after save:\n%s", cat)
	}
	v, err := p.View("fr", slug)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range v.Entries {
		if e.ID == bdnf && (e.State != "current" || !e.Reviewed || e.ReviewedBy != "Dr. Browser" || e.Translation != bdnfFixed) {
			t.Errorf("entry after the workbench: %+v", e)
		}
	}
	if v.Stats.Stale != 0 || v.Stats.Missing != 0 {
		t.Errorf("stats after the workbench: %+v", v.Stats)
	}
	// The rendered page now has the French text where the English stood.
	if _, err := p.Publish(project.PublishOptions{Langs: []string{"fr"}, Formats: []string{"html"}}, project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(page)
	if !strings.Contains(string(after), "avec un pic à 3–4 jours") || strings.Contains(string(after), "with peak at 3-4 days") {
		t.Error("the rendered French page does not show the fixed translation")
	}
}

// arabic translates the first paragraph of the article, which the repo's
// Arabic catalog lacks.
const arabic = "تشهد الولايات المتحدة أزمة صحة نفسية متفاقمة باستمرار، زادتها جائحة COVID-19 وما رافقها من عزلة اجتماعية سوءًا. في عام 2023، أفاد 45% من البالغين الذين تتراوح أعمارهم بين 35 و44 عامًا بإصابتهم بمرض نفسي، مقارنةً بـ 31% في عام 2019 (المصدر: يميل الأشخاص المصابون بأمراض نفسية، مثل القلق المزمن والاكتئاب، إلى امتلاك خلايا عصبية أقل مرونة وذات روابط أقل، إلى جانب مشكلات بنيوية أخرى."

// TestWorkbenchArabic opens the repo's Arabic catalog, half translated:
// Alt+N goes to the first missing entry, which is translated right to
// left, checked clean as it is typed, beside a right-to-left preview
// with the new translation highlighted.
func TestWorkbenchArabic(t *testing.T) {
	dir := copyProject(t)
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	base := serve(t, p)
	ctx := browser(t)
	run(t, ctx, "open the Arabic article",
		chromedp.Navigate(base+"/article/ar/"+slug),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.KeyEvent("n", chromedp.KeyModifiers(chromedp.ModifierAlt)),
	)
	focused := func(expr string) string {
		return get(t, ctx, expr, chromedp.Evaluate[string]("document.activeElement."+expr))
	}
	id, state := focused(`closest("section").dataset.id`), focused(`closest("section").dataset.state`)
	if dir, lang := focused("dir"), focused("lang"); dir != "rtl" || lang != "ar" {
		t.Errorf("the Arabic field: dir %q lang %q", dir, lang)
	}
	if state != "missing" {
		t.Errorf("Alt+N went to a %s entry (%s)", state, id)
	}
	sel := `section.entry[data-id="` + id + `"] textarea`
	run(t, ctx, "type Arabic",
		typeInto(sel, arabic),
		chromedp.WaitVisible(chromedp.CSS(`section.entry[data-id="`+id+`"][data-checked="true"]:not(.failing)`)),
	)
	htmlDir := get(t, ctx, "preview", chromedp.Poll[string](`(function(){var d=document.getElementById("preview").contentDocument; var m=d&&d.getElementById("lingo-mark"); return m&&m.textContent.indexOf("تشهد")==0 ? d.documentElement.dir : null})()`, chromedp.WithPollingTimeout(30*time.Second)))
	frameDir := get(t, ctx, "frame", chromedp.AttributeValue(chromedp.CSS("#preview"), "dir")).Value
	if htmlDir != "rtl" || frameDir != "rtl" {
		t.Errorf("the preview: page dir %q, frame dir %q", htmlDir, frameDir)
	}
	shot(t, ctx, "workbench-ar.png")
}

// TestWorkbenchWaive waives a finding from the workbench: the heading kept
// in English has an untranslated warning with a Waive button; clicking it
// asks why, and the finding is then waived by the workbench's reviewer,
// with that reason, in the page and on disk (lingo status lists it).
func TestWorkbenchWaive(t *testing.T) {
	dir := copyProject(t)
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	path := p.CatalogPath("fr", slug)
	cat, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	kept := strings.ReplaceAll(string(cat), `other = "La kétamine et le cerveau"`, `other = "Ketamine and the Brain"`)
	if kept == string(cat) {
		t.Fatal("the French catalog no longer has the heading 'La kétamine et le cerveau'")
	}
	if err := os.WriteFile(path, []byte(kept), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	const heading = "ketamine-and-the-brain.h1-3f6a6f74"
	entry := `section.entry[data-id="` + heading + `"]`
	base := serve(t, p)
	ctx := browser(t)
	run(t, ctx, "open the French article",
		chromedp.Navigate(base+"/article/fr/"+slug),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"]`)),
		chromedp.WaitVisible(chromedp.CSS(entry+` .findings li.warning[data-check="untranslated"] button.waive`)),
	)
	// The browser's own dialog stands answered: the reason typed.
	get(t, ctx, "answer the prompt", chromedp.Evaluate[bool](`(window.prompt = function () { return "the clinic keeps the English title"; }, true)`))
	run(t, ctx, "waive it",
		chromedp.Click(chromedp.CSS(entry+` button.waive[data-check="untranslated"]`)),
		chromedp.WaitVisible(chromedp.CSS(entry+` .findings li.waived[data-check="untranslated"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(entry+` button.waive[data-check="untranslated"]`)),
	)
	if text := get(t, ctx, "finding", chromedp.Text(chromedp.CSS(entry+` .findings li.waived`))); !strings.HasSuffix(text, "(waived by Dr. Browser: the clinic keeps the English title)") {
		t.Errorf("the waived finding reads %q", text)
	}
	shot(t, ctx, "workbench-waive.png")
	_, waivers, err := p.StatusWaivers([]string{"fr"})
	if err != nil || len(waivers[0]) != 1 || waivers[0][0].ID != heading || waivers[0][0].By != "Dr. Browser" || waivers[0][0].Why != "the clinic keeps the English title" {
		t.Errorf("lingo status lists %+v (%v)", waivers, err)
	}
}
