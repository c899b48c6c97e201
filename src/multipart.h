/*
 * A streaming multipart/form-data parser (RFC 7578, RFC 2046 section 5.1).
 * The body is fed in chunks of any size; the parser keeps one header line
 * and the state of a partial boundary match, never the body, and hands
 * each part's bytes to callbacks as they arrive.  It knows nothing of
 * HTTP, files or the database: the caller decides where the bytes go.
 */
#ifndef MULTIPART_H
#define MULTIPART_H

#include <stddef.h>

#define MULTIPART_BOUNDARY_MAX	70	/* RFC 2046: 1 to 70 characters */
#define MULTIPART_HEADER_MAX	8192	/* bytes of one part's header block */
#define MULTIPART_HEADERS_MAX	16	/* header lines in one part */
#define MULTIPART_CTYPE_MAX	255	/* bytes of a part's Content-Type */

/*
 * What went wrong.  multipart_feed() and multipart_finish() return one of
 * these; MULTIPART_OK is zero so "if (rc != 0)" reads naturally.
 */
enum	multipart_err {
	MULTIPART_OK,		/* no error */
	MULTIPART_ERR_BOUNDARY,	/* a boundary line followed by junk */
	MULTIPART_ERR_HEADER,	/* malformed header line */
	MULTIPART_ERR_HEADER_SIZE, /* header block or count over limit */
	MULTIPART_ERR_DISPOSITION, /* bad or missing Content-Disposition */
	MULTIPART_ERR_UTF8,	/* name or filename not UTF-8 */
	MULTIPART_ERR_PARTS,	/* more parts than max_parts */
	MULTIPART_ERR_FILE_SIZE, /* a file part over max_file */
	MULTIPART_ERR_FIELD_SIZE, /* a non-file field over max_field */
	MULTIPART_ERR_BODY_SIZE, /* the whole body over max_body */
	MULTIPART_ERR_TRUNCATED, /* finished before the close delimiter */
	MULTIPART_ERR_CALLBACK,	/* a callback returned non-zero */
	MULTIPART_ERR__MAX
};

/*
 * Size limits.  A zero member means the default given beside it.
 */
struct	multipart_limits {
	size_t	 max_parts;	/* parts per body (64) */
	size_t	 max_body;	/* bytes fed, preamble included (64 MiB) */
	size_t	 max_file;	/* data bytes of a file part (50 MiB) */
	size_t	 max_field;	/* data bytes of a part without one (1 MiB) */
};

/*
 * Callbacks.  Each returns 0 to go on or non-zero to stop the parse with
 * MULTIPART_ERR_CALLBACK.  The strings passed to part_begin stay valid
 * until part_end returns.  After an error no further callback is made,
 * not even part_end for the open part: the caller discards it.
 */
struct	multipart_cb {
	/*
	 * A part begins.  name is the form field name (UTF-8, no control
	 * characters, never empty).  filename is NULL for a plain field,
	 * else the last path component of the filename parameter (possibly
	 * "" when the browser sent no file).  content_type is the part's
	 * Content-Type value or NULL.
	 */
	int	(*part_begin)(void *arg, const char *name,
		    const char *filename, const char *content_type);
	/* The next len (> 0) bytes of the part's data. */
	int	(*part_data)(void *arg, const void *buf, size_t len);
	/* The part ended cleanly. */
	int	(*part_end)(void *arg);
};

struct	multipart;

/*
 * Extracts the boundary parameter from a Content-Type header value of
 * type multipart/form-data (type compared without case).  The value may
 * be a token or a quoted string and must be 1 to 70 RFC 2046 bchars, not
 * ending in a space.  Writes it NUL-terminated into out (size bytes).
 * Returns 0 on success, -1 if the header is not multipart/form-data, has
 * no or a bad boundary, or out is too small.
 */
int	 multipart_boundary(const char *content_type, char *out,
	    size_t size);
/*
 * Returns a parser for a body delimited by boundary (as returned by
 * multipart_boundary), calling cb with arg.  lim may be NULL for the
 * defaults.  Returns NULL if the boundary is not valid.  The caller
 * frees the parser with multipart_free().
 */
struct multipart *multipart_new(const char *boundary,
	    const struct multipart_cb *cb, void *arg,
	    const struct multipart_limits *lim);
/* Frees a parser; NULL is allowed. */
void	 multipart_free(struct multipart *);
/*
 * Parses the next len bytes of the body.  Returns MULTIPART_OK or an
 * error, which sticks: every later call returns it again.
 */
enum multipart_err multipart_feed(struct multipart *, const void *buf,
	    size_t len);
/*
 * Ends the body.  Returns MULTIPART_OK if the close delimiter was seen,
 * MULTIPART_ERR_TRUNCATED if not, or the earlier error.
 */
enum multipart_err multipart_finish(struct multipart *);
/* Returns an English message for an error code, never NULL. */
const char *multipart_strerror(enum multipart_err);

#endif /* !MULTIPART_H */
