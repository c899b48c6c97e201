#!/bin/sh
#
# House rules a compiler does not check (STYLE.md sections 1, 5, 6, 7, 11),
# after Fossil's codecheck1: library headers stay in their modules, SQL
# never goes through mysql_query, no unbounded string functions, no raw
# FastCGI output outside fcgi.c, no disable-output-escaping in templates,
# and no file left as a placeholder.  Prints each violation as
# file:line: text, and fails if there is any.
#
# Environment: top_srcdir (exported by make check; default ".").
# Exit: 0 pass, 1 fail (automake's codes).

set -u

srcdir=${top_srcdir:-.}
[ -d "$srcdir/src" ] || { echo "lint.sh: no $srcdir/src" >&2; exit 1; }

status=0

# rule MESSAGE REGEX ALLOWED FILE...
# Reports the lines of FILE... matching the extended REGEX, except in
# files whose name (relative to $srcdir) matches the shell pattern(s) in
# ALLOWED (separated by spaces; "" for none).
rule() {
	msg=$1
	re=$2
	allowed=$3
	shift 3
	for f in "$@"; do
		[ -f "$f" ] || continue
		rel=${f#"$srcdir"/}
		skip=0
		# The patterns are for case, not for the shell to expand.
		set -f
		for pat in $allowed; do
			# shellcheck disable=SC2254 # pat is a pattern
			case $rel in
			$pat) skip=1 ;;
			esac
		done
		set +f
		[ "$skip" -eq 1 ] && continue
		if out=$(grep -nE -- "$re" "$f"); then
			echo "$out" | while IFS= read -r line; do
				echo "$rel:${line%%:*}: $msg: ${line#*:}"
			done
			status=1
		fi
	done
}

# Patterns only, with no file to expand them into, are left as they are
# by the shell and skipped by rule's -f test.
c_files="$srcdir/src/*.c"
ch_files="$srcdir/src/*.c $srcdir/src/*.h"
xsl_files="$srcdir/templates/*.xsl"

# Word boundaries without \b, which POSIX ERE lacks.
B='(^|[^A-Za-z0-9_])'
E='([^A-Za-z0-9_]|$)'

# shellcheck disable=SC2086 # the file lists are meant to be split
{
rule "SQL text outside the statement table (STYLE.md 7)" \
    "${B}mysql_(real_)?query${E}" "src/db_migrate.c" $ch_files
rule "<mysql.h> outside src/db*.c (STYLE.md 1)" \
    '#[[:space:]]*include[[:space:]]*<(mysql/)?mysql\.h>' \
    "src/db*.c src/db*.h" $ch_files
rule "FastCGI header outside src/fcgi.c and src/req.c (STYLE.md 1)" \
    '#[[:space:]]*include[[:space:]]*<(fcgiapp|fcgi_stdio)\.h>' \
    "src/fcgi.c src/req.c" $ch_files
rule "libxml2/libxslt outside their modules (STYLE.md 1)" \
    '#[[:space:]]*include[[:space:]]*<(libxml|libxslt|libexslt)/' \
    "src/view.c src/render.c src/markdown.c src/feed.c src/feed_*.c \
    src/feed_xml.h src/sample.c" \
    $ch_files
rule "banned function, use snprintf/strlcpy/util_strtonum (STYLE.md 5)" \
    "${B}(sprintf|vsprintf|strcpy|strcat|gets|atoi|atol|atoll)[[:space:]]*\\(" \
    "" $c_files
rule "raw FastCGI output outside src/fcgi.c (STYLE.md 6)" \
    "${B}FCGX_(FPrintF|PutS)${E}" "src/fcgi.c" $ch_files
rule "disable-output-escaping in a template (STYLE.md 6)" \
    'disable-output-escaping' "" $xsl_files
rule "unfinished file" \
    'placeholder: being written' "" $ch_files
}

[ "$status" -eq 0 ] && echo "lint: clean"
exit "$status"
