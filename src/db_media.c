/*
 * The media library's rows: recording an upload, the library's pages,
 * one file, its own texts, and the items using it.
 *
 * This file owns the STMT_MED_* statements (db.c, block "db_media.c").
 * It must not touch the files themselves (media.c does) nor an item's
 * own use of a file (item_media rows are the edit form's, db_edit.c).
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "db_media.h"

/* Database names of enum media_role (the item_media.role ENUM). */
static const char *const use_roles[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

/*
 * MEDIA_COLS: id, filename, original_name, mime, bytes, width, height,
 * alt, caption, credit, uploaded_by, uploader's name, created_at,
 * updated_at, uses, renditions.
 */
static void
media_from_row(void *elem, const struct db_row *r)
{
	struct media_file	*f = elem;

	memset(f, 0, sizeof(*f));
	f->id = r->v[0].i;
	f->filename = r->v[1].s;
	f->original_name = r->v[2].s;
	f->mime = r->v[3].s;
	f->bytes = r->v[4].i;
	f->width = r->v[5].null ? 0 : (int)r->v[5].i;
	f->height = r->v[6].null ? 0 : (int)r->v[6].i;
	f->alt = r->v[7].s != NULL ? r->v[7].s : "";
	f->caption = r->v[8].s != NULL ? r->v[8].s : "";
	f->credit = r->v[9].s != NULL ? r->v[9].s : "";
	f->uploaded_by = r->v[10].null ? 0 : r->v[10].i;
	f->uploader = r->v[11].s;
	f->created_at = r->v[12].t;
	f->updated_at = r->v[13].t;
	f->uses = r->v[14].i;
	f->renditions = (int)r->v[15].i;
}

int
db_media_insert(struct db *db, const struct media_file *f,
    long long uploaded_by, long long *id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_str(&p, f->filename);
	db_param_str(&p, f->original_name);
	db_param_str(&p, f->mime);
	db_param_int(&p, f->bytes);
	if (f->width > 0 && f->height > 0) {
		db_param_int(&p, f->width);
		db_param_int(&p, f->height);
	} else {
		db_param_null(&p);
		db_param_null(&p);
	}
	db_param_int(&p, f->renditions);
	db_param_str(&p, f->alt != NULL ? f->alt : "");
	db_param_str(&p, f->caption != NULL ? f->caption : "");
	db_param_str(&p, f->credit != NULL ? f->credit : "");
	if (uploaded_by > 0)
		db_param_int(&p, uploaded_by);
	else
		db_param_null(&p);
	if (db_exec(db, STMT_MED_INSERT, &p) == -1)
		return -1;
	*id = db_insert_id(db, STMT_MED_INSERT);
	db_done(db, STMT_MED_INSERT);
	return 0;
}

int
db_media_list(struct db *db, struct arena *a, long long limit,
    long long offset, struct media_file **out, size_t *outc,
    long long *total)
{
	struct db_params p;
	struct db_row	 row;
	void		*v;
	int		 rc = -1;

	*out = NULL;
	*outc = 0;
	*total = 0;
	if (db_exec(db, STMT_MED_COUNT, NULL) == -1)
		goto out;
	if (db_fetch(db, STMT_MED_COUNT, NULL, &row) != 1)
		goto out;
	*total = row.v[0].i;
	db_done(db, STMT_MED_COUNT);

	db_params_init(&p);
	db_param_int(&p, limit);
	db_param_int(&p, offset);
	if (db_exec_all(db, STMT_MED_LIST, &p, a, sizeof(**out),
	    media_from_row, &v, outc) == -1)
		goto out;
	*out = v;
	rc = 0;
out:
	db_done(db, STMT_MED_COUNT);
	return rc;
}

int
db_media_get(struct db *db, struct arena *a, long long id,
    struct media_file *f)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_MED_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_MED_GET, a, &row);
	if (rc == 1)
		media_from_row(f, &row);
out:
	db_done(db, STMT_MED_GET);
	return rc;
}

int
db_media_update(struct db *db, long long id, const char *alt,
    const char *caption, const char *credit)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1, found;

	if (db_tx_begin(db) == -1)
		return -1;
	/* Whether it exists: an UPDATE that changes nothing counts 0. */
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_MED_LOCK, &p) == -1)
		goto out;
	found = db_fetch(db, STMT_MED_LOCK, NULL, &row);
	db_done(db, STMT_MED_LOCK);
	if (found != 1) {
		rc = found;
		goto out;
	}

	db_params_init(&p);
	db_param_str(&p, alt);
	db_param_str(&p, caption);
	db_param_str(&p, credit);
	db_param_int(&p, id);
	if (db_run(db, STMT_MED_UPDATE, &p) == -1)
		goto out;
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_run(db, STMT_MED_TOUCH_ITEMS, &p) == -1 ||
	    db_run(db, STMT_GENERATION_BUMP, NULL) == -1)
		goto out;
	if (db_tx_commit(db) == -1)
		return -1;
	return 1;
out:
	db_tx_rollback(db);
	return rc;
}

static void
use_from_row(void *elem, const struct db_row *r)
{
	struct media_use	*u = elem;
	enum media_role		 role;

	memset(u, 0, sizeof(*u));
	u->item_id = r->v[0].i;
	u->kind = r->v[1].s != NULL ? kind_from_name(r->v[1].s) : KIND__MAX;
	u->lang = r->v[2].s;
	u->title = r->v[3].s;
	u->status = r->v[4].s != NULL ? item_status_from_name(r->v[4].s) :
	    STATUS__MAX;
	u->role = MEDIA__MAX;
	for (role = 0; role < MEDIA__MAX; role++)
		if (r->v[5].s != NULL &&
		    strcmp(r->v[5].s, use_roles[role]) == 0)
			u->role = role;
	u->own_text = r->v[6].i != 0;
}

int
db_media_uses(struct db *db, struct arena *a, long long id,
    struct media_use **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, id);
	rc = db_exec_all(db, STMT_MED_USES, &p, a, sizeof(**out),
	    use_from_row, &v, outc);
	*out = v;
	return rc;
}
