/*
 * Organisations: the index of those with visible items in the language
 * (PAGE_ORG_INDEX) and what one of them signed or spoke at, paginated
 * (PAGE_ORG).  Organisations are shared by all languages, so an
 * organisation's page exists in each.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "db.h"
#include "page.h"
#include "view.h"

int
page_org_index(struct req *r, struct out *o)
{
	struct org	*orgs = NULL;
	struct view	*v;
	size_t		 n = 0, i;

	if (db_org_list(r->site->db, r->arena, r->lang, &orgs, &n) != 0)
		return 500;
	for (i = 0; i < n; i++)
		page_touch(r, orgs[i].updated_at);

	v = page_begin(r, "orgs", NULL, page_alt_all(r, "/organisations/"));
	view_push(v, "orgs");
	for (i = 0; i < n; i++)
		page_org_elem(r, v, &orgs[i]);
	view_pop(v);
	return page_finish(r, "orgs", v, o);
}

int
page_org(struct req *r, struct out *o)
{
	struct org		 org;
	struct item_query	 q;
	struct page_listing	 pl;
	int			 rc;

	memset(&org, 0, sizeof(org));
	rc = db_org_get(r->site->db, r->arena, r->slug, &org);
	if (rc == 0)
		return 404;
	if (rc < 0)
		return 500;

	memset(&q, 0, sizeof(q));
	q.lang = r->lang;
	q.kind = KIND__MAX;
	q.org_id = org.id;
	memset(&pl, 0, sizeof(pl));
	pl.type = "org";
	pl.kind = KIND__MAX;
	pl.org = &org;
	pl.path = arena_printf(r->arena, "/%s/organisations/%s/", r->lang,
	    r->slug);
	pl.alt = page_alt_all(r, arena_printf(r->arena,
	    "/organisations/%s/", r->slug));
	return page_listing(r, o, &q, &pl);
}
