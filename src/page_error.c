/*
 * The common error page (page.h): 4xx and 5xx answers in the site's design
 * and the reader's language.  It must work when nothing else does, so it
 * never touches the database: a 503 is answered while the server is away.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "http.h"
#include "out.h"
#include "page.h"
#include "view.h"

int
page_error(struct req *r, int status, struct out *o)
{
	const struct cfg	*cfg = r->site->cfg;
	struct view		*v;

	memset(&r->resp, 0, sizeof(r->resp));
	r->resp.status = status;
	if (status == 503)
		r->resp.retry_after = 30;
	if (status >= 500)
		r->resp.no_store = 1;
	else
		r->resp.max_age = (int)cfg->cache_seconds;
	if (r->lang == NULL || !cfg_has_lang(cfg, r->lang))
		r->lang = cfg->default_lang;

	v = page_begin_nodb(r, "error", arena_printf(r->arena, "/%s/",
	    r->lang), NULL);
	view_push(v, "error");
	view_attr_int(v, "status", status);
	view_text(v, "reason", http_status_text(status));
	if (r->path != NULL)
		view_text(v, "path", r->path);
	view_pop(v);
	if (page_finish(r, "error", v, o) != 0) {
		/* Even the error template failed: plain words will do. */
		r->resp.ctype = "text/plain; charset=utf-8";
		out_str(o, http_status_text(status));
		out_lit(o, "\n");
	}
	return 0;
}
