/*
 * Preview links (db_preview.c): read-only links to an item's saved state
 * for partners outside the newsroom.  The table keeps only the BLAKE2b
 * hash of a link's token (auth_token_hash), never the token.  Also the
 * few reads a preview needs that struct item_edit does not carry: a
 * file's stored details, an organisation's, a tag's slug.
 *
 * Lookups return 1 (found), 0 (not found) or -1 (error, logged); other
 * functions 0 or -1.  Strings live in the arena passed in.
 */
#ifndef DB_PREVIEW_H
#define DB_PREVIEW_H

#include <stddef.h>
#include <time.h>

#include "auth.h"
#include "db.h"

struct	arena;

/* One preview link (never its token). */
struct	preview_link {
	long long	 id;
	long long	 item_id;
	const char	*note;		/* who it is for; may be "" */
	long long	 created_by;	/* user id, 0 if gone */
	const char	*created_by_name; /* display name, NULL if gone */
	time_t		 created_at;
	time_t		 expires_at;
	time_t		 revoked_at;	/* 0: not revoked */
	time_t		 last_used_at;	/* 0: never used */
	int		 live;		/* not expired by the server's clock */
};

/*
 * Creates a link to item_id for the token whose hash is given, made by
 * user_id (0: nobody), expiring days days from now.  Fills *out with the
 * new row.  Returns 0 or -1.
 */
int	db_preview_create(struct db *, struct arena *, long long item_id,
	    const unsigned char hash[AUTH_TOKEN_HASH_LEN], const char *note,
	    long long user_id, unsigned int days, struct preview_link *out);
/* A link by id; 1/0/-1. */
int	db_preview_get(struct db *, struct arena *, long long id,
	    struct preview_link *);
/*
 * The link of a token's hash, whatever its state (the caller refuses
 * expired and revoked ones); 1/0/-1.
 */
int	db_preview_find(struct db *, struct arena *,
	    const unsigned char hash[AUTH_TOKEN_HASH_LEN],
	    struct preview_link *);
/* An item's links, newest first. */
int	db_preview_list(struct db *, struct arena *, long long item_id,
	    struct preview_link **, size_t *);
/*
 * Revokes link id if it belongs to item_id and is not revoked yet.
 * Returns 1 (revoked now), 0 (no such live link of the item) or -1.
 */
int	db_preview_revoke(struct db *, long long item_id, long long id);
/* Records that link id was just opened.  Returns 0 or -1. */
int	db_preview_use(struct db *, long long id);

/* Who owns an item and what it is, for deciding who may share it. */
struct	preview_item {
	long long	 id;
	long long	 author_id;	/* 0: none */
	const char	*status;	/* "draft", "review" ... */
	const char	*lang;
	const char	*title;
};

/* The owner, status, language and title of an item; 1/0/-1. */
int	db_preview_item(struct db *, struct arena *, long long item_id,
	    struct preview_item *);

/*
 * A file of the library as an item page shows it (role MEDIA__MAX, the
 * file's own alt text, caption and credit); 1/0/-1.
 */
int	db_preview_media(struct db *, struct arena *, long long media_id,
	    struct media *);
/* An organisation by id; 1/0/-1. */
int	db_preview_org(struct db *, struct arena *, long long org_id,
	    struct org *);
/* The existing tag of a language with that name; 1/0/-1. */
int	db_preview_tag(struct db *, struct arena *, const char *lang,
	    const char *name, struct tag *);

#endif /* !DB_PREVIEW_H */
