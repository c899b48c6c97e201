/*
 * Dates and time zones from the system's tzdata.
 *
 * The C library knows one zone at a time, the one TZ names, so each
 * conversion sets TZ to the zone, calls tzset(), converts, and puts the
 * previous TZ back.  That is only safe in a single-threaded process, which
 * every Broadside program is.  Nothing is cached between calls: glibc
 * itself keeps the last zone file loaded, and a cache of ours could only
 * go stale when tzdata is upgraded under a running worker.
 *
 * glibc treats a zone it cannot load as UTC without a word, so every
 * entry point checks the name against the zone files first (tz_valid).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tz.h"
#include "util.h"

/* Where tzdata installs zone files; glibc honours TZDIR, so do we. */
#define TZ_DEFAULT_DIR	"/usr/share/zoneinfo"

/* Longest zone name accepted; the longest in tzdata is about 30. */
#define TZ_NAME_MAX	64

/* The zone TZ named before tz_enter(), to be restored by tz_leave(). */
struct	tz_saved {
	char	*tz;		/* copy of the old TZ, or NULL if unset */
};

static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static const char *const months_fr[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
};

static const char *const months_es[12] = {
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre",
};

/* Russian dates take the month in the genitive: "21 июля". */
static const char *const months_ru[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
	"августа", "сентября", "октября", "ноября", "декабря",
};

int
tz_valid(const char *name)
{
	const char	*dir;
	char		 path[512], magic[4];
	size_t		 i, len;
	int		 fd = -1, n, rc = 0;

	if (name == NULL || (len = strlen(name)) == 0 || len > TZ_NAME_MAX)
		goto out;

	/*
	 * The name becomes part of a path, so it is held to the characters
	 * of IANA names: no "..", no leading, trailing or doubled '/'.
	 */
	if (name[0] == '/' || name[len - 1] == '/')
		goto out;
	for (i = 0; i < len; i++) {
		if ((name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') ||
		    name[i] == '_' || name[i] == '+' || name[i] == '-')
			continue;
		if (name[i] == '/' && name[i + 1] != '/')
			continue;
		goto out;
	}

	/*
	 * The "right/" zones count leap seconds inside time_t, which makes
	 * every instant we store 27 seconds off in them.
	 */
	if (strncmp(name, "right/", 6) == 0)
		goto out;

	if ((dir = getenv("TZDIR")) == NULL || dir[0] != '/')
		dir = TZ_DEFAULT_DIR;
	n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		goto out;

	/* A zone file, not a directory or anything else: "TZif" magic. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1)
		goto out;
	if (read(fd, magic, sizeof(magic)) != (ssize_t)sizeof(magic) ||
	    memcmp(magic, "TZif", sizeof(magic)) != 0)
		goto out;
	rc = 1;
out:
	if (fd != -1)
		close(fd);
	return rc;
}

/*
 * Makes zone the C library's current zone, saving the old setting in sv.
 * The leading ':' makes glibc read the name as a file, never as a POSIX
 * rule string like "EST5EDT".  Returns 0 or -1 (invalid zone, nothing
 * changed).
 */
static int
tz_enter(const char *zone, struct tz_saved *sv)
{
	char	 spec[TZ_NAME_MAX + 2];
	char	*old;
	int	 n;

	sv->tz = NULL;
	if (!tz_valid(zone))
		return -1;
	n = snprintf(spec, sizeof(spec), ":%s", zone);
	if (n < 0 || (size_t)n >= sizeof(spec))
		return -1;
	if ((old = getenv("TZ")) != NULL)
		sv->tz = xstrdup(old);
	if (setenv("TZ", spec, 1) == -1) {
		free(sv->tz);
		sv->tz = NULL;
		return -1;
	}
	tzset();
	return 0;
}

/* Puts back the zone tz_enter() replaced. */
static void
tz_leave(struct tz_saved *sv)
{
	if (sv->tz != NULL)
		setenv("TZ", sv->tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(sv->tz);
	sv->tz = NULL;
}

int
tz_localtime(time_t t, const char *zone, struct tz_local *lt)
{
	struct tz_saved	 sv;
	struct tm	 tm;
	int		 rc = -1;

	if (tz_enter(zone, &sv) == -1)
		return -1;
	if (localtime_r(&t, &tm) == NULL)
		goto out;
	memset(lt, 0, sizeof(*lt));
	lt->year = tm.tm_year + 1900;
	lt->month = tm.tm_mon + 1;
	lt->day = tm.tm_mday;
	lt->hour = tm.tm_hour;
	lt->minute = tm.tm_min;
	lt->weekday = tm.tm_wday;
	lt->utc_offset = tm.tm_gmtoff;
	/*
	 * tm_zone points into glibc's copy of the zone, which the next
	 * tzset() may free: copy it now.  Zones without a letter
	 * abbreviation give a numeric one ("+07"), kept as it is.
	 */
	strlcpy_bs(lt->abbrev, tm.tm_zone != NULL ? tm.tm_zone : "",
	    sizeof(lt->abbrev));
	rc = 0;
out:
	tz_leave(&sv);
	return rc;
}

/*
 * mktime() resolves a wall-clock time that does not exist (the hour
 * skipped in spring) by moving it, and normalises "31 June" into July;
 * both are refused by converting back and comparing.  A time that exists
 * twice (the hour repeated in autumn) is accepted as whichever of the two
 * mktime() picks: tm_isdst = -1 lets it choose.
 */
int
tz_to_utc(const char *zone, int year, int month, int day, int hour,
    int minute, time_t *res)
{
	struct tz_saved	 sv;
	struct tm	 tm, back;
	time_t		 t;
	int		 rc = -1;

	if (year < 1 || year > 9999 || month < 1 || month > 12 ||
	    day < 1 || day > 31 || hour < 0 || hour > 23 ||
	    minute < 0 || minute > 59)
		return -1;
	if (tz_enter(zone, &sv) == -1)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	/* (time_t)-1 is also a real instant, so only the round trip tells. */
	if (localtime_r(&t, &back) == NULL)
		goto out;
	if (back.tm_year != year - 1900 || back.tm_mon != month - 1 ||
	    back.tm_mday != day || back.tm_hour != hour ||
	    back.tm_min != minute)
		goto out;
	*res = t;
	rc = 0;
out:
	tz_leave(&sv);
	return rc;
}

void
tz_format_rfc3339(time_t t, char *buf, size_t size)
{
	struct tm	 tm;
	int		 n;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (gmtime_r(&t, &tm) == NULL)
		return;
	n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
	if (n < 0 || (size_t)n >= size)
		buf[0] = '\0';
}

/*
 * RFC 3339 offsets have no seconds, so the local-mean-time offsets of
 * zones before standard time (Paris was +00:09:21) cannot be written:
 * those give -1, as do an invalid zone and a short buffer.
 */
int
tz_format_rfc3339_local(time_t t, const char *zone, char *buf, size_t size)
{
	struct tz_saved	 sv;
	struct tm	 tm;
	long		 off;
	int		 n, rc = -1;

	if (size > 0)
		buf[0] = '\0';
	if (tz_enter(zone, &sv) == -1)
		return -1;
	if (localtime_r(&t, &tm) == NULL)
		goto out;
	if (tm.tm_gmtoff % 60 != 0)
		goto out;
	off = tm.tm_gmtoff < 0 ? -tm.tm_gmtoff : tm.tm_gmtoff;
	n = snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, tm.tm_sec,
	    tm.tm_gmtoff < 0 ? '-' : '+', off / 3600, (off / 60) % 60);
	if (n < 0 || (size_t)n >= size) {
		if (size > 0)
			buf[0] = '\0';
		goto out;
	}
	rc = 0;
out:
	tz_leave(&sv);
	return rc;
}

/*
 * French writes the first of the month as an ordinal, "1er juillet";
 * Spanish joins with "de"; Russian adds "г." (год, year) after the year.
 * A language tag with a region ("fr-CA") uses its language.
 */
int
tz_format_date(time_t t, const char *zone, const char *lang, char *buf,
    size_t size)
{
	struct tz_local	 lt;
	char		 l[3] = "en";
	int		 n;

	if (size > 0)
		buf[0] = '\0';
	if (tz_localtime(t, zone, &lt) == -1)
		return -1;
	if (lang != NULL && strlen(lang) >= 2 &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_')) {
		l[0] = lang[0] | 0x20;
		l[1] = lang[1] | 0x20;
	}

	if (strcmp(l, "fr") == 0)
		n = snprintf(buf, size, "%d%s %s %d", lt.day,
		    lt.day == 1 ? "er" : "", months_fr[lt.month - 1], lt.year);
	else if (strcmp(l, "es") == 0)
		n = snprintf(buf, size, "%d de %s de %d", lt.day,
		    months_es[lt.month - 1], lt.year);
	else if (strcmp(l, "ru") == 0)
		n = snprintf(buf, size, "%d %s %d г.", lt.day,
		    months_ru[lt.month - 1], lt.year);
	else
		n = snprintf(buf, size, "%d %s %d", lt.day,
		    months_en[lt.month - 1], lt.year);
	if (n < 0 || (size_t)n >= size) {
		if (size > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int
tz_format_time(time_t t, const char *zone, char *buf, size_t size)
{
	struct tz_local	 lt;
	int		 n;

	if (size > 0)
		buf[0] = '\0';
	if (tz_localtime(t, zone, &lt) == -1)
		return -1;
	n = snprintf(buf, size, "%02d:%02d", lt.hour, lt.minute);
	if (n < 0 || (size_t)n >= size) {
		if (size > 0)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* Reads n decimal digits at s; returns the value or -1. */
static int
digits(const char *s, int n)
{
	int	 i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * Days from 1970-01-01 to the proleptic Gregorian date y-m-d (Howard
 * Hinnant's days_from_civil algorithm), so parsing UTC needs no zone.
 */
static long long
days_from_civil(long long y, int m, int d)
{
	long long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
 * Accepts exactly "YYYY-MM-DD HH:MM:SS" (MariaDB DATETIME) or
 * "YYYY-MM-DDTHH:MM:SSZ" and nothing near them: no fractions, no other
 * offsets, no 31 April, no leap second.
 */
time_t
tz_parse_utc(const char *s)
{
	static const int mdays[12] =
	    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	size_t	 len;
	int	 y, mo, d, h, mi, sec, leap;

	if (s == NULL)
		return -1;
	len = strlen(s);
	if (len == 19) {
		if (s[10] != ' ')
			return -1;
	} else if (len == 20) {
		if (s[10] != 'T' || s[19] != 'Z')
			return -1;
	} else
		return -1;
	if (s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':')
		return -1;
	if ((y = digits(s, 4)) == -1 || (mo = digits(s + 5, 2)) == -1 ||
	    (d = digits(s + 8, 2)) == -1 || (h = digits(s + 11, 2)) == -1 ||
	    (mi = digits(s + 14, 2)) == -1 || (sec = digits(s + 17, 2)) == -1)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    h > 23 || mi > 59 || sec > 59)
		return -1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo == 2 && d == 29 && !leap)
		return -1;
	return (time_t)(days_from_civil(y, mo, d) * 86400LL +
	    h * 3600LL + mi * 60LL + sec);
}
