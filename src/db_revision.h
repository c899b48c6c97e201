/*
 * db_revision.c: reading an item's revisions (the rows db_edit_save()
 * writes with each save) for the revisions page, its diffs and restores.
 * Writing them is db_edit.c's business; nothing here writes.
 */
#ifndef DB_REVISION_H
#define DB_REVISION_H

#include <stddef.h>
#include <time.h>

struct	arena;
struct	db;
struct	item_edit;

/* One saved state of an item. */
struct	revision {
	long long	 id;
	long long	 item_id;
	long long	 version;	/* the item's version this save made */
	long long	 user_id;	/* 0: the account is gone, or none */
	const char	*user_name;	/* its display name, NULL if none */
	time_t		 created_at;
	const char	*note;		/* "" if none */
	const char	*snapshot;	/* JSON; db_revision_get() only */
};

/*
 * The revisions of item_id, newest (highest version) first, skipping
 * offset and at most limit, without their snapshots, into a new arena
 * array.  Returns 0 or -1.
 */
int	 db_revision_list(struct db *, struct arena *, long long item_id,
	    long long limit, long long offset, struct revision **, size_t *);
/* How many revisions item_id has.  Returns 0 or -1. */
int	 db_revision_count(struct db *, long long item_id, long long *);
/*
 * Revision id with its snapshot, if it is one of item_id's.  Returns 1,
 * 0 (no such revision of that item) or -1.
 */
int	 db_revision_get(struct db *, struct arena *, long long item_id,
	    long long id, struct revision *);

/*
 * Makes a parsed snapshot speak as the database does now.  Tags become
 * the name of the tag of that name or (the importer's snapshots: see
 * item_snapshot.c) slug in the item's language; files and organisations
 * named without an id get the id they have now, a file by its original
 * name, an organisation by its slug (and its name into org_name).  What
 * is not found is left as it is (id 0).  Strings live in the arena.
 * Returns 0 or -1.
 */
int	 db_revision_resolve(struct db *, struct arena *, struct item_edit *);

#endif /* !DB_REVISION_H */
