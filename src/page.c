/*
 * What every public page shares (page.h): the <site> block of the view
 * document, links built from the configured base URL, dates, event times,
 * pagination, redirects and the error page.
 *
 * Links never come from the request's Host header (see DESIGN.md): a
 * link is the base URL's path prefix plus a site path, and absolute URLs
 * (canonical, alternates, redirects) start with the base URL itself.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "out.h"
#include "page.h"
#include "render.h"
#include "tz.h"
#include "util.h"
#include "view.h"

/*
 * The languages table (names in each language, writing direction), read
 * once per process from the first page that can.  It is site data, not
 * request data, and changes only with a migration and a restart.  Error
 * pages never query; until the table is read, templates fall back to
 * their own list of language names.
 */
static struct language	*lang_cache;
static size_t		 lang_cachec;
static int		 lang_cached;

static void
page_languages_load(struct req *r)
{
	struct language	*l = NULL;
	size_t		 n = 0, i;

	if (lang_cached || r->site->db == NULL)
		return;
	if (db_language_list(r->site->db, r->arena, &l, &n) != 0)
		return;
	lang_cache = xcalloc(n > 0 ? n : 1, sizeof(*lang_cache));
	for (i = 0; i < n; i++) {
		lang_cache[i].code = xstrdup(l[i].code);
		lang_cache[i].name = xstrdup(l[i].name);
		lang_cache[i].dir = xstrdup(l[i].dir != NULL ?
		    l[i].dir : "ltr");
	}
	lang_cachec = n;
	lang_cached = 1;
}

static const struct language *
page_language(const char *code)
{
	size_t	 i;

	for (i = 0; i < lang_cachec; i++)
		if (strcmp(lang_cache[i].code, code) == 0)
			return &lang_cache[i];
	return NULL;
}

const char *
page_language_name(struct req *r, const char *code)
{
	const struct language	*l;

	page_languages_load(r);
	l = page_language(code);
	return l != NULL && l->name != NULL ? l->name : code;
}

/* The path part of the base URL: "" or "/newsroom". */
static const char *
page_prefix(const struct req *r)
{
	const char	*p;

	p = r->site->cfg->base_url;
	if ((p = strstr(p, "://")) == NULL)
		return "";
	p += 3;
	if ((p = strchr(p, '/')) == NULL)
		return "";
	return p;
}

const char *
page_href(const struct req *r, const char *path)
{
	return arena_printf(r->arena, "%s%s", page_prefix(r), path);
}

const char *
page_url(const struct req *r, const char *path)
{
	return arena_printf(r->arena, "%s%s", r->site->cfg->base_url, path);
}

const char **
page_alt_all(struct req *r, const char *suffix)
{
	const struct cfg	*cfg = r->site->cfg;
	const char		**alt;
	size_t			 i;

	alt = arena_calloc(r->arena, cfg->langc + 1, sizeof(*alt));
	for (i = 0; i < cfg->langc; i++)
		alt[i] = arena_printf(r->arena, "/%s%s", cfg->langs[i],
		    suffix);
	return alt;
}

void
page_touch(struct req *r, time_t t)
{
	if (t > r->resp.lastmod)
		r->resp.lastmod = t;
}

void
page_touch_items(struct req *r, const struct item *it, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		page_touch(r, it[i].published_at);
		page_touch(r, it[i].updated_at);
	}
}

/* Which navigation entry the page belongs to, or NULL. */
static const char *
page_nav_current(const struct req *r)
{
	switch (r->page) {
	case PAGE_LIST:
	case PAGE_ITEM:
		return r->kind < KIND__MAX ? kind_segments[r->kind] : NULL;
	case PAGE_TAG_INDEX:
	case PAGE_TAG:
		return "tags";
	case PAGE_ORG_INDEX:
	case PAGE_ORG:
		return "organisations";
	case PAGE_HOME:
		return "home";
	default:
		return NULL;
	}
}

static void
page_nav_entry(struct req *r, struct view *v, const char *key,
    const char *cur)
{
	view_push(v, "link");
	view_attr(v, "key", key);
	view_attr(v, "href", page_href(r, arena_printf(r->arena, "/%s/%s/",
	    r->lang, key)));
	/* aria-current: "page" on the very page, "true" inside it. */
	if (cur != NULL && strcmp(cur, key) == 0)
		view_attr(v, "current", (r->page == PAGE_LIST &&
		    r->pageno == 1) || r->page == PAGE_TAG_INDEX ||
		    r->page == PAGE_ORG_INDEX ? "page" : "true");
	view_pop(v);
}

/*
 * The <site> block: who we are, where things are, the languages with this
 * page's equivalent in each, and the navigation.
 */
static void
page_site(struct req *r, struct view *v, const char *path,
    const char *const *alt)
{
	const struct cfg	*cfg = r->site->cfg;
	const struct language	*l;
	const char		*cur, *p;
	size_t			 i;
	enum kind		 k;

	view_push(v, "site");
	view_text(v, "name", cfg->site_name);
	view_text(v, "tagline", cfg->site_tagline);
	view_text(v, "base-url", cfg->base_url);
	view_text(v, "static-url", cfg->static_url);
	view_text(v, "media-url", cfg->media_url);
	view_text(v, "lang", r->lang);
	view_text(v, "path", page_href(r, path));
	view_text(v, "canonical", page_url(r, path));
	view_push(v, "home");
	view_attr(v, "href", page_href(r, arena_printf(r->arena, "/%s/",
	    r->lang)));
	view_pop(v);

	view_push(v, "languages");
	for (i = 0; i < cfg->langc; i++) {
		view_push(v, "language");
		view_attr(v, "code", cfg->langs[i]);
		if ((l = page_language(cfg->langs[i])) != NULL) {
			view_attr(v, "name", l->name);
			view_attr(v, "dir", l->dir);
		}
		if (strcmp(cfg->langs[i], r->lang) == 0)
			view_attr(v, "current", "1");
		/* Where there is no equivalent, that language's home. */
		if (alt != NULL && alt[i] != NULL) {
			p = alt[i];
			view_attr(v, "equivalent", "1");
			view_attr(v, "url", page_url(r, p));
		} else
			p = arena_printf(r->arena, "/%s/", cfg->langs[i]);
		view_attr(v, "href", page_href(r, p));
		view_pop(v);
	}
	view_pop(v);

	cur = page_nav_current(r);
	view_push(v, "nav");
	for (k = 0; k < KIND__MAX; k++)
		page_nav_entry(r, v, kind_segments[k], cur);
	page_nav_entry(r, v, "tags", cur);
	page_nav_entry(r, v, "organisations", cur);
	view_pop(v);

	view_pop(v);
}

/* Names of the scopes in the view document's <feed scope="">. */
static const char *const feed_scope_names[FEED_SCOPE__MAX] = {
	"site",			/* FEED_SCOPE_SITE */
	"kind",			/* FEED_SCOPE_KIND */
	"tag",			/* FEED_SCOPE_TAG */
	"org",			/* FEED_SCOPE_ORG */
	"calendar",		/* FEED_SCOPE_CALENDAR */
	"event",		/* FEED_SCOPE_EVENT */
};

/* Names of the formats in the view document's <feed format="">. */
static const char *const feed_format_names[FEED__MAX] = {
	"atom",			/* FEED_ATOM */
	"rss",			/* FEED_RSS */
	"json",			/* FEED_JSON */
	"ics",			/* FEED_ICS */
};

/* One <feed scope format type key slug href/> of the page's language. */
static void
page_feed_elem(struct req *r, struct view *v, enum feed_scope scope,
    enum feed_format f, enum kind k, const char *slug)
{
	view_push(v, "feed");
	view_attr(v, "scope", feed_scope_names[scope]);
	view_attr(v, "format", feed_format_names[f]);
	view_attr(v, "type", feed_types[f]);
	if (scope == FEED_SCOPE_KIND && k < KIND__MAX)
		view_attr(v, "key", kind_segments[k]);
	if (scope == FEED_SCOPE_TAG || scope == FEED_SCOPE_ORG ||
	    scope == FEED_SCOPE_EVENT)
		view_attr(v, "slug", slug);
	view_attr(v, "href", page_url(r, page_feed_path(r->arena, r->lang,
	    scope, f, k, slug)));
	view_pop(v);
}

/* The Atom, RSS and JSON feeds of a scope. */
static void
page_feed_set(struct req *r, struct view *v, enum feed_scope scope,
    enum kind k, const char *slug)
{
	enum feed_format	 f;

	for (f = 0; f < FEED__MAX; f++)
		if (feed_files[f] != NULL)
			page_feed_elem(r, v, scope, f, k, slug);
}

/*
 * The <feeds> block: the feeds relevant to the page, in the page's
 * language, the page's own scope first (a listing's kind, a tag, an
 * organisation, an item's kind and, for an event, its calendar entry and
 * the events calendar), then the whole site's.  layout.xsl turns them
 * into <link rel="alternate"> in the head.
 */
static void
page_feeds(struct req *r, struct view *v)
{
	view_push(v, "feeds");
	switch (r->page) {
	case PAGE_LIST:
	case PAGE_ITEM:
		if (r->kind >= KIND__MAX)
			break;
		page_feed_set(r, v, FEED_SCOPE_KIND, r->kind, NULL);
		if (r->kind != KIND_EVENT)
			break;
		if (r->page == PAGE_ITEM && r->slug != NULL)
			page_feed_elem(r, v, FEED_SCOPE_EVENT, FEED_ICS,
			    r->kind, r->slug);
		page_feed_elem(r, v, FEED_SCOPE_CALENDAR, FEED_ICS,
		    KIND__MAX, NULL);
		break;
	case PAGE_TAG:
	case PAGE_ORG:
		if (r->slug != NULL)
			page_feed_set(r, v, r->page == PAGE_TAG ?
			    FEED_SCOPE_TAG : FEED_SCOPE_ORG, KIND__MAX,
			    r->slug);
		break;
	default:
		break;
	}
	page_feed_set(r, v, FEED_SCOPE_SITE, KIND__MAX, NULL);
	view_pop(v);
}

struct view *
page_begin_nodb(struct req *r, const char *tmpl, const char *path,
    const char *const *alt)
{
	const struct language	*l;
	struct view		*v;

	v = view_new("page");
	view_attr(v, "type", tmpl);
	view_attr(v, "lang", r->lang);
	l = page_language(r->lang);
	view_attr(v, "dir", l != NULL ? l->dir : "ltr");
	page_site(r, v, path, alt);
	return v;
}

struct view *
page_begin(struct req *r, const char *tmpl, const char *path,
    const char *const *alt)
{
	struct view		*v;
	unsigned long long	 gen;
	time_t			 changed;

	page_languages_load(r);
	/*
	 * A page changed at the latest when the site's content last did.
	 * Its own items' dates are not enough: a translation, a tag, an
	 * organisation or an unpublished neighbour changes a page too, and
	 * If-Modified-Since must never keep such a change from a reader.
	 * (The ETag, a hash of the body, stays exact.)
	 */
	if (r->site->db != NULL &&
	    db_site_state(r->site->db, &gen, &changed) == 0)
		page_touch(r, changed);
	r->resp.max_age = (int)r->site->cfg->cache_seconds;
	v = page_begin_nodb(r, tmpl, path != NULL ? path : r->path, alt);
	page_feeds(r, v);
	return v;
}

/*
 * With BROADSIDE_VIEW_XML in the process environment (never a request's
 * parameters), pages are answered with their view document instead of
 * HTML: what a template receives, for theme authors and for debugging, as
 * in `BROADSIDE_VIEW_XML=1 REQUEST_METHOD=GET REQUEST_URI=/en/ ...
 * broadside.fcgi`.
 */
static int
page_view_xml(void)
{
	static int	 checked, on;

	if (!checked) {
		on = getenv("BROADSIDE_VIEW_XML") != NULL;
		checked = 1;
	}
	return on;
}

int
page_finish(struct req *r, const char *tmpl, struct view *v, struct out *o)
{
	int	 rc = 0;

	if (page_view_xml()) {
		view_dump(v, o);
		r->resp.ctype = "application/xml; charset=utf-8";
	} else if (render_page(r->site->tmpl, tmpl, v, o) != 0) {
		out_reset(o);
		rc = 500;
	}
	view_free(v);
	return rc;
}

void
page_date(struct req *r, struct view *v, const char *name, time_t t)
{
	char	 iso[32], date[64];

	if (t == 0)
		return;
	tz_format_rfc3339(t, iso, sizeof(iso));
	if (tz_format_date(t, "UTC", r->lang, date, sizeof(date)) != 0)
		strlcpy_bs(date, iso, sizeof(date));
	view_push(v, name);
	view_attr(v, "datetime", iso);
	view_content(v, date);
	view_pop(v);
}

void
page_day(struct req *r, struct view *v, const char *name, time_t t)
{
	char	 iso[32], date[64];

	if (t == 0)
		return;
	tz_format_rfc3339(t, iso, sizeof(iso));
	iso[10] = '\0';	/* "2021-06-10": a day, not an instant */
	if (tz_format_date(t, "UTC", r->lang, date, sizeof(date)) != 0)
		strlcpy_bs(date, iso, sizeof(date));
	view_push(v, name);
	view_attr(v, "datetime", iso);
	view_content(v, date);
	view_pop(v);
}

/* One end of an event: <start|end datetime date time/>. */
static void
page_when_point(struct req *r, struct view *v, const char *name, time_t t,
    const char *zone)
{
	char	 iso[40], date[64], hm[16];

	if (tz_format_rfc3339_local(t, zone, iso, sizeof(iso)) != 0 ||
	    tz_format_date(t, zone, r->lang, date, sizeof(date)) != 0 ||
	    tz_format_time(t, zone, hm, sizeof(hm)) != 0)
		return;
	view_push(v, name);
	view_attr(v, "datetime", iso);
	view_attr(v, "date", date);
	view_attr(v, "time", hm);
	view_pop(v);
}

int
page_event_when(struct req *r, struct view *v, time_t starts, time_t ends,
    const char *zone, const char *role)
{
	struct tz_local	 ls, le;
	int		 has_end;

	if (zone == NULL || tz_localtime(starts, zone, &ls) != 0)
		return -1;
	has_end = ends >= starts && tz_localtime(ends, zone, &le) == 0;
	view_push(v, "when");
	view_attr(v, "zone", zone);
	view_attr(v, "role", role);
	view_attr(v, "abbrev", ls.abbrev);
	if (has_end) {
		if (strcmp(le.abbrev, ls.abbrev) != 0)
			view_attr(v, "end-abbrev", le.abbrev);
		if (ls.year == le.year && ls.month == le.month &&
		    ls.day == le.day)
			view_attr(v, "same-day", "1");
	}
	page_when_point(r, v, "start", starts, zone);
	if (has_end)
		page_when_point(r, v, "end", ends, zone);
	view_pop(v);
	return 0;
}

void
page_item_summary(struct req *r, struct view *v, const struct item *it)
{
	const char	*seg;

	seg = it->kind < KIND__MAX ? kind_segments[it->kind] : "";
	view_push(v, "item");
	view_attr(v, "kind", it->kind < KIND__MAX ?
	    kind_names[it->kind] : NULL);
	view_attr(v, "lang", it->lang);
	view_attr(v, "href", page_href(r, arena_printf(r->arena,
	    "/%s/%s/%s", it->lang, seg, it->slug)));
	view_text(v, "title", it->title);
	view_text(v, "summary", it->summary);
	page_date(r, v, "published", it->published_at);
	if (it->kind == KIND_EVENT && it->starts_at != 0) {
		page_event_when(r, v, it->starts_at, it->ends_at,
		    it->tz != NULL ? it->tz : "UTC", "event");
		if (it->location != NULL && it->location[0] != '\0')
			view_text(v, "location", it->location);
	}
	view_pop(v);
}

int
page_paginate(const struct req *r, long long count, long long *offset,
    long long *pages)
{
	long long	 ps;

	ps = r->site->cfg->page_size > 0 ? r->site->cfg->page_size : 10;
	*pages = count > 0 ? (count + ps - 1) / ps : 1;
	if (r->pageno < 1 || r->pageno > *pages)
		return 404;
	*offset = (r->pageno - 1) * ps;
	return 0;
}

/*
 * The site path of page n of the listing at path, which may already carry
 * a query (a search's ?q=).
 */
static const char *
page_nth(struct req *r, const char *path, long long n)
{
	if (n <= 1)
		return path;
	return arena_printf(r->arena, "%s%cpage=%lld", path,
	    strchr(path, '?') != NULL ? '&' : '?', n);
}

const char *
page_query_encode(struct arena *a, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*buf, *o;

	buf = arena_alloc(a, strlen(s) * 3 + 1);
	for (o = buf, p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 0xf];
		}
	}
	*o = '\0';
	return buf;
}

const char *
page_list_path(struct req *r, const char *path)
{
	return page_nth(r, path, r->pageno);
}

void
page_pagination(struct req *r, struct view *v, const char *path,
    long long pages, long long count)
{
	view_push(v, "pagination");
	view_attr_int(v, "page", r->pageno);
	view_attr_int(v, "pages", pages);
	view_attr_int(v, "count", count);
	if (r->pageno > 1) {
		view_push(v, "prev");
		view_attr(v, "href", page_href(r,
		    page_nth(r, path, r->pageno - 1)));
		view_pop(v);
	}
	if (r->pageno < pages) {
		view_push(v, "next");
		view_attr(v, "href", page_href(r,
		    page_nth(r, path, r->pageno + 1)));
		view_pop(v);
	}
	view_pop(v);
}

/*
 * Percent-encodes a decoded path for a Location header: everything but
 * RFC 3986's unreserved characters, sub-delims, ':', '@' and '/'.
 */
static const char *
page_path_encode(struct arena *a, const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*buf, *o;

	buf = arena_alloc(a, strlen(path) * 3 + 1);
	for (o = buf, p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~!$&'()*+,;=:@/",
		    *p) != NULL)
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 0xf];
		}
	}
	*o = '\0';
	return buf;
}

int
page_redirect(struct req *r, struct out *o)
{
	const struct cfg	*cfg = r->site->cfg;
	const char		*loc, *q;

	(void)o;
	if (r->page == PAGE_ROOT) {
		/* Temporary: the default language may change. */
		r->resp.status = 302;
		loc = page_url(r, arena_printf(r->arena, "/%s/",
		    cfg->default_lang));
	} else {
		r->resp.status = 301;
		loc = page_url(r, arena_printf(r->arena, "%s/",
		    page_path_encode(r->arena, r->path)));
		/* Keep ?page=N; a query that cannot be a header is dropped. */
		q = r->query_string;
		if (q != NULL && q[0] != '\0' && http_header_value_ok(q))
			loc = arena_printf(r->arena, "%s?%s", loc, q);
	}
	if (!http_header_value_ok(loc))
		return 500;
	r->resp.location = loc;
	r->resp.max_age = (int)cfg->cache_seconds;
	return 0;
}
