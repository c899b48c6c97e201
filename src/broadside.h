/*
 * Types shared by every module of Broadside: content kinds, the request and
 * its response, the long-lived site state.  Anything that needs a library
 * header (MySQL, libxml2, libfcgi) stays out of this file.
 */
#ifndef BROADSIDE_H
#define BROADSIDE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct arena;
struct out;
struct cfg;
struct db;
struct tmpl;

/* Kinds of content; the order is the order of the public navigation. */
enum	kind {
	KIND_NEWS,		/* campaign posts, with hashtag and gallery */
	KIND_CASE_STUDY,	/* a story plus its full-report PDF */
	KIND_STATEMENT,		/* statements signed by organisations */
	KIND_EVENT,		/* webinars and meetings, with speakers */
	KIND__MAX
};

/* Database value of each kind (the items.kind ENUM). */
extern const char *const kind_names[KIND__MAX];
/* Path segment of each kind's listing: /{lang}/{segment}/. */
extern const char *const kind_segments[KIND__MAX];

/* Looks a kind up by its database name; returns KIND__MAX if unknown. */
enum kind	 kind_from_name(const char *);
/* Looks a kind up by its URL segment; returns KIND__MAX if unknown. */
enum kind	 kind_from_segment(const char *);

/* HTTP request methods we recognise; anything else is METHOD__MAX. */
enum	method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_PUT,
	METHOD_DELETE,
	METHOD_OPTIONS,
	METHOD__MAX
};

/* Public pages; route.c maps method + path to one of these. */
enum	page {
	PAGE_ROOT,		/* / : redirect to the default language */
	PAGE_LANG_REDIRECT,	/* /{lang} : add the trailing slash */
	PAGE_HOME,		/* /{lang}/ */
	PAGE_LIST,		/* /{lang}/{kind}/ */
	PAGE_ITEM,		/* /{lang}/{kind}/{slug} */
	PAGE_TAG_INDEX,		/* /{lang}/tags/ */
	PAGE_TAG,		/* /{lang}/tags/{slug}/ */
	PAGE_ORG_INDEX,		/* /{lang}/organisations/ */
	PAGE_ORG,		/* /{lang}/organisations/{slug}/ */
	PAGE_SEARCH,		/* /{lang}/search?q= */
	PAGE_SLASH_REDIRECT,	/* /{lang}/{listing} : redirect to path + "/" */
	/*
	 * A syndication feed: r->feed_format (Atom, RSS or JSON) of
	 * r->feed_scope, at /{lang}/feed.{atom,rss,json} (FEED_SCOPE_SITE),
	 * /{lang}/{kind}/feed.* (FEED_SCOPE_KIND, r->kind),
	 * /{lang}/tags/{slug}/feed.* (FEED_SCOPE_TAG, r->slug) and
	 * /{lang}/organisations/{slug}/feed.* (FEED_SCOPE_ORG, r->slug);
	 * ?page=N is archive document N (r->feed_archive, see page_feed.c).
	 */
	PAGE_FEED,
	/*
	 * An iCalendar object (r->feed_format FEED_ICS): the language's
	 * calendar at /{lang}/events.ics (FEED_SCOPE_CALENDAR) or one event
	 * at /{lang}/events/{slug}.ics (FEED_SCOPE_EVENT, r->slug).
	 */
	PAGE_CALENDAR,
	PAGE__MAX
};

/* Formats of feeds and calendars. */
enum	feed_format {
	FEED_ATOM,		/* Atom 1.0, feed.atom */
	FEED_RSS,		/* RSS 2.0, feed.rss */
	FEED_JSON,		/* JSON Feed 1.1, feed.json */
	FEED_ICS,		/* iCalendar, *.ics */
	FEED__MAX
};

/* What a feed or calendar holds (all in one language). */
enum	feed_scope {
	FEED_SCOPE_SITE,	/* every kind */
	FEED_SCOPE_KIND,	/* one kind: r->kind */
	FEED_SCOPE_TAG,		/* one tag: r->slug */
	FEED_SCOPE_ORG,		/* one organisation: r->slug */
	FEED_SCOPE_CALENDAR,	/* the events calendar */
	FEED_SCOPE_EVENT,	/* one event: r->slug */
	FEED_SCOPE__MAX
};

/*
 * File name of each syndication format's feed inside a scope's directory
 * ("feed.atom"); FEED_ICS has none (events.ics, {slug}.ics).  In route.c.
 */
extern const char *const feed_files[FEED__MAX];
/* Media type of each format, without parameters.  In route.c. */
extern const char *const feed_types[FEED__MAX];

/* A name=value pair from a query string, form body or cookie header. */
struct	kv {
	const char	*key;	/* decoded, valid UTF-8, no NUL */
	const char	*val;	/* decoded, valid UTF-8, no NUL */
};

#define RESP_COOKIES_MAX	4	/* Set-Cookie headers one response may set */

/*
 * What a handler says about its response besides the body.  fcgi.c turns it
 * into headers, adds validators and answers conditional requests.
 */
struct	resp {
	int		 status;	/* 200 unless the handler sets it */
	const char	*ctype;		/* NULL: text/html; charset=utf-8 */
	const char	*location;	/* redirect target (absolute URL) */
	time_t		 lastmod;	/* newest change shown; 0: none */
	int		 max_age;	/* Cache-Control max-age, seconds */
	int		 retry_after;	/* seconds, for 503; 0: none */
	int		 no_store;	/* Cache-Control: no-store */
	/*
	 * The ETag (quoted) when the handler knows it without the body,
	 * from validators; NULL: http_finish() hashes the body.
	 */
	const char	*etag;
	/*
	 * Set by http_not_modified() only: the request's preconditions
	 * matched etag/lastmod, status is 304 and there is no body.
	 */
	int		 not_modified;
	/* Set-Cookie header values (the admin's session), in the arena. */
	const char	*set_cookie[RESP_COOKIES_MAX];
	size_t		 set_cookiec;
	/* Content-Security-Policy; NULL: the public pages' policy. */
	const char	*csp;
	/* Allow header of a 405; NULL: "GET, HEAD". */
	const char	*allow;
};

/*
 * One parsed request.  Everything it points to lives in its arena and is
 * thrown away after the response; handlers read typed, validated values only.
 */
struct	req {
	struct arena	*arena;		/* request memory */
	const struct site *site;	/* long-lived state, never request data */
	enum method	 method;
	const char	*path;		/* percent-decoded, valid UTF-8 */
	const char	*query_string;	/* raw, as received */
	struct kv	*query;		/* decoded query parameters */
	size_t		 queryc;
	struct kv	*cookies;	/* decoded cookies */
	size_t		 cookiec;
	const char	*if_none_match;	/* raw header or NULL */
	const char	*if_modified_since; /* raw header or NULL */
	const char	*origin;	/* raw header or NULL */
	const char	*referer;	/* raw header or NULL */
	const char	*remote_addr;	/* client address or NULL */
	const char	*content_type;	/* raw header or NULL */
	size_t		 content_length; /* declared body length */
	const char	*user_agent;	/* raw header or NULL */
	/*
	 * Reads up to len bytes of the request body into buf: returns the
	 * count, 0 at its end, -1 on error.  Set by fcgi.c; NULL: no body.
	 * Handlers read at most content_length bytes.
	 */
	long		(*body_read)(void *ctx, void *buf, size_t len);
	void		*body_ctx;
	/* Filled by routing. */
	enum page	 page;
	const char	*lang;		/* a configured language code */
	enum kind	 kind;		/* PAGE_LIST, PAGE_ITEM, kind feeds */
	const char	*slug;		/* PAGE_ITEM, _TAG, _ORG, some feeds */
	long long	 pageno;	/* 1-based listing page */
	enum feed_format feed_format;	/* PAGE_FEED, PAGE_CALENDAR */
	enum feed_scope	 feed_scope;	/* PAGE_FEED, PAGE_CALENDAR */
	long long	 feed_archive;	/* PAGE_FEED: ?page=N, 0 if none */
	/* Filled by the handler. */
	struct resp	 resp;
};

/*
 * Long-lived state of a worker process, built before the accept loop.
 */
struct	site {
	const struct cfg *cfg;	/* parsed configuration */
	struct db	*db;	/* connection + prepared statements */
	struct tmpl	*tmpl;	/* compiled templates */
};

#endif /* !BROADSIDE_H */
