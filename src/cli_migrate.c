/*
 * `broadside migrate` and `broadside grants`: bring the schema up to date
 * over the admin account, and print the SQL that creates both accounts.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "db_migrate.h"

/*
 * migrate [--dir DIR] [--grants]: with --grants, the whole grant script
 * follows on stdout and progress goes to stderr, so the output can be
 * piped into `mariadb -uroot` right after the tables exist.
 */
int
cli_migrate(const char *cfgpath, int argc, char **argv)
{
	struct cfg	*cfg = NULL;
	struct db	*db = NULL;
	const char	*dir = NULL, *err;
	int		 i, grants = 0, rc = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--grants") == 0)
			grants = 1;
		else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strncmp(argv[i], "--dir=", 6) == 0)
			dir = argv[i] + 6;
		else {
			fprintf(stderr, "usage: broadside migrate [--dir DIR] "
			    "[--grants]\n");
			rc = 2;
			goto out;
		}
	}
	if ((cfg = cfg_load(cfgpath)) == NULL)
		goto out;
	if ((db = db_open(&cfg->db_admin, DB_ROLE_ADMIN, &err)) == NULL) {
		fprintf(stderr, "%s\n", err);
		goto out;
	}
	if (db_migrate(db, db_migrate_dir(dir), grants ? stderr : stdout) ==
	    -1)
		goto out;
	if (grants && db_grants_write(stdout, cfg, GRANTS_ALL) == -1)
		goto out;
	rc = 0;
out:
	db_close(db);
	cfg_free(cfg);
	return rc;
}

/*
 * grants [--accounts]: the script for `mariadb -uroot`.  --accounts
 * leaves out the public account's table grants, for a first install
 * where the tables do not exist yet.
 */
int
cli_grants(const char *cfgpath, int argc, char **argv)
{
	struct cfg		*cfg = NULL;
	enum grants_what	 what = GRANTS_ALL;
	int			 rc = 1;

	if (argc == 2 && strcmp(argv[1], "--accounts") == 0)
		what = GRANTS_ACCOUNTS;
	else if (argc != 1) {
		fprintf(stderr, "usage: broadside grants [--accounts]\n");
		rc = 2;
		goto out;
	}
	if ((cfg = cfg_load(cfgpath)) == NULL)
		goto out;
	if (db_grants_write(stdout, cfg, what) == 0)
		rc = 0;
out:
	cfg_free(cfg);
	return rc;
}
