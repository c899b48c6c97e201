/*
 * broadside.fcgi: the public reader.  Reads the configuration, compiles
 * the templates, checks the database, then serves pages through
 * fcgi_serve() with the public routes.  Its database account can only
 * SELECT, so nothing it is made to do can change content.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "fcgi.h"
#include "log.h"
#include "page.h"
#include "render.h"
#include "route.h"
#include "util.h"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: broadside.fcgi [-c config] [-n workers] "
	    "[-p pidfile] [-s socket]\n");
	exit(2);
}

/* fcgi_opts.connect: the public account, and the schema must match. */
static int
public_connect(struct site *site, const char **why)
{
	struct db	*db;

	if ((db = db_open(&site->cfg->db_public, DB_ROLE_PUBLIC,
	    why)) == NULL)
		return -1;
	if (db_check_schema(db, why) != 0) {
		db_close(db);
		return -1;
	}
	site->db = db;
	return 0;
}

/* fcgi_opts.disconnect */
static void
public_disconnect(struct site *site)
{
	db_close(site->db);
	site->db = NULL;
}

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
	struct site		 site;
	struct cfg		*cfg = NULL;
	struct tmpl		*tmpl = NULL;
	const char		*cfgpath = NULL, *why = NULL;
	long long		 n;
	int			 ch, rc = 1;

	log_init("broadside.fcgi");
	memset(&opts, 0, sizeof(opts));
	memset(&site, 0, sizeof(site));
	opts.workers = -1;
	while ((ch = getopt(argc, argv, "c:n:p:s:")) != -1)
		switch (ch) {
		case 'c':
			cfgpath = optarg;
			break;
		case 'n':
			if (util_strtonum(optarg, 0, 256, &n) != 0) {
				log_warnx("-n %s: want 0 to 256 workers",
				    optarg);
				usage();
			}
			opts.workers = (int)n;
			break;
		case 'p':
			opts.pidfile = optarg;
			break;
		case 's':
			opts.socket = optarg;
			break;
		default:
			usage();
		}
	if (optind != argc)
		usage();
	opts.progname = "broadside.fcgi";
	opts.route = route_public;
	opts.connect = public_connect;
	opts.disconnect = public_disconnect;
	opts.needs_db = public_needs_db;

	if ((cfg = cfg_load(cfg_default_path(cfgpath))) == NULL)
		goto out;
	site.cfg = cfg;
	if ((tmpl = render_load(cfg->templates_dir)) == NULL) {
		log_warnx("%s: templates do not compile, not starting",
		    cfg->templates_dir);
		goto out;
	}
	site.tmpl = tmpl;

	/*
	 * A server that answers with a schema we do not know is a
	 * deployment error: refuse to start.  One that does not answer may
	 * come back: start and answer 503 until it does.  A CGI request
	 * connects once, in fcgi_serve().
	 */
	if (!fcgi_is_cgi(&opts)) {
		site.db = db_open(&cfg->db_public, DB_ROLE_PUBLIC, &why);
		if (site.db == NULL)
			log_warnx("database unreachable at startup (%s); "
			    "answering 503 until it is back", why);
		else if (db_check_schema(site.db, &why) != 0) {
			log_warnx("%s", why);
			goto out;
		}
	}
	rc = fcgi_serve(&site, public_dispatch, &opts) == 0 ? 0 : 1;
out:
	if (site.db != NULL)
		public_disconnect(&site);
	render_free(tmpl);
	cfg_free(cfg);
	db_library_end();
	return rc;
}
