/*
 * Reading organisations: those with visible items in a language, and one
 * by slug.  Counts include only visible items (db.c's rule), so a draft
 * signed by an organisation never shows in its count.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"

void
db_org_from_row(struct org *o, const struct db_row *r, size_t first)
{
	memset(o, 0, sizeof(*o));
	o->id = r->v[first].i;
	o->slug = r->v[first + 1].s;
	o->name = r->v[first + 2].s;
	o->short_name = r->v[first + 3].s;
	o->url = r->v[first + 4].s;
	o->updated_at = r->v[first + 5].t;
}

static void
org_list_from_row(void *elem, const struct db_row *r)
{
	struct org	*o = elem;

	db_org_from_row(o, r, 0);
	o->count = r->v[6].i;
}

int
db_org_list(struct db *db, struct arena *a, const char *lang,
    struct org **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_str(&p, lang);
	rc = db_exec_all(db, STMT_ORG_LIST, &p, a, sizeof(**out),
	    org_list_from_row, &v, outc);
	*out = v;
	return rc;
}

/*
 * The count is of visible items in every language: the page of one
 * language counts its own with db_item_count() and an org_id filter.
 */
int
db_org_get(struct db *db, struct arena *a, const char *slug, struct org *o)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_str(&p, slug);
	if (db_exec(db, STMT_ORG_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_ORG_GET, a, &row);
	if (rc == 1) {
		db_org_from_row(o, &row, 0);
		o->count = row.v[6].i;
	}
out:
	db_done(db, STMT_ORG_GET);
	return rc;
}
