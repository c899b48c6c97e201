/* fuzz-sources: req.c valid.c route.c http.c cfg.c */
/* fuzz-sources: arena.c util.c log.c out.c kind.c */
/*
 * libFuzzer entry point for everything that reads bytes from a client:
 * percent-decoding, urlencoded and cookie parsing, a whole CGI environment
 * through req_parse and route_public into http_finish, ETag matching, HTTP
 * dates and the validators.  Besides crashes and sanitizer reports it
 * checks the promises the parsers make (decoded values are UTF-8 without
 * NUL or forbidden controls, dates survive a round trip, stripped text is
 * XML-clean, headers cannot be split) and aborts when one is broken.
 *
 * The first lines name the src/ files to link; tests/fuzz.sh reads them.
 * By hand: FUZZ_RUNS=1000000 tests/fuzz.sh, or build it as fuzz.sh does
 * and run ./fuzz_req corpus/ for as long as you like.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "http.h"
#include "out.h"
#include "req.h"
#include "route.h"
#include "valid.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Most lines of input turned into environment strings. */
#define FUZZ_ENV_MAX	64

/*
 * Lines without '=' are given these names in turn, so that short inputs
 * reach the interesting parameters without the fuzzer having to guess
 * "REQUEST_URI=" byte by byte.
 */
static const char *const names[] = {
	"REQUEST_METHOD", "REQUEST_URI", "QUERY_STRING", "HTTP_COOKIE",
	"HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "CONTENT_LENGTH",
	"PATH_INFO", "SCRIPT_NAME", "HTTP_ORIGIN",
};

static struct arena	*a;
static struct out	*body, *wire;
static struct cfg	 cfg;

/* Aborts unless s is well-formed UTF-8 free of the given controls. */
static void
check_clean(const char *s, int allow_newlines)
{
	const unsigned char	*p;

	if (s == NULL || !valid_utf8(s, strlen(s)))
		abort();
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 && !(allow_newlines &&
		    (*p == '\t' || *p == '\n' || *p == '\r')))
			abort();
}

static void
fuzz_decode(const char *data, size_t size)
{
	struct kv	*kv;
	size_t		 n, i;
	char		*d;

	if ((d = req_decode(a, data, size, 0, 0)) != NULL) {
		check_clean(d, 0);
		if (strlen(d) > size)
			abort();
	}
	if ((d = req_decode(a, data, size, 1, 1)) != NULL)
		check_clean(d, 1);
	if (req_parse_urlencoded(a, data, size, &kv, &n) == 0) {
		if (n > REQ_PARAM_MAX)
			abort();
		for (i = 0; i < n; i++) {
			check_clean(kv[i].key, 0);
			check_clean(kv[i].val, 1);
		}
	}
}

static void
fuzz_strings(const char *s, size_t size)
{
	struct kv	*kv;
	const char	*nl;
	char		*inm, *stripped, *tag, buf[64];
	size_t		 n, i;
	time_t		 t;
	unsigned char	 c;

	if (req_parse_cookies(a, s, &kv, &n) == 0) {
		if (n > REQ_PARAM_MAX)
			abort();
		for (i = 0; i < n; i++)
			if (!valid_utf8(kv[i].key, strlen(kv[i].key)) ||
			    !valid_utf8(kv[i].val, strlen(kv[i].val)))
				abort();
	}

	/* Any header against our tag; any tag matches itself, listed. */
	http_etag_match(s, "\"0123456789abcdef0123456789abcdef\"");
	if ((nl = strchr(s, '\n')) != NULL) {
		inm = arena_strndup(a, s, (size_t)(nl - s));
		http_etag_match(inm, nl + 1);
	}
	tag = arena_alloc(a, size + 3);
	tag[0] = '"';
	for (i = 0, n = 1; i < size; i++) {
		c = (unsigned char)s[i];
		if (c == 0x21 || (c >= 0x23 && c != 0x7f))
			tag[n++] = (char)c;
	}
	tag[n++] = '"';
	tag[n] = '\0';
	if (!http_etag_match(tag, tag) ||
	    !http_etag_match(arena_printf(a, "\"x\" , W/%s", tag), tag))
		abort();

	/* A date that parses formats back to the same instant. */
	if ((t = http_date_parse(s)) != -1) {
		http_date_format(t, buf, sizeof(buf));
		if (http_date_parse(buf) != t)
			abort();
	}

	valid_slug(s);
	valid_lang_code(s);
	valid_url_http(s);
	valid_text(s, 100);
	valid_int(s, -1000, 1000, NULL);
	stripped = valid_strip_xml_invalid(a, s, size);
	if (!valid_xml_chars(stripped, strlen(stripped)))
		abort();
}

static void
fuzz_request(const char *data, size_t size)
{
	struct req	 r;
	char		*copy, *envp[FUZZ_ENV_MAX + 1], *line;
	size_t		 i, n = 0, start, len;
	int		 rc, status;

	/* Lines, split on NUL and newline; nameless ones get a name. */
	copy = arena_strndup(a, data, size);
	for (start = i = 0; i <= size && n < FUZZ_ENV_MAX; i++) {
		if (i < size && copy[i] != '\0' && copy[i] != '\n')
			continue;
		len = i - start;
		line = arena_strndup(a, copy + start, len);
		if (strchr(line, '=') == NULL)
			line = arena_printf(a, "%s=%s",
			    names[n % (sizeof(names) / sizeof(names[0]))],
			    line);
		envp[n++] = line;
		start = i + 1;
	}
	envp[n] = NULL;

	memset(&r, 0, sizeof(r));
	if ((rc = req_parse(&r, a, envp)) != 0) {
		if (rc != 400 && rc != 405 && rc != 414)
			abort();
		return;
	}
	if (r.path == NULL || r.path[0] != '/' ||
	    strlen(r.path) > REQ_PATH_MAX || r.queryc > REQ_PARAM_MAX ||
	    r.cookiec > REQ_PARAM_MAX)
		abort();
	check_clean(r.path, 0);
	for (i = 0; i < r.queryc; i++)
		check_clean(r.query[i].val, 1);

	rc = route_public(&r, &cfg);
	if (rc != 0 && rc != 400 && rc != 404 && rc != 405)
		abort();
	if (rc == 0 && r.page == PAGE__MAX)
		abort();
	if ((r.page == PAGE_ITEM || r.page == PAGE_TAG ||
	    r.page == PAGE_ORG) && !valid_slug(r.slug))
		abort();
	if (r.pageno < 1 || r.pageno > 1000000)
		abort();

	/* Whatever came in, the response head is well-formed. */
	r.resp.status = rc != 0 ? rc : 200;
	r.resp.lastmod = (time_t)size * 1000;
	r.resp.location = r.query_string;
	out_reset(body);
	out_bytes(body, data, size);
	out_reset(wire);
	status = http_finish(&r, body, wire);
	if (status != 200 && status != 304 && status != 500 &&
	    status != rc)
		abort();
	if (strncmp(wire->buf, "Status: ", 8) != 0 ||
	    strstr(wire->buf, "\r\n\r\n") == NULL)
		abort();
	/* No header line but those ending in CR LF. */
	for (i = 0; wire->buf + i < strstr(wire->buf, "\r\n\r\n"); i++)
		if (wire->buf[i] == '\n' && wire->buf[i - 1] != '\r')
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;

	if (a == NULL) {
		a = arena_new();
		body = out_new();
		wire = out_new();
		cfg.langs[0] = "en";
		cfg.langs[1] = "fr";
		cfg.langs[2] = "es";
		cfg.langs[3] = "ru";
		cfg.langc = 4;
		cfg.default_lang = "en";
	}
	fuzz_decode(s, size);
	fuzz_strings(arena_strndup(a, s, size), size);
	fuzz_request(s, size);
	arena_reset(a);
	return 0;
}
