/*
 * Parser of the sample-content format (sample/FORMAT.md).  It is strict on
 * purpose: the same format is the bulk-import path, so every problem is
 * reported with its file and line, unknown keys are refused, and every
 * value is checked against what its column can hold (lengths in
 * characters, as the utf8mb4 columns count them) before anything reaches
 * the database.  It reads files only; db_import.c does the writing.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "broadside.h"
#include "sample.h"
#include "tz.h"
#include "util.h"

/* Biggest file read: item files and the two lists. */
#define	TEXT_MAX	(4 * 1024 * 1024)
/* Biggest media file accepted. */
#define	MEDIA_MAX	(50 * 1024 * 1024)

/* Keys of an item header. */
enum	ikey {
	IK_KIND,
	IK_LANG,
	IK_GROUP,
	IK_SLUG,
	IK_TITLE,
	IK_SUMMARY,
	IK_PUBLISHED,
	IK_STATUS,
	IK_BYLINE,
	IK_TAGS,
	IK_HASHTAG,
	IK_SIGNATORY,
	IK_ATTACHMENT,
	IK_GALLERY,
	IK_HERO,
	IK_STARTS,
	IK_ENDS,
	IK_ZONE,
	IK_LOCATION,
	IK_ONLINE,
	IK_REGISTRATION,
	IK_SPOKEN,
	IK_INTERPRETATION,
	IK_SPEAKER,
	IK__MAX
};

#define	K_ALL	0x0f			/* any kind */
#define	K_(k)	(1U << (k))		/* one kind */

/* Each key's name, whether it may repeat, and the kinds it is for. */
static const struct ikeydef {
	const char	*name;
	int		 repeat;
	unsigned int	 kinds;
} ikeys[IK__MAX] = {
	{ "Kind", 0, K_ALL },				/* IK_KIND */
	{ "Lang", 0, K_ALL },				/* IK_LANG */
	{ "Group", 0, K_ALL },				/* IK_GROUP */
	{ "Slug", 0, K_ALL },				/* IK_SLUG */
	{ "Title", 0, K_ALL },				/* IK_TITLE */
	{ "Summary", 0, K_ALL },			/* IK_SUMMARY */
	{ "Published", 0, K_ALL },			/* IK_PUBLISHED */
	{ "Status", 0, K_ALL },				/* IK_STATUS */
	{ "Byline", 0, K_ALL },				/* IK_BYLINE */
	{ "Tags", 0, K_ALL },				/* IK_TAGS */
	{ "Hashtag", 0, K_(KIND_NEWS) },		/* IK_HASHTAG */
	{ "Signatory", 1, K_(KIND_STATEMENT) },		/* IK_SIGNATORY */
	{ "Attachment", 1, K_ALL },			/* IK_ATTACHMENT */
	{ "Gallery", 1, K_ALL },			/* IK_GALLERY */
	{ "Hero", 0, K_ALL },				/* IK_HERO */
	{ "Starts", 0, K_(KIND_EVENT) },		/* IK_STARTS */
	{ "Ends", 0, K_(KIND_EVENT) },			/* IK_ENDS */
	{ "Zone", 0, K_(KIND_EVENT) },			/* IK_ZONE */
	{ "Location", 0, K_(KIND_EVENT) },		/* IK_LOCATION */
	{ "Online", 0, K_(KIND_EVENT) },		/* IK_ONLINE */
	{ "Registration", 0, K_(KIND_EVENT) },		/* IK_REGISTRATION */
	{ "Spoken", 0, K_(KIND_EVENT) },		/* IK_SPOKEN */
	{ "Interpretation", 0, K_(KIND_EVENT) },	/* IK_INTERPRETATION */
	{ "Speaker", 1, K_(KIND_EVENT) },		/* IK_SPEAKER */
};

/* Item statuses (the items.status ENUM). */
static const char *const statuses[] = {
	"published", "draft", "review", "archived",
};

/* State of a load: where we are, and how many problems so far. */
struct	ctx {
	struct sample	*s;
	struct arena	*a;
	const char	*file;		/* path for messages */
	int		 line;		/* 0: the whole file */
	int		 errors;
};

static void	 perr(struct ctx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Reports one problem at the current file and line. */
static void
perr(struct ctx *c, const char *fmt, ...)
{
	va_list	 ap;

	if (c->line > 0)
		fprintf(stderr, "%s:%d: ", c->file, c->line);
	else
		fprintf(stderr, "%s: ", c->file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	c->errors++;
}

/*
 * Checks that s[0..len) is UTF-8 without overlongs, surrogates or code
 * points past U+10FFFF, and without control characters other than those
 * in allow.  Returns the number of characters, or -1.
 */
static long
utf8_count(const char *s, size_t len, const char *allow)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 i = 0, n, k;
	unsigned int	 cp;
	long		 count = 0;

	while (i < len) {
		if (p[i] < 0x80) {
			if ((p[i] < 0x20 || p[i] == 0x7f) &&
			    (p[i] == 0 || strchr(allow, p[i]) == NULL))
				return -1;
			i++;
			count++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf) {
			n = 1;
			cp = p[i] & 0x1f;
		} else if (p[i] >= 0xe0 && p[i] <= 0xef) {
			n = 2;
			cp = p[i] & 0x0f;
		} else if (p[i] >= 0xf0 && p[i] <= 0xf4) {
			n = 3;
			cp = p[i] & 0x07;
		} else
			return -1;
		if (len - i <= n)
			return -1;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return -1;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return -1;
		/* C1 controls are no more welcome than C0 ones. */
		if (cp >= 0x80 && cp <= 0x9f)
			return -1;
		i += n + 1;
		count++;
	}
	return count;
}

/*
 * Checks a one-line text value: UTF-8, no control characters, between
 * min and max characters.  Names the field in the message.
 */
static int
text_ok(struct ctx *c, const char *what, const char *v, long min, long max)
{
	long	 n;

	if ((n = utf8_count(v, strlen(v), "")) < 0) {
		perr(c, "%s: not valid UTF-8 text", what);
		return 0;
	}
	if (n < min) {
		perr(c, "%s: must not be empty", what);
		return 0;
	}
	if (n > max) {
		perr(c, "%s: %ld characters, at most %ld allowed", what, n,
		    max);
		return 0;
	}
	return 1;
}

/* Checks a slug: lowercase ASCII letters, digits, "-", 1..max bytes. */
static int
slug_ok(struct ctx *c, const char *what, const char *v, size_t max)
{
	size_t	 i, n = strlen(v);

	if (n == 0 || n > max || v[0] == '-' || v[n - 1] == '-')
		goto bad;
	for (i = 0; i < n; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') ||
		    (v[i] >= '0' && v[i] <= '9') || v[i] == '-'))
			goto bad;
	return 1;
bad:
	perr(c, "%s: \"%s\" is not a slug (lowercase a-z, 0-9 and -, at most "
	    "%zu)", what, v, max);
	return 0;
}

/* Checks a BCP 47-like code: letters, digits and "-", 2..max bytes. */
static int
lang_ok(struct ctx *c, const char *what, const char *v, size_t max)
{
	size_t	 i, n = strlen(v);

	if (n < 2 || n > max || v[0] == '-' || v[n - 1] == '-')
		goto bad;
	for (i = 0; i < n; i++)
		if (!((v[i] >= 'a' && v[i] <= 'z') ||
		    (v[i] >= 'A' && v[i] <= 'Z') ||
		    (v[i] >= '0' && v[i] <= '9') || v[i] == '-'))
			goto bad;
	if (!(v[0] >= 'a' && v[0] <= 'z'))
		goto bad;
	return 1;
bad:
	perr(c, "%s: \"%s\" is not a language code", what, v);
	return 0;
}

/* Checks an absolute http(s) URL of at most max characters. */
static int
url_ok(struct ctx *c, const char *what, const char *v, long max)
{
	const char	*h;
	size_t		 i;

	if (strncmp(v, "https://", 8) == 0)
		h = v + 8;
	else if (strncmp(v, "http://", 7) == 0)
		h = v + 7;
	else
		goto bad;
	if (*h == '\0' || *h == '/')
		goto bad;
	for (i = 0; v[i] != '\0'; i++)
		if ((unsigned char)v[i] <= 0x20 || v[i] == 0x7f ||
		    v[i] == '"' || v[i] == '<' || v[i] == '>')
			goto bad;
	return text_ok(c, what, v, 1, max);
bad:
	perr(c, "%s: \"%s\" is not an absolute http(s) URL", what, v);
	return 0;
}

/* Days in a month of a year. */
static int
mdays(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* Reads exactly n digits. */
static int
digits(const char *s, int n, int *out)
{
	int	 i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/*
 * Parses "YYYY-MM-DD" or, with time set, "YYYY-MM-DD HH:MM".  Returns 0
 * or -1 (reported).
 */
static int
wall_parse(struct ctx *c, const char *what, const char *v, int time,
    struct sample_wall *w)
{
	memset(w, 0, sizeof(*w));
	if (strlen(v) != (time ? 16 : 10) ||
	    digits(v, 4, &w->year) || v[4] != '-' ||
	    digits(v + 5, 2, &w->month) || v[7] != '-' ||
	    digits(v + 8, 2, &w->day) ||
	    (time && (v[10] != ' ' || digits(v + 11, 2, &w->hour) ||
	     v[13] != ':' || digits(v + 14, 2, &w->minute))))
		goto bad;
	if (w->year < 1970 || w->year > 2999 || w->month < 1 ||
	    w->month > 12 || w->day < 1 ||
	    w->day > mdays(w->year, w->month) || w->hour > 23 ||
	    w->minute > 59)
		goto bad;
	return 0;
bad:
	perr(c, "%s: \"%s\" is not %s", what, v, time ?
	    "a time YYYY-MM-DD HH:MM" : "a date YYYY-MM-DD");
	return -1;
}

/* The UTC instant of a wall-clock time read as UTC. */
static time_t
wall_utc(const struct sample_wall *w)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = w->year - 1900;
	tm.tm_mon = w->month - 1;
	tm.tm_mday = w->day;
	tm.tm_hour = w->hour;
	tm.tm_min = w->minute;
	return timegm(&tm);
}

/* Compares two wall-clock times. */
static int
wall_cmp(const struct sample_wall *a, const struct sample_wall *b)
{
	const int	 x[5] = { a->year, a->month, a->day, a->hour, a->minute };
	const int	 y[5] = { b->year, b->month, b->day, b->hour, b->minute };
	int		 i;

	for (i = 0; i < 5; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

/* Removes blanks at both ends, in place. */
static char *
trim(char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/*
 * Splits v (modified) on "|" into at most max trimmed fields; missing
 * trailing fields are "".  Returns the number of fields present, or -1
 * (reported) if there are more than max or fewer than min.
 */
static char	 empty[1];

static int
fields(struct ctx *c, const char *what, char *v, char **f, int min, int max)
{
	char	*p;
	int	 n = 0, i;

	for (;;) {
		if (n == max) {
			perr(c, "%s: more than %d fields separated by |",
			    what, max);
			return -1;
		}
		if ((p = strchr(v, '|')) != NULL)
			*p = '\0';
		f[n++] = trim(v);
		if (p == NULL)
			break;
		v = p + 1;
	}
	if (n < min) {
		perr(c, "%s: needs at least %d fields separated by |", what,
		    min);
		return -1;
	}
	for (i = n; i < max; i++)
		f[i] = empty;
	return n;
}

/*
 * Reads a whole text file into the arena, NUL-terminated.  Returns NULL
 * (reported) if unreadable, too big or if it contains NUL bytes.
 */
static char *
read_text(struct ctx *c, const char *path, size_t *lenp)
{
	FILE		*f;
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len;

	c->line = 0;
	if ((f = fopen(path, "r")) == NULL) {
		perr(c, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > TEXT_MAX) {
		perr(c, "not a regular file of at most %d bytes", TEXT_MAX);
		goto out;
	}
	buf = arena_alloc(c->a, (size_t)st.st_size + 1);
	len = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f) || len != (size_t)st.st_size) {
		perr(c, "read error");
		buf = NULL;
		goto out;
	}
	buf[len] = '\0';
	if (strlen(buf) != len) {
		perr(c, "contains a NUL byte");
		buf = NULL;
		goto out;
	}
	*lenp = len;
out:
	fclose(f);
	return buf;
}

/* Returns the next line of *p (modified), or NULL at the end. */
static char *
next_line(char **p)
{
	char	*s = *p, *e;

	if (*s == '\0')
		return NULL;
	if ((e = strchr(s, '\n')) != NULL) {
		*e = '\0';
		*p = e + 1;
	} else
		*p = s + strlen(s);
	return s;
}

/*
 * Makes room for element n of an arena array of n elements; returns the
 * array, moved if it had to grow.  The capacity is implied by n (8, then
 * doubling at each power of two), so appending stays linear in time and
 * space even for bulk imports of thousands of items.
 */
static void *
grow(struct arena *a, void *old, size_t n, size_t sz)
{
	void	*p = old;

	if (n == 0)
		p = arena_calloc(a, 8, sz);
	else if (n >= 8 && (n & (n - 1)) == 0) {
		p = arena_calloc(a, n * 2, sz);
		memcpy(p, old, n * sz);
	}
	return p;
}

static const char *
adup(struct ctx *c, const char *s)
{
	return arena_strdup(c->a, s);
}

/* Returns the organisation of slug, or NULL. */
static const struct sample_org *
org_find(const struct sample *s, const char *slug)
{
	size_t	 i;

	for (i = 0; i < s->orgc; i++)
		if (strcmp(s->orgs[i].slug, slug) == 0)
			return &s->orgs[i];
	return NULL;
}

/* Returns 1 if tags.txt has the tag. */
static int
tag_exists(const struct sample *s, const char *lang, const char *slug)
{
	size_t	 i;

	for (i = 0; i < s->tagc; i++)
		if (strcmp(s->tags[i].lang, lang) == 0 &&
		    strcmp(s->tags[i].slug, slug) == 0)
			return 1;
	return 0;
}

/* organisations.txt */
static void
load_orgs(struct ctx *c, const char *path)
{
	struct sample	*s = c->s;
	struct sample_org *o;
	char		*buf, *p, *ln, *f[4];
	size_t		 len;
	int		 ok;

	c->file = path;
	if ((buf = read_text(c, path, &len)) == NULL)
		return;
	c->line = 0;
	for (p = buf; (ln = next_line(&p)) != NULL; ) {
		c->line++;
		ln = trim(ln);
		if (ln[0] == '\0' || ln[0] == '#')
			continue;
		if (fields(c, "organisation", ln, f, 2, 4) == -1)
			continue;
		ok = slug_ok(c, "slug", f[0], 100);
		ok &= text_ok(c, "name", f[1], 1, 300);
		ok &= text_ok(c, "short name", f[2], 0, 60);
		if (f[3][0] != '\0')
			ok &= url_ok(c, "url", f[3], 500);
		if (!ok)
			continue;
		if (org_find(s, f[0]) != NULL) {
			perr(c, "organisation \"%s\" is listed twice", f[0]);
			continue;
		}
		s->orgs = grow(c->a, s->orgs, s->orgc, sizeof(*s->orgs));
		o = &s->orgs[s->orgc++];
		o->slug = adup(c, f[0]);
		o->name = adup(c, f[1]);
		o->short_name = f[2][0] != '\0' ? adup(c, f[2]) : NULL;
		o->url = f[3][0] != '\0' ? adup(c, f[3]) : NULL;
	}
}

/* tags.txt */
static void
load_tags(struct ctx *c, const char *path)
{
	struct sample	*s = c->s;
	struct sample_tag *t;
	char		*buf, *p, *ln, *f[3];
	size_t		 len;
	int		 ok;

	c->file = path;
	if ((buf = read_text(c, path, &len)) == NULL)
		return;
	c->line = 0;
	for (p = buf; (ln = next_line(&p)) != NULL; ) {
		c->line++;
		ln = trim(ln);
		if (ln[0] == '\0' || ln[0] == '#')
			continue;
		if (fields(c, "tag", ln, f, 3, 3) == -1)
			continue;
		ok = lang_ok(c, "lang", f[0], 8);
		ok &= slug_ok(c, "slug", f[1], 100);
		ok &= text_ok(c, "name", f[2], 1, 200);
		if (!ok)
			continue;
		if (tag_exists(s, f[0], f[1])) {
			perr(c, "tag %s/%s is listed twice", f[0], f[1]);
			continue;
		}
		s->tags = grow(c->a, s->tags, s->tagc, sizeof(*s->tags));
		t = &s->tags[s->tagc++];
		t->lang = adup(c, f[0]);
		t->slug = adup(c, f[1]);
		t->name = adup(c, f[2]);
	}
}

/*
 * Checks a media file name and that media/NAME is a regular file of
 * acceptable size.  Returns its path in the arena, or NULL (reported).
 */
static const char *
media_path(struct ctx *c, const char *name)
{
	struct stat	 st;
	const char	*path;
	size_t		 i, n = strlen(name);

	for (i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '-' ||
		    name[i] == '_' || name[i] == '.'))
			break;
	if (n == 0 || n > 200 || i < n || name[0] == '.') {
		perr(c, "\"%s\" is not a media file name (lowercase, digits, "
		    "-, _ and .)", name);
		return NULL;
	}
	path = arena_printf(c->a, "%s/media/%s", c->s->dir, name);
	if (stat(path, &st) == -1) {
		perr(c, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0 ||
	    st.st_size > MEDIA_MAX) {
		perr(c, "%s: not a non-empty file of at most %d bytes", path,
		    MEDIA_MAX);
		return NULL;
	}
	return path;
}

/* Parses an Attachment, Gallery or Hero value into the item. */
static void
item_media(struct ctx *c, struct sample_item *it, enum sample_media_role role,
    char *v)
{
	struct sample_media *m;
	const char	*path;
	char		*f[4] = { empty, empty, empty, empty };
	int		 ok, max = role == SAMPLE_ATTACHMENT ? 3 : 4;

	if (fields(c, ikeys[role == SAMPLE_ATTACHMENT ? IK_ATTACHMENT :
	    role == SAMPLE_GALLERY ? IK_GALLERY : IK_HERO].name, v, f, 2,
	    max) == -1)
		return;
	if ((path = media_path(c, f[0])) == NULL)
		return;
	ok = text_ok(c, role == SAMPLE_ATTACHMENT ? "title" : "alt text",
	    f[1], 1, 500);
	ok &= text_ok(c, "caption", f[2], 0, 1000);
	ok &= text_ok(c, "credit", f[3], 0, 300);
	if (!ok)
		return;
	it->media = grow(c->a, it->media, it->mediac, sizeof(*it->media));
	m = &it->media[it->mediac++];
	m->role = role;
	m->file = adup(c, f[0]);
	m->path = path;
	m->alt = adup(c, f[1]);
	m->caption = adup(c, f[2]);
	m->credit = adup(c, f[3]);
}

/* Parses a space-separated list of language codes. */
static const char **
code_list(struct ctx *c, const char *what, char *v, size_t *count)
{
	const char	**out = NULL;
	char		*tok, *save = NULL;
	size_t		 n = 0, i;

	for (tok = strtok_r(v, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (!lang_ok(c, what, tok, 16))
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(out[i], tok) == 0)
				break;
		if (i < n) {
			perr(c, "%s: \"%s\" is listed twice", what, tok);
			continue;
		}
		out = grow(c->a, out, n, sizeof(*out));
		out[n++] = adup(c, tok);
	}
	*count = n;
	return out;
}

/* Parses one header value into the item. */
static void
item_key(struct ctx *c, struct sample_item *it, enum ikey k, char *v,
    int *tagline)
{
	struct sample_signatory *sg;
	struct sample_speaker *sp;
	struct sample_wall w;
	char		*f[5], *save = NULL, *t;
	size_t		 i;
	int		 ok;

	switch (k) {
	case IK_KIND:
		if ((it->kind = kind_from_name(v)) == KIND__MAX)
			perr(c, "Kind: \"%s\" is not news, case-study, "
			    "statement or event", v);
		break;
	case IK_LANG:
		if (lang_ok(c, "Lang", v, 8))
			it->lang = adup(c, v);
		break;
	case IK_GROUP:
		if (slug_ok(c, "Group", v, 200))
			it->group = adup(c, v);
		break;
	case IK_SLUG:
		if (slug_ok(c, "Slug", v, 200))
			it->slug = adup(c, v);
		break;
	case IK_TITLE:
		if (text_ok(c, "Title", v, 1, 500))
			it->title = adup(c, v);
		break;
	case IK_SUMMARY:
		if (text_ok(c, "Summary", v, 1, 2000))
			it->summary = adup(c, v);
		break;
	case IK_PUBLISHED:
		if (wall_parse(c, "Published", v, 1, &w) == 0)
			it->published = wall_utc(&w);
		break;
	case IK_STATUS:
		for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
			if (strcmp(v, statuses[i]) == 0)
				break;
		if (i == sizeof(statuses) / sizeof(statuses[0]))
			perr(c, "Status: \"%s\" is not published, draft, "
			    "review or archived", v);
		else
			it->status = statuses[i];
		break;
	case IK_BYLINE:
		if (text_ok(c, "Byline", v, 1, 200))
			it->byline = adup(c, v);
		break;
	case IK_TAGS:
		/* Checked against tags.txt once Lang is known. */
		*tagline = c->line;
		for (v = strtok_r(v, ",", &save); v != NULL;
		    v = strtok_r(NULL, ",", &save)) {
			t = trim(v);
			if (t[0] == '\0' || !slug_ok(c, "Tags", t, 100))
				continue;
			for (i = 0; i < it->tagc; i++)
				if (strcmp(it->tags[i], t) == 0)
					break;
			if (i < it->tagc) {
				perr(c, "Tags: \"%s\" is listed twice", t);
				continue;
			}
			it->tags = grow(c->a, it->tags, it->tagc,
			    sizeof(*it->tags));
			it->tags[it->tagc++] = adup(c, t);
		}
		break;
	case IK_HASHTAG:
		if (v[0] == '#' || strpbrk(v, " \t,") != NULL)
			perr(c, "Hashtag: one word without \"#\"");
		else if (text_ok(c, "Hashtag", v, 1, 100))
			it->hashtag = adup(c, v);
		break;
	case IK_SIGNATORY:
		if (fields(c, "Signatory", v, f, 2, 3) == -1)
			break;
		ok = 1;
		if (org_find(c->s, f[0]) == NULL) {
			perr(c, "Signatory: organisation \"%s\" is not in "
			    "organisations.txt", f[0]);
			ok = 0;
		}
		for (i = 0; i < it->sigc; i++)
			if (strcmp(it->sigs[i].org, f[0]) == 0) {
				perr(c, "Signatory: \"%s\" signs twice", f[0]);
				ok = 0;
			}
		ok &= text_ok(c, "Signatory role", f[1], 1, 100);
		if (f[2][0] != '\0' &&
		    wall_parse(c, "Signatory date", f[2], 0, &w) == -1)
			ok = 0;
		if (!ok)
			break;
		it->sigs = grow(c->a, it->sigs, it->sigc, sizeof(*it->sigs));
		sg = &it->sigs[it->sigc++];
		sg->org = adup(c, f[0]);
		sg->role = adup(c, f[1]);
		sg->signed_on = f[2][0] != '\0' ? wall_utc(&w) : (time_t)-1;
		break;
	case IK_ATTACHMENT:
		item_media(c, it, SAMPLE_ATTACHMENT, v);
		break;
	case IK_GALLERY:
		item_media(c, it, SAMPLE_GALLERY, v);
		break;
	case IK_HERO:
		item_media(c, it, SAMPLE_HERO, v);
		break;
	case IK_STARTS:
		wall_parse(c, "Starts", v, 1, &it->starts);
		break;
	case IK_ENDS:
		wall_parse(c, "Ends", v, 1, &it->ends);
		break;
	case IK_ZONE:
		if (!tz_valid(v))
			perr(c, "Zone: \"%s\" is not an IANA time zone such "
			    "as Europe/Paris", v);
		else
			it->zone = adup(c, v);
		break;
	case IK_LOCATION:
		if (text_ok(c, "Location", v, 0, 300))
			it->location = adup(c, v);
		break;
	case IK_ONLINE:
		if (url_ok(c, "Online", v, 1000))
			it->online = adup(c, v);
		break;
	case IK_REGISTRATION:
		if (url_ok(c, "Registration", v, 1000))
			it->registration = adup(c, v);
		break;
	case IK_SPOKEN:
		it->spoken = code_list(c, "Spoken", v, &it->spokenc);
		break;
	case IK_INTERPRETATION:
		it->interp = code_list(c, "Interpretation", v, &it->interpc);
		break;
	case IK_SPEAKER:
		if (fields(c, "Speaker", v, f, 1, 5) == -1)
			break;
		ok = text_ok(c, "Speaker name", f[0], 1, 200);
		ok &= text_ok(c, "Speaker job title", f[1], 0, 300);
		ok &= text_ok(c, "Speaker part", f[3], 0, 200);
		if (f[2][0] != '\0' && org_find(c->s, f[2]) == NULL) {
			perr(c, "Speaker: organisation \"%s\" is not in "
			    "organisations.txt", f[2]);
			ok = 0;
		}
		if (f[4][0] != '\0' && strcmp(f[4], "chair") != 0) {
			perr(c, "Speaker: last field is \"chair\" or empty, "
			    "not \"%s\"", f[4]);
			ok = 0;
		}
		if (!ok)
			break;
		it->speakers = grow(c->a, it->speakers, it->speakerc,
		    sizeof(*it->speakers));
		sp = &it->speakers[it->speakerc++];
		sp->name = adup(c, f[0]);
		sp->role = adup(c, f[1]);
		sp->org = f[2][0] != '\0' ? adup(c, f[2]) : NULL;
		sp->part = adup(c, f[3]);
		sp->is_chair = f[4][0] != '\0';
		break;
	default:
		abort();
	}
}

/* Reads one items/NAME.md file. */
static void
load_item(struct ctx *c, const char *path, const char *name)
{
	struct sample		*s = c->s;
	struct sample_item	 it;
	const struct sample_item *o;
	char			*buf, *p, *ln, *colon, *key;
	size_t			 len, i;
	int			 seen[IK__MAX], tagline = 0, errors, ok;
	enum ikey		 k;

	c->file = path;
	if ((buf = read_text(c, path, &len)) == NULL)
		return;
	errors = c->errors;
	memset(&it, 0, sizeof(it));
	memset(seen, 0, sizeof(seen));
	it.file = arena_printf(c->a, "items/%s", name);
	it.kind = KIND__MAX;
	it.published = (time_t)-1;
	it.status = "published";
	c->line = 0;
	p = buf;
	while ((ln = next_line(&p)) != NULL) {
		c->line++;
		ln = trim(ln);
		if (ln[0] == '\0')
			break;
		if ((colon = strchr(ln, ':')) == NULL) {
			perr(c, "expected \"Key: value\" (or a blank line "
			    "before the body)");
			continue;
		}
		*colon = '\0';
		key = ln;
		for (k = 0; k < IK__MAX; k++)
			if (strcmp(key, ikeys[k].name) == 0)
				break;
		if (k == IK__MAX) {
			perr(c, "unknown key \"%s\"", key);
			continue;
		}
		if (seen[k] && !ikeys[k].repeat) {
			perr(c, "%s: already set on line %d", key, seen[k]);
			continue;
		}
		if (!seen[k])
			seen[k] = c->line;
		item_key(c, &it, k, trim(colon + 1), &tagline);
	}

	/* What only the whole header tells. */
	c->line = 0;
	if (!seen[IK_KIND] || !seen[IK_LANG] || !seen[IK_SLUG] ||
	    !seen[IK_TITLE] || !seen[IK_SUMMARY]) {
		perr(c, "Kind, Lang, Slug, Title and Summary are required");
		return;
	}
	/* Without a valid kind, language and slug nothing more is known. */
	if (it.kind == KIND__MAX || it.lang == NULL || it.slug == NULL)
		return;
	for (k = 0; k < IK__MAX; k++)
		if (seen[k] && !(ikeys[k].kinds & K_(it.kind))) {
			c->line = seen[k];
			perr(c, "%s: not for a %s item", ikeys[k].name,
			    kind_names[it.kind]);
		}
	c->line = 0;
	if (!seen[IK_PUBLISHED] &&
	    (strcmp(it.status, "published") == 0 ||
	     strcmp(it.status, "archived") == 0))
		perr(c, "Published is required for a %s item", it.status);
	if (it.kind == KIND_EVENT) {
		if (!seen[IK_STARTS] || !seen[IK_ENDS] || !seen[IK_ZONE])
			perr(c, "an event needs Starts, Ends and Zone");
		else if (wall_cmp(&it.ends, &it.starts) < 0) {
			c->line = seen[IK_ENDS];
			perr(c, "Ends is before Starts");
		}
		if (it.location == NULL)
			it.location = "";
	}
	for (i = 0; i < it.tagc; i++)
		if (!tag_exists(s, it.lang, it.tags[i])) {
			c->line = tagline;
			perr(c, "Tags: \"%s\" is not a tag of language %s in "
			    "tags.txt", it.tags[i], it.lang);
		}
	c->line = 0;
	it.body = p;
	it.bodylen = strlen(p);
	if (utf8_count(it.body, it.bodylen, "\t\n\r") < 0)
		perr(c, "the body is not valid UTF-8 text");

	/* Against the items read before. */
	ok = 1;
	for (i = 0; i < s->itemc; i++) {
		o = &s->items[i];
		if (o->kind == it.kind && strcmp(o->lang, it.lang) == 0 &&
		    strcmp(o->slug, it.slug) == 0) {
			perr(c, "%s %s/%s is also %s", kind_names[it.kind],
			    it.lang, it.slug, o->file);
			ok = 0;
		}
		if (it.group != NULL && o->group != NULL &&
		    strcmp(o->group, it.group) == 0 &&
		    strcmp(o->lang, it.lang) == 0) {
			perr(c, "Group %s has two %s items (also %s)",
			    it.group, it.lang, o->file);
			ok = 0;
		}
	}
	if (!ok || c->errors > errors)
		return;
	s->items = grow(c->a, s->items, s->itemc, sizeof(*s->items));
	s->items[s->itemc++] = it;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* items/NAME.md, in file-name order. */
static void
load_items(struct ctx *c)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL;
	const char	*dir;
	size_t		 n = 0, i, len;

	dir = arena_printf(c->a, "%s/items", c->s->dir);
	c->file = dir;
	c->line = 0;
	if ((d = opendir(dir)) == NULL) {
		perr(c, "%s", strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 4 ||
		    strcmp(de->d_name + len - 3, ".md") != 0)
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		load_item(c, arena_printf(c->a, "%s/%s", dir, names[i]),
		    names[i]);
		free(names[i]);
	}
	free(names);
	if (n == 0) {
		c->file = dir;
		c->line = 0;
		perr(c, "no *.md files");
	}
}

struct sample *
sample_load(const char *dir)
{
	struct ctx	 c;
	struct sample	*s;
	struct arena	*a;

	a = arena_new();
	s = arena_alloc(a, sizeof(*s));
	s->arena = a;
	s->dir = arena_strdup(a, dir);
	memset(&c, 0, sizeof(c));
	c.s = s;
	c.a = a;
	load_orgs(&c, arena_printf(a, "%s/organisations.txt", dir));
	load_tags(&c, arena_printf(a, "%s/tags.txt", dir));
	if (c.errors == 0)
		load_items(&c);
	if (c.errors > 0) {
		fprintf(stderr, "%s: %d problem%s\n", dir, c.errors,
		    c.errors == 1 ? "" : "s");
		sample_free(s);
		return NULL;
	}
	return s;
}

void
sample_free(struct sample *s)
{
	if (s == NULL)
		return;
	arena_free(s->arena);
}
