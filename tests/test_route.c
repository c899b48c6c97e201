/*
 * Unit tests of public routing: every route, trailing-slash redirects,
 * pagination edges, unknown languages, bad slugs and methods, and every
 * feed and calendar URL with its archive pages, good and bad.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "check.h"
#include "req.h"
#include "route.h"

int	main(void);

static struct arena	*a;
static struct cfg	 cfg;
static struct req	 r;

/* Parses and routes method + target; returns the first non-zero status. */
static int
go(const char *method, const char *uri)
{
	char	 m[64], u[4096];
	char	*envp[] = { m, u, NULL };
	int	 rc;

	snprintf(m, sizeof(m), "REQUEST_METHOD=%s", method);
	snprintf(u, sizeof(u), "REQUEST_URI=%s", uri);
	if ((rc = req_parse(&r, a, envp)) != 0)
		return rc;
	return route_public(&r, &cfg);
}

static void
test_routes(void)
{
	enum kind	 k;
	char		 uri[256];

	CHECK(go("GET", "/") == 0 && r.page == PAGE_ROOT);
	CHECK_STR(r.lang, "en");
	CHECK(go("GET", "/fr") == 0 && r.page == PAGE_LANG_REDIRECT);
	CHECK_STR(r.lang, "fr");
	CHECK(go("GET", "/ru/") == 0 && r.page == PAGE_HOME);
	CHECK_STR(r.lang, "ru");
	CHECK(r.pageno == 1 && r.slug == NULL && r.kind == KIND__MAX);

	for (k = 0; k < KIND__MAX; k++) {
		snprintf(uri, sizeof(uri), "/es/%s/", kind_segments[k]);
		CHECK(go("GET", uri) == 0 && r.page == PAGE_LIST &&
		    r.kind == k);
		CHECK_STR(r.lang, "es");
		CHECK(r.slug == NULL);
		snprintf(uri, sizeof(uri), "/es/%s/no-more-loss-2021",
		    kind_segments[k]);
		CHECK(go("GET", uri) == 0 && r.page == PAGE_ITEM &&
		    r.kind == k);
		CHECK_STR(r.slug, "no-more-loss-2021");
		snprintf(uri, sizeof(uri), "/es/%s", kind_segments[k]);
		CHECK(go("GET", uri) == 0 && r.page == PAGE_SLASH_REDIRECT);
		/* An item has no trailing slash and no children. */
		snprintf(uri, sizeof(uri), "/es/%s/slug/", kind_segments[k]);
		CHECK(go("GET", uri) == 404);
		snprintf(uri, sizeof(uri), "/es/%s/slug/x", kind_segments[k]);
		CHECK(go("GET", uri) == 404);
	}

	CHECK(go("GET", "/en/tags/") == 0 && r.page == PAGE_TAG_INDEX);
	CHECK(go("GET", "/en/tags/harm-reduction/") == 0 &&
	    r.page == PAGE_TAG);
	CHECK_STR(r.slug, "harm-reduction");
	CHECK(go("GET", "/en/tags") == 0 && r.page == PAGE_SLASH_REDIRECT);
	CHECK(go("GET", "/en/tags/harm-reduction") == 0 &&
	    r.page == PAGE_SLASH_REDIRECT);
	CHECK(go("GET", "/en/organisations/") == 0 &&
	    r.page == PAGE_ORG_INDEX);
	CHECK(go("GET", "/en/organisations/inpud/") == 0 &&
	    r.page == PAGE_ORG);
	CHECK_STR(r.slug, "inpud");
	CHECK(go("GET", "/en/organisations") == 0 &&
	    r.page == PAGE_SLASH_REDIRECT);
	CHECK(go("GET", "/en/organisations/inpud") == 0 &&
	    r.page == PAGE_SLASH_REDIRECT);
	CHECK(go("GET", "/en/search") == 0 && r.page == PAGE_SEARCH);
	CHECK(go("GET", "/en/search?q=naloxone") == 0 &&
	    r.page == PAGE_SEARCH);

	/* Not found. */
	CHECK(go("GET", "/en/search/") == 404);
	CHECK(go("GET", "/en/search/x") == 404);
	CHECK(go("GET", "/en/blog/") == 404);
	CHECK(go("GET", "/en/blog") == 404);
	CHECK(go("GET", "/en/case-study/") == 404);
	CHECK(go("GET", "/en/News/") == 404);
	CHECK(go("GET", "/en//") == 404);
	CHECK(go("GET", "/en//news/") == 404);
	CHECK(go("GET", "//") == 404);
	CHECK(go("GET", "/en/tags/a/b/") == 404);
	CHECK(go("GET", "/en/tags/a/b") == 404);
	CHECK(go("GET", "/en/tags/x//") == 404);
	CHECK(go("GET", "/en/news/a/b/c/d/e/f") == 404);
	CHECK(go("GET", "/favicon.ico") == 404);
	/* The language is kept for the error page once it is known. */
	CHECK(go("GET", "/fr/nothing-here") == 404);
	CHECK_STR(r.lang, "fr");
	CHECK(r.page == PAGE__MAX);
}

static void
test_langs(void)
{
	CHECK(go("GET", "/de/") == 404);
	CHECK(r.lang == NULL);
	CHECK(go("GET", "/de") == 404);
	CHECK(go("GET", "/de/news/") == 404);
	CHECK(go("GET", "/EN/") == 404);
	CHECK(go("GET", "/eng/") == 404);
	CHECK(go("GET", "/e/") == 404);
	CHECK(go("GET", "/en-GB/") == 404);
	CHECK(go("GET", "/caf%C3%A9/") == 404);
}

static void
test_slugs(void)
{
	char	 uri[512];

	CHECK(go("GET", "/en/news/UPPER") == 404);
	CHECK(go("GET", "/en/news/under_score") == 404);
	CHECK(go("GET", "/en/news/with%20space") == 404);
	CHECK(go("GET", "/en/news/caf%C3%A9") == 404);
	CHECK(go("GET", "/en/news/a.html") == 404);
	CHECK(go("GET", "/en/tags/Bad/") == 404);
	CHECK(go("GET", "/en/organisations/a%2Bb/") == 404);
	CHECK(go("GET", "/en/tags/Bad") == 404);
	memcpy(uri, "/en/news/", 9);
	memset(uri + 9, 'a', 201);
	uri[210] = '\0';
	CHECK(go("GET", uri) == 404);
	uri[209] = '\0';
	CHECK(go("GET", uri) == 0 && r.page == PAGE_ITEM);
	CHECK(go("GET", "/en/news/0") == 0 && r.page == PAGE_ITEM);
}

static void
test_pages(void)
{
	CHECK(go("GET", "/en/news/?page=1") == 0 && r.pageno == 1);
	CHECK(go("GET", "/en/news/?page=2") == 0 && r.pageno == 2);
	CHECK(go("GET", "/en/news/?page=1000000") == 0 &&
	    r.pageno == 1000000);
	CHECK(go("GET", "/en/tags/x/?page=3") == 0 && r.pageno == 3 &&
	    r.page == PAGE_TAG);
	CHECK(go("GET", "/en/search?q=x&page=4") == 0 && r.pageno == 4);
	CHECK(go("GET", "/en/news/?q=x&page=5&page=6") == 0 &&
	    r.pageno == 5);
	CHECK(go("GET", "/en/news/?other=1") == 0 && r.pageno == 1);

	CHECK(go("GET", "/en/news/?page=0") == 400);
	CHECK(go("GET", "/en/news/?page=1000001") == 400);
	CHECK(go("GET", "/en/news/?page=-1") == 400);
	CHECK(go("GET", "/en/news/?page=+1") == 400);
	CHECK(go("GET", "/en/news/?page=01") == 400);
	CHECK(go("GET", "/en/news/?page=") == 400);
	CHECK(go("GET", "/en/news/?page") == 400);
	CHECK(go("GET", "/en/news/?page=abc") == 400);
	CHECK(go("GET", "/en/news/?page=2x") == 400);
	CHECK(go("GET", "/en/news/?page=1.5") == 400);
	CHECK(go("GET", "/en/news/?page=%201") == 400);
	CHECK(go("GET", "/en/news/?page=99999999999999999999") == 400);
	CHECK(go("GET", "/en/news/?page=9223372036854775808") == 400);
	CHECK(go("GET", "/en/news/?page=%zz") == 400);
	/* A route that does not exist is a 404 whatever its page. */
	CHECK(go("GET", "/de/news/?page=0") == 404);
}

static void
test_methods(void)
{
	CHECK(go("HEAD", "/en/news/") == 0 && r.page == PAGE_LIST);
	CHECK(go("POST", "/en/news/") == 405);
	CHECK(go("PUT", "/en/") == 405);
	CHECK(go("DELETE", "/en/news/x") == 405);
	CHECK(go("OPTIONS", "/") == 405);
	CHECK(go("PATCH", "/") == 405);
	CHECK(go("POST", "/nowhere") == 405);
	/* The 405 page is in the language of the URL. */
	CHECK(go("POST", "/ru/") == 405 && r.lang != NULL &&
	    strcmp(r.lang, "ru") == 0);
	/* Pages without pagination have no page 2. */
	CHECK(go("GET", "/en/?page=2") == 404);
	CHECK(go("GET", "/en/tags/?page=2") == 404);
	CHECK(go("GET", "/en/organisations/?page=3") == 404);
	CHECK(go("GET", "/en/news/some-item?page=2") == 404);
	CHECK(go("GET", "/en/?page=1") == 0 && r.page == PAGE_HOME);
}

/* Routes uri and checks it is the feed (format, scope) it should be. */
static int
feed(const char *uri, enum page page, enum feed_format f,
    enum feed_scope scope)
{
	return go("GET", uri) == 0 && r.page == page && r.feed_format == f &&
	    r.feed_scope == scope;
}

static void
test_feeds(void)
{
	static const char *const exts[] = { "atom", "rss", "json" };
	enum feed_format fmt;
	enum kind	 k;
	const char	*lang;
	char		 uri[256];
	size_t		 i;

	for (fmt = 0; fmt < FEED_ICS; fmt++) {
		snprintf(uri, sizeof(uri), "feed.%s", exts[fmt]);
		CHECK_STR(feed_files[fmt], uri);
	}
	CHECK(feed_files[FEED_ICS] == NULL);
	CHECK_STR(feed_types[FEED_ATOM], "application/atom+xml");
	CHECK_STR(feed_types[FEED_RSS], "application/rss+xml");
	CHECK_STR(feed_types[FEED_JSON], "application/feed+json");
	CHECK_STR(feed_types[FEED_ICS], "text/calendar");

	for (i = 0; i < 4; i++) {
		lang = cfg.langs[i];
		for (fmt = 0; fmt < FEED_ICS; fmt++) {
			/* The whole site. */
			snprintf(uri, sizeof(uri), "/%s/feed.%s", lang,
			    exts[fmt]);
			CHECK(feed(uri, PAGE_FEED, fmt, FEED_SCOPE_SITE));
			CHECK_STR(r.lang, lang);
			CHECK(r.feed_archive == 0 && r.slug == NULL &&
			    r.kind == KIND__MAX);
			/* Each kind. */
			for (k = 0; k < KIND__MAX; k++) {
				snprintf(uri, sizeof(uri), "/%s/%s/feed.%s",
				    lang, kind_segments[k], exts[fmt]);
				CHECK(feed(uri, PAGE_FEED, fmt,
				    FEED_SCOPE_KIND));
				CHECK(r.kind == k && r.slug == NULL);
			}
			/* A tag, an organisation. */
			snprintf(uri, sizeof(uri), "/%s/tags/harm-reduction/"
			    "feed.%s", lang, exts[fmt]);
			CHECK(feed(uri, PAGE_FEED, fmt, FEED_SCOPE_TAG));
			CHECK_STR(r.slug, "harm-reduction");
			CHECK(r.kind == KIND__MAX);
			snprintf(uri, sizeof(uri), "/%s/organisations/inpud/"
			    "feed.%s", lang, exts[fmt]);
			CHECK(feed(uri, PAGE_FEED, fmt, FEED_SCOPE_ORG));
			CHECK_STR(r.slug, "inpud");
		}
		/* Calendars. */
		snprintf(uri, sizeof(uri), "/%s/events.ics", lang);
		CHECK(feed(uri, PAGE_CALENDAR, FEED_ICS,
		    FEED_SCOPE_CALENDAR));
		CHECK(r.slug == NULL);
		snprintf(uri, sizeof(uri), "/%s/events/no-more-loss.ics",
		    lang);
		CHECK(feed(uri, PAGE_CALENDAR, FEED_ICS, FEED_SCOPE_EVENT));
		CHECK_STR(r.slug, "no-more-loss");
		CHECK(r.kind == KIND_EVENT);
	}
	CHECK(go("HEAD", "/en/feed.atom") == 0 && r.page == PAGE_FEED);
	CHECK(go("HEAD", "/en/events.ics") == 0 && r.page == PAGE_CALENDAR);
	CHECK(go("POST", "/en/feed.atom") == 405);
	CHECK(go("PUT", "/en/events.ics") == 405);
	/* Slugs of one character and of the longest length are slugs. */
	CHECK(feed("/en/events/a.ics", PAGE_CALENDAR, FEED_ICS,
	    FEED_SCOPE_EVENT));
	memcpy(uri, "/en/events/", 11);
	memset(uri + 11, 'a', 200);
	memcpy(uri + 211, ".ics", 5);
	CHECK(feed(uri, PAGE_CALENDAR, FEED_ICS, FEED_SCOPE_EVENT));
	CHECK(strlen(r.slug) == 200);
	memset(uri + 11, 'a', 201);
	memcpy(uri + 212, ".ics", 5);
	CHECK(go("GET", uri) == 404);

	/* Feeds that do not exist. */
	CHECK(go("GET", "/en/feed.xml") == 404);
	CHECK(go("GET", "/en/feed.ATOM") == 404);
	CHECK(go("GET", "/en/feed") == 404);
	CHECK(go("GET", "/en/feed.") == 404);
	CHECK(go("GET", "/en/feed.atom/") == 404);
	CHECK(go("GET", "/en/feed.atom/x") == 404);
	CHECK(go("GET", "/en/feed.ics") == 404);
	CHECK(go("GET", "/en/atom") == 404);
	/* "feed" is a slug like any other: an item. */
	CHECK(go("GET", "/en/news/feed") == 0 && r.page == PAGE_ITEM);
	CHECK(go("GET", "/en/news/feed.xml") == 404);
	CHECK(go("GET", "/en/news/feed.ics") == 404);
	CHECK(go("GET", "/en/news/feed.atom/") == 404);
	CHECK(go("GET", "/en/news/x/feed.atom") == 404);
	CHECK(go("GET", "/en/tags/feed.atom") == 404);
	CHECK(go("GET", "/en/organisations/feed.rss") == 404);
	CHECK(go("GET", "/en/tags/x/feed.ics") == 404);
	CHECK(go("GET", "/en/tags/x/feed.xml") == 404);
	CHECK(go("GET", "/en/tags/Bad/feed.atom") == 404);
	CHECK(go("GET", "/en/tags/x/y/feed.atom") == 404);
	CHECK(go("GET", "/en/organisations/a_b/feed.json") == 404);
	CHECK(go("GET", "/en/search/feed.atom") == 404);
	CHECK(go("GET", "/en/search.atom") == 404);
	CHECK(go("GET", "/de/feed.atom") == 404);
	CHECK(go("GET", "/de/events.ics") == 404);
	CHECK(go("GET", "/feed.atom") == 404);
	CHECK(go("GET", "/en/events.ics/") == 404);
	CHECK(go("GET", "/en/events.ICS") == 404);
	CHECK(go("GET", "/en/news.ics") == 404);
	CHECK(go("GET", "/en/news/x.ics") == 404);
	CHECK(go("GET", "/en/statements/x.ics") == 404);
	CHECK(go("GET", "/en/tags/x.ics") == 404);
	CHECK(go("GET", "/en/events/.ics") == 404);
	CHECK(go("GET", "/en/events/Bad.ics") == 404);
	CHECK(go("GET", "/en/events/a_b.ics") == 404);
	CHECK(go("GET", "/en/events/x.ics.ics") == 404);
	CHECK(go("GET", "/en/events/x.ical") == 404);
	CHECK(go("GET", "/en/events/x.ics/") == 404);
	CHECK(go("GET", "/en/events/x/y.ics") == 404);
	/* A slug without .ics is still the event page. */
	CHECK(go("GET", "/en/events/ics") == 0 && r.page == PAGE_ITEM);
	CHECK_STR(r.slug, "ics");
	CHECK(go("GET", "/en/events/x.ics") == 0 &&
	    r.page == PAGE_CALENDAR);
}

static void
test_feed_pages(void)
{
	/* ?page=N is archive N; none is the subscription document. */
	CHECK(go("GET", "/en/feed.atom?page=1") == 0 &&
	    r.page == PAGE_FEED && r.feed_archive == 1);
	CHECK(go("GET", "/en/feed.rss?page=2") == 0 && r.feed_archive == 2);
	CHECK(go("GET", "/en/news/feed.json?page=37") == 0 &&
	    r.feed_archive == 37 && r.kind == KIND_NEWS);
	CHECK(go("GET", "/en/tags/x/feed.atom?page=3") == 0 &&
	    r.feed_archive == 3 && r.feed_scope == FEED_SCOPE_TAG);
	CHECK(go("GET", "/en/organisations/x/feed.atom?page=1000000") ==
	    0 && r.feed_archive == 1000000);
	CHECK(go("GET", "/en/feed.atom?other=1") == 0 &&
	    r.feed_archive == 0);
	CHECK(go("GET", "/en/feed.atom?page=2&page=3") == 0 &&
	    r.feed_archive == 2);
	/* A listing's ?page= is not an archive. */
	CHECK(go("GET", "/en/news/?page=2") == 0 && r.pageno == 2 &&
	    r.feed_archive == 0);

	/* Bad and huge page numbers, as for listings. */
	CHECK(go("GET", "/en/feed.atom?page=0") == 400);
	CHECK(go("GET", "/en/feed.atom?page=-1") == 400);
	CHECK(go("GET", "/en/feed.rss?page=01") == 400);
	CHECK(go("GET", "/en/feed.json?page=") == 400);
	CHECK(go("GET", "/en/feed.json?page") == 400);
	CHECK(go("GET", "/en/news/feed.atom?page=abc") == 400);
	CHECK(go("GET", "/en/tags/x/feed.rss?page=1.5") == 400);
	CHECK(go("GET", "/en/feed.atom?page=1e3") == 400);
	CHECK(go("GET", "/en/feed.atom?page=0x2") == 400);
	CHECK(go("GET", "/en/feed.atom?page=1000001") == 400);
	CHECK(go("GET", "/en/feed.atom?page=99999999999999999999") == 400);
	CHECK(go("GET", "/en/feed.atom?page=%00") == 400);
	CHECK(go("GET", "/en/feed.atom?page=2%00") == 400);
	CHECK(go("GET", "/en/feed.atom?page=%zz") == 400);

	/* Calendars have no pages. */
	CHECK(go("GET", "/en/events.ics?page=1") == 404);
	CHECK(go("GET", "/en/events.ics?page=2") == 404);
	CHECK(go("GET", "/en/events/x.ics?page=1") == 404);
	CHECK(go("GET", "/en/events.ics?page=0") == 400);
	CHECK(go("GET", "/en/events.ics?other=1") == 0 &&
	    r.page == PAGE_CALENDAR);
}

int
main(void)
{
	a = arena_new();
	cfg.langs[0] = "en";
	cfg.langs[1] = "fr";
	cfg.langs[2] = "es";
	cfg.langs[3] = "ru";
	cfg.langc = 4;
	cfg.default_lang = "en";
	test_routes();
	test_langs();
	test_slugs();
	test_pages();
	test_methods();
	test_feeds();
	test_feed_pages();
	arena_free(a);
	return CHECK_DONE();
}
