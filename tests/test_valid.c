/*
 * Unit tests of the field validators: UTF-8 edge cases (overlongs,
 * surrogates, the top of the code space, truncation), slugs, language
 * codes, http URLs, integers, text and XML characters.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "check.h"
#include "valid.h"

int	main(void);

/* Checks valid_utf8 on a NUL-terminated literal. */
#define UTF8(s)		valid_utf8((s), sizeof(s) - 1)
#define XMLC(s)		valid_xml_chars((s), sizeof(s) - 1)

static void
test_utf8(void)
{
	CHECK(UTF8(""));
	CHECK(UTF8("plain ascii"));
	CHECK(UTF8("caf\xc3\xa9"));			/* é */
	CHECK(UTF8("\xd0\xbf\xd1\x80\xd0\xb8"));	/* при */
	CHECK(UTF8("\xe2\x82\xac"));			/* € */
	CHECK(UTF8("\xf0\x9f\x98\x80"));		/* U+1F600 */
	CHECK(UTF8("\xc2\x80"));			/* U+0080 */
	CHECK(UTF8("\xdf\xbf"));			/* U+07FF */
	CHECK(UTF8("\xe0\xa0\x80"));			/* U+0800 */
	CHECK(UTF8("\xed\x9f\xbf"));			/* U+D7FF */
	CHECK(UTF8("\xee\x80\x80"));			/* U+E000 */
	CHECK(UTF8("\xef\xbf\xbf"));			/* U+FFFF */
	CHECK(UTF8("\xf0\x90\x80\x80"));		/* U+10000 */
	CHECK(UTF8("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
	CHECK(valid_utf8("a\0b", 3));			/* NUL is UTF-8 */

	/* Overlong forms. */
	CHECK(!UTF8("\xc0\xaf"));			/* '/' in 2 */
	CHECK(!UTF8("\xc1\xbf"));
	CHECK(!UTF8("\xc0\x80"));			/* NUL in 2 */
	CHECK(!UTF8("\xe0\x80\xaf"));			/* '/' in 3 */
	CHECK(!UTF8("\xe0\x9f\xbf"));			/* U+07FF in 3 */
	CHECK(!UTF8("\xf0\x80\x80\xaf"));		/* '/' in 4 */
	CHECK(!UTF8("\xf0\x8f\xbf\xbf"));		/* U+FFFF in 4 */
	/* Surrogates. */
	CHECK(!UTF8("\xed\xa0\x80"));			/* U+D800 */
	CHECK(!UTF8("\xed\xbf\xbf"));			/* U+DFFF */
	CHECK(!UTF8("\xed\xa0\xbd\xed\xb8\x80"));	/* CESU-8 pair */
	/* Above U+10FFFF. */
	CHECK(!UTF8("\xf4\x90\x80\x80"));
	CHECK(!UTF8("\xf5\x80\x80\x80"));
	CHECK(!UTF8("\xf8\x88\x80\x80\x80"));
	CHECK(!UTF8("\xff"));
	CHECK(!UTF8("\xfe"));
	/* Truncated and stray bytes. */
	CHECK(!UTF8("\xc3"));
	CHECK(!UTF8("caf\xc3"));
	CHECK(!UTF8("\xe2\x82"));
	CHECK(!UTF8("\xf0\x9f\x98"));
	CHECK(!UTF8("\x80"));
	CHECK(!UTF8("a\xbfz"));
	CHECK(!UTF8("\xc3\x28"));			/* bad continuation */
	CHECK(!UTF8("\xe2\x28\xa1"));
	/* The length is respected: the bad byte lies beyond it. */
	CHECK(valid_utf8("ab\xff", 2));
	CHECK(!valid_utf8("\xe2\x82\xac", 2));
}

static void
test_slug(void)
{
	char	 buf[VALID_SLUG_MAX + 2];

	CHECK(valid_slug("a"));
	CHECK(valid_slug("no-more-loss-2021"));
	CHECK(valid_slug("0"));
	CHECK(valid_slug("-"));
	CHECK(!valid_slug(""));
	CHECK(!valid_slug(NULL));
	CHECK(!valid_slug("Upper"));
	CHECK(!valid_slug("with space"));
	CHECK(!valid_slug("under_score"));
	CHECK(!valid_slug("dot.dot"));
	CHECK(!valid_slug("slash/slash"));
	CHECK(!valid_slug("caf\xc3\xa9"));
	memset(buf, 'a', VALID_SLUG_MAX);
	buf[VALID_SLUG_MAX] = '\0';
	CHECK(valid_slug(buf));
	buf[VALID_SLUG_MAX] = 'a';
	buf[VALID_SLUG_MAX + 1] = '\0';
	CHECK(!valid_slug(buf));
}

static void
test_lang(void)
{
	CHECK(valid_lang_code("en"));
	CHECK(valid_lang_code("fr"));
	CHECK(valid_lang_code("ast"));
	CHECK(valid_lang_code("pt-BR"));
	CHECK(valid_lang_code("zh-Hant"));
	CHECK(valid_lang_code("sr-Latn-RS"));
	CHECK(valid_lang_code("es-419"));
	CHECK(!valid_lang_code(NULL));
	CHECK(!valid_lang_code(""));
	CHECK(!valid_lang_code("e"));
	CHECK(!valid_lang_code("engl"));
	CHECK(!valid_lang_code("EN"));
	CHECK(!valid_lang_code("en-"));
	CHECK(!valid_lang_code("en--GB"));
	CHECK(!valid_lang_code("en-G"));
	CHECK(!valid_lang_code("en-abcdefghi"));
	CHECK(!valid_lang_code("en_GB"));
	CHECK(!valid_lang_code("en/"));
	CHECK(!valid_lang_code("en-ab-cd-ef-gh-ij-kl-mn-op-qr-st-uv-wx"));
}

static void
test_url(void)
{
	CHECK(valid_url_http("http://example.org"));
	CHECK(valid_url_http("https://example.org/"));
	CHECK(valid_url_http("HTTPS://Example.ORG/a/b?c=d&e=f#g"));
	CHECK(valid_url_http("https://example.org:8443/x"));
	CHECK(valid_url_http("http://127.0.0.1:8080/"));
	CHECK(valid_url_http("http://[::1]:8080/"));
	CHECK(valid_url_http("https://example.org?q=1"));
	CHECK(valid_url_http("https://b\xc3\xbc" "cher.example/"));
	CHECK(valid_url_http("https://example.org/%20x"));
	CHECK(!valid_url_http(NULL));
	CHECK(!valid_url_http(""));
	CHECK(!valid_url_http("example.org"));
	CHECK(!valid_url_http("//example.org/"));
	CHECK(!valid_url_http("ftp://example.org/"));
	CHECK(!valid_url_http("javascript:alert(1)"));
	CHECK(!valid_url_http("http:/example.org"));
	CHECK(!valid_url_http("http://"));
	CHECK(!valid_url_http("http:///path"));
	CHECK(!valid_url_http("http://exa mple.org/"));
	CHECK(!valid_url_http("http://example.org/a b"));
	CHECK(!valid_url_http("http://example.org/\n"));
	CHECK(!valid_url_http("http://example.org/\t"));
	CHECK(!valid_url_http("http://example.org/\x7f"));
	CHECK(!valid_url_http("http://example.org/\"><script>"));
	CHECK(!valid_url_http("http://example.org\\@evil/"));
	CHECK(!valid_url_http("http://user@example.org/"));
	CHECK(!valid_url_http("http://user:pw@example.org/"));
	CHECK(!valid_url_http("http://example.org:/"));
	CHECK(!valid_url_http("http://example.org:99999/"));
	CHECK(!valid_url_http("http://example.org:80a/"));
	CHECK(!valid_url_http("http://[::1/"));
	CHECK(!valid_url_http("http://[]/"));
	CHECK(!valid_url_http("http://[::1]x/"));
	CHECK(!valid_url_http("http://exa_mple.org/"));
	CHECK(!valid_url_http("https://example.org/\xc0\xaf"));
}

static void
test_int(void)
{
	long long	 v = -5;

	CHECK(valid_int("1", 1, 10, &v) && v == 1);
	CHECK(valid_int("10", 1, 10, &v) && v == 10);
	CHECK(valid_int("-3", -5, 5, &v) && v == -3);
	CHECK(valid_int("7", 0, 10, NULL));
	v = 42;
	CHECK(!valid_int("0", 1, 10, &v) && v == 42);
	CHECK(!valid_int("11", 1, 10, &v) && v == 42);
	CHECK(!valid_int("", 1, 10, &v));
	CHECK(!valid_int(NULL, 1, 10, &v));
	CHECK(!valid_int("1x", 1, 10, &v));
	CHECK(!valid_int(" 1", 1, 10, &v));
	CHECK(!valid_int("+1", 1, 10, &v));
	CHECK(!valid_int("-", -10, 10, &v));
	CHECK(!valid_int("99999999999999999999", 0, 1000000, &v));
	CHECK(valid_int("9223372036854775807", 0, 9223372036854775807LL, &v)
	    && v == 9223372036854775807LL);
	CHECK(!valid_int("9223372036854775808", 0, 9223372036854775807LL,
	    &v));
}

static void
test_text(void)
{
	CHECK(valid_text("", 0));
	CHECK(valid_text("abc", 3));
	CHECK(!valid_text("abcd", 3));
	/* Characters, not bytes. */
	CHECK(valid_text("\xd0\xbf\xd1\x80\xd0\xb8", 3));
	CHECK(!valid_text("\xd0\xbf\xd1\x80\xd0\xb8", 2));
	CHECK(valid_text("line\tone\r\nline two\n", 100));
	CHECK(!valid_text(NULL, 10));
	CHECK(!valid_text("bell\x07", 10));
	CHECK(!valid_text("esc\x1b[0m", 10));
	CHECK(!valid_text("bad \xff", 10));
	CHECK(!valid_text("\xef\xbf\xbe", 10));		/* U+FFFE */
	CHECK(valid_text("del\x7f", 10));		/* XML allows it */
	CHECK(valid_text("\xc2\x85", 10));		/* U+0085 too */
}

static void
test_xml_chars(void)
{
	struct arena	*a;
	char		*s;

	CHECK(XMLC(""));
	CHECK(XMLC("a\tb\nc\rd"));
	CHECK(XMLC("\xed\x9f\xbf"));			/* U+D7FF */
	CHECK(XMLC("\xee\x80\x80"));			/* U+E000 */
	CHECK(XMLC("\xef\xbf\xbd"));			/* U+FFFD */
	CHECK(XMLC("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
	CHECK(!XMLC("\xef\xbf\xbe"));			/* U+FFFE */
	CHECK(!XMLC("\xef\xbf\xbf"));			/* U+FFFF */
	CHECK(!XMLC("\x01"));
	CHECK(!XMLC("\x0b"));
	CHECK(!XMLC("\x0c"));
	CHECK(!XMLC("\x1f"));
	CHECK(!valid_xml_chars("a\0b", 3));
	CHECK(!XMLC("\xed\xa0\x80"));			/* surrogate */
	CHECK(!XMLC("\xc0\x80"));

	a = arena_new();
	CHECK_STR(valid_strip_xml_invalid(a, "clean", 5), "clean");
	CHECK_STR(valid_strip_xml_invalid(a, "", 0), "");
	CHECK_STR(valid_strip_xml_invalid(a, "a\x01" "b\x0b" "c\t\n", 7),
	    "abc\t\n");
	CHECK_STR(valid_strip_xml_invalid(a, "a\0b", 3), "ab");
	CHECK_STR(valid_strip_xml_invalid(a, "x\xef\xbf\xbey", 5), "xy");
	CHECK_STR(valid_strip_xml_invalid(a, "x\xffy\xc3", 4), "xy");
	CHECK_STR(valid_strip_xml_invalid(a, "\xc3\xa9\xed\xa0\x80\xc3\xa9",
	    7), "\xc3\xa9\xc3\xa9");
	/* A broken lead byte does not swallow the next character. */
	CHECK_STR(valid_strip_xml_invalid(a, "\xe2\x82z", 3), "z");
	arena_free(a);

	s = valid_strip_xml_invalid(NULL, "heap\x02", 5);
	CHECK_STR(s, "heap");
	free(s);
}

int
main(void)
{
	test_utf8();
	test_slug();
	test_lang();
	test_url();
	test_int();
	test_text();
	test_xml_chars();
	return CHECK_DONE();
}
