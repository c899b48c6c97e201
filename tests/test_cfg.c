/*
 * Tests of the configuration parser: a good file with its defaults, and the
 * problems an operator makes (missing keys, a bad base URL, an unknown key,
 * a default language that is not configured), each reported with file:line.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "check.h"

int	main(void);

static char	 ini_path[] = "/tmp/test_cfg.ini.XXXXXX";
static char	 err_path[] = "/tmp/test_cfg.err.XXXXXX";
static char	 errbuf[4096];

#define	GOOD_SITE \
	"[site]\n" \
	"name = Harm Reduction Voices\n" \
	"base_url = https://example.org/\n" \
	"languages = en fr es ru\n" \
	"default_language = fr\n" \
	"extra_zones = America/New_York Asia/Bangkok\n"
#define	GOOD_REST \
	"\n[paths]\n" \
	"; a comment\n" \
	"media = /var/lib/broadside/media\n" \
	"media_url = /media/\n" \
	"[database.public]\n" \
	"socket = /run/mysqld/mysqld.sock\n" \
	"user = bs_public\n" \
	"password = p1\n" \
	"database = broadside\n" \
	"[database.admin]\n" \
	"host = db.example.org\n" \
	"port = 3307\n" \
	"user = bs_admin\n" \
	"password = p2\n" \
	"database = broadside\n"

/*
 * Writes text as the configuration file and loads it, with stderr
 * captured into errbuf.
 */
static struct cfg *
load(const char *text)
{
	struct cfg	*c;
	FILE		*f;
	size_t		 n;
	int		 saved, fd;

	if ((f = fopen(ini_path, "w")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);

	fflush(stderr);
	saved = dup(STDERR_FILENO);
	if ((fd = open(err_path, O_WRONLY | O_TRUNC)) == -1)
		abort();
	dup2(fd, STDERR_FILENO);
	close(fd);
	c = cfg_load(ini_path);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);

	if ((f = fopen(err_path, "r")) == NULL)
		abort();
	n = fread(errbuf, 1, sizeof(errbuf) - 1, f);
	errbuf[n] = '\0';
	fclose(f);
	return c;
}

/* Returns 1 if the captured errors contain s. */
static int
err_has(const char *s)
{
	if (strstr(errbuf, s) != NULL)
		return 1;
	fprintf(stderr, "expected \"%s\" in:\n%s", s, errbuf);
	return 0;
}

static void
test_good(void)
{
	struct cfg	*c;

	c = load(GOOD_SITE GOOD_REST);
	CHECK(c != NULL);
	if (c == NULL)
		return;
	CHECK_STR(errbuf, "");
	CHECK_STR(c->site_name, "Harm Reduction Voices");
	CHECK_STR(c->base_url, "https://example.org");
	CHECK(c->langc == 4);
	CHECK_STR(c->langs[3], "ru");
	CHECK_STR(c->default_lang, "fr");
	CHECK(c->zonec == 2);
	CHECK_STR(c->zones[1], "Asia/Bangkok");
	CHECK(c->page_size == 10);
	CHECK(c->cache_seconds == 60);
	CHECK_STR(c->templates_dir, TEMPLATEDIR);
	CHECK_STR(c->static_url, "/static");
	CHECK_STR(c->media_url, "/media");
	CHECK_STR(c->db_public.socket, "/run/mysqld/mysqld.sock");
	CHECK(c->db_public.host == NULL);
	CHECK_STR(c->db_admin.host, "db.example.org");
	CHECK(c->db_admin.port == 3307);
	CHECK_STR(c->db_admin.password, "p2");
	CHECK(c->db_public.group == NULL);
	CHECK(cfg_has_lang(c, "es"));
	CHECK(!cfg_has_lang(c, "de"));
	cfg_free(c);

	c = load(GOOD_SITE "page_size = 25\ncache_seconds = 0\n" GOOD_REST);
	CHECK(c != NULL && c->page_size == 25 && c->cache_seconds == 0);
	cfg_free(c);
}

static void
test_missing(void)
{
	struct cfg	*c;

	c = load("[site]\nname = x\nlanguages = en\ndefault_language = en\n"
	    "[paths]\nmedia = /m\n[database.public]\nuser = a\n"
	    "database = d\n[database.admin]\nuser = b\n");
	CHECK(c == NULL);
	CHECK(err_has(": [site] needs \"base_url\""));
	CHECK(err_has(": [database.admin] needs \"database\""));
	cfg_free(c);

	c = load("");
	CHECK(c == NULL);
	CHECK(err_has("[paths] needs \"media\""));

	CHECK(cfg_load("/nonexistent/broadside.ini") == NULL);
}

static void
test_bad_base_url(void)
{
	struct cfg	*c;

	c = load("[site]\nname = x\nbase_url = example.org\n"
	    "languages = en\ndefault_language = en\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":3: base_url: \"example.org\" is not an absolute"));

	c = load("[site]\nname = x\nbase_url = https://\n"
	    "languages = en\ndefault_language = en\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":3: base_url: \"https://\" has no host"));

	c = load("[site]\nname = x\nbase_url = http://a.org/x?y\n"
	    "languages = en\ndefault_language = en\n" GOOD_REST);
	CHECK(c == NULL);

	c = load("[site]\nname = x\nbase_url = http://a.org:8080/news//\n"
	    "languages = en\ndefault_language = en\n" GOOD_REST);
	CHECK(c == NULL);

	c = load("[site]\nname = x\nbase_url = http://a.org:8080/news/\n"
	    "languages = en\ndefault_language = en\n" GOOD_REST);
	CHECK(c != NULL && strcmp(c->base_url, "http://a.org:8080/news") == 0);
	cfg_free(c);
}

static void
test_unknown_key(void)
{
	struct cfg	*c;
	char		 want[256];

	c = load(GOOD_SITE "colour = blue\n" GOOD_REST "[extra]\nx = 1\n");
	CHECK(c == NULL);
	snprintf(want, sizeof(want), "%s:7: unknown key \"colour\" in [site]",
	    ini_path);
	CHECK(err_has(want));
	CHECK(err_has(":25: unknown section [extra]"));

	/* A key of another section is unknown where it stands. */
	c = load(GOOD_SITE "media = /x\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":7: unknown key \"media\" in [site]"));

	/* A repeated key is a mistake, not an override. */
	c = load(GOOD_SITE "name = again\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":7: \"name\" in [site] already set on line 2"));

	/* A line that is not key = value. */
	c = load(GOOD_SITE "just words\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":7: syntax error"));
}

static void
test_bad_values(void)
{
	struct cfg	*c;

	c = load("[site]\nname = x\nbase_url = http://a.org\n"
	    "languages = en fr\ndefault_language = de\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":5: default_language \"de\" is not one of the "
	    "languages"));

	c = load("[site]\nname = x\nbase_url = http://a.org\n"
	    "languages = en English\ndefault_language = en\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":4: languages: \"English\" is not a language code"));

	c = load("[site]\nname = x\nbase_url = http://a.org\n"
	    "languages = a1 a2 a3 a4 a5 a6 a7 a8 a9 b1 b2 b3 b4 b5 b6 b7 b8\n"
	    "default_language = a1\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has("languages: more than 16 codes"));

	c = load(GOOD_SITE "page_size = 0\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":7: page_size: \"0\" is not a number from 1 to 100"));

	c = load(GOOD_SITE "page_size = 101\n" GOOD_REST);
	CHECK(c == NULL);

	c = load(GOOD_SITE "cache_seconds = soon\n" GOOD_REST);
	CHECK(c == NULL);
	CHECK(err_has(":7: cache_seconds: \"soon\" is not a number"));
}

static void
test_default_path(void)
{
	unsetenv("BROADSIDE_CONFIG");
	CHECK_STR(cfg_default_path("/x.ini"), "/x.ini");
	CHECK_STR(cfg_default_path(NULL), SYSCONFDIR "/broadside.ini");
	setenv("BROADSIDE_CONFIG", "/env.ini", 1);
	CHECK_STR(cfg_default_path(NULL), "/env.ini");
	CHECK_STR(cfg_default_path("/x.ini"), "/x.ini");
	unsetenv("BROADSIDE_CONFIG");
}

int
main(void)
{
	int	 fd;

	if ((fd = mkstemp(ini_path)) == -1 || close(fd) == -1)
		return 99;
	if ((fd = mkstemp(err_path)) == -1 || close(fd) == -1)
		return 99;
	test_good();
	test_missing();
	test_bad_base_url();
	test_unknown_key();
	test_bad_values();
	test_default_path();
	unlink(ini_path);
	unlink(err_path);
	return CHECK_DONE();
}
