/*
 * The iCalendar writer read back by another implementation: libical's
 * parser (the library calendar programs use) must find every event, with
 * its zone resolved through the VTIMEZONE we wrote, at the right instant.
 * The webinar of the sample content, 16:00 in Paris on 21 July 2021, must
 * land at 14:00 UTC; an event in Nairobi (no daylight saving) likewise.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "arena.h"
#include "check.h"
#include "feed.h"
#include "out.h"
#include "tz.h"

int	main(void);

#define SITE	"https://broadside.example"

/* Returns the UTC instant of a DATE-TIME property's value, or -1. */
static time_t
utc_of(icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty		*p;
	struct icaltimetype	 t;

	if ((p = icalcomponent_get_first_property(ev, kind)) == NULL)
		return -1;
	t = kind == ICAL_DTSTART_PROPERTY ? icalcomponent_get_dtstart(ev) :
	    icalcomponent_get_dtend(ev);
	if (icaltime_is_null_time(t) || t.zone == NULL)
		return -1;
	return icaltime_as_timet_with_zone(t, t.zone);
}

int
main(void)
{
	struct feed_event	 ev[2];
	struct feed_entry	 en[2];
	struct feed		 f;
	struct out		*o;
	icalcomponent		*cal, *c;
	const char		*uid;
	time_t			 start, end, nstart;
	int			 found = 0, zones = 0;

	tz_to_utc("Europe/Paris", 2021, 7, 21, 16, 0, &start);
	tz_to_utc("Europe/Paris", 2021, 7, 21, 17, 30, &end);
	tz_to_utc("Africa/Nairobi", 2027, 3, 4, 9, 0, &nstart);

	memset(ev, 0, sizeof(ev));
	ev[0].starts = start;
	ev[0].ends = end;
	ev[0].tz = "Europe/Paris";
	ev[0].location = "Online (Zoom)";
	ev[0].registration_url = SITE "/register?x=1&y=2";
	ev[0].sequence = 3;
	ev[0].created = start - 9 * 86400;
	ev[1] = ev[0];
	ev[1].starts = nstart;
	ev[1].ends = nstart + 3 * 3600;
	ev[1].tz = "Africa/Nairobi";
	ev[1].location = "Nairobi; venue, to be announced";
	ev[1].registration_url = NULL;
	ev[1].created = nstart - 60 * 86400;

	memset(en, 0, sizeof(en));
	en[0].id = "tag:broadside.example,2021-07-12:4";
	en[0].title = "No More Loss: a webinar, with interpretation";
	en[0].summary = "Peer speakers and UN agencies; French, Russian, "
	    "Spanish.";
	en[0].content_html = "";
	en[0].url = SITE "/en/events/no-more-loss-webinar";
	en[0].lang = "en";
	en[0].published = ev[0].created;
	en[0].updated = ev[0].created + 3600;
	en[0].event = &ev[0];
	en[1] = en[0];
	en[1].id = "tag:broadside.example,2026-11-01:90";
	en[1].title = "Peer naloxone training, Nairobi";
	en[1].url = SITE "/en/events/naloxone-training-nairobi-2027";
	en[1].published = ev[1].created;
	en[1].updated = ev[1].created;
	en[1].event = &ev[1];

	memset(&f, 0, sizeof(f));
	f.id = "tag:broadside.example,2000:/en/events.ics";
	f.title = "Broadside \xe2\x80\x94 Events";
	f.lang = "en";
	f.self = SITE "/en/events.ics";
	f.alternate = SITE "/en/events/";
	f.site_url = SITE;
	f.generator = "Broadside";
	f.updated = en[0].updated;
	f.entries = en;
	f.entryc = 2;

	o = out_new();
	CHECK(feed_ics_write(&f, o) == 0);
	cal = icalparser_parse_string(o->buf);
	CHECK(cal != NULL);
	if (cal == NULL)
		goto out;
	CHECK(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT);
	/* libical reports what it could not read as X-LIC-ERROR. */
	CHECK(icalcomponent_count_errors(cal) == 0);
	for (c = icalcomponent_get_first_component(cal,
	    ICAL_VTIMEZONE_COMPONENT); c != NULL;
	    c = icalcomponent_get_next_component(cal,
	    ICAL_VTIMEZONE_COMPONENT))
		zones++;
	CHECK(zones == 2);
	for (c = icalcomponent_get_first_component(cal,
	    ICAL_VEVENT_COMPONENT); c != NULL;
	    c = icalcomponent_get_next_component(cal,
	    ICAL_VEVENT_COMPONENT)) {
		uid = icalcomponent_get_uid(c);
		if (uid != NULL && strcmp(uid, en[0].id) == 0) {
			found++;
			/* 16:00 CEST is 14:00 UTC. */
			CHECK(utc_of(c, ICAL_DTSTART_PROPERTY) == start);
			CHECK(start % 86400 == 14 * 3600);
			CHECK(utc_of(c, ICAL_DTEND_PROPERTY) == end);
			CHECK(strcmp(icalcomponent_get_summary(c),
			    en[0].title) == 0);
			CHECK(icalcomponent_get_sequence(c) == 3);
		} else if (uid != NULL && strcmp(uid, en[1].id) == 0) {
			found++;
			/* 09:00 EAT is 06:00 UTC. */
			CHECK(utc_of(c, ICAL_DTSTART_PROPERTY) == nstart);
			CHECK(nstart % 86400 == 6 * 3600);
			CHECK(strcmp(icalcomponent_get_location(c),
			    ev[1].location) == 0);
		}
	}
	CHECK(found == 2);
	icalcomponent_free(cal);
out:
	out_free(o);
	return CHECK_DONE();
}
