#!/bin/sh
#
# Builds every libFuzzer harness tests/fuzz/fuzz_<name>.c with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, and runs each for a
# fixed number of inputs, starting from tests/fuzz/corpus_<name>/ when it
# exists.  Any crash, sanitizer report, leak or timeout fails the test.
#
# Each harness names the src/ files it links on lines of their own (as
# many as it takes):
#	/* fuzz-sources: req.c arena.c util.c log.c */
# and may add link flags beyond the usual libraries with
#	/* fuzz-libs: -lfoo */
#
# The harnesses are compiled from the sources, not linked against
# libbroadside.a, because libFuzzer needs the coverage instrumentation of
# -fsanitize=fuzzer in the code under test.
#
# Environment: top_srcdir, top_builddir (exported by make check; default
# "."), FUZZ_RUNS (default 20000), FUZZ_MAX_LEN (4096), FUZZ_SEED (1, so a
# failure in CI can be replayed), FUZZ_CC (clang), FUZZ_ONLY (a harness
# name such as fuzz_req, to run just that one).  Longer by hand:
#	FUZZ_RUNS=2000000 FUZZ_SEED=0 top_srcdir=.. top_builddir=. \
#	    sh ../tests/fuzz.sh
# Exit: 0 pass, 1 fail (automake's codes).

set -u

srcdir=$(cd "${top_srcdir:-.}" && pwd) || exit 1
builddir=$(cd "${top_builddir:-.}" && pwd) || exit 1
runs=${FUZZ_RUNS:-20000}
maxlen=${FUZZ_MAX_LEN:-4096}
seed=${FUZZ_SEED:-1}
cc=${FUZZ_CC:-clang}
only=${FUZZ_ONLY:-}

fail() {
	echo "fuzz.sh: $*" >&2
	exit 1
}

# Missing tools fail the suite rather than skip it: a skipped fuzz run
# looks green in CI while testing nothing.
command -v "$cc" >/dev/null 2>&1 ||
    fail "$cc not found: apt-get install clang libclang-rt-14-dev"
command -v pkg-config >/dev/null 2>&1 ||
    fail "pkg-config not found: apt-get install pkgconf"
[ -f "$builddir/config.h" ] ||
    fail "$builddir/config.h not found: run configure first"

harnesses=$(ls "$srcdir"/tests/fuzz/fuzz_*.c 2>/dev/null)
[ -n "$harnesses" ] || fail "no harness in $srcdir/tests/fuzz"

# Every library the programs use; a harness links what it needs of them.
pkgs=
for m in libxml-2.0 libxslt libexslt libsodium libcmark-gfm inih jansson \
    libmagic fcgi libmariadb; do
	pkg-config --exists "$m" && pkgs="$pkgs $m"
done
pkg_cflags=$(pkg-config --cflags $pkgs) || fail "pkg-config --cflags failed"
pkg_libs=$(pkg-config --libs $pkgs) || fail "pkg-config --libs failed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/broadside-fuzz.XXXXXX") ||
    fail "cannot create a temporary directory"

status=0
for h in $harnesses; do
	name=$(basename "$h" .c)
	short=${name#fuzz_}
	if [ -n "$only" ] && [ "$only" != "$name" ]; then
		continue
	fi

	srcs=$(sed -n 's/.*fuzz-sources:\(.*\)/\1/p' "$h" | sed 's,\*/.*,,')
	libs=$(sed -n 's/.*fuzz-libs:\(.*\)/\1/p' "$h" | sed 's,\*/.*,,')
	if [ -z "$srcs" ]; then
		echo "FAIL: $name: no \"fuzz-sources:\" line" >&2
		status=1
		continue
	fi
	files=
	for s in $srcs; do
		files="$files $srcdir/src/$s"
	done

	# Unquoted expansions are split into words on purpose.  The -D
	# values are those of Makefile.am's AM_CPPFLAGS: no harness reads
	# them, but the sources that use them must compile.
	if ! "$cc" -g -O1 -fno-omit-frame-pointer \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -Wall -Wextra \
	    '-DTEMPLATEDIR="/nonexistent/templates"' \
	    '-DSAMPLEDIR="/nonexistent/sample"' \
	    '-DMIGRATIONDIR="/nonexistent/migrations"' \
	    '-DSYSCONFDIR="/nonexistent/etc"' \
	    -I"$builddir" -I"$srcdir/src" $pkg_cflags \
	    -o "$tmp/$name" "$h" $files $pkg_libs -lcmark-gfm-extensions -lm \
	    $libs >"$tmp/$name.build" 2>&1; then
		echo "FAIL: $name does not build:" >&2
		tail -n 40 "$tmp/$name.build" >&2
		if grep -q 'clang_rt\|libFuzzer\|fuzzer' "$tmp/$name.build"
		then
			echo "fuzz.sh: the libFuzzer runtime may be missing:" \
			    "apt-get install clang libclang-rt-14-dev" >&2
		fi
		status=1
		continue
	fi

	# libFuzzer adds what it finds to its first corpus directory, so
	# it gets a copy: the source tree stays untouched (and read-only
	# under distcheck).
	mkdir -p "$tmp/corpus_$short"
	if [ -d "$srcdir/tests/fuzz/corpus_$short" ]; then
		cp "$srcdir/tests/fuzz/corpus_$short"/* "$tmp/corpus_$short/" \
		    2>/dev/null
	fi

	if ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" \
	    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
	    "$tmp/$name" -runs="$runs" -max_len="$maxlen" -seed="$seed" \
	    -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$tmp/$name-" "$tmp/corpus_$short" \
	    >"$tmp/$name.log" 2>&1; then
		execs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		    "$tmp/$name.log")
		echo "PASS: $name (${execs:-$runs} inputs, seed $seed)"
	else
		echo "FAIL: $name crashed; the end of its log:" >&2
		grep -v '^broadside' "$tmp/$name.log" | tail -n 60 >&2
		for c in "$tmp/$name"-*; do
			[ -f "$c" ] && echo "reproducer: $c" >&2
		done
		status=1
	fi
done

if [ "$status" -eq 0 ]; then
	rm -rf "$tmp"
else
	echo "fuzz.sh: builds, logs and reproducers kept in $tmp" >&2
fi
exit "$status"
