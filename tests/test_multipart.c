/*
 * Unit tests of the streaming multipart/form-data parser: boundary
 * extraction, a simple form fed whole and in every chunk size from 1 to
 * 64, near-miss delimiters in file data, binary data, limits, header
 * injection, filename path stripping, empty parts and bad UTF-8.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "multipart.h"
#include "util.h"

int	main(void);

/* What the callbacks saw, as one string. */
struct	rec {
	char	*buf;	/* the record, NUL-terminated */
	size_t	 len;	/* bytes in it */
	int	 fail;	/* make part_begin fail */
};

static void
rec_add(struct rec *r, const void *p, size_t n)
{

	r->buf = xrealloc(r->buf, r->len + n + 1);
	memcpy(r->buf + r->len, p, n);
	r->len += n;
	r->buf[r->len] = '\0';
}

static void
rec_str(struct rec *r, const char *s)
{

	rec_add(r, s, strlen(s));
}

static int
cb_begin(void *arg, const char *name, const char *filename,
    const char *ctype)
{
	struct rec	*r = arg;

	rec_str(r, "[");
	rec_str(r, name);
	rec_str(r, "|");
	rec_str(r, filename == NULL ? "(null)" : filename);
	rec_str(r, "|");
	rec_str(r, ctype == NULL ? "(null)" : ctype);
	rec_str(r, "]");
	return r->fail;
}

static int
cb_data(void *arg, const void *buf, size_t len)
{

	rec_add(arg, buf, len);
	return 0;
}

static int
cb_end(void *arg)
{

	rec_str(arg, "[end]");
	return 0;
}

static const struct multipart_cb cb = { cb_begin, cb_data, cb_end };

/* Length of the last record parse() made. */
static size_t	 last_len;

/*
 * Parses len bytes of body in chunks of chunk bytes (0: whole), then
 * finishes.  Returns the result; *out is the record (caller frees).
 */
static enum multipart_err
parse(const char *boundary, const char *body, size_t len, size_t chunk,
    const struct multipart_limits *lim, char **out)
{
	struct multipart	*mp;
	struct rec		 r;
	size_t			 off, n;
	enum multipart_err	 rc = MULTIPART_OK;

	memset(&r, 0, sizeof(r));
	rec_str(&r, "");
	if ((mp = multipart_new(boundary, &cb, &r, lim)) == NULL)
		abort();
	if (chunk == 0)
		chunk = len;
	for (off = 0; off < len && rc == MULTIPART_OK; off += n) {
		n = len - off < chunk ? len - off : chunk;
		rc = multipart_feed(mp, body + off, n);
	}
	/* Zero-length feeds are harmless. */
	if (rc == MULTIPART_OK)
		rc = multipart_feed(mp, "", 0);
	rc = multipart_finish(mp);
	multipart_free(mp);
	*out = r.buf;
	last_len = r.len;
	return rc;
}

/* parse() of a literal, whole, comparing the record. */
#define PARSE(b, body, lim, want_rc, want_rec) do {			\
	char *rec_;							\
	CHECK(parse((b), (body), sizeof(body) - 1, 0, (lim), &rec_)	\
	    == (want_rc));						\
	if ((want_rec) != NULL)						\
		CHECK_STR(rec_, (want_rec));				\
	free(rec_);							\
} while (0)

static void
test_boundary(void)
{
	char	 b[MULTIPART_BOUNDARY_MAX + 1];

	CHECK(multipart_boundary("multipart/form-data; boundary=abc",
	    b, sizeof(b)) == 0);
	CHECK_STR(b, "abc");
	CHECK(multipart_boundary("Multipart/Form-Data;boundary=\"a b:c?\"",
	    b, sizeof(b)) == 0);
	CHECK_STR(b, "a b:c?");
	CHECK(multipart_boundary(
	    "multipart/form-data; charset=utf-8; BOUNDARY="
	    "----WebKitFormBoundary7MA4YWxkTrZu0gW ", b, sizeof(b)) == 0);
	CHECK_STR(b, "----WebKitFormBoundary7MA4YWxkTrZu0gW");
	/* 70 is the maximum, 71 too many. */
	CHECK(multipart_boundary("multipart/form-data; boundary="
	    "0123456789012345678901234567890123456789"
	    "012345678901234567890123456789", b, sizeof(b)) == 0);
	CHECK(multipart_boundary("multipart/form-data; boundary="
	    "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890", b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=\""
	    "0123456789012345678901234567890123456789"
	    "0123456789012345678901234567890\"", b, sizeof(b)) == -1);
	/* Wrong type, missing, empty, bad characters, trailing space. */
	CHECK(multipart_boundary("multipart/mixed; boundary=abc",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary("text/plain", b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data", b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=\"\"",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=\"a\r\nb\"",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=\"ab \"",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=a\"b",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-data; boundary=\"ab",
	    b, sizeof(b)) == -1);
	CHECK(multipart_boundary(
	    "multipart/form-data; boundary=a; boundary=b", b, sizeof(b)) == -1);
	CHECK(multipart_boundary("multipart/form-datax; boundary=a",
	    b, sizeof(b)) == -1);
	/* Output too small. */
	CHECK(multipart_boundary("multipart/form-data; boundary=abc",
	    b, 3) == -1);
	CHECK(multipart_boundary(NULL, b, sizeof(b)) == -1);
	/* multipart_new checks too. */
	CHECK(multipart_new("", &cb, NULL, NULL) == NULL);
	CHECK(multipart_new("a\nb", &cb, NULL, NULL) == NULL);
	CHECK(multipart_new("ab ", &cb, NULL, NULL) == NULL);
}

static const char form[] =
    "This is the preamble, ignored.\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "Hello, world\r\n"
    "--XyZ\r\n"
    "content-disposition: form-data; name=\"body\"\r\n"
    "\r\n"
    "line one\r\nline two\r\n"
    "--XyZ  \r\n"
    "Content-Disposition: form-data; name=\"upload\"; "
    "filename=\"photo.jpg\"\r\n"
    "Content-Type: image/jpeg\r\n"
    "\r\n"
    "\xff\xd8\xff\xe0\0\0\r\r\n\n--XyZ-\r\n--Xy\r\n-\r\n--xyz\xff\xd9\r\n"
    "--XyZ--\r\n"
    "epilogue, ignored\r\n--XyZ\r\njunk";

static const char form_rec[] =
    "[title|(null)|(null)]Hello, world[end]"
    "[body|(null)|(null)]line one\r\nline two[end]"
    "[upload|photo.jpg|image/jpeg]"
    "\xff\xd8\xff\xe0\0\0\r\r\n\n--XyZ-\r\n--Xy\r\n-\r\n--xyz\xff\xd9[end]";

static void
test_form(void)
{
	char	*whole, *rec;
	size_t	 chunk;
	int	 same = 1;

	CHECK(parse("XyZ", form, sizeof(form) - 1, 0, NULL, &whole) ==
	    MULTIPART_OK);
	CHECK(last_len == sizeof(form_rec) - 1 &&
	    memcmp(whole, form_rec, sizeof(form_rec)) == 0);
	for (chunk = 1; chunk <= 64; chunk++) {
		if (parse("XyZ", form, sizeof(form) - 1, chunk, NULL,
		    &rec) != MULTIPART_OK || last_len != sizeof(form_rec) - 1 ||
		    memcmp(rec, form_rec, sizeof(form_rec)) != 0)
			same = 0;
		free(rec);
	}
	CHECK(same);
	free(whole);

	/* No preamble, and the boundary is quoted in the header. */
	{
		char	 b[MULTIPART_BOUNDARY_MAX + 1];

		CHECK(multipart_boundary("multipart/form-data; "
		    "boundary=\"b'(+_,-./:=?)\"", b, sizeof(b)) == 0);
		PARSE(b,
		    "--b'(+_,-./:=?)\r\n"
		    "Content-Disposition: form-data; name=a\r\n\r\n"
		    "1\r\n--b'(+_,-./:=?)--", NULL, MULTIPART_OK,
		    "[a|(null)|(null)]1[end]");
	}
}

static void
test_near_miss(void)
{
	/* Each near-delimiter inside the data stays data. */
	PARSE("boundary",
	    "--boundary\r\n"
	    "Content-Disposition: form-data; name=f; filename=x.bin\r\n\r\n"
	    "\r\n--boundar\r\n--boundarY\r\n-boundary\n--boundary"
	    "\r--boundary\r\r\n--bounda\r\n\r\n--boundary--",
	    NULL, MULTIPART_OK,
	    "[f|x.bin|(null)]"
	    "\r\n--boundar\r\n--boundarY\r\n-boundary\n--boundary"
	    "\r--boundary\r\r\n--bounda\r\n[end]");
	/* A CR that breaks a partial match may itself start the real one. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f\r\n\r\n"
	    "x\r\r\n--b\r\nContent-Disposition: form-data; name=g\r\n\r\n"
	    "\r\n-\r\n--\r\n--b--", NULL, MULTIPART_OK,
	    "[f|(null)|(null)]x\r[end][g|(null)|(null)]\r\n-\r\n--[end]");
	/* The boundary as a prefix of a longer line is a broken body. */
	PARSE("boundary",
	    "--boundary\r\n"
	    "Content-Disposition: form-data; name=f\r\n\r\n"
	    "x\r\n--boundaryX\r\n--boundary--",
	    NULL, MULTIPART_ERR_BOUNDARY, "[f|(null)|(null)]x[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f\r\n\r\n"
	    "x\r\n--b-x", NULL, MULTIPART_ERR_BOUNDARY, NULL);
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f\r\n\r\n"
	    "x\r\n--b\rx", NULL, MULTIPART_ERR_BOUNDARY, NULL);
}

static void
test_errors(void)
{
	struct multipart_limits	 lim;
	static const char	 fhdr[] = "--b\r\nContent-Disposition: "
				    "form-data; name=f; filename=a\r\n\r\n";
	char			 big[2048];
	char			*rec;
	size_t			 i, n;

	/* Missing or partial closing boundary. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "x\r\n--b\r\n", NULL, MULTIPART_ERR_TRUNCATED, NULL);
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "x", NULL, MULTIPART_ERR_TRUNCATED, NULL);
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "x\r\n--b-", NULL, MULTIPART_ERR_TRUNCATED, NULL);
	PARSE("b", "", NULL, MULTIPART_ERR_TRUNCATED, "");
	PARSE("b", "no delimiter at all", NULL, MULTIPART_ERR_TRUNCATED, "");
	PARSE("b", "--b\r\nContent-Disp", NULL, MULTIPART_ERR_TRUNCATED, "");

	/* Limits. */
	memset(&lim, 0, sizeof(lim));
	lim.max_file = 4;
	lim.max_field = 3;
	lim.max_parts = 2;
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=a\r\n\r\n1234\r\n--b--", &lim, MULTIPART_OK,
	    "[f|a|(null)]1234[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=a\r\n\r\n12345\r\n--b--", &lim,
	    MULTIPART_ERR_FILE_SIZE, "[f|a|(null)]1234");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f\r\n\r\n"
	    "123\r\n--b--", &lim, MULTIPART_OK, "[f|(null)|(null)]123[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f\r\n\r\n"
	    "1234\r\n--b--", &lim, MULTIPART_ERR_FIELD_SIZE, NULL);
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "\r\n--b\r\nContent-Disposition: form-data; name=b\r\n\r\n"
	    "\r\n--b\r\nContent-Disposition: form-data; name=c\r\n\r\n"
	    "\r\n--b--", &lim, MULTIPART_ERR_PARTS,
	    "[a|(null)|(null)][end][b|(null)|(null)][end]");
	lim.max_body = 20;
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "\r\n--b--", &lim, MULTIPART_ERR_BODY_SIZE, "");
	/* The same limit errors in every chunk size. */
	memset(&lim, 0, sizeof(lim));
	lim.max_file = 100;
	n = 0;
	for (i = 1; i <= 64; i++) {
		if (parse("b", fhdr, sizeof(fhdr) - 1, i, &lim, &rec) ==
		    MULTIPART_ERR_TRUNCATED)
			n++;
		free(rec);
	}
	CHECK(n == 64);
	memset(big, 'x', sizeof(big));
	memcpy(big, fhdr, sizeof(fhdr) - 1);
	n = 0;
	for (i = 0; i <= 64; i++) {
		if (parse("b", big, sizeof(big), i, &lim, &rec) ==
		    MULTIPART_ERR_FILE_SIZE && strlen(rec) == 12 + 100)
			n++;
		free(rec);
	}
	CHECK(n == 65);

	/* Header block limits. */
	memcpy(big, "--b\r\nX-A: ", 10);
	memset(big + 10, 'a', sizeof(big) - 10);
	{
		struct multipart	*mp;
		struct rec		 r;
		enum multipart_err	 rc = MULTIPART_OK;

		memset(&r, 0, sizeof(r));
		mp = multipart_new("b", &cb, &r, NULL);
		for (i = 0; i < 5 && rc == MULTIPART_OK; i++)
			rc = multipart_feed(mp, big, sizeof(big));
		CHECK(rc == MULTIPART_ERR_HEADER_SIZE);
		/* The error sticks. */
		CHECK(multipart_feed(mp, "x", 1) == MULTIPART_ERR_HEADER_SIZE);
		CHECK(multipart_finish(mp) == MULTIPART_ERR_HEADER_SIZE);
		multipart_free(mp);
		free(r.buf);
	}
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n"
	    "A:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\n"
	    "A:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\n\r\n"
	    "\r\n--b--", NULL, MULTIPART_OK, NULL);
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n"
	    "A:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\n"
	    "A:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\nA:1\r\n\r\n"
	    "\r\n--b--", NULL, MULTIPART_ERR_HEADER_SIZE, NULL);

	/* A callback that refuses. */
	{
		struct multipart	*mp;
		struct rec		 r;

		memset(&r, 0, sizeof(r));
		r.fail = 1;
		mp = multipart_new("b", &cb, &r, NULL);
		CHECK(multipart_feed(mp, fhdr, sizeof(fhdr) - 1) ==
		    MULTIPART_ERR_CALLBACK);
		multipart_free(mp);
		free(r.buf);
	}
	CHECK_STR(multipart_strerror(MULTIPART_ERR_FILE_SIZE),
	    "file too large");
	CHECK_STR(multipart_strerror(MULTIPART_ERR__MAX), "unknown error");
}

static void
test_headers(void)
{
	/* Header injection: CR, LF or NUL cannot hide in a value. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"a\r\n"
	    "Content-Type: text/html\"\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"a\n"
	    "b\"\r\n\r\nx\r\n--b--", NULL, MULTIPART_ERR_HEADER, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"a\rb\"\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_HEADER, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"a\0b\"\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_HEADER, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Type: text/plain\x7f\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_ERR_HEADER, "");
	/* Bare LF line endings: strict CRLF. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\n\n"
	    "x\r\n--b--", NULL, MULTIPART_ERR_HEADER, "");
	/* Folding, space before the colon, no colon. */
	PARSE("b", "--b\r\nContent-Disposition: form-data;\r\n name=a\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition : form-data; name=a\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_HEADER, "");
	PARSE("b", "--b\r\nContent-Disposition form-data\r\n\r\nx\r\n--b--",
	    NULL, MULTIPART_ERR_HEADER, "");
	/* Two dispositions, two names, two content types. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Disposition: form-data; name=b\r\n\r\nx\r\n--b--",
	    NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a; name=b\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Type: a/b\r\nContent-Type: c/d\r\n\r\nx\r\n--b--",
	    NULL, MULTIPART_ERR_HEADER, "");
	/* Missing disposition, wrong type, no or empty name. */
	PARSE("b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
	    NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: attachment; name=a\r\n\r\n"
	    "x\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; filename=a\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"\"\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"a\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	/* Control characters and bad UTF-8 in names. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=\"a\tb\"\r\n"
	    "\r\nx\r\n--b--", NULL, MULTIPART_ERR_DISPOSITION, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; "
	    "name=\"caf\xc3\"\r\n\r\nx\r\n--b--", NULL, MULTIPART_ERR_UTF8, "");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a; "
	    "filename=\"\xc0\xaf.php\"\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_ERR_UTF8, "");
	/* Non-ASCII Content-Type. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n"
	    "Content-Type: text/\xc3\xa9\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_ERR_HEADER, "");

	/* Escaped quotes, case, white space, UTF-8, unknown headers. */
	PARSE("b", "--b\r\nX-Other: whatever\r\n"
	    "CONTENT-DISPOSITION:FORM-DATA ; NAME = \"say \\\"hi\\\"\" ; "
	    "Filename=\"r\xc3\xa9sum\xc3\xa9 \\\\ 1.pdf\"; filename*=UTF-8''x"
	    "\r\nContent-Type:  application/pdf  \r\n\r\nx\r\n--b--",
	    NULL, MULTIPART_OK,
	    "[say \"hi\"| 1.pdf|application/pdf]x[end]");
}

static void
test_filenames(void)
{
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"..\\..\\evil.php\"\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_OK, "[f|evil.php|(null)]x[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"../../etc/passwd\"\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_OK, "[f|passwd|(null)]x[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"C:\\Users\\Ana\\My Photo.jpg\"\r\n\r\nx\r\n--b--",
	    NULL, MULTIPART_OK, "[f|My Photo.jpg|(null)]x[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"a/..\"\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_OK, "[f||(null)]x[end]");
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"dir/\"\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_OK, "[f||(null)]x[end]");
}

static void
test_empty(void)
{
	/* An empty field, an empty file, and a body with no parts. */
	PARSE("b", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	    "\r\n--b\r\nContent-Disposition: form-data; name=f; "
	    "filename=\"\"\r\nContent-Type: application/octet-stream\r\n"
	    "\r\n\r\n--b--\r\n", NULL, MULTIPART_OK,
	    "[a|(null)|(null)][end][f||application/octet-stream][end]");
	PARSE("b", "--b--", NULL, MULTIPART_OK, "");
	/* A part with no header lines at all has no name. */
	PARSE("b", "--b\r\n\r\nx\r\n--b--", NULL,
	    MULTIPART_ERR_DISPOSITION, "");
}

int
main(void)
{

	test_boundary();
	test_form();
	test_near_miss();
	test_errors();
	test_headers();
	test_filenames();
	test_empty();
	return CHECK_DONE();
}
