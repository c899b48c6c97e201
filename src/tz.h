/*
 * Dates and time zones: UTC instants shown in an IANA zone, in a language.
 * Zones come from the system's tzdata (tzdata package).
 */
#ifndef TZ_H
#define TZ_H

#include <stddef.h>
#include <time.h>

/* Broken-down local time of an instant in a zone, with its abbreviation. */
struct	tz_local {
	int	 year, month, day;	/* month 1-12 */
	int	 hour, minute;
	int	 weekday;		/* 0 = Sunday */
	long	 utc_offset;		/* seconds east of UTC */
	char	 abbrev[16];		/* "CEST", "EDT", or "+07" */
};

/* Returns 1 if name is an installed IANA zone (e.g. "Europe/Paris"). */
int	 tz_valid(const char *name);
/* Converts t to local time in zone; returns 0 or -1 (unknown zone). */
int	 tz_localtime(time_t t, const char *zone, struct tz_local *);
/*
 * Converts a local wall-clock time in zone to UTC (for importing event
 * times).  Returns 0 or -1 (unknown zone, or a time that does not exist).
 */
int	 tz_to_utc(const char *zone, int year, int month, int day, int hour,
	    int minute, time_t *);
/* Formats "2021-07-21T14:00:00Z" (RFC 3339 UTC) into buf (>= 21 bytes). */
void	 tz_format_rfc3339(time_t, char *buf, size_t size);
/* Formats the local time with its offset: "2021-07-21T16:00:00+02:00". */
int	 tz_format_rfc3339_local(time_t, const char *zone, char *, size_t);
/*
 * Formats a date for readers in a language: "21 July 2021" (en),
 * "21 juillet 2021" (fr), "21 de julio de 2021" (es), "21 июля 2021 г." (ru);
 * other languages fall back to English.  Returns 0 or -1.
 */
int	 tz_format_date(time_t, const char *zone, const char *lang,
	    char *buf, size_t size);
/* Formats a time of day "16:00" in the zone. */
int	 tz_format_time(time_t, const char *zone, char *buf, size_t size);
/* Parses "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SSZ" as UTC; -1 if bad. */
time_t	 tz_parse_utc(const char *);

#endif /* !TZ_H */
