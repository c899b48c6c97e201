/*
 * `broadside import sample [DIR]`: parse a sample directory (sample.c) and
 * write it with the admin account (db_import.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "db_import.h"
#include "sample.h"

int
cli_import(const char *cfgpath, int argc, char **argv)
{
	struct cfg		*cfg = NULL;
	struct db		*db = NULL;
	struct sample		*s = NULL;
	struct import_stats	 st;
	const char		*dir, *err;
	int			 rc = 1;

	if (argc < 2 || argc > 3 || strcmp(argv[1], "sample") != 0) {
		fprintf(stderr, "usage: broadside import sample [DIR]\n");
		rc = 2;
		goto out;
	}
	if (argc == 3)
		dir = argv[2];
	else if ((dir = getenv("BROADSIDE_SAMPLE")) == NULL || dir[0] == '\0')
		dir = SAMPLEDIR;
	if ((cfg = cfg_load(cfgpath)) == NULL)
		goto out;
	if ((s = sample_load(dir)) == NULL)
		goto out;
	if ((db = db_open(&cfg->db_admin, DB_ROLE_ADMIN, &err)) == NULL) {
		fprintf(stderr, "%s\n", err);
		goto out;
	}
	if (db_check_schema(db, &err) == -1) {
		fprintf(stderr, "%s\n", err);
		goto out;
	}
	if (db_import_sample(db, cfg, s, &st) == -1)
		goto out;
	printf("imported %zu item%s from %s (%zu organisations, %zu tags, "
	    "%zu new media files); skipped %zu existing\n", st.items,
	    st.items == 1 ? "" : "s", dir, st.orgs, st.tags, st.media_new,
	    st.skipped);
	rc = 0;
out:
	db_close(db);
	sample_free(s);
	cfg_free(cfg);
	return rc;
}
