/*
 * The configuration file: one INI file read with libinih into struct cfg.
 * This module owns parsing and validation of the file's syntax and values;
 * it does not touch the database or the file system beyond the one file
 * (checks that need them, such as time zones and directories, belong to
 * `broadside check`).  Every problem is reported as "file:line: ..." on
 * stderr, all of them rather than the first, so an operator fixes the file
 * in one pass.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "cfg.h"
#include "util.h"

/* Sections of the file. */
enum	sect {
	SECT_SITE,
	SECT_PATHS,
	SECT_DB_PUBLIC,
	SECT_DB_ADMIN,
	SECT_ADMIN,
	SECT__MAX
};

static const char *const sect_names[SECT__MAX] = {
	"site",			/* SECT_SITE */
	"paths",		/* SECT_PATHS */
	"database.public",	/* SECT_DB_PUBLIC */
	"database.admin",	/* SECT_DB_ADMIN */
	"admin",		/* SECT_ADMIN */
};

/* Every key the file may hold. */
enum	key {
	KEY_SITE_NAME,
	KEY_SITE_TAGLINE,
	KEY_SITE_BASE_URL,
	KEY_SITE_LANGUAGES,
	KEY_SITE_DEFAULT_LANGUAGE,
	KEY_SITE_EXTRA_ZONES,
	KEY_SITE_PAGE_SIZE,
	KEY_SITE_FEED_PAGE_SIZE,
	KEY_SITE_CACHE_SECONDS,
	KEY_PATHS_TEMPLATES,
	KEY_PATHS_STATIC_URL,
	KEY_PATHS_MEDIA,
	KEY_PATHS_MEDIA_URL,
	KEY_DB_SOCKET,
	KEY_DB_HOST,
	KEY_DB_PORT,
	KEY_DB_USER,
	KEY_DB_PASSWORD,
	KEY_DB_DATABASE,
	KEY_DB_GROUP,
	KEY_ADMIN_SESSION_IDLE,
	KEY_ADMIN_SESSION_MAX,
	KEY_ADMIN_MAX_UPLOAD,
	KEY_ADMIN_PREVIEW_DAYS,
	KEY__MAX
};

/* A key's name and the sections it may appear in (bit per enum sect). */
struct	keydef {
	const char	*name;
	unsigned int	 sects;
	int		 required;	/* must be set in each of its sections */
};

#define	S_(s)	(1U << (s))
#define	S_DB	(S_(SECT_DB_PUBLIC) | S_(SECT_DB_ADMIN))

static const struct keydef keys[KEY__MAX] = {
	{ "name", S_(SECT_SITE), 1 },			/* KEY_SITE_NAME */
	{ "tagline", S_(SECT_SITE), 0 },		/* KEY_SITE_TAGLINE */
	{ "base_url", S_(SECT_SITE), 1 },		/* KEY_SITE_BASE_URL */
	{ "languages", S_(SECT_SITE), 1 },		/* KEY_SITE_LANGUAGES */
	{ "default_language", S_(SECT_SITE), 1 },	/* KEY_SITE_DEFAULT_LANGUAGE */
	{ "extra_zones", S_(SECT_SITE), 0 },		/* KEY_SITE_EXTRA_ZONES */
	{ "page_size", S_(SECT_SITE), 0 },		/* KEY_SITE_PAGE_SIZE */
	{ "feed_page_size", S_(SECT_SITE), 0 },	/* KEY_SITE_FEED_PAGE_SIZE */
	{ "cache_seconds", S_(SECT_SITE), 0 },		/* KEY_SITE_CACHE_SECONDS */
	{ "templates", S_(SECT_PATHS), 0 },		/* KEY_PATHS_TEMPLATES */
	{ "static_url", S_(SECT_PATHS), 0 },		/* KEY_PATHS_STATIC_URL */
	{ "media", S_(SECT_PATHS), 1 },			/* KEY_PATHS_MEDIA */
	{ "media_url", S_(SECT_PATHS), 0 },		/* KEY_PATHS_MEDIA_URL */
	{ "socket", S_DB, 0 },				/* KEY_DB_SOCKET */
	{ "host", S_DB, 0 },				/* KEY_DB_HOST */
	{ "port", S_DB, 0 },				/* KEY_DB_PORT */
	{ "user", S_DB, 1 },				/* KEY_DB_USER */
	{ "password", S_DB, 0 },			/* KEY_DB_PASSWORD */
	{ "database", S_DB, 1 },			/* KEY_DB_DATABASE */
	{ "group", S_DB, 0 },				/* KEY_DB_GROUP */
	{ "session_idle_minutes", S_(SECT_ADMIN), 0 },	/* KEY_ADMIN_SESSION_IDLE */
	{ "session_max_hours", S_(SECT_ADMIN), 0 },	/* KEY_ADMIN_SESSION_MAX */
	{ "max_upload_mb", S_(SECT_ADMIN), 0 },		/* KEY_ADMIN_MAX_UPLOAD */
	{ "preview_days", S_(SECT_ADMIN), 0 },		/* KEY_ADMIN_PREVIEW_DAYS */
};

/* State of one parse, passed to the libinih callbacks. */
struct	parse {
	struct cfg	*cfg;
	FILE		*fp;
	const char	*path;
	int		 line;		/* line the reader returned last */
	int		 errors;	/* problems reported so far */
	int		 firsterr;	/* line of the first reported problem */
	int		 seen[SECT__MAX][KEY__MAX]; /* line a key was set on */
	int		 sectseen[SECT__MAX];
};

static void	 perr(struct parse *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Reports a problem on the current line. */
static void
perr(struct parse *p, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s:%d: ", p->path, p->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (p->firsterr == 0)
		p->firsterr = p->line;
	p->errors++;
}

/*
 * The libinih reader: fgets with a line counter, so the handler (which
 * libinih, as packaged, calls without a line number) can name the line.
 * A line longer than libinih's buffer would be split into two "lines" and
 * the tail misparsed: refuse it instead.
 */
static char *
cfg_reader(char *buf, int size, void *arg)
{
	struct parse	*p = arg;
	size_t		 len;
	int		 c;

	if (fgets(buf, size, p->fp) == NULL)
		return NULL;
	p->line++;
	len = strlen(buf);
	if (len > 0 && buf[len - 1] != '\n' && !feof(p->fp)) {
		perr(p, "line too long (at most %d bytes)", size - 2);
		/* Skip the rest of the line; keep the counting right. */
		while ((c = fgetc(p->fp)) != EOF && c != '\n')
			continue;
		buf[0] = '\0';
	}
	return buf;
}

/* Replaces *dst with a copy of src. */
static void
setstr(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src);
}

/*
 * Language codes: a BCP 47 subset, lowercase primary subtag of 2-3
 * letters and optional "-" subtags of letters and digits, at most 8 bytes
 * (the languages table's code column).
 */
static int
lang_valid(const char *s)
{
	size_t	 i, n;

	n = strlen(s);
	if (n < 2 || n > 8)
		return 0;
	for (i = 0; i < n && s[i] != '-'; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	if (i < 2 || i > 3)
		return 0;
	for (; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return s[n - 1] != '-';
}

/* Checks that base_url is absolute http(s) and strips one trailing /. */
static int
base_url_set(struct parse *p, const char *v)
{
	const char	*host;
	char		*u;
	size_t		 len, i;

	if (strncmp(v, "http://", 7) == 0)
		host = v + 7;
	else if (strncmp(v, "https://", 8) == 0)
		host = v + 8;
	else {
		perr(p, "base_url: \"%s\" is not an absolute http:// or "
		    "https:// URL", v);
		return 0;
	}
	if (*host == '\0' || *host == '/' || *host == ':') {
		perr(p, "base_url: \"%s\" has no host", v);
		return 0;
	}
	for (i = 0; v[i] != '\0'; i++)
		if ((unsigned char)v[i] <= 0x20 || v[i] == 0x7f ||
		    v[i] == '?' || v[i] == '#' || v[i] == '"' ||
		    v[i] == '<' || v[i] == '>' || v[i] == '\\') {
			perr(p, "base_url: \"%s\": no spaces, query or "
			    "fragment allowed", v);
			return 0;
		}
	u = xstrdup(v);
	len = strlen(u);
	if (len > 0 && u[len - 1] == '/')
		u[--len] = '\0';
	if (len > 0 && u[len - 1] == '/') {
		perr(p, "base_url: \"%s\" ends with more than one /", v);
		free(u);
		return 0;
	}
	free(p->cfg->base_url);
	p->cfg->base_url = u;
	return 1;
}

/*
 * Splits a space- (or comma-) separated list into at most max fresh
 * strings.  Returns the count, or -1 if there are too many.
 */
static int
list_set(const char *v, char **out, size_t max, size_t *count)
{
	const char	*sep = " \t,";
	char		*copy, *tok, *save = NULL;
	size_t		 i, n = 0;
	int		 rc = -1;

	for (i = 0; i < *count; i++) {
		free(out[i]);
		out[i] = NULL;
	}
	*count = 0;
	copy = xstrdup(v);
	for (tok = strtok_r(copy, sep, &save); tok != NULL;
	    tok = strtok_r(NULL, sep, &save)) {
		if (n == max)
			goto out;
		out[n++] = xstrdup(tok);
	}
	rc = 0;
out:
	*count = n;
	free(copy);
	return rc;
}

/* Parses a whole number in [min, max]. */
static int
uint_set(struct parse *p, const char *name, const char *v, long long min,
    long long max, unsigned int *out)
{
	long long	 n;

	if (util_strtonum(v, min, max, &n) == -1) {
		perr(p, "%s: \"%s\" is not a number from %lld to %lld",
		    name, v, min, max);
		return 0;
	}
	*out = (unsigned int)n;
	return 1;
}

/* Stores one database key. */
static int
db_set(struct parse *p, struct cfg_db *db, enum key k, const char *v)
{
	unsigned int	 port;

	switch (k) {
	case KEY_DB_SOCKET:
		if (v[0] != '/') {
			perr(p, "socket: \"%s\" is not an absolute path", v);
			return 0;
		}
		setstr(&db->socket, v);
		break;
	case KEY_DB_HOST:
		setstr(&db->host, v);
		break;
	case KEY_DB_PORT:
		if (!uint_set(p, "port", v, 1, 65535, &port))
			return 0;
		db->port = port;
		break;
	case KEY_DB_USER:
		setstr(&db->user, v);
		break;
	case KEY_DB_PASSWORD:
		setstr(&db->password, v);
		break;
	case KEY_DB_DATABASE:
		setstr(&db->database, v);
		break;
	case KEY_DB_GROUP:
		setstr(&db->group, v);
		break;
	default:
		abort();
	}
	return 1;
}

/* The libinih handler: one call per key = value line. */
static int
cfg_handler(void *arg, const char *section, const char *name,
    const char *value)
{
	struct parse	*p = arg;
	struct cfg	*c = p->cfg;
	enum sect	 s;
	enum key	 k;
	int		 ok = 1;

	for (s = 0; s < SECT__MAX; s++)
		if (strcmp(section, sect_names[s]) == 0)
			break;
	if (s == SECT__MAX) {
		if (section[0] == '\0')
			perr(p, "\"%s\" is outside any [section]", name);
		else
			perr(p, "unknown section [%s]", section);
		return 0;
	}
	p->sectseen[s] = 1;
	for (k = 0; k < KEY__MAX; k++)
		if ((keys[k].sects & S_(s)) && strcmp(name, keys[k].name) == 0)
			break;
	if (k == KEY__MAX) {
		perr(p, "unknown key \"%s\" in [%s]", name, section);
		return 0;
	}
	if (p->seen[s][k]) {
		perr(p, "\"%s\" in [%s] already set on line %d (continuation "
		    "lines are not supported)", name, section, p->seen[s][k]);
		return 0;
	}
	p->seen[s][k] = p->line;
	if (value[0] == '\0' && keys[k].required) {
		perr(p, "\"%s\" in [%s] must not be empty", name, section);
		return 0;
	}

	switch (k) {
	case KEY_SITE_NAME:
		setstr(&c->site_name, value);
		break;
	case KEY_SITE_TAGLINE:
		setstr(&c->site_tagline, value);
		break;
	case KEY_SITE_BASE_URL:
		ok = base_url_set(p, value);
		break;
	case KEY_SITE_LANGUAGES:
		if (list_set(value, c->langs, CFG_LANG_MAX, &c->langc) == -1) {
			perr(p, "languages: more than %d codes", CFG_LANG_MAX);
			ok = 0;
		}
		break;
	case KEY_SITE_DEFAULT_LANGUAGE:
		setstr(&c->default_lang, value);
		break;
	case KEY_SITE_EXTRA_ZONES:
		if (list_set(value, c->zones, CFG_ZONE_MAX, &c->zonec) == -1) {
			perr(p, "extra_zones: more than %d zones",
			    CFG_ZONE_MAX);
			ok = 0;
		}
		break;
	case KEY_SITE_PAGE_SIZE:
		ok = uint_set(p, name, value, 1, 100, &c->page_size);
		break;
	case KEY_SITE_FEED_PAGE_SIZE:
		ok = uint_set(p, name, value, 1, 100, &c->feed_page_size);
		break;
	case KEY_SITE_CACHE_SECONDS:
		ok = uint_set(p, name, value, 0, 31536000, &c->cache_seconds);
		break;
	case KEY_PATHS_TEMPLATES:
		setstr(&c->templates_dir, value);
		break;
	case KEY_PATHS_STATIC_URL:
		setstr(&c->static_url, value);
		break;
	case KEY_PATHS_MEDIA:
		setstr(&c->media_dir, value);
		break;
	case KEY_PATHS_MEDIA_URL:
		setstr(&c->media_url, value);
		break;
	case KEY_ADMIN_SESSION_IDLE:
		ok = uint_set(p, name, value, 1, 7 * 24 * 60,
		    &c->session_idle_minutes);
		break;
	case KEY_ADMIN_SESSION_MAX:
		ok = uint_set(p, name, value, 1, 90 * 24,
		    &c->session_max_hours);
		break;
	case KEY_ADMIN_MAX_UPLOAD:
		ok = uint_set(p, name, value, 1, 4096, &c->max_upload_mb);
		break;
	case KEY_ADMIN_PREVIEW_DAYS:
		ok = uint_set(p, name, value, 1, 365, &c->preview_days);
		break;
	default:
		ok = db_set(p, s == SECT_DB_PUBLIC ?
		    &c->db_public : &c->db_admin, k, value);
		break;
	}
	return ok;
}

/* Checks a URL prefix such as static_url: a path or an absolute URL. */
static int
prefix_valid(const char *v)
{
	size_t	 i;

	if (v[0] != '/' && strncmp(v, "http://", 7) != 0 &&
	    strncmp(v, "https://", 8) != 0)
		return 0;
	for (i = 0; v[i] != '\0'; i++)
		if ((unsigned char)v[i] <= 0x20 || v[i] == 0x7f ||
		    v[i] == '"' || v[i] == '<' || v[i] == '>' ||
		    v[i] == '?' || v[i] == '#')
			return 0;
	return 1;
}

/* Strips one trailing slash from a URL prefix ("/" itself stays). */
static void
strip_slash(char *s)
{
	size_t	 len;

	len = strlen(s);
	if (len > 1 && s[len - 1] == '/')
		s[len - 1] = '\0';
}

/* Checks what only the whole file can tell; fills in defaults. */
static void
cfg_finish(struct parse *p)
{
	struct cfg	*c = p->cfg;
	const struct cfg_db *d;
	enum sect	 s;
	enum key	 k;
	size_t		 i, j;

	/* Problems found here have no line of their own. */
	p->line = 0;
	for (s = 0; s < SECT__MAX; s++)
		for (k = 0; k < KEY__MAX; k++)
			if ((keys[k].sects & S_(s)) && keys[k].required &&
			    !p->seen[s][k]) {
				fprintf(stderr, "%s: [%s] needs \"%s\"\n",
				    p->path, sect_names[s], keys[k].name);
				p->errors++;
			}

	for (i = 0; i < c->langc; i++) {
		if (!lang_valid(c->langs[i])) {
			fprintf(stderr, "%s:%d: languages: \"%s\" is not a "
			    "language code such as en or pt-br\n", p->path,
			    p->seen[SECT_SITE][KEY_SITE_LANGUAGES], c->langs[i]);
			p->errors++;
		}
		for (j = 0; j < i; j++)
			if (strcmp(c->langs[i], c->langs[j]) == 0) {
				fprintf(stderr, "%s:%d: languages: \"%s\" is "
				    "listed twice\n", p->path,
				    p->seen[SECT_SITE][KEY_SITE_LANGUAGES],
				    c->langs[i]);
				p->errors++;
			}
	}
	if (p->seen[SECT_SITE][KEY_SITE_LANGUAGES] && c->langc == 0) {
		fprintf(stderr, "%s:%d: languages: no language codes\n",
		    p->path, p->seen[SECT_SITE][KEY_SITE_LANGUAGES]);
		p->errors++;
	}
	if (c->default_lang != NULL && c->langc > 0 &&
	    !cfg_has_lang(c, c->default_lang)) {
		fprintf(stderr, "%s:%d: default_language \"%s\" is not one of "
		    "the languages\n", p->path,
		    p->seen[SECT_SITE][KEY_SITE_DEFAULT_LANGUAGE],
		    c->default_lang);
		p->errors++;
	}

	if (c->page_size == 0)
		c->page_size = 10;
	if (c->feed_page_size == 0)
		c->feed_page_size = 20;
	if (c->session_idle_minutes == 0)
		c->session_idle_minutes = 120;
	if (c->session_max_hours == 0)
		c->session_max_hours = 12;
	if (c->max_upload_mb == 0)
		c->max_upload_mb = 50;
	if (c->preview_days == 0)
		c->preview_days = 7;
	if (!p->seen[SECT_SITE][KEY_SITE_CACHE_SECONDS])
		c->cache_seconds = 60;
	if (c->templates_dir == NULL)
		c->templates_dir = xstrdup(TEMPLATEDIR);
	if (c->static_url == NULL)
		c->static_url = xstrdup("/static");
	if (c->media_url == NULL)
		c->media_url = xstrdup("/media");
	if (!prefix_valid(c->static_url)) {
		fprintf(stderr, "%s:%d: static_url \"%s\" is neither a path "
		    "starting with / nor an http(s) URL\n", p->path,
		    p->seen[SECT_PATHS][KEY_PATHS_STATIC_URL], c->static_url);
		p->errors++;
	}
	if (!prefix_valid(c->media_url)) {
		fprintf(stderr, "%s:%d: media_url \"%s\" is neither a path "
		    "starting with / nor an http(s) URL\n", p->path,
		    p->seen[SECT_PATHS][KEY_PATHS_MEDIA_URL], c->media_url);
		p->errors++;
	}
	strip_slash(c->static_url);
	strip_slash(c->media_url);

	for (s = SECT_DB_PUBLIC; s <= SECT_DB_ADMIN; s++) {
		d = s == SECT_DB_PUBLIC ? &c->db_public : &c->db_admin;
		if (d->socket != NULL && d->host != NULL) {
			fprintf(stderr, "%s:%d: [%s]: set socket or host, "
			    "not both\n", p->path,
			    p->seen[s][KEY_DB_HOST], sect_names[s]);
			p->errors++;
		}
		if (d->port != 0 && d->host == NULL) {
			fprintf(stderr, "%s:%d: [%s]: port needs host\n",
			    p->path, p->seen[s][KEY_DB_PORT], sect_names[s]);
			p->errors++;
		}
	}
	if (c->db_public.user != NULL && c->db_admin.user != NULL &&
	    strcmp(c->db_public.user, c->db_admin.user) == 0) {
		fprintf(stderr, "%s:%d: [database.public] and "
		    "[database.admin] must use different accounts: the public "
		    "one may only read\n", p->path,
		    p->seen[SECT_DB_PUBLIC][KEY_DB_USER]);
		p->errors++;
	}
}

struct cfg *
cfg_load(const char *path)
{
	struct parse	 p;
	struct cfg	*c;
	int		 rc;

	memset(&p, 0, sizeof(p));
	p.path = path;
	c = p.cfg = xcalloc(1, sizeof(*c));
	c->path = xstrdup(path);
	if ((p.fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		goto fail;
	}
	rc = ini_parse_stream(cfg_reader, &p, cfg_handler, &p);
	if (ferror(p.fp)) {
		fprintf(stderr, "%s: read error\n", path);
		p.errors++;
	}
	fclose(p.fp);
	/*
	 * libinih returns the first line it could not parse; lines the
	 * handler refused are already reported.
	 */
	if (rc > 0 && (p.firsterr == 0 || rc < p.firsterr)) {
		fprintf(stderr, "%s:%d: syntax error: expected [section] or "
		    "key = value\n", path, rc);
		p.errors++;
	} else if (rc < 0) {
		fprintf(stderr, "%s: cannot parse\n", path);
		p.errors++;
	}
	cfg_finish(&p);
fail:
	if (p.errors > 0 || p.fp == NULL) {
		cfg_free(c);
		c = NULL;
	}
	return c;
}

static void
cfg_db_free(struct cfg_db *d)
{
	free(d->socket);
	free(d->host);
	free(d->user);
	free(d->password);
	free(d->database);
	free(d->group);
}

void
cfg_free(struct cfg *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	free(c->path);
	free(c->site_name);
	free(c->site_tagline);
	free(c->base_url);
	for (i = 0; i < c->langc; i++)
		free(c->langs[i]);
	free(c->default_lang);
	for (i = 0; i < c->zonec; i++)
		free(c->zones[i]);
	free(c->templates_dir);
	free(c->static_url);
	free(c->media_dir);
	free(c->media_url);
	cfg_db_free(&c->db_public);
	cfg_db_free(&c->db_admin);
	free(c);
}

int
cfg_has_lang(const struct cfg *c, const char *code)
{
	size_t	 i;

	for (i = 0; i < c->langc; i++)
		if (strcmp(c->langs[i], code) == 0)
			return 1;
	return 0;
}

const char *
cfg_default_path(const char *arg)
{
	const char	*env;

	if (arg != NULL && arg[0] != '\0')
		return arg;
	if ((env = getenv("BROADSIDE_CONFIG")) != NULL && env[0] != '\0')
		return env;
	return SYSCONFDIR "/broadside.ini";
}
