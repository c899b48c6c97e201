"""Starts and stops the whole Broadside stack for the HTTP tests.

The work is done by the shell functions of scripts/lib.sh (the same ones
scripts/demo and scripts/bench use), called through bash; this module only
orders them and remembers where things are.  Everything runs in a fresh
temporary state directory: a private MariaDB server, the database with both
accounts, the public and admin workers on UNIX sockets, nginx and Apache on
free ports of 127.0.0.1.  stop() ends every process by the PID it recorded.
"""

import os
import shutil
import subprocess
import tempfile
import time


class StackError(Exception):
    pass


def unescape(v):
    """Undoes the mariadb client's batch-mode escapes (\\n, \\t, \\\\, \\0)."""
    out = []
    i = 0
    while i < len(v):
        c = v[i]
        if c == "\\" and i + 1 < len(v):
            out.append({"n": "\n", "t": "\t", "0": "\0",
                        "\\": "\\"}.get(v[i + 1], v[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


class Stack:
    def __init__(self, srcdir, builddir, workers=2):
        self.srcdir = os.path.abspath(srcdir)
        self.builddir = os.path.abspath(builddir)
        self.workers = workers
        self.lib = os.path.join(self.srcdir, "scripts", "lib.sh")
        self.state = None
        self.nginx_port = None
        self.apache_port = None

    # -- plumbing ---------------------------------------------------------

    def sh(self, *args, check=True, timeout=300):
        """Runs one lib.sh function with its arguments; returns its stdout."""
        script = '. "$BS_LIB" && "$@"'
        env = dict(os.environ, BS_LIB=self.lib, BS_PROG="tests/http")
        proc = subprocess.run(
            ["bash", "-c", script, "bash"] + [str(a) for a in args],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise StackError("%s failed (exit %d):\n%s%s" % (
                " ".join(str(a) for a in args), proc.returncode,
                proc.stdout, proc.stderr))
        return proc.stdout

    def path(self, *parts):
        return os.path.join(self.state, *parts)

    @property
    def config(self):
        return self.path("broadside.ini")

    @property
    def nginx_url(self):
        return "http://127.0.0.1:%d" % self.nginx_port

    @property
    def apache_url(self):
        return "http://127.0.0.1:%d" % self.apache_port

    @property
    def base_url(self):
        """The configured base URL (the nginx one)."""
        return self.nginx_url

    # -- life cycle -------------------------------------------------------

    def start(self):
        self.state = tempfile.mkdtemp(prefix="broadside-http.")
        os.chmod(self.state, 0o755)
        self.sh("bs_state_init", self.state)
        self.nginx_port = int(self.sh("bs_free_port").strip())
        self.apache_port = int(self.sh("bs_free_port").strip())
        while self.apache_port == self.nginx_port:
            self.apache_port = int(self.sh("bs_free_port").strip())
        self.sh("bs_mariadb_start", self.state)
        self.sh("bs_write_config", self.state, self.nginx_url)
        self.sh("bs_db_setup", self.state, self.builddir,
                os.path.join(self.srcdir, "sample"))
        self.sh("bs_workers_start", self.state, self.builddir, self.workers)
        self.sh("bs_nginx_start", self.state, self.nginx_port)
        self.sh("bs_apache_start", self.state, self.apache_port)

    def stop(self):
        if self.state is None:
            return
        self.sh("bs_stop_all", self.state, check=False)

    def remove_database(self):
        if self.state is not None:
            shutil.rmtree(self.path("mysql"), ignore_errors=True)

    def remove(self):
        if self.state is not None:
            shutil.rmtree(self.state, ignore_errors=True)

    # -- database ---------------------------------------------------------

    def mariadb_stop(self):
        self.sh("bs_mariadb_stop", self.state)

    def mariadb_start(self):
        self.sh("bs_mariadb_start", self.state)

    def secrets(self):
        out = {}
        with open(self.path("secrets")) as f:
            for line in f:
                k, _, v = line.strip().partition("=")
                out[k] = v
        return out

    def sql(self, query, user=None, password=None, check=True):
        """Runs query with the mariadb client, as the superuser or as user.
        Returns a CompletedProcess (stdout: tab-separated rows, no header)."""
        cmd = ["mariadb", "--no-defaults", "--socket=" + self.path("mysqld.sock"),
               "-N", "-B"]
        if user is None:
            cmd += ["-uroot"]
        else:
            cmd += ["-u" + user, "-p" + password, "broadside"]
        proc = subprocess.run(cmd + ["-e", query], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=60)
        if check and proc.returncode != 0:
            raise StackError("SQL failed: %s\n%s" % (query, proc.stderr))
        return proc

    def rows(self, query):
        """Rows of a query as lists of strings (NULL is "NULL")."""
        out = self.sql(query).stdout
        return [[unescape(v) for v in line.split("\t")]
                for line in out.split("\n") if line]

    def admin_sql(self, query, check=True):
        """Runs query in the content database as the programs' read/write
        account (broadside_admin), as the admin program would write; returns
        the CompletedProcess."""
        pw = self.secrets()["BS_PW_ADMIN"]
        return self.sql(query, user="broadside_admin", password=pw,
                        check=check)

    def admin_rows(self, query):
        """Rows of a query run as the admin account (see rows())."""
        out = self.admin_sql(query).stdout
        return [[unescape(v) for v in line.split("\t")]
                for line in out.split("\n") if line]

    # -- processes --------------------------------------------------------

    def pid(self, name):
        try:
            with open(self.path(name + ".pid")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    @staticmethod
    def alive(pid):
        if pid is None:
            return False
        try:
            with open("/proc/%d/stat" % pid) as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"

    def children(self, pid):
        """PIDs of the direct children of pid (the workers of a supervisor)."""
        out = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % entry) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry))
        return sorted(out)

    def log_tail(self, name, lines=30):
        try:
            with open(self.path(name), errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    def logs(self):
        """Every log of the stack, for a failure report."""
        out = []
        for name in ["public.log", "admin.log", "mariadb.log",
                     "nginx/logs/error.log", "apache/logs/error.log"]:
            out.append("== %s ==\n%s" % (name, self.log_tail(name)))
        return "\n".join(out)

    def wait_until(self, predicate, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.2)
        return predicate()
