/*
 * The main() of both FastCGI programs (fcgi.h, fcgi_main): options, the
 * configuration, the templates, the database account of the program's
 * role, then fcgi_serve().  broadside.fcgi and broadside-admin.fcgi
 * differ only in their routes, dispatcher and account.
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
#include "render.h"
#include "util.h"

/* The program's role, for the connect callback (one per process). */
static enum db_role	 main_role;

static void __attribute__((noreturn))
usage(const char *progname)
{
	fprintf(stderr, "usage: %s [-c config] [-n workers] [-p pidfile] "
	    "[-s socket]\n", progname);
	exit(2);
}

static const struct cfg_db *
role_account(const struct cfg *cfg)
{
	return main_role == DB_ROLE_PUBLIC ? &cfg->db_public : &cfg->db_admin;
}

/* fcgi_opts.connect: the role's account, and the schema must match. */
static int
main_connect(struct site *site, const char **why)
{
	struct db	*db;

	if ((db = db_open(role_account(site->cfg), main_role, why)) == NULL)
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
main_disconnect(struct site *site)
{
	db_close(site->db);
	site->db = NULL;
}

int
fcgi_main(int argc, char *argv[], struct fcgi_opts *opts, enum db_role role,
    int (*dispatch)(struct req *, struct out *),
    void (*configured)(const struct cfg *))
{
	struct site		 site;
	struct cfg		*cfg = NULL;
	struct tmpl		*tmpl = NULL;
	const char		*cfgpath = NULL, *why = NULL;
	long long		 n;
	int			 ch, rc = 1;

	log_init(opts->progname);
	main_role = role;
	memset(&site, 0, sizeof(site));
	opts->workers = -1;
	opts->connect = main_connect;
	opts->disconnect = main_disconnect;
	while ((ch = getopt(argc, argv, "c:n:p:s:")) != -1)
		switch (ch) {
		case 'c':
			cfgpath = optarg;
			break;
		case 'n':
			if (util_strtonum(optarg, 0, 256, &n) != 0) {
				log_warnx("-n %s: want 0 to 256 workers",
				    optarg);
				usage(opts->progname);
			}
			opts->workers = (int)n;
			break;
		case 'p':
			opts->pidfile = optarg;
			break;
		case 's':
			opts->socket = optarg;
			break;
		default:
			usage(opts->progname);
		}
	if (optind != argc)
		usage(opts->progname);

	if ((cfg = cfg_load(cfg_default_path(cfgpath))) == NULL)
		goto out;
	site.cfg = cfg;
	if (configured != NULL)
		configured(cfg);
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
	if (!fcgi_is_cgi(opts)) {
		site.db = db_open(role_account(cfg), role, &why);
		if (site.db == NULL)
			log_warnx("database unreachable at startup (%s); "
			    "answering 503 until it is back", why);
		else if (db_check_schema(site.db, &why) != 0) {
			log_warnx("%s", why);
			goto out;
		}
	}
	rc = fcgi_serve(&site, dispatch, opts) == 0 ? 0 : 1;
out:
	if (site.db != NULL)
		main_disconnect(&site);
	render_free(tmpl);
	cfg_free(cfg);
	db_library_end();
	return rc;
}
