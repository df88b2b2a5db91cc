# lingo: `make run` shows the main job on the repo's own content; `make test` runs the tests.
GO      ?= go
BIN     := bin/lingo
PKGS    := ./...

.PHONY: build run test vet cross fmt fuzz clean browser-test crash compare bench scale hugo-example

build:
	$(GO) build -o $(BIN) ./cmd/lingo

run: build
	./$(BIN) build
	./$(BIN) pseudo --lang en-XA
	./$(BIN) render --lang en-XA --format md --format html
	@echo
	@echo "Open out/index.html: the article in en, es, fr, de and ar (right to left, half"
	@echo "translated: the rest shows in English under an Arabic notice), out/status.html, and"
	@echo "the en-XA pseudo-locale in out/en-XA/. Markdown for site generators sits beside each"
	@echo "page (out/<lang>/*.md)."

# -timeout: far above what correct code takes on a loaded 2-core machine
# (the suite takes about 3 minutes there), so only a hang reaches it.
# Then the browser tests (Chromium: Debian's chromium package).
test: vet cross
	@test -z "$$(gofmt -l cmd internal test examples)" || (echo "gofmt needed:"; gofmt -l cmd internal test examples; exit 1)
	$(GO) test -race -count=1 -timeout 30m $(PKGS)
	$(MAKE) hugo-example
	$(MAKE) browser-test

# Builds lingo for every platform translators use, and type-checks every
# package and test there (go vet compiles the tests too), so that a break
# on Windows or macOS shows on this machine. .github/workflows/test.yml
# runs the tests themselves on each.
cross:
	@for p in linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64; do \
		echo "build $$p"; \
		GOOS=$${p%/*} GOARCH=$${p#*/} CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/lingo || exit 1; \
	done
	GOOS=darwin GOARCH=arm64 $(GO) vet $(PKGS)
	GOOS=windows GOARCH=amd64 $(GO) vet $(PKGS)

# Opens the French and Arabic pages in headless Chromium (Debian's chromium
# package), and drives lingo serve's workbench there; screenshots land in
# artifacts/browser/.
browser-test:
	$(GO) vet -tags browser ./test/browser/
	$(GO) test -tags browser -count=1 -timeout 10m -v ./test/browser/

# The example Hugo site (examples/hugo/): lingo build on a copy of the
# repo's project with profile = "hugo" (in examples/hugo/.build/project/),
# then Debian's hugo, which the site's module mounts point at that output;
# any WARN or ERROR line of hugo fails. The site lands in
# examples/hugo/.build/public/. The browser test builds its own copy.
HUGO_EXAMPLE := examples/hugo
hugo-example: build
	rm -rf $(HUGO_EXAMPLE)/.build
	mkdir -p $(HUGO_EXAMPLE)/.build/project
	cp -R content locales glossary.toml $(HUGO_EXAMPLE)/.build/project/
	{ echo 'profile = "hugo"'; cat lingo.toml; } > $(HUGO_EXAMPLE)/.build/project/lingo.toml
	./$(BIN) -C $(HUGO_EXAMPLE)/.build/project build
	hugo version
	hugo --noBuildLock --source $(HUGO_EXAMPLE) --destination .build/public > $(HUGO_EXAMPLE)/.build/hugo.log 2>&1 || { cat $(HUGO_EXAMPLE)/.build/hugo.log; exit 1; }
	@cat $(HUGO_EXAMPLE)/.build/hugo.log
	@! grep -E 'WARN|ERROR' $(HUGO_EXAMPLE)/.build/hugo.log || { echo "hugo printed warnings"; exit 1; }
	@echo "Open $(HUGO_EXAMPLE)/.build/public/fr/ketamine-and-the-brain/index.html (or hugo server -s $(HUGO_EXAMPLE))"

# Kills lingo sync and lingo build mid-write CRASHN times and checks that
# every file is old or new, nothing is lost, and the next run works; then
# interrupts lingo build (Ctrl-C) at five points and checks that the next
# build ends as one never interrupted.
CRASHN ?= 300
crash:
	$(GO) vet -tags crash ./test/crash/
	$(GO) test -tags crash -run 'Kill|Interrupt' -count=1 -v -timeout 60m ./test/crash/ -crash.n $(CRASHN)

vet:
	$(GO) vet $(PKGS)

fmt:
	gofmt -w cmd internal test examples

# Each fuzz target for a bounded time (FUZZTIME each); what they find goes
# into testdata/fuzz/ and runs in make test from then on.
FUZZTIME ?= 20s
FUZZ_TARGETS := markdown:FuzzSegmentRender frontmatter:FuzzFields htmltext:FuzzSegments \
	shortcode:FuzzScan catalog:FuzzRoundTrip structure:FuzzParse numbers:FuzzFind \
	interchange:FuzzInterchangeRead project:FuzzSplice publish:FuzzManifest
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t#*:}; \
		echo "== $$pkg $$fn"; \
		$(GO) test ./internal/$$pkg/ -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

clean:
	rm -rf bin out examples/hugo/.build

compare:
	bash scripts/compare.sh $(COMPARE_OUT)

# Builds on a generated corpus, each row beside its target (issue 30):
# nothing changed, and after each kind of edit (BenchmarkBuildEdit).
# SCALE=1000 (the default; about 10 minutes) or 10000 (a build from
# scratch of about half an hour first); BASE=REV runs the same benchmarks
# at git revision REV first, for before/after in one run (scripts/scale.sh).
scale:
	bash scripts/scale.sh $(SCALE_OUT)

# Benchmarks (BENCHMARKS.md): extract, sync, check, publish and build on
# testdata/corpus/hugo-docs/en and on generated corpora of up to 10,000
# articles × 10 languages (generated once, cached under $TMPDIR), and the
# scaling table; each reports its peak memory (peak-MB). One iteration
# each: the corpora are large. -short (the default: about 15 minutes)
# leaves out the corpora larger than 1,000 × 10; BENCHFLAGS= runs the
# 10,000 × 10 ones too (about 2 hours, 10 GB of disk).
BENCHFLAGS ?= -short
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1x -timeout 4h $(BENCHFLAGS) ./internal/project/ ./internal/markdown/
	$(GO) test -run '^$$' -bench . -benchmem $(BENCHFLAGS) ./internal/tm/ ./internal/tmindex/ ./internal/fingerprint/ ./internal/catalog/
