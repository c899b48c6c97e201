/*
 * The database connection, the one table of SQL statements, and the
 * helpers that bind parameters and fetch rows.  Every statement any
 * program runs is in stmts[] below, prepared once per connection; values
 * only ever travel as bound parameters.  (The single exception is the
 * migration runner, db_migrate.c, which executes the SQL files shipped
 * with the program.)
 *
 * The public role prepares only the SELECTs before STMT__PUBLIC_MAX, and
 * its account has no other privilege, so a flaw in the public program
 * cannot write.  A lost server is noticed by error number, remembered in
 * db->down, and the connection is rebuilt (statements re-prepared) before
 * the next use.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_internal.h"
#include "log.h"
#include "util.h"

/* The newest migration this build knows (sql/migrations/NNNN-*.sql). */
#define	DB_SCHEMA_VERSION	3

/* Seconds of idleness after which db_ensure() pings before a request. */
#define	DB_PING_IDLE		5

/*
 * Public visibility of an item "i": the one rule every public query uses.
 * Drafts and items scheduled for later never leak, not even as counts.
 */
#define	VISIBLE	"i.status = 'published' AND i.published_at <= UTC_TIMESTAMP()"

/*
 * Columns of an item in listings (struct item without body_html).  The
 * listings find the page's ids first in a derived table, from the index
 * alone, and only then read those rows: a deep page does not read every
 * row it skips.
 */
#define	ITEM_COLS \
	"i.id, i.kind, i.lang, i.group_id, i.slug, i.title, i.summary, " \
	"i.hashtag, i.byline, i.entry_id, i.published_at, i.updated_at, " \
	"e.starts_at, e.ends_at, e.tz, e.location"
#define	ITEM_FROM \
	" FROM items i LEFT JOIN events e ON e.item_id = i.id"
#define	ITEM_ORDER \
	" ORDER BY i.published_at DESC, i.id DESC"

/* Upcoming events soonest first, then past ones latest first. */
#define	EVENT_ORDER(p) \
	" ORDER BY " p "upcoming DESC, IF(" p "upcoming, " p "starts_at, NULL)," \
	" " p "starts_at DESC, " p "id DESC"

/*
 * Items an organisation signed or one of its people spoke at, as a derived
 * table x(item_id); the UNION removes duplicates.
 */
#define	ORG_ITEMS \
	"(SELECT item_id FROM signatories WHERE org_id = ? " \
	"UNION SELECT item_id FROM speakers WHERE org_id = ?) x"

/*
 * A search: the same LIKE pattern (bound three times) against the title,
 * the summary and the Markdown source.  The collation makes it case- and
 * accent-insensitive.
 */
#define	SEARCH_MATCH \
	"(i.title LIKE ? OR i.summary LIKE ? OR i.body_md LIKE ?)"

/* Columns of an organisation (struct org without count). */
#define	ORG_COLS \
	"o.id, o.slug, o.name, o.short_name, o.url, o.updated_at"

/*
 * Feeds.  Columns of an item in a feed: ITEM_COLS (0-15), then the body,
 * the version and an event's links (16-19).  Feed pages are counted from
 * the oldest entry (page_feed.c), so their lists run oldest first, with
 * the same tie-break as the listings.
 */
#define	FEED_COLS \
	ITEM_COLS ", i.body_html, i.version, e.online_url, e.registration_url"
#define	FEED_ORDER \
	" ORDER BY i.published_at, i.id"
#define	FEED_PAGE \
	" LIMIT ? OFFSET ?) p JOIN items i ON i.id = p.id" \
	" LEFT JOIN events e ON e.item_id = i.id" \
	" ORDER BY p.published_at, p.id"

/*
 * The visible items of each feed scope, as the FROM and WHERE of a
 * derived table: the lists (above) and the archive pages' validators
 * (below) take the same ones, bound the same way (db_item.c).
 */
#define	FEED_IN_LANG \
	"FROM items i WHERE i.lang = ? AND " VISIBLE
#define	FEED_IN_KIND \
	"FROM items i WHERE i.lang = ? AND i.kind = ? AND " VISIBLE
#define	FEED_IN_TAG \
	"FROM items i JOIN item_tags it ON it.item_id = i.id " \
	"WHERE i.lang = ? AND it.tag_id = ? AND " VISIBLE
#define	FEED_IN_ORG \
	"FROM " ORG_ITEMS " JOIN items i ON i.id = x.item_id " \
	"WHERE i.lang = ? AND " VISIBLE
/*
 * The same for the validators of a tag's or organisation's archive page:
 * items reached by id through items_feed, which holds every column they
 * read, rather than through the row (the optimizer would take the primary
 * key, or for a small table scan the language's index once per link).
 */
#define	FEED_IX_TAG \
	"FROM item_tags it JOIN items i FORCE INDEX (items_feed) " \
	"ON i.id = it.item_id " \
	"WHERE i.lang = ? AND it.tag_id = ? AND " VISIBLE
#define	FEED_IX_ORG \
	"FROM " ORG_ITEMS " JOIN items i FORCE INDEX (items_feed) " \
	"ON i.id = x.item_id WHERE i.lang = ? AND " VISIBLE

/*
 * Validators of one archive page of a feed (db_feed_page_validators()),
 * over the same page of ids as its list, from indexes alone: 0 entries,
 * 1 newest published_at, 2 newest updated_at, 3 sum of versions, 4 sum
 * and 5 XOR of the ids (which entries: an older one unpublished shifts
 * the page).
 */
#define	PAGE_COLS \
	"i.id, i.published_at, i.updated_at, i.version "
#define	PAGE_AGG \
	"COUNT(*), MAX(p.published_at), MAX(p.updated_at), " \
	"CAST(COALESCE(SUM(p.version), 0) AS SIGNED), " \
	"CAST(COALESCE(SUM(p.id), 0) AS SIGNED), " \
	"CAST(COALESCE(BIT_XOR(p.id), 0) AS SIGNED)"

/*
 * Validators of a feed (db_feed_validators()): one aggregate statement per
 * scope, which reads indexes (migration 0002) and never an item's text.
 * The columns are always
 *   0 visible items,  1 newest visible published_at,
 *   2 newest updated_at of ALL the scope's items, whatever their status
 *     (an unpublish or an archive bumps updated_at, so it shows here even
 *     though the item leaves the feed),
 *   3 sum of their versions (every save bumps the version, so two saves in
 *     one second still differ),
 * then, for a tag, 4 id, 5 name, 6 links to the language's items; for an
 * organisation, 4 id, 5 name, 6 links, 7 its updated_at; for an event,
 * 4 id.  A count of visible items changes when a scheduled item's time
 * comes, so no job has to run for a feed's validators to change.
 */
#define	VALID_AGG \
	"CAST(COALESCE(SUM(" VISIBLE "), 0) AS SIGNED), " \
	"MAX(IF(" VISIBLE ", i.published_at, NULL)), MAX(i.updated_at), " \
	"CAST(COALESCE(SUM(i.version), 0) AS SIGNED)"

/*
 * The newest change and the sum of versions of the translation groups of
 * a feed's newest DB_FEED_GROUP_TOP visible entries (p: their group ids):
 * an entry shows links to its translations, so publishing, unpublishing
 * or renaming one must change the validators of the subscription feeds
 * it is in.  Only the newest entries, which those documents show, are
 * looked at, so the cost does not grow with the scope (index
 * items_group_feed).
 */
#define	GROUP_AGG \
	"SELECT MAX(g.updated_at), CAST(COALESCE(SUM(g.version), 0) AS SIGNED)" \
	" FROM (SELECT i.group_id"
#define	GROUP_TOP \
	" ORDER BY i.published_at DESC, i.id DESC LIMIT 100) p" \
	" JOIN items g ON g.group_id = p.group_id"

/* Visibility of a translation "t" (VISIBLE is for "i"). */
#define	VISIBLE_T \
	"t.status = 'published' AND t.published_at <= UTC_TIMESTAMP()"

/*
 * DB_IDS (40) item ids for the statements that load what hangs off every
 * entry of a feed page at once; unused places are bound to 0, which no
 * item has.  A page of up to 2 * feed_page_size - 1 entries takes one
 * round trip per 40 entries and relation instead of one per entry.
 */
#define	IDS10	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
#define	IDS	"(" IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ")"

static const char *const stmts[STMT__MAX] = {
	/* STMT_SET_SESSION */
	"SET time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,"
	"NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
	"NO_ENGINE_SUBSTITUTION'",
	/* STMT_MIGRATIONS_EXIST */
	"SELECT COUNT(*) FROM information_schema.TABLES "
	"WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'schema_migrations'",
	/* STMT_SCHEMA_VERSION */
	"SELECT MAX(version) FROM schema_migrations",
	/* STMT_NOW */
	"SELECT UTC_TIMESTAMP()",
	/* STMT_SITE_STATE */
	"SELECT generation, changed_at FROM site_state WHERE id = 1",
	/* STMT_LANGUAGE_LIST */
	"SELECT code, name, dir FROM languages ORDER BY position, code",
	/* STMT_ITEM_LIST_LANG */
	"SELECT " ITEM_COLS " FROM (SELECT i.id, i.published_at FROM items i"
	" WHERE i.lang = ? AND " VISIBLE ITEM_ORDER " LIMIT ? OFFSET ?) p"
	" JOIN items i ON i.id = p.id LEFT JOIN events e ON e.item_id = i.id"
	" ORDER BY p.published_at DESC, p.id DESC",
	/* STMT_ITEM_LIST_KIND */
	"SELECT " ITEM_COLS " FROM (SELECT i.id, i.published_at FROM items i"
	" WHERE i.lang = ? AND i.kind = ? AND " VISIBLE ITEM_ORDER
	" LIMIT ? OFFSET ?) p"
	" JOIN items i ON i.id = p.id LEFT JOIN events e ON e.item_id = i.id"
	" ORDER BY p.published_at DESC, p.id DESC",
	/*
	 * STMT_ITEM_LIST_EVENTS: the events listing as readers use it,
	 * events still to come (or under way) first, soonest first, then
	 * past ones, most recent first.
	 */
	"SELECT " ITEM_COLS " FROM (SELECT i.id, e.starts_at,"
	" e.ends_at > UTC_TIMESTAMP() AS upcoming FROM items i"
	" JOIN events e ON e.item_id = i.id"
	" WHERE i.lang = ? AND i.kind = ? AND " VISIBLE EVENT_ORDER("")
	" LIMIT ? OFFSET ?) p"
	" JOIN items i ON i.id = p.id LEFT JOIN events e ON e.item_id = i.id"
	EVENT_ORDER("p."),
	/* STMT_ITEM_LIST_TAG */
	"SELECT " ITEM_COLS " FROM (SELECT i.id, i.published_at FROM items i"
	" JOIN item_tags it ON it.item_id = i.id"
	" WHERE i.lang = ? AND it.tag_id = ? AND " VISIBLE ITEM_ORDER
	" LIMIT ? OFFSET ?) p"
	" JOIN items i ON i.id = p.id LEFT JOIN events e ON e.item_id = i.id"
	" ORDER BY p.published_at DESC, p.id DESC",
	/* STMT_ITEM_LIST_ORG */
	"SELECT " ITEM_COLS " FROM (SELECT i.id, i.published_at FROM " ORG_ITEMS
	" JOIN items i ON i.id = x.item_id"
	" WHERE i.lang = ? AND " VISIBLE ITEM_ORDER " LIMIT ? OFFSET ?) p"
	" JOIN items i ON i.id = p.id LEFT JOIN events e ON e.item_id = i.id"
	" ORDER BY p.published_at DESC, p.id DESC",
	/* STMT_ITEM_COUNT_LANG */
	"SELECT COUNT(*) FROM items i WHERE i.lang = ? AND " VISIBLE,
	/* STMT_ITEM_COUNT_KIND */
	"SELECT COUNT(*) FROM items i "
	"WHERE i.lang = ? AND i.kind = ? AND " VISIBLE,
	/* STMT_ITEM_COUNT_TAG */
	"SELECT COUNT(*) FROM items i JOIN item_tags it ON it.item_id = i.id "
	"WHERE i.lang = ? AND it.tag_id = ? AND " VISIBLE,
	/* STMT_ITEM_COUNT_ORG */
	"SELECT COUNT(*) FROM " ORG_ITEMS " JOIN items i ON i.id = x.item_id "
	"WHERE i.lang = ? AND " VISIBLE,
	/* STMT_ITEM_LIST_SEARCH */
	"SELECT " ITEM_COLS " FROM (SELECT i.id, i.published_at FROM items i"
	" WHERE i.lang = ? AND " SEARCH_MATCH " AND " VISIBLE ITEM_ORDER
	" LIMIT ? OFFSET ?) p"
	" JOIN items i ON i.id = p.id LEFT JOIN events e ON e.item_id = i.id"
	" ORDER BY p.published_at DESC, p.id DESC",
	/* STMT_ITEM_COUNT_SEARCH */
	"SELECT COUNT(*) FROM items i "
	"WHERE i.lang = ? AND " SEARCH_MATCH " AND " VISIBLE,
	/* STMT_ITEM_GET */
	"SELECT " ITEM_COLS ", i.body_html" ITEM_FROM
	" WHERE i.lang = ? AND i.kind = ? AND i.slug = ? AND " VISIBLE,
	/* STMT_ITEM_OLD_SLUG */
	"SELECT i.slug FROM item_slugs s JOIN items i ON i.id = s.item_id "
	"WHERE s.lang = ? AND s.kind = ? AND s.slug = ? "
	"AND i.lang = s.lang AND i.kind = s.kind AND " VISIBLE,
	/* STMT_ITEM_TRANSLATIONS */
	"SELECT i.lang, l.name, i.kind, i.slug, i.title "
	"FROM items i JOIN languages l ON l.code = i.lang "
	"WHERE i.group_id = ? AND i.id <> ? AND " VISIBLE
	" ORDER BY l.position, i.lang",
	/* STMT_ITEM_TAGS */
	"SELECT t.id, t.lang, t.slug, t.name FROM item_tags it "
	"JOIN tags t ON t.id = it.tag_id WHERE it.item_id = ? "
	"ORDER BY t.name, t.id",
	/* STMT_ITEM_MEDIA */
	"SELECT m.id, im.role, m.filename, m.original_name, m.mime, m.bytes, "
	"m.width, m.height, COALESCE(im.alt, m.alt), "
	"COALESCE(im.caption, m.caption), COALESCE(im.credit, m.credit), "
	"m.renditions "
	"FROM item_media im JOIN media m ON m.id = im.media_id "
	"WHERE im.item_id = ? ORDER BY im.role, im.position, m.id",
	/* STMT_ITEM_SIGNATORIES */
	"SELECT " ORG_COLS ", s.role, s.signed_on "
	"FROM signatories s JOIN organisations o ON o.id = s.org_id "
	"WHERE s.item_id = ? ORDER BY s.position, o.name",
	/* STMT_EVENT_GET */
	"SELECT starts_at, ends_at, tz, location, online_url, "
	"registration_url FROM events WHERE item_id = ?",
	/* STMT_EVENT_LANGUAGES */
	"SELECT lang, mode FROM event_languages WHERE item_id = ? "
	"ORDER BY mode, position, lang",
	/* STMT_EVENT_SPEAKERS */
	"SELECT sp.name, sp.role, sp.part, sp.is_chair, o.id, o.slug, "
	"o.name, o.short_name, o.url, o.updated_at "
	"FROM speakers sp LEFT JOIN organisations o ON o.id = sp.org_id "
	"WHERE sp.item_id = ? ORDER BY sp.position",
	/* STMT_EVENT_UPCOMING */
	"SELECT " ITEM_COLS
	" FROM items i JOIN events e ON e.item_id = i.id"
	" WHERE i.lang = ? AND e.ends_at > UTC_TIMESTAMP() AND " VISIBLE
	" ORDER BY e.starts_at, i.id LIMIT ?",
	/* STMT_TAG_LIST */
	"SELECT t.id, t.lang, t.slug, t.name, COUNT(*) FROM tags t "
	"JOIN item_tags it ON it.tag_id = t.id "
	"JOIN items i ON i.id = it.item_id "
	"WHERE t.lang = ? AND i.lang = t.lang AND " VISIBLE
	" GROUP BY t.id, t.lang, t.slug, t.name ORDER BY t.name, t.id",
	/* STMT_TAG_GET */
	"SELECT t.id, t.lang, t.slug, t.name, "
	"(SELECT COUNT(*) FROM item_tags it JOIN items i ON i.id = it.item_id "
	"WHERE it.tag_id = t.id AND i.lang = t.lang AND " VISIBLE ") "
	"FROM tags t WHERE t.lang = ? AND t.slug = ?",
	/* STMT_ORG_LIST */
	"SELECT " ORG_COLS ", COUNT(DISTINCT i.id) FROM organisations o "
	"JOIN (SELECT org_id, item_id FROM signatories UNION "
	"SELECT org_id, item_id FROM speakers WHERE org_id IS NOT NULL) x "
	"ON x.org_id = o.id JOIN items i ON i.id = x.item_id "
	"WHERE i.lang = ? AND " VISIBLE
	" GROUP BY o.id, o.slug, o.name, o.short_name, o.url, o.updated_at"
	" ORDER BY o.name, o.id",
	/* STMT_ORG_GET */
	"SELECT " ORG_COLS ", (SELECT COUNT(*) FROM items i WHERE "
	"i.id IN (SELECT item_id FROM signatories WHERE org_id = o.id "
	"UNION SELECT item_id FROM speakers WHERE org_id = o.id) AND "
	VISIBLE ") FROM organisations o WHERE o.slug = ?",
	/* STMT_FEED_VALID_LANG: index items_feed_lang */
	"SELECT v.n, v.pub, a.upd, a.ver FROM "
	"(SELECT COUNT(*) n, MAX(i.published_at) pub FROM items i "
	"WHERE i.lang = ? AND " VISIBLE ") v, "
	"(SELECT MAX(i.updated_at) upd, "
	"CAST(COALESCE(SUM(i.version), 0) AS SIGNED) ver FROM items i "
	"WHERE i.lang = ?) a",
	/* STMT_FEED_VALID_KIND: index items_feed_kind */
	"SELECT v.n, v.pub, a.upd, a.ver FROM "
	"(SELECT COUNT(*) n, MAX(i.published_at) pub FROM items i "
	"WHERE i.lang = ? AND i.kind = ? AND " VISIBLE ") v, "
	"(SELECT MAX(i.updated_at) upd, "
	"CAST(COALESCE(SUM(i.version), 0) AS SIGNED) ver FROM items i "
	"WHERE i.lang = ? AND i.kind = ?) a",
	/*
	 * STMT_FEED_VALID_CALENDAR: index items_feed_kind.  Calendars show
	 * no links to translations, so only their own events count.
	 */
	"SELECT v.n, v.pub, a.upd, a.ver FROM "
	"(SELECT COUNT(*) n, MAX(i.published_at) pub FROM items i "
	"WHERE i.lang = ? AND i.kind = 'event' AND " VISIBLE ") v, "
	"(SELECT MAX(i.updated_at) upd, "
	"CAST(COALESCE(SUM(i.version), 0) AS SIGNED) ver FROM items i "
	"WHERE i.lang = ? AND i.kind = 'event') a",
	/* STMT_FEED_GROUP_LANG */
	GROUP_AGG " FROM items i WHERE i.lang = ? AND " VISIBLE GROUP_TOP,
	/* STMT_FEED_GROUP_KIND */
	GROUP_AGG " FROM items i WHERE i.lang = ? AND i.kind = ? AND " VISIBLE
	GROUP_TOP,
	/* STMT_FEED_GROUP_TAG */
	GROUP_AGG " FROM tags t JOIN item_tags it ON it.tag_id = t.id"
	" JOIN items i ON i.id = it.item_id AND i.lang = t.lang"
	" WHERE t.lang = ? AND t.slug = ? AND " VISIBLE GROUP_TOP,
	/* STMT_FEED_GROUP_ORG */
	GROUP_AGG " FROM (SELECT item_id FROM signatories WHERE org_id = "
	"(SELECT id FROM organisations WHERE slug = ?) "
	"UNION SELECT item_id FROM speakers WHERE org_id = "
	"(SELECT id FROM organisations WHERE slug = ?)) x"
	" JOIN items i ON i.id = x.item_id WHERE i.lang = ? AND " VISIBLE
	GROUP_TOP,
	/* STMT_FEED_VALID_TAG: tags_slug, item_tags, items_feed */
	"SELECT " VALID_AGG ", t.id, t.name, COUNT(i.id) FROM tags t "
	"LEFT JOIN item_tags it ON it.tag_id = t.id "
	"LEFT JOIN items i FORCE INDEX (items_feed) "
	"ON i.id = it.item_id AND i.lang = t.lang "
	"WHERE t.lang = ? AND t.slug = ? GROUP BY t.id, t.name",
	/* STMT_FEED_VALID_ORG: organisations_slug, signatories_org, ... */
	"SELECT " VALID_AGG ", o.id, o.name, COUNT(i.id), o.updated_at "
	"FROM organisations o LEFT JOIN "
	"(SELECT item_id FROM signatories WHERE org_id = "
	"(SELECT id FROM organisations WHERE slug = ?) "
	"UNION SELECT item_id FROM speakers WHERE org_id = "
	"(SELECT id FROM organisations WHERE slug = ?)) x ON TRUE "
	"LEFT JOIN items i FORCE INDEX (items_feed) "
	"ON i.id = x.item_id AND i.lang = ? "
	"WHERE o.slug = ? GROUP BY o.id, o.name, o.updated_at",
	/* STMT_FEED_VALID_EVENT: items_slug */
	"SELECT CAST((" VISIBLE ") AS SIGNED), i.published_at, i.updated_at, "
	"i.version, i.id FROM items i "
	"WHERE i.lang = ? AND i.kind = 'event' AND i.slug = ?",
	/* STMT_FEED_LIST_LANG */
	"SELECT " FEED_COLS " FROM (SELECT i.id, i.published_at "
	FEED_IN_LANG FEED_ORDER FEED_PAGE,
	/* STMT_FEED_LIST_KIND */
	"SELECT " FEED_COLS " FROM (SELECT i.id, i.published_at "
	FEED_IN_KIND FEED_ORDER FEED_PAGE,
	/* STMT_FEED_LIST_TAG */
	"SELECT " FEED_COLS " FROM (SELECT i.id, i.published_at "
	FEED_IN_TAG FEED_ORDER FEED_PAGE,
	/* STMT_FEED_LIST_ORG */
	"SELECT " FEED_COLS " FROM (SELECT i.id, i.published_at "
	FEED_IN_ORG FEED_ORDER FEED_PAGE,
	/* STMT_FEED_PAGE_LANG: index items_feed_lang */
	"SELECT " PAGE_AGG " FROM (SELECT " PAGE_COLS FEED_IN_LANG FEED_ORDER
	" LIMIT ? OFFSET ?) p",
	/* STMT_FEED_PAGE_KIND: index items_feed_kind */
	"SELECT " PAGE_AGG " FROM (SELECT " PAGE_COLS FEED_IN_KIND FEED_ORDER
	" LIMIT ? OFFSET ?) p",
	/* STMT_FEED_PAGE_TAG: item_tags_tag, items_feed */
	"SELECT " PAGE_AGG " FROM (SELECT " PAGE_COLS FEED_IX_TAG FEED_ORDER
	" LIMIT ? OFFSET ?) p",
	/* STMT_FEED_PAGE_ORG: signatories_org, speakers_org, items_feed */
	"SELECT " PAGE_AGG " FROM (SELECT " PAGE_COLS FEED_IX_ORG FEED_ORDER
	" LIMIT ? OFFSET ?) p",
	/* STMT_FEED_CALENDAR: the latest-starting events */
	"SELECT " FEED_COLS " FROM items i JOIN events e ON e.item_id = i.id"
	" WHERE i.lang = ? AND i.kind = 'event' AND " VISIBLE
	" ORDER BY e.starts_at DESC, i.id DESC LIMIT ?",
	/* STMT_FEED_EVENT */
	"SELECT " FEED_COLS " FROM items i JOIN events e ON e.item_id = i.id"
	" WHERE i.lang = ? AND i.kind = 'event' AND i.slug = ? AND " VISIBLE,
	/* STMT_ITEMS_TAGS */
	"SELECT it.item_id, t.id, t.lang, t.slug, t.name FROM item_tags it "
	"JOIN tags t ON t.id = it.tag_id WHERE it.item_id IN " IDS
	" ORDER BY it.item_id, t.name, t.id",
	/* STMT_ITEMS_FILES: attachments only (enclosures) */
	"SELECT im.item_id, m.id, im.role, m.filename, m.original_name, "
	"m.mime, m.bytes, m.width, m.height, COALESCE(im.alt, m.alt), "
	"COALESCE(im.caption, m.caption), COALESCE(im.credit, m.credit) "
	"FROM item_media im JOIN media m ON m.id = im.media_id "
	"WHERE im.item_id IN " IDS " AND im.role = 'attachment' "
	"ORDER BY im.item_id, im.position, m.id",
	/* STMT_ITEMS_SIGNATORIES */
	"SELECT s.item_id, " ORG_COLS ", s.role, s.signed_on "
	"FROM signatories s JOIN organisations o ON o.id = s.org_id "
	"WHERE s.item_id IN " IDS " ORDER BY s.item_id, s.position, o.name",
	/* STMT_ITEMS_TRANSLATIONS */
	"SELECT i.id, t.lang, l.name, t.kind, t.slug, t.title FROM items i "
	"JOIN items t ON t.group_id = i.group_id AND t.id <> i.id "
	"JOIN languages l ON l.code = t.lang "
	"WHERE i.id IN " IDS " AND " VISIBLE_T
	" ORDER BY i.id, l.position, t.lang",
	/* STMT_MIGRATIONS_CREATE */
	"CREATE TABLE IF NOT EXISTS schema_migrations ("
	"version INT NOT NULL PRIMARY KEY, "
	"name VARCHAR(200) NOT NULL, "
	"applied_at DATETIME NOT NULL"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	/* STMT_MIGRATION_LIST */
	"SELECT version, name FROM schema_migrations ORDER BY version",
	/* STMT_MIGRATION_RECORD */
	"INSERT INTO schema_migrations (version, name, applied_at) "
	"VALUES (?, ?, UTC_TIMESTAMP())",
	/* STMT_GENERATION_BUMP */
	"UPDATE site_state SET generation = generation + 1, "
	"changed_at = UTC_TIMESTAMP() WHERE id = 1",
	/* STMT_ORG_UPSERT */
	"INSERT INTO organisations (slug, name, short_name, url, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()) "
	"ON DUPLICATE KEY UPDATE "
	"updated_at = IF(name <=> VALUES(name) AND "
	"short_name <=> VALUES(short_name) AND url <=> VALUES(url), "
	"updated_at, UTC_TIMESTAMP()), "
	"name = VALUES(name), short_name = VALUES(short_name), "
	"url = VALUES(url)",
	/* STMT_ORG_ID */
	"SELECT id FROM organisations WHERE slug = ?",
	/* STMT_TAG_UPSERT */
	"INSERT INTO tags (lang, slug, name) VALUES (?, ?, ?) "
	"ON DUPLICATE KEY UPDATE name = VALUES(name)",
	/* STMT_TAG_ID */
	"SELECT id FROM tags WHERE lang = ? AND slug = ?",
	/* STMT_ITEM_FIND */
	"SELECT id, group_id FROM items WHERE lang = ? AND kind = ? "
	"AND slug = ?",
	/* STMT_GROUP_INSERT */
	"INSERT INTO translation_groups (created_at) VALUES (UTC_TIMESTAMP())",
	/*
	 * STMT_ITEM_INSERT: updated_at is the publication time, but never
	 * later than now, so a scheduled item's does not sit in the future
	 * and hide later edits from the feeds' MAX(updated_at).
	 */
	"INSERT INTO items (kind, lang, group_id, slug, title, summary, "
	"body_md, body_html, hashtag, byline, status, published_at, "
	"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"UTC_TIMESTAMP(), "
	"LEAST(COALESCE(?, UTC_TIMESTAMP()), UTC_TIMESTAMP()))",
	/* STMT_ITEM_SET_ENTRY_ID */
	"UPDATE items SET entry_id = ? WHERE id = ? AND entry_id IS NULL",
	/* STMT_ITEM_TAG_INSERT */
	"INSERT INTO item_tags (item_id, tag_id) VALUES (?, ?)",
	/* STMT_SIGNATORY_INSERT */
	"INSERT INTO signatories (item_id, org_id, role, signed_on, position) "
	"VALUES (?, ?, ?, ?, ?)",
	/* STMT_EVENT_INSERT */
	"INSERT INTO events (item_id, starts_at, ends_at, tz, location, "
	"online_url, registration_url) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_EVENT_LANGUAGE_INSERT */
	"INSERT INTO event_languages (item_id, lang, mode, position) "
	"VALUES (?, ?, ?, ?)",
	/* STMT_SPEAKER_INSERT */
	"INSERT INTO speakers (item_id, position, name, role, part, org_id, "
	"is_chair) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_MEDIA_FIND */
	"SELECT id FROM media WHERE filename = ?",
	/* STMT_MEDIA_INSERT */
	"INSERT INTO media (filename, original_name, mime, bytes, width, "
	"height, alt, caption, credit, created_at, updated_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* STMT_ITEM_MEDIA_INSERT */
	"INSERT INTO item_media (item_id, media_id, role, position, alt, "
	"caption, credit) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_REVISION_INSERT */
	"INSERT INTO revisions (item_id, version, user_id, created_at, note, "
	"snapshot) VALUES (?, ?, NULL, UTC_TIMESTAMP(), ?, ?)",
	/* STMT_AUDIT_INSERT */
	"INSERT INTO audit_log (at, user_id, client_addr, action, "
	"object_type, object_id, detail) "
	"VALUES (UTC_TIMESTAMP(), NULL, NULL, ?, ?, ?, ?)",
	/*
	 * The editing program's statements, one block per file (see
	 * db_internal.h).  The *_FIRST markers are placeholders that keep
	 * each block's place in the enum; they run a harmless SELECT.
	 */
	/* db_session.c */
	[STMT_ADM_SESSION_FIRST] = "SELECT 1",
#define	USER_COLS "id, login, display_name, email, role, password_hash, " \
	"disabled, totp_secret, COALESCE(totp_last_step, -1), created_at, " \
	"password_changed_at FROM users "
	[STMT_USER_BY_LOGIN] = "SELECT " USER_COLS "WHERE login = ?",
	[STMT_USER_GET] = "SELECT " USER_COLS "WHERE id = ?",
	[STMT_USER_LANGS] =
	"SELECT ul.lang FROM user_languages ul JOIN languages l "
	"ON l.code = ul.lang WHERE ul.user_id = ? ORDER BY l.position, l.code",
	[STMT_USER_SET_PASSWORD] =
	"UPDATE users SET password_hash = ?, password_changed_at = "
	"UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/* Only a later step than the last accepted: a replay changes 0 rows. */
	[STMT_USER_TOTP_STEP] =
	"UPDATE users SET totp_last_step = ? WHERE id = ? AND "
	"(totp_last_step IS NULL OR totp_last_step < ?)",
	[STMT_SESSION_INSERT] =
	"INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, "
	"last_seen_at, expires_at, client_addr, user_agent, mfa_pending) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), "
	"UTC_TIMESTAMP() + INTERVAL ? SECOND, ?, ?, ?)",
#define	SESSION_COLS "s.id, s.user_id, s.csrf_token, s.mfa_pending, " \
	"s.created_at, s.last_seen_at, s.expires_at, s.client_addr, " \
	"s.user_agent "
#define	SESSION_LIVE "s.revoked_at IS NULL AND s.expires_at > " \
	"UTC_TIMESTAMP() AND s.last_seen_at > UTC_TIMESTAMP() - " \
	"INTERVAL ? SECOND "
	[STMT_SESSION_LOOKUP] =
	"SELECT " SESSION_COLS "FROM sessions s JOIN users u ON u.id = "
	"s.user_id WHERE s.token_hash = ? AND " SESSION_LIVE
	"AND u.disabled = 0",
	/* The idle clock moves once a minute, not on every request. */
	[STMT_SESSION_TOUCH] =
	"UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id = ? "
	"AND last_seen_at < UTC_TIMESTAMP() - INTERVAL 60 SECOND",
	[STMT_SESSION_COMPLETE] =
	"UPDATE sessions SET mfa_pending = 0 WHERE id = ?",
	[STMT_SESSION_REVOKE] =
	"UPDATE sessions SET revoked_at = UTC_TIMESTAMP() WHERE id = ? AND "
	"user_id = ? AND revoked_at IS NULL",
	[STMT_SESSION_REVOKE_ALL] =
	"UPDATE sessions SET revoked_at = UTC_TIMESTAMP() WHERE user_id = ? "
	"AND id <> ? AND revoked_at IS NULL",
	[STMT_SESSION_LIST] =
	"SELECT " SESSION_COLS "FROM sessions s WHERE s.user_id = ? AND "
	SESSION_LIVE "ORDER BY s.created_at DESC, s.id DESC LIMIT 100",
	/*
	 * Failures for an account since its last success (by id: a success
	 * and a failure may share a second), within a day.
	 */
	[STMT_LOGIN_FAIL_ACCOUNT] =
	"SELECT COUNT(*), MAX(attempted_at) FROM login_attempts WHERE "
	"login = ? AND success = 0 AND cleared = 0 AND attempted_at > "
	"UTC_TIMESTAMP() - INTERVAL 1 DAY AND id > COALESCE((SELECT "
	"MAX(id) FROM login_attempts WHERE login = ? AND success = 1), 0)",
	/* From an address, within a day, successes or not. */
	[STMT_LOGIN_FAIL_ADDR] =
	"SELECT COUNT(*), MAX(attempted_at) FROM login_attempts WHERE "
	"client_addr = ? AND success = 0 AND cleared = 0 AND attempted_at > "
	"UTC_TIMESTAMP() - INTERVAL 1 DAY",
	[STMT_LOGIN_RECORD] =
	"INSERT INTO login_attempts (login, client_addr, attempted_at, "
	"success) VALUES (?, ?, UTC_TIMESTAMP(), ?)",
	[STMT_LOGIN_CLEAR_LOGIN] =
	"UPDATE login_attempts SET cleared = 1 WHERE login = ? AND "
	"success = 0 AND cleared = 0",
	[STMT_LOGIN_CLEAR_ADDR] =
	"UPDATE login_attempts SET cleared = 1 WHERE client_addr = ? AND "
	"success = 0 AND cleared = 0",
	[STMT_HELD_INSERT] =
	"INSERT INTO held_posts (token_hash, path, body, user_id, "
	"client_addr, created_at, expires_at) VALUES (?, ?, ?, ?, ?, "
	"UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? HOUR)",
	/* Only its owner's sign-in finds it: another's leaves it be. */
	[STMT_HELD_GET] =
	"SELECT id, path, body FROM held_posts WHERE token_hash = ? AND "
	"user_id = ? AND used_at IS NULL AND expires_at > UTC_TIMESTAMP()",
	/* Replayed once, and not kept: the text is in a revision now. */
	[STMT_HELD_USE] = "DELETE FROM held_posts WHERE id = ?",
	[STMT_HELD_PURGE] =
	"DELETE FROM held_posts WHERE expires_at < UTC_TIMESTAMP()",
	[STMT_HELD_COUNT_ADDR] =
	"SELECT COUNT(*) FROM held_posts WHERE client_addr = ? AND "
	"created_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR",
	/* Whose a session was, live or not: a held save keeps its owner. */
	[STMT_SESSION_OWNER] =
	"SELECT user_id FROM sessions WHERE token_hash = ?",
	[STMT_AUDIT_ADD] =
	"INSERT INTO audit_log (at, user_id, client_addr, action, "
	"object_type, object_id, detail) "
	"VALUES (UTC_TIMESTAMP(), ?, ?, ?, ?, ?, ?)",
	/* db_edit.c */
	[STMT_ADM_EDIT_FIRST] = "SELECT 1",
	/* Any item, whatever its status: the editor's view. */
	[STMT_EDIT_ITEM_GET] =
	"SELECT id, kind, lang, group_id, slug, title, summary, body_md, "
	"hashtag, byline, status, published_at, entry_id, author_id, version, "
	"created_at, updated_at FROM items WHERE id = ?",
	[STMT_EDIT_ITEM_TAGS] =
	"SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id "
	"WHERE it.item_id = ? ORDER BY t.name, t.id",
	/* Per-use text as stored (NULL: the file's own). */
	[STMT_EDIT_ITEM_MEDIA] =
	"SELECT im.media_id, im.role, im.alt, im.caption, im.credit, "
	"m.filename, m.mime, m.original_name, m.width, m.height "
	"FROM item_media im JOIN media m ON m.id = im.media_id "
	"WHERE im.item_id = ? ORDER BY im.role, im.position, m.id",
	[STMT_EDIT_ITEM_SIGS] =
	"SELECT s.org_id, s.role, s.signed_on, o.name FROM signatories s "
	"JOIN organisations o ON o.id = s.org_id WHERE s.item_id = ? "
	"ORDER BY s.position, o.name",
	/* The row a save changes, locked until the transaction ends. */
	[STMT_EDIT_ITEM_LOCK] =
	"SELECT version, slug, entry_id FROM items WHERE id = ? FOR UPDATE",
	/*
	 * A slug of (lang, kind) used by another item (id ? is the saving
	 * item, 0 for a new one), now or formerly (it still redirects).
	 */
	[STMT_EDIT_SLUG_USED] =
	"SELECT id FROM items WHERE lang = ? AND kind = ? AND slug = ? "
	"AND id <> ? UNION ALL SELECT item_id FROM item_slugs "
	"WHERE lang = ? AND kind = ? AND slug = ? AND item_id <> ? LIMIT 1",
	[STMT_EDIT_ITEM_INSERT] =
	"INSERT INTO items (kind, lang, group_id, slug, title, summary, "
	"body_md, body_html, hashtag, byline, status, published_at, "
	"author_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/*
	 * updated_at is now, never the (maybe future) publication time: the
	 * feeds' validators take MAX(updated_at), which must move with
	 * every save.
	 */
	[STMT_EDIT_ITEM_UPDATE] =
	"UPDATE items SET slug = ?, title = ?, summary = ?, body_md = ?, "
	"body_html = ?, hashtag = ?, byline = ?, status = ?, "
	"published_at = ?, group_id = ?, version = version + 1, "
	"updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?",
	/* A former slug keeps redirecting to the item that had it last. */
	[STMT_EDIT_SLUG_KEEP] =
	"INSERT INTO item_slugs (lang, kind, slug, item_id, created_at) "
	"VALUES (?, ?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	"item_id = VALUES(item_id), created_at = VALUES(created_at)",
	[STMT_EDIT_SLUG_FORGET] =
	"DELETE FROM item_slugs WHERE lang = ? AND kind = ? AND slug = ? "
	"AND item_id = ?",
	[STMT_EDIT_TAG_INSERT] =
	"INSERT INTO tags (lang, slug, name) VALUES (?, ?, ?)",
	[STMT_EDIT_TAGS_CLEAR] =
	"DELETE FROM item_tags WHERE item_id = ?",
	[STMT_EDIT_MEDIA_CLEAR] =
	"DELETE FROM item_media WHERE item_id = ?",
	[STMT_EDIT_SIGS_CLEAR] =
	"DELETE FROM signatories WHERE item_id = ?",
	/* Its languages and speakers go with it (ON DELETE CASCADE). */
	[STMT_EDIT_EVENT_CLEAR] =
	"DELETE FROM events WHERE item_id = ?",
	[STMT_EDIT_REVISION_INSERT] =
	"INSERT INTO revisions (item_id, version, user_id, created_at, note, "
	"snapshot) VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, ?)",
	/* The edit form's choices. */
	[STMT_EDIT_ORG_ALL] =
	"SELECT id, name, short_name FROM organisations ORDER BY name, id",
	[STMT_EDIT_FILES_RECENT] =
	"SELECT id, filename, mime, original_name, width, height, alt, "
	"caption, credit FROM media ORDER BY created_at DESC, id DESC "
	"LIMIT ?",
	[STMT_EDIT_FILE_GET] =
	"SELECT id, filename, mime, original_name, width, height, alt, "
	"caption, credit FROM media WHERE id = ?",
	/* The other items of a translation group, whatever their status. */
	[STMT_EDIT_GROUP_ITEMS] =
	"SELECT i.id, i.lang, i.kind, i.slug, i.title, i.status, "
	"i.published_at FROM items i JOIN languages l ON l.code = i.lang "
	"WHERE i.group_id = ? AND i.id <> ? ORDER BY l.position, i.lang, i.id",
	/*
	 * Items an item of (kind, lang) could be linked to as a translation:
	 * the same kind in another language, in a group without an item in
	 * this language, newest first.  Columns as STMT_EDIT_GROUP_ITEMS.
	 */
	[STMT_EDIT_LINK_CANDIDATES] =
	"SELECT i.id, i.lang, i.kind, i.slug, i.title, i.status, "
	"i.published_at FROM items i WHERE i.kind = ? AND i.lang <> ? AND "
	"i.status <> 'archived' AND NOT EXISTS (SELECT 1 FROM items j WHERE "
	"j.group_id = i.group_id AND j.lang = ?) "
	"ORDER BY i.updated_at DESC, i.id DESC LIMIT 300",
	/* db_admin.c */
	[STMT_ADM_LIST_FIRST] = "SELECT 1",
	/*
	 * The admin's item list and dashboard: items of every status, with
	 * a "scheduled" flag (published, time still to come) and the
	 * author's name.  The list's filters are fixed SQL, each of the form
	 * "(? IS NULL OR ...)" so that a NULL bound for the first place
	 * leaves it out; db_admin.c binds every filter value twice.  Status
	 * NULL means "all but archived".
	 */
#define	ADM_ITEM_COLS \
	"i.id, i.kind, i.lang, i.group_id, i.slug, i.title, i.status, " \
	"CAST(COALESCE(i.status = 'published' AND " \
	"i.published_at > UTC_TIMESTAMP(), 0) AS SIGNED), " \
	"i.published_at, i.updated_at, i.author_id, u.display_name, " \
	"i.version, i.created_at FROM items i " \
	"LEFT JOIN users u ON u.id = i.author_id "
#define	ADM_ITEM_FILTER \
	"WHERE (? IS NULL OR i.kind = ?) " \
	"AND (? IS NULL OR i.lang = ?) " \
	"AND (? IS NULL OR FIND_IN_SET(i.lang, ?) > 0) " \
	"AND ((? IS NULL AND i.status <> 'archived') OR i.status = ?) " \
	"AND (? IS NULL OR i.status <> 'published' OR " \
	"COALESCE(i.published_at > UTC_TIMESTAMP(), 0) = ?) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM item_tags it " \
	"JOIN tags t ON t.id = it.tag_id WHERE it.item_id = i.id " \
	"AND (t.id = ? OR t.slug = ?))) " \
	"AND (? IS NULL OR i.author_id = ?) " \
	"AND (? IS NULL OR i.title LIKE ?)"
	[STMT_ADM_ITEM_LIST] = "SELECT " ADM_ITEM_COLS ADM_ITEM_FILTER
	" ORDER BY i.updated_at DESC, i.id DESC LIMIT ? OFFSET ?",
	[STMT_ADM_ITEM_COUNT] = "SELECT COUNT(*) FROM items i " ADM_ITEM_FILTER,
	[STMT_ADM_DASH_DRAFTS] = "SELECT " ADM_ITEM_COLS
	"WHERE i.author_id = ? AND i.status = 'draft' "
	"ORDER BY i.updated_at DESC, i.id DESC LIMIT ?",
	[STMT_ADM_DASH_REVIEW] = "SELECT " ADM_ITEM_COLS
	"WHERE i.status = 'review' ORDER BY i.updated_at DESC, i.id DESC "
	"LIMIT ?",
	[STMT_ADM_DASH_SCHEDULED] = "SELECT " ADM_ITEM_COLS
	"WHERE i.status = 'published' AND i.published_at > UTC_TIMESTAMP() "
	"ORDER BY i.published_at, i.id LIMIT ?",
	[STMT_ADM_DASH_RECENT] = "SELECT " ADM_ITEM_COLS "WHERE " VISIBLE
	" ORDER BY i.published_at DESC, i.id DESC LIMIT ?",
#undef	ADM_ITEM_COLS
#undef	ADM_ITEM_FILTER
	/* Another language's item of a translation group. */
	[STMT_ADM_ITEM_IN_GROUP] = "SELECT id FROM items "
	"WHERE group_id = ? AND lang = ? ORDER BY id LIMIT 1",
	/*
	 * Deleting for good: revisions, relations and preview links go
	 * with the row (ON DELETE CASCADE); the audit log keeps the record.
	 */
	[STMT_ADM_ITEM_PURGE] = "DELETE FROM items "
	"WHERE id = ? AND status = 'archived'",
	[STMT_ADM_USER_NAMES] = "SELECT id, display_name FROM users "
	"ORDER BY display_name, id",
	/* The registry with the items (any status) linking each entry. */
	[STMT_ADM_ORG_LIST] = "SELECT " ORG_COLS ", (SELECT COUNT(*) FROM "
	"items i WHERE i.id IN (SELECT item_id FROM signatories WHERE "
	"org_id = o.id UNION SELECT item_id FROM speakers WHERE "
	"org_id = o.id)) FROM organisations o ORDER BY o.name, o.id",
	[STMT_ADM_ORG_GET] = "SELECT " ORG_COLS ", (SELECT COUNT(*) FROM "
	"items i WHERE i.id IN (SELECT item_id FROM signatories WHERE "
	"org_id = o.id UNION SELECT item_id FROM speakers WHERE "
	"org_id = o.id)) FROM organisations o WHERE o.id = ?",
	[STMT_ADM_ORG_INSERT] = "INSERT INTO organisations (slug, name, "
	"short_name, url, created_at, updated_at) VALUES (?, ?, ?, ?, "
	"UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[STMT_ADM_ORG_UPDATE] = "UPDATE organisations SET name = ?, "
	"short_name = ?, url = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/*
	 * Pages and feeds of the items naming an organisation show its
	 * name: a rename changes their validators as an edit would.
	 */
	[STMT_ADM_ORG_TOUCH_ITEMS] = "UPDATE items SET "
	"updated_at = UTC_TIMESTAMP(), version = version + 1 WHERE id IN "
	"(SELECT item_id FROM signatories WHERE org_id = ? "
	"UNION SELECT item_id FROM speakers WHERE org_id = ?)",
	/* Tags of a language with every item using them, any status. */
	[STMT_ADM_TAG_LIST] =
	"SELECT t.id, t.lang, t.slug, t.name, (SELECT COUNT(*) FROM item_tags "
	"it WHERE it.tag_id = t.id) FROM tags t WHERE t.lang = ? "
	"ORDER BY t.name, t.id",
	[STMT_ADM_TAG_GET] =
	"SELECT t.id, t.lang, t.slug, t.name, (SELECT COUNT(*) FROM item_tags "
	"it WHERE it.tag_id = t.id) FROM tags t WHERE t.id = ? FOR UPDATE",
	[STMT_ADM_TAG_SAME_NAME] =
	"SELECT id FROM tags WHERE lang = ? AND name = ? AND id <> ?",
	[STMT_ADM_TAG_RENAME] = "UPDATE tags SET name = ? WHERE id = ?",
	/* Pages and feeds show tag names: their items change with them. */
	[STMT_ADM_TAG_TOUCH_ITEMS] =
	"UPDATE items SET version = version + 1, updated_at = "
	"UTC_TIMESTAMP() WHERE id IN (SELECT item_id FROM item_tags WHERE "
	"tag_id = ?)",
	[STMT_ADM_TAG_MERGE] =
	"INSERT IGNORE INTO item_tags (item_id, tag_id) SELECT item_id, ? "
	"FROM item_tags WHERE tag_id = ?",
	/* item_tags rows go with it (ON DELETE CASCADE). */
	[STMT_ADM_TAG_DELETE] = "DELETE FROM tags WHERE id = ?",
	/* db_revision.c */
	[STMT_ADM_REVISION_FIRST] = "SELECT 1",
	/*
	 * An item's revisions, newest first, with the saver's name (NULL
	 * once the account is gone); one of them with its snapshot, only
	 * if it belongs to the item asked for.
	 */
#define	REV_COLS \
	"r.id, r.item_id, r.version, r.user_id, u.display_name, " \
	"r.created_at, r.note"
	[STMT_REV_LIST] = "SELECT " REV_COLS " FROM revisions r "
	"LEFT JOIN users u ON u.id = r.user_id WHERE r.item_id = ? "
	"ORDER BY r.version DESC, r.id DESC LIMIT ? OFFSET ?",
	[STMT_REV_COUNT] = "SELECT COUNT(*) FROM revisions WHERE item_id = ?",
	[STMT_REV_GET] = "SELECT " REV_COLS ", r.snapshot FROM revisions r "
	"LEFT JOIN users u ON u.id = r.user_id "
	"WHERE r.id = ? AND r.item_id = ?",
	/* The importer's snapshots name files and organisations. */
	[STMT_REV_FILE_BY_NAME] = "SELECT id FROM media "
	"WHERE original_name = ? ORDER BY id LIMIT 1",
	[STMT_REV_ORG_BY_SLUG] = "SELECT id, name FROM organisations "
	"WHERE slug = ?",
	/* A tag's name now, from its name or (the importer's) its slug. */
	[STMT_REV_TAG_NAME] = "SELECT id, name FROM tags WHERE lang = ? "
	"AND (name = ? OR slug = ?) ORDER BY name = ? DESC, id LIMIT 1",
	/* db_media.c */
	[STMT_ADM_MEDIA_FIRST] = "SELECT 1",
	[STMT_MED_INSERT] =
	"INSERT INTO media (filename, original_name, mime, bytes, width, "
	"height, renditions, alt, caption, credit, uploaded_by, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* Columns as MEDIA_COLS in db_media.c. */
	[STMT_MED_LIST] =
	"SELECT m.id, m.filename, m.original_name, m.mime, m.bytes, "
	"m.width, m.height, m.alt, m.caption, m.credit, m.uploaded_by, "
	"u.display_name, m.created_at, m.updated_at, "
	"(SELECT COUNT(DISTINCT im.item_id) FROM item_media im "
	"WHERE im.media_id = m.id), m.renditions "
	"FROM media m LEFT JOIN users u ON u.id = m.uploaded_by "
	"ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?",
	[STMT_MED_COUNT] = "SELECT COUNT(*) FROM media",
	[STMT_MED_GET] =
	"SELECT m.id, m.filename, m.original_name, m.mime, m.bytes, "
	"m.width, m.height, m.alt, m.caption, m.credit, m.uploaded_by, "
	"u.display_name, m.created_at, m.updated_at, "
	"(SELECT COUNT(DISTINCT im.item_id) FROM item_media im "
	"WHERE im.media_id = m.id), m.renditions "
	"FROM media m LEFT JOIN users u ON u.id = m.uploaded_by "
	"WHERE m.id = ?",
	[STMT_MED_LOCK] = "SELECT id FROM media WHERE id = ? FOR UPDATE",
	[STMT_MED_UPDATE] =
	"UPDATE media SET alt = ?, caption = ?, credit = ?, "
	"updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/* The items that show the file's own text somewhere. */
	[STMT_MED_TOUCH_ITEMS] =
	"UPDATE items SET updated_at = UTC_TIMESTAMP(), "
	"version = version + 1 WHERE id IN (SELECT im.item_id "
	"FROM item_media im WHERE im.media_id = ? AND (im.alt IS NULL "
	"OR im.caption IS NULL OR im.credit IS NULL))",
	[STMT_MED_USES] =
	"SELECT i.id, i.kind, i.lang, i.title, i.status, im.role, "
	"(im.alt IS NOT NULL AND im.caption IS NOT NULL AND "
	"im.credit IS NOT NULL) "
	"FROM item_media im JOIN items i ON i.id = im.item_id "
	"WHERE im.media_id = ? ORDER BY i.updated_at DESC, i.id DESC, "
	"im.role",
	/* db_user.c */
	[STMT_ADM_USER_FIRST] = "SELECT 1",
	[STMT_USR_LOGIN_EXISTS] = "SELECT id FROM users WHERE login = ?",
	[STMT_USR_INSERT] =
	"INSERT INTO users (login, display_name, email, role, password_hash, "
	"created_at, updated_at) "
	"VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[STMT_USR_LANG_INSERT] =
	"INSERT INTO user_languages (user_id, lang) VALUES (?, ?)",
	[STMT_USR_LANG_DELETE] = "DELETE FROM user_languages WHERE user_id = ?",
	/* The last sign-in is the newest session that got past every factor. */
	[STMT_USR_LIST] =
	"SELECT u.id, u.login, u.display_name, u.email, u.role, u.disabled, "
	"u.totp_secret IS NOT NULL, u.created_at, u.password_changed_at, "
	"(SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id "
	"AND s.mfa_pending = 0) "
	"FROM users u ORDER BY u.login",
	[STMT_USR_LANGS_ALL] =
	"SELECT ul.user_id, ul.lang FROM user_languages ul "
	"JOIN languages l ON l.code = ul.lang "
	"ORDER BY ul.user_id, l.position, ul.lang",
	[STMT_USR_UPDATE] =
	"UPDATE users SET display_name = ?, email = ?, role = ?, disabled = ?, "
	"updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_USR_SET_DISABLED] =
	"UPDATE users SET disabled = ?, updated_at = UTC_TIMESTAMP() "
	"WHERE id = ?",
	[STMT_USR_SESSIONS_REVOKE] =
	"UPDATE sessions SET revoked_at = UTC_TIMESTAMP() "
	"WHERE user_id = ? AND revoked_at IS NULL",
	/*
	 * A locking read: two administrators demoting each other at once
	 * wait for one another instead of both seeing the other still active.
	 */
	[STMT_USR_ADMINS_ACTIVE] =
	"SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 "
	"FOR UPDATE",
	[STMT_USR_RECOVERY_DELETE] =
	"DELETE FROM recovery_codes WHERE user_id = ?",
	[STMT_USR_RECOVERY_INSERT] =
	"INSERT INTO recovery_codes (user_id, code_hash, created_at) "
	"VALUES (?, ?, UTC_TIMESTAMP())",
	/* One statement, so two sign-ins cannot both use the same code. */
	[STMT_USR_RECOVERY_USE] =
	"UPDATE recovery_codes SET used_at = UTC_TIMESTAMP() "
	"WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1",
	[STMT_USR_RECOVERY_COUNT] =
	"SELECT COUNT(*) FROM recovery_codes "
	"WHERE user_id = ? AND used_at IS NULL",
	[STMT_USR_TOTP_PENDING] =
	"UPDATE users SET totp_pending = ? WHERE id = ?",
	[STMT_USR_TOTP_PENDING_GET] =
	"SELECT totp_pending, totp_secret IS NOT NULL FROM users WHERE id = ?",
	[STMT_USR_TOTP_CONFIRM] =
	"UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, "
	"totp_last_step = ?, updated_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND totp_pending IS NOT NULL",
	[STMT_USR_TOTP_OFF] =
	"UPDATE users SET totp_secret = NULL, totp_pending = NULL, "
	"totp_last_step = NULL, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_USR_SETTING_GET] = "SELECT value FROM settings WHERE name = ?",
	[STMT_USR_SETTING_SET] =
	"INSERT INTO settings (name, value, updated_by, updated_at) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	"value = VALUES(value), updated_by = VALUES(updated_by), "
	"updated_at = VALUES(updated_at)",
	[STMT_USR_SETTING_DELETE] = "DELETE FROM settings WHERE name = ?",
	[STMT_USR_SETTING_LIST] =
	"SELECT s.name, s.value, s.updated_at, u.display_name "
	"FROM settings s LEFT JOIN users u ON u.id = s.updated_by "
	"ORDER BY s.name",
	/* Filters: a user id of 0 and a NULL action match every row. */
	[STMT_USR_AUDIT_LIST] =
	"SELECT a.id, a.at, a.user_id, u.login, u.display_name, "
	"a.client_addr, a.action, a.object_type, a.object_id, a.detail, "
	"COALESCE(i.title, ou.login) FROM audit_log a "
	"LEFT JOIN users u ON u.id = a.user_id "
	"LEFT JOIN items i ON a.object_type = 'item' AND i.id = a.object_id "
	"LEFT JOIN users ou ON a.object_type = 'user' AND ou.id = a.object_id "
	"WHERE (? = 0 OR a.user_id = ?) AND (? IS NULL OR a.action = ?) "
	"ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
	[STMT_USR_AUDIT_COUNT] =
	"SELECT COUNT(*) FROM audit_log a "
	"WHERE (? = 0 OR a.user_id = ?) AND (? IS NULL OR a.action = ?)",
	[STMT_USR_AUDIT_ACTIONS] =
	"SELECT DISTINCT action FROM audit_log ORDER BY action",
	/*
	 * Throttled logins: uncleared failures of the last day since the
	 * login's last success (as db_login_failures() counts them), at
	 * least ? of them; with the account's id when the login is one.
	 */
	[STMT_USR_THROTTLED_LOGINS] =
	"SELECT l.login, COUNT(*), MAX(l.attempted_at), "
	"(SELECT u.id FROM users u WHERE u.login = l.login) "
	"FROM login_attempts l "
	"WHERE l.success = 0 AND l.cleared = 0 "
	"AND l.attempted_at > UTC_TIMESTAMP() - INTERVAL 1 DAY "
	"AND l.id > COALESCE((SELECT MAX(s.id) FROM login_attempts s "
	"WHERE s.login = l.login AND s.success = 1), 0) "
	"GROUP BY l.login HAVING COUNT(*) >= ? "
	"ORDER BY MAX(l.attempted_at) DESC LIMIT 200",
	[STMT_USR_THROTTLED_ADDRS] =
	"SELECT client_addr, COUNT(*), MAX(attempted_at) "
	"FROM login_attempts WHERE success = 0 AND cleared = 0 "
	"AND attempted_at > UTC_TIMESTAMP() - INTERVAL 1 DAY "
	"GROUP BY client_addr HAVING COUNT(*) >= ? "
	"ORDER BY MAX(attempted_at) DESC LIMIT 200",
	/* db_preview.c */
	[STMT_ADM_PREVIEW_FIRST] = "SELECT 1",
	[STMT_PREVIEW_INSERT] =
	"INSERT INTO preview_links (item_id, token_hash, note, created_by, "
	"created_at, expires_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), "
	"UTC_TIMESTAMP() + INTERVAL ? DAY)",
	/* The last column: still valid by the server's clock. */
#define	PREVIEW_COLS "l.id, l.item_id, l.note, l.created_by, " \
	"u.display_name, l.created_at, l.expires_at, l.revoked_at, " \
	"l.last_used_at, l.expires_at > UTC_TIMESTAMP() " \
	"FROM preview_links l LEFT JOIN users u ON u.id = l.created_by "
	[STMT_PREVIEW_BY_ID] = "SELECT " PREVIEW_COLS "WHERE l.id = ?",
	[STMT_PREVIEW_BY_HASH] =
	"SELECT " PREVIEW_COLS "WHERE l.token_hash = ?",
	[STMT_PREVIEW_LIST] = "SELECT " PREVIEW_COLS "WHERE l.item_id = ? "
	"ORDER BY l.created_at DESC, l.id DESC",
	[STMT_PREVIEW_REVOKE] =
	"UPDATE preview_links SET revoked_at = UTC_TIMESTAMP() "
	"WHERE id = ? AND item_id = ? AND revoked_at IS NULL",
	[STMT_PREVIEW_USE] =
	"UPDATE preview_links SET last_used_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_PREVIEW_MEDIA] =
	"SELECT id, filename, original_name, mime, bytes, width, height, alt, "
	"caption, credit FROM media WHERE id = ?",
	[STMT_PREVIEW_ORG] = "SELECT " ORG_COLS " FROM organisations o "
	"WHERE o.id = ?",
	/* Names are not unique (slugs are): the oldest tag of the name. */
	[STMT_PREVIEW_TAG] =
	"SELECT id, lang, slug, name FROM tags WHERE lang = ? AND name = ? "
	"ORDER BY id LIMIT 1",
	[STMT_PREVIEW_ITEM] =
	"SELECT id, author_id, status, lang, title FROM items "
	"WHERE id = ?",
};

/* Names of the roles' configuration sections, for messages. */
static const char *const role_sections[DB_ROLE__MAX] = {
	"database.public",	/* DB_ROLE_PUBLIC */
	"database.admin",	/* DB_ROLE_ADMIN */
};

/* db_open()'s and db_check_schema()'s messages: one process, one thread. */
static char	 db_msg[1024];

static int	 db_connect(struct db *);
static void	 db_disconnect(struct db *);
static int	 db_setup(struct db *);

/* Returns 1 if a client or server error means the server is unreachable. */
static int
db_errno_down(unsigned int e)
{
	switch (e) {
	case CR_SOCKET_CREATE_ERROR:
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_IPSOCK_ERROR:
	case CR_UNKNOWN_HOST:
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_SERVER_LOST_EXTENDED:
	case CR_ERR_NET_READ:
	case CR_ERR_NET_WRITE:
	case ER_CON_COUNT_ERROR:
	case ER_SERVER_SHUTDOWN:
	case ER_CONNECTION_KILLED:
	case 4031:	/* ER_CLIENT_INTERACTION_TIMEOUT (MySQL 8) */
		return 1;
	default:
		return 0;
	}
}

void
db_seterr(struct db *db, unsigned int e, const char *msg)
{
	db->lasterrno = e;
	strlcpy_bs(db->lasterr, msg != NULL ? msg : "", sizeof(db->lasterr));
	if (db_errno_down(e))
		db->down = 1;
}

MYSQL *
db_mysql(struct db *db)
{
	return db->my;
}

/* Where the account connects, for messages: socket or host[:port]. */
static const char *
db_where(const struct cfg_db *c, char *buf, size_t size)
{
	if (c->socket != NULL)
		snprintf(buf, size, "%s", c->socket);
	else if (c->host != NULL && c->port != 0)
		snprintf(buf, size, "%s:%u", c->host, c->port);
	else if (c->host != NULL)
		snprintf(buf, size, "%s", c->host);
	else if (c->group != NULL)
		snprintf(buf, size, "the server of my.cnf group [%s]",
		    c->group);
	else
		snprintf(buf, size, "the default socket");
	return buf;
}

/*
 * What an operator should look at after a failed connection, written into
 * buf; section is the configuration section of the account.
 */
static const char *
db_connect_hint(unsigned int e, const struct cfg_db *c, const char *section,
    char *buf, size_t size)
{
	switch (e) {
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SOCKET_CREATE_ERROR:
	case CR_IPSOCK_ERROR:
	case CR_SERVER_LOST:
	case CR_SERVER_GONE_ERROR:
		snprintf(buf, size, c->socket != NULL ?
		    "is MariaDB running? check [%s] socket" :
		    "is MariaDB running and listening? check [%s] host and "
		    "port", section);
		break;
	case CR_UNKNOWN_HOST:
		snprintf(buf, size, "check [%s] host", section);
		break;
	case ER_ACCESS_DENIED_ERROR:
		snprintf(buf, size, "check [%s] user and password, or create "
		    "the account with `broadside grants | mariadb -uroot`",
		    section);
		break;
	case ER_DBACCESS_DENIED_ERROR:
	case ER_BAD_DB_ERROR:
		snprintf(buf, size, "check [%s] database, or create it and "
		    "grant access with `broadside grants | mariadb -uroot`",
		    section);
		break;
	case ER_CON_COUNT_ERROR:
		snprintf(buf, size, "the server has too many connections: "
		    "raise max_connections or run fewer workers");
		break;
	default:
		snprintf(buf, size, "check [%s]", section);
		break;
	}
	return buf;
}

static int
db_connect(struct db *db)
{
	const struct cfg_db	*c = &db->cfg;
	unsigned int		 timeout, rtimeout, off = 0;
	char			 where[300], hint[300];
	int			 rc = -1;

	if ((db->my = mysql_init(NULL)) == NULL) {
		snprintf(db_msg, sizeof(db_msg), "%s: mysql_init failed "
		    "(out of memory)", role_sections[db->role]);
		goto out;
	}
	/*
	 * utf8mb4 for the whole session; connect quickly or fail (a worker
	 * answering 503 beats one hanging); never LOAD DATA LOCAL.  The
	 * library's automatic reconnect stays off: it would lose the
	 * prepared statements and the session settings behind our back.
	 */
	timeout = 3;
	rtimeout = db->role == DB_ROLE_PUBLIC ? 30 : 600;
	if (mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4") ||
	    mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout) ||
	    mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &rtimeout) ||
	    mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &rtimeout) ||
	    mysql_options(db->my, MYSQL_OPT_LOCAL_INFILE, &off) ||
	    (c->group != NULL &&
	     mysql_options(db->my, MYSQL_READ_DEFAULT_GROUP, c->group))) {
		snprintf(db_msg, sizeof(db_msg), "%s: cannot set connection "
		    "options: %s", role_sections[db->role],
		    mysql_error(db->my));
		goto fail;
	}
	if (mysql_real_connect(db->my, c->socket != NULL ? NULL : c->host,
	    c->user, c->password, c->database, c->port, c->socket, 0) ==
	    NULL) {
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
		db->down = db_errno_down(db->lasterrno);
		snprintf(db_msg, sizeof(db_msg), "%s: cannot connect to %s as "
		    "%s: %s — %s", role_sections[db->role],
		    db_where(c, where, sizeof(where)),
		    c->user != NULL ? c->user : "(default user)",
		    db->lasterr, db_connect_hint(db->lasterrno, c,
		    role_sections[db->role], hint, sizeof(hint)));
		goto fail;
	}
	db->down = 0;
	db->last_ok = time(NULL);
	rc = 0;
fail:
	if (rc == -1) {
		mysql_close(db->my);
		db->my = NULL;
	}
out:
	return rc;
}

/* Closes every statement and the connection; the handle stays usable. */
static void
db_disconnect(struct db *db)
{
	enum stmt	 s;

	for (s = 0; s < STMT__MAX; s++) {
		if (db->st[s] != NULL)
			mysql_stmt_close(db->st[s]);
		db->st[s] = NULL;
		db->ncols[s] = 0;
	}
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->in_tx = 0;
}

int
db_stmt_prepare(struct db *db, enum stmt s)
{
	MYSQL_STMT	*st = NULL;
	MYSQL_RES	*meta = NULL;
	MYSQL_FIELD	*f;
	unsigned int	 i, n;
	int		 rc = -1;

	if (db->st[s] != NULL) {
		rc = 0;
		goto out;
	}
	if (db->my == NULL) {
		db_seterr(db, CR_SERVER_GONE_ERROR, "not connected");
		goto out;
	}
	/* The public role must never hold a writing statement. */
	if (db->role == DB_ROLE_PUBLIC && s >= STMT__PUBLIC_MAX)
		xabort("db_stmt_prepare: admin statement in the public role");
	if ((st = mysql_stmt_init(db->my)) == NULL) {
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
		log_warnx("mysql_stmt_init: %s", db->lasterr);
		goto out;
	}
	if (stmts[s] == NULL)
		xabort("db_stmt_prepare: a statement has no SQL");
	if (mysql_stmt_prepare(st, stmts[s], strlen(stmts[s])) != 0) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		log_warnx("statement %d: %s", (int)s, db->lasterr);
		goto out;
	}
	if (mysql_stmt_param_count(st) > DB_PARAM_MAX)
		xabort("db_stmt_prepare: too many parameters");
	n = 0;
	if ((meta = mysql_stmt_result_metadata(st)) != NULL) {
		n = mysql_num_fields(meta);
		if (n > DB_COL_MAX)
			xabort("db_stmt_prepare: too many columns");
		f = mysql_fetch_fields(meta);
		for (i = 0; i < n; i++) {
			switch (f[i].type) {
			case MYSQL_TYPE_TINY:
			case MYSQL_TYPE_SHORT:
			case MYSQL_TYPE_INT24:
			case MYSQL_TYPE_LONG:
			case MYSQL_TYPE_LONGLONG:
			case MYSQL_TYPE_YEAR:
				db->coltypes[s][i] = DB_COL_INT;
				break;
			case MYSQL_TYPE_DATE:
			case MYSQL_TYPE_DATETIME:
			case MYSQL_TYPE_TIMESTAMP:
				db->coltypes[s][i] = DB_COL_TIME;
				break;
			default:
				db->coltypes[s][i] = DB_COL_STR;
				break;
			}
		}
	}
	db->ncols[s] = n;
	db->st[s] = st;
	st = NULL;
	rc = 0;
out:
	if (meta != NULL)
		mysql_free_result(meta);
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

/* Returns 1 if the statement is one of the boot set. */
static int
stmt_is_boot(enum stmt s)
{
	return s == STMT_SET_SESSION || s == STMT_MIGRATIONS_EXIST ||
	    s == STMT_SCHEMA_VERSION || s == STMT_MIGRATIONS_CREATE ||
	    s == STMT_MIGRATION_LIST || s == STMT_MIGRATION_RECORD;
}

/* Reads the schema version into db->schema (0: no migrations table). */
static int
db_read_schema(struct db *db)
{
	struct db_row	 row;
	struct arena	*a = NULL;
	int		 rc = -1, exists = 0;

	db->schema = -1;
	if (db_stmt_prepare(db, STMT_MIGRATIONS_EXIST) == -1 ||
	    db_exec(db, STMT_MIGRATIONS_EXIST, NULL) == -1)
		goto out;
	a = arena_new();
	if (db_fetch(db, STMT_MIGRATIONS_EXIST, a, &row) == 1)
		exists = row.v[0].i > 0;
	db_done(db, STMT_MIGRATIONS_EXIST);
	if (!exists) {
		db->schema = 0;
		rc = 0;
		goto out;
	}
	if (db_stmt_prepare(db, STMT_SCHEMA_VERSION) == -1 ||
	    db_exec(db, STMT_SCHEMA_VERSION, NULL) == -1)
		goto out;
	if (db_fetch(db, STMT_SCHEMA_VERSION, a, &row) == 1)
		db->schema = row.v[0].null ? 0 : (int)row.v[0].i;
	db_done(db, STMT_SCHEMA_VERSION);
	if (db->schema >= 0)
		rc = 0;
out:
	arena_free(a);
	return rc;
}

/*
 * Prepares every statement of the role if the schema is the expected
 * one; with another schema they stay unprepared (their tables may not
 * exist) and db_check_schema() tells the program to refuse to start.
 */
int
db_setup_statements(struct db *db)
{
	enum stmt	 s, end;
	int		 rc = -1;

	if (db_read_schema(db) == -1)
		goto out;
	end = db->role == DB_ROLE_PUBLIC ? STMT__PUBLIC_MAX : STMT__MAX;
	for (s = 0; s < end && db->schema == DB_SCHEMA_VERSION; s++) {
		if (stmt_is_boot(s))
			continue;
		if (db_stmt_prepare(db, s) == -1) {
			snprintf(db_msg, sizeof(db_msg), "%s: cannot prepare "
			    "statement %d: %s (is the schema intact? run "
			    "`broadside check`)", role_sections[db->role],
			    (int)s, db->lasterr);
			goto out;
		}
	}
	rc = 0;
out:
	return rc;
}

/* The session settings, then the statements. */
static int
db_setup(struct db *db)
{
	int	 rc = -1;

	if (db_stmt_prepare(db, STMT_SET_SESSION) == -1 ||
	    db_exec(db, STMT_SET_SESSION, NULL) == -1) {
		snprintf(db_msg, sizeof(db_msg), "%s: cannot set up the "
		    "session: %s", role_sections[db->role], db->lasterr);
		goto out;
	}
	db_done(db, STMT_SET_SESSION);
	if (db->role == DB_ROLE_ADMIN &&
	    db_stmt_prepare(db, STMT_MIGRATIONS_CREATE) == -1) {
		snprintf(db_msg, sizeof(db_msg), "%s: %s",
		    role_sections[db->role], db->lasterr);
		goto out;
	}
	if (db_setup_statements(db) == -1) {
		if (db_msg[0] == '\0')
			snprintf(db_msg, sizeof(db_msg), "%s: cannot read "
			    "the schema version: %s", role_sections[db->role],
			    db->lasterr);
		goto out;
	}
	rc = 0;
out:
	return rc;
}

/* Drops the connection and builds a new one.  Returns 0 or -1. */
static int
db_reconnect(struct db *db)
{
	db_disconnect(db);
	db_msg[0] = '\0';
	if (db_connect(db) == -1)
		goto fail;
	if (db_setup(db) == -1) {
		db_disconnect(db);
		goto fail;
	}
	log_info("%s: reconnected", role_sections[db->role]);
	return 0;
fail:
	db->down = 1;
	log_warnx("%s", db_msg);
	return -1;
}

/* Copies a string that may be NULL. */
static char *
dupnull(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

struct db *
db_open(const struct cfg_db *c, enum db_role role, const char **err)
{
	struct db	*db;

	db = xcalloc(1, sizeof(*db));
	db->role = role;
	db->schema = -1;
	db->cfg.socket = dupnull(c->socket);
	db->cfg.host = dupnull(c->host);
	db->cfg.port = c->port;
	db->cfg.user = dupnull(c->user);
	db->cfg.password = dupnull(c->password);
	db->cfg.database = dupnull(c->database);
	db->cfg.group = dupnull(c->group);
	db_msg[0] = '\0';
	*err = NULL;
	if (db_connect(db) == -1 || db_setup(db) == -1) {
		*err = db_msg;
		db_close(db);
		db = NULL;
	}
	return db;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db->cfg.socket);
	free(db->cfg.host);
	free(db->cfg.user);
	if (db->cfg.password != NULL)
		memset(db->cfg.password, 0, strlen(db->cfg.password));
	free(db->cfg.password);
	free(db->cfg.database);
	free(db->cfg.group);
	free(db);
}

void
db_library_end(void)
{
	mysql_library_end();
}

int
db_ensure(struct db *db)
{
	time_t	 now;
	int	 rc = 0;

	now = time(NULL);
	if (db->my == NULL || db->down)
		rc = db_reconnect(db);
	else if (now - db->last_ok >= DB_PING_IDLE || now < db->last_ok) {
		/*
		 * A ping costs a round trip, so only a connection that has
		 * been idle (and may have met wait_timeout or a server
		 * restart) is pinged.  A busy one that fails anyway is caught
		 * by db_exec(), which retries a read once on a new
		 * connection.
		 */
		if (mysql_ping(db->my) != 0) {
			db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
			log_warnx("%s: ping: %s", role_sections[db->role],
			    db->lasterr);
			rc = db_reconnect(db);
		} else
			db->last_ok = now;
	}
	return rc;
}

int
db_is_down(const struct db *db)
{
	return db->down;
}

/* --- parameters --- */

/* Casts away const: MYSQL_BIND has one buffer pointer for both ways. */
static void *
unconst(const void *p)
{
	return (void *)(uintptr_t)p;
}

void
db_params_init(struct db_params *p)
{
	memset(p, 0, sizeof(*p));
}

/* Returns the next free slot, or NULL (and marks overflow). */
static MYSQL_BIND *
param_next(struct db_params *p, size_t *i)
{
	if (p->n == DB_PARAM_MAX) {
		p->overflow = 1;
		return NULL;
	}
	*i = p->n++;
	p->b[*i].is_null = &p->null[*i];
	return &p->b[*i];
}

void
db_param_null(struct db_params *p)
{
	MYSQL_BIND	*b;
	size_t		 i;

	if ((b = param_next(p, &i)) == NULL)
		return;
	b->buffer_type = MYSQL_TYPE_NULL;
	p->null[i] = 1;
}

/* Binds len bytes at data as a value of the given type. */
static void
param_bytes(struct db_params *p, const void *data, size_t len,
    enum enum_field_types type)
{
	MYSQL_BIND	*b;
	size_t		 i;

	if ((b = param_next(p, &i)) == NULL)
		return;
	b->buffer_type = type;
	b->buffer = unconst(data);
	b->buffer_length = len;
	p->len[i] = len;
	b->length = &p->len[i];
}

void
db_param_strn(struct db_params *p, const char *s, size_t len)
{
	param_bytes(p, s, len, MYSQL_TYPE_STRING);
}

void
db_param_blob(struct db_params *p, const void *data, size_t len)
{
	param_bytes(p, data, len, MYSQL_TYPE_BLOB);
}

void
db_param_str(struct db_params *p, const char *s)
{
	if (s == NULL)
		db_param_null(p);
	else
		db_param_strn(p, s, strlen(s));
}

void
db_param_int(struct db_params *p, long long v)
{
	MYSQL_BIND	*b;
	size_t		 i;

	if ((b = param_next(p, &i)) == NULL)
		return;
	p->ll[i] = v;
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = &p->ll[i];
}

/* Binds an instant as DATETIME or its date as DATE. */
static void
param_tm(struct db_params *p, time_t t, int dateonly)
{
	MYSQL_BIND	*b;
	struct tm	 tm;
	size_t		 i;

	if (t == (time_t)-1 || gmtime_r(&t, &tm) == NULL) {
		db_param_null(p);
		return;
	}
	if ((b = param_next(p, &i)) == NULL)
		return;
	memset(&p->tm[i], 0, sizeof(p->tm[i]));
	p->tm[i].year = (unsigned int)tm.tm_year + 1900;
	p->tm[i].month = (unsigned int)tm.tm_mon + 1;
	p->tm[i].day = (unsigned int)tm.tm_mday;
	if (!dateonly) {
		p->tm[i].hour = (unsigned int)tm.tm_hour;
		p->tm[i].minute = (unsigned int)tm.tm_min;
		p->tm[i].second = (unsigned int)tm.tm_sec;
	}
	p->tm[i].time_type = dateonly ? MYSQL_TIMESTAMP_DATE :
	    MYSQL_TIMESTAMP_DATETIME;
	b->buffer_type = dateonly ? MYSQL_TYPE_DATE : MYSQL_TYPE_DATETIME;
	b->buffer = &p->tm[i];
}

void
db_param_time(struct db_params *p, time_t t)
{
	param_tm(p, t, 0);
}

void
db_param_date(struct db_params *p, time_t t)
{
	param_tm(p, t, 1);
}

/* --- execution --- */

int
db_run(struct db *db, enum stmt s, struct db_params *p)
{
	if (db_exec(db, s, p) == -1)
		return -1;
	db_done(db, s);
	return 0;
}

int
db_exec(struct db *db, enum stmt s, struct db_params *p)
{
	MYSQL_STMT	*st;
	unsigned long	 want;
	int		 tries, rc = -1;

	if (p != NULL && p->overflow)
		xabort("db_exec: too many parameters");
	for (tries = 0; tries < 2; tries++) {
		if ((db->my == NULL || db->down) && !db->in_tx &&
		    !stmt_is_boot(s) && db_reconnect(db) == -1)
			goto out;
		if (db->my == NULL) {
			db_seterr(db, CR_SERVER_GONE_ERROR, "not connected");
			goto out;
		}
		if ((st = db->st[s]) == NULL) {
			db_seterr(db, CR_NO_PREPARE_STMT, "not prepared");
			log_warnx("statement %d is not prepared (schema "
			    "version %d, this program needs %d)", (int)s,
			    db->schema, DB_SCHEMA_VERSION);
			goto out;
		}
		want = mysql_stmt_param_count(st);
		if (want != (p != NULL ? p->n : 0)) {
			log_warnx("statement %d: %zu parameters bound, %lu "
			    "wanted", (int)s, p != NULL ? p->n : 0, want);
			goto out;
		}
		if (p != NULL && p->n > 0 && mysql_stmt_bind_param(st, p->b)) {
			db_seterr(db, mysql_stmt_errno(st),
			    mysql_stmt_error(st));
			log_warnx("statement %d: bind: %s", (int)s,
			    db->lasterr);
			goto out;
		}
		if (mysql_stmt_execute(st) == 0 &&
		    (db->ncols[s] == 0 || mysql_stmt_store_result(st) == 0)) {
			db->last_ok = time(NULL);
			rc = 0;
			goto out;
		}
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		if (!db->down) {
			log_warnx("statement %d: %s", (int)s, db->lasterr);
			mysql_stmt_free_result(st);
			mysql_stmt_reset(st);
			goto out;
		}
		/*
		 * The server went away.  A read is retried once on a new
		 * connection; a write is not (it may have been applied), nor
		 * anything inside a transaction (which the loss rolled back).
		 */
		log_warnx("%s: statement %d: %s", role_sections[db->role],
		    (int)s, db->lasterr);
		if (s >= STMT__PUBLIC_MAX || db->in_tx || stmt_is_boot(s))
			goto out;
	}
out:
	return rc;
}

int
db_fetch(struct db *db, enum stmt s, struct arena *a, struct db_row *row)
{
	MYSQL_STMT	*st = db->st[s];
	MYSQL_BIND	 b[DB_COL_MAX], fb;
	unsigned long	 len[DB_COL_MAX], got;
	db_bool		 null[DB_COL_MAX], err[DB_COL_MAX];
	long long	 ll[DB_COL_MAX];
	MYSQL_TIME	 tm[DB_COL_MAX];
	struct db_val	*v;
	struct tm	 t;
	unsigned int	 i, n = db->ncols[s];
	int		 rc = -1, frc;

	memset(row, 0, sizeof(*row));
	if (st == NULL)
		goto out;
	/*
	 * Numbers and times are fetched into fixed buffers.  Strings are
	 * bound with no buffer: the fetch reports each one's length as a
	 * truncation, and mysql_stmt_fetch_column() then copies it whole
	 * into the arena, however long (bodies can be megabytes).
	 */
	memset(b, 0, sizeof(b));
	memset(err, 0, sizeof(err));
	for (i = 0; i < n; i++) {
		b[i].length = &len[i];
		b[i].is_null = &null[i];
		b[i].error = &err[i];
		switch (db->coltypes[s][i]) {
		case DB_COL_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = &ll[i];
			b[i].buffer_length = sizeof(ll[i]);
			break;
		case DB_COL_TIME:
			b[i].buffer_type = MYSQL_TYPE_DATETIME;
			b[i].buffer = &tm[i];
			b[i].buffer_length = sizeof(tm[i]);
			break;
		default:
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = NULL;
			b[i].buffer_length = 0;
			break;
		}
	}
	if (mysql_stmt_bind_result(st, b) != 0) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		log_warnx("statement %d: bind result: %s", (int)s, db->lasterr);
		goto out;
	}
	frc = mysql_stmt_fetch(st);
	if (frc == MYSQL_NO_DATA) {
		rc = 0;
		goto out;
	}
	if (frc != 0 && frc != MYSQL_DATA_TRUNCATED) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		log_warnx("statement %d: fetch: %s", (int)s, db->lasterr);
		goto out;
	}
	row->n = n;
	for (i = 0; i < n; i++) {
		v = &row->v[i];
		if (null[i]) {
			v->null = 1;
			continue;
		}
		switch (db->coltypes[s][i]) {
		case DB_COL_INT:
			if (err[i]) {
				log_warnx("statement %d: column %u does not "
				    "fit a long long", (int)s, i);
				goto out;
			}
			v->i = ll[i];
			break;
		case DB_COL_TIME:
			if (err[i]) {
				log_warnx("statement %d: column %u: bad "
				    "time", (int)s, i);
				goto out;
			}
			if (tm[i].year == 0) {
				/* A zero date: treat as unknown. */
				v->null = 1;
				break;
			}
			memset(&t, 0, sizeof(t));
			t.tm_year = (int)tm[i].year - 1900;
			t.tm_mon = (int)tm[i].month - 1;
			t.tm_mday = (int)tm[i].day;
			t.tm_hour = (int)tm[i].hour;
			t.tm_min = (int)tm[i].minute;
			t.tm_sec = (int)tm[i].second;
			v->t = timegm(&t);
			break;
		default:
			if (a == NULL)
				xabort("db_fetch: a string column needs an arena");
			v->len = len[i];
			v->s = arena_alloc(a, len[i] + 1);
			if (len[i] == 0)
				break;
			memset(&fb, 0, sizeof(fb));
			fb.buffer_type = MYSQL_TYPE_STRING;
			fb.buffer = v->s;
			fb.buffer_length = len[i] + 1;
			fb.length = &got;
			if (mysql_stmt_fetch_column(st, &fb, i, 0) != 0) {
				db_seterr(db, mysql_stmt_errno(st),
				    mysql_stmt_error(st));
				log_warnx("statement %d: column %u: %s",
				    (int)s, i, db->lasterr);
				goto out;
			}
			if (got != len[i]) {
				log_warnx("statement %d: column %u: got %lu "
				    "of %lu bytes", (int)s, i, got, len[i]);
				goto out;
			}
			v->s[len[i]] = '\0';
			break;
		}
	}
	rc = 1;
out:
	return rc;
}

int
db_exec_all(struct db *db, enum stmt s, struct db_params *p,
    struct arena *a, size_t elemsz, db_row_fn from_row, void **out,
    size_t *outc)
{
	struct db_row	 row;
	char		*v;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	if (db_exec(db, s, p) == -1)
		goto out;
	max = db_rows(db, s);
	v = arena_calloc(a, max + 1, elemsz);
	while (n < max && (c = db_fetch(db, s, a, &row)) == 1)
		from_row(v + elemsz * n++, &row);
	if (c != -1 && n == max) {
		*out = v;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, s);
	return rc;
}

size_t
db_rows(struct db *db, enum stmt s)
{
	if (db->st[s] == NULL)
		return 0;
	return (size_t)mysql_stmt_num_rows(db->st[s]);
}

long long
db_insert_id(struct db *db, enum stmt s)
{
	if (db->st[s] == NULL)
		return 0;
	return (long long)mysql_stmt_insert_id(db->st[s]);
}

long long
db_affected(struct db *db, enum stmt s)
{
	if (db->st[s] == NULL)
		return 0;
	return (long long)mysql_stmt_affected_rows(db->st[s]);
}

void
db_done(struct db *db, enum stmt s)
{
	if (s >= STMT__MAX || db->st[s] == NULL)
		return;
	mysql_stmt_free_result(db->st[s]);
	/*
	 * The reset costs a round trip.  A statement without a result set
	 * (a write) leaves nothing open on the server to reset, and bulk
	 * imports run hundreds of thousands of them, so only reads pay it.
	 */
	if (!db->down && db->ncols[s] > 0)
		mysql_stmt_reset(db->st[s]);
}

/* --- transactions --- */

int
db_tx_begin(struct db *db)
{
	int	 rc = -1;

	if ((db->my == NULL || db->down) && db_reconnect(db) == -1)
		goto out;
	if (mysql_autocommit(db->my, 0) != 0) {
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
		log_warnx("begin: %s", db->lasterr);
		goto out;
	}
	db->in_tx = 1;
	rc = 0;
out:
	return rc;
}

int
db_tx_commit(struct db *db)
{
	int	 rc = -1;

	if (db->my == NULL)
		goto out;
	if (mysql_commit(db->my) != 0) {
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
		log_warnx("commit: %s", db->lasterr);
		goto out;
	}
	rc = 0;
out:
	if (db->my != NULL && mysql_autocommit(db->my, 1) != 0)
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
	db->in_tx = 0;
	return rc;
}

void
db_tx_rollback(struct db *db)
{
	if (db->my != NULL && !db->down) {
		if (mysql_rollback(db->my) != 0 ||
		    mysql_autocommit(db->my, 1) != 0) {
			db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
			log_warnx("rollback: %s", db->lasterr);
		}
	}
	db->in_tx = 0;
}

/* --- small reads --- */

int
db_schema_version(struct db *db)
{
	int	 rc = -1;

	if (db->my == NULL || db->down) {
		/* Reconnecting reads the version. */
		if (db_reconnect(db) == 0)
			rc = db->schema;
	} else if (db_read_schema(db) == 0)
		rc = db->schema;
	return rc;
}

int
db_schema_expected(void)
{
	return DB_SCHEMA_VERSION;
}

int
db_check_schema(struct db *db, const char **msg)
{
	int	 v, rc = -1;

	*msg = db_msg;
	if ((v = db_schema_version(db)) == -1)
		snprintf(db_msg, sizeof(db_msg), "%s: cannot read the schema "
		    "version: %s", role_sections[db->role], db->lasterr);
	else if (v == 0)
		snprintf(db_msg, sizeof(db_msg), "the database has no schema "
		    "yet, this program needs version %d: run `broadside "
		    "migrate`", DB_SCHEMA_VERSION);
	else if (v != DB_SCHEMA_VERSION)
		snprintf(db_msg, sizeof(db_msg), "database schema is version "
		    "%d, this program needs %d: %s", v, DB_SCHEMA_VERSION,
		    v < DB_SCHEMA_VERSION ? "run `broadside migrate`" :
		    "install the newer Broadside the database was migrated "
		    "with");
	else if (db->st[STMT_NOW] == NULL && db_setup_statements(db) == -1)
		/* A migration just happened on this handle: prepare. */
		;
	else {
		*msg = NULL;
		rc = 0;
	}
	return rc;
}

int
db_now(struct db *db, time_t *now)
{
	struct db_row	 row;
	int		 rc = -1;

	if (db_exec(db, STMT_NOW, NULL) == -1)
		goto out;
	if (db_fetch(db, STMT_NOW, NULL, &row) == 1 && !row.v[0].null) {
		*now = row.v[0].t;
		rc = 0;
	}
out:
	db_done(db, STMT_NOW);
	return rc;
}

int
db_site_state(struct db *db, unsigned long long *generation,
    time_t *changed_at)
{
	struct db_row	 row;
	int		 rc = -1;

	if (db_exec(db, STMT_SITE_STATE, NULL) == -1)
		goto out;
	if (db_fetch(db, STMT_SITE_STATE, NULL, &row) == 1) {
		*generation = (unsigned long long)row.v[0].i;
		*changed_at = row.v[1].t;
		rc = 0;
	} else
		log_warnx("site_state has no row 1");
out:
	db_done(db, STMT_SITE_STATE);
	return rc;
}

int
db_language_list(struct db *db, struct arena *a, struct language **out,
    size_t *outc)
{
	struct db_row	 row;
	struct language	*l;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	if (db_exec(db, STMT_LANGUAGE_LIST, NULL) == -1)
		goto out;
	max = db_rows(db, STMT_LANGUAGE_LIST);
	l = arena_calloc(a, max + 1, sizeof(*l));
	while (n < max &&
	    (c = db_fetch(db, STMT_LANGUAGE_LIST, a, &row)) == 1) {
		l[n].code = row.v[0].s;
		l[n].name = row.v[1].s;
		l[n].dir = row.v[2].s;
		n++;
	}
	if (c != -1 && n == max) {
		*out = l;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, STMT_LANGUAGE_LIST);
	return rc;
}
