/*
 * Bump allocator for request memory (nginx's pool, simplified).  Blocks are
 * chained; large allocations get a block of their own.  Nothing is freed
 * piece by piece: arena_reset() after each request releases everything.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_ALIGN	16

struct	block {
	struct block	*next;
	size_t		 size;	/* usable bytes after the header */
	size_t		 used;
	/* Data follows, aligned by the union's size. */
	union {
		long double	 ld;
		void		*p;
		long long	 ll;
	} data[];
};

struct	arena {
	struct block	*head;	/* current block; the first one is kept */
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

static struct block *
block_new(size_t size)
{
	struct block	*b;

	b = xmalloc(sizeof(*b) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void
arena_reset(struct arena *a)
{
	struct block	*b, *next;

	if (a == NULL || a->head == NULL)
		return;
	/* Keep the last block in the chain (the first allocated) if small. */
	for (b = a->head; b->next != NULL; b = next) {
		next = b->next;
		free(b);
	}
	if (b->size > ARENA_BLOCK) {
		free(b);
		a->head = NULL;
		return;
	}
	b->used = 0;
	a->head = b;
}

void
arena_free(struct arena *a)
{
	struct block	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b;
	size_t		 need;
	void		*p;

	need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need < n)
		xabort("arena_alloc: overflow");
	if (need == 0)
		need = ARENA_ALIGN;
	b = a->head;
	if (b == NULL || b->size - b->used < need) {
		b = block_new(need > ARENA_BLOCK ? need : ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	memset(p, 0, n);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		xabort("arena_calloc: overflow");
	return arena_alloc(a, n * sz);
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char	*p;

	if (len == SIZE_MAX)
		xabort("arena_strndup: overflow");
	p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 len;
	char	*p;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		xabort("arena_printf: bad format");
	p = arena_alloc(a, (size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}
