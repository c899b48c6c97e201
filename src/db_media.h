/*
 * The media library in the database (db_media.c): recording a stored
 * upload, the library's pages, one file, its own alt text, caption and
 * credit, and the items that use it.  Returns as db.h says: lookups
 * 1/0/-1, others 0/-1.  Rows live in the arena passed in.
 */
#ifndef DB_MEDIA_H
#define DB_MEDIA_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"
#include "item_edit.h"

struct	arena;
struct	db;

/* Longest texts of a file, in characters (the media table's columns). */
#define DB_MEDIA_ALT_MAX	500
#define DB_MEDIA_CAPTION_MAX	1000
#define DB_MEDIA_CREDIT_MAX	300

/* One file of the library. */
struct	media_file {
	long long	 id;
	const char	*filename;	/* generated, under cfg->media_dir */
	const char	*original_name;	/* the client's, for showing only */
	const char	*mime;
	long long	 bytes;
	int		 width;		/* 0: not an image */
	int		 height;
	int		 renditions;	/* resized copies made (media.h) */
	const char	*alt;		/* "" if none */
	const char	*caption;
	const char	*credit;
	long long	 uploaded_by;	/* user id, 0: gone or none */
	const char	*uploader;	/* display name, NULL with 0 */
	time_t		 created_at;
	time_t		 updated_at;
	long long	 uses;		/* items using it */
};

/* An item that uses a file, and how. */
struct	media_use {
	long long	 item_id;
	enum kind	 kind;
	const char	*lang;
	const char	*title;
	enum item_status status;
	enum media_role	 role;
	int		 own_text;	/* the item has texts of its own */
};

/*
 * Records a stored file (f->id, uploader, times and uses are ignored;
 * uploaded_by 0 records none).  Sets *id to the new row's.  Returns 0 or
 * -1.
 */
int	db_media_insert(struct db *, const struct media_file *f,
	    long long uploaded_by, long long *id);
/*
 * A page of the library, newest first: at most limit rows after offset,
 * with the count of items using each; *total is every file's count.
 */
int	db_media_list(struct db *, struct arena *, long long limit,
	    long long offset, struct media_file **, size_t *,
	    long long *total);
/* One file by id; 1/0/-1. */
int	db_media_get(struct db *, struct arena *, long long id,
	    struct media_file *);
/*
 * Sets a file's own alt text, caption and credit.  The items that show
 * them (those whose use of the file has a NULL text of its own) are
 * touched: updated_at now and version + 1, so their pages' and feeds'
 * validators change and an edit form open on one meets a conflict
 * rather than hiding the change; and the site's generation is bumped.
 * One transaction.  Returns 1 if the file exists, 0 if not, -1 on error.
 */
int	db_media_update(struct db *, long long id, const char *alt,
	    const char *caption, const char *credit);
/* The items using a file, most recently changed first. */
int	db_media_uses(struct db *, struct arena *, long long id,
	    struct media_use **, size_t *);

#endif /* !DB_MEDIA_H */
