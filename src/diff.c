/*
 * Text differences for the revisions page (see diff.h).
 *
 * Both texts are cut into tokens (lines or words) that point into the
 * caller's strings.  The common beginning and end are matched first: an
 * edit usually touches one stretch of a body, and what is left between is
 * then small.  That stretch is compared with the textbook longest common
 * subsequence table, one cell per pair of tokens, filled from the end so
 * that a walk from the start can emit pieces in reading order.  The table
 * is the only memory that grows with n * m, hence the limit, and it is
 * malloc'd and freed here rather than left in the request's arena.
 * Nothing here logs or does I/O.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diff.h"

const char *const diff_op_names[DIFF__MAX] = {
	"same",			/* DIFF_SAME */
	"added",		/* DIFF_ADDED */
	"removed",		/* DIFF_REMOVED */
};

/* A line or word of one text: a span of the caller's string. */
struct	tok {
	const char	*s;
	size_t		 len;
	uint32_t	 h;		/* hash of the span, to skip memcmp */
};

static uint32_t
hash(const char *s, size_t len)
{
	uint32_t	 h = 2166136261u;	/* FNV-1a */
	size_t		 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static int
tok_eq(const struct tok *a, const struct tok *b)
{
	return a->h == b->h && a->len == b->len &&
	    memcmp(a->s, b->s, a->len) == 0;
}

/*
 * Cuts s into lines without their endings ("\n", "\r\n", or the end of
 * the text).  A text ending in a newline has no empty last line.
 */
static struct tok *
split_lines(struct arena *arena, const char *s, size_t *np)
{
	struct tok	*v;
	const char	*p, *nl;
	size_t		 n = 1, len;

	for (p = s; (p = strchr(p, '\n')) != NULL; p++)
		n++;
	v = arena_calloc(arena, n, sizeof(*v));
	n = 0;
	for (p = s; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p) - 1;	/* last char of the text */
		len = (size_t)(nl - p) + (*nl == '\n' ? 0 : 1);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		v[n].s = p;
		v[n].len = len;
		v[n].h = hash(p, len);
		n++;
	}
	*np = n;
	return v;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* Cuts s into runs of white space and runs of other bytes. */
static struct tok *
split_words(struct arena *arena, const char *s, size_t *np)
{
	struct tok	*v;
	const char	*p, *q;
	size_t		 n = 0;

	/* Runs alternate, so there are at most strlen(s) of them. */
	v = arena_calloc(arena, strlen(s) + 1, sizeof(*v));
	for (p = s; *p != '\0'; p = q) {
		for (q = p + 1; *q != '\0' && is_space(*q) == is_space(*p);
		    q++)
			continue;
		v[n].s = p;
		v[n].len = (size_t)(q - p);
		v[n].h = hash(p, v[n].len);
		n++;
	}
	*np = n;
	return v;
}

static void
emit(struct arena *arena, struct diff *d, enum diff_op op,
    const struct tok *t)
{
	struct diff_piece	*pc = &d->v[d->n++];

	pc->op = op;
	pc->text = arena_strndup(arena, t->s, t->len);
	pc->len = t->len;
	if (op == DIFF_ADDED)
		d->added++;
	else if (op == DIFF_REMOVED)
		d->removed++;
}

/* Emits a[0..n) as removed, then b[0..m) as added: one changed stretch. */
static void
emit_change(struct arena *arena, struct diff *d, const struct tok *a,
    size_t n, const struct tok *b, size_t m)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		emit(arena, d, DIFF_REMOVED, &a[i]);
	for (i = 0; i < m; i++)
		emit(arena, d, DIFF_ADDED, &b[i]);
}

/*
 * Compares a[0..n) with b[0..m), neither empty and sharing no first or
 * last token, through the LCS table; returns -1 without emitting if the
 * table would exceed limit cells or cannot be allocated.
 */
static int
lcs(struct arena *arena, struct diff *d, const struct tok *a, size_t n,
    const struct tok *b, size_t m, size_t limit)
{
	uint32_t	*L;
	size_t		 i, j, w, ri, rj;

	/* n * m <= limit, and the table's (n + 1) * (m + 1) fits. */
	if (n > limit / m || n >= UINT32_MAX || m >= UINT32_MAX ||
	    n + 1 > SIZE_MAX / sizeof(*L) / (m + 1))
		return -1;
	w = m + 1;
	if ((L = calloc((n + 1) * w, sizeof(*L))) == NULL)
		return -1;
#define CELL(i, j)	L[(i) * w + (j)]
	/* CELL(i, j): length of the LCS of a[i..n) and b[j..m). */
	for (i = n; i-- > 0; )
		for (j = m; j-- > 0; )
			if (tok_eq(&a[i], &b[j]))
				CELL(i, j) = CELL(i + 1, j + 1) + 1;
			else if (CELL(i + 1, j) >= CELL(i, j + 1))
				CELL(i, j) = CELL(i + 1, j);
			else
				CELL(i, j) = CELL(i, j + 1);
	/*
	 * Walk from the start; a stretch of removals and additions is
	 * emitted when the next common token (or the end) is reached, so
	 * its removals come first whatever order the walk found them in.
	 */
	i = j = ri = rj = 0;
	while (i < n || j < m) {
		if (i < n && j < m && tok_eq(&a[i], &b[j])) {
			emit_change(arena, d, a + ri, i - ri, b + rj, j - rj);
			emit(arena, d, DIFF_SAME, &a[i]);
			ri = ++i;
			rj = ++j;
		} else if (j == m || (i < n &&
		    CELL(i + 1, j) >= CELL(i, j + 1)))
			i++;
		else
			j++;
	}
	emit_change(arena, d, a + ri, n - ri, b + rj, m - rj);
#undef CELL
	free(L);
	return 0;
}

static void
diff_toks(struct arena *arena, const struct tok *a, size_t na,
    const struct tok *b, size_t nb, size_t limit, struct diff *d)
{
	size_t	 p, s, i, n, m;

	memset(d, 0, sizeof(*d));
	if (limit == 0)
		limit = DIFF_LIMIT;
	d->v = arena_calloc(arena, na + nb + 1, sizeof(*d->v));

	for (p = 0; p < na && p < nb && tok_eq(&a[p], &b[p]); p++)
		continue;
	for (s = 0; s < na - p && s < nb - p &&
	    tok_eq(&a[na - 1 - s], &b[nb - 1 - s]); s++)
		continue;
	n = na - p - s;
	m = nb - p - s;

	for (i = 0; i < p; i++)
		emit(arena, d, DIFF_SAME, &a[i]);
	if (n == 0 || m == 0)
		emit_change(arena, d, a + p, n, b + p, m);
	else if (lcs(arena, d, a + p, n, b + p, m, limit) == -1) {
		d->bounded = 1;
		emit_change(arena, d, a + p, n, b + p, m);
	}
	for (i = na - s; i < na; i++)
		emit(arena, d, DIFF_SAME, &a[i]);
}

void
diff_lines(struct arena *arena, const char *a, const char *b, size_t limit,
    struct diff *d)
{
	struct tok	*ta, *tb;
	size_t		 na, nb;

	ta = split_lines(arena, a != NULL ? a : "", &na);
	tb = split_lines(arena, b != NULL ? b : "", &nb);
	diff_toks(arena, ta, na, tb, nb, limit, d);
}

void
diff_words(struct arena *arena, const char *a, const char *b, size_t limit,
    struct diff *d)
{
	struct tok	*ta, *tb;
	size_t		 na, nb;

	ta = split_words(arena, a != NULL ? a : "", &na);
	tb = split_words(arena, b != NULL ? b : "", &nb);
	diff_toks(arena, ta, na, tb, nb, limit, d);
}
