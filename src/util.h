/*
 * Allocation wrappers that abort on failure (the web server restarts the
 * worker), and small string helpers.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Logs the message and aborts; for impossible states only. */
void	 xabort(const char *) __attribute__((noreturn));
/* Copies at most size-1 bytes and NUL-terminates; returns strlen(src). */
size_t	 strlcpy_bs(char *dst, const char *src, size_t size);
/*
 * Parses a decimal integer in [min, max] from a whole string.  Returns 0 and
 * sets *out on success, -1 on empty, trailing junk or out of range.
 */
int	 util_strtonum(const char *, long long min, long long max,
	    long long *out);

#endif /* !UTIL_H */
