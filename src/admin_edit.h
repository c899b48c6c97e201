/*
 * The item edit form (admin_edit.c): reading the form into a struct
 * item_edit with validation, and the form's view, for the edit page and
 * for the other pages that show the same form (the new-item form, the
 * preview of unsaved text).
 */
#ifndef ADMIN_EDIT_H
#define ADMIN_EDIT_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"
#include "item_edit.h"

struct	admin;
struct	arena;
struct	db;
struct	view;

/* A validation error: the form field it belongs beside, and why. */
struct	edit_error {
	const char	*field;		/* "title", "sig_role-2" ... */
	const char	*message;
};

/*
 * Fills e from a->form over its current contents (e is the loaded item,
 * or a new one with kind and lang set) and validates every field.
 * Returns the number of errors and sets *errs to an arena array of them
 * (NULL if none).  Strings are arena copies.
 */
size_t		 admin_edit_parse(struct admin *, struct item_edit *e,
		    struct edit_error **errs);
/*
 * Adds the edit form's view for e to v inside the current element: an
 * <edit> element with every field's value, the errors beside their
 * fields, and the choices (languages, organisations, media library
 * picks, zones).
 */
void		 admin_edit_view(struct admin *, struct view *v,
		    const struct item_edit *e, const struct edit_error *errs,
		    size_t errc);

/*
 * Saves e (parsed by admin_edit_parse without errors) as the signed-in
 * user with db_edit_save(), after creating the new organisation typed in
 * a statement's form (as its last signatory).  A slug derived from the
 * title (the form's slug field left empty) that is taken gets "-2", "-3"
 * ... instead of failing.  Returns db_edit_save()'s result; on EDIT_SAVED
 * e->id and e->version are the saved item's.
 */
enum edit_result admin_edit_save(struct admin *, struct item_edit *e,
		    long long expected_version, const char *note);

/*
 * db_edit.c, besides db_edit_load and db_edit_save (item_edit.h): what
 * the edit form offers.  Rows live in the arena; 0 or -1 unless said.
 */

/* A file of the media library, as the form's picker shows it. */
struct	edit_file {
	long long	 id;
	const char	*filename;	/* generated name under media_url */
	const char	*mime;
	const char	*original_name;
	int		 width;		/* 0: not an image, or unknown */
	int		 height;
	const char	*alt;		/* the file's own text, "" if none */
	const char	*caption;
	const char	*credit;
};

/* An organisation of the registry, for the signatory and speaker picks. */
struct	edit_org {
	long long	 id;
	const char	*name;
	const char	*short_name;	/* NULL if none */
};

/* Another item of the same translation group, whatever its status. */
struct	edit_translation {
	long long	 id;
	const char	*lang;
	enum kind	 kind;
	const char	*slug;
	const char	*title;
	enum item_status status;
	time_t		 published_at;	/* 0: not set */
};

/* The newest files of the library, at most limit. */
int		 db_edit_files_recent(struct db *, struct arena *,
		    long long limit, struct edit_file **, size_t *);
/* One file of the library; 1/0/-1. */
int		 db_edit_file_get(struct db *, struct arena *, long long id,
		    struct edit_file *);
/* Every organisation of the registry, by name. */
int		 db_edit_orgs(struct db *, struct arena *, struct edit_org **,
		    size_t *);
/* The items of group group_id but item id, by language order. */
int		 db_edit_translations(struct db *, struct arena *,
		    long long group_id, long long id,
		    struct edit_translation **, size_t *);
/*
 * Items of kind in other languages that an item in lang could be linked
 * to as their translation (their group has no item in lang yet), newest
 * first, at most 300.
 */
int		 db_edit_link_candidates(struct db *, struct arena *, enum kind,
		    const char *lang, struct edit_translation **, size_t *);
/*
 * Sets the host that db_edit_save() mints entry ids with
 * ("tag:HOST,YYYY-MM-DD:ID", as the importer and the feeds' fallback), from
 * the site's base URL.  Process-wide configuration, not request data: the
 * editing program calls it at start-up (and the edit handlers before
 * saving, which is harmless).  Until it is called, db_edit_save() mints
 * no entry id and logs why; the feeds then derive the same form.
 */
void		 db_edit_set_host(const char *base_url);

#endif /* !ADMIN_EDIT_H */
