/*
 * Migrations and grants.
 *
 * This is the one place where SQL text does not come from the statement
 * table in db.c: the migration files are read from disk and executed
 * statement by statement.  They are trusted input, shipped with the
 * program and installed beside it (MIGRATIONDIR), never anything a user
 * sends; no value is ever spliced into them.
 *
 * The grant script is text for an administrator to pipe into `mariadb
 * -uroot`; it is never executed here.  Names and passwords are written
 * into it only after checking they need no escaping at all.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_internal.h"
#include "db_migrate.h"
#include "log.h"
#include "util.h"

/* A migration file is at most this big: it is read whole. */
#define	MIGRATION_MAX	(16 * 1024 * 1024)

/* One migration file found in the directory. */
struct	migration {
	int	 version;
	char	*name;		/* file name, "0001-content-model.sql" */
};

/*
 * The tables the public program may read: its account gets SELECT on
 * these and nothing else.  Not users, user_languages, sessions,
 * login_attempts, revisions or audit_log.
 */
static const char *const public_tables[] = {
	"languages",
	"site_state",
	"translation_groups",
	"items",
	"item_slugs",
	"tags",
	"item_tags",
	"organisations",
	"signatories",
	"media",
	"item_media",
	"events",
	"event_languages",
	"speakers",
	"schema_migrations",
};

const char *
db_migrate_dir(const char *arg)
{
	const char	*env;

	if (arg != NULL && arg[0] != '\0')
		return arg;
	if ((env = getenv("BROADSIDE_MIGRATIONS")) != NULL && env[0] != '\0')
		return env;
	return MIGRATIONDIR;
}

/*
 * Parses "NNNN-name.sql": four digits, a dash, lowercase letters, digits
 * and dashes.  Returns the version, 0 if the name is not a migration's.
 */
static int
migration_version(const char *name)
{
	size_t	 i, len;
	int	 v = 0;

	len = strlen(name);
	if (len < 10 || strcmp(name + len - 4, ".sql") != 0)
		return 0;
	for (i = 0; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		v = v * 10 + (name[i] - '0');
	}
	if (name[4] != '-')
		return 0;
	for (i = 5; i < len - 4; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
			return 0;
	return v;
}

static int
migration_cmp(const void *a, const void *b)
{
	const struct migration	*x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/*
 * Lists the migrations of dir in version order.  Returns 0 or -1 (bad or
 * duplicate names, unreadable directory), having printed why.
 */
static int
migration_list(const char *dir, struct migration **out, size_t *outc)
{
	DIR		*d;
	struct dirent	*de;
	struct migration *m = NULL;
	size_t		 n = 0, i;
	int		 rc = -1, v;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "migrations: %s: %s\n", dir, strerror(errno));
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((v = migration_version(de->d_name)) == 0) {
			if (strlen(de->d_name) > 4 && strcmp(de->d_name +
			    strlen(de->d_name) - 4, ".sql") == 0) {
				fprintf(stderr, "migrations: %s/%s: not "
				    "named NNNN-name.sql\n", dir, de->d_name);
				goto out;
			}
			continue;
		}
		m = xreallocarray(m, n + 1, sizeof(*m));
		m[n].version = v;
		m[n].name = xstrdup(de->d_name);
		n++;
	}
	qsort(m, n, sizeof(*m), migration_cmp);
	for (i = 1; i < n; i++)
		if (m[i].version == m[i - 1].version) {
			fprintf(stderr, "migrations: %s and %s have the same "
			    "number\n", m[i - 1].name, m[i].name);
			goto out;
		}
	rc = 0;
out:
	if (d != NULL)
		closedir(d);
	if (rc == -1) {
		for (i = 0; i < n; i++)
			free(m[i].name);
		free(m);
		m = NULL;
		n = 0;
	}
	*out = m;
	*outc = n;
	return rc;
}

/* Reads a whole file into a NUL-terminated buffer (caller frees). */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE		*f;
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == -1 || st.st_size > MIGRATION_MAX) {
		fprintf(stderr, "%s: unreadable or too big\n", path);
		goto out;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	len = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f) || len != (size_t)st.st_size) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		buf = NULL;
		goto out;
	}
	buf[len] = '\0';
	*lenp = len;
out:
	fclose(f);
	return buf;
}

/*
 * Executes one statement of a migration file with a statement handle of
 * its own.  Returns 0 or -1 with the server's message printed.
 */
static int
migration_exec(struct db *db, const char *sql, size_t len,
    const char *path, int line)
{
	MYSQL		*my = db_mysql(db);
	MYSQL_STMT	*st = NULL;
	int		 rc = -1;

	if (my == NULL || (st = mysql_stmt_init(my)) == NULL) {
		fprintf(stderr, "%s:%d: not connected\n", path, line);
		goto out;
	}
	if (mysql_stmt_prepare(st, sql, len) != 0 ||
	    mysql_stmt_execute(st) != 0) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		fprintf(stderr, "%s:%d: %s\n", path, line,
		    mysql_stmt_error(st));
		goto out;
	}
	/* A statement with a result (none expected) is read and dropped. */
	if (mysql_stmt_field_count(st) > 0 &&
	    mysql_stmt_store_result(st) != 0) {
		fprintf(stderr, "%s:%d: %s\n", path, line,
		    mysql_stmt_error(st));
		goto out;
	}
	rc = 0;
out:
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

/*
 * Applies one file.  Statements end with ";" at the end of a line; lines
 * whose first non-blank characters are "--" are comments and skipped.
 * (A ";" that ends a line inside a string or a routine body would split
 * the statement: migrations do not use them.)  DDL commits implicitly in
 * MariaDB, so a failure leaves the earlier statements applied; the
 * message says so.
 */
static int
migration_apply(struct db *db, const char *path)
{
	char	*buf, *p, *eol, *start = NULL;
	char	*stmt = NULL;
	const char *q, *end;
	size_t	 len, slen = 0, n;
	int	 line = 0, sline = 0, rc = -1, count = 0;

	if ((buf = slurp(path, &len)) == NULL)
		goto out;
	stmt = xmalloc(len + 1);
	for (p = buf; *p != '\0'; p = eol) {
		line++;
		if ((eol = strchr(p, '\n')) != NULL)
			*eol++ = '\0';
		else
			eol = p + strlen(p);
		for (q = p; *q == ' ' || *q == '\t' || *q == '\r'; q++)
			continue;
		if (*q == '\0' && slen == 0)
			continue;
		if (q[0] == '-' && q[1] == '-')
			continue;
		if (slen == 0)
			sline = line;
		n = strlen(p);
		memcpy(stmt + slen, p, n);
		slen += n;
		stmt[slen++] = '\n';
		for (end = p + n; end > p && (end[-1] == ' ' ||
		    end[-1] == '\t' || end[-1] == '\r'); end--)
			continue;
		if (end > p && end[-1] == ';') {
			/* Drop the ";", the blanks after it and the newline. */
			slen -= (size_t)(p + n - end) + 2;
			if (migration_exec(db, stmt, slen, path, sline) == -1) {
				if (count > 0)
					fprintf(stderr, "%s: %d statement(s) "
					    "before line %d were applied; the "
					    "database may need repair before "
					    "migrating again\n", path, count,
					    sline);
				goto out;
			}
			count++;
			slen = 0;
		}
	}
	for (start = stmt; start < stmt + slen; start++)
		if (*start != ' ' && *start != '\t' && *start != '\n' &&
		    *start != '\r') {
			fprintf(stderr, "%s:%d: statement without a final "
			    "\";\"\n", path, sline);
			goto out;
		}
	rc = 0;
out:
	free(stmt);
	free(buf);
	return rc;
}

/* Records the applied versions: a sorted list. */
static int
applied_list(struct db *db, struct arena *a, long long **out, size_t *outc)
{
	struct db_row	 row;
	long long	*v;
	size_t		 n = 0, max;
	int		 c = 0, rc = -1;

	if (db_exec(db, STMT_MIGRATION_LIST, NULL) == -1)
		return -1;
	max = db_rows(db, STMT_MIGRATION_LIST);
	v = arena_calloc(a, max + 1, sizeof(*v));
	while (n < max && (c = db_fetch(db, STMT_MIGRATION_LIST, a, &row)) == 1)
		v[n++] = row.v[0].i;
	if (c != -1 && n == max) {
		*out = v;
		*outc = n;
		rc = 0;
	}
	db_done(db, STMT_MIGRATION_LIST);
	return rc;
}

int
db_migrate(struct db *db, const char *dir, FILE *out)
{
	struct arena	*a;
	struct migration *m = NULL;
	struct db_params p;
	long long	*done = NULL;
	size_t		 mc = 0, dc = 0, i, j;
	char		 path[4096];
	int		 rc = -1, applied = 0, version = 0, expected;

	a = arena_new();
	expected = db_schema_expected();
	if (db_exec(db, STMT_MIGRATIONS_CREATE, NULL) == -1) {
		fprintf(stderr, "cannot create schema_migrations: %s\n",
		    db->lasterr);
		goto out;
	}
	db_done(db, STMT_MIGRATIONS_CREATE);
	if (db_stmt_prepare(db, STMT_MIGRATION_LIST) == -1 ||
	    db_stmt_prepare(db, STMT_MIGRATION_RECORD) == -1 ||
	    applied_list(db, a, &done, &dc) == -1) {
		fprintf(stderr, "cannot read schema_migrations: %s\n",
		    db->lasterr);
		goto out;
	}
	for (j = 0; j < dc; j++)
		if (done[j] > version)
			version = (int)done[j];
	if (version > expected) {
		fprintf(stderr, "database schema is version %d, newer than "
		    "this program (%d): install the Broadside it was migrated "
		    "with\n", version, expected);
		goto out;
	}
	if (migration_list(dir, &m, &mc) == -1)
		goto out;
	for (i = 0; i < mc; i++) {
		for (j = 0; j < dc; j++)
			if (done[j] == m[i].version)
				break;
		if (j < dc)
			continue;
		if (m[i].version > expected) {
			fprintf(stderr, "%s/%s: newer than this program "
			    "(schema %d): not applied\n", dir, m[i].name,
			    expected);
			goto out;
		}
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    m[i].name) >= sizeof(path)) {
			fprintf(stderr, "%s: path too long\n", dir);
			goto out;
		}
		if (migration_apply(db, path) == -1)
			goto out;
		db_params_init(&p);
		db_param_int(&p, m[i].version);
		db_param_str(&p, m[i].name);
		if (db_exec(db, STMT_MIGRATION_RECORD, &p) == -1) {
			fprintf(stderr, "%s: applied but not recorded: %s\n",
			    path, db->lasterr);
			goto out;
		}
		db_done(db, STMT_MIGRATION_RECORD);
		fprintf(out, "applied %s\n", m[i].name);
		applied++;
		if (m[i].version > version)
			version = m[i].version;
	}
	if (version != expected) {
		fprintf(stderr, "schema is version %d but this program needs "
		    "%d: is %s the migrations directory of this build?\n",
		    version, expected, dir);
		goto out;
	}
	if (db_setup_statements(db) == -1) {
		fprintf(stderr, "after migrating: %s\n", db->lasterr);
		goto out;
	}
	if (applied == 0)
		fprintf(out, "schema is up to date (version %d)\n", version);
	else
		fprintf(out, "schema is now version %d\n", version);
	rc = 0;
out:
	for (i = 0; i < mc; i++)
		free(m[i].name);
	free(m);
	arena_free(a);
	return rc;
}

/*
 * Returns 1 if s can go between quotes in the script as it is: no quote,
 * backquote, backslash or control character, so no escaping is needed
 * under any sql_mode.
 */
static int
quotable(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '\'' || *s == '`' || *s == '\\' || *s == '"' ||
		    (unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* Checks one account's names; prints the problem. */
static int
account_check(const struct cfg_db *d, const char *section)
{
	if (d->user == NULL || d->database == NULL) {
		fprintf(stderr, "[%s]: user and database are needed\n",
		    section);
		return -1;
	}
	if (!quotable(d->user) || !quotable(d->database) ||
	    (d->password != NULL && !quotable(d->password))) {
		fprintf(stderr, "[%s]: user, password and database may not "
		    "contain quotes, backquotes, backslashes or control "
		    "characters\n", section);
		return -1;
	}
	return 0;
}

/* Writes the statements creating one account. */
static void
account_write(FILE *f, const struct cfg_db *d, const char *host)
{
	const char	*pw = d->password != NULL ? d->password : "";

	fprintf(f, "CREATE DATABASE IF NOT EXISTS `%s` CHARACTER SET utf8mb4 "
	    "COLLATE utf8mb4_unicode_ci;\n", d->database);
	fprintf(f, "CREATE USER IF NOT EXISTS '%s'@'%s' IDENTIFIED BY "
	    "'%s';\n", d->user, host, pw);
	/* An existing account gets the configured password too. */
	fprintf(f, "ALTER USER '%s'@'%s' IDENTIFIED BY '%s';\n", d->user,
	    host, pw);
}

int
db_grants_write(FILE *f, const struct cfg *c, enum grants_what what)
{
	const char	*ph, *ah;
	size_t		 i;

	if (account_check(&c->db_public, "database.public") == -1 ||
	    account_check(&c->db_admin, "database.admin") == -1)
		return -1;
	ph = c->db_public.socket != NULL ? "localhost" : "%";
	ah = c->db_admin.socket != NULL ? "localhost" : "%";

	fprintf(f, "-- Broadside database accounts, generated from %s.\n"
	    "-- Pipe into `mariadb -uroot`.  The public account's grants "
	    "need the tables:\n-- run `broadside migrate` first (or use "
	    "`broadside migrate --grants`).\n", c->path);
	fprintf(f, "\n-- The admin program and the command line: read/write.\n");
	account_write(f, &c->db_admin, ah);
	fprintf(f, "GRANT ALL PRIVILEGES ON `%s`.* TO '%s'@'%s';\n",
	    c->db_admin.database, c->db_admin.user, ah);
	fprintf(f, "\n-- The public program: SELECT on the public content "
	    "tables only.\n");
	account_write(f, &c->db_public, ph);
	if (what == GRANTS_ALL)
		for (i = 0; i < sizeof(public_tables) /
		    sizeof(public_tables[0]); i++)
			fprintf(f, "GRANT SELECT ON `%s`.`%s` TO '%s'@'%s';\n",
			    c->db_public.database, public_tables[i],
			    c->db_public.user, ph);
	else
		fprintf(f, "-- (its SELECT grants follow `broadside migrate "
		    "--grants`)\n");
	fprintf(f, "FLUSH PRIVILEGES;\n");
	if (fflush(f) == EOF || ferror(f)) {
		fprintf(stderr, "grants: write error\n");
		return -1;
	}
	return 0;
}
