/*
 * main() of `broadside`, the command line: reads the global options and
 * hands over to one command (cli_*.c).  It owns no state of its own.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cli.h"
#include "db.h"
#include "log.h"

int	main(int, char *[]);

/* The commands, in the order usage() lists them. */
static const struct command {
	const char	*name;
	int		(*fn)(const char *, int, char **);
	const char	*usage;
} commands[] = {
	{ "migrate", cli_migrate, "migrate [--dir DIR] [--grants]" },
	{ "grants", cli_grants, "grants [--accounts]" },
	{ "check", cli_check, "check" },
	{ "import", cli_import, "import sample [DIR]" },
	{ "user", cli_user, "user add|passwd|list|disable|enable|unthrottle ..." },
	{ "version", NULL, "version" },
};

static void
usage(FILE *f)
{
	size_t	 i;

	fprintf(f, "usage: broadside [-c config] command [arguments]\n"
	    "commands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  broadside %s\n", commands[i].usage);
	fprintf(f, "The configuration is -c, else $BROADSIDE_CONFIG, else "
	    "%s.\n", cfg_default_path(NULL));
}

int
main(int argc, char *argv[])
{
	const char	*cfgarg = NULL;
	size_t		 i;
	int		 ch, rc;

	log_init("broadside");
	/* "+": stop at the command; its options are its own. */
	while ((ch = getopt(argc, argv, "+c:h")) != -1) {
		switch (ch) {
		case 'c':
			cfgarg = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return 2;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0])) {
		fprintf(stderr, "broadside: unknown command \"%s\"\n", argv[0]);
		usage(stderr);
		return 2;
	}
	if (commands[i].fn == NULL) {
		if (argc != 1) {
			usage(stderr);
			return 2;
		}
		printf("broadside %s (database schema %d)\n", PACKAGE_VERSION,
		    db_schema_expected());
		return 0;
	}
	rc = commands[i].fn(cfg_default_path(cfgarg), argc, argv);
	db_library_end();
	return rc;
}
