/*
 * Importing a sample set (sample.c parsed and validated it) with the admin
 * account.  Everything happens in one transaction: a failure anywhere
 * leaves the database as it was.  Media files are the exception: they are
 * copied into the media directory under a name derived from their
 * content, so a file left by a failed import is harmless and reused by the
 * next one.
 *
 * Imported items look like items saved in the admin: body_md and the
 * sanitised body_html, a permanent entry id for published items, revision
 * 1 with a JSON snapshot, and a bump of the site generation.
 *
 * Text is stored only as XML 1.0 can carry it: characters outside its Char
 * production (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; bytes of
 * broken UTF-8) are removed from every plain-text field here (clean()),
 * as markdown_render() removes them from bodies, so no page or feed ever
 * meets one (the feed writers still refuse to emit one if it does).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <magic.h>
#include <sodium.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_import.h"
#include "db_internal.h"
#include "log.h"
#include "markdown.h"
#include "sample.h"
#include "tz.h"
#include "util.h"
#include "valid.h"

/* Accepted media types and the extension each is stored under. */
static const struct mtype {
	const char	*mime;
	const char	*ext;
} mtypes[] = {
	{ "application/pdf", "pdf" },
	{ "image/jpeg", "jpg" },
	{ "image/png", "png" },
	{ "image/webp", "webp" },
	{ "image/gif", "gif" },
};

/* Database names of enum sample_media_role (item_media.role). */
static const char *const media_roles[SAMPLE_MEDIA__MAX] = {
	"attachment",		/* SAMPLE_ATTACHMENT */
	"gallery",		/* SAMPLE_GALLERY */
	"hero",			/* SAMPLE_HERO */
};

/* A media file as stored: one per distinct source path. */
struct	mfile {
	const char	*path;		/* source */
	const char	*filename;	/* generated name in media_dir */
	const char	*mime;
	long long	 bytes;
	int		 width;		/* 0: unknown or not an image */
	int		 height;
	long long	 id;		/* media row, 0 until known */
};

/* A translation group key and the group it stands for. */
struct	group {
	const char	*key;
	long long	 id;
};

/* State of one import. */
struct	imp {
	struct db		*db;
	const struct cfg	*cfg;
	const struct sample	*s;
	struct arena		*a;
	struct import_stats	*st;
	magic_t			 magic;
	long long		*org_ids;	/* parallel to s->orgs */
	long long		*tag_ids;	/* parallel to s->tags */
	long long		*item_ids;	/* parallel to s->items, 0: new */
	struct group		*groups;
	size_t			 groupc;
	struct mfile		*files;
	size_t			 filec;
	const char		*host;		/* of base_url, for entry ids */
	int			 changed;	/* anything public written */
};

/*
 * Returns s without the characters XML 1.0 does not allow, in the import's
 * arena; NULL gives NULL.
 */
static const char *
clean(struct imp *im, const char *s)
{
	if (s == NULL)
		return NULL;
	return valid_strip_xml_invalid(im->a, s, strlen(s));
}

/*
 * Returns a copy of the item, in the import's arena, whose plain-text
 * fields have passed clean(): title, summary, byline, hashtag, the alt
 * texts, captions and credits of its files, its location and its speakers.
 * The copy is what is stored and what the revision snapshot records.
 */
static const struct sample_item *
item_clean(struct imp *im, const struct sample_item *it)
{
	struct sample_item	*c;
	struct sample_media	*m;
	struct sample_speaker	*sp;
	size_t			 i;

	c = arena_alloc(im->a, sizeof(*c));
	*c = *it;
	c->title = clean(im, it->title);
	c->summary = clean(im, it->summary);
	c->byline = clean(im, it->byline);
	c->hashtag = clean(im, it->hashtag);
	c->location = clean(im, it->location);
	m = arena_calloc(im->a, it->mediac + 1, sizeof(*m));
	for (i = 0; i < it->mediac; i++) {
		m[i] = it->media[i];
		m[i].alt = clean(im, it->media[i].alt);
		m[i].caption = clean(im, it->media[i].caption);
		m[i].credit = clean(im, it->media[i].credit);
	}
	c->media = m;
	sp = arena_calloc(im->a, it->speakerc + 1, sizeof(*sp));
	for (i = 0; i < it->speakerc; i++) {
		sp[i] = it->speakers[i];
		sp[i].name = clean(im, it->speakers[i].name);
		sp[i].role = clean(im, it->speakers[i].role);
		sp[i].part = clean(im, it->speakers[i].part);
	}
	c->speakers = sp;
	return c;
}

/* Big-endian and little-endian reads for the image headers. */
static unsigned int
be16(const unsigned char *p)
{
	return (unsigned int)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static unsigned long
le24(const unsigned char *p)
{
	return (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 | p[0];
}

static unsigned long
le32(const unsigned char *p)
{
	return (unsigned long)p[3] << 24 | le24(p);
}

/*
 * Reads an image's pixel size from its header: PNG's IHDR, JPEG's first
 * SOFn marker, GIF's screen descriptor, WebP's VP8/VP8L/VP8X chunk.
 * Leaves 0 x 0 when the header is not understood.
 */
static void
image_size(const unsigned char *b, size_t len, const char *mime, int *w,
    int *h)
{
	unsigned long	 x = 0, y = 0, bits;
	size_t		 i, seg;
	unsigned int	 m;

	if (strcmp(mime, "image/png") == 0 && len >= 24 &&
	    memcmp(b + 12, "IHDR", 4) == 0) {
		x = be32(b + 16);
		y = be32(b + 20);
	} else if (strcmp(mime, "image/gif") == 0 && len >= 10) {
		x = (unsigned long)b[6] | (unsigned long)b[7] << 8;
		y = (unsigned long)b[8] | (unsigned long)b[9] << 8;
	} else if (strcmp(mime, "image/webp") == 0 && len >= 30 &&
	    memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0) {
		if (memcmp(b + 12, "VP8 ", 4) == 0 && b[23] == 0x9d &&
		    b[24] == 0x01 && b[25] == 0x2a) {
			x = ((unsigned long)b[26] | (unsigned long)b[27] << 8) &
			    0x3fff;
			y = ((unsigned long)b[28] | (unsigned long)b[29] << 8) &
			    0x3fff;
		} else if (memcmp(b + 12, "VP8L", 4) == 0 && b[20] == 0x2f) {
			bits = le32(b + 21);
			x = (bits & 0x3fff) + 1;
			y = ((bits >> 14) & 0x3fff) + 1;
		} else if (memcmp(b + 12, "VP8X", 4) == 0) {
			x = le24(b + 24) + 1;
			y = le24(b + 27) + 1;
		}
	} else if (strcmp(mime, "image/jpeg") == 0) {
		/* Walk the markers up to the start of scan. */
		for (i = 2; i + 9 < len; ) {
			if (b[i] != 0xff)
				break;
			while (i < len && b[i] == 0xff)
				i++;
			if (i + 8 >= len)
				break;
			m = b[i++];
			if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7))
				continue;
			if (m == 0xd9 || m == 0xda)
				break;
			seg = be16(b + i);
			if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 &&
			    m != 0xcc) {
				y = be16(b + i + 3);
				x = be16(b + i + 5);
				break;
			}
			if (seg < 2)
				break;
			i += seg;
		}
	}
	if (x > 0 && y > 0 && x <= 1000000 && y <= 1000000) {
		*w = (int)x;
		*h = (int)y;
	}
}

/* Reads a whole binary file (caller frees). */
static unsigned char *
read_file(const char *path, size_t *lenp)
{
	FILE		*f;
	struct stat	 st;
	unsigned char	*buf = NULL;
	size_t		 len;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == -1 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "%s: not a regular file\n", path);
		goto out;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	len = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f) || len != (size_t)st.st_size) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		buf = NULL;
		goto out;
	}
	*lenp = len;
out:
	fclose(f);
	return buf;
}

/*
 * Writes data to dir/name unless a file of that name and size is there
 * already (names derive from contents).  Writes a temporary file and
 * renames it, so a reader never sees half a file.  Returns 1 (written),
 * 0 (present) or -1.
 */
static int
store_file(const char *dir, const char *name, const unsigned char *data,
    size_t len)
{
	struct stat	 st;
	char		 path[4096], tmp[4096];
	size_t		 off;
	ssize_t		 n;
	int		 fd = -1, rc = -1, made = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.import.XXXXXX", dir) >=
	    sizeof(tmp)) {
		fprintf(stderr, "%s: path too long\n", dir);
		goto out;
	}
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == len) {
		rc = 0;
		goto out;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		fprintf(stderr, "%s: cannot create a file: %s (is [paths] "
		    "media writable?)\n", dir, strerror(errno));
		goto out;
	}
	made = 1;
	for (off = 0; off < len; off += (size_t)n)
		if ((n = write(fd, data + off, len - off)) <= 0) {
			fprintf(stderr, "%s: write: %s\n", tmp,
			    strerror(errno));
			goto out;
		}
	if (fchmod(fd, 0644) == -1 || fsync(fd) == -1) {
		fprintf(stderr, "%s: %s\n", tmp, strerror(errno));
		goto out;
	}
	if (close(fd) == -1) {
		fd = -1;
		fprintf(stderr, "%s: %s\n", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		goto out;
	}
	rc = 1;
out:
	if (fd != -1)
		close(fd);
	if (rc == -1 && made)
		unlink(tmp);
	return rc;
}

/*
 * Sniffs, names and stores one source file, once per import.  Returns
 * the file's record, or NULL having printed why.
 */
static struct mfile *
media_file(struct imp *im, const char *path)
{
	struct mfile	*f;
	unsigned char	*data = NULL, hash[16];
	char		 hex[sizeof(hash) * 2 + 1];
	const char	*mime;
	size_t		 i, len = 0;
	int		 w, ok = 0;

	for (i = 0; i < im->filec; i++)
		if (strcmp(im->files[i].path, path) == 0)
			break;
	if (i < im->filec) {
		f = &im->files[i];
		ok = 1;
		goto out;
	}
	f = NULL;
	if ((data = read_file(path, &len)) == NULL)
		goto out;
	/* The type comes from the bytes, never from the file name. */
	if ((mime = magic_buffer(im->magic, data, len)) == NULL) {
		fprintf(stderr, "%s: cannot tell its type: %s\n", path,
		    magic_error(im->magic));
		goto out;
	}
	for (i = 0; i < sizeof(mtypes) / sizeof(mtypes[0]); i++)
		if (strcmp(mime, mtypes[i].mime) == 0)
			break;
	if (i == sizeof(mtypes) / sizeof(mtypes[0])) {
		fprintf(stderr, "%s: type %s is not accepted (PDF, JPEG, PNG, "
		    "WebP or GIF)\n", path, mime);
		goto out;
	}
	im->files = xreallocarray(im->files, im->filec + 1,
	    sizeof(*im->files));
	f = &im->files[im->filec];
	memset(f, 0, sizeof(*f));
	f->path = path;
	f->mime = mtypes[i].mime;
	f->bytes = (long long)len;
	crypto_generichash(hash, sizeof(hash), data, len, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	f->filename = arena_printf(im->a, "%s.%s", hex, mtypes[i].ext);
	image_size(data, len, f->mime, &f->width, &f->height);
	if ((w = store_file(im->cfg->media_dir, f->filename, data, len)) == -1)
		goto out;
	if (w == 1)
		im->st->media_new++;
	im->filec++;
	ok = 1;
out:
	free(data);
	return ok ? f : NULL;
}

/* Runs a one-row, one-integer lookup; 1/0/-1. */
static int
lookup_id(struct db *db, enum stmt s, struct db_params *p, long long *id,
    long long *second)
{
	struct db_row	 row;
	int		 rc;

	if (db_exec(db, s, p) == -1)
		return -1;
	rc = db_fetch(db, s, NULL, &row);
	if (rc == 1) {
		*id = row.v[0].i;
		if (second != NULL)
			*second = row.v[1].i;
	}
	db_done(db, s);
	return rc;
}

/* Inserts or updates the organisations; fills im->org_ids. */
static int
import_orgs(struct imp *im)
{
	const struct sample	*s = im->s;
	struct db_params	 p;
	size_t			 i;
	int			 rc = -1;

	im->org_ids = arena_calloc(im->a, s->orgc + 1, sizeof(long long));
	for (i = 0; i < s->orgc; i++) {
		db_params_init(&p);
		db_param_str(&p, s->orgs[i].slug);
		db_param_str(&p, clean(im, s->orgs[i].name));
		db_param_str(&p, clean(im, s->orgs[i].short_name));
		db_param_str(&p, s->orgs[i].url);
		if (db_exec(im->db, STMT_ORG_UPSERT, &p) == -1)
			goto fail;
		if (db_affected(im->db, STMT_ORG_UPSERT) > 0)
			im->changed = 1;
		db_done(im->db, STMT_ORG_UPSERT);
		db_params_init(&p);
		db_param_str(&p, s->orgs[i].slug);
		if (lookup_id(im->db, STMT_ORG_ID, &p, &im->org_ids[i],
		    NULL) != 1)
			goto fail;
	}
	im->st->orgs = s->orgc;
	rc = 0;
fail:
	if (rc == -1)
		fprintf(stderr, "organisations.txt: cannot write \"%s\": "
		    "%s\n", s->orgs[i].slug, im->db->lasterr);
	return rc;
}

/* Inserts or updates the tags; fills im->tag_ids. */
static int
import_tags(struct imp *im)
{
	const struct sample	*s = im->s;
	struct db_params	 p;
	size_t			 i;
	int			 rc = -1;

	im->tag_ids = arena_calloc(im->a, s->tagc + 1, sizeof(long long));
	for (i = 0; i < s->tagc; i++) {
		db_params_init(&p);
		db_param_str(&p, s->tags[i].lang);
		db_param_str(&p, s->tags[i].slug);
		db_param_str(&p, clean(im, s->tags[i].name));
		if (db_exec(im->db, STMT_TAG_UPSERT, &p) == -1)
			goto fail;
		if (db_affected(im->db, STMT_TAG_UPSERT) > 0)
			im->changed = 1;
		db_done(im->db, STMT_TAG_UPSERT);
		db_params_init(&p);
		db_param_str(&p, s->tags[i].lang);
		db_param_str(&p, s->tags[i].slug);
		if (lookup_id(im->db, STMT_TAG_ID, &p, &im->tag_ids[i],
		    NULL) != 1)
			goto fail;
	}
	im->st->tags = s->tagc;
	rc = 0;
fail:
	if (rc == -1)
		fprintf(stderr, "tags.txt: cannot write %s/%s: %s\n",
		    s->tags[i].lang, s->tags[i].slug, im->db->lasterr);
	return rc;
}

static long long
org_id(const struct imp *im, const char *slug)
{
	size_t	 i;

	for (i = 0; i < im->s->orgc; i++)
		if (strcmp(im->s->orgs[i].slug, slug) == 0)
			return im->org_ids[i];
	return 0;
}

static long long
tag_id(const struct imp *im, const char *lang, const char *slug)
{
	size_t	 i;

	for (i = 0; i < im->s->tagc; i++)
		if (strcmp(im->s->tags[i].lang, lang) == 0 &&
		    strcmp(im->s->tags[i].slug, slug) == 0)
			return im->tag_ids[i];
	return 0;
}

/* Returns the group of a key, or NULL. */
static struct group *
group_find(struct imp *im, const char *key)
{
	size_t	 i;

	for (i = 0; i < im->groupc; i++)
		if (strcmp(im->groups[i].key, key) == 0)
			return &im->groups[i];
	return NULL;
}

static void
group_add(struct imp *im, const char *key, long long id)
{
	struct group	*g;

	/* Capacity doubles at powers of two, from 8 (as sample.c's grow). */
	g = im->groups;
	if (im->groupc == 0)
		g = arena_calloc(im->a, 8, sizeof(*g));
	else if (im->groupc >= 8 && (im->groupc & (im->groupc - 1)) == 0) {
		g = arena_calloc(im->a, im->groupc * 2, sizeof(*g));
		memcpy(g, im->groups, im->groupc * sizeof(*g));
	}
	g[im->groupc].key = key;
	g[im->groupc].id = id;
	im->groups = g;
	im->groupc++;
}

/*
 * Finds the items that exist already; their groups are reused by new
 * translations of the same group key.
 */
static int
find_existing(struct imp *im)
{
	const struct sample	*s = im->s;
	struct db_params	 p;
	long long		 id = 0, gid = 0;
	size_t			 i;
	int			 c;

	im->item_ids = arena_calloc(im->a, s->itemc + 1, sizeof(long long));
	for (i = 0; i < s->itemc; i++) {
		db_params_init(&p);
		db_param_str(&p, s->items[i].lang);
		db_param_str(&p, kind_names[s->items[i].kind]);
		db_param_str(&p, s->items[i].slug);
		if ((c = lookup_id(im->db, STMT_ITEM_FIND, &p, &id,
		    &gid)) == -1)
			return -1;
		if (c == 0)
			continue;
		im->item_ids[i] = id;
		if (s->items[i].group != NULL &&
		    group_find(im, s->items[i].group) == NULL)
			group_add(im, s->items[i].group, gid);
	}
	return 0;
}

/* Formats an instant as RFC 3339 UTC into the arena; -1 gives NULL. */
static const char *
iso(struct imp *im, time_t t)
{
	char	 buf[32];

	if (t == (time_t)-1)
		return NULL;
	tz_format_rfc3339(t, buf, sizeof(buf));
	return arena_strdup(im->a, buf);
}

/* Sets key to a string, or JSON null for NULL. */
static void
jset(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, v != NULL ? json_string(v) : json_null());
}

/*
 * The revision snapshot: every field of the item as imported, as JSON
 * (caller frees with free()).
 */
static char *
snapshot(struct imp *im, const struct sample_item *it, long long id,
    const char *entry_id, time_t starts, time_t ends)
{
	json_t	*o, *arr, *e, *sp;
	char	*out;
	size_t	 i;

	o = json_object();
	json_object_set_new(o, "id", json_integer(id));
	jset(o, "kind", kind_names[it->kind]);
	jset(o, "lang", it->lang);
	jset(o, "group", it->group);
	jset(o, "slug", it->slug);
	jset(o, "title", it->title);
	jset(o, "summary", it->summary);
	json_object_set_new(o, "body_md",
	    json_stringn(it->body, it->bodylen));
	jset(o, "hashtag", it->hashtag);
	jset(o, "byline", it->byline);
	jset(o, "status", it->status);
	jset(o, "published_at", iso(im, it->published));
	jset(o, "entry_id", entry_id);
	arr = json_array();
	for (i = 0; i < it->tagc; i++)
		json_array_append_new(arr, json_string(it->tags[i]));
	json_object_set_new(o, "tags", arr);
	arr = json_array();
	for (i = 0; i < it->sigc; i++) {
		e = json_object();
		jset(e, "org", it->sigs[i].org);
		jset(e, "role", it->sigs[i].role);
		jset(e, "signed_on", it->sigs[i].signed_on == (time_t)-1 ?
		    NULL : iso(im, it->sigs[i].signed_on));
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "signatories", arr);
	arr = json_array();
	for (i = 0; i < it->mediac; i++) {
		e = json_object();
		jset(e, "role", media_roles[it->media[i].role]);
		jset(e, "file", it->media[i].file);
		jset(e, "alt", it->media[i].alt);
		jset(e, "caption", it->media[i].caption);
		jset(e, "credit", it->media[i].credit);
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "media", arr);
	if (it->kind == KIND_EVENT) {
		e = json_object();
		jset(e, "starts_at", iso(im, starts));
		jset(e, "ends_at", iso(im, ends));
		jset(e, "tz", it->zone);
		jset(e, "location", it->location);
		jset(e, "online_url", it->online);
		jset(e, "registration_url", it->registration);
		arr = json_array();
		for (i = 0; i < it->spokenc; i++)
			json_array_append_new(arr, json_string(it->spoken[i]));
		json_object_set_new(e, "spoken", arr);
		arr = json_array();
		for (i = 0; i < it->interpc; i++)
			json_array_append_new(arr, json_string(it->interp[i]));
		json_object_set_new(e, "interpretation", arr);
		arr = json_array();
		for (i = 0; i < it->speakerc; i++) {
			sp = json_object();
			jset(sp, "name", it->speakers[i].name);
			jset(sp, "role", it->speakers[i].role);
			jset(sp, "org", it->speakers[i].org);
			jset(sp, "part", it->speakers[i].part);
			json_object_set_new(sp, "chair",
			    json_boolean(it->speakers[i].is_chair));
			json_array_append_new(arr, sp);
		}
		json_object_set_new(e, "speakers", arr);
		json_object_set_new(o, "event", e);
	}
	out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return out;
}

/* The event row, its languages and its speakers. */
static int
import_event(struct imp *im, const struct sample_item *it, long long id,
    time_t starts, time_t ends)
{
	struct db_params	 p;
	long long		 oid;
	size_t			 i;
	int			 spoken, rc = -1;

	db_params_init(&p);
	db_param_int(&p, id);
	db_param_time(&p, starts);
	db_param_time(&p, ends);
	db_param_str(&p, it->zone);
	db_param_str(&p, it->location);
	db_param_str(&p, it->online);
	db_param_str(&p, it->registration);
	if (db_run(im->db, STMT_EVENT_INSERT, &p) == -1)
		goto out;
	for (i = 0; i < it->spokenc + it->interpc; i++) {
		spoken = i < it->spokenc;
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_str(&p, spoken ? it->spoken[i] :
		    it->interp[i - it->spokenc]);
		db_param_str(&p, spoken ? "spoken" : "interpretation");
		db_param_int(&p, (long long)(spoken ? i : i - it->spokenc) + 1);
		if (db_run(im->db, STMT_EVENT_LANGUAGE_INSERT, &p) == -1)
			goto out;
	}
	for (i = 0; i < it->speakerc; i++) {
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_int(&p, (long long)i + 1);
		db_param_str(&p, it->speakers[i].name);
		db_param_str(&p, it->speakers[i].role);
		db_param_str(&p, it->speakers[i].part);
		oid = it->speakers[i].org != NULL ?
		    org_id(im, it->speakers[i].org) : 0;
		if (oid > 0)
			db_param_int(&p, oid);
		else
			db_param_null(&p);
		db_param_int(&p, it->speakers[i].is_chair);
		if (db_run(im->db, STMT_SPEAKER_INSERT, &p) == -1)
			goto out;
	}
	rc = 0;
out:
	return rc;
}

/* The item's files: stored, recorded once, attached in order. */
static int
import_media(struct imp *im, const struct sample_item *it, long long id)
{
	const struct sample_media *m;
	struct db_params	 p;
	struct mfile		*f;
	int			 pos[SAMPLE_MEDIA__MAX] = { 0 }, rc = -1;
	size_t			 i;

	for (i = 0; i < it->mediac; i++) {
		m = &it->media[i];
		if ((f = media_file(im, m->path)) == NULL)
			goto out;
		if (f->id == 0) {
			db_params_init(&p);
			db_param_str(&p, f->filename);
			if (lookup_id(im->db, STMT_MEDIA_FIND, &p, &f->id,
			    NULL) == -1)
				goto out;
		}
		if (f->id == 0) {
			/* The first use also gives the file its own text. */
			db_params_init(&p);
			db_param_str(&p, f->filename);
			db_param_str(&p, m->file);
			db_param_str(&p, f->mime);
			db_param_int(&p, f->bytes);
			if (f->width > 0) {
				db_param_int(&p, f->width);
				db_param_int(&p, f->height);
			} else {
				db_param_null(&p);
				db_param_null(&p);
			}
			db_param_str(&p, m->alt);
			db_param_str(&p, m->caption);
			db_param_str(&p, m->credit);
			if (db_exec(im->db, STMT_MEDIA_INSERT, &p) == -1)
				goto out;
			f->id = db_insert_id(im->db, STMT_MEDIA_INSERT);
			db_done(im->db, STMT_MEDIA_INSERT);
		}
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_int(&p, f->id);
		db_param_str(&p, media_roles[m->role]);
		db_param_int(&p, ++pos[m->role]);
		db_param_str(&p, m->alt[0] != '\0' ? m->alt : NULL);
		db_param_str(&p, m->caption[0] != '\0' ? m->caption : NULL);
		db_param_str(&p, m->credit[0] != '\0' ? m->credit : NULL);
		if (db_run(im->db, STMT_ITEM_MEDIA_INSERT, &p) == -1)
			goto out;
	}
	rc = 0;
out:
	return rc;
}

/*
 * Converts an event's wall-clock time in its zone to UTC.  A time that
 * does not exist (skipped by a daylight-saving change) is read as RFC 5545
 * reads it, with the offset from before the gap, which is the same
 * instant as the wall time one hour later; a warning says so.  Returns 0
 * or -1 (printed).
 */
static int
wall_to_utc(const struct sample_item *it, const char *what,
    const struct sample_wall *w, time_t *t)
{
	int	 rc = -1;

	if (tz_to_utc(it->zone, w->year, w->month, w->day, w->hour,
	    w->minute, t) == 0)
		rc = 0;
	else if (w->hour < 23 && tz_to_utc(it->zone, w->year, w->month,
	    w->day, w->hour + 1, w->minute, t) == 0) {
		fprintf(stderr, "%s: warning: %s %04d-%02d-%02d %02d:%02d does "
		    "not exist in %s (clocks go forward); read with the "
		    "offset before the change\n", it->file, what, w->year,
		    w->month, w->day, w->hour, w->minute, it->zone);
		rc = 0;
	} else
		fprintf(stderr, "%s: %s %04d-%02d-%02d %02d:%02d cannot be "
		    "converted from %s to UTC\n", it->file, what, w->year,
		    w->month, w->day, w->hour, w->minute, it->zone);
	return rc;
}

/* Writes one new item with everything it carries. */
static int
import_item(struct imp *im, const struct sample_item *it)
{
	struct db_params	 p;
	struct group		*g;
	struct tm		 tm;
	char			*html = NULL, *snap = NULL, date[16];
	const char		*entry_id = NULL;
	long long		 id = 0, gid = 0, tid;
	time_t			 starts = (time_t)-1, ends = (time_t)-1;
	size_t			 i;
	int			 rc = -1;

	it = item_clean(im, it);
	if (it->kind == KIND_EVENT &&
	    (wall_to_utc(it, "Starts", &it->starts, &starts) == -1 ||
	     wall_to_utc(it, "Ends", &it->ends, &ends) == -1))
		goto out;
	if ((html = markdown_render(it->body, it->bodylen)) == NULL) {
		fprintf(stderr, "%s: cannot render the body\n", it->file);
		goto out;
	}

	/* Its translation group: the key's, or a new one. */
	g = it->group != NULL ? group_find(im, it->group) : NULL;
	if (g != NULL)
		gid = g->id;
	else {
		if (db_exec(im->db, STMT_GROUP_INSERT, NULL) == -1)
			goto fail;
		gid = db_insert_id(im->db, STMT_GROUP_INSERT);
		db_done(im->db, STMT_GROUP_INSERT);
		if (it->group != NULL)
			group_add(im, it->group, gid);
	}

	db_params_init(&p);
	db_param_str(&p, kind_names[it->kind]);
	db_param_str(&p, it->lang);
	db_param_int(&p, gid);
	db_param_str(&p, it->slug);
	db_param_str(&p, it->title);
	db_param_str(&p, it->summary);
	db_param_strn(&p, it->body, it->bodylen);
	db_param_str(&p, html);
	db_param_str(&p, it->hashtag);
	db_param_str(&p, it->byline);
	db_param_str(&p, it->status);
	db_param_time(&p, it->published);
	db_param_time(&p, it->published);
	if (db_exec(im->db, STMT_ITEM_INSERT, &p) == -1)
		goto fail;
	id = db_insert_id(im->db, STMT_ITEM_INSERT);
	db_done(im->db, STMT_ITEM_INSERT);

	/*
	 * The permanent entry id, minted at publication: the site's host,
	 * the date of publication and the item id never change.
	 */
	if (strcmp(it->status, "published") == 0) {
		gmtime_r(&it->published, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		entry_id = arena_printf(im->a, "tag:%s,%s:%lld", im->host,
		    date, id);
		db_params_init(&p);
		db_param_str(&p, entry_id);
		db_param_int(&p, id);
		if (db_run(im->db, STMT_ITEM_SET_ENTRY_ID, &p) == -1)
			goto fail;
	}

	for (i = 0; i < it->tagc; i++) {
		if ((tid = tag_id(im, it->lang, it->tags[i])) == 0)
			goto fail;
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_int(&p, tid);
		if (db_run(im->db, STMT_ITEM_TAG_INSERT, &p) == -1)
			goto fail;
	}
	for (i = 0; i < it->sigc; i++) {
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_int(&p, org_id(im, it->sigs[i].org));
		db_param_str(&p, it->sigs[i].role);
		db_param_date(&p, it->sigs[i].signed_on);
		db_param_int(&p, (long long)i + 1);
		if (db_run(im->db, STMT_SIGNATORY_INSERT, &p) == -1)
			goto fail;
	}
	if (it->kind == KIND_EVENT &&
	    import_event(im, it, id, starts, ends) == -1)
		goto fail;
	if (import_media(im, it, id) == -1)
		goto fail;

	/* Every write leaves a revision. */
	if ((snap = snapshot(im, it, id, entry_id, starts, ends)) == NULL) {
		fprintf(stderr, "%s: cannot make the revision snapshot\n",
		    it->file);
		goto out;
	}
	db_params_init(&p);
	db_param_int(&p, id);
	db_param_int(&p, 1);
	db_param_str(&p, "imported");
	db_param_str(&p, snap);
	if (db_run(im->db, STMT_REVISION_INSERT, &p) == -1)
		goto fail;
	im->st->items++;
	im->changed = 1;
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "%s: cannot import: %s\n", it->file,
	    im->db->lasterr[0] != '\0' ? im->db->lasterr : "see above");
out:
	free(html);
	free(snap);
	return rc;
}

/* The host of the base URL, lowercased, without port: for tag: URIs. */
static const char *
url_host(struct arena *a, const char *url)
{
	const char	*h, *e;
	char		*s;
	size_t		 i;

	h = strstr(url, "://");
	h = h != NULL ? h + 3 : url;
	for (e = h; *e != '\0' && *e != '/' && *e != ':'; e++)
		continue;
	s = arena_strndup(a, h, (size_t)(e - h));
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
	return s;
}

/* Checks the languages of items and tags against the languages table. */
static int
check_languages(struct imp *im)
{
	struct language	*l;
	size_t		 n, i, j;
	const char	*lang, *what;
	int		 rc = 0;

	if (db_language_list(im->db, im->a, &l, &n) == -1)
		return -1;
	for (i = 0; i < im->s->itemc + im->s->tagc; i++) {
		if (i < im->s->itemc) {
			lang = im->s->items[i].lang;
			what = im->s->items[i].file;
		} else {
			lang = im->s->tags[i - im->s->itemc].lang;
			what = "tags.txt";
		}
		for (j = 0; j < n; j++)
			if (strcmp(l[j].code, lang) == 0)
				break;
		if (j == n) {
			fprintf(stderr, "%s: language %s is not in the "
			    "languages table\n", what, lang);
			rc = -1;
		}
	}
	return rc;
}

int
db_import_sample(struct db *db, const struct cfg *cfg,
    const struct sample *s, struct import_stats *st)
{
	struct imp		 im;
	struct db_params	 p;
	char			*detail = NULL;
	size_t			 i;
	int			 rc = -1, tx = 0;

	memset(st, 0, sizeof(*st));
	memset(&im, 0, sizeof(im));
	im.db = db;
	im.cfg = cfg;
	im.s = s;
	im.st = st;
	im.a = arena_new();
	im.host = url_host(im.a, cfg->base_url);
	if (sodium_init() == -1) {
		fprintf(stderr, "libsodium cannot start\n");
		goto out;
	}
	if ((im.magic = magic_open(MAGIC_MIME_TYPE)) == NULL ||
	    magic_load(im.magic, NULL) == -1) {
		fprintf(stderr, "libmagic: %s\n", im.magic != NULL ?
		    magic_error(im.magic) : strerror(errno));
		goto out;
	}
	if (check_languages(&im) == -1)
		goto out;

	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	if (import_orgs(&im) == -1 || import_tags(&im) == -1 ||
	    find_existing(&im) == -1)
		goto out;
	for (i = 0; i < s->itemc; i++) {
		if (im.item_ids[i] != 0) {
			st->skipped++;
			continue;
		}
		if (import_item(&im, &s->items[i]) == -1)
			goto out;
	}

	/* One audit row for the whole import. */
	detail = arena_printf(im.a, "%s: %zu items imported, %zu skipped, "
	    "%zu organisations, %zu tags, %zu new media files", s->dir,
	    st->items, st->skipped, st->orgs, st->tags, st->media_new);
	db_params_init(&p);
	db_param_str(&p, "import");
	db_param_str(&p, "sample");
	db_param_null(&p);
	db_param_str(&p, detail);
	if (db_run(db, STMT_AUDIT_INSERT, &p) == -1)
		goto out;
	if (im.changed && db_run(db, STMT_GENERATION_BUMP, NULL) == -1)
		goto out;
	if (db_tx_commit(db) == -1) {
		tx = 0;
		fprintf(stderr, "commit failed: %s\n", db->lasterr);
		goto out;
	}
	tx = 0;
	rc = 0;
out:
	if (tx) {
		db_tx_rollback(db);
		fprintf(stderr, "import rolled back: the database is unchanged\n");
	}
	if (im.magic != NULL)
		magic_close(im.magic);
	free(im.files);
	arena_free(im.a);
	return rc;
}
