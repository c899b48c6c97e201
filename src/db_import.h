/*
 * Writing a parsed sample set (sample.h) into the database over the admin
 * account: organisations, tags, items with everything they carry, media
 * files copied into the media directory, a revision per item and one
 * audit-log row, all in one transaction.
 */
#ifndef DB_IMPORT_H
#define DB_IMPORT_H

#include <stddef.h>

struct	cfg;
struct	db;
struct	sample;

/* What an import did. */
struct	import_stats {
	size_t	 items;		/* items written */
	size_t	 skipped;	/* items whose (lang, kind, slug) existed */
	size_t	 media_new;	/* files copied into the media directory */
	size_t	 orgs;		/* organisations in the set */
	size_t	 tags;		/* tags in the set */
};

/*
 * Imports the set in one transaction.  Organisations and tags are
 * inserted or updated; an item whose (lang, kind, slug) already exists is
 * skipped, so importing twice duplicates nothing.  Bodies are rendered
 * with markdown_render(), event times converted with tz_to_utc(), media
 * sniffed with libmagic (PDF, JPEG, PNG, WebP, GIF only) and copied to
 * cfg->media_dir under a name derived from their content.  Returns 0, or
 * -1 having rolled back and printed the problem to stderr.
 */
int	 db_import_sample(struct db *, const struct cfg *,
	    const struct sample *, struct import_stats *);

#endif /* !DB_IMPORT_H */
