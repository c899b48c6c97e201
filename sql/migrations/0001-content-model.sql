-- Broadside content model, version 1.
-- All times are UTC (the connection's time_zone is '+00:00'); display zones
-- are applied by the programs.  Every table is InnoDB, utf8mb4.
--
-- Public visibility of an item: status = 'published' AND published_at <=
-- UTC_TIMESTAMP().  "Scheduled" is a published item whose time has not come,
-- so no job has to run for it to appear.

CREATE TABLE languages (
	code		VARCHAR(8)	NOT NULL PRIMARY KEY,	-- BCP 47: en, fr, es, ru
	name		VARCHAR(64)	NOT NULL,		-- in the language itself
	dir		ENUM('ltr','rtl') NOT NULL DEFAULT 'ltr',
	position	SMALLINT	NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO languages (code, name, dir, position) VALUES
	('en', 'English', 'ltr', 1),
	('fr', 'Français', 'ltr', 2),
	('es', 'Español', 'ltr', 3),
	('ru', 'Русский', 'ltr', 4);

-- Bumped by every write that can change a public page or feed.
CREATE TABLE site_state (
	id		TINYINT		NOT NULL PRIMARY KEY,
	generation	BIGINT UNSIGNED	NOT NULL DEFAULT 0,
	changed_at	DATETIME	NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO site_state (id, generation, changed_at) VALUES (1, 0, UTC_TIMESTAMP());

CREATE TABLE users (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(64)	NOT NULL,
	display_name	VARCHAR(200)	NOT NULL,
	email		VARCHAR(254)	NULL,
	role		ENUM('admin','editor','author','translator') NOT NULL,
	password_hash	VARCHAR(255)	NOT NULL,		-- crypto_pwhash_str
	totp_secret	VARBINARY(64)	NULL,
	disabled	TINYINT(1)	NOT NULL DEFAULT 0,
	created_at	DATETIME	NOT NULL,
	updated_at	DATETIME	NOT NULL,
	UNIQUE KEY users_login (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Languages a translator may edit.
CREATE TABLE user_languages (
	user_id		BIGINT UNSIGNED	NOT NULL,
	lang		VARCHAR(8)	NOT NULL,
	PRIMARY KEY (user_id, lang),
	FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
	FOREIGN KEY (lang) REFERENCES languages (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Only a hash of the cookie token is stored.
CREATE TABLE sessions (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED	NOT NULL,
	token_hash	BINARY(32)	NOT NULL,
	csrf_token	BINARY(32)	NOT NULL,
	created_at	DATETIME	NOT NULL,
	last_seen_at	DATETIME	NOT NULL,
	expires_at	DATETIME	NOT NULL,
	revoked_at	DATETIME	NULL,
	client_addr	VARCHAR(64)	NULL,
	user_agent	VARCHAR(255)	NULL,
	UNIQUE KEY sessions_token (token_hash),
	KEY sessions_user (user_id),
	FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_attempts (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	login		VARCHAR(64)	NOT NULL,
	client_addr	VARCHAR(64)	NOT NULL,
	attempted_at	DATETIME	NOT NULL,
	success		TINYINT(1)	NOT NULL,
	KEY login_attempts_login (login, attempted_at),
	KEY login_attempts_addr (client_addr, attempted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Items that are translations of each other share a group.
CREATE TABLE translation_groups (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	created_at	DATETIME	NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE items (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		ENUM('news','case-study','statement','event') NOT NULL,
	lang		VARCHAR(8)	NOT NULL,
	group_id	BIGINT UNSIGNED	NOT NULL,
	slug		VARCHAR(200)	NOT NULL,
	title		VARCHAR(500)	NOT NULL,
	summary		TEXT		NOT NULL,
	body_md		MEDIUMTEXT	NOT NULL,		-- what editors wrote
	body_html	MEDIUMTEXT	NOT NULL,		-- rendered, sanitised at save
	hashtag		VARCHAR(100)	NULL,			-- news campaigns, without '#'
	byline		VARCHAR(200)	NULL,			-- author shown to readers
	status		ENUM('draft','review','published','archived') NOT NULL DEFAULT 'draft',
	published_at	DATETIME	NULL,
	-- Permanent entry id (a tag: URI), minted at first publication and
	-- never changed with the slug or the domain.
	entry_id	VARCHAR(255)	NULL,
	author_id	BIGINT UNSIGNED	NULL,
	version		INT UNSIGNED	NOT NULL DEFAULT 1,	-- optimistic locking
	created_at	DATETIME	NOT NULL,
	updated_at	DATETIME	NOT NULL,
	UNIQUE KEY items_slug (lang, kind, slug),
	UNIQUE KEY items_entry_id (entry_id),
	KEY items_lang_pub (lang, status, published_at),
	KEY items_lang_kind_pub (lang, kind, status, published_at),
	KEY items_group (group_id),
	FOREIGN KEY (lang) REFERENCES languages (code),
	FOREIGN KEY (group_id) REFERENCES translation_groups (id),
	FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Former slugs keep redirecting to the item.
CREATE TABLE item_slugs (
	lang		VARCHAR(8)	NOT NULL,
	kind		ENUM('news','case-study','statement','event') NOT NULL,
	slug		VARCHAR(200)	NOT NULL,
	item_id		BIGINT UNSIGNED	NOT NULL,
	created_at	DATETIME	NOT NULL,
	PRIMARY KEY (lang, kind, slug),
	KEY item_slugs_item (item_id),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tags belong to one language.
CREATE TABLE tags (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	lang		VARCHAR(8)	NOT NULL,
	slug		VARCHAR(100)	NOT NULL,
	name		VARCHAR(200)	NOT NULL,
	UNIQUE KEY tags_slug (lang, slug),
	FOREIGN KEY (lang) REFERENCES languages (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE item_tags (
	item_id		BIGINT UNSIGNED	NOT NULL,
	tag_id		BIGINT UNSIGNED	NOT NULL,
	PRIMARY KEY (item_id, tag_id),
	KEY item_tags_tag (tag_id, item_id),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE,
	FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Partner organisations: co-signatories of statements, speakers' employers.
CREATE TABLE organisations (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	slug		VARCHAR(100)	NOT NULL,
	name		VARCHAR(300)	NOT NULL,
	short_name	VARCHAR(60)	NULL,			-- INPUD, UNAIDS
	url		VARCHAR(500)	NULL,
	created_at	DATETIME	NOT NULL,
	updated_at	DATETIME	NOT NULL,
	UNIQUE KEY organisations_slug (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE signatories (
	item_id		BIGINT UNSIGNED	NOT NULL,
	org_id		BIGINT UNSIGNED	NOT NULL,
	role		VARCHAR(100)	NOT NULL DEFAULT 'co-signatory',
	signed_on	DATE		NULL,
	position	SMALLINT	NOT NULL DEFAULT 0,
	PRIMARY KEY (item_id, org_id),
	KEY signatories_org (org_id, item_id),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE,
	FOREIGN KEY (org_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uploaded files, stored under a generated name in the media directory.
CREATE TABLE media (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	filename	VARCHAR(100)	NOT NULL,		-- generated, fixed extension
	original_name	VARCHAR(255)	NOT NULL,
	mime		VARCHAR(100)	NOT NULL,
	bytes		BIGINT UNSIGNED	NOT NULL,
	width		INT UNSIGNED	NULL,
	height		INT UNSIGNED	NULL,
	alt		VARCHAR(500)	NOT NULL DEFAULT '',
	caption		VARCHAR(1000)	NOT NULL DEFAULT '',
	credit		VARCHAR(300)	NOT NULL DEFAULT '',
	uploaded_by	BIGINT UNSIGNED	NULL,
	created_at	DATETIME	NOT NULL,
	updated_at	DATETIME	NOT NULL,
	UNIQUE KEY media_filename (filename),
	FOREIGN KEY (uploaded_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE item_media (
	item_id		BIGINT UNSIGNED	NOT NULL,
	media_id	BIGINT UNSIGNED	NOT NULL,
	role		ENUM('attachment','gallery','hero') NOT NULL,
	position	SMALLINT	NOT NULL DEFAULT 0,
	-- Per-use text: a picture reused in a translation gets alt text,
	-- caption and credit in that item's language.  NULL: the media's own.
	alt		VARCHAR(500)	NULL,
	caption		VARCHAR(1000)	NULL,
	credit		VARCHAR(300)	NULL,
	PRIMARY KEY (item_id, media_id, role),
	KEY item_media_media (media_id),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE,
	FOREIGN KEY (media_id) REFERENCES media (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE events (
	item_id		BIGINT UNSIGNED	NOT NULL PRIMARY KEY,
	starts_at	DATETIME	NOT NULL,		-- UTC
	ends_at		DATETIME	NOT NULL,		-- UTC
	tz		VARCHAR(64)	NOT NULL,		-- IANA zone of the event
	location	VARCHAR(300)	NOT NULL DEFAULT '',
	online_url	VARCHAR(1000)	NULL,
	registration_url VARCHAR(1000)	NULL,
	KEY events_starts (starts_at),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Languages an event is held in and interpreted into (BCP 47 codes, not
-- limited to the site's languages).
CREATE TABLE event_languages (
	item_id		BIGINT UNSIGNED	NOT NULL,
	lang		VARCHAR(16)	NOT NULL,
	mode		ENUM('spoken','interpretation') NOT NULL,
	position	SMALLINT	NOT NULL DEFAULT 0,
	PRIMARY KEY (item_id, lang, mode),
	FOREIGN KEY (item_id) REFERENCES events (item_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE speakers (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	item_id		BIGINT UNSIGNED	NOT NULL,
	position	SMALLINT	NOT NULL,
	name		VARCHAR(200)	NOT NULL,
	role		VARCHAR(300)	NOT NULL DEFAULT '',	-- job title
	part		VARCHAR(200)	NOT NULL DEFAULT '',	-- "Opening remarks"
	org_id		BIGINT UNSIGNED	NULL,
	is_chair	TINYINT(1)	NOT NULL DEFAULT 0,
	UNIQUE KEY speakers_order (item_id, position),
	KEY speakers_org (org_id),
	FOREIGN KEY (item_id) REFERENCES events (item_id) ON DELETE CASCADE,
	FOREIGN KEY (org_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every save of an item: who, when, and the whole editable state.
CREATE TABLE revisions (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	item_id		BIGINT UNSIGNED	NOT NULL,
	version		INT UNSIGNED	NOT NULL,
	user_id		BIGINT UNSIGNED	NULL,
	created_at	DATETIME	NOT NULL,
	note		VARCHAR(500)	NOT NULL DEFAULT '',
	snapshot	LONGTEXT	NOT NULL,		-- JSON of every field
	UNIQUE KEY revisions_version (item_id, version),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE,
	FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME	NOT NULL,
	user_id		BIGINT UNSIGNED	NULL,
	client_addr	VARCHAR(64)	NULL,
	action		VARCHAR(64)	NOT NULL,		-- login, publish, ...
	object_type	VARCHAR(32)	NULL,
	object_id	BIGINT UNSIGNED	NULL,
	detail		TEXT		NOT NULL,
	KEY audit_log_at (at),
	FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
