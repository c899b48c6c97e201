/*
 * An item as the editing program sees it: every editable field of every
 * kind, with its relations.  The edit form fills one (admin_edit.c), the
 * database loads and saves one (db_edit.c), a revision stores one as JSON
 * (item_snapshot.c) and a preview renders one as the public page would
 * (admin_preview.c).  Strings live in an arena.
 */
#ifndef ITEM_EDIT_H
#define ITEM_EDIT_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"
#include "db.h"

struct	admin;
struct	arena;

/* Workflow states (items.status); "scheduled" is published + future. */
enum	item_status {
	STATUS_DRAFT,
	STATUS_REVIEW,
	STATUS_PUBLISHED,
	STATUS_ARCHIVED,
	STATUS__MAX
};

extern const char *const item_status_names[STATUS__MAX];
/* Looks a status up by its database name; STATUS__MAX if unknown. */
enum item_status item_status_from_name(const char *);

/* A file used by the item, with its per-use text (NULL: the file's own). */
struct	edit_media {
	long long	 media_id;
	enum media_role	 role;
	const char	*alt;
	const char	*caption;
	const char	*credit;
	/* Read with the item, for showing; not saved. */
	const char	*filename;
	const char	*mime;
	const char	*original_name;
	int		 width;
	int		 height;
};

struct	edit_signatory {
	long long	 org_id;
	const char	*role;		/* "co-signatory" */
	time_t		 signed_on;	/* 0: unknown; else 00:00 UTC */
	const char	*org_name;	/* read, for showing; not saved */
};

struct	edit_speaker {
	const char	*name;
	const char	*role;		/* job title, may be "" */
	const char	*part;		/* "Opening remarks", may be "" */
	long long	 org_id;	/* 0: none */
	int		 is_chair;
	const char	*org_name;	/* read, for showing; not saved */
};

struct	item_edit {
	long long	 id;		/* 0: not saved yet */
	enum kind	 kind;
	const char	*lang;
	long long	 group_id;	/* translation group; 0: a new one
				   (for a saved item: unlinks it) */
	const char	*slug;
	const char	*title;
	const char	*summary;
	const char	*body_md;
	const char	*hashtag;	/* without '#', NULL if none */
	const char	*byline;	/* NULL if none */
	enum item_status status;
	time_t		 published_at;	/* 0: not set */
	const char	*entry_id;	/* read only: minted on publication */
	long long	 author_id;	/* 0: none */
	long long	 version;	/* the version this state is or edits */
	time_t		 created_at;	/* read only */
	time_t		 updated_at;	/* read only */
	/* Tag names in the item's language; unknown ones are created. */
	const char	**tags;
	size_t		 tagc;
	/* Files in order within each role. */
	struct edit_media *media;
	size_t		 mediac;
	/* Statements. */
	struct edit_signatory *sigs;
	size_t		 sigc;
	/* Events. */
	time_t		 starts_at;	/* UTC */
	time_t		 ends_at;	/* UTC */
	const char	*tz;		/* IANA zone */
	const char	*location;
	const char	*online_url;	/* NULL if none */
	const char	*registration_url; /* NULL if none */
	const char	**spoken;	/* BCP 47 codes */
	size_t		 spokenc;
	const char	**interpreted;
	size_t		 interpretedc;
	struct edit_speaker *speakers;	/* in order */
	size_t		 speakerc;
};

/* What a save did (db_edit_save). */
enum	edit_result {
	EDIT_SAVED,		/* written, e->version is the new version */
	EDIT_CONFLICT,		/* someone saved since expected_version */
	EDIT_SLUG_TAKEN,	/* another item has the slug (lang, kind) */
	EDIT_GONE,		/* the item no longer exists */
	EDIT_ERROR,		/* database error, logged */
};

/*
 * db_edit.c.  Loads any item (whatever its status) with every relation;
 * 1/0/-1.
 */
int		 db_edit_load(struct db *, struct arena *, long long id,
		    struct item_edit *);
/*
 * Saves e in one transaction: inserts it if e->id is 0 (a new group if
 * e->group_id is 0; sets e->id), else updates it only if its version is
 * still expected_version.  Replaces the relations, keeps a former slug in
 * item_slugs, mints entry_id on first publication, renders body_md to
 * body_html, bumps version and updated_at, writes the revision (the
 * snapshot of item_snapshot_json, with user_id and note) and bumps
 * site_state when the item is or was visible.  Sets e->version.
 */
enum edit_result db_edit_save(struct db *, struct arena *, struct item_edit *,
		    long long expected_version, long long user_id,
		    const char *note);

/*
 * item_snapshot.c.  The JSON a revision stores: every field above but
 * the read-only ones, as an object with stable key order, so that two
 * snapshots diff field by field.  Returns a new arena string.
 */
char		*item_snapshot_json(struct arena *, const struct item_edit *);
/*
 * Reads a snapshot back into e (zeroed first).  Returns 0, or -1 if it is
 * not a snapshot.
 */
int		 item_snapshot_parse(struct arena *, const char *json,
		    struct item_edit *);

#endif /* !ITEM_EDIT_H */
