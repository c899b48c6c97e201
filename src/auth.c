/*
 * Authentication primitives (see auth.h): argon2id password hashes and the
 * password policy, session and CSRF tokens, the same-origin check, login
 * throttling arithmetic, and TOTP with the SHA-1 it needs.  Everything is
 * a pure function of its arguments and libsodium's random generator: no
 * database, no HTTP, no allocation, and nothing here logs a secret.
 * Secrets and tokens are compared with sodium_memcmp only.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "auth.h"
#include "util.h"
#include "valid.h"

/*
 * Very common passwords of AUTH_PASSWORD_MIN characters or more, lower
 * case, sorted by strcmp (LC_ALL=C sort) for bsearch.  Shorter ones need
 * no entry: the length rule refuses them.  Runs and repetitions
 * ("123456789012", "aaaaaaaaaaaa") are caught by rules, not listed.
 */
static const char *const common_pw[] = {
	"!qaz2wsx#edc",
	"000000000000",
	"111111111111",
	"123123123123",
	"123456123456",
	"123456789012",
	"1234567890123",
	"12345678901234",
	"1234qwerasdf",
	"1q2w3e4r5t6y",
	"1q2w3e4r5t6y7u",
	"1qaz2wsx3edc",
	"1qazxsw23edc",
	"aaaaaa111111",
	"abc123abc123",
	"abcd1234abcd",
	"abcdefghijkl",
	"admin1234567",
	"adminadmin123",
	"administrator",
	"administrator1",
	"arsenal12345",
	"asdfasdfasdf",
	"asdfghjkl123",
	"autumn2024!!",
	"azerty123456",
	"azertyuiop12",
	"baseball1234",
	"basketball123",
	"batman123456",
	"broadside123",
	"broadsideadmin",
	"changeme1234",
	"changemenow!",
	"charlie12345",
	"chelsea12345",
	"computer1234",
	"contrasena123",
	"correcthorsebatterystaple",
	"dragon123456",
	"football1234",
	"football123456",
	"fuckyou12345",
	"hello1234567",
	"hellohello123",
	"helloworld123",
	"iloveyou1234",
	"iloveyou123456",
	"iloveyouiloveyou",
	"internet1234",
	"jennifer1234",
	"letmein12345",
	"letmeinplease",
	"liverpool1234",
	"loveyou12345",
	"manchester123",
	"master123456",
	"michael12345",
	"monkey123456",
	"motdepasse123",
	"mypassword123",
	"mypassword1234",
	"newsroom1234",
	"newyork12345",
	"p@ssw0rd1234",
	"p@ssword1234",
	"pa55word1234",
	"parol12345678",
	"pass12345678",
	"passw0rd1234",
	"password!234",
	"password#123",
	"password1234",
	"password12345",
	"password123456",
	"password@123",
	"passwordpassword",
	"passwort1234",
	"princess1234",
	"q1w2e3r4t5y6",
	"q1w2e3r4t5y6u7",
	"qazwsxedcrfv",
	"qwerty123456",
	"qwerty123456789",
	"qwertyqwerty",
	"qwertyuiop123",
	"qwertyuiopas",
	"qwertz123456",
	"secretpassword",
	"shadow123456",
	"spring2024!!",
	"starwars1234",
	"summer2024!!",
	"sunshine1234",
	"superman1234",
	"supersecret123",
	"thisismypassword",
	"topsecret1234",
	"trustno1trustno1",
	"welcome12345",
	"welcome123456",
	"welcometothejungle",
	"whatever1234",
	"winter2024!!",
	"zaq12wsx3edc",
	"zxcvbnm12345",
};

#define COMMON_PW_N	(sizeof(common_pw) / sizeof(common_pw[0]))

/*
 * Sequences whose runs make weak passwords, each without repeated
 * characters so a position is unique.  Runs wrap around ("890123") and
 * are checked in both directions.
 */
static const char *const pw_sequences[] = {
	"0123456789",
	"abcdefghijklmnopqrstuvwxyz",
	"qwertyuiopasdfghjklzxcvbnm",		/* QWERTY rows */
	"1234567890qwertyuiopasdfghjklzxcvbnm",	/* with the digit row */
	"azertyuiopqsdfghjklmwxcvbn",		/* AZERTY rows */
	"qwertzuiopasdfghjklyxcvbnm",		/* QWERTZ rows */
};

/* The unambiguous alphabet of recovery codes: no 0/o, 1/l/i. */
static const char recovery_alphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";

static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/*
 * Initialises libsodium once.  sodium_init() is itself idempotent and
 * thread-safe; the flag only saves the call.  Returns 0 or -1.
 */
static int
auth_init(void)
{
	static int	 done;
	int		 rc = 0;

	if (!done) {
		if (sodium_init() < 0)
			rc = -1;
		else
			done = 1;
	}
	return rc;
}

/* For the void functions, which have no way to report the failure. */
static void
auth_init_or_abort(void)
{

	if (auth_init() == -1)
		xabort("sodium_init failed");
}

static unsigned char
lower_ascii(unsigned char c)
{

	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * The interactive limits (2 passes over 64 MiB) take well under a second
 * on a small server, which a person logging in does not notice, while
 * making each guess against a stolen hash cost the same 64 MiB.  The
 * sensitive limits (1 GiB) would let a handful of login attempts exhaust
 * the memory of the machines this runs on.
 */
int
auth_password_hash(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	int	 rc = -1;
	size_t	 len;

	if (pw == NULL || auth_init() == -1)
		goto out;
	if ((len = strlen(pw)) > AUTH_PASSWORD_MAX)
		goto out;
	if (crypto_pwhash_str(out, pw, len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		goto out;
	rc = 0;
out:
	return rc;
}

/*
 * Returns 1 if hash is a NUL-terminated string that fits the hash buffer
 * and names an argon2 variant libsodium verifies, else 0.
 */
static int
password_hash_wellformed(const char *hash)
{

	if (hash == NULL ||
	    memchr(hash, '\0', crypto_pwhash_STRBYTES) == NULL)
		return 0;
	return strncmp(hash, "$argon2id$", 10) == 0 ||
	    strncmp(hash, "$argon2i$", 9) == 0;
}

/*
 * XXX: crypto_pwhash_str_verify returns -1 both for a mismatch and for
 * running out of memory, so the latter shows as 0 (no match) here.
 */
int
auth_password_verify(const char *hash, const char *pw)
{
	int	 rc = -1;
	size_t	 len;

	if (pw == NULL || !password_hash_wellformed(hash) ||
	    auth_init() == -1)
		goto out;
	rc = 0;
	/* Never hash more than auth_password_hash would have accepted. */
	if ((len = strlen(pw)) > AUTH_PASSWORD_MAX)
		goto out;
	if (crypto_pwhash_str_verify(hash, pw, len) == 0)
		rc = 1;
out:
	return rc;
}

int
auth_password_needs_rehash(const char *hash)
{
	int	 rc = -1;

	if (!password_hash_wellformed(hash) || auth_init() == -1)
		goto out;
	rc = crypto_pwhash_str_needs_rehash(hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	if (rc != 0 && rc != 1)
		rc = -1;
out:
	return rc;
}

static int
common_pw_cmp(const void *key, const void *elem)
{

	return strcmp(key, *(const char *const *)elem);
}

/*
 * Returns 1 if the len bytes at s are one unit of 1 to 4 bytes repeated
 * ("aaaa", "abab", "жжжж", "abcdabcd"), else 0.
 */
static int
pw_repeated(const char *s, size_t len)
{
	size_t	 p, i;

	for (p = 1; p <= 4 && p < len; p++) {
		if (len % p != 0)
			continue;
		for (i = p; i < len; i++)
			if (s[i] != s[i - p])
				break;
		if (i == len)
			return 1;
	}
	return 0;
}

/*
 * Returns 1 if the lower-cased s (len >= 2) walks one of pw_sequences
 * step by step, forwards or backwards, wrapping at the ends.
 */
static int
pw_sequence(const char *s, size_t len)
{
	size_t	 i, k, n, pos;
	int	 dir, ok;
	const char *seq, *p;

	for (k = 0; k < sizeof(pw_sequences) / sizeof(pw_sequences[0]); k++) {
		seq = pw_sequences[k];
		n = strlen(seq);
		for (dir = -1; dir <= 1; dir += 2) {
			if (s[0] == '\0' || (p = strchr(seq, s[0])) == NULL)
				break;
			pos = p - seq;
			ok = 1;
			for (i = 1; i < len && ok; i++) {
				pos = (pos + n + dir) % n;
				ok = s[i] == seq[pos];
			}
			if (ok)
				return 1;
		}
	}
	return 0;
}

/*
 * Returns 1 if login (at least 3 bytes) occurs in the lower-cased s,
 * comparing ASCII case-insensitively.  Shorter logins would refuse
 * innocent passwords for containing "al" or "jo".
 * XXX: case folding is ASCII only; a Cyrillic login in another case is
 * not found.
 */
static int
pw_has_login(const char *s, size_t len, const char *login)
{
	size_t	 ll, i, j;

	if (login == NULL || (ll = strlen(login)) < 3 || ll > len)
		return 0;
	for (i = 0; i + ll <= len; i++) {
		for (j = 0; j < ll; j++)
			if ((unsigned char)s[i + j] !=
			    lower_ascii((unsigned char)login[j]))
				break;
		if (j == ll)
			return 1;
	}
	return 0;
}

int
auth_password_acceptable(const char *pw, const char *login, const char **why)
{
	char		 low[AUTH_PASSWORD_MAX + 1];
	const char	*reason = "No password was given.";
	size_t		 len, i, chars;
	int		 rc = 0;

	if (pw == NULL)
		goto out;
	reason = "The password is too long: use at most 1024 bytes.";
	if ((len = strlen(pw)) > AUTH_PASSWORD_MAX)
		goto out;
	reason = "The password contains bytes that are not valid UTF-8 text.";
	if (!valid_utf8(pw, len))
		goto out;
	/* Count code points: every byte but continuation bytes starts one. */
	for (chars = 0, i = 0; i < len; i++)
		if (((unsigned char)pw[i] & 0xc0) != 0x80)
			chars++;
	reason = "The password is too short: use at least 12 characters.";
	if (chars < AUTH_PASSWORD_MIN)
		goto out;
	for (i = 0; i < len; i++)
		low[i] = lower_ascii((unsigned char)pw[i]);
	low[len] = '\0';
	reason = "The password is one short pattern repeated: "
	    "choose something less predictable.";
	if (pw_repeated(low, len))
		goto out;
	reason = "The password is a run of keys, letters or digits: "
	    "choose something less predictable.";
	if (pw_sequence(low, len))
		goto out;
	reason = "The password is one of the most common passwords: "
	    "choose another.";
	if (bsearch(low, common_pw, COMMON_PW_N, sizeof(common_pw[0]),
	    common_pw_cmp) != NULL)
		goto out;
	reason = "The password must not contain the login name.";
	if (pw_has_login(low, len, login))
		goto out;
	reason = NULL;
	rc = 1;
out:
	if (why != NULL)
		*why = reason;
	sodium_memzero(low, sizeof(low));
	return rc;
}

/* Encodes 32 bytes as base64url without padding into out[44]. */
static void
b64url32(const unsigned char in[32], char out[AUTH_TOKEN_LEN + 1])
{

	sodium_bin2base64(out, AUTH_TOKEN_LEN + 1, in, 32,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
auth_token_new(char out[AUTH_TOKEN_LEN + 1])
{
	unsigned char	 buf[32];

	auth_init_or_abort();
	randombytes_buf(buf, sizeof(buf));
	b64url32(buf, out);
	sodium_memzero(buf, sizeof(buf));
}

/*
 * The cookie value is hashed as a string: a token of the wrong shape is
 * refused before hashing so that nothing but what auth_token_new makes
 * can be looked up.  No key is needed: the token has 256 bits of entropy,
 * so the hash cannot be reversed by guessing.
 */
int
auth_token_hash(const char *token, unsigned char out[AUTH_TOKEN_HASH_LEN])
{
	size_t	 i;
	int	 rc = -1;
	char	 c;

	if (token == NULL || auth_init() == -1)
		goto out;
	for (i = 0; i < AUTH_TOKEN_LEN; i++) {
		c = token[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			goto out;	/* also stops at an early NUL */
	}
	if (token[AUTH_TOKEN_LEN] != '\0')
		goto out;
	crypto_generichash(out, AUTH_TOKEN_HASH_LEN,
	    (const unsigned char *)token, AUTH_TOKEN_LEN, NULL, 0);
	rc = 0;
out:
	return rc;
}

void
auth_csrf_new(unsigned char secret[AUTH_CSRF_SECRET_LEN])
{

	auth_init_or_abort();
	randombytes_buf(secret, AUTH_CSRF_SECRET_LEN);
}

void
auth_csrf_token(const unsigned char secret[AUTH_CSRF_SECRET_LEN],
    const char *form_id, char out[AUTH_CSRF_LEN + 1])
{
	unsigned char	 mac[32];

	auth_init_or_abort();
	if (form_id == NULL)
		form_id = "";
	crypto_generichash(mac, sizeof(mac), (const unsigned char *)form_id,
	    strlen(form_id), secret, AUTH_CSRF_SECRET_LEN);
	b64url32(mac, out);
}

/*
 * The length check may return early: the length of a token is public.
 * The contents are compared in constant time.
 */
int
auth_csrf_check(const unsigned char secret[AUTH_CSRF_SECRET_LEN],
    const char *form_id, const char *got)
{
	char	 want[AUTH_CSRF_LEN + 1];
	int	 rc = 0;

	if (got == NULL || strlen(got) != AUTH_CSRF_LEN)
		goto out;
	auth_csrf_token(secret, form_id, want);
	if (sodium_memcmp(want, got, AUTH_CSRF_LEN) == 0)
		rc = 1;
out:
	return rc;
}

/*
 * Parses the origin at the start of url (scheme "://" host [":" port])
 * into the canonical "scheme://host[:port]" in out: scheme and host lower
 * case, the default port (80 for http, 443 for https) dropped.  Only http
 * and https are accepted; the host is letters, digits, '.', '-' or a
 * bracketed IPv6 literal.  User information ("user@") makes the port
 * invalid and so fails.  Returns the number of bytes of url consumed, or
 * 0 on failure.
 */
static size_t
origin_parse(const char *url, char *out, size_t outsz)
{
	const char	*p, *host;
	size_t		 hlen, i, n;
	long		 port, defport;
	int		 w;

	if (url == NULL)
		return 0;
	if (strncasecmp(url, "http://", 7) == 0) {
		p = url + 7;
		defport = 80;
	} else if (strncasecmp(url, "https://", 8) == 0) {
		p = url + 8;
		defport = 443;
	} else
		return 0;
	host = p;
	if (*p == '[') {
		for (p++; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
		    (*p >= 'A' && *p <= 'F') || *p == ':' || *p == '.'; p++)
			continue;
		if (*p++ != ']')
			return 0;
	} else
		for (; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'; p++)
			continue;
	if ((hlen = p - host) == 0 || hlen > 255)
		return 0;
	port = defport;
	if (*p == ':') {
		p++;
		for (port = 0, n = 0; *p >= '0' && *p <= '9'; p++, n++) {
			if (n == 5)
				return 0;
			port = port * 10 + (*p - '0');
		}
		if (n == 0 || port < 1 || port > 65535)
			return 0;
	}
	/* What follows the authority must start a path, query or fragment. */
	if (*p != '\0' && *p != '/' && *p != '?' && *p != '#')
		return 0;
	w = snprintf(out, outsz, "%s://", defport == 80 ? "http" : "https");
	if (w < 0 || (size_t)w + hlen + 7 > outsz)
		return 0;
	for (i = 0; i < hlen; i++)
		out[w + i] = lower_ascii((unsigned char)host[i]);
	out[w + hlen] = '\0';
	if (port != defport)
		snprintf(out + w + hlen, outsz - w - hlen, ":%ld", port);
	return p - url;
}

/*
 * Origin carries no path, so it must be an origin and nothing more.  A
 * Referer must continue with '/' or end right after the origin, so that
 * "http://site:8080.evil.example/" or "http://site@evil/" never passes
 * (origin_parse already fails on those, this is belt and braces).
 */
int
auth_same_origin(const char *origin, const char *referer,
    const char *base_url)
{
	char	 base[300], got[300];
	size_t	 n;
	int	 rc = 0;

	if (origin_parse(base_url, base, sizeof(base)) == 0)
		goto out;
	if (origin != NULL) {
		n = origin_parse(origin, got, sizeof(got));
		if (n == 0 || origin[n] != '\0')
			goto out;
	} else if (referer != NULL) {
		n = origin_parse(referer, got, sizeof(got));
		if (n == 0 || (referer[n] != '\0' && referer[n] != '/'))
			goto out;
	} else
		goto out;
	rc = strcmp(base, got) == 0;
out:
	return rc;
}

/*
 * The schedule: failures 1 to 3 cost nothing (typos), the 4th waits 1 s,
 * the 5th 2 s, the 6th 4 s and so on, doubling to the cap of 900 s from
 * the 14th failure on (2^10 = 1024 > 900).  A guesser gets about a hundred
 * tries a day per account and per address.
 */
long
auth_throttle_delay(int recent_failures)
{
	long	 d;
	int	 k;

	if (recent_failures <= AUTH_THROTTLE_FREE)
		return 0;
	d = 1;
	for (k = recent_failures - AUTH_THROTTLE_FREE - 1; k > 0; k--)
		if ((d *= 2) >= AUTH_THROTTLE_CAP)
			return AUTH_THROTTLE_CAP;
	return d;
}

/*
 * SHA-1 after FIPS 180-4 section 6.1.  The state is five 32-bit words
 * H0..H4; the message is processed in 64-byte blocks, each expanded to 80
 * words W[t] and mixed in 80 rounds, with f and K changing every 20.
 */
struct sha1 {
	uint32_t	 h[5];		/* the intermediate hash value */
	unsigned char	 buf[64];	/* the partial block */
	size_t		 buflen;	/* bytes in buf */
	uint64_t	 total;		/* message length in bytes */
};

#define ROL32(x, n)	(((x) << (n)) | ((x) >> (32 - (n))))

static void
sha1_block(struct sha1 *c, const unsigned char *b)
{
	uint32_t	 w[80], a, bb, cc, d, e, f, k, t;
	int		 i;

	/* Words are big-endian (FIPS 180-4 section 3.1). */
	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 |
		    (uint32_t)b[4 * i + 2] << 8 | (uint32_t)b[4 * i + 3];
	for (i = 16; i < 80; i++)
		w[i] = ROL32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = c->h[0];
	bb = c->h[1];
	cc = c->h[2];
	d = c->h[3];
	e = c->h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20) {
			f = (bb & cc) | (~bb & d);		/* Ch */
			k = 0x5a827999;
		} else if (i < 40) {
			f = bb ^ cc ^ d;			/* Parity */
			k = 0x6ed9eba1;
		} else if (i < 60) {
			f = (bb & cc) | (bb & d) | (cc & d);	/* Maj */
			k = 0x8f1bbcdc;
		} else {
			f = bb ^ cc ^ d;			/* Parity */
			k = 0xca62c1d6;
		}
		t = ROL32(a, 5) + f + e + k + w[i];
		e = d;
		d = cc;
		cc = ROL32(bb, 30);
		bb = a;
		a = t;
	}
	c->h[0] += a;
	c->h[1] += bb;
	c->h[2] += cc;
	c->h[3] += d;
	c->h[4] += e;
	sodium_memzero(w, sizeof(w));
}

static void
sha1_init(struct sha1 *c)
{

	/* FIPS 180-4 section 5.3.1. */
	c->h[0] = 0x67452301;
	c->h[1] = 0xefcdab89;
	c->h[2] = 0x98badcfe;
	c->h[3] = 0x10325476;
	c->h[4] = 0xc3d2e1f0;
	c->buflen = 0;
	c->total = 0;
}

static void
sha1_update(struct sha1 *c, const void *msg, size_t len)
{
	const unsigned char	*p = msg;
	size_t			 n;

	c->total += len;
	while (len > 0) {
		n = 64 - c->buflen;
		if (n > len)
			n = len;
		memcpy(c->buf + c->buflen, p, n);
		c->buflen += n;
		p += n;
		len -= n;
		if (c->buflen == 64) {
			sha1_block(c, c->buf);
			c->buflen = 0;
		}
	}
}

/*
 * Padding (FIPS 180-4 section 5.1.1): a 1 bit, zeros up to 56 bytes
 * modulo 64, then the message length in bits as a 64-bit big-endian
 * number.
 */
static void
sha1_final(struct sha1 *c, unsigned char out[AUTH_SHA1_LEN])
{
	unsigned char	 len[8];
	uint64_t	 bits = c->total * 8;
	int		 i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_update(c, "\x80", 1);
	while (c->buflen != 56)
		sha1_update(c, "", 1);	/* the NUL byte of "" */
	sha1_update(c, len, 8);
	for (i = 0; i < 20; i++)
		out[i] = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
	sodium_memzero(c, sizeof(*c));
}

void
auth_sha1(const void *msg, size_t len, unsigned char out[AUTH_SHA1_LEN])
{
	struct sha1	 c;

	sha1_init(&c);
	sha1_update(&c, msg, len);
	sha1_final(&c, out);
}

/*
 * HMAC (RFC 2104): H((K ^ opad) || H((K ^ ipad) || msg)) with the key
 * padded with zeros to the 64-byte block, or first hashed if longer.
 */
void
auth_hmac_sha1(const unsigned char *key, size_t keylen, const void *msg,
    size_t len, unsigned char out[AUTH_SHA1_LEN])
{
	unsigned char	 k[64], pad[64], inner[AUTH_SHA1_LEN];
	struct sha1	 c;
	size_t		 i;

	memset(k, 0, sizeof(k));
	if (keylen > sizeof(k))
		auth_sha1(key, keylen, k);
	else if (keylen > 0)
		memcpy(k, key, keylen);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] = k[i] ^ 0x36;
	sha1_init(&c);
	sha1_update(&c, pad, sizeof(pad));
	sha1_update(&c, msg, len);
	sha1_final(&c, inner);
	for (i = 0; i < sizeof(pad); i++)
		pad[i] = k[i] ^ 0x5c;
	sha1_init(&c);
	sha1_update(&c, pad, sizeof(pad));
	sha1_update(&c, inner, sizeof(inner));
	sha1_final(&c, out);
	sodium_memzero(k, sizeof(k));
	sodium_memzero(pad, sizeof(pad));
}

/*
 * RFC 4226 section 5.3 (HOTP) on the RFC 6238 counter: the HMAC of the
 * 8-byte big-endian step number, then "dynamic truncation": the low
 * nibble of the last byte picks 4 bytes, whose top bit is cleared and
 * whose value is reduced modulo 10^digits.
 */
static int
totp_step(const unsigned char *key, size_t keylen, uint64_t step,
    int digits, char out[9])
{
	unsigned char	 msg[8], mac[AUTH_SHA1_LEN];
	uint32_t	 v;
	int		 i, off, rc = -1;

	if (key == NULL || digits < 6 || digits > 8)
		goto out;
	for (i = 0; i < 8; i++)
		msg[i] = (unsigned char)(step >> (56 - 8 * i));
	auth_hmac_sha1(key, keylen, msg, sizeof(msg), mac);
	off = mac[AUTH_SHA1_LEN - 1] & 0x0f;
	v = ((uint32_t)mac[off] & 0x7f) << 24 | (uint32_t)mac[off + 1] << 16 |
	    (uint32_t)mac[off + 2] << 8 | (uint32_t)mac[off + 3];
	/* v mod 10^digits, zero-padded: the low digits, last first. */
	for (i = digits - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
	out[digits] = '\0';
	sodium_memzero(mac, sizeof(mac));
	rc = 0;
out:
	return rc;
}

int
auth_totp(const unsigned char *key, size_t keylen, time_t t, int digits,
    char out[9])
{
	int	 rc = -1;

	if (t < 0)
		goto out;
	rc = totp_step(key, keylen, (uint64_t)t / AUTH_TOTP_STEP, digits, out);
out:
	return rc;
}

/*
 * All three candidate steps are computed and compared, whatever the
 * earlier comparisons gave, so the time taken says nothing about which
 * one matched.
 */
int
auth_totp_verify(const unsigned char *key, size_t keylen, time_t now,
    const char *code, long long *matched)
{
	char		 want[9];
	uint64_t	 step;
	int		 i, hit, match = 0, rc = -1;

	if (key == NULL || now < 0)
		goto out;
	rc = 0;
	if (code == NULL || strlen(code) != AUTH_TOTP_DIGITS)
		goto out;
	for (i = 0; i < AUTH_TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			goto out;
	step = (uint64_t)now / AUTH_TOTP_STEP;
	for (i = -1; i <= 1; i++) {
		if (step == 0 && i == -1)
			continue;
		if (totp_step(key, keylen, step + i, AUTH_TOTP_DIGITS,
		    want) == -1) {
			rc = -1;
			goto out;
		}
		/* Every step is compared, so the time says nothing. */
		hit = sodium_memcmp(want, code, AUTH_TOTP_DIGITS) == 0;
		if (hit && !match && matched != NULL)
			*matched = (long long)(step + i);
		match |= hit;
	}
	rc = match;
out:
	sodium_memzero(want, sizeof(want));
	return rc;
}

int
auth_base32_encode(const unsigned char *in, size_t len, char *out,
    size_t outsz)
{
	size_t		 i, o = 0;
	uint32_t	 acc = 0;
	int		 bits = 0, rc = -1;

	if (out == NULL || outsz < (len * 8 + 4) / 5 + 1)
		goto out;
	for (i = 0; i < len; i++) {
		acc = (acc << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out[o++] = base32_alphabet[(acc >> bits) & 0x1f];
		}
	}
	if (bits > 0)
		out[o++] = base32_alphabet[(acc << (5 - bits)) & 0x1f];
	out[o] = '\0';
	rc = 0;
out:
	return rc;
}

/*
 * Lengths modulo 8 of 1, 3 and 6 characters cannot come from whole bytes
 * (RFC 4648 section 6), and the bits left over after the last whole byte
 * must be zero, so each byte string has exactly one encoding.
 */
int
auth_base32_decode(const char *in, unsigned char *out, size_t outsz,
    size_t *outlen)
{
	const char	*p;
	size_t		 len, o = 0;
	uint32_t	 acc = 0;
	int		 bits = 0, rc = -1;
	char		 c;

	if (in == NULL || out == NULL || outlen == NULL)
		goto out;
	len = strlen(in);
	if (len % 8 == 1 || len % 8 == 3 || len % 8 == 6)
		goto out;
	if (len * 5 / 8 > outsz)
		goto out;
	for (; *in != '\0'; in++) {
		c = *in;
		if (c >= 'a' && c <= 'z')
			c = c - 'a' + 'A';
		if ((p = strchr(base32_alphabet, c)) == NULL)
			goto out;
		acc = (acc << 5) | (uint32_t)(p - base32_alphabet);
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	if ((acc & ((1U << bits) - 1)) != 0)
		goto out;
	*outlen = o;
	rc = 0;
out:
	return rc;
}

void
auth_recovery_code_new(char out[AUTH_RECOVERY_LEN + 1])
{
	size_t	 i, o = 0;

	auth_init_or_abort();
	for (i = 0; i < 10; i++) {
		if (i == 5)
			out[o++] = '-';
		out[o++] = recovery_alphabet[randombytes_uniform(
		    sizeof(recovery_alphabet) - 1)];
	}
	out[o] = '\0';
}
