/*
 * Reading tags: the tags of a language that have visible items, with
 * counts, and one tag by language and slug.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"

void
db_tag_from_row(void *elem, const struct db_row *r)
{
	struct tag	*t = elem;

	memset(t, 0, sizeof(*t));
	t->id = r->v[0].i;
	t->lang = r->v[1].s;
	t->slug = r->v[2].s;
	t->name = r->v[3].s;
	t->count = r->v[4].i;
}

int
db_tag_list(struct db *db, struct arena *a, const char *lang,
    struct tag **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_str(&p, lang);
	rc = db_exec_all(db, STMT_TAG_LIST, &p, a, sizeof(**out),
	    db_tag_from_row, &v, outc);
	*out = v;
	return rc;
}

/* A tag with no visible items is found, with count 0. */
int
db_tag_get(struct db *db, struct arena *a, const char *lang,
    const char *slug, struct tag *t)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, slug);
	if (db_exec(db, STMT_TAG_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_TAG_GET, a, &row);
	if (rc == 1)
		db_tag_from_row(t, &row);
out:
	db_done(db, STMT_TAG_GET);
	return rc;
}
