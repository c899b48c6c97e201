/*
 * The editing program's lists (db_admin.c): items of every status with
 * filters, the dashboard's sections, the organisations registry, the
 * users an item list can filter by, and deleting an archived item for
 * good.  Returns as db.h says: lookups 1/0/-1, others 0/-1.  Rows live in
 * the arena passed in.
 */
#ifndef DB_ADMIN_H
#define DB_ADMIN_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"
#include "db.h"
#include "item_edit.h"

struct	admin;
struct	arena;
struct	view;

/* One row of the admin's item lists. */
struct	admin_item {
	long long	 id;
	enum kind	 kind;
	const char	*lang;
	long long	 group_id;
	const char	*slug;
	const char	*title;
	enum item_status status;
	int		 scheduled;	/* published, its time still to come */
	time_t		 published_at;	/* 0: not set */
	time_t		 updated_at;
	long long	 author_id;	/* 0: none */
	const char	*author_name;	/* NULL: none */
	long long	 version;
	time_t		 created_at;
};

/* The list's status filter: the four states, split at publication. */
enum	admin_status {
	ADMIN_STATUS_ANY,	/* every status but archived */
	ADMIN_STATUS_DRAFT,
	ADMIN_STATUS_REVIEW,
	ADMIN_STATUS_PUBLISHED,	/* published and visible now */
	ADMIN_STATUS_SCHEDULED,	/* published, time still to come */
	ADMIN_STATUS_ARCHIVED,
	ADMIN_STATUS__MAX
};

/* Query values of the status filter ("" for ADMIN_STATUS_ANY). */
extern const char *const admin_status_names[ADMIN_STATUS__MAX];

/* What the item list shows: every filter is optional. */
struct	admin_item_filter {
	enum kind	 kind;		/* KIND__MAX: any */
	const char	*lang;		/* one language, NULL: any */
	const char	*langs;		/* "en,fr": one of these, NULL: any */
	enum admin_status status;
	const char	*tag;		/* a tag's id or slug, NULL: any */
	long long	 author_id;	/* 0: anyone's */
	const char	*search;	/* words in the title, NULL: none */
	long long	 offset;
	long long	 limit;
};

/* The dashboard's sections. */
enum	dash_section {
	DASH_DRAFTS,		/* the user's drafts, last changed first */
	DASH_REVIEW,		/* waiting for review, last changed first */
	DASH_SCHEDULED,		/* scheduled, soonest first */
	DASH_RECENT,		/* published, newest first */
	DASH__MAX
};

/* A user as the author filter offers them. */
struct	admin_user_name {
	long long	 id;
	const char	*display_name;
};

/*
 * Adds an <item> element for each row to the current element of v, with
 * @editable when the signed-in user may edit it (workflow.h): the rows of
 * the item list and of the dashboard look alike (admin_item.c).
 */
void	admin_item_rows(struct admin *, struct view *,
	    const struct admin_item *, size_t);

/*
 * Items matching f, last changed first, skipping f->offset and at most
 * f->limit, into a new arena array; *total is the count of all matches.
 * The title search matches the words literally (LIKE's wildcards are
 * escaped), case- and accent-insensitively.  Returns 0 or -1.
 */
int	db_admin_item_list(struct db *, struct arena *,
	    const struct admin_item_filter *f, struct admin_item **,
	    size_t *, long long *total);
/*
 * One section of the dashboard, at most limit rows; user_id is the
 * signed-in user (DASH_DRAFTS lists theirs).  Returns 0 or -1.
 */
int	db_admin_dash(struct db *, struct arena *, enum dash_section,
	    long long user_id, long long limit, struct admin_item **,
	    size_t *);
/* Every user's id and display name, by name.  Returns 0 or -1. */
int	db_admin_user_names(struct db *, struct arena *,
	    struct admin_user_name **, size_t *);
/*
 * The item of the translation group in lang, if any: sets *id; 1/0/-1.
 */
int	db_admin_item_in_group(struct db *, long long group_id,
	    const char *lang, long long *id);
/*
 * Deletes an archived item for good with its revisions and relations,
 * and bumps site_state, in one transaction.  Returns 1 if deleted, 0 if
 * there is no such archived item, -1 on error.
 */
int	db_admin_item_purge(struct db *, long long id);

/*
 * Adds an organisation to the registry: its slug is derived from the
 * name and made unique with a suffix ("-2", "-3" ...).  short_name and
 * url may be NULL.  The caller validated the values.  Sets *id.  Nothing
 * public changes (no item names it yet), so site_state stays.  Returns 0
 * or -1.
 */
int	db_org_create(struct db *, const char *name, const char *short_name,
	    const char *url, long long *id);
/*
 * Every organisation of the registry by name, with count the number of
 * items (any status) that name it as signatory or speaker's employer.
 * Returns 0 or -1.
 */
int	db_org_list_all(struct db *, struct arena *, struct org **, size_t *);
/* An organisation by id, with count as db_org_list_all(); 1/0/-1. */
int	db_org_get_by_id(struct db *, struct arena *, long long id,
	    struct org *);
/*
 * Changes an organisation's name, short name and URL (NULL: none); the
 * slug stays, so its public address does too.  In one transaction, the
 * items naming it get a new version and updated_at (their pages and
 * feeds show the name) and site_state is bumped.  Returns 1, 0 if there
 * is no such organisation, -1 on error.
 */
int	db_org_update(struct db *, long long id, const char *name,
	    const char *short_name, const char *url);

/*
 * The tags of a language, by name, each with the count of items using it
 * whatever their status (tag.count).
 */
int	db_admin_tag_list(struct db *, struct arena *, const char *lang,
	    struct tag **, size_t *);
/* One tag with its count; 1/0/-1. */
int	db_admin_tag_get(struct db *, struct arena *, long long id,
	    struct tag *);
/*
 * Renames a tag (its slug, and so its public address, stays), renewing
 * the items that show it and the site's generation.  Returns 1, 0 if the
 * tag is gone, 2 if another tag of its language has that name, or -1.
 */
int	db_admin_tag_rename(struct db *, long long id, const char *name);
/*
 * Moves the items of tag from onto tag into (same language) and deletes
 * from, renewing the items and the site's generation.  Returns 1, 0 if
 * either is gone or their languages differ, or -1.
 */
int	db_admin_tag_merge(struct db *, long long from, long long into);
/*
 * Deletes a tag no item uses.  Returns 1, 0 if it is gone, 2 if items
 * use it, or -1.
 */
int	db_admin_tag_delete(struct db *, long long id);

#endif /* !DB_ADMIN_H */
