/*
 * broadside-admin.fcgi: the editing interface under /admin/, with the
 * read/write database account, served by fcgi_main(); the pages are
 * admin*.c, behind admin.c's dispatcher.
 */
#include "config.h"

#include <string.h>

#include "admin.h"
#include "admin_edit.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "fcgi.h"

/* Process-wide settings from the configuration. */
static void
admin_configured(const struct cfg *cfg)
{
	/* Entry ids minted at first publication name the site's host. */
	db_edit_set_host(cfg->base_url);
}

int
main(int argc, char *argv[])
{
	struct fcgi_opts	 opts;

	memset(&opts, 0, sizeof(opts));
	opts.progname = "broadside-admin.fcgi";
	opts.route = admin_route;
	return fcgi_main(argc, argv, &opts, DB_ROLE_ADMIN, admin_dispatch,
	    admin_configured);
}
