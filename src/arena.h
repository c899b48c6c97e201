/*
 * Request memory: a bump allocator whose blocks are all released at once.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct	arena;

/* Returns a new, empty arena; caller frees with arena_free(). */
struct arena	*arena_new(void);
/* Releases every allocation but keeps the first block for reuse. */
void		 arena_reset(struct arena *);
/* Frees the arena and all its memory; accepts NULL. */
void		 arena_free(struct arena *);
/* Returns n zeroed bytes aligned for any type, owned by the arena. */
void		*arena_alloc(struct arena *, size_t n);
/* Returns an array of n elements of size sz, zeroed; aborts on overflow. */
void		*arena_calloc(struct arena *, size_t n, size_t sz);
/* Copies a NUL-terminated string into the arena; NULL gives NULL. */
char		*arena_strdup(struct arena *, const char *);
/* Copies len bytes and adds a NUL. */
char		*arena_strndup(struct arena *, const char *, size_t len);
/* Formats into the arena. */
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

#endif /* !ARENA_H */
