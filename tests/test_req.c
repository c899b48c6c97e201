/*
 * Unit tests of request parsing: path decoding and its refusals (bad
 * escapes, NUL, bad UTF-8, controls, dot segments, length limits), query
 * strings, cookies, headers and methods.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "check.h"
#include "req.h"

int	main(void);

static struct arena	*a;

/* Parses a string literal as urlencoded pairs. */
#define URLENC(s, kv, n)	req_parse_urlencoded(a, (s), sizeof(s) - 1, \
			    (kv), (n))

/* Parses a request from a GET with the given REQUEST_URI. */
static int
parse_uri(struct req *r, const char *method, const char *uri)
{
	char	 m[64], u[16384];
	char	*envp[] = { m, u, NULL };

	snprintf(m, sizeof(m), "REQUEST_METHOD=%s", method);
	snprintf(u, sizeof(u), "REQUEST_URI=%s", uri);
	return req_parse(r, a, envp);
}

/* Returns the decoded path of a GET, or the status as a string. */
static const char *
path_of(const char *uri)
{
	struct req	 r;
	int		 rc;

	if ((rc = parse_uri(&r, "GET", uri)) != 0)
		return arena_printf(a, "%d", rc);
	return r.path;
}

static void
test_path(void)
{
	char		 big[4 * REQ_PATH_MAX];
	size_t		 i;

	CHECK_STR(path_of("/"), "/");
	CHECK_STR(path_of("/en/news/"), "/en/news/");
	CHECK_STR(path_of("/en/news/x?page=2"), "/en/news/x");
	CHECK_STR(path_of("/en/news/x#frag"), "/en/news/x");
	CHECK_STR(path_of("/a%20b"), "/a b");
	CHECK_STR(path_of("/a+b"), "/a+b");		/* '+' is literal */
	CHECK_STR(path_of("/caf%C3%A9"), "/caf\xc3\xa9");
	CHECK_STR(path_of("/caf%c3%a9"), "/caf\xc3\xa9");
	CHECK_STR(path_of("/caf\xc3\xa9"), "/caf\xc3\xa9");
	CHECK_STR(path_of("/%25"), "/%");		/* decoded once */
	CHECK_STR(path_of("/%2525"), "/%25");
	CHECK_STR(path_of("http://example.org/en/?x"), "/en/");
	CHECK_STR(path_of("https://example.org"), "/");
	CHECK_STR(path_of("/a.b/.c/..d/"), "/a.b/.c/..d/");

	/* Malformed escapes. */
	CHECK_STR(path_of("/%"), "400");
	CHECK_STR(path_of("/%2"), "400");
	CHECK_STR(path_of("/%zz"), "400");
	CHECK_STR(path_of("/%g0"), "400");
	CHECK_STR(path_of("/a%"), "400");
	CHECK_STR(path_of("/%%41"), "400");
	/* NUL and controls. */
	CHECK_STR(path_of("/a%00b"), "400");
	CHECK_STR(path_of("/%00"), "400");
	CHECK_STR(path_of("/a%0ab"), "400");
	CHECK_STR(path_of("/a%0Db"), "400");
	CHECK_STR(path_of("/a%09b"), "400");
	CHECK_STR(path_of("/a%1bb"), "400");
	CHECK_STR(path_of("/a%7fb"), "400");
	CHECK_STR(path_of("/a\x01"), "400");
	/* Bad UTF-8: raw and escaped, overlong, surrogate, too high. */
	CHECK_STR(path_of("/%ff"), "400");
	CHECK_STR(path_of("/\xff"), "400");
	CHECK_STR(path_of("/%C3"), "400");
	CHECK_STR(path_of("/%C0%AF"), "400");		/* overlong '/' */
	CHECK_STR(path_of("/%C0%AE%C0%AE/"), "400");	/* overlong ".." */
	CHECK_STR(path_of("/%E0%80%AF"), "400");
	CHECK_STR(path_of("/%ED%A0%80"), "400");	/* U+D800 */
	CHECK_STR(path_of("/%F4%90%80%80"), "400");	/* U+110000 */
	CHECK_STR(path_of("/%80"), "400");
	/* Dot segments, raw and escaped; encoded slashes. */
	CHECK_STR(path_of("/en/../etc/passwd"), "400");
	CHECK_STR(path_of("/.."), "400");
	CHECK_STR(path_of("/en/.."), "400");
	CHECK_STR(path_of("/en/./news/"), "400");
	CHECK_STR(path_of("/%2e%2e/x"), "400");
	CHECK_STR(path_of("/.%2E/x"), "400");
	CHECK_STR(path_of("/en%2fnews/"), "400");
	CHECK_STR(path_of("/en%2Fnews/"), "400");
	/* Not a path at all. */
	CHECK_STR(path_of(""), "400");
	CHECK_STR(path_of("*"), "400");
	CHECK_STR(path_of("en/news/"), "400");

	/* Length: the decoded path counts, and raw bloat is cut early. */
	big[0] = '/';
	for (i = 1; i < REQ_PATH_MAX; i++)
		big[i] = 'a';
	big[REQ_PATH_MAX] = '\0';
	CHECK(strlen(path_of(big)) == REQ_PATH_MAX);
	big[REQ_PATH_MAX] = 'a';
	big[REQ_PATH_MAX + 1] = '\0';
	CHECK_STR(path_of(big), "414");
	for (i = 1; i + 3 <= sizeof(big) - 1; i += 3)
		memcpy(big + i, "%41", 3);
	big[i] = '\0';
	CHECK_STR(path_of(big), "414");
	/* 1024 escapes decode to 1024 bytes: still fine. */
	for (i = 0; i < REQ_PATH_MAX - 1; i++)
		memcpy(big + 1 + 3 * i, "%41", 3);
	big[1 + 3 * i] = '\0';
	CHECK(strlen(path_of(big)) == REQ_PATH_MAX);
}

static void
test_path_fallback(void)
{
	struct req	 r;
	char		*e1[] = { "REQUEST_METHOD=GET", "SCRIPT_NAME=",
	    "PATH_INFO=/en/news/", NULL };
	char		*e2[] = { "REQUEST_METHOD=GET",
	    "SCRIPT_NAME=/en/news/a b", NULL };
	char		*e3[] = { "REQUEST_METHOD=GET", NULL };
	char		*e4[] = { "REQUEST_METHOD=GET",
	    "PATH_INFO=/en/../x", NULL };
	char		*e5[] = { "REQUEST_METHOD=GET",
	    "PATH_INFO=/\xc0\xaf", NULL };
	char		*e6[] = { "REQUEST_METHOD=GET", "SCRIPT_NAME=/en",
	    "PATH_INFO=/news/", "REQUEST_URI=/fr/?page=2", NULL };

	CHECK(req_parse(&r, a, e1) == 0);
	CHECK_STR(r.path, "/en/news/");
	/* SCRIPT_NAME and PATH_INFO come decoded: no second decoding. */
	CHECK(req_parse(&r, a, e2) == 0);
	CHECK_STR(r.path, "/en/news/a b");
	CHECK(req_parse(&r, a, e3) == 0);
	CHECK_STR(r.path, "/");
	CHECK(req_parse(&r, a, e4) == 400);
	CHECK(req_parse(&r, a, e5) == 400);
	/* REQUEST_URI wins, and its query is used without QUERY_STRING. */
	CHECK(req_parse(&r, a, e6) == 0);
	CHECK_STR(r.path, "/fr/");
	CHECK_STR(r.query_string, "page=2");
	CHECK_STR(req_query_get(&r, "page"), "2");
}

static void
test_query(void)
{
	struct req	 r;
	struct kv	*kv;
	size_t		 n, i;
	char		 big[REQ_QUERY_MAX + 2];
	char		 q[REQ_QUERY_MAX + 32];
	char		*envp[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/x",
	    q, NULL };

	CHECK(URLENC("a=1&b=two+words&c=%26%3D&a=2",
	    &kv, &n) == 0);
	CHECK(n == 4);
	CHECK_STR(kv[0].key, "a");
	CHECK_STR(kv[0].val, "1");
	CHECK_STR(kv[1].val, "two words");
	CHECK_STR(kv[2].val, "&=");
	CHECK_STR(kv[3].key, "a");
	CHECK_STR(kv[3].val, "2");

	CHECK(URLENC("", &kv, &n) == 0 && n == 0);
	CHECK(URLENC("&&&", &kv, &n) == 0 && n == 0);
	CHECK(URLENC("=x&k", &kv, &n) == 0 && n == 1);
	CHECK_STR(kv[0].key, "k");
	CHECK_STR(kv[0].val, "");
	CHECK(URLENC("k=&j=a=b&", &kv, &n) == 0 &&
	    n == 2);
	CHECK_STR(kv[0].val, "");
	CHECK_STR(kv[1].val, "a=b");
	CHECK(URLENC("q=caf%C3%A9+au+lait", &kv,
	    &n) == 0 && n == 1);
	CHECK_STR(kv[0].val, "caf\xc3\xa9 au lait");
	/* Values may hold newlines (text areas); names may not. */
	CHECK(URLENC("t=a%0D%0Ab%09c", &kv, &n) == 0);
	CHECK_STR(kv[0].val, "a\r\nb\tc");
	CHECK(URLENC("t%0A=1", &kv, &n) == 400);
	/* The length bounds the input: the rest is not read. */
	CHECK(req_parse_urlencoded(a, "a=1&b=%zz", 3, &kv, &n) == 0 &&
	    n == 1);

	CHECK(URLENC("a=%", &kv, &n) == 400);
	CHECK(URLENC("a=%4", &kv, &n) == 400);
	CHECK(URLENC("a=%00", &kv, &n) == 400);
	CHECK(URLENC("a=%01", &kv, &n) == 400);
	CHECK(URLENC("a=%ff", &kv, &n) == 400);
	CHECK(URLENC("a=%C0%80", &kv, &n) == 400);
	CHECK(URLENC("a=%ED%BF%BF", &kv, &n) == 400);
	CHECK(URLENC("a=b\0c", &kv, &n) == 400);
	CHECK(URLENC("%=1", &kv, &n) == 400);

	/* At most REQ_PARAM_MAX pairs. */
	big[0] = '\0';
	for (i = 0; i < REQ_PARAM_MAX; i++)
		memcpy(big + 2 * i, "a&", 2);
	CHECK(req_parse_urlencoded(a, big, 2 * REQ_PARAM_MAX, &kv, &n) == 0
	    && n == REQ_PARAM_MAX);
	big[2 * REQ_PARAM_MAX] = 'b';
	CHECK(req_parse_urlencoded(a, big, 2 * REQ_PARAM_MAX + 1, &kv,
	    &n) == 400);

	/* Through req_parse, with the raw string kept. */
	snprintf(q, sizeof(q), "QUERY_STRING=q=a+b&page=2&q=c");
	CHECK(req_parse(&r, a, envp) == 0);
	CHECK_STR(r.query_string, "q=a+b&page=2&q=c");
	CHECK(r.queryc == 3);
	CHECK_STR(req_query_get(&r, "q"), "a b");	/* the first */
	CHECK_STR(req_query_get(&r, "page"), "2");
	CHECK(req_query_get(&r, "none") == NULL);
	snprintf(q, sizeof(q), "QUERY_STRING=q=%%E2%%82");
	CHECK(req_parse(&r, a, envp) == 400);
	snprintf(q, sizeof(q), "QUERY_STRING=");
	CHECK(req_parse(&r, a, envp) == 0 && r.queryc == 0);
	CHECK_STR(r.query_string, "");

	/* Length. */
	memcpy(q, "QUERY_STRING=", 13);
	memset(q + 13, 'x', REQ_QUERY_MAX);
	q[13 + REQ_QUERY_MAX] = '\0';
	CHECK(req_parse(&r, a, envp) == 0);
	q[13 + REQ_QUERY_MAX] = 'x';
	q[14 + REQ_QUERY_MAX] = '\0';
	CHECK(req_parse(&r, a, envp) == 414);
}

static void
test_cookies(void)
{
	struct req	 r;
	struct kv	*kv;
	size_t		 n, i;
	char		 big[REQ_PARAM_MAX * 4 + 16];
	char		 c[256];
	char		*envp[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/", c,
	    NULL };

	CHECK(req_parse_cookies(a, "a=1; b=2", &kv, &n) == 0 && n == 2);
	CHECK_STR(kv[0].key, "a");
	CHECK_STR(kv[0].val, "1");
	CHECK_STR(kv[1].key, "b");
	CHECK_STR(kv[1].val, "2");
	/* Spaces, quotes, empty values, stray separators. */
	CHECK(req_parse_cookies(a, "  sid = \"abc\" ;empty=;;q=\"\"; "
	    "noeq; =anon; x=a=b;", &kv, &n) == 0);
	CHECK(n == 4);
	CHECK_STR(kv[0].key, "sid");
	CHECK_STR(kv[0].val, "abc");
	CHECK_STR(kv[1].key, "empty");
	CHECK_STR(kv[1].val, "");
	CHECK_STR(kv[2].key, "q");
	CHECK_STR(kv[2].val, "");
	CHECK_STR(kv[3].key, "x");
	CHECK_STR(kv[3].val, "a=b");
	/* A lone quote stays; no percent-decoding. */
	CHECK(req_parse_cookies(a, "a=\"x; b=50%off", &kv, &n) == 0 &&
	    n == 2);
	CHECK_STR(kv[0].val, "\"x");
	CHECK_STR(kv[1].val, "50%off");
	CHECK(req_parse_cookies(a, "", &kv, &n) == 0 && n == 0);
	CHECK(req_parse_cookies(a, "a=\xff", &kv, &n) == 400);
	CHECK(req_parse_cookies(a, "a=b\r\nX: y", &kv, &n) == 400);

	big[0] = '\0';
	for (i = 0; i < REQ_PARAM_MAX; i++)
		memcpy(big + 4 * i, "a=1;", 4);
	big[4 * REQ_PARAM_MAX] = '\0';
	CHECK(req_parse_cookies(a, big, &kv, &n) == 0 &&
	    n == REQ_PARAM_MAX);
	memcpy(big + 4 * REQ_PARAM_MAX, "b=2", 4);
	CHECK(req_parse_cookies(a, big, &kv, &n) == 400);

	snprintf(c, sizeof(c), "HTTP_COOKIE=sid=s3cr3t; lang=fr");
	CHECK(req_parse(&r, a, envp) == 0);
	CHECK(r.cookiec == 2);
	CHECK_STR(req_cookie_get(&r, "sid"), "s3cr3t");
	CHECK_STR(req_cookie_get(&r, "lang"), "fr");
	CHECK(req_cookie_get(&r, "none") == NULL);
	/* A bad cookie header is dropped, not fatal. */
	snprintf(c, sizeof(c), "HTTP_COOKIE=sid=\xff");
	CHECK(req_parse(&r, a, envp) == 0 && r.cookiec == 0);
	CHECK(req_cookie_get(&r, "sid") == NULL);
}

static void
test_decode(void)
{
	CHECK_STR(req_decode(a, "a+b%20c", 7, 1, 0), "a b c");
	CHECK_STR(req_decode(a, "a+b%20c", 7, 0, 0), "a+b c");
	CHECK_STR(req_decode(a, "%41%42", 6, 0, 0), "AB");
	CHECK_STR(req_decode(a, "", 0, 0, 0), "");
	CHECK_STR(req_decode(a, "a%0Ab", 5, 0, 1), "a\nb");
	CHECK(req_decode(a, "a%0Ab", 5, 0, 0) == NULL);
	CHECK(req_decode(a, "a%00b", 5, 0, 1) == NULL);
	CHECK(req_decode(a, "a%01b", 5, 0, 1) == NULL);
	CHECK(req_decode(a, "%4", 2, 0, 0) == NULL);
	CHECK(req_decode(a, "%41%4", 5, 0, 0) == NULL);
	/* The length is respected: "%41" cut to "%4" is malformed. */
	CHECK(req_decode(a, "%41", 2, 0, 0) == NULL);
	CHECK(req_decode(a, "%C3", 3, 0, 0) == NULL);
	CHECK(req_decode(a, "%C3%A9", 6, 0, 0) != NULL);
}

static void
test_headers(void)
{
	struct req	 r;
	char		 big[REQ_HEADER_MAX + 64];
	char		*envp[] = {
		"REQUEST_METHOD=HEAD",
		"REQUEST_URI=/en/",
		"HTTP_IF_NONE_MATCH=\"abc\"",
		"HTTP_IF_MODIFIED_SINCE=Sun, 06 Nov 1994 08:49:37 GMT",
		"HTTP_ORIGIN=https://example.org",
		"HTTP_REFERER=https://example.org/en/",
		"REMOTE_ADDR=192.0.2.1",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		"CONTENT_LENGTH=123",
		"REQUEST_METHOD=POST",	/* the first one counts */
		"HTTP_X_OTHER=ignored",
		NULL };
	char		*e2[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
	    "CONTENT_LENGTH=", NULL };
	char		*e3[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/",
	    "CONTENT_LENGTH=-1", NULL };
	char		*e4[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    big, NULL };

	r.site = (const struct site *)&r;	/* kept across the reset */
	r.slug = "stale";
	CHECK(req_parse(&r, a, envp) == 0);
	CHECK(r.site == (const struct site *)&r);
	CHECK(r.arena == a);
	CHECK(r.slug == NULL);
	CHECK(r.method == METHOD_HEAD);
	CHECK(r.pageno == 1);
	CHECK_STR(r.if_none_match, "\"abc\"");
	CHECK_STR(r.if_modified_since, "Sun, 06 Nov 1994 08:49:37 GMT");
	CHECK_STR(r.origin, "https://example.org");
	CHECK_STR(r.referer, "https://example.org/en/");
	CHECK_STR(r.remote_addr, "192.0.2.1");
	CHECK_STR(r.content_type, "application/x-www-form-urlencoded");
	CHECK(r.content_length == 123);
	CHECK(r.cookiec == 0 && r.queryc == 0);

	CHECK(req_parse(&r, a, e2) == 0 && r.method == METHOD_POST &&
	    r.content_length == 0);
	CHECK(req_parse(&r, a, e3) == 400);

	/* An oversized header is ignored, not fatal. */
	memcpy(big, "HTTP_IF_NONE_MATCH=", 19);
	memset(big + 19, 'x', REQ_HEADER_MAX + 1);
	big[19 + REQ_HEADER_MAX + 1] = '\0';
	CHECK(req_parse(&r, a, e4) == 0 && r.if_none_match == NULL);
}

static void
test_methods(void)
{
	struct req	 r;
	char		*none[] = { "REQUEST_URI=/", NULL };

	CHECK(parse_uri(&r, "GET", "/") == 0 && r.method == METHOD_GET);
	CHECK(parse_uri(&r, "HEAD", "/") == 0 && r.method == METHOD_HEAD);
	CHECK(parse_uri(&r, "POST", "/") == 0 && r.method == METHOD_POST);
	CHECK(parse_uri(&r, "PUT", "/") == 0 && r.method == METHOD_PUT);
	CHECK(parse_uri(&r, "DELETE", "/") == 0 &&
	    r.method == METHOD_DELETE);
	CHECK(parse_uri(&r, "OPTIONS", "/") == 0 &&
	    r.method == METHOD_OPTIONS);
	CHECK(parse_uri(&r, "PATCH", "/") == 405 &&
	    r.method == METHOD__MAX);
	CHECK(parse_uri(&r, "BREW", "/") == 405);
	CHECK(parse_uri(&r, "get", "/") == 405);
	CHECK(parse_uri(&r, "", "/") == 405);
	CHECK(parse_uri(&r, "GETX", "/") == 405);
	/* The method is judged before the path. */
	CHECK(parse_uri(&r, "TRACE", "/%zz") == 405);
	CHECK(req_parse(&r, a, none) == 405);
	CHECK(req_parse(&r, a, NULL) == 405);
}

int
main(void)
{
	a = arena_new();
	test_path();
	test_path_fallback();
	test_query();
	test_cookies();
	test_decode();
	test_headers();
	test_methods();
	arena_free(a);
	return CHECK_DONE();
}
