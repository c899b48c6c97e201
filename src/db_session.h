/*
 * Accounts, sessions, sign-in attempts, held saves and the audit log in
 * the database (db_session.c).  Returns as db.h says: lookups 1/0/-1,
 * others 0/-1.  Secrets arrive here already hashed.
 */
#ifndef DB_SESSION_H
#define DB_SESSION_H

#include <stddef.h>
#include <time.h>

#include "admin.h"
#include "auth.h"

struct	arena;
struct	db;

/* A session row with its user. */
struct	session {
	long long	 id;
	long long	 user_id;
	unsigned char	 csrf_secret[AUTH_CSRF_SECRET_LEN];
	int		 mfa_pending;
	time_t		 created_at;
	time_t		 last_seen_at;
	time_t		 expires_at;
	const char	*client_addr;
	const char	*user_agent;
};

/* Counts of recent uncleared failed sign-ins (db_login_failures). */
struct	login_failures {
	int		 account;	/* for the login since its last success */
	time_t		 account_last;	/* newest of them, 0 if none */
	int		 addr;		/* from the address, last 24 hours */
	time_t		 addr_last;
};

/* A user by login (any state, disabled too), with languages; 1/0/-1. */
int	db_user_by_login(struct db *, struct arena *, const char *login,
	    struct user *);
/* A user by id; 1/0/-1. */
int	db_user_get(struct db *, struct arena *, long long id, struct user *);
/* Replaces a user's password hash and stamps password_changed_at. */
int	db_user_set_password(struct db *, long long id, const char *hash);
/*
 * Records that TOTP step was accepted for the user, only if it is later
 * than the last one: returns 1 if recorded, 0 if the step was already
 * used (a replayed code), -1 on error.
 */
int	db_user_totp_step(struct db *, long long id, long long step);

/*
 * Creates a session for user_id: the token's hash, a CSRF key, expiry
 * max_seconds from now, the client's address and agent (either NULL).
 * Sets *id.
 */
int	db_session_create(struct db *, long long user_id,
	    const unsigned char token_hash[AUTH_TOKEN_HASH_LEN],
	    const unsigned char csrf_secret[AUTH_CSRF_SECRET_LEN],
	    long max_seconds, int mfa_pending, const char *client_addr,
	    const char *user_agent, long long *id);
/*
 * The live session of a token hash: not revoked, not past expires_at,
 * seen within idle_seconds, its user not disabled; 1/0/-1.
 */
int	db_session_lookup(struct db *, struct arena *,
	    const unsigned char token_hash[AUTH_TOKEN_HASH_LEN],
	    long idle_seconds, struct session *);
/* Stamps last_seen_at (at most once a minute; the idle clock). */
int	db_session_touch(struct db *, long long id);
/* The second factor was given: the session opens everything. */
int	db_session_complete(struct db *, long long id);
/* Revokes one session of a user (0 rows if it is not theirs). */
int	db_session_revoke(struct db *, long long user_id, long long id);
/* Revokes every live session of a user except keep_id (0: all). */
int	db_session_revoke_all(struct db *, long long user_id,
	    long long keep_id);
/* A user's live sessions, newest first, into a new arena array. */
int	db_session_list(struct db *, struct arena *, long long user_id,
	    long idle_seconds, struct session **, size_t *);

/* Counts recent failed sign-ins for login and for addr. */
int	db_login_failures(struct db *, const char *login, const char *addr,
	    struct login_failures *);
/* Records a sign-in attempt. */
int	db_login_record(struct db *, const char *login, const char *addr,
	    int success);
/*
 * Lifts the throttle of login (NULL: none) and of addr (NULL: none):
 * their failures stay recorded but are marked cleared.
 */
int	db_login_clear(struct db *, const char *login, const char *addr);

/*
 * Keeps a POST body for user_id (the ended session's user) to replay
 * after signing in, for hours hours; removes expired ones first.
 */
int	db_held_put(struct db *, const unsigned char hash[AUTH_TOKEN_HASH_LEN],
	    const char *path, const char *body, size_t len, long long user_id,
	    const char *client_addr, int hours);
/*
 * The user of the session with this token hash, whether or not it is
 * still live (ended sessions' rows stay); 1/0/-1.
 */
int	db_session_owner(struct db *,
	    const unsigned char token_hash[AUTH_TOKEN_HASH_LEN],
	    long long *user_id);
/* Held POSTs from an address in the last hour (a bound on hoarding). */
int	db_held_count_addr(struct db *, const char *addr, long long *n);
/*
 * Takes user_id's held POST with this token hash, if it has not expired:
 * sets *path and *body (arena) and deletes it, so it is replayed once.
 * Another user's sign-in does not find it.  1/0/-1.
 */
int	db_held_take(struct db *, struct arena *,
	    const unsigned char hash[AUTH_TOKEN_HASH_LEN], long long user_id,
	    const char **path, const char **body);

/*
 * Appends an audit_log row.  user_id 0 and object_type NULL mean none.
 */
int	db_audit(struct db *, long long user_id, const char *client_addr,
	    const char *action, const char *object_type, long long object_id,
	    const char *detail);

#endif /* !DB_SESSION_H */
