/*
 * Listings: one kind's items, paginated (PAGE_LIST), and the shared
 * listing page that tag and organisation pages use too.
 *
 * Only visible items are counted and shown (the database layer applies
 * the visibility rule to both), so a draft or a scheduled item shows up
 * in no count and no page number.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "page.h"
#include "view.h"

void
page_org_elem(struct req *r, struct view *v, const struct org *org)
{
	view_push(v, "org");
	view_attr(v, "slug", org->slug);
	view_attr(v, "href", page_href(r, arena_printf(r->arena,
	    "/%s/organisations/%s/", r->lang, org->slug)));
	view_attr(v, "name", org->name);
	if (org->short_name != NULL && org->short_name[0] != '\0')
		view_attr(v, "short-name", org->short_name);
	if (org->url != NULL && org->url[0] != '\0')
		view_attr(v, "url", org->url);
	if (org->count > 0)
		view_attr_int(v, "count", org->count);
	view_pop(v);
}

int
page_listing(struct req *r, struct out *o, struct item_query *q,
    const struct page_listing *pl)
{
	struct db	*db = r->site->db;
	struct item	*items = NULL;
	struct view	*v;
	size_t		 n = 0, i;
	long long	 count, offset, pages;
	int		 rc;

	if (db_item_count(db, q, &count) != 0)
		return 500;
	if ((rc = page_paginate(r, count, &offset, &pages)) != 0)
		return rc;
	q->offset = offset;
	q->limit = r->site->cfg->page_size > 0 ?
	    r->site->cfg->page_size : 10;
	if (db_item_list(db, r->arena, q, &items, &n) != 0)
		return 500;
	page_touch_items(r, items, n);
	if (pl->org != NULL)
		page_touch(r, pl->org->updated_at);

	v = page_begin(r, "list", page_list_path(r, pl->path), pl->alt);
	view_push(v, "listing");
	view_attr(v, "type", pl->type);
	view_attr(v, "href", page_href(r, pl->path));
	if (pl->kind < KIND__MAX) {
		view_attr(v, "kind", kind_names[pl->kind]);
		view_attr(v, "key", kind_segments[pl->kind]);
	}
	if (pl->tag != NULL) {
		view_push(v, "tag");
		view_attr(v, "slug", pl->tag->slug);
		view_attr(v, "name", pl->tag->name);
		view_pop(v);
	}
	if (pl->org != NULL)
		page_org_elem(r, v, pl->org);
	if (pl->search != NULL) {
		view_push(v, "search");
		view_attr(v, "q", pl->search);
		view_pop(v);
	}
	page_pagination(r, v, pl->path, pages, count);
	view_push(v, "items");
	for (i = 0; i < n; i++)
		page_item_summary(r, v, &items[i]);
	view_pop(v);
	view_pop(v);
	return page_finish(r, "list", v, o);
}

int
page_list(struct req *r, struct out *o)
{
	struct item_query	 q;
	struct page_listing	 pl;
	const char		*seg;

	if (r->kind >= KIND__MAX)
		return 404;
	seg = kind_segments[r->kind];
	memset(&q, 0, sizeof(q));
	q.lang = r->lang;
	q.kind = r->kind;
	memset(&pl, 0, sizeof(pl));
	pl.type = "kind";
	pl.kind = r->kind;
	pl.path = arena_printf(r->arena, "/%s/%s/", r->lang, seg);
	pl.alt = page_alt_all(r, arena_printf(r->arena, "/%s/", seg));
	return page_listing(r, o, &q, &pl);
}
