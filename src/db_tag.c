/*
 * Reading tags: the tags of a language that have visible items, with
 * counts, and one tag by language and slug.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"

/* Fills a tag from columns id, lang, slug, name, count. */
static void
tag_from_row(struct tag *t, const struct db_row *r)
{
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
	struct db_row	 row;
	struct tag	*t;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	db_params_init(&p);
	db_param_str(&p, lang);
	if (db_exec(db, STMT_TAG_LIST, &p) == -1)
		goto out;
	max = db_rows(db, STMT_TAG_LIST);
	t = arena_calloc(a, max + 1, sizeof(*t));
	while (n < max && (c = db_fetch(db, STMT_TAG_LIST, a, &row)) == 1)
		tag_from_row(&t[n++], &row);
	if (c != -1 && n == max) {
		*out = t;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, STMT_TAG_LIST);
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
		tag_from_row(t, &row);
out:
	db_done(db, STMT_TAG_GET);
	return rc;
}
