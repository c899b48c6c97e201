/*
 * Reading revisions (see db_revision.h).  Every lookup is by item as well
 * as by id, so a revision number taken from one item's URL can never show
 * or restore another item's text.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "db_revision.h"
#include "item_edit.h"

/* Fills r from a row of REV_COLS (db.c), and the snapshot if present. */
static void
rev_from_row(void *elem, const struct db_row *row)
{
	struct revision	*r = elem;

	memset(r, 0, sizeof(*r));
	r->id = row->v[0].i;
	r->item_id = row->v[1].i;
	r->version = row->v[2].i;
	r->user_id = row->v[3].i;
	r->user_name = row->v[4].s;
	r->created_at = row->v[5].t;
	r->note = row->v[6].s != NULL ? row->v[6].s : "";
	if (row->n > 7)
		r->snapshot = row->v[7].s;
}

int
db_revision_list(struct db *db, struct arena *a, long long item_id,
    long long limit, long long offset, struct revision **out, size_t *outc)
{
	struct db_params p;
	void		*v = NULL;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, item_id);
	db_param_int(&p, limit);
	db_param_int(&p, offset);
	rc = db_exec_all(db, STMT_REV_LIST, &p, a, sizeof(**out),
	    rev_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_revision_count(struct db *db, long long item_id, long long *count)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_REV_COUNT, &p) == -1)
		goto out;
	if (db_fetch(db, STMT_REV_COUNT, NULL, &row) == 1) {
		*count = row.v[0].i;
		rc = 0;
	}
out:
	db_done(db, STMT_REV_COUNT);
	return rc;
}

int
db_revision_get(struct db *db, struct arena *a, long long item_id,
    long long id, struct revision *r)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, id);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_REV_GET, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, STMT_REV_GET, a, &row)) == 1)
		rev_from_row(r, &row);
out:
	db_done(db, STMT_REV_GET);
	return rc;
}

/*
 * Runs s, a lookup by key (STMT_REV_TAG_NAME: in language lang), and
 * sets *id, and *name if the statement gives one, from its row.  Returns
 * 1, 0 (none: *id 0) or -1.
 */
static int
lookup(struct db *db, struct arena *a, enum stmt s, const char *lang,
    const char *key, long long *id, const char **name)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	*id = 0;
	db_params_init(&p);
	if (s == STMT_REV_TAG_NAME) {
		db_param_str(&p, lang);
		db_param_str(&p, key);
		db_param_str(&p, key);
	}
	db_param_str(&p, key);
	if (db_exec(db, s, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, s, a, &row)) == 1) {
		*id = row.v[0].i;
		if (name != NULL && row.n > 1 && row.v[1].s != NULL)
			*name = row.v[1].s;
	}
out:
	db_done(db, s);
	return rc;
}

int
db_revision_resolve(struct db *db, struct arena *a, struct item_edit *e)
{
	long long	 id;
	size_t		 i;

	for (i = 0; i < e->tagc; i++)
		if (lookup(db, a, STMT_REV_TAG_NAME, e->lang, e->tags[i], &id,
		    &e->tags[i]) == -1)
			return -1;
	for (i = 0; i < e->mediac; i++)
		if (e->media[i].media_id == 0 &&
		    e->media[i].original_name != NULL &&
		    lookup(db, a, STMT_REV_FILE_BY_NAME, NULL,
		    e->media[i].original_name, &e->media[i].media_id,
		    NULL) == -1)
			return -1;
	for (i = 0; i < e->sigc; i++)
		if (e->sigs[i].org_id == 0 && e->sigs[i].org_name != NULL &&
		    lookup(db, a, STMT_REV_ORG_BY_SLUG, NULL,
		    e->sigs[i].org_name, &e->sigs[i].org_id,
		    &e->sigs[i].org_name) == -1)
			return -1;
	for (i = 0; i < e->speakerc; i++)
		if (e->speakers[i].org_id == 0 &&
		    e->speakers[i].org_name != NULL &&
		    lookup(db, a, STMT_REV_ORG_BY_SLUG, NULL,
		    e->speakers[i].org_name, &e->speakers[i].org_id,
		    &e->speakers[i].org_name) == -1)
			return -1;
	return 0;
}
