/*
 * The editing program's lists and the organisations registry: items of
 * every status (the admin sees drafts, scheduled and archived items,
 * which the public statements never return), the dashboard, users for
 * the author filter, purging an archived item, and adding and renaming
 * organisations.  Optional filters are fixed SQL with "(? IS NULL OR
 * ...)" places (db.c), so no statement is ever assembled from values.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <mysqld_error.h>

#include "arena.h"
#include "db.h"
#include "db_admin.h"
#include "db_internal.h"
#include "item_edit.h"
#include "log.h"
#include "slug.h"
#include "util.h"

/* Query values of enum admin_status. */
const char *const admin_status_names[ADMIN_STATUS__MAX] = {
	"",			/* ADMIN_STATUS_ANY */
	"draft",		/* ADMIN_STATUS_DRAFT */
	"review",		/* ADMIN_STATUS_REVIEW */
	"published",		/* ADMIN_STATUS_PUBLISHED */
	"scheduled",		/* ADMIN_STATUS_SCHEDULED */
	"archived",		/* ADMIN_STATUS_ARCHIVED */
};

/* Statement of each dashboard section. */
static const enum stmt dash_stmts[DASH__MAX] = {
	STMT_ADM_DASH_DRAFTS,		/* DASH_DRAFTS */
	STMT_ADM_DASH_REVIEW,		/* DASH_REVIEW */
	STMT_ADM_DASH_SCHEDULED,	/* DASH_SCHEDULED */
	STMT_ADM_DASH_RECENT,		/* DASH_RECENT */
};

/* Longest organisation slug (organisations.slug is VARCHAR(100)). */
#define ORG_SLUG_MAX	90
/* Suffixes tried before giving up on a unique slug. */
#define ORG_SLUG_TRIES	1000

/* A row of ADM_ITEM_COLS (db.c). */
static void
admin_item_from_row(void *elem, const struct db_row *r)
{
	struct admin_item	*it = elem;

	memset(it, 0, sizeof(*it));
	it->id = r->v[0].i;
	it->kind = r->v[1].s != NULL ? kind_from_name(r->v[1].s) : KIND__MAX;
	it->lang = r->v[2].s;
	it->group_id = r->v[3].i;
	it->slug = r->v[4].s;
	it->title = r->v[5].s;
	it->status = r->v[6].s != NULL ? item_status_from_name(r->v[6].s) :
	    STATUS__MAX;
	it->scheduled = r->v[7].i != 0;
	it->published_at = r->v[8].t;
	it->updated_at = r->v[9].t;
	it->author_id = r->v[10].i;
	it->author_name = r->v[11].s;
	it->version = r->v[12].i;
	it->created_at = r->v[13].t;
}

/* Binds a string filter twice: NULL leaves the filter out. */
static void
bind_str2(struct db_params *p, const char *s)
{
	db_param_str(p, s);
	db_param_str(p, s);
}

/*
 * Binds the filter places of ADM_ITEM_FILTER (db.c) in their order.
 * like is the caller's buffer for the title pattern.  Returns 0 or -1.
 */
static int
filter_bind(const struct admin_item_filter *f, struct db_params *p,
    char *like, size_t likesz)
{
	const char	*status = NULL;
	long long	 tag_id = 0;
	int		 sched = -1;

	db_params_init(p);
	bind_str2(p, f->kind < KIND__MAX ? kind_names[f->kind] : NULL);
	bind_str2(p, f->lang);
	bind_str2(p, f->langs);
	switch (f->status) {
	case ADMIN_STATUS_DRAFT:
		status = "draft";
		break;
	case ADMIN_STATUS_REVIEW:
		status = "review";
		break;
	case ADMIN_STATUS_PUBLISHED:
		status = "published";
		sched = 0;
		break;
	case ADMIN_STATUS_SCHEDULED:
		status = "published";
		sched = 1;
		break;
	case ADMIN_STATUS_ARCHIVED:
		status = "archived";
		break;
	default:
		break;
	}
	bind_str2(p, status);
	if (sched == -1) {
		db_param_null(p);
		db_param_null(p);
	} else {
		db_param_int(p, sched);
		db_param_int(p, sched);
	}
	/* A tag is named by its id or its slug: either may match. */
	if (f->tag != NULL) {
		if (util_strtonum(f->tag, 1, LLONG_MAX, &tag_id) == -1)
			tag_id = 0;
		db_param_str(p, f->tag);
		db_param_int(p, tag_id);
		db_param_str(p, f->tag);
	} else {
		db_param_null(p);
		db_param_null(p);
		db_param_null(p);
	}
	if (f->author_id > 0) {
		db_param_int(p, f->author_id);
		db_param_int(p, f->author_id);
	} else {
		db_param_null(p);
		db_param_null(p);
	}
	if (f->search != NULL) {
		if (db_like_pattern(f->search, like, likesz) == -1) {
			log_warnx("title search too long");
			return -1;
		}
		bind_str2(p, like);
	} else {
		db_param_null(p);
		db_param_null(p);
	}
	return 0;
}

int
db_admin_item_list(struct db *db, struct arena *a,
    const struct admin_item_filter *f, struct admin_item **out,
    size_t *outc, long long *total)
{
	struct db_params p;
	struct db_row	 row;
	char		 like[DB_LIKE_MAX];
	void		*v;
	int		 rc = -1;

	*out = NULL;
	*outc = 0;
	*total = 0;
	if (f->offset < 0 || f->limit < 0) {
		log_warnx("negative offset or limit");
		goto out;
	}
	if (filter_bind(f, &p, like, sizeof(like)) == -1)
		goto out;
	if (db_exec(db, STMT_ADM_ITEM_COUNT, &p) == -1)
		goto out;
	if (db_fetch(db, STMT_ADM_ITEM_COUNT, NULL, &row) == 1)
		*total = row.v[0].i;
	db_done(db, STMT_ADM_ITEM_COUNT);
	if (*total == 0 || f->offset >= *total) {
		rc = 0;
		goto out;
	}
	if (filter_bind(f, &p, like, sizeof(like)) == -1)
		goto out;
	db_param_int(&p, f->limit);
	db_param_int(&p, f->offset);
	if (db_exec_all(db, STMT_ADM_ITEM_LIST, &p, a, sizeof(**out),
	    admin_item_from_row, &v, outc) == -1)
		goto out;
	*out = v;
	rc = 0;
out:
	return rc;
}

int
db_admin_dash(struct db *db, struct arena *a, enum dash_section sec,
    long long user_id, long long limit, struct admin_item **out,
    size_t *outc)
{
	struct db_params p;
	void		*v = NULL;
	int		 rc = -1;

	*out = NULL;
	*outc = 0;
	if (sec >= DASH__MAX)
		goto out;
	db_params_init(&p);
	if (sec == DASH_DRAFTS)
		db_param_int(&p, user_id);
	db_param_int(&p, limit);
	if (db_exec_all(db, dash_stmts[sec], &p, a, sizeof(**out),
	    admin_item_from_row, &v, outc) == -1)
		goto out;
	*out = v;
	rc = 0;
out:
	return rc;
}

static void
user_name_from_row(void *elem, const struct db_row *r)
{
	struct admin_user_name	*u = elem;

	u->id = r->v[0].i;
	u->display_name = r->v[1].s;
}

int
db_admin_user_names(struct db *db, struct arena *a,
    struct admin_user_name **out, size_t *outc)
{
	void	*v = NULL;
	int	 rc;

	rc = db_exec_all(db, STMT_ADM_USER_NAMES, NULL, a, sizeof(**out),
	    user_name_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_admin_item_in_group(struct db *db, long long group_id, const char *lang,
    long long *id)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, group_id);
	db_param_str(&p, lang);
	if (db_exec(db, STMT_ADM_ITEM_IN_GROUP, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_ADM_ITEM_IN_GROUP, NULL, &row);
	if (rc == 1)
		*id = row.v[0].i;
out:
	db_done(db, STMT_ADM_ITEM_IN_GROUP);
	return rc;
}

int
db_admin_item_purge(struct db *db, long long id)
{
	struct db_params p;
	long long	 n;
	int		 rc = -1, tx = 0;

	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_ITEM_PURGE, &p) == -1)
		goto out;
	n = db_affected(db, STMT_ADM_ITEM_PURGE);
	db_done(db, STMT_ADM_ITEM_PURGE);
	if (n == 0) {
		rc = 0;
		goto out;
	}
	/*
	 * An archived item is on no public page, but the feeds' validators
	 * count every item of their scope: bump for them and for caches.
	 */
	if (db_exec(db, STMT_GENERATION_BUMP, NULL) == -1)
		goto out;
	db_done(db, STMT_GENERATION_BUMP);
	if (db_tx_commit(db) == -1)
		goto out;
	tx = 0;
	rc = 1;
out:
	if (tx)
		db_tx_rollback(db);
	return rc;
}

/* Returns 1 if an organisation has the slug, 0 if none, -1 on error. */
static int
org_slug_taken(struct db *db, const char *slug)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_str(&p, slug);
	if (db_exec(db, STMT_ORG_ID, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_ORG_ID, NULL, &row);
out:
	db_done(db, STMT_ORG_ID);
	return rc;
}

int
db_org_create(struct db *db, const char *name, const char *short_name,
    const char *url, long long *id)
{
	struct db_params p;
	struct arena	*a;
	const char	*base;
	char		 slug[ORG_SLUG_MAX + 16];
	int		 i, taken, rc = -1;

	a = arena_new();
	/* A name in a script we do not transliterate still gets a slug. */
	base = slug_derive(a, name, ORG_SLUG_MAX);
	if (base == NULL || base[0] == '\0')
		base = "organisation";
	for (i = 1; i <= ORG_SLUG_TRIES; i++) {
		if (i == 1)
			snprintf(slug, sizeof(slug), "%s", base);
		else
			snprintf(slug, sizeof(slug), "%s-%d", base, i);
		if ((taken = org_slug_taken(db, slug)) == -1)
			goto out;
		if (taken)
			continue;
		db_params_init(&p);
		db_param_str(&p, slug);
		db_param_str(&p, name);
		db_param_str(&p, short_name);
		db_param_str(&p, url);
		if (db_exec(db, STMT_ADM_ORG_INSERT, &p) == 0) {
			*id = db_insert_id(db, STMT_ADM_ORG_INSERT);
			db_done(db, STMT_ADM_ORG_INSERT);
			rc = 0;
			goto out;
		}
		/* Someone took the slug between our look and our insert. */
		if (db->lasterrno != ER_DUP_ENTRY)
			goto out;
	}
	log_warnx("no free slug for organisation \"%s\"", base);
out:
	arena_free(a);
	return rc;
}

static void
org_from_row(void *elem, const struct db_row *r)
{
	struct org	*o = elem;

	db_org_from_row(o, r, 0);
	o->count = r->v[6].i;
}

int
db_org_list_all(struct db *db, struct arena *a, struct org **out,
    size_t *outc)
{
	void	*v = NULL;
	int	 rc;

	rc = db_exec_all(db, STMT_ADM_ORG_LIST, NULL, a, sizeof(**out),
	    org_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_org_get_by_id(struct db *db, struct arena *a, long long id,
    struct org *o)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_ORG_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_ADM_ORG_GET, a, &row);
	if (rc == 1)
		org_from_row(o, &row);
out:
	db_done(db, STMT_ADM_ORG_GET);
	return rc;
}

int
db_org_update(struct db *db, long long id, const char *name,
    const char *short_name, const char *url)
{
	struct db_params p;
	struct db_row	 row;
	struct arena	*a;
	int		 rc = -1, tx = 0, found;

	a = arena_new();
	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	/* UPDATE's count is of changed rows: look for the row first. */
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_ORG_GET, &p) == -1)
		goto out;
	found = db_fetch(db, STMT_ADM_ORG_GET, a, &row);
	db_done(db, STMT_ADM_ORG_GET);
	if (found != 1) {
		rc = found;
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, name);
	db_param_str(&p, short_name);
	db_param_str(&p, url);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_ORG_UPDATE, &p) == -1)
		goto out;
	db_done(db, STMT_ADM_ORG_UPDATE);
	db_params_init(&p);
	db_param_int(&p, id);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_ORG_TOUCH_ITEMS, &p) == -1)
		goto out;
	db_done(db, STMT_ADM_ORG_TOUCH_ITEMS);
	if (db_exec(db, STMT_GENERATION_BUMP, NULL) == -1)
		goto out;
	db_done(db, STMT_GENERATION_BUMP);
	if (db_tx_commit(db) == -1)
		goto out;
	tx = 0;
	rc = 1;
out:
	if (tx)
		db_tx_rollback(db);
	arena_free(a);
	return rc;
}

int
db_admin_tag_list(struct db *db, struct arena *a, const char *lang,
    struct tag **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_str(&p, lang);
	rc = db_exec_all(db, STMT_ADM_TAG_LIST, &p, a, sizeof(**out),
	    db_tag_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_admin_tag_get(struct db *db, struct arena *a, long long id,
    struct tag *t)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_TAG_GET, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, STMT_ADM_TAG_GET, a, &row)) == 1)
		db_tag_from_row(t, &row);
out:
	db_done(db, STMT_ADM_TAG_GET);
	return rc;
}

/* Renews the items of a tag and the generation (inside a transaction). */
static int
tag_touch(struct db *db, long long id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_run(db, STMT_ADM_TAG_TOUCH_ITEMS, &p) == -1)
		return -1;
	return db_run(db, STMT_GENERATION_BUMP, NULL);
}

int
db_admin_tag_rename(struct db *db, long long id, const char *name)
{
	struct db_params p;
	struct db_row	 row;
	struct tag	 t;
	struct arena	*a;
	int		 rc = -1, tx = 0, c;

	a = arena_new();
	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	if ((c = db_admin_tag_get(db, a, id, &t)) != 1) {
		rc = c;
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, t.lang);
	db_param_str(&p, name);
	db_param_int(&p, id);
	if (db_exec(db, STMT_ADM_TAG_SAME_NAME, &p) == -1)
		goto out;
	c = db_fetch(db, STMT_ADM_TAG_SAME_NAME, NULL, &row);
	db_done(db, STMT_ADM_TAG_SAME_NAME);
	if (c != 0) {
		rc = c == 1 ? 2 : -1;
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, name);
	db_param_int(&p, id);
	if (db_run(db, STMT_ADM_TAG_RENAME, &p) == -1 ||
	    tag_touch(db, id) == -1)
		goto out;
	if (db_tx_commit(db) == -1)
		goto out;
	tx = 0;
	rc = 1;
out:
	if (tx)
		db_tx_rollback(db);
	arena_free(a);
	return rc;
}

int
db_admin_tag_merge(struct db *db, long long from, long long into)
{
	struct db_params p;
	struct tag	 f, t;
	struct arena	*a;
	int		 rc = -1, tx = 0, c;

	a = arena_new();
	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	if ((c = db_admin_tag_get(db, a, from, &f)) != 1 ||
	    (c = db_admin_tag_get(db, a, into, &t)) != 1) {
		rc = c;
		goto out;
	}
	if (from == into || strcmp(f.lang, t.lang) != 0) {
		rc = 0;
		goto out;
	}
	db_params_init(&p);
	db_param_int(&p, into);
	db_param_int(&p, from);
	if (db_run(db, STMT_ADM_TAG_MERGE, &p) == -1)
		goto out;
	db_params_init(&p);
	db_param_int(&p, from);
	if (db_run(db, STMT_ADM_TAG_DELETE, &p) == -1 ||
	    tag_touch(db, into) == -1)
		goto out;
	if (db_tx_commit(db) == -1)
		goto out;
	tx = 0;
	rc = 1;
out:
	if (tx)
		db_tx_rollback(db);
	arena_free(a);
	return rc;
}

int
db_admin_tag_delete(struct db *db, long long id)
{
	struct db_params p;
	struct tag	 t;
	struct arena	*a;
	int		 rc = -1, tx = 0, c;

	a = arena_new();
	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	if ((c = db_admin_tag_get(db, a, id, &t)) != 1) {
		rc = c;
		goto out;
	}
	if (t.count > 0) {
		rc = 2;
		goto out;
	}
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_run(db, STMT_ADM_TAG_DELETE, &p) == -1 ||
	    db_run(db, STMT_GENERATION_BUMP, NULL) == -1)
		goto out;
	if (db_tx_commit(db) == -1)
		goto out;
	tx = 0;
	rc = 1;
out:
	if (tx)
		db_tx_rollback(db);
	arena_free(a);
	return rc;
}
