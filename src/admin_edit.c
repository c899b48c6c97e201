/*
 * The item edit form: GET and POST /admin/items/#, and the pieces other
 * pages share (admin_edit.h): reading the form into a struct item_edit
 * with every field validated, the form's view, and the save with the
 * conveniences an editor expects (a slug derived from the title gets a
 * number when taken; a new organisation typed in the form is created).
 *
 * Nothing here trusts the form.  Every value is checked for length (the
 * schema's), for characters XML can carry, and for its own syntax (URLs
 * http/https only, real IANA zones, real dates, BCP 47 codes); a form
 * with errors is answered 422 with the same form, every value as the
 * editor typed it and each message beside its field.  The version the
 * form edits travels in a hidden field, and a save that finds a newer
 * version answers 409 with both texts side by side and the editor's own
 * form ready to save over the newer version deliberately.
 *
 * Repeated rows (files, signatories, speakers) work without JavaScript:
 * the form shows the item's rows and two empty ones; empty rows are
 * ignored; an "order" number sorts them.  A row's fields share a name
 * ("sig_org", "sig_role" ...), so the rows line up by position, except the
 * chair checkbox, which is only sent when ticked and so carries its row's
 * number as its value.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "admin.h"
#include "admin_edit.h"
#include "admin_preview.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_admin.h"
#include "item_edit.h"
#include "log.h"
#include "slug.h"
#include "tz.h"
#include "util.h"
#include "valid.h"
#include "view.h"
#include "workflow.h"

/* Field limits, in characters, from the schema (0001-content-model.sql). */
#define	MAX_TITLE	500
#define	MAX_SUMMARY	5000		/* TEXT: 65535 bytes */
#define	MAX_BODY_BYTES	(4 * 1024 * 1024) /* MEDIUMTEXT holds 16 MB */
#define	MAX_HASHTAG	100
#define	MAX_BYLINE	200
#define	MAX_TAG		200
#define	MAX_TAGS	50
#define	MAX_ALT		500
#define	MAX_CAPTION	1000
#define	MAX_CREDIT	300
#define	MAX_SIG_ROLE	100
#define	MAX_LOCATION	300
#define	MAX_EVENT_URL	1000
#define	MAX_EVENT_LANG	16		/* event_languages.lang */
#define	MAX_EVENT_LANGS	20
#define	MAX_SP_NAME	200
#define	MAX_SP_ROLE	300
#define	MAX_SP_PART	200
#define	MAX_ORG_NAME	300
#define	MAX_ORG_SHORT	60
#define	MAX_ORG_URL	500
#define	MAX_ROWS	200		/* rows of one kind in a form */
#define	BLANK_ROWS	2		/* empty rows offered for adding */
#define	FILES_OFFERED	100		/* newest library files to pick */
#define	SLUG_TRIES	20		/* "-2" .. for a derived slug */

/* Database names of enum media_role, and how the form names them. */
static const char *const role_names_db[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

/*
 * Zones offered for events besides the configured display zones (the
 * input takes any installed IANA zone; these are suggestions).
 */
static const char *const zones_offered[] = {
	"UTC", "Europe/London", "Europe/Lisbon", "Europe/Paris",
	"Europe/Brussels", "Europe/Amsterdam", "Europe/Berlin",
	"Europe/Madrid", "Europe/Rome", "Europe/Vienna", "Europe/Warsaw",
	"Europe/Athens", "Europe/Bucharest", "Europe/Kyiv", "Europe/Kiev",
	"Europe/Istanbul", "Europe/Moscow", "Africa/Lagos", "Africa/Cairo",
	"Africa/Nairobi", "Africa/Johannesburg", "Asia/Tbilisi",
	"Asia/Yerevan", "Asia/Almaty", "Asia/Tashkent", "Asia/Karachi",
	"Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Yangon",
	"Asia/Bangkok", "Asia/Jakarta", "Asia/Kuala_Lumpur",
	"Asia/Manila", "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Tokyo",
	"Australia/Perth", "Australia/Sydney", "Pacific/Auckland",
	"America/St_Johns", "America/Halifax", "America/New_York",
	"America/Toronto", "America/Chicago", "America/Mexico_City",
	"America/Denver", "America/Los_Angeles", "America/Vancouver",
	"America/Bogota", "America/Lima", "America/Santiago",
	"America/Sao_Paulo", "America/Argentina/Buenos_Aires",
};

/* Reading a form: where the errors go. */
struct	parse {
	struct admin		*a;
	struct arena		*ar;
	struct edit_error	*errs;
	size_t			 errc;
	size_t			 errmax;
};

/* A row of a repeated group before sorting: its order key and place. */
struct	rowkey {
	long long	 order;		/* ORDER_NONE: none given */
	size_t		 idx;		/* position in the form */
};

#define	ORDER_NONE	(1LL << 40)

/* Adds an error beside field (printf format). */
static void
perr(struct parse *p, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
perr(struct parse *p, const char *field, const char *fmt, ...)
{
	struct edit_error	*n;
	va_list			 ap;
	char			 buf[512];

	if (p->errc == p->errmax) {
		p->errmax = p->errmax == 0 ? 16 : p->errmax * 2;
		n = arena_calloc(p->ar, p->errmax, sizeof(*n));
		if (p->errc > 0)
			memcpy(n, p->errs, p->errc * sizeof(*n));
		p->errs = n;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	p->errs[p->errc].field = arena_strdup(p->ar, field);
	p->errs[p->errc].message = arena_strdup(p->ar, buf);
	p->errc++;
}

/* Does field already have an error? (One message per field.) */
static int
has_err(const struct parse *p, const char *field)
{
	size_t	 i;

	for (i = 0; i < p->errc; i++)
		if (strcmp(p->errs[i].field, field) == 0)
			return 1;
	return 0;
}

/* A row's field name for errors and ids: "sig_role-2". */
static const char *
rowfield(struct parse *p, const char *name, size_t n)
{
	return arena_printf(p->ar, "%s-%zu", name, n);
}

/* Returns a copy of s without leading and trailing white space. */
static char *
trim(struct arena *ar, const char *s)
{
	const char	*e;

	if (s == NULL)
		return arena_strdup(ar, "");
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		e--;
	return arena_strndup(ar, s, (size_t)(e - s));
}

/*
 * Returns a copy of multi-line text with CR LF (as browsers send a
 * textarea) and lone CR made LF, so that revisions diff line by line.
 */
static char *
unix_lines(struct arena *ar, const char *s)
{
	char	*c;
	size_t	 i, o = 0;

	if (s == NULL)
		return arena_strdup(ar, "");
	c = arena_alloc(ar, strlen(s) + 1);
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\r') {
			c[o++] = '\n';
			if (s[i + 1] == '\n')
				i++;
		} else
			c[o++] = s[i];
	}
	c[o] = '\0';
	return c;
}

/* Counts the characters (code points) of well-formed UTF-8. */
static size_t
u8len(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * Checks one text value: characters XML can carry, at most max
 * characters, one line unless multi, present if required.  Adds the error
 * to field and returns 0 if not; returns 1 if fine.
 */
static int
check_text(struct parse *p, const char *field, const char *label,
    const char *v, size_t max, int multi, int required)
{
	if (required && v[0] == '\0') {
		perr(p, field, "Enter the %s.", label);
		return 0;
	}
	if (!valid_xml_chars(v, strlen(v))) {
		perr(p, field, "The %s contains control characters that cannot "
		    "be stored; remove them.", label);
		return 0;
	}
	if (u8len(v) > max) {
		perr(p, field, "The %s is too long: at most %zu characters "
		    "(it has %zu).", label, max, u8len(v));
		return 0;
	}
	if (!multi && strpbrk(v, "\r\n") != NULL) {
		perr(p, field, "The %s must be one line.", label);
		return 0;
	}
	return 1;
}

/* A single-line field of the form, trimmed and checked; "" if absent. */
static const char *
line_field(struct parse *p, const char *name, const char *label, size_t max,
    int required)
{
	const char	*v;

	v = trim(p->ar, admin_form(p->a, name));
	check_text(p, name, label, v, max, 0, required);
	return v;
}

/* NULL for an empty optional value, as the database stores "none". */
static const char *
opt(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/*
 * Parses "YYYY-MM-DD" into its parts, checking the day exists.  Returns 1
 * or 0.
 */
static int
parse_date(const char *s, int *y, int *m, int *d)
{
	static const int mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	 i, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	if (*y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > mdays[*m - 1])
		return 0;
	leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
	if (*m == 2 && *d == 29 && !leap)
		return 0;
	return 1;
}

/* Parses "HH:MM" (or "HH:MM:SS", seconds ignored).  Returns 1 or 0. */
static int
parse_time(const char *s, int *h, int *mi)
{
	size_t	 n = strlen(s);

	if ((n != 5 && n != 8) || s[2] != ':' || (n == 8 && s[5] != ':'))
		return 0;
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
	    s[3] < '0' || s[3] > '9' || s[4] < '0' || s[4] > '9')
		return 0;
	if (n == 8 && (s[6] < '0' || s[6] > '5' || s[7] < '0' || s[7] > '9'))
		return 0;
	*h = (s[0] - '0') * 10 + (s[1] - '0');
	*mi = (s[3] - '0') * 10 + (s[4] - '0');
	return *h <= 23 && *mi <= 59;
}

/* A calendar day as its instant at 00:00 UTC. */
static time_t
utc_day(int y, int m, int d, int h, int mi)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	return timegm(&tm);
}

/*
 * Parses a datetime-local value in UTC: "YYYY-MM-DDTHH:MM", with a space
 * for the T, optionally seconds.  Returns 1 and sets *t, or 0.
 */
static int
parse_utc_local(const char *s, time_t *t)
{
	char	 date[11];
	int	 y, m, d, h, mi;

	if (strlen(s) < 16 || (s[10] != 'T' && s[10] != ' '))
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!parse_date(date, &y, &m, &d) || !parse_time(s + 11, &h, &mi))
		return 0;
	*t = utc_day(y, m, d, h, mi);
	return 1;
}

/* Order of rows: by the "order" number, then as they came. */
static int
rowkey_cmp(const void *a, const void *b)
{
	const struct rowkey	*x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The value at i of a repeated field, or "". */
static const char *
at(const char **vals, size_t n, size_t i)
{
	return i < n && vals[i] != NULL ? vals[i] : "";
}

/*
 * Sorts the non-empty rows of a repeated group (nonempty[i]) by their
 * order field; returns the count and the form indexes in *keys.
 */
static size_t
sort_rows(struct parse *p, const char *order_name, const int *nonempty,
    size_t n, struct rowkey **keys)
{
	const char	**ord;
	size_t		 ordc, i, k = 0;
	long long	 v;

	ordc = admin_form_all(p->a, order_name, &ord);
	*keys = arena_calloc(p->ar, n + 1, sizeof(**keys));
	for (i = 0; i < n; i++) {
		if (!nonempty[i])
			continue;
		/* Not a number: after the numbered rows, as it came. */
		if (!valid_int(trim(p->ar, at(ord, ordc, i)), -100000, 100000,
		    &v))
			v = ORDER_NONE;
		(*keys)[k].order = v;
		(*keys)[k].idx = i;
		k++;
	}
	qsort(*keys, k, sizeof(**keys), rowkey_cmp);
	return k;
}

/* Finds an organisation in the registry by id. */
static const struct edit_org *
org_find(const struct edit_org *orgs, size_t orgc, long long id)
{
	size_t	 i;

	for (i = 0; i < orgc; i++)
		if (orgs[i].id == id)
			return &orgs[i];
	return NULL;
}

/*
 * Reads an organisation select: "" for none, else an id of the registry.
 * Returns the id, 0 for none, or -1 (error added to field).
 */
static long long
org_value(struct parse *p, const char *field, const char *v,
    const struct edit_org *orgs, size_t orgc, const char **name)
{
	long long	 id;
	const struct edit_org *o;

	*name = NULL;
	v = trim(p->ar, v);
	if (v[0] == '\0')
		return 0;
	if ((id = admin_id(v)) == 0 || (o = org_find(orgs, orgc, id)) == NULL) {
		log_warnx("field %s: no organisation \"%s\"", field, v);
		perr(p, field, "This organisation is not in the registry "
		    "(any more); choose another.");
		return -1;
	}
	*name = o->name;
	return id;
}

/* Title, slug, summary, body, tags, byline, hashtag, language. */
static void
parse_main(struct parse *p, struct item_edit *e)
{
	const char	*v, *s, **tags;
	char		*t, *tok, *save;
	size_t		 n = 0, i;
	long long	 ver;

	e->title = line_field(p, "title", "title", MAX_TITLE, 1);

	/* An empty slug is derived from the title. */
	v = trim(p->ar, admin_form(p->a, "slug"));
	if (v[0] == '\0') {
		v = slug_derive(p->ar, e->title, 0);
		if (v[0] == '\0' && e->title[0] != '\0')
			perr(p, "slug", "The title has no letters or digits an "
			    "address can use: type a slug (lower-case letters, "
			    "digits and hyphens).");
	} else if (!valid_slug(v))
		perr(p, "slug", "The slug may only have lower-case letters "
		    "a-z, digits and hyphens, at most %d of them.",
		    VALID_SLUG_MAX);
	e->slug = v;

	v = unix_lines(p->ar, trim(p->ar, admin_form(p->a, "summary")));
	check_text(p, "summary", "summary", v, MAX_SUMMARY, 1, 0);
	e->summary = v;

	v = unix_lines(p->ar, admin_form(p->a, "body"));
	if (strlen(v) > MAX_BODY_BYTES)
		perr(p, "body", "The body is too long: at most %d MB.",
		    MAX_BODY_BYTES / (1024 * 1024));
	else if (!valid_xml_chars(v, strlen(v)))
		perr(p, "body", "The body contains control characters that "
		    "cannot be stored; remove them.");
	e->body_md = v;

	/* Tags: comma-separated names, each once. */
	t = arena_strdup(p->ar, admin_form(p->a, "tags") != NULL ?
	    admin_form(p->a, "tags") : "");
	tags = arena_calloc(p->ar, strlen(t) / 2 + 2, sizeof(*tags));
	for (tok = strtok_r(t, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		s = trim(p->ar, tok);
		if (s[0] == '\0')
			continue;
		if (!check_text(p, "tags", "tag name", s, MAX_TAG, 0, 0))
			break;
		for (i = 0; i < n; i++)
			if (strcasecmp(tags[i], s) == 0)
				break;
		if (i < n)
			continue;
		if (n == MAX_TAGS) {
			perr(p, "tags", "At most %d tags.", MAX_TAGS);
			break;
		}
		tags[n++] = s;
	}
	e->tags = tags;
	e->tagc = n;

	e->byline = opt(line_field(p, "byline", "byline", MAX_BYLINE, 0));

	/* A campaign hashtag, without its '#'. */
	if (e->kind == KIND_NEWS) {
		v = trim(p->ar, admin_form(p->a, "hashtag"));
		if (v[0] == '#')
			v++;
		for (i = 0; v[i] != '\0'; i++)
			if (!((v[i] >= 'a' && v[i] <= 'z') ||
			    (v[i] >= 'A' && v[i] <= 'Z') ||
			    (v[i] >= '0' && v[i] <= '9') || v[i] == '_'))
				break;
		if (v[i] != '\0')
			perr(p, "hashtag", "A hashtag has only letters A-Z, "
			    "digits and underscores (no spaces).");
		else if (i > MAX_HASHTAG)
			perr(p, "hashtag", "The hashtag is too long: at most "
			    "%d characters.", MAX_HASHTAG);
		e->hashtag = opt(v);
	}

	/* The language is chosen once, when the item is created. */
	if (e->id == 0 && (v = admin_form(p->a, "lang")) != NULL) {
		v = trim(p->ar, v);
		if (!cfg_has_lang(p->a->site->cfg, v))
			perr(p, "lang", "Choose one of the site's languages.");
		else if (!admin_may_lang(p->a, v))
			perr(p, "lang", "You may only write in your own "
			    "languages.");
		else
			e->lang = v;
	}

	/* The version this form edits (hidden). */
	if ((v = admin_form(p->a, "version")) != NULL &&
	    valid_int(v, 1, 0xffffffffLL, &ver))
		e->version = ver;
}

/*
 * The publication time, UTC: only those who may publish change it (for
 * the others it stays as loaded).
 */
static void
parse_published(struct parse *p, struct item_edit *e)
{
	const char	*v;
	time_t		 t;

	if (!admin_is_editor(p->a) || (v = admin_form(p->a,
	    "published_at")) == NULL)
		return;
	v = trim(p->ar, v);
	if (v[0] == '\0') {
		if (e->status == STATUS_PUBLISHED)
			perr(p, "published_at", "A published item needs its "
			    "publication time.");
		else
			e->published_at = 0;
		return;
	}
	if (!parse_utc_local(v, &t)) {
		perr(p, "published_at", "Give the publication time as a date "
		    "and time (YYYY-MM-DD HH:MM), in UTC.");
		return;
	}
	e->published_at = t;
}

/* The files: library id, role, per-use alt text, caption and credit. */
static void
parse_media(struct parse *p, struct item_edit *e)
{
	const char	**ids, **roles, **alts, **caps, **creds;
	size_t		 idc, rolec, altc, capc, credc, n, k, i, j;
	struct rowkey	*keys;
	struct edit_media *m;
	struct edit_file f;
	int		*nonempty, c;
	long long	 id;
	enum media_role	 r;
	const char	*fld, *alt;

	idc = admin_form_all(p->a, "media_id", &ids);
	rolec = admin_form_all(p->a, "media_role", &roles);
	altc = admin_form_all(p->a, "media_alt", &alts);
	capc = admin_form_all(p->a, "media_caption", &caps);
	credc = admin_form_all(p->a, "media_credit", &creds);
	n = idc;
	if (altc > n)
		n = altc;
	if (capc > n)
		n = capc;
	if (credc > n)
		n = credc;
	if (n > MAX_ROWS) {
		perr(p, "media", "Too many files: at most %d.", MAX_ROWS);
		n = MAX_ROWS;
	}
	nonempty = arena_calloc(p->ar, n + 1, sizeof(*nonempty));
	for (i = 0; i < n; i++)
		nonempty[i] = trim(p->ar, at(ids, idc, i))[0] != '\0' ||
		    trim(p->ar, at(alts, altc, i))[0] != '\0' ||
		    trim(p->ar, at(caps, capc, i))[0] != '\0' ||
		    trim(p->ar, at(creds, credc, i))[0] != '\0';
	k = sort_rows(p, "media_order", nonempty, n, &keys);
	m = arena_calloc(p->ar, k + 1, sizeof(*m));
	for (j = 0; j < k; j++) {
		i = keys[j].idx;
		m[j].alt = trim(p->ar, at(alts, altc, i));
		m[j].caption = unix_lines(p->ar,
		    trim(p->ar, at(caps, capc, i)));
		m[j].credit = trim(p->ar, at(creds, credc, i));
		check_text(p, rowfield(p, "media_alt", j + 1), "alt text",
		    m[j].alt, MAX_ALT, 0, 0);
		check_text(p, rowfield(p, "media_caption", j + 1), "caption",
		    m[j].caption, MAX_CAPTION, 1, 0);
		check_text(p, rowfield(p, "media_credit", j + 1), "credit",
		    m[j].credit, MAX_CREDIT, 0, 0);

		for (r = 0; r < MEDIA__MAX; r++)
			if (strcmp(at(roles, rolec, i), role_names_db[r]) == 0)
				break;
		m[j].role = r < MEDIA__MAX ? r : MEDIA_GALLERY;
		if (r == MEDIA__MAX)
			perr(p, rowfield(p, "media_role", j + 1), "Choose how "
			    "the file is used: gallery, hero image or "
			    "attachment.");

		fld = rowfield(p, "media_id", j + 1);
		id = admin_id(trim(p->ar, at(ids, idc, i)));
		if (trim(p->ar, at(ids, idc, i))[0] == '\0') {
			perr(p, fld, "Choose a file from the library, or "
			    "empty the row.");
			continue;
		}
		c = id > 0 ? db_edit_file_get(p->a->site->db, p->ar, id, &f) :
		    0;
		if (c == -1) {
			perr(p, fld, "The media library cannot be read just "
			    "now; try again.");
			continue;
		}
		if (c == 0) {
			log_warnx("media row %zu: no file \"%s\"", j + 1,
			    at(ids, idc, i));
			perr(p, fld, "This file is not in the media library "
			    "(any more).");
			continue;
		}
		m[j].media_id = f.id;
		m[j].filename = f.filename;
		m[j].mime = f.mime;
		m[j].original_name = f.original_name;
		m[j].width = f.width;
		m[j].height = f.height;
		if (m[j].role == MEDIA_HERO || m[j].role == MEDIA_GALLERY) {
			if (f.mime == NULL || strncmp(f.mime, "image/", 6) != 0) {
				perr(p, fld, "Only pictures can be in a gallery "
				    "or the hero image; attach other files.");
				continue;
			}
			/* The per-use text, else the library's. */
			alt = m[j].alt[0] != '\0' ? m[j].alt : f.alt;
			if ((alt == NULL || alt[0] == '\0') &&
			    !has_err(p, rowfield(p, "media_alt", j + 1)))
				perr(p, rowfield(p, "media_alt", j + 1),
				    "Describe the picture for people who "
				    "cannot see it (alt text).");
		}
		for (i = 0; i < j; i++)
			if (m[i].media_id == m[j].media_id &&
			    m[i].role == m[j].role) {
				perr(p, fld, "This file is already used in "
				    "this role (row %zu).", i + 1);
				break;
			}
	}
	e->media = m;
	e->mediac = k;
}

/* Signatories (statements), and a new organisation typed inline. */
static void
parse_sigs(struct parse *p, struct item_edit *e, const struct edit_org *orgs,
    size_t orgc)
{
	const char	**org, **role, **sgn, *v, *name;
	size_t		 orgn, rolen, sgnn, n, k, i, j;
	struct rowkey	*keys;
	struct edit_signatory *s;
	int		*nonempty, y, m, d;
	long long	 id;

	orgn = admin_form_all(p->a, "sig_org", &org);
	rolen = admin_form_all(p->a, "sig_role", &role);
	sgnn = admin_form_all(p->a, "sig_signed", &sgn);
	n = orgn > rolen ? orgn : rolen;
	if (sgnn > n)
		n = sgnn;
	if (n > MAX_ROWS) {
		perr(p, "sigs", "Too many signatories: at most %d.", MAX_ROWS);
		n = MAX_ROWS;
	}
	nonempty = arena_calloc(p->ar, n + 1, sizeof(*nonempty));
	for (i = 0; i < n; i++)
		nonempty[i] = trim(p->ar, at(org, orgn, i))[0] != '\0' ||
		    trim(p->ar, at(role, rolen, i))[0] != '\0' ||
		    trim(p->ar, at(sgn, sgnn, i))[0] != '\0';
	k = sort_rows(p, "sig_order", nonempty, n, &keys);
	s = arena_calloc(p->ar, k + 2, sizeof(*s));
	for (j = 0; j < k; j++) {
		i = keys[j].idx;
		s[j].role = trim(p->ar, at(role, rolen, i));
		check_text(p, rowfield(p, "sig_role", j + 1), "role",
		    s[j].role, MAX_SIG_ROLE, 0, 0);
		v = trim(p->ar, at(sgn, sgnn, i));
		if (v[0] != '\0') {
			if (parse_date(v, &y, &m, &d))
				s[j].signed_on = utc_day(y, m, d, 0, 0);
			else
				perr(p, rowfield(p, "sig_signed", j + 1),
				    "Give the signing date as YYYY-MM-DD.");
		}
		if (trim(p->ar, at(org, orgn, i))[0] == '\0') {
			perr(p, rowfield(p, "sig_org", j + 1), "Choose the "
			    "organisation that signs, or empty the row.");
			continue;
		}
		id = org_value(p, rowfield(p, "sig_org", j + 1),
		    at(org, orgn, i), orgs, orgc, &name);
		if (id <= 0)
			continue;
		s[j].org_id = id;
		s[j].org_name = name;
		for (i = 0; i < j; i++)
			if (s[i].org_id == id) {
				perr(p, rowfield(p, "sig_org", j + 1), "This "
				    "organisation already signs (row %zu).",
				    i + 1);
				break;
			}
	}
	e->sigs = s;
	e->sigc = k;

	/* A new organisation: checked here, created by admin_edit_save(). */
	v = line_field(p, "neworg_name", "organisation's name", MAX_ORG_NAME,
	    0);
	name = line_field(p, "neworg_short", "short name", MAX_ORG_SHORT, 0);
	if (v[0] == '\0' && (name[0] != '\0' ||
	    trim(p->ar, admin_form(p->a, "neworg_url"))[0] != '\0'))
		perr(p, "neworg_name", "Enter the new organisation's name, or "
		    "empty its other fields.");
	v = trim(p->ar, admin_form(p->a, "neworg_url"));
	if (v[0] != '\0' && (!valid_url_http(v) || strlen(v) > MAX_ORG_URL))
		perr(p, "neworg_url", "Give the organisation's web address "
		    "as a full http:// or https:// URL.");
	v = trim(p->ar, admin_form(p->a, "neworg_signed"));
	if (v[0] != '\0' && !parse_date(v, &y, &m, &d))
		perr(p, "neworg_signed", "Give the signing date as "
		    "YYYY-MM-DD.");
	line_field(p, "neworg_role", "role", MAX_SIG_ROLE, 0);
}

/* A list of BCP 47 codes separated by commas or spaces. */
static void
parse_langs(struct parse *p, const char *field, const char *label,
    const char ***out, size_t *outc)
{
	const char	**l, *s;
	char		*t, *tok, *save;
	size_t		 n = 0, i;

	t = arena_strdup(p->ar, admin_form(p->a, field) != NULL ?
	    admin_form(p->a, field) : "");
	l = arena_calloc(p->ar, MAX_EVENT_LANGS + 1, sizeof(*l));
	for (tok = strtok_r(t, ", \t\r\n", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t\r\n", &save)) {
		s = tok;
		if (!valid_lang_code(s) || strlen(s) > MAX_EVENT_LANG) {
			perr(p, field, "\"%.40s\" is not a language code: use "
			    "codes such as en, fr, es, ru or pt-BR, separated "
			    "by commas.", s);
			break;
		}
		for (i = 0; i < n; i++)
			if (strcasecmp(l[i], s) == 0)
				break;
		if (i < n)
			continue;
		if (n == MAX_EVENT_LANGS) {
			perr(p, field, "At most %d %s.", MAX_EVENT_LANGS,
			    label);
			break;
		}
		l[n++] = arena_strdup(p->ar, s);
	}
	*out = l;
	*outc = n;
}

/*
 * An event's local date and time in its zone, to UTC.  Returns 1 and sets
 * *t, or 0 (error added).
 */
static int
event_time(struct parse *p, const char *which, const char *zone, time_t *t)
{
	const char	*dn, *tn, *dv, *tv;
	int		 y, m, d, h, mi;

	dn = arena_printf(p->ar, "%s_date", which);
	tn = arena_printf(p->ar, "%s_time", which);
	dv = trim(p->ar, admin_form(p->a, dn));
	tv = trim(p->ar, admin_form(p->a, tn));
	if (dv[0] == '\0') {
		perr(p, dn, "Enter the date the event %s.",
		    strcmp(which, "starts") == 0 ? "starts" : "ends");
		return 0;
	}
	if (!parse_date(dv, &y, &m, &d)) {
		perr(p, dn, "Give the date as YYYY-MM-DD.");
		return 0;
	}
	if (tv[0] == '\0') {
		perr(p, tn, "Enter the time the event %s.",
		    strcmp(which, "starts") == 0 ? "starts" : "ends");
		return 0;
	}
	if (!parse_time(tv, &h, &mi)) {
		perr(p, tn, "Give the time as HH:MM (24-hour clock).");
		return 0;
	}
	if (zone == NULL)
		return 0;
	if (tz_to_utc(zone, y, m, d, h, mi, t) == -1) {
		perr(p, tn, "%s %02d:%02d does not exist in %s (the clocks "
		    "go forward then); choose another time.", dv, h, mi, zone);
		return 0;
	}
	return 1;
}

/* The event's fields and speakers. */
static void
parse_event(struct parse *p, struct item_edit *e, const struct edit_org *orgs,
    size_t orgc)
{
	const char	**nm, **rl, **pt, **og, **ch, *v, *zone, *name;
	size_t		 nmn, rln, ptn, ogn, chn, n, k, i, j, c;
	struct rowkey	*keys;
	struct edit_speaker *sp;
	int		*nonempty, s_ok, e_ok;
	long long	 id;

	zone = trim(p->ar, admin_form(p->a, "tz"));
	if (zone[0] == '\0') {
		perr(p, "tz", "Choose the time zone the event's times are "
		    "in.");
		zone = NULL;
	} else if (strlen(zone) > 64 || !tz_valid(zone)) {
		perr(p, "tz", "\"%.64s\" is not a time zone we know: use an "
		    "IANA name such as Europe/Paris or America/New_York.",
		    zone);
		e->tz = zone;
		zone = NULL;
	}
	if (zone != NULL)
		e->tz = zone;
	s_ok = event_time(p, "starts", zone, &e->starts_at);
	e_ok = event_time(p, "ends", zone, &e->ends_at);
	if (s_ok && e_ok && e->ends_at <= e->starts_at)
		perr(p, "ends_time", "The event must end after it starts.");

	e->location = line_field(p, "location", "location", MAX_LOCATION, 0);
	v = trim(p->ar, admin_form(p->a, "online_url"));
	if (v[0] != '\0' && (!valid_url_http(v) || strlen(v) > MAX_EVENT_URL))
		perr(p, "online_url", "Give the online address as a full "
		    "http:// or https:// URL.");
	e->online_url = opt(v);
	v = trim(p->ar, admin_form(p->a, "registration_url"));
	if (v[0] != '\0' && (!valid_url_http(v) || strlen(v) > MAX_EVENT_URL))
		perr(p, "registration_url", "Give the registration address "
		    "as a full http:// or https:// URL.");
	e->registration_url = opt(v);
	parse_langs(p, "spoken", "languages spoken", &e->spoken, &e->spokenc);
	parse_langs(p, "interpreted", "interpretation languages",
	    &e->interpreted, &e->interpretedc);

	/* Speakers. */
	nmn = admin_form_all(p->a, "sp_name", &nm);
	rln = admin_form_all(p->a, "sp_role", &rl);
	ptn = admin_form_all(p->a, "sp_part", &pt);
	ogn = admin_form_all(p->a, "sp_org", &og);
	chn = admin_form_all(p->a, "sp_chair", &ch);
	n = nmn;
	if (rln > n)
		n = rln;
	if (ptn > n)
		n = ptn;
	if (ogn > n)
		n = ogn;
	if (n > MAX_ROWS) {
		perr(p, "speakers", "Too many speakers: at most %d.",
		    MAX_ROWS);
		n = MAX_ROWS;
	}
	nonempty = arena_calloc(p->ar, n + 1, sizeof(*nonempty));
	for (i = 0; i < n; i++)
		nonempty[i] = trim(p->ar, at(nm, nmn, i))[0] != '\0' ||
		    trim(p->ar, at(rl, rln, i))[0] != '\0' ||
		    trim(p->ar, at(pt, ptn, i))[0] != '\0' ||
		    trim(p->ar, at(og, ogn, i))[0] != '\0';
	k = sort_rows(p, "sp_order", nonempty, n, &keys);
	sp = arena_calloc(p->ar, k + 1, sizeof(*sp));
	for (j = 0; j < k; j++) {
		i = keys[j].idx;
		sp[j].name = trim(p->ar, at(nm, nmn, i));
		sp[j].role = trim(p->ar, at(rl, rln, i));
		sp[j].part = trim(p->ar, at(pt, ptn, i));
		check_text(p, rowfield(p, "sp_name", j + 1), "speaker's name",
		    sp[j].name, MAX_SP_NAME, 0, 1);
		check_text(p, rowfield(p, "sp_role", j + 1), "job title",
		    sp[j].role, MAX_SP_ROLE, 0, 0);
		check_text(p, rowfield(p, "sp_part", j + 1), "part",
		    sp[j].part, MAX_SP_PART, 0, 0);
		/* The checkbox's value is its row's number in the form. */
		for (c = 0; c < chn; c++)
			if (admin_id(ch[c]) == (long long)i + 1)
				sp[j].is_chair = 1;
		id = org_value(p, rowfield(p, "sp_org", j + 1),
		    at(og, ogn, i), orgs, orgc, &name);
		if (id > 0) {
			sp[j].org_id = id;
			sp[j].org_name = name;
		}
	}
	e->speakers = sp;
	e->speakerc = k;
}

size_t
admin_edit_parse(struct admin *a, struct item_edit *e,
    struct edit_error **errs)
{
	struct parse	 p;
	struct edit_org	*orgs = NULL;
	size_t		 orgc = 0;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.ar = a->r->arena;
	parse_main(&p, e);
	parse_published(&p, e);
	parse_media(&p, e);
	if (e->kind == KIND_STATEMENT || e->kind == KIND_EVENT) {
		if (db_edit_orgs(a->site->db, p.ar, &orgs, &orgc) == -1) {
			perr(&p, "", "The organisations registry cannot be "
			    "read just now; try again.");
			orgs = NULL;
			orgc = 0;
		}
	}
	if (e->kind == KIND_STATEMENT)
		parse_sigs(&p, e, orgs, orgc);
	if (e->kind == KIND_EVENT)
		parse_event(&p, e, orgs, orgc);
	if (p.errc > 0)
		log_warnx("item %lld: %zu fields refused, first %s: %s",
		    e->id, p.errc, p.errs[0].field, p.errs[0].message);
	*errs = p.errs;
	return p.errc;
}

/* --- the view --- */

/* Formats an instant as a datetime-local value in UTC. */
static const char *
utc_input(struct arena *ar, time_t t)
{
	struct tm	 tm;
	char		 buf[32];

	if (t == 0 || gmtime_r(&t, &tm) == NULL)
		return "";
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M", &tm);
	return arena_strdup(ar, buf);
}

/* Formats an instant's UTC date as YYYY-MM-DD. */
static const char *
utc_date(struct arena *ar, time_t t)
{
	struct tm	 tm;
	char		 buf[16];

	if (t == 0 || gmtime_r(&t, &tm) == NULL)
		return "";
	strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
	return arena_strdup(ar, buf);
}

/*
 * The value of a form field as posted, when this request posted one, else
 * dflt: fields whose typed text does not survive parsing (times, zones,
 * the new organisation) are shown as typed.
 */
static const char *
posted(struct admin *a, const char *name, const char *dflt)
{
	const char	*v;

	if (a->formc > 0 && (v = admin_form(a, name)) != NULL)
		return v;
	return dflt != NULL ? dflt : "";
}

/* Joins strings with ", ". */
static const char *
join(struct arena *ar, const char **s, size_t n)
{
	const char	*r = "";
	size_t		 i;

	for (i = 0; i < n; i++)
		r = i == 0 ? s[i] : arena_printf(ar, "%s, %s", r, s[i]);
	return r;
}

/* An event time's local date and time in its zone. */
static void
event_local(struct arena *ar, time_t t, const char *zone, const char **date,
    const char **hm)
{
	struct tz_local	 l;

	*date = *hm = "";
	if (t == 0 || zone == NULL || tz_localtime(t, zone, &l) == -1)
		return;
	*date = arena_printf(ar, "%04d-%02d-%02d", l.year, l.month, l.day);
	*hm = arena_printf(ar, "%02d:%02d", l.hour, l.minute);
}

/* Is the item the signed-in user's own? */
static int
is_own(const struct admin *a, const struct item_edit *e)
{
	return e->author_id != 0 && e->author_id == a->user.id;
}

/*
 * May the signed-in user save this item (workflow.c decides)?  Sets *why
 * to a sentence for the editor if not.
 */
static int
may_edit(const struct admin *a, const struct item_edit *e, const char **why)
{
	*why = NULL;
	if (e->id == 0 || workflow_may_edit(a->user.role, is_own(a, e),
	    admin_may_lang(a, e->lang), e->status))
		return 1;
	switch (a->user.role) {
	case ROLE_AUTHOR:
		*why = !is_own(a, e) ? "Authors may edit only their own "
		    "items." : "Only an editor may change an item once it is "
		    "published or archived.";
		break;
	case ROLE_TRANSLATOR:
		*why = !admin_may_lang(a, e->lang) ? "You may edit only items "
		    "in your languages." : "An archived item must be restored "
		    "by an editor before it is edited.";
		break;
	default:
		*why = "Your role may not edit this item.";
		break;
	}
	return 0;
}

/*
 * The status buttons this user may use (admin_item_status_post checks
 * again): every move workflow.c allows from the item's status.
 */
static void
view_transitions(struct admin *a, struct view *v, const struct item_edit *e)
{
	enum item_status to;

	view_push(v, "transitions");
	for (to = 0; to < STATUS__MAX; to++) {
		if (to == e->status || !workflow_may_transition(a->user.role,
		    is_own(a, e), admin_may_lang(a, e->lang), e->status, to))
			continue;
		view_push(v, "to");
		view_attr(v, "status", item_status_names[to]);
		view_pop(v);
	}
	view_pop(v);
}

/* The library's files to choose from, with the item's own first. */
static void
view_files(struct admin *a, struct view *v, const struct item_edit *e)
{
	struct edit_file *f;
	size_t		 fc = 0, i, j;

	if (db_edit_files_recent(a->site->db, a->r->arena, FILES_OFFERED,
	    &f, &fc) == -1)
		fc = 0;
	view_push(v, "files");
	for (i = 0; i < e->mediac; i++) {
		if (e->media[i].media_id <= 0)
			continue;
		for (j = 0; j < i; j++)
			if (e->media[j].media_id == e->media[i].media_id)
				break;
		if (j < i)
			continue;
		view_push(v, "file");
		view_attr_int(v, "id", e->media[i].media_id);
		view_attr(v, "filename", e->media[i].filename);
		view_attr(v, "mime", e->media[i].mime);
		view_attr(v, "original-name", e->media[i].original_name);
		view_pop(v);
	}
	for (i = 0; i < fc; i++) {
		for (j = 0; j < e->mediac; j++)
			if (e->media[j].media_id == f[i].id)
				break;
		if (j < e->mediac)
			continue;
		view_push(v, "file");
		view_attr_int(v, "id", f[i].id);
		view_attr(v, "filename", f[i].filename);
		view_attr(v, "mime", f[i].mime);
		view_attr(v, "original-name", f[i].original_name);
		view_pop(v);
	}
	view_pop(v);
}

/* The rows of files, with their library text for the hints. */
static void
view_media_rows(struct admin *a, struct view *v, const struct item_edit *e)
{
	struct edit_file f;
	size_t		 i;

	view_push(v, "media-rows");
	for (i = 0; i < e->mediac + BLANK_ROWS; i++) {
		view_push(v, "row");
		view_attr_int(v, "n", (long long)i + 1);
		view_attr_int(v, "order", (long long)i + 1);
		if (i < e->mediac) {
			const struct edit_media *m = &e->media[i];

			if (m->media_id > 0)
				view_attr_int(v, "id", m->media_id);
			view_attr(v, "role", m->role < MEDIA__MAX ?
			    role_names_db[m->role] : "");
			view_attr(v, "filename", m->filename);
			view_attr(v, "mime", m->mime);
			view_attr(v, "original-name", m->original_name);
			if (m->width > 0) {
				view_attr_int(v, "width", m->width);
				view_attr_int(v, "height", m->height);
			}
			view_text(v, "alt", m->alt != NULL ? m->alt : "");
			view_text(v, "caption", m->caption != NULL ?
			    m->caption : "");
			view_text(v, "credit", m->credit != NULL ?
			    m->credit : "");
			if (m->media_id > 0 && db_edit_file_get(a->site->db,
			    a->r->arena, m->media_id, &f) == 1) {
				view_text(v, "lib-alt", f.alt);
				view_text(v, "lib-caption", f.caption);
				view_text(v, "lib-credit", f.credit);
			}
		} else
			view_attr(v, "role", e->kind == KIND_CASE_STUDY ?
			    "attachment" : e->kind == KIND_NEWS ? "gallery" :
			    "hero");
		view_pop(v);
	}
	view_pop(v);
}

/* Statements: signatory rows and the new organisation's fields. */
static void
view_sigs(struct admin *a, struct view *v, const struct item_edit *e)
{
	size_t	 i;

	view_push(v, "sig-rows");
	for (i = 0; i < e->sigc + BLANK_ROWS; i++) {
		view_push(v, "row");
		view_attr_int(v, "n", (long long)i + 1);
		view_attr_int(v, "order", (long long)i + 1);
		if (i < e->sigc) {
			if (e->sigs[i].org_id > 0)
				view_attr_int(v, "org", e->sigs[i].org_id);
			view_attr(v, "org-name", e->sigs[i].org_name);
			view_attr(v, "role", e->sigs[i].role);
			view_attr(v, "signed", utc_date(a->r->arena,
			    e->sigs[i].signed_on));
		}
		view_pop(v);
	}
	view_pop(v);
	view_push(v, "neworg");
	view_attr(v, "name", posted(a, "neworg_name", ""));
	view_attr(v, "short", posted(a, "neworg_short", ""));
	view_attr(v, "url", posted(a, "neworg_url", ""));
	view_attr(v, "role", posted(a, "neworg_role", ""));
	view_attr(v, "signed", posted(a, "neworg_signed", ""));
	view_pop(v);
}

/* Events: times in the event's zone, links, languages, speakers. */
static void
view_event(struct admin *a, struct view *v, const struct item_edit *e)
{
	struct arena	*ar = a->r->arena;
	const char	*sd, *st, *ed, *et;
	size_t		 i;

	event_local(ar, e->starts_at, e->tz, &sd, &st);
	event_local(ar, e->ends_at, e->tz, &ed, &et);
	view_push(v, "event");
	view_attr(v, "starts-date", posted(a, "starts_date", sd));
	view_attr(v, "starts-time", posted(a, "starts_time", st));
	view_attr(v, "ends-date", posted(a, "ends_date", ed));
	view_attr(v, "ends-time", posted(a, "ends_time", et));
	view_attr(v, "tz", posted(a, "tz", e->tz));
	view_attr(v, "location", e->location != NULL ? e->location : "");
	view_attr(v, "online-url", posted(a, "online_url", e->online_url));
	view_attr(v, "registration-url", posted(a, "registration_url",
	    e->registration_url));
	view_attr(v, "spoken", posted(a, "spoken",
	    join(ar, e->spoken, e->spokenc)));
	view_attr(v, "interpreted", posted(a, "interpreted",
	    join(ar, e->interpreted, e->interpretedc)));
	view_time(v, "starts-utc", e->starts_at);
	view_time(v, "ends-utc", e->ends_at);
	view_pop(v);

	view_push(v, "speaker-rows");
	for (i = 0; i < e->speakerc + BLANK_ROWS; i++) {
		view_push(v, "row");
		view_attr_int(v, "n", (long long)i + 1);
		view_attr_int(v, "order", (long long)i + 1);
		if (i < e->speakerc) {
			view_attr(v, "name", e->speakers[i].name);
			view_attr(v, "role", e->speakers[i].role);
			view_attr(v, "part", e->speakers[i].part);
			if (e->speakers[i].org_id > 0)
				view_attr_int(v, "org", e->speakers[i].org_id);
			if (e->speakers[i].is_chair)
				view_attr(v, "chair", "1");
		}
		view_pop(v);
	}
	view_pop(v);
}

/* The group's other languages, and those a translation could be made in. */
static void
view_translations(struct admin *a, struct view *v, const struct item_edit *e)
{
	const struct cfg	*cfg = a->site->cfg;
	struct edit_translation	*t = NULL;
	size_t			 tc = 0, i, j;

	if (e->id == 0)
		return;
	if (db_edit_translations(a->site->db, a->r->arena, e->group_id,
	    e->id, &t, &tc) == -1)
		tc = 0;
	view_push(v, "translations");
	for (i = 0; i < tc; i++) {
		view_push(v, "translation");
		view_attr_int(v, "id", t[i].id);
		view_attr(v, "lang", t[i].lang);
		view_attr(v, "status", t[i].status < STATUS__MAX ?
		    item_status_names[t[i].status] : "");
		view_attr(v, "slug", t[i].slug);
		view_content(v, t[i].title);
		view_pop(v);
	}
	view_pop(v);
	view_push(v, "missing-langs");
	for (i = 0; i < cfg->langc; i++) {
		if (strcmp(cfg->langs[i], e->lang) == 0 ||
		    !admin_may_lang(a, cfg->langs[i]))
			continue;
		for (j = 0; j < tc; j++)
			if (strcmp(t[j].lang, cfg->langs[i]) == 0)
				break;
		if (j < tc)
			continue;
		view_push(v, "language");
		view_attr(v, "code", cfg->langs[i]);
		view_pop(v);
	}
	view_pop(v);
	/* Existing items this one could be declared a translation of. */
	if (db_edit_link_candidates(a->site->db, a->r->arena, e->kind,
	    e->lang, &t, &tc) == -1)
		tc = 0;
	view_push(v, "link-candidates");
	for (i = 0; i < tc; i++) {
		view_push(v, "item");
		view_attr_int(v, "id", t[i].id);
		view_attr(v, "lang", t[i].lang);
		view_attr(v, "status", t[i].status < STATUS__MAX ?
		    item_status_names[t[i].status] : "");
		view_content(v, t[i].title);
		view_pop(v);
	}
	view_pop(v);
}

/* The choices: languages (new items), organisations, files, zones. */
static void
view_choices(struct admin *a, struct view *v, const struct item_edit *e)
{
	const struct cfg *cfg = a->site->cfg;
	struct edit_org	*orgs = NULL;
	size_t		 orgc = 0, i;

	view_push(v, "choices");
	view_push(v, "languages");
	for (i = 0; i < cfg->langc; i++)
		if (admin_may_lang(a, cfg->langs[i])) {
			view_push(v, "language");
			view_attr(v, "code", cfg->langs[i]);
			view_pop(v);
		}
	view_pop(v);
	if (e->kind == KIND_STATEMENT || e->kind == KIND_EVENT) {
		if (db_edit_orgs(a->site->db, a->r->arena, &orgs, &orgc) == -1)
			orgc = 0;
		view_push(v, "orgs");
		for (i = 0; i < orgc; i++) {
			view_push(v, "org");
			view_attr_int(v, "id", orgs[i].id);
			view_attr(v, "short", orgs[i].short_name);
			view_content(v, orgs[i].name);
			view_pop(v);
		}
		view_pop(v);
	}
	view_files(a, v, e);
	if (e->kind == KIND_EVENT) {
		view_push(v, "zones");
		for (i = 0; i < cfg->zonec; i++)
			if (tz_valid(cfg->zones[i]))
				view_text(v, "zone", cfg->zones[i]);
		for (i = 0; i < sizeof(zones_offered) /
		    sizeof(zones_offered[0]); i++)
			if (tz_valid(zones_offered[i]))
				view_text(v, "zone", zones_offered[i]);
		view_pop(v);
	}
	view_text(v, "media-url", cfg->media_url);
	view_pop(v);
}

void
admin_edit_view(struct admin *a, struct view *v, const struct item_edit *e,
    const struct edit_error *errs, size_t errc)
{
	struct arena	*ar = a->r->arena;
	const char	*why;
	time_t		 now = time(NULL);
	size_t		 i;

	view_push(v, "edit");
	if (e->id != 0)
		view_attr_int(v, "id", e->id);
	else
		view_attr(v, "new", "1");
	view_attr(v, "kind", e->kind < KIND__MAX ? kind_names[e->kind] : "");
	view_attr(v, "lang", e->lang);
	view_attr(v, "status", e->status < STATUS__MAX ?
	    item_status_names[e->status] : "");
	if (e->version > 0)
		view_attr_int(v, "version", e->version);
	if (may_edit(a, e, &why))
		view_attr(v, "may-edit", "1");
	else
		view_text(v, "read-only", why);
	if (admin_is_editor(a))
		view_attr(v, "may-publish", "1");
	if (e->status == STATUS_PUBLISHED && e->published_at != 0) {
		if (e->published_at <= now)
			view_attr(v, "visible", "1");
		else
			view_attr(v, "scheduled", "1");
	}
	if (e->id != 0 && e->kind < KIND__MAX)
		view_attr(v, "public-path", arena_printf(ar, "/%s/%s/%s",
		    e->lang, kind_segments[e->kind], e->slug));
	view_text(v, "title", e->title != NULL ? e->title : "");
	view_text(v, "slug", e->slug != NULL ? e->slug : "");
	view_text(v, "summary", e->summary != NULL ? e->summary : "");
	view_text(v, "body", e->body_md != NULL ? e->body_md : "");
	view_text(v, "tags", posted(a, "tags", join(ar, e->tags, e->tagc)));
	view_text(v, "hashtag", e->hashtag != NULL ? e->hashtag : "");
	view_text(v, "byline", e->byline != NULL ? e->byline : "");
	view_push(v, "published-at");
	view_attr(v, "input", admin_is_editor(a) ? posted(a, "published_at",
	    utc_input(ar, e->published_at)) : utc_input(ar, e->published_at));
	if (e->published_at != 0)
		view_time(v, "utc", e->published_at);
	view_pop(v);
	view_text(v, "entry-id", e->entry_id);
	view_time(v, "created-at", e->created_at);
	view_time(v, "updated-at", e->updated_at);

	view_media_rows(a, v, e);
	if (e->kind == KIND_STATEMENT)
		view_sigs(a, v, e);
	if (e->kind == KIND_EVENT)
		view_event(a, v, e);
	if (e->id != 0) {
		view_transitions(a, v, e);
		view_translations(a, v, e);
	}
	view_choices(a, v, e);
	view_pop(v);

	if (errc > 0) {
		view_push(v, "errors");
		for (i = 0; i < errc; i++)
			admin_field_error(v, errs[i].field, errs[i].message);
		view_pop(v);
	}
}

/* --- saving --- */

/*
 * Creates the organisation typed in the form's "new organisation" fields
 * (one of the registry's with the same name is used instead) and adds it
 * as the last signatory.  The fields are then emptied in a->form, so a
 * form shown again (a conflict) does not create it twice.  Returns 0, or
 * -1 (logged).
 */
static int
neworg_create(struct admin *a, struct item_edit *e)
{
	struct arena		*ar = a->r->arena;
	struct edit_org		*orgs;
	struct edit_signatory	*s;
	const char		*name, *shortn, *url, *v;
	size_t			 orgc, i;
	long long		 id = 0;
	int			 y, m, d;

	name = trim(ar, admin_form(a, "neworg_name"));
	if (name[0] == '\0')
		return 0;
	shortn = trim(ar, admin_form(a, "neworg_short"));
	url = trim(ar, admin_form(a, "neworg_url"));
	if (db_edit_orgs(a->site->db, ar, &orgs, &orgc) == -1)
		return -1;
	for (i = 0; i < orgc; i++)
		if (strcasecmp(orgs[i].name, name) == 0) {
			id = orgs[i].id;
			break;
		}
	if (id == 0) {
		if (db_org_create(a->site->db, name, opt(shortn), opt(url),
		    &id) == -1)
			return -1;
		admin_audit(a, "create", "organisation", id,
		    "created \"%s\" from the edit form of item %lld", name,
		    e->id);
	}
	for (i = 0; i < e->sigc; i++)
		if (e->sigs[i].org_id == id)
			break;
	if (i == e->sigc) {
		s = arena_calloc(ar, e->sigc + 2, sizeof(*s));
		if (e->sigc > 0)
			memcpy(s, e->sigs, e->sigc * sizeof(*s));
		s[e->sigc].org_id = id;
		s[e->sigc].org_name = name;
		s[e->sigc].role = trim(ar, admin_form(a, "neworg_role"));
		v = trim(ar, admin_form(a, "neworg_signed"));
		if (parse_date(v, &y, &m, &d))
			s[e->sigc].signed_on = utc_day(y, m, d, 0, 0);
		e->sigs = s;
		e->sigc++;
	}
	for (i = 0; i < a->formc; i++)
		if (strncmp(a->form[i].key, "neworg_", 7) == 0)
			a->form[i].val = "";
	return 0;
}

enum edit_result
admin_edit_save(struct admin *a, struct item_edit *e,
    long long expected_version, const char *note)
{
	const char	*base, *field;
	enum edit_result rc;
	int		 n;

	db_edit_set_host(a->site->cfg->base_url);
	if (e->kind == KIND_STATEMENT && neworg_create(a, e) == -1)
		return EDIT_ERROR;
	rc = db_edit_save(a->site->db, a->r->arena, e, expected_version,
	    a->user.id, note);
	/* A slug the editor left to us gets a number rather than an error. */
	field = admin_form(a, "slug");
	if (field != NULL && trim(a->r->arena, field)[0] != '\0')
		return rc;
	base = e->slug;
	for (n = 2; rc == EDIT_SLUG_TAKEN && n <= SLUG_TRIES; n++) {
		e->slug = arena_printf(a->r->arena, "%.*s-%d",
		    SLUG_DERIVED_MAX, base, n);
		rc = db_edit_save(a->site->db, a->r->arena, e,
		    expected_version, a->user.id, note);
	}
	if (rc != EDIT_SAVED)
		e->slug = base;
	return rc;
}

/* --- the handlers --- */

/*
 * Adds the file of "?add_media=ID&role=gallery" (where the upload page
 * sends the editor back) as a new row of e.
 */
static void
add_media_row(struct admin *a, struct item_edit *e)
{
	struct edit_file	 f;
	struct edit_media	*m;
	const char		*role;
	long long		 id;
	enum media_role		 r;

	if ((id = admin_id(admin_query(a, "add_media"))) == 0)
		return;
	if (db_edit_file_get(a->site->db, a->r->arena, id, &f) != 1) {
		log_warnx("add_media=%lld: no such file", id);
		return;
	}
	role = admin_query(a, "role");
	for (r = 0; role != NULL && r < MEDIA__MAX; r++)
		if (strcmp(role, role_names_db[r]) == 0)
			break;
	if (role == NULL || r == MEDIA__MAX)
		r = f.mime != NULL && strncmp(f.mime, "image/", 6) == 0 ?
		    (e->kind == KIND_NEWS ? MEDIA_GALLERY : MEDIA_HERO) :
		    MEDIA_ATTACHMENT;
	m = arena_calloc(a->r->arena, e->mediac + 2, sizeof(*m));
	if (e->mediac > 0)
		memcpy(m, e->media, e->mediac * sizeof(*m));
	m[e->mediac].media_id = f.id;
	m[e->mediac].role = r;
	m[e->mediac].filename = f.filename;
	m[e->mediac].mime = f.mime;
	m[e->mediac].original_name = f.original_name;
	m[e->mediac].width = f.width;
	m[e->mediac].height = f.height;
	e->media = m;
	e->mediac++;
}

int
admin_item_edit_form(struct admin *a, struct out *o)
{
	struct item_edit e;
	struct view	*v;
	int		 c;

	if ((c = db_edit_load(a->site->db, a->r->arena, a->id, &e)) == -1)
		return 500;
	if (c == 0)
		return 404;
	/* Who may not read a draft here may not read it in a preview. */
	if (!workflow_may_see(a->user.role, is_own(a, &e),
	    admin_may_lang(a, e.lang)))
		return admin_error(a, o, 403, "Authors see their own items "
		    "here, translators those in their languages.");
	add_media_row(a, &e);
	v = admin_view_new(a, "items");
	admin_edit_view(a, v, &e, NULL, 0);
	/* Partner preview links, for whoever may edit the item. */
	if (workflow_may_edit(a->user.role, e.author_id == a->user.id,
	    admin_may_lang(a, e.lang), e.status))
		admin_preview_links_view(a, v, e.id);
	return admin_render(a, "admin-edit", v, o);
}

/*
 * The conflict page: someone saved since the form was loaded.  Their
 * saved text beside mine, and my form with the version field set to
 * theirs, so that saving again is a deliberate overwrite.
 */
static int
conflict(struct admin *a, struct out *o, struct item_edit *mine)
{
	struct item_edit theirs;
	struct view	*v;
	int		 c;

	if ((c = db_edit_load(a->site->db, a->r->arena, mine->id,
	    &theirs)) == -1)
		return 500;
	if (c == 0)
		return admin_error(a, o, 404, "This item was deleted while "
		    "you were editing it.");
	log_warnx("item %lld: version %lld saved over by version %lld",
	    mine->id, mine->version, theirs.version);
	v = admin_view_new(a, "items");
	view_push(v, "conflict");
	view_attr_int(v, "mine", mine->version);
	view_attr_int(v, "theirs", theirs.version);
	view_time(v, "updated-at", theirs.updated_at);
	view_push(v, "their");
	view_text(v, "title", theirs.title);
	view_text(v, "summary", theirs.summary);
	view_text(v, "body", theirs.body_md);
	view_pop(v);
	view_pop(v);
	mine->version = theirs.version;
	admin_edit_view(a, v, mine, NULL, 0);
	a->r->resp.status = 409;
	return admin_render(a, "admin-edit", v, o);
}

int
admin_item_edit_post(struct admin *a, struct out *o)
{
	struct item_edit	 e, stored;
	struct edit_error	*errs, slugerr;
	struct view		*v;
	const char		*why;
	long long		 expected;
	size_t			 errc;
	int			 c;

	if ((c = db_edit_load(a->site->db, a->r->arena, a->id, &e)) == -1)
		return 500;
	if (c == 0)
		return admin_error(a, o, 404, "This item does not exist (any "
		    "more).");
	stored = e;
	if (!may_edit(a, &stored, &why)) {
		log_warnx("user %lld (%s) may not edit item %lld: %s",
		    a->user.id, role_names[a->user.role], e.id, why);
		return admin_error(a, o, 403, why);
	}
	if (!valid_int(admin_form(a, "version"), 1, 0xffffffffLL,
	    &expected)) {
		log_warnx("item %lld: the form has no version", e.id);
		return admin_error(a, o, 400, "The form is incomplete (its "
		    "version is missing): reload the page.");
	}

	errc = admin_edit_parse(a, &e, &errs);
	/* Neither the form nor anyone but the workflow changes these. */
	e.id = stored.id;
	e.kind = stored.kind;
	e.lang = stored.lang;
	e.status = stored.status;
	e.author_id = stored.author_id;
	e.version = expected;
	if (errc == 0) {
		switch (admin_edit_save(a, &e, expected, "")) {
		case EDIT_SAVED:
			admin_audit(a, "save", "item", e.id, "saved \"%s\" "
			    "(%s, %s), version %lld", e.title,
			    kind_names[e.kind], e.lang, e.version);
			return admin_redirect(a, arena_printf(a->r->arena,
			    "/admin/items/%lld?done=saved", e.id));
		case EDIT_CONFLICT:
			return conflict(a, o, &e);
		case EDIT_GONE:
			return admin_error(a, o, 404, "This item was deleted "
			    "while you were editing it.");
		case EDIT_SLUG_TAKEN:
			log_warnx("item %lld: slug %s taken", e.id, e.slug);
			slugerr.field = "slug";
			slugerr.message = arena_printf(a->r->arena, "Another "
			    "item of this kind in this language has the "
			    "address \"%s\", now or formerly: choose another "
			    "slug.", e.slug);
			errs = &slugerr;
			errc = 1;
			break;
		default:
			return 500;
		}
	}
	v = admin_view_new(a, "items");
	admin_edit_view(a, v, &e, errs, errc);
	a->r->resp.status = 422;
	return admin_render(a, "admin-edit", v, o);
}

/*
 * POST /admin/items/#/translation: declares the item a translation of
 * another item ("of": its id), joining that item's group, or with "of"
 * empty unlinks it from its translations (a group of its own).  Saved as
 * a revision like any edit; the pages and feeds that list translations
 * change with the group.
 */
int
admin_item_link_post(struct admin *a, struct out *o)
{
	struct item_edit	 e, target;
	struct edit_translation	*t = NULL;
	const char		*why, *of;
	long long		 version, target_id;
	size_t			 tc = 0, i;
	int			 c;

	if ((c = db_edit_load(a->site->db, a->r->arena, a->id, &e)) == -1)
		return 500;
	if (c == 0)
		return 404;
	if (!may_edit(a, &e, &why))
		return admin_error(a, o, 403, why);
	if ((version = admin_id(admin_form(a, "version"))) == 0) {
		log_warnx("item %lld: translation link without a version",
		    a->id);
		return 400;
	}
	of = admin_form(a, "of");
	if (of == NULL || of[0] == '\0') {
		if (db_edit_translations(a->site->db, a->r->arena, e.group_id,
		    e.id, &t, &tc) == -1)
			return 500;
		if (tc == 0)
			return admin_redirect(a, arena_printf(a->r->arena,
			    "/admin/items/%lld", e.id));
		e.group_id = 0;
		target_id = 0;
	} else {
		if ((target_id = admin_id(of)) == 0 || target_id == e.id) {
			log_warnx("item %lld: bad translation target \"%.20s\"",
			    a->id, of);
			return 400;
		}
		if ((c = db_edit_load(a->site->db, a->r->arena, target_id,
		    &target)) == -1)
			return 500;
		if (c == 0)
			return admin_error(a, o, 404, "There is no item with "
			    "that number.");
		if (target.kind != e.kind || strcmp(target.lang, e.lang) == 0)
			return admin_error(a, o, 422, "A translation is an item "
			    "of the same kind in another language.");
		if (db_edit_translations(a->site->db, a->r->arena,
		    target.group_id, e.id, &t, &tc) == -1)
			return 500;
		for (i = 0; i < tc; i++)
			if (strcmp(t[i].lang, e.lang) == 0)
				return admin_error(a, o, 409, arena_printf(
				    a->r->arena, "That item already has a "
				    "translation in this language (item %lld): "
				    "unlink it there first.", t[i].id));
		e.group_id = target.group_id;
	}
	switch (db_edit_save(a->site->db, a->r->arena, &e, version,
	    a->user.id, target_id != 0 ? arena_printf(a->r->arena,
	    "Linked as a translation of item %lld", target_id) :
	    "Unlinked from its translations")) {
	case EDIT_SAVED:
		break;
	case EDIT_CONFLICT:
		return admin_error(a, o, 409, "Someone saved this item after "
		    "you opened it, so nothing was changed. Reload the item "
		    "and try again.");
	case EDIT_GONE:
		return 404;
	default:
		return 500;
	}
	if (target_id != 0)
		admin_audit(a, "translation-link", "item", e.id,
		    "Linked as a translation of item %lld", target_id);
	else
		admin_audit(a, "translation-unlink", "item", e.id,
		    "Unlinked from its translations");
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/items/%lld?done=saved", e.id));
}
