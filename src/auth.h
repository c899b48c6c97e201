/*
 * Authentication primitives: password hashing and policy, session tokens,
 * CSRF tokens, the same-origin check, login throttling arithmetic, TOTP
 * (RFC 6238) with its SHA-1/HMAC-SHA1 and base32, and recovery codes.
 * Pure functions over caller buffers: no database, no HTTP, no logging of
 * secrets, no allocation.
 */
#ifndef AUTH_H
#define AUTH_H

#include <stddef.h>
#include <time.h>

#include <sodium.h>

#define AUTH_PASSWORD_MIN	12	/* characters (code points) */
#define AUTH_PASSWORD_MAX	1024	/* bytes */
#define AUTH_TOKEN_LEN		43	/* base64url of 32 bytes, no padding */
#define AUTH_TOKEN_HASH_LEN	32	/* BLAKE2b-256 */
#define AUTH_CSRF_LEN		43	/* base64url of 32 bytes, no padding */
#define AUTH_CSRF_SECRET_LEN	32
#define AUTH_THROTTLE_FREE	3	/* failures before any delay */
#define AUTH_THROTTLE_CAP	900L	/* seconds: 15 minutes */
#define AUTH_SHA1_LEN		20
#define AUTH_TOTP_STEP		30	/* seconds per time step */
#define AUTH_TOTP_DIGITS	6	/* digits auth_totp_verify expects */
#define AUTH_RECOVERY_LEN	11	/* "xxxxx-xxxxx" */

/*
 * Hashes the NUL-terminated password pw with argon2id (libsodium
 * crypto_pwhash_str) into out, a self-describing "$argon2id$..." string.
 * Returns 0 on success, -1 if pw is NULL or longer than AUTH_PASSWORD_MAX
 * bytes, if libsodium cannot initialise, or if the memory for the hash
 * cannot be had.  out belongs to the caller.
 */
int	auth_password_hash(const char *pw, char out[crypto_pwhash_STRBYTES]);
/*
 * Checks pw against a hash from auth_password_hash.  Returns 1 if it
 * matches, 0 if not, -1 if either argument is NULL or hash is not an
 * argon2 hash string.  Takes as long as one hash computation either way.
 */
int	auth_password_verify(const char *hash, const char *pw);
/*
 * Returns 1 if hash was made with other parameters than auth_password_hash
 * uses now (the caller re-hashes the password it just verified), 0 if
 * not, -1 if hash is NULL or not a valid hash string.
 */
int	auth_password_needs_rehash(const char *hash);
/*
 * Applies the password policy to the NUL-terminated pw for the account
 * login (may be NULL).  Returns 1 if acceptable.  Otherwise returns 0 and,
 * if why is not NULL, sets *why to a static English sentence for the
 * person choosing the password.  The rules: at most AUTH_PASSWORD_MAX
 * bytes, well-formed UTF-8 without NUL, at least AUTH_PASSWORD_MIN
 * characters, not one short pattern repeated ("aaaaaaaaaaaa",
 * "abcabcabcabc"), not a run of digits, letters or keyboard keys
 * ("123456789012", "qwertyuiopas", backwards too), not a very common
 * password, and not containing the login (ASCII case-insensitively).
 */
int	auth_password_acceptable(const char *pw, const char *login,
	    const char **why);

/*
 * Writes a new session token to out: 32 random bytes as base64url without
 * padding, AUTH_TOKEN_LEN characters and a NUL.  The token goes into the
 * cookie; only auth_token_hash of it is stored.  Aborts if libsodium
 * cannot initialise.
 */
void	auth_token_new(char out[AUTH_TOKEN_LEN + 1]);
/*
 * Writes the BLAKE2b-256 hash of token to out, the value the database
 * stores and looks sessions up by.  Returns 0, or -1 (out untouched) if
 * token is NULL or is not AUTH_TOKEN_LEN base64url characters, so a
 * malformed cookie never reaches a query.
 */
int	auth_token_hash(const char *token, unsigned char out[AUTH_TOKEN_HASH_LEN]);

/*
 * Fills secret with a new random per-session CSRF key.  Aborts if
 * libsodium cannot initialise.
 */
void	auth_csrf_new(unsigned char secret[AUTH_CSRF_SECRET_LEN]);
/*
 * Writes the CSRF token for form_id (a fixed name per form, e.g.
 * "item-edit") to out: keyed BLAKE2b-256(secret, form_id) as base64url,
 * AUTH_CSRF_LEN characters and a NUL.  A token for one form does not
 * validate another.  A NULL form_id is taken as "".
 */
void	auth_csrf_token(const unsigned char secret[AUTH_CSRF_SECRET_LEN],
	    const char *form_id, char out[AUTH_CSRF_LEN + 1]);
/*
 * Returns 1 if got is the token auth_csrf_token gives for secret and
 * form_id, compared in constant time, else 0 (also for NULL got).
 */
int	auth_csrf_check(const unsigned char secret[AUTH_CSRF_SECRET_LEN],
	    const char *form_id, const char *got);

/*
 * The same-origin check for state-changing requests.  origin and referer
 * are the request headers (NULL if absent), base_url the site's
 * configured admin URL.  Returns 1 if Origin is present and names the
 * same scheme, host (ASCII case-insensitively) and port (80/443 implied
 * for http/https) as base_url; or if Origin is absent and Referer is that
 * origin followed by '/' or nothing.  Returns 0 otherwise, including when
 * both headers are absent, Origin is "null", or anything fails to parse.
 */
int	auth_same_origin(const char *origin, const char *referer,
	    const char *base_url);

/*
 * Returns how many seconds a login must wait after recent_failures
 * failed attempts (per account or per address, the caller keeps the
 * counts): 0 for up to AUTH_THROTTLE_FREE failures, then 1, 2, 4, 8 ...
 * seconds, doubling with each further failure, capped at
 * AUTH_THROTTLE_CAP (900 s, reached at the 14th failure).
 */
long	auth_throttle_delay(int recent_failures);

/*
 * SHA-1 (FIPS 180-4) of len bytes at msg into out.  Only for HMAC-SHA1 in
 * TOTP, where SHA-1's collision weakness does not matter; never use it
 * for anything else.
 */
void	auth_sha1(const void *msg, size_t len, unsigned char out[AUTH_SHA1_LEN]);
/* HMAC-SHA1 (RFC 2104) of msg under key into out. */
void	auth_hmac_sha1(const unsigned char *key, size_t keylen,
	    const void *msg, size_t len, unsigned char out[AUTH_SHA1_LEN]);
/*
 * Writes the RFC 6238 TOTP code (HMAC-SHA1, 30-second steps from the
 * epoch) for the secret key at time t to out as digits (6 to 8) decimal
 * digits and a NUL.  Returns 0, or -1 if digits is out of range, t is
 * negative or key is NULL.
 */
int	auth_totp(const unsigned char *key, size_t keylen, time_t t,
	    int digits, char out[9]);
/*
 * Returns 1 if code is the AUTH_TOTP_DIGITS-digit TOTP code for key at
 * now, the step before or the step after (clock drift), comparing all
 * three in constant time, and sets *step (if not NULL) to the step that
 * matched; 0 if none does (or code is malformed); -1 on a bad key or
 * time.  A code stays valid for its whole window: callers refuse a replay
 * by storing the last step they accepted and accepting only later ones
 * (admin_login.c, db_user_totp_step).
 */
int	auth_totp_verify(const unsigned char *key, size_t keylen, time_t now,
	    const char *code, long long *step);

/*
 * Encodes len bytes at in as RFC 4648 base32 (upper case, no padding)
 * into out, NUL-terminated.  Returns 0, or -1 if outsz is smaller than
 * (len * 8 + 4) / 5 + 1.
 */
int	auth_base32_encode(const unsigned char *in, size_t len, char *out,
	    size_t outsz);
/*
 * Decodes the NUL-terminated base32 string in (either case, no padding,
 * no spaces) into out and sets *outlen.  Returns 0, or -1 if in has a
 * character outside the alphabet, an impossible length, non-zero
 * trailing bits, or does not fit into outsz bytes.
 */
int	auth_base32_decode(const char *in, unsigned char *out, size_t outsz,
	    size_t *outlen);

/*
 * Writes a new recovery code to out: 10 random characters from an
 * alphabet without look-alikes (no 0/o, 1/l/i), lowercase, as
 * "xxxxx-xxxxx" and a NUL.  Aborts if libsodium cannot initialise.
 */
void	auth_recovery_code_new(char out[AUTH_RECOVERY_LEN + 1]);

#endif /* !AUTH_H */
