/*
 * `broadside user ...`: accounts from the command line, for the first
 * administrator and for recovering one.
 *
 *   user add LOGIN --role ROLE [--name NAME] [--email EMAIL]
 *            [--lang CODE]... [--password-stdin]
 *   user passwd LOGIN [--password-stdin]
 *   user list
 *   user disable LOGIN | user enable LOGIN
 *   user unthrottle [LOGIN] [--addr ADDRESS]
 *
 * Without --password-stdin a strong password is generated and printed
 * once.  Every change is in the audit log, as if made from the admin, with
 * no user and the address "command line".
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "admin.h"
#include "arena.h"
#include "auth.h"
#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "db_session.h"
#include "db_user.h"

#define CLI_ADDR	"command line"
#define CLI_LANGS_MAX	16

static int
usage(void)
{
	fprintf(stderr, "usage: broadside user add LOGIN --role "
	    "admin|editor|author|translator [--name NAME] [--email EMAIL]\n"
	    "           [--lang CODE]... [--password-stdin]\n"
	    "       broadside user passwd LOGIN [--password-stdin]\n"
	    "       broadside user list\n"
	    "       broadside user disable|enable LOGIN\n"
	    "       broadside user unthrottle [LOGIN] [--addr ADDRESS]\n");
	return 2;
}

/* A login: 2 to 64 of [a-z0-9._-], starting with a letter or digit. */
static int
login_valid(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n < 2 || n > 64 || !isalnum((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) ||
		    isdigit((unsigned char)s[i]) || s[i] == '.' ||
		    s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/*
 * The new password: the first line of standard input, or a generated
 * one (printed by the caller).  Returns 0, or -1 (message printed).
 */
static int
password_get(int from_stdin, const char *login, char *pw, size_t size,
    int *generated)
{
	unsigned char	 raw[18];
	const char	*why = NULL;
	size_t		 n;

	*generated = 0;
	if (from_stdin) {
		if (fgets(pw, (int)size, stdin) == NULL) {
			fprintf(stderr, "no password on standard input\n");
			return -1;
		}
		n = strcspn(pw, "\r\n");
		if (pw[n] == '\0' && n == size - 1) {
			fprintf(stderr, "password too long\n");
			return -1;
		}
		pw[n] = '\0';
	} else {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2base64(pw, size, raw, sizeof(raw),
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		*generated = 1;
	}
	if (!auth_password_acceptable(pw, login, &why)) {
		fprintf(stderr, "password refused: %s\n", why);
		return -1;
	}
	return 0;
}

/* Opens the admin account's connection.  NULL: message printed. */
static struct db *
open_db(const struct cfg *cfg)
{
	struct db	*db;
	const char	*err;

	if ((db = db_open(&cfg->db_admin, DB_ROLE_ADMIN, &err)) == NULL) {
		fprintf(stderr, "%s\n", err);
		return NULL;
	}
	if (db_check_schema(db, &err) == -1) {
		fprintf(stderr, "%s\n", err);
		db_close(db);
		return NULL;
	}
	return db;
}

static int
user_add(struct db *db, const struct cfg *cfg, int argc, char **argv)
{
	const char	*login, *name = NULL, *email = NULL;
	const char	*langs[CLI_LANGS_MAX];
	char		 pw[AUTH_PASSWORD_MAX + 2];
	char		 hash[crypto_pwhash_STRBYTES];
	enum role	 role = ROLE__MAX;
	size_t		 langc = 0;
	long long	 id;
	int		 i, from_stdin = 0, generated, rc;

	if (argc < 2)
		return usage();
	login = argv[1];
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--password-stdin") == 0)
			from_stdin = 1;
		else if (i + 1 >= argc)
			return usage();
		else if (strcmp(argv[i], "--role") == 0)
			role = role_from_name(argv[++i]);
		else if (strcmp(argv[i], "--name") == 0)
			name = argv[++i];
		else if (strcmp(argv[i], "--email") == 0)
			email = argv[++i];
		else if (strcmp(argv[i], "--lang") == 0) {
			if (langc == CLI_LANGS_MAX)
				return usage();
			if (!cfg_has_lang(cfg, argv[++i])) {
				fprintf(stderr, "%s: not a configured "
				    "language\n", argv[i]);
				return 1;
			}
			langs[langc++] = argv[i];
		} else
			return usage();
	}
	if (role == ROLE__MAX)
		return usage();
	if (!login_valid(login)) {
		fprintf(stderr, "%s: a login is 2 to 64 of a-z, 0-9, '.', "
		    "'_' and '-'\n", login);
		return 1;
	}
	if (name != NULL && (name[0] == '\0' || strlen(name) > 200)) {
		fprintf(stderr, "--name: 1 to 200 bytes\n");
		return 1;
	}
	if (email != NULL && (strchr(email, '@') == NULL ||
	    strlen(email) > 254)) {
		fprintf(stderr, "--email: not an address\n");
		return 1;
	}
	if (role == ROLE_TRANSLATOR && langc == 0) {
		fprintf(stderr, "a translator needs at least one --lang\n");
		return 1;
	}
	if (password_get(from_stdin, login, pw, sizeof(pw), &generated) != 0)
		return 1;
	if (auth_password_hash(pw, hash) != 0) {
		fprintf(stderr, "cannot hash the password (out of memory?)\n");
		return 1;
	}
	rc = db_user_create(db, login, name != NULL ? name : login, email,
	    role, hash, langs, langc, &id);
	if (rc == 1) {
		fprintf(stderr, "%s: the login exists\n", login);
		return 1;
	}
	if (rc != 0)
		return 1;
	db_audit(db, 0, CLI_ADDR, "user-create", "user", id, "");
	printf("created %s (%s)\n", login, role_names[role]);
	if (generated)
		printf("password: %s\n", pw);
	sodium_memzero(pw, sizeof(pw));
	return 0;
}

/* Looks a login up; prints why not.  Returns 1 if found. */
static int
find(struct db *db, struct arena *a, const char *login, struct user *u)
{
	int	 rc;

	if ((rc = db_user_by_login(db, a, login, u)) == 0)
		fprintf(stderr, "%s: no such user\n", login);
	return rc == 1;
}

static int
user_passwd(struct db *db, struct arena *a, int argc, char **argv)
{
	struct user	 u;
	char		 pw[AUTH_PASSWORD_MAX + 2];
	char		 hash[crypto_pwhash_STRBYTES];
	int		 from_stdin = 0, generated;

	if (argc == 3 && strcmp(argv[2], "--password-stdin") == 0)
		from_stdin = 1;
	else if (argc != 2)
		return usage();
	if (!find(db, a, argv[1], &u))
		return 1;
	if (password_get(from_stdin, u.login, pw, sizeof(pw),
	    &generated) != 0)
		return 1;
	if (auth_password_hash(pw, hash) != 0 ||
	    db_user_set_password(db, u.id, hash) != 0 ||
	    db_session_revoke_all(db, u.id, 0) != 0)
		return 1;
	db_audit(db, 0, CLI_ADDR, "password-change", "user", u.id,
	    "Password set from the command line; sessions ended");
	printf("password of %s changed; their sessions ended\n", u.login);
	if (generated)
		printf("password: %s\n", pw);
	sodium_memzero(pw, sizeof(pw));
	return 0;
}

static int
user_list(struct db *db, struct arena *a)
{
	struct user	*u;
	size_t		 n, i, j;

	if (db_user_list(db, a, &u, &n) != 0)
		return 1;
	printf("%-24s %-10s %-8s %-5s %s\n", "LOGIN", "ROLE", "STATE",
	    "TOTP", "LANGUAGES");
	for (i = 0; i < n; i++) {
		printf("%-24s %-10s %-8s %-5s ", u[i].login,
		    role_names[u[i].role], u[i].disabled ? "disabled" :
		    "active", u[i].totp_len > 0 ? "on" : "off");
		for (j = 0; j < u[i].langc; j++)
			printf("%s%s", j > 0 ? "," : "", u[i].langs[j]);
		printf("%s\n", u[i].langc == 0 ? "-" : "");
	}
	return 0;
}

static int
user_disable(struct db *db, struct arena *a, int argc, char **argv,
    int disabled)
{
	struct user	 u;
	int		 rc;

	if (argc != 2)
		return usage();
	if (!find(db, a, argv[1], &u))
		return 1;
	if ((rc = db_user_set_disabled(db, u.id, disabled)) == 1) {
		fprintf(stderr, "%s is the last active administrator\n",
		    u.login);
		return 1;
	}
	if (rc != 0)
		return 1;
	db_audit(db, 0, CLI_ADDR, disabled ? "user-disable" : "user-enable",
	    "user", u.id, "From the command line");
	printf("%s %s\n", u.login, disabled ? "disabled; sessions ended" :
	    "enabled");
	return 0;
}

static int
user_unthrottle(struct db *db, int argc, char **argv)
{
	const char	*login = NULL, *addr = NULL;
	int		 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--addr") == 0 && i + 1 < argc)
			addr = argv[++i];
		else if (argv[i][0] != '-' && login == NULL)
			login = argv[i];
		else
			return usage();
	}
	if (login == NULL && addr == NULL)
		return usage();
	if (db_login_clear(db, login, addr) != 0)
		return 1;
	db_audit(db, 0, CLI_ADDR, "unthrottle", NULL, 0, login != NULL ?
	    login : addr);
	printf("sign-in throttle lifted for %s%s%s\n",
	    login != NULL ? login : "", login != NULL && addr != NULL ?
	    " and " : "", addr != NULL ? addr : "");
	return 0;
}

int
cli_user(const char *cfgpath, int argc, char **argv)
{
	struct cfg	*cfg = NULL;
	struct db	*db = NULL;
	struct arena	*a;
	int		 rc = 1;

	if (argc < 2)
		return usage();
	if (sodium_init() < 0) {
		fprintf(stderr, "libsodium cannot initialise\n");
		return 1;
	}
	a = arena_new();
	if ((cfg = cfg_load(cfgpath)) == NULL || (db = open_db(cfg)) == NULL)
		goto out;
	argc--;
	argv++;
	if (strcmp(argv[0], "add") == 0)
		rc = user_add(db, cfg, argc, argv);
	else if (strcmp(argv[0], "passwd") == 0)
		rc = user_passwd(db, a, argc, argv);
	else if (strcmp(argv[0], "list") == 0 && argc == 1)
		rc = user_list(db, a);
	else if (strcmp(argv[0], "disable") == 0)
		rc = user_disable(db, a, argc, argv, 1);
	else if (strcmp(argv[0], "enable") == 0)
		rc = user_disable(db, a, argc, argv, 0);
	else if (strcmp(argv[0], "unthrottle") == 0)
		rc = user_unthrottle(db, argc, argv);
	else
		rc = usage();
out:
	db_close(db);
	cfg_free(cfg);
	arena_free(a);
	return rc;
}
