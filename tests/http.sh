#!/bin/sh
# The HTTP tests (tests/http/, pytest-3): a private MariaDB, both programs'
# workers, nginx and Apache, started from this build, exercised over HTTP.
# Run by "make check" with top_srcdir and top_builddir in the environment.
#
# Prints a "pytest: passed=N failed=N skipped=N" line, also appended to
# $BS_HTTP_RESULTS when set: scripts/check adds those counts to the other
# suites'.  PYTEST_ARGS adds pytest options (e.g. PYTEST_ARGS='-x -k 304').

srcdir=$(cd "${top_srcdir:-.}" && pwd) || exit 99
builddir=$(cd "${top_builddir:-.}" && pwd) || exit 99
export BROADSIDE_SRCDIR="$srcdir" BROADSIDE_BUILDDIR="$builddir"
results_to=${BS_HTTP_RESULTS:-/dev/null}

# The source tree is read-only under "make distcheck": no caches there.
export PYTHONDONTWRITEBYTECODE=1

if ! command -v pytest-3 >/dev/null 2>&1; then
	echo "pytest-3 not found: apt-get install python3-pytest" >&2
	echo "pytest: passed=0 failed=1 skipped=0" | tee -a "$results_to"
	exit 1
fi

junit=$(mktemp "${TMPDIR:-/tmp}/broadside-http.XXXXXX") || exit 99
# shellcheck disable=SC2086
pytest-3 -p no:cacheprovider -q -rfE --junitxml="$junit" \
    ${PYTEST_ARGS:-} "$srcdir/tests/http"
rc=$?

# Debian's python3, not whatever python3 comes first on PATH.
/usr/bin/python3 - "$junit" <<'EOF' | tee -a "$results_to"
import sys
import xml.etree.ElementTree as ET
p = f = s = 0
try:
    root = ET.parse(sys.argv[1]).getroot()
    for suite in root.iter("testsuite"):
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skip = int(suite.get("skipped", 0))
        p += int(suite.get("tests", 0)) - bad - skip
        f += bad
        s += skip
except (OSError, ET.ParseError):
    f = 1
print(f"pytest: passed={p} failed={f} skipped={s}")
EOF
rm -f "$junit"

# Any failure, and pytest's 5 ("no tests collected"), fail the suite.
[ "$rc" -eq 0 ] || exit 1
exit 0
