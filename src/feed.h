/*
 * Feeds and calendars: the writers of Atom 1.0 (feed_atom.c), RSS 2.0
 * (feed_rss.c), JSON Feed 1.1 (feed_json.c) and iCalendar (feed_ics.c),
 * and what they share (feed.c).  A writer turns a struct feed, built by
 * page_feed.c from the database, into bytes; it never queries anything,
 * so the same feed can be written to a response, a file or a test buffer.
 *
 * Every string is UTF-8.  Writers never emit a character outside XML 1.0's
 * Char production (or a control character in JSON and iCalendar): one that
 * reaches them is dropped and logged.  URLs given here are absolute.
 */
#ifndef FEED_H
#define FEED_H

#include <stddef.h>
#include <time.h>

struct	arena;
struct	out;

/* A link to another representation (a translation, another format). */
struct	feed_link {
	const char	*href;		/* absolute URL */
	const char	*hreflang;	/* BCP 47 code, or NULL */
	const char	*type;		/* MIME type, or NULL */
	const char	*title;		/* or NULL */
};

/* A file that goes with an entry (RSS enclosure, Atom rel=enclosure). */
struct	feed_enclosure {
	const char	*href;		/* absolute URL */
	const char	*type;		/* MIME type */
	long long	 length;	/* exact size in bytes */
	const char	*title;		/* alt text or file name, or NULL */
};

/* A category: the entry's kind, or one of its tags. */
struct	feed_category {
	const char	*term;		/* "statement", a tag slug */
	const char	*label;		/* human name in the entry's language */
	const char	*scheme;	/* absolute URL of the vocabulary */
};

/* A person or organisation credited on an entry. */
struct	feed_person {
	const char	*name;
	const char	*uri;		/* absolute URL, or NULL */
};

/* The event-only fields, for iCalendar and for feeds' event details. */
struct	feed_event {
	time_t		 starts;	/* UTC */
	time_t		 ends;		/* UTC */
	const char	*tz;		/* IANA zone of the event */
	const char	*location;	/* "" if none */
	const char	*online_url;	/* or NULL */
	const char	*registration_url; /* or NULL */
	long long	 sequence;	/* iCalendar SEQUENCE: item version */
	time_t		 created;	/* first publication */
};

struct	feed_entry {
	const char	*id;		/* permanent: a tag: URI */
	const char	*title;
	const char	*summary;	/* plain text, may be "" */
	const char	*content_html;	/* sanitised, URLs absolute; or "" */
	const char	*url;		/* absolute URL of the item page */
	const char	*lang;		/* the entry's language */
	time_t		 published;
	time_t		 updated;
	struct feed_category *categories; /* kind first, then tags */
	size_t		 categoryc;
	struct feed_person *authors;	/* byline; may be empty */
	size_t		 authorc;
	struct feed_person *contributors; /* statement signatories */
	size_t		 contributorc;
	struct feed_enclosure *enclosures; /* attachments */
	size_t		 enclosurec;
	struct feed_link *translations;	/* same item, other languages */
	size_t		 translationc;
	const struct feed_event *event;	/* NULL unless an event */
};

/* RFC 5005 links of a feed document; NULL where there is none. */
struct	feed_paging {
	const char	*first;		/* paged feed: the newest page */
	const char	*next;		/* paged feed: the next older page */
	const char	*previous;	/* paged feed: the next newer page */
	const char	*last;		/* paged feed: the oldest page */
	const char	*current;	/* archived feed: the subscription */
	const char	*prev_archive;	/* archived feed: older archive */
	const char	*next_archive;	/* archived feed: newer archive */
	int		 is_archive;	/* this document is an archive page */
};

struct	feed {
	const char	*id;		/* permanent id of the feed (tag: URI) */
	const char	*title;
	const char	*subtitle;	/* or NULL */
	const char	*lang;		/* the feed's language */
	const char	*self;		/* absolute URL of this document */
	const char	*alternate;	/* absolute URL of the HTML page */
	const char	*icon;		/* absolute URL, or NULL */
	const char	*site_url;	/* absolute base URL of the site */
	const char	*generator;	/* "Broadside 0.1.0" */
	time_t		 updated;	/* newest entry's update; never "now" */
	int		 ttl;		/* minutes a reader may cache (RSS) */
	struct feed_paging paging;
	struct feed_link *alternates;	/* the feed in other languages */
	size_t		 alternatec;
	struct feed_entry *entries;	/* newest first */
	size_t		 entryc;
	const char	*site_name;	/* feed-level author where an entry
					   has none; NULL: the title */
};

/* Writes an Atom 1.0 document (RFC 4287, RFC 5005).  Returns 0 or -1. */
int	 feed_atom_write(const struct feed *, struct out *);
/* Writes an RSS 2.0 document (Best Practices Profile).  Returns 0 or -1. */
int	 feed_rss_write(const struct feed *, struct out *);
/* Writes a JSON Feed 1.1 document.  Returns 0 or -1. */
int	 feed_json_write(const struct feed *, struct out *);
/*
 * Writes an iCalendar object (RFC 5545) with one VEVENT per entry that has
 * an event, and a VTIMEZONE for each zone used.  Returns 0 or -1.
 */
int	 feed_ics_write(const struct feed *, struct out *);
/*
 * Returns a copy of a sanitised HTML fragment in which every relative URL
 * (href, src) is resolved against base, allocated in the arena; NULL on
 * failure (logged).
 */
char	*feed_html_absolute(struct arena *, const char *html, const char *base);
/*
 * Returns a copy of s without the characters XML 1.0 does not allow,
 * in the arena; logs once if any were removed.  NULL gives NULL.
 */
const char *feed_xml_clean(struct arena *, const char *s);
/*
 * For the writers: returns a copy of the feed, in the arena, whose
 * strings hold only XML 1.0 characters (see feed_xml_clean), logging once
 * if anything was removed.  NULL strings that every format needs (ids,
 * titles, summaries, content, URLs) become "", and an entry without a
 * language gets the feed's.  The copy may share clean strings with the
 * original, so it must not outlive it.
 */
struct feed *feed_copy_clean(struct arena *, const struct feed *);

#endif /* !FEED_H */
