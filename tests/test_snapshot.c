/*
 * Revision snapshots: every kind's fields survive a round trip through
 * JSON, the text is stable (same item, same bytes; keys in a fixed
 * order), and text that is not a snapshot is refused without a crash.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "check.h"
#include "item_edit.h"

int	main(void);

/* 2021-07-21T14:00:00Z and 2021-07-21T15:30:00Z. */
#define T_START	((time_t)1626876000)
#define T_END	((time_t)1626881400)
/* 2021-06-30T00:00:00Z, a signature date. */
#define D_SIGN	((time_t)1625011200)

static const char *tags[] = { "Wetlands", "Río Lempa", "Water rights" };
static const char *spoken[] = { "en", "es" };
static const char *interp[] = { "fr" };

static void
fill_event(struct item_edit *e)
{
	static struct edit_speaker sp[2];

	memset(e, 0, sizeof(*e));
	memset(sp, 0, sizeof(sp));
	e->id = 42;
	e->kind = KIND_EVENT;
	e->lang = "en";
	e->group_id = 17;
	e->slug = "river-basin-webinar";
	e->title = "Who owns the river? A webinar";
	e->summary = "Three speakers on \"shared water\" & the law.";
	e->body_md = "# Agenda\r\n\nLine one\nLine \xc3\xa9 two\n";
	e->hashtag = "RiverWeek";
	e->byline = NULL;
	e->status = STATUS_PUBLISHED;
	e->published_at = T_START - 86400;
	e->entry_id = "tag:example.org,2021:42";
	e->author_id = 3;
	e->version = 9;
	e->tags = tags;
	e->tagc = 3;
	e->starts_at = T_START;
	e->ends_at = T_END;
	e->tz = "Europe/Paris";
	e->location = "Online";
	e->online_url = "https://meet.example.org/river";
	e->registration_url = NULL;
	e->spoken = spoken;
	e->spokenc = 2;
	e->interpreted = interp;
	e->interpretedc = 1;
	sp[0].name = "Ana Ferreira";
	sp[0].role = "Hydrologist";
	sp[0].part = "Opening remarks";
	sp[0].org_id = 5;
	sp[0].is_chair = 1;
	sp[0].org_name = "not saved";
	sp[1].name = "Kofi Mensah";
	sp[1].role = "";
	sp[1].part = "";
	e->speakers = sp;
	e->speakerc = 2;
}

static void
test_event_round_trip(void)
{
	struct arena		*ar = arena_new();
	struct item_edit	 e, b;
	char			*js, *js2;

	fill_event(&e);
	js = item_snapshot_json(ar, &e);
	CHECK(js != NULL);
	if (js == NULL)
		goto out;
	/* The fixed order: kind first, then lang, ..., speakers last. */
	CHECK(strstr(js, "\"kind\"") < strstr(js, "\"lang\""));
	CHECK(strstr(js, "\"title\"") < strstr(js, "\"body_md\""));
	CHECK(strstr(js, "\"tags\"") < strstr(js, "\"starts_at\""));
	CHECK(strstr(js, "\"starts_at\": \"2021-07-21T14:00:00Z\"") != NULL);
	CHECK(strstr(js, "\"byline\": null") != NULL);
	CHECK(strstr(js, "\"status\": \"published\"") != NULL);
	/* Read-only fields are not part of a snapshot. */
	CHECK(strstr(js, "entry_id") == NULL);
	CHECK(strstr(js, "\"version\"") == NULL);
	CHECK(strstr(js, "not saved") == NULL);

	CHECK(item_snapshot_parse(ar, js, &b) == 0);
	CHECK(b.id == 0);
	CHECK(b.version == 0);
	CHECK(b.entry_id == NULL);
	CHECK(b.kind == KIND_EVENT);
	CHECK_STR(b.lang, "en");
	CHECK(b.group_id == 17);
	CHECK_STR(b.slug, e.slug);
	CHECK_STR(b.title, e.title);
	CHECK_STR(b.summary, e.summary);
	CHECK_STR(b.body_md, e.body_md);
	CHECK_STR(b.hashtag, "RiverWeek");
	CHECK(b.byline == NULL);
	CHECK(b.status == STATUS_PUBLISHED);
	CHECK(b.published_at == e.published_at);
	CHECK(b.author_id == 3);
	CHECK(b.tagc == 3);
	if (b.tagc == 3) {
		CHECK_STR(b.tags[0], "Wetlands");
		CHECK_STR(b.tags[1], "R\xc3\xado Lempa");
		CHECK_STR(b.tags[2], "Water rights");
	}
	CHECK(b.starts_at == T_START);
	CHECK(b.ends_at == T_END);
	CHECK_STR(b.tz, "Europe/Paris");
	CHECK_STR(b.location, "Online");
	CHECK_STR(b.online_url, e.online_url);
	CHECK(b.registration_url == NULL);
	CHECK(b.spokenc == 2 && b.interpretedc == 1);
	if (b.spokenc == 2 && b.interpretedc == 1) {
		CHECK_STR(b.spoken[1], "es");
		CHECK_STR(b.interpreted[0], "fr");
	}
	CHECK(b.speakerc == 2);
	if (b.speakerc == 2) {
		CHECK_STR(b.speakers[0].name, "Ana Ferreira");
		CHECK_STR(b.speakers[0].role, "Hydrologist");
		CHECK_STR(b.speakers[0].part, "Opening remarks");
		CHECK(b.speakers[0].org_id == 5);
		CHECK(b.speakers[0].is_chair == 1);
		CHECK(b.speakers[0].org_name == NULL);
		CHECK_STR(b.speakers[1].name, "Kofi Mensah");
		CHECK_STR(b.speakers[1].role, "");
		CHECK(b.speakers[1].org_id == 0);
		CHECK(b.speakers[1].is_chair == 0);
	}

	/* Stable: the parsed copy writes the same bytes. */
	js2 = item_snapshot_json(ar, &b);
	CHECK_STR(js2, js);
out:
	arena_free(ar);
}

static void
test_statement_round_trip(void)
{
	struct arena		*ar = arena_new();
	struct item_edit	 e, b;
	struct edit_media	 m[2];
	struct edit_signatory	 s[2];
	char			*js;

	memset(&e, 0, sizeof(e));
	memset(m, 0, sizeof(m));
	memset(s, 0, sizeof(s));
	e.kind = KIND_STATEMENT;
	e.lang = "fr";
	e.slug = "declaration-commune";
	e.title = "D\xc3\xa9" "claration commune";
	e.summary = "";
	e.body_md = "Nous, soussign\xc3\xa9s";	/* no final newline */
	e.status = STATUS_DRAFT;
	m[0].media_id = 8;
	m[0].role = MEDIA_HERO;
	m[0].alt = "A delta seen from above";
	m[0].caption = NULL;
	m[0].credit = "Photo: L. Duarte";
	m[0].filename = "ab/cd.jpg";
	m[1].media_id = 9;
	m[1].role = MEDIA_ATTACHMENT;
	e.media = m;
	e.mediac = 2;
	s[0].org_id = 11;
	s[0].role = "co-signatory";
	s[0].signed_on = D_SIGN;
	s[1].org_id = 12;
	s[1].role = "supporter";
	e.sigs = s;
	e.sigc = 2;

	js = item_snapshot_json(ar, &e);
	CHECK(js != NULL);
	if (js == NULL)
		goto out;
	CHECK(strstr(js, "\"signed_on\": \"2021-06-30\"") != NULL);
	CHECK(strstr(js, "\"role\": \"hero\"") != NULL);
	CHECK(strstr(js, "\"group_id\": null") != NULL);
	CHECK(strstr(js, "\"published_at\": null") != NULL);
	/* No event fields for other kinds. */
	CHECK(strstr(js, "starts_at") == NULL);
	CHECK(strstr(js, "ab/cd.jpg") == NULL);

	CHECK(item_snapshot_parse(ar, js, &b) == 0);
	CHECK(b.kind == KIND_STATEMENT);
	CHECK_STR(b.title, e.title);
	CHECK_STR(b.body_md, e.body_md);
	CHECK(b.group_id == 0 && b.published_at == 0 && b.author_id == 0);
	CHECK(b.hashtag == NULL && b.byline == NULL);
	CHECK(b.tagc == 0);
	CHECK(b.mediac == 2);
	if (b.mediac == 2) {
		CHECK(b.media[0].media_id == 8);
		CHECK(b.media[0].role == MEDIA_HERO);
		CHECK_STR(b.media[0].alt, m[0].alt);
		CHECK(b.media[0].caption == NULL);
		CHECK_STR(b.media[0].credit, m[0].credit);
		CHECK(b.media[0].filename == NULL);
		CHECK(b.media[1].role == MEDIA_ATTACHMENT);
		CHECK(b.media[1].alt == NULL);
	}
	CHECK(b.sigc == 2);
	if (b.sigc == 2) {
		CHECK(b.sigs[0].org_id == 11);
		CHECK_STR(b.sigs[0].role, "co-signatory");
		CHECK(b.sigs[0].signed_on == D_SIGN);
		CHECK(b.sigs[1].signed_on == 0);
	}
	CHECK(b.speakerc == 0 && b.starts_at == 0 && b.tz == NULL);
	CHECK_STR(item_snapshot_json(ar, &b), js);
out:
	arena_free(ar);
}

/* Empty strings and NULLs: required text comes back as "". */
static void
test_minimal(void)
{
	struct arena		*ar = arena_new();
	struct item_edit	 e, b;
	char			*js;

	memset(&e, 0, sizeof(e));
	e.kind = KIND_NEWS;
	e.lang = "en";
	e.status = STATUS_REVIEW;
	js = item_snapshot_json(ar, &e);
	CHECK(js != NULL);
	CHECK(item_snapshot_parse(ar, js, &b) == 0);
	CHECK_STR(b.title, "");
	CHECK_STR(b.slug, "");
	CHECK_STR(b.body_md, "");
	CHECK(b.status == STATUS_REVIEW);

	/* A minimal hand-written snapshot: missing keys are zero. */
	CHECK(item_snapshot_parse(ar,
	    "{\"kind\":\"news\",\"lang\":\"es\"}", &b) == 0);
	CHECK(b.kind == KIND_NEWS);
	CHECK_STR(b.lang, "es");
	CHECK(b.status == STATUS_DRAFT);
	CHECK_STR(b.title, "");
	CHECK(b.tagc == 0 && b.mediac == 0);
	/* Unknown keys are ignored; "" times are unset. */
	CHECK(item_snapshot_parse(ar, "{\"kind\":\"news\",\"lang\":\"es\","
	    "\"later\":[1,2],\"published_at\":\"\"}", &b) == 0);
	CHECK(b.published_at == 0);
	arena_free(ar);
}

static void
test_bad_input(void)
{
	struct arena		*ar = arena_new();
	struct item_edit	 e, b;
	struct edit_media	 m;
	size_t			 i;
	static const char *const bad[] = {
		"",
		"null",
		"[]",
		"\"kind\"",
		"{",
		"{\"kind\":\"news\"",
		"{}",
		"{\"kind\":\"news\"}",				/* no lang */
		"{\"kind\":\"blog\",\"lang\":\"en\"}",		/* kind */
		"{\"kind\":\"news\",\"lang\":\"\"}",
		"{\"kind\":\"news\",\"lang\":7}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"status\":\"gone\"}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"title\":3}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"title\":\"a\\u0000b\"}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"lang\":\"fr\"}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"group_id\":-4}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"group_id\":\"4\"}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"author_id\":1.5}",
		"{\"kind\":\"news\",\"lang\":\"en\","
		    "\"published_at\":\"yesterday\"}",
		"{\"kind\":\"news\",\"lang\":\"en\","
		    "\"published_at\":\"2021-02-29T10:00:00Z\"}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"tags\":\"a,b\"}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"tags\":[\"a\",1]}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"media\":[1]}",
		"{\"kind\":\"news\",\"lang\":\"en\","
		    "\"media\":[{\"media_id\":1,\"role\":\"poster\"}]}",
		"{\"kind\":\"news\",\"lang\":\"en\","
		    "\"media\":[{\"role\":\"hero\"}]}",
		"{\"kind\":\"statement\",\"lang\":\"en\","
		    "\"signatories\":[{\"org_id\":1,\"role\":\"x\","
		    "\"signed_on\":\"2021-6-3\"}]}",
		"{\"kind\":\"statement\",\"lang\":\"en\","
		    "\"signatories\":[{\"org_id\":1,\"role\":\"x\","
		    "\"signed_on\":\"2021-13-01\"}]}",
		"{\"kind\":\"event\",\"lang\":\"en\","
		    "\"speakers\":[{\"name\":\"A\",\"is_chair\":1}]}",
		"{\"kind\":\"event\",\"lang\":\"en\",\"speakers\":{}}",
		"{\"kind\":\"event\",\"lang\":\"en\",\"starts_at\":1626876000}",
		"{\"kind\":\"news\",\"lang\":\"en\",\"title\":\"\xff\"}",
	};

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		b.title = "x";
		if (item_snapshot_parse(ar, bad[i], &b) != -1)
			fprintf(stderr, "accepted: %s\n", bad[i]);
		CHECK(item_snapshot_parse(ar, bad[i], &b) == -1);
		CHECK(b.title == NULL);	/* zeroed on failure */
	}
	CHECK(item_snapshot_parse(ar, NULL, &b) == -1);

	/* Writing refuses text that is not UTF-8 and bad enums. */
	memset(&e, 0, sizeof(e));
	e.kind = KIND_NEWS;
	e.lang = "en";
	e.title = "caf\xe9";
	CHECK(item_snapshot_json(ar, &e) == NULL);
	e.title = "ok";
	e.status = STATUS__MAX;
	CHECK(item_snapshot_json(ar, &e) == NULL);
	e.status = STATUS_DRAFT;
	memset(&m, 0, sizeof(m));
	m.media_id = 1;
	m.role = MEDIA__MAX;
	e.media = &m;
	e.mediac = 1;
	CHECK(item_snapshot_json(ar, &e) == NULL);
	arena_free(ar);
}

/* The importer's snapshots (db_import.c): names instead of ids. */
static void
test_import_format(void)
{
	struct arena		*ar = arena_new();
	struct item_edit	 b;
	const char		*js =
	    "{\"body_md\":\"Text\\n\",\"byline\":null,\"entry_id\":\"tag:x\","
	    "\"event\":{\"ends_at\":\"2021-07-21T15:30:00Z\","
	    "\"interpretation\":[\"fr\"],\"location\":\"Online\","
	    "\"online_url\":null,\"registration_url\":null,"
	    "\"speakers\":[{\"chair\":true,\"name\":\"Ana\","
	    "\"org\":\"water-alliance\",\"part\":\"\",\"role\":\"\"},"
	    "{\"chair\":false,\"name\":\"Kofi\",\"org\":null,"
	    "\"part\":\"Close\",\"role\":\"Chair\"}],"
	    "\"spoken\":[\"en\"],\"starts_at\":\"2021-07-21T14:00:00Z\","
	    "\"tz\":\"Europe/Paris\"},"
	    "\"group\":\"webinar-2021\",\"hashtag\":null,\"id\":7,"
	    "\"kind\":\"event\",\"lang\":\"en\","
	    "\"media\":[{\"alt\":\"A\",\"caption\":null,\"credit\":null,"
	    "\"file\":\"river.jpg\",\"role\":\"hero\"}],"
	    "\"published_at\":\"2021-06-01T09:00:00Z\","
	    "\"signatories\":[{\"org\":\"water-alliance\",\"role\":\"x\","
	    "\"signed_on\":\"2021-06-30T00:00:00Z\"}],"
	    "\"slug\":\"webinar\",\"status\":\"published\","
	    "\"summary\":\"S\",\"tags\":[\"Water\"],\"title\":\"T\"}";

	CHECK(item_snapshot_parse(ar, js, &b) == 0);
	CHECK(b.kind == KIND_EVENT && b.status == STATUS_PUBLISHED);
	CHECK(b.group_id == 0 && b.entry_id == NULL);
	CHECK_STR(b.body_md, "Text\n");
	CHECK(b.starts_at == T_START && b.ends_at == T_END);
	CHECK_STR(b.tz, "Europe/Paris");
	CHECK(b.spokenc == 1 && b.interpretedc == 1);
	CHECK(b.speakerc == 2);
	if (b.speakerc == 2) {
		CHECK(b.speakers[0].is_chair == 1);
		CHECK(b.speakers[0].org_id == 0);
		CHECK_STR(b.speakers[0].org_name, "water-alliance");
		CHECK(b.speakers[1].org_name == NULL);
		CHECK_STR(b.speakers[1].part, "Close");
	}
	CHECK(b.mediac == 1);
	if (b.mediac == 1) {
		CHECK(b.media[0].media_id == 0);
		CHECK_STR(b.media[0].original_name, "river.jpg");
		CHECK(b.media[0].role == MEDIA_HERO);
	}
	CHECK(b.sigc == 1);
	if (b.sigc == 1) {
		CHECK(b.sigs[0].org_id == 0);
		CHECK_STR(b.sigs[0].org_name, "water-alliance");
		CHECK(b.sigs[0].signed_on == D_SIGN);
	}
	/* A signatory needs an id or a name; a date may be an instant. */
	CHECK(item_snapshot_parse(ar, "{\"kind\":\"statement\",\"lang\":"
	    "\"en\",\"signatories\":[{\"org\":\"\",\"role\":\"x\"}]}",
	    &b) == -1);
	CHECK(item_snapshot_parse(ar, "{\"kind\":\"statement\",\"lang\":"
	    "\"en\",\"signatories\":[{\"org_id\":3,\"role\":\"x\","
	    "\"signed_on\":\"2021-06-30T17:45:00Z\"}]}", &b) == 0);
	CHECK(b.sigc == 1 && b.sigs[0].signed_on == D_SIGN);
	CHECK(item_snapshot_parse(ar, "{\"kind\":\"event\",\"lang\":"
	    "\"en\",\"event\":[]}", &b) == -1);
	arena_free(ar);
}

static void
test_status_names(void)
{
	CHECK(item_status_from_name("draft") == STATUS_DRAFT);
	CHECK(item_status_from_name("review") == STATUS_REVIEW);
	CHECK(item_status_from_name("published") == STATUS_PUBLISHED);
	CHECK(item_status_from_name("archived") == STATUS_ARCHIVED);
	CHECK(item_status_from_name("scheduled") == STATUS__MAX);
	CHECK(item_status_from_name("") == STATUS__MAX);
	CHECK(item_status_from_name(NULL) == STATUS__MAX);
	CHECK_STR(item_status_names[STATUS_REVIEW], "review");
}

int
main(void)
{
	test_event_round_trip();
	test_statement_round_trip();
	test_minimal();
	test_bad_input();
	test_import_format();
	test_status_names();
	return CHECK_DONE();
}
