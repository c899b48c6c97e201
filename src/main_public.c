/*
 * broadside.fcgi: the public reader: the public routes and their
 * handlers, served by fcgi_main().  Its database account can only
 * SELECT, so nothing it is made to do can change content.
 */
#include "config.h"

#include <string.h>

#include "broadside.h"
#include "db.h"
#include "fcgi.h"
#include "page.h"
#include "route.h"

/* fcgi_opts.needs_db: redirects are answered without the database. */
static int
public_needs_db(const struct req *r)
{
	return r->page != PAGE_ROOT && r->page != PAGE_LANG_REDIRECT &&
	    r->page != PAGE_SLASH_REDIRECT;
}

/* Calls the handler of a routed public request. */
static int
public_dispatch(struct req *r, struct out *o)
{
	switch (r->page) {
	case PAGE_ROOT:
	case PAGE_LANG_REDIRECT:
	case PAGE_SLASH_REDIRECT:
		return page_redirect(r, o);
	case PAGE_HOME:
		return page_home(r, o);
	case PAGE_LIST:
		return page_list(r, o);
	case PAGE_ITEM:
		return page_item(r, o);
	case PAGE_TAG_INDEX:
		return page_tag_index(r, o);
	case PAGE_TAG:
		return page_tag(r, o);
	case PAGE_ORG_INDEX:
		return page_org_index(r, o);
	case PAGE_ORG:
		return page_org(r, o);
	case PAGE_SEARCH:
		return page_search(r, o);
	case PAGE_FEED:
		return page_feed(r, o);
	case PAGE_CALENDAR:
		return page_calendar(r, o);
	default:
		return 404;
	}
}

int
main(int argc, char *argv[])
{
	struct fcgi_opts	 opts;

	memset(&opts, 0, sizeof(opts));
	opts.progname = "broadside.fcgi";
	opts.route = route_public;
	opts.needs_db = public_needs_db;
	return fcgi_main(argc, argv, &opts, DB_ROLE_PUBLIC, public_dispatch,
	    NULL);
}
