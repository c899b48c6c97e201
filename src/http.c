/*
 * HTTP responses: the CGI status line and headers, validators (ETag,
 * Last-Modified), conditional GET and the security headers every response
 * carries.  The response body is complete before this runs, so its length
 * and ETag are exact and no response is ever chunked (see DESIGN.md on
 * nginx and keep-alive).
 *
 * Header names are literals (out_lit); every dynamic value is either a
 * number we format or a string that passed http_header_value_ok(), so no
 * value can add a header or end the header block.  This module must not
 * render pages: when it refuses a response it sends a bare 500.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "broadside.h"
#include "http.h"
#include "log.h"
#include "out.h"

/* Bytes of BLAKE2b output in an ETag: 128 bits, 32 hex digits. */
#define HTTP_ETAG_BYTES	16

/* Room for a quoted ETag: '"', 32 hex digits, '"', NUL. */
#define HTTP_ETAG_SIZE	(HTTP_ETAG_BYTES * 2 + 3)

/* Room for an IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" and NUL. */
#define HTTP_DATE_SIZE	30

static const struct {
	int		 code;
	const char	*text;
} statuses[] = {
	{ 200, "OK" },
	{ 201, "Created" },
	{ 204, "No Content" },
	{ 301, "Moved Permanently" },
	{ 302, "Found" },
	{ 303, "See Other" },
	{ 304, "Not Modified" },
	{ 307, "Temporary Redirect" },
	{ 308, "Permanent Redirect" },
	{ 400, "Bad Request" },
	{ 401, "Unauthorized" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 409, "Conflict" },
	{ 410, "Gone" },
	{ 411, "Length Required" },
	{ 413, "Content Too Large" },
	{ 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" },
	{ 429, "Too Many Requests" },
	{ 500, "Internal Server Error" },
	{ 501, "Not Implemented" },
	{ 502, "Bad Gateway" },
	{ 503, "Service Unavailable" },
};

static const char *const wdays[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};

/* Full weekday names of the obsolete RFC 850 format. */
static const char *const wdays_long[7] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};

static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

const char *
http_status_text(int status)
{
	size_t	 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (statuses[i].code == status)
			return statuses[i].text;
	return "Unknown";
}

int
http_header_value_ok(const char *s)
{
	const unsigned char	*p;

	if (s == NULL)
		return 0;
	/*
	 * CR and LF would end the header (response splitting), NUL would
	 * cut it short in a C consumer, and no other control character
	 * has any business there either, tab included.
	 */
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/*
 * Days from 1970-01-01 to the given civil date (proleptic Gregorian),
 * without the C library: timegm() is not in POSIX and mktime() depends
 * on the time zone.
 */
static long long
days_from_civil(long long y, int m, int d)
{
	long long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void
http_date_format(time_t t, char *buf, size_t size)
{
	struct tm	 tm;

	if (size == 0)
		return;
	/* English names by hand: strftime's %a and %b follow the locale. */
	if (gmtime_r(&t, &tm) == NULL) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    wdays[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/*
 * Reads exactly n digits at *pp into *v and advances.  Returns 0 or -1.
 */
static int
digits(const char **pp, int n, int *v)
{
	const char	*p = *pp;
	int		 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		*v = *v * 10 + (p[i] - '0');
	}
	*pp = p + n;
	return 0;
}

/* Matches the literal word w at *pp and advances.  Returns 0 or -1. */
static int
lit(const char **pp, const char *w)
{
	size_t	 len = strlen(w);

	if (strncmp(*pp, w, len) != 0)
		return -1;
	*pp += len;
	return 0;
}

/* Reads a month abbreviation into *mon (0..11) and advances. */
static int
month(const char **pp, int *mon)
{
	for (*mon = 0; *mon < 12; (*mon)++)
		if (strncmp(*pp, months[*mon], 3) == 0) {
			*pp += 3;
			return 0;
		}
	return -1;
}

/* Reads "HH:MM:SS" and advances. */
static int
clock_time(const char **pp, int *h, int *mi, int *s)
{
	if (digits(pp, 2, h) == -1 || lit(pp, ":") == -1 ||
	    digits(pp, 2, mi) == -1 || lit(pp, ":") == -1 ||
	    digits(pp, 2, s) == -1)
		return -1;
	return 0;
}

time_t
http_date_parse(const char *s)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};
	const char	*p;
	struct tm	 now;
	time_t		 t;
	long long	 days;
	int		 wd, y = 0, mon = 0, d = 0, h = 0, mi = 0, sec = 0;
	int		 cy;

	if (s == NULL)
		return -1;
	p = s;
	while (*p == ' ' || *p == '\t')
		p++;

	/* The weekday decides the format; its value is not checked. */
	for (wd = 0; wd < 7; wd++)
		if (strncmp(p, wdays_long[wd], strlen(wdays_long[wd])) == 0 &&
		    p[strlen(wdays_long[wd])] == ',')
			break;
	if (wd < 7) {
		/* RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT". */
		p += strlen(wdays_long[wd]);
		if (lit(&p, ", ") == -1 || digits(&p, 2, &d) == -1 ||
		    lit(&p, "-") == -1 || month(&p, &mon) == -1 ||
		    lit(&p, "-") == -1 || digits(&p, 2, &y) == -1 ||
		    lit(&p, " ") == -1 ||
		    clock_time(&p, &h, &mi, &sec) == -1 ||
		    lit(&p, " GMT") == -1)
			return -1;
		/*
		 * RFC 9110 5.6.7: a two-digit year more than 50 years in
		 * the future is the most recent past year with those digits.
		 */
		t = time(NULL);
		if (gmtime_r(&t, &now) == NULL)
			return -1;
		cy = now.tm_year + 1900;
		y += cy - cy % 100;
		if (y > cy + 50)
			y -= 100;
	} else {
		for (wd = 0; wd < 7; wd++)
			if (strncmp(p, wdays[wd], 3) == 0)
				break;
		if (wd == 7)
			return -1;
		p += 3;
		if (*p == ',') {
			/* IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT". */
			if (lit(&p, ", ") == -1 || digits(&p, 2, &d) == -1 ||
			    lit(&p, " ") == -1 || month(&p, &mon) == -1 ||
			    lit(&p, " ") == -1 || digits(&p, 4, &y) == -1 ||
			    lit(&p, " ") == -1 ||
			    clock_time(&p, &h, &mi, &sec) == -1 ||
			    lit(&p, " GMT") == -1)
				return -1;
		} else {
			/* asctime: "Sun Nov  6 08:49:37 1994". */
			if (lit(&p, " ") == -1 || month(&p, &mon) == -1 ||
			    lit(&p, " ") == -1)
				return -1;
			if (*p == ' ') {
				p++;
				if (digits(&p, 1, &d) == -1)
					return -1;
			} else if (digits(&p, 2, &d) == -1)
				return -1;
			if (lit(&p, " ") == -1 ||
			    clock_time(&p, &h, &mi, &sec) == -1 ||
			    lit(&p, " ") == -1 || digits(&p, 4, &y) == -1)
				return -1;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return -1;

	/* 60 seconds: a leap second, which time_t cannot tell apart. */
	if (y < 1970 || d < 1 || h > 23 || mi > 59 || sec > 60)
		return -1;
	if (d > mdays[mon] + (mon == 1 && leap(y)))
		return -1;
	if (sec == 60)
		sec = 59;
	days = days_from_civil(y, mon + 1, d);
	return (time_t)(days * 86400 + h * 3600 + mi * 60 + sec);
}

/*
 * Returns the length of the opaque tag (quotes included) at s, or 0 if
 * s does not start with one.  etagc is %x21 / %x23-7E / obs-text.
 */
static size_t
etag_len(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	if (p[0] != '"')
		return 0;
	for (i = 1; p[i] != '\0' && p[i] != '"'; i++)
		if (p[i] < 0x21 || p[i] == 0x7f)
			return 0;
	return p[i] == '"' ? i + 1 : 0;
}

/*
 * Returns 1 if the opaque tag cand (length clen, quotes included) is ours
 * (length olen), alone or with a "-gzip" or "-br" that Apache's
 * mod_deflate and mod_brotli put before the closing quote.
 */
static int
etag_same(const char *cand, size_t clen, const char *ours, size_t olen)
{
	static const char *const sufs[] = { "", "-gzip", "-br" };
	size_t	 i, slen;

	if (olen < 2 || clen < olen)
		return 0;
	for (i = 0; i < sizeof(sufs) / sizeof(sufs[0]); i++) {
		slen = strlen(sufs[i]);
		if (clen == olen + slen &&
		    memcmp(cand, ours, olen - 1) == 0 &&
		    memcmp(cand + olen - 1, sufs[i], slen) == 0)
			return 1;
	}
	return 0;
}

int
http_etag_match(const char *inm, const char *etag)
{
	const char	*p;
	size_t		 olen, clen;

	if (inm == NULL || etag == NULL)
		return 0;
	/* Weak comparison: W/ on either side does not matter. */
	if (strncmp(etag, "W/", 2) == 0)
		etag += 2;
	if ((olen = etag_len(etag)) == 0 || etag[olen] != '\0')
		return 0;

	/*
	 * A comma-separated list of entity tags, or "*".  A broken element
	 * is skipped up to the next comma rather than failing the whole
	 * header: a 200 is always a correct answer, a 304 only on a match.
	 */
	for (p = inm; *p != '\0'; ) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		if (*p == '*') {
			clen = 1;
			while (p[clen] == ' ' || p[clen] == '\t')
				clen++;
			if (p[clen] == ',' || p[clen] == '\0')
				return 1;
		}
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if ((clen = etag_len(p)) != 0) {
			if (etag_same(p, clen, etag, olen))
				return 1;
			p += clen;
		}
		p += strcspn(p, ",");
	}
	return 0;
}

/* Writes a decimal number. */
static void
put_num(struct out *o, long long v)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	out_str(o, buf);
}

/* Computes an ETag for len bytes: quoted hex of a 128-bit BLAKE2b. */
static void
etag_hash(const void *data, size_t len, char etag[HTTP_ETAG_SIZE])
{
	static const char	 hex[] = "0123456789abcdef";
	static int		 inited;
	unsigned char		 h[HTTP_ETAG_BYTES];
	size_t			 i;

	/* Once per process; generichash works without it but is faster. */
	if (!inited) {
		if (sodium_init() < 0)
			log_warnx("sodium_init failed");
		inited = 1;
	}
	crypto_generichash(h, sizeof(h), data, len, NULL, 0);
	etag[0] = '"';
	for (i = 0; i < sizeof(h); i++) {
		etag[1 + 2 * i] = hex[h[i] >> 4];
		etag[2 + 2 * i] = hex[h[i] & 0xf];
	}
	etag[1 + 2 * sizeof(h)] = '"';
	etag[2 + 2 * sizeof(h)] = '\0';
}

/* Computes our ETag for the body. */
static void
etag_compute(const struct out *body, char etag[HTTP_ETAG_SIZE])
{
	etag_hash(body != NULL ? body->buf : NULL,
	    body != NULL ? body->len : 0, etag);
}

const char *
http_etag_make(struct arena *a, const void *data, size_t len)
{
	char	 etag[HTTP_ETAG_SIZE];

	etag_hash(data, len, etag);
	return arena_strdup(a, etag);
}

/*
 * Returns 1 if the request's preconditions make this a 304.  RFC 9110
 * 13.2.2: If-None-Match, when present, decides alone; If-Modified-Since
 * counts only without it, and only if we know a modification time.  Only
 * GET and HEAD are ever answered 304.
 */
static int
not_modified(const struct req *r, const char *etag)
{
	time_t	 ims;

	if (r->method != METHOD_GET && r->method != METHOD_HEAD)
		return 0;
	if (r->if_none_match != NULL)
		return http_etag_match(r->if_none_match, etag);
	if (r->if_modified_since == NULL || r->resp.lastmod == 0)
		return 0;
	if ((ims = http_date_parse(r->if_modified_since)) == -1)
		return 0;
	return r->resp.lastmod <= ims;
}

int
http_not_modified(struct req *r, const char *etag, time_t lastmod)
{
	r->resp.etag = etag;
	r->resp.lastmod = lastmod;
	r->resp.not_modified = 0;
	if (etag == NULL || !not_modified(r, etag))
		return 0;
	r->resp.status = 304;
	r->resp.not_modified = 1;
	return 1;
}

/* Returns 1 if s is exactly one quoted opaque tag, such as ours. */
static int
etag_ok(const char *s)
{
	size_t	 len;

	return s != NULL && (len = etag_len(s)) != 0 && s[len] == '\0';
}

int
http_finish(const struct req *r, const struct out *body, struct out *wire)
{
	static char		 refused_text[] = "Internal Server Error\n";
	struct out		 refused;
	const struct resp	*rs = &r->resp;
	const char		*ctype, *location, *tag;
	char			 etag[HTTP_ETAG_SIZE], date[HTTP_DATE_SIZE];
	int			 status, validators, no_store, refuse = 0;
	size_t			 i;

	status = rs->status == 0 ? 200 : rs->status;
	ctype = rs->ctype != NULL ? rs->ctype : "text/html; charset=utf-8";
	location = rs->location;
	no_store = rs->no_store;

	/*
	 * A value we cannot send safely means a bug upstream (a redirect
	 * built from request data, say): answer a bare 500 rather than send
	 * a header that is not what the handler meant.  304 is ours to
	 * decide, or http_not_modified()'s on the handler's behalf, never
	 * the handler's alone.
	 */
	if (status < 200 || status > 599 ||
	    (status == 304 && !rs->not_modified)) {
		log_warnx("refusing status %d", status);
		refuse = 1;
	}
	if (rs->not_modified && status != 304) {
		log_warnx("refusing a not-modified answer with status %d",
		    status);
		refuse = 1;
	}
	if (rs->etag != NULL && !etag_ok(rs->etag)) {
		log_warnx("refusing an ETag that is not one quoted tag");
		refuse = 1;
	}
	if (location != NULL && !http_header_value_ok(location)) {
		log_warnx("refusing Location with control characters");
		refuse = 1;
	}
	if (!http_header_value_ok(ctype)) {
		log_warnx("refusing Content-Type with control characters");
		refuse = 1;
	}
	for (i = 0; i < rs->set_cookiec && i < RESP_COOKIES_MAX; i++)
		if (rs->set_cookie[i] == NULL ||
		    !http_header_value_ok(rs->set_cookie[i])) {
			log_warnx("refusing a Set-Cookie with control "
			    "characters");
			refuse = 1;
		}
	if (rs->csp != NULL && !http_header_value_ok(rs->csp)) {
		log_warnx("refusing a CSP with control characters");
		refuse = 1;
	}
	if (refuse) {
		status = 500;
		ctype = "text/plain; charset=utf-8";
		location = NULL;
		refused.buf = refused_text;
		refused.len = refused.cap = sizeof(refused_text) - 1;
		body = &refused;
	}
	/* Server errors are passing states: never cache them. */
	if (status >= 500)
		no_store = 1;

	/*
	 * Validators and conditional GET belong to successful pages only
	 * (and to the 304 http_not_modified() decided, which repeats them).
	 * A handler that knows its ETag without the body gave it; else it is
	 * the hash of the body.
	 */
	validators = status == 200 || status == 304;
	tag = etag;
	if (validators && rs->etag != NULL)
		tag = rs->etag;
	else if (validators)
		etag_compute(body, etag);
	if (status == 200 && not_modified(r, tag))
		status = 304;

	out_lit(wire, "Status: ");
	put_num(wire, status);
	out_lit(wire, " ");
	out_str(wire, http_status_text(status));
	out_lit(wire, "\r\n");
	if (status != 304) {
		out_lit(wire, "Content-Type: ");
		out_str(wire, ctype);
		out_lit(wire, "\r\nContent-Length: ");
		put_num(wire, body != NULL ? (long long)body->len : 0);
		out_lit(wire, "\r\n");
	}
	if (validators) {
		out_lit(wire, "ETag: ");
		out_str(wire, tag);
		out_lit(wire, "\r\n");
		if (rs->lastmod != 0) {
			http_date_format(rs->lastmod, date, sizeof(date));
			out_lit(wire, "Last-Modified: ");
			out_str(wire, date);
			out_lit(wire, "\r\n");
		}
	}
	if (no_store)
		out_lit(wire, "Cache-Control: no-store\r\n");
	else if (rs->max_age > 0) {
		out_lit(wire, "Cache-Control: public, max-age=");
		put_num(wire, rs->max_age);
		out_lit(wire, "\r\n");
	} else
		out_lit(wire, "Cache-Control: no-cache\r\n");
	if (location != NULL) {
		out_lit(wire, "Location: ");
		out_str(wire, location);
		out_lit(wire, "\r\n");
	}
	if (rs->retry_after > 0) {
		out_lit(wire, "Retry-After: ");
		put_num(wire, rs->retry_after);
		out_lit(wire, "\r\n");
	}
	if (status == 405) {
		out_lit(wire, "Allow: ");
		out_str(wire, rs->allow != NULL && !refuse &&
		    http_header_value_ok(rs->allow) ? rs->allow : "GET, HEAD");
		out_lit(wire, "\r\n");
	}
	for (i = 0; !refuse && i < rs->set_cookiec &&
	    i < RESP_COOKIES_MAX; i++) {
		out_lit(wire, "Set-Cookie: ");
		out_str(wire, rs->set_cookie[i]);
		out_lit(wire, "\r\n");
	}
	out_lit(wire, "Content-Security-Policy: ");
	out_str(wire, rs->csp != NULL && !refuse ? rs->csp :
	    "default-src 'self'; "
	    "img-src 'self' data:; style-src 'self'; script-src 'none'; "
	    "object-src 'none'; base-uri 'none'; form-action 'self'; "
	    "frame-ancestors 'none'");
	out_lit(wire, "\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: strict-origin-when-cross-origin\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "\r\n");
	if (status != 304 && r->method != METHOD_HEAD && body != NULL)
		out_bytes(wire, body->buf, body->len);
	return status;
}
