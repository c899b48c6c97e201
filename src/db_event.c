/*
 * Reading events: the event-only fields of an item, its languages and
 * speakers, and the upcoming events of a language.  The item id passed in
 * must come from a visible lookup (db_item.c); upcoming events apply the
 * visibility rule themselves.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "log.h"

/*
 * Loads the languages of an event into ev->spoken and ev->interpreted.
 * Returns 0 or -1.
 */
static int
event_languages(struct db *db, struct arena *a, long long item_id,
    struct event *ev)
{
	struct db_params p;
	struct db_row	 row;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	db_params_init(&p);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_EVENT_LANGUAGES, &p) == -1)
		goto out;
	max = db_rows(db, STMT_EVENT_LANGUAGES);
	ev->spoken = arena_calloc(a, max + 1, sizeof(*ev->spoken));
	ev->interpreted = arena_calloc(a, max + 1, sizeof(*ev->interpreted));
	while (n < max &&
	    (c = db_fetch(db, STMT_EVENT_LANGUAGES, a, &row)) == 1) {
		n++;
		if (row.v[1].s != NULL && strcmp(row.v[1].s, "spoken") == 0)
			ev->spoken[ev->spokenc++] = row.v[0].s;
		else
			ev->interpreted[ev->interpretedc++] = row.v[0].s;
	}
	if (c != -1 && n == max)
		rc = 0;
out:
	db_done(db, STMT_EVENT_LANGUAGES);
	return rc;
}

int
db_event_get(struct db *db, struct arena *a, long long item_id,
    struct event *ev)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	memset(ev, 0, sizeof(*ev));
	db_params_init(&p);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_EVENT_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_EVENT_GET, a, &row);
	if (rc == 1) {
		ev->starts_at = row.v[0].t;
		ev->ends_at = row.v[1].t;
		ev->tz = row.v[2].s;
		ev->location = row.v[3].s;
		ev->online_url = row.v[4].s;
		ev->registration_url = row.v[5].s;
	}
out:
	db_done(db, STMT_EVENT_GET);
	if (rc == 1 && event_languages(db, a, item_id, ev) == -1)
		rc = -1;
	return rc;
}

int
db_event_speakers(struct db *db, struct arena *a, long long item_id,
    struct speaker **out, size_t *outc)
{
	struct db_params p;
	struct db_row	 row;
	struct speaker	*sp;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	db_params_init(&p);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_EVENT_SPEAKERS, &p) == -1)
		goto out;
	max = db_rows(db, STMT_EVENT_SPEAKERS);
	sp = arena_calloc(a, max + 1, sizeof(*sp));
	while (n < max &&
	    (c = db_fetch(db, STMT_EVENT_SPEAKERS, a, &row)) == 1) {
		sp[n].name = row.v[0].s;
		sp[n].role = row.v[1].s;
		sp[n].part = row.v[2].s;
		sp[n].is_chair = row.v[3].i != 0;
		/* No organisation: the LEFT JOIN gives NULLs, org.id 0. */
		db_org_from_row(&sp[n].org, &row, 4);
		n++;
	}
	if (c != -1 && n == max) {
		*out = sp;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, STMT_EVENT_SPEAKERS);
	return rc;
}

int
db_event_list_upcoming(struct db *db, struct arena *a, const char *lang,
    long long limit, struct item **out, size_t *outc)
{
	struct db_params p;
	struct db_row	 row;
	struct item	*items;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	if (limit < 0) {
		log_warnx("negative limit");
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_int(&p, limit);
	if (db_exec(db, STMT_EVENT_UPCOMING, &p) == -1)
		goto out;
	max = db_rows(db, STMT_EVENT_UPCOMING);
	items = arena_calloc(a, max + 1, sizeof(*items));
	while (n < max &&
	    (c = db_fetch(db, STMT_EVENT_UPCOMING, a, &row)) == 1)
		db_item_from_row(&items[n++], &row);
	if (c != -1 && n == max) {
		*out = items;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, STMT_EVENT_UPCOMING);
	return rc;
}
