/*
 * Allocation that never returns NULL, bounded copies and number parsing.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "util.h"

void
xabort(const char *what)
{
	log_warnx("fatal: %s", what);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		xabort("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, sz == 0 ? 1 : sz)) == NULL)
		xabort("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n == 0 ? 1 : n)) == NULL)
		xabort("out of memory");
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		xabort("reallocarray overflow");
	return xrealloc(p, n * sz);
}

char *
xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		xabort("out of memory");
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	if ((p = strndup(s, n)) == NULL)
		xabort("out of memory");
	return p;
}

size_t
strlcpy_bs(char *dst, const char *src, size_t size)
{
	size_t	 len;

	len = strlen(src);
	if (size > 0) {
		size_t	 n = len >= size ? size - 1 : len;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

int
util_strtonum(const char *s, long long min, long long max, long long *out)
{
	const char	*p;
	long long	 v = 0;
	int		 neg = 0, digits = 0;

	if (s == NULL)
		return -1;
	p = s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	/* Accumulate negatively so LLONG_MIN parses without overflow. */
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		int	 d = *p - '0';

		if (v < (LLONG_MIN + d) / 10)
			return -1;
		v = v * 10 - d;
	}
	if (digits == 0 || *p != '\0')
		return -1;
	if (!neg) {
		if (v == LLONG_MIN)
			return -1;
		v = -v;
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
