/*
 * Inside the database layer: the connection handle, the statement enum
 * (its SQL is the one table in db.c) and the bind/fetch helpers that the
 * db_*.c files share.  Only src/db*.c include this file, because it
 * includes <mysql.h>.
 */
#ifndef DB_INTERNAL_H
#define DB_INTERNAL_H

#include <stddef.h>
#include <time.h>

#include <mysql.h>

#include "cfg.h"
#include "db.h"

/*
 * The C API's boolean: my_bool in MariaDB's client (and MySQL before 8),
 * bool in MySQL 8.
 */
#if !defined(MARIADB_PACKAGE_VERSION_ID) && defined(MYSQL_VERSION_ID) && \
    MYSQL_VERSION_ID >= 80000
#include <stdbool.h>
typedef bool	db_bool;
#else
typedef my_bool	db_bool;
#endif

/*
 * Every statement the programs run.  The SQL of each is in stmts[] in
 * db.c, in the same order.  Statements before STMT__PUBLIC_MAX are SELECTs
 * the public account may run and are prepared for both roles; those from
 * STMT__PUBLIC_MAX on are prepared for the admin role only.
 * The "boot" statements (session set-up and the schema version) are
 * prepared before the others, because the others need the schema.
 */
enum	stmt {
	/* Both roles: session and schema. */
	STMT_SET_SESSION,
	STMT_MIGRATIONS_EXIST,
	STMT_SCHEMA_VERSION,
	/* Both roles: public reads. */
	STMT_NOW,
	STMT_SITE_STATE,
	STMT_LANGUAGE_LIST,
	STMT_ITEM_LIST_LANG,
	STMT_ITEM_LIST_KIND,
	STMT_ITEM_LIST_EVENTS,
	STMT_ITEM_LIST_TAG,
	STMT_ITEM_LIST_ORG,
	STMT_ITEM_COUNT_LANG,
	STMT_ITEM_COUNT_KIND,
	STMT_ITEM_COUNT_TAG,
	STMT_ITEM_COUNT_ORG,
	STMT_ITEM_LIST_SEARCH,
	STMT_ITEM_COUNT_SEARCH,
	STMT_ITEM_GET,
	STMT_ITEM_OLD_SLUG,
	STMT_ITEM_TRANSLATIONS,
	STMT_ITEM_TAGS,
	STMT_ITEM_MEDIA,
	STMT_ITEM_SIGNATORIES,
	STMT_EVENT_GET,
	STMT_EVENT_LANGUAGES,
	STMT_EVENT_SPEAKERS,
	STMT_EVENT_UPCOMING,
	STMT_TAG_LIST,
	STMT_TAG_GET,
	STMT_ORG_LIST,
	STMT_ORG_GET,
	/* Both roles: feeds and calendars (db_item.c, db_event.c). */
	STMT_FEED_VALID_LANG,
	STMT_FEED_VALID_KIND,
	STMT_FEED_VALID_CALENDAR,
	STMT_FEED_GROUP_LANG,
	STMT_FEED_GROUP_KIND,
	STMT_FEED_GROUP_TAG,
	STMT_FEED_GROUP_ORG,
	STMT_FEED_VALID_TAG,
	STMT_FEED_VALID_ORG,
	STMT_FEED_VALID_EVENT,
	STMT_FEED_LIST_LANG,
	STMT_FEED_LIST_KIND,
	STMT_FEED_LIST_TAG,
	STMT_FEED_LIST_ORG,
	STMT_FEED_PAGE_LANG,
	STMT_FEED_PAGE_KIND,
	STMT_FEED_PAGE_TAG,
	STMT_FEED_PAGE_ORG,
	STMT_FEED_CALENDAR,
	STMT_FEED_EVENT,
	STMT_ITEMS_TAGS,
	STMT_ITEMS_FILES,
	STMT_ITEMS_SIGNATORIES,
	STMT_ITEMS_TRANSLATIONS,
	STMT__PUBLIC_MAX,
	/* Admin only: migrations. */
	STMT_MIGRATIONS_CREATE = STMT__PUBLIC_MAX,
	STMT_MIGRATION_LIST,
	STMT_MIGRATION_RECORD,
	/* Admin only: imports and edits. */
	STMT_GENERATION_BUMP,
	STMT_ORG_UPSERT,
	STMT_ORG_ID,
	STMT_TAG_UPSERT,
	STMT_TAG_ID,
	STMT_ITEM_FIND,
	STMT_GROUP_INSERT,
	STMT_ITEM_INSERT,
	STMT_ITEM_SET_ENTRY_ID,
	STMT_ITEM_TAG_INSERT,
	STMT_SIGNATORY_INSERT,
	STMT_EVENT_INSERT,
	STMT_EVENT_LANGUAGE_INSERT,
	STMT_SPEAKER_INSERT,
	STMT_MEDIA_FIND,
	STMT_MEDIA_INSERT,
	STMT_ITEM_MEDIA_INSERT,
	STMT_REVISION_INSERT,
	STMT_AUDIT_INSERT,
	/*
	 * The editing program.  Each block belongs to one file; their SQL is
	 * in db.c's stmts[] as designated initializers ([STMT_X] = "..."),
	 * in a block of the same name, so blocks never depend on order.
	 */
	/* db_session.c: users, sessions, sign-in attempts, held saves. */
	STMT_ADM_SESSION_FIRST,
	STMT_USER_BY_LOGIN,
	STMT_USER_GET,
	STMT_USER_LANGS,
	STMT_USER_SET_PASSWORD,
	STMT_USER_TOTP_STEP,
	STMT_SESSION_INSERT,
	STMT_SESSION_LOOKUP,
	STMT_SESSION_TOUCH,
	STMT_SESSION_COMPLETE,
	STMT_SESSION_REVOKE,
	STMT_SESSION_REVOKE_ALL,
	STMT_SESSION_LIST,
	STMT_LOGIN_FAIL_ACCOUNT,
	STMT_LOGIN_FAIL_ADDR,
	STMT_LOGIN_RECORD,
	STMT_LOGIN_CLEAR_LOGIN,
	STMT_LOGIN_CLEAR_ADDR,
	STMT_HELD_INSERT,
	STMT_HELD_GET,
	STMT_HELD_USE,
	STMT_HELD_PURGE,
	STMT_HELD_COUNT_ADDR,
	STMT_SESSION_OWNER,
	STMT_AUDIT_ADD,
	/* db_edit.c: loading and saving an item. */
	STMT_ADM_EDIT_FIRST,
	STMT_EDIT_ITEM_GET,
	STMT_EDIT_ITEM_TAGS,
	STMT_EDIT_ITEM_MEDIA,
	STMT_EDIT_ITEM_SIGS,
	STMT_EDIT_ITEM_LOCK,
	STMT_EDIT_SLUG_USED,
	STMT_EDIT_ITEM_INSERT,
	STMT_EDIT_ITEM_UPDATE,
	STMT_EDIT_SLUG_KEEP,
	STMT_EDIT_SLUG_FORGET,
	STMT_EDIT_TAG_INSERT,
	STMT_EDIT_TAGS_CLEAR,
	STMT_EDIT_MEDIA_CLEAR,
	STMT_EDIT_SIGS_CLEAR,
	STMT_EDIT_EVENT_CLEAR,
	STMT_EDIT_REVISION_INSERT,
	STMT_EDIT_ORG_ALL,
	STMT_EDIT_FILES_RECENT,
	STMT_EDIT_FILE_GET,
	STMT_EDIT_GROUP_ITEMS,
	STMT_EDIT_LINK_CANDIDATES,
	/* db_admin.c: item lists, dashboard, organisations. */
	STMT_ADM_LIST_FIRST,
	STMT_ADM_ITEM_LIST,
	STMT_ADM_ITEM_COUNT,
	STMT_ADM_DASH_DRAFTS,
	STMT_ADM_DASH_REVIEW,
	STMT_ADM_DASH_SCHEDULED,
	STMT_ADM_DASH_RECENT,
	STMT_ADM_ITEM_IN_GROUP,
	STMT_ADM_ITEM_PURGE,
	STMT_ADM_USER_NAMES,
	STMT_ADM_ORG_LIST,
	STMT_ADM_ORG_GET,
	STMT_ADM_ORG_INSERT,
	STMT_ADM_ORG_UPDATE,
	STMT_ADM_ORG_TOUCH_ITEMS,
	STMT_ADM_TAG_LIST,
	STMT_ADM_TAG_GET,
	STMT_ADM_TAG_SAME_NAME,
	STMT_ADM_TAG_RENAME,
	STMT_ADM_TAG_TOUCH_ITEMS,
	STMT_ADM_TAG_MERGE,
	STMT_ADM_TAG_DELETE,
	/* db_revision.c: revisions. */
	STMT_ADM_REVISION_FIRST,
	STMT_REV_LIST,
	STMT_REV_COUNT,
	STMT_REV_GET,
	STMT_REV_FILE_BY_NAME,
	STMT_REV_ORG_BY_SLUG,
	STMT_REV_TAG_NAME,
	/* db_media.c: uploads and the library. */
	STMT_ADM_MEDIA_FIRST,
	STMT_MED_INSERT,
	STMT_MED_LIST,
	STMT_MED_COUNT,
	STMT_MED_GET,
	STMT_MED_LOCK,
	STMT_MED_UPDATE,
	STMT_MED_TOUCH_ITEMS,
	STMT_MED_USES,
	/* db_user.c: user administration, audit log, settings. */
	STMT_ADM_USER_FIRST,
	STMT_USR_LOGIN_EXISTS,
	STMT_USR_INSERT,
	STMT_USR_LANG_INSERT,
	STMT_USR_LANG_DELETE,
	STMT_USR_LIST,
	STMT_USR_LANGS_ALL,
	STMT_USR_UPDATE,
	STMT_USR_SET_DISABLED,
	STMT_USR_SESSIONS_REVOKE,
	STMT_USR_ADMINS_ACTIVE,
	STMT_USR_RECOVERY_DELETE,
	STMT_USR_RECOVERY_INSERT,
	STMT_USR_RECOVERY_USE,
	STMT_USR_RECOVERY_COUNT,
	STMT_USR_TOTP_PENDING,
	STMT_USR_TOTP_PENDING_GET,
	STMT_USR_TOTP_CONFIRM,
	STMT_USR_TOTP_OFF,
	STMT_USR_SETTING_GET,
	STMT_USR_SETTING_SET,
	STMT_USR_SETTING_DELETE,
	STMT_USR_SETTING_LIST,
	STMT_USR_AUDIT_LIST,
	STMT_USR_AUDIT_COUNT,
	STMT_USR_AUDIT_ACTIONS,
	STMT_USR_THROTTLED_LOGINS,
	STMT_USR_THROTTLED_ADDRS,
	/* db_preview.c: preview links. */
	STMT_ADM_PREVIEW_FIRST,
	STMT_PREVIEW_INSERT,
	STMT_PREVIEW_BY_ID,
	STMT_PREVIEW_BY_HASH,
	STMT_PREVIEW_LIST,
	STMT_PREVIEW_REVOKE,
	STMT_PREVIEW_USE,
	STMT_PREVIEW_MEDIA,
	STMT_PREVIEW_ORG,
	STMT_PREVIEW_TAG,
	STMT_PREVIEW_ITEM,
	STMT__MAX
};

#define	DB_PARAM_MAX	40	/* most ? of any statement */
#define	DB_IDS		40	/* ids the STMT_ITEMS_* statements take */
#define	DB_COL_MAX	24	/* most columns of any result */

/* One connection and its prepared statements. */
struct	db {
	MYSQL		*my;		/* NULL while disconnected */
	struct cfg_db	 cfg;		/* deep copy, for reconnecting */
	enum db_role	 role;
	MYSQL_STMT	*st[STMT__MAX];	/* NULL: not prepared */
	/* Column count and kinds of each statement's result. */
	unsigned int	 ncols[STMT__MAX];
	unsigned char	 coltypes[STMT__MAX][DB_COL_MAX]; /* db_coltype */
	int		 down;		/* server lost: reconnect first */
	int		 in_tx;		/* inside db_tx_begin .. commit */
	int		 schema;	/* version found at connect, -1 none */
	time_t		 last_ok;	/* time of the last good exchange */
	unsigned int	 lasterrno;	/* last client/server error */
	char		 lasterr[256];	/* and its message */
};

/* How a result column is fetched. */
enum	db_coltype {
	DB_COL_INT,		/* integers, flags */
	DB_COL_TIME,		/* DATETIME, DATE: UTC instant */
	DB_COL_STR,		/* everything else, as text */
};

/* Parameters of one execution, filled with db_param_*() in order. */
struct	db_params {
	MYSQL_BIND	 b[DB_PARAM_MAX];
	unsigned long	 len[DB_PARAM_MAX];
	db_bool		 null[DB_PARAM_MAX];
	long long	 ll[DB_PARAM_MAX];
	MYSQL_TIME	 tm[DB_PARAM_MAX];
	size_t		 n;
	int		 overflow;	/* more than DB_PARAM_MAX were added */
};

/* One fetched column. */
struct	db_val {
	int		 null;	/* SQL NULL: i, t are 0 and s is NULL */
	long long	 i;	/* DB_COL_INT */
	time_t		 t;	/* DB_COL_TIME */
	char		*s;	/* DB_COL_STR: NUL-terminated, in the arena */
	size_t		 len;	/* DB_COL_STR: bytes before the NUL */
};

/* One fetched row. */
struct	db_row {
	size_t		 n;
	struct db_val	 v[DB_COL_MAX];
};

void	 db_params_init(struct db_params *);
/* Binds a string; NULL binds SQL NULL. The string must outlive the call. */
void	 db_param_str(struct db_params *, const char *);
/* Binds len bytes of a string (not necessarily NUL-terminated). */
void	 db_param_strn(struct db_params *, const char *, size_t);
/* Binds len bytes as binary data (BINARY, VARBINARY, BLOB columns). */
void	 db_param_blob(struct db_params *, const void *, size_t);
void	 db_param_int(struct db_params *, long long);
/* Binds a UTC instant as DATETIME; (time_t)-1 binds NULL. */
void	 db_param_time(struct db_params *, time_t);
/* Binds the UTC date of an instant as DATE; (time_t)-1 binds NULL. */
void	 db_param_date(struct db_params *, time_t);
void	 db_param_null(struct db_params *);

/*
 * Prepares one statement on the current connection if it is not yet.
 * Returns 0 or -1 (logged).
 */
int	 db_stmt_prepare(struct db *, enum stmt);
/*
 * Binds the parameters (NULL: none) and executes; a result set is stored
 * client-side, so other statements may run while it is read.  A lost
 * server marks the handle down; a public read is then retried once on a
 * new connection.  Returns 0 or -1 (logged).  Every successful call must
 * be paired with db_done().
 */
int	 db_exec(struct db *, enum stmt, struct db_params *);
/*
 * Executes a statement whose result is not read (a write) and releases
 * it.  Returns 0 or -1 (logged by db_exec()).
 */
int	 db_run(struct db *, enum stmt, struct db_params *);
/*
 * Fetches the next row; strings are copied into the arena whatever their
 * length (the arena may be NULL for results without string columns).
 * Returns 1 (row), 0 (no more) or -1 (error, logged).
 */
int	 db_fetch(struct db *, enum stmt, struct arena *, struct db_row *);
/* Rows in the stored result of the last db_exec(). */
size_t	 db_rows(struct db *, enum stmt);
/* Fills the element at elem (of the caller's type) from a result row. */
typedef void	(*db_row_fn)(void *elem, const struct db_row *);
/*
 * Executes s with p and converts every row with from_row into a new array
 * of elemsz-byte elements in the arena (with one zeroed element after the
 * last), then calls db_done().  Sets *out and *outc.  Returns 0 or -1.
 */
int	 db_exec_all(struct db *, enum stmt, struct db_params *,
	    struct arena *, size_t elemsz, db_row_fn, void **out,
	    size_t *outc);
/* The AUTO_INCREMENT id the last db_exec() of an INSERT made. */
long long db_insert_id(struct db *, enum stmt);
/* Rows the last db_exec() of a write changed. */
long long db_affected(struct db *, enum stmt);
/*
 * Frees the statement's result and resets it; accepts an unprepared one
 * and STMT__MAX (nothing to do).
 */
void	 db_done(struct db *, enum stmt);

/*
 * Transactions of the admin role: begin turns autocommit off, commit and
 * rollback end the transaction and turn it back on.  Return 0 or -1.
 */
int	 db_tx_begin(struct db *);
int	 db_tx_commit(struct db *);
void	 db_tx_rollback(struct db *);

/*
 * After a migration: reads the schema version again and prepares the
 * statements of the role if it is now the expected one.  Returns 0 or -1.
 */
int	 db_setup_statements(struct db *);

/*
 * Writes the LIKE pattern that finds words anywhere (LIKE's '%', '_' and
 * '\\' escaped, between '%' wildcards) into buf.  Returns 0, or -1 if it
 * does not fit.  In db_item.c.
 */
int	 db_like_pattern(const char *words, char *buf, size_t size);

/* Fills an item from a row of ITEM_COLS (db.c) starting at column 0. */
void	 db_item_from_row(struct item *, const struct db_row *);
/* Fills a struct tag from columns id, lang, slug, name, count. */
void	 db_tag_from_row(void *elem, const struct db_row *);
/* Fills an organisation from a row of ORG_COLS starting at column first. */
void	 db_org_from_row(struct org *, const struct db_row *, size_t first);

/* Returns the handle's connection for the migration runner, or NULL. */
MYSQL	*db_mysql(struct db *);
/* Records a failed call on the connection (error number and text). */
void	 db_seterr(struct db *, unsigned int, const char *);

#endif /* !DB_INTERNAL_H */
