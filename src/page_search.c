/*
 * Search (PAGE_SEARCH): /{lang}/search?q=words finds visible items of the
 * language whose title, summary or text contains the words, newest first,
 * paginated like any listing.  Without q it shows the form alone.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "db.h"
#include "log.h"
#include "page.h"
#include "req.h"
#include "view.h"

/* Counts UTF-8 characters (the input is already valid UTF-8). */
static size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * Returns the words of ?q= without surrounding white space and with inner
 * runs of white space folded to one space, in the arena.
 */
static char *
search_words(struct arena *a, const char *q)
{
	char	*w, *o;
	int	 space = 0;

	w = arena_alloc(a, strlen(q) + 1);
	for (o = w; *q != '\0'; q++) {
		if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') {
			space = o != w;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *q;
	}
	*o = '\0';
	return w;
}

int
page_search(struct req *r, struct out *o)
{
	struct item_query	 q;
	struct page_listing	 pl;
	struct view		*v;
	const char		*raw, *suffix;
	char			*words;

	raw = req_query_get(r, "q");
	words = search_words(r->arena, raw != NULL ? raw : "");
	if (utf8_chars(words) > DB_SEARCH_MAX) {
		log_warnx("search of %zu characters refused",
		    utf8_chars(words));
		return 400;
	}
	if (words[0] == '\0') {
		/* The form alone: nothing to count or list. */
		if (r->pageno > 1)
			return 404;
		v = page_begin(r, "list", NULL, page_alt_all(r, "/search"));
		view_push(v, "listing");
		view_attr(v, "type", "search");
		view_attr(v, "href", page_href(r,
		    arena_printf(r->arena, "/%s/search", r->lang)));
		view_push(v, "search");
		view_attr(v, "q", "");
		view_pop(v);
		view_pop(v);
		/* Nothing dated is shown; a short cache lifetime suffices. */
		return page_finish(r, "list", v, o);
	}

	suffix = arena_printf(r->arena, "/search?q=%s",
	    page_query_encode(r->arena, words));
	memset(&q, 0, sizeof(q));
	q.lang = r->lang;
	q.kind = KIND__MAX;
	q.search = words;
	memset(&pl, 0, sizeof(pl));
	pl.type = "search";
	pl.kind = KIND__MAX;
	pl.search = words;
	pl.path = arena_printf(r->arena, "/%s%s", r->lang, suffix);
	pl.alt = page_alt_all(r, suffix);
	return page_listing(r, o, &q, &pl);
}
