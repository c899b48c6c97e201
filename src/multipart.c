/*
 * Streaming multipart/form-data parser (RFC 7578 over RFC 2046 5.1).
 *
 * This module owns the byte-level grammar of a form upload: finding the
 * delimiters, reading each part's header block, and handing the data to
 * the caller's callbacks.  It must not buffer a part's data, touch files
 * or know about HTTP: the body arrives in chunks of any size (one byte
 * at a time works) and the only memory kept between chunks is one header
 * line (bounded by MULTIPART_HEADER_MAX) and a count of how many bytes
 * of the delimiter have matched so far.
 *
 * Line endings are strictly CRLF, as RFC 2046 and RFC 7578 require.  A
 * bare LF in a header block is an error rather than something we guess
 * at: two parsers that disagree on where a header ends are how header
 * smuggling starts, and every browser sends CRLF.  In part data, bare CR
 * and LF are just data.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "multipart.h"
#include "util.h"
#include "valid.h"

#define DEF_PARTS	64
#define DEF_BODY	((size_t)64 * 1024 * 1024)
#define DEF_FILE	((size_t)50 * 1024 * 1024)
#define DEF_FIELD	((size_t)1024 * 1024)

/* Where in the body the parser is. */
enum	mp_state {
	MP_PREAMBLE,	/* before the first delimiter: discarded */
	MP_DELIM_END,	/* just after "--boundary": "--", padding or CRLF */
	MP_PADDING,	/* transport padding (SP/HT) before the CRLF */
	MP_DELIM_LF,	/* the CR after the delimiter was seen */
	MP_CLOSE,	/* one '-' of the close delimiter seen */
	MP_HEADERS,	/* inside a part's header block */
	MP_DATA,	/* inside a part's data */
	MP_EPILOGUE	/* after the close delimiter: discarded */
};

struct	multipart {
	const struct multipart_cb *cb;	/* the caller's callbacks */
	void		*arg;		/* their first argument */
	struct multipart_limits lim;	/* limits, defaults filled in */
	char		 delim[4 + MULTIPART_BOUNDARY_MAX + 1];
					/* "\r\n--" boundary, NUL */
	size_t		 delimlen;	/* bytes in delim */
	size_t		 matched;	/* delim bytes matched, held back */
	enum mp_state	 state;		/* where we are */
	enum multipart_err err;		/* sticky error, or MULTIPART_OK */
	size_t		 body;		/* bytes fed so far */
	size_t		 parts;		/* parts begun */
	size_t		 partbytes;	/* data bytes of the current part */
	char		 line[MULTIPART_HEADER_MAX + 1];
					/* current header line, NUL */
	size_t		 linelen;	/* bytes in line */
	size_t		 hdrbytes;	/* bytes of this header block */
	size_t		 nhdrs;		/* header lines of this part */
	int		 cr;		/* header line's CR seen */
	int		 havecd;	/* Content-Disposition seen */
	char		*name;		/* current part's field name */
	char		*filename;	/* its filename, or NULL */
	char		*ctype;		/* its Content-Type, or NULL */
};

static const char *const multipart_errs[MULTIPART_ERR__MAX] = {
	"no error",				/* MULTIPART_OK */
	"malformed boundary line",		/* MULTIPART_ERR_BOUNDARY */
	"malformed part header",		/* MULTIPART_ERR_HEADER */
	"part header too long",			/* MULTIPART_ERR_HEADER_SIZE */
	"bad Content-Disposition",		/* MULTIPART_ERR_DISPOSITION */
	"field name or filename not UTF-8",	/* MULTIPART_ERR_UTF8 */
	"too many parts",			/* MULTIPART_ERR_PARTS */
	"file too large",			/* MULTIPART_ERR_FILE_SIZE */
	"field too large",			/* MULTIPART_ERR_FIELD_SIZE */
	"request body too large",		/* MULTIPART_ERR_BODY_SIZE */
	"truncated body",			/* MULTIPART_ERR_TRUNCATED */
	"aborted by callback",			/* MULTIPART_ERR_CALLBACK */
};

/*
 * RFC 2046 bchars: DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," /
 * "-" / "." / "/" / ":" / "=" / "?" / " ".
 */
static int
is_bchar(unsigned char c)
{

	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

/* RFC 9110 tchar, the characters of a token. */
static int
is_tchar(unsigned char c)
{

	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Returns 1 if the NUL-terminated s is a valid boundary, else 0. */
static int
valid_boundary(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (i >= MULTIPART_BOUNDARY_MAX ||
		    !is_bchar((unsigned char)s[i]))
			return 0;
	/* Non-empty, and the last character may not be a space. */
	return i > 0 && s[i - 1] != ' ';
}

/* Advances *p past optional white space (SP, HT), not beyond end. */
static void
skip_ows(const char **p, const char *end)
{

	while (*p < end && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/*
 * Reads one parameter value at *p (not beyond end): a quoted string or
 * a token.  Writes it NUL-terminated to out (size bytes) and advances *p
 * past it.  Returns 0, or -1 if it is malformed, empty as a token, or
 * does not fit.
 *
 * In a quoted string, a backslash escapes only '"' and '\'; before any
 * other character it stays a literal backslash.  RFC 9110's quoted-pair
 * would let it escape anything, but old Internet Explorer sends Windows
 * paths unescaped ("C:\Users\x\a.jpg"), and reading those as escapes
 * would turn "..\..\evil.php" into "....evil.php" and defeat the path
 * stripping below.  Browsers today percent-encode '"' in filenames, so
 * the two readings only differ on input crafted to make them differ.
 */
static int
param_value(const char **p, const char *end, char *out, size_t size)
{
	const char	*s = *p;
	size_t		 n = 0;
	int		 rc = -1;

	if (size == 0)
		goto out;
	if (s < end && *s == '"') {
		s++;
		for (;;) {
			if (s >= end)
				goto out;	/* unterminated */
			if (*s == '"')
				break;
			if (*s == '\\' && end - s >= 2 &&
			    (s[1] == '"' || s[1] == '\\'))
				s++;
			if (n + 1 >= size)
				goto out;
			out[n++] = *s++;
		}
		s++;	/* the closing quote */
	} else {
		while (s < end && is_tchar((unsigned char)*s)) {
			if (n + 1 >= size)
				goto out;
			out[n++] = *s++;
		}
		if (n == 0)
			goto out;
	}
	out[n] = '\0';
	*p = s;
	rc = 0;
out:
	return rc;
}

/*
 * Reads a parameter name (a token) at *p into out (size bytes),
 * lowercased.  Returns 0, or -1 if there is none or it does not fit.
 */
static int
param_name(const char **p, const char *end, char *out, size_t size)
{
	size_t	 n = 0;

	while (*p < end && is_tchar((unsigned char)**p)) {
		if (n + 1 >= size)
			return -1;
		out[n] = **p;
		if (out[n] >= 'A' && out[n] <= 'Z')
			out[n] += 'a' - 'A';
		n++;
		(*p)++;
	}
	out[n] = '\0';
	return n == 0 ? -1 : 0;
}

/*
 * Returns 1 if the len bytes at p, compared without case, are the
 * lowercase ASCII literal lit, else 0.
 */
static int
lit_eq(const char *p, size_t len, const char *lit)
{
	size_t	 i;
	char	 c;

	if (len != strlen(lit))
		return 0;
	for (i = 0; i < len; i++) {
		c = p[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != lit[i])
			return 0;
	}
	return 1;
}

int
multipart_boundary(const char *content_type, char *out, size_t size)
{
	const char	*p, *end, *t;
	char		 pname[32], val[MULTIPART_BOUNDARY_MAX + 2];
	int		 rc = -1, found = 0;

	if (content_type == NULL || size == 0)
		goto out;
	p = content_type;
	end = p + strlen(p);
	skip_ows(&p, end);

	/* The media type: a token "/" token, compared without case. */
	t = p;
	while (p < end && (is_tchar((unsigned char)*p) || *p == '/'))
		p++;
	if (!lit_eq(t, p - t, "multipart/form-data"))
		goto out;

	/* Parameters: *( OWS ";" OWS name "=" value ), in any order. */
	for (;;) {
		skip_ows(&p, end);
		if (p >= end)
			break;
		if (*p != ';')
			goto out;
		p++;
		skip_ows(&p, end);
		if (p >= end)
			break;	/* a trailing ';' is harmless */
		if (param_name(&p, end, pname, sizeof(pname)) == -1)
			goto out;
		if (p >= end || *p != '=')
			goto out;
		p++;
		/*
		 * val holds one byte more than a boundary may have, so an
		 * over-long value fails valid_boundary() rather than being
		 * cut to a valid one.  Other parameters (charset) only need
		 * to parse; a long one fails here, which is fine.
		 */
		if (param_value(&p, end, val, sizeof(val)) == -1)
			goto out;
		if (strcmp(pname, "boundary") != 0)
			continue;
		if (found || !valid_boundary(val))
			goto out;
		found = 1;
		if (strlcpy_bs(out, val, size) >= size)
			goto out;
	}
	if (found)
		rc = 0;
out:
	return rc;
}

struct multipart *
multipart_new(const char *boundary, const struct multipart_cb *cb,
    void *arg, const struct multipart_limits *lim)
{
	struct multipart	*mp = NULL;

	if (boundary == NULL || cb == NULL || !valid_boundary(boundary))
		goto out;
	mp = xcalloc(1, sizeof(*mp));
	mp->cb = cb;
	mp->arg = arg;
	if (lim != NULL)
		mp->lim = *lim;
	if (mp->lim.max_parts == 0)
		mp->lim.max_parts = DEF_PARTS;
	if (mp->lim.max_body == 0)
		mp->lim.max_body = DEF_BODY;
	if (mp->lim.max_file == 0)
		mp->lim.max_file = DEF_FILE;
	if (mp->lim.max_field == 0)
		mp->lim.max_field = DEF_FIELD;
	mp->delimlen = 4 + strlen(boundary);
	memcpy(mp->delim, "\r\n--", 4);
	memcpy(mp->delim + 4, boundary, mp->delimlen - 4 + 1);
	/*
	 * The first delimiter may open the body with no CRLF before it:
	 * start as if that CRLF had been read.  The held-back "\r\n" is
	 * preamble if the match fails, and preamble is thrown away.
	 */
	mp->matched = 2;
	mp->state = MP_PREAMBLE;
out:
	return mp;
}

/* Forgets the current part's headers. */
static void
part_reset(struct multipart *mp)
{

	free(mp->name);
	free(mp->filename);
	free(mp->ctype);
	mp->name = mp->filename = mp->ctype = NULL;
	mp->havecd = 0;
	mp->linelen = mp->hdrbytes = mp->nhdrs = 0;
	mp->cr = 0;
	mp->partbytes = 0;
}

void
multipart_free(struct multipart *mp)
{

	if (mp == NULL)
		return;
	part_reset(mp);
	free(mp);
}

const char *
multipart_strerror(enum multipart_err e)
{

	if ((unsigned)e >= MULTIPART_ERR__MAX)
		return "unknown error";
	return multipart_errs[e];
}

/*
 * Returns 1 if the NUL-terminated s is UTF-8 free of C0 controls and
 * DEL, 0 if it has a control, -1 if it is not UTF-8.
 */
static int
clean_text(const char *s)
{
	size_t	 i;

	if (!valid_utf8(s, strlen(s)))
		return -1;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

/*
 * Parses a Content-Disposition value (p to end):
 *	form-data *( OWS ";" OWS name "=" value )
 * and keeps the name and filename parameters.  Returns MULTIPART_OK or
 * the error.
 */
static enum multipart_err
parse_disposition(struct multipart *mp, const char *p, const char *end)
{
	const char		*t;
	char			 pname[32];
	char			 val[MULTIPART_HEADER_MAX + 1];
	const char		*base;
	size_t			 i;
	int			 c;
	enum multipart_err	 rc = MULTIPART_ERR_DISPOSITION;

	if (mp->havecd)
		goto out;	/* a second one: which would we believe? */
	mp->havecd = 1;
	t = p;
	while (p < end && is_tchar((unsigned char)*p))
		p++;
	if (!lit_eq(t, p - t, "form-data"))
		goto out;
	for (;;) {
		skip_ows(&p, end);
		if (p >= end)
			break;
		if (*p != ';')
			goto out;
		p++;
		skip_ows(&p, end);
		if (param_name(&p, end, pname, sizeof(pname)) == -1)
			goto out;
		skip_ows(&p, end);
		if (p >= end || *p != '=')
			goto out;
		p++;
		skip_ows(&p, end);
		if (param_value(&p, end, val, sizeof(val)) == -1)
			goto out;
		if (strcmp(pname, "name") == 0) {
			if (mp->name != NULL)
				goto out;
			mp->name = xstrdup(val);
		} else if (strcmp(pname, "filename") == 0) {
			if (mp->filename != NULL)
				goto out;
			/*
			 * Keep only the last path component, whichever
			 * separator the client's system uses, so that
			 * "../../x" or "C:\x" can never name a place.
			 * The caller stores under a generated name anyway;
			 * this is the name shown to editors.
			 */
			base = val;
			for (i = 0; val[i] != '\0'; i++)
				if (val[i] == '/' || val[i] == '\\')
					base = val + i + 1;
			if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
				base = "";
			mp->filename = xstrdup(base);
		}
		/* Other parameters (filename*, ...) are ignored. */
	}
	if (mp->name == NULL || mp->name[0] == '\0')
		goto out;
	if ((c = clean_text(mp->name)) != 1 ||
	    (mp->filename != NULL && (c = clean_text(mp->filename)) != 1)) {
		rc = c == -1 ? MULTIPART_ERR_UTF8 : MULTIPART_ERR_DISPOSITION;
		goto out;
	}
	rc = MULTIPART_OK;
out:
	return rc;
}

/*
 * Parses one complete header line in mp->line (NUL-terminated, without
 * its CRLF, already free of control characters other than HT).
 * Returns MULTIPART_OK or the error.
 */
static enum multipart_err
parse_header(struct multipart *mp)
{
	const char		*p = mp->line, *end = mp->line + mp->linelen;
	const char		*n, *ve;
	size_t			 nlen;
	enum multipart_err	 rc = MULTIPART_ERR_HEADER;

	/*
	 * field-name ":" OWS value OWS.  No space before the colon and no
	 * obsolete line folding (RFC 9110 forbids both; a continuation
	 * line starts with white space and so is not a token here).
	 */
	n = p;
	while (p < end && is_tchar((unsigned char)*p))
		p++;
	nlen = p - n;
	if (nlen == 0 || p >= end || *p != ':')
		goto out;
	p++;
	skip_ows(&p, end);
	ve = end;
	while (ve > p && (ve[-1] == ' ' || ve[-1] == '\t'))
		ve--;

	if (lit_eq(n, nlen, "content-disposition")) {
		rc = parse_disposition(mp, p, ve);
		goto out;
	}
	if (lit_eq(n, nlen, "content-type")) {
		/* Printable ASCII only: it may end up in a header. */
		if (mp->ctype != NULL || ve == p ||
		    (size_t)(ve - p) > MULTIPART_CTYPE_MAX)
			goto out;
		for (n = p; n < ve; n++)
			if ((unsigned char)*n < 0x20 ||
			    (unsigned char)*n > 0x7e)
				goto out;
		mp->ctype = xstrndup(p, ve - p);
	}
	/* Others (Content-Transfer-Encoding, ...) are ignored. */
	rc = MULTIPART_OK;
out:
	return rc;
}

/*
 * Hands len bytes of part data to the caller, within the part's limit.
 * If the limit is crossed, the bytes up to it are passed first, so the
 * caller sees the same bytes however the body was chunked.
 */
static enum multipart_err
emit(struct multipart *mp, const char *p, size_t len)
{
	size_t			 max, room;
	enum multipart_err	 rc = MULTIPART_OK;

	if (mp->state != MP_DATA || len == 0)
		goto out;
	max = mp->filename != NULL ? mp->lim.max_file : mp->lim.max_field;
	room = max - mp->partbytes;
	if (len > room) {
		rc = mp->filename != NULL ?
		    MULTIPART_ERR_FILE_SIZE : MULTIPART_ERR_FIELD_SIZE;
		len = room;
	}
	mp->partbytes += len;
	if (len > 0 && mp->cb->part_data(mp->arg, p, len) != 0)
		rc = MULTIPART_ERR_CALLBACK;
out:
	return rc;
}

/*
 * Scans data (or preamble) at buf[*ip..len) for the delimiter.
 * Returns MULTIPART_OK with *found set once a whole delimiter has been
 * read (and *ip just past it), or with *ip == len when the chunk ran
 * out; or an error.
 *
 * The delimiter is CRLF "--" boundary.  Bytes that may be its start are
 * held back (only counted in mp->matched: they equal delim[0..matched),
 * so need not be stored) until the match completes or fails.  Because a
 * boundary cannot contain CR or LF, CR occurs in the delimiter only at
 * its start: when a match fails, no later start can begin inside the
 * held bytes, and the failing byte begins a new match only if it is CR.
 * So no KMP table is needed, and the held bytes are plain data.
 */
static enum multipart_err
scan(struct multipart *mp, const char *buf, size_t len, size_t *ip,
    int *found)
{
	const char		*cr;
	size_t			 i = *ip, start = *ip;
	enum multipart_err	 rc;

	*found = 0;
	/* Invariant: matched > 0 implies start == i (no pending run). */
	while (i < len) {
		if (mp->matched == 0) {
			/* Skip to the next CR, the only way to start. */
			cr = memchr(buf + i, '\r', len - i);
			if (cr == NULL) {
				i = len;
				break;
			}
			i = cr - buf;
		}
		if (buf[i] == mp->delim[mp->matched]) {
			if (mp->matched == 0 &&
			    (rc = emit(mp, buf + start, i - start)) != 0)
				goto out;
			mp->matched++;
			start = ++i;
			if (mp->matched == mp->delimlen) {
				mp->matched = 0;
				*found = 1;
				break;
			}
			continue;
		}
		/* Mismatch after a partial match: those bytes were data. */
		if ((rc = emit(mp, mp->delim, mp->matched)) != 0)
			goto out;
		mp->matched = 0;
		start = i;	/* buf[i] is looked at again from 0 */
	}
	if (!*found && (rc = emit(mp, buf + start, i - start)) != 0)
		goto out;
	rc = MULTIPART_OK;
	*ip = i;
out:
	return rc;
}

/* Ends a header line: a header, or the empty line before the data. */
static enum multipart_err
end_line(struct multipart *mp)
{
	enum multipart_err	 rc;

	if (mp->linelen > 0) {
		if (++mp->nhdrs > MULTIPART_HEADERS_MAX) {
			rc = MULTIPART_ERR_HEADER_SIZE;
			goto out;
		}
		mp->line[mp->linelen] = '\0';
		rc = parse_header(mp);
		mp->linelen = 0;
		goto out;
	}
	/* RFC 7578 4.2: each part has a form-data disposition with a name. */
	if (!mp->havecd) {
		rc = MULTIPART_ERR_DISPOSITION;
		goto out;
	}
	mp->state = MP_DATA;
	mp->matched = 0;
	mp->partbytes = 0;
	rc = mp->cb->part_begin(mp->arg, mp->name, mp->filename,
	    mp->ctype) != 0 ? MULTIPART_ERR_CALLBACK : MULTIPART_OK;
out:
	return rc;
}

/* Parses len bytes, all within max_body. */
static enum multipart_err
feed(struct multipart *mp, const char *buf, size_t len)
{
	size_t			 i = 0;
	int			 found;
	unsigned char		 c;
	enum multipart_err	 rc = MULTIPART_OK;

	while (i < len && rc == MULTIPART_OK) {
		switch (mp->state) {
		case MP_PREAMBLE:
		case MP_DATA:
			if ((rc = scan(mp, buf, len, &i, &found)) != 0 ||
			    !found)
				break;
			if (mp->state == MP_DATA) {
				if (mp->cb->part_end(mp->arg) != 0)
					rc = MULTIPART_ERR_CALLBACK;
				part_reset(mp);
			}
			mp->state = MP_DELIM_END;
			break;
		case MP_DELIM_END:
			c = buf[i++];
			if (c == '-')
				mp->state = MP_CLOSE;
			else if (c == '\r')
				mp->state = MP_DELIM_LF;
			else if (c == ' ' || c == '\t')
				mp->state = MP_PADDING;
			else
				/*
				 * "--boundaryX": the boundary is a prefix of
				 * a longer line.  RFC 2046 says the delimiter
				 * must not occur in a part at all, so this is
				 * a broken body, not data.
				 */
				rc = MULTIPART_ERR_BOUNDARY;
			break;
		case MP_PADDING:
			/* RFC 2046 transport-padding: LWSP before CRLF. */
			c = buf[i++];
			if (c == '\r')
				mp->state = MP_DELIM_LF;
			else if (c != ' ' && c != '\t')
				rc = MULTIPART_ERR_BOUNDARY;
			break;
		case MP_DELIM_LF:
			if (buf[i++] != '\n') {
				rc = MULTIPART_ERR_BOUNDARY;
				break;
			}
			if (++mp->parts > mp->lim.max_parts) {
				rc = MULTIPART_ERR_PARTS;
				break;
			}
			part_reset(mp);
			mp->state = MP_HEADERS;
			break;
		case MP_CLOSE:
			if (buf[i++] != '-')
				rc = MULTIPART_ERR_BOUNDARY;
			else
				mp->state = MP_EPILOGUE;
			break;
		case MP_HEADERS:
			c = buf[i++];
			/* Counts CRLFs too: the block's size on the wire. */
			if (++mp->hdrbytes > MULTIPART_HEADER_MAX) {
				rc = MULTIPART_ERR_HEADER_SIZE;
				break;
			}
			if (mp->cr) {
				mp->cr = 0;
				/* A CR not followed by LF: strict CRLF. */
				rc = c == '\n' ? end_line(mp) :
				    MULTIPART_ERR_HEADER;
				break;
			}
			if (c == '\r') {
				mp->cr = 1;
				break;
			}
			/* Bare LF, NUL, other controls: never in a header. */
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				rc = MULTIPART_ERR_HEADER;
				break;
			}
			/* hdrbytes bounds linelen below sizeof(line). */
			mp->line[mp->linelen++] = c;
			break;
		case MP_EPILOGUE:
			i = len;
			break;
		}
	}
	return rc;
}

enum multipart_err
multipart_feed(struct multipart *mp, const void *buf, size_t len)
{
	size_t	 n;

	if (mp->err != MULTIPART_OK)
		goto out;
	/*
	 * Parse what fits under max_body before failing, so the error and
	 * the callbacks before it do not depend on the chunk sizes.
	 */
	n = mp->lim.max_body - mp->body;
	if (n > len)
		n = len;
	mp->body += n;
	mp->err = feed(mp, buf, n);
	if (mp->err == MULTIPART_OK && n < len)
		mp->err = MULTIPART_ERR_BODY_SIZE;
out:
	return mp->err;
}

enum multipart_err
multipart_finish(struct multipart *mp)
{

	if (mp->err == MULTIPART_OK && mp->state != MP_EPILOGUE)
		mp->err = MULTIPART_ERR_TRUNCATED;
	return mp->err;
}
