/*
 * Unit tests of the authentication primitives: argon2id hashing, the
 * password policy, session and CSRF tokens, the same-origin matrix, the
 * throttling schedule, and SHA-1, HMAC-SHA1, TOTP and base32 against the
 * published test vectors (FIPS 180, RFC 2202, RFC 6238, RFC 4648).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "check.h"

int	main(void);

/* Writes len bytes at in as lowercase hex into out (2 * len + 1 bytes). */
static void
hex(const unsigned char *in, size_t len, char *out)
{
	static const char	 digits[] = "0123456789abcdef";
	size_t			 i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

static void
test_password_hash(void)
{
	char	 h[crypto_pwhash_STRBYTES];

	CHECK(auth_password_hash("correct horse battery", h) == 0);
	CHECK(strncmp(h, "$argon2id$", 10) == 0);
	CHECK(auth_password_verify(h, "correct horse battery") == 1);
	CHECK(auth_password_verify(h, "correct horse batterY") == 0);
	CHECK(auth_password_verify(h, "") == 0);
	CHECK(auth_password_needs_rehash(h) == 0);
	CHECK(auth_password_verify("not a hash", "x") == -1);
	CHECK(auth_password_verify(NULL, "x") == -1);
	CHECK(auth_password_verify(h, NULL) == -1);
	CHECK(auth_password_needs_rehash("$2y$10$bcrypt") == -1);
	CHECK(auth_password_hash(NULL, h) == -1);
}

/* Returns the verdict and checks that a refusal comes with a reason. */
static int
acceptable(const char *pw, const char *login)
{
	const char	*why = "unset";
	int		 rc;

	rc = auth_password_acceptable(pw, login, &why);
	if (rc == 1)
		CHECK(why == NULL);
	else
		CHECK(why != NULL && why[0] != '\0' &&
		    strcmp(why, "unset") != 0);
	return rc;
}

static void
test_password_policy(void)
{
	char		 big[AUTH_PASSWORD_MAX + 2];
	const char	*why;

	CHECK(acceptable("tide-river-lantern", "editor") == 1);
	CHECK(acceptable("Harbour lights 1987", NULL) == 1);
	/* "журналистика": 12 Cyrillic characters, 24 bytes. */
	CHECK(acceptable("\xd0\xb6\xd1\x83\xd1\x80\xd0\xbd\xd0\xb0\xd0\xbb"
	    "\xd0\xb8\xd1\x81\xd1\x82\xd0\xb8\xd0\xba\xd0\xb0", "anna") == 1);
	/* "журналистик": 11 characters in 22 bytes is too short. */
	CHECK(acceptable("\xd0\xb6\xd1\x83\xd1\x80\xd0\xbd\xd0\xb0\xd0\xbb"
	    "\xd0\xb8\xd1\x81\xd1\x82\xd0\xb8\xd0\xba", "anna") == 0);
	CHECK(acceptable("short", NULL) == 0);
	CHECK(acceptable("elevenchars", NULL) == 0);
	CHECK(acceptable("twelve chars", NULL) == 1);
	CHECK(acceptable(NULL, NULL) == 0);
	CHECK(auth_password_acceptable("short", NULL, NULL) == 0);

	/* The list, in any case. */
	CHECK(acceptable("password1234", NULL) == 0);
	CHECK(acceptable("PassWord1234", NULL) == 0);
	CHECK(acceptable("iloveyou1234", NULL) == 0);
	CHECK(acceptable("1qaz2wsx3edc", NULL) == 0);
	CHECK(acceptable("administrator", NULL) == 0);
	CHECK(acceptable("correcthorsebatterystaple", NULL) == 0);
	CHECK(acceptable("zxcvbnm12345", NULL) == 0);
	auth_password_acceptable("password1234", NULL, &why);
	CHECK_STR(why, "The password is one of the most common passwords: "
	    "choose another.");

	/* Repetitions. */
	CHECK(acceptable("aaaaaaaaaaaa", NULL) == 0);
	CHECK(acceptable("111111111111111", NULL) == 0);
	CHECK(acceptable("abababababab", NULL) == 0);
	CHECK(acceptable("abcdabcdabcd", NULL) == 0);
	CHECK(acceptable("\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6"
	    "\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6", NULL) == 0);

	/* Runs, both ways, wrapping. */
	CHECK(acceptable("123456789012", NULL) == 0);
	CHECK(acceptable("987654321098", NULL) == 0);
	CHECK(acceptable("567890123456", NULL) == 0);
	CHECK(acceptable("qwertyuiopas", NULL) == 0);
	CHECK(acceptable("QWERTYUIOPASDF", NULL) == 0);
	CHECK(acceptable("lkjhgfdsapoiuy", NULL) == 0);
	CHECK(acceptable("abcdefghijklm", NULL) == 0);
	CHECK(acceptable("1234567890qwe", NULL) == 0);
	CHECK(acceptable("azertyuiopqs", NULL) == 0);
	auth_password_acceptable("123456789012", NULL, &why);
	CHECK(why != NULL && strstr(why, "run") != NULL);

	/* The login, in any case. */
	CHECK(acceptable("maria.k", "maria.k") == 0);
	CHECK(acceptable("maria.kowalska", "maria.kowalska") == 0);
	CHECK(acceptable("xx-Maria.Kowalska-xx", "maria.kowalska") == 0);
	CHECK(acceptable("my name is MARIA ok", "Maria") == 0);
	auth_password_acceptable("my name is MARIA ok", "Maria", &why);
	CHECK_STR(why, "The password must not contain the login name.");
	/* Logins under 3 bytes would refuse too much. */
	CHECK(acceptable("jolly good fellow", "jo") == 1);

	/* Malformed UTF-8: a stray continuation, an overlong, truncation. */
	CHECK(acceptable("valid prefix \x80 here", NULL) == 0);
	CHECK(acceptable("overlong \xc0\xaf slash!", NULL) == 0);
	CHECK(acceptable("truncated at end \xd0", NULL) == 0);
	auth_password_acceptable("valid prefix \x80 here", NULL, &why);
	CHECK(why != NULL && strstr(why, "UTF-8") != NULL);

	/* 1024 bytes pass, 1025 do not. */
	memset(big, 'x', sizeof(big));
	big[0] = 'A';
	big[1] = 'b';
	big[2] = '9';
	big[AUTH_PASSWORD_MAX] = '\0';
	CHECK(acceptable(big, NULL) == 1);
	big[AUTH_PASSWORD_MAX] = 'y';
	big[AUTH_PASSWORD_MAX + 1] = '\0';
	CHECK(acceptable(big, NULL) == 0);
}

static int
is_b64url(const char *s, size_t len)
{
	size_t	 i;

	if (strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-_", s[i]) == NULL)
			return 0;
	return 1;
}

static void
test_tokens(void)
{
	char		 a[AUTH_TOKEN_LEN + 1], b[AUTH_TOKEN_LEN + 1];
	char		 bad[AUTH_TOKEN_LEN + 2];
	unsigned char	 ha[32], ha2[32], hb[32];
	int		 i, all_ok = 1;

	auth_token_new(a);
	auth_token_new(b);
	CHECK(is_b64url(a, AUTH_TOKEN_LEN));
	CHECK(is_b64url(b, AUTH_TOKEN_LEN));
	CHECK(strcmp(a, b) != 0);
	for (i = 0; i < 200; i++) {
		auth_token_new(b);
		if (!is_b64url(b, AUTH_TOKEN_LEN) || strcmp(a, b) == 0)
			all_ok = 0;
	}
	CHECK(all_ok);

	CHECK(auth_token_hash(a, ha) == 0);
	CHECK(auth_token_hash(a, ha2) == 0);
	CHECK(memcmp(ha, ha2, 32) == 0);
	CHECK(auth_token_hash(b, hb) == 0);
	CHECK(memcmp(ha, hb, 32) != 0);

	/* A fixed token hashes to a fixed value (the stored form). */
	memset(bad, 'A', AUTH_TOKEN_LEN);
	bad[AUTH_TOKEN_LEN] = '\0';
	CHECK(auth_token_hash(bad, ha) == 0);
	crypto_generichash(ha2, 32, (const unsigned char *)bad,
	    AUTH_TOKEN_LEN, NULL, 0);
	CHECK(memcmp(ha, ha2, 32) == 0);

	/* Wrong length and wrong alphabet. */
	CHECK(auth_token_hash(NULL, ha) == -1);
	CHECK(auth_token_hash("", ha) == -1);
	bad[AUTH_TOKEN_LEN - 1] = '\0';
	CHECK(auth_token_hash(bad, ha) == -1);
	bad[AUTH_TOKEN_LEN - 1] = 'A';
	bad[AUTH_TOKEN_LEN] = 'A';
	bad[AUTH_TOKEN_LEN + 1] = '\0';
	CHECK(auth_token_hash(bad, ha) == -1);
	bad[AUTH_TOKEN_LEN] = '\0';
	bad[5] = '+';
	CHECK(auth_token_hash(bad, ha) == -1);
	bad[5] = '=';
	CHECK(auth_token_hash(bad, ha) == -1);
	bad[5] = '-';
	CHECK(auth_token_hash(bad, ha) == 0);
}

static void
test_csrf(void)
{
	unsigned char	 s1[32], s2[32];
	char		 t[AUTH_CSRF_LEN + 1], t2[AUTH_CSRF_LEN + 1];

	auth_csrf_new(s1);
	auth_csrf_new(s2);
	CHECK(memcmp(s1, s2, 32) != 0);
	auth_csrf_token(s1, "item-edit", t);
	CHECK(is_b64url(t, AUTH_CSRF_LEN));
	auth_csrf_token(s1, "item-edit", t2);
	CHECK_STR(t, t2);
	CHECK(auth_csrf_check(s1, "item-edit", t) == 1);
	CHECK(auth_csrf_check(s1, "user-delete", t) == 0);
	CHECK(auth_csrf_check(s2, "item-edit", t) == 0);
	CHECK(auth_csrf_check(s1, "item-edit", NULL) == 0);
	CHECK(auth_csrf_check(s1, "item-edit", "") == 0);
	t2[AUTH_CSRF_LEN - 1] = t2[AUTH_CSRF_LEN - 1] == 'A' ? 'B' : 'A';
	CHECK(auth_csrf_check(s1, "item-edit", t2) == 0);
	t2[AUTH_CSRF_LEN - 1] = '\0';
	CHECK(auth_csrf_check(s1, "item-edit", t2) == 0);
}

static void
test_same_origin(void)
{
	const char	*b = "http://127.0.0.1:8080/admin/";
	const char	*s = "https://news.example";

	/* Origin decides when present. */
	CHECK(auth_same_origin("http://127.0.0.1:8080", NULL, b) == 1);
	CHECK(auth_same_origin("HTTP://127.0.0.1:8080", NULL, b) == 1);
	CHECK(auth_same_origin("http://127.0.0.1:8081", NULL, b) == 0);
	CHECK(auth_same_origin("http://127.0.0.1", NULL, b) == 0);
	CHECK(auth_same_origin("https://127.0.0.1:8080", NULL, b) == 0);
	CHECK(auth_same_origin("http://127.0.0.1:8080/", NULL, b) == 0);
	CHECK(auth_same_origin("null", NULL, b) == 0);
	CHECK(auth_same_origin("", NULL, b) == 0);
	CHECK(auth_same_origin("http://evil.example", NULL, b) == 0);
	/* A foreign Origin is not excused by a good Referer. */
	CHECK(auth_same_origin("http://evil.example",
	    "http://127.0.0.1:8080/admin/", b) == 0);
	CHECK(auth_same_origin("null", "http://127.0.0.1:8080/admin/", b) == 0);

	/* Default ports and host case. */
	CHECK(auth_same_origin("https://news.example", NULL, s) == 1);
	CHECK(auth_same_origin("https://NEWS.Example", NULL, s) == 1);
	CHECK(auth_same_origin("https://news.example:443", NULL, s) == 1);
	CHECK(auth_same_origin("https://news.example", NULL,
	    "https://news.example:443/admin/") == 1);
	CHECK(auth_same_origin("http://news.example", NULL, s) == 0);
	CHECK(auth_same_origin("http://news.example:443", NULL, s) == 0);
	CHECK(auth_same_origin("https://news.example:8443", NULL, s) == 0);
	CHECK(auth_same_origin("http://news.example:80", NULL,
	    "http://news.example/") == 1);
	CHECK(auth_same_origin("https://news.example.evil.example", NULL,
	    s) == 0);
	CHECK(auth_same_origin("https://evil.example", NULL, s) == 0);
	CHECK(auth_same_origin("https://[::1]:8443", NULL,
	    "https://[::1]:8443/admin/") == 1);

	/* No Origin: the Referer must be the origin then '/' or nothing. */
	CHECK(auth_same_origin(NULL, "http://127.0.0.1:8080/admin/item/3",
	    b) == 1);
	CHECK(auth_same_origin(NULL, "http://127.0.0.1:8080", b) == 1);
	CHECK(auth_same_origin(NULL, "https://news.example/x", s) == 1);
	CHECK(auth_same_origin(NULL, "https://news.example:443/x", s) == 1);
	CHECK(auth_same_origin(NULL,
	    "http://127.0.0.1:8080.evil.example/", b) == 0);
	CHECK(auth_same_origin(NULL, "http://127.0.0.1:8080@evil.example/",
	    b) == 0);
	CHECK(auth_same_origin(NULL, "http://127.0.0.1:80801/", b) == 0);
	CHECK(auth_same_origin(NULL, "http://127.0.0.1:8080?x=/", b) == 0);
	CHECK(auth_same_origin(NULL, "http://evil.example/"
	    "http://127.0.0.1:8080/", b) == 0);
	CHECK(auth_same_origin(NULL, "https://news.example.evil.example/",
	    s) == 0);
	CHECK(auth_same_origin(NULL, "https://news.example@evil.example/",
	    s) == 0);
	CHECK(auth_same_origin(NULL, "http://news.example/", s) == 0);
	CHECK(auth_same_origin(NULL, "//news.example/", s) == 0);
	CHECK(auth_same_origin(NULL, "", s) == 0);

	/* Neither header, or no usable base URL. */
	CHECK(auth_same_origin(NULL, NULL, b) == 0);
	CHECK(auth_same_origin("http://127.0.0.1:8080", NULL, NULL) == 0);
	CHECK(auth_same_origin("ftp://news.example", NULL,
	    "ftp://news.example") == 0);
}

static void
test_throttle(void)
{
	static const long	 want[] = { 0, 0, 0, 0, 1, 2, 4, 8, 16, 32,
	    64, 128, 256, 512, 900, 900, 900 };
	size_t			 i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		CHECK(auth_throttle_delay((int)i) == want[i]);
	CHECK(auth_throttle_delay(-5) == 0);
	CHECK(auth_throttle_delay(1000000) == 900);
}

static void
test_sha1(void)
{
	unsigned char	 md[20];
	char		 h[41], *m;

	auth_sha1("abc", 3, md);
	hex(md, 20, h);
	CHECK_STR(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
	auth_sha1("", 0, md);
	hex(md, 20, h);
	CHECK_STR(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	auth_sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, md);
	hex(md, 20, h);
	CHECK_STR(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	/* The 896-bit message of FIPS 180-2 appendix A. */
	auth_sha1("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
	    112, md);
	hex(md, 20, h);
	CHECK_STR(h, "a49b2446a02c645bf419f995b67091253a04a259");
	/* One million 'a'. */
	if ((m = malloc(1000000)) != NULL) {
		memset(m, 'a', 1000000);
		auth_sha1(m, 1000000, md);
		hex(md, 20, h);
		CHECK_STR(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
		free(m);
	}
}

static void
test_hmac_sha1(void)
{
	unsigned char	 key[80], data[80], md[20];
	char		 h[41];
	size_t		 i;

	memset(key, 0x0b, 20);
	auth_hmac_sha1(key, 20, "Hi There", 8, md);
	hex(md, 20, h);
	CHECK_STR(h, "b617318655057264e28bc0b6fb378c8ef146be00");

	auth_hmac_sha1((const unsigned char *)"Jefe", 4,
	    "what do ya want for nothing?", 28, md);
	hex(md, 20, h);
	CHECK_STR(h, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");

	memset(key, 0xaa, 20);
	memset(data, 0xdd, 50);
	auth_hmac_sha1(key, 20, data, 50, md);
	hex(md, 20, h);
	CHECK_STR(h, "125d7342b9ac11cd91a39af48aa17b4f63f175d3");

	for (i = 0; i < 25; i++)
		key[i] = (unsigned char)(i + 1);
	memset(data, 0xcd, 50);
	auth_hmac_sha1(key, 25, data, 50, md);
	hex(md, 20, h);
	CHECK_STR(h, "4c9007f4026250c6bc8414f9bf50c86c2d7235da");

	memset(key, 0x0c, 20);
	auth_hmac_sha1(key, 20, "Test With Truncation", 20, md);
	hex(md, 20, h);
	CHECK_STR(h, "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04");

	memset(key, 0xaa, 80);
	auth_hmac_sha1(key, 80,
	    "Test Using Larger Than Block-Size Key - Hash Key First", 54, md);
	hex(md, 20, h);
	CHECK_STR(h, "aa4ae5e15272d00e95705637ce8a3b55ed402112");

	auth_hmac_sha1(key, 80, "Test Using Larger Than Block-Size Key and "
	    "Larger Than One Block-Size Data", 73, md);
	hex(md, 20, h);
	CHECK_STR(h, "e8e99d0f45237d786d6bbaa7965c7808bbff1a91");
}

static void
test_totp(void)
{
	static const struct {
		time_t		 t;
		const char	*code;
	} v[] = {
		{ 59, "94287082" },
		{ 1111111109, "07081804" },
		{ 1111111111, "14050471" },
		{ 1234567890, "89005924" },
		{ 2000000000, "69279037" },
		{ (time_t)20000000000LL, "65353130" },
	};
	const unsigned char	*key = (const unsigned char *)
	    "12345678901234567890";
	char			 out[9], prev[9], next[9];
	size_t			 i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		CHECK(auth_totp(key, 20, v[i].t, 8, out) == 0);
		CHECK_STR(out, v[i].code);
	}
	/* 6 digits are the last 6 of the 8 (the same number mod 10^6). */
	CHECK(auth_totp(key, 20, 59, 6, out) == 0);
	CHECK_STR(out, "287082");
	CHECK(auth_totp(key, 20, 59, 5, out) == -1);
	CHECK(auth_totp(key, 20, 59, 9, out) == -1);
	CHECK(auth_totp(key, 20, -1, 6, out) == -1);
	CHECK(auth_totp(NULL, 20, 59, 6, out) == -1);

	/* Verification: this step and its neighbours, no further. */
	CHECK(auth_totp(key, 20, 1111111111, 6, out) == 0);
	CHECK(auth_totp(key, 20, 1111111111 - 30, 6, prev) == 0);
	CHECK(auth_totp(key, 20, 1111111111 + 30, 6, next) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111, out, NULL) == 1);
	{
		long long	 st = 0;

		CHECK(auth_totp_verify(key, 20, 1111111111, out, &st) == 1);
		CHECK(st == 1111111111 / 30);
		CHECK(auth_totp_verify(key, 20, 1111111111, next, &st) == 1);
		CHECK(st == 1111111111 / 30 + 1);
	}
	CHECK(auth_totp_verify(key, 20, 1111111111, prev, NULL) == 1);
	CHECK(auth_totp_verify(key, 20, 1111111111, next, NULL) == 1);
	CHECK(auth_totp_verify(key, 20, 1111111111 + 60, out, NULL) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111 - 60, out, NULL) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111, "000000", NULL) ==
	    (strcmp(out, "000000") == 0 || strcmp(prev, "000000") == 0 ||
	    strcmp(next, "000000") == 0));
	CHECK(auth_totp_verify(key, 20, 1111111111, "14050471", NULL) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111, "05047", NULL) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111, "05047a", NULL) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111, "", NULL) == 0);
	CHECK(auth_totp_verify(key, 20, 1111111111, NULL, NULL) == 0);
	CHECK(auth_totp_verify(NULL, 20, 1111111111, out, NULL) == -1);
	CHECK(auth_totp(key, 20, 10, 6, out) == 0);
	CHECK(auth_totp_verify(key, 20, 10, out, NULL) == 1);
}

static void
test_base32(void)
{
	static const struct {
		const char	*raw;
		const char	*enc;
	} v[] = {
		{ "", "" },
		{ "f", "MY" },
		{ "fo", "MZXQ" },
		{ "foo", "MZXW6" },
		{ "foob", "MZXW6YQ" },
		{ "fooba", "MZXW6YTB" },
		{ "foobar", "MZXW6YTBOI" },
	};
	char		 enc[64];
	unsigned char	 dec[64];
	size_t		 i, n;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		CHECK(auth_base32_encode((const unsigned char *)v[i].raw,
		    strlen(v[i].raw), enc, sizeof(enc)) == 0);
		CHECK_STR(enc, v[i].enc);
		n = 99;
		CHECK(auth_base32_decode(v[i].enc, dec, sizeof(dec), &n) == 0);
		CHECK(n == strlen(v[i].raw) && memcmp(dec, v[i].raw, n) == 0);
	}
	/* The RFC 6238 key as authenticator apps see it. */
	CHECK(auth_base32_encode((const unsigned char *)"12345678901234567890",
	    20, enc, sizeof(enc)) == 0);
	CHECK_STR(enc, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	CHECK(auth_base32_decode("mzxw6ytboi", dec, sizeof(dec), &n) == 0);
	CHECK(n == 6 && memcmp(dec, "foobar", 6) == 0);

	/* Buffers too small, bad characters, lengths, trailing bits. */
	CHECK(auth_base32_encode((const unsigned char *)"foobar", 6, enc,
	    10) == -1);
	CHECK(auth_base32_encode((const unsigned char *)"foobar", 6, enc,
	    11) == 0);
	CHECK(auth_base32_decode("MZXW6YTBOI", dec, 5, &n) == -1);
	CHECK(auth_base32_decode("MZXW6YTBOI", dec, 6, &n) == 0);
	CHECK(auth_base32_decode("MZXW6YTBO1", dec, sizeof(dec), &n) == -1);
	CHECK(auth_base32_decode("MZXW6YTBOI==", dec, sizeof(dec), &n) == -1);
	CHECK(auth_base32_decode("MZXW 6YTB", dec, sizeof(dec), &n) == -1);
	CHECK(auth_base32_decode("M", dec, sizeof(dec), &n) == -1);
	CHECK(auth_base32_decode("MZX", dec, sizeof(dec), &n) == -1);
	CHECK(auth_base32_decode("MZ", dec, sizeof(dec), &n) == -1);
	CHECK(auth_base32_decode(NULL, dec, sizeof(dec), &n) == -1);
}

static void
test_recovery(void)
{
	char	 a[AUTH_RECOVERY_LEN + 1], b[AUTH_RECOVERY_LEN + 1];
	size_t	 i;
	int	 ok = 1;

	auth_recovery_code_new(a);
	auth_recovery_code_new(b);
	CHECK(strlen(a) == AUTH_RECOVERY_LEN);
	CHECK(a[5] == '-');
	CHECK(strcmp(a, b) != 0);
	for (i = 0; i < AUTH_RECOVERY_LEN; i++)
		if (i != 5 && strchr("23456789abcdefghjkmnpqrstuvwxyz",
		    a[i]) == NULL)
			ok = 0;
	CHECK(ok);
}

int
main(void)
{

	test_password_hash();
	test_password_policy();
	test_tokens();
	test_csrf();
	test_same_origin();
	test_throttle();
	test_sha1();
	test_hmac_sha1();
	test_totp();
	test_base32();
	test_recovery();
	return CHECK_DONE();
}
