/*
 * User administration, second-factor set-up, recovery codes, newsroom
 * settings, the audit log's pages and the list of throttled sign-ins, in
 * the database (db_user.c).  Returns as db.h says: lookups 1/0/-1, others
 * 0/-1, with the exceptions each comment names.  Secrets arrive here
 * already hashed, except TOTP keys, which must be kept as they are.
 * Rows are allocated in the arena passed in.
 */
#ifndef DB_USER_H
#define DB_USER_H

#include <stddef.h>
#include <time.h>

#include "admin.h"

struct	arena;
struct	db;

/* A user as the users page lists them. */
struct	user_summary {
	struct user	 user;		/* no hash or key; totp_len 1 if on */
	time_t		 last_login;	/* newest complete session, 0: never */
};

/* Sign-in failures of one login or one address (the throttled list). */
struct	throttle {
	const char	*key;		/* the login, or the client address */
	long long	 failures;	/* uncleared, last 24 hours */
	time_t		 last;		/* the newest of them */
	long long	 user_id;	/* the login's account, 0: none */
};

/* One row of the audit log, with who did it. */
struct	audit_entry {
	long long	 id;
	time_t		 at;
	long long	 user_id;	/* 0: nobody (or a deleted user) */
	const char	*user_login;	/* NULL with user_id 0 */
	const char	*user_name;
	const char	*client_addr;	/* NULL if unknown */
	const char	*action;	/* "login", "publish" ... */
	const char	*object_type;	/* NULL: none */
	long long	 object_id;
	const char	*object_title;	/* an item's title, a user's login */
	const char	*detail;
};

/* A stored newsroom setting. */
struct	setting {
	const char	*name;
	const char	*value;
	time_t		 updated_at;
	const char	*updated_by;	/* display name, NULL if unknown */
};

/* Sign-in failures from which the users page lists a login or address. */
#define	THROTTLE_LISTED	(AUTH_THROTTLE_FREE + 1)

/*
 * Creates a user; sets *id.  langs are a translator's languages (codes of
 * the languages table).  Returns 0, -1 on error, 1 if the login exists.
 */
int	db_user_create(struct db *, const char *login,
	    const char *display_name, const char *email, enum role,
	    const char *password_hash, const char *const *langs, size_t langc,
	    long long *id);
/*
 * All users by login, with languages, into a new arena array.  No hashes
 * or keys are loaded: totp_len is 1 if the user's TOTP is on.
 */
int	db_user_list(struct db *, struct arena *, struct user **, size_t *);
/* As db_user_list(), with each user's last sign-in. */
int	db_user_summaries(struct db *, struct arena *,
	    struct user_summary **, size_t *);
/*
 * Updates name, email, role, disabled and the translator's languages of
 * the user u->id, in one transaction; disabling revokes the user's
 * sessions.  Returns 0, -1 on error, or 1 (nothing changed) if the change
 * would leave no active administrator.
 */
int	db_user_update(struct db *, const struct user *);
/*
 * Sets disabled (and revokes the user's sessions when disabling).
 * Returns 0, -1, or 1 (nothing changed) if it would disable the last
 * active administrator.
 */
int	db_user_set_disabled(struct db *, long long id, int disabled);
/* Counts administrators who are not disabled. */
int	db_user_admins_active(struct db *, long long *n);

/*
 * The hash under which a recovery code is stored: BLAKE2b-256 of its
 * canonical form "xxxxx-xxxxx" (lowercase; what the user typed may have
 * capitals, spaces around it, or no hyphen).  Returns 0, or -1 if code
 * cannot be a recovery code (then no hash is written).
 */
int	db_recovery_hash(const char *code, unsigned char out[32]);
/* Replaces the user's recovery codes with the n hashes. */
int	db_recovery_set(struct db *, long long user_id,
	    const unsigned char (*hashes)[32], size_t n);
/*
 * Uses a code: 1 if an unused one with this hash was found and is now
 * marked used, 0 if none, -1 error.
 */
int	db_recovery_use(struct db *, long long user_id,
	    const unsigned char hash[32]);
/* Counts the user's unused codes. */
int	db_recovery_count(struct db *, long long user_id, long long *n);

/*
 * TOTP set-up: stores key (len bytes, at most 64; NULL or 0 clears it) as
 * the user's pending key.
 */
int	db_user_totp_pending(struct db *, long long id,
	    const unsigned char *key, size_t len);
/*
 * Reads the pending key into key (64 bytes) and *len, and whether a
 * confirmed key is set into *on.  Returns 1 if a pending key is there,
 * 0 if none (*len 0), -1 on error.
 */
int	db_user_totp_pending_get(struct db *, long long id,
	    unsigned char key[64], size_t *len, int *on);
/*
 * Confirms the pending key: it becomes the user's key, with step as the
 * last accepted time step.  Returns 0, or -1 on error or if no key was
 * pending.
 */
int	db_user_totp_confirm(struct db *, long long id, long long step);
/* Turns TOTP off: no key, no pending key, no recovery codes. */
int	db_user_totp_off(struct db *, long long id);

/* A setting's value into *value (arena): 1, 0 (not set), -1. */
int	db_setting_get(struct db *, struct arena *, const char *name,
	    const char **value);
/*
 * Sets a setting (user_id 0: nobody); the caller writes the audit row.
 * A NULL value deletes it: the built-in or configured default applies.
 */
int	db_setting_set(struct db *, const char *name, const char *value,
	    long long user_id);
/* Every stored setting by name, into a new arena array. */
int	db_setting_list(struct db *, struct arena *, struct setting **,
	    size_t *);
/*
 * admin_setting_get() (admin.h, in admin_audit.c) reads a setting for a
 * page, with a default.  This is its numeric sibling: the value of
 * setting name if it is set and a whole number in [min, max], else dflt
 * (an unusable stored value is logged).
 */
long		 admin_setting_num(struct admin *, const char *name, long min,
		    long max, long dflt);

/*
 * A page of the audit log, newest first: entries of user_id (0: any) and
 * action (NULL: any), limit rows from offset, into a new arena array.
 */
int	db_audit_list(struct db *, struct arena *, long long user_id,
	    const char *action, long long offset, long long limit,
	    struct audit_entry **, size_t *);
/* Counts the entries db_audit_list() filters. */
int	db_audit_count(struct db *, long long user_id, const char *action,
	    long long *n);
/* The actions the log holds, sorted, into a NULL-terminated array. */
int	db_audit_actions(struct db *, struct arena *, const char ***, size_t *);

/*
 * Logins and addresses with THROTTLE_LISTED or more uncleared failed
 * sign-ins in the last 24 hours (a login's since its last success),
 * newest first; db_login_clear() lifts one.
 */
int	db_throttled_logins(struct db *, struct arena *, struct throttle **,
	    size_t *);
int	db_throttled_addrs(struct db *, struct arena *, struct throttle **,
	    size_t *);

#endif /* !DB_USER_H */
