/*
 * Unit tests of the HTTP layer: the ETag match matrix (lists, "*", W/,
 * the -gzip and -br suffixes, garbage), the three date formats, and the
 * complete output of http_finish for a 200, a HEAD, 304s by If-None-Match
 * and If-Modified-Since, a redirect, an error and refused header values;
 * and the handler's side of conditional GET: an explicit ETag, and the
 * bodyless 304 decided by http_not_modified() before any body exists.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "broadside.h"
#include "check.h"
#include "http.h"
#include "out.h"

int	main(void);

#define TAG	"\"0123456789abcdef0123456789abcdef\""
#define TAGX	"0123456789abcdef0123456789abcdef"

/* The security headers every response ends with. */
#define SECURITY \
	"Content-Security-Policy: default-src 'self'; img-src 'self' " \
	"data:; style-src 'self'; script-src 'none'; object-src 'none'; " \
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n" \
	"X-Content-Type-Options: nosniff\r\n" \
	"Referrer-Policy: strict-origin-when-cross-origin\r\n" \
	"X-Frame-Options: DENY\r\n" \
	"\r\n"

/* BLAKE2b-128 of "hello\n", as "b2sum -l 128" prints it. */
#define HELLO_HEX	"ea41b4de6c03f13a95758b28dd75693e"
#define HELLO_ETAG	"\"" HELLO_HEX "\""

static void
test_etag(void)
{
	/* Exact, weak and listed. */
	CHECK(http_etag_match(TAG, TAG));
	CHECK(http_etag_match("W/" TAG, TAG));
	CHECK(http_etag_match(TAG, "W/" TAG));
	CHECK(http_etag_match("\"x\", " TAG, TAG));
	CHECK(http_etag_match("\"x\",W/" TAG ",\"y\"", TAG));
	CHECK(http_etag_match("  " TAG "  ", TAG));
	CHECK(http_etag_match("\t\"a\"\t,\t" TAG, TAG));
	CHECK(http_etag_match(",," TAG ",,", TAG));
	/* Suffixes from mod_deflate and mod_brotli. */
	CHECK(http_etag_match("\"" TAGX "-gzip\"", TAG));
	CHECK(http_etag_match("W/\"" TAGX "-gzip\"", TAG));
	CHECK(http_etag_match("\"" TAGX "-br\"", TAG));
	CHECK(http_etag_match("\"a\", \"" TAGX "-br\"", TAG));
	CHECK(!http_etag_match("\"" TAGX "-deflate\"", TAG));
	CHECK(!http_etag_match("\"" TAGX "-gzip-gzip\"", TAG));
	CHECK(!http_etag_match("\"" TAGX "gzip\"", TAG));
	CHECK(!http_etag_match("\"-gzip\"", TAG));
	/* Star. */
	CHECK(http_etag_match("*", TAG));
	CHECK(http_etag_match(" * ", TAG));
	CHECK(http_etag_match("\"x\", *", TAG));
	CHECK(!http_etag_match("**", TAG));
	CHECK(!http_etag_match("*x", TAG));
	/* Near misses. */
	CHECK(!http_etag_match("\"0123456789abcdef0123456789abcdee\"", TAG));
	CHECK(!http_etag_match(TAGX, TAG));		/* unquoted */
	CHECK(!http_etag_match("\"" TAGX, TAG));	/* unterminated */
	CHECK(!http_etag_match("w/" TAG "x", TAG));
	CHECK(!http_etag_match("\"0123456789ABCDEF0123456789ABCDEF\"", TAG));
	CHECK(!http_etag_match("\"" TAGX "0\"", TAG));
	CHECK(!http_etag_match("\"123456789abcdef0123456789abcdef\"", TAG));
	CHECK(!http_etag_match("", TAG));
	CHECK(!http_etag_match(NULL, TAG));
	CHECK(!http_etag_match(TAG, NULL));
	CHECK(!http_etag_match(TAG, ""));
	CHECK(!http_etag_match(TAG, "\""));
	/* Garbage never crashes, and a broken element is skipped. */
	CHECK(!http_etag_match("\"", TAG));
	CHECK(!http_etag_match("W/", TAG));
	CHECK(!http_etag_match("W/\"", TAG));
	CHECK(!http_etag_match(",,,", TAG));
	CHECK(!http_etag_match("\"a b\"", "\"a b\""));
	CHECK(http_etag_match("garbage, " TAG, TAG));
	CHECK(http_etag_match("\"a b\", " TAG, TAG));
	CHECK(http_etag_match("\"a\"junk, " TAG, TAG));
	CHECK(!http_etag_match("\"\xff\xfe\"", TAG));
	CHECK(http_etag_match("\"\xff\"", "\"\xff\""));
	CHECK(!http_etag_match(TAG "\x01", TAG "\x01"));
}

static void
test_dates(void)
{
	char	 buf[64];
	time_t	 t = 784111777;		/* Sun, 06 Nov 1994 08:49:37 GMT */

	CHECK(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT") == t);
	CHECK(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT") == t);
	CHECK(http_date_parse("Sun Nov  6 08:49:37 1994") == t);
	CHECK(http_date_parse("  Sun, 06 Nov 1994 08:49:37 GMT  ") == t);
	CHECK(http_date_parse("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
	CHECK(http_date_parse("Wed, 21 Jul 2021 14:00:00 GMT") == 1626876000);
	CHECK(http_date_parse("Thu, 29 Feb 2024 12:00:00 GMT") == 1709208000);
	CHECK(http_date_parse("Fri, 31 Dec 9999 23:59:59 GMT") ==
	    (time_t)253402300799LL);
	CHECK(http_date_parse("Wed, 31 Dec 2008 23:59:60 GMT") ==
	    http_date_parse("Wed, 31 Dec 2008 23:59:59 GMT"));
	CHECK(http_date_parse("Thu Jul 22 10:00:00 2021") == 1626948000);
	/* Two-digit years: within 50 years ahead, else the past century. */
	CHECK(http_date_parse("Wednesday, 21-Jul-21 14:00:00 GMT") ==
	    1626876000);
	CHECK(http_date_parse("Friday, 31-Dec-99 23:59:59 GMT") ==
	    946684799);

	/* The weekday must be a name, though its value is not checked. */
	CHECK(http_date_parse("Mon, 06 Nov 1994 08:49:37 GMT") == t);
	CHECK(http_date_parse("Xyz, 06 Nov 1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse(NULL) == -1);
	CHECK(http_date_parse("") == -1);
	CHECK(http_date_parse("garbage") == -1);
	CHECK(http_date_parse("Sun") == -1);
	CHECK(http_date_parse("Sun,") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 08:49:37") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 08:49:37 UTC") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT x") == -1);
	CHECK(http_date_parse("Sun, 6 Nov 1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 nov 1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Foo 1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 94 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 31 Nov 1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 00 Nov 1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 29 Feb 2023 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 29 Feb 1900 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 24:00:00 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 08:60:00 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 08:49:61 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1969 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 8:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov 1994 08:49:3 GMT") == -1);
	CHECK(http_date_parse("Sun, 06 Nov -994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sunday, 06-Nov-1994 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sunday 06-Nov-94 08:49:37 GMT") == -1);
	CHECK(http_date_parse("Sun Nov 6 08:49:37 1994") == -1);
	CHECK(http_date_parse("Sun Nov  6 08:49:37 94") == -1);
	CHECK(http_date_parse("Sun Nov 06 08:49:37 1994") == t);
	CHECK(http_date_parse("1994-11-06T08:49:37Z") == -1);
	CHECK(http_date_parse("784111777") == -1);

	http_date_format(t, buf, sizeof(buf));
	CHECK_STR(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
	http_date_format(0, buf, sizeof(buf));
	CHECK_STR(buf, "Thu, 01 Jan 1970 00:00:00 GMT");
	http_date_format(1626876000, buf, sizeof(buf));
	CHECK_STR(buf, "Wed, 21 Jul 2021 14:00:00 GMT");
	CHECK(http_date_parse(buf) == 1626876000);
	http_date_format(t, buf, 10);
	CHECK_STR(buf, "Sun, 06 N");
}

static void
test_misc(void)
{
	CHECK_STR(http_status_text(200), "OK");
	CHECK_STR(http_status_text(304), "Not Modified");
	CHECK_STR(http_status_text(404), "Not Found");
	CHECK_STR(http_status_text(405), "Method Not Allowed");
	CHECK_STR(http_status_text(414), "URI Too Long");
	CHECK_STR(http_status_text(503), "Service Unavailable");
	CHECK_STR(http_status_text(799), "Unknown");

	CHECK(http_header_value_ok(""));
	CHECK(http_header_value_ok("https://example.org/en/"));
	CHECK(http_header_value_ok("caf\xc3\xa9"));
	CHECK(!http_header_value_ok(NULL));
	CHECK(!http_header_value_ok("a\r\nSet-Cookie: x=y"));
	CHECK(!http_header_value_ok("a\nb"));
	CHECK(!http_header_value_ok("a\rb"));
	CHECK(!http_header_value_ok("a\tb"));
	CHECK(!http_header_value_ok("a\x7f"));
}

/* Runs http_finish on a fresh wire and returns the status it sent. */
static int
finish(struct req *r, const char *body, struct out *wire)
{
	struct out	*b;
	int		 status;

	b = out_new();
	out_str(b, body);
	out_reset(wire);
	status = http_finish(r, b, wire);
	out_free(b);
	return status;
}

static void
test_finish(void)
{
	struct req	 r;
	struct out	*wire;
	char		 want[2048];

	wire = out_new();
	memset(&r, 0, sizeof(r));

	/* A 200 with every validator. */
	r.method = METHOD_GET;
	r.resp.status = 200;
	r.resp.lastmod = 784111777;
	r.resp.max_age = 60;
	CHECK(finish(&r, "hello\n", wire) == 200);
	snprintf(want, sizeof(want), "%s",
	    "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: 6\r\n"
	    "ETag: " HELLO_ETAG "\r\n"
	    "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
	    "Cache-Control: public, max-age=60\r\n"
	    SECURITY
	    "hello\n");
	CHECK_STR(wire->buf, want);

	/* HEAD: the same headers, Content-Length included, no body. */
	r.method = METHOD_HEAD;
	CHECK(finish(&r, "hello\n", wire) == 200);
	want[strlen(want) - 6] = '\0';
	CHECK_STR(wire->buf, want);

	/* 304 by If-None-Match, for GET and HEAD. */
	snprintf(want, sizeof(want), "%s",
	    "Status: 304 Not Modified\r\n"
	    "ETag: " HELLO_ETAG "\r\n"
	    "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
	    "Cache-Control: public, max-age=60\r\n"
	    SECURITY);
	r.method = METHOD_GET;
	r.if_none_match = HELLO_ETAG;
	CHECK(finish(&r, "hello\n", wire) == 304);
	CHECK_STR(wire->buf, want);
	r.method = METHOD_HEAD;
	CHECK(finish(&r, "hello\n", wire) == 304);
	CHECK_STR(wire->buf, want);
	r.method = METHOD_GET;
	r.if_none_match = "\"other\", W/\"" HELLO_HEX "-gzip\"";
	CHECK(finish(&r, "hello\n", wire) == 304);
	CHECK_STR(wire->buf, want);
	r.if_none_match = "*";
	CHECK(finish(&r, "hello\n", wire) == 304);
	/* A different body no longer matches. */
	r.if_none_match = HELLO_ETAG;
	CHECK(finish(&r, "hello!\n", wire) == 200);
	CHECK(strstr(wire->buf, "hello!\n") != NULL);

	/* If-None-Match decides alone, even against a matching date. */
	r.if_none_match = "\"nope\"";
	r.if_modified_since = "Sun, 06 Nov 1994 08:49:37 GMT";
	CHECK(finish(&r, "hello\n", wire) == 200);

	/* 304 by If-Modified-Since: not newer than the date given. */
	r.if_none_match = NULL;
	CHECK(finish(&r, "hello\n", wire) == 304);
	r.if_modified_since = "Mon, 07 Nov 1994 00:00:00 GMT";
	CHECK(finish(&r, "hello\n", wire) == 304);
	r.if_modified_since = "Sun, 06 Nov 1994 08:49:36 GMT";
	CHECK(finish(&r, "hello\n", wire) == 200);
	r.if_modified_since = "yesterday";
	CHECK(finish(&r, "hello\n", wire) == 200);
	r.if_modified_since = "Sun, 06 Nov 1994 08:49:37 GMT";
	r.resp.lastmod = 0;	/* no date known: never 304 by date */
	CHECK(finish(&r, "hello\n", wire) == 200);
	CHECK(strstr(wire->buf, "Last-Modified") == NULL);
	r.resp.lastmod = 784111777;

	/* Only GET and HEAD, and only 200, become 304. */
	r.method = METHOD_POST;
	CHECK(finish(&r, "hello\n", wire) == 200);
	r.method = METHOD_GET;
	r.resp.status = 404;
	r.resp.max_age = 0;
	CHECK(finish(&r, "gone\n", wire) == 404);
	CHECK_STR(wire->buf,
	    "Status: 404 Not Found\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: 5\r\n"
	    "Cache-Control: no-cache\r\n"
	    SECURITY
	    "gone\n");
	r.if_modified_since = NULL;

	/* A redirect, with an empty body. */
	memset(&r, 0, sizeof(r));
	r.method = METHOD_GET;
	r.resp.status = 301;
	r.resp.location = "https://example.org/en/";
	r.resp.max_age = 3600;
	CHECK(finish(&r, "", wire) == 301);
	CHECK_STR(wire->buf,
	    "Status: 301 Moved Permanently\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: 0\r\n"
	    "Cache-Control: public, max-age=3600\r\n"
	    "Location: https://example.org/en/\r\n"
	    SECURITY);

	/* Header injection: refused with a bare 500. */
	r.resp.location = "https://example.org/\r\nSet-Cookie: sid=x";
	CHECK(finish(&r, "", wire) == 500);
	CHECK_STR(wire->buf,
	    "Status: 500 Internal Server Error\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: 22\r\n"
	    "Cache-Control: no-store\r\n"
	    SECURITY
	    "Internal Server Error\n");
	r.resp.location = "https://example.org/\nX: y";
	CHECK(finish(&r, "", wire) == 500);
	CHECK(strstr(wire->buf, "X: y") == NULL);
	r.resp.location = NULL;
	r.resp.status = 200;
	r.resp.ctype = "text/html\r\nX-Evil: 1";
	CHECK(finish(&r, "page", wire) == 500);
	CHECK(strstr(wire->buf, "X-Evil") == NULL);
	CHECK(strstr(wire->buf, "page") == NULL);
	r.resp.ctype = NULL;
	r.resp.status = 304;	/* not the handler's to send */
	CHECK(finish(&r, "page", wire) == 500);
	r.resp.status = 42;
	CHECK(finish(&r, "page", wire) == 500);

	/* 0 is 200; ctype, no-store, Retry-After, Allow. */
	r.resp.status = 0;
	r.resp.ctype = "application/atom+xml";
	r.resp.no_store = 1;
	r.resp.max_age = 60;
	CHECK(finish(&r, "<feed/>", wire) == 200);
	CHECK(strstr(wire->buf, "Content-Type: application/atom+xml\r\n") !=
	    NULL);
	CHECK(strstr(wire->buf, "Cache-Control: no-store\r\n") != NULL);
	r.resp.status = 503;
	r.resp.ctype = NULL;
	r.resp.no_store = 0;
	r.resp.retry_after = 30;
	CHECK(finish(&r, "down", wire) == 503);
	CHECK(strstr(wire->buf, "Retry-After: 30\r\n") != NULL);
	CHECK(strstr(wire->buf, "Cache-Control: no-store\r\n") != NULL);
	CHECK(strstr(wire->buf, "ETag") == NULL);
	r.resp.status = 405;
	r.resp.retry_after = 0;
	r.method = METHOD__MAX;
	CHECK(finish(&r, "no", wire) == 405);
	CHECK(strstr(wire->buf, "Allow: GET, HEAD\r\n") != NULL);
	CHECK(strstr(wire->buf, "\r\n\r\nno") != NULL);

	/* A NULL body is an empty one. */
	r.resp.status = 200;
	r.method = METHOD_GET;
	out_reset(wire);
	CHECK(http_finish(&r, NULL, wire) == 200);
	CHECK(strstr(wire->buf, "Content-Length: 0\r\n") != NULL);
	/* BLAKE2b-128 of nothing. */
	CHECK(strstr(wire->buf,
	    "ETag: \"cae66941d9efbd404e4d88758ea67670\"\r\n") != NULL);

	out_free(wire);
}

/* A feed's ETag, as a handler computes it from its validators. */
#define FEED_ETAG	"\"00112233445566778899aabbccddeeff\""
#define FEED_HEX	"00112233445566778899aabbccddeeff"

static void
test_explicit_etag(void)
{
	struct arena	*a;
	struct req	 r;
	struct out	*wire;
	const char	*tag;
	char		 want[2048];

	a = arena_new();
	wire = out_new();

	/* http_etag_make: the same form and hash as a body's ETag. */
	tag = http_etag_make(a, "hello\n", 6);
	CHECK_STR(tag, HELLO_ETAG);
	CHECK(strlen(http_etag_make(a, "", 0)) == 34);
	CHECK_STR(http_etag_make(a, "", 0),
	    "\"cae66941d9efbd404e4d88758ea67670\"");

	/* No precondition: not modified is 0, the ETag is the handler's. */
	memset(&r, 0, sizeof(r));
	r.method = METHOD_GET;
	r.resp.status = 200;
	r.resp.max_age = 60;
	r.resp.ctype = "application/atom+xml; charset=utf-8";
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 0);
	CHECK(r.resp.status == 200 && !r.resp.not_modified);
	CHECK_STR(r.resp.etag, FEED_ETAG);
	CHECK(r.resp.lastmod == 784111777);
	CHECK(finish(&r, "<feed/>", wire) == 200);
	snprintf(want, sizeof(want), "%s",
	    "Status: 200 OK\r\n"
	    "Content-Type: application/atom+xml; charset=utf-8\r\n"
	    "Content-Length: 7\r\n"
	    "ETag: " FEED_ETAG "\r\n"
	    "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
	    "Cache-Control: public, max-age=60\r\n"
	    SECURITY
	    "<feed/>");
	CHECK_STR(wire->buf, want);
	/* The body does not change the ETag the handler gave. */
	CHECK(finish(&r, "<feed>other</feed>", wire) == 200);
	CHECK(strstr(wire->buf, "ETag: " FEED_ETAG "\r\n") != NULL);

	/*
	 * A matching If-None-Match, checked before any body exists: 1, and
	 * http_finish sends the bodyless 304 with ETag, Last-Modified and
	 * Cache-Control, and no Content-Type or Content-Length.
	 */
	snprintf(want, sizeof(want), "%s",
	    "Status: 304 Not Modified\r\n"
	    "ETag: " FEED_ETAG "\r\n"
	    "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
	    "Cache-Control: public, max-age=60\r\n"
	    SECURITY);
	r.if_none_match = FEED_ETAG;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 1);
	CHECK(r.resp.status == 304 && r.resp.not_modified);
	CHECK(finish(&r, "", wire) == 304);
	CHECK_STR(wire->buf, want);
	/* Even if a body was written by mistake, none is sent. */
	CHECK(finish(&r, "<feed/>", wire) == 304);
	CHECK_STR(wire->buf, want);
	/* HEAD, W/, lists, *, and mod_deflate's -gzip. */
	r.method = METHOD_HEAD;
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 1);
	CHECK(finish(&r, "", wire) == 304);
	CHECK_STR(wire->buf, want);
	r.method = METHOD_GET;
	r.if_none_match = "\"x\", W/\"" FEED_HEX "-gzip\"";
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 1);
	r.if_none_match = "*";
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 1);

	/* Another ETag: 0, and the 200 carries the new one. */
	r.if_none_match = HELLO_ETAG;
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 0);
	CHECK(r.resp.status == 200 && !r.resp.not_modified);
	CHECK(finish(&r, "hello\n", wire) == 200);
	CHECK(strstr(wire->buf, "ETag: " FEED_ETAG "\r\n") != NULL);
	CHECK(strstr(wire->buf, "\r\n\r\nhello\n") != NULL);

	/* If-None-Match decides alone; If-Modified-Since without it. */
	r.if_modified_since = "Sun, 06 Nov 1994 08:49:37 GMT";
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 0);
	r.if_none_match = NULL;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 1);
	CHECK(finish(&r, "", wire) == 304);
	CHECK_STR(wire->buf, want);
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111778) == 0);
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 0) == 0);
	r.if_modified_since = NULL;

	/* Only GET and HEAD are ever not modified. */
	r.method = METHOD_POST;
	r.if_none_match = FEED_ETAG;
	r.resp.status = 200;
	CHECK(http_not_modified(&r, FEED_ETAG, 784111777) == 0);
	r.method = METHOD_GET;

	/* A 304 is the handler's only through http_not_modified(). */
	r.resp.status = 304;
	r.resp.not_modified = 0;
	CHECK(finish(&r, "", wire) == 500);
	/* ... and not_modified goes with 304 only. */
	r.resp.status = 200;
	r.resp.not_modified = 1;
	CHECK(finish(&r, "page", wire) == 500);
	r.resp.not_modified = 0;

	/* An explicit ETag must be one quoted tag, fit for a header. */
	r.if_none_match = NULL;
	r.resp.etag = "unquoted";
	CHECK(finish(&r, "page", wire) == 500);
	r.resp.etag = "\"a\"\r\nSet-Cookie: x=y";
	CHECK(finish(&r, "page", wire) == 500);
	CHECK(strstr(wire->buf, "Set-Cookie") == NULL);
	r.resp.etag = "\"a\", \"b\"";
	CHECK(finish(&r, "page", wire) == 500);
	r.resp.etag = "\"ok\"";
	CHECK(finish(&r, "page", wire) == 200);
	CHECK(strstr(wire->buf, "ETag: \"ok\"\r\n") != NULL);
	/* Errors carry no validators, explicit or not. */
	r.resp.status = 404;
	CHECK(finish(&r, "gone", wire) == 404);
	CHECK(strstr(wire->buf, "ETag") == NULL);

	out_free(wire);
	arena_free(a);
}

int
main(void)
{
	test_etag();
	test_dates();
	test_misc();
	test_finish();
	test_explicit_etag();
	return CHECK_DONE();
}
