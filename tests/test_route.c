/*
 * Unit tests of public routing: every route, trailing-slash redirects,
 * pagination edges, unknown languages, bad slugs and methods.
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
	CHECK(go("GET", "/en/feed.atom") == 404);
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
	arena_free(a);
	return CHECK_DONE();
}
