/*
 * Unit tests of the request arena: alignment, zeroing, large allocations
 * that get a block of their own, strings, and reuse after a reset.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "check.h"

int	main(void);

static void
test_basics(void)
{
	struct arena	*a;
	char		*p, *q;
	size_t		 i;
	int		 zero;

	a = arena_new();
	CHECK(a != NULL);
	p = arena_alloc(a, 1);
	q = arena_alloc(a, 1);
	CHECK(p != NULL && q != NULL && p != q);
	/* Aligned for any type. */
	CHECK(((uintptr_t)p % 16) == 0);
	CHECK(((uintptr_t)q % 16) == 0);
	p = arena_alloc(a, 0);
	CHECK(p != NULL);

	p = arena_alloc(a, 1000);
	zero = 1;
	for (i = 0; i < 1000; i++)
		if (p[i] != 0)
			zero = 0;
	CHECK(zero);
	memset(p, 'x', 1000);

	CHECK_STR(arena_strdup(a, "hello"), "hello");
	CHECK(arena_strdup(a, NULL) == NULL);
	CHECK_STR(arena_strndup(a, "hello world", 5), "hello");
	CHECK_STR(arena_strndup(a, "", 0), "");
	CHECK_STR(arena_printf(a, "%s-%d", "page", 42), "page-42");
	arena_free(a);
	arena_free(NULL);
}

static void
test_large(void)
{
	struct arena	*a;
	char		*small, *big, *after;
	int		*v;
	size_t		 i, n = 1024 * 1024;
	int		 ok;

	a = arena_new();
	small = arena_alloc(a, 10);
	memcpy(small, "012345678", 10);
	/* Bigger than a block: gets its own, and the small one survives. */
	big = arena_alloc(a, n);
	ok = 1;
	for (i = 0; i < n; i++)
		if (big[i] != 0)
			ok = 0;
	CHECK(ok);
	memset(big, 'b', n);
	after = arena_alloc(a, 10);
	memcpy(after, "abcdefghi", 10);
	CHECK_STR(small, "012345678");
	CHECK_STR(after, "abcdefghi");
	CHECK(big[0] == 'b' && big[n - 1] == 'b');

	/* Many small allocations across several blocks. */
	ok = 1;
	for (i = 0; i < 10000; i++) {
		v = arena_calloc(a, 4, sizeof(*v));
		if (v[0] != 0 || v[3] != 0)
			ok = 0;
		v[0] = v[3] = (int)i;
	}
	CHECK(ok);

	/* A reset keeps the arena usable, large block or not. */
	arena_reset(a);
	small = arena_alloc(a, 100);
	CHECK(small != NULL && small[0] == 0 && small[99] == 0);
	big = arena_alloc(a, 3 * n);
	CHECK(big != NULL && big[3 * n - 1] == 0);
	arena_reset(a);
	arena_reset(a);
	CHECK_STR(arena_printf(a, "%d", 7), "7");
	arena_free(a);
}

int
main(void)
{
	test_basics();
	test_large();
	return CHECK_DONE();
}
