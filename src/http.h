/*
 * HTTP responses: status line, headers, validators, conditional GET.
 * Output is CGI-style ("Status: 200 OK", headers, blank line, body).
 */
#ifndef HTTP_H
#define HTTP_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"

struct	out;

/* Returns the reason phrase of a status code ("Not Found"). */
const char	*http_status_text(int status);
/*
 * Writes the complete response for r into wire: headers derived from
 * r->resp, an ETag computed from the body bytes (a strong validator,
 * quoted hex), Last-Modified from r->resp.lastmod, Content-Length, the
 * security headers, then the body, unless the method is HEAD or the
 * request's If-None-Match / If-Modified-Since make it a 304 (which repeats
 * the validators and has no body).  Returns the status actually sent.
 */
int		 http_finish(const struct req *r, const struct out *body,
		    struct out *wire);
/*
 * Weak comparison of an If-None-Match header value against our ETag
 * (quoted): handles lists, "*", W/ prefixes and the -gzip / -br suffixes
 * that Apache's mod_deflate and mod_brotli append.  Returns 1 on a match.
 */
int		 http_etag_match(const char *if_none_match, const char *etag);
/* Parses an HTTP-date (RFC 9110, three formats); returns -1 if invalid. */
time_t		 http_date_parse(const char *);
/* Formats an IMF-fixdate into buf (at least 30 bytes). */
void		 http_date_format(time_t, char *buf, size_t size);
/* Returns 1 if s is safe in a header value (no CR, LF, NUL, controls). */
int		 http_header_value_ok(const char *s);

#endif /* !HTTP_H */
