-- Broadside schema version 3: what the editing program (broadside-admin.fcgi)
-- needs besides the content model: second factors, held saves, preview
-- links, settings, and ways to lift a throttle without losing its record.
-- None of these tables is granted to the public account.

-- TOTP: totp_secret (0001) is the confirmed key; totp_pending is a key
-- being set up, until a first code proves the authenticator has it.
-- totp_last_step refuses a code replayed inside its 90-second window.
ALTER TABLE users
	ADD totp_pending	VARBINARY(64)	NULL AFTER totp_secret,
	ADD totp_last_step	BIGINT		NULL AFTER totp_pending,
	ADD password_changed_at	DATETIME	NULL;

-- A session whose password was right but whose second factor is still to
-- come: it opens nothing but the code form.
ALTER TABLE sessions
	ADD mfa_pending		TINYINT(1)	NOT NULL DEFAULT 0;

-- An administrator lifting a throttle marks the failures cleared rather
-- than deleting them: the record of the attack stays.
ALTER TABLE login_attempts
	ADD cleared		TINYINT(1)	NOT NULL DEFAULT 0;

-- One-time recovery codes for a lost authenticator; only hashes.
CREATE TABLE recovery_codes (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	user_id		BIGINT UNSIGNED	NOT NULL,
	code_hash	BINARY(32)	NOT NULL,
	created_at	DATETIME	NOT NULL,
	used_at		DATETIME	NULL,
	KEY recovery_codes_user (user_id),
	FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A form posted after its session expired: kept (its body as received)
-- until the editor signs in again, when it is replayed.  Found by the hash
-- of a token carried by the sign-in form only.
CREATE TABLE held_posts (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	BINARY(32)	NOT NULL,
	path		VARCHAR(1024)	NOT NULL,
	body		MEDIUMTEXT	NOT NULL,
	user_id		BIGINT UNSIGNED	NULL,	-- the expired session's user
	client_addr	VARCHAR(64)	NULL,
	created_at	DATETIME	NOT NULL,
	expires_at	DATETIME	NOT NULL,
	used_at		DATETIME	NULL,
	UNIQUE KEY held_posts_token (token_hash),
	FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Read-only links to an unpublished item for partners outside the
-- newsroom.  Only a hash of the token is stored.
CREATE TABLE preview_links (
	id		BIGINT UNSIGNED	NOT NULL AUTO_INCREMENT PRIMARY KEY,
	item_id		BIGINT UNSIGNED	NOT NULL,
	token_hash	BINARY(32)	NOT NULL,
	note		VARCHAR(200)	NOT NULL DEFAULT '',	-- "for ANPUD"
	created_by	BIGINT UNSIGNED	NULL,
	created_at	DATETIME	NOT NULL,
	expires_at	DATETIME	NOT NULL,
	revoked_at	DATETIME	NULL,
	last_used_at	DATETIME	NULL,
	UNIQUE KEY preview_links_token (token_hash),
	KEY preview_links_item (item_id),
	FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE,
	FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Newsroom settings an administrator changes from the admin; every change
-- is in the audit log.  Absent rows mean the built-in default.
CREATE TABLE settings (
	name		VARCHAR(64)	NOT NULL PRIMARY KEY,
	value		VARCHAR(1000)	NOT NULL,
	updated_by	BIGINT UNSIGNED	NULL,
	updated_at	DATETIME	NOT NULL,
	FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Resized copies the admin made of an uploaded picture (NAME-480.EXT,
-- NAME-960.EXT, NAME-1600.EXT: the first n of those widths), for the
-- public pages' srcset.  Imported files have none.
ALTER TABLE media
	ADD renditions		TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER height;

-- The admin's item list filters and sorts by these.
CREATE INDEX items_admin_updated ON items (updated_at, id);
CREATE INDEX items_admin_author ON items (author_id, status, updated_at);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, at);
