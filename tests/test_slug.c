/*
 * Unit tests of slug.c: derived slugs are readable, bounded, and always
 * pass the public validator.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "check.h"
#include "slug.h"
#include "valid.h"

static struct arena	*a;

/* Derives with the default bound and checks the result is a slug. */
static const char *
derive(const char *text)
{
	const char	*s;

	s = slug_derive(a, text, 0);
	CHECK(s[0] == '\0' || valid_slug(s));
	CHECK(strlen(s) <= SLUG_DERIVED_MAX);
	return s;
}

int
main(void)
{
	char	 longtitle[400], bad[8];
	const char	*s;
	size_t	 i;

	a = arena_new();

	/* ASCII. */
	CHECK_STR(derive("Hello, World!"), "hello-world");
	CHECK_STR(derive("  --Support. Don't Punish--  "),
	    "support-dont-punish");
	CHECK_STR(derive("COVID-19 and people who use drugs: 2021 update"),
	    "covid-19-and-people-who-use-drugs-2021-update");
	CHECK_STR(derive("a___b...c"), "a-b-c");

	/* Cyrillic, Russian. */
	CHECK_STR(derive("Привет мир"), "privet-mir");
	CHECK_STR(derive("Щука, жук, хор, цапля, чай, шум"),
	    "shchuka-zhuk-khor-tsaplya-chay-shum");
	CHECK_STR(derive("Юла и ёлка: я"), "yula-i-yolka-ya");
	CHECK_STR(derive("Объявление о подъёме"), "obyavlenie-o-podyome");
	CHECK_STR(derive("Заявление сети ЛУН"), "zayavlenie-seti-lun");
	CHECK_STR(derive("ЭХО Ы"), "ekho-y");
	/* Ukrainian and others. */
	CHECK_STR(derive("Її ґанок, Європа, Київ"), "yiyi-ganok-yevropa-kiyiv");
	CHECK_STR(derive("Ђорђе Љубљана Џ"), "djordje-ljubljana-dz");

	/* Latin with diacritics. */
	CHECK_STR(derive("Réduction des risques à Montréal"),
	    "reduction-des-risques-a-montreal");
	CHECK_STR(derive("España: año de reducción"),
	    "espana-ano-de-reduccion");
	CHECK_STR(derive("Über die Straße"), "uber-die-strasse");
	CHECK_STR(derive("Garçon, cœur, Æsir, Øresund"),
	    "garcon-coeur-aesir-oresund");
	CHECK_STR(derive("Łódź, Şişli, Țară, Dvořák"),
	    "lodz-sisli-tara-dvorak");
	CHECK_STR(derive("L’équipe"), "lequipe");
	/* Decomposed: e + combining acute. */
	CHECK_STR(derive("Cafe\xcc\x81 cre\xcc\x80me"), "cafe-creme");

	/* Scripts we do not transliterate separate words or vanish. */
	CHECK_STR(derive("日本語"), "");
	CHECK_STR(derive("Tokyo 東京 2021"), "tokyo-2021");
	CHECK_STR(derive("★★★"), "");
	CHECK_STR(derive(""), "");
	CHECK_STR(derive("1 × 2 ÷ 3"), "1-2-3");

	/* Bytes that are not UTF-8 separate; nothing is read past them. */
	CHECK_STR(derive("ab\xff" "cd"), "ab-cd");
	CHECK_STR(derive("ab\xc0\xaf" "cd"), "ab-cd");
	CHECK_STR(derive("ab\xed\xa0\x80" "cd"), "ab-cd");
	memcpy(bad, "xy\xe2\x82", 4);
	bad[4] = '\0';
	CHECK_STR(derive(bad), "xy");

	/* Long titles are cut at a word boundary within the bound. */
	longtitle[0] = '\0';
	for (i = 0; i < 30; i++)
		memcpy(longtitle + i * 5, "word ", 6);
	s = derive(longtitle);
	CHECK(strlen(s) <= SLUG_DERIVED_MAX);
	CHECK(strlen(s) == 79);		/* 16 words of 4 + 15 hyphens */
	CHECK(s[strlen(s) - 1] == 'd');
	/* One word longer than the bound is cut hard. */
	memset(longtitle, 'x', 200);
	longtitle[200] = '\0';
	s = derive(longtitle);
	CHECK(strlen(s) == SLUG_DERIVED_MAX);
	/* Expansions near the bound: a cut never splits into a hyphen. */
	s = slug_derive(a, "aaaa щщщщ", 8);
	CHECK_STR(s, "aaaa");
	s = slug_derive(a, "aaa bbbb", 8);
	CHECK_STR(s, "aaa-bbbb");
	s = slug_derive(a, "aaa bbbb cc", 8);
	CHECK_STR(s, "aaa-bbbb");
	s = slug_derive(a, "Щ", 2);
	CHECK_STR(s, "sh");

	arena_free(a);
	return CHECK_DONE();
}
