# lingo: `make run` shows the main job on the repo's own content; `make test` runs the tests.
GO      ?= go
BIN     := bin/lingo
PKGS    := ./...

.PHONY: build run test vet fmt fuzz clean

build:
	$(GO) build -o $(BIN) ./cmd/lingo

run: build
	./$(BIN) sync
	./$(BIN) status
	./$(BIN) check
	./$(BIN) pseudo --lang en-XA
	./$(BIN) render
	./$(BIN) render --lang en-XA
	@echo
	@echo "Catalogs:  locales/<lang>/   (en is the source; es, fr, de complete, ar partial)"
	@echo "Rendered:  out/<lang>/ketamine-and-the-brain.md   (out/en is byte-identical to content/;"
	@echo "           untranslated or stale messages render in English; en-XA is the pseudo-locale)"

test: vet
	@test -z "$$(gofmt -l cmd internal)" || (echo "gofmt needed:"; gofmt -l cmd internal; exit 1)
	$(GO) test -race -count=1 $(PKGS)

vet:
	$(GO) vet $(PKGS)

fmt:
	gofmt -w cmd internal

# Each fuzz target for a bounded time.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./internal/markdown/ -run '^$$' -fuzz '^FuzzSegmentRender$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/frontmatter/ -run '^$$' -fuzz '^FuzzFields$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/htmltext/ -run '^$$' -fuzz '^FuzzSegments$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/shortcode/ -run '^$$' -fuzz '^FuzzScan$$' -fuzztime $(FUZZTIME)
	$(GO) test ./internal/catalog/ -run '^$$' -fuzz '^FuzzRoundTrip$$' -fuzztime $(FUZZTIME)

clean:
	rm -rf bin out
