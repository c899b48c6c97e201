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
 * Maps the segments after the language to a page.  Returns 0 or 404.
 */
static int
route_lang(struct req *r, char *seg[], size_t n)
{
	enum kind	 kind;
	enum section	 sec;
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
	/* n == 4: only /{lang}/tags/{slug}/ and /organisations/{slug}/. */
	if (kind != KIND__MAX || seg[3][0] != '\0')
		goto out;
	r->page = sec == SECTION_TAGS ? PAGE_TAG : PAGE_ORG;
	r->slug = seg[2];
	rc = 0;
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

	/* The public program never changes anything: GET and HEAD only. */
	if (r->method != METHOD_GET && r->method != METHOD_HEAD) {
		rc = 405;
		goto out;
	}
	if (r->path == NULL || r->path[0] != '/' ||
	    (n = split(r->arena, r->path, seg)) == 0)
		goto out;

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
	rc = 0;
out:
	return rc;
}
