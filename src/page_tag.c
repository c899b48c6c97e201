/*
 * Tags: the index of a language's tags (PAGE_TAG_INDEX) and one tag's
 * items, paginated (PAGE_TAG).  Tags belong to one language, so a tag
 * page has no equivalent in the others.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "db.h"
#include "page.h"
#include "view.h"

int
page_tag_index(struct req *r, struct out *o)
{
	struct tag	*tags = NULL;
	struct view	*v;
	size_t		 n = 0, i;

	if (db_tag_list(r->site->db, r->arena, r->lang, &tags, &n) != 0)
		return 500;

	v = page_begin(r, "tags", NULL, page_alt_all(r, "/tags/"));
	view_push(v, "tags");
	for (i = 0; i < n; i++) {
		view_push(v, "tag");
		view_attr(v, "slug", tags[i].slug);
		view_attr(v, "href", page_href(r, arena_printf(r->arena,
		    "/%s/tags/%s/", r->lang, tags[i].slug)));
		view_attr(v, "name", tags[i].name);
		view_attr_int(v, "count", tags[i].count);
		view_pop(v);
	}
	view_pop(v);
	return page_finish(r, "tags", v, o);
}

int
page_tag(struct req *r, struct out *o)
{
	struct tag		 tag;
	struct item_query	 q;
	struct page_listing	 pl;
	int			 rc;

	memset(&tag, 0, sizeof(tag));
	rc = db_tag_get(r->site->db, r->arena, r->lang, r->slug, &tag);
	if (rc == 0)
		return 404;
	if (rc < 0)
		return 500;

	memset(&q, 0, sizeof(q));
	q.lang = r->lang;
	q.kind = KIND__MAX;
	q.tag_id = tag.id;
	memset(&pl, 0, sizeof(pl));
	pl.type = "tag";
	pl.kind = KIND__MAX;
	pl.tag = &tag;
	pl.path = arena_printf(r->arena, "/%s/tags/%s/", r->lang, r->slug);
	return page_listing(r, o, &q, &pl);
}
