/*
 * HTTP responses: status line, headers, validators, conditional GET.
 * Output is CGI-style ("Status: 200 OK", headers, blank line, body).
 */
#ifndef HTTP_H
#define HTTP_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"

struct	arena;
struct	out;

/* Returns the reason phrase of a status code ("Not Found"). */
const char	*http_status_text(int status);
/*
 * Writes the complete response for r into wire: headers derived from
 * r->resp, the ETag (r->resp.etag if the handler set one, else computed
 * from the body bytes: a strong validator, quoted hex), Last-Modified from
 * r->resp.lastmod, Content-Length, the security headers, then the body,
 * unless the method is HEAD or the request's If-None-Match /
 * If-Modified-Since make it a 304 (which repeats the validators and
 * Cache-Control and has no body).  A handler's 304 is sent only if
 * http_not_modified() set it; any other 304, or an ETag that is not one
 * quoted opaque tag, is refused with a bare 500.  Returns the status
 * actually sent.
 */
int		 http_finish(const struct req *r, const struct out *body,
		    struct out *wire);
/*
 * Weak comparison of an If-None-Match header value against our ETag
 * (quoted): handles lists, "*", W/ prefixes and the -gzip / -br suffixes
 * that Apache's mod_deflate and mod_brotli append.  Returns 1 on a match.
 */
int		 http_etag_match(const char *if_none_match, const char *etag);
/*
 * Conditional GET decided before the body exists.  Sets r->resp.etag to
 * etag (a quoted strong ETag, e.g. from http_etag_make(), which must
 * outlive the response) and r->resp.lastmod to lastmod (0: none).  If the
 * request is a GET or HEAD whose If-None-Match (which, when present,
 * decides alone) or If-Modified-Since matches them, also sets
 * r->resp.status to 304 and r->resp.not_modified, and returns 1: the
 * handler then returns 0 without writing a body, and http_finish() sends
 * the bodiless 304 with the validators and Cache-Control (so set
 * r->resp.max_age first).  Otherwise returns 0 and the handler writes
 * the body as usual; http_finish() then sends etag rather than a hash of
 * the body.
 */
int		 http_not_modified(struct req *r, const char *etag,
		    time_t lastmod);
/*
 * Returns a strong ETag for the len bytes at data, in the arena: the
 * quoted hex of their 128-bit BLAKE2b, the same form http_finish() uses
 * for bodies.  Handlers hash what their representation depends on (their
 * validators) rather than the representation itself.
 */
const char	*http_etag_make(struct arena *, const void *data, size_t len);
/* Parses an HTTP-date (RFC 9110, three formats); returns -1 if invalid. */
time_t		 http_date_parse(const char *);
/* Formats an IMF-fixdate into buf (at least 30 bytes). */
void		 http_date_format(time_t, char *buf, size_t size);
/* Returns 1 if s is safe in a header value (no CR, LF, NUL, controls). */
int		 http_header_value_ok(const char *s);

#endif /* !HTTP_H */
