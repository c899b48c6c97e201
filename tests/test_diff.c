/*
 * Line and word differences: the pieces, their order (removals before
 * additions within a change), line endings, and the bound that turns a
 * huge comparison into one replacement.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "diff.h"

int	main(void);

/*
 * The diff as one string: each piece on a line prefixed with ' ', '+' or
 * '-' (words: the piece in brackets), for easy comparison.
 */
static const char *
show(struct arena *ar, const struct diff *d, int words)
{
	static const char mark[DIFF__MAX] = { ' ', '+', '-' };
	char	*s = arena_strdup(ar, "");
	size_t	 i;

	for (i = 0; i < d->n; i++)
		s = words ?
		    arena_printf(ar, "%s%c[%s]", s, mark[d->v[i].op],
		    d->v[i].text) :
		    arena_printf(ar, "%s%c%s\n", s, mark[d->v[i].op],
		    d->v[i].text);
	return s;
}

static const char *
lines(struct arena *ar, const char *a, const char *b, struct diff *d)
{
	diff_lines(ar, a, b, 0, d);
	return show(ar, d, 0);
}

static void
test_empty(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;

	CHECK_STR(lines(ar, "", "", &d), "");
	CHECK(d.n == 0 && d.added == 0 && d.removed == 0);
	CHECK_STR(lines(ar, NULL, NULL, &d), "");
	CHECK_STR(lines(ar, "", "one\ntwo\n", &d), "+one\n+two\n");
	CHECK(d.added == 2 && d.removed == 0);
	CHECK_STR(lines(ar, "one\ntwo", NULL, &d), "-one\n-two\n");
	CHECK(d.added == 0 && d.removed == 2);
	/* An empty line is a line. */
	CHECK_STR(lines(ar, "\n", "", &d), "-\n");
	arena_free(ar);
}

static void
test_identical(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;

	CHECK_STR(lines(ar, "a\nb\n\nc\n", "a\nb\n\nc\n", &d),
	    " a\n b\n \n c\n");
	CHECK(d.added == 0 && d.removed == 0 && !d.bounded);
	CHECK(d.v[1].len == 1);
	arena_free(ar);
}

static void
test_insert_delete(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;

	CHECK_STR(lines(ar, "a\nc\n", "a\nb\nc\n", &d), " a\n+b\n c\n");
	CHECK(d.added == 1 && d.removed == 0);
	CHECK_STR(lines(ar, "a\nb\nc\n", "a\nc\n", &d), " a\n-b\n c\n");
	CHECK_STR(lines(ar, "b\nc\n", "a\nb\nc\n", &d), "+a\n b\n c\n");
	CHECK_STR(lines(ar, "a\nb\n", "a\nb\nc\n", &d), " a\n b\n+c\n");
	/* Repeated lines: one of them goes. */
	CHECK_STR(lines(ar, "x\nx\nx\n", "x\nx\n", &d), " x\n x\n-x\n");
	CHECK(d.removed == 1);
	arena_free(ar);
}

static void
test_change(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;

	CHECK_STR(lines(ar, "a\nold\nc\n", "a\nnew\nc\n", &d),
	    " a\n-old\n+new\n c\n");
	/* Removals come first within a stretch. */
	CHECK_STR(lines(ar, "p\nq\nr\n", "x\ny\n", &d),
	    "-p\n-q\n-r\n+x\n+y\n");
	/* The middle is found by the table, not only by trimming. */
	CHECK_STR(lines(ar, "h\n1\nk\n2\nt\n", "h\n3\nk\n4\nt\n", &d),
	    " h\n-1\n+3\n k\n-2\n+4\n t\n");
	CHECK_STR(lines(ar, "a\nb\nc\nd\n", "b\nx\nd\ne\n", &d),
	    "-a\n b\n-c\n+x\n d\n+e\n");
	CHECK(d.added == 2 && d.removed == 2);
	arena_free(ar);
}

static void
test_line_endings(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;

	/* CRLF and LF are equal; the pieces carry no ending. */
	CHECK_STR(lines(ar, "a\r\nb\r\n", "a\nb\n", &d), " a\n b\n");
	CHECK(d.added == 0 && d.removed == 0);
	CHECK(strchr(d.v[0].text, '\r') == NULL);
	CHECK_STR(lines(ar, "a\r\nb\r\n", "a\nB\n", &d), " a\n-b\n+B\n");
	/* No final newline is no difference. */
	CHECK_STR(lines(ar, "a\nb", "a\nb\n", &d), " a\n b\n");
	CHECK_STR(lines(ar, "a\nb", "a\nc", &d), " a\n-b\n+c\n");
	/* A lone CR at the end, and inside a line (kept). */
	CHECK_STR(lines(ar, "a\r", "a", &d), " a\n");
	CHECK_STR(lines(ar, "a\rb\n", "a\rb\n", &d), " a\rb\n");
	arena_free(ar);
}

static void
test_bound(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;
	char		*a, *b, *pa, *pb;
	size_t		 i, n = 20000;

	/*
	 * 20000 different lines each side, with a shared first and last
	 * line: 4e8 cells is past the limit, so the middle is replaced
	 * whole and the shared lines still show.
	 */
	a = malloc(n * 8 + 16);
	b = malloc(n * 8 + 16);
	if (a == NULL || b == NULL)
		abort();
	pa = a + snprintf(a, 8, "top\n");
	pb = b + snprintf(b, 8, "top\n");
	for (i = 0; i < n; i++) {
		pa += snprintf(pa, 8, "a%05zu\n", i);
		pb += snprintf(pb, 8, "b%05zu\n", i);
	}
	snprintf(pa, 8, "end\n");
	snprintf(pb, 8, "end\n");
	diff_lines(ar, a, b, 0, &d);
	CHECK(d.bounded);
	CHECK(d.n == 2 * n + 2);
	CHECK(d.removed == n && d.added == n);
	CHECK(d.v[0].op == DIFF_SAME && strcmp(d.v[0].text, "top") == 0);
	CHECK(d.v[1].op == DIFF_REMOVED && d.v[n].op == DIFF_REMOVED);
	CHECK(d.v[n + 1].op == DIFF_ADDED);
	CHECK(d.v[2 * n + 1].op == DIFF_SAME);

	/* The same texts with a limit that allows them are not bounded. */
	diff_lines(ar, "a\nb\nc\n", "x\nb\ny\n", 9, &d);
	CHECK(!d.bounded);
	CHECK_STR(show(ar, &d, 0), "-a\n+x\n b\n-c\n+y\n");
	/* ... and one cell short, they are. */
	diff_lines(ar, "a\nb\nc\n", "x\nb\ny\n", 8, &d);
	CHECK(d.bounded);
	CHECK_STR(show(ar, &d, 0), "-a\n-b\n-c\n+x\n+b\n+y\n");
	free(a);
	free(b);
	arena_free(ar);
}

static void
test_words(void)
{
	struct arena	*ar = arena_new();
	struct diff	 d;
	const char	*s;
	size_t		 i;
	char		*ra, *rb;

	diff_words(ar, "Rivers for all", "Rivers for everyone", 0, &d);
	CHECK_STR(show(ar, &d, 1), " [Rivers] [ ] [for] [ ]-[all]+[everyone]");
	diff_words(ar, "", "", 0, &d);
	CHECK(d.n == 0);
	diff_words(ar, "a  b", "a b", 0, &d);
	CHECK_STR(show(ar, &d, 1), " [a]-[  ]+[ ] [b]");
	/* UTF-8 stays whole: only white space splits. */
	s = "Caf\xc3\xa9 r\xc3\xado";
	diff_words(ar, s, "Caf\xc3\xa9 mar", 0, &d);
	CHECK_STR(show(ar, &d, 1),
	    " [Caf\xc3\xa9] [ ]-[r\xc3\xado]+[mar]");
	/* Same + removed gives a, same + added gives b. */
	diff_words(ar, "one two three four", "one 2 three four five", 0,
	    &d);
	ra = arena_strdup(ar, "");
	rb = arena_strdup(ar, "");
	for (i = 0; i < d.n; i++) {
		if (d.v[i].op != DIFF_ADDED)
			ra = arena_printf(ar, "%s%s", ra, d.v[i].text);
		if (d.v[i].op != DIFF_REMOVED)
			rb = arena_printf(ar, "%s%s", rb, d.v[i].text);
	}
	CHECK_STR(ra, "one two three four");
	CHECK_STR(rb, "one 2 three four five");
	CHECK_STR(diff_op_names[DIFF_REMOVED], "removed");
	arena_free(ar);
}

int
main(void)
{
	test_empty();
	test_identical();
	test_insert_delete();
	test_change();
	test_line_endings();
	test_bound();
	test_words();
	return CHECK_DONE();
}
