/*
 * The media library's pages: uploading a file, the library with every
 * file and how many items use it, and editing a file's own alt text,
 * caption and credit.
 *
 * An upload is the one POST whose body admin.c does not read: it is
 * multipart/form-data of up to [admin] max_upload_mb, streamed through
 * the multipart parser into media.c's temporary file, never held in
 * memory.  So this file checks the CSRF token itself, and before any
 * file byte is written: the form's first field must be "_csrf".
 *
 * Who may do what: anyone signed in uploads and sees the library; a
 * file's texts are changed by editors, administrators and whoever
 * uploaded it.  Files are never deleted here: items may point at them,
 * and a picture taken down from the public site is unpublished with its
 * item.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_media.h"
#include "log.h"
#include "media.h"
#include "multipart.h"
#include "valid.h"
#include "view.h"

#define LIBRARY_PAGE	30		/* files per library page */
#define UPLOAD_SLACK	1000000ULL	/* form fields and part headers */
#define UPLOAD_FIELD	16384		/* bytes of one text field */
#define UPLOAD_CHUNK	65536		/* bytes read at a time */

/* Database and form names of enum media_role. */
static const char *const role_names_m[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

/* The text fields of the upload form, besides the file. */
enum	ufield {
	UF_CSRF,		/* _csrf: first of all */
	UF_ALT,
	UF_CAPTION,
	UF_CREDIT,
	UF_ITEM,		/* uploading from an item's edit form */
	UF_ROLE,		/* and for which of its uses */
	UF__MAX
};

static const char *const ufield_names[UF__MAX] = {
	ADMIN_CSRF_FIELD,	/* UF_CSRF */
	"alt",			/* UF_ALT */
	"caption",		/* UF_CAPTION */
	"credit",		/* UF_CREDIT */
	"item",			/* UF_ITEM */
	"role",			/* UF_ROLE */
};

/* One validation message of a form. */
struct	ferr {
	const char	*field;
	const char	*message;
};

/* What the upload form carried, for a page shown again. */
struct	uform {
	const char	*val[UF__MAX];	/* text fields, NULL if absent */
	long long	 item;		/* 0: not from an item */
	int		 role;		/* MEDIA__MAX: none */
	struct ferr	 err[4];
	size_t		 errc;
};

/* The multipart parser's callbacks' state: one upload. */
struct	upload {
	struct admin	*a;
	struct uform	*f;
	struct media_upload *sink;	/* the file, NULL before its part */
	unsigned long long limit;	/* bytes of a file */
	int		 csrf_ok;	/* a valid _csrf part has ended */
	int		 cur;		/* the open part's field, or UF__MAX */
	int		 in_file;	/* the open part is the file */
	int		 files;		/* file parts with a name */
	const char	*filename;	/* the client's, for the record */
	const char	*claimed;	/* the client's Content-Type */
	char		 buf[UPLOAD_FIELD]; /* the open text field */
	size_t		 len;
	int		 status;	/* why a callback stopped the parse */
};

/* "12.3 MB": sizes as the library shows them (decimal units). */
static const char *
human_size(struct arena *ar, long long n)
{

	if (n < 1000)
		return arena_printf(ar, "%lld byte%s", n, n == 1 ? "" : "s");
	if (n < 1000000)
		return arena_printf(ar, "%.0f kB", n / 1e3);
	return arena_printf(ar, "%.1f MB", n / 1e6);
}

/* The URL of a stored file or one of its renditions (w 0: itself). */
static const char *
file_href(struct admin *a, const char *filename, int w)
{
	char	 name[MEDIA_FILENAME_MAX];

	if (w > 0 && media_rendition_name(name, sizeof(name), filename,
	    w) == 0)
		filename = name;
	return arena_printf(a->r->arena, "%s/%s", a->site->cfg->media_url,
	    filename);
}

/* Adds <file> with the attributes both pages show. */
static void
file_view(struct admin *a, struct view *v, const struct media_file *f)
{
	int	 image;

	image = strncmp(f->mime, "image/", 6) == 0 && f->width > 0;
	view_push(v, "file");
	view_attr_int(v, "id", f->id);
	view_attr(v, "href", file_href(a, f->filename, 0));
	view_attr(v, "kind", image ? "image" : "document");
	if (image) {
		/*
		 * The smallest rendition, or the image itself when it has
		 * none (small, or imported rather than uploaded).
		 */
		view_attr(v, "thumb", file_href(a, f->filename,
		    f->renditions > 0 ? media_widths[0] : 0));
		view_attr(v, "preview", file_href(a, f->filename,
		    f->renditions > 1 ? media_widths[1] : 0));
		view_attr_int(v, "width", f->width);
		view_attr_int(v, "height", f->height);
	}
	view_attr(v, "filename", f->filename);
	view_attr(v, "mime", f->mime);
	view_attr_int(v, "bytes", f->bytes);
	view_attr(v, "size", human_size(a->r->arena, f->bytes));
	view_attr_int(v, "uses", f->uses);
	view_attr(v, "may-edit", admin_is_editor(a) ||
	    (f->uploaded_by != 0 && f->uploaded_by == a->user.id) ?
	    "1" : NULL);
	view_text(v, "name", f->original_name);
	view_text(v, "alt", f->alt);
	view_text(v, "caption", f->caption);
	view_text(v, "credit", f->credit);
	view_text(v, "uploader", f->uploader);
	view_time(v, "created", f->created_at);
	view_time(v, "updated", f->updated_at);
	view_pop(v);
}

/* Adds <errors> with each message, if there are any. */
static void
errors_view(struct view *v, const struct ferr *err, size_t errc)
{
	size_t	 i;

	if (errc == 0)
		return;
	view_push(v, "errors");
	for (i = 0; i < errc; i++)
		admin_field_error(v, err[i].field, err[i].message);
	view_pop(v);
}

static void
form_error(struct uform *f, const char *field, const char *message)
{

	if (f->errc < sizeof(f->err) / sizeof(f->err[0])) {
		f->err[f->errc].field = field;
		f->err[f->errc].message = message;
		f->errc++;
	}
}

/*
 * The library page: the upload form (with f's values and errors, when
 * an upload is shown again) and one page of files.  status is the
 * response's (200, or the upload's 4xx).  Returns as a handler.
 */
static int
library_render(struct admin *a, struct out *o, int status,
    const struct uform *f)
{
	struct media_file *files = NULL;
	struct view	*v;
	size_t		 i, n = 0;
	long long	 pageno = 1, total = 0, pages;
	const char	*q;

	if ((q = admin_query(a, "page")) != NULL &&
	    !valid_int(q, 1, 1000000, &pageno)) {
		log_warnx("media library: bad page %s", q);
		return 400;
	}
	if (db_media_list(a->site->db, a->r->arena, LIBRARY_PAGE,
	    (pageno - 1) * LIBRARY_PAGE, &files, &n, &total) == -1)
		return 500;
	pages = total > 0 ? (total + LIBRARY_PAGE - 1) / LIBRARY_PAGE : 1;

	v = admin_view_new(a, "media");
	view_push(v, "media-library");
	view_attr_int(v, "page", pageno);
	view_attr_int(v, "pages", pages);
	view_attr_int(v, "total", total);
	view_attr_int(v, "max-mb", a->site->cfg->max_upload_mb);

	view_push(v, "upload");
	if (f->item > 0) {
		view_attr_int(v, "item", f->item);
		if (f->role < MEDIA__MAX)
			view_attr(v, "role", role_names_m[f->role]);
	}
	view_text(v, "alt", f->val[UF_ALT]);
	view_text(v, "caption", f->val[UF_CAPTION]);
	view_text(v, "credit", f->val[UF_CREDIT]);
	errors_view(v, f->err, f->errc);
	view_pop(v);

	for (i = 0; i < n; i++)
		file_view(a, v, &files[i]);
	view_pop(v);
	a->r->resp.status = status;
	return admin_render(a, "admin-media", v, o);
}

/* Reads ?item=&role= (a link from an item's edit form) into f. */
static void
uform_from_query(struct admin *a, struct uform *f)
{
	const char	*role;
	int		 r;

	memset(f, 0, sizeof(*f));
	f->role = MEDIA__MAX;
	f->item = admin_id(admin_query(a, "item"));
	role = admin_query(a, "role");
	for (r = 0; r < MEDIA__MAX && f->item > 0; r++)
		if (role != NULL && strcmp(role, role_names_m[r]) == 0)
			f->role = r;
}

int
admin_media_list(struct admin *a, struct out *o)
{
	struct uform	 f;

	uform_from_query(a, &f);
	return library_render(a, o, 200, &f);
}

/*
 * Multipart callbacks.  Each returns non-zero to stop the parse, having
 * set u->status.
 */
static int
up_begin(void *arg, const char *name, const char *filename,
    const char *ctype)
{
	struct upload	*u = arg;
	int		 i;

	u->cur = UF__MAX;
	u->in_file = 0;
	u->len = 0;
	/*
	 * Nothing is accepted before the token: a forged form cannot make
	 * us write a single byte to disk.
	 */
	if (!u->csrf_ok && strcmp(name, ADMIN_CSRF_FIELD) != 0) {
		log_warnx("upload refused: part \"%s\" before a valid CSRF "
		    "token (user %s)", name, u->a->user.login);
		u->status = 403;
		return -1;
	}
	if (strcmp(name, "file") == 0 && filename != NULL) {
		/* A file input left empty sends an empty filename. */
		if (filename[0] == '\0')
			return 0;
		if (++u->files > 1) {
			log_warnx("upload refused: more than one file");
			u->status = 400;
			return -1;
		}
		if ((u->sink = media_upload_new(u->a->site->cfg->media_dir,
		    u->limit)) == NULL) {
			u->status = 500;
			return -1;
		}
		u->filename = media_original_name(u->a->r->arena, filename);
		u->claimed = ctype != NULL ? arena_strdup(u->a->r->arena,
		    ctype) : NULL;
		u->in_file = 1;
		return 0;
	}
	if (filename != NULL)
		return 0;	/* a file under another name: ignored */
	for (i = 0; i < UF__MAX; i++)
		if (strcmp(name, ufield_names[i]) == 0)
			u->cur = i;
	return 0;
}

static int
up_data(void *arg, const void *buf, size_t len)
{
	struct upload	*u = arg;

	if (u->in_file) {
		switch (media_upload_write(u->sink, buf, len)) {
		case MEDIA_OK:
			return 0;
		case MEDIA_ERR_SIZE:
			log_warnx("upload refused: over %llu bytes",
			    u->limit);
			u->status = 413;
			return -1;
		default:
			u->status = 500;
			return -1;
		}
	}
	if (u->cur == UF__MAX)
		return 0;	/* a field we do not know: dropped */
	if (len > sizeof(u->buf) - 1 - u->len) {
		log_warnx("upload refused: field %s too long",
		    ufield_names[u->cur]);
		u->status = 400;
		return -1;
	}
	memcpy(u->buf + u->len, buf, len);
	u->len += len;
	return 0;
}

static int
up_end(void *arg)
{
	struct upload	*u = arg;
	const char	*s;

	if (u->in_file || u->cur == UF__MAX)
		return 0;
	if (memchr(u->buf, '\0', u->len) != NULL) {
		log_warnx("upload refused: NUL in field %s",
		    ufield_names[u->cur]);
		u->status = 400;
		return -1;
	}
	s = arena_strndup(u->a->r->arena, u->buf, u->len);
	if (u->cur == UF_CSRF) {
		if (!u->csrf_ok && !admin_csrf_ok(u->a, s)) {
			log_warnx("upload refused: wrong CSRF token "
			    "(user %s)", u->a->user.login);
			u->status = 403;
			return -1;
		}
		u->csrf_ok = 1;
		return 0;
	}
	if (u->f->val[u->cur] == NULL)
		u->f->val[u->cur] = s;
	return 0;
}

/* Validates the text fields of an upload into f.  Returns errors. */
static size_t
upload_validate(struct uform *f)
{
	const char	*s;
	int		 r;

	if (f->val[UF_ALT] != NULL &&
	    !valid_text(f->val[UF_ALT], DB_MEDIA_ALT_MAX))
		form_error(f, "alt", "The alt text must be at most 500 "
		    "characters of text.");
	if (f->val[UF_CAPTION] != NULL &&
	    !valid_text(f->val[UF_CAPTION], DB_MEDIA_CAPTION_MAX))
		form_error(f, "caption", "The caption must be at most 1000 "
		    "characters of text.");
	if (f->val[UF_CREDIT] != NULL &&
	    !valid_text(f->val[UF_CREDIT], DB_MEDIA_CREDIT_MAX))
		form_error(f, "credit", "The credit must be at most 300 "
		    "characters of text.");
	f->role = MEDIA__MAX;
	if ((s = f->val[UF_ITEM]) != NULL && s[0] != '\0') {
		if ((f->item = admin_id(s)) == 0)
			form_error(f, "file", "The item to add the file to "
			    "is not a valid item number.");
		for (r = 0; r < MEDIA__MAX; r++)
			if (f->val[UF_ROLE] != NULL &&
			    strcmp(f->val[UF_ROLE], role_names_m[r]) == 0)
				f->role = r;
		if (f->item > 0 && f->role == MEDIA__MAX)
			form_error(f, "file", "Say how the item uses the "
			    "file: attachment, gallery or hero.");
	}
	return f->errc;
}

/*
 * Reads what is left of a refused body (got bytes were read) and drops
 * it: nginx and Apache answer 502 rather than our page when the program
 * hangs up while they are still sending.  Not if the web server let
 * through more than twice the upload limit (its own limit should be a
 * little above ours): then hanging up is the lesser waste.
 */
static void
drain(struct req *r, unsigned long long limit, size_t got)
{
	char	*buf;
	long	 n;

	if (r->body_read == NULL ||
	    r->content_length > 2 * (limit + UPLOAD_SLACK))
		return;
	buf = arena_alloc(r->arena, UPLOAD_CHUNK);
	while (got < r->content_length) {
		n = r->body_read(r->body_ctx, buf, r->content_length - got <
		    UPLOAD_CHUNK ? r->content_length - got : UPLOAD_CHUNK);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
}

/* The message beside the file field for an upload refused by media.c. */
static const char *
media_message(struct admin *a, enum media_err e, int *status)
{

	switch (e) {
	case MEDIA_ERR_SIZE:
		*status = 413;
		return arena_printf(a->r->arena, "The file is larger than "
		    "the %u MB limit.", a->site->cfg->max_upload_mb);
	case MEDIA_ERR_EMPTY:
		*status = 422;
		return "The file is empty.";
	case MEDIA_ERR_TYPE:
		*status = 415;
		return "This file is not an allowed type. Upload a PDF, "
		    "JPEG, PNG, WebP or GIF file.";
	case MEDIA_ERR_IMAGE:
		*status = 415;
		return "This image could not be read: it may be damaged, or "
		    "larger than 100 megapixels.";
	default:
		*status = 500;
		return NULL;
	}
}

int
admin_media_upload_post(struct admin *a, struct out *o)
{
	static const struct multipart_cb cb = { up_begin, up_data, up_end };
	struct req		*r = a->r;
	struct multipart_limits	 lim;
	struct multipart	*mp = NULL;
	struct media_stored	 st;
	struct media_file	 mf;
	struct uform		 f;
	struct upload		*u;
	enum multipart_err	 mrc = MULTIPART_OK;
	enum media_err		 merr;
	char			 boundary[MULTIPART_BOUNDARY_MAX + 1];
	char			*buf;
	const char		*msg, *next;
	size_t			 got = 0;
	long long		 id;
	long			 n;
	int			 status = 500;

	memset(&f, 0, sizeof(f));
	f.role = MEDIA__MAX;
	u = arena_calloc(r->arena, 1, sizeof(*u));
	u->a = a;
	u->f = &f;
	u->cur = UF__MAX;
	u->limit = (unsigned long long)a->site->cfg->max_upload_mb * 1000000ULL;

	if (r->content_type == NULL ||
	    multipart_boundary(r->content_type, boundary,
	    sizeof(boundary)) == -1) {
		log_warnx("upload refused: content type %s",
		    r->content_type != NULL ? r->content_type : "(none)");
		drain(r, u->limit, 0);
		form_error(&f, "file", "An upload must be sent as "
		    "multipart/form-data, as the upload form does.");
		return library_render(a, o, 400, &f);
	}
	if (r->content_length == 0 || r->body_read == NULL) {
		log_warnx("upload refused: no Content-Length");
		return admin_error(a, o, 411, "The upload had no length.");
	}
	/* Plainly too large: say so without parsing or storing any of it. */
	if (r->content_length > u->limit + UPLOAD_SLACK) {
		log_warnx("upload refused: %zu bytes, over the limit of %llu",
		    r->content_length, u->limit);
		drain(r, u->limit, 0);
		form_error(&f, "file", arena_printf(r->arena, "The file is "
		    "larger than the %u MB limit.",
		    a->site->cfg->max_upload_mb));
		return library_render(a, o, 413, &f);
	}

	memset(&lim, 0, sizeof(lim));
	lim.max_parts = 16;
	lim.max_body = u->limit + UPLOAD_SLACK;
	lim.max_file = u->limit + 1;	/* the sink says "too large" */
	lim.max_field = UPLOAD_FIELD;
	if ((mp = multipart_new(boundary, &cb, u, &lim)) == NULL) {
		log_warnx("upload refused: bad boundary");
		drain(r, u->limit, 0);
		form_error(&f, "file", "The upload was malformed. Try again "
		    "from this form.");
		return library_render(a, o, 400, &f);
	}
	buf = arena_alloc(r->arena, UPLOAD_CHUNK);
	while (got < r->content_length) {
		n = r->body_read(r->body_ctx, buf, r->content_length - got <
		    UPLOAD_CHUNK ? r->content_length - got : UPLOAD_CHUNK);
		if (n <= 0) {
			log_warnx("upload: body ended after %zu of %zu bytes",
			    got, r->content_length);
			mrc = MULTIPART_ERR_TRUNCATED;
			break;
		}
		got += (size_t)n;
		if ((mrc = multipart_feed(mp, buf, (size_t)n)) != MULTIPART_OK)
			break;
	}
	if (mrc == MULTIPART_OK)
		mrc = multipart_finish(mp);
	multipart_free(mp);
	if (mrc != MULTIPART_OK)
		drain(r, u->limit, got);

	if (mrc == MULTIPART_ERR_CALLBACK)
		status = u->status;
	else if (mrc == MULTIPART_ERR_FILE_SIZE ||
	    mrc == MULTIPART_ERR_BODY_SIZE)
		status = 413;
	else if (mrc != MULTIPART_OK) {
		log_warnx("upload refused: %s", multipart_strerror(mrc));
		status = 400;
	} else if (!u->csrf_ok) {
		log_warnx("upload refused: no CSRF token (user %s)",
		    a->user.login);
		status = 403;
	} else
		status = 0;
	switch (status) {
	case 0:
		break;
	case 413:
		media_upload_free(u->sink);
		form_error(&f, "file", arena_printf(r->arena, "The file is "
		    "larger than the %u MB limit.",
		    a->site->cfg->max_upload_mb));
		return library_render(a, o, 413, &f);
	case 400:
		media_upload_free(u->sink);
		form_error(&f, "file", "The upload was malformed or cut "
		    "short. Try again from this form.");
		return library_render(a, o, 400, &f);
	default:
		media_upload_free(u->sink);
		return status;
	}

	if (upload_validate(&f) > 0) {
		log_warnx("upload refused: %zu fields not valid (user %s)",
		    f.errc, a->user.login);
		media_upload_free(u->sink);
		return library_render(a, o, 422, &f);
	}
	if (u->sink == NULL) {
		log_warnx("upload refused: no file (user %s)", a->user.login);
		form_error(&f, "file", "Choose a file to upload.");
		return library_render(a, o, 422, &f);
	}

	merr = media_upload_finish(u->sink, &st);
	media_upload_free(u->sink);
	if (merr != MEDIA_OK) {
		if ((msg = media_message(a, merr, &status)) == NULL)
			return 500;
		log_warnx("upload of \"%s\" (sent as %s) refused: %s",
		    u->filename, u->claimed != NULL ? u->claimed : "no type",
		    media_strerror(merr));
		form_error(&f, "file", msg);
		return library_render(a, o, status, &f);
	}

	memset(&mf, 0, sizeof(mf));
	mf.filename = st.filename;
	mf.original_name = u->filename;
	mf.mime = st.mime;
	mf.bytes = st.bytes;
	mf.width = st.width;
	mf.height = st.height;
	mf.renditions = st.renditions;
	mf.alt = f.val[UF_ALT];
	mf.caption = f.val[UF_CAPTION];
	mf.credit = f.val[UF_CREDIT];
	if (db_media_insert(a->site->db, &mf, a->user.id, &id) == -1) {
		media_remove(a->site->cfg->media_dir, st.filename);
		return 500;
	}
	admin_audit(a, "upload", "media", id, "uploaded \"%s\" as %s "
	    "(%s, %lld bytes%s)", u->filename, st.filename, st.mime,
	    st.bytes, st.width > 0 ? arena_printf(r->arena, ", %dx%d",
	    st.width, st.height) : "");

	if (f.item > 0)
		next = arena_printf(r->arena,
		    "/admin/items/%lld?add_media=%lld&role=%s", f.item, id,
		    role_names_m[f.role]);
	else
		next = "/admin/media/?done=uploaded";
	return admin_redirect(a, next);
}

/* Whether the signed-in user may change a file's texts. */
static int
may_edit(const struct admin *a, const struct media_file *mf)
{

	return admin_is_editor(a) ||
	    (mf->uploaded_by != 0 && mf->uploaded_by == a->user.id);
}

/*
 * The edit page of file mf: its texts (vals, when a POST is shown again
 * with errors), and the items using it.  Returns as a handler.
 */
static int
edit_render(struct admin *a, struct out *o, int status,
    const struct media_file *mf, const char *const vals[3],
    const struct ferr *err, size_t errc)
{
	struct media_use *uses = NULL;
	struct view	*v;
	size_t		 i, n = 0;

	if (db_media_uses(a->site->db, a->r->arena, mf->id, &uses,
	    &n) == -1)
		return 500;
	v = admin_view_new(a, "media");
	view_push(v, "media-edit");
	file_view(a, v, mf);
	view_push(v, "values");
	view_text(v, "alt", vals[0]);
	view_text(v, "caption", vals[1]);
	view_text(v, "credit", vals[2]);
	view_pop(v);
	errors_view(v, err, errc);
	view_push(v, "uses");
	for (i = 0; i < n; i++) {
		view_push(v, "use");
		view_attr_int(v, "item", uses[i].item_id);
		view_attr(v, "kind", uses[i].kind < KIND__MAX ?
		    kind_names[uses[i].kind] : NULL);
		view_attr(v, "lang", uses[i].lang);
		view_attr(v, "status", uses[i].status < STATUS__MAX ?
		    item_status_names[uses[i].status] : NULL);
		view_attr(v, "role", uses[i].role < MEDIA__MAX ?
		    role_names_m[uses[i].role] : NULL);
		if (uses[i].own_text)
			view_attr(v, "own-text", "1");
		view_content(v, uses[i].title);
		view_pop(v);
	}
	view_pop(v);
	view_pop(v);
	a->r->resp.status = status;
	return admin_render(a, "admin-media", v, o);
}

int
admin_media_edit_form(struct admin *a, struct out *o)
{
	struct media_file mf;
	const char	*vals[3];
	int		 rc;

	if ((rc = db_media_get(a->site->db, a->r->arena, a->id, &mf)) != 1)
		return rc == 0 ? 404 : 500;
	vals[0] = mf.alt;
	vals[1] = mf.caption;
	vals[2] = mf.credit;
	return edit_render(a, o, 200, &mf, vals, NULL, 0);
}

int
admin_media_edit_post(struct admin *a, struct out *o)
{
	static const char *const names[3] = { "alt", "caption", "credit" };
	static const size_t maxes[3] = { DB_MEDIA_ALT_MAX,
	    DB_MEDIA_CAPTION_MAX, DB_MEDIA_CREDIT_MAX };
	struct media_file mf;
	struct ferr	 err[3];
	const char	*vals[3];
	size_t		 errc = 0, i;
	int		 rc;

	if ((rc = db_media_get(a->site->db, a->r->arena, a->id, &mf)) != 1)
		return rc == 0 ? 404 : 500;
	if (!may_edit(a, &mf)) {
		log_warnx("media %lld: user %s may not edit it", mf.id,
		    a->user.login);
		return admin_error(a, o, 403, "Only editors and whoever "
		    "uploaded a file may change its texts.");
	}
	for (i = 0; i < 3; i++) {
		vals[i] = admin_form(a, names[i]);
		if (vals[i] == NULL)
			vals[i] = "";
		if (!valid_text(vals[i], maxes[i])) {
			err[errc].field = names[i];
			err[errc].message = arena_printf(a->r->arena,
			    "The %s must be at most %zu characters of text.",
			    i == 0 ? "alt text" : names[i], maxes[i]);
			errc++;
		}
	}
	if (errc > 0) {
		log_warnx("media %lld: %zu fields refused", mf.id, errc);
		return edit_render(a, o, 422, &mf, vals, err, errc);
	}
	if ((rc = db_media_update(a->site->db, mf.id, vals[0], vals[1],
	    vals[2])) != 1)
		return rc == 0 ? 404 : 500;
	admin_audit(a, "media-update", "media", mf.id, "texts of \"%s\" "
	    "(%s) changed", mf.original_name, mf.filename);
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/media/%lld?done=saved", mf.id));
}
