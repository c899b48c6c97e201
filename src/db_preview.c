/*
 * Preview links and the reads an admin preview needs besides the item
 * (db_preview.h).  A token never reaches this file: links are created
 * and found by the hash of their token only.  Whether a link may still
 * be used is the caller's decision; the expiry is judged by the server's
 * clock here (the "live" column), the same clock that wrote it.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "db_preview.h"

/* Fills a link from a row of PREVIEW_COLS (db.c). */
static void
link_from_row(void *elem, const struct db_row *r)
{
	struct preview_link	*l = elem;

	memset(l, 0, sizeof(*l));
	l->id = r->v[0].i;
	l->item_id = r->v[1].i;
	l->note = r->v[2].s != NULL ? r->v[2].s : "";
	l->created_by = r->v[3].i;
	l->created_by_name = r->v[4].s;
	l->created_at = r->v[5].t;
	l->expires_at = r->v[6].t;
	l->revoked_at = r->v[7].t;
	l->last_used_at = r->v[8].t;
	l->live = r->v[9].i != 0;
}

/* Runs a statement that finds at most one link. */
static int
link_one(struct db *db, struct arena *a, enum stmt s, struct db_params *p,
    struct preview_link *l)
{
	struct db_row	 row;
	int		 rc = -1;

	if (db_exec(db, s, p) == -1)
		goto out;
	rc = db_fetch(db, s, a, &row);
	if (rc == 1)
		link_from_row(l, &row);
out:
	db_done(db, s);
	return rc;
}

int
db_preview_create(struct db *db, struct arena *a, long long item_id,
    const unsigned char hash[AUTH_TOKEN_HASH_LEN], const char *note,
    long long user_id, unsigned int days, struct preview_link *out)
{
	struct db_params p;
	long long	 id;

	db_params_init(&p);
	db_param_int(&p, item_id);
	db_param_blob(&p, hash, AUTH_TOKEN_HASH_LEN);
	db_param_str(&p, note != NULL ? note : "");
	if (user_id > 0)
		db_param_int(&p, user_id);
	else
		db_param_null(&p);
	db_param_int(&p, days);
	if (db_exec(db, STMT_PREVIEW_INSERT, &p) == -1) {
		db_done(db, STMT_PREVIEW_INSERT);
		return -1;
	}
	id = db_insert_id(db, STMT_PREVIEW_INSERT);
	db_done(db, STMT_PREVIEW_INSERT);
	return db_preview_get(db, a, id, out) == 1 ? 0 : -1;
}

int
db_preview_get(struct db *db, struct arena *a, long long id,
    struct preview_link *l)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	return link_one(db, a, STMT_PREVIEW_BY_ID, &p, l);
}

int
db_preview_find(struct db *db, struct arena *a,
    const unsigned char hash[AUTH_TOKEN_HASH_LEN], struct preview_link *l)
{
	struct db_params p;

	db_params_init(&p);
	db_param_blob(&p, hash, AUTH_TOKEN_HASH_LEN);
	return link_one(db, a, STMT_PREVIEW_BY_HASH, &p, l);
}

int
db_preview_list(struct db *db, struct arena *a, long long item_id,
    struct preview_link **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, item_id);
	rc = db_exec_all(db, STMT_PREVIEW_LIST, &p, a, sizeof(**out),
	    link_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_preview_revoke(struct db *db, long long item_id, long long id)
{
	struct db_params p;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, id);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_PREVIEW_REVOKE, &p) == -1)
		rc = -1;
	else
		rc = db_affected(db, STMT_PREVIEW_REVOKE) > 0;
	db_done(db, STMT_PREVIEW_REVOKE);
	return rc;
}

int
db_preview_use(struct db *db, long long id)
{
	struct db_params p;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, id);
	rc = db_exec(db, STMT_PREVIEW_USE, &p);
	db_done(db, STMT_PREVIEW_USE);
	return rc;
}

int
db_preview_media(struct db *db, struct arena *a, long long media_id,
    struct media *m)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, media_id);
	if (db_exec(db, STMT_PREVIEW_MEDIA, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_PREVIEW_MEDIA, a, &row);
	if (rc == 1) {
		memset(m, 0, sizeof(*m));
		m->id = row.v[0].i;
		m->role = MEDIA__MAX;
		m->filename = row.v[1].s;
		m->original_name = row.v[2].s;
		m->mime = row.v[3].s;
		m->bytes = row.v[4].i;
		m->width = (int)row.v[5].i;
		m->height = (int)row.v[6].i;
		m->alt = row.v[7].s;
		m->caption = row.v[8].s;
		m->credit = row.v[9].s;
	}
out:
	db_done(db, STMT_PREVIEW_MEDIA);
	return rc;
}

int
db_preview_org(struct db *db, struct arena *a, long long org_id,
    struct org *o)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, org_id);
	if (db_exec(db, STMT_PREVIEW_ORG, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_PREVIEW_ORG, a, &row);
	if (rc == 1)
		db_org_from_row(o, &row, 0);
out:
	db_done(db, STMT_PREVIEW_ORG);
	return rc;
}

int
db_preview_tag(struct db *db, struct arena *a, const char *lang,
    const char *name, struct tag *t)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, name);
	if (db_exec(db, STMT_PREVIEW_TAG, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_PREVIEW_TAG, a, &row);
	if (rc == 1) {
		memset(t, 0, sizeof(*t));
		t->id = row.v[0].i;
		t->lang = row.v[1].s;
		t->slug = row.v[2].s;
		t->name = row.v[3].s;
	}
out:
	db_done(db, STMT_PREVIEW_TAG);
	return rc;
}

int
db_preview_item(struct db *db, struct arena *a, long long item_id,
    struct preview_item *it)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_PREVIEW_ITEM, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_PREVIEW_ITEM, a, &row);
	if (rc == 1) {
		memset(it, 0, sizeof(*it));
		it->id = row.v[0].i;
		it->author_id = row.v[1].i;
		it->status = row.v[2].s;
		it->lang = row.v[3].s;
		it->title = row.v[4].s;
	}
out:
	db_done(db, STMT_PREVIEW_ITEM);
	return rc;
}
