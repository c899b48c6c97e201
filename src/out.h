/*
 * A byte sink.  Pages, feeds and headers are written to a struct out, which
 * is a growable memory buffer: the response is complete (and its length and
 * ETag known) before the first byte leaves, and the same rendering can be
 * written to a file or compared in a test.
 */
#ifndef OUT_H
#define OUT_H

#include <stddef.h>

struct	out {
	char	*buf;	/* owned; NUL-terminated for convenience */
	size_t	 len;
	size_t	 cap;
};

/* Returns an empty sink; caller frees with out_free(). */
struct out	*out_new(void);
/* Frees the sink and its buffer; accepts NULL. */
void		 out_free(struct out *);
/* Empties the sink, keeping its buffer. */
void		 out_reset(struct out *);
/* Appends len bytes. */
void		 out_bytes(struct out *, const void *, size_t len);
/* Appends a NUL-terminated string. */
void		 out_str(struct out *, const char *);

/*
 * Appends a string literal.  The "" s "" trick makes any non-literal fail to
 * compile, so dynamic values must pass through an escaping writer.
 */
#define out_lit(o, s)	out_bytes((o), "" s "", sizeof(s) - 1)

#endif /* !OUT_H */
