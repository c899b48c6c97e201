/*
 * Uploaded files: a streaming sink that writes an upload to a private
 * temporary file as it arrives, and the step that turns that file into a
 * stored medium or refuses it.
 *
 * What a file is comes from its bytes alone (libmagic), never from the
 * client's name or Content-Type, and only PDF, JPEG, PNG, WebP and GIF
 * are kept.  Images are decoded and written out again without metadata
 * (EXIF, GPS, XMP, IPTC, comments: a photo's location can endanger the
 * people in it), turned upright first, with smaller renditions beside
 * them.  Stored names are generated (32 random hex digits) with an
 * extension fixed by the type, so nothing a client sends ever becomes a
 * path.  libvips and libmagic stay inside media.c.
 *
 * Processes: libvips is started on first use in the process that uses
 * it, and starts threads of its own; a process that has used this module
 * must not fork() and carry on using it in the child.  The FastCGI
 * workers are forked before they answer any request, so each starts its
 * own libvips.  The module keeps no request data between calls.
 */
#ifndef MEDIA_H
#define MEDIA_H

#include <stddef.h>

struct	arena;

#define MEDIA_NAME_HEX		32	/* hex digits of a generated name */
#define MEDIA_FILENAME_MAX	64	/* a stored or rendition name + NUL */
#define MEDIA_MIME_MAX		32	/* a stored type + NUL */
#define MEDIA_ORIGINAL_MAX	255	/* characters kept of a client's name */
#define MEDIA_RENDITIONS	3	/* entries of media_widths */
#define MEDIA_PIXELS_MAX	(100LL * 1000 * 1000) /* largest image */

/*
 * Widths of the renditions, ascending (480, 960, 1600).  An image gets
 * those narrower than itself, named NAME-WIDTH.EXT beside NAME.EXT.
 */
extern const int media_widths[MEDIA_RENDITIONS];

/* Why an upload was refused. */
enum	media_err {
	MEDIA_OK,		/* stored */
	MEDIA_ERR_SIZE,		/* over the limit (413) */
	MEDIA_ERR_EMPTY,	/* no bytes at all (400) */
	MEDIA_ERR_TYPE,		/* not an allowed type (415) */
	MEDIA_ERR_IMAGE,	/* an image that does not decode, or too
				   many pixels (415) */
	MEDIA_ERR_SYSTEM,	/* disk or library failure, logged (500) */
	MEDIA_ERR__MAX
};

/* What media_upload_finish() stored. */
struct	media_stored {
	char		 filename[MEDIA_FILENAME_MAX]; /* "<hex>.jpg" */
	char		 mime[MEDIA_MIME_MAX];	/* type of the stored file */
	long long	 bytes;		/* size of the stored file */
	int		 width;		/* pixels; 0 for a PDF */
	int		 height;
	int		 renditions;	/* the first n of media_widths made */
};

struct	media_upload;

/*
 * Starts an upload into dir (the media directory): creates dir/.tmp if
 * missing (mode 0700) and a temporary file in it (mode 0600), so the
 * final rename stays on one filesystem.  The upload may hold at most
 * max_bytes.  Returns a sink the caller frees with media_upload_free(),
 * or NULL (logged).
 */
struct media_upload *media_upload_new(const char *dir,
	    unsigned long long max_bytes);
/*
 * Appends len bytes.  Returns MEDIA_OK, MEDIA_ERR_SIZE if they would
 * take the upload over its limit (nothing is written, and the upload can
 * only be freed), or MEDIA_ERR_SYSTEM (logged).
 */
enum media_err	 media_upload_write(struct media_upload *, const void *,
		    size_t len);
/* Bytes written so far. */
unsigned long long media_upload_bytes(const struct media_upload *);
/*
 * Sniffs the type of the bytes written, refuses what is not allowed, and
 * stores the file under a new name in the media directory: images
 * stripped of metadata, upright, with renditions; PDFs as they are.
 * Fills *st.  Returns MEDIA_OK or the reason for refusing (nothing is
 * stored then).  The temporary file is gone afterwards either way.
 */
enum media_err	 media_upload_finish(struct media_upload *,
		    struct media_stored *st);
/* Removes the temporary file, if any, and frees; accepts NULL. */
void		 media_upload_free(struct media_upload *);

/*
 * Releases the libraries' per-process state (libmagic's database,
 * libvips); for a clean exit under a leak checker.  Using the module
 * afterwards is not supported.
 */
void		 media_shutdown(void);

/* An English sentence for an error, never NULL. */
const char	*media_strerror(enum media_err);

/*
 * Removes a stored file and its renditions from dir: for an upload whose
 * database row could not be written.  filename must be a generated name.
 * Returns 0, or -1 if it is not one or a removal failed (logged).
 */
int		 media_remove(const char *dir, const char *filename);
/*
 * Writes the name of the rendition of width w of stored file filename
 * ("<hex>-480.jpg") into buf.  Returns 0, or -1 if filename is not a
 * generated name or buf is too small.
 */
int		 media_rendition_name(char *buf, size_t size,
		    const char *filename, int w);
/* Returns how many renditions an image of this width has. */
int		 media_rendition_count(int width);
/* Returns 1 if s is a generated name with an allowed extension. */
int		 media_name_valid(const char *s);
/*
 * Returns what is kept of a client's file name, in the arena: its last
 * path component ('/' or '\'), without bytes that are not well-formed
 * UTF-8 XML characters, at most MEDIA_ORIGINAL_MAX characters; "upload"
 * if nothing is left.  It is shown and offered as a download name,
 * never used as a path.
 */
const char	*media_original_name(struct arena *, const char *name);

#endif /* !MEDIA_H */
