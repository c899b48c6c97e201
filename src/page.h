/*
 * Public page handlers and the helpers they share (page.c).
 *
 * A handler loads everything it shows from the database first, then builds
 * a view document (view.h) and renders it; it returns 0 when it wrote the
 * page into out, or an HTTP status (404, 500 ...) for fcgi.c to answer with
 * the common error page.  Handlers set r->resp.lastmod to the newest change
 * they show and r->resp.max_age from the configuration.
 *
 * Paths in this interface are site paths ("/en/news/"); page_href() and
 * page_url() add the base URL's path or the whole base URL.
 */
#ifndef PAGE_H
#define PAGE_H

#include <time.h>

#include "broadside.h"
#include "db.h"

struct	out;
struct	view;

/*
 * Everything an item page shows, gathered before anything is rendered:
 * loaded from the public tables by page_item(), or made from an item
 * being edited by the admin's previews (admin_preview.c).  Strings and
 * arrays live in the request's arena.
 */
struct	item_page {
	struct item		 it;	/* with body_html */
	struct translation	*tr;	/* visible translations */
	size_t			 trc;
	struct tag		*tags;
	size_t			 tagc;
	struct media		*media;	/* in role, then position order */
	size_t			 mediac;
	struct signatory	*sig;	/* statements */
	size_t			 sigc;
	struct event		 ev;	/* events, if has_event */
	int			 has_event;
	struct speaker		*spk;	/* events, in order */
	size_t			 spkc;
};

/* What a paginated listing of items lists (page_listing()). */
struct	page_listing {
	const char		*type;	/* "kind", "tag" or "org" */
	const char		*path;	/* site path of its first page */
	const char *const	*alt;	/* as for page_begin() */
	enum kind		 kind;	/* type "kind" */
	const struct tag	*tag;	/* type "tag" */
	const struct org	*org;	/* type "org" */
	const char		*search; /* type "search": the words */
};

/* PAGE_HOME: latest items of each kind and upcoming events. */
int		 page_home(struct req *, struct out *);
/* PAGE_LIST: one kind, paginated. */
int		 page_list(struct req *, struct out *);
/* PAGE_ITEM: one item with everything its kind has. */
int		 page_item(struct req *, struct out *);
/*
 * The item page of p as a view document, without touching the item
 * tables: what page_item() renders once it has loaded p.  The page's
 * navigation, feeds and links follow r->page, r->lang, r->kind and
 * r->slug, which a caller other than page_item() sets to PAGE_ITEM and
 * the item's.  The root element is current, so a caller may add to it
 * before page_finish(r, "item", ...).  Caller frees with view_free().
 */
struct view	*page_item_view(struct req *, const struct item_page *);
/*
 * Renders the item page of p into out: page_item_view() and
 * page_finish().  Returns 0, or 500 if the template failed.
 */
int		 page_item_render(struct req *, const struct item_page *,
		    struct out *);
/* PAGE_TAG_INDEX: the language's tags with counts. */
int		 page_tag_index(struct req *, struct out *);
/* PAGE_TAG: the items of one tag, paginated. */
int		 page_tag(struct req *, struct out *);
/* PAGE_ORG_INDEX: organisations with visible items. */
int		 page_org_index(struct req *, struct out *);
/* PAGE_ORG: what one organisation signed or spoke at, paginated. */
int		 page_org(struct req *, struct out *);
/* PAGE_SEARCH: the search form and, for ?q=, matching items, paginated. */
int		 page_search(struct req *, struct out *);
/*
 * PAGE_FEED: an Atom, RSS or JSON feed of a scope, or one of its archive
 * documents (page_feed.c explains the paging).  Answers conditional
 * requests from the scope's validators before loading anything.
 */
int		 page_feed(struct req *, struct out *);
/* PAGE_CALENDAR: the language's events calendar, or one event's. */
int		 page_calendar(struct req *, struct out *);
/*
 * PAGE_ROOT (302 to the default language's home) and the pages that only
 * add a trailing slash (301).  Locations are built from the base URL.
 */
int		 page_redirect(struct req *, struct out *);
/*
 * Writes the error page for status (400, 404, 405, 500, 503 ...) in the
 * request's language, or the default one, and sets r->resp (Retry-After
 * for 503).  Never touches the database.  If even the template fails, a
 * plain-text body is written.  Returns 0.
 */
int		 page_error(struct req *, int status, struct out *);

/*
 * Helpers for the handlers.  Strings they return live in the request's
 * arena.
 */

/* Site path -> link: the base URL's path prefix + path. */
const char	*page_href(const struct req *, const char *path);
/*
 * Percent-encodes a value for a query string: everything but RFC 3986's
 * unreserved characters.
 */
const char	*page_query_encode(struct arena *, const char *);
/* Site path -> absolute URL: the base URL + path. */
const char	*page_url(const struct req *, const char *path);
/*
 * Starts a view document for template tmpl: the <page> root, the <site>
 * block every page carries and the <feeds> block of the feeds relevant
 * to the request's page (its own scope's first, then the site's; see
 * page.c), which layout.xsl lists in the head.  alt has one site path
 * per configured language (cfg->langs order): the same page in that
 * language, or NULL where there is none; alt itself may be NULL.  The canonical path is
 * path (NULL: the request's).  Caller frees with view_free().
 */
struct view	*page_begin(struct req *, const char *tmpl, const char *path,
		    const char *const *alt);
/*
 * Like page_begin(), but never queries the database (error pages): the
 * language names are left to the templates if not read before.
 */
struct view	*page_begin_nodb(struct req *, const char *tmpl,
		    const char *path, const char *const *alt);
/*
 * Alternates for a page that exists in every language under the same
 * path after the language segment ("/news/" -> "/fr/news/" ...).
 */
const char	**page_alt_all(struct req *, const char *suffix);
/*
 * Renders v with tmpl into out and frees v.  Returns 0, or 500 if the
 * template failed (out is then left empty).
 */
int		 page_finish(struct req *, const char *tmpl, struct view *,
		    struct out *);
/*
 * Adds <name datetime="RFC 3339">localised date</name> for t in UTC;
 * t == 0 adds nothing.
 */
void		 page_date(struct req *, struct view *, const char *name,
		    time_t t);
/*
 * Like page_date() for a calendar day (a DATE column, stored as 00:00
 * UTC): the datetime attribute is "YYYY-MM-DD".
 */
void		 page_day(struct req *, struct view *, const char *name,
		    time_t t);
/* Adds an item as listings show it (<item> with its summary). */
void		 page_item_summary(struct req *, struct view *,
		    const struct item *);
/*
 * Adds <when> elements for an event's start and end in zone, with the
 * zone's abbreviation, the localised date and times, and whether they
 * fall on the same day.  role says which zone this is ("event", "utc",
 * "extra").  Returns 0, or -1 if the zone is unknown (nothing added).
 */
int		 page_event_when(struct req *, struct view *, time_t starts,
		    time_t ends, const char *zone, const char *role);
/*
 * Works out pagination for count items and the request's page number.
 * Sets *offset and *pages.  Returns 0, or 404 for a page past the last
 * (page 1 of an empty listing exists).
 */
int		 page_paginate(const struct req *, long long count,
		    long long *offset, long long *pages);
/*
 * Adds <pagination> for a listing at path (a site path ending in '/'),
 * with links to the previous and next pages.
 */
void		 page_pagination(struct req *, struct view *,
		    const char *path, long long pages, long long count);
/* The canonical site path of the request's listing page. */
const char	*page_list_path(struct req *, const char *path);
/*
 * Loads and renders one page of the items matching q (its offset and limit
 * are set here) as list.xsl's <listing>.  Returns as a handler does: 404
 * for a page past the last.
 */
int		 page_listing(struct req *, struct out *, struct item_query *,
		    const struct page_listing *);
/* Adds <org slug href name short-name url/> for an organisation. */
void		 page_org_elem(struct req *, struct view *, const struct org *);
/*
 * The site path of a feed or calendar in language lang: of scope (kind
 * for FEED_SCOPE_KIND; slug of the tag, organisation or event for
 * _TAG, _ORG, _EVENT) in format f, e.g. "/en/news/feed.atom",
 * "/en/events.ics".  In the arena.
 */
const char	*page_feed_path(struct arena *, const char *lang,
		    enum feed_scope, enum feed_format, enum kind,
		    const char *slug);
/*
 * The name of a configured language in that language ("Français"), from
 * the languages table; the code if it is not known.
 */
const char	*page_language_name(struct req *, const char *code);
/* Raises r->resp.lastmod to t if t is newer. */
void		 page_touch(struct req *, time_t t);
/* Raises r->resp.lastmod to the newest date of each item. */
void		 page_touch_items(struct req *, const struct item *, size_t);

#endif /* !PAGE_H */
