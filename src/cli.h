/*
 * The commands of the `broadside` program (main_cli.c dispatches).  Each
 * gets the configuration path and its own arguments, argv[0] being the
 * command's name, and returns the process exit status: 0 success, 1
 * failure, 2 bad usage.
 */
#ifndef CLI_H
#define CLI_H

/* migrate [--dir DIR] [--grants] (cli_migrate.c) */
int	 cli_migrate(const char *cfgpath, int argc, char **argv);
/* grants [--accounts] (cli_migrate.c) */
int	 cli_grants(const char *cfgpath, int argc, char **argv);
/* check (cli_check.c) */
int	 cli_check(const char *cfgpath, int argc, char **argv);
/* import sample [DIR] (cli_import.c) */
int	 cli_import(const char *cfgpath, int argc, char **argv);
/* user add|passwd|list|disable|enable|unthrottle ... (cli_user.c) */
int	 cli_user(const char *cfgpath, int argc, char **argv);

#endif /* !CLI_H */
