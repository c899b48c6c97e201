/*
 * A language's front page (PAGE_HOME): the latest items of each kind,
 * with their summaries, and the events still to come.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "db.h"
#include "page.h"
#include "view.h"

#define HOME_LATEST	3	/* items of each kind: one row of cards */
#define HOME_UPCOMING	3	/* upcoming events */

int
page_home(struct req *r, struct out *o)
{
	struct db		*db = r->site->db;
	struct item_query	 q;
	struct item		*latest[KIND__MAX], *up = NULL;
	size_t			 latestc[KIND__MAX], upc = 0, i;
	struct view		*v;
	enum kind		 k;

	for (k = 0; k < KIND__MAX; k++) {
		memset(&q, 0, sizeof(q));
		q.lang = r->lang;
		q.kind = k;
		q.limit = HOME_LATEST;
		latest[k] = NULL;
		latestc[k] = 0;
		if (db_item_list(db, r->arena, &q, &latest[k],
		    &latestc[k]) != 0)
			return 500;
		page_touch_items(r, latest[k], latestc[k]);
	}
	if (db_event_list_upcoming(db, r->arena, r->lang, HOME_UPCOMING,
	    &up, &upc) != 0)
		return 500;
	page_touch_items(r, up, upc);

	v = page_begin(r, "home", NULL, page_alt_all(r, "/"));
	view_push(v, "home");
	view_push(v, "upcoming");
	for (i = 0; i < upc; i++)
		page_item_summary(r, v, &up[i]);
	view_pop(v);
	for (k = 0; k < KIND__MAX; k++) {
		view_push(v, "section");
		view_attr(v, "kind", kind_names[k]);
		view_attr(v, "key", kind_segments[k]);
		view_attr(v, "href", page_href(r, arena_printf(r->arena,
		    "/%s/%s/", r->lang, kind_segments[k])));
		for (i = 0; i < latestc[k]; i++)
			page_item_summary(r, v, &latest[k][i]);
		view_pop(v);
	}
	view_pop(v);
	return page_finish(r, "home", v, o);
}
