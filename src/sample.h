/*
 * The sample-content format (sample/FORMAT.md): organisations.txt,
 * tags.txt, items/NAME.md and media/.  This module parses and validates a
 * directory of it; db_import.c writes the result into the database.
 */
#ifndef SAMPLE_H
#define SAMPLE_H

#include <stddef.h>
#include <time.h>

#include "broadside.h"

struct	arena;

/* organisations.txt: slug | name | short name | url */
struct	sample_org {
	const char	*slug;
	const char	*name;
	const char	*short_name;	/* NULL if empty */
	const char	*url;		/* NULL if empty */
};

/* tags.txt: lang | slug | name */
struct	sample_tag {
	const char	*lang;
	const char	*slug;
	const char	*name;
};

/* Roles of a file attached to an item (as enum media_role in db.h). */
enum	sample_media_role {
	SAMPLE_ATTACHMENT,
	SAMPLE_GALLERY,
	SAMPLE_HERO,
	SAMPLE_MEDIA__MAX
};

/* An Attachment, Gallery or Hero line. */
struct	sample_media {
	enum sample_media_role role;
	const char	*file;		/* name in media/ */
	const char	*path;		/* dir/media/file */
	const char	*alt;		/* alt text or attachment title */
	const char	*caption;	/* "" if none */
	const char	*credit;	/* "" if none */
};

/* Signatory: org-slug | role | YYYY-MM-DD */
struct	sample_signatory {
	const char	*org;		/* slug in organisations.txt */
	const char	*role;
	time_t		 signed_on;	/* 00:00 UTC of the date, -1 if none */
};

/* Speaker: name | job title | org-slug | part | chair */
struct	sample_speaker {
	const char	*name;
	const char	*role;		/* job title, "" if none */
	const char	*org;		/* slug, NULL if none */
	const char	*part;		/* "" if none */
	int		 is_chair;
};

/* A wall-clock time of an event, in its zone. */
struct	sample_wall {
	int	 year, month, day, hour, minute;
};

/* One items/NAME.md file. */
struct	sample_item {
	const char	*file;		/* "items/en-x.md", for messages */
	enum kind	 kind;
	const char	*lang;
	const char	*group;		/* translation group key, or NULL */
	const char	*slug;
	const char	*title;
	const char	*summary;
	time_t		 published;	/* UTC, -1 if none (drafts) */
	const char	*status;	/* published, draft, review, archived */
	const char	*byline;	/* NULL if none */
	const char	*hashtag;	/* NULL if none */
	const char	**tags;		/* tag slugs of the item's language */
	size_t		 tagc;
	struct sample_signatory *sigs;
	size_t		 sigc;
	struct sample_media *media;	/* in file order */
	size_t		 mediac;
	/* Events only. */
	struct sample_wall starts;
	struct sample_wall ends;
	const char	*zone;
	const char	*location;
	const char	*online;	/* NULL if none */
	const char	*registration;	/* NULL if none */
	const char	**spoken;
	size_t		 spokenc;
	const char	**interp;
	size_t		 interpc;
	struct sample_speaker *speakers;
	size_t		 speakerc;
	/* The Markdown body. */
	const char	*body;
	size_t		 bodylen;
};

/* A parsed sample directory; everything lives in its arena. */
struct	sample {
	struct arena	*arena;
	const char	*dir;
	struct sample_org *orgs;
	size_t		 orgc;
	struct sample_tag *tags;
	size_t		 tagc;
	struct sample_item *items;	/* in file-name order */
	size_t		 itemc;
};

/*
 * Reads and validates the sample directory dir.  Returns a new set
 * (caller frees with sample_free()) or NULL, having printed every problem
 * as "file:line: message" to stderr.
 */
struct sample	*sample_load(const char *dir);
/* Frees a set; accepts NULL. */
void		 sample_free(struct sample *);

#endif /* !SAMPLE_H */
