"""The editorial flow in a real browser: Debian's chromium driven by npm's
playwright-core (tests/browser/editorial.cjs), once with JavaScript and
once without, against the test stack's nginx."""

import os
import shutil
import subprocess

import pytest

from adminlib import PASSWORD

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.abspath(os.path.join(HERE, "..", ".."))
SCRIPT = os.path.join(SRCDIR, "tests", "browser", "editorial.cjs")


def node_modules():
    """node_modules with playwright-core: the source tree's, or one above
    it (make distcheck builds from an unpacked copy)."""
    d = SRCDIR
    for _ in range(4):
        cand = os.path.join(d, "node_modules")
        if os.path.isdir(os.path.join(cand, "playwright-core")):
            return cand
        d = os.path.dirname(d)
    env = os.environ.get("BS_NODE_MODULES")
    if env and os.path.isdir(os.path.join(env, "playwright-core")):
        return env
    return None


@pytest.mark.parametrize("js", ["on", "off"])
def test_editorial_flow_in_chromium(stack, users, js, tmp_path):
    mods = node_modules()
    if mods is None or not shutil.which("node") or \
            not os.path.exists("/usr/bin/chromium"):
        pytest.fail("the browser tests need node, node_modules/playwright-"
                    "core (npm ci) and /usr/bin/chromium (apt-get install "
                    "chromium)")
    env = dict(os.environ, NODE_PATH=mods, BASE_URL=stack.base_url,
               EDITOR="eddie", EDITOR2="edna", PASSWORD=PASSWORD, JS=js,
               PROFILE_DIR=str(tmp_path / "profile"),
               SHOTS_DIR=str(tmp_path))
    proc = subprocess.run(["node", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=600, cwd=os.path.dirname(mods))
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-6000:]
    assert "editorial flow: ok" in proc.stdout
