/*
 * The configuration file (INI, parsed with libinih).  See broadside.ini.5.
 */
#ifndef CFG_H
#define CFG_H

#include <stddef.h>

#define CFG_LANG_MAX	16
#define CFG_ZONE_MAX	16

/* How one program connects to the database. */
struct	cfg_db {
	char	*socket;	/* UNIX socket path, or NULL */
	char	*host;		/* host name, or NULL (with socket) */
	unsigned int port;	/* 0: default */
	char	*user;
	char	*password;
	char	*database;
	char	*group;		/* my.cnf group to read first, or NULL */
};

struct	cfg {
	char	*path;			/* the file this came from */
	char	*site_name;
	char	*site_tagline;
	char	*base_url;		/* absolute, no trailing slash */
	char	*langs[CFG_LANG_MAX];	/* configured language codes */
	size_t	 langc;
	char	*default_lang;		/* one of langs */
	char	*zones[CFG_ZONE_MAX];	/* extra display zones for events */
	size_t	 zonec;
	unsigned int page_size;		/* items per listing page */
	unsigned int feed_page_size;	/* entries per feed archive page */
	unsigned int cache_seconds;	/* Cache-Control max-age for pages */
	char	*templates_dir;		/* *.xsl */
	char	*static_url;		/* URL prefix of CSS, images */
	char	*media_dir;		/* uploaded files */
	char	*media_url;		/* URL prefix of media */
	/* [admin] */
	unsigned int session_idle_minutes; /* sign out after this idle */
	unsigned int session_max_hours;	/* and after this in any case */
	unsigned int max_upload_mb;	/* largest upload, MB (10^6 bytes) */
	unsigned int preview_days;	/* preview links last this long */
	struct cfg_db db_public;	/* SELECT-only account */
	struct cfg_db db_admin;		/* read/write account */
};

/*
 * Reads the configuration file at path.  Returns a new struct cfg (caller
 * frees with cfg_free()) or NULL, having printed one line per problem to
 * stderr.
 */
struct cfg	*cfg_load(const char *path);
/* Frees a configuration; accepts NULL. */
void		 cfg_free(struct cfg *);
/* Returns 1 if code is a configured language, else 0. */
int		 cfg_has_lang(const struct cfg *, const char *code);
/*
 * Returns the configuration path: the -c argument if given, else
 * $BROADSIDE_CONFIG, else the compiled-in default.
 */
const char	*cfg_default_path(const char *arg);

#endif /* !CFG_H */
