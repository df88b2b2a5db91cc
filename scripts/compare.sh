#!/usr/bin/env bash
# shellcheck disable=SC2016  # backticks in single quotes are Markdown, not expansions
# compare.sh [RESULTS.md]: lingo side by side with po4a and msgfmt, in one run,
# on the 992 real articles of testdata/corpus/hugo-docs/en (issues 7 and 17).
# po4a reads them in place; lingo gets a copy in its project's content/.
#
#   extraction to catalogs     po4a-updatepo (one -m per article)   vs  lingo extract
#   build from scratch         po4a with a po4a.cfg for fr          vs  lingo build, no out/, locales/en, cache
#   build, nothing changed     po4a with a po4a.cfg for fr          vs  lingo build
#   build, one entry edited    msgfmt --check --statistics (fr PO)  vs  lingo build after a translator's edit
#   build, one article edited  msgfmt --check --statistics (fr PO)  vs  lingo build after an author's edit
#   check, every catalog       msgfmt --check --statistics (fr PO)  vs  lingo check --lang fr
#
# Median of several runs with hyperfine (RUNS for lingo and msgfmt, PO4A_RUNS
# for po4a). Installs po4a, hyperfine, gettext and jq from Debian if missing.
# Prints a Markdown table, also written to $1 if given. Run from anywhere:
# paths are resolved from the repo root.
set -euo pipefail

RUNS=${RUNS:-5}
PO4A_RUNS=${PO4A_RUNS:-3}
PO4A_TIMEOUT=${PO4A_TIMEOUT:-900}      # seconds, per po4a command
PROBE_TIMEOUT=${PROBE_TIMEOUT:-10}     # seconds, per article when probing po4a
# lingo's default front matter fields (README, lingo.toml), for po4a too.
YFM_KEYS=title,description,summary

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'compare: %s\n' "$*" >&2; exit 1; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CORPUS_REL=testdata/corpus/hugo-docs/en
[ -d "$CORPUS_REL" ] || die "corpus not found: $ROOT/$CORPUS_REL"
CORPUS=$(cd "$CORPUS_REL" && pwd)
OUTFILE=${1:-}
if [ -n "$OUTFILE" ]; then
	case $OUTFILE in /*) ;; *) OUTFILE=$ROOT/$OUTFILE ;; esac
fi

# --- tools -----------------------------------------------------------------
need=()
command -v po4a >/dev/null || need+=(po4a)
command -v po4a-updatepo >/dev/null || need+=(po4a)
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v msgfmt >/dev/null || need+=(gettext)
command -v msgen >/dev/null || need+=(gettext)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
	mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
	log "installing from Debian: ${need[*]}"
	SUDO=
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
		die "apt-get update failed"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
		die "apt-get install ${need[*]} failed"
fi
command -v go >/dev/null || die "go not found"

log "building lingo"
go build -o bin/lingo ./cmd/lingo
LINGO=$ROOT/bin/lingo

TMP=$(mktemp -d "${TMPDIR:-/tmp}/lingo-compare.XXXXXX")
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

mapfile -t ARTICLES < <(find "$CORPUS" -type f -name '*.md' | LC_ALL=C sort)
N=${#ARTICLES[@]}
[ "$N" -gt 0 ] || die "no articles under $CORPUS"
log "corpus: $N articles in $CORPUS; work dir $TMP"

# --- po4a: which articles it can take -----------------------------------------
# po4a 0.69's Text/markdown module loops forever on some articles (a fenced
# code block left open at the end of the file); probe each article alone with
# a timeout and give po4a only the ones it finishes. lingo gets all of them,
# so any article left out makes the comparison kinder to po4a.
PO4A_OPTS=(-f text -o markdown -o yfm_lenient -o "yfm_keys=$YFM_KEYS" -M UTF-8)
log "probing po4a on each article (timeout ${PROBE_TIMEOUT}s each)"
mkdir -p "$TMP/probe"
export PROBE_TIMEOUT TMP
printf '%s\0' "${ARTICLES[@]}" |
	xargs -0 -P "$(nproc)" -n 1 bash -c '
		p=$(mktemp "$TMP/probe/XXXXXX"); rm -f "$p"
		rc=0; timeout "$PROBE_TIMEOUT" po4a-updatepo '"${PO4A_OPTS[*]}"' -m "$1" -p "$p.pot" >/dev/null 2>&1 || rc=$?
		rm -f "$p.pot"; printf "%s\t%s\n" "$rc" "$1"' _ >"$TMP/probe.tsv"
awk -F'\t' '$1==0 {print $2}' "$TMP/probe.tsv" | LC_ALL=C sort >"$TMP/po4a-articles.txt"
awk -F'\t' '$1!=0 {print "   po4a cannot take (exit " $1 "): " $2}' "$TMP/probe.tsv" | LC_ALL=C sort -k2 >&2 || true
PN=$(wc -l <"$TMP/po4a-articles.txt")
[ "$PN" -gt 0 ] || die "po4a took none of the articles"
log "po4a takes $PN of $N articles"

# --- po4a inputs ----------------------------------------------------------------
mkdir -p "$TMP/po4a/po"
{
	printf '#!/usr/bin/env bash\nset -euo pipefail\ncd %q\n' "$TMP/po4a"
	printf 'exec timeout %q po4a-updatepo' "$PO4A_TIMEOUT"
	printf ' %q' "${PO4A_OPTS[@]}"
	while IFS= read -r f; do printf ' -m %q' "$f"; done <"$TMP/po4a-articles.txt"
	printf ' -p %q\n' "$TMP/po4a/po/extract.pot"
} >"$TMP/po4a/updatepo.sh"

{
	printf '[po4a_langs] fr\n'
	printf '[po4a_paths] %s fr:%s\n' "$TMP/po4a/po/hugo.pot" "$TMP/po4a/po/fr.po"
	printf '[options] opt:"-o markdown -o yfm_lenient -o yfm_keys=%s -M UTF-8 -L UTF-8 -k 0"\n' "$YFM_KEYS"
	while IFS= read -r f; do
		printf '[type: text] %s fr:%s\n' "$f" "$TMP/po4a/out/fr/${f#"$CORPUS"/}"
	done <"$TMP/po4a-articles.txt"
} >"$TMP/po4a/po4a.cfg"
printf '#!/usr/bin/env bash\nset -euo pipefail\ncd %q\nexec timeout %q po4a --no-backups %q\n' \
	"$TMP/po4a" "$PO4A_TIMEOUT" "$TMP/po4a/po4a.cfg" >"$TMP/po4a/run.sh"
chmod +x "$TMP/po4a/updatepo.sh" "$TMP/po4a/run.sh"

# The French PO: every message "translated" as a copy of its source (msgen),
# as lingo's pseudo-filled catalogs translate every message.
log "po4a: making the fr PO (msgen of the POT)"
"$TMP/po4a/updatepo.sh" >"$TMP/po4a/updatepo.log" 2>&1 || die "po4a-updatepo failed: see $TMP/po4a/updatepo.log"
msgen "$TMP/po4a/po/extract.pot" -o "$TMP/po4a/po/fr.po"
sed -i 's/^"Language: \\n"$/"Language: fr\\n"/' "$TMP/po4a/po/fr.po"
cp "$TMP/po4a/po/extract.pot" "$TMP/po4a/po/hugo.pot"
log "po4a: one warm-up full run"
"$TMP/po4a/run.sh" >"$TMP/po4a/run.log" 2>&1 || die "po4a failed: see $TMP/po4a/run.log"

# --- lingo project ----------------------------------------------------------------
# lingo takes content folders inside the project only: copy the corpus in, once.
P=$TMP/lingo
mkdir -p "$P/content"
cp -R "$CORPUS/." "$P/content/"
cat >"$P/lingo.toml" <<EOF
source    = "en"
languages = ["fr"]
content   = "content"
locales   = "locales"
output    = "out"
format    = "toml"

[lang.fr]
min_complete = 0
EOF
log "lingo: sync, then fill locales/fr with lingo pseudo --lang fr"
"$LINGO" -C "$P" sync --lang fr >"$P/sync.log" 2>&1 || [ $? -eq 1 ] || die "lingo sync failed: see $P/sync.log"
"$LINGO" -C "$P" pseudo --lang fr >"$P/pseudo.log" 2>&1 || die "lingo pseudo failed: see $P/pseudo.log"
"$LINGO" -C "$P" export --lang fr --format po --out "$TMP/lingo-fr.po" >/dev/null 2>&1 ||
	die "lingo export failed"
# lingo check and build exit 1 when they find errors; the timing must not stop on that.
printf -v CHECK_CMD '%q -C %q check --lang fr >/dev/null 2>&1; [ $? -le 1 ]' "$LINGO" "$P"
printf -v BUILD_CMD '%q -C %q build >/dev/null 2>&1; [ $? -le 1 ]' "$LINGO" "$P"
build() { bash -c "$BUILD_CMD" || die "lingo build failed"; }
build
# From scratch: no output, no source catalogs, no
# cache (.lingo at the project root); the fr catalogs and their state
# (locales/fr/.lingo), the translators' work, stay.
printf -v SCRATCH_PREP 'rm -rf %q %q %q' "$P/out" "$P/locales/en" "$P/.lingo"

# The edits, made before each timed build. toggle.sh FILE LINE WORD puts WORD
# before the last character of line LINE of FILE, or takes it out if it is
# there: every run is a real change. The file is rewritten in place.
cat >"$TMP/toggle.sh" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
export LC_ALL=C
f=$1 n=$2 w=$3
[ "$(wc -l <"$f")" -ge "$n" ] || { echo "toggle: $f has no line $n" >&2; exit 1; }
t=$(mktemp)
awk -v n="$n" -v w="$w" 'NR == n {
	last = substr($0, length($0)); body = substr($0, 1, length($0) - 1)
	if (substr(body, length(body) - length(w) + 1) == w) body = substr(body, 1, length(body) - length(w))
	else body = body w
	$0 = body last
} { print }' "$f" >"$t"
cat "$t" >"$f"
rm -f "$t"
EOF
chmod +x "$TMP/toggle.sh"
# The article both edits touch; the author edits a one-line paragraph (blank
# line before and after, outside front matter and code fences, a sentence).
SLUG=getting-started/quick-start
ARTICLE=$P/content/$SLUG.md
CATALOG=$P/locales/fr/$SLUG.fr.toml
[ -f "$ARTICLE" ] && [ -f "$CATALOG" ] || die "missing $ARTICLE or $CATALOG"
ALINE=$(awk 'NR == 1 && /^---$/ { fm = 1; next }
	fm { if (/^---$/) fm = 0; next }
	/^(```|~~~)/ { code = !code; prev = "x"; cand = 0; next }
	cand && $0 == "" { print cand; exit }
	{ cand = (!code && prev == "" && /^[A-Z][^|<>{}]*[a-z]\.$/) ? NR : 0; prev = $0 }' "$ARTICLE")
[ -n "$ALINE" ] || die "no one-line paragraph in $ARTICLE"
# The translator edits the translation (other = "...") of the catalog's
# first paragraph entry.
CLINE=$(awk -v id="['$SLUG.p-" 'index($0, id) == 1 { p = 1 }
	p && /^other = (\047.*\047|".*")$/ { print NR; exit }' "$CATALOG")
[ -n "$CLINE" ] || die "no paragraph translation in $CATALOG"
printf -v EDIT_ENTRY '%q %q %q %q' "$TMP/toggle.sh" "$CATALOG" "$CLINE" ' (relu)'
printf -v EDIT_ARTICLE '%q %q %q %q' "$TMP/toggle.sh" "$ARTICLE" "$ALINE" ' indeed'

LN=$(find "$P/locales/en" -type f | wc -l)
LM=$(grep -c '^msgid ' "$TMP/lingo-fr.po" || true)
PM=$(grep -c '^msgid ' "$TMP/po4a/po/fr.po" || true)
log "lingo: $LN source catalogs, $((LM - 1)) messages; po4a: $((PM - 1)) messages"

# --- timing ----------------------------------------------------------------------
# bench NAME RUNS PREPARE COMMAND: median wall seconds, from hyperfine's JSON.
bench() {
	local name=$1 runs=$2 prepare=$3 cmd=$4 json
	json=$TMP/$(printf '%s' "$name" | tr -c 'A-Za-z0-9' _).json
	log "timing: $name ($runs runs)"
	hyperfine --style basic --runs "$runs" --prepare "$prepare" --export-json "$json" \
		-n "$name" "$cmd" >&2 || die "hyperfine failed on: $name"
	jq -r '.results[0].median' "$json"
}

# edited FILE LINE OUT: make an edit's first run by hand; the build must
# publish the edited line in out/OUT.
edited() {
	bash "$TMP/toggle.sh" "$1" "$2" "$3"
	build
	grep -qF -- "$(sed -n "$2p" "$1" | sed "s/^other = [\"']//; s/[\"']\$//")" "$P/out/$4" ||
		die "lingo build did not publish the edit of $1:$2 in out/$4"
}

T_UPD=$(bench "po4a-updatepo" "$PO4A_RUNS" "rm -f $TMP/po4a/po/extract.pot" "$TMP/po4a/updatepo.sh >/dev/null 2>&1")
T_EXT=$(bench "lingo extract" "$RUNS" "rm -rf $P/locales/en" "$LINGO -C $P extract >/dev/null 2>&1")
T_PO4A=$(bench "po4a (fr)" "$PO4A_RUNS" "rm -rf $TMP/po4a/out" "$TMP/po4a/run.sh >/dev/null 2>&1")
T_BUILD=$(bench "lingo build, from scratch" "$RUNS" "$SCRATCH_PREP" "$BUILD_CMD")
T_BUILD2=$(bench "lingo build, nothing changed" "$RUNS" "true" "$BUILD_CMD")

cp "$CATALOG" "$TMP/catalog.orig"
edited "$CATALOG" "$CLINE" ' (relu)' "fr/$SLUG.md"
T_ENTRY=$(bench "lingo build, one entry edited" "$RUNS" "$EDIT_ENTRY" "$BUILD_CMD")
cp "$TMP/catalog.orig" "$CATALOG"

cp "$ARTICLE" "$TMP/article.orig"
edited "$ARTICLE" "$ALINE" ' indeed' "en/$SLUG.md"
T_ARTICLE=$(bench "lingo build, one article edited" "$RUNS" "$EDIT_ARTICLE" "$BUILD_CMD")
cp "$TMP/article.orig" "$ARTICLE"
build

T_MSGFMT=$(bench "msgfmt on lingo's PO" "$RUNS" "true" "msgfmt --check --statistics -o /dev/null $TMP/lingo-fr.po 2>/dev/null")
T_MSGFMT2=$(bench "msgfmt on po4a's PO" "$RUNS" "true" "msgfmt --check --statistics -o /dev/null $TMP/po4a/po/fr.po 2>/dev/null")
T_CHECK=$(bench "lingo check --lang fr" "$RUNS" "true" "$CHECK_CMD")

# --- report ------------------------------------------------------------------------
ratio() { # other lingo
	awk -v o="$1" -v l="$2" 'BEGIN {
		if (l <= 0 || o <= 0) { print "n/a"; exit }
		if (o >= l) printf "lingo %.1f× faster", o / l
		else printf "lingo %.1f× slower", l / o }'
}
sec() { awk -v s="$1" 'BEGIN { printf "%.3f s", s }'; }
met() { awk "BEGIN { print ($1) ? \"met\" : \"missed\" }"; } # met 'A < B', A and B numbers

{
	printf '## lingo vs po4a and msgfmt (hugo-docs/en)\n\n'
	printf '%s; %s, %s cores; %s; po4a %s, %s.\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
		"$(uname -sm)" "$(nproc)" "$(go version | awk '{print $3}')" \
		"$(po4a --version 2>/dev/null | awk 'NR==1 {sub(/\.$/, "", $3); print $3}')" \
		"$(msgfmt --version | head -1)"
	printf 'Median wall time of %s runs (po4a: %s runs), one run of this script.\n' "$RUNS" "$PO4A_RUNS"
	printf 'lingo reads all %s articles; po4a the %s it can take (see notes).\n\n' "$N" "$PN"
	printf '| step | other tool | time | lingo | time | ratio |\n'
	printf '|---|---|---:|---|---:|---|\n'
	row() { # STEP OTHER OTHER_TIME LINGO LINGO_TIME
		printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(sec "$3")" "$4" "$(sec "$5")" "$(ratio "$3" "$5")"
	}
	MSGFMT='`msgfmt --check --statistics` (lingo'"'"'s fr PO)'
	row 'extraction to catalogs' '`po4a-updatepo`' "$T_UPD" '`lingo extract`' "$T_EXT"
	row 'build from scratch (extract, sync, check, render)' '`po4a po4a.cfg` (fr)' "$T_PO4A" '`lingo build` (fr)' "$T_BUILD"
	row 'build, nothing changed' '`po4a po4a.cfg` (fr)' "$T_PO4A" '`lingo build` (fr)' "$T_BUILD2"
	row 'build after a translator edits one entry' "$MSGFMT" "$T_MSGFMT" '`lingo build` (fr)' "$T_ENTRY"
	row 'build after an author edits one article' "$MSGFMT" "$T_MSGFMT" '`lingo build` (fr)' "$T_ARTICLE"
	row 'check, every catalog' "$MSGFMT" "$T_MSGFMT" '`lingo check --lang fr`' "$T_CHECK"
	row 'check, every catalog' '`msgfmt --check --statistics` (po4a'"'"'s fr.po)' "$T_MSGFMT2" '`lingo check --lang fr`' "$T_CHECK"
	printf '\nMessages: lingo %s (in %s catalogs), po4a %s.\n\n' "$((LM - 1))" "$LN" "$((PM - 1))"
	printf 'Targets (issue 17):\n\n'
	printf -- '- one-entry edit: lingo build %s < msgfmt %s: %s\n' \
		"$(sec "$T_ENTRY")" "$(sec "$T_MSGFMT")" "$(met "$T_ENTRY < $T_MSGFMT")"
	printf -- '- one-article edit: lingo build %s < msgfmt %s: %s\n' \
		"$(sec "$T_ARTICLE")" "$(sec "$T_MSGFMT")" "$(met "$T_ARTICLE < $T_MSGFMT")"
	printf -- '- from scratch: po4a %s / lingo build %s = %s (≥ 10×): %s\n' \
		"$(sec "$T_PO4A")" "$(sec "$T_BUILD")" "$(awk -v o="$T_PO4A" -v l="$T_BUILD" 'BEGIN { printf "%.1f×", o / l }')" \
		"$(met "$T_PO4A >= 10 * $T_BUILD")"
	printf -- '- check: lingo check %s ≤ msgfmt %s: %s\n' \
		"$(sec "$T_CHECK")" "$(sec "$T_MSGFMT")" "$(met "$T_CHECK <= $T_MSGFMT")"
	printf '\nNotes:\n\n'
	printf -- '- po4a 0.69 options: `-f text -o markdown -o yfm_lenient -o yfm_keys=%s -M UTF-8` (lingo'"'"'s default front matter fields); the full run adds `-L UTF-8 -k 0` and `--no-backups`.\n' "$YFM_KEYS"
	if [ "$PN" -lt "$N" ]; then
		printf -- '- po4a left out %s articles on which it does not finish within %ss alone (a fenced code block left open at the end of the file):' "$((N - PN))" "$PROBE_TIMEOUT"
		awk -F'\t' -v c="$CORPUS/" '$1!=0 {sub(c, "", $2); printf " `%s`", $2}' "$TMP/probe.tsv"
		printf '.\n'
	fi
	printf -- '- The fr PO is `msgen` of po4a'"'"'s POT (every message translated as a copy of its source); lingo'"'"'s fr catalogs are filled by `lingo pseudo --lang fr`; so both publish every article fully translated.\n'
	printf -- '- Before each run: po4a-updatepo starts without a POT, lingo extract without locales/en, po4a without its output; lingo build from scratch without out/, locales/en and the cache (.lingo), with the fr catalogs and their state kept (a full extract, sync, check and render of md and html).\n'
	printf -- '- One entry edited: before each run, the translation of one paragraph (line %s of `locales/fr/%s.fr.toml`) gains or loses the words ` (relu)`. One article edited: one sentence (line %s of `content/%s.md`) gains or loses the word ` indeed`; its fr entry turns stale and back. msgfmt checks every message of the equivalent PO each time.\n' \
		"$CLINE" "$SLUG" "$ALINE" "$SLUG"
} >"$TMP/table.md"

cat "$TMP/table.md"
if [ -n "$OUTFILE" ]; then
	cp "$TMP/table.md" "$OUTFILE"
	log "table written to $OUTFILE"
fi
