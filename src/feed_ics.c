/*
 * iCalendar (RFC 5545): a VCALENDAR with one VEVENT per entry that has an
 * event, and one VTIMEZONE per zone those events use.  No library writes
 * it, so this file has its own small writer: a content line is built in a
 * buffer through functions that escape (TEXT values), filter (URIs,
 * parameter values) or format (dates, numbers) what they are given; only
 * ics_lit() appends bytes as they are, and it takes string literals only.
 * The finished line is then folded at 75 octets, never inside a UTF-8
 * sequence, and ended with CRLF.
 *
 * Times carry their zone: DTSTART;TZID=Europe/Paris:20210721T160000 and a
 * VTIMEZONE for Europe/Paris listing the zone's offset changes around the
 * events, found by asking tz.c (the system's tzdata), so calendars that
 * do not know IANA names still place the event right.  UTC, and any zone
 * tzdata does not know, is written in the "...Z" form.
 *
 * Nothing depends on the clock: DTSTAMP is the entry's last change, so
 * equal feeds give equal bytes.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "feed.h"
#include "log.h"
#include "out.h"
#include "tz.h"
#include "util.h"

/* Longest content line in octets, without its CRLF (RFC 5545 3.1). */
#define ICS_FOLD	75

/*
 * Step of the scan for offset changes.  A zone changes its offset at most
 * a few times a year, weeks or months apart; two changes within one step
 * that cancel out would be missed, and tzdata has none in the years
 * events are held (the shortest, Morocco's Ramadan suspensions, last
 * about five weeks).  Each change found is then located to the second by
 * bisection.  Every step is a tz_localtime() call, which reads the zone
 * file, so the step is as long as is safe.
 */
#define ICS_SCAN_STEP	(14 * 86400)

/* How far before its first event a zone's changes are listed. */
#define ICS_SCAN_BEFORE	(366 * 86400)

/*
 * Zones wider than this (first to last event) get no explicit list of
 * changes past it: the scan costs tz.c calls, and a calendar spanning
 * decades is not something we publish.
 */
#define ICS_SCAN_MAX	((time_t)12 * 366 * 86400)

/* Appends a string literal to the line; see the file's comment. */
#define ics_lit(w, s)	ics_raw((w), "" s "", sizeof(s) - 1)

/* The writer: the content line being built, and where lines go. */
struct	ics {
	struct out	*o;
	char		*line;		/* unfolded line, not NUL-terminated */
	size_t		 len;
	size_t		 cap;
};

/* A zone used by the events, and the instants it must cover. */
struct	ics_zone {
	const char	*name;		/* IANA name, valid */
	time_t		 lo;		/* earliest start */
	time_t		 hi;		/* latest start or end */
};

/* An observance: the offset from an onset on (a VTIMEZONE sub-part). */
struct	ics_obs {
	time_t		 onset;		/* UTC instant of the change */
	long		 from;		/* offset before, seconds east */
	long		 to;		/* offset after */
	char		 name[16];	/* abbreviation after the change */
	int		 daylight;	/* DAYLIGHT rather than STANDARD */
};

/* Names tzdata gives to UTC itself; events in them are written "...Z". */
static const char *const utc_names[] = {
	"UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal",
	"Zulu", "Etc/Zulu", "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "GMT+0",
	"Etc/GMT+0", "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich",
};

#define NELEMS(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Appends n bytes to the line as they are.  Only ics_lit() and the
 * formatting functions below call it, never with text from a feed.
 */
static void
ics_raw(struct ics *w, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (w->cap - w->len < n) {
		while (w->cap - w->len < n) {
			if (w->cap > SIZE_MAX / 2)
				xabort("ics_raw: overflow");
			w->cap = w->cap == 0 ? 256 : w->cap * 2;
		}
		w->line = xrealloc(w->line, w->cap);
	}
	memcpy(w->line + w->len, s, n);
	w->len += n;
}

/*
 * Appends s as a TEXT value (RFC 5545 3.3.11): backslash, ';' and ','
 * escaped, each line break (CRLF, LF or CR) as "\n", and the control
 * characters TEXT does not allow (all but tab, and DEL) left out.
 */
static void
ics_text(struct ics *w, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, start;

	if (s == NULL)
		return;
	for (i = start = 0; p[i] != '\0'; i++) {
		if (p[i] >= 0x20 && p[i] != 0x7f && p[i] != '\\' &&
		    p[i] != ';' && p[i] != ',')
			continue;
		if (p[i] == '\t')
			continue;
		ics_raw(w, s + start, i - start);
		start = i + 1;
		switch (p[i]) {
		case '\\':
			ics_lit(w, "\\\\");
			break;
		case ';':
			ics_lit(w, "\\;");
			break;
		case ',':
			ics_lit(w, "\\,");
			break;
		case '\r':
			if (p[i + 1] == '\n')
				i++;
			start = i + 1;
			ics_lit(w, "\\n");
			break;
		case '\n':
			ics_lit(w, "\\n");
			break;
		default:
			break;	/* another control: left out */
		}
	}
	ics_raw(w, s + start, i - start);
}

/*
 * Appends s as a URI value, which RFC 5545 does not escape: only the
 * bytes no URI may hold (controls, space, DEL, '"') are left out, so a
 * value cannot end the line or the property.
 */
static void
ics_uri(struct ics *w, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, start;

	if (s == NULL)
		return;
	for (i = start = 0; p[i] != '\0'; i++) {
		if (p[i] > 0x20 && p[i] != 0x7f && p[i] != '"')
			continue;
		ics_raw(w, s + start, i - start);
		start = i + 1;
	}
	ics_raw(w, s + start, i - start);
}

/*
 * Appends a parameter value such as a TZID.  Zone names that tz_valid()
 * accepts hold none of the characters that would need quoting; anything
 * outside [A-Za-z0-9/_+-] is left out all the same.
 */
static void
ics_param(struct ics *w, const char *s)
{
	size_t	 i, start;

	for (i = start = 0; s[i] != '\0'; i++) {
		if ((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '/' || s[i] == '_' || s[i] == '+' || s[i] == '-')
			continue;
		ics_raw(w, s + start, i - start);
		start = i + 1;
	}
	ics_raw(w, s + start, i - start);
}

/* Appends a decimal integer. */
static void
ics_int(struct ics *w, long long v)
{
	char	 buf[32];
	int	 n;

	n = snprintf(buf, sizeof(buf), "%lld", v);
	if (n > 0 && (size_t)n < sizeof(buf))
		ics_raw(w, buf, (size_t)n);
}

/*
 * Appends the broken-down time as a DATE-TIME, "20210721T160000", with
 * a 'Z' if utc.  Years outside 0..9999 cannot be written and give
 * "00000101T000000" instead of a line that no parser reads.
 */
static void
ics_tm(struct ics *w, const struct tm *tm, int utc)
{
	char	 buf[32];
	int	 n, year;

	year = tm->tm_year + 1900;
	if (year < 0 || year > 9999)
		n = snprintf(buf, sizeof(buf), "00000101T000000%s",
		    utc ? "Z" : "");
	else
		n = snprintf(buf, sizeof(buf), "%04d%02d%02dT%02d%02d%02d%s",
		    year, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
		    tm->tm_min, tm->tm_sec, utc ? "Z" : "");
	if (n > 0 && (size_t)n < sizeof(buf))
		ics_raw(w, buf, (size_t)n);
}

/* Appends the instant t in UTC: "20210721T140000Z". */
static void
ics_utc(struct ics *w, time_t t)
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	ics_tm(w, &tm, 1);
}

/*
 * Appends the wall-clock time of t at the offset off (seconds east):
 * "20210721T160000".
 */
static void
ics_wall(struct ics *w, time_t t, long off)
{
	struct tm	 tm;
	time_t		 lt;

	lt = t + off;
	if (gmtime_r(&lt, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	ics_tm(w, &tm, 0);
}

/* Appends a UTC-OFFSET, "+0200" or "-0330" (with seconds if any). */
static void
ics_offset(struct ics *w, long off)
{
	char	 buf[16];
	long	 a;
	int	 n;

	a = off < 0 ? -off : off;
	if (a % 60 != 0)
		n = snprintf(buf, sizeof(buf), "%c%02ld%02ld%02ld",
		    off < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
	else
		n = snprintf(buf, sizeof(buf), "%c%02ld%02ld",
		    off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	if (n > 0 && (size_t)n < sizeof(buf))
		ics_raw(w, buf, (size_t)n);
}

/*
 * Ends the content line: writes it folded (RFC 5545 3.1) and empties the
 * buffer.  Every physical line holds at most ICS_FOLD octets, the leading
 * space of a continuation included, and a fold never falls inside a
 * UTF-8 sequence (it moves back to the sequence's first byte).
 */
static void
ics_end(struct ics *w)
{
	size_t	 pos = 0, room, n, k;

	room = ICS_FOLD;
	while (w->len - pos > room) {
		n = room;
		while (n > 0 &&
		    ((unsigned char)w->line[pos + n] & 0xc0) == 0x80)
			n--;
		/* Not UTF-8 after all (cannot happen): cut anywhere. */
		if (n == 0)
			n = room;
		/*
		 * Unfolding comes before unescaping, so a fold inside
		 * "\n" is legal; but not every reader unfolds first, and
		 * keeping the pair together costs one byte.  A backslash
		 * ends an escape's first half if an odd run ends there.
		 */
		for (k = 0; k < n && w->line[pos + n - 1 - k] == '\\'; k++)
			continue;
		if (k % 2 == 1)
			n--;
		out_bytes(w->o, w->line + pos, n);
		out_lit(w->o, "\r\n ");
		pos += n;
		room = ICS_FOLD - 1;
	}
	out_bytes(w->o, w->line + pos, w->len - pos);
	out_lit(w->o, "\r\n");
	w->len = 0;
}

/* Returns 1 if zone is written in UTC: none, unknown, or UTC itself. */
static int
zone_is_utc(const char *zone)
{
	size_t	 i;

	if (zone == NULL || zone[0] == '\0')
		return 1;
	for (i = 0; i < NELEMS(utc_names); i++)
		if (strcmp(zone, utc_names[i]) == 0)
			return 1;
	return !tz_valid(zone);
}

/*
 * Finds the first instant in (t0, t1] whose offset differs from off0,
 * knowing that t1's does, and fills o with the change there.  Returns 0,
 * or -1 if tz.c fails.
 */
static int
find_change(const char *zone, time_t t0, time_t t1, long off0,
    struct ics_obs *o)
{
	struct tz_local	 lt;
	time_t		 mid;

	while (t1 - t0 > 1) {
		mid = t0 + (t1 - t0) / 2;
		if (tz_localtime(mid, zone, &lt) == -1)
			return -1;
		if (lt.utc_offset == off0)
			t0 = mid;
		else
			t1 = mid;
	}
	if (tz_localtime(t1, zone, &lt) == -1)
		return -1;
	o->onset = t1;
	o->from = off0;
	o->to = lt.utc_offset;
	strlcpy_bs(o->name, lt.abbrev, sizeof(o->name));
	o->daylight = o->to > o->from;
	return 0;
}

/* Writes one STANDARD or DAYLIGHT sub-component. */
static void
obs_write(struct ics *w, const struct ics_obs *o)
{
	if (o->daylight)
		ics_lit(w, "BEGIN:DAYLIGHT");
	else
		ics_lit(w, "BEGIN:STANDARD");
	ics_end(w);
	/* The onset as the clock showed it, before the change. */
	ics_lit(w, "DTSTART:");
	ics_wall(w, o->onset, o->from);
	ics_end(w);
	ics_lit(w, "TZOFFSETFROM:");
	ics_offset(w, o->from);
	ics_end(w);
	ics_lit(w, "TZOFFSETTO:");
	ics_offset(w, o->to);
	ics_end(w);
	if (o->name[0] != '\0') {
		ics_lit(w, "TZNAME:");
		ics_text(w, o->name);
		ics_end(w);
	}
	if (o->daylight)
		ics_lit(w, "END:DAYLIGHT");
	else
		ics_lit(w, "END:STANDARD");
	ics_end(w);
}

/*
 * Writes the VTIMEZONE of z: every offset change from a year before its
 * first event to its last event, each as an observance
 * starting at the change.  If none of those changes precedes the first
 * event (a zone without daylight saving time, or one whose rules changed
 * in between), an observance at the start of the scan carries the offset
 * then in force, so that every event time falls in one.  Returns 0, or -1
 * if tz.c fails.
 */
static int
vtimezone_write(struct ics *w, const struct ics_zone *z)
{
	struct ics_obs	*obs = NULL, first;
	struct tz_local	 lt;
	time_t		 from, to, t, next;
	long		 off, lowest;
	size_t		 n = 0, cap = 0, i;
	int		 rc = -1;

	from = z->lo - ICS_SCAN_BEFORE;
	to = z->hi;
	if (to - z->lo > ICS_SCAN_MAX)
		to = z->lo + ICS_SCAN_MAX;

	if (tz_localtime(from, z->name, &lt) == -1)
		goto out;
	memset(&first, 0, sizeof(first));
	first.onset = from;
	first.from = first.to = off = lowest = lt.utc_offset;
	strlcpy_bs(first.name, lt.abbrev, sizeof(first.name));

	for (t = from; t < to; t = next) {
		next = to - t > ICS_SCAN_STEP ? t + ICS_SCAN_STEP : to;
		if (tz_localtime(next, z->name, &lt) == -1)
			goto out;
		if (lt.utc_offset == off)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			obs = xreallocarray(obs, cap, sizeof(*obs));
		}
		if (find_change(z->name, t, next, off, &obs[n]) == -1)
			goto out;
		/* Several changes in one step: look again from this one. */
		next = obs[n].onset;
		off = obs[n].to;
		if (off < lowest)
			lowest = off;
		n++;
	}

	ics_lit(w, "BEGIN:VTIMEZONE");
	ics_end(w);
	ics_lit(w, "TZID:");
	ics_param(w, z->name);
	ics_end(w);
	if (n == 0 || obs[0].onset > z->lo) {
		first.daylight = n > 0 && first.to > lowest;
		obs_write(w, &first);
	}
	for (i = 0; i < n; i++)
		obs_write(w, &obs[i]);
	ics_lit(w, "END:VTIMEZONE");
	ics_end(w);
	rc = 0;
out:
	free(obs);
	return rc;
}

/*
 * Appends ";TZID=zone:" and the wall-clock time of t there, or ":" and t
 * in UTC if zone is NULL.  Returns 0, or -1 if tz.c fails.
 */
static int
ics_when(struct ics *w, time_t t, const char *zone)
{
	struct tz_local	 lt;

	if (zone == NULL) {
		ics_lit(w, ":");
		ics_utc(w, t);
		return 0;
	}
	if (tz_localtime(t, zone, &lt) == -1)
		return -1;
	ics_lit(w, ";TZID=");
	ics_param(w, zone);
	ics_lit(w, ":");
	ics_wall(w, t, lt.utc_offset);
	return 0;
}

/* Writes the VEVENT of an entry with an event.  Returns 0 or -1. */
static int
vevent_write(struct ics *w, const struct feed_entry *e)
{
	const struct feed_event	*ev = e->event;
	const char		*zone;
	size_t			 i;
	int			 any;
	long long		 seq;

	zone = zone_is_utc(ev->tz) ? NULL : ev->tz;

	ics_lit(w, "BEGIN:VEVENT");
	ics_end(w);
	ics_lit(w, "UID:");
	ics_text(w, e->id);
	ics_end(w);
	ics_lit(w, "DTSTAMP:");
	ics_utc(w, e->updated);
	ics_end(w);
	ics_lit(w, "DTSTART");
	if (ics_when(w, ev->starts, zone) == -1)
		return -1;
	ics_end(w);
	/* RFC 5545 wants DTEND after DTSTART; without one, none. */
	if (ev->ends > ev->starts) {
		ics_lit(w, "DTEND");
		if (ics_when(w, ev->ends, zone) == -1)
			return -1;
		ics_end(w);
	}
	ics_lit(w, "SUMMARY:");
	ics_text(w, e->title);
	ics_end(w);

	/* Plain text: the summary, then where to read more and register. */
	ics_lit(w, "DESCRIPTION:");
	if (e->summary[0] != '\0') {
		ics_text(w, e->summary);
		if (e->url[0] != '\0' || ev->registration_url != NULL)
			ics_lit(w, "\\n\\n");
	}
	ics_text(w, e->url);
	if (ev->registration_url != NULL && ev->registration_url[0] != '\0') {
		if (e->url[0] != '\0')
			ics_lit(w, "\\n");
		ics_text(w, ev->registration_url);
	}
	ics_end(w);

	if (e->url[0] != '\0') {
		ics_lit(w, "URL:");
		ics_uri(w, e->url);
		ics_end(w);
	}
	/* An online event's place is its address. */
	if (ev->location[0] != '\0') {
		ics_lit(w, "LOCATION:");
		ics_text(w, ev->location);
		ics_end(w);
	} else if (ev->online_url != NULL && ev->online_url[0] != '\0') {
		ics_lit(w, "LOCATION:");
		ics_text(w, ev->online_url);
		ics_end(w);
	}
	ics_lit(w, "CREATED:");
	ics_utc(w, ev->created != 0 ? ev->created : e->published);
	ics_end(w);
	ics_lit(w, "LAST-MODIFIED:");
	ics_utc(w, e->updated);
	ics_end(w);
	/* SEQUENCE is an INTEGER: 32 bits, and never negative here. */
	seq = ev->sequence < 0 ? 0 : ev->sequence;
	if (seq > INT32_MAX)
		seq = INT32_MAX;
	ics_lit(w, "SEQUENCE:");
	ics_int(w, seq);
	ics_end(w);

	for (i = 0, any = 0; i < e->categoryc; i++) {
		if (e->categories[i].label[0] == '\0')
			continue;
		if (!any)
			ics_lit(w, "CATEGORIES:");
		else
			ics_lit(w, ",");
		ics_text(w, e->categories[i].label);
		any = 1;
	}
	if (any)
		ics_end(w);

	ics_lit(w, "STATUS:CONFIRMED");
	ics_end(w);
	ics_lit(w, "TRANSP:OPAQUE");
	ics_end(w);
	ics_lit(w, "END:VEVENT");
	ics_end(w);
	return 0;
}

/*
 * Collects the zones of the feed's events, each once, in the order of
 * first use, with the span of instants each must cover.  Returns the
 * array (in the arena) and sets *np.
 */
static struct ics_zone *
zones_collect(struct arena *a, const struct feed *f, size_t *np)
{
	const struct feed_event	*ev;
	struct ics_zone		*z;
	time_t			 end;
	size_t			 i, j, n = 0;

	z = arena_calloc(a, f->entryc + 1, sizeof(*z));
	for (i = 0; i < f->entryc; i++) {
		if ((ev = f->entries[i].event) == NULL)
			continue;
		if (zone_is_utc(ev->tz)) {
			if (ev->tz != NULL && ev->tz[0] != '\0' &&
			    !tz_valid(ev->tz))
				log_warnx("entry %s: unknown zone, UTC used",
				    f->entries[i].id);
			continue;
		}
		end = ev->ends > ev->starts ? ev->ends : ev->starts;
		for (j = 0; j < n; j++)
			if (strcmp(z[j].name, ev->tz) == 0)
				break;
		if (j == n) {
			z[n].name = ev->tz;
			z[n].lo = ev->starts;
			z[n].hi = end;
			n++;
			continue;
		}
		if (ev->starts < z[j].lo)
			z[j].lo = ev->starts;
		if (end > z[j].hi)
			z[j].hi = end;
	}
	*np = n;
	return z;
}

int
feed_ics_write(const struct feed *feed, struct out *o)
{
	struct arena		*a;
	const struct feed	*f;
	struct ics_zone		*zones;
	struct ics		 w;
	size_t			 start = o->len, i, nz;
	int			 rc = -1;

	memset(&w, 0, sizeof(w));
	w.o = o;
	a = arena_new();
	f = feed_copy_clean(a, feed);
	zones = zones_collect(a, f, &nz);

	ics_lit(&w, "BEGIN:VCALENDAR");
	ics_end(&w);
	ics_lit(&w, "VERSION:2.0");
	ics_end(&w);
	ics_lit(&w, "PRODID:-//Broadside//");
	ics_text(&w, f->generator != NULL ? f->generator : "Broadside");
	ics_lit(&w, "//EN");
	ics_end(&w);
	ics_lit(&w, "CALSCALE:GREGORIAN");
	ics_end(&w);
	ics_lit(&w, "METHOD:PUBLISH");
	ics_end(&w);
	ics_lit(&w, "X-WR-CALNAME:");
	ics_text(&w, f->title);
	ics_end(&w);
	if (f->subtitle != NULL && f->subtitle[0] != '\0') {
		ics_lit(&w, "X-WR-CALDESC:");
		ics_text(&w, f->subtitle);
		ics_end(&w);
	}
	/* How often subscribers should look again (RFC 7986, Outlook). */
	if (f->ttl > 0) {
		ics_lit(&w, "REFRESH-INTERVAL;VALUE=DURATION:PT");
		ics_int(&w, f->ttl);
		ics_lit(&w, "M");
		ics_end(&w);
		ics_lit(&w, "X-PUBLISHED-TTL:PT");
		ics_int(&w, f->ttl);
		ics_lit(&w, "M");
		ics_end(&w);
	}

	for (i = 0; i < nz; i++)
		if (vtimezone_write(&w, &zones[i]) == -1) {
			log_warnx("zone %s: cannot read it", zones[i].name);
			goto out;
		}
	for (i = 0; i < f->entryc; i++)
		if (f->entries[i].event != NULL &&
		    vevent_write(&w, &f->entries[i]) == -1) {
			log_warnx("entry %s: cannot convert its times",
			    f->entries[i].id);
			goto out;
		}

	/*
	 * XXX: RFC 5545 wants at least one component, but a calendar with
	 * no event yet is still a calendar to subscribe to, and the usual
	 * clients accept it empty.
	 */
	ics_lit(&w, "END:VCALENDAR");
	ics_end(&w);
	rc = 0;
out:
	if (rc == -1) {
		/* No half calendar: the caller answers with an error. */
		o->len = start;
		o->buf[start] = '\0';
	}
	free(w.line);
	arena_free(a);
	return rc;
}
