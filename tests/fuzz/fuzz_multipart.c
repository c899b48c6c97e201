/* fuzz-sources: multipart.c valid.c arena.c util.c log.c */
/*
 * libFuzzer entry point for the streaming multipart/form-data parser.
 * The input is split into a boundary, a flags byte and a body; the body
 * is parsed three times: whole, in chunk sizes drawn from the input
 * (zero-length feeds included), and one byte at a time.  Besides crashes
 * and sanitizer reports, it aborts when the three runs disagree (result
 * or any callback, with data compared as one byte stream per part) or
 * when a promise of multipart.h is broken: names UTF-8 without controls,
 * filenames without a path, Content-Type printable, limits kept.
 *
 * Layout: byte 0 picks the boundary length (1 + b % 70), the next bytes
 * are the boundary (mapped into RFC 2046 bchars), then the flags byte,
 * then the body.  With flag bit 0 set, body bytes 0x01 to 0x05 expand
 * to the delimiter, "Content-Disposition: form-data; name=",
 * "; filename=", "\r\nContent-Type: " and "\r\n\r\n", so that random
 * input reaches the data states without a seed corpus.  Flag bit 1
 * opens the body with a first delimiter and part header (bit 2: of a
 * file part) so that mutations start inside part data.  The
 * multipart_boundary() parser gets the raw body as a string as well.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"
#include "util.h"
#include "valid.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Small limits, so that the fuzzer reaches them. */
static const struct multipart_limits lim = { 8, 3000, 512, 64 };

static const char bchars[] = "0123456789abcdefghijklmnopqrstuvwxyz"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

/* A record of the callbacks, as in tests/test_multipart.c. */
struct	rec {
	char	*buf;		/* the record */
	size_t	 len;		/* bytes in it */
	size_t	 cap;		/* bytes allocated */
	int	 file;		/* the open part has a filename */
	size_t	 partbytes;	/* data bytes of the open part */
	int	 open;		/* a part is open */
	size_t	 dstart;	/* where the open part's data begins */
	const char *delim;	/* CRLF "--" boundary */
};

static void
rec_add(struct rec *r, const void *p, size_t n)
{

	if (r->len + n + 1 > r->cap) {
		r->cap = (r->len + n + 1) * 2;
		r->buf = xrealloc(r->buf, r->cap);
	}
	memcpy(r->buf + r->len, p, n);
	r->len += n;
	r->buf[r->len] = '\0';
}

static void
rec_str(struct rec *r, const char *s)
{

	rec_add(r, s, strlen(s) + 1);	/* with the NUL as separator */
}

/* Returns 1 if s is UTF-8 without C0 controls or DEL. */
static int
clean(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return valid_utf8(s, i);
}

/* Returns 1 if the len bytes at p contain the string s (memmem). */
static int
contains(const char *p, size_t len, const char *s)
{
	size_t	 i, n = strlen(s);

	for (i = 0; n <= len && i <= len - n; i++)
		if (memcmp(p + i, s, n) == 0)
			return 1;
	return 0;
}

static int
cb_begin(void *arg, const char *name, const char *filename,
    const char *ctype)
{
	struct rec	*r = arg;
	const char	*p;

	if (r->open || name == NULL || name[0] == '\0' || !clean(name))
		abort();
	if (filename != NULL && (!clean(filename) ||
	    strchr(filename, '/') != NULL || strchr(filename, '\\') != NULL ||
	    strcmp(filename, "..") == 0 || strcmp(filename, ".") == 0))
		abort();
	if (ctype != NULL) {
		if (ctype[0] == '\0' || strlen(ctype) > MULTIPART_CTYPE_MAX)
			abort();
		for (p = ctype; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 ||
			    (unsigned char)*p > 0x7e)
				abort();
	}
	r->open = 1;
	r->file = filename != NULL;
	r->partbytes = 0;
	rec_str(r, "B");
	rec_str(r, name);
	rec_str(r, filename == NULL ? "-" : filename);
	rec_str(r, ctype == NULL ? "-" : ctype);
	rec_str(r, "D");
	r->dstart = r->len;
	return 0;
}

static int
cb_data(void *arg, const void *buf, size_t len)
{
	struct rec	*r = arg;

	if (!r->open || len == 0)
		abort();
	r->partbytes += len;
	if (r->partbytes > (r->file ? lim.max_file : lim.max_field))
		abort();
	rec_add(r, buf, len);
	return 0;
}

static int
cb_end(void *arg)
{
	struct rec	*r = arg;

	if (!r->open)
		abort();
	/* The oracle for missed delimiters: none may be left in data. */
	if (contains(r->buf + r->dstart, r->len - r->dstart, r->delim))
		abort();
	r->open = 0;
	rec_str(r, "E");
	return 0;
}

static const struct multipart_cb cb = { cb_begin, cb_data, cb_end };

/*
 * Parses body in chunks: mode 0 whole, 1 one byte at a time, 2 sizes
 * from a generator seeded by seed.  Returns the result; the record goes
 * to *r (caller frees r->buf).
 */
static enum multipart_err
run(const char *boundary, const char *delim, const char *body, size_t len,
    int mode, uint32_t seed, struct rec *r)
{
	struct multipart	*mp;
	size_t			 off = 0, n;
	enum multipart_err	 rc = MULTIPART_OK;

	memset(r, 0, sizeof(*r));
	r->delim = delim;
	rec_add(r, "", 0);
	if ((mp = multipart_new(boundary, &cb, r, &lim)) == NULL)
		abort();
	while (off < len && rc == MULTIPART_OK) {
		if (mode == 0)
			n = len;
		else if (mode == 1)
			n = 1;
		else {
			seed = seed * 1103515245 + 12345;
			n = (seed >> 16) % 80;	/* zero included */
		}
		if (n > len - off)
			n = len - off;
		rc = multipart_feed(mp, body + off, n);
		off += n;
	}
	if (multipart_finish(mp) != rc && rc != MULTIPART_OK)
		abort();	/* errors stick */
	rc = multipart_finish(mp);
	multipart_free(mp);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const words[] = {
		NULL,					/* 0x01: delimiter */
		"Content-Disposition: form-data; name=",	/* 0x02 */
		"; filename=",				/* 0x03 */
		"\r\nContent-Type: ",			/* 0x04 */
		"\r\n\r\n",				/* 0x05 */
	};
	char			 boundary[MULTIPART_BOUNDARY_MAX + 1];
	char			 delim[MULTIPART_BOUNDARY_MAX + 5];
	char			 ct[256], out[MULTIPART_BOUNDARY_MAX + 1];
	static const char	 hfield[] = "\r\nContent-Disposition: "
				    "form-data; name=f\r\n\r\n";
	static const char	 hfile[] = "\r\nContent-Disposition: "
				    "form-data; name=f; filename=a\r\n\r\n";
	char			*body = NULL;
	const char		*w;
	size_t			 blen, i, len = 0, wl, off;
	struct rec		 r0, r1, r2;
	enum multipart_err	 e0, e1, e2;
	uint8_t			 flags;

	if (size < 3)
		return 0;

	/* The Content-Type parser on the raw input. */
	off = size - 1 < sizeof(ct) - 1 ? size - 1 : sizeof(ct) - 1;
	memcpy(ct, data + 1, off);
	ct[off] = '\0';
	if (multipart_boundary(ct, out, sizeof(out)) == 0 &&
	    (strlen(out) == 0 || strlen(out) > MULTIPART_BOUNDARY_MAX))
		abort();

	blen = 1 + data[0] % MULTIPART_BOUNDARY_MAX;
	if (size < 2 + blen)
		return 0;
	for (i = 0; i < blen; i++) {
		if (data[1 + i] != '\0' && strchr(bchars, data[1 + i]) != NULL)
			boundary[i] = data[1 + i];
		else
			boundary[i] =
			    bchars[data[1 + i] % (sizeof(bchars) - 1)];
	}
	if (boundary[blen - 1] == ' ')
		boundary[blen - 1] = 'x';
	boundary[blen] = '\0';
	flags = data[1 + blen];
	data += 2 + blen;
	size -= 2 + blen;

	/* Expand the dictionary bytes; at most 75 bytes each. */
	body = xmalloc(size * 80 + sizeof(delim) + sizeof(hfile));
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen + 1);
	/*
	 * Flag bit 1 opens the body with a first part's delimiter and
	 * headers (bit 2: a file part), so that mutations start in data.
	 */
	if (flags & 2) {
		w = flags & 4 ? hfile : hfield;
		wl = strlen(w);
		memcpy(body, delim + 2, blen + 2);
		len = blen + 2;
		memcpy(body + len, w, wl);
		len += wl;
	}
	for (i = 0; i < size; i++) {
		if ((flags & 1) && data[i] >= 1 && data[i] <= 5) {
			w = data[i] == 1 ? delim : words[data[i] - 1];
			wl = strlen(w);
			memcpy(body + len, w, wl);
			len += wl;
		} else
			body[len++] = data[i];
	}

	e0 = run(boundary, delim, body, len, 0, 0, &r0);
	e1 = run(boundary, delim, body, len, 1, 0, &r1);
	e2 = run(boundary, delim, body, len, 2, flags ^ (uint32_t)size, &r2);
	if (e0 != e1 || e0 != e2)
		abort();
	if (r0.len != r1.len || r0.len != r2.len ||
	    memcmp(r0.buf, r1.buf, r0.len) != 0 ||
	    memcmp(r0.buf, r2.buf, r0.len) != 0)
		abort();
	/* A clean finish leaves no part open. */
	if (e0 == MULTIPART_OK && r0.open)
		abort();
	free(r0.buf);
	free(r1.buf);
	free(r2.buf);
	free(body);
	return 0;
}
