/*
 * Uploads: the temporary file an upload streams into, the sniffing of its
 * type, and storing it (images re-encoded without metadata, with
 * renditions; PDFs as received).
 *
 * This module owns every file under the media directory that it writes,
 * and the only use of libmagic and libvips.  It must not trust anything
 * the client says about a file: not its name, not its Content-Type.  It
 * knows nothing of HTTP or the database; admin_media.c does.
 *
 * Files are written into MEDIA_DIR/.tmp first and then linked into
 * MEDIA_DIR under their final name, so a reader (the web server) never
 * sees half a file, and a name that exists is never overwritten.  The
 * web servers refuse paths with a dot segment, so .tmp is not served;
 * its files are mode 0600 besides.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <magic.h>
#include <sodium.h>
#include <vips/vips.h>

#include "arena.h"
#include "log.h"
#include "media.h"
#include "util.h"
#include "valid.h"

const int media_widths[MEDIA_RENDITIONS] = { 480, 960, 1600 };

/* The types we keep. */
enum	mtype {
	MT_PDF,
	MT_JPEG,
	MT_PNG,
	MT_WEBP,
	MT_GIF,
	MT__MAX
};

/* Media type (as libmagic names it) and stored extension of each. */
static const struct {
	const char	*mime;
	const char	*ext;
} mtypes[MT__MAX] = {
	{ "application/pdf", ".pdf" },	/* MT_PDF */
	{ "image/jpeg", ".jpg" },	/* MT_JPEG */
	{ "image/png", ".png" },	/* MT_PNG */
	{ "image/webp", ".webp" },	/* MT_WEBP */
	{ "image/gif", ".gif" },	/* MT_GIF */
};

static const char *const media_errs[MEDIA_ERR__MAX] = {
	"stored",					/* MEDIA_OK */
	"the file is larger than the upload limit",	/* MEDIA_ERR_SIZE */
	"the file is empty",				/* MEDIA_ERR_EMPTY */
	"not an allowed type: upload a PDF, JPEG, PNG, WebP or GIF file",
							/* MEDIA_ERR_TYPE */
	"the image could not be read, or it is too large in pixels",
							/* MEDIA_ERR_IMAGE */
	"the file could not be stored",			/* MEDIA_ERR_SYSTEM */
};

struct	media_upload {
	int			 fd;		/* temporary file, -1 if none */
	char			 dir[PATH_MAX];	/* the media directory */
	char			 tmpdir[PATH_MAX]; /* dir/.tmp */
	char			 path[PATH_MAX]; /* the temporary file */
	unsigned long long	 max;		/* limit in bytes */
	unsigned long long	 bytes;		/* written so far */
	int			 over;		/* the limit was hit */
};

/*
 * Per-process library state, made on first use (see media.h on fork).
 * Neither holds request data.
 */
static magic_t	 magic_cookie;
static int	 vips_state;	/* 0 not started, 1 ready, -1 failed */

/* Logs and clears libvips' error buffer. */
static void
vips_warn(const char *what)
{

	log_warnx("%s: %s", what, vips_error_buffer());
	vips_error_clear();
}

/*
 * Starts libvips once per process.  Untrusted loaders (ImageMagick,
 * PDFium and the like) are blocked: we name the loader of each sniffed
 * type ourselves, and nothing else should ever parse an upload.  The
 * operation cache is off, since it would keep descriptors of files that
 * are about to be removed.  Returns 0 or -1.
 */
static int
media_vips_init(void)
{

	if (vips_state == 0) {
		if (VIPS_INIT("broadside-admin") != 0) {
			vips_warn("VIPS_INIT");
			vips_state = -1;
		} else {
			vips_block_untrusted_set(TRUE);
			vips_cache_set_max(0);
			vips_state = 1;
		}
	}
	return vips_state == 1 ? 0 : -1;
}

/* Opens the magic database once per process.  Returns 0 or -1. */
static int
media_magic_init(void)
{

	if (magic_cookie != NULL)
		return 0;
	if ((magic_cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) ==
	    NULL) {
		log_warn("magic_open");
		return -1;
	}
	if (magic_load(magic_cookie, NULL) != 0) {
		log_warnx("magic_load: %s", magic_error(magic_cookie));
		magic_close(magic_cookie);
		magic_cookie = NULL;
		return -1;
	}
	return 0;
}

void
media_shutdown(void)
{

	if (magic_cookie != NULL)
		magic_close(magic_cookie);
	magic_cookie = NULL;
	if (vips_state == 1)
		vips_shutdown();
	vips_state = -1;
}

const char *
media_strerror(enum media_err e)
{

	return e < MEDIA_ERR__MAX ? media_errs[e] : "unknown error";
}

/* Joins a directory and a name.  Returns 0, or -1 if it does not fit. */
static int
join(char *buf, size_t size, const char *dir, const char *name)
{
	int	 n;

	n = snprintf(buf, size, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= size) {
		log_warnx("path too long: %s/%s", dir, name);
		return -1;
	}
	return 0;
}

#define STALE_SECONDS	(24 * 3600)	/* a temporary file this old is lost */

/*
 * Removes what a worker killed in mid-upload left in .tmp (which holds
 * nothing but our temporary files): regular files not touched for a day.
 * Once per process, at its first upload.
 */
static void
sweep_stale(const char *tmpdir)
{
	static int	 swept;
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		 path[PATH_MAX];
	time_t		 now = time(NULL);

	if (swept)
		return;
	swept = 1;
	if ((d = opendir(tmpdir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' ||
		    join(path, sizeof(path), tmpdir, de->d_name) == -1)
			continue;
		if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
		    now - st.st_mtime < STALE_SECONDS)
			continue;
		if (unlink(path) == 0)
			log_info("removed a stale upload file %s", path);
	}
	closedir(d);
}

struct media_upload *
media_upload_new(const char *dir, unsigned long long max_bytes)
{
	struct media_upload	*up;

	if ((up = calloc(1, sizeof(*up))) == NULL) {
		log_warn("calloc");
		return NULL;
	}
	up->fd = -1;
	up->max = max_bytes;
	if (dir == NULL || strlcpy_bs(up->dir, dir, sizeof(up->dir)) >=
	    sizeof(up->dir) ||
	    join(up->tmpdir, sizeof(up->tmpdir), dir, ".tmp") == -1 ||
	    join(up->path, sizeof(up->path), up->tmpdir, "up-XXXXXX") == -1)
		goto fail;
	if (mkdir(up->tmpdir, 0700) == -1 && errno != EEXIST) {
		log_warn("mkdir %s", up->tmpdir);
		goto fail;
	}
	sweep_stale(up->tmpdir);
	/* glibc and the BSDs create it 0600. */
	if ((up->fd = mkstemp(up->path)) == -1) {
		log_warn("mkstemp %s", up->path);
		goto fail;
	}
	return up;
fail:
	free(up);
	return NULL;
}

enum media_err
media_upload_write(struct media_upload *up, const void *buf, size_t len)
{
	const char	*p = buf;
	ssize_t		 n;

	if (up->fd == -1)
		return MEDIA_ERR_SYSTEM;
	if (up->over || len > up->max - up->bytes) {
		up->over = 1;
		return MEDIA_ERR_SIZE;
	}
	while (len > 0) {
		if ((n = write(up->fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			log_warn("write %s", up->path);
			return MEDIA_ERR_SYSTEM;
		}
		p += n;
		len -= (size_t)n;
		up->bytes += (unsigned long long)n;
	}
	return MEDIA_OK;
}

unsigned long long
media_upload_bytes(const struct media_upload *up)
{

	return up->bytes;
}

void
media_upload_free(struct media_upload *up)
{

	if (up == NULL)
		return;
	if (up->fd != -1) {
		close(up->fd);
		if (unlink(up->path) == -1 && errno != ENOENT)
			log_warn("unlink %s", up->path);
	}
	free(up);
}

/* Returns the allowed type libmagic sees in the file, or MT__MAX. */
static enum mtype
sniff(const char *path)
{
	const char	*m;
	enum mtype	 t;

	if ((m = magic_file(magic_cookie, path)) == NULL) {
		log_warnx("magic_file: %s", magic_error(magic_cookie));
		return MT__MAX;
	}
	for (t = 0; t < MT__MAX; t++)
		if (strcmp(m, mtypes[t].mime) == 0)
			return t;
	log_warnx("refused an upload of type %s", m);
	return MT__MAX;
}

/* Writes 32 random hex digits and the extension of t into name. */
static void
new_name(char *name, size_t size, enum mtype t)
{
	unsigned char	 rnd[MEDIA_NAME_HEX / 2];
	char		 hex[MEDIA_NAME_HEX + 1];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(name, size, "%s%s", hex, mtypes[t].ext);
}

/*
 * Publishes tmpdir/name as dir/name: readable by the web server, and
 * link(2) so that an existing file is never replaced (with 128 random
 * bits a clash means something is badly wrong, and we say so).  The
 * temporary name stays; the caller removes it.  Returns 0 or -1.
 */
static int
place(const char *tmp, const char *final)
{

	if (chmod(tmp, 0644) == -1) {
		log_warn("chmod %s", tmp);
		return -1;
	}
	if (link(tmp, final) == -1) {
		log_warn("link %s", final);
		return -1;
	}
	return 0;
}

/* Removes a file that may not exist. */
static void
remove_quiet(const char *path)
{

	if (unlink(path) == -1 && errno != ENOENT)
		log_warn("unlink %s", path);
}

/* Loads the first frame of an image of type t with its own loader. */
static int
load(enum mtype t, const char *path, VipsImage **out)
{
	int	 rc = -1;

	/*
	 * fail_on error: a truncated or corrupt file is refused rather
	 * than stored with grey where its pixels were missing.  GIF and
	 * WebP keep their first frame only: an animation becomes a still.
	 */
	switch (t) {
	case MT_JPEG:
		rc = vips_jpegload(path, out, "fail_on", VIPS_FAIL_ON_ERROR,
		    NULL);
		break;
	case MT_PNG:
		rc = vips_pngload(path, out, "fail_on", VIPS_FAIL_ON_ERROR,
		    NULL);
		break;
	case MT_WEBP:
		rc = vips_webpload(path, out, "fail_on", VIPS_FAIL_ON_ERROR,
		    NULL);
		break;
	case MT_GIF:
		rc = vips_gifload(path, out, "fail_on", VIPS_FAIL_ON_ERROR,
		    NULL);
		break;
	default:
		break;
	}
	return rc;
}

/*
 * Saves in as type t at path, with no metadata at all ("strip": the
 * libvips 8.14 of Debian 12 knows no "keep").  Returns 0 or -1.
 */
static int
save(VipsImage *in, enum mtype t, const char *path)
{
	int	 rc = -1;

	switch (t) {
	case MT_JPEG:
		rc = vips_jpegsave(in, path, "strip", TRUE, "Q", 88,
		    "optimize_coding", TRUE, NULL);
		break;
	case MT_PNG:
		rc = vips_pngsave(in, path, "strip", TRUE, NULL);
		break;
	case MT_WEBP:
		rc = vips_webpsave(in, path, "strip", TRUE, "Q", 88, NULL);
		break;
	case MT_GIF:
		rc = vips_gifsave(in, path, "strip", TRUE, NULL);
		break;
	default:
		break;
	}
	return rc;
}

/*
 * Stores an image: decodes it, turns it upright (the orientation tag
 * goes with the metadata, so the pixels must carry it), converts it to
 * sRGB if it has a colour profile (the profile is stripped too), and
 * encodes it again.  Re-encoding rather than cutting metadata segments
 * out also drops whatever else a file hides: unknown segments, bytes
 * after the end of the image, a script in a comment.  Then the
 * renditions.  Every output is written into .tmp and published at the
 * end, all or nothing.
 */
static enum media_err
store_image(struct media_upload *up, enum mtype t, struct media_stored *st)
{
	VipsImage	*img = NULL, *up_img = NULL, *srgb = NULL, *th;
	char		 tmp[MEDIA_RENDITIONS + 1][PATH_MAX];
	char		 fin[MEDIA_RENDITIONS + 1][PATH_MAX];
	char		 name[MEDIA_FILENAME_MAX];
	struct stat	 sb;
	enum media_err	 rc = MEDIA_ERR_SYSTEM;
	VipsImage	*use;
	int		 i, n = 0, placed = 0, w, h;

	if (media_vips_init() == -1)
		return MEDIA_ERR_SYSTEM;
	if (load(t, up->path, &img) != 0) {
		vips_warn("loading an upload");
		rc = MEDIA_ERR_IMAGE;
		goto out;
	}
	/* Only the header is read so far: refuse a bomb before decoding. */
	w = vips_image_get_width(img);
	h = vips_image_get_height(img);
	if (w < 1 || h < 1 || (long long)w * h > MEDIA_PIXELS_MAX) {
		log_warnx("refused an image of %dx%d pixels", w, h);
		rc = MEDIA_ERR_IMAGE;
		goto out;
	}
	if (vips_autorot(img, &up_img, NULL) != 0) {
		vips_warn("vips_autorot");
		rc = MEDIA_ERR_IMAGE;
		goto out;
	}
	use = up_img;
	if (vips_image_get_typeof(use, VIPS_META_ICC_NAME) != 0) {
		if (vips_icc_transform(use, &srgb, "srgb", "embedded", TRUE,
		    NULL) == 0)
			use = srgb;
		else
			vips_warn("vips_icc_transform (kept as it is)");
	}
	st->width = vips_image_get_width(use);
	st->height = vips_image_get_height(use);

	new_name(st->filename, sizeof(st->filename), t);
	snprintf(st->mime, sizeof(st->mime), "%s", mtypes[t].mime);
	if (join(tmp[0], sizeof(tmp[0]), up->tmpdir, st->filename) == -1 ||
	    join(fin[0], sizeof(fin[0]), up->dir, st->filename) == -1)
		goto out;
	n = 1;
	if (save(use, t, tmp[0]) != 0) {
		vips_warn("saving an upload");
		rc = MEDIA_ERR_IMAGE;
		goto out;
	}
	for (i = 0; i < MEDIA_RENDITIONS && media_widths[i] < st->width;
	    i++) {
		if (media_rendition_name(name, sizeof(name), st->filename,
		    media_widths[i]) == -1 ||
		    join(tmp[n], sizeof(tmp[n]), up->tmpdir, name) == -1 ||
		    join(fin[n], sizeof(fin[n]), up->dir, name) == -1)
			goto out;
		n++;
		if (vips_thumbnail_image(use, &th, media_widths[i],
		    "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
		    NULL) != 0) {
			vips_warn("vips_thumbnail_image");
			goto out;
		}
		if (save(th, t, tmp[n - 1]) != 0) {
			vips_warn("saving a rendition");
			g_object_unref(th);
			goto out;
		}
		g_object_unref(th);
	}
	st->renditions = n - 1;
	if (stat(tmp[0], &sb) == -1) {
		log_warn("stat %s", tmp[0]);
		goto out;
	}
	st->bytes = (long long)sb.st_size;
	for (placed = 0; placed < n; placed++)
		if (place(tmp[placed], fin[placed]) == -1)
			goto out;
	rc = MEDIA_OK;
out:
	for (i = 0; i < n; i++) {
		remove_quiet(tmp[i]);
		if (rc != MEDIA_OK && i < placed)
			remove_quiet(fin[i]);
	}
	if (srgb != NULL)
		g_object_unref(srgb);
	if (up_img != NULL)
		g_object_unref(up_img);
	if (img != NULL)
		g_object_unref(img);
	return rc;
}

/*
 * Stores a PDF as it came.  Its metadata (author, title, software) is
 * the business of whoever made the report and published it: a PDF is a
 * document its authors export on purpose, not a phone's photo that
 * records where it was taken.  Editors who need it gone clean it before
 * uploading.
 */
static enum media_err
store_pdf(struct media_upload *up, struct media_stored *st)
{
	char	 fin[PATH_MAX];

	new_name(st->filename, sizeof(st->filename), MT_PDF);
	snprintf(st->mime, sizeof(st->mime), "%s", mtypes[MT_PDF].mime);
	if (join(fin, sizeof(fin), up->dir, st->filename) == -1 ||
	    place(up->path, fin) == -1)
		return MEDIA_ERR_SYSTEM;
	st->bytes = (long long)up->bytes;
	st->width = st->height = 0;
	st->renditions = 0;
	return MEDIA_OK;
}

enum media_err
media_upload_finish(struct media_upload *up, struct media_stored *st)
{
	enum mtype	 t;
	enum media_err	 rc;

	memset(st, 0, sizeof(*st));
	if (up->fd == -1)
		return MEDIA_ERR_SYSTEM;
	if (up->over)
		rc = MEDIA_ERR_SIZE;
	else if (up->bytes == 0)
		rc = MEDIA_ERR_EMPTY;
	else if (media_magic_init() == -1 || sodium_init() < 0)
		rc = MEDIA_ERR_SYSTEM;
	else if ((t = sniff(up->path)) == MT__MAX)
		rc = MEDIA_ERR_TYPE;
	else if (t == MT_PDF)
		rc = store_pdf(up, st);
	else
		rc = store_image(up, t, st);
	if (rc != MEDIA_OK)
		memset(st, 0, sizeof(*st));
	close(up->fd);
	remove_quiet(up->path);
	up->fd = -1;
	return rc;
}

int
media_name_valid(const char *s)
{
	enum mtype	 t;
	size_t		 i;

	if (s == NULL)
		return 0;
	for (i = 0; i < MEDIA_NAME_HEX; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	for (t = 0; t < MT__MAX; t++)
		if (strcmp(s + MEDIA_NAME_HEX, mtypes[t].ext) == 0)
			return 1;
	return 0;
}

int
media_rendition_name(char *buf, size_t size, const char *filename, int w)
{
	int	 n;

	if (!media_name_valid(filename))
		return -1;
	n = snprintf(buf, size, "%.*s-%d%s", MEDIA_NAME_HEX, filename, w,
	    filename + MEDIA_NAME_HEX);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int
media_rendition_count(int width)
{
	int	 i;

	for (i = 0; i < MEDIA_RENDITIONS && media_widths[i] < width; i++)
		continue;
	return i;
}

int
media_remove(const char *dir, const char *filename)
{
	char	 name[MEDIA_FILENAME_MAX], path[PATH_MAX];
	int	 i, rc = 0;

	if (!media_name_valid(filename)) {
		log_warnx("not a stored name: %s", filename);
		return -1;
	}
	if (join(path, sizeof(path), dir, filename) == -1)
		return -1;
	if (unlink(path) == -1 && errno != ENOENT) {
		log_warn("unlink %s", path);
		rc = -1;
	}
	for (i = 0; i < MEDIA_RENDITIONS; i++) {
		if (media_rendition_name(name, sizeof(name), filename,
		    media_widths[i]) == -1 ||
		    join(path, sizeof(path), dir, name) == -1)
			return -1;
		if (unlink(path) == -1 && errno != ENOENT) {
			log_warn("unlink %s", path);
			rc = -1;
		}
	}
	return rc;
}

const char *
media_original_name(struct arena *a, const char *name)
{
	const char	*base, *p;
	char		*s;
	size_t		 chars = 0, i;

	if (name == NULL)
		return "upload";
	base = name;
	for (p = name; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	s = valid_strip_xml_invalid(a, base, strlen(base));
	/* Cut after MEDIA_ORIGINAL_MAX characters (UTF-8 lead bytes). */
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 &&
		    ++chars > MEDIA_ORIGINAL_MAX) {
			s[i] = '\0';
			break;
		}
	return s[0] == '\0' ? "upload" : s;
}
