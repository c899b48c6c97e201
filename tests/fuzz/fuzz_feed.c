/* fuzz-sources: feed.c feed_xml.c feed_atom.c feed_rss.c feed_json.c feed_ics.c */
/* fuzz-sources: valid.c tz.c arena.c out.c util.c log.c */
/*
 * libFuzzer entry for the feed writers: hostile text in every field of a
 * feed with one to three entries, written as Atom, RSS, JSON Feed and
 * iCalendar.  Whatever the text, each writer must succeed and its output
 * must hold: Atom and RSS parse as XML without an error and hold only XML
 * characters, JSON Feed parses and ends with a newline, and iCalendar has
 * only CRLF line ends, no line over 75 octets, only whole UTF-8 sequences
 * and no control character.  The content also goes through
 * feed_html_absolute() first, as page_feed.c does.  A broken promise
 * aborts, which libFuzzer reports with the input saved.
 *
 * Input: up to 8 control bytes (entry count, events, zones, times), then
 * the strings, separated by NUL bytes, in the order of the fields below;
 * fields past the end of the input are empty.
 *
 * The first lines name the src/ files to link; tests/fuzz.sh reads them.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "arena.h"
#include "feed.h"
#include "out.h"
#include "valid.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NCTL		8	/* control bytes at the start */
#define NFEED		5	/* feed-level strings */
#define NENTRY		9	/* strings per entry */
#define MAXENTRY	3

/*
 * Bytes of strings read from an input; the rest is ignored.  The writers
 * are linear in their input, and each string goes into several fields of
 * four documents, so longer inputs only make each run slower.
 */
#define MAXTEXT		1024

/*
 * Zones an event may get when its zone field is empty: mostly the cheap
 * cases (none, UTC, unknown), and a few real ones with unusual rules
 * (half-hour offsets and changes, negative offsets, the southern
 * hemisphere).  Real zones cost a scan of tzdata, so they are kept to a
 * few entries of the table.
 */
static const char *const zones[32] = {
	"", "UTC", "Mars/Olympus", "Etc/GMT", "", "UTC", "../etc/passwd",
	"right/UTC", "", "", "Nowhere", "", "Etc/Zulu", "", "Zulu", "",
	"", "UTC", "GMT0", "", "Universal", "", "/etc/passwd", "",
	"", "Europe/", "", "", "",
	"Europe/Paris", "Australia/Lord_Howe", "America/St_Johns",
};

/* Aborts unless the XML document parses without any error. */
static void
check_xml(const struct out *o)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;

	if (!valid_xml_chars(o->buf, o->len))
		abort();
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		abort();
	doc = xmlCtxtReadMemory(ctxt, o->buf, (int)o->len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || !ctxt->wellFormed || !ctxt->nsWellFormed ||
	    ctxt->errNo != 0)
		abort();
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
}

/* Aborts unless the output is one JSON document and a newline. */
static void
check_json(const struct out *o)
{
	json_t		*root;
	json_error_t	 err;

	if (o->len == 0 || o->buf[o->len - 1] != '\n')
		abort();
	if ((root = json_loadb(o->buf, o->len, 0, &err)) == NULL)
		abort();
	if (!json_is_array(json_object_get(root, "items")))
		abort();
	json_decref(root);
}

/*
 * Aborts unless every line of the iCalendar object ends in CRLF, holds at
 * most 75 octets of whole UTF-8 sequences and no control but tab.
 */
static void
check_ics(const struct out *o)
{
	size_t	 i, start = 0;

	if (o->len < 2 || memcmp(o->buf + o->len - 2, "\r\n", 2) != 0)
		abort();
	for (i = 0; i < o->len; i++) {
		if (o->buf[i] == '\r') {
			if (i + 1 >= o->len || o->buf[i + 1] != '\n')
				abort();
			if (i - start > 75 ||
			    !valid_utf8(o->buf + start, i - start))
				abort();
			i++;
			start = i + 1;
			continue;
		}
		if (((unsigned char)o->buf[i] < 0x20 && o->buf[i] != '\t') ||
		    o->buf[i] == 0x7f)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const empty = "";
	struct feed		 f;
	struct feed_entry	 e[MAXENTRY];
	struct feed_event	 ev[MAXENTRY];
	struct feed_person	 au[MAXENTRY];
	struct feed_category	 cat[MAXENTRY][2];
	struct feed_link	 tr[MAXENTRY];
	struct feed_enclosure	 enc[MAXENTRY][2];
	struct feed_link	 alt[1];
	struct arena		*a;
	struct out		*o, *o2;
	const char		*s[NFEED + NENTRY * MAXENTRY];
	const char		*z, *html, **es;
	uint8_t			 c[NCTL];
	size_t			 i, n, pos, len;
	time_t			 base;

	if (size > NCTL + MAXTEXT)
		size = NCTL + MAXTEXT;
	memset(c, 0, sizeof(c));
	memcpy(c, data, size < NCTL ? size : NCTL);
	pos = size < NCTL ? size : NCTL;

	/* The strings: NUL-separated, copied so each is terminated. */
	a = arena_new();
	for (i = 0; i < NFEED + NENTRY * MAXENTRY; i++) {
		if (pos >= size) {
			s[i] = empty;
			continue;
		}
		len = 0;
		while (pos + len < size && data[pos + len] != '\0')
			len++;
		s[i] = arena_strndup(a, (const char *)data + pos, len);
		pos += len + 1;
	}

	memset(&f, 0, sizeof(f));
	memset(e, 0, sizeof(e));
	memset(ev, 0, sizeof(ev));
	memset(au, 0, sizeof(au));
	memset(cat, 0, sizeof(cat));
	memset(tr, 0, sizeof(tr));
	memset(enc, 0, sizeof(enc));
	memset(alt, 0, sizeof(alt));
	f.title = s[0];
	f.subtitle = s[1][0] != '\0' ? s[1] : NULL;
	f.lang = s[2];
	f.site_name = s[3][0] != '\0' ? s[3] : NULL;
	f.generator = s[4];
	f.id = "tag:fuzz.example,2021:feed";
	f.self = "https://fuzz.example/en/feed.atom";
	f.alternate = "https://fuzz.example/en/";
	f.site_url = "https://fuzz.example/";
	f.icon = (c[0] & 0x40) ? s[4] : NULL;
	f.ttl = c[7];
	f.updated = 1626876000 + (time_t)c[6] * 86400;
	if (c[0] & 0x80) {
		f.paging.is_archive = 1;
		f.paging.current = "https://fuzz.example/en/feed.atom";
		f.paging.prev_archive = s[1];
	} else {
		f.paging.first = "https://fuzz.example/en/feed.atom";
		f.paging.next = s[3];
	}
	alt[0].href = s[3];
	alt[0].hreflang = s[2];
	f.alternates = alt;
	f.alternatec = (c[0] & 0x20) ? 1 : 0;

	n = 1 + c[0] % MAXENTRY;
	/*
	 * Everything from 2021-01-01 on, within two weeks: each real zone
	 * costs a scan of tzdata over the span of its events, and a wider
	 * span adds nothing the fuzzer could find.
	 */
	base = 1609459200;
	for (i = 0; i < n; i++) {
		es = s + NFEED + i * NENTRY;
		e[i].id = es[3];
		e[i].title = es[0];
		e[i].summary = es[1];
		html = feed_html_absolute(a, es[2], "https://fuzz.example/");
		if (html != NULL && !valid_xml_chars(html, strlen(html)))
			abort();
		e[i].content_html = html != NULL ? html : es[2];
		e[i].url = es[3];
		e[i].lang = (c[1] & (8 << i)) ? NULL : es[8];
		e[i].published = base + (time_t)c[3 + i] * 3600;
		e[i].updated = e[i].published + (time_t)c[6] * 3600;

		au[i].name = es[4];
		au[i].uri = "https://fuzz.example/p?a=1&b=2";
		e[i].authors = &au[i];
		e[i].authorc = (c[1] & (1 << i)) ? 1 : 0;
		e[i].contributors = &au[i];
		e[i].contributorc = 1;

		cat[i][0].term = "event";
		cat[i][0].label = es[7];
		cat[i][0].scheme = "https://fuzz.example/kinds";
		cat[i][1].term = es[7];
		cat[i][1].label = es[0];
		cat[i][1].scheme = NULL;
		e[i].categories = cat[i];
		e[i].categoryc = 2;

		enc[i][0].href = "https://fuzz.example/media/x.pdf?a=1&b=2";
		enc[i][0].type = es[8];
		enc[i][0].length = (long long)c[5] * 1000 - 1000;
		enc[i][0].title = es[7];
		enc[i][1] = enc[i][0];
		e[i].enclosures = enc[i];
		e[i].enclosurec = c[5] % 3;

		tr[i].href = "https://fuzz.example/fr/x?a=1&b=2";
		tr[i].hreflang = es[8];
		e[i].translations = &tr[i];
		e[i].translationc = 1;

		if (c[1] & (0x40 >> i)) {
			z = es[5][0] != '\0' ? es[5] :
			    zones[(c[2] >> (i * 2)) & 0x1f];
			ev[i].tz = z;
			ev[i].starts = e[i].published + (time_t)c[4] * 3600;
			ev[i].ends = ev[i].starts +
			    ((time_t)c[5] - 64) * 900;
			ev[i].location = es[6];
			ev[i].online_url = (c[6] & 1) ? NULL :
			    "https://zoom.example/j/1?pwd=a&b=c";
			ev[i].registration_url = (c[6] & 2) ? NULL : es[4];
			ev[i].sequence = (long long)c[6] - 10;
			ev[i].created = e[i].published;
			e[i].event = &ev[i];
		}
	}
	f.entries = e;
	f.entryc = n;

	o = out_new();
	o2 = out_new();
	if (feed_atom_write(&f, o) != 0)
		abort();
	check_xml(o);
	/* Equal feeds, equal bytes (checked on some inputs: it costs). */
	if ((c[7] & 1) && (feed_atom_write(&f, o2) != 0 ||
	    o2->len != o->len || memcmp(o->buf, o2->buf, o->len) != 0))
		abort();

	out_reset(o);
	if (feed_rss_write(&f, o) != 0)
		abort();
	check_xml(o);

	out_reset(o);
	if (feed_json_write(&f, o) != 0)
		abort();
	check_json(o);

	out_reset(o);
	if (feed_ics_write(&f, o) != 0)
		abort();
	check_ics(o);

	out_free(o2);
	out_free(o);
	arena_free(a);
	return 0;
}
