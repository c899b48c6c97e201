/*
 * Growable memory buffer behind struct out.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "util.h"

struct out *
out_new(void)
{
	struct out	*o;

	o = xcalloc(1, sizeof(*o));
	o->cap = 8192;
	o->buf = xmalloc(o->cap);
	o->buf[0] = '\0';
	return o;
}

void
out_free(struct out *o)
{
	if (o == NULL)
		return;
	free(o->buf);
	free(o);
}

void
out_reset(struct out *o)
{
	o->len = 0;
	o->buf[0] = '\0';
}

void
out_bytes(struct out *o, const void *p, size_t len)
{
	if (len == 0)
		return;
	if (o->cap - o->len <= len) {
		size_t	 cap = o->cap;

		while (cap - o->len <= len) {
			if (cap > ((size_t)-1) / 2)
				xabort("out_bytes: overflow");
			cap *= 2;
		}
		o->buf = xrealloc(o->buf, cap);
		o->cap = cap;
	}
	memcpy(o->buf + o->len, p, len);
	o->len += len;
	o->buf[o->len] = '\0';
}

void
out_str(struct out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}
