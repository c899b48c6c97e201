-- Broadside schema version 2: indexes for the feeds' validators and for
-- the upcoming events.
--
-- A feed answers a conditional GET (If-None-Match, If-Modified-Since)
-- before it loads any entry, from one aggregate statement over its scope
-- (db.c, STMT_FEED_VALID_*): the count and newest publication of its
-- visible items, the newest updated_at and the sum of versions of all its
-- items whatever their status, and for an archive page the same over the
-- page (STMT_FEED_PAGE_*).  These indexes hold every column those
-- statements read, so a 304 reads index entries, never an item's row
-- (which holds the bodies).

-- A language's feed: its visible items in feed order (published_at, then
-- id, so a page needs no sort), and all its items.
CREATE INDEX items_feed_lang ON items (lang, status, published_at, id,
	updated_at, version, group_id);

-- A kind's feed, and a language's events calendar.
CREATE INDEX items_feed_kind ON items (lang, kind, status, published_at, id,
	updated_at, version, group_id);

-- A tag's or an organisation's feed reaches its items by id through
-- item_tags, signatories and speakers.
CREATE INDEX items_feed ON items (id, lang, status, published_at,
	updated_at, version, group_id);

-- Entries link to their translations, so a feed's validators take in the
-- newest change of each entry's translation group.
CREATE INDEX items_group_feed ON items (group_id, updated_at, version);

-- Upcoming events: those ending after now, soonest first.
CREATE INDEX events_ends ON events (ends_at, starts_at);
