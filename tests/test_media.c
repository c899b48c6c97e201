/*
 * Unit tests of media.c: uploads streamed into a temporary file, sniffed
 * from their bytes, refused when forged or too large, stored under
 * generated names; JPEGs lose their EXIF (GPS included), XMP and
 * comments and are turned upright; renditions of wide images; PDFs kept
 * as they are.  The test images are made here: a PNG written by hand
 * (stored deflate blocks), a JPEG and a WebP made once with libvips and
 * kept as bytes below, with an EXIF block built byte by byte.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "arena.h"
#include "check.h"
#include "media.h"
#include "util.h"

int	main(void);

/* A grey horizontal gradient, 64x32, baseline, no metadata. */
/* 319 bytes */
static const unsigned char jpeg_64x32[] = {
	0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c,
	0x0a, 0x10, 0x0e, 0x0d, 0x0e, 0x12, 0x11, 0x10, 0x13, 0x18, 0x28, 0x1a,
	0x18, 0x16, 0x16, 0x18, 0x31, 0x23, 0x25, 0x1d, 0x28, 0x3a, 0x33, 0x3d,
	0x3c, 0x39, 0x33, 0x38, 0x37, 0x40, 0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57,
	0x45, 0x37, 0x38, 0x50, 0x6d, 0x51, 0x57, 0x5f, 0x62, 0x67, 0x68, 0x67,
	0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64, 0x78, 0x5c, 0x65, 0x67, 0x63, 0xff,
	0xdb, 0x00, 0x43, 0x01, 0x11, 0x12, 0x12, 0x18, 0x15, 0x18, 0x2f, 0x1a,
	0x1a, 0x2f, 0x63, 0x42, 0x38, 0x42, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
	0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0xff, 0xc0, 0x00, 0x11,
	0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01,
	0x03, 0x11, 0x01, 0xff, 0xc4, 0x00, 0x16, 0x00, 0x01, 0x01, 0x01, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x05, 0x06, 0x07, 0xff, 0xc4, 0x00, 0x15, 0x10, 0x01, 0x01, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x03, 0xff, 0xc4, 0x00, 0x14, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xff, 0xc4, 0x00, 0x14, 0x11, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xda,
	0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00,
	0x86, 0x81, 0x08, 0x0f, 0x81, 0x08, 0x01, 0x08, 0x10, 0x80, 0xf8, 0x10,
	0x80, 0x10, 0x81, 0x08, 0x0f, 0x81, 0x08, 0x01, 0x08, 0x10, 0x80, 0xf8,
	0x10, 0x80, 0x30, 0xf8, 0x10, 0x80, 0xf8, 0x10, 0x80, 0x10, 0x81, 0x08,
	0x0f, 0x81, 0x08, 0x01, 0x08, 0x10, 0x80, 0xf8, 0x10, 0x80, 0x10, 0x81,
	0x08, 0x0f, 0x81, 0x08, 0x03, 0xff, 0xd9,
};
/* 274 bytes */
static const unsigned char webp_8x4[] = {
	0x52, 0x49, 0x46, 0x46, 0x0a, 0x01, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
	0x56, 0x50, 0x38, 0x58, 0x0a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00,
	0x07, 0x00, 0x00, 0x03, 0x00, 0x00, 0x56, 0x50, 0x38, 0x4c, 0x29, 0x00,
	0x00, 0x00, 0x2f, 0x07, 0xc0, 0x00, 0x00, 0x3f, 0x20, 0x10, 0x48, 0x0c,
	0x62, 0xd8, 0x9f, 0x73, 0x88, 0x3b, 0x80, 0xdc, 0x01, 0x64, 0xfe, 0x13,
	0xdb, 0x41, 0x98, 0x6d, 0xa4, 0x30, 0x96, 0xb1, 0x8c, 0xe5, 0xfc, 0x5f,
	0xc7, 0x10, 0xd1, 0xff, 0xc0, 0xf6, 0x01, 0x00, 0x45, 0x58, 0x49, 0x46,
	0xba, 0x00, 0x00, 0x00, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x49, 0x49,
	0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x06, 0x00, 0x12, 0x01, 0x03, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a, 0x01, 0x05, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x56, 0x00, 0x00, 0x00, 0x1b, 0x01, 0x05, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x5e, 0x00, 0x00, 0x00, 0x28, 0x01, 0x03, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x13, 0x02, 0x03, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x69, 0x87, 0x04, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x66, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x38, 0x63, 0x00, 0x00, 0xe8, 0x03, 0x00, 0x00, 0x38, 0x63, 0x00, 0x00,
	0xe8, 0x03, 0x00, 0x00, 0x06, 0x00, 0x00, 0x90, 0x07, 0x00, 0x04, 0x00,
	0x00, 0x00, 0x30, 0x32, 0x31, 0x30, 0x01, 0x91, 0x07, 0x00, 0x04, 0x00,
	0x00, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0xa0, 0x07, 0x00, 0x04, 0x00,
	0x00, 0x00, 0x30, 0x31, 0x30, 0x30, 0x01, 0xa0, 0x03, 0x00, 0x01, 0x00,
	0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x02, 0xa0, 0x04, 0x00, 0x01, 0x00,
	0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x03, 0xa0, 0x04, 0x00, 0x01, 0x00,
	0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* A growing byte buffer. */
struct	buf {
	unsigned char	*p;
	size_t		 len;
};

static char	 dir[512];	/* the media directory of the tests */

static void
put(struct buf *b, const void *p, size_t n)
{

	b->p = xrealloc(b->p, b->len + n + 1);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void
put8(struct buf *b, unsigned v)
{
	unsigned char	 c = v & 0xff;

	put(b, &c, 1);
}

static void
put16be(struct buf *b, unsigned v)
{

	put8(b, v >> 8);
	put8(b, v);
}

static void
put32be(struct buf *b, uint32_t v)
{

	put16be(b, v >> 16);
	put16be(b, v & 0xffff);
}

static void
put16le(struct buf *b, unsigned v)
{

	put8(b, v);
	put8(b, v >> 8);
}

static void
put32le(struct buf *b, uint32_t v)
{

	put16le(b, v & 0xffff);
	put16le(b, v >> 16);
}

static uint32_t
crc32_png(const unsigned char *p, size_t n)
{
	uint32_t	 c = 0xffffffffU;
	size_t		 i;
	int		 k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xffffffffU;
}

static void
png_chunk(struct buf *b, const char *type, const struct buf *data)
{
	struct buf	 c = { NULL, 0 };

	put(&c, type, 4);
	if (data->len > 0)
		put(&c, data->p, data->len);
	put32be(b, (uint32_t)data->len);
	put(b, c.p, c.len);
	put32be(b, crc32_png(c.p, c.len));
	free(c.p);
}

/*
 * An 8-bit RGB PNG of w x h (a gradient), compressed with stored deflate
 * blocks so no zlib is needed.  With bomb, IHDR claims those dimensions
 * but the image data is one empty row: a decompression bomb's header.
 */
static void
make_png(struct buf *b, uint32_t w, uint32_t h, int bomb)
{
	struct buf	 ihdr = { NULL, 0 }, raw = { NULL, 0 };
	struct buf	 z = { NULL, 0 }, none = { NULL, 0 };
	uint32_t	 x, y, a = 1, s = 0;
	size_t		 i, n;

	put(b, "\x89PNG\r\n\x1a\n", 8);
	put32be(&ihdr, w);
	put32be(&ihdr, h);
	put(&ihdr, "\x08\x02\x00\x00\x00", 5);
	png_chunk(b, "IHDR", &ihdr);
	for (y = 0; y < (bomb ? 1 : h); y++) {
		put8(&raw, 0);
		for (x = 0; x < (bomb ? 1 : w); x++) {
			put8(&raw, x * 255 / w);
			put8(&raw, y * 255 / h);
			put8(&raw, 128);
		}
	}
	put(&z, "\x78\x01", 2);
	for (i = 0; i < raw.len; i += n) {
		n = raw.len - i > 65535 ? 65535 : raw.len - i;
		put8(&z, i + n == raw.len);
		put16le(&z, (unsigned)n);
		put16le(&z, (unsigned)~n & 0xffff);
		put(&z, raw.p + i, n);
	}
	for (i = 0; i < raw.len; i++) {
		a = (a + raw.p[i]) % 65521;
		s = (s + a) % 65521;
	}
	put32be(&z, (s << 16) | a);
	png_chunk(b, "IDAT", &z);
	png_chunk(b, "IEND", &none);
	free(ihdr.p);
	free(raw.p);
	free(z.p);
}

/* The GPS latitude's rationals: 51/1 30/1 1234/100, a telling pattern. */
static const unsigned char gps_lat[] = {
	51, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0,
	0xd2, 0x04, 0, 0, 100, 0, 0, 0,
};

/*
 * The JPEG above with, after SOI: an APP1 EXIF block (little-endian
 * TIFF: IFD0 with Orientation 6, "turn 90 degrees clockwise", and a GPS
 * IFD with latitude and longitude), an APP1 XMP packet with a location,
 * and a comment that is a PHP script.
 */
static void
make_jpeg_exif(struct buf *b)
{
	static const char xmp_ns[] = "http://ns.adobe.com/xap/1.0/";
	static const char xmp[] = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-"
	    "ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/"
	    "1.0/\" exif:GPSLatitude=\"51,30.2057N\"/></rdf:RDF>"
	    "</x:xmpmeta>";
	static const char com[] = "<?php system($_GET['c']); ?>";
	struct buf	 t = { NULL, 0 };
	uint32_t	 gps_ifd, lat, lon;

	/* TIFF header, IFD0 at 8: two entries, then the GPS IFD. */
	put(&t, "II*\0", 4);
	put32le(&t, 8);
	gps_ifd = 8 + 2 + 2 * 12 + 4;
	put16le(&t, 2);
	put16le(&t, 0x0112);		/* Orientation */
	put16le(&t, 3);			/* SHORT */
	put32le(&t, 1);
	put16le(&t, 6);
	put16le(&t, 0);
	put16le(&t, 0x8825);		/* GPSInfo IFD pointer */
	put16le(&t, 4);			/* LONG */
	put32le(&t, 1);
	put32le(&t, gps_ifd);
	put32le(&t, 0);			/* no next IFD */
	/* GPS IFD: five entries; its rationals follow it. */
	lat = gps_ifd + 2 + 5 * 12 + 4;
	lon = lat + 24;
	put16le(&t, 5);
	put16le(&t, 0x0000);		/* GPSVersionID */
	put16le(&t, 1);			/* BYTE */
	put32le(&t, 4);
	put(&t, "\x02\x02\x00\x00", 4);
	put16le(&t, 0x0001);		/* GPSLatitudeRef */
	put16le(&t, 2);			/* ASCII */
	put32le(&t, 2);
	put(&t, "N\0\0\0", 4);
	put16le(&t, 0x0002);		/* GPSLatitude */
	put16le(&t, 5);			/* RATIONAL */
	put32le(&t, 3);
	put32le(&t, lat);
	put16le(&t, 0x0003);		/* GPSLongitudeRef */
	put16le(&t, 2);
	put32le(&t, 2);
	put(&t, "E\0\0\0", 4);
	put16le(&t, 0x0004);		/* GPSLongitude */
	put16le(&t, 5);
	put32le(&t, 3);
	put32le(&t, lon);
	put32le(&t, 0);
	put(&t, gps_lat, sizeof(gps_lat));
	put32le(&t, 7);
	put32le(&t, 1);
	put32le(&t, 12);
	put32le(&t, 1);
	put32le(&t, 3456);
	put32le(&t, 100);

	put(b, jpeg_64x32, 2);		/* SOI */
	put16be(b, 0xffe1);
	put16be(b, (unsigned)(2 + 6 + t.len));
	put(b, "Exif\0\0", 6);
	put(b, t.p, t.len);
	put16be(b, 0xffe1);
	put16be(b, (unsigned)(2 + sizeof(xmp_ns) + sizeof(xmp) - 1));
	put(b, xmp_ns, sizeof(xmp_ns));	/* with its NUL */
	put(b, xmp, sizeof(xmp) - 1);
	put16be(b, 0xfffe);
	put16be(b, (unsigned)(2 + sizeof(com) - 1));
	put(b, com, sizeof(com) - 1);
	put(b, jpeg_64x32 + 2, sizeof(jpeg_64x32) - 2);
	free(t.p);
}

/* Returns 1 if the n bytes at p hold the needle. */
static int
has(const unsigned char *p, size_t n, const void *needle, size_t nn)
{
	size_t	 i;

	for (i = 0; i + nn <= n; i++)
		if (memcmp(p + i, needle, nn) == 0)
			return 1;
	return 0;
}

/* Reads dir/name whole into b; returns 0 or -1. */
static int
slurp(const char *name, struct buf *b)
{
	char	 path[PATH_MAX], tmp[8192];
	FILE	*f;
	size_t	 n;

	b->p = NULL;
	b->len = 0;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		put(b, tmp, n);
	fclose(f);
	return 0;
}

static int
exists(const char *name)
{
	char		 path[PATH_MAX];
	struct stat	 sb;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &sb) == 0;
}

/* Files in dir (not counting . .. and .tmp), and in dir/.tmp. */
static int
count_files(const char *sub)
{
	char		 path[PATH_MAX];
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	snprintf(path, sizeof(path), "%s%s", dir, sub);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0 &&
		    strcmp(e->d_name, ".tmp") != 0)
			n++;
	closedir(d);
	return n;
}

/*
 * Streams len bytes into a new upload in chunks of chunk bytes and
 * finishes it.  Returns the result.
 */
static enum media_err
store(const void *p, size_t len, size_t chunk, unsigned long long max,
    struct media_stored *st)
{
	struct media_upload	*up;
	enum media_err		 rc = MEDIA_OK;
	size_t			 i, n;

	if ((up = media_upload_new(dir, max)) == NULL)
		return MEDIA_ERR__MAX;
	for (i = 0; i < len && rc == MEDIA_OK; i += n) {
		n = len - i < chunk ? len - i : chunk;
		rc = media_upload_write(up, (const char *)p + i, n);
	}
	if (rc == MEDIA_OK)
		rc = media_upload_finish(up, st);
	media_upload_free(up);
	return rc;
}

static uint32_t
png_width(const struct buf *b)
{

	if (b->len < 24)
		return 0;
	return (uint32_t)b->p[16] << 24 | (uint32_t)b->p[17] << 16 |
	    (uint32_t)b->p[18] << 8 | b->p[19];
}

/*
 * A worker killed in mid-upload leaves its temporary file: the next
 * process's first upload removes those a day old, and only those.
 */
static void
test_stale_sweep(void)
{
	struct media_upload	*up;
	struct utimbuf		 old;
	char			 tmpdir[PATH_MAX], stale[PATH_MAX + 16];
	char			 fresh[PATH_MAX + 16];
	FILE			*f;

	snprintf(tmpdir, sizeof(tmpdir), "%s/.tmp", dir);
	snprintf(stale, sizeof(stale), "%s/up-crashed", tmpdir);
	snprintf(fresh, sizeof(fresh), "%s/up-running", tmpdir);
	CHECK(mkdir(tmpdir, 0700) == 0);
	CHECK((f = fopen(stale, "w")) != NULL && fclose(f) == 0);
	CHECK((f = fopen(fresh, "w")) != NULL && fclose(f) == 0);
	old.actime = old.modtime = time(NULL) - 2 * 24 * 3600;
	CHECK(utime(stale, &old) == 0);
	CHECK((up = media_upload_new(dir, 10)) != NULL);
	CHECK(access(stale, F_OK) == -1);
	CHECK(access(fresh, F_OK) == 0);
	media_upload_free(up);
	unlink(fresh);
}

static void
test_png_renditions(void)
{
	struct media_stored	 st;
	struct buf		 png = { NULL, 0 }, out;
	char			 name[MEDIA_FILENAME_MAX];

	make_png(&png, 1000, 20, 0);
	CHECK(store(png.p, png.len, 4096, 1000000, &st) == MEDIA_OK);
	CHECK_STR(st.mime, "image/png");
	CHECK(strlen(st.filename) == MEDIA_NAME_HEX + 4);
	CHECK(strcmp(st.filename + MEDIA_NAME_HEX, ".png") == 0);
	CHECK(media_name_valid(st.filename));
	CHECK(st.width == 1000 && st.height == 20);
	CHECK(st.renditions == 2);
	CHECK(exists(st.filename));
	CHECK(media_rendition_name(name, sizeof(name), st.filename,
	    480) == 0);
	CHECK(exists(name));
	CHECK(slurp(name, &out) == 0 && png_width(&out) == 480);
	free(out.p);
	CHECK(media_rendition_name(name, sizeof(name), st.filename,
	    960) == 0);
	CHECK(exists(name));
	CHECK(slurp(name, &out) == 0 && png_width(&out) == 960);
	free(out.p);
	CHECK(media_rendition_name(name, sizeof(name), st.filename,
	    1600) == 0);
	CHECK(!exists(name));
	CHECK(slurp(st.filename, &out) == 0 && (long long)out.len ==
	    st.bytes && png_width(&out) == 1000);
	free(out.p);
	CHECK(count_files("/.tmp") == 0);

	CHECK(media_remove(dir, st.filename) == 0);
	CHECK(!exists(st.filename));
	CHECK(count_files("") == 0);
	free(png.p);
}

static void
test_jpeg_exif(void)
{
	struct media_stored	 st;
	struct buf		 in = { NULL, 0 }, out;

	make_jpeg_exif(&in);
	/* The input does carry what must go. */
	CHECK(has(in.p, in.len, "Exif", 4));
	CHECK(has(in.p, in.len, gps_lat, sizeof(gps_lat)));
	CHECK(has(in.p, in.len, "xmpmeta", 7));

	CHECK(store(in.p, in.len, 7, 1000000, &st) == MEDIA_OK);
	CHECK_STR(st.mime, "image/jpeg");
	CHECK(strcmp(st.filename + MEDIA_NAME_HEX, ".jpg") == 0);
	/* Orientation 6: the 64x32 pixels are stored upright, 32x64. */
	CHECK(st.width == 32 && st.height == 64);
	CHECK(st.renditions == 0);
	CHECK(slurp(st.filename, &out) == 0);
	CHECK(out.len > 100 && out.p[0] == 0xff && out.p[1] == 0xd8);
	CHECK(!has(out.p, out.len, "Exif", 4));
	CHECK(!has(out.p, out.len, gps_lat, sizeof(gps_lat)));
	CHECK(!has(out.p, out.len, "xmpmeta", 7));
	CHECK(!has(out.p, out.len, "ns.adobe.com", 12));
	CHECK(!has(out.p, out.len, "<?php", 5));
	/* No APP1 segment at all. */
	CHECK(!has(out.p, out.len, "\xff\xe1", 2));
	free(out.p);
	free(in.p);
	CHECK(media_remove(dir, st.filename) == 0);
}

static void
test_forged(void)
{
	static const char html[] = "<!DOCTYPE html>\n<html><body><script>"
	    "alert(document.cookie)</script></body></html>\n";
	static const char php[] = "<?php\nsystem($_GET['c']);\n?>\n";
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\">"
	    "<script>alert(1)</script></svg>\n";
	static const unsigned char fake_jpeg[] = {
		0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0,
		'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e',
	};
	struct media_stored	 st;
	struct buf		 bomb = { NULL, 0 };

	CHECK(store(html, sizeof(html) - 1, 64, 1000000, &st) ==
	    MEDIA_ERR_TYPE);
	CHECK(st.filename[0] == '\0');
	CHECK(store(php, sizeof(php) - 1, 64, 1000000, &st) ==
	    MEDIA_ERR_TYPE);
	CHECK(store(svg, sizeof(svg) - 1, 64, 1000000, &st) ==
	    MEDIA_ERR_TYPE);
	/* The right first bytes, then rubbish: sniffed JPEG, undecodable. */
	CHECK(store(fake_jpeg, sizeof(fake_jpeg), 64, 1000000, &st) ==
	    MEDIA_ERR_IMAGE);
	/* 20000 x 20000 pixels claimed: refused before decoding. */
	make_png(&bomb, 20000, 20000, 1);
	CHECK(store(bomb.p, bomb.len, 64, 1000000, &st) == MEDIA_ERR_IMAGE);
	free(bomb.p);
	CHECK(store("", 0, 64, 1000000, &st) == MEDIA_ERR_EMPTY);
	CHECK(count_files("") == 0);
	CHECK(count_files("/.tmp") == 0);
}

static void
test_limit(void)
{
	struct media_upload	*up;
	struct media_stored	 st;
	char			 b[100];

	memset(b, 'x', sizeof(b));
	/* Exactly the limit is fine; one byte more is not. */
	CHECK((up = media_upload_new(dir, 100)) != NULL);
	CHECK(media_upload_write(up, b, 60) == MEDIA_OK);
	CHECK(media_upload_write(up, b, 40) == MEDIA_OK);
	CHECK(media_upload_bytes(up) == 100);
	CHECK(media_upload_write(up, b, 1) == MEDIA_ERR_SIZE);
	CHECK(media_upload_write(up, b, 0) == MEDIA_ERR_SIZE);
	CHECK(media_upload_finish(up, &st) == MEDIA_ERR_SIZE);
	media_upload_free(up);
	CHECK(count_files("/.tmp") == 0);

	/* A PDF over the limit, in chunks. */
	CHECK(store(jpeg_64x32, sizeof(jpeg_64x32), 10, 300, &st) ==
	    MEDIA_ERR_SIZE);
	CHECK(count_files("") == 0);
	CHECK(count_files("/.tmp") == 0);

	/* Freed without finishing: the temporary file goes too. */
	CHECK((up = media_upload_new(dir, 100)) != NULL);
	CHECK(media_upload_write(up, b, 10) == MEDIA_OK);
	CHECK(count_files("/.tmp") == 1);
	media_upload_free(up);
	CHECK(count_files("/.tmp") == 0);
	media_upload_free(NULL);
}

static void
test_pdf(void)
{
	static const char pdf[] = "%PDF-1.4\n"
	    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
	    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
	    "trailer << /Root 1 0 R >>\n%%EOF\n";
	struct media_stored	 st;
	struct buf		 out;
	struct stat		 sb;
	char			 path[PATH_MAX];

	CHECK(store(pdf, sizeof(pdf) - 1, 5, 1000000, &st) == MEDIA_OK);
	CHECK_STR(st.mime, "application/pdf");
	CHECK(strcmp(st.filename + MEDIA_NAME_HEX, ".pdf") == 0);
	CHECK(st.width == 0 && st.height == 0 && st.renditions == 0);
	CHECK(st.bytes == (long long)sizeof(pdf) - 1);
	CHECK(slurp(st.filename, &out) == 0);
	CHECK(out.len == sizeof(pdf) - 1 &&
	    memcmp(out.p, pdf, out.len) == 0);
	free(out.p);
	/* The web server must be able to read it. */
	snprintf(path, sizeof(path), "%s/%s", dir, st.filename);
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0644);
	CHECK(count_files("/.tmp") == 0);
	CHECK(media_remove(dir, st.filename) == 0);
}

static void
test_other_images(void)
{
	static const unsigned char gif[] = {
		'G', 'I', 'F', '8', '9', 'a', 2, 0, 1, 0, 0x80, 0, 0,
		0, 0, 0, 0xff, 0xff, 0xff,
		'!', 0xfe, 7, 's', 'e', 'c', 'r', 'e', 't', '!', 0,
		',', 0, 0, 0, 0, 2, 0, 1, 0, 0,
		2, 2, 0x44, 0x01, 0, ';',
	};
	struct media_stored	 st;
	struct buf		 out;

	CHECK(store(gif, sizeof(gif), 3, 1000000, &st) == MEDIA_OK);
	CHECK_STR(st.mime, "image/gif");
	CHECK(strcmp(st.filename + MEDIA_NAME_HEX, ".gif") == 0);
	CHECK(st.width == 2 && st.height == 1);
	CHECK(slurp(st.filename, &out) == 0 && out.len > 6 &&
	    memcmp(out.p, "GIF8", 4) == 0);
	/* The comment extension is not carried over. */
	CHECK(!has(out.p, out.len, "secret!", 7));
	free(out.p);
	CHECK(media_remove(dir, st.filename) == 0);

	CHECK(store(webp_8x4, sizeof(webp_8x4), 100, 1000000, &st) ==
	    MEDIA_OK);
	CHECK_STR(st.mime, "image/webp");
	CHECK(strcmp(st.filename + MEDIA_NAME_HEX, ".webp") == 0);
	CHECK(st.width == 8 && st.height == 4);
	CHECK(media_remove(dir, st.filename) == 0);
	CHECK(count_files("") == 0);
}

static void
test_names(void)
{
	struct media_stored	 a, b;
	struct arena		*ar;
	char			 name[MEDIA_FILENAME_MAX], big[1200];
	const char		*s;
	size_t			 i;

	CHECK(store(jpeg_64x32, sizeof(jpeg_64x32), 50, 1000000, &a) ==
	    MEDIA_OK);
	CHECK(store(jpeg_64x32, sizeof(jpeg_64x32), 50, 1000000, &b) ==
	    MEDIA_OK);
	CHECK(strcmp(a.filename, b.filename) != 0);
	CHECK(media_name_valid(a.filename) && media_name_valid(b.filename));
	CHECK(a.width == 64 && a.height == 32);
	CHECK(media_remove(dir, a.filename) == 0);
	CHECK(media_remove(dir, b.filename) == 0);

	CHECK(media_name_valid("0123456789abcdef0123456789abcdef.jpg"));
	CHECK(media_name_valid("0123456789abcdef0123456789abcdef.webp"));
	CHECK(!media_name_valid("0123456789ABCDEF0123456789abcdef.jpg"));
	CHECK(!media_name_valid("0123456789abcdef0123456789abcdef.php"));
	CHECK(!media_name_valid("0123456789abcdef0123456789abcdef.jpg.php"));
	CHECK(!media_name_valid("0123456789abcdef0123456789abcde.jpg"));
	CHECK(!media_name_valid("../3456789abcdef0123456789abcdef.jpg"));
	CHECK(!media_name_valid(""));
	CHECK(!media_name_valid(NULL));
	CHECK(media_remove(dir, "../../etc/passwd") == -1);
	CHECK(media_rendition_name(name, sizeof(name),
	    "0123456789abcdef0123456789abcdef.png", 480) == 0);
	CHECK_STR(name, "0123456789abcdef0123456789abcdef-480.png");
	CHECK(media_rendition_name(name, 10,
	    "0123456789abcdef0123456789abcdef.png", 480) == -1);
	CHECK(media_rendition_name(name, sizeof(name), "photo.png",
	    480) == -1);
	CHECK(media_rendition_count(480) == 0);
	CHECK(media_rendition_count(481) == 1);
	CHECK(media_rendition_count(1600) == 2);
	CHECK(media_rendition_count(4000) == 3);

	ar = arena_new();
	CHECK_STR(media_original_name(ar, "photo.jpg"), "photo.jpg");
	CHECK_STR(media_original_name(ar, "C:\\Users\\me\\Desktop\\a b.jpg"),
	    "a b.jpg");
	CHECK_STR(media_original_name(ar, "../../etc/passwd"), "passwd");
	CHECK_STR(media_original_name(ar, "dir/"), "upload");
	CHECK_STR(media_original_name(ar, ""), "upload");
	CHECK_STR(media_original_name(ar, NULL), "upload");
	CHECK_STR(media_original_name(ar, "a\x01" "b\xff" "c.jpg"), "abc.jpg");
	CHECK_STR(media_original_name(ar, "фото.jpg"), "фото.jpg");
	/* 400 two-byte characters: 255 are kept, never half of one. */
	for (i = 0; i < 800; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[800] = '\0';
	s = media_original_name(ar, big);
	CHECK(strlen(s) == 2 * MEDIA_ORIGINAL_MAX);
	arena_free(ar);

	CHECK(media_strerror(MEDIA_ERR_TYPE) != NULL);
	CHECK(strstr(media_strerror(MEDIA_ERR_TYPE), "not an allowed type") !=
	    NULL);
	CHECK(media_strerror(MEDIA_ERR__MAX) != NULL);
}

/* Removes the test directory and what is left in it. */
static void
cleanup(void)
{
	char		 path[PATH_MAX];
	const char	*subs[] = { "/.tmp", "" };
	DIR		*d;
	struct dirent	*e;
	size_t		 i;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s%s", dir, subs[i]);
		if ((d = opendir(path)) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			char	 f[PATH_MAX + 256];

			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0 ||
			    strcmp(e->d_name, ".tmp") == 0)
				continue;
			snprintf(f, sizeof(f), "%s/%s", path, e->d_name);
			unlink(f);
		}
		closedir(d);
		rmdir(path);
	}
}

int
main(void)
{
	const char	*tmp;

	/*
	 * libvips' run-time generated vector code (liborc) reads in ways
	 * valgrind cannot follow ("make valgrind-check"); libvips' own
	 * advice is to test without it.  The scalar paths give the same
	 * pixels.
	 */
	setenv("VIPS_NOVECTOR", "1", 1);
	if ((tmp = getenv("TMPDIR")) == NULL || tmp[0] == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/test_media.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 99;
	}
	/* A missing media directory is not created: it is configured. */
	CHECK(media_upload_new("/nonexistent/media", 10) == NULL);

	test_stale_sweep();
	test_png_renditions();
	test_jpeg_exif();
	test_forged();
	test_limit();
	test_pdf();
	test_other_images();
	test_names();
	cleanup();
	media_shutdown();
	return CHECK_DONE();
}
