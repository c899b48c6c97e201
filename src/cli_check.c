/*
 * `broadside check`: everything a deployment needs, checked at once, with
 * one line per problem that says what to do about it.  It changes
 * nothing (the media-directory probe file is removed at once).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "render.h"
#include "tz.h"

/* Checks one account: connection, schema, languages.  Returns problems. */
static int
check_db(const struct cfg *cfg, const struct cfg_db *c, enum db_role role,
    const char *section)
{
	struct db	*db;
	struct arena	*a = NULL;
	struct language	*l;
	const char	*err;
	size_t		 n, i, j;
	int		 problems = 1;

	if ((db = db_open(c, role, &err)) == NULL) {
		fprintf(stderr, "%s\n", err);
		goto out;
	}
	if (db_check_schema(db, &err) == -1) {
		fprintf(stderr, "%s: %s\n", section, err);
		goto out;
	}
	a = arena_new();
	if (db_language_list(db, a, &l, &n) == -1) {
		fprintf(stderr, "%s: cannot read the languages table — check "
		    "the account's grants (`broadside grants`)\n", section);
		goto out;
	}
	problems = 0;
	for (i = 0; i < cfg->langc; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(l[j].code, cfg->langs[i]) == 0)
				break;
		if (j == n) {
			fprintf(stderr, "site.languages: \"%s\" is not in the "
			    "database's languages table — remove it from "
			    "[site] languages\n", cfg->langs[i]);
			problems++;
		}
	}
out:
	arena_free(a);
	db_close(db);
	return problems;
}

/* Checks that the media directory exists and takes new files. */
static int
check_media(const char *dir)
{
	struct stat	 st;
	char		 probe[4096];
	int		 fd, problems = 1;

	if (stat(dir, &st) == -1)
		fprintf(stderr, "paths.media: %s: %s — create it (mkdir -p %s) "
		    "and make it writable by the admin program's user\n", dir,
		    strerror(errno), dir);
	else if (!S_ISDIR(st.st_mode))
		fprintf(stderr, "paths.media: %s is not a directory — check "
		    "[paths] media\n", dir);
	else if ((size_t)snprintf(probe, sizeof(probe), "%s/.check.XXXXXX",
	    dir) >= sizeof(probe) || (fd = mkstemp(probe)) == -1)
		fprintf(stderr, "paths.media: cannot create files in %s: %s — "
		    "make it writable by the admin program's user (chown or "
		    "chmod)\n", dir, strerror(errno));
	else {
		close(fd);
		unlink(probe);
		problems = 0;
	}
	return problems;
}

int
cli_check(const char *cfgpath, int argc, char **argv)
{
	struct cfg	*cfg = NULL;
	struct tmpl	*t;
	size_t		 i;
	int		 problems = 0, rc = 1;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: broadside check\n");
		rc = 2;
		goto out;
	}
	if ((cfg = cfg_load(cfgpath)) == NULL) {
		fprintf(stderr, "config: %s has the problems above — fix them "
		    "and run `broadside check` again\n", cfgpath);
		goto out;
	}
	for (i = 0; i < cfg->zonec; i++)
		if (!tz_valid(cfg->zones[i])) {
			fprintf(stderr, "site.extra_zones: \"%s\" is not an "
			    "installed IANA time zone — check the name "
			    "(e.g. Europe/Paris) or install tzdata\n",
			    cfg->zones[i]);
			problems++;
		}
	problems += check_db(cfg, &cfg->db_public, DB_ROLE_PUBLIC,
	    "database.public");
	problems += check_db(cfg, &cfg->db_admin, DB_ROLE_ADMIN,
	    "database.admin");
	if ((t = render_load(cfg->templates_dir)) == NULL) {
		fprintf(stderr, "paths.templates: the templates in %s do not "
		    "compile (see above) — check [paths] templates\n",
		    cfg->templates_dir);
		problems++;
	}
	render_free(t);
	problems += check_media(cfg->media_dir);
	if (problems > 0) {
		fprintf(stderr, "%d problem%s\n", problems,
		    problems == 1 ? "" : "s");
		goto out;
	}
	printf("ok\n");
	rc = 0;
out:
	cfg_free(cfg);
	return rc;
}
