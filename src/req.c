/*
 * Request parsing: the CGI/FastCGI parameters of one request -> struct req.
 *
 * This module owns every decision about what untrusted input is accepted:
 * the path is percent-decoded exactly once and must be well-formed UTF-8
 * without NUL, control characters or ".." segments; query strings and
 * cookies are split into bounded arrays of decoded pairs.  All memory
 * comes from the request's arena.  It must not route, touch the database
 * or write output, and it never calls FCGX_* itself: fcgi.c hands it the
 * environment array.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "log.h"
#include "req.h"
#include "util.h"
#include "valid.h"

/* Most parameters we look through in one environment. */
#define REQ_ENV_MAX	1024

/* Method names as sent on the request line (case-sensitive). */
static const char *const methods[METHOD__MAX] = {
	"GET",		/* METHOD_GET */
	"HEAD",		/* METHOD_HEAD */
	"POST",		/* METHOD_POST */
	"PUT",		/* METHOD_PUT */
	"DELETE",	/* METHOD_DELETE */
	"OPTIONS",	/* METHOD_OPTIONS */
};

/* The CGI parameters we read; anything else in envp is ignored. */
enum	param {
	PARAM_REQUEST_METHOD,
	PARAM_REQUEST_URI,
	PARAM_SCRIPT_NAME,
	PARAM_PATH_INFO,
	PARAM_QUERY_STRING,
	PARAM_HTTP_COOKIE,
	PARAM_HTTP_IF_NONE_MATCH,
	PARAM_HTTP_IF_MODIFIED_SINCE,
	PARAM_HTTP_ORIGIN,
	PARAM_HTTP_REFERER,
	PARAM_REMOTE_ADDR,
	PARAM_CONTENT_TYPE,
	PARAM_CONTENT_LENGTH,
	PARAM_HTTP_USER_AGENT,
	PARAM__MAX
};

static const char *const params[PARAM__MAX] = {
	"REQUEST_METHOD",		/* PARAM_REQUEST_METHOD */
	"REQUEST_URI",			/* PARAM_REQUEST_URI */
	"SCRIPT_NAME",			/* PARAM_SCRIPT_NAME */
	"PATH_INFO",			/* PARAM_PATH_INFO */
	"QUERY_STRING",			/* PARAM_QUERY_STRING */
	"HTTP_COOKIE",			/* PARAM_HTTP_COOKIE */
	"HTTP_IF_NONE_MATCH",		/* PARAM_HTTP_IF_NONE_MATCH */
	"HTTP_IF_MODIFIED_SINCE",	/* PARAM_HTTP_IF_MODIFIED_SINCE */
	"HTTP_ORIGIN",			/* PARAM_HTTP_ORIGIN */
	"HTTP_REFERER",			/* PARAM_HTTP_REFERER */
	"REMOTE_ADDR",			/* PARAM_REMOTE_ADDR */
	"CONTENT_TYPE",			/* PARAM_CONTENT_TYPE */
	"CONTENT_LENGTH",		/* PARAM_CONTENT_LENGTH */
	"HTTP_USER_AGENT",		/* PARAM_HTTP_USER_AGENT */
};

/* Returns the value of a hex digit, or -1. */
static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Percent-decodes len bytes of s into a new arena string *out.  Returns
 * NULL on success, or a short reason for the log.  Checks run on the
 * decoded bytes, so "%00", "%0A" and "%C0%AF" are caught as surely as the
 * raw bytes would be.  In paths (!allow_newlines) no control is allowed
 * at all; in values tab, LF and CR are (text areas send CR LF).
 */
static const char *
decode(struct arena *a, const char *s, size_t len, int plus_is_space,
    int allow_newlines, char **out)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*d;
	size_t			 i, j;
	int			 hi, lo;
	unsigned char		 c;

	*out = NULL;
	if (len == SIZE_MAX)
		return "too long";
	/* Decoding never makes a string longer. */
	d = arena_alloc(a, len + 1);
	for (i = j = 0; i < len; i++) {
		c = p[i];
		if (c == '%') {
			if (len - i < 3 || (hi = hexval(p[i + 1])) < 0 ||
			    (lo = hexval(p[i + 2])) < 0)
				return "malformed percent escape";
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_is_space)
			c = ' ';
		if (c == '\0')
			return "NUL byte";
		if (c < 0x20 && !(allow_newlines &&
		    (c == '\t' || c == '\n' || c == '\r')))
			return "control character";
		d[j++] = (char)c;
	}
	d[j] = '\0';
	if (!valid_utf8(d, j))
		return "invalid UTF-8";
	*out = d;
	return NULL;
}

char *
req_decode(struct arena *a, const char *s, size_t len, int plus_is_space,
    int allow_newlines)
{
	char	*d;

	if (decode(a, s, len, plus_is_space, allow_newlines, &d) != NULL)
		return NULL;
	return d;
}

int
req_parse_urlencoded(struct arena *a, const char *s, size_t len,
    struct kv **kvp, size_t *kvc)
{
	return req_parse_form(a, s, len, REQ_PARAM_MAX, kvp, kvc);
}

int
req_parse_form(struct arena *a, const char *s, size_t len, size_t max,
    struct kv **kvp, size_t *kvc)
{
	struct kv	*kv;
	const char	*pair, *amp, *eq, *why;
	char		*key, *val;
	size_t		 n = 0, off, plen, klen;
	int		 rc = 400;

	*kvp = NULL;
	*kvc = 0;
	kv = arena_calloc(a, max, sizeof(*kv));
	for (off = 0; off < len; off += plen + 1) {
		pair = s + off;
		plen = len - off;
		if ((amp = memchr(pair, '&', plen)) != NULL)
			plen = (size_t)(amp - pair);
		/* "a&&b", a trailing '&' and "=x" carry nothing. */
		if (plen == 0 || pair[0] == '=')
			continue;
		if (n == max) {
			log_warnx("more than %zu parameters", max);
			goto out;
		}
		eq = memchr(pair, '=', plen);
		klen = eq != NULL ? (size_t)(eq - pair) : plen;
		/* Keys are names: no controls of any kind. */
		if ((why = decode(a, pair, klen, 1, 0, &key)) != NULL) {
			log_warnx("parameter name: %s", why);
			goto out;
		}
		if (eq == NULL)
			val = arena_strdup(a, "");
		else if ((why = decode(a, eq + 1, plen - klen - 1, 1, 1,
		    &val)) != NULL) {
			log_warnx("parameter \"%s\": %s", key, why);
			goto out;
		}
		kv[n].key = key;
		kv[n].val = val;
		n++;
	}
	*kvp = kv;
	*kvc = n;
	rc = 0;
out:
	return rc;
}

/* Returns 1 for the optional whitespace around cookie pairs. */
static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

int
req_parse_cookies(struct arena *a, const char *s, struct kv **kvp,
    size_t *kvc)
{
	struct kv	*kv;
	const char	*p, *name, *val, *end;
	size_t		 n = 0, namelen, vallen, len;
	int		 rc = 400;

	*kvp = NULL;
	*kvc = 0;
	len = strlen(s);
	if (!valid_utf8(s, len)) {
		log_warnx("cookie header: invalid UTF-8");
		goto out;
	}
	/* Controls are checked on the whole header: none belong in it. */
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t') {
			log_warnx("cookie header: control character");
			goto out;
		}
	kv = arena_calloc(a, REQ_PARAM_MAX, sizeof(*kv));

	/*
	 * RFC 6265 section 5.2, leniently: pairs separated by ';', spaces
	 * around names and values ignored, a value in double quotes
	 * unquoted, pieces without '=' or with an empty name skipped.
	 * Values are not percent-decoded: RFC 6265 defines no encoding,
	 * our own cookies are plain tokens, and decoding someone else's
	 * "50%off" must not cost the reader the page.
	 */
	for (p = s; *p != '\0'; p = *end == ';' ? end + 1 : end) {
		end = p + strcspn(p, ";");
		while (p < end && is_ows(*p))
			p++;
		name = p;
		while (p < end && *p != '=')
			p++;
		if (p == end)
			continue;
		namelen = (size_t)(p - name);
		while (namelen > 0 && is_ows(name[namelen - 1]))
			namelen--;
		if (namelen == 0)
			continue;
		val = p + 1;
		while (val < end && is_ows(*val))
			val++;
		vallen = (size_t)(end - val);
		while (vallen > 0 && is_ows(val[vallen - 1]))
			vallen--;
		if (vallen >= 2 && val[0] == '"' && val[vallen - 1] == '"') {
			val++;
			vallen -= 2;
		}
		if (n == REQ_PARAM_MAX) {
			log_warnx("more than %d cookies", REQ_PARAM_MAX);
			goto out;
		}
		kv[n].key = arena_strndup(a, name, namelen);
		kv[n].val = arena_strndup(a, val, vallen);
		n++;
	}

	*kvp = kv;
	*kvc = n;
	rc = 0;
out:
	return rc;
}

/*
 * Returns the request path from REQUEST_URI: the query cut off, the
 * scheme and authority of an absolute-form target ("GET http://host/p")
 * skipped.  Sets *len.  Returns NULL if there is no usable path.
 */
static const char *
uri_path(const char *uri, size_t *len)
{
	const char	*p;

	if (strncmp(uri, "http://", 7) == 0 ||
	    strncmp(uri, "https://", 8) == 0) {
		p = strstr(uri, "://") + 3;
		p += strcspn(p, "/?#");
		if (*p != '/') {
			/* "http://host" or "http://host?q": the root. */
			*len = 1;
			return "/";
		}
		uri = p;
	}
	*len = strcspn(uri, "?#");
	return uri;
}

/*
 * Checks a decoded path: absolute, no controls or DEL, no "." or ".."
 * segment.  nginx resolves dot segments in $uri but passes REQUEST_URI
 * as sent, so "/en/../x" reaches us; no URL of ours contains one, and
 * refusing them keeps every page at one address.  Returns NULL or the
 * reason.
 */
static const char *
path_check(const char *path)
{
	const char	*p, *seg;
	size_t		 seglen;

	if (path[0] != '/')
		return "path does not start with '/'";
	for (p = path; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "control character in path";
	for (seg = path + 1; ; seg += seglen + 1) {
		seglen = strcspn(seg, "/");
		if ((seglen == 1 && seg[0] == '.') ||
		    (seglen == 2 && seg[0] == '.' && seg[1] == '.'))
			return "dot segment in path";
		if (seg[seglen] == '\0')
			break;
	}
	return NULL;
}

/* Returns a copy of a header value, or NULL if it is absent or too long. */
static const char *
header(struct arena *a, const char *name, const char *v)
{
	if (v == NULL)
		return NULL;
	if (strlen(v) > REQ_HEADER_MAX) {
		log_warnx("%s longer than %d bytes: ignored", name,
		    REQ_HEADER_MAX);
		return NULL;
	}
	return arena_strdup(a, v);
}

int
req_parse(struct req *r, struct arena *a, char **envp)
{
	const struct site *site = r->site;
	const char	*v[PARAM__MAX], *raw, *why, *q;
	char		*path;
	size_t		 i, len, namelen;
	long long	 cl;
	enum param	 p;
	int		 rc = 400;

	/* Nothing survives from the previous request but the site. */
	memset(r, 0, sizeof(*r));
	r->site = site;
	r->arena = a;
	r->method = METHOD__MAX;
	r->kind = KIND__MAX;
	r->pageno = 1;
	r->resp.status = 200;

	for (p = 0; p < PARAM__MAX; p++)
		v[p] = NULL;
	for (i = 0; envp != NULL && envp[i] != NULL; i++) {
		if (i == REQ_ENV_MAX) {
			log_warnx("more than %d parameters", REQ_ENV_MAX);
			goto out;
		}
		for (p = 0; p < PARAM__MAX; p++) {
			namelen = strlen(params[p]);
			if (strncmp(envp[i], params[p], namelen) == 0 &&
			    envp[i][namelen] == '=') {
				/* The first one counts, as with getenv(). */
				if (v[p] == NULL)
					v[p] = envp[i] + namelen + 1;
				break;
			}
		}
	}

	/* Method first: an unknown one says nothing about the rest. */
	if (v[PARAM_REQUEST_METHOD] != NULL)
		for (r->method = 0; r->method < METHOD__MAX; r->method++)
			if (strcmp(v[PARAM_REQUEST_METHOD],
			    methods[r->method]) == 0)
				break;
	if (r->method == METHOD__MAX) {
		log_warnx("unknown method \"%.32s\"",
		    v[PARAM_REQUEST_METHOD] != NULL ?
		    v[PARAM_REQUEST_METHOD] : "(none)");
		rc = 405;
		goto out;
	}

	/*
	 * Path.  REQUEST_URI is what the client sent, under nginx and
	 * Apache alike, whereas SCRIPT_NAME and PATH_INFO are split (and
	 * decoded) differently by each server and each configuration.  Only
	 * without REQUEST_URI (plain CGI from a test or a script) do we
	 * join SCRIPT_NAME and PATH_INFO, which are already decoded.
	 */
	if (v[PARAM_REQUEST_URI] != NULL) {
		raw = uri_path(v[PARAM_REQUEST_URI], &len);
		if (len > 3 * REQ_PATH_MAX) {
			log_warnx("path longer than %d bytes",
			    3 * REQ_PATH_MAX);
			rc = 414;
			goto out;
		}
		/*
		 * An encoded '/' would make "/en%2Fnews/" another name of
		 * "/en/news/" once decoded; no URL of ours has one.
		 */
		for (i = 0; i + 2 < len; i++)
			if (raw[i] == '%' && raw[i + 1] == '2' &&
			    (raw[i + 2] == 'f' || raw[i + 2] == 'F')) {
				log_warnx("bad path: encoded slash");
				goto out;
			}
		if ((why = decode(a, raw, len, 0, 0, &path)) != NULL) {
			log_warnx("bad path: %s", why);
			goto out;
		}
	} else {
		path = arena_printf(a, "%s%s",
		    v[PARAM_SCRIPT_NAME] != NULL ? v[PARAM_SCRIPT_NAME] : "",
		    v[PARAM_PATH_INFO] != NULL ? v[PARAM_PATH_INFO] : "");
		if (path[0] == '\0')
			path = arena_strdup(a, "/");
		if (!valid_utf8(path, strlen(path))) {
			log_warnx("bad path: invalid UTF-8");
			goto out;
		}
	}
	if (strlen(path) > REQ_PATH_MAX) {
		log_warnx("path longer than %d bytes", REQ_PATH_MAX);
		rc = 414;
		goto out;
	}
	if ((why = path_check(path)) != NULL) {
		log_warnx("bad path: %s", why);
		goto out;
	}
	r->path = path;

	/* Query: QUERY_STRING, else whatever follows '?' in REQUEST_URI. */
	q = v[PARAM_QUERY_STRING];
	if (q == NULL && v[PARAM_REQUEST_URI] != NULL &&
	    (q = strchr(v[PARAM_REQUEST_URI], '?')) != NULL) {
		q++;
		len = strcspn(q, "#");
		q = arena_strndup(a, q, len);
	}
	if (q == NULL)
		q = "";
	if ((len = strlen(q)) > REQ_QUERY_MAX) {
		log_warnx("query longer than %d bytes", REQ_QUERY_MAX);
		rc = 414;
		goto out;
	}
	r->query_string = arena_strndup(a, q, len);
	if (req_parse_urlencoded(a, r->query_string, len, &r->query,
	    &r->queryc) != 0)
		goto out;

	/*
	 * A cookie we cannot parse is dropped, not refused: any program on
	 * the same host can set one, and no public page depends on cookies.
	 * The admin then simply finds no session.
	 */
	if ((q = header(a, params[PARAM_HTTP_COOKIE],
	    v[PARAM_HTTP_COOKIE])) != NULL &&
	    req_parse_cookies(a, q, &r->cookies, &r->cookiec) != 0) {
		r->cookies = NULL;
		r->cookiec = 0;
	}

	r->if_none_match = header(a, params[PARAM_HTTP_IF_NONE_MATCH],
	    v[PARAM_HTTP_IF_NONE_MATCH]);
	r->if_modified_since = header(a,
	    params[PARAM_HTTP_IF_MODIFIED_SINCE],
	    v[PARAM_HTTP_IF_MODIFIED_SINCE]);
	r->origin = header(a, params[PARAM_HTTP_ORIGIN],
	    v[PARAM_HTTP_ORIGIN]);
	r->referer = header(a, params[PARAM_HTTP_REFERER],
	    v[PARAM_HTTP_REFERER]);
	r->remote_addr = header(a, params[PARAM_REMOTE_ADDR],
	    v[PARAM_REMOTE_ADDR]);
	r->content_type = header(a, params[PARAM_CONTENT_TYPE],
	    v[PARAM_CONTENT_TYPE]);
	r->user_agent = header(a, params[PARAM_HTTP_USER_AGENT],
	    v[PARAM_HTTP_USER_AGENT]);

	/* nginx passes an empty CONTENT_LENGTH when there is no body. */
	if (v[PARAM_CONTENT_LENGTH] != NULL &&
	    v[PARAM_CONTENT_LENGTH][0] != '\0') {
		if (util_strtonum(v[PARAM_CONTENT_LENGTH], 0,
		    SIZE_MAX < INT64_MAX ? (long long)SIZE_MAX : INT64_MAX,
		    &cl) == -1) {
			log_warnx("bad CONTENT_LENGTH");
			goto out;
		}
		r->content_length = (size_t)cl;
	}
	rc = 0;
out:
	return rc;
}

const char *
req_query_get(const struct req *r, const char *key)
{
	size_t	 i;

	for (i = 0; i < r->queryc; i++)
		if (strcmp(r->query[i].key, key) == 0)
			return r->query[i].val;
	return NULL;
}

const char *
req_cookie_get(const struct req *r, const char *key)
{
	size_t	 i;

	for (i = 0; i < r->cookiec; i++)
		if (strcmp(r->cookies[i].key, key) == 0)
			return r->cookies[i].val;
	return NULL;
}
