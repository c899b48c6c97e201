/*
 * The dashboard, the first page after sign-in: what the user has in
 * draft, what waits for review, what is scheduled next and what went out
 * recently, each with links to edit; and the "New item" menu.  Reads
 * only.
 */
#include "config.h"

#include <stddef.h>

#include "admin.h"
#include "db_admin.h"
#include "view.h"

#define DASH_ROWS	10	/* rows of each section */

/* Element name of each section in the view (admin-dash.xsl). */
static const char *const dash_names[DASH__MAX] = {
	"drafts",		/* DASH_DRAFTS */
	"review",		/* DASH_REVIEW */
	"scheduled",		/* DASH_SCHEDULED */
	"recent",		/* DASH_RECENT */
};

int
admin_dashboard(struct admin *a, struct out *o)
{
	struct admin_item	*rows[DASH__MAX];
	size_t			 n[DASH__MAX];
	struct view		*v;
	enum dash_section	 s;
	enum kind		 k;

	/* Load first, render second. */
	for (s = 0; s < DASH__MAX; s++)
		if (db_admin_dash(a->site->db, a->r->arena, s, a->user.id,
		    DASH_ROWS, &rows[s], &n[s]) == -1)
			return 500;

	v = admin_view_new(a, "dashboard");
	view_push(v, "dashboard");
	view_push(v, "kinds");
	for (k = 0; k < KIND__MAX; k++) {
		view_push(v, "kind");
		view_attr(v, "name", kind_names[k]);
		view_pop(v);
	}
	view_pop(v);
	for (s = 0; s < DASH__MAX; s++) {
		view_push(v, "section");
		view_attr(v, "name", dash_names[s]);
		admin_item_rows(a, v, rows[s], n[s]);
		view_pop(v);
	}
	view_pop(v);
	return admin_render(a, "admin-dash", v, o);
}
