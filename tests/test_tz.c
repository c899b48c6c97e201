/*
 * Time zones against the system's tzdata, using the seed's webinar: 21 July
 * 2021, 16:00 in Paris, shown to readers in New York and Bangkok.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "tz.h"

int	main(void);

/* 2021-07-21T14:00:00Z, the webinar's start. */
#define WEBINAR	((time_t)1626876000)

static void
test_valid(void)
{
	CHECK(tz_valid("Europe/Paris"));
	CHECK(tz_valid("UTC"));
	CHECK(tz_valid("America/Argentina/Buenos_Aires"));
	CHECK(tz_valid("America/Port-au-Prince"));
	CHECK(tz_valid("Etc/GMT+5"));
	CHECK(tz_valid("Asia/Bangkok"));

	CHECK(!tz_valid("Mars/Base"));
	CHECK(!tz_valid("../etc/passwd"));
	CHECK(!tz_valid("Europe/../../../etc/passwd"));
	CHECK(!tz_valid(""));
	CHECK(!tz_valid(NULL));
	CHECK(!tz_valid("Europe/Paris/"));
	CHECK(!tz_valid("/etc/localtime"));
	CHECK(!tz_valid("Europe//Paris"));
	CHECK(!tz_valid("Europe"));		/* a directory */
	CHECK(!tz_valid("Europe/Paris "));
	CHECK(!tz_valid("Europe/Paris\n"));
	CHECK(!tz_valid("zone.tab"));		/* not a zone file */
	CHECK(!tz_valid("right/Europe/Paris"));	/* counts leap seconds */
	CHECK(!tz_valid("EST5EDT,M3.2.0,M11.1.0"));
	CHECK(!tz_valid("Europe/Paris_Europe/Paris_Europe/Paris_Europe/Paris_"
	    "Europe/Paris"));
}

static void
test_localtime(void)
{
	struct tz_local	 lt;

	CHECK(tz_localtime(WEBINAR, "Europe/Paris", &lt) == 0);
	CHECK(lt.year == 2021 && lt.month == 7 && lt.day == 21);
	CHECK(lt.hour == 16 && lt.minute == 0);
	CHECK(lt.weekday == 3);
	CHECK(lt.utc_offset == 7200);
	CHECK_STR(lt.abbrev, "CEST");

	CHECK(tz_localtime(WEBINAR, "America/New_York", &lt) == 0);
	CHECK(lt.hour == 10 && lt.minute == 0 && lt.day == 21);
	CHECK(lt.utc_offset == -4 * 3600);
	CHECK_STR(lt.abbrev, "EDT");

	/* A zone whose abbreviation is numeric keeps it. */
	CHECK(tz_localtime(WEBINAR, "Asia/Bangkok", &lt) == 0);
	CHECK(lt.hour == 21 && lt.minute == 0);
	CHECK(lt.utc_offset == 7 * 3600);
	CHECK_STR(lt.abbrev, "+07");

	CHECK(tz_localtime(WEBINAR, "UTC", &lt) == 0);
	CHECK(lt.hour == 14 && lt.utc_offset == 0);
	CHECK_STR(lt.abbrev, "UTC");

	/* Winter in Paris. */
	CHECK(tz_localtime(tz_parse_utc("2021-12-01 09:00:00"),
	    "Europe/Paris", &lt) == 0);
	CHECK(lt.hour == 10 && lt.utc_offset == 3600);
	CHECK_STR(lt.abbrev, "CET");

	/* glibc would quietly use UTC for these; we refuse. */
	CHECK(tz_localtime(WEBINAR, "Mars/Base", &lt) == -1);
	CHECK(tz_localtime(WEBINAR, "Europe/Pariss", &lt) == -1);
}

static void
test_to_utc(void)
{
	time_t	 t;

	t = 0;
	CHECK(tz_to_utc("Europe/Paris", 2021, 7, 21, 16, 0, &t) == 0);
	CHECK(t == WEBINAR);
	CHECK(tz_to_utc("America/New_York", 2021, 7, 21, 10, 0, &t) == 0);
	CHECK(t == WEBINAR);
	CHECK(tz_to_utc("Asia/Bangkok", 2021, 7, 21, 21, 0, &t) == 0);
	CHECK(t == WEBINAR);
	CHECK(tz_to_utc("UTC", 1970, 1, 1, 0, 0, &t) == 0);
	CHECK(t == 0);
	/* (time_t)-1 is an instant like any other. */
	CHECK(tz_to_utc("UTC", 1969, 12, 31, 23, 59, &t) == 0);
	CHECK(t == -60);

	/* Spring forward: 02:00-03:00 does not exist in Paris that day. */
	t = 42;
	CHECK(tz_to_utc("Europe/Paris", 2021, 3, 28, 2, 30, &t) == -1);
	CHECK(t == 42);
	CHECK(tz_to_utc("America/New_York", 2021, 3, 14, 2, 30, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 3, 28, 1, 59, &t) == 0);
	CHECK(t == tz_parse_utc("2021-03-28 00:59:00"));
	CHECK(tz_to_utc("Europe/Paris", 2021, 3, 28, 3, 0, &t) == 0);
	CHECK(t == tz_parse_utc("2021-03-28 01:00:00"));

	/* Fall back: 02:30 happens twice; either instant is accepted. */
	CHECK(tz_to_utc("Europe/Paris", 2021, 10, 31, 2, 30, &t) == 0);
	CHECK(t == tz_parse_utc("2021-10-31 00:30:00") ||
	    t == tz_parse_utc("2021-10-31 01:30:00"));

	/* Dates that do not exist, fields out of range, unknown zones. */
	CHECK(tz_to_utc("Europe/Paris", 2021, 2, 29, 12, 0, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 4, 31, 12, 0, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2020, 2, 29, 12, 0, &t) == 0);
	CHECK(tz_to_utc("Europe/Paris", 2021, 13, 1, 12, 0, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 0, 1, 12, 0, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 7, 0, 12, 0, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 7, 21, 24, 0, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 7, 21, 16, 60, &t) == -1);
	CHECK(tz_to_utc("Europe/Paris", 2021, 7, 21, -1, 0, &t) == -1);
	CHECK(tz_to_utc("Mars/Base", 2021, 7, 21, 16, 0, &t) == -1);
	CHECK(tz_to_utc(NULL, 2021, 7, 21, 16, 0, &t) == -1);
}

static void
test_rfc3339(void)
{
	char	 buf[64];

	tz_format_rfc3339(WEBINAR, buf, sizeof(buf));
	CHECK_STR(buf, "2021-07-21T14:00:00Z");
	tz_format_rfc3339(0, buf, sizeof(buf));
	CHECK_STR(buf, "1970-01-01T00:00:00Z");
	tz_format_rfc3339(WEBINAR, buf, 21);
	CHECK_STR(buf, "2021-07-21T14:00:00Z");
	tz_format_rfc3339(WEBINAR, buf, 20);
	CHECK_STR(buf, "");

	CHECK(tz_format_rfc3339_local(WEBINAR, "Europe/Paris", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "2021-07-21T16:00:00+02:00");
	CHECK(tz_format_rfc3339_local(WEBINAR, "America/New_York", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "2021-07-21T10:00:00-04:00");
	CHECK(tz_format_rfc3339_local(WEBINAR, "Asia/Kolkata", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "2021-07-21T19:30:00+05:30");
	CHECK(tz_format_rfc3339_local(WEBINAR, "America/St_Johns", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "2021-07-21T11:30:00-02:30");
	CHECK(tz_format_rfc3339_local(WEBINAR, "UTC", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "2021-07-21T14:00:00+00:00");

	/* Paris mean time was +00:09:21, which RFC 3339 cannot write. */
	CHECK(tz_format_rfc3339_local(tz_parse_utc("1890-01-01 00:00:00"),
	    "Europe/Paris", buf, sizeof(buf)) == -1);
	CHECK(tz_format_rfc3339_local(WEBINAR, "Mars/Base", buf,
	    sizeof(buf)) == -1);
	CHECK(tz_format_rfc3339_local(WEBINAR, "Europe/Paris", buf, 25) == -1);
	CHECK_STR(buf, "");
	CHECK(tz_format_rfc3339_local(WEBINAR, "Europe/Paris", buf, 26) == 0);
}

static void
test_format(void)
{
	char	 buf[64];
	time_t	 first;

	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "en", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "21 July 2021");
	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "fr", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "21 juillet 2021");
	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "es", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "21 de julio de 2021");
	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "ru", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "21 июля 2021 г.");

	/* Unknown languages fall back to English; regions are ignored. */
	CHECK(tz_format_date(WEBINAR, "UTC", "de", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "21 July 2021");
	CHECK(tz_format_date(WEBINAR, "UTC", NULL, buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "21 July 2021");
	CHECK(tz_format_date(WEBINAR, "UTC", "fr-CA", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "21 juillet 2021");
	CHECK(tz_format_date(WEBINAR, "UTC", "french", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "21 July 2021");

	/* French writes the first of the month as an ordinal. */
	first = tz_parse_utc("2021-07-01 10:00:00");
	CHECK(tz_format_date(first, "Europe/Paris", "fr", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "1er juillet 2021");
	CHECK(tz_format_date(first, "Europe/Paris", "en", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "1 July 2021");

	/* The other genitives and accents. */
	CHECK(tz_format_date(tz_parse_utc("2021-03-08 12:00:00"), "UTC", "ru",
	    buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "8 марта 2021 г.");
	CHECK(tz_format_date(tz_parse_utc("2021-08-15 12:00:00"), "UTC", "fr",
	    buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "15 août 2021");
	CHECK(tz_format_date(tz_parse_utc("2021-12-01 12:00:00"), "UTC", "es",
	    buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "1 de diciembre de 2021");

	/* The date is the zone's: late evening UTC is tomorrow in Bangkok. */
	CHECK(tz_format_date(tz_parse_utc("2021-07-21 23:30:00"),
	    "Asia/Bangkok", "en", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "22 July 2021");

	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "en", buf, 12) == -1);
	CHECK_STR(buf, "");
	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "en", buf, 13) == 0);
	CHECK(tz_format_date(WEBINAR, "Mars/Base", "en", buf,
	    sizeof(buf)) == -1);

	CHECK(tz_format_time(WEBINAR, "Europe/Paris", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "16:00");
	CHECK(tz_format_time(WEBINAR, "America/New_York", buf,
	    sizeof(buf)) == 0);
	CHECK_STR(buf, "10:00");
	CHECK(tz_format_time(WEBINAR, "Asia/Bangkok", buf, sizeof(buf)) == 0);
	CHECK_STR(buf, "21:00");
	CHECK(tz_format_time(WEBINAR, "Asia/Bangkok", buf, 5) == -1);
	CHECK(tz_format_time(WEBINAR, "Mars/Base", buf, sizeof(buf)) == -1);
}

static void
test_parse(void)
{
	CHECK(tz_parse_utc("2021-07-21 14:00:00") == WEBINAR);
	CHECK(tz_parse_utc("2021-07-21T14:00:00Z") == WEBINAR);
	CHECK(tz_parse_utc("1970-01-01 00:00:00") == 0);
	CHECK(tz_parse_utc("2000-02-29 12:00:00") == 951825600);
	CHECK(tz_parse_utc("1890-01-01 00:00:00") == -2524521600LL);
	CHECK(tz_parse_utc("2021-12-31T23:59:59Z") == 1640995199);

	CHECK(tz_parse_utc(NULL) == -1);
	CHECK(tz_parse_utc("") == -1);
	CHECK(tz_parse_utc("2021-07-21") == -1);
	CHECK(tz_parse_utc("2021-07-21T14:00:00") == -1);
	CHECK(tz_parse_utc("2021-07-21 14:00:00Z") == -1);
	CHECK(tz_parse_utc("2021-07-21T14:00:00+02:00") == -1);
	CHECK(tz_parse_utc("2021-07-21 14:00:00.000") == -1);
	CHECK(tz_parse_utc("2021-07-21 14:00:00 ") == -1);
	CHECK(tz_parse_utc(" 2021-07-21 14:00:00") == -1);
	CHECK(tz_parse_utc("2021-7-21 14:00:00") == -1);
	CHECK(tz_parse_utc("2021/07/21 14:00:00") == -1);
	CHECK(tz_parse_utc("2021-07-21t14:00:00z") == -1);
	CHECK(tz_parse_utc("abcd-07-21 14:00:00") == -1);
	CHECK(tz_parse_utc("2021-+7-21 14:00:00") == -1);
	CHECK(tz_parse_utc("2021-13-01 00:00:00") == -1);
	CHECK(tz_parse_utc("2021-00-01 00:00:00") == -1);
	CHECK(tz_parse_utc("2021-04-31 00:00:00") == -1);
	CHECK(tz_parse_utc("2021-02-29 00:00:00") == -1);
	CHECK(tz_parse_utc("1900-02-29 00:00:00") == -1);
	CHECK(tz_parse_utc("2021-07-00 00:00:00") == -1);
	CHECK(tz_parse_utc("2021-07-21 24:00:00") == -1);
	CHECK(tz_parse_utc("2021-07-21 14:60:00") == -1);
	CHECK(tz_parse_utc("2021-07-21 14:00:60") == -1);
}

/* Each call puts TZ back the way it found it, set or unset. */
static void
test_restore(void)
{
	struct tz_local	 lt;
	struct tm	 tm;
	char		 buf[64];
	const char	*v;
	time_t		 t;

	setenv("TZ", "America/Sao_Paulo", 1);
	tzset();
	CHECK(tz_localtime(WEBINAR, "Asia/Bangkok", &lt) == 0);
	CHECK(tz_format_date(WEBINAR, "Europe/Paris", "fr", buf,
	    sizeof(buf)) == 0);
	CHECK(tz_localtime(WEBINAR, "Mars/Base", &lt) == -1);
	v = getenv("TZ");
	CHECK_STR(v, "America/Sao_Paulo");
	/* And the C library's own zone is São Paulo's again (-03). */
	t = WEBINAR;
	CHECK(localtime_r(&t, &tm) != NULL && tm.tm_hour == 11);

	unsetenv("TZ");
	tzset();
	CHECK(tz_localtime(WEBINAR, "Asia/Bangkok", &lt) == 0);
	CHECK(getenv("TZ") == NULL);
}

int
main(void)
{
	test_valid();
	test_localtime();
	test_to_utc();
	test_rfc3339();
	test_format();
	test_parse();
	test_restore();
	return CHECK_DONE();
}
