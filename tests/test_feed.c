/*
 * The feed writers, on feeds built by hand: a webinar modelled on the
 * sample content, a statement whose text holds everything editors have
 * been known to paste (control characters, "]]>", markup, a lone
 * surrogate's UTF-8 bytes, U+FFFE, a stray byte, right-to-left text,
 * emoji, Cyrillic), an event with a 10,000-character title and neither
 * body nor summary, and an event in a zone without daylight saving time.
 *
 * Atom and RSS are read back with libxml2's parser and inspected with
 * XPath; JSON Feed with jansson; iCalendar line by line, after checking
 * the folding, and unfolded.  Set TEST_FEED_ICS to a file name to keep
 * the calendar for a check with python3-icalendar.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "arena.h"
#include "check.h"
#include "feed.h"
#include "out.h"
#include "tz.h"
#include "valid.h"

int	main(void);

#define SITE	"https://broadside.example"
#define XC(s)	((const xmlChar *)(s))

/* What the hostile text is once the invalid characters are gone. */
#define HOSTILE_IN \
	"Cont\x01rol\x0b ]]> <script>alert(1)</script> & \"q\" " \
	"\xed\xa0\x80sur\xef\xbf\xbfro\xef\xbf\xbegate\xff " \
	"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d " \
	"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 " \
	"\xf0\x9f\x8e\x89 " \
	"\xd0\x9a\xd0\xb8\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8" \
	"\xd1\x86\xd0\xb0"
#define HOSTILE_OUT \
	"Control ]]> <script>alert(1)</script> & \"q\" " \
	"surrogate " \
	"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d " \
	"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 " \
	"\xf0\x9f\x8e\x89 " \
	"\xd0\x9a\xd0\xb8\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8" \
	"\xd1\x86\xd0\xb0"

#define LONG_CHARS	10000

/* With an em dash and an ampersand. */
#define FEED_TITLE	"Broadside \xe2\x80\x94 News & events"

static char	*long_title;

static struct feed_category webinar_cats[] = {
	{ "event", "Events", SITE "/kinds" },
	{ "webinar", "Webinar", SITE "/en/tags/" },
	{ "harm-reduction", "Harm reduction; drug policy", SITE "/en/tags/" },
};
static struct feed_person webinar_speakers[] = {
	{ "Judy Chang", NULL },
	{ "Mat Southwell", SITE "/en/people/mat" },
};
static struct feed_enclosure webinar_files[] = {
	{ SITE "/media/webinar-agenda.pdf", "application/pdf", 48213,
	    "Agenda" },
	{ SITE "/media/webinar-slides.pdf?v=2&lang=en", "application/pdf",
	    1048576, NULL },
};
static struct feed_link webinar_tr[] = {
	{ SITE "/fr/events/webinaire", "fr", NULL, "Webinaire" },
	{ SITE "/es/events/seminario", "es", NULL, NULL },
	{ SITE "/ru/events/vebinar", "ru", NULL, NULL },
};
static struct feed_event webinar_ev = {
	0, 0, "Europe/Paris", "", "https://zoom.example/j/123",
	SITE "/register?event=42&src=feed", 3, 0,
};

static struct feed_category statement_cats[] = {
	{ "statement", "Statements", SITE "/kinds" },
	{ "hostile", HOSTILE_IN, SITE "/en/tags/" },
};
static struct feed_person statement_signers[] = {
	{ "INPUD", "https://inpud.example/" },
	{ "EuroNPUD", NULL },
	{ HOSTILE_IN, NULL },
};

static struct feed_event long_ev = {
	0, 0, "Mars/Olympus_Mons", "Online", NULL, NULL, 0, 0,
};
static struct feed_event tokyo_ev = {
	0, 0, "Asia/Tokyo", "Tokyo, Japan", NULL, NULL, 1, 0,
};

static struct feed_link feed_alts[] = {
	{ SITE "/fr/feed.atom", "fr", NULL, "Fil en fran\xc3\xa7" "ais" },
	{ SITE "/es/feed.atom", "es", NULL, NULL },
};

static struct feed_entry entries[4];
static struct feed sample;

/* Returns the UTC instant of "YYYY-MM-DDTHH:MM:SSZ". */
static time_t
utc(const char *s)
{
	time_t	 t;

	t = tz_parse_utc(s);
	if (t == -1) {
		fprintf(stderr, "bad date %s\n", s);
		exit(99);
	}
	return t;
}

/* Builds the sample feed described at the top of the file. */
static void
sample_build(void)
{
	static const char *const piece[] = {
		"A", "\xd0\x96", "\xf0\x9f\x8e\x89", ",", "\xc3\xa9", ";",
		"\xe2\x80\x8f",
	};
	struct feed_entry	*e;
	size_t			 i, len = 0;

	/* 10,000 characters of 1 to 4 bytes, with ',' and ';' among them. */
	long_title = malloc(LONG_CHARS * 4 + 1);
	for (i = 0; i < LONG_CHARS; i++) {
		memcpy(long_title + len, piece[i % 7], strlen(piece[i % 7]));
		len += strlen(piece[i % 7]);
	}
	long_title[len] = '\0';

	webinar_ev.starts = utc("2021-07-21T14:00:00Z");
	webinar_ev.ends = utc("2021-07-21T15:30:00Z");
	webinar_ev.created = utc("2021-07-12T09:00:00Z");
	long_ev.starts = utc("2021-09-01T12:00:00Z");
	long_ev.ends = utc("2021-09-01T13:00:00Z");
	long_ev.created = utc("2021-08-01T08:00:00Z");
	tokyo_ev.starts = utc("2022-01-10T01:00:00Z");
	tokyo_ev.ends = utc("2022-01-10T03:00:00Z");
	tokyo_ev.created = utc("2021-12-01T00:00:00Z");

	e = &entries[0];
	e->id = "tag:broadside.example,2021-07-12:item/101";
	e->title = "Webinar: Drug checking, peer-led; lessons \\ from 2020";
	e->summary = "Join us, on Zoom; with live interpretation.\n"
	    "Languages: EN, FR, ES, RU";
	e->content_html = "<p>Speakers &amp; chair: <a href=\"" SITE
	    "/en/people/judy\">Judy</a></p><p><img src=\"" SITE
	    "/media/poster.png\" alt=\"Poster\" /></p>";
	e->url = SITE "/en/events/webinar-drug-checking";
	e->lang = "en";
	e->published = utc("2021-07-12T09:00:00Z");
	e->updated = utc("2021-07-14T10:30:00Z");
	e->categories = webinar_cats;
	e->categoryc = 3;
	e->contributors = webinar_speakers;
	e->contributorc = 2;
	e->enclosures = webinar_files;
	e->enclosurec = 2;
	e->translations = webinar_tr;
	e->translationc = 3;
	e->event = &webinar_ev;

	e = &entries[1];
	e->id = "tag:broadside.example,2021-06-26:item/77";
	e->title = HOSTILE_IN;
	e->summary = HOSTILE_IN;
	e->content_html = "<p dir=\"rtl\">\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"
	    "\x01 ]]&gt; &lt;script&gt;</p>";
	e->url = SITE "/en/statements/support-dont-punish?a=1&b=2";
	e->lang = "en";
	e->published = utc("2021-06-26T08:00:00Z");
	e->updated = utc("2021-06-26T08:00:00Z");
	e->categories = statement_cats;
	e->categoryc = 2;
	e->authors = statement_signers;
	e->authorc = 1;
	e->contributors = statement_signers;
	e->contributorc = 3;

	e = &entries[2];
	e->id = "tag:broadside.example,2021-08-01:item/120";
	e->title = long_title;
	e->summary = "";
	e->content_html = "";
	e->url = SITE "/ru/events/long?x=1&y=2&z=%D0%96";
	e->lang = "ru";
	e->published = utc("2021-08-01T08:00:00Z");
	e->updated = utc("2021-08-02T08:00:00Z");
	e->event = &long_ev;

	e = &entries[3];
	e->id = "tag:broadside.example,2021-12-01:item/130";
	e->title = "Asia-Pacific network meeting";
	e->summary = "In person.";
	e->content_html = NULL;
	e->url = SITE "/en/events/apac-meeting";
	e->lang = NULL;
	e->published = utc("2021-12-01T00:00:00Z");
	e->updated = utc("2021-12-03T00:00:00Z");
	e->event = &tokyo_ev;

	sample.id = "tag:broadside.example,2021:feed/en";
	sample.title = FEED_TITLE;
	sample.subtitle = "News, statements, case studies and events";
	sample.lang = "en";
	sample.self = SITE "/en/feed.atom";
	sample.alternate = SITE "/en/";
	sample.icon = SITE "/static/icon.png";
	sample.site_url = SITE "/";
	sample.generator = "Broadside 0.1.0";
	sample.updated = utc("2021-12-03T00:00:00Z");
	sample.ttl = 60;
	sample.paging.first = SITE "/en/feed.atom";
	sample.paging.next = SITE "/en/feed.atom?page=2";
	sample.paging.prev_archive = SITE "/en/feed.atom?page=2";
	sample.alternates = feed_alts;
	sample.alternatec = 2;
	sample.entries = entries;
	sample.entryc = 4;
	sample.site_name = "Broadside";
}

/* Counts the errors libxml2 reports while parsing. */
static void
count_error(void *ctx, xmlErrorPtr err)
{
	(void)err;
	(*(int *)ctx)++;
}

/* Parses an XML document with no network and no error, or gives NULL. */
static xmlDocPtr
xml_parse(const struct out *o)
{
	xmlDocPtr	 doc;
	int		 errors = 0;

	xmlSetStructuredErrorFunc(&errors, count_error);
	doc = xmlReadMemory(o->buf, (int)o->len, NULL, NULL, XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && errors != 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL)
		fprintf(stderr, "not XML (%d errors): %.300s\n", errors,
		    o->buf);
	return doc;
}

/*
 * Returns the string value of the XPath expression, with the namespaces
 * a (Atom), fh, dc, content; caller frees.  "" if it selects nothing.
 */
static char *
xp(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr	 ctx;
	xmlXPathObjectPtr	 res;
	xmlChar			*s;
	char			*rv;

	ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, XC("a"), XC("http://www.w3.org/2005/Atom"));
	xmlXPathRegisterNs(ctx, XC("fh"),
	    XC("http://purl.org/syndication/history/1.0"));
	xmlXPathRegisterNs(ctx, XC("dc"),
	    XC("http://purl.org/dc/elements/1.1/"));
	xmlXPathRegisterNs(ctx, XC("content"),
	    XC("http://purl.org/rss/1.0/modules/content/"));
	res = xmlXPathEvalExpression(XC(expr), ctx);
	if (res == NULL) {
		fprintf(stderr, "bad XPath %s\n", expr);
		exit(99);
	}
	s = xmlXPathCastToString(res);
	rv = strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(res);
	xmlXPathFreeContext(ctx);
	return rv;
}

/* Checks that expression's string value is want. */
#define CHECK_XP(doc, expr, want) do {					\
	char *xp_ = xp((doc), (expr));					\
	CHECK_STR(xp_, (want));						\
	free(xp_);							\
} while (0)

/* Returns 1 if the whole output holds only XML characters. */
static int
only_xml_chars(const struct out *o)
{
	return valid_xml_chars(o->buf, o->len);
}

static void
test_clean(void)
{
	struct arena	*a;

	a = arena_new();
	CHECK(feed_xml_clean(a, NULL) == NULL);
	CHECK_STR(feed_xml_clean(a, "plain"), "plain");
	CHECK_STR(feed_xml_clean(a, HOSTILE_IN), HOSTILE_OUT);
	CHECK_STR(feed_xml_clean(a, "tab\tlf\ncr\r"), "tab\tlf\ncr\r");
	CHECK_STR(feed_xml_clean(a, "\xc0\xaf overlong \xf4\x90\x80\x80"),
	    " overlong ");
	arena_free(a);
}

static void
test_absolute(void)
{
	struct arena	*a;
	const char	*s;

	a = arena_new();
	s = feed_html_absolute(a, "<p><a href=\"/media/x.pdf\">x</a> "
	    "<a href=\"#notes\">n</a> <a href=\"https://other.example/a?b=1"
	    "&amp;c=2\">o</a> <a href=\"mailto:press@broadside.example\">m"
	    "</a> <a href=\"../fr/page?a=1&amp;b=2\">r</a></p><p><img src="
	    "\"/media/photo.jpg\" alt=\"A &quot;photo&quot;\" /><br /></p>"
	    "<p></p><a href=\"//cdn.example/z.png\">c</a>", SITE "/en/");
	CHECK_STR(s, "<p><a href=\"" SITE "/media/x.pdf\">x</a> "
	    "<a href=\"#notes\">n</a> <a href=\"https://other.example/a?b=1"
	    "&amp;c=2\">o</a> <a href=\"mailto:press@broadside.example\">m"
	    "</a> <a href=\"" SITE "/fr/page?a=1&amp;b=2\">r</a></p><p>"
	    "<img src=\"" SITE "/media/photo.jpg\" alt=\"A &quot;photo&quot;\""
	    " /><br /></p><p></p><a href=\"https://cdn.example/z.png\">c</a>");

	/* A path with a space and non-ASCII: percent-encoded, resolved. */
	s = feed_html_absolute(a, "<a href=\"/media/r\xc3\xa9sum\xc3\xa9 1.pdf"
	    "\">\xd0\x96</a>", SITE "/");
	CHECK_STR(s, "<a href=\"" SITE "/media/r%C3%A9sum%C3%A9%201.pdf\">"
	    "\xd0\x96</a>");

	/* Text before any element, and characters XML cannot carry. */
	s = feed_html_absolute(a, "lead \x01text <em>x</em>", SITE "/");
	CHECK_STR(s, "lead text <em>x</em>");

	CHECK_STR(feed_html_absolute(a, "", SITE "/"), "");
	CHECK_STR(feed_html_absolute(a, NULL, SITE "/"), "");
	arena_free(a);
}

static void
test_atom(void)
{
	struct out	*o, *o2;
	struct feed	 f;
	xmlDocPtr	 doc;
	char		*s;

	o = out_new();
	CHECK(feed_atom_write(&sample, o) == 0);
	CHECK(only_xml_chars(o));
	CHECK(strncmp(o->buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	    38) == 0);
	if ((doc = xml_parse(o)) == NULL) {
		CHECK(0);
		out_free(o);
		return;
	}
	CHECK_XP(doc, "string(/a:feed/@xml:lang)", "en");
	CHECK_XP(doc, "/a:feed/a:id", "tag:broadside.example,2021:feed/en");
	CHECK_XP(doc, "/a:feed/a:title", FEED_TITLE);
	CHECK_XP(doc, "/a:feed/a:subtitle",
	    "News, statements, case studies and events");
	CHECK_XP(doc, "/a:feed/a:updated", "2021-12-03T00:00:00Z");
	CHECK_XP(doc, "/a:feed/a:link[@rel='self']/@href",
	    SITE "/en/feed.atom");
	CHECK_XP(doc, "/a:feed/a:link[@rel='self']/@type",
	    "application/atom+xml");
	CHECK_XP(doc, "/a:feed/a:link[@rel='alternate' and "
	    "@type='text/html']/@href", SITE "/en/");
	CHECK_XP(doc, "/a:feed/a:link[@rel='alternate' and @hreflang='fr' "
	    "and @type='application/atom+xml']/@href", SITE "/fr/feed.atom");
	CHECK_XP(doc, "/a:feed/a:link[@rel='first']/@href",
	    SITE "/en/feed.atom");
	CHECK_XP(doc, "/a:feed/a:link[@rel='next']/@href",
	    SITE "/en/feed.atom?page=2");
	CHECK_XP(doc, "/a:feed/a:link[@rel='prev-archive']/@href",
	    SITE "/en/feed.atom?page=2");
	CHECK_XP(doc, "count(/a:feed/fh:archive)", "0");
	CHECK_XP(doc, "/a:feed/a:icon", SITE "/static/icon.png");
	CHECK_XP(doc, "/a:feed/a:generator", "Broadside 0.1.0");
	/* Entries without an author make the site the feed's author. */
	CHECK_XP(doc, "/a:feed/a:author/a:name", "Broadside");
	CHECK_XP(doc, "/a:feed/a:author/a:uri", SITE "/");
	CHECK_XP(doc, "count(/a:feed/a:entry)", "4");

	/* The webinar. */
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:id",
	    "tag:broadside.example,2021-07-12:item/101");
	CHECK_XP(doc, "string(/a:feed/a:entry[1]/@xml:lang)", "en");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:published", "2021-07-12T09:00:00Z");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:updated", "2021-07-14T10:30:00Z");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:link[@rel='alternate' and "
	    "@hreflang='en']/@href", SITE "/en/events/webinar-drug-checking");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:link[@rel='alternate' and "
	    "@hreflang='fr']/@href", SITE "/fr/events/webinaire");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:link[@rel='alternate' and "
	    "@hreflang='fr']/@type", "text/html");
	CHECK_XP(doc, "count(/a:feed/a:entry[1]/a:link[@rel='alternate'])",
	    "4");
	CHECK_XP(doc, "count(/a:feed/a:entry[1]/a:link[@rel='enclosure'])",
	    "2");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:link[@rel='enclosure'][1]/@length",
	    "48213");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:link[@rel='enclosure'][1]/@type",
	    "application/pdf");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:link[@rel='enclosure'][2]/@href",
	    SITE "/media/webinar-slides.pdf?v=2&lang=en");
	CHECK_XP(doc, "count(/a:feed/a:entry[1]/a:author)", "0");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:contributor[2]/a:name",
	    "Mat Southwell");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:contributor[2]/a:uri",
	    SITE "/en/people/mat");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:category[1]/@term", "event");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:category[3]/@label",
	    "Harm reduction; drug policy");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:category[3]/@scheme",
	    SITE "/en/tags/");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:summary/@type", "text");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:summary", entries[0].summary);
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:content/@type", "html");
	CHECK_XP(doc, "/a:feed/a:entry[1]/a:content", entries[0].content_html);

	/* The hostile statement: same text minus what XML cannot carry. */
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:title", HOSTILE_OUT);
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:summary", HOSTILE_OUT);
	CHECK_XP(doc, "count(/a:feed/a:entry[2]/a:title/*)", "0");
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:content",
	    "<p dir=\"rtl\">\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d ]]&gt; "
	    "&lt;script&gt;</p>");
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:author/a:name", "INPUD");
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:contributor[3]/a:name",
	    HOSTILE_OUT);
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:category[2]/@label", HOSTILE_OUT);
	CHECK_XP(doc, "/a:feed/a:entry[2]/a:link[@rel='alternate']/@href",
	    SITE "/en/statements/support-dont-punish?a=1&b=2");

	/* The long title, whole; no summary and no content at all. */
	s = xp(doc, "string(/a:feed/a:entry[3]/a:title)");
	CHECK_STR(s, long_title);
	free(s);
	CHECK_XP(doc, "count(/a:feed/a:entry[3]/a:summary)", "0");
	CHECK_XP(doc, "count(/a:feed/a:entry[3]/a:content)", "0");
	CHECK_XP(doc, "string(/a:feed/a:entry[3]/@xml:lang)", "ru");
	CHECK_XP(doc, "/a:feed/a:entry[3]/a:link[@rel='alternate']/@href",
	    SITE "/ru/events/long?x=1&y=2&z=%D0%96");
	/* An entry without a language has the feed's. */
	CHECK_XP(doc, "string(/a:feed/a:entry[4]/@xml:lang)", "en");
	xmlFreeDoc(doc);

	/* The same feed gives the same bytes. */
	o2 = out_new();
	CHECK(feed_atom_write(&sample, o2) == 0);
	CHECK(o->len == o2->len && memcmp(o->buf, o2->buf, o->len) == 0);
	out_free(o2);

	/* An archive page: RFC 5005 section 4. */
	f = sample;
	memset(&f.paging, 0, sizeof(f.paging));
	f.paging.is_archive = 1;
	f.paging.current = SITE "/en/feed.atom";
	f.paging.prev_archive = SITE "/en/feed.atom?page=3";
	f.paging.next_archive = SITE "/en/feed.atom?page=1";
	out_reset(o);
	CHECK(feed_atom_write(&f, o) == 0);
	if ((doc = xml_parse(o)) != NULL) {
		CHECK_XP(doc, "count(/a:feed/fh:archive)", "1");
		CHECK_XP(doc, "/a:feed/a:link[@rel='current']/@href",
		    SITE "/en/feed.atom");
		CHECK_XP(doc, "/a:feed/a:link[@rel='next-archive']/@href",
		    SITE "/en/feed.atom?page=1");
		CHECK_XP(doc, "count(/a:feed/a:link[@rel='next'])", "0");
		xmlFreeDoc(doc);
	} else
		CHECK(0);

	/* No entries: still a document, and no author is needed. */
	memset(&f, 0, sizeof(f));
	f.id = "tag:broadside.example,2021:feed/empty";
	f.title = "Empty";
	f.lang = "fr";
	out_reset(o);
	CHECK(feed_atom_write(&f, o) == 0);
	if ((doc = xml_parse(o)) != NULL) {
		CHECK_XP(doc, "count(/a:feed/a:entry)", "0");
		CHECK_XP(doc, "count(/a:feed/a:author)", "0");
		CHECK_XP(doc, "/a:feed/a:updated", "1970-01-01T00:00:00Z");
		xmlFreeDoc(doc);
	} else
		CHECK(0);
	out_free(o);
}

static void
test_rss(void)
{
	struct out	*o;
	xmlDocPtr	 doc;
	char		*s;

	o = out_new();
	CHECK(feed_rss_write(&sample, o) == 0);
	CHECK(only_xml_chars(o));
	if ((doc = xml_parse(o)) == NULL) {
		CHECK(0);
		out_free(o);
		return;
	}
	CHECK_XP(doc, "string(/rss/@version)", "2.0");
	CHECK_XP(doc, "/rss/channel/title", FEED_TITLE);
	CHECK_XP(doc, "/rss/channel/link", SITE "/en/");
	CHECK_XP(doc, "/rss/channel/description",
	    "News, statements, case studies and events");
	CHECK_XP(doc, "/rss/channel/language", "en");
	CHECK_XP(doc, "/rss/channel/lastBuildDate",
	    "Fri, 03 Dec 2021 00:00:00 +0000");
	CHECK_XP(doc, "/rss/channel/pubDate",
	    "Fri, 03 Dec 2021 00:00:00 +0000");
	CHECK_XP(doc, "/rss/channel/ttl", "60");
	CHECK_XP(doc, "/rss/channel/generator", "Broadside 0.1.0");
	CHECK_XP(doc, "/rss/channel/docs",
	    "https://www.rssboard.org/rss-specification");
	CHECK_XP(doc, "/rss/channel/image/url", SITE "/static/icon.png");
	CHECK_XP(doc, "/rss/channel/image/link", SITE "/en/");
	CHECK_XP(doc, "/rss/channel/a:link[@rel='self']/@href",
	    SITE "/en/feed.atom");
	CHECK_XP(doc, "/rss/channel/a:link[@rel='self']/@type",
	    "application/rss+xml");
	CHECK_XP(doc, "/rss/channel/a:link[@rel='next']/@href",
	    SITE "/en/feed.atom?page=2");
	CHECK_XP(doc, "/rss/channel/a:link[@rel='alternate' and "
	    "@hreflang='es']/@href", SITE "/es/feed.atom");
	CHECK_XP(doc, "count(/rss/channel/item)", "4");

	CHECK_XP(doc, "/rss/channel/item[1]/title", entries[0].title);
	CHECK_XP(doc, "/rss/channel/item[1]/link",
	    SITE "/en/events/webinar-drug-checking");
	CHECK_XP(doc, "/rss/channel/item[1]/guid",
	    "tag:broadside.example,2021-07-12:item/101");
	CHECK_XP(doc, "/rss/channel/item[1]/guid/@isPermaLink", "false");
	CHECK_XP(doc, "/rss/channel/item[1]/pubDate",
	    "Mon, 12 Jul 2021 09:00:00 +0000");
	CHECK_XP(doc, "/rss/channel/item[1]/content:encoded",
	    entries[0].content_html);
	CHECK_XP(doc, "count(/rss/channel/item[1]/enclosure)", "1");
	CHECK_XP(doc, "/rss/channel/item[1]/enclosure/@url",
	    SITE "/media/webinar-agenda.pdf");
	CHECK_XP(doc, "/rss/channel/item[1]/enclosure/@length", "48213");
	CHECK_XP(doc, "/rss/channel/item[1]/enclosure/@type",
	    "application/pdf");
	CHECK_XP(doc, "/rss/channel/item[1]/a:link[@rel='enclosure']/@href",
	    SITE "/media/webinar-slides.pdf?v=2&lang=en");
	CHECK_XP(doc, "/rss/channel/item[1]/a:link[@rel='enclosure']/@length",
	    "1048576");
	CHECK_XP(doc, "count(/rss/channel/item[1]/a:link[@rel='alternate'])",
	    "3");
	CHECK_XP(doc, "/rss/channel/item[1]/a:link[@hreflang='ru']/@href",
	    SITE "/ru/events/vebinar");
	CHECK_XP(doc, "/rss/channel/item[1]/dc:language", "en");
	CHECK_XP(doc, "/rss/channel/item[1]/dc:contributor[1]", "Judy Chang");
	CHECK_XP(doc, "/rss/channel/item[1]/category[1]", "Events");
	CHECK_XP(doc, "/rss/channel/item[1]/category[1]/@domain",
	    SITE "/kinds");

	/* The summary goes out as HTML: its markup characters escaped. */
	CHECK_XP(doc, "/rss/channel/item[2]/description",
	    "Control ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	    "&quot;q&quot; surrogate \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d "
	    "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xf0\x9f\x8e\x89 "
	    "\xd0\x9a\xd0\xb8\xd1\x80\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8"
	    "\xd1\x86\xd0\xb0");
	CHECK_XP(doc, "/rss/channel/item[2]/title", HOSTILE_OUT);
	CHECK_XP(doc, "/rss/channel/item[2]/dc:creator", "INPUD");
	CHECK_XP(doc, "/rss/channel/item[2]/dc:contributor[3]", HOSTILE_OUT);
	CHECK_XP(doc, "/rss/channel/item[2]/link",
	    SITE "/en/statements/support-dont-punish?a=1&b=2");

	s = xp(doc, "string(/rss/channel/item[3]/title)");
	CHECK_STR(s, long_title);
	free(s);
	CHECK_XP(doc, "count(/rss/channel/item[3]/description)", "0");
	CHECK_XP(doc, "count(/rss/channel/item[3]/content:encoded)", "0");
	CHECK_XP(doc, "/rss/channel/item[3]/dc:language", "ru");
	/* Without content the summary stands alone; as HTML. */
	CHECK_XP(doc, "/rss/channel/item[4]/description", "In person.");
	xmlFreeDoc(doc);
	out_free(o);
}

/* Returns the string member key of object o, or NULL. */
static const char *
jget(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void
test_json(void)
{
	struct out	*o;
	json_t		*root, *items, *it, *x;
	json_error_t	 err;
	size_t		 i;

	o = out_new();
	CHECK(feed_json_write(&sample, o) == 0);
	CHECK(o->len > 0 && o->buf[o->len - 1] == '\n');
	CHECK(valid_utf8(o->buf, o->len));
	root = json_loadb(o->buf, o->len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		fprintf(stderr, "JSON: %s at %d\n", err.text, err.line);
		CHECK(0);
		out_free(o);
		return;
	}
	CHECK_STR(jget(root, "version"), "https://jsonfeed.org/version/1.1");
	CHECK_STR(jget(root, "title"), FEED_TITLE);
	CHECK_STR(jget(root, "home_page_url"), SITE "/en/");
	CHECK_STR(jget(root, "feed_url"), SITE "/en/feed.atom");
	CHECK_STR(jget(root, "description"),
	    "News, statements, case studies and events");
	CHECK_STR(jget(root, "icon"), SITE "/static/icon.png");
	CHECK_STR(jget(root, "language"), "en");
	CHECK_STR(jget(root, "next_url"), SITE "/en/feed.atom?page=2");
	CHECK(json_is_array(json_object_get(root, "authors")));
	items = json_object_get(root, "items");
	CHECK(json_is_array(items) && json_array_size(items) == 4);

	/* What JSON Feed 1.1 requires of every item. */
	json_array_foreach(items, i, it) {
		CHECK(json_is_string(json_object_get(it, "id")));
		CHECK(json_is_string(json_object_get(it, "content_html")) ||
		    json_is_string(json_object_get(it, "content_text")));
		CHECK(json_is_string(json_object_get(it, "date_published")));
		CHECK(json_is_string(json_object_get(it, "title")));
	}

	it = json_array_get(items, 0);
	CHECK_STR(jget(it, "id"), "tag:broadside.example,2021-07-12:item/101");
	CHECK_STR(jget(it, "url"), SITE "/en/events/webinar-drug-checking");
	CHECK_STR(jget(it, "content_html"), entries[0].content_html);
	CHECK_STR(jget(it, "summary"), entries[0].summary);
	CHECK_STR(jget(it, "date_published"), "2021-07-12T09:00:00Z");
	CHECK_STR(jget(it, "date_modified"), "2021-07-14T10:30:00Z");
	CHECK_STR(jget(it, "language"), "en");
	x = json_object_get(it, "tags");
	CHECK(json_is_array(x) && json_array_size(x) == 3);
	CHECK_STR(json_string_value(json_array_get(x, 0)), "Events");
	CHECK_STR(json_string_value(json_array_get(x, 1)), "Webinar");
	x = json_object_get(it, "attachments");
	CHECK(json_is_array(x) && json_array_size(x) == 2);
	x = json_array_get(x, 0);
	CHECK_STR(jget(x, "url"), SITE "/media/webinar-agenda.pdf");
	CHECK_STR(jget(x, "mime_type"), "application/pdf");
	CHECK(json_is_integer(json_object_get(x, "size_in_bytes")) &&
	    json_integer_value(json_object_get(x, "size_in_bytes")) == 48213);
	CHECK_STR(jget(x, "title"), "Agenda");
	x = json_object_get(it, "_broadside");
	CHECK(json_is_object(x));
	CHECK_STR(jget(x, "kind"), "event");
	CHECK(json_array_size(json_object_get(x, "translations")) == 3);
	CHECK_STR(jget(json_array_get(json_object_get(x, "translations"), 0),
	    "lang"), "fr");
	CHECK(json_array_size(json_object_get(x, "contributors")) == 2);
	x = json_object_get(x, "event");
	CHECK_STR(jget(x, "starts"), "2021-07-21T14:00:00Z");
	CHECK_STR(jget(x, "ends"), "2021-07-21T15:30:00Z");
	CHECK_STR(jget(x, "tz"), "Europe/Paris");
	CHECK_STR(jget(x, "registration_url"),
	    SITE "/register?event=42&src=feed");

	it = json_array_get(items, 1);
	CHECK_STR(jget(it, "title"), HOSTILE_OUT);
	CHECK_STR(jget(it, "summary"), HOSTILE_OUT);
	CHECK_STR(jget(json_array_get(json_object_get(it, "authors"), 0),
	    "name"), "INPUD");

	it = json_array_get(items, 2);
	CHECK_STR(jget(it, "title"), long_title);
	CHECK_STR(jget(it, "content_text"), "");
	CHECK(json_object_get(it, "content_html") == NULL);
	CHECK(json_object_get(it, "summary") == NULL);
	CHECK_STR(jget(it, "language"), "ru");
	json_decref(root);
	out_free(o);
}

/*
 * Checks the physical lines of an iCalendar object: each ends in CRLF,
 * holds no other CR or LF, at most 75 octets, whole UTF-8 sequences only
 * and no control character.  Returns the number of bad lines.
 */
static int
ics_lines_bad(const struct out *o)
{
	const char	*p = o->buf, *end = o->buf + o->len, *eol;
	size_t		 i, n;
	int		 bad = 0;

	while (p < end) {
		eol = strstr(p, "\r\n");
		if (eol == NULL) {
			fprintf(stderr, "no CRLF at the end\n");
			return bad + 1;
		}
		n = (size_t)(eol - p);
		if (n > 75 || !valid_utf8(p, n)) {
			fprintf(stderr, "bad line (%zu): %.*s\n", n, (int)n, p);
			bad++;
		}
		for (i = 0; i < n; i++)
			if ((unsigned char)p[i] < 0x20 && p[i] != '\t') {
				fprintf(stderr, "control in line\n");
				bad++;
				break;
			}
		p = eol + 2;
	}
	return bad;
}

/* Returns the object unfolded: every CRLF + space removed; caller frees. */
static char *
ics_unfold(const struct out *o)
{
	char	*s;
	size_t	 i, j;

	s = malloc(o->len + 1);
	for (i = j = 0; i < o->len; i++) {
		if (o->buf[i] == '\r' && i + 2 < o->len &&
		    o->buf[i + 1] == '\n' && o->buf[i + 2] == ' ') {
			i += 2;
			continue;
		}
		s[j++] = o->buf[i];
	}
	s[j] = '\0';
	return s;
}

/*
 * Returns the value of the first unfolded line at or after from that
 * starts with prefix (which includes the ':'), up to its CRLF; caller
 * frees.  NULL if there is none.
 */
static char *
ics_value(const char *from, const char *prefix)
{
	const char	*p = from, *eol;

	while ((eol = strstr(p, "\r\n")) != NULL) {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			return strndup(p + strlen(prefix),
			    (size_t)(eol - p) - strlen(prefix));
		p = eol + 2;
	}
	return NULL;
}

/* Undoes TEXT escaping, in place. */
static char *
ics_unescape(char *s)
{
	size_t	 i, j;

	if (s == NULL)
		return NULL;
	for (i = j = 0; s[i] != '\0'; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0') {
			i++;
			s[j++] = s[i] == 'n' || s[i] == 'N' ? '\n' : s[i];
		} else
			s[j++] = s[i];
	}
	s[j] = '\0';
	return s;
}

/* Checks the value of the first line after from starting with prefix. */
#define CHECK_ICS(from, prefix, want) do {				\
	char *v_ = ics_value((from), (prefix));				\
	CHECK_STR(v_, (want));						\
	free(v_);							\
} while (0)

/* The same, unescaped as TEXT. */
#define CHECK_ICS_TEXT(from, prefix, want) do {				\
	char *v_ = ics_unescape(ics_value((from), (prefix)));		\
	CHECK_STR(v_, (want));						\
	free(v_);							\
} while (0)

static void
test_ics(void)
{
	struct out	*o;
	struct feed	 f;
	const char	*ev, *tzp, *p;
	char		*u, *path;
	FILE		*fp;
	int		 n;

	o = out_new();
	CHECK(feed_ics_write(&sample, o) == 0);
	CHECK(ics_lines_bad(o) == 0);
	if ((path = getenv("TEST_FEED_ICS")) != NULL &&
	    (fp = fopen(path, "wb")) != NULL) {
		fwrite(o->buf, 1, o->len, fp);
		fclose(fp);
	}
	u = ics_unfold(o);

	CHECK(strncmp(u, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
	CHECK(o->len > 15 &&
	    strcmp(o->buf + o->len - 15, "END:VCALENDAR\r\n") == 0);
	CHECK_ICS(u, "PRODID:", "-//Broadside//Broadside 0.1.0//EN");
	CHECK_ICS(u, "CALSCALE:", "GREGORIAN");
	CHECK_ICS(u, "METHOD:", "PUBLISH");
	CHECK_ICS_TEXT(u, "X-WR-CALNAME:", FEED_TITLE);

	/* One VTIMEZONE per zone used; the unknown zone is UTC. */
	for (n = 0, p = u; (p = strstr(p, "BEGIN:VTIMEZONE")) != NULL; p++)
		n++;
	CHECK(n == 2);
	for (n = 0, p = u; (p = strstr(p, "BEGIN:VEVENT")) != NULL; p++)
		n++;
	CHECK(n == 3);

	tzp = strstr(u, "TZID:Europe/Paris\r\n");
	CHECK(tzp != NULL);
	if (tzp != NULL) {
		/* Summer time of 2021 began on 28 March at 01:00 UTC. */
		p = strstr(tzp, "BEGIN:DAYLIGHT\r\nDTSTART:20210328T020000\r\n"
		    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
		    "END:DAYLIGHT\r\n");
		CHECK(p != NULL && p < strstr(tzp, "END:VTIMEZONE"));
		/* And winter time in force since 25 October 2020. */
		p = strstr(tzp, "BEGIN:STANDARD\r\nDTSTART:20201025T030000\r\n"
		    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
		    "END:STANDARD\r\n");
		CHECK(p != NULL && p < strstr(tzp, "END:VTIMEZONE"));
		/* Nothing before that, nothing after the webinar. */
		for (n = 0, p = tzp; (p = strstr(p, "BEGIN:")) != NULL &&
		    p < strstr(tzp, "END:VTIMEZONE"); p++)
			n++;
		CHECK(n == 2);
	}
	tzp = strstr(u, "TZID:Asia/Tokyo\r\n");
	CHECK(tzp != NULL);
	if (tzp != NULL) {
		/* No change in years: one observance, from the scan's start. */
		p = "TZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\n"
		    "DTSTART:20210109T100000\r\nTZOFFSETFROM:+0900\r\n"
		    "TZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\n"
		    "END:VTIMEZONE\r\n";
		CHECK(strncmp(tzp, p, strlen(p)) == 0);
	}

	/* The webinar: 16:00-17:30 in Paris, 14:00 UTC. */
	ev = strstr(u, "BEGIN:VEVENT");
	CHECK(ev != NULL);
	if (ev == NULL)
		goto out;
	CHECK_ICS_TEXT(ev, "UID:", "tag:broadside.example,2021-07-12:item/101");
	CHECK_ICS(ev, "UID:", "tag:broadside.example\\,2021-07-12:item/101");
	CHECK_ICS(ev, "DTSTAMP:", "20210714T103000Z");
	CHECK_ICS(ev, "DTSTART;TZID=Europe/Paris:", "20210721T160000");
	CHECK_ICS(ev, "DTEND;TZID=Europe/Paris:", "20210721T173000");
	CHECK_ICS(ev, "SUMMARY:",
	    "Webinar: Drug checking\\, peer-led\\; lessons \\\\ from 2020");
	CHECK_ICS_TEXT(ev, "SUMMARY:", entries[0].title);
	CHECK_ICS_TEXT(ev, "DESCRIPTION:", "Join us, on Zoom; with live "
	    "interpretation.\nLanguages: EN, FR, ES, RU\n\n"
	    SITE "/en/events/webinar-drug-checking\n"
	    SITE "/register?event=42&src=feed");
	CHECK_ICS(ev, "URL:", SITE "/en/events/webinar-drug-checking");
	CHECK_ICS(ev, "LOCATION:", "https://zoom.example/j/123");
	CHECK_ICS(ev, "CREATED:", "20210712T090000Z");
	CHECK_ICS(ev, "LAST-MODIFIED:", "20210714T103000Z");
	CHECK_ICS(ev, "SEQUENCE:", "3");
	CHECK_ICS(ev, "CATEGORIES:",
	    "Events,Webinar,Harm reduction\\; drug policy");
	CHECK_ICS(ev, "STATUS:", "CONFIRMED");
	CHECK_ICS(ev, "TRANSP:", "OPAQUE");

	/* The long one: unknown zone, so UTC; the whole title, unfolded. */
	ev = strstr(ev + 1, "BEGIN:VEVENT");
	CHECK(ev != NULL);
	if (ev == NULL)
		goto out;
	CHECK_ICS(ev, "DTSTART:", "20210901T120000Z");
	CHECK_ICS(ev, "DTEND:", "20210901T130000Z");
	CHECK_ICS_TEXT(ev, "SUMMARY:", long_title);
	CHECK_ICS_TEXT(ev, "DESCRIPTION:",
	    SITE "/ru/events/long?x=1&y=2&z=%D0%96");
	CHECK_ICS(ev, "URL:", SITE "/ru/events/long?x=1&y=2&z=%D0%96");
	CHECK_ICS(ev, "LOCATION:", "Online");

	ev = strstr(ev + 1, "BEGIN:VEVENT");
	CHECK(ev != NULL);
	if (ev == NULL)
		goto out;
	CHECK_ICS(ev, "DTSTART;TZID=Asia/Tokyo:", "20220110T100000");
	CHECK_ICS(ev, "DTEND;TZID=Asia/Tokyo:", "20220110T120000");
	CHECK_ICS_TEXT(ev, "LOCATION:", "Tokyo, Japan");

	/* Hostile text in an event: escaped, cleaned, still folded right. */
	f = sample;
	f.entries = &entries[1];
	f.entryc = 1;
	entries[1].event = &tokyo_ev;
	out_reset(o);
	CHECK(feed_ics_write(&f, o) == 0);
	entries[1].event = NULL;
	CHECK(ics_lines_bad(o) == 0);
	free(u);
	u = ics_unfold(o);
	CHECK_ICS_TEXT(u, "SUMMARY:", HOSTILE_OUT);
	CHECK_ICS_TEXT(u, "CATEGORIES:", "Statements," HOSTILE_OUT);

	/* No events: an empty calendar. */
	memset(&f, 0, sizeof(f));
	f.title = "Empty";
	out_reset(o);
	CHECK(feed_ics_write(&f, o) == 0);
	CHECK(ics_lines_bad(o) == 0);
	CHECK(strstr(o->buf, "VEVENT") == NULL);
	CHECK(strstr(o->buf, "VTIMEZONE") == NULL);
out:
	free(u);
	out_free(o);
}

int
main(void)
{
	sample_build();
	test_clean();
	test_absolute();
	test_atom();
	test_rss();
	test_json();
	test_ics();
	free(long_title);
	xmlCleanupParser();
	return CHECK_DONE();
}
