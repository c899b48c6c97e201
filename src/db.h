/*
 * The database layer: one connection per process, every statement prepared
 * once from a constant table (db.c), and typed functions per entity
 * (db_item.c, db_event.c, db_org.c, db_tag.c, db_media.c, db_migrate.c).
 * Nothing outside src/db*.c includes <mysql.h>.
 *
 * Lookups return 1 (found), 0 (not found) or -1 (error, logged).  Other
 * functions return 0 or -1.  Rows are allocated in the arena passed in.
 * On -1, db_is_down() tells a lost server (answer 503) from other errors.
 */
#ifndef DB_H
#define DB_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"

struct	arena;
struct	cfg_db;

/* Which statement set to prepare: the public one is SELECT-only. */
enum	db_role {
	DB_ROLE_PUBLIC,		/* broadside.fcgi */
	DB_ROLE_ADMIN,		/* broadside-admin.fcgi and broadside */
	DB_ROLE__MAX
};

/* One item as listings and item pages show it. */
struct	item {
	long long	 id;
	enum kind	 kind;
	const char	*lang;
	long long	 group_id;	/* translation group */
	const char	*slug;
	const char	*title;
	const char	*summary;
	const char	*body_html;	/* sanitised HTML (item pages only) */
	const char	*hashtag;	/* NULL if none */
	const char	*byline;	/* NULL if none */
	const char	*entry_id;	/* permanent tag: URI, NULL if unset */
	time_t		 published_at;
	time_t		 updated_at;
	/* Set for events in listings and pages; 0 otherwise. */
	time_t		 starts_at;
	time_t		 ends_at;
	const char	*tz;		/* event's IANA zone or NULL */
	const char	*location;	/* event location or NULL */
	/* Set by the feed functions only (0 and NULL otherwise). */
	long long	 version;	/* bumped by every save */
	const char	*online_url;	/* event's, or NULL */
	const char	*registration_url; /* event's, or NULL */
};

/* A tag, with the count of visible items when listed. */
struct	tag {
	long long	 id;
	const char	*lang;
	const char	*slug;
	const char	*name;
	long long	 count;
};

/* An organisation of the registry. */
struct	org {
	long long	 id;
	const char	*slug;
	const char	*name;
	const char	*short_name;	/* NULL if none */
	const char	*url;		/* NULL if none */
	long long	 count;		/* visible items it signed or spoke at */
	time_t		 updated_at;
};

/* A statement's signatory. */
struct	signatory {
	struct org	 org;
	const char	*role;
	time_t		 signed_on;	/* 0 if unknown; a date at 00:00 UTC */
};

/* Roles of a file attached to an item. */
enum	media_role {
	MEDIA_ATTACHMENT,	/* case-study PDF, other downloads */
	MEDIA_GALLERY,		/* news photo gallery */
	MEDIA_HERO,		/* picture at the top of the page */
	MEDIA__MAX
};

struct	media {
	long long	 id;
	enum media_role	 role;
	const char	*filename;	/* under cfg->media_dir / media_url */
	const char	*original_name;
	const char	*mime;
	long long	 bytes;
	int		 width;		/* 0 if not an image */
	int		 height;
	const char	*alt;
	const char	*caption;	/* item's caption, else media's */
	const char	*credit;
	/*
	 * Resized copies of an uploaded picture: NAME-W.EXT for the first
	 * renditions widths of 480, 960, 1600 (item pages only; else 0).
	 */
	int		 renditions;
};

/* The event-only fields of an item. */
struct	event {
	time_t		 starts_at;
	time_t		 ends_at;
	const char	*tz;
	const char	*location;
	const char	*online_url;	/* NULL if none */
	const char	*registration_url; /* NULL if none */
	const char	**spoken;	/* BCP 47 codes */
	size_t		 spokenc;
	const char	**interpreted;	/* BCP 47 codes */
	size_t		 interpretedc;
};

struct	speaker {
	const char	*name;
	const char	*role;		/* job title */
	const char	*part;		/* "Opening remarks", may be "" */
	int		 is_chair;
	struct org	 org;		/* org.id == 0 if none */
};

/* A translation of an item: another language in the same group. */
struct	translation {
	const char	*lang;
	const char	*lang_name;	/* in that language */
	enum kind	 kind;
	const char	*slug;
	const char	*title;
};

/* A language from the languages table. */
struct	language {
	const char	*code;
	const char	*name;
	const char	*dir;		/* "ltr" or "rtl" */
};

/*
 * What hangs off an item in a feed, loaded for a whole page of entries
 * at once (db_item_extras()).
 */
struct	item_extras {
	struct tag		*tags;	/* by name */
	size_t			 tagc;
	struct media		*files;	/* attachments only, in order */
	size_t			 filec;
	struct signatory	*sigs;	/* in order */
	size_t			 sigc;
	struct translation	*trs;	/* visible ones, by language order */
	size_t			 trc;
};

/*
 * The validators of a feed or calendar (db_feed_validators()): numbers
 * that change whenever what the feed shows may have, read without reading
 * any item's text.
 */
struct	feed_validators {
	long long	 count;		/* visible items of the scope */
	time_t		 published;	/* newest of their published_at; 0 */
	time_t		 updated;	/* newest updated_at, any status; 0 */
	long long	 versions;	/* sum of versions, any status */
	long long	 scope_id;	/* tag, organisation or event id; 0 */
	const char	*scope_name;	/* tag or organisation name, or NULL */
	long long	 links;		/* tag, org: rows linking items */
	time_t		 scope_updated;	/* organisation's updated_at; 0 */
	long long	 id_sum;	/* archive page: sum of the ids */
	long long	 id_xor;	/* archive page: XOR of the ids */
};

/* Longest search pattern in bytes: ample for DB_SEARCH_MAX characters. */
#define DB_SEARCH_MAX	200	/* characters a search may have */
#define DB_LIKE_MAX	(DB_SEARCH_MAX * 4 * 2 + 3)

/* What a listing shows: one filter at most besides the language. */
struct	item_query {
	const char	*lang;		/* required */
	enum kind	 kind;		/* KIND__MAX: all kinds */
	long long	 tag_id;	/* 0: any tag */
	long long	 org_id;	/* 0: any organisation */
	const char	*search;	/* NULL, or words to find (alone) */
	long long	 offset;
	long long	 limit;
};

/*
 * Connects with the given account and prepares the role's statements.
 * Returns a new handle (caller frees with db_close()) or NULL with a reason
 * in *err (static storage).  The session uses utf8mb4 and time_zone +00:00.
 */
struct db	*db_open(const struct cfg_db *, enum db_role, const char **err);
/* Closes the connection and frees its statements; accepts NULL. */
void		 db_close(struct db *);
/*
 * Makes sure the connection is usable before a request: if the server went
 * away, reconnects and re-prepares.  Returns 0, or -1 if still down.
 */
int		 db_ensure(struct db *);
/* Returns 1 if the last error was a lost or unreachable server. */
int		 db_is_down(const struct db *);
/* Returns the schema version recorded in the database, or -1. */
int		 db_schema_version(struct db *);
/* The schema version this build knows. */
int		 db_schema_expected(void);
/* The server's current UTC time, as the visibility rule sees it. */
int		 db_now(struct db *, time_t *);
/*
 * Checks that the database schema is the one this build knows.  Returns 0,
 * or -1 with a message for the operator in *msg (static storage), e.g.
 * "database schema is version 0, this program needs 1: run `broadside
 * migrate`".  Programs call it at startup and refuse to run on -1.
 */
int		 db_check_schema(struct db *, const char **msg);
/*
 * The content generation (bumped by every write that can change a public
 * page or feed) and when it last changed: for ETags and Last-Modified.
 */
int		 db_site_state(struct db *, unsigned long long *generation,
		    time_t *changed_at);
/* Releases the client library's global state; call once before exit. */
void		 db_library_end(void);

/* Listings (visible items only), newest published first. */
int		 db_item_list(struct db *, struct arena *,
		    const struct item_query *, struct item **, size_t *);
/* Number of visible items matching the query (offset/limit ignored). */
int		 db_item_count(struct db *, const struct item_query *,
		    long long *);
/* A visible item by language, kind and slug; 1/0/-1. */
int		 db_item_get(struct db *, struct arena *, const char *lang,
		    enum kind, const char *slug, struct item *);
/*
 * A former slug of a visible item: sets *slug to its current one; 1/0/-1.
 */
int		 db_item_get_old_slug(struct db *, struct arena *,
		    const char *lang, enum kind, const char *oldslug,
		    const char **slug);
/* Visible translations of an item into other languages. */
int		 db_item_translations(struct db *, struct arena *,
		    const struct item *, struct translation **, size_t *);
/* The item's tags. */
int		 db_item_tags(struct db *, struct arena *, long long item_id,
		    struct tag **, size_t *);
/* The item's files, in role then position order. */
int		 db_item_media(struct db *, struct arena *, long long item_id,
		    struct media **, size_t *);
/* A statement's signatories in order. */
int		 db_item_signatories(struct db *, struct arena *,
		    long long item_id, struct signatory **, size_t *);
/* An event's fields; 1/0/-1. */
int		 db_event_get(struct db *, struct arena *, long long item_id,
		    struct event *);
/* An event's speakers in order. */
int		 db_event_speakers(struct db *, struct arena *,
		    long long item_id, struct speaker **, size_t *);
/* Visible events of a language ending after now, soonest first. */
int		 db_event_list_upcoming(struct db *, struct arena *,
		    const char *lang, long long limit, struct item **, size_t *);
/*
 * The validators of a feed: scope FEED_SCOPE_SITE (lang), _KIND (kind),
 * _TAG (slug), _ORG (slug), _CALENDAR (the events of lang) or _EVENT
 * (slug).  Returns 1, 0 if the tag, organisation or event does not exist
 * or the event is not visible, or -1.  Names live in the arena.
 */
int		 db_feed_validators(struct db *, struct arena *,
		    enum feed_scope, const char *lang, enum kind,
		    const char *slug, struct feed_validators *);
/*
 * The validators of one page of a feed: the visible items matching the
 * query, oldest first, skipping q->offset and at most q->limit (the page
 * db_feed_items() would load), into v->count, published, updated,
 * versions, id_sum and id_xor; the other fields are left alone.  Returns
 * 0 or -1.
 */
int		 db_feed_page_validators(struct db *, const struct item_query *,
		    struct feed_validators *);
/*
 * Visible items matching the query (lang and at most one of kind, tag_id
 * and org_id; no search), OLDEST first (published_at, then id), skipping
 * q->offset and at most q->limit, with body_html, version and an event's
 * fields.
 */
int		 db_feed_items(struct db *, struct arena *,
		    const struct item_query *, struct item **, size_t *);
/*
 * Loads the tags, attachments, signatories and visible translations of n
 * items into ex[0..n-1] (the caller's array), DB_IDS items a statement.
 * Returns 0 or -1.
 */
int		 db_item_extras(struct db *, struct arena *,
		    const struct item *, size_t n, struct item_extras *ex);
/*
 * The calendar of a language: its visible events that start latest (the
 * upcoming ones first of all), latest first, at most limit, with the
 * fields db_feed_items() gives.
 */
int		 db_feed_calendar(struct db *, struct arena *, const char *lang,
		    long long limit, struct item **, size_t *);
/* One visible event by language and slug, as db_feed_items(); 1/0/-1. */
int		 db_feed_event(struct db *, struct arena *, const char *lang,
		    const char *slug, struct item *);
/* Tags of a language with visible items, with counts, by name. */
int		 db_tag_list(struct db *, struct arena *, const char *lang,
		    struct tag **, size_t *);
/* A tag by language and slug; 1/0/-1. */
int		 db_tag_get(struct db *, struct arena *, const char *lang,
		    const char *slug, struct tag *);
/* Organisations with visible items in a language, with counts, by name. */
int		 db_org_list(struct db *, struct arena *, const char *lang,
		    struct org **, size_t *);
/* An organisation by slug; 1/0/-1. */
int		 db_org_get(struct db *, struct arena *, const char *slug,
		    struct org *);
/* The configured languages' names and directions from the table. */
int		 db_language_list(struct db *, struct arena *,
		    struct language **, size_t *);

#endif /* !DB_H */
