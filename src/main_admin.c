/*
 * broadside-admin.fcgi: the editing interface under /admin/, with the
 * read/write database account.  The plumbing is the public program's
 * (fcgi_serve); the pages are admin*.c, behind admin.c's dispatcher.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin.h"
#include "admin_edit.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "fcgi.h"
#include "log.h"
#include "render.h"
#include "util.h"

static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: broadside-admin.fcgi [-c config] "
	    "[-n workers] [-p pidfile] [-s socket]\n");
	exit(2);
}

/* fcgi_opts.connect: the admin account, and the schema must match. */
static int
admin_connect(struct site *site, const char **why)
{
	struct db	*db;

	if ((db = db_open(&site->cfg->db_admin, DB_ROLE_ADMIN, why)) == NULL)
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
admin_disconnect(struct site *site)
{
	db_close(site->db);
	site->db = NULL;
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

	log_init("broadside-admin.fcgi");
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
	opts.progname = "broadside-admin.fcgi";
	opts.route = admin_route;
	opts.connect = admin_connect;
	opts.disconnect = admin_disconnect;

	if ((cfg = cfg_load(cfg_default_path(cfgpath))) == NULL)
		goto out;
	site.cfg = cfg;
	/* Entry ids minted at first publication name the site's host. */
	db_edit_set_host(cfg->base_url);
	if ((tmpl = render_load(cfg->templates_dir)) == NULL) {
		log_warnx("%s: templates do not compile, not starting",
		    cfg->templates_dir);
		goto out;
	}
	site.tmpl = tmpl;

	/* As in broadside.fcgi: a wrong schema is fatal, a down server not. */
	if (!fcgi_is_cgi(&opts)) {
		site.db = db_open(&cfg->db_admin, DB_ROLE_ADMIN, &why);
		if (site.db == NULL)
			log_warnx("database unreachable at startup (%s); "
			    "answering 503 until it is back", why);
		else if (db_check_schema(site.db, &why) != 0) {
			log_warnx("%s", why);
			goto out;
		}
	}
	rc = fcgi_serve(&site, admin_dispatch, &opts) == 0 ? 0 : 1;
out:
	if (site.db != NULL)
		admin_disconnect(&site);
	render_free(tmpl);
	cfg_free(cfg);
	db_library_end();
	return rc;
}
