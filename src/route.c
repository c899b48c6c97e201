/*
 * Routing of the public site: method + decoded path -> enum page and its
 * arguments (language, kind, slug, page number).  This module decides
 * which URLs exist; it must not touch the database, so an item's
 * existence is for the handler to find out.  Every argument it hands on
 * is validated: a configured language, a kind from the closed set, a slug
 * of valid_slug() and a page number within bounds.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "log.h"
#include "req.h"
#include "route.h"
#include "valid.h"

/* Most path segments of any public URL: /{lang}/tags/{slug}/. */
#define ROUTE_SEG_MAX	4

/* Highest ?page= we accept; far past any real listing. */
#define ROUTE_PAGE_MAX	1000000

const char *const feed_files[FEED__MAX] = {
	"feed.atom",		/* FEED_ATOM */
	"feed.rss",		/* FEED_RSS */
	"feed.json",		/* FEED_JSON */
	NULL,			/* FEED_ICS */
};

const char *const feed_types[FEED__MAX] = {
	"application/atom+xml",	/* FEED_ATOM */
	"application/rss+xml",	/* FEED_RSS */
	"application/feed+json", /* FEED_JSON */
	"text/calendar",	/* FEED_ICS */
};

/* The language's calendar: /{lang}/events.ics. */
#define ROUTE_CALENDAR	"events.ics"

/* What ends the name of one event's calendar: /{lang}/events/{slug}.ics. */
#define ROUTE_ICS	".ics"

/* Fixed second segments of the public URLs besides the kinds. */
enum	section {
	SECTION_TAGS,		/* /{lang}/tags/ */
	SECTION_ORGS,		/* /{lang}/organisations/ */
	SECTION_SEARCH,		/* /{lang}/search */
	SECTION__MAX
};

static const char *const sections[SECTION__MAX] = {
	"tags",			/* SECTION_TAGS */
	"organisations",	/* SECTION_ORGS */
	"search",		/* SECTION_SEARCH */
};

/*
 * Splits an absolute path into at most ROUTE_SEG_MAX segments in the
 * arena.  A trailing slash gives a last, empty segment: "/" is {""},
 * "/en/" is {"en", ""}.  Returns the count, or 0 if there are more.
 */
static size_t
split(struct arena *a, const char *path, char *seg[ROUTE_SEG_MAX])
{
	const char	*p = path + 1;
	size_t		 n = 0, len;

	for (;;) {
		if (n == ROUTE_SEG_MAX)
			return 0;
		len = strcspn(p, "/");
		seg[n++] = arena_strndup(a, p, len);
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	return n;
}

/* Returns the section named s, or SECTION__MAX. */
static enum section
section_from_segment(const char *s)
{
	enum section	 sec;

	for (sec = 0; sec < SECTION__MAX; sec++)
		if (strcmp(s, sections[sec]) == 0)
			break;
	return sec;
}

/*
 * Returns the syndication format whose file name ("feed.atom") is s, or
 * FEED__MAX.
 */
static enum feed_format
feed_from_file(const char *s)
{
	enum feed_format f;

	for (f = 0; f < FEED__MAX; f++)
		if (feed_files[f] != NULL && strcmp(s, feed_files[f]) == 0)
			break;
	return f;
}

/* Routes a syndication feed of a scope; returns 0. */
static int
route_feed(struct req *r, enum feed_format f, enum feed_scope scope)
{
	r->page = PAGE_FEED;
	r->feed_format = f;
	r->feed_scope = scope;
	return 0;
}

/*
 * If s is "{slug}.ics" with a valid slug, returns the slug in the arena;
 * otherwise NULL.
 */
static const char *
ics_slug(struct arena *a, const char *s)
{
	size_t	 len = strlen(s), sfx = sizeof(ROUTE_ICS) - 1;
	char	*slug;

	if (len <= sfx || strcmp(s + len - sfx, ROUTE_ICS) != 0)
		return NULL;
	slug = arena_strndup(a, s, len - sfx);
	return valid_slug(slug) ? slug : NULL;
}

/*
 * Maps the segments after the language to a page.  Returns 0 or 404.
 * Feed file names contain a dot, which no slug does, so they never hide
 * an item.
 */
static int
route_lang(struct req *r, char *seg[], size_t n)
{
	enum kind	 kind;
	enum section	 sec;
	enum feed_format f;
	const char	*slug;
	int		 rc = 404;

	if (n == 1) {
		r->page = PAGE_LANG_REDIRECT;
		rc = 0;
		goto out;
	}
	if (n == 2 && seg[1][0] == '\0') {
		r->page = PAGE_HOME;
		rc = 0;
		goto out;
	}
	if (n == 2 && (f = feed_from_file(seg[1])) != FEED__MAX) {
		rc = route_feed(r, f, FEED_SCOPE_SITE);
		goto out;
	}
	if (n == 2 && strcmp(seg[1], ROUTE_CALENDAR) == 0) {
		r->page = PAGE_CALENDAR;
		r->feed_format = FEED_ICS;
		r->feed_scope = FEED_SCOPE_CALENDAR;
		rc = 0;
		goto out;
	}
	kind = kind_from_segment(seg[1]);
	sec = section_from_segment(seg[1]);
	if (kind == KIND__MAX && sec == SECTION__MAX)
		goto out;

	if (n == 2) {
		/* A listing without its slash; search has none. */
		r->page = sec == SECTION_SEARCH ?
		    PAGE_SEARCH : PAGE_SLASH_REDIRECT;
		rc = 0;
		goto out;
	}
	if (sec == SECTION_SEARCH)
		goto out;

	if (n == 3 && seg[2][0] == '\0') {
		if (kind != KIND__MAX) {
			r->page = PAGE_LIST;
			r->kind = kind;
		} else
			r->page = sec == SECTION_TAGS ?
			    PAGE_TAG_INDEX : PAGE_ORG_INDEX;
		rc = 0;
		goto out;
	}
	if (n == 3 && kind != KIND__MAX &&
	    (f = feed_from_file(seg[2])) != FEED__MAX) {
		r->kind = kind;
		rc = route_feed(r, f, FEED_SCOPE_KIND);
		goto out;
	}
	if (n == 3 && kind == KIND_EVENT &&
	    (slug = ics_slug(r->arena, seg[2])) != NULL) {
		r->page = PAGE_CALENDAR;
		r->feed_format = FEED_ICS;
		r->feed_scope = FEED_SCOPE_EVENT;
		r->kind = kind;
		r->slug = slug;
		rc = 0;
		goto out;
	}
	if (!valid_slug(seg[2]))
		goto out;
	if (n == 3) {
		/* An item, or a tag or organisation without its slash. */
		if (kind != KIND__MAX) {
			r->page = PAGE_ITEM;
			r->kind = kind;
		} else
			r->page = PAGE_SLASH_REDIRECT;
		r->slug = seg[2];
		rc = 0;
		goto out;
	}
	/*
	 * n == 4: only /{lang}/tags/{slug}/, /organisations/{slug}/ and
	 * the feeds inside them.
	 */
	if (kind != KIND__MAX)
		goto out;
	r->slug = seg[2];
	if (seg[3][0] == '\0') {
		r->page = sec == SECTION_TAGS ? PAGE_TAG : PAGE_ORG;
		rc = 0;
	} else if ((f = feed_from_file(seg[3])) != FEED__MAX)
		rc = route_feed(r, f, sec == SECTION_TAGS ?
		    FEED_SCOPE_TAG : FEED_SCOPE_ORG);
	else
		r->slug = NULL;
out:
	return rc;
}

int
route_public(struct req *r, const struct cfg *cfg)
{
	char		*seg[ROUTE_SEG_MAX];
	const char	*pg;
	size_t		 n;
	int		 rc = 404;

	r->page = PAGE__MAX;
	r->lang = NULL;
	r->kind = KIND__MAX;
	r->slug = NULL;
	r->pageno = 1;
	r->feed_format = FEED__MAX;
	r->feed_scope = FEED_SCOPE__MAX;
	r->feed_archive = 0;

	if (r->path == NULL || r->path[0] != '/' ||
	    (n = split(r->arena, r->path, seg)) == 0) {
		rc = r->method == METHOD_GET || r->method == METHOD_HEAD ?
		    404 : 405;
		goto out;
	}
	/*
	 * The public program never changes anything: GET and HEAD only.
	 * The language is still read, so the 405 page speaks it.
	 */
	if (r->method != METHOD_GET && r->method != METHOD_HEAD) {
		if (valid_lang_code(seg[0]) && cfg_has_lang(cfg, seg[0]))
			r->lang = seg[0];
		rc = 405;
		goto out;
	}

	if (n == 1 && seg[0][0] == '\0') {
		r->page = PAGE_ROOT;
		r->lang = cfg->default_lang;
	} else {
		if (!valid_lang_code(seg[0]) || !cfg_has_lang(cfg, seg[0]))
			goto out;
		/*
		 * Known from here on even if the rest is not found, so
		 * the error page speaks the reader's language.
		 */
		r->lang = seg[0];
		if ((rc = route_lang(r, seg, n)) != 0) {
			r->page = PAGE__MAX;
			goto out;
		}
	}

	/*
	 * ?page=N: digits only, no sign, no leading zero (one address per
	 * page), 1 to ROUTE_PAGE_MAX.  Anything else is a client error
	 * rather than page 1, so a broken link shows up in the logs.
	 */
	if ((pg = req_query_get(r, "page")) != NULL &&
	    (pg[0] < '1' || pg[0] > '9' ||
	    !valid_int(pg, 1, ROUTE_PAGE_MAX, &r->pageno))) {
		log_warnx("bad page number");
		r->pageno = 1;
		rc = 400;
		goto out;
	}
	/*
	 * On a feed, ?page=N names archive document N, counted from the
	 * oldest entries (page_feed.c); without it, the subscription
	 * document.  A calendar has no pages: any ?page is a page that does
	 * not exist.
	 */
	if (pg != NULL && r->page == PAGE_FEED)
		r->feed_archive = r->pageno;
	if (pg != NULL && r->page == PAGE_CALENDAR) {
		rc = 404;
		goto out;
	}
	/*
	 * Pages that are not paginated have no page 2: answering them
	 * would put the same page at many addresses.
	 */
	if (r->pageno > 1 && r->page != PAGE_LIST && r->page != PAGE_TAG &&
	    r->page != PAGE_ORG && r->page != PAGE_SEARCH &&
	    r->page != PAGE_FEED) {
		rc = 404;
		goto out;
	}
	rc = 0;
out:
	return rc;
}
