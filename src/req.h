/*
 * Request parsing: CGI/FastCGI parameters -> struct req.  Everything from
 * the client is untrusted: paths and values are percent-decoded, checked to
 * be valid UTF-8 without NUL or C0 controls, and bounded in length.
 */
#ifndef REQ_H
#define REQ_H

#include <stddef.h>

#include "broadside.h"

#define REQ_PATH_MAX	1024	/* longest decoded path we accept */
#define REQ_QUERY_MAX	4096	/* longest raw query string */
#define REQ_PARAM_MAX	64	/* most query parameters or cookies */
#define REQ_HEADER_MAX	8192	/* longest header value we look at */

/*
 * Fills r from a CGI environment (NAME=value strings, NULL-terminated, as
 * FCGX_Accept_r gives them).  All memory comes from the arena.  Returns 0,
 * or an HTTP status: 400 (malformed escape, bad UTF-8, NUL, control
 * character), 414 (path or query too long), 405 (unknown method; r->method
 * is METHOD__MAX), with the reason logged.
 */
int		 req_parse(struct req *r, struct arena *, char **envp);
/*
 * Decodes an application/x-www-form-urlencoded string (query or body) into
 * an array of pairs.  Returns 0 or 400 (bad escape, bad UTF-8, control
 * characters, too many pairs).
 */
int		 req_parse_urlencoded(struct arena *, const char *, size_t len,
		    struct kv **, size_t *);
/* Like req_parse_urlencoded() for a form body of at most max pairs. */
int		 req_parse_form(struct arena *, const char *, size_t len,
		    size_t max, struct kv **, size_t *);
/* Parses a Cookie header value.  Returns 0 or 400. */
int		 req_parse_cookies(struct arena *, const char *,
		    struct kv **, size_t *);
/*
 * Percent-decodes len bytes into a new arena string.  '+' becomes a space
 * only if plus_is_space.  Returns NULL on a malformed escape, invalid
 * UTF-8, NUL or a C0 control other than tab, CR and LF (in paths: none).
 */
char		*req_decode(struct arena *, const char *, size_t len,
		    int plus_is_space, int allow_newlines);
/* Returns the first value of a query parameter, or NULL. */
const char	*req_query_get(const struct req *, const char *key);
/* Returns the first value of a cookie, or NULL. */
const char	*req_cookie_get(const struct req *, const char *key);

#endif /* !REQ_H */
