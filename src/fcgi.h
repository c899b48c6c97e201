/*
 * The accept loop shared by broadside.fcgi and broadside-admin.fcgi:
 * FastCGI (libfcgi's FCGX_ API) or one-shot CGI, worker processes, and the
 * per-request sequence parse -> route -> database -> handler -> response.
 */
#ifndef FCGI_H
#define FCGI_H

#include "broadside.h"
#include "db.h"

struct	out;

/* How a program wants to be served; zero means the default. */
struct	fcgi_opts {
	const char	*socket;	/* -s: UNIX path or [host]:port; NULL:
					   fd 0 from the web server, or CGI */
	int		 workers;	/* -n: forked workers; -1: the default
					   (2 with a socket, else none: serve
					   in this process) */
	const char	*pidfile;	/* -p: written by the parent, or NULL */
	const char	*progname;	/* for log lines */
	/*
	 * Routes a parsed request (route_public or the admin's table):
	 * returns 0 or an HTTP status for the error page.
	 */
	int		(*route)(struct req *, const struct cfg *);
	/*
	 * Opens site->db (it is NULL when called) and checks the schema.
	 * Returns 0, or -1 with a reason in *why (static storage) if the
	 * database cannot be used now: the request gets a 503 and a later
	 * one tries again.  Must not log: the loop logs once per outage.
	 */
	int		(*connect)(struct site *, const char **why);
	/*
	 * Says whether a routed request needs the database (redirects do
	 * not, and are answered even while it is away); NULL: all do.
	 */
	int		(*needs_db)(const struct req *);
	/* Closes site->db and sets it to NULL. */
	void		(*disconnect)(struct site *);
};

/*
 * Returns 1 if the program was started as a plain CGI program (no -s and
 * standard input is not a listening socket): it will serve one request.
 */
int	fcgi_is_cgi(const struct fcgi_opts *);
/*
 * Serves requests until told to stop, calling dispatch for each routed
 * request.  dispatch returns 0 when it wrote a body into its out (and set
 * r->resp), or an HTTP status, which gets the common error page; its
 * partial body, if any, is discarded.
 *
 * Under CGI (FCGX_IsCGI()) one request is served from the environment and
 * standard output.  Otherwise, with opts->socket the socket is bound here
 * (a UNIX socket is made mode 0666 so that a web server running as
 * another user can connect) and removed on exit; without it, fd 0 is the
 * listening socket a process manager such as mod_fcgid handed over.  With
 * workers > 0 the process forks that many children sharing the socket,
 * restarts any that die, restarts them all on SIGHUP and stops them on
 * SIGTERM or SIGINT; a child finishes its current request before it exits.
 * Database connections are opened in the process that serves, never
 * shared across a fork.
 *
 * Returns 0 on an orderly stop, -1 if it could not start (logged).
 */
int	fcgi_serve(struct site *, int (*dispatch)(struct req *, struct out *),
	    const struct fcgi_opts *);

/*
 * The whole main() of a FastCGI program (fcgi_main.c): parses -c -n -p
 * -s, loads the configuration (then calls configured, if not NULL, for
 * process-wide settings), compiles the templates, connects with the
 * account of role (cfg db_public or db_admin) and serves with dispatch.
 * opts gives progname, route and needs_db; the rest is filled here.
 * Returns the exit status.
 */
int	fcgi_main(int argc, char *argv[], struct fcgi_opts *opts,
	    enum db_role role, int (*dispatch)(struct req *, struct out *),
	    void (*configured)(const struct cfg *));

#endif /* !FCGI_H */
