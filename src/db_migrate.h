/*
 * Schema migrations (sql/migrations/NNNN-what.sql, applied in order and
 * recorded in schema_migrations) and the SQL script that creates the two
 * database accounts with their grants.
 */
#ifndef DB_MIGRATE_H
#define DB_MIGRATE_H

#include <stdio.h>

struct	cfg;
struct	db;

/*
 * Returns the migrations directory: arg if given, else
 * $BROADSIDE_MIGRATIONS, else the compiled-in MIGRATIONDIR.
 */
const char	*db_migrate_dir(const char *arg);
/*
 * Applies, in order, every migration in dir that the database has not
 * recorded, over an admin connection; records each after it succeeded.
 * Writes one line per applied file, then "schema is up to date (version
 * N)" or "schema is now version N", to out.  Returns 0, or -1 having
 * printed the file, line and error to stderr.  Afterwards the handle's
 * statements are prepared for the new schema.
 */
int		 db_migrate(struct db *, const char *dir, FILE *out);

/* What db_grants_write() emits. */
enum	grants_what {
	GRANTS_ALL,		/* accounts, admin grants, public grants */
	GRANTS_ACCOUNTS,	/* accounts and admin grants only */
};

/*
 * Writes an SQL script for a MariaDB administrator (`mariadb -uroot`): the
 * databases, both configured accounts with their passwords, ALL PRIVILEGES
 * for the admin account on its database and, with GRANTS_ALL, SELECT for
 * the public account on exactly the public content tables, which must
 * exist (run it after `broadside migrate`).  Accounts are
 * user@'localhost' when a socket is configured, else user@'%'.  Returns 0,
 * or -1 (printed to stderr) if a name or password cannot be quoted safely.
 */
int		 db_grants_write(FILE *, const struct cfg *, enum grants_what);

#endif /* !DB_MIGRATE_H */
